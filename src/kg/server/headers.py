"""What every answer of `kg serve` carries, whatever route gave it: security headers, and
redirects that never name a host.

`Application` is Starlette with two changes:

- `SecurityHeaders`, a pure ASGI middleware outside all others (so that CORS preflights,
  redirects, 404s, 500s, downloads and SPARQL results carry them too), adds a strict
  Content-Security-Policy, `X-Content-Type-Options: nosniff`, `Referrer-Policy` and
  `X-Frame-Options: DENY` to every response that does not set its own.
- Starlette's `redirect_slashes` is off: it answered `/downloads/` with an absolute `Location`
  built from the request's Host header (`http://evil.example/downloads` for
  `Host: evil.example`). A path with trailing slashes that has a route without them is
  redirected (307, keeping the method and the query string) to that path, root-relative.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.responses import RedirectResponse
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
    """Starlette with `SecurityHeaders` outermost and root-relative trailing-slash
    redirects instead of `redirect_slashes`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.router.redirect_slashes = False
        self.router.default = self._without_slash

    async def _without_slash(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The router's answer when no route matched: the redirect of `slash_location`, else
        Starlette's 404 (the app's exception handler renders it)."""
        location = slash_location(scope, self.router.routes)
        if location is None:
            await self.router.not_found(scope, receive, send)
            return
        await RedirectResponse(location, status_code=307)(scope, receive, send)

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())
