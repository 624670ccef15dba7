"""The pages people browse on `kg serve`: the home page, the classes and their members, the
full-text search and the downloads.

A class's members are a page of a listing, negotiated: as HTML, or as RDF, a Hydra collection
with the page as its `hydra:PartialCollectionView`. The search reads the publish's full-text
index (`kg.publish.search`), or, for a publish without one, the names in the graph.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.publish import search
from kg.server import paging
from kg.server.handling import RDF_CONTENT_TYPES, kept_parameters, named_node, plain_text
from kg.server.paging import Paging, PastTheEnd
from kg.store.query import named_queries

# What `/search` answers in (`format=`) and the kinds of hits it finds (`kind=`).
SEARCH_FORMATS = ("html", "json")
SEARCH_KINDS = ("things", "passages")

# Items of each of the home page's lists (all of them are on the class pages).
HOME_ITEMS = 50


class SitePages:
    """The home page, the class pages, the search and the downloads, over a
    `kg.server.app.Server` (its site, templates and caching)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site
        # The full-text index of the publish (kg.publish.search); None for a publish without one.
        index = server.site.dist / search.INDEX
        self.index = search.Index(index) if index.is_file() else None

    def home(self, request: Request) -> Response:
        site = self.site
        # The first HOME_ITEMS of each list, in the order of the class pages, which list
        # them all; the organizations shown by name.
        organization = "http://www.w3.org/ns/org#Organization"
        organizations, _ = site.member_page(organization, Paging(limit=HOME_ITEMS))
        organizations.sort(key=lambda t: (t.label.casefold(), t.value))
        article = "https://schema.org/NewsArticle"
        return self.server.html(
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
        return self.server.html(request, "classes.html", classes=self.site.class_list())

    def class_members(self, request: Request) -> Response:
        iri = self.site.class_iri(request.path_params["name"])
        if iri is None:
            return self.server.not_found(request, request.url.path)
        return self._members(request, iri)

    def _members(self, request: Request, iri: str) -> Response:
        """A page of the members of a class, as HTML or, negotiated, as RDF: a Hydra
        collection with the page as its `hydra:PartialCollectionView`."""
        if iri not in self.site.classes:
            return self.server.not_found(request, f"class {iri}")
        wanted = self.server.requested_paging(request)
        if isinstance(wanted, Response):
            return wanted
        fmt = self.server.rdf_format(request)
        if isinstance(fmt, Response):
            return fmt
        try:
            members, page = self.site.member_page(iri, wanted)
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        if request.url.path == "/classes":  # a class without a prefix: /classes?iri=...
            path, kept = "/classes", [("iri", iri)]
        else:
            path, kept = self.site.class_href(iri), []
        found = paging.links(path, kept + kept_parameters(request, "format"), wanted, page)
        headers = paging.link_headers(found)
        if fmt == "html":
            body = self.server.render(
                "class.html",
                request=request,
                cls=self.site.term(named_node(iri)),
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
        return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)

    def search(self, request: Request) -> Response:
        """`/search?q=TEXT`: things found by a name or description, and passages of the texts
        (`kg.publish.search`), `page=N` of each (`Link: rel="next"/"prev"`), `kind=things|passages`
        for one group only; `format=json` for a list of the hits. A query the index refuses
        (too long, too many words) or a page that is not a whole number from 1 is answered
        400; a query with no words in it finds nothing."""
        params = request.query_params
        text = params.get("q", "")
        # A format or kind kg does not offer is refused, as on the other routes: `format=xml`
        # was answered in HTML and `kind=places` with every kind, as if they had been read.
        for name, offered in (("format", SEARCH_FORMATS), ("kind", SEARCH_KINDS)):
            asked = [value for value in params.getlist(name) if value]
            if any(value not in offered for value in asked) or len(set(asked)) > 1:
                return plain_text(
                    400, f"Bad Request: {name}: one of {', '.join(offered)}, not {asked!r:.100}"
                )
        as_json = params.get("format") == "json"
        kind = params.get("kind") or None
        try:  # read as the listings read it: "1_0", " 2" or "²" are no page numbers
            page = paging.whole_number("page", params.getlist("page"), search.MAX_PAGE) or 1
        except paging.PagingError as exc:
            return self._search_refused(request, text, str(exc), as_json)
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
            return self.server.html(
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
            (site.term(named_node(t.iri)), t.pieces, site.types_of(t.iri), t.kind)
            for t in found.things
        ]
        passages = [
            {
                "document": site.term(named_node(p.document_iri)) if p.document_iri else None,
                "document_id": p.document,
                "source": site.href(p.source),
                "start": p.start,
                "end": p.end,
                "pieces": p.pieces,
                "facts": [site.term(named_node(f.iri)) for f in p.facts],
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
        response = self.server.html(
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
        body = self.server.render(
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
        wanted = self.server.requested_paging(request)
        if isinstance(wanted, Response):
            return wanted
        files = self.site.downloads()
        try:
            page = paging.page_of(wanted, len(files), "the files")
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        found = paging.links("/downloads", [], wanted, page)
        response = self.server.html(
            request,
            "downloads.html",
            files=files[page.start : page.end],
            page=page,
            pager=found,
        )
        response.headers.update(paging.link_headers(found))
        return response
