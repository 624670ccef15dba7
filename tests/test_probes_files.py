"""`kg serve`'s routes that read files (`/source/`, `/dist/`, `/static/`) and those that
read names from the path, probed with names the file system refuses. Each test is a probe
the server failed.

Probed and held: encoded `..` (`%2e%2e`, `..%2f`, `%c0%ae`), backslashes, NUL, absolute paths
(`//etc/passwd`, `%2fetc%2fpasswd`) and dot names under every file route; `/dist/` and
`/static/` are Starlette's `StaticFiles`, which keeps every path inside its folder.
"""

from __future__ import annotations

import httpx
import pytest

# Longer than a file name may be (NAME_MAX is 255 bytes on Linux): 300 characters, and 100
# characters of 4 bytes each in UTF-8.
LONG_NAMES = ["a" * 300, "%F0%9F%98%80" * 100, "a" * 5000]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["300", "utf8", "5000"])
@pytest.mark.parametrize("accept", ["text/plain", "text/html", "text/turtle"])
def test_a_source_name_longer_than_a_file_name_is_not_found(kg_server, name, accept):
    """`/source/` + 300 characters: `Path.is_file` raised ENAMETOOLONG (it catches only
    'no such file'), and the route answered 500 with a traceback in the log, closing the
    connection. A name the file system refuses is no source: 404."""
    with httpx.Client() as client:
        answer = client.get(f"{kg_server}/source/{name}", headers={"Accept": accept})
        assert answer.status_code == 404, answer.text[:200]
        # The connection is kept: a 500 from an exception closed it.
        assert client.get(f"{kg_server}/").status_code == 200


@pytest.mark.parametrize(
    "route", ["/dist/", "/static/", "/id/", "/doc/", "/graph/", "/changes/", "/indicators/"]
)
@pytest.mark.parametrize("name", LONG_NAMES, ids=["300", "utf8", "5000"])
def test_every_route_answers_a_long_name_with_404(kg_server, route, name):
    answer = httpx.get(f"{kg_server}{route}{name}", headers={"Accept": "text/plain"})
    assert answer.status_code == 404, (route, answer.text[:200])


@pytest.mark.parametrize("name", ["a%00b", "%2e%2e", ".hidden", "..%2f..%2fetc%2fpasswd"])
def test_a_source_name_with_nul_dots_or_slashes_is_not_found(kg_server, name):
    answer = httpx.get(f"{kg_server}/source/{name}", headers={"Accept": "text/plain"})
    assert answer.status_code == 404, answer.text[:200]


def test_a_source_is_still_served(kg_server, published_dist):
    name = sorted(p.name for p in (published_dist / "sources").iterdir())[0]
    answer = httpx.get(f"{kg_server}/source/{name}", headers={"Accept": "text/plain"})
    assert answer.status_code == 200
    assert answer.text == (published_dist / "sources" / name).read_text(encoding="utf-8")
