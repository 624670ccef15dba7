"""The connections `kg serve` holds: each must send its request's head in time, and one
client holds a bounded share of them.

uvicorn arms no timer on a new connection: a connection that sends nothing, or a request line
and then nothing, was held for ever. Its concurrency limit (1,000, `kg.server.app`) counts open
connections, so 1,000 idle sockets from one address made every other request answer 503 for
as long as they stayed open. `bounded_protocol` makes uvicorn's HTTP/1.1 protocol (h11) with
two bounds:

- a connection not serving a request must send the whole head of its next one within
  `head_seconds` of being opened or of its last answer, or it is closed (with 408 when it had
  begun one); a body's time is the app's (`kg.server.bodies.BODY_SECONDS`);
- one client (its address, an IPv6 address by its /64, as `kg.server.headers.client_of` names
  it) holds at most `per_client` connections at once; a connection past that is answered 429
  and closed before it is read. Connections from the trusted proxies (`--forwarded-allow-ips`)
  are not counted: a proxy brings many clients' requests over its own connections.

And a request whose body could be read two ways is refused (`FramedConnection`): h11 reads a
request with both `Transfer-Encoding` and `Content-Length` by the first, and went on reading
the connection after it, so the bytes a proxy that reads `Content-Length` takes for the body
were served as the next request (request smuggling); RFC 9112 section 6.1 says to close such
a connection, and `Transfer-Encoding` in an HTTP/1.0 request is faulty framing too. Both are
answered 400 and the connection closed, before the app sees them.

A request's head is bounded before h11 reads its fields (`BoundedHead`): at most
`MAX_HEADER_FIELDS` header fields in `MAX_HEADER_BYTES`, else 431 (h11 read 100,000 empty
fields of a 400 KB head, one at a time, and the app looked headers up among them: 0.3 s of the
event loop a request, every other client waiting); a request line longer than the head may be
is 414, a head past its bound 431 (uvicorn answered 400 to each). A protocol error after the
answer has begun (the rest of a body the app did not read) closes the connection: uvicorn sent
a second answer, h11 refused it, and each such request logged a traceback. The heads not yet
whole of all connections are held within HEADS_HELD bytes (`HeldHeads`; past it 503).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections import Counter
from http import HTTPStatus

import h11
from h11._connection import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
from h11._receivebuffer import ReceiveBuffer, blank_line_regex
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.server.headers import client_of

# How long a connection may take to send a request's head (its request line and headers).
HEAD_SECONDS = 20
# Connections one client address may hold at once (a browser opens 6 a host).
CONNECTIONS_PER_CLIENT = 64
# A request's header fields (without the request line, which carries a GET's query): as many
# as Apache takes, in as many bytes as nginx's buffers hold. Browsers send about 20 in 2 KB.
MAX_HEADER_FIELDS = 100
MAX_HEADER_BYTES = 32 * 1024
# The bytes of all connections' heads not yet whole (a GET's query makes a head of up to
# 400 KiB, which may take `--head-timeout` to arrive): one client's 64 connections held 26 MB,
# and clients of many addresses (an IPv6 /48 is 65,536) one on each of the 1,000 connections
# served at once, 400 MB. Past it, a connection whose head grows is refused (503).
HEADS_HELD = 64 * 2**20


class HeldHeads:
    """The bytes held in the receive buffers of all connections (`BoundedHead`)."""

    def __init__(self, limit: int = HEADS_HELD) -> None:
        self.limit = limit
        self.total = 0  # one event loop: no lock needed


def _raw_answer(status: str, message: str, extra: str = "") -> bytes:
    body = (message + "\n").encode()
    return (
        f"HTTP/1.1 {status}\r\ncontent-type: text/plain; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\nx-content-type-options: nosniff\r\n{extra}"
        "connection: close\r\n\r\n"
    ).encode() + body


def ambiguous_framing(request: h11.Request) -> str | None:
    """Why the body of a request (its head as h11 parsed it) could be read two ways, or None:
    `Transfer-Encoding` with `Content-Length`, or in an HTTP/1.0 request (RFC 9112 section
    6.1)."""
    names = {name for name, _ in request.headers}  # h11 lowercases them
    if b"transfer-encoding" not in names:
        return None
    if b"content-length" in names:
        return "both Transfer-Encoding and Content-Length"
    if request.http_version < b"1.1":
        return "Transfer-Encoding in an HTTP/1.0 request"
    return None


def origin_form(request: h11.Request) -> h11.Request:
    """A request whose target is in absolute form (`GET http://host/doc/x HTTP/1.1`), which a
    server MUST accept (RFC 9112 section 3.2.2), as the same request in origin form (`GET
    /doc/x`): uvicorn took the whole URI for the path, and answered 404. The host it names
    is not read, as no Host header is: the routes answer root-relative. Read by its parts
    (scheme, `//`, authority up to the first `/` or `?`), never refused for its authority."""
    scheme, colon, rest = request.target.partition(b":")
    if not colon or scheme.lower() not in (b"http", b"https") or not rest.startswith(b"//"):
        return request
    authority_end = min(
        (at for at in (rest.find(b"/", 2), rest.find(b"?", 2)) if at >= 0), default=len(rest)
    )
    path, question, query = rest[authority_end:].partition(b"?")
    return h11.Request(
        method=request.method,
        target=(path or b"/") + question + query,
        headers=request.headers,
        http_version=request.http_version,
    )


class BoundedHead(ReceiveBuffer):
    """h11's receive buffer, refusing a request's head once it has arrived, before h11 reads a
    field: a request line longer than `max_line` bytes (414; h11's own bound holds only for a
    head that has not arrived whole, and a head arriving in one read was read past it), more
    than MAX_HEADER_FIELDS header fields or MAX_HEADER_BYTES of them (431): counted in the
    buffer, from the end of the request line to the blank line that ends the head."""

    def __init__(self, max_line: int, held: HeldHeads | None = None) -> None:
        super().__init__()
        self.max_line = max_line
        self.refused: tuple[int, str] | None = None  # the status and reason of a refusal
        self.held = held if held is not None else HeldHeads()
        self._counted = 0  # of this buffer's bytes, in `held`

    def __iadd__(self, byteslike):
        super().__iadd__(byteslike)
        self._count()
        return self

    def _extract(self, count: int) -> bytearray:
        out = super()._extract(count)
        self._count()
        return out

    def _count(self) -> None:
        self.held.total += len(self._data) - self._counted
        self._counted = len(self._data)

    def release(self) -> None:
        """The connection is closed: its bytes are held no more."""
        self.held.total -= self._counted
        self._counted = 0

    def maybe_extract_lines(self):
        end = blank_line_regex.search(self._data, self._multiple_lines_search)
        if end is None and self._data and self.held.total > self.held.limit:
            self.refused = (
                503,
                f"Service Unavailable: the server holds {self.held.total:,} bytes of requests' "
                "heads that have not arrived whole; send it again in a while",
            )
            raise h11.LocalProtocolError(self.refused[1], error_status_hint=503)
        if end is not None:
            line_end = self._data.find(b"\n", 0, end.end())
            fields = self._data.count(b"\n", line_end + 1, end.end()) - 1
            size = end.end() - line_end - 1
            if line_end > self.max_line:
                self.refused = (
                    414,
                    f"URI Too Long: a request line may be at most {self.max_line:,} bytes",
                )
            elif fields > MAX_HEADER_FIELDS or size > MAX_HEADER_BYTES:
                self.refused = (
                    431,
                    f"Request Header Fields Too Large: a request may have at most "
                    f"{MAX_HEADER_FIELDS} header fields in {MAX_HEADER_BYTES:,} bytes, not "
                    f"{fields:,} in {size:,}",
                )
            if self.refused is not None:
                raise h11.LocalProtocolError(self.refused[1], error_status_hint=self.refused[0])
        return super().maybe_extract_lines()


class FramedConnection(h11.Connection):
    """h11's connection, for a server, that refuses a request whose body could be read two ways
    (`ambiguous_framing`) as h11 refuses a malformed one: uvicorn answers 400 and closes the
    connection, so that nothing after the head is read as another request. A head is bounded
    (`BoundedHead`); `refusal` is the status and reason of the last error of a head."""

    _receive_buffer: BoundedHead

    def __init__(self, *args, held: HeldHeads | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._receive_buffer = BoundedHead(self._max_incomplete_event_size, held)
        self.refusal: tuple[int, str] = (400, "Bad Request")

    def next_event(self):
        in_head = self.their_state is h11.IDLE
        try:
            event = super().next_event()
        except h11.RemoteProtocolError as exc:
            if in_head:
                self.refusal = self._head_refusal(exc.error_status_hint)
            raise
        if isinstance(event, h11.Request):
            if not event.http_version.startswith(b"1."):
                # h11 reads any HTTP/d.d: an HTTP/2.0 or HTTP/0.9 request was served as 1.1
                version = event.http_version.decode("ascii")
                self.refusal = (
                    505,
                    f"HTTP Version Not Supported: HTTP/{version}; this server speaks HTTP/1.1",
                )
                raise h11.RemoteProtocolError(self.refusal[1])
            try:
                event = origin_form(event)
            except h11.LocalProtocolError:
                self.refusal = (400, "Bad Request: a request target kg serve cannot read")
                raise h11.RemoteProtocolError(self.refusal[1]) from None
            problem = ambiguous_framing(event)
            if problem is not None:
                self.refusal = (400, f"Bad Request: ambiguous message framing: {problem}")
                raise h11.RemoteProtocolError(f"ambiguous message framing: {problem}")
        return event

    def _head_refusal(self, hint: int) -> tuple[int, str]:
        """The status and reason of a head h11 refused: 414 for a request line longer than a
        head may be, 431 for a head past its bounds, 501 for a transfer coding other than
        chunked (RFC 9112 section 6.1; h11's `hint`), else 400."""
        buffer, limit = self._receive_buffer, self._max_incomplete_event_size
        if buffer.refused is not None:
            return buffer.refused
        if len(buffer) > limit:  # h11's bound of a head not arrived whole
            if b"\n" not in buffer._data:
                return 414, f"URI Too Long: a request line may be at most {limit:,} bytes"
            return 431, f"Request Header Fields Too Large: a head may be at most {limit:,} bytes"
        if hint == 501:
            return 501, "Not Implemented: the one transfer coding this server reads is chunked"
        # h11's reason may quote the request (a request line of 400 KB): none of it is sent.
        return 400, "Bad Request: this is not an HTTP/1.1 request kg serve can read"


class TrustedProxies:
    """The addresses of `--forwarded-allow-ips`, as uvicorn reads them: a comma-separated list
    of addresses, networks ("10.0.0.0/8") and other names ("unix:"), or "*" for any."""

    def __init__(self, trusted: str) -> None:
        items = [item.strip() for item in trusted.split(",") if item.strip()]
        self.always_trust = "*" in items
        self.names: set[str] = set()
        self.networks: list = []
        for item in items:
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.names.add(item)

    def __contains__(self, host: str) -> bool:
        if self.always_trust or host in self.names:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in network for network in self.networks)


class Connections:
    """What the connections of one server share: how many each client holds, and the
    bounds."""

    def __init__(
        self,
        trusted: str,
        per_client: int = CONNECTIONS_PER_CLIENT,
        head_seconds: float = HEAD_SECONDS,
    ) -> None:
        self.trusted = TrustedProxies(trusted)
        self.per_client = per_client
        self.head_seconds = head_seconds
        self.open: Counter[str] = Counter()  # one event loop: no lock needed
        self.heads = HeldHeads()

    def too_many(self) -> bytes:
        return _raw_answer(
            "429 Too Many Requests",
            f"Too Many Requests: this client has {self.per_client:,} connections open, the "
            "most one client may hold; use fewer (or reuse them)",
            "retry-after: 10\r\n",
        )

    def too_slow(self) -> bytes:
        return _raw_answer(
            "408 Request Timeout",
            f"Request Timeout: the request's head did not arrive within {self.head_seconds:g} s",
        )


def bounded_protocol(connections: Connections) -> type[H11Protocol]:
    """uvicorn's h11 protocol with the bounds of `connections` (see the module)."""

    class BoundedH11Protocol(H11Protocol):
        _counted: str | None = None
        _head_timer: asyncio.TimerHandle | None = None
        _began = False  # bytes received since the timer was armed

        def __init__(self, config, *args, **kwargs) -> None:
            super().__init__(config, *args, **kwargs)
            self.conn = FramedConnection(
                h11.SERVER,
                config.h11_max_incomplete_event_size or DEFAULT_MAX_INCOMPLETE_EVENT_SIZE,
                held=connections.heads,
            )

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            host = self.client[0] if self.client else ""
            if not connections.trusted.always_trust and host not in connections.trusted:
                client = client_of(host)
                if connections.open[client] >= connections.per_client:
                    transport.write(connections.too_many())
                    transport.close()
                    return
                connections.open[client] += 1
                self._counted = client
            self._arm_head_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_head_timer()
            self.conn._receive_buffer.release()
            if self._counted is not None:
                connections.open[self._counted] -= 1
                if connections.open[self._counted] <= 0:
                    del connections.open[self._counted]
                self._counted = None
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            self._began = True
            super().data_received(data)

        def send_400_response(self, msg: str) -> None:
            """The answer to a request h11 refused (`FramedConnection.refusal`: 400, 414 or
            431), the connection then closed; only closed when an answer has begun already
            (a second one was a LocalProtocolError out of `data_received`, with a
            traceback)."""
            if self.conn.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
                self.transport.close()
                return
            status, reason = self.conn.refusal
            body = (reason + "\n").encode()
            headers = [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"connection", b"close"),
            ] + ([(b"retry-after", b"10")] if status == 503 else [])
            for event in (
                h11.Response(status_code=status, headers=headers, reason=HTTPStatus(status).phrase),
                h11.Data(data=body),
                h11.EndOfMessage(),
            ):
                self.transport.write(self.conn.send(event))
            self.transport.close()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_head_timer()

        def _serving(self) -> bool:
            """Whether a request of this connection is being answered (its head arrived)."""
            return self.cycle is not None and not self.cycle.response_complete

        def _arm_head_timer(self) -> None:
            self._cancel_head_timer()
            self._began = False
            self._head_timer = self.loop.call_later(connections.head_seconds, self._head_late)

        def _cancel_head_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_late(self) -> None:
            self._head_timer = None
            if self.transport.is_closing() or self._serving():
                return
            if self._began:
                self.transport.write(connections.too_slow())
            self.transport.close()

    return BoundedH11Protocol


__all__ = [
    "CONNECTIONS_PER_CLIENT",
    "HEAD_SECONDS",
    "Connections",
    "bounded_protocol",
]
