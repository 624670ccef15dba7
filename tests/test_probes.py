"""`kg serve` probed as a hostile client would, for what `tests/test_abuse_server.py` does not
cover: request headers that cost the event loop, answers a client leaves unread, query pages
that cost the server's own memory, and forms of very many fields. Each test is one probe that
the server failed; no test measures time (the figures are in the commit messages).

The server runs in its own process (see `conftest._serving`), with the default size limit of a
result, so that a few answers add up to more than a client may leave unread.

Probed and held (see docs/server-security.md): expensive SPARQL (cartesian products, `(a|^a)*`
paths, VALUES of 15,000 rows squared, CONCAT and REPLACE doubling, GROUP_CONCAT and ORDER BY over
products: stopped at the time limit or the memory cap, the worker replaced, with `--dist` and
`--store`), FROM and GRAPH of `file:` and `http:` IRIs (no access), LOAD and updates, encoded
`..`, backslashes, NUL and overlong UTF-8 under every route, CR/LF and U+2028 in parameters
echoed into Location and Link, open redirects, XSS in every page that echoes input, FTS5 syntax,
smuggling (CL+CL, TE tricks), Range with many ranges.
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

import httpx
import pytest

from conftest import _serving
from kg.server import conneg, headers
from kg.server.headers import MAX_FIELDS
from kg.server.querypage import CELL_TEXT, PAGE_CELLS

RESULT_LIMIT = 16 * 2**20  # kg serve's default size limit of a result


@pytest.fixture(scope="module")
def probe_server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist), "--max-result-size", str(RESULT_LIMIT)),
            # Limits of time no loaded test machine reaches: these probes are of other limits.
            *("--queue-wait", "5", "--query-timeout", "60"),
        ],
        tmp_path_factory,
    )


@pytest.fixture(scope="module")
def http(probe_server):
    with httpx.Client(base_url=probe_server, timeout=120) as client:
        yield client


def _address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


# --------------------------------------------------------------------------------------------
# Headers read on the event loop
# --------------------------------------------------------------------------------------------


def test_a_huge_accept_header_is_read_only_as_far_as_its_start(http):
    """An Accept header of 300 KB (the server takes request heads of hundreds of KB, for long
    GET queries) was read whole, range by range, on the event loop, once per negotiation:
    400 KB of commas took 3 s a request, and six such requests held every other answer, a
    static file's too, for 15 s. Only its first ranges are read now: what comes after the
    first 4 KiB is as if it were not there. (A head's header fields are at most 32 KiB now,
    `tests/test_probes_round10.py`: one of 300 KB is refused with 431 before it is read.)"""
    accept = ", " * 16_000 + "text/csv"
    response = http.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": accept})
    assert response.status_code == 406
    accept = ", " * 150_000 + "text/csv"
    response = http.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": accept})
    assert response.status_code == 431
    assert len(conneg.parse_accept(", ".join(["text/csv"] * 100_000))) <= 64
    # A header as clients send it is read as before.
    ordinary = "text/csv;q=0.9, application/sparql-results+json;q=0.1"
    response = http.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": ordinary})
    assert response.status_code == 200 and response.text.strip() == "true"


# --------------------------------------------------------------------------------------------
# Answers a client does not read
# --------------------------------------------------------------------------------------------

# Four values of 40 characters for each of the 10,039 triples: a JSON result of about 14 MB,
# under the size limit.
LARGE = (
    "SELECT ?s ?p ?o ?a WHERE { ?s ?p ?o VALUES ?a { "
    + " ".join(f'"{"x" * 40}{n}"' for n in range(4))
    + " } }"
)


def _unread(probe_server: str, client: str) -> tuple[socket.socket, str]:
    """A connection that asks for the large result and reads its status line only (with a
    small receive buffer: the rest stays with the server); the connection and the line."""
    connection = socket.socket()
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    connection.settimeout(60)
    connection.connect(_address(probe_server))
    connection.sendall(
        f"GET /sparql?query={quote(LARGE)} HTTP/1.1\r\nHost: x\r\n"
        f"Accept: application/sparql-results+json\r\nX-Forwarded-For: {client}\r\n\r\n".encode()
    )
    data = b""
    while b"\r\n" not in data:
        more = connection.recv(256)
        if not more:
            break
        data += more
    return connection, data.split(b"\r\n")[0].decode("latin-1")


def test_answers_a_client_leaves_unread_are_bounded(probe_server, http):
    """One address sent a query for a 14 MB result on a new connection, read nothing of the
    answer, and sent the next: the server kept every answer whole (30 connections took it from
    75 to 492 MiB; nothing bounded it but the 1,000 connections it serves at once). A client
    with more than `UNREAD_LIMIT` bytes of answers unread is refused with 429 now, and served
    again once it has closed those connections."""
    client = "10.77.0.1"
    needed = headers.UNREAD_LIMIT // (14 * 10**6) + 1  # answers past the limit
    connections, lines = [], []
    try:
        for _ in range(needed + 3):
            connection, line = _unread(probe_server, client)
            connections.append(connection)
            lines.append(line)
            if " 429 " in line:
                break
        assert lines[0].startswith("HTTP/1.1 200"), lines
        assert lines[-1].startswith("HTTP/1.1 429"), lines
        refused = http.get(
            "/sparql", params={"query": "ASK {}"}, headers={"X-Forwarded-For": client}
        )
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) >= 1
        assert "not read" in refused.text
        # Another client is served meanwhile.
        other = http.get(
            "/sparql", params={"query": "ASK {}"}, headers={"X-Forwarded-For": "10.77.0.2"}
        )
        assert other.status_code == 200
    finally:
        for connection in connections:
            connection.close()
    for _ in range(100):  # the server notices the closed connections
        again = http.get("/sparql", params={"query": "ASK {}"}, headers={"X-Forwarded-For": client})
        if again.status_code == 200:
            break
        threading.Event().wait(0.1)
    assert again.status_code == 200


# --------------------------------------------------------------------------------------------
# The query page's cells and the fields of forms and query strings (kg.server.app, FieldLimit)
# --------------------------------------------------------------------------------------------


def test_the_query_page_shows_a_bounded_number_of_cells(http):
    columns = " ".join(f"BIND(?s AS ?v{n})" for n in range(40))
    response = http.post(
        "/query", data={"query": f"SELECT * WHERE {{ ?s ?p ?o {columns} }} LIMIT 1000"}
    )
    assert response.status_code == 200
    # 40,000 cells were about 9 MB of page: now PAGE_CELLS a page, 232 rows of 43 columns,
    # and the next page's link says so.
    assert len(response.content) < 4_000_000
    # 43 columns: ?s ?p ?o and the forty.
    assert response.text.count("<tr") == 1 + PAGE_CELLS // 43  # the header and the rows
    # (in the page: a Link header repeating a query this long would be past its bound of
    # 2,048 characters, `tests/test_probes_round10.py`)
    assert f"limit={PAGE_CELLS // 43}" in response.text


def test_a_long_literal_is_cut_on_the_query_page(http):
    # 3,000 characters made by the query, not written in it (the page shows the query too).
    hundred = "CONCAT(" + ", ".join(["?ten"] * 10) + ")"
    query = (
        'SELECT ?long WHERE { BIND("xxxxxxxxxx" AS ?ten) BIND(' + hundred + " AS ?hundred) "
        "BIND(CONCAT(" + ", ".join(["?hundred"] * 30) + ") AS ?long) }"
    )
    response = http.post("/query", data={"query": query})
    assert response.status_code == 200
    assert "x" * CELL_TEXT + "…" in response.text and "x" * (CELL_TEXT + 1) not in response.text


@pytest.mark.parametrize("where", ["body", "query-string"])
def test_a_form_of_very_many_fields_is_refused(probe_server, where):
    fields = b"query=ASK%7B%7D" + b"&x=" * 100_000
    if where == "body":
        request = (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % len(fields) + fields
        )
    else:  # 300 KB: longer than httpx sends, shorter than the server takes
        request = b"GET /sparql?" + fields + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with socket.create_connection(_address(probe_server), timeout=60) as connection:
        connection.sendall(request)
        answer = b""
        while more := connection.recv(65536):
            answer += more
    status = answer.split(b"\r\n")[0].decode("latin-1")
    assert status.split()[1] == "400", status
    assert b"more than 1,000 fields" in answer


@pytest.mark.parametrize("where", ["body", "query-string"])
@pytest.mark.parametrize(("fields", "status"), [(MAX_FIELDS, 200), (MAX_FIELDS + 1, 400)])
def test_the_field_limit_is_exact(http, where, fields, status):
    text = "query=ASK%7B%7D" + "&x=" * (fields - 1)
    if where == "body":
        response = http.post(
            "/sparql",
            content=text,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        response = http.get("/sparql?" + text)
    assert response.status_code == status, response.text
