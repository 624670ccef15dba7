"""The pages of a named query's rows, `/queries/NAME`: what a client pages a named query's
answer with, as `kg query NAME --limit N --offset M` does on the command line.

`page` and `limit` choose the page (1,000 rows a page unless `limit` asks for fewer, as the
query page's; `kg.server.paging` reads them strictly), the format is negotiated as /sparql's
results are (`Accept`, or `format=`: SPARQL JSON by default, XML, CSV, TSV), and any other
parameter binds the named query's parameter of that name (`kg queries` lists them).

A named query asked without parameters is answered from the rows `kg load` wrote of it into
the store (`kg.store.named_answers`): a slice of a file mapped into memory, no evaluation and
no query worker, so a page costs its rows whatever the size of the whole answer. With
parameters, from a store loaded before there were such files, from `kg serve --memory`, or
when the file does not read as that query's answer, the query is evaluated by a query worker
with the endpoint's limits (its time limit, the client's share), which writes the page's rows
only and counts the others (`kg.server.execution`). The page is the same bytes either way: the
engine's writer writes it from its rows.

/sparql is left to evaluation, whatever its text: to answer a query sent there from these rows
the server would have to know that it asks exactly what the named query asks, which only its
parsed algebra could tell (the guard's parser takes 50-250 ms a named query, in the server's
own process), and two texts of one algebra over a dataset given with the request
(`default-graph-uri`) are still two questions. A client that pages a named query pages it here.
"""

from __future__ import annotations

import time

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.errors import KgError
from kg.server import conneg, paging
from kg.server.endpoint import answer_response
from kg.server.execution import page_answer
from kg.server.handling import (
    FormError,
    client_of_request,
    parameters,
    plain_text,
    unknown_format,
)
from kg.server.paging import PagingError, PastTheEnd
from kg.server.sparql import (
    CONTENT_TYPES,
    FORMAT_PARAMS,
    RESULT_MEDIA,
    Answer,
    QueryRequest,
    RowWindow,
    format_override,
)
from kg.store.named_answers import TSV, CorruptAnswer, NamedAnswer
from kg.store.query import named_queries
from kg.store.results import results_json

# Rows a page unless `limit` asks for fewer (at most paging.MAX_LIMIT), as the query page's.
PAGE_ROWS = 1000
# The parameters of the route itself; every other one binds the query's.
OWN = ("page", "limit", "format", "output")
# How a page from the rows `kg load` wrote says so (the standard Server-Timing header, as a
# kept answer of /sparql says `cache;desc="hit"`).
STORED = 'stored;desc="kg load"'


class NamedQueryPages:
    """`/queries/NAME` over a `kg.server.app.Server` (its site, limits and query workers)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site

    async def rows(self, request: Request) -> Response:
        name = request.path_params["name"]
        query = named_queries().get(name)
        if query is None:
            return plain_text(
                404, f"Not Found: no named query {name[:100]!r} (`kg queries` lists them)"
            )
        try:
            items = parameters(request)
            wanted = paging.parse(items, PAGE_ROWS)
        except FormError as exc:
            return plain_text(400, str(exc))
        except PagingError as exc:
            return plain_text(400, f"Bad Request: {exc}")
        bound: dict[str, str] = {}
        for key, value in items:
            if key in OWN:
                continue
            if key not in query.parameters:
                takes = ", ".join(sorted(query.parameters)) or "none"
                return plain_text(
                    400, f"Bad Request: {name} has no parameter {key[:100]!r} (it takes {takes})"
                )
            if key in bound:
                return plain_text(400, f"Bad Request: {key}: give it once")
            bound[key] = value
        formats = [v for k, v in items if k in ("format", "output") and v.strip()]
        override = format_override(formats)
        if formats and (override is None or override[0] is None):
            return unknown_format(formats[0], [k for k, v in FORMAT_PARAMS.items() if v[0]])
        if override is not None:
            fmt = override[0]
        else:
            fmt = RESULT_MEDIA.get(conneg.negotiate(request.headers.get("accept"), RESULT_MEDIA))
        if fmt is None:
            return plain_text(
                406,
                "Not Acceptable: a named query's rows are available as "
                + ", ".join(dict.fromkeys(RESULT_MEDIA)),
            )
        start, end = wanted.offset, wanted.offset + wanted.limit
        answer = None
        stored = self.stored(query, bound)
        if stored is not None:
            answer = await run_in_threadpool(self.page_of_stored, stored, start, end, fmt)
        from_store = answer is not None
        if answer is None:
            try:
                text = query.bind(bound, self.site.graph.base)[0]
            except KgError as exc:
                return plain_text(400, f"Bad Request: {exc}")
            asked = QueryRequest(text, results_format=fmt, rows=(start, end))
            answer = await self.server.pool.answer(asked, client_of_request(request), False)
        if answer.status != 200:
            return answer_response(answer)
        try:
            page = paging.page_of(wanted, answer.total or 0, f"the rows of {name}")
        except PastTheEnd as exc:
            return plain_text(404, f"Not Found: {exc}")
        kept = [(k, v) for k, v in items if k not in ("page", "limit")]
        headers = paging.link_headers(paging.links(f"/queries/{name}", kept, wanted, page))
        headers["Vary"] = "Accept"
        headers["Server-Timing"] = (
            STORED if from_store else f"query;dur={answer.seconds * 1000:.1f}"
        )
        return Response(answer.body, 200, headers=headers, media_type=answer.media_type)

    def stored(self, query, bound: dict) -> NamedAnswer | None:
        """The rows `kg load` wrote of the named query, when it is asked without parameters
        and the store has them (`kg.store.embedded.StoreGraph.named_answer`)."""
        named_answer = getattr(self.site.graph, "named_answer", None)
        if bound or named_answer is None:
            return None
        return named_answer(query)

    def page_of_stored(self, stored: NamedAnswer, start: int, end: int, fmt: str) -> Answer | None:
        """Rows `start` to `end` of a stored answer in `fmt`, and how many there are; None
        when they do not read as rows (the query is then evaluated)."""
        started = time.perf_counter()
        try:
            tsv = stored.page_tsv(start, end)
            answer = page_answer(tsv, fmt, self.server.pool.max_result_bytes)
        except (CorruptAnswer, SyntaxError, ValueError):  # rows that are not the engine's TSV
            return None
        answer.total = len(stored)
        answer.seconds = time.perf_counter() - started
        return answer


def window_of_stored(stored: NamedAnswer, window: RowWindow) -> Answer | None:
    """The query page's window of a stored answer's rows, as a worker writes it for the query
    page (`kg.server.execution`: SPARQL JSON of the window's rows, and how many rows there
    are); None when they do not read as rows (the query is then evaluated)."""
    started = time.perf_counter()
    size = window.size(len(stored.header.split(b"\t")))
    first = (window.page - 1) * size
    try:
        solutions = ox.parse_query_results(stored.page_tsv(first, first + size), format=TSV)
        variables = [v.value for v in solutions.variables]
        rows = [{v: s[v] for v in variables if s[v] is not None} for s in solutions]
    except (CorruptAnswer, SyntaxError, ValueError):
        return None
    body = results_json(variables, rows)
    seconds = time.perf_counter() - started
    return Answer(200, body, CONTENT_TYPES["json"], "select", seconds, total=len(stored))


def named_query_paths() -> dict:
    """The description of `/queries/{name}` for `/openapi.json` (`kg.server.openapi`, whose
    components it names)."""
    text = {"text/plain; charset=utf-8": {"schema": {"type": "string"}}}
    common = {
        "400": {"$ref": "#/components/responses/BadRequest"},
        "429": {"$ref": "#/components/responses/TooMany"},
        "503": {"$ref": "#/components/responses/Unavailable"},
    }
    return {
        "/queries/{name}": {
            "get": {
                "summary": "A page of a named query's rows (1,000 unless `limit` asks for "
                "fewer), with Link headers to the others; without parameters, read from its "
                "answer kept by `kg load`.",
                "parameters": [
                    {
                        "name": "name",
                        "in": "path",
                        "required": True,
                        "description": "A named query (`kg queries`).",
                        "schema": {"type": "string", "enum": sorted(named_queries())},
                        "example": "statistic-evidence",
                    },
                    {"$ref": "#/components/parameters/page"},
                    {"$ref": "#/components/parameters/limit"},
                    {
                        "name": "format",
                        "in": "query",
                        "description": "The rows' format, for clients that cannot set Accept "
                        "(`json`, `xml`, `csv`, `tsv`, a media type); `output` is the same. Any "
                        "other parameter binds the named query's parameter of that name.",
                        "schema": {"type": "string"},
                        "example": "csv",
                    },
                ],
                "responses": {
                    **common,
                    "200": {
                        "description": "The page's rows (SPARQL 1.1 results).",
                        "content": {media: {} for media in sorted(set(RESULT_MEDIA))},
                    },
                    "404": {
                        "description": "No such query, or a page past the last.",
                        "content": text,
                    },
                    "406": {"description": "No format the client accepts.", "content": text},
                    "500": {"description": "The query was refused (its limits).", "content": text},
                },
            }
        }
    }
