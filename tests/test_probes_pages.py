"""What the query page (`/query`) makes in the server's own process of a result a client
shaped: its size. Each test is a probe the server failed.

Probed and held: reflected input (the query, `example=`, `page=`, `limit=`, search `q=`,
paths in 404 pages, SPARQL errors shown on the page) is escaped in every page, and error
bodies are text/plain; charts and maps link only http(s) IRIs.
"""

from __future__ import annotations

import httpx
import pytest

from conftest import _serving
from kg.server.querypage import CELL_TEXT, PAGE_CELLS, PAGE_VALUE_TEXT, cell_text, shown


@pytest.fixture(scope="module")
def page_server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist), "--max-result-size", str(16 * 2**20)),
            *("--queue-wait", "5", "--query-timeout", "60"),
        ],
        tmp_path_factory,
    )


def _made_up_iris(length: int) -> str:
    """A SELECT of 1,000 rows of 10 columns, each a different IRI of about `length`
    characters, made by the query (10,000 cells, PAGE_CELLS)."""
    pad = "x" * length
    digits = "0 1 2 3 4 5 6 7 8 9"
    columns = "abcdefghij"
    binds = " ".join(f'BIND(IRI(CONCAT(?base, "{c}")) AS ?{c})' for c in columns)
    return (
        f"SELECT {' '.join('?' + c for c in columns)} WHERE {{ "
        f"VALUES ?n {{ {digits} }} VALUES ?m {{ {digits} }} VALUES ?k {{ {digits} }} "
        f'BIND(CONCAT("http://made-up.example/{pad}/", STR(?n), STR(?m), STR(?k), "/") '
        f"AS ?base) {binds} }}"
    )


def test_a_page_of_many_long_values_is_bounded(page_server):
    """10,000 made-up IRIs of 1,000 characters (a result of 10 MB, within the size limit):
    each written three times, a page of 31 MB, built in the server's process (46 MB at 1,500
    characters; twelve clients at once took the server to 900 MB). The page's values are
    PAGE_VALUE_TEXT characters in all now, each cut shorter when there are many."""
    query = _made_up_iris(1000)
    response = httpx.post(f"{page_server}/query", data={"query": query}, timeout=120)
    assert response.status_code == 200, response.text[-500:]
    assert response.text.count("<tr") == 1 + PAGE_CELLS // 10  # every row is there
    assert len(response.content) < 3 * PAGE_VALUE_TEXT + 3_000_000, len(response.content)
    # Each IRI cut at cell_text characters: shown as text, not linked (the query's own text,
    # in the editor, holds the long run of x).
    start = "http://made-up.example/"
    cut = cell_text(PAGE_CELLS)
    assert response.text.count(start + "x" * (cut - len(start)) + "…") == PAGE_CELLS
    assert f'href="{start}' not in response.text


def test_a_page_of_few_values_shows_each_up_to_cell_text(page_server):
    """One value of 3,000 characters is still cut at CELL_TEXT, no shorter."""
    response = httpx.post(
        f"{page_server}/query",
        data={"query": 'SELECT ?v WHERE { BIND(CONCAT("' + "y" * 3000 + '", "") AS ?v) }'},
        timeout=60,
    )
    assert response.status_code == 200
    assert "y" * CELL_TEXT + "…" in response.text


def test_cell_text_shares_the_page_among_its_values():
    assert cell_text(1) == CELL_TEXT
    assert cell_text(0) == CELL_TEXT
    assert cell_text(PAGE_CELLS) * PAGE_CELLS <= PAGE_VALUE_TEXT
    assert cell_text(PAGE_CELLS) >= 200  # the graph's IRIs stay links
    iri = {"type": "uri", "value": "http://a.example/" + "z" * 300}
    assert shown(iri, 200) == {"type": "literal", "value": iri["value"][:200] + "…"}
    assert shown(iri) == iri


def test_a_number_past_the_largest_float_charts_as_no_number(page_server):
    """A query's integers of 400 digits are numbers of XSD, but no float: the chart's reading
    of them raised OverflowError, and the query page answered 500 (with a traceback in the
    log, the connection closed). Such a value is not charted; the page is made."""
    huge = "9" * 400
    query = (
        "SELECT ?n ?x WHERE { VALUES (?x ?n) { "
        f'(<http://a.example/> "{huge}"^^<http://www.w3.org/2001/XMLSchema#integer>) '
        '(<http://b.example/> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) } }'
    )
    response = httpx.post(f"{page_server}/query", data={"query": query}, timeout=60)
    assert response.status_code == 200, response.text[-500:]
    assert 'class="chart"' not in response.text


@pytest.fixture(scope="module")
def one_page_server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist), "--workers", "1", "--per-client", "4"),
            *("--queue", "4", "--queue-wait", "1", "--query-timeout", "60"),
            *("--answer-cache-mib", "0"),
        ],
        tmp_path_factory,
    )


def _slow_count(seed: int) -> str:
    """A query that counts a cross product of some millions of rows (a few seconds), each
    text of its own (no run shared between requests)."""
    values = " ".join(str(n) for n in range(70))
    rows = " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abcd")
    return f"SELECT (COUNT(*) + {seed} AS ?n) WHERE {{ {rows} }}"


def test_query_pages_are_made_as_many_at_once_as_there_are_workers(one_page_server):
    """A page is made in the server's process after its query's worker is free, outside the
    workers' limits: with one worker, one page is made at a time, and a request that waits
    longer than a worker would be waited for is refused with 503 and Retry-After, holding
    nothing meanwhile."""
    import concurrent.futures

    def ask(seed: int) -> httpx.Response:
        return httpx.post(
            f"{one_page_server}/query", data={"query": _slow_count(seed)}, timeout=120
        )

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(ask, range(3)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses[0] == 200
    refused = [a for a in answers if a.status_code == 503]
    assert refused, statuses
    for answer in refused:
        assert "query pages are being made" in answer.text
        assert int(answer.headers["Retry-After"]) >= 1
