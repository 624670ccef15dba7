"""Round 9 of the probes: five holes the eighth round left, and what eight earlier rounds had
not tried. Each test is a probe that found a hole, and fails on the code before its fix; none
measures time: each bounds the work by structure (counts, sizes) or by the server's own limits.
"""

from __future__ import annotations

from urllib.parse import quote_from_bytes, urlencode

import httpx
import pytest

from conftest import _serving


@pytest.fixture(scope="module")
def server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist)),
            # Limits of time no loaded test machine reaches: these probes are of other limits.
            *("--queue-wait", "5", "--query-timeout", "60"),
        ],
        tmp_path_factory,
    )


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=120) as client:
        yield client


# --------------------------------------------------------------------------- If-Modified-Since

FUTURE = "Fri, 01 Jan 2100 00:00:00 GMT"


@pytest.mark.parametrize(
    "path", ["/", "/doc/organization/iom.ttl", "/dist/kg.ttl", "/static/kg.css"]
)
def test_an_if_modified_since_later_than_the_server_s_clock_is_ignored(http, path):
    """A date in the future gave 304 on every page and file: a client (or a cache) whose
    clock is ahead, or that sends one on purpose, would be told an old copy is current for as
    long as that date lies ahead, whatever the data becomes. RFC 7232 section 3.3 says such a
    date is invalid; RFC 9110 section 13.1.3 has a recipient ignore a date it cannot use, as
    Apache does. A copy as old as the page's Last-Modified is still current."""
    fresh = http.get(path)
    assert fresh.status_code == 200
    assert http.get(path, headers={"If-Modified-Since": FUTURE}).status_code == 200
    current = http.get(path, headers={"If-Modified-Since": fresh.headers["last-modified"]})
    assert current.status_code == 304


# --------------------------------------------------------------------------- kg serve's options


@pytest.fixture
def started(monkeypatch):
    """`kg serve`'s options as its parser gives them to the command, nothing started."""
    from kg.cli import serving

    given = []
    monkeypatch.setattr(serving, "run_serve", lambda args: given.append(args) or 0)
    return given


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--workers", "65"),
        ("--workers", "100000"),
        ("--worker-memory", "99999999999999"),  # overflowed RLIMIT_DATA: no worker started
        ("--worker-recycle", str(2**20 + 1)),
        ("--answer-cache-mib", str(2**20 + 1)),
        ("--max-result-size", str(2**40 + 1)),
        ("--query-timeout", "1e300"),  # OverflowError in the query slots: workers lost
        ("--queue-wait", "86401"),
        ("--head-timeout", "1e300"),
    ],
)
def test_serve_options_past_their_bounds_are_refused_by_their_parser(
    option, value, started, capsys
):
    from kg.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", option, value])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and not started
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[0].startswith("usage: kg serve")
    assert lines[-1].startswith(f"kg serve: error: argument {option}: {value}: give ")


def test_serve_options_at_their_bounds_are_taken(started):
    from kg.cli import main

    argv = ["--workers", "64", "--worker-memory", str(2**20), "--max-result-size", str(2**40)]
    assert main(["serve", *argv, "--query-timeout", "86400", "--answer-cache-mib", "0"]) == 0
    (args,) = started
    assert (args.workers, args.worker_memory, args.query_timeout) == (64, 2**20, 86400.0)


# --------------------------------------------------------------------------- /sparql's format=


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("values", [["bogus"], ["xlsx", "pdf"], ["text/plain"]])
def test_an_unknown_format_on_sparql_is_refused_as_on_the_other_routes(http, method, values):
    """`/sparql?format=bogus` answered in the format Accept chose, where `/doc/...?format=
    bogus` answers 400: a client that asked for a format it took the answer to be in got
    another. A format none of whose values is understood is refused in one line."""
    params = [("query", "ASK {}"), *(("format", value) for value in values)]
    if method == "GET":
        response = http.get("/sparql", params=params)
    else:
        response = http.post("/sparql", data=dict(params[:1]), params=params[1:])
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    (line,) = response.text.splitlines()
    assert line.startswith(f"Bad Request: unknown format {values[0]!r}; use one of ")
    other = http.get("/doc/organization/iom", params={"format": values[0]})
    assert other.status_code == 400


@pytest.mark.parametrize(
    ("values", "media"),
    [
        (["json"], "application/sparql-results+json"),
        (["", "csv"], "text/csv"),
        # SPARQLWrapper's pairs, for several kinds of server: one understood is enough
        (["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
        (["xml", "application/sparql-results+xml,*/*;q=0.1"], "application/sparql-results+xml"),
    ],
)
def test_formats_a_client_names_on_sparql_are_still_read(http, values, media):
    params = [("query", "ASK {}"), *(("format", value) for value in values)]
    response = http.get("/sparql", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


# --------------------------------------------------------------------------- charsets of bodies

QUERY = 'SELECT ?x WHERE { BIND("Querétaro" AS ?x) }'
LATIN1 = QUERY.encode("latin-1")
FORM_LATIN1 = b"query=" + quote_from_bytes(LATIN1).encode()


@pytest.mark.parametrize(
    ("path", "media", "body"),
    [
        ("/sparql", "application/sparql-query", LATIN1),
        ("/sparql", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/query", "application/x-www-form-urlencoded", FORM_LATIN1),
    ],
)
@pytest.mark.parametrize("charset", ["iso-8859-1", '"windows-1252"', "UTF-16", "x-no-such"])
def test_a_body_in_another_charset_than_utf8_is_refused_with_415(http, path, media, body, charset):
    """`charset=iso-8859-1` was not read: the body was decoded as UTF-8 with its é replaced
    by U+FFFD, and the answer was to another query than the one sent. The protocol's bodies
    are UTF-8 (application/sparql-query's registration: "The encoding is always UTF-8")."""
    response = http.post(
        path, content=body, headers={"Content-Type": f"{media}; charset={charset}"}
    )
    assert response.status_code == 415, response.text
    (line,) = response.text.splitlines()
    assert line.startswith("Unsupported Media Type: the body says charset=")


@pytest.mark.parametrize(
    ("path", "method", "media", "body"),
    [
        ("/sparql", "POST", "application/sparql-query", LATIN1),
        ("/sparql", "POST", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/query", "POST", "application/x-www-form-urlencoded", FORM_LATIN1),
        ("/sparql", "GET", None, FORM_LATIN1),
        ("/query", "GET", None, FORM_LATIN1),
    ],
)
def test_a_query_that_is_not_utf8_is_refused_not_changed(http, path, method, media, body):
    """Bytes that are not UTF-8 (Latin-1's é, 0xE9) were read as U+FFFD, with no charset
    said too: the query run was not the one sent. They are refused, naming the byte."""
    if method == "GET":
        response = http.get(f"{path}?{body.decode()}")
    else:
        response = http.post(path, content=body, headers={"Content-Type": media})
    assert response.status_code == 400, response.text
    (line,) = response.text.splitlines()
    assert line.startswith("Bad Request: ") and "0xE9" in line


@pytest.mark.parametrize("charset", [None, "utf-8", '"UTF-8"', "utf8", "us-ascii"])
@pytest.mark.parametrize("media", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_a_body_in_utf8_is_read_whatever_it_says_of_it(http, charset, media):
    body = QUERY.encode() if media == "application/sparql-query" else urlencode({"query": QUERY})
    if charset == "us-ascii":  # ASCII is UTF-8: the query's é as an escape
        body = body.replace("é".encode(), b"\\u00E9") if media.endswith("query") else body
    content_type = media if charset is None else f"{media}; charset={charset}"
    response = http.post(
        "/sparql", content=body, headers={"Content-Type": content_type, "Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.text.splitlines() == ["x", "Querétaro"]
