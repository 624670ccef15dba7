"""`kg serve`: the published graph on the web, as linked-data users expect it.

One server (Starlette on uvicorn) is at once

- a read-only SPARQL 1.1 endpoint at `/sparql` (SPARQL 1.1 Protocol: GET, POST form, POST
  `application/sparql-query`; results negotiated by Accept; a Service Description when asked
  without a query; CORS; refusals, limits and worker processes in `kg.server.sparql`);
- a Linked Data site where every IRI of the graph resolves: `{base}id/...` answers 303 See Other
  to `/doc/...` in the negotiated format (HTML, Turtle, N-Triples, RDF/XML, JSON-LD; a suffix
  or `?format=` for clients that cannot set Accept), with `Vary: Accept`, ETag and
  Last-Modified; the ontology (`/def/kg`, hash IRIs), the source texts (`/source/...`) and the
  named graphs (`/graph/...`) resolve too; anything else is 404;
- HTML pages: a home page, an index of classes with their members, full-text search, a query
  page (an editor with completion, `kg.server.editor`; results as a table, a map, a chart) with
  the named queries as examples, a page per resource with its evidence quotes and, for
  statistics, charts; and a downloads page listing every file of dist/, served under `/dist/`.

The graph's base IRI is mapped onto the server's root (see `kg.server.site`), so the same links
work on 127.0.0.1 and in production. The graph is read from an on-disk store that the server
and each query worker open read-only: by default the store of the publish in `--dist`,
`DIST.store`, which the first start after a publish loads
(`kg.store.embedded.served_store`), or, with
`--store`, a store made by `kg load`. Nothing is loaded at start-up but what `kg load`
recorded beside the store (graph sizes, class members, the banner's example), and names are
looked up as pages need them; the files to download, VoID, the ontology and the source texts
come from `--dist` (with `--store`: if given, else from the folder the store was loaded
from). With `--memory`, the files of `--dist` are loaded into memory instead, in the server
and in each worker, as before there were stores.

This module makes the application and runs it; its routes are in `kg.server.linkeddata` (things,
documents, the ontology, sources, named graphs), `kg.server.pages` (home, classes, search,
downloads), `kg.server.querypage` (`/query`), `kg.server.endpoint` (`/sparql`) and
`kg.server.changes` (releases, indicators), over what they share here (templates, negotiation,
caching, request bodies) and in `kg.server.handling`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import os
import socket
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route

import kg
from kg.errors import KgError
from kg.server import changes, conneg, editor, openapi, paging
from kg.server.answers import DEFAULT_ANSWER_CACHE_BYTES, AnswerCache
from kg.server.bodies import Bodies
from kg.server.connections import (
    CONNECTIONS_PER_CLIENT,
    HEAD_SECONDS,
    Connections,
    bounded_protocol,
)
from kg.server.endpoint import Endpoint
from kg.server.freshness import (
    Files,
    precondition_failed,
    precondition_response,
    unmodified_since,
)
from kg.server.handling import (
    FORMAT_LABELS,
    RDF_CONTENT_TYPES,
    RDF_MEDIA,
    client_of_request,
    named_node,
    plain_text,
    unknown_format,
)
from kg.server.headers import Application
from kg.server.linkeddata import LinkedData
from kg.server.namedqueries import NamedQueryPages, named_query_paths
from kg.server.pages import SitePages
from kg.server.paging import PagingError
from kg.server.querypage import QueryPage
from kg.server.querypool import AnswerCut, QueryPool
from kg.server.site import Site
from kg.server.sparql import (
    DEFAULT_MAX_QUERY_LENGTH,
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WORKERS,
)
from kg.server.xmltext import NotXml, visible
from kg.store.embedded import default_store, served_store

for _suffix, _media in (
    (".ttl", "text/turtle"),
    (".trig", "application/trig"),
    (".nt", "application/n-triples"),
    (".nq", "application/n-quads"),
    (".jsonld", "application/ld+json"),
    (".rq", "application/sparql-query"),
):
    mimetypes.add_type(_media, _suffix)

# A proxy on this machine, reached over IPv4 or IPv6, is trusted to name the client.
LOCAL_PROXIES = "127.0.0.1,::1,::ffff:127.0.0.1"
# Connections and requests served at once; past it, new requests get 503 at once.
MAX_CONCURRENCY = 1000


class Server:
    """The web application over one loaded `Site` and its `QueryPool`."""

    def __init__(
        self,
        site: Site,
        pool: QueryPool,
        max_query_length: int = DEFAULT_MAX_QUERY_LENGTH,
        answer_cache_bytes: int = DEFAULT_ANSWER_CACHE_BYTES,
    ) -> None:
        self.site = site
        self.pool = pool
        self.max_query_length = max_query_length
        # Complete answers of /sparql, given again without a worker (kg.server.answers).
        self.answers = AnswerCache(answer_cache_bytes)
        self._openapi: bytes | None = None  # /openapi.json, made when first asked for
        self.bodies = Bodies(max_query_length)
        self.last_modified = formatdate(site.modified, usegmt=True)
        self.templates = Environment(
            loader=PackageLoader("kg", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
            # What HTML cannot carry of a value is shown as its escape (kg.server.xmltext).
            finalize=visible,
        )
        self.templates.filters["filesize"] = filesize
        dataset = site.dataset()
        self.templates.globals.update(
            site=site,
            dataset=dataset,
            site_title=dataset.get("title", "kg"),
            version=kg.__version__,
            quote=quote,
        )
        # The routes, by what they serve; each reads what it needs of this server.
        self.documents = LinkedData(self)
        self.pages = SitePages(self)
        self.query = QueryPage(self)
        self.endpoint = Endpoint(self)
        # The pages of each named query's rows, from its answer kept by `kg load` when it has one.
        self.named_queries = NamedQueryPages(self)
        # The releases kept in dist/changes/ and the indicators' pages (kg.server.changes).
        self.changes = changes.Pages(self)
        # Security headers on every response and no redirect built from the Host header
        # (kg.server.headers).
        self.app = Application(
            routes=[
                Route("/", self.pages.home),
                Route("/sparql", self.endpoint.sparql, methods=["GET", "POST", "OPTIONS"]),
                Route("/query", self.query.query_page, methods=["GET", "POST"]),
                Route("/queries/{name}", self.named_queries.rows),
                Route("/search", self.pages.search),
                Route("/classes", self.pages.classes),
                Route("/classes/{name:path}", self.pages.class_members),
                Route("/downloads", self.pages.downloads),
                Route("/id/{path:path}", self.documents.thing),
                Route("/doc/{path:path}", self.documents.document),
                Route("/def/profiles", self.documents.profiles_document),
                Route("/def/profiles.{suffix}", self.documents.profiles_document),
                Route("/def/{path:path}", self.documents.ontology),
                Route("/source/{name}", self.documents.source),
                Route("/graph/{path:path}", self.documents.named_graph),
                Route("/.well-known/void", self.well_known_void),
                Route("/openapi.json", self.openapi),
                Route("/changes", self.changes.changelog),
                Route("/changes/{version}", self.changes.release),
                Route("/indicators", self.changes.indicators),
                Route("/indicators/{name}", self.changes.indicator),
                Mount("/dist", Files(directory=site.dist.resolve()), name="dist"),
                # The pages' stylesheets and scripts (files: the Content-Security-Policy allows
                # no inline script or style), and the query editor's bundle under vendor/.
                Mount("/static", editor.StaticAssets(packages=[("kg", "static")]), name="static"),
            ],
            middleware=[
                Middleware(
                    CORSMiddleware,
                    allow_origins=["*"],
                    allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                    allow_headers=[
                        "Accept",
                        "Accept-Profile",
                        "Content-Type",
                        "If-None-Match",
                        "If-Modified-Since",
                    ],
                    expose_headers=[
                        "Content-Location",
                        "Content-Profile",
                        "ETag",
                        "Last-Modified",
                        "Link",
                        "Location",
                        "Vary",
                    ],
                    max_age=86400,
                )
            ],
            exception_handlers={HTTPException: self.http_error, NotXml: self.not_xml},
        )

    # ----------------------------------------------------------------------------------------
    # Responses
    # ----------------------------------------------------------------------------------------

    def render(self, template: str, **context) -> bytes:
        return self.templates.get_template(template).render(**context).encode("utf-8")

    def cached(
        self,
        request: Request,
        body: bytes,
        media_type: str,
        *,
        status: int = 200,
        vary: bool = True,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """A response with a strong ETag and Last-Modified; 304 when the client's copy is
        current (If-None-Match, else If-Modified-Since)."""
        digest = hashlib.sha256(media_type.encode() + b"\0" + body).hexdigest()[:32]
        etag = f'"{digest}"'
        out = {"ETag": etag, "Last-Modified": self.last_modified, "Cache-Control": "no-cache"}
        if vary:
            out["Vary"] = "Accept"
        out.update(headers or {})
        if status == 200 and request.method in ("GET", "HEAD"):
            if precondition_failed(request.headers, etag, self.site.modified):
                return precondition_response({"Vary": out["Vary"]} if vary else None)
            if self._fresh(request, etag):
                return Response(status_code=304, headers=out)
        return Response(body, status_code=status, headers=out, media_type=media_type)

    def _fresh(self, request: Request, etag: str) -> bool:
        if_none_match = request.headers.get("if-none-match")
        if if_none_match is not None:
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            return "*" in tags or etag in tags
        return unmodified_since(request.headers.get("if-modified-since"), self.site.modified)

    def html(self, request: Request, template: str, status: int = 200, **context) -> Response:
        body = self.render(template, request=request, **context)
        return self.cached(request, body, RDF_CONTENT_TYPES["html"], status=status)

    def not_found(self, request: Request, what: str) -> Response:
        """404, as a page or as text by Accept (`Vary: Accept`: a 404 may be kept by caches,
        which must not give the page to a client that asked for text, or the text to a
        browser)."""
        headers = {"Vary": "Accept"}
        if conneg.negotiate(request.headers.get("accept"), ["text/html", "text/plain"]) == (
            "text/html"
        ):
            body = self.render("error.html", request=request, status=404, what=what)
            return Response(body, 404, headers=headers, media_type=RDF_CONTENT_TYPES["html"])
        return Response(
            f"Not Found: {what}\n", 404, headers=headers, media_type="text/plain; charset=utf-8"
        )

    async def not_xml(self, request: Request, exc: NotXml) -> Response:
        """406 for a document RDF/XML cannot carry (kg.server.xmltext), whichever route
        made it."""
        response = plain_text(406, exc.message("document", "Turtle, N-Triples or JSON-LD"))
        response.headers["Vary"] = "Accept"
        return response

    async def http_error(self, request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return self.not_found(request, request.url.path)
        return Response(f"{exc.detail}\n", exc.status_code, headers=exc.headers)

    def rdf_format(self, request: Request, offered=tuple(conneg.RDF_FORMATS)) -> str | Response:
        """The format a client asked for (`format=`, else Accept), or an error response."""
        try:
            name = conneg.requested_format(request.query_params)
        except ValueError as exc:
            return plain_text(400, str(exc))
        if name:
            fmt = conneg.rdf_format(name)
            if fmt is None or fmt not in offered:
                return unknown_format(name, offered)
            return fmt
        fmt = conneg.negotiate_rdf(request.headers.get("accept"), offered)
        if fmt is None:
            return Response(
                "Not Acceptable: available as "
                + ", ".join(RDF_MEDIA.get(k, "text/plain") for k in offered)
                + "\n",
                406,
                media_type="text/plain; charset=utf-8",
                headers={"Vary": "Accept"},
            )
        return fmt

    def alternates(self, doc_path: str, by_parameter: bool = False) -> list[dict]:
        return [
            {
                "key": key,
                "name": FORMAT_LABELS[key],
                "media": media,
                "href": f"{doc_path}?format={key}" if by_parameter else f"{doc_path}.{suffix}",
            }
            for key, (media, suffix) in conneg.RDF_FORMATS.items()
        ]

    def requested_paging(self, request: Request, default_limit: int = paging.DEFAULT_LIMIT):
        """The `page` and `limit` a request asks for, or a 400 saying what is wrong."""
        try:
            return paging.parse(request.query_params.multi_items(), default_limit)
        except PagingError as exc:
            return plain_text(400, f"Bad Request: {exc}")

    async def read_body(self, request: Request) -> bytes | Response:
        """The body of a request, within the limits of `kg.server.bodies.Bodies`."""
        return await self.bodies.read(request, client_of_request(request))

    def openapi(self, request: Request) -> Response:
        """`/openapi.json`: the HTTP interface in OpenAPI 3.1 (kg.server.openapi)."""
        if self._openapi is None:
            document = openapi.document(self, named_query_paths())
            self._openapi = json.dumps(document, indent=1).encode("utf-8")
        return self.cached(request, self._openapi, "application/json", vary=False)

    def well_known_void(self, request: Request) -> Response:
        return RedirectResponse("/dist/void.ttl", status_code=303)


def filesize(size: int) -> str:
    """A size as people read it: 574,709 bytes is 561 KiB."""
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.0f} {unit}"
        size /= 1024
    return str(size)


# --------------------------------------------------------------------------------------------
# Running it
# --------------------------------------------------------------------------------------------


class Running:
    """A server ready to run: graph loaded, workers started, port bound."""

    def __init__(
        self,
        server: Server,
        listener: socket.socket,
        forwarded_allow_ips: str = LOCAL_PROXIES,
        connections_per_client: int = CONNECTIONS_PER_CLIENT,
        head_seconds: float = HEAD_SECONDS,
    ) -> None:
        self.server = server
        self.listener = listener
        self.forwarded_allow_ips = forwarded_allow_ips
        self.connections_per_client = connections_per_client
        self.head_seconds = head_seconds
        self.loaded: dict | None = None  # the figures of the store's load, if it was loaded
        host, port = listener.getsockname()[:2]
        self.address = f"http://{host if ':' not in host else f'[{host}]'}:{port}"

    def notes(self) -> list[str]:
        """What the start did beyond opening the graph, and what does not match."""
        site, figures = self.server.site, self.loaded
        loaded = (
            [
                f"{site.dist}/ loaded into its store {site.graph.path}: {figures['quads']:,} "
                f"quads in {figures['graphs']:,} named graphs in {figures['seconds']:.1f} s "
                "(once a publish)"
            ]
            if figures
            else []
        )
        return loaded + [f"warning: {w}" for w in site.warnings + self.server.pool.warnings]

    def banner(self) -> str:
        site, pool, address = self.server.site, self.server.pool, self.address
        organization = "http://www.w3.org/ns/org#Organization"
        recorded = site.graph.meta.get("examples", {}) if site.from_store else {}
        example = (  # found by `kg load` (a scan of seconds at thousands of documents)
            site.term(named_node(recorded[organization]))
            if organization in recorded
            else site.most_described(organization)
        )
        if not site.from_store:
            source = f"{site.dist}/ (in memory)"
        elif site.graph.path == default_store(site.dist):
            source = f"{site.dist}/ (its store {site.graph.path})"
        else:
            source = f"the store {site.graph.path} (files from {_shown(site.dist)}/)"
        return (
            f"kg serve: {site.triples:,} triples from {source}; {site.base} is served at "
            f"{address}/\n"
            f"  pages     {address}/\n"
            f"  SPARQL    {address}/sparql ({pool.size} workers; {pool.time_limit:g} s, "
            f"{pool.max_result_bytes:,} bytes and {pool.memory_limit // 2**20:,} MiB per "
            f"query; {pool.per_client} at once per client)\n"
            f"  downloads {address}/downloads\n"
            + (f"  e.g.      {address}{example.href}\n" if example else "")
            + "Press Ctrl+C to stop."
        )

    def run(self) -> int:
        """Serve until interrupted, then stop the workers."""
        import uvicorn

        # Each connection sends its request's head in time, and one client holds a bounded
        # share of the connections (kg.server.connections).
        connections = Connections(
            self.forwarded_allow_ips, self.connections_per_client, self.head_seconds
        )
        config = uvicorn.Config(
            self.server.app,
            http=bounded_protocol(connections),
            # HTTP only: the app has no WebSocket route, and uvicorn handed a connection that
            # asked to upgrade to its WebSocket protocol, so the bounded protocol never saw it
            # end (each such request was counted open for good: `--connections-per-client` of
            # them shut their address out). An Upgrade header is now a header of a GET.
            ws="none",
            log_level="info",
            access_log=True,
            h11_max_incomplete_event_size=self.server.max_query_length * 4 + 16384,
            timeout_graceful_shutdown=5,
            limit_concurrency=MAX_CONCURRENCY,
            proxy_headers=True,
            forwarded_allow_ips=self.forwarded_allow_ips,
        )
        logging.getLogger("uvicorn.error").addFilter(_one_line_for_a_cut)
        try:
            uvicorn.Server(config).run(sockets=[self.listener])
        finally:
            self.close()
        return 0

    def close(self) -> None:
        self.server.pool.close()
        self.listener.close()


def _one_line_for_a_cut(record: logging.LogRecord) -> bool:
    """uvicorn logs an exception that ends a response with its traceback: a streamed answer
    cut on purpose (`AnswerCut`) gets one line."""
    if record.exc_info and isinstance(record.exc_info[1], AnswerCut):
        record.msg, record.args = "answer cut: %s", (record.exc_info[1],)
        record.exc_info = None
    return True


def prepare(
    dist: Path | str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    base: str | None = None,
    workers: int = DEFAULT_WORKERS,
    time_limit: float = DEFAULT_TIME_LIMIT,
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
    max_query_length: int = DEFAULT_MAX_QUERY_LENGTH,
    store: Path | str | None = None,
    forwarded_allow_ips: str | None = None,
    memory: bool = False,
    progress=None,
    answer_cache_bytes: int = DEFAULT_ANSWER_CACHE_BYTES,
    connections_per_client: int = CONNECTIONS_PER_CLIENT,
    head_seconds: float = HEAD_SECONDS,
    **admission,
) -> Running:
    """Bind the port, open the graph and start the query workers. The graph is the store of
    the publish in `dist` (default dist/), `DIST.store`, loaded first when it is missing or
    holds another publish (`kg.store.embedded.served_store`; `progress` is told what it
    does); or the
    store `store` as it is (with `dist`, or the folder it was loaded from, for the files); or,
    with `memory`, the files of `dist` loaded into memory in the server and in each worker.
    `answer_cache_bytes`: the bound of the answers `/sparql` keeps (0: none kept).
    `forwarded_allow_ips`: the proxies whose X-Forwarded-For names the client (default:
    $FORWARDED_ALLOW_IPS, else this machine). `connections_per_client`, `head_seconds`: the
    bounds of the connections (`kg.server.connections`). `admission`: the memory, queue and
    per-client limits of `QueryPool`."""
    if forwarded_allow_ips is None:
        forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", LOCAL_PROXIES)
    if memory and store is not None:
        raise KgError("--memory", None, "give --memory or --store, not both")
    listener = _listen(host, port)
    pool = None
    try:
        loaded = None
        if not memory and store is None:
            dist = Path(dist if dist is not None else "dist")
            store, loaded = served_store(dist, progress)
        site = Site(dist, base, store=store)
        # The workers open the very store the site opened, even if a load points the path
        # at a newer one meanwhile (kg.store.embedded: generations).
        opened = site.graph.location if site.from_store else None
        pool = QueryPool(site.dist, workers, time_limit, max_result_bytes, opened, **admission)
        pool.wait_ready()
        server = Server(site, pool, max_query_length, answer_cache_bytes)
        running = Running(
            server, listener, forwarded_allow_ips, connections_per_client, head_seconds
        )
        running.loaded = loaded
        return running
    except BaseException:
        if pool is not None:
            pool.close()
        listener.close()
        raise


def serve(dist: Path | str | None = None, **options) -> int:
    """Load `dist` (or open `store=`), start the query workers and serve until interrupted."""
    running = prepare(dist, **options)
    for note in running.notes():
        print(note)
    print(running.banner())
    return running.run()


def _shown(path: Path) -> Path:
    """A path as short as it can be said: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, so that asyncio sets TCP_NODELAY on accepted connections (no Nagle delay).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise KgError(f"{host}:{port}", None, f"cannot listen there: {exc.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


__all__ = ["Running", "Server", "prepare", "serve"]
