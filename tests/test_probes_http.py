"""`kg serve` probed at the level of HTTP/1.1 messages, over raw sockets: how a request's body
is framed. Each test is a probe the server failed.

Probed and held: two Content-Length headers that differ, `Transfer-Encoding: chunked,
identity`, `gzip`, `Transfer-Encoding :` (a space before the colon), CR or LF alone in the
request line, header lines of 500 KB, 20,000 headers, TRACE (405), `OPTIONS *` (404); uvicorn's
h11 refuses or bounds each. `X-Forwarded-For` and `Forwarded` from an address that is not a
trusted proxy name no client (a client's share of the workers held with four forged
addresses).
"""

from __future__ import annotations

import socket

import pytest

from kg.server.connections import ambiguous_framing


def _exchange(server: str, data: bytes) -> bytes:
    """Send `data` on a new connection and read until the server closes it (or 10 s pass)."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(data)
        received = b""
        try:
            while more := connection.recv(65536):
                received += more
        except TimeoutError:
            pytest.fail(f"the connection was kept open after: {received[:300]!r}")
    return received


SMUGGLED = b"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"
ASK = b"6\r\nASK {}\r\n0\r\n\r\n"  # ASK {} in one chunk, then the last chunk


@pytest.mark.parametrize(
    "head",
    [
        # Both: h11 read the chunks, answered the query and served the rest as a request.
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n",
        # Transfer-Encoding in HTTP/1.0, which has none (RFC 9112 section 6.1).
        b"POST /sparql HTTP/1.0\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n",
    ],
    ids=["cl-te", "te-cl", "http/1.0-te"],
)
def test_a_body_framed_two_ways_is_refused_and_the_connection_closed(kg_server, head):
    """A proxy that reads Content-Length and a server that reads Transfer-Encoding disagree
    on where a request ends: what follows the chunks was served as a second request on the
    same connection (request smuggling). Refused with 400 now, and the connection closed
    after that one answer, so nothing after the head is read as a request."""
    answer = _exchange(kg_server, head + ASK + SMUGGLED)
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:300]
    assert answer.count(b"HTTP/1.1 ") == 1, answer[:600]
    assert b"boolean" not in answer


def test_a_chunked_body_and_pipelined_requests_are_still_served(kg_server):
    """Transfer-Encoding alone, in HTTP/1.1, frames a body one way: the query is answered,
    and a request pipelined after it too."""
    answer = _exchange(
        kg_server,
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Accept: application/sparql-results+json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + ASK
        + b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        b"Accept: application/sparql-results+json\r\n\r\n",
    )
    assert answer.count(b"HTTP/1.1 200 OK") == 2, answer[:600]
    assert answer.count(b'"boolean":true') == 2


def test_ambiguous_framing_reads_the_parsed_head():
    import h11

    def head(version: bytes, *headers: tuple[bytes, bytes]) -> h11.Request:
        return h11.Request(
            method="POST", target="/", headers=[(b"Host", b"x"), *headers], http_version=version
        )

    chunked = (b"Transfer-Encoding", b"chunked")
    assert ambiguous_framing(head(b"1.1", chunked)) is None
    assert ambiguous_framing(head(b"1.1", (b"Content-Length", b"3"))) is None
    assert ambiguous_framing(head(b"1.0", (b"Content-Length", b"3"))) is None
    assert "Content-Length" in ambiguous_framing(head(b"1.1", chunked, (b"content-length", b"3")))
    assert "HTTP/1.0" in ambiguous_framing(head(b"1.0", chunked))


@pytest.mark.parametrize(
    "since",
    [
        "1 Jan 99999999999999999999 00:00:00",  # OverflowError in parsedate_to_datetime
        "Mon, 01 Jan 2000 9999999999:00:00 GMT",
        "Sat, 01 Jan 0000 00:00:00 GMT",
        "not a date",
    ],
)
@pytest.mark.parametrize(
    "path", ["/", "/doc/organization/iom", "/doc/organization/iom.ttl", "/classes", "/sparql"]
)
def test_an_if_modified_since_that_is_no_date_is_ignored(kg_server, since, path):
    """A day or year too large for a date made every page that answers 304 to a current
    copy answer 500 instead (OverflowError), with a traceback in the log; a value that is no
    date is ignored now (RFC 9110 section 13.1.3), as the files under /dist/ ignored it."""
    import httpx

    answer = httpx.get(
        f"{kg_server}{path}", headers={"If-Modified-Since": since, "Accept": "text/turtle"}
    )
    assert answer.status_code == 200, answer.text[:200]


def test_http_date_reads_dates_and_nothing_else():
    from kg.server.freshness import http_date

    assert http_date("Thu, 01 Jan 1970 00:00:10 GMT") == 10.0
    assert http_date("1 Jan 99999999999999999999 00:00:00") is None
    assert http_date("") is None
