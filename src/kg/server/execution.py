"""One SPARQL query run in a query worker: checked by the guard, run by the engine, its result
serialized within the size limit (`kg.server.sparql` says what is refused and why).

A result is written into a `ResultWriter`, which refuses to grow past the size limit and, for
a worker, hands it on in chunks of `CHUNK` bytes as the engine gives its rows; a window of a
SELECT's rows (the query page's) is written as SPARQL JSON of those rows only, the others
counted. Nothing here raises for a bad query: every failure is an `Answer`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from itertools import islice

import pyoxigraph as ox

from kg.server import guard
from kg.server.sparql import (
    CHUNK,
    CONTENT_TYPES,
    DEFAULT_WORKER_MEMORY,
    GRAPH_MEDIA,
    RESULT_MEDIA,
    Answer,
    QueryRequest,
    RowWindow,
    out_of_memory,
    refused,
    syntax_message,
    too_large,
)
from kg.server.xmltext import NotXml, XmlOutput, xml_document
from kg.store.named_answers import page_body
from kg.store.query import GRAPH_FORMATS, RESULT_FORMATS, PublishedGraph, Result, results_json


class ResultTooLarge(Exception):
    pass


class ResultWriter:
    """A binary output that refuses to grow past `limit` bytes. Without `emit` it keeps what
    is written; with it, once CHUNK bytes are written it calls `emit(("start", *head))` (the
    media type and the form of the result) and then hands them on a CHUNK at a time,
    `emit(("chunk", bytes))`, keeping less than a CHUNK."""

    def __init__(self, limit: int, emit=None, head: tuple = ()) -> None:
        self.limit = limit
        self.emit = emit
        self.head = head
        self.pending = bytearray()
        self.size = 0
        self.streaming = False

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge
        self.pending += data
        if self.emit is not None and len(self.pending) >= CHUNK:
            if not self.streaming:
                self.streaming = True
                self.emit(("start", *self.head))
            view = memoryview(self.pending)
            whole = len(self.pending) - len(self.pending) % CHUNK
            for start in range(0, whole, CHUNK):
                self.emit(("chunk", bytes(view[start : start + CHUNK])))
            view.release()
            del self.pending[:whole]
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        """What is kept: the whole result, or the tail not handed on yet."""
        return bytes(self.pending)


class _Lines:
    """A binary output that only counts the line breaks written to it."""

    def __init__(self) -> None:
        self.lines = 0

    def write(self, data) -> int:
        self.lines += bytes(data).count(b"\n")
        return len(data)

    def flush(self) -> None:
        pass


# The guard's verdicts on the latest query texts a worker was sent: a named query asked again
# and again is parsed once (rdflib's parser takes 50-250 ms a named query, Oxigraph's a
# fraction of a millisecond). A verdict depends on the text, the base and the prefixes only.
_VERDICTS: OrderedDict[bytes, guard.Verdict] = OrderedDict()
VERDICTS_KEPT = 1024


def _checked(query: str, graph: PublishedGraph) -> guard.Verdict:
    # JSON escapes every character outside ASCII (lone surrogates too): one text, one key.
    key = hashlib.sha256(
        json.dumps([query, graph.base, graph.prefixes], sort_keys=True).encode("ascii")
    ).digest()
    verdict = _VERDICTS.get(key)
    if verdict is None:
        verdict = guard.check(query, graph.prefixes, graph.base)
        _VERDICTS[key] = verdict
        if len(_VERDICTS) > VERDICTS_KEPT:
            _VERDICTS.popitem(last=False)
    else:
        _VERDICTS.move_to_end(key)
    return verdict


def _graph_names(iris: tuple[str, ...]) -> list[ox.NamedNode] | None:
    return [ox.NamedNode(i) for i in iris] if iris else None


def execute(
    graph: PublishedGraph,
    request: QueryRequest,
    max_result_bytes: int,
    memory_limit: int = DEFAULT_WORKER_MEMORY,
    emit=None,
) -> Answer:
    """Check one query with the guard, run it on `graph` and serialize its result; never
    raises for a bad query. With `emit`, a result larger than a CHUNK is handed to it as it is
    written (see `ResultWriter`), and the answer returned ends it: 200 with the last bytes,
    or why it stopped."""
    # A query the guard cannot read is never given to Oxigraph, not even to learn where its
    # syntax error is: Oxigraph's parser runs what it parses.
    verdict = _checked(request.query, graph)
    if not verdict.allowed:
        return Answer.error(verdict.status, verdict.message)
    started = time.perf_counter()
    try:
        answer = _execute(graph, request, max_result_bytes, started, emit)
        answer.volatile = verdict.volatile
        return answer
    except MemoryError:
        return out_of_memory(memory_limit)
    except Exception as exc:  # noqa: BLE001 - the engine's other errors (e.g. RuntimeError for
        # an unknown function) are the query's failure, never the worker's end
        return Answer.error(500, f"The query failed: {' '.join(str(exc).split())[:500]}")


def _execute(
    graph, request: QueryRequest, max_result_bytes: int, started: float, emit=None
) -> Answer:
    try:
        answer = graph.store.query(
            request.query,
            base_iri=graph.base,
            prefixes=graph.prefixes,
            default_graph=_graph_names(request.default_graphs),
            named_graphs=_graph_names(request.named_graphs),
        )
    except SyntaxError as exc:
        return Answer.error(400, syntax_message(exc))
    except ValueError as exc:
        return Answer.error(400, f"Bad request: {exc}")
    except OSError as exc:
        return Answer.error(500, f"The query failed: {exc}")
    form = (
        "ask"
        if isinstance(answer, ox.QueryBoolean)
        else "graph"
        if isinstance(answer, ox.QueryTriples)
        else "select"
    )
    if form == "select" and request.window is not None:
        return _window(answer, request.window, max_result_bytes, started)
    fmt = request.graph_format if form == "graph" else request.results_format
    if form == "select" and request.rows is not None and fmt is not None:
        return _rows(answer, request.rows, fmt, max_result_bytes, started)
    if fmt is None:
        offered = GRAPH_MEDIA if form == "graph" else RESULT_MEDIA
        kind = "CONSTRUCT and DESCRIBE" if form == "graph" else "SELECT and ASK"
        return Answer.error(
            406,
            f"Not Acceptable: {kind} results are available as " + ", ".join(dict.fromkeys(offered)),
        )
    writer = ResultWriter(max_result_bytes, emit, (CONTENT_TYPES[fmt], form))
    # SPARQL XML is checked as it is written for what XML cannot carry (kg.server.xmltext).
    output = XmlOutput(writer) if fmt == "xml" else writer
    try:
        if form == "graph":
            _serialize_graph(graph, answer, fmt, writer, max_result_bytes)
        else:
            answer.serialize(output, format=RESULT_FORMATS[fmt])
    except NotXml as exc:
        return not_xml(exc, form)
    except ResultTooLarge:
        return too_large(max_result_bytes)
    except OSError as exc:
        if isinstance(output, XmlOutput) and output.refused is not None:
            return not_xml(output.refused, form)
        if isinstance(exc.__cause__, ResultTooLarge) or "ResultTooLarge" in str(exc):
            return too_large(max_result_bytes)
        return Answer.error(500, f"The query failed: {exc}")
    return Answer(
        200,
        writer.getvalue(),
        CONTENT_TYPES[fmt],
        form=form,
        seconds=time.perf_counter() - started,
    )


def _window(answer, window: RowWindow, max_result_bytes: int, started: float) -> Answer:
    """The rows of one page of a SELECT's result as SPARQL JSON, and how many rows the whole
    result has: the rows before the page are skipped, those after it counted as TSV lines
    written by the engine (a line a row: TSV escapes line breaks), never kept."""
    variables = [v.value for v in answer.variables]
    size = window.size(len(variables))
    first = (window.page - 1) * size
    rows = []
    seen = 0
    for solution in islice(answer, first + size):
        if seen >= first:
            rows.append({v: solution[v] for v in variables if solution[v] is not None})
        seen += 1
    rest = 0
    if seen == first + size:
        lines = _Lines()
        answer.serialize(lines, format=ox.QueryResultsFormat.TSV)
        rest = lines.lines - 1  # its header
    body = results_json(variables, rows)
    if len(body) > max_result_bytes:
        return refused(
            f"this page of the result is larger than the size limit of {max_result_bytes:,} "
            "bytes; ask for fewer rows a page (limit=)"
        )
    return Answer(
        200,
        body,
        CONTENT_TYPES["json"],
        form="select",
        seconds=time.perf_counter() - started,
        total=seen + rest,
    )


class RowSlice:
    """A binary output for the engine's SPARQL TSV writer that keeps the header line and the
    lines of rows `start` to `end` (from 0), and only counts the others (TSV escapes line
    breaks inside values: a line a row); past `limit` bytes kept, ResultTooLarge."""

    def __init__(self, start: int, end: int, limit: int) -> None:
        self.start, self.end, self.limit = start, end, limit
        self.line = -1  # the header's; then the row being written
        self.header = bytearray()
        self.kept = bytearray()

    def write(self, data) -> int:
        data = bytes(data)
        at = 0
        while at < len(data):
            if self.line >= self.end or 0 <= self.line < self.start:
                # Outside the page: counted only, as far as this write goes at once.
                wanted = None if self.line >= self.end else self.start - self.line
                at, seen = _skip_lines(data, at, wanted)
                self.line += seen
                continue
            found = data.find(b"\n", at)
            stop = len(data) if found < 0 else found + 1
            if self.line == -1:
                self.header += data[at:stop]
            else:
                self.kept += data[at:stop]
                if len(self.kept) > self.limit:
                    raise ResultTooLarge
            if found < 0:
                break
            self.line += 1
            at = stop
        return len(data)

    def flush(self) -> None:
        pass

    def tsv(self) -> bytes:
        """The page's rows as a SPARQL TSV result."""
        return bytes(self.header) + bytes(self.kept)


def _skip_lines(data: bytes, at: int, wanted: int | None) -> tuple[int, int]:
    """Where `data` goes on after `wanted` line breaks from `at` (all of them: None), and how
    many it passed."""
    if wanted is None:
        return len(data), data.count(b"\n", at)
    seen = 0
    while seen < wanted:
        found = data.find(b"\n", at)
        if found < 0:
            return len(data), seen
        at, seen = found + 1, seen + 1
    return at, seen


def _rows(answer, rows: tuple[int, int], fmt: str, max_result_bytes: int, started) -> Answer:
    """Rows `start` to `end` of a SELECT's result in `fmt`, and how many there are in all
    (`Answer.total`): the engine writes the whole result as TSV, of which the page's rows are
    kept and the others counted, and the page is written from its rows by the engine's writer
    (as the pages `kg load` kept are: `kg.store.named_answers`)."""
    start, end = rows
    page = RowSlice(start, end, max_result_bytes)
    try:
        answer.serialize(page, format=ox.QueryResultsFormat.TSV)
    except ResultTooLarge:
        return rows_too_large(max_result_bytes)
    except OSError as exc:
        if isinstance(exc.__cause__, ResultTooLarge) or "ResultTooLarge" in str(exc):
            return rows_too_large(max_result_bytes)
        raise
    answer = page_answer(page.tsv(), fmt, max_result_bytes)
    answer.total = max(page.line, 0)
    answer.seconds = time.perf_counter() - started
    return answer


def page_answer(tsv: bytes, fmt: str, max_result_bytes: int) -> Answer:
    """A page of a SELECT's rows (SPARQL TSV, as the engine wrote them) as an answer in
    `fmt`: 200, or why not (too large, or not XML)."""
    writer = ResultWriter(max_result_bytes)
    output = XmlOutput(writer) if fmt == "xml" else writer
    try:
        page_body(tsv, RESULT_FORMATS[fmt], output)
    except NotXml as exc:
        return not_xml(exc, "select")
    except ResultTooLarge:
        return rows_too_large(max_result_bytes)
    except OSError as exc:
        if isinstance(output, XmlOutput) and output.refused is not None:
            return not_xml(output.refused, "select")
        if isinstance(exc.__cause__, ResultTooLarge) or "ResultTooLarge" in str(exc):
            return rows_too_large(max_result_bytes)
        return Answer.error(500, f"The query failed: {exc}")
    return Answer(200, writer.getvalue(), CONTENT_TYPES[fmt], form="select")


def rows_too_large(max_result_bytes: int) -> Answer:
    return refused(
        f"this page of the result is larger than the size limit of {max_result_bytes:,} "
        "bytes; ask for fewer rows a page (limit=)"
    )


def _serialize_graph(graph, triples, fmt: str, writer: ResultWriter, limit: int) -> None:
    collected, size = [], 0
    for triple in triples:
        collected.append(triple)
        size += len(str(triple)) + 3
        if size > limit:
            raise ResultTooLarge
    if fmt in GRAPH_FORMATS:
        data = Result("graph", triples=collected, prefixes=graph.prefixes).serialize(fmt)
    else:
        data = ox.serialize(collected, format=ox.RdfFormat.RDF_XML)
        data = xml_document(data, (triple.predicate.value for triple in collected))
    writer.write(data)


def not_xml(exc: NotXml, form: str) -> Answer:
    """406 for a result XML cannot carry, pointing to the formats that carry it."""
    formats = (
        "Turtle, N-Triples or JSON-LD"
        if form == "graph"
        else "application/sparql-results+json, text/csv or text/tab-separated-values"
    )
    return Answer.error(406, exc.message("result", formats))
