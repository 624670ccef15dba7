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
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import mimetypes
import os
import socket
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

import kg
from kg.errors import KgError
from kg.publish import search
from kg.server import changes, charts, conneg, editor, maps, openapi, paging, profiles
from kg.server.headers import MAX_FIELDS, Application, client_of, too_many_fields
from kg.server.paging import Page, Paging, PagingError, PastTheEnd
from kg.server.site import ONTOLOGY_NS, Site, valid_iri
from kg.server.sparql import (
    DEFAULT_MAX_QUERY_LENGTH,
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WORKERS,
    GRAPH_MEDIA,
    RESULT_MEDIA,
    UPDATE_REFUSED,
    Answer,
    AnswerCut,
    QueryPool,
    QueryRequest,
    RowWindow,
    format_override,
    json_table,
    refused,
    service_description,
)
from kg.store.embedded import default_store, served_store
from kg.store.query import named_queries

for _suffix, _media in (
    (".ttl", "text/turtle"),
    (".trig", "application/trig"),
    (".nt", "application/n-triples"),
    (".nq", "application/n-quads"),
    (".jsonld", "application/ld+json"),
    (".rq", "application/sparql-query"),
):
    mimetypes.add_type(_media, _suffix)

FORMAT_LABELS = {
    "html": "HTML",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "rdfxml": "RDF/XML",
    "jsonld": "JSON-LD",
}
RDF_MEDIA = {key: media for key, (media, _) in conneg.RDF_FORMATS.items()}
RDF_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "text": "text/plain; charset=utf-8",
}
# A proxy on this machine, reached over IPv4 or IPv6, is trusted to name the client.
LOCAL_PROXIES = "127.0.0.1,::1,::ffff:127.0.0.1"
# How long a request body may take to arrive, whole (a slow body holds a connection).
BODY_SECONDS = 30
# Connections and requests served at once; past it, new requests get 503 at once.
MAX_CONCURRENCY = 1000
# What the query page shows of a result (the rest is a request to /sparql away).
PAGE_ROWS = 1000  # a page of a SELECT's rows, unless `limit=` asks for fewer
# ... and of its cells: a result of many columns gets fewer rows a page (150 columns of 1,000
# rows made a 32 MB page, built in the server's own process), and of each cell's text.
PAGE_CELLS = 10_000
CELL_TEXT = 2_000
# Items of each of the home page's lists (all of them are on the class pages).
HOME_ITEMS = 50
PAGE_TEXT = 1_000_000
DEFAULT_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# The classes of the graph and how many members each has.
SELECT ?class (COUNT(DISTINCT ?member) AS ?members)
WHERE { ?member a ?class }
GROUP BY ?class
ORDER BY DESC(?members)
LIMIT 25
"""


class Server:
    """The web application over one loaded `Site` and its `QueryPool`."""

    def __init__(
        self,
        site: Site,
        pool: QueryPool,
        max_query_length: int = DEFAULT_MAX_QUERY_LENGTH,
    ) -> None:
        self.site = site
        self.pool = pool
        # The full-text index of the publish (kg.publish.search); None for a publish without one.
        index = site.dist / search.INDEX
        self.index = search.Index(index) if index.is_file() else None
        self.max_query_length = max_query_length
        # The query editor's bundle (kg.server.editor), if it was fetched when kg was built:
        # without it the query page is a plain form. Its vocabulary is worked out once.
        self.editor = editor.assets()
        self._openapi: bytes | None = None  # /openapi.json, made when first asked for
        # The releases kept in dist/changes/ and the indicators' pages (kg.server.changes).
        self.changes = changes.Pages(self)
        self._vocabulary: dict | None = None
        self._vocabulary_lock = threading.Lock()
        # A query of `max_query_length` characters, each up to 4 bytes of UTF-8, each byte
        # percent-encoded in a form (3 characters), and the other form fields.
        self.max_body_bytes = max_query_length * 12 + 64 * 1024
        self.last_modified = formatdate(site.modified, usegmt=True)
        self.templates = Environment(
            loader=PackageLoader("kg", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
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
        # Security headers on every response and no redirect built from the Host header
        # (kg.server.headers).
        self.app = Application(
            routes=[
                Route("/", self.home),
                Route("/sparql", self.sparql, methods=["GET", "POST", "OPTIONS"]),
                Route("/query", self.query_page, methods=["GET", "POST"]),
                Route("/search", self.search),
                Route("/classes", self.classes),
                Route("/classes/{name:path}", self.class_members),
                Route("/downloads", self.downloads),
                Route("/id/{path:path}", self.thing),
                Route("/doc/{path:path}", self.document),
                Route("/def/profiles", self.profiles_document),
                Route("/def/profiles.{suffix}", self.profiles_document),
                Route("/def/{path:path}", self.ontology),
                Route("/source/{name}", self.source),
                Route("/graph/{path:path}", self.named_graph),
                Route("/.well-known/void", self.well_known_void),
                Route("/openapi.json", self.openapi),
                Route("/changes", self.changes.changelog),
                Route("/changes/{version}", self.changes.release),
                Route("/indicators", self.changes.indicators),
                Route("/indicators/{name}", self.changes.indicator),
                Mount("/dist", StaticFiles(directory=site.dist.resolve()), name="dist"),
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
            exception_handlers={HTTPException: self.http_error},
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
        if status == 200 and request.method in ("GET", "HEAD") and self._fresh(request, etag):
            return Response(status_code=304, headers=out)
        return Response(body, status_code=status, headers=out, media_type=media_type)

    def _fresh(self, request: Request, etag: str) -> bool:
        if_none_match = request.headers.get("if-none-match")
        if if_none_match is not None:
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            return "*" in tags or etag in tags
        if_modified_since = request.headers.get("if-modified-since")
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(self.site.modified) <= since
        return False

    def html(self, request: Request, template: str, status: int = 200, **context) -> Response:
        body = self.render(template, request=request, **context)
        return self.cached(request, body, RDF_CONTENT_TYPES["html"], status=status)

    def not_found(self, request: Request, what: str) -> Response:
        if conneg.negotiate(request.headers.get("accept"), ["text/html", "text/plain"]) == (
            "text/html"
        ):
            body = self.render("error.html", request=request, status=404, what=what)
            return Response(body, 404, media_type=RDF_CONTENT_TYPES["html"])
        return Response(f"Not Found: {what}\n", 404, media_type="text/plain; charset=utf-8")

    async def http_error(self, request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return self.not_found(request, request.url.path)
        return Response(f"{exc.detail}\n", exc.status_code, headers=exc.headers)

    def _rdf_format(self, request: Request, offered=tuple(conneg.RDF_FORMATS)) -> str | Response:
        """The format a client asked for (`format=`, else Accept), or an error response."""
        name = request.query_params.get("format")
        if name:
            fmt = conneg.rdf_format(name)
            if fmt is None or fmt not in offered:
                return Response(
                    f"Bad Request: unknown format {name!r}; use one of "
                    + ", ".join(offered)
                    + "\n",
                    400,
                    media_type="text/plain; charset=utf-8",
                )
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

    def _alternates(self, doc_path: str, by_parameter: bool = False) -> list[dict]:
        return [
            {
                "key": key,
                "name": FORMAT_LABELS[key],
                "media": media,
                "href": f"{doc_path}?format={key}" if by_parameter else f"{doc_path}.{suffix}",
            }
            for key, (media, suffix) in conneg.RDF_FORMATS.items()
        ]

    # ----------------------------------------------------------------------------------------
    # Linked Data
    # ----------------------------------------------------------------------------------------

    def thing(self, request: Request) -> Response:
        """`/id/...`: a thing, not a document: 303 See Other to the document about it."""
        path = request.path_params["path"]
        iri = self.site.iri("id/" + path)
        if not self.site.exists(iri):
            return self.not_found(request, iri)
        # The format and profile (kg.server.profiles) the client asks for: the document of
        # that representation.
        chosen = profiles.negotiate(self.site, request, iri, f"/doc/{quote(path)}", None)
        if isinstance(chosen, Response):
            return chosen
        location = chosen.sent.href
        # A page of the document's listings asked of the thing is asked of the document (the
        # document reads and checks them).
        wanted = _kept(request, "page", "limit")
        if wanted and chosen.sent.fmt == "html":
            location += ("&" if "?" in location else "?") + urlencode(wanted)
        return Response(
            f"303 See Other: {location} describes {iri}\n",
            303,
            headers={"Location": location, "Vary": "Accept, Accept-Profile"},
            media_type="text/plain; charset=utf-8",
        )

    def document(self, request: Request) -> Response:
        """`/doc/...`: the document about `{base}id/...`, negotiated or by suffix."""
        path = request.path_params["path"]
        fmt: str | Response | None = None
        stem, dot, suffix = path.rpartition(".")
        if dot and suffix in conneg.SUFFIXES and self.site.exists(self.site.iri("id/" + stem)):
            path, fmt = stem, conneg.SUFFIXES[suffix]
        iri = self.site.iri("id/" + path)
        if not self.site.exists(iri):
            return self.not_found(request, iri)
        doc_path = f"/doc/{quote(path)}"
        wanted = self._paging(request)
        if isinstance(wanted, Response):
            return wanted
        # The representation: a format and a profile (kg.server.profiles), with the headers
        # that say which and list the others.
        chosen = profiles.negotiate(self.site, request, iri, doc_path, fmt)
        if isinstance(chosen, Response):
            return chosen
        fmt, headers = chosen.sent.fmt, chosen.headers
        if chosen.sent.profile is None and fmt == "html":  # _profile=alt: the list of them
            body = self.render("alternates.html", request=request, iri=iri, chosen=chosen)
        elif chosen.sent.profile is None:
            listed = profiles.alternates(self.site, iri, chosen.others)
            body = self.site.rdf(listed, fmt)
        elif fmt == "html":
            page = self._resource_page(request, iri, wanted, doc_path, headers)
            if isinstance(page, Response):
                return page
            body = self.render(
                "resource.html",
                request=request,
                alternates=self._alternates(doc_path),
                profiles=chosen,
                **self.changes.context(iri),
                **page,
            )
        else:
            body = self.site.rdf(profiles.triples(self.site, iri, chosen.sent.profile), fmt)
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt], vary=False, headers=headers)

    def _resource_page(
        self, request: Request, iri: str, wanted: Paging, path: str, headers: dict[str, str]
    ) -> dict | Response:
        """The context of a resource's page: the page of its quotes and of the links to it
        that `wanted` asks for, and the addresses of the other pages (added to the `Link`
        header in `headers` too); or the 404 of a page past the last."""
        try:
            page = self.site.page(iri, wanted)
        except PastTheEnd as exc:
            return _text(404, f"Not Found: {exc}")
        longest = max(page.evidence_page.total, page.incoming_page.total)
        listing = Page(wanted.page, wanted.limit, longest)
        found = paging.links(path, _kept(request, "format"), wanted, listing)
        if found:
            headers["Link"] = ", ".join(
                filter(None, [headers.get("Link"), paging.link_header(found)])
            )
        return {"page": page, "pager": found, "listing": listing}

    def _document_format(
        self, request: Request, fmt: str | None, doc_path: str
    ) -> tuple[str, bool, dict[str, str]] | Response:
        """The format of a document: the one its suffix named, else the one `Accept` asks for
        (then the response names the suffixed document it stands for in Content-Location)."""
        if fmt is not None:
            return fmt, False, {}
        negotiated = self._rdf_format(request)
        if isinstance(negotiated, Response):
            return negotiated
        location = f"{doc_path}.{conneg.RDF_FORMATS[negotiated][1]}"
        return negotiated, True, {"Content-Location": location}

    def ontology(self, request: Request) -> Response:
        """`/def/kg`: the ontology document; its terms are hash IRIs (`/def/kg#Campaign`)."""
        path = request.path_params["path"]
        fmt: str | Response | None = None
        stem, dot, suffix = path.rpartition(".")
        if dot and suffix in conneg.SUFFIXES:
            path, fmt = stem, conneg.SUFFIXES[suffix]
        if path not in ("kg", f"kg/{kg.__version__}") or not self.site.ontology_triples():
            return self.not_found(request, request.url.path)
        chosen = self._document_format(request, fmt, "/def/kg")
        if isinstance(chosen, Response):
            return chosen
        fmt, negotiated, headers = chosen
        alternates = self._alternates("/def/kg")
        if fmt == "html":
            body = self.render(
                "ontology.html",
                request=request,
                terms=self.site.ontology_terms(),
                namespace=ONTOLOGY_NS,
                alternates=alternates,
            )
        elif fmt == "turtle":
            body = (self.site.dist / "ontology" / "kg.ttl").read_bytes()
        else:
            body = self.site.rdf(self.site.ontology_triples(), fmt)
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt], vary=negotiated, headers=headers)

    def profiles_document(self, request: Request) -> Response:
        """`/def/profiles`: the profiles of the descriptions (kg.server.profiles), in PROF."""
        suffix = request.path_params.get("suffix")
        if suffix is not None and suffix not in conneg.SUFFIXES:
            return self.not_found(request, request.url.path)
        fmt = conneg.SUFFIXES[suffix] if suffix else None
        chosen = self._document_format(request, fmt, "/def/profiles")
        if isinstance(chosen, Response):
            return chosen
        fmt, negotiated, headers = chosen
        if fmt == "html":
            body = self.render(
                "profiles.html",
                request=request,
                profiles=profiles.profiles(),
                iri=profiles.PROFILES_IRI,
                alternates=self._alternates("/def/profiles"),
            )
        else:
            body = self.site.rdf(list(profiles.graph()), fmt)
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt], vary=negotiated, headers=headers)

    def source(self, request: Request) -> Response:
        """`/source/NAME`: a source text, itself a document: the text, or its description."""
        name = request.path_params["name"]
        iri = self.site.iri("source/" + name)
        path = self.site.dist / "sources" / name
        if "/" in name or name.startswith(".") or not valid_iri(iri) or not path.is_file():
            return self.not_found(request, iri)
        requested = request.query_params.get("format")
        if requested in ("text", "txt"):
            fmt: str | Response = "text"
        elif requested:
            fmt = self._rdf_format(request)
        else:
            offered = {"text/plain": "text", **{RDF_MEDIA[k]: k for k in conneg.RDF_FORMATS}}
            media = conneg.negotiate(request.headers.get("accept"), offered)
            if media is None:
                return _text(406, "Not Acceptable: available as " + ", ".join(offered))
            fmt = offered[media]
        if isinstance(fmt, Response):
            return fmt
        text = path.read_text(encoding="utf-8")
        if fmt == "text":
            body = text.encode("utf-8")
        elif fmt == "html":
            wanted = self._paging(request)
            if isinstance(wanted, Response):
                return wanted
            headers: dict[str, str] = {}
            page = self._resource_page(request, iri, wanted, f"/source/{quote(name)}", headers)
            if isinstance(page, Response):
                return page
            body = self.render(
                "resource.html",
                request=request,
                alternates=self._alternates(f"/source/{quote(name)}", by_parameter=True),
                source_text=text,
                **page,
            )
            return self.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)
        else:
            body = self.site.rdf(self.site.describe(iri), fmt)
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt])

    def named_graph(self, request: Request) -> Response:
        """`/graph/...`: a named graph of the dataset (one per document, reference, inferred):
        as RDF, whole; as HTML, a page of its subjects."""
        iri = self.site.iri("graph/" + request.path_params["path"])
        if not valid_iri(iri) or not self.site.graph_sizes.get(iri):
            return self.not_found(request, iri)
        wanted = self._paging(request)
        if isinstance(wanted, Response):
            return wanted
        fmt = self._rdf_format(request)
        if isinstance(fmt, Response):
            return fmt
        if fmt != "html":
            body = self.site.rdf(self.site.named_graph(iri), fmt)
            return self.cached(request, body, RDF_CONTENT_TYPES[fmt])
        try:
            members, page = self.site.graph_subjects(iri, wanted)
        except PastTheEnd as exc:
            return _text(404, f"Not Found: {exc}")
        found = paging.links(f"/graph/{quote(request.path_params['path'])}", [], wanted, page)
        body = self.render(
            "graph.html",
            request=request,
            iri=iri,
            triples=self.site.graph_sizes[iri],
            members=members,
            page=page,
            pager=found,
        )
        headers = {"Link": paging.link_header(found)} if found else {}
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)

    def openapi(self, request: Request) -> Response:
        """`/openapi.json`: the HTTP interface in OpenAPI 3.1 (kg.server.openapi)."""
        if self._openapi is None:
            self._openapi = json.dumps(openapi.document(self), indent=1).encode("utf-8")
        return self.cached(request, self._openapi, "application/json", vary=False)

    def well_known_void(self, request: Request) -> Response:
        return RedirectResponse("/dist/void.ttl", status_code=303)

    # ----------------------------------------------------------------------------------------
    # Pages
    # ----------------------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        site = self.site
        # The first HOME_ITEMS of each list, in the order of the class pages, which list
        # them all; the organizations shown by name.
        organization = "http://www.w3.org/ns/org#Organization"
        organizations, _ = site.member_page(organization, Paging(limit=HOME_ITEMS))
        organizations.sort(key=lambda t: (t.label.casefold(), t.value))
        article = "https://schema.org/NewsArticle"
        return self.html(
            request,
            "index.html",
            documents=site.documents(HOME_ITEMS),
            documents_total=site.classes.get(article, 0),
            documents_href=site.class_href(article),
            organizations=organizations,
            organizations_total=site.classes.get(organization, 0),
            organizations_href=site.class_href(organization),
            classes=[c for c in site.class_list() if not c[0].label.startswith("oa:")][:12],
            chart=site.series_chart(),
            queries=len(named_queries()),
            inferred=site.graph_sizes.get(site.inferred_graph.value, 0),
        )

    def classes(self, request: Request) -> Response:
        iri = request.query_params.get("iri")
        if iri:
            return self._members(request, iri)
        return self.html(request, "classes.html", classes=self.site.class_list())

    def class_members(self, request: Request) -> Response:
        iri = self.site.class_iri(request.path_params["name"])
        if iri is None:
            return self.not_found(request, request.url.path)
        return self._members(request, iri)

    def _members(self, request: Request, iri: str) -> Response:
        """A page of the members of a class, as HTML or, negotiated, as RDF: a Hydra
        collection with the page as its `hydra:PartialCollectionView`."""
        if iri not in self.site.classes:
            return self.not_found(request, f"class {iri}")
        wanted = self._paging(request)
        if isinstance(wanted, Response):
            return wanted
        fmt = self._rdf_format(request)
        if isinstance(fmt, Response):
            return fmt
        try:
            members, page = self.site.member_page(iri, wanted)
        except PastTheEnd as exc:
            return _text(404, f"Not Found: {exc}")
        if request.url.path == "/classes":  # a class without a prefix: /classes?iri=...
            path, kept = "/classes", [("iri", iri)]
        else:
            path, kept = self.site.class_href(iri), []
        found = paging.links(path, kept + _kept(request, "format"), wanted, page)
        headers = {"Link": paging.link_header(found)} if found else {}
        if fmt == "html":
            body = self.render(
                "class.html",
                request=request,
                cls=self.site.term(_named(iri)),
                curie=self.site.curie(iri),
                members=members,
                page=page,
                pager=found,
            )
        else:
            # The collection and its pages by their addresses, without `format=`: the IRIs
            # of the listing, whose format Accept chooses.
            absolute = {
                rel: self.site.iri(href)
                for rel, href in paging.links(path, kept, wanted, page).items()
            }
            triples = self.site.collection(
                self.site.iri(paging.address(path, kept, wanted, 1)),
                self.site.iri(paging.address(path, kept, wanted, page.number)),
                iri,
                members,
                page,
                absolute,
            )
            body = self.site.rdf(triples, fmt)
        return self.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)

    def _paging(self, request: Request, default_limit: int = paging.DEFAULT_LIMIT):
        """The `page` and `limit` a request asks for, or a 400 saying what is wrong."""
        try:
            return paging.parse(request.query_params.multi_items(), default_limit)
        except PagingError as exc:
            return _text(400, f"Bad Request: {exc}")

    def search(self, request: Request) -> Response:
        """`/search?q=TEXT`: things found by a name or description, and passages of the texts
        (`kg.publish.search`), `page=N` of each (`Link: rel="next"/"prev"`), `kind=things|passages`
        for one group only; `format=json` for a list of the hits. A query the index refuses
        (too long, too many words) or a page that is not a whole number from 1 is answered
        400; a query with no words in it finds nothing."""
        params = request.query_params
        text = params.get("q", "")
        as_json = params.get("format") == "json"
        kind = params.get("kind") if params.get("kind") in ("things", "passages") else None
        try:
            page = int(params.get("page", "1"))
            if not 1 <= page <= search.MAX_PAGE:
                raise ValueError
        except ValueError:
            return self._search_refused(
                request, text, f"page: a whole number from 1 to {search.MAX_PAGE}", as_json
            )
        if self.index is None:  # a publish without the index: names only, as before it
            found = self.site.search(text)
            results = [
                (t, [(matched, False)], self.site.types_of(t.value), "name") for t, matched in found
            ]
            if as_json:
                return JSONResponse(
                    [
                        {
                            "iri": t.value,
                            "label": t.label,
                            "href": t.href,
                            "matched": matched,
                            "kind": "name",
                        }
                        for t, matched in found
                    ]
                )
            return self.html(
                request,
                "search.html",
                q=text,
                things=results,
                passages=[],
                found=None,
                pager={},
                kind=kind,
            )
        try:
            query = search.parse(text)
        except search.QueryError as exc:
            return self._search_refused(request, text, str(exc), as_json)
        kinds = [kind] if kind else ["things", "passages"]
        found = self.index.search(query, page=page, kinds=kinds)
        pager = {}
        for rel, number, wanted in (
            ("prev", page - 1, found.has_previous),
            ("next", page + 1, found.has_next),
        ):
            if wanted:
                fields = {"q": text, **({"kind": kind} if kind else {}), "page": str(number)}
                if as_json:
                    fields["format"] = "json"
                pager[rel] = "/search?" + urlencode(fields)
        headers = (
            {"Link": ", ".join(f'<{href}>; rel="{rel}"' for rel, href in pager.items())}
            if pager
            else {}
        )
        site = self.site
        things = [
            (site.term(_named(t.iri)), t.pieces, site.types_of(t.iri), t.kind) for t in found.things
        ]
        passages = [
            {
                "document": site.term(_named(p.document_iri)) if p.document_iri else None,
                "document_id": p.document,
                "source": site.href(p.source),
                "start": p.start,
                "end": p.end,
                "pieces": p.pieces,
                "facts": [site.term(_named(f.iri)) for f in p.facts],
            }
            for p in found.passages
        ]
        if as_json:
            hits = [
                {
                    "iri": t.value,
                    "label": t.label,
                    "href": t.href,
                    "matched": search.plain(pieces),
                    "kind": what,
                }
                for t, pieces, _, what in things
            ] + [
                {
                    "iri": p.source,
                    "label": entry["document"].label if entry["document"] else p.document,
                    "href": entry["source"],
                    "matched": search.plain(p.pieces),
                    "kind": "passage",
                    "document": p.document,
                    "start": p.start,
                    "end": p.end,
                    "facts": [
                        {"iri": f.value, "label": f.label, "href": f.href} for f in entry["facts"]
                    ],
                }
                for p, entry in zip(found.passages, passages, strict=True)
            ]
            return JSONResponse(hits, headers=headers)
        response = self.html(
            request,
            "search.html",
            q=text,
            things=things,
            passages=passages,
            found=found,
            pager=pager,
            kind=kind,
        )
        response.headers.update(headers)
        return response

    def _search_refused(self, request: Request, text: str, message: str, as_json: bool):
        if as_json:
            return JSONResponse({"error": message}, status_code=400)
        body = self.render(
            "search.html",
            request=request,
            q=text[: search.MAX_QUERY_LENGTH],
            things=[],
            passages=[],
            found=None,
            pager={},
            kind=None,
            error=message,
        )
        return Response(body, 400, media_type=RDF_CONTENT_TYPES["html"])

    def downloads(self, request: Request) -> Response:
        """`/downloads`: a page of the files of dist/, the dumps first (one a source text
        each, there are thousands)."""
        wanted = self._paging(request)
        if isinstance(wanted, Response):
            return wanted
        files = self.site.downloads()
        try:
            page = paging.page_of(wanted, len(files), "the files")
        except PastTheEnd as exc:
            return _text(404, f"Not Found: {exc}")
        found = paging.links("/downloads", [], wanted, page)
        response = self.html(
            request,
            "downloads.html",
            files=files[page.start : page.end],
            page=page,
            pager=found,
        )
        if found:
            response.headers["Link"] = paging.link_header(found)
        return response

    async def query_page(self, request: Request) -> Response:
        params = dict(request.query_params)
        items = list(request.query_params.multi_items())
        if request.method == "POST":
            body = await self._read_body(request)
            if isinstance(body, Response):
                return body
            try:
                form = _form_items(body)
            except FormError as exc:
                return _text(400, str(exc))
            params.update(dict(form))
            items += form
        return await self._query_page(request, params, items)

    async def _read_body(self, request: Request) -> bytes | Response:
        """The body of a request, read in chunks and never past `max_body_bytes`: a larger
        body (announced or sent) is refused with 413 without being kept."""
        limit = self.max_body_bytes
        too_large = _text(
            413,
            f"Payload Too Large: this endpoint takes request bodies of at most {limit:,} bytes "
            f"(queries of at most {self.max_query_length:,} characters)",
        )
        declared = request.headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            return too_large
        chunks, size = [], 0
        try:
            async with asyncio.timeout(BODY_SECONDS):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        return too_large
                    chunks.append(chunk)
        except TimeoutError:
            return _text(408, f"Request Timeout: the body did not arrive within {BODY_SECONDS} s")
        except ClientDisconnect:
            return _text(400, "Bad Request: the client went away before its body ended")
        return b"".join(chunks)

    async def _query_page(
        self, request: Request, params: dict, items: list[tuple[str, str]] | None = None
    ) -> Response:
        """The query page; with a query (`query=`, or a named query's `example=`), its result:
        a page of a SELECT's rows (`page`, `limit`; `items` are the request's parameters,
        its query string's by default)."""
        try:
            wanted = paging.parse(
                request.query_params.multi_items() if items is None else items, PAGE_ROWS
            )
        except PagingError as exc:
            return _text(400, f"Bad Request: {exc}")
        queries = named_queries()
        example = params.get("example")
        text = params.get("query")
        if example and example not in queries:
            example = None
        if text is None and example:
            # As kg query runs it: its BASE set to the base the graph was published with.
            text = queries[example].for_base(self.site.graph.base).text
        outcome = None
        status = 200
        found: dict[str, str] = {}
        if text is not None and text.strip():
            outcome = await self._run_for_people(request, text, wanted)
            status = outcome["status"]
            if "past" in outcome:
                return _text(404, f"Not Found: {outcome['past']}")
            if "page" in outcome:
                kept = [("query", text)] if "query" in params else [("example", example)]
                found = paging.links("/query", kept, outcome["wanted"], outcome["page"])
        context = {
            "request": request,
            "text": text if text is not None else DEFAULT_QUERY,
            "example": queries.get(example) if example else None,
            "example_name": example,
            "queries": queries,
            "outcome": outcome,
            "pager": found,
            "endpoint": "/sparql",  # the served address, root-relative: never from Host
            "editor": self.editor,
            "vocabulary": await run_in_threadpool(self.vocabulary) if self.editor else None,
        }
        # Off the event loop: a page of results takes a while to render, and pages, downloads
        # and the endpoint go on meanwhile.
        body = await run_in_threadpool(self.render, "query.html", **context)
        headers = {"Link": paging.link_header(found)} if found else None
        return Response(body, status, headers=headers, media_type=RDF_CONTENT_TYPES["html"])

    def vocabulary(self) -> dict:
        """What the query editor completes (`kg.server.editor.site_vocabulary`), worked out
        when the query page first needs it, once."""
        with self._vocabulary_lock:
            if self._vocabulary is None:
                self._vocabulary = editor.site_vocabulary(self.site)
            return self._vocabulary

    async def _run_for_people(self, request: Request, text: str, wanted: Paging) -> dict:
        if len(text) > self.max_query_length:
            return {
                "status": 413,
                "error": f"The query is longer than {self.max_query_length:,} characters.",
            }
        started = time.perf_counter()
        # The worker writes the rows of the page asked for only (counting the others), so the
        # size limit applies to the page. The page reads the body: never a stream.
        window = RowWindow(wanted.page, wanted.limit, PAGE_CELLS)
        answer = await self.pool.answer(
            QueryRequest(text, results_format="json", graph_format="turtle", window=window),
            _client(request),
            stream=False,
        )
        outcome = {"status": answer.status, "ms": (time.perf_counter() - started) * 1000}
        if answer.status != 200:
            outcome["error"] = answer.message
            return outcome
        return await run_in_threadpool(self._for_people, answer, outcome, wanted, window)

    def _for_people(self, answer: Answer, outcome: dict, wanted: Paging, window: RowWindow) -> dict:
        """A result as the query page shows it: the page of a SELECT's rows that `wanted`
        asks for (`past` says why there is none after the last page), PAGE_TEXT characters
        of Turtle (the endpoint and the downloads give all of it). The worker gave the rows
        of that page only (`window`), and how many there are in all. The rows are in the order
        of the result: the query's ORDER BY, else the store's, the same for the same query
        over the same data."""
        outcome["form"] = answer.form
        if answer.form == "graph":
            turtle = answer.body.decode("utf-8")
            outcome["turtle"] = turtle[:PAGE_TEXT]
            outcome["cut"] = len(turtle) > PAGE_TEXT
            return outcome
        variables, bindings, boolean = json_table(answer.body)
        outcome["variables"] = variables
        outcome["boolean"] = boolean
        if boolean is not None:
            return outcome
        total = outcome["total"] = answer.total
        rows_for_cells = window.size(len(variables))
        if wanted.limit > rows_for_cells:
            # Fewer rows a page, said in the page's links so that every page has as many.
            wanted = Paging(wanted.page, rows_for_cells, limit_given=True)
        outcome["wanted"] = wanted
        try:
            page = paging.page_of(wanted, total, "the rows of this result")
        except PastTheEnd as exc:
            outcome["past"] = str(exc)
            return outcome
        outcome["page"] = page
        outcome["rows"] = [[self._cell(row.get(v)) for v in variables] for row in bindings]
        # WKT points among the shown rows: a map of them beside the table (kg.server.maps)
        outcome["map"] = maps.results_map(self.site, variables, bindings)
        # Numbers among them: a bar chart of them (kg.server.charts)
        outcome["chart"] = charts.results_chart(self.site, variables, bindings)
        return outcome

    def _cell(self, binding: dict | None) -> dict | None:
        if binding is None:
            return None
        if binding["type"] == "uri":
            iri = binding["value"]
            return {"href": self.site.href(iri), "label": self.site.label(iri), "iri": iri}
        text = binding["value"]
        return {
            "text": text if len(text) <= CELL_TEXT else text[:CELL_TEXT] + "…",
            "language": binding.get("xml:lang", ""),
        }

    # ----------------------------------------------------------------------------------------
    # SPARQL 1.1 Protocol
    # ----------------------------------------------------------------------------------------

    async def sparql(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": "GET, HEAD, POST, OPTIONS"})
        params = list(request.query_params.multi_items())
        body_query: str | None = None
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await self._read_body(request)
            if isinstance(body, Response):
                return body
            if media == "application/x-www-form-urlencoded":
                try:
                    params += _form_items(body)
                except FormError as exc:
                    return _text(400, str(exc))
            elif media == "application/sparql-query":
                body_query = body.decode("utf-8", "replace")
            elif media == "application/sparql-update":
                return _answer(refused(UPDATE_REFUSED))
            else:
                return _text(
                    415,
                    "Unsupported Media Type: POST a query as application/sparql-query or "
                    "as the form field query (application/x-www-form-urlencoded)",
                )
        if any(key == "update" for key, _ in params):
            return _answer(refused(UPDATE_REFUSED))
        queries = [value for key, value in params if key == "query"]
        if body_query is not None:
            queries.append(body_query)
        if len(queries) > 1:
            return _text(400, "Bad Request: give exactly one query")
        if not queries:
            if request.method == "POST":
                return _text(400, "Bad Request: no query (the form field query is missing)")
            return self.service_description(request)
        text = queries[0]
        if len(text) > self.max_query_length:
            return _text(
                413,
                f"Payload Too Large: the query is {len(text):,} characters long; this "
                f"endpoint takes queries of at most {self.max_query_length:,}",
            )
        default_graphs = tuple(v for k, v in params if k == "default-graph-uri")
        named_graphs = tuple(v for k, v in params if k == "named-graph-uri")
        for iri in default_graphs + named_graphs:
            try:
                _named(iri)
            except ValueError:
                return _text(400, f"Bad Request: {iri!r} is not an IRI")
        override = format_override([v for k, v in params if k in ("format", "output")])
        if override:
            results_format, graph_format = override
        else:
            accept = request.headers.get("accept")
            wanted = conneg.negotiate(
                accept, [*RESULT_MEDIA, *GRAPH_MEDIA, "text/html", "application/xhtml+xml"]
            )
            if wanted in ("text/html", "application/xhtml+xml") and request.method == "GET":
                return await self._query_page(request, {"query": text})
            results_format = RESULT_MEDIA.get(conneg.negotiate(accept, RESULT_MEDIA) or "")
            graph_format = GRAPH_MEDIA.get(conneg.negotiate(accept, GRAPH_MEDIA) or "")
        answer = await self.pool.answer(
            QueryRequest(text, default_graphs, named_graphs, results_format, graph_format),
            _client(request),
        )
        return _answer(answer)

    def service_description(self, request: Request) -> Response:
        accept = request.headers.get("accept")
        fmt = conneg.negotiate_rdf(accept, ["turtle", "ntriples", "rdfxml", "jsonld", "html"])
        if fmt == "html":
            return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
        if fmt is None:
            return _text(406, "Not Acceptable: the service description is RDF")
        # The endpoint's IRI from the configured base (`--base`, else the graph's; it is
        # served at this server's root), never from the request's Host header: the
        # description is RDF, which needs an absolute IRI.
        endpoint = self.site.iri("sparql")
        site = self.site
        triples = service_description(
            endpoint,
            site.dataset().get("ds", f"{site.base}id/dataset/kg"),
            {g: n for g, n in site.graph_sizes.items()},
            site.triples,
            self.pool,
            site.dataset().get("title"),
        )
        triples += profiles.service_triples(endpoint)  # the profiles of the descriptions
        return self.cached(request, site.rdf(triples, fmt), RDF_CONTENT_TYPES[fmt])


def filesize(size: int) -> str:
    """A size as people read it: 574,709 bytes is 561 KiB."""
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.0f} {unit}"
        size /= 1024
    return str(size)


class FormError(ValueError):
    """A form body kg does not read (the message is the one-line reason)."""


def _form_items(body: bytes) -> list[tuple[str, str]]:
    """The fields of an `application/x-www-form-urlencoded` body; FormError past MAX_FIELDS
    (counted before parsing, as the query string's are by `FieldLimit`)."""
    text = body.decode("utf-8", "replace")
    if too_many_fields(text):
        raise FormError(f"Bad Request: the form has more than {MAX_FIELDS:,} fields")
    return parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)


def _named(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _client(request: Request) -> str:
    """Who sends a request, for the per-client share of the query workers: its address (the
    one a trusted proxy forwards, see `--forwarded-allow-ips`), as `client_of` names it."""
    return client_of(request.client.host if request.client else "")


def _kept(request: Request, *names: str) -> list[tuple[str, str]]:
    """The request's parameters of these names, as the links to other pages keep them."""
    return [(k, v) for k, v in request.query_params.multi_items() if k in names]


def _text(status: int, message: str) -> Response:
    return Response(message.rstrip() + "\n", status, media_type="text/plain; charset=utf-8")


def _answer(answer: Answer) -> Response:
    headers = {"Vary": "Accept", **answer.headers}
    if answer.stream is not None:  # larger than the server holds: sent as it is written
        return StreamingResponse(
            answer.stream.chunks(), answer.status, headers=headers, media_type=answer.media_type
        )
    if answer.seconds:
        headers["Server-Timing"] = f"query;dur={answer.seconds * 1000:.1f}"
    return Response(answer.body, answer.status, headers=headers, media_type=answer.media_type)


# --------------------------------------------------------------------------------------------
# Running it
# --------------------------------------------------------------------------------------------


class Running:
    """A server ready to run: graph loaded, workers started, port bound."""

    def __init__(
        self, server: Server, listener: socket.socket, forwarded_allow_ips: str = LOCAL_PROXIES
    ) -> None:
        self.server = server
        self.listener = listener
        self.forwarded_allow_ips = forwarded_allow_ips
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
            site.term(_named(recorded[organization]))
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

        config = uvicorn.Config(
            self.server.app,
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
    **admission,
) -> Running:
    """Bind the port, open the graph and start the query workers. The graph is the store of
    the publish in `dist` (default dist/), `DIST.store`, loaded first when it is missing or
    holds another publish (`kg.store.embedded.served_store`; `progress` is told what it
    does); or the
    store `store` as it is (with `dist`, or the folder it was loaded from, for the files); or,
    with `memory`, the files of `dist` loaded into memory in the server and in each worker.
    `forwarded_allow_ips`: the proxies whose X-Forwarded-For names the client (default:
    $FORWARDED_ALLOW_IPS, else this machine). `admission`: the memory, queue and per-client
    limits of `QueryPool`."""
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
        running = Running(Server(site, pool, max_query_length), listener, forwarded_allow_ips)
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
