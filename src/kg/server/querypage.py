"""The query page of `kg serve` (`/query`): an editor with completion (kg.server.editor) and
the named queries as examples; with a query, a page of its result as a table, a map of its
points (kg.server.maps) and a chart of its numbers (kg.server.charts).

The query runs in the endpoint's workers (kg.server.querypool) like any other, for a window of
the rows only (`RowWindow`): the size limit applies to the page shown, and the page's links go
to the others. The page is rendered off the event loop.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.server import charts, editor, maps, paging
from kg.server.handling import (
    RDF_CONTENT_TYPES,
    FormError,
    charset_refused,
    client_of_request,
    content_type,
    form_items,
    parameters,
    plain_text,
)
from kg.server.namedqueries import window_of_stored
from kg.server.paging import Paging, PagingError, PastTheEnd
from kg.server.sparql import Answer, QueryRequest, RowWindow, json_table
from kg.store.query import named_queries

# What the query page shows of a result (the rest is a request to /sparql away).
PAGE_ROWS = 1000  # a page of a SELECT's rows, unless `limit=` asks for fewer
# ... and of its cells: a result of many columns gets fewer rows a page (150 columns of 1,000
# rows made a 32 MB page, built in the server's own process), and of each cell's text.
PAGE_CELLS = 10_000
CELL_TEXT = 2_000
PAGE_TEXT = 1_000_000
# ... and of the text of its values in all: each cut at CELL_TEXT characters, and at fewer when
# there are many (200 at PAGE_CELLS cells). An IRI is written three times (its link, its title,
# its name), and 10,000 made-up IRIs of 1,500 characters, a result within the size limit, made
# a page of 46 MB in the server's process; twelve clients asking for such pages at once took
# it to 900 MB.
PAGE_VALUE_TEXT = 2_000_000
# What the query page reads in a POST's body (it reads the fields of the query string too).
FORM = "application/x-www-form-urlencoded"
DEFAULT_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# The classes of the graph and how many members each has.
SELECT ?class (COUNT(DISTINCT ?member) AS ?members)
WHERE { ?member a ?class }
GROUP BY ?class
ORDER BY DESC(?members)
LIMIT 25
"""


class QueryPage:
    """The query page over a `kg.server.app.Server` (its site, templates, limits and query
    workers)."""

    def __init__(self, server) -> None:
        self.server = server
        self.site = server.site
        # The query editor's bundle (kg.server.editor), if it was fetched when kg was built:
        # without it the query page is a plain form. Its vocabulary is worked out once.
        self.editor = editor.assets()
        self._vocabulary: dict | None = None
        self._vocabulary_lock = threading.Lock()
        # A page of results is made in this process (the answer parsed, the page rendered)
        # after its query's worker is free again, so the workers' limits do not bound it: as
        # many pages are made at once as there are workers, and a request waits for its turn
        # as long as for a worker (then 503), holding nothing meanwhile.
        pool = getattr(server, "pool", None)
        self.pages_at_once = getattr(pool, "size", 1) or 1
        self.page_wait = getattr(pool, "queue_wait", 5.0)
        self._pages: asyncio.Semaphore | None = None

    async def query_page(self, request: Request) -> Response:
        try:
            items = parameters(request)
        except FormError as exc:
            return plain_text(400, str(exc))
        params = dict(items)
        if request.method == "POST":
            body = await self.server.read_body(request)
            if isinstance(body, Response):
                return body
            media, charset = content_type(request)
            if body and media != FORM:
                # A body of another kind was read as a form: a multipart form, JSON or a query
                # showed the default query, 200, as if it had been read.
                return plain_text(
                    415,
                    f"Unsupported Media Type: POST the query page a form ({FORM}), "
                    f"not {media or 'that'}",
                )
            refusal = charset_refused(charset)
            if refusal is not None:
                return refusal
            try:
                form = form_items(body)
            except FormError as exc:
                return plain_text(400, str(exc))
            params.update(dict(form))
            items += form
        return await self.page(request, params, items)

    async def page(
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
            return plain_text(400, f"Bad Request: {exc}")
        queries = named_queries()
        example = params.get("example")
        text = params.get("query")
        if example and example not in queries:
            example = None
        if text is None and example:
            # As kg query runs it: its BASE set to the base the graph was published with.
            text = queries[example].for_base(self.site.graph.base).text
        if text is not None and text.strip():
            if self._pages is None:
                self._pages = asyncio.Semaphore(self.pages_at_once)
            try:
                await asyncio.wait_for(self._pages.acquire(), self.page_wait)
            except TimeoutError:
                response = plain_text(
                    503,
                    f"Service Unavailable: {self.pages_at_once} query pages are being made; "
                    "try again, or ask /sparql for the result itself",
                )
                response.headers["Retry-After"] = str(max(1, math.ceil(self.page_wait)))
                return response
            try:
                return await self._answered_page(request, params, text, example, wanted)
            finally:
                self._pages.release()
        return await self._answered_page(request, params, text, example, wanted)

    async def _answered_page(
        self, request: Request, params: dict, text: str | None, example: str | None, wanted
    ) -> Response:
        queries = named_queries()
        outcome = None
        status = 200
        found: dict[str, str] = {}
        if text is not None and text.strip():
            # A named query shown as it is (`example=` without `query=`) is paged from its
            # answer kept by `kg load`, when the store has one (kg.server.namedqueries).
            stored = None
            if example and "query" not in params:
                stored = self.server.named_queries.stored(queries[example], {})
            outcome = await self._run_for_people(request, text, wanted, stored)
            status = outcome["status"]
            if "past" in outcome:
                return plain_text(404, f"Not Found: {outcome['past']}")
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
        body = await run_in_threadpool(self.server.render, "query.html", **context)
        headers = paging.link_headers(found)
        if outcome and outcome.get("retry_after"):
            headers["Retry-After"] = outcome["retry_after"]
        return Response(body, status, headers=headers, media_type=RDF_CONTENT_TYPES["html"])

    def vocabulary(self) -> dict:
        """What the query editor completes (`kg.server.editor.site_vocabulary`), worked out
        when the query page first needs it, once."""
        with self._vocabulary_lock:
            if self._vocabulary is None:
                self._vocabulary = editor.site_vocabulary(self.site)
            return self._vocabulary

    async def _run_for_people(
        self, request: Request, text: str, wanted: Paging, stored=None
    ) -> dict:
        if len(text) > self.server.max_query_length:
            return {
                # 414 for a query in the address (GET), 413 for one in a form's body
                "status": 414 if ("query", text) in parameters(request) else 413,
                "error": f"The query is longer than {self.server.max_query_length:,} characters.",
            }
        started = time.perf_counter()
        # The worker writes the rows of the page asked for only (counting the others), so the
        # size limit applies to the page. The page reads the body: never a stream.
        window = RowWindow(wanted.page, wanted.limit, PAGE_CELLS)
        answer = None
        if stored is not None:
            answer = await run_in_threadpool(window_of_stored, stored, window)
        if answer is None:
            answer = await self.server.pool.answer(
                QueryRequest(text, results_format="json", graph_format="turtle", window=window),
                client_of_request(request),
                stream=False,
            )
        outcome = {"status": answer.status, "ms": (time.perf_counter() - started) * 1000}
        if answer.status != 200:
            outcome["error"] = answer.message
            # 429 and 503 say when to come back (RFC 9110 section 10.2.3), as /sparql does
            outcome["retry_after"] = answer.headers.get("Retry-After")
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
        # Each value at most CELL_TEXT characters wherever the page shows it: the table, the
        # chart's labels, the map's names (an IRI of 8 MB was shown three times in full); and
        # the values of the page PAGE_VALUE_TEXT in all.
        cut = cell_text(len(bindings) * len(variables))
        bindings = [{v: shown(cell, cut) for v, cell in row.items()} for row in bindings]
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
        """A value as its cell shows it: an IRI by its name and linked, a literal's text."""
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


def cell_text(cells: int) -> int:
    """The characters each value of a page of `cells` values may show: CELL_TEXT, fewer when
    that many would add up to more than PAGE_VALUE_TEXT."""
    return min(CELL_TEXT, PAGE_VALUE_TEXT // max(cells, 1))


def shown(cell: dict, cut: int = CELL_TEXT) -> dict:
    """A value of a result (SPARQL JSON) as the query page may show it: a literal or an IRI
    longer than `cut` characters becomes a literal of its first `cut` characters and "…" (an
    IRI so cut is no address to link to), a language tag past `cut` characters none."""
    value = cell.get("value", "")
    if len(value) > cut:
        cell = {"type": "literal", "value": value[:cut] + "…"}
    elif len(cell.get("xml:lang", "")) > cut:
        cell = {k: v for k, v in cell.items() if k != "xml:lang"}
    return cell
