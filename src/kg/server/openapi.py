"""The HTTP interface of `kg serve` as an OpenAPI 3.1 document, served at `/openapi.json`.

OpenAPI Specification 3.1.0 (https://spec.openapis.org/oas/v3.1.0): every route of the
application with its operations, parameters (with the bounds the server reads them within,
taken from the constants the code uses), media types and status codes. A route is named by
its address with OpenAPI's path templating: `/id/{path}` for Starlette's `/id/{path:path}`,
whose value may hold several segments (OpenAPI has no template for that; the parameter says
so), and `/dist/{file}` for a mounted folder.

`PATHS` is written by hand beside the routes, and `tests/test_openapi.py` holds it to the
application's real routes (a route added without a description fails it) and checks each
example address answers with a documented status and media type.
"""

from __future__ import annotations

import re

import kg
from kg.publish import search
from kg.server import changes, conneg, paging, profiles
from kg.server.headers import MAX_FIELDS
from kg.server.sparql import GRAPH_MEDIA, RESULT_MEDIA
from kg.store.query import named_queries

VERSION = "3.1.0"
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
RDF = [media for key, (media, _) in conneg.RDF_FORMATS.items() if key != "html"]


def route_path(path: str) -> str:
    """The OpenAPI path of a Starlette route's path (`{name:path}` -> `{name}`)."""
    return re.sub(r"\{(\w+)(?::\w+)?\}", r"{\1}", path)


# --------------------------------------------------------------------------------------------
# Parts used by several operations
# --------------------------------------------------------------------------------------------


def _text(description: str) -> dict:
    return {"description": description, "content": {TEXT: {"schema": {"type": "string"}}}}


def _ref(kind: str, name: str) -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _content(*media: str, schema: dict | None = None) -> dict:
    return {m: {"schema": schema or {"type": "string"}} for m in media}


def _components(max_query_length: int) -> dict:
    formats = sorted({*conneg.RDF_FORMATS, *conneg.FORMAT_ALIASES})
    return {
        "parameters": {
            "page": {
                "name": "page",
                "in": "query",
                "description": "Which page of the listing, from 1: ASCII digits, no sign, "
                "space, `_` or leading zero, given once. A page past the last is 404.",
                "schema": {
                    "type": "string",
                    "pattern": "^[1-9][0-9]*$",
                    "maxLength": len(str(paging.MAX_PAGE)),
                    "x-maximum": paging.MAX_PAGE,
                },
                "example": "2",
            },
            "limit": {
                "name": "limit",
                "in": "query",
                "description": f"Items a page, 1 to {paging.MAX_LIMIT:,} (default "
                f"{paging.DEFAULT_LIMIT}; {paging.MAX_LIMIT:,} for the links of a description "
                "and the subjects of a named graph in RDF, and the rows of a query), read as "
                "`page` is.",
                "schema": {
                    "type": "string",
                    "pattern": "^[1-9][0-9]*$",
                    "maxLength": len(str(paging.MAX_LIMIT)),
                    "x-maximum": paging.MAX_LIMIT,
                },
                "example": "50",
            },
            "format": {
                "name": "format",
                "in": "query",
                "description": "The format, for clients that cannot set Accept; an unknown one "
                "is 400.",
                "schema": {"type": "string", "enum": formats},
                "example": "ttl",
            },
            "profile": {
                "name": profiles.PARAMETER,
                "in": "query",
                "description": "The profile (W3C Content Negotiation by Profile): a token or "
                f"an IRI, or a comma-separated list of at most {profiles.MAX_NAMES} in order of "
                "preference; `alt` lists the representations. Wins over Accept-Profile. An "
                "unknown profile gets the default representation (Content-Profile names it).",
                "schema": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": profiles.MAX_PARAMETER,
                    "pattern": r"^[^\s\x00-\x1f\x7f]+$",
                },
                "examples": {
                    token: {"value": token}
                    for token in ("alt", *(p.token for p in profiles.profiles()))
                },
            },
            "accept-profile": {
                "name": "Accept-Profile",
                "in": "header",
                "description": "Profiles by IRI in angle brackets (or token), with q-values; "
                f"read up to its first {conneg.MAX_ACCEPT_LENGTH // 1024} KiB and "
                f"{conneg.MAX_RANGES} entries.",
                "schema": {"type": "string"},
                "example": f"<{profiles.NS}facts>",
            },
            "thing": {
                "name": "path",
                "in": "path",
                "required": True,
                "description": "The IRI's path after `{base}id/`: one or more segments "
                "(`organization/cndh`), optionally with a format suffix for `/doc/`.",
                "schema": {"type": "string"},
                "example": "organization/cndh",
            },
            "query": {
                "name": "query",
                "in": "query",
                "description": f"A SPARQL 1.1 query of at most {max_query_length:,} "
                "characters (longer: 414 in the address, 413 in a body).",
                "schema": {"type": "string", "maxLength": max_query_length},
                "example": "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            },
        },
        "responses": {
            "NotModified": {"description": "The client's copy is current (ETag, Last-Modified)."},
            "BadRequest": _text("A parameter the server does not read; the reason in one line."),
            "NotFound": {
                "description": "Nothing there (or a page past the last of a listing).",
                "content": _content(TEXT, HTML),
            },
            "NotAcceptable": _text("No format the client accepts; the line lists those given."),
            "TooMany": _text(
                "A client with too much left unread, or too many queries at once; Retry-After."
            ),
            "Unavailable": _text("The server is at its limit of requests at once; try again."),
            "SeeOther": {
                "description": "303 See Other: the document about the thing, in the negotiated "
                "format and profile.",
                "headers": {
                    "Location": {"schema": {"type": "string"}, "description": "The document."}
                },
                "content": _content(TEXT),
            },
        },
    }


def _operation(summary: str, params: list, responses: dict, description: str = "") -> dict:
    common = {
        "400": _ref("responses", "BadRequest"),
        "429": _ref("responses", "TooMany"),
        "503": _ref("responses", "Unavailable"),
    }
    op = {"summary": summary, "parameters": params, "responses": {**common, **responses}}
    if description:
        op["description"] = description
    return op


def _page(
    summary: str, extra: list | None = None, rdf: bool = False, also: tuple = (), **more
) -> dict:
    """A GET of an HTML page (or, with `rdf`, a description negotiated among the RDF formats;
    `also`: other media types it may answer in)."""
    media = [HTML, *RDF, *also] if rdf else [HTML, *also]
    params = list(extra or [])
    if rdf:
        params.append(_ref("parameters", "format"))
    responses = {
        "200": {"description": "The page.", "content": _content(*media)},
        "304": _ref("responses", "NotModified"),
        **more,
    }
    if rdf:
        responses["406"] = _ref("responses", "NotAcceptable")
    return {"get": _operation(summary, params, responses)}


PAGING = [_ref("parameters", "page"), _ref("parameters", "limit")]
NOT_FOUND = {"404": _ref("responses", "NotFound")}


def _paths(server) -> dict:
    site = server.site
    sources = sorted(p.name for p in (site.dist / "sources").glob("*") if p.is_file())
    graphs = sorted(g for g in site.graph_sizes if g.startswith(site.base + "graph/"))
    results = sorted({*RESULT_MEDIA, *GRAPH_MEDIA})
    releases = [r.version for r in server.changes.releases.all()]
    sparql_params = [
        _ref("parameters", "query"),
        {
            "name": "default-graph-uri",
            "in": "query",
            "description": "An IRI of a named graph to take as the default graph (repeatable).",
            "schema": {"type": "array", "items": {"type": "string", "format": "iri"}},
            "explode": True,
        },
        {
            "name": "named-graph-uri",
            "in": "query",
            "description": "An IRI of a named graph the query may name (repeatable).",
            "schema": {"type": "array", "items": {"type": "string", "format": "iri"}},
            "explode": True,
        },
        {
            "name": "format",
            "in": "query",
            "description": "The results' format, for clients that cannot set Accept "
            "(`json`, `xml`, `csv`, `tsv`, `ttl`, a media type ...); one not understood is "
            "ignored. `output` is the same.",
            "schema": {"type": "string"},
        },
    ]
    sparql_responses = {
        "200": {"description": "The results.", "content": _content(*results)},
        "303": {"description": "A browser without a query: the query page."},
        "406": _ref("responses", "NotAcceptable"),
        "408": _text("The body did not arrive in time."),
        "413": _text("A query or body over its limit."),
        "414": _text("A query in the address over its limit."),
        "415": _text("A POST body neither a form nor application/sparql-query."),
        "500": _text(
            "Refused: SPARQL Update, SERVICE, or a query over its time, size or memory limit "
            "(SPARQL 1.1 Protocol)."
        ),
    }
    form = {
        "type": "object",
        "properties": {
            "query": {"type": "string", "maxLength": server.max_query_length},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
        },
        "maxProperties": MAX_FIELDS,
    }
    sparql_body = {
        "content": {
            "application/x-www-form-urlencoded": {"schema": form},
            "application/sparql-query": {
                "schema": {"type": "string", "maxLength": server.max_query_length}
            },
        }
    }
    query_page_params = [
        _ref("parameters", "query"),
        {
            "name": "example",
            "in": "query",
            "description": "A named query to start from (one of `kg queries`).",
            "schema": {"type": "string", "enum": sorted(named_queries())},
            "example": "victims-assisted-over-time",
        },
        *PAGING,
    ]
    profiled = [
        _ref("parameters", "thing"),
        _ref("parameters", "format"),
        _ref("parameters", "profile"),
        _ref("parameters", "accept-profile"),
        *PAGING,
    ]
    described = {
        "200": {
            "description": "The description, in the negotiated format and profile "
            "(Content-Profile; the others in Link). The links to the thing come in pages, "
            "in RDF as in HTML; the Link header names the others (rel next, prev, first, "
            "last).",
            "content": _content(HTML, *RDF),
        },
        "304": _ref("responses", "NotModified"),
        "406": _ref("responses", "NotAcceptable"),
        **NOT_FOUND,
    }
    paths = {
        "/": _page("The home page: press releases, organizations, the series, search."),
        "/sparql": {
            "get": _operation(
                "The SPARQL 1.1 endpoint (Protocol); without a query, its Service Description.",
                sparql_params,
                {
                    **sparql_responses,
                    "200": {
                        "description": "The results, or the Service Description (RDF).",
                        "content": _content(*results),
                    },
                    "304": _ref("responses", "NotModified"),
                },
            ),
            "post": {
                **_operation(
                    "A query as a form or as application/sparql-query.",
                    sparql_params,
                    sparql_responses,
                ),
                "requestBody": sparql_body,
            },
            "options": {
                "summary": "CORS and the methods allowed.",
                "responses": {"204": {"description": "Allow: GET, HEAD, POST, OPTIONS"}},
            },
        },
        "/query": {
            "get": _operation(
                "The query page: an editor, a named query to start from, a page of results.",
                query_page_params,
                {
                    "200": {"description": "The page.", "content": _content(HTML)},
                    "414": _text("A query over its limit."),
                    "500": {"description": "The query was refused.", "content": _content(HTML)},
                    **NOT_FOUND,
                },
            ),
            "post": {
                **_operation(
                    "The query page, the query sent as a form.",
                    PAGING,
                    {"200": {"description": "The page.", "content": _content(HTML)}, **NOT_FOUND},
                ),
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": form}}},
            },
        },
        "/search": {
            "get": _operation(
                "Full-text search over the texts, quotes, names and descriptions.",
                [
                    {
                        "name": "q",
                        "in": "query",
                        "description": f"Words and quoted phrases: at most "
                        f"{search.MAX_QUERY_LENGTH} characters and {search.MAX_WORDS} words.",
                        "schema": {"type": "string", "maxLength": search.MAX_QUERY_LENGTH},
                        "example": "juarez",
                    },
                    {
                        "name": "page",
                        "in": "query",
                        "description": f"Page, 1 to {search.MAX_PAGE}.",
                        "schema": {"type": "integer", "minimum": 1, "maximum": search.MAX_PAGE},
                    },
                    {
                        "name": "kind",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["things", "passages"]},
                    },
                    {
                        "name": "format",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["json"]},
                    },
                ],
                {
                    "200": {
                        "description": "The hits (Link: next, prev).",
                        "content": _content(HTML, "application/json"),
                    },
                    "304": _ref("responses", "NotModified"),
                },
            )
        },
        "/classes": _page(
            "Every class with its size; with `iri=`, a class without a prefix.",
            [
                {
                    "name": "iri",
                    "in": "query",
                    "description": "A class's IRI: a page of its members, as /classes/{name}.",
                    "schema": {"type": "string", "format": "iri"},
                },
                *PAGING,
            ],
            rdf=True,
            **NOT_FOUND,
        ),
        "/classes/{name}": _page(
            "A page of a class's members (RDF: a Hydra collection).",
            [
                {
                    "name": "name",
                    "in": "path",
                    "required": True,
                    "description": "The class as a prefixed name.",
                    "schema": {"type": "string"},
                    "example": "org:Organization",
                },
                *PAGING,
            ],
            rdf=True,
            **NOT_FOUND,
        ),
        "/downloads": _page("A page of the files of the publish.", PAGING, **NOT_FOUND),
        "/id/{path}": {
            "get": _operation(
                "A thing: 303 See Other to the document about it.",
                profiled,
                {
                    "303": _ref("responses", "SeeOther"),
                    "406": _ref("responses", "NotAcceptable"),
                    **NOT_FOUND,
                },
            )
        },
        "/doc/{path}": {
            "get": _operation(
                "The description of a thing, by format (Accept, a suffix or format=) and "
                "profile (Accept-Profile or _profile=).",
                profiled,
                described,
            )
        },
        "/def/profiles": _page("The profiles of the descriptions (PROF).", rdf=True),
        "/def/profiles.{suffix}": _page(
            "The profiles of the descriptions in one format.",
            [
                {
                    "name": "suffix",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "enum": sorted(conneg.SUFFIXES)},
                    "example": "ttl",
                }
            ],
            rdf=True,
            **NOT_FOUND,
        ),
        "/def/{path}": _page(
            "The ontology (its terms are hash IRIs).",
            [
                {
                    "name": "path",
                    "in": "path",
                    "required": True,
                    "description": f"`kg` or `kg/{kg.__version__}`, optionally with a format "
                    "suffix.",
                    "schema": {"type": "string"},
                    "example": "kg",
                }
            ],
            rdf=True,
            **NOT_FOUND,
        ),
        "/source/{name}": _page(
            "A source text as scraped (text/plain, `format=text`), its description, or its page.",
            [
                {
                    "name": "name",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^[^/.][^/]*$"},
                    **({"example": sources[0]} if sources else {}),
                },
                *PAGING,
            ],
            rdf=True,
            also=(TEXT,),
            **NOT_FOUND,
        ),
        "/graph/{path}": _page(
            "A named graph: a page of its subjects as HTML; as RDF, every triple of a page of "
            "its subjects (1,000 a page unless limit= asks fewer; Link names the others).",
            [
                {
                    "name": "path",
                    "in": "path",
                    "required": True,
                    "description": "The graph's IRI after `{base}graph/` (segments).",
                    "schema": {"type": "string"},
                    **({"example": graphs[0][len(site.base + "graph/") :]} if graphs else {}),
                },
                *PAGING,
            ],
            rdf=True,
            **NOT_FOUND,
        ),
        "/changes": _page(
            "The changelog: every kept release, its quads added and removed by named graph.",
            PAGING,
            **NOT_FOUND,
        ),
        "/changes/{version}": _page(
            "A release's change set: the quads removed and added, in pages.",
            [
                {
                    "name": "version",
                    "in": "path",
                    "required": True,
                    "description": "The release's version (dcat:version).",
                    "schema": {"type": "string"},
                    **({"example": releases[0]} if releases else {}),
                },
                *PAGING,
            ],
            **NOT_FOUND,
        ),
        "/indicators": _page("Every indicator and its number of values.", PAGING, **NOT_FOUND),
        "/indicators/{name}": _page(
            "An indicator's values across documents (with their quotes, disagreements "
            "flagged) and across the kept releases.",
            [
                {
                    "name": "name",
                    "in": "path",
                    "required": True,
                    "description": f"The indicator's name (`{{base}}{changes.INDICATORS}NAME`).",
                    "schema": {"type": "string", "pattern": "^[^/]+$"},
                    "example": "victims-assisted",
                },
                *PAGING,
            ],
            **NOT_FOUND,
        ),
        "/.well-known/void": {
            "get": {
                "summary": "The VoID description: 303 to /dist/void.ttl.",
                "responses": {"303": {"description": "See /dist/void.ttl."}},
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This description of the HTTP interface.",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/dist/{file}": _files(
            "A file of the publish (dumps, VoID, sources, change sets).", "void.ttl"
        ),
        "/static/{file}": _files("The pages' stylesheets and scripts.", "kg.css"),
    }
    return paths


def _files(summary: str, example: str) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": [
                {
                    "name": "file",
                    "in": "path",
                    "required": True,
                    "description": "The file's path in the folder (segments).",
                    "schema": {"type": "string"},
                    "example": example,
                }
            ],
            "responses": {
                "200": {"description": "The file.", "content": {"*/*": {}}},
                "304": _ref("responses", "NotModified"),
                **NOT_FOUND,
            },
        }
    }


def document(server, extra_paths: dict | None = None) -> dict:
    """The OpenAPI document of a `kg.server.app.Server` (its limits and examples from its site);
    `extra_paths`: descriptions of routes that other modules add."""
    paths = {**_paths(server), **(extra_paths or {})}
    return {
        "openapi": VERSION,
        "info": {
            "title": f"{server.site.dataset().get('title', 'kg')}: kg serve",
            "version": kg.__version__,
            "summary": "The published graph as Linked Data, HTML pages and a SPARQL endpoint.",
            "license": {"name": "CC BY 4.0 (the data)", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": "/"}],
        "paths": dict(sorted(paths.items())),
        "components": _components(server.max_query_length),
    }


__all__ = ["VERSION", "document", "route_path"]
