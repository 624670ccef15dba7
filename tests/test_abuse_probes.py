"""`kg serve` probed from the network for what `tests/test_abuse_server.py` and
`tests/test_probes.py` do not cover: connections held open without a request, caches that
could keep one variant of an answer for another, and query pages made far larger than their
result. Each test is a probe the server failed; none measures time.

The server runs in its own process (see `conftest._serving`). Loopback answers for all of
127.0.0.0/8, so a client here can connect from several addresses (127.0.0.2, 127.0.0.3...):
the server trusts no proxy in them, so each is a client of its own.
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

import httpx
import pytest

from conftest import _serving
from kg.server.bodies import BODIES_PER_CLIENT

PER_CLIENT = 8  # --connections-per-client of the server under test
HEAD_SECONDS = 2  # --head-timeout


@pytest.fixture(scope="module")
def bounded_server(published_dist, tmp_path_factory):
    yield from _serving(
        [
            *("--dist", str(published_dist), "--queue-wait", "5", "--query-timeout", "60"),
            *("--max-result-size", str(16 * 2**20)),
            # A proxy address that never connects: 127.0.0.x are clients, not proxies.
            *("--forwarded-allow-ips", "192.0.2.1"),
            *("--connections-per-client", str(PER_CLIENT)),
            *("--head-timeout", str(HEAD_SECONDS)),
        ],
        tmp_path_factory,
    )


def _connect(server: str, source: str, timeout: float = 60) -> socket.socket:
    host, port = server.removeprefix("http://").split(":")
    connection = socket.socket()
    connection.bind((source, 0))
    connection.settimeout(timeout)
    connection.connect((host, int(port)))
    return connection


def _read_all(connection: socket.socket) -> bytes:
    data = b""
    while more := connection.recv(65536):
        data += more
    return data


def _get(server: str, source: str, path: str = "/") -> bytes:
    with _connect(server, source) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        return _read_all(connection)


# --------------------------------------------------------------------------------------------
# Connections (kg.server.connections)
# --------------------------------------------------------------------------------------------


def test_one_client_holds_a_bounded_number_of_idle_connections(bounded_server):
    """uvicorn armed no timer on a new connection and counted open connections against its
    limit of 1,000: one address that opened 1,000 connections and sent nothing made every
    request of every client answer 503, for as long as it kept them. A client holds at most
    `--connections-per-client` now; the next is answered 429 and closed, and other clients
    are served meanwhile."""
    held = [_connect(bounded_server, "127.0.0.2") for _ in range(PER_CLIENT)]
    try:
        with _connect(bounded_server, "127.0.0.2") as extra:
            answer = _read_all(extra)
        assert answer.startswith(b"HTTP/1.1 429"), answer[:200]
        assert b"retry-after: 10" in answer.lower()
        assert f"has {PER_CLIENT} connections open".encode() in answer
        assert _get(bounded_server, "127.0.0.3").startswith(b"HTTP/1.1 200")
    finally:
        for connection in held:
            connection.close()


def test_a_connection_that_sends_no_head_in_time_is_closed(bounded_server):
    """A request line, then nothing: the connection was held for ever. Closed now once the
    head has not arrived within `--head-timeout`, saying so (408); a connection that sends
    nothing at all is closed too, and a client whose connections were closed is served."""
    with _connect(bounded_server, "127.0.0.4") as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        answer = _read_all(slow)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"did not arrive within 2 s" in answer
    with _connect(bounded_server, "127.0.0.4") as silent:
        assert _read_all(silent) == b""
    assert _get(bounded_server, "127.0.0.4").startswith(b"HTTP/1.1 200")


UPGRADE = (
    "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def test_a_websocket_upgrade_is_served_as_http_and_its_connection_counted_out(bounded_server):
    """uvicorn handed a connection that asked to upgrade to WebSocket to its WebSocket
    protocol (the app has no WebSocket route: it answered 403), and the bounded protocol was
    never told that the connection ended: each such request, its connection closed, was
    counted open for good, and `--connections-per-client` of them shut their address out
    (429 to every connection) until the server was restarted. The server speaks HTTP only
    now: the request is served as the GET it is, and the address is served after it."""
    for _ in range(PER_CLIENT + 2):
        with _connect(bounded_server, "127.0.0.9") as connection:
            connection.sendall(UPGRADE.encode())
            answer = connection.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert _get(bounded_server, "127.0.0.9").startswith(b"HTTP/1.1 200")


def _post(connection: socket.socket, body: bytes, length: int | None = None) -> None:
    connection.sendall(
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Accept: application/sparql-results+json\r\n"
        + f"Content-Length: {len(body) if length is None else length}\r\n\r\n".encode()
        + body
    )


def test_the_bodies_one_client_sends_at_once_are_bounded(bounded_server):
    """Each connection's body was held until it had arrived whole (up to 30 s), and one
    address's connections held as many bodies of the largest size (1.2 MB) as it had
    connections (64: 69 MiB more in the server's process). A client sends at most
    BODIES_PER_CLIENT of them at once now, counted in bytes: the next body is refused with
    429 and Retry-After, unread, other clients are served meanwhile, and the client is
    served again once its bodies have arrived."""
    with _connect(bounded_server, "127.0.0.10") as probe:
        _post(probe, b"", length=10**9)
        refused = _read_all(probe)
    assert refused.startswith(b"HTTP/1.1 413"), refused[:200]
    largest = int(refused.split(b"at most ")[1].split(b" bytes")[0].replace(b",", b""))
    query = b"query=" + quote("ASK {}").encode()
    held = [_connect(bounded_server, "127.0.0.10") for _ in range(BODIES_PER_CLIENT)]
    try:
        for connection in held:  # all of the largest body but its last byte
            _post(connection, b"query=" + b"a" * (largest - 7), length=largest)
        with _connect(bounded_server, "127.0.0.10") as extra:
            _post(extra, query)
            answer = _read_all(extra)
        assert answer.startswith(b"HTTP/1.1 429"), answer[:300]
        assert b"bytes of request bodies at once" in answer
        assert b"retry-after: 10" in answer.lower()
        with _connect(bounded_server, "127.0.0.11") as other:
            _post(other, query)
            assert _read_all(other).startswith(b"HTTP/1.1 200")
        for connection in held:  # the bodies end: each is read, and answered
            connection.sendall(b"a")
            assert _read_all(connection).startswith(b"HTTP/1.1 413")
    finally:
        for connection in held:
            connection.close()
    with _connect(bounded_server, "127.0.0.10") as again:
        _post(again, query)
        assert _read_all(again).startswith(b"HTTP/1.1 200")


# Four values of 40 characters for each of the 10,039 triples: a JSON result of about 14 MB,
# more than the kernel's buffers hold (as in tests/test_probes.py).
LARGE = (
    "SELECT ?s ?p ?o ?a WHERE { ?s ?p ?o VALUES ?a { "
    + " ".join(f'"{"x" * 40}{n}"' for n in range(4))
    + " } }"
)


def test_an_answer_read_slowly_is_not_cut_by_the_head_timeout(bounded_server):
    """The head timeout is of the request's head only: an answer read slowly, for longer
    than it, arrives whole."""
    with _connect(bounded_server, "127.0.0.5") as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        connection.sendall(
            f"GET /sparql?query={quote(LARGE)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            "Accept: application/sparql-results+json\r\n\r\n".encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += connection.recv(1)
        assert head.startswith(b"HTTP/1.1 200"), head
        size = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        assert size > 10_000_000
        # The answer waits for the client, which reads nothing for longer than the timeout.
        threading.Event().wait(HEAD_SECONDS + 1)
        assert len(_read_all(connection)) == size - len(head.partition(b"\r\n\r\n")[2])


def test_a_kept_alive_connection_serves_request_after_request(bounded_server):
    with httpx.Client(base_url=bounded_server, timeout=60) as client:
        for _ in range(3 * PER_CLIENT):  # one connection, kept alive
            assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


# --------------------------------------------------------------------------------------------
# Variants a cache must tell apart
# --------------------------------------------------------------------------------------------


def _varies_by_accept(response: httpx.Response) -> bool:
    return "accept" in [v.strip().lower() for v in response.headers.get("vary", "").split(",")]


def test_the_query_page_at_the_address_of_the_results_varies_by_accept(bounded_server):
    """`/sparql?query=...` is the query page for a browser and the results for a client: the
    results said `Vary: Accept`, the page did not, so a shared cache could keep the page and
    give it to every client of the results (or the reverse)."""
    with httpx.Client(base_url=bounded_server, timeout=60) as client:
        page = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/html"})
        results = client.get(
            "/sparql",
            params={"query": "ASK {}"},
            headers={"Accept": "application/sparql-results+json"},
        )
    assert page.status_code == results.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert _varies_by_accept(page) and _varies_by_accept(results)


@pytest.mark.parametrize("path", ["/id/nothing/here", "/no/route", "/classes/nothing:here"])
def test_a_negotiated_404_varies_by_accept(bounded_server, path):
    """A 404 is a page or text by Accept, and caches may keep a 404: it says so now."""
    with httpx.Client(base_url=bounded_server, timeout=60) as client:
        page = client.get(path, headers={"Accept": "text/html"})
        text = client.get(path, headers={"Accept": "text/plain"})
    assert page.status_code == text.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert text.headers["content-type"].startswith("text/plain")
    assert _varies_by_accept(page) and _varies_by_accept(text)


# --------------------------------------------------------------------------------------------
# The query page's values (kg.server.querypage)
# --------------------------------------------------------------------------------------------

# A string of 8 * 2 ** 17 = 1 MiB, made by the query (not written in it: the page shows the
# query too).
DOUBLED = 'BIND("xxxxxxxx" AS ?s0) ' + " ".join(
    f"BIND(CONCAT(?s{n}, ?s{n}) AS ?s{n + 1})" for n in range(17)
)


@pytest.mark.parametrize(
    "value",
    [
        'IRI(CONCAT("http://example.org/", ?s17))',  # an IRI: a link, its title, its name
        "?s17",  # a literal: the chart's label and its tooltip
    ],
)
def test_a_long_value_is_shown_cut_wherever_the_query_page_shows_it(bounded_server, value):
    """Long literals were cut in the table, but an IRI was shown whole three times (link, title,
    name) and a literal whole as a chart's label: a result of 8 MB made a query page of 25 MB,
    built in the server's own process. Every value is cut at CELL_TEXT characters now, and a
    cut IRI is no link."""
    from kg.server.querypage import CELL_TEXT

    query = f"SELECT ?v ?n WHERE {{ {DOUBLED} BIND({value} AS ?v) VALUES ?n {{ 1 2 }} }}"
    with httpx.Client(base_url=bounded_server, timeout=60) as client:
        response = client.post("/query", data={"query": query})
    assert response.status_code == 200
    assert len(response.content) < 100_000
    assert "x" * (CELL_TEXT - len("http://example.org/")) + "…" in response.text
    assert "x" * (CELL_TEXT + 1) not in response.text
    assert 'href="http://example.org/x' not in response.text


def test_the_trusted_proxies_are_addresses_networks_and_names():
    """`--forwarded-allow-ips` as uvicorn reads it: addresses, networks, names, or "*"."""
    from kg.server.connections import TrustedProxies

    trusted = TrustedProxies("127.0.0.1, 10.0.0.0/8,fd00::/8, unix:")
    assert all(h in trusted for h in ("127.0.0.1", "10.1.2.3", "fd00::1", "unix:"))
    assert not [h for h in ("11.0.0.1", "127.0.0.2", "::1", "example.org", "") if h in trusted]
    assert not TrustedProxies("127.0.0.1").always_trust
    everyone = TrustedProxies("*")
    assert everyone.always_trust and "203.0.113.9" in everyone
