"""The Linked Data routes of `kg serve`: every IRI of the graph resolves.

`{base}id/...` names a thing, not a document: it answers 303 See Other to the document about
it, `/doc/...`, in the format and profile the client negotiated (kg.server.profiles), or named
by a suffix (`/doc/organization/cndh.ttl`) or `?format=`; the ontology (`/def/kg`, hash IRIs),
the profiles (`/def/profiles`), the source texts (`/source/...`) and the named graphs
(`/graph/...`) resolve too. Anything else is 404. (See `kg.server.site` for how IRIs map onto
the server's addresses.)
"""

from __future__ import annotations

import stat
from pathlib import Path
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import Response

import kg
from kg.server import conneg, paging, profiles
from kg.server.handling import (
    RDF_CONTENT_TYPES,
    RDF_MEDIA,
    kept_parameters,
    plain_text,
)
from kg.server.paging import Page, Paging, PastTheEnd, as_uri
from kg.server.resources import ONTOLOGY_NS
from kg.server.site import valid_iri


class LinkedData:
    """The routes of things, documents, the ontology, the source texts and the named graphs,
    over a `kg.server.app.Server` (its site, templates, negotiation and caching)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site

    def thing(self, request: Request) -> Response:
        """`/id/...`: a thing, not a document: 303 See Other to the document about it."""
        path = request.path_params["path"]
        iri = self.site.iri("id/" + path)
        if not self.site.exists(iri):
            return self.server.not_found(request, iri)
        # The format and profile (kg.server.profiles) the client asks for: the document of
        # that representation.
        chosen = profiles.negotiate(self.site, request, iri, f"/doc/{quote(path)}", None)
        if isinstance(chosen, Response):
            return chosen
        location = chosen.sent.href
        # A page of the document's listings asked of the thing is asked of the document (the
        # document reads and checks them), in HTML and RDF alike (both page the links).
        wanted = kept_parameters(request, "page", "limit")
        profile = chosen.sent.profile  # None: the list of alternates, which has no pages
        if wanted and profile is not None and profile.token != "qb":
            location += ("&" if "?" in location else "?") + urlencode(wanted)
        return Response(
            f"303 See Other: {location} describes {iri}\n",
            303,
            headers={"Location": as_uri(location), "Vary": "Accept, Accept-Profile"},
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
            return self.server.not_found(request, iri)
        doc_path = f"/doc/{quote(path)}"
        wanted = self.server.requested_paging(request)
        if isinstance(wanted, Response):
            return wanted
        # The representation: a format and a profile (kg.server.profiles), with the headers
        # that say which and list the others.
        chosen = profiles.negotiate(self.site, request, iri, doc_path, fmt)
        if isinstance(chosen, Response):
            return chosen
        fmt, headers = chosen.sent.fmt, chosen.headers
        if chosen.sent.profile is None and fmt == "html":  # _profile=alt: the list of them
            body = self.server.render("alternates.html", request=request, iri=iri, chosen=chosen)
        elif chosen.sent.profile is None:
            listed = profiles.alternates(self.site, iri, chosen.others)
            body = self.site.rdf(listed, fmt)
        elif fmt == "html":
            page = self._resource_page(request, iri, wanted, doc_path, headers)
            if isinstance(page, Response):
                return page
            body = self.server.render(
                "resource.html",
                request=request,
                alternates=self.server.alternates(doc_path),
                profiles=chosen,
                **self.server.changes.context(iri),
                **page,
            )
        else:
            address = f"/doc/{quote(request.path_params['path'])}"  # its suffix too, if any
            described = self._description(request, iri, chosen.sent.profile, address, headers)
            if isinstance(described, Response):
                return described
            body = self.site.rdf(described, fmt)
        return self.server.cached(
            request, body, RDF_CONTENT_TYPES[fmt], vary=False, headers=headers
        )

    def _description(
        self,
        request: Request,
        iri: str,
        profile: profiles.Profile | None,
        address: str,
        headers: dict[str, str],
    ) -> list | Response:
        """The triples of a thing's description in RDF (in `profile`; None: every triple of
        it), the links to it in pages (`page`, `limit`, as on its HTML page, but MAX_LIMIT a
        page unless asked: the first page is the whole description of all but the most
        linked-to things), the Link header naming the other pages; or the 400 or 404 of a
        page not to be had. The Data Cube view, a document's observations, is not paged."""
        if profile is not None and profile.token == "qb":
            return profiles.triples(self.site, iri, profile)
        wanted = self.server.requested_paging(request, paging.MAX_LIMIT)
        if isinstance(wanted, Response):
            return wanted
        try:
            if profile is None:
                described = self.site.describe(iri, wanted)
            else:
                described = profiles.triples(self.site, iri, profile, wanted)
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        listing = Page(wanted.page, wanted.limit, self.site.incoming_count(iri))
        kept = kept_parameters(request, "format", profiles.PARAMETER)
        found = paging.links(address, kept, wanted, listing)
        add_links(headers, found)
        return described

    def _resource_page(
        self, request: Request, iri: str, wanted: Paging, path: str, headers: dict[str, str]
    ) -> dict | Response:
        """The context of a resource's page: the page of its quotes and of the links to it
        that `wanted` asks for, and the addresses of the other pages (added to the `Link`
        header in `headers` too); or the 404 of a page past the last."""
        try:
            page = self.site.page(iri, wanted)
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        longest = max(page.evidence_page.total, page.incoming_page.total)
        listing = Page(wanted.page, wanted.limit, longest)
        found = paging.links(path, kept_parameters(request, "format"), wanted, listing)
        add_links(headers, found)
        return {"page": page, "pager": found, "listing": listing}

    def _document_format(
        self, request: Request, fmt: str | None, doc_path: str
    ) -> tuple[str, bool, dict[str, str]] | Response:
        """The format of a document: the one its suffix named, else the one `Accept` asks for
        (then the response names the suffixed document it stands for in Content-Location)."""
        if fmt is not None:
            return fmt, False, {}
        negotiated = self.server.rdf_format(request)
        if isinstance(negotiated, Response):
            return negotiated
        location = f"{doc_path}.{conneg.RDF_FORMATS[negotiated][1]}"
        return negotiated, True, {"Content-Location": as_uri(location)}

    def ontology(self, request: Request) -> Response:
        """`/def/kg`: the ontology document; its terms are hash IRIs (`/def/kg#Campaign`)."""
        path = request.path_params["path"]
        fmt: str | Response | None = None
        stem, dot, suffix = path.rpartition(".")
        if dot and suffix in conneg.SUFFIXES:
            path, fmt = stem, conneg.SUFFIXES[suffix]
        if path not in ("kg", f"kg/{kg.__version__}") or not self.site.ontology_triples():
            return self.server.not_found(request, request.url.path)
        chosen = self._document_format(request, fmt, "/def/kg")
        if isinstance(chosen, Response):
            return chosen
        fmt, negotiated, headers = chosen
        alternates = self.server.alternates("/def/kg")
        if fmt == "html":
            body = self.server.render(
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
        return self.server.cached(
            request, body, RDF_CONTENT_TYPES[fmt], vary=negotiated, headers=headers
        )

    def profiles_document(self, request: Request) -> Response:
        """`/def/profiles`: the profiles of the descriptions (kg.server.profiles), in PROF."""
        suffix = request.path_params.get("suffix")
        if suffix is not None and suffix not in conneg.SUFFIXES:
            return self.server.not_found(request, request.url.path)
        fmt = conneg.SUFFIXES[suffix] if suffix else None
        chosen = self._document_format(request, fmt, "/def/profiles")
        if isinstance(chosen, Response):
            return chosen
        fmt, negotiated, headers = chosen
        if fmt == "html":
            body = self.server.render(
                "profiles.html",
                request=request,
                profiles=profiles.profiles(),
                iri=profiles.PROFILES_IRI,
                alternates=self.server.alternates("/def/profiles"),
            )
        else:
            body = self.site.rdf(list(profiles.graph()), fmt)
        return self.server.cached(
            request, body, RDF_CONTENT_TYPES[fmt], vary=negotiated, headers=headers
        )

    def source(self, request: Request) -> Response:
        """`/source/NAME`: a source text, itself a document: the text, or its description."""
        name = request.path_params["name"]
        iri = self.site.iri("source/" + name)
        path = source_file(self.site.dist / "sources", name)
        if path is None or not valid_iri(iri):
            return self.server.not_found(request, iri)
        try:
            requested = conneg.requested_format(request.query_params)
        except ValueError as exc:
            return plain_text(400, str(exc))
        if requested in ("text", "txt"):
            fmt: str | Response = "text"
        elif requested:
            fmt = self.server.rdf_format(request)
        else:
            offered = {"text/plain": "text", **{RDF_MEDIA[k]: k for k in conneg.RDF_FORMATS}}
            media = conneg.negotiate(request.headers.get("accept"), offered)
            if media is None:
                return plain_text(406, "Not Acceptable: available as " + ", ".join(offered))
            fmt = offered[media]
        if isinstance(fmt, Response):
            return fmt
        text = path.read_text(encoding="utf-8")
        if fmt == "text":
            body = text.encode("utf-8")
        elif fmt == "html":
            wanted = self.server.requested_paging(request)
            if isinstance(wanted, Response):
                return wanted
            headers: dict[str, str] = {}
            page = self._resource_page(request, iri, wanted, f"/source/{quote(name)}", headers)
            if isinstance(page, Response):
                return page
            body = self.server.render(
                "resource.html",
                request=request,
                alternates=self.server.alternates(f"/source/{quote(name)}", by_parameter=True),
                source_text=text,
                **page,
            )
            return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)
        else:
            headers = {}
            described = self._description(request, iri, None, f"/source/{quote(name)}", headers)
            if isinstance(described, Response):
                return described
            body = self.site.rdf(described, fmt)
            return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)
        return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt])

    def named_graph(self, request: Request) -> Response:
        """`/graph/...`: a named graph of the dataset (one per document, reference, inferred):
        as HTML, a page of its subjects; as RDF, the triples of a page of them (1,000 unless
        `limit` asks fewer: a document's graph is whole on its first page; the inferred graph
        grows with the corpus)."""
        iri = self.site.iri("graph/" + request.path_params["path"])
        if not valid_iri(iri) or not self.site.graph_sizes.get(iri):
            return self.server.not_found(request, iri)
        fmt = self.server.rdf_format(request)
        if isinstance(fmt, Response):
            return fmt
        wanted = self.server.requested_paging(
            request, paging.DEFAULT_LIMIT if fmt == "html" else paging.MAX_LIMIT
        )
        if isinstance(wanted, Response):
            return wanted
        address = f"/graph/{quote(request.path_params['path'])}"
        if fmt != "html":
            try:
                triples, page = self.site.graph_page(iri, wanted)
            except PastTheEnd as exc:
                return plain_text(404, f"Not Found: {exc}")
            found = paging.links(address, kept_parameters(request, "format"), wanted, page)
            headers = paging.link_headers(found)
            body = self.site.rdf(triples, fmt)
            return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)
        try:
            members, page = self.site.graph_subjects(iri, wanted)
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        found = paging.links(address, [], wanted, page)
        body = self.server.render(
            "graph.html",
            request=request,
            iri=iri,
            triples=self.site.graph_sizes[iri],
            members=members,
            page=page,
            pager=found,
        )
        headers = paging.link_headers(found)
        return self.server.cached(request, body, RDF_CONTENT_TYPES[fmt], headers=headers)


def source_file(folder: Path, name: str) -> Path | None:
    """The file of a source text named `name` in `folder`, or None: a name with a slash or a
    NUL, one that starts with a dot, or one the file system refuses (longer than a file name
    may be: `stat` raised ENAMETOOLONG, which `Path.is_file` does not catch, and the route
    answered 500 with a traceback in the log), is no source."""
    if "/" in name or "\0" in name or name.startswith("."):
        return None
    path = folder / name
    try:
        return path if stat.S_ISREG(path.stat().st_mode) else None
    except (OSError, ValueError):
        return None


def add_links(headers: dict[str, str], found: dict[str, str]) -> None:
    """Add the links to a listing's other pages (`paging.links`) to the Link header in
    `headers`, after the links it has (the thing it describes, its profiles)."""
    links = ", ".join(filter(None, [headers.get("Link"), *paging.link_headers(found).values()]))
    if links:
        headers["Link"] = links
