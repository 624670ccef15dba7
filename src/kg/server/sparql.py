"""The read-only SPARQL 1.1 query service behind `/sparql`.

What is refused, and with which status (SPARQL 1.1 Protocol, sections 2.1.4 and 2.2.4: 400 for a
request that is not a legal query, 500 when the service refuses to execute one):

- a query the guard's parser rejects: 400 with the parser's message, line and column; a query
  nested too deeply for it: 400 (`kg.server.guard`);
- SPARQL Update (an `update` parameter, `application/sparql-update`): 500, read-only service;
  an update sent as a query: 400, saying so;
- `SERVICE` (federated query) anywhere in the parsed query: 500, the server never fetches other
  addresses; and the workers that run queries are denied the network (`kg.server.sandbox`), so
  the refusal does not rest on the guard alone;
- a query that runs longer than the time limit, or whose result is larger than the size limit
  (bytes of the serialized result): 500 with the limit that was hit;
- a query text longer than `max_query_length`: 413.

Time limits: Oxigraph cannot interrupt a running query, and a query can spend all its time
before its first result (ORDER BY, GROUP BY), so queries run in worker processes (`QueryPool`),
each opening the on-disk store read-only (`kg serve`'s default: nothing to load, so a worker
is ready, and replaced, in well under a second whatever the size of the graph; the graph is on
disk once, in the page cache, shared) or, with `kg serve --memory`, each holding its own copy
of the published graph. The server waits for the answer at most the time limit; a worker that
has not answered by then is killed and replaced, so a runaway query never keeps a core busy. A
worker may take a bounded amount of memory beyond the graph it holds (`RLIMIT_DATA`); a query
past it is stopped (503) and the worker replaced.

Results: the worker serializes a result as the engine gives its rows, into a writer that stops
at the size limit (`ResultWriter`) and hands it on in chunks of `CHUNK` bytes, so it never holds
a large result whole. The server holds up to `HOLD` bytes of an answer before it sends the
status line: an answer within them (any answer, with the default size limit) is sent whole with
its status, a refusal included. Past `HOLD` (a size limit above it), the answer is streamed as
it comes; one that then passes the size or time limit is cut: its body ends with a line saying
so, and the connection is closed before the body's end (`AnswerCut`), so that no client takes
it for a whole result. The SPARQL 1.1 Protocol gives a refusal a status (500), which cannot be
sent once the body has begun: holding the start of an answer is what keeps it.

Pages: the query page asks for a window of a SELECT's rows (`RowWindow`); the worker writes
those rows only, counting the others, so the size limit applies to the page asked for, and a
result too large for the endpoint is read a page at a time. A refusal for size says where to
get the pages.

Admission (`QueryPool.answer`): a short queue with a bounded wait, a share of the workers per
client, and 503/429 with Retry-After at once when there is no room, so that slow queries never
hold the threads that serve pages and downloads.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import json
import math
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import Counter, OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.server import guard, sandbox
from kg.store.query import GRAPH_FORMATS, RESULT_FORMATS, PublishedGraph, Result, results_json

# Media types of results: SELECT and ASK ...
RESULT_MEDIA = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
# ... and CONSTRUCT and DESCRIBE.
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/x-turtle": "turtle",
    "application/json": "jsonld",
}
CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# `format=` (or `output=`) values for clients that cannot set Accept: (SELECT/ASK format,
# CONSTRUCT/DESCRIBE format). Media types are understood too.
FORMAT_PARAMS = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "turtle"),  # Turtle is N3
    "ntriples": (None, "ntriples"),
    "nt": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
}


def format_override(values: list[str]) -> tuple[str | None, str | None] | None:
    """The formats named by `format`/`output` parameters: the first value understood wins;
    values not understood are ignored (clients such as SPARQLWrapper send several, for
    several kinds of server), leaving the choice to Accept."""
    for value in values:
        key = value.strip().lower()
        if key in FORMAT_PARAMS:
            return FORMAT_PARAMS[key]
        media = key.split(";")[0].strip()
        if media in RESULT_MEDIA or media in GRAPH_MEDIA:
            return RESULT_MEDIA.get(media), GRAPH_MEDIA.get(media)
    return None


DEFAULT_TIME_LIMIT = 10.0
DEFAULT_MAX_RESULT_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_QUERY_LENGTH = 100_000
DEFAULT_WORKERS = 2
# Memory a query may take in a worker, on top of the graph the worker holds.
DEFAULT_WORKER_MEMORY = 1024 * 1024 * 1024
# How long a query may wait for a free worker before it is refused (503, Retry-After).
DEFAULT_QUEUE_WAIT = 0.5
# A result is handed from the worker to the server in chunks of this size; the server holds
# this much of an answer before it sends the status line (see the module's docstring), and a
# streamed answer runs at most STREAM_AHEAD chunks ahead of the client reading it.
CHUNK = 256 * 1024
HOLD = 16 * 1024 * 1024
STREAM_AHEAD = 16
# Python frames the guard's parser may use: enough for about 140 levels of nested groups,
# far below the depth at which the engine's native stack would overflow (thousands).
GUARD_RECURSION_LIMIT = 4000


# --------------------------------------------------------------------------------------------
# Requests and answers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowWindow:
    """A page of a SELECT's rows, as the query page asks for one: the `page`th run of `limit`
    rows, or of fewer when the result has many columns (at most `cells` cells a page)."""

    page: int
    limit: int
    cells: int

    def size(self, columns: int) -> int:
        """Rows a page, for a result of `columns` variables."""
        return max(1, min(self.limit, self.cells // max(1, columns)))


@dataclass(frozen=True)
class QueryRequest:
    """One query operation: the text, the protocol's dataset, the negotiated formats, and,
    for the query page, the window of rows wanted (SPARQL JSON of those rows only)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_format: str | None = "json"  # for SELECT and ASK; None: none acceptable
    graph_format: str | None = "turtle"  # for CONSTRUCT and DESCRIBE
    window: RowWindow | None = None


@dataclass
class Answer:
    """What the service answers: a result (status 200) or an error message."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    form: str = ""  # select, ask or graph
    seconds: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    # The worker that gave this answer is to be replaced (it ran out of memory).
    replace_worker: bool = False
    # A window of rows (`QueryRequest.window`): the rows of the whole result.
    total: int | None = None
    # An answer larger than HOLD: its body, streamed as the worker writes it (`body` is empty).
    stream: ResultStream | None = None

    @classmethod
    def error(cls, status: int, message: str, **headers: str) -> Answer:
        return cls(status, (message.rstrip() + "\n").encode("utf-8"), headers=dict(headers))

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace").strip() if self.status != 200 else ""


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


# --------------------------------------------------------------------------------------------
# What is refused
# --------------------------------------------------------------------------------------------

_SYNTAX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def syntax_message(exc: SyntaxError) -> str:
    """Oxigraph's syntax error as people read it."""
    message = " ".join(str(exc).split())
    match = _SYNTAX_POSITION.match(message)
    if match:
        return f"SPARQL syntax error at line {match[1]}, column {match[2]}: {match[3]}"
    return f"SPARQL syntax error: {message}"


def refused(message: str) -> Answer:
    """A query or update the service refuses to execute: SPARQL 1.1 Protocol's 500."""
    return Answer.error(500, f"Refused: {message}")


def too_large(limit: int, what: str = "the result") -> Answer:
    """The refusal of an answer past the size limit, with where to get it in parts."""
    return refused(
        f"{what} is larger than the size limit of {limit:,} bytes; ask for it a page at a "
        "time: LIMIT and OFFSET in the query, the query page (/query?query=...&page=N&limit=M), "
        "`kg query --limit N --offset M`, or download the dumps from /downloads"
    )


UPDATE_REFUSED = (
    "this SPARQL endpoint is read-only; SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is "
    "not accepted. Download the dumps from /downloads to load them into a store you can change."
)


def busy(message: str, retry_after: float, status: int = 503) -> Answer:
    """A refusal for now, not for good: 503 (the endpoint is full) or 429 (this client has
    enough queries in flight), with the seconds after which to try again."""
    return Answer.error(status, message, **{"Retry-After": str(max(1, math.ceil(retry_after)))})


def out_of_memory(limit: int) -> Answer:
    answer = busy(
        f"Service Unavailable: the query needed more than the {limit // 2**20:,} MiB a query may "
        "use and was stopped; make it more selective (fewer rows, shorter GROUP_CONCATs)",
        1,
    )
    answer.replace_worker = True
    return answer


# --------------------------------------------------------------------------------------------
# Execution
# --------------------------------------------------------------------------------------------


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
        return _execute(graph, request, max_result_bytes, started, emit)
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
    if fmt is None:
        offered = GRAPH_MEDIA if form == "graph" else RESULT_MEDIA
        kind = "CONSTRUCT and DESCRIBE" if form == "graph" else "SELECT and ASK"
        return Answer.error(
            406,
            f"Not Acceptable: {kind} results are available as " + ", ".join(dict.fromkeys(offered)),
        )
    writer = ResultWriter(max_result_bytes, emit, (CONTENT_TYPES[fmt], form))
    try:
        if form == "graph":
            _serialize_graph(graph, answer, fmt, writer, max_result_bytes)
        else:
            answer.serialize(writer, format=RESULT_FORMATS[fmt])
    except ResultTooLarge:
        return too_large(max_result_bytes)
    except OSError as exc:
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
    writer.write(data)


# --------------------------------------------------------------------------------------------
# Worker processes
# --------------------------------------------------------------------------------------------


def _open_graph(source: tuple[str, str]) -> PublishedGraph:
    """The graph a worker queries: ("dist", folder) loads the published files into memory,
    ("store", path) opens a store made by `kg load`, read-only."""
    kind, where = source
    if kind == "store":
        from kg.store.embedded import StoreGraph

        return StoreGraph(where)
    return PublishedGraph(where)


def _worker_main(conn, source: tuple[str, str], max_result_bytes: int, memory_limit: int) -> None:
    """A worker process: deny itself the network, open the graph once, bound its memory, then
    answer queries until the pipe closes. A watchdog ends it if the server dies while it is in
    the middle of a query."""
    warning = ""
    try:
        sandbox.deny_network()
    except sandbox.SandboxUnavailable as exc:
        warning = (
            f"query workers are not denied the network ({exc}); the guard alone refuses SERVICE"
        )
    sys.setrecursionlimit(max(sys.getrecursionlimit(), GUARD_RECURSION_LIMIT))
    # An allocation past the memory limit aborts the engine: one line in the log, no backtrace.
    os.environ["RUST_BACKTRACE"] = "0"
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="kg-worker-watchdog").start()
    try:
        graph = _open_graph(source)
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    sandbox.limit_memory(memory_limit)
    conn.send(("ready", warning))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        answer = execute(graph, request, max_result_bytes, memory_limit, emit=conn.send)
        conn.send(answer)
        if answer.replace_worker:
            return


def _worker_context():
    """How workers are started: forked from a process that has imported what a worker needs
    (multiprocessing's forkserver, a single-threaded process started once), so a worker is
    ready, and a stopped one replaced, in the time it takes to open the store; spawned (a new
    interpreter importing kg, most of a second) where there is no forkserver. Never forked
    from the server itself, whose threads may hold locks."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.server.sparql", "kg.store.embedded"])
    return context


class _Worker:
    def __init__(self, context, source: tuple[str, str], max_result_bytes: int, memory: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, source, max_result_bytes, memory),
            daemon=True,
            name="kg-query-worker",
        )
        self.process.start()
        child.close()
        self.ready = False
        self.warning = ""
        # The server's start-up and the worker's dispatching thread may both wait for it.
        self._starting = threading.Lock()

    def wait_ready(self, timeout: float = 300.0) -> None:
        with self._starting:
            self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise KgError("kg serve", None, "a query worker did not start in time")
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            raise KgError("kg serve", None, "a query worker stopped while starting") from None
        if status != "ready":
            raise KgError("kg serve", None, f"a query worker could not load the graph: {detail}")
        self.warning = detail
        self.ready = True

    def ask(self, request: QueryRequest) -> None:
        self.wait_ready()
        self.conn.send(request)

    def receive(self, deadline: float):
        """The worker's next message (an Answer, or a ("start", ...) or ("chunk", bytes) of a
        streamed one), or None when none came before `deadline` (`time.monotonic()`)."""
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            return None
        return self.conn.recv()

    def exit_code(self) -> int | None:
        self.process.join(1)
        return self.process.exitcode

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class AnswerCut(Exception):
    """A streamed answer stopped before its end (past the size or time limit, or its worker
    died): the connection is closed before the body's end."""


@dataclass(frozen=True)
class _Cut:
    message: str


_END = object()


class ResultStream:
    """The body of an answer too large to hold: what the worker wrote before it was sent
    (`held`), then the chunks a slot thread puts as the worker writes them, read by the
    response on the event loop `loop`. The slot thread waits while STREAM_AHEAD chunks are
    unread (a slow reader slows the worker, within the time limit)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, held: list[bytes]) -> None:
        self._loop = loop
        self._held = held
        self._queue: asyncio.Queue = asyncio.Queue(STREAM_AHEAD)
        self.gone = False  # the client went away: what comes next is dropped

    def put(self, item, deadline: float) -> bool:
        """Hand a chunk (or the end, or a cut) to the reader; False when it went away.
        TimeoutError when it has not made room by `deadline`."""
        if self.gone:
            return False
        try:
            done = asyncio.run_coroutine_threadsafe(self._queue.put(item), self._loop)
        except RuntimeError:  # the event loop is closed: the server stopped
            self.gone = True
            return False
        try:
            done.result(max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            done.cancel()
            raise TimeoutError from None
        return not self.gone

    def cut(self, message: str) -> None:
        """End the stream with why it stops, without waiting for room (the reader drops a
        chunk to make it)."""
        if self.gone:
            return

        def put() -> None:
            if self._queue.full():
                self._queue.get_nowait()
            self._queue.put_nowait(_Cut(message))

        with contextlib.suppress(RuntimeError):  # the event loop is closed
            self._loop.call_soon_threadsafe(put)

    async def chunks(self):
        """The body, chunk by chunk; after a cut, a line saying why, then AnswerCut."""
        try:
            while self._held:
                yield self._held.pop(0)
            while True:
                item = await self._queue.get()
                if item is _END:
                    return
                if isinstance(item, _Cut):
                    yield f"\n\nkg serve: the answer is cut here: {item.message}\n".encode()
                    raise AnswerCut(item.message)
                yield item
        finally:
            self.gone = True
            self._held = []
            while not self._queue.empty():  # a slot thread waiting for room goes on
                self._queue.get_nowait()


@dataclass(eq=False)
class _Job:
    """A query waiting for, or running in, a worker."""

    request: QueryRequest
    client: str
    future: Future = field(default_factory=Future)
    state: str = "waiting"  # then "running", "abandoned" when it waited too long, "gone"
    # The event loop that waits for the answer, which a streamed answer is read on (None: the
    # answer is held whole, up to the size limit).
    loop: asyncio.AbstractEventLoop | None = None


class QueryPool:
    """Worker processes that run queries with a time and a memory limit (see the module's
    docstring), on the published files of `dist` or, given `store`, on a store made by
    `kg load`.

    Admission is bounded and fair, and never holds a thread of the web server:

    - each worker has its own dispatching thread; a query waits in a short queue (`queue_size`
      places) for a worker, at most `queue_wait` seconds, then it is refused with 503 and
      Retry-After; a full queue refuses at once;
    - one client (its address) runs at most `per_client` queries at once (by default one fewer
      than the workers, so that a client sending slow queries always leaves a worker to the
      others) and waits with at most as many more; past that it is refused with 429;
    - a free worker takes the oldest waiting query of a client under its share.
    """

    def __init__(
        self,
        dist: Path | str | None,
        workers: int = DEFAULT_WORKERS,
        time_limit: float = DEFAULT_TIME_LIMIT,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        store: Path | str | None = None,
        *,
        memory_limit: int = DEFAULT_WORKER_MEMORY,
        queue_size: int | None = None,
        queue_wait: float = DEFAULT_QUEUE_WAIT,
        per_client: int | None = None,
    ) -> None:
        if workers < 1:
            raise KgError("--workers", None, "at least one worker is needed")
        if time_limit <= 0:
            raise KgError("--query-timeout", None, "the time limit must be positive")
        if max_result_bytes < 1:
            raise KgError("--max-result-size", None, "the size limit must be positive")
        if memory_limit < 16 * 2**20:
            raise KgError("--worker-memory", None, "give a query at least 16 MiB")
        if queue_size is not None and queue_size < 0:
            raise KgError("--queue", None, "the queue cannot be negative")
        if queue_wait <= 0:
            raise KgError("--queue-wait", None, "the wait must be positive")
        if per_client is not None and per_client < 1:
            raise KgError("--per-client", None, "a client must be able to run one query")
        if store is not None:
            self.source = ("store", str(Path(store).resolve()))
        elif dist is not None:
            self.source = ("dist", str(Path(dist).resolve()))
        else:
            raise KgError("kg serve", None, "give the published folder or a store")
        self.size = workers
        self.time_limit = time_limit
        self.max_result_bytes = max_result_bytes
        self.memory_limit = memory_limit
        self.queue_size = 2 * workers if queue_size is None else queue_size
        self.queue_wait = queue_wait
        self.per_client = max(1, workers - 1) if per_client is None else per_client
        self.warnings: list[str] = []
        self._context = _worker_context()
        self._cond = threading.Condition()
        self._waiting: list[_Job] = []
        self._running: Counter[str] = Counter()
        self._idle = 0  # slots whose worker is ready and waits for a job
        self._workers: set[_Worker] = set()
        self._closed = False
        self._slots = []
        for number in range(workers):
            worker = self._start()
            slot = threading.Thread(
                target=self._serve, args=(worker,), daemon=True, name=f"kg-query-slot-{number}"
            )
            self._slots.append(slot)
            slot.start()

    # Workers ----------------------------------------------------------------------------------

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.source, self.max_result_bytes, self.memory_limit)
        with self._cond:
            self._workers.add(worker)
        return worker

    def _restart(self, worker: _Worker) -> _Worker:
        with self._cond:
            self._workers.discard(worker)
        worker.stop()
        return self._start()

    def wait_ready(self) -> None:
        with self._cond:
            workers = list(self._workers)
        for worker in workers:
            worker.wait_ready()
            if worker.warning and worker.warning not in self.warnings:
                self.warnings.append(worker.warning)

    def _serve(self, worker: _Worker) -> None:
        """One worker's dispatching thread: take a job, run it, answer, until closed."""
        while True:
            try:
                worker.wait_ready()
            except KgError:
                if self._closed:
                    return
                time.sleep(1)
                worker = self._restart(worker)
                continue
            job = self._next_job()
            if job is None:
                return
            try:
                worker = self._run_on(worker, job)
            finally:
                with self._cond:
                    self._running[job.client] -= 1
                    if self._running[job.client] <= 0:
                        del self._running[job.client]
                    self._cond.notify_all()
                if not job.future.done():  # never left waiting, whatever happened
                    job.future.set_result(Answer.error(500, "The query failed; try again"))

    def _next_job(self) -> _Job | None:
        """The oldest waiting job of a client under its share, once there is one (this slot's
        worker is ready meanwhile: `_idle` counts it); None when the pool closes."""
        with self._cond:
            self._idle += 1
            try:
                while not self._closed:
                    for job in self._waiting:
                        if self._running[job.client] < self.per_client:
                            self._waiting.remove(job)
                            job.state = "running"
                            self._running[job.client] += 1
                            return job
                    self._cond.wait()
                return None
            finally:
                self._idle -= 1

    def _run_on(self, worker: _Worker, job: _Job) -> _Worker:
        """Run `job` on `worker` and give the job its answer (`job.future`): whole, or, past
        HOLD bytes, as a stream the rest of the answer is put into as the worker writes it.
        Returns the worker to use next: a new one when this one ran out of time or memory,
        or died."""
        started = time.perf_counter()
        deadline = time.monotonic() + self.time_limit
        head: tuple[str, str] | None = None  # (media type, form) of a result in chunks
        held: list[bytes] = []
        held_size = 0
        stream: ResultStream | None = None

        def give(answer: Answer) -> None:
            answer.seconds = time.perf_counter() - started
            job.future.set_result(answer)

        def stop(answer: Answer) -> None:
            """The answer ends before its end: refused, or, once streaming, cut."""
            if stream is None:
                give(answer)
            else:
                stream.cut(answer.message)

        try:
            worker.ask(job.request)
            while True:
                message = worker.receive(deadline)
                if message is None:
                    worker = self._restart(worker)
                    stop(
                        refused(
                            f"the query ran longer than the time limit of {self.time_limit:g} "
                            "s and was stopped; make it more selective or add a LIMIT"
                        )
                    )
                    return worker
                if isinstance(message, Answer):
                    if message.replace_worker:
                        worker = self._restart(worker)
                    if head is None:
                        give(message)
                    elif message.status != 200:
                        stop(message)
                    elif stream is None:
                        held.append(message.body)
                        give(Answer(200, b"".join(held), head[0], form=head[1]))
                    elif not message.body or stream.put(message.body, deadline):
                        stream.put(_END, deadline)
                    return worker
                if message[0] == "start":
                    head = message[1:]
                    continue
                chunk = message[1]
                if job.state == "gone":  # nobody reads it: the rest is read and dropped
                    held.clear()
                elif stream is None:
                    held.append(chunk)
                    held_size += len(chunk)
                    if held_size > HOLD and job.loop is not None:
                        stream = ResultStream(job.loop, held)
                        give(Answer(200, media_type=head[0], form=head[1], stream=stream))
                else:
                    stream.put(chunk, deadline)  # dropped if the client went away
        except TimeoutError:  # the client read too slowly for the time limit
            worker = self._restart(worker)
            stop(
                refused(
                    f"the client did not read it within the time limit of {self.time_limit:g} s"
                )
            )
            return worker
        except (EOFError, OSError, KgError):
            code = worker.exit_code()
            worker = self._restart(worker)
            if code == -signal.SIGABRT:  # the engine could not allocate: past the limit
                stop(out_of_memory(self.memory_limit))
            else:
                stop(Answer.error(500, "The query worker stopped unexpectedly; try again"))
            return worker

    # Admission --------------------------------------------------------------------------------

    def submit(
        self,
        request: QueryRequest,
        client: str = "",
        loop: asyncio.AbstractEventLoop | None = None,
    ) -> _Job | Answer:
        """Queue `request` for a worker: its job, or the refusal when there is no room. An
        answer larger than HOLD is streamed on `loop` (without, it is held whole)."""
        with self._cond:
            if self._closed:
                return busy("Service Unavailable: the endpoint is stopping", self.time_limit)
            in_flight = self._running[client] + sum(
                1 for job in self._waiting if job.client == client
            )
            can_start = in_flight < self.per_client and self._idle > len(self._waiting)
            if not can_start:
                if in_flight >= 2 * self.per_client:
                    return busy(
                        f"Too Many Requests: this client has {in_flight} "
                        f"queries in flight; at most {self.per_client} run at once per client",
                        self.time_limit,
                        status=429,
                    )
                if len(self._waiting) >= self.queue_size:
                    return busy(
                        f"Service Unavailable: all {self.size} query workers are busy and "
                        f"{len(self._waiting)} queries are waiting; try again",
                        self.time_limit,
                    )
            job = _Job(request, client, loop=loop)
            self._waiting.append(job)
            self._cond.notify_all()
            return job

    def abandon(self, job: _Job) -> bool:
        """Take a job that has not started out of the queue; whether it was still waiting."""
        with self._cond:
            if job.state != "waiting":
                return False
            job.state = "abandoned"
            self._waiting.remove(job)
            return True

    def _waited_too_long(self) -> Answer:
        return busy(
            f"Service Unavailable: no query worker became free within {self.queue_wait:g} s; "
            "try again",
            self.time_limit,
        )

    async def answer(self, request: QueryRequest, client: str = "", stream: bool = True) -> Answer:
        """Run a query (without holding a thread of the caller): its answer, or a refusal. An
        answer larger than HOLD is streamed (`Answer.stream`), unless `stream` is False: then
        it is held whole, as a caller that reads `Answer.body` needs it."""
        job = self.submit(request, client, asyncio.get_running_loop() if stream else None)
        if isinstance(job, Answer):
            return job
        result = asyncio.wrap_future(job.future)
        try:
            try:
                return await asyncio.wait_for(asyncio.shield(result), self.queue_wait)
            except TimeoutError:
                if self.abandon(job):
                    return self._waited_too_long()
                return await result
        except asyncio.CancelledError:  # the client went away
            if not self.abandon(job):
                job.state = "gone"  # its answer, whole or streamed, is dropped
            raise

    def close(self) -> None:
        with self._cond:
            self._closed = True
            waiting, self._waiting = self._waiting, []
            workers = list(self._workers)
            self._workers.clear()
            self._cond.notify_all()
        for job in waiting:
            job.state = "abandoned"
            job.future.set_result(busy("Service Unavailable: the endpoint stopped", 1))
        for worker in workers:
            worker.stop()


# --------------------------------------------------------------------------------------------
# Results for people
# --------------------------------------------------------------------------------------------


def json_table(body: bytes) -> tuple[list[str], list[dict[str, dict]], bool | None]:
    """Variables, rows (variable -> SPARQL JSON term) and boolean of a SPARQL JSON result."""
    data = json.loads(body)
    if "boolean" in data:
        return [], [], bool(data["boolean"])
    return list(data["head"].get("vars", [])), list(data["results"]["bindings"]), None


# --------------------------------------------------------------------------------------------
# Service description
# --------------------------------------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
VOID_NS = "http://rdfs.org/ns/void#"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
RESULT_FORMAT_IRIS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)


def service_description(
    endpoint: str,
    dataset: str,
    graph_sizes: dict[str, int],
    default_size: int,
    pool: QueryPool | None = None,
    title: str | None = None,
) -> list[ox.Triple]:
    """A SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)
    of the endpoint: language, result formats, features, and its dataset's graphs."""

    def n(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    service, ds = n(endpoint), n(dataset)
    a = n(RDF_TYPE)
    triples = [
        ox.Triple(service, a, n(SD + "Service")),
        ox.Triple(service, n(SD + "endpoint"), service),
        ox.Triple(service, n(SD + "supportedLanguage"), n(SD + "SPARQL11Query")),
        ox.Triple(service, n(SD + "feature"), n(SD + "UnionDefaultGraph")),
        ox.Triple(service, n(SD + "defaultDataset"), ds),
    ]
    triples += [
        ox.Triple(service, n(SD + "resultFormat"), n(FORMATS_NS + f)) for f in RESULT_FORMAT_IRIS
    ]
    limits = "Read-only: SPARQL Update and SERVICE are refused."
    if pool is not None:
        limits += (
            f" Each query may run {pool.time_limit:g} s and return {pool.max_result_bytes:,} "
            "bytes at most."
        )
    triples.append(ox.Triple(service, n(RDFS_COMMENT), ox.Literal(limits, language="en")))
    default_graph = n(f"{endpoint}#default-graph")
    triples += [
        ox.Triple(ds, a, n(SD + "Dataset")),
        ox.Triple(ds, n(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, a, n(SD + "Graph")),
        ox.Triple(default_graph, n(VOID_NS + "triples"), ox.Literal(default_size)),
        ox.Triple(
            default_graph,
            n(RDFS_COMMENT),
            ox.Literal("The RDF merge of all the named graphs.", language="en"),
        ),
    ]
    if title:
        triples.append(ox.Triple(ds, n(DCTERMS_TITLE), ox.Literal(title, language="en")))
    for number, (name, size) in enumerate(sorted(graph_sizes.items())):
        named = n(f"{endpoint}#named-graph-{number}")
        graph = n(f"{endpoint}#graph-{number}")
        triples += [
            ox.Triple(ds, n(SD + "namedGraph"), named),
            ox.Triple(named, a, n(SD + "NamedGraph")),
            ox.Triple(named, n(SD + "name"), n(name)),
            ox.Triple(named, n(SD + "graph"), graph),
            ox.Triple(graph, a, n(SD + "Graph")),
            ox.Triple(graph, n(VOID_NS + "triples"), ox.Literal(size)),
        ]
    return triples
