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
