"""Round 10 of the probes: what nine rounds had not tried, at the level of the connection (a
request's head, a protocol error after an answer), of ranges of files, of the query page's
bodies and of the headers the server writes. Each test is a probe that found a hole, and fails
on the code before its fix; none measures time: each bounds the work by structure (counts,
sizes) or by the server's own limits.
"""

from __future__ import annotations

import socket

import httpx
import pytest

from conftest import _serving


class _Logged:
    """`tmp_path_factory` as `_serving` uses it, keeping the folder of the server's log."""

    def __init__(self, factory) -> None:
        self.factory = factory
        self.folder = None

    def mktemp(self, name: str):
        self.folder = self.factory.mktemp(name)
        return self.folder


@pytest.fixture(scope="module")
def logged(tmp_path_factory):
    return _Logged(tmp_path_factory)


@pytest.fixture(scope="module")
def server(published_dist, logged):
    yield from _serving(
        [
            *("--dist", str(published_dist)),
            # Limits of time no loaded test machine reaches: these probes are of other limits.
            *("--queue-wait", "5", "--query-timeout", "60"),
        ],
        logged,
    )


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=120) as client:
        yield client


def _exchange(server: str, data: bytes, then: bytes = b"") -> bytes:
    """What the server sends back on one connection to `data` (and `then`, once it has
    answered), until it closes the connection."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(data)
        received = b""
        if then:
            while b"\r\n\r\n" not in received:
                received += connection.recv(65536)
            connection.sendall(then)
        while True:
            try:
                more = connection.recv(65536)
            except ConnectionResetError:  # closed with bytes of ours unread
                break
            if not more:
                break
            received += more
    return received


def _head(fields: list[bytes], target: bytes = b"/") -> bytes:
    return b"GET " + target + b" HTTP/1.1\r\n" + b"".join(f + b"\r\n" for f in fields) + b"\r\n"


# --------------------------------------------------------------------------- a request's head


def test_a_head_of_more_than_100_header_fields_is_refused_with_431(server):
    """A head of 100,000 empty fields (400 KB, within the bound of a head, which a GET's query
    may fill) was read by h11 one field at a time and its fields looked up by the app: 0.3 s
    of the event loop a request, every other client's request waiting. Past 100 fields the
    head is refused, counted before a field is read."""
    fields = [b"Host: x", b"Connection: close"]
    at_the_bound = _exchange(server, _head(fields + [b"a:"] * 98))
    assert at_the_bound.startswith(b"HTTP/1.1 200 ")
    for extra in (99, 100_000):
        refused = _exchange(server, _head(fields + [b"a:"] * extra))
        assert refused.startswith(b"HTTP/1.1 431 "), refused[:100]
        assert b"at most 100 header fields" in refused


def test_header_fields_past_32_kib_are_refused_with_431(server):
    within = _exchange(server, _head([b"Host: x", b"Connection: close", b"X-A: " + b"b" * 32000]))
    assert within.startswith(b"HTTP/1.1 200 ")
    refused = _exchange(server, _head([b"Host: x", b"X-A: " + b"b" * 33000]))
    assert refused.startswith(b"HTTP/1.1 431 "), refused[:100]


def test_a_request_line_longer_than_a_head_may_be_is_414_a_longer_head_431(server):
    """uvicorn answered 400 ("Invalid HTTP request received.") to a head past h11's bound,
    whichever part made it long."""
    long_line = _exchange(server, _head([b"Host: x"], b"/sparql?query=" + b"a" * 500_000))
    assert long_line.startswith(b"HTTP/1.1 414 "), long_line[:100]
    long_field = _exchange(server, _head([b"Host: x", b"X-A: " + b"b" * 500_000]))
    assert long_field.startswith(b"HTTP/1.1 431 "), long_field[:100]


def test_a_query_too_long_in_the_address_is_414_in_a_body_413(server, http):
    """A GET's query past the length the endpoint takes was answered 413 Payload Too Large,
    a status about a body the request did not have; RFC 9110 section 15.5.15 has 414 for a
    target URI longer than the server is willing to interpret."""
    query = "ASK {}" + " " * 100_000
    for path in (b"/sparql", b"/query"):
        target = path + b"?query=ASK+%7B%7D" + b"+" * 100_000
        answer = _exchange(server, _head([b"Host: x", b"Connection: close"], target))
        assert answer.startswith(b"HTTP/1.1 414 "), answer[:100]
    assert http.post("/sparql", data={"query": query}).status_code == 413
    assert http.post("/query", data={"query": query}).status_code == 413
    body = http.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert body.status_code == 413


def test_a_malformed_head_is_400_without_quoting_it(server):
    refused = _exchange(server, b"GET /" + b"<script>" * 1000 + b" HTTP/9\r\nHost: x\r\n\r\n")
    assert refused.startswith(b"HTTP/1.1 400 ")
    assert b"<script>" not in refused and len(refused) < 1000


@pytest.mark.parametrize("version", [b"HTTP/2.0", b"HTTP/0.9", b"HTTP/3.1"])
def test_a_request_of_another_http_version_is_505(server, version):
    """h11 reads any HTTP/d.d in a request line: an HTTP/2.0 request (and the HTTP/2
    connection preface, `PRI * HTTP/2.0`, of a client speaking HTTP/2 without asking) was
    served as HTTP/1.1; RFC 9110 section 15.6.6 has 505 for a major version not supported."""
    answer = _exchange(server, b"GET / " + version + b"\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 505 "), answer[:100]
    preface = _exchange(server, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
    assert preface.startswith(b"HTTP/1.1 505 "), preface[:100]
    assert _exchange(server, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.1 200 ")


def test_a_transfer_coding_other_than_chunked_is_501(server):
    """RFC 9112 section 6.1: a server that receives a transfer coding it does not understand
    SHOULD answer 501; h11 says so, uvicorn answered 400."""
    head = _head([b"Host: x", b"Transfer-Encoding: gzip, chunked"], b"/sparql")
    answer = _exchange(server, head.replace(b"GET", b"POST") + b"0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 501 "), answer[:100]


@pytest.mark.parametrize(
    ("target", "status"),
    [
        (b"http://kg.example.org/doc/organization/iom", 200),
        (b"HTTP://other.example/sparql?query=ASK%7B%7D", 200),
        (b"https://other.example", 200),
        (b"http://[::1", 200),  # no path: the root
        (b"http://other.example/no-such-page", 404),
    ],
)
def test_a_target_in_absolute_form_is_read_as_its_path(server, target, status):
    """RFC 9112 section 3.2.2: a server MUST accept a request target in absolute form
    (`GET http://host/path`); uvicorn took the whole URI for the path, and every such
    request was 404."""
    answer = _exchange(server, _head([b"Host: x", b"Connection: close"], target))
    assert answer.startswith(b"HTTP/1.1 %d " % status), answer[:100]


def test_the_asterisk_target_is_for_options_only(server):
    """`OPTIONS * HTTP/1.1` asks about the server as a whole (RFC 9110 section 9.3.7, RFC
    9112 section 3.2.4) and was 404, a page not found; `GET *` is no request at all and was
    404 too."""
    options = _exchange(server, b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert options.startswith(b"HTTP/1.1 204 ") and b"allow: GET, HEAD, POST, OPTIONS" in options
    get = _exchange(server, b"GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert get.startswith(b"HTTP/1.1 400 ")


def test_a_protocol_error_after_the_answer_closes_the_connection_quietly(server, logged):
    """A GET with a chunked body the app does not read is answered; a malformed chunk after
    the answer made uvicorn send a second answer, which h11 refused: 'Fatal error:
    protocol.data_received() call failed' and a traceback in the log, once a request."""
    head = _head([b"Host: x", b"Transfer-Encoding: chunked"])
    received = _exchange(server, head, then=b"zz\r\n\r\n")
    assert received.startswith(b"HTTP/1.1 200 ") and received.count(b"HTTP/1.1 ") == 1
    assert _exchange(server, _head([b"Host: x", b"Connection: close"])).startswith(b"HTTP/1.1 200")
    log = (logged.folder / "serve.log").read_text()
    assert "Traceback" not in log and "data_received() call failed" not in log


# --------------------------------------------------------------------------- ranges of files


@pytest.mark.parametrize("path", ["/dist/kg.ttl", "/static/kg.css"])
def test_a_range_in_a_unit_other_than_bytes_is_ignored(http, path):
    """RFC 9110 section 14.2: a server MUST ignore a Range header in a unit it does not
    understand, and answer the whole file; Starlette answered 400 ('Only support bytes
    range'), and a client (or a proxy passing on a unit of its own) got no file."""
    whole = http.get(path)
    for unit in ("items=0-9", "lines=1-2", "none"):
        response = http.get(path, headers={"Range": unit})
        assert response.status_code == 200, unit
        assert response.content == whole.content
    ranged = http.get(path, headers={"Range": "bytes=0-9"})
    assert ranged.status_code == 206 and ranged.content == whole.content[:10]
    assert http.get(path, headers={"Range": "Bytes=0-9"}).status_code == 206


# --------------------------------------------------------------------------- the query page


@pytest.mark.parametrize(
    ("media", "body"),
    [
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="q"'),
        ("application/json", b'{"query": "ASK {}"}'),
        ("application/sparql-query", b"ASK {}"),
        ("text/plain", b"query=ASK+%7B%7D"),
    ],
)
def test_the_query_page_refuses_a_body_that_is_no_form_with_415(http, media, body):
    """The query page read any body as a form: a multipart form, JSON or a bare query showed
    the default query, 200, as if the request had been read (/sparql answers 415)."""
    response = http.post("/query", content=body, headers={"Content-Type": media})
    assert response.status_code == 415
    assert "application/x-www-form-urlencoded" in response.text


def test_the_query_page_still_reads_a_form_and_an_empty_post(http):
    form = http.post("/query", data={"query": "ASK { ?s ?p ?o }"})
    assert form.status_code == 200 and "ASK { ?s ?p ?o }" in form.text
    assert http.post("/query").status_code == 200


# --------------------------------------------------------------------------- headers written


def test_the_link_header_of_a_paged_query_page_is_bounded(http):
    """The Link header of a query page's other pages repeats its query, four times and
    percent-encoded: a query of 3,000 characters made a head of 9 KB (past what nginx in
    front reads by default: 502), one of 90,000 'é' a head h11 clients (httpx) refused to
    read at all. Past 2,048 characters the links are in the page only."""
    query = "# " + "é" * 90_000 + "\nSELECT * { ?s ?p ?o }"
    response = http.post("/query", data={"query": query, "limit": "10"})
    assert response.status_code == 200
    assert "link" not in response.headers
    assert 'rel="next"' in response.text
    short = http.get("/query", params={"query": "SELECT * { ?s ?p ?o }", "limit": "10"})
    assert 'rel="next"' in short.headers["link"]
    assert sum(len(k) + len(v) for k, v in response.headers.items()) < 4096


# --------------------------------------------------------------------------- preconditions

EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT"


@pytest.mark.parametrize(
    "path",
    ["/", "/doc/organization/iom.ttl", "/dist/kg.ttl", "/static/kg.css", "/sparql?query=ASK{}"],
)
def test_if_match_and_if_unmodified_since_are_evaluated(http, path):
    """RFC 9110 section 13.1.1: a server MUST evaluate If-Match before the method; both it and
    If-Unmodified-Since were ignored, and a client whose request named a version it had (a
    range to add to its copy, say) got whatever the current one was, 200 or 206."""
    tag = http.get(path).headers["etag"]
    assert http.get(path, headers={"If-Match": tag}).status_code == 200
    assert http.get(path, headers={"If-Match": f'"other", {tag}'}).status_code == 200
    assert http.get(path, headers={"If-Match": "*"}).status_code == 200
    for other in ('"other"', f"W/{tag}"):  # strong comparison: a weak tag matches none
        assert http.get(path, headers={"If-Match": other}).status_code == 412, other
    ranged = http.get(path, headers={"If-Match": '"other"', "Range": "bytes=0-1"})
    assert ranged.status_code == 412
    if path.startswith("/sparql"):
        return  # an answer has no date of its own
    assert http.get(path, headers={"If-Unmodified-Since": EPOCH}).status_code == 412
    for date in ("Fri, 01 Jan 2100 00:00:00 GMT", "no date"):  # ignored, as If-Modified-Since
        assert http.get(path, headers={"If-Unmodified-Since": date}).status_code == 200


# --------------------------------------------------------------------------- /search's parameters


@pytest.mark.parametrize(
    "params",
    [
        {"format": "xml"},
        {"format": "JSON"},
        {"kind": "places"},
        {"kind": ["things", "passages"]},
        {"format": ["json", "html"]},
    ],
)
def test_a_search_format_or_kind_kg_does_not_offer_is_refused(http, params):
    """`/search?format=xml` was answered in HTML and `kind=places` with every kind, as if
    they had been read (the round before found `/sparql?format=bogus` so; the other routes
    answer 400): a client took the answer for what it had asked."""
    response = http.get("/search", params={"q": "iom", **params})
    assert response.status_code == 400
    assert response.text.startswith("Bad Request: ")


def test_a_search_in_the_formats_and_kinds_offered_is_answered(http):
    assert http.get("/search", params={"q": "iom", "format": "json"}).json()
    assert http.get("/search", params={"q": "iom", "format": "html"}).status_code == 200
    for kind in ("things", "passages", ""):
        assert http.get("/search", params={"q": "iom", "kind": kind}).status_code == 200


# ------------------------------------------------------------------------ the Service Description


@pytest.mark.parametrize(
    ("value", "status", "media"),
    [
        ("bogus", 400, "text/plain"),
        ("csv", 406, "text/plain"),
        ("jsonld", 200, "application/ld+json"),
        ("json", 200, "application/ld+json"),
        ("ntriples", 200, "application/n-triples"),
    ],
)
def test_the_service_description_reads_format(http, value, status, media):
    """`/sparql` without a query (its Service Description) did not read `format=`: a client
    asking for JSON-LD, or for a format there is none of, got Turtle, 200."""
    response = http.get("/sparql", params={"format": value})
    assert response.status_code == status
    assert response.headers["content-type"].startswith(media)


# --------------------------------------------------------------------------- answers left unread


def test_the_answers_all_clients_leave_unread_are_bounded_too():
    """A client may leave 32 MiB of answers unread (`UnreadAnswers`), each held whole by the
    server until read; but a client is an address, an IPv6 address by its /64, and a /48
    holds 65,536 of them: clients of many addresses each leaving their 32 MiB unread had the
    server hold it all, with no bound but the 1,000 connections served at once. Past 512 MiB
    held for all clients, every request is refused (503) until they are read."""
    import asyncio

    from kg.server.headers import UnreadAnswers

    body = bytes(20 * 2**20)  # one object: the 20 MiB each stuck client holds is counted

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    middleware = UnreadAnswers(app)

    async def probe() -> list[int]:
        unread = asyncio.Event()  # a client that reads nothing: never set

        async def stuck(message):
            if message["type"] == "http.response.body":
                await unread.wait()

        statuses: list[int] = []

        async def fresh(message):
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        async def ask(client: str, send) -> None:
            await middleware({"type": "http", "client": (client, 1)}, None, send)

        stuck_ones = []
        for n in range(26):  # 25 of 20 MiB are within 512 MiB, 26 past it
            stuck_ones.append(asyncio.ensure_future(ask(f"2001:db8:0:{n:x}::1", stuck)))
            for _ in range(3):
                await asyncio.sleep(0)  # the client's answer begins, and stops at its piece
            if n in (24, 25):
                await ask("192.0.2.1", fresh)
        for task in stuck_ones:
            task.cancel()
        await asyncio.gather(*stuck_ones, return_exceptions=True)
        await ask("192.0.2.1", fresh)  # all read (or closed): served again
        return statuses

    assert asyncio.run(probe()) == [200, 503, 200]


# --------------------------------------------------------------------------- content codings


@pytest.mark.parametrize("path", ["/sparql", "/query"])
@pytest.mark.parametrize("coding", ["gzip", "br", "identity, gzip"])
def test_a_body_in_a_content_coding_is_refused_with_415(http, path, coding):
    """The bodies' Content-Encoding was not read: a gzipped query was read as its compressed
    bytes (400, 'not UTF-8'), and a body that said `br` but was not compressed was run. RFC
    9110 section 8.4.1: a body in a coding the server does not read is 415."""
    import gzip

    for body in (gzip.compress(b"ASK {}"), b"ASK {}"):
        response = http.post(
            path,
            content=body,
            headers={"Content-Type": "application/sparql-query", "Content-Encoding": coding},
        )
        assert response.status_code == 415, response.text
    plain = {"Content-Type": "application/sparql-query", "Content-Encoding": "identity"}
    assert http.post("/sparql", content=b"ASK {}", headers=plain).status_code == 200


# --------------------------------------------------------------------------- bodies at once


def _from(server: str, source: str) -> socket.socket:
    host, port = server.removeprefix("http://").split(":")
    connection = socket.socket()
    connection.bind((source, 0))  # loopback answers for all of 127.0.0.0/8: a client each
    connection.settimeout(60)
    connection.connect((host, int(port)))
    return connection


def test_the_bodies_all_clients_send_at_once_are_bounded_too(server):
    """A client sends at most four bodies of the largest size (1.2 MB) at once, each held
    until it has arrived; but a client is an address, an IPv6 address by its /64, and the
    clients of a /48 could each send their four, a body held on each of the 1,000
    connections served at once (1.2 GB). Past 32 such bodies for all clients, the next is
    refused (503 with Retry-After), unread."""
    from kg.server.bodies import Bodies

    largest = Bodies(100_000).limit
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        f"Content-Length: {largest}\r\nExpect: 100-continue\r\n\r\n"
    ).encode()
    held = []
    try:
        for client in range(8):  # four bodies each: 32 of the largest size
            for _ in range(4):
                connection = _from(server, f"127.0.0.{20 + client}")
                held.append(connection)
                connection.sendall(head)
                # 100 Continue: the server has begun to read this body, and counts it
                assert connection.recv(100).startswith(b"HTTP/1.1 100 ")
        with _from(server, "127.0.0.30") as another:
            another.sendall(head.replace(b"Expect: 100-continue\r\n", b""))
            answer = another.recv(65536)
        assert answer.startswith(b"HTTP/1.1 503 "), answer[:200]
        assert b"retry-after: 10" in answer.lower()
    finally:
        for connection in held:
            connection.close()


# --------------------------------------------------------------------------- heads held


def test_the_heads_all_connections_hold_unfinished_are_bounded():
    """A head may be 400 KiB (a GET's query) and take `--head-timeout` to arrive, held whole
    meanwhile: one client's 64 connections held 26 MB, the clients of many addresses one
    such head on each of the 1,000 connections served at once, 400 MB. Past 64 MiB of heads
    not yet whole for all connections (as the server's connections share them), a connection
    whose head grows is refused with 503; a whole head is still read, and a connection
    closed gives its bytes back."""
    import h11

    from kg.server.connections import Connections, FramedConnection

    shared = Connections("127.0.0.1")
    piece = b"GET /sparql?query=" + b"a" * 400_000  # no end of line: a head not whole
    held, refused = [], None
    for _ in range(200):
        connection = FramedConnection(h11.SERVER, 416_384, held=shared.heads)
        connection.receive_data(piece)
        try:
            assert connection.next_event() is h11.NEED_DATA
        except h11.RemoteProtocolError:
            refused = connection
            break
        held.append(connection)
    assert refused is not None and refused.refusal[0] == 503
    assert len(held) == 64 * 2**20 // len(piece)
    whole = FramedConnection(h11.SERVER, 416_384, held=shared.heads)
    whole.receive_data(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert isinstance(whole.next_event(), h11.Request)
    for connection in held + [refused]:
        connection._receive_buffer.release()
    assert shared.heads.total == 0


# --------------------------------------------------------------------------- Content-Type


@pytest.mark.parametrize("path", ["/sparql", "/query"])
def test_a_content_type_longer_than_1_kib_is_refused_unparsed(http, path):
    """The parser of MIME parameters (email.message) copies the rest of the header at each
    `;`: a Content-Type of 400 KB of semicolons took seconds of the event loop, every other
    client waiting (0.1 s at 32 KiB, the most a head's fields may be now). A Content-Type is
    some 50 characters; past 1,024 it names no media type kg reads (415), unparsed."""
    long = "application/sparql-query" + ";" * 2000
    response = http.post(path, content=b"ASK {}", headers={"Content-Type": long})
    assert response.status_code == 415
    usual = "application/sparql-query; charset=utf-8"
    if path == "/sparql":
        assert (
            http.post(path, content=b"ASK {}", headers={"Content-Type": usual}).status_code == 200
        )
