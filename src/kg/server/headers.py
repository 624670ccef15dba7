"""What every answer of `kg serve` carries, whatever route gave it: security headers, and
redirects that never name a host.

`Application` is Starlette with three changes:

- `SecurityHeaders`, a pure ASGI middleware outside all others (so that CORS preflights,
  redirects, 404s, 500s, downloads and SPARQL results carry them too), adds a strict
  Content-Security-Policy, `X-Content-Type-Options: nosniff`, `Referrer-Policy` and
  `X-Frame-Options: DENY` to every response that does not set its own.
- Starlette's `redirect_slashes` is off: it answered `/downloads/` with an absolute `Location`
  built from the request's Host header (`http://evil.example/downloads` for
  `Host: evil.example`). A path with trailing slashes that has a route without them is
  redirected (307, keeping the method and the query string) to that path, root-relative.
- `UnreadAnswers` keeps a client from piling up answers it does not read: a body is handed to
  the connection in pieces, each when the connection has taken the previous one, and the bytes
  of a client's answers not yet taken are counted; a client (its address, an IPv6 address by
  its /64) with more than `UNREAD_LIMIT` of them is refused (429) until it reads them or goes
  away. Without it, a client that sent query after query on new connections and read none of
  the answers made the server keep each whole (16 MiB results: 14 MB more of the server's
  memory a connection, with no bound but the 1,000 connections served at once). While all
  clients' add up to more than `TOTAL_UNREAD_LIMIT`, every request is refused (503): a /64 is
  one client, and a /48 holds 65,536 of them, each leaving 32 MiB unread.
- `FieldLimit` refuses (400) a query string of more than `MAX_FIELDS` fields before any route
  parses it: Starlette parses a query string whole, on the event loop, the first time a route
  reads a parameter, and 100,000 empty fields held every other answer for a fraction of a
  second each. The count is the one `urllib.parse.parse_qsl(max_num_fields=)` makes (its
  separators), so what passes is what the routes' parser will read. Forms in request bodies
  are parsed with the same bound (`kg.server.handling.form_items`).
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The pages are server-rendered HTML with one stylesheet and one script, both files served by
# the app under /static (no inline <script>, <style>, style= or on...= attributes); the charts
# are inline SVG styled by classes of that stylesheet, so styles need no 'unsafe-inline'. There
# are no images but the favicon, no fonts, no frames, no requests from script; forms go to the
# app itself (/search, /query). `base-uri 'none'`: no <base> can redirect relative links.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Other sites see where a visitor came from, not which query or page (a query page's
    # address holds the query). Not `no-referrer`: with it, browsers send `Origin: null` on
    # the site's own form POSTs, which would blind any check of a request's origin.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """Pure ASGI middleware: `headers` added to every HTTP response that lacks them."""

    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS if headers is None else headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


# The bytes of its answers a client may leave unread (twice the default size limit of a SPARQL
# result) before it is refused, and the pieces a body is handed to the connection in.
UNREAD_LIMIT = 32 * 2**20
PIECE = 64 * 1024
# ... and the bytes of all clients' answers not yet taken (sixteen clients' worth) before any
# request is refused: the answers are held in the server's memory until they are read, and
# clients of many addresses (an IPv6 /48 is 65,536 clients) each leaving UNREAD_LIMIT unread
# held 32 MiB an address, with no bound but the 1,000 connections served at once (31 GiB).
TOTAL_UNREAD_LIMIT = 16 * UNREAD_LIMIT


# Fields of a query string or form: far more than any page, query or paging takes (a query
# has a handful; `default-graph-uri` and `named-graph-uri` may repeat, a few hundred times at
# most in practice).
MAX_FIELDS = 1000


def too_many_fields(text: str) -> bool:
    """Whether a query string or form has more than MAX_FIELDS fields, counted as
    `urllib.parse.parse_qsl` (which Starlette's parser calls) counts them: its separators."""
    return (1 + text.count("&") if text else 0) > MAX_FIELDS


class FieldLimit:
    """Pure ASGI middleware: a request whose query string has more than MAX_FIELDS fields is
    answered 400 before it reaches a route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            text = scope.get("query_string", b"").decode("latin-1")
            if too_many_fields(text):
                response = PlainTextResponse(
                    f"Bad Request: the query string has more than {MAX_FIELDS:,} fields",
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def client_of(host: str) -> str:
    """Who a client is, by the address it connects from: an IPv4 address (mapped into IPv6
    too), an IPv6 address by its /64 network, which one subscriber holds whole (as the query
    workers' share per client, `kg.server.handling.client_of_request`)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class UnreadAnswers:
    """Pure ASGI middleware: bodies handed to the connection in pieces of `piece` bytes (the
    server waits for a slow reader between them), and a client whose answers not yet taken
    add up to more than `limit` bytes refused with 429 and Retry-After, without running the
    request, until it has read them or closed those connections; while all clients' add up
    to more than `total_limit`, every request is refused with 503 and Retry-After."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int = UNREAD_LIMIT,
        piece: int = PIECE,
        total_limit: int = TOTAL_UNREAD_LIMIT,
    ) -> None:
        self.app = app
        self.limit = limit
        self.piece = piece
        self.total_limit = total_limit
        self.unread: Counter[str] = Counter()  # one event loop: no lock needed
        self.total = 0  # the sum of `unread`

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = client_of(scope["client"][0] if scope.get("client") else "")
        if self.unread[client] > self.limit:
            await self._refuse(client, send)
            return
        if self.total > self.total_limit:
            await _plain(
                send,
                503,
                f"Service Unavailable: the server holds {self.total:,} bytes of answers its "
                "clients have not read yet; try again in a while\n",
            )
            return

        async def send_in_pieces(message: Message) -> None:
            body = message.get("body", b"")
            if message["type"] != "http.response.body" or len(body) <= self.piece:
                await send(message)
                return
            more = message.get("more_body", False)
            self.unread[client] += len(body)
            self.total += len(body)
            try:
                view = memoryview(body)
                for start in range(0, len(body), self.piece):
                    end = start + self.piece
                    await send(
                        {
                            "type": "http.response.body",
                            "body": bytes(view[start:end]),
                            "more_body": more or end < len(body),
                        }
                    )
            finally:
                self.unread[client] -= len(body)
                self.total -= len(body)
                if self.unread[client] <= 0:
                    del self.unread[client]

        await self.app(scope, receive, send_in_pieces)

    async def _refuse(self, client: str, send: Send) -> None:
        await _plain(
            send,
            429,
            f"Too Many Requests: this client has {self.unread[client]:,} bytes of earlier "
            f"answers it has not read, more than the {self.limit:,} it may leave unread; read "
            "them (or close those connections) first\n",
        )


async def _plain(send: Send, status: int, text: str) -> None:
    """A refusal of `UnreadAnswers`: one line, and when to come back."""
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"retry-after", b"10"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def slash_location(scope: Scope, routes: list[BaseRoute]) -> str | None:
    """Where a request whose path has trailing slashes goes when a route takes the path
    without them: that path, root-relative, with the query string; else None. Never an
    address that starts `//` (another host, to a browser), never one built from Host."""
    path = scope["path"]
    if scope["type"] != "http" or not path.endswith("/"):
        return None
    stripped = path.rstrip("/")
    if not stripped.startswith("/") or stripped.startswith(("//", "/\\")):
        return None
    target = {**scope, "path": stripped}
    if not any(route.matches(target)[0] is not Match.NONE for route in routes):
        return None
    location = quote(stripped, safe="/:@!$&'()*+,;=~")
    query = scope.get("query_string", b"").decode("latin-1")
    return location + ("?" + query if query else "")


class Application(Starlette):
    """Starlette with `SecurityHeaders` outermost, `UnreadAnswers` inside it, and
    root-relative trailing-slash redirects instead of `redirect_slashes`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.router.redirect_slashes = False
        self.router.default = self._without_slash

    async def _without_slash(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The router's answer when no route matched: the redirect of `slash_location`, else
        Starlette's 404 (the app's exception handler renders it)."""
        if scope["type"] == "http" and scope["path"] == "*":
            # The asterisk form (RFC 9112 section 3.2.4) asks OPTIONS about the server as a
            # whole, and nothing else: it was 404, a page not found, to every method.
            if scope["method"] == "OPTIONS":
                allow = {"Allow": "GET, HEAD, POST, OPTIONS"}
                await Response(status_code=204, headers=allow)(scope, receive, send)
            else:
                refusal = "Bad Request: the target * is for OPTIONS only"
                await PlainTextResponse(refusal, status_code=400)(scope, receive, send)
            return
        location = slash_location(scope, self.router.routes)
        if location is None:
            await self.router.not_found(scope, receive, send)
            return
        await RedirectResponse(location, status_code=307)(scope, receive, send)

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(UnreadAnswers(FieldLimit(super().build_middleware_stack())))
