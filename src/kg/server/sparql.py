"""The read-only SPARQL 1.1 query service behind `/sparql`.

What is refused, and with which status (SPARQL 1.1 Protocol, sections 2.1.4 and 2.2.4: 400 for a
request that is not a legal query, 500 when the service refuses to execute one):

- a query the parser rejects: 400 with the parser's message, line and column;
- SPARQL Update (an `update` parameter, `application/sparql-update`): 500, read-only service;
- `SERVICE` (federated query) anywhere in the query: 500, the server never fetches other
  addresses. The check is lexical and errs on the side of refusing: after the codepoint escapes
  SPARQL applies before parsing (`\\u0053ERVICE` is `SERVICE`), any `SERVICE` keyword outside
  strings, IRIs and comments refuses the query;
- a query that runs longer than the time limit, or whose result is larger than the size limit
  (bytes of the serialized result): 500 with the limit that was hit;
- a query text longer than `max_query_length`: 413.

Time limits: Oxigraph cannot interrupt a running query, and a query can spend all its time
before its first result (ORDER BY, GROUP BY), so queries run in worker processes (`QueryPool`),
each holding its own copy of the published graph or, with `kg serve --store`, each opening the
on-disk store read-only (nothing to load: a worker is ready, and replaced, in well under a
second whatever the size of the graph). The server waits for the answer at most the
time limit; a worker that has not answered by then is killed and replaced, so a runaway query
never keeps a core busy. The size limit is enforced while the result is being serialized in the
worker: the serializer writes into a buffer that stops at the limit.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import GRAPH_FORMATS, RESULT_FORMATS, PublishedGraph, Result

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


# --------------------------------------------------------------------------------------------
# Requests and answers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryRequest:
    """One query operation: the text, the protocol's dataset, the negotiated formats."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_format: str | None = "json"  # for SELECT and ASK; None: none acceptable
    graph_format: str | None = "turtle"  # for CONSTRUCT and DESCRIBE


@dataclass
class Answer:
    """What the service answers: a result (status 200) or an error message."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    form: str = ""  # select, ask or graph
    seconds: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str, **headers: str) -> Answer:
        return cls(status, (message.rstrip() + "\n").encode("utf-8"), headers=dict(headers))

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace").strip() if self.status != 200 else ""


class ResultTooLarge(Exception):
    pass


class _LimitedBuffer:
    """A binary output that refuses to grow past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


# --------------------------------------------------------------------------------------------
# What is refused
# --------------------------------------------------------------------------------------------

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings, IRIs and comments, whose text is not SPARQL keywords.
_OPAQUE = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*",
    re.DOTALL,
)
# SERVICE as a keyword: not part of a longer name, a variable or a prefixed name.
_SERVICE = re.compile(r"(?<![\w?$:\-])SERVICE(?![\w:\-])", re.IGNORECASE)
_UPDATE_START = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w\-.]*:|BASE)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_SYNTAX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def unescape_codepoints(text: str) -> str:
    """The query text after SPARQL's codepoint escape processing (`\\u0041` is `A`)."""

    def char(match: re.Match) -> str:
        try:
            return chr(int(match[1] or match[2], 16))
        except ValueError:
            return match[0]

    return _CODEPOINT.sub(char, text)


def uses_service(text: str) -> bool:
    """Whether a query may call another endpoint (`SERVICE`); errs towards True."""
    code = _OPAQUE.sub(" ", unescape_codepoints(text))
    return bool(_SERVICE.search(code))


def looks_like_update(text: str) -> bool:
    code = _OPAQUE.sub(" ", unescape_codepoints(text))
    return bool(_UPDATE_START.match(code))


def syntax_message(exc: SyntaxError) -> str:
    message = " ".join(str(exc).split())
    match = _SYNTAX_POSITION.match(message)
    if match:
        return f"SPARQL syntax error at line {match[1]}, column {match[2]}: {match[3]}"
    return f"SPARQL syntax error: {message}"


def refused(message: str) -> Answer:
    """A query or update the service refuses to execute: SPARQL 1.1 Protocol's 500."""
    return Answer.error(500, f"Refused: {message}")


UPDATE_REFUSED = (
    "this SPARQL endpoint is read-only; SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is "
    "not accepted. Download the dumps from /downloads to load them into a store you can change."
)
SERVICE_REFUSED = (
    "SERVICE (federated query) is not allowed: this endpoint never fetches other addresses. "
    "Query each endpoint yourself and combine the results."
)


# --------------------------------------------------------------------------------------------
# Execution
# --------------------------------------------------------------------------------------------


def _graph_names(iris: tuple[str, ...]) -> list[ox.NamedNode] | None:
    return [ox.NamedNode(i) for i in iris] if iris else None


def execute(graph: PublishedGraph, request: QueryRequest, max_result_bytes: int) -> Answer:
    """Run one query on `graph` and serialize its result; never raises for a bad query."""
    if uses_service(request.query):
        return refused(SERVICE_REFUSED)
    started = time.perf_counter()
    try:
        answer = graph.store.query(
            request.query,
            base_iri=graph.base,
            prefixes=graph.prefixes,
            default_graph=_graph_names(request.default_graphs),
            named_graphs=_graph_names(request.named_graphs),
        )
    except SyntaxError as exc:
        message = syntax_message(exc)
        if looks_like_update(request.query):
            message += (
                "\n(This is SPARQL Update, not a query: the endpoint is read-only and "
                "answers SELECT, ASK, CONSTRUCT and DESCRIBE.)"
            )
        return Answer.error(400, message)
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
    fmt = request.graph_format if form == "graph" else request.results_format
    if fmt is None:
        offered = GRAPH_MEDIA if form == "graph" else RESULT_MEDIA
        kind = "CONSTRUCT and DESCRIBE" if form == "graph" else "SELECT and ASK"
        return Answer.error(
            406,
            f"Not Acceptable: {kind} results are available as " + ", ".join(dict.fromkeys(offered)),
        )
    buffer = _LimitedBuffer(max_result_bytes)
    try:
        if form == "graph":
            _serialize_graph(graph, answer, fmt, buffer, max_result_bytes)
        else:
            answer.serialize(buffer, format=RESULT_FORMATS[fmt])
    except ResultTooLarge:
        return refused(
            f"the result is larger than the size limit of {max_result_bytes:,} bytes; "
            "add a LIMIT, select fewer variables, or download the dumps from /downloads"
        )
    except OSError as exc:
        if isinstance(exc.__cause__, ResultTooLarge) or "ResultTooLarge" in str(exc):
            return refused(
                f"the result is larger than the size limit of {max_result_bytes:,} bytes"
            )
        return Answer.error(500, f"The query failed: {exc}")
    return Answer(
        200,
        buffer.getvalue(),
        CONTENT_TYPES[fmt],
        form=form,
        seconds=time.perf_counter() - started,
    )


def _serialize_graph(graph, triples, fmt: str, buffer: _LimitedBuffer, limit: int) -> None:
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
    buffer.write(data)


# --------------------------------------------------------------------------------------------
# Worker processes
# --------------------------------------------------------------------------------------------


def _open_graph(source: tuple[str, str]) -> PublishedGraph:
    """The graph a worker queries: ("dist", folder) loads the published files into memory,
    ("store", path) opens a store made by `kg load`, read-only."""
    kind, where = source
    if kind == "store":
        from kg.store import StoreGraph

        return StoreGraph(where)
    return PublishedGraph(where)


def _worker_main(conn, source: tuple[str, str], max_result_bytes: int) -> None:
    """A worker process: open the graph once, then answer queries until the pipe closes. A
    watchdog ends it if the server dies while it is in the middle of a query."""
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
    conn.send(("ready", ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute(graph, request, max_result_bytes))


class _Worker:
    def __init__(self, context, source: tuple[str, str], max_result_bytes: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, source, max_result_bytes),
            daemon=True,
            name="kg-query-worker",
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float = 300.0) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise KgError("kg serve", None, "a query worker did not start in time")
        status, detail = self.conn.recv()
        if status != "ready":
            raise KgError("kg serve", None, f"a query worker could not load the graph: {detail}")
        self.ready = True

    def ask(self, request: QueryRequest, timeout: float) -> Answer | None:
        """The answer, or None when it did not come within `timeout` seconds."""
        self.wait_ready()
        self.conn.send(request)
        if not self.conn.poll(timeout):
            return None
        return self.conn.recv()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes that run queries with a time limit (see the module's docstring), on
    the published files of `dist` or, given `store`, on a store made by `kg load`."""

    def __init__(
        self,
        dist: Path | str | None,
        workers: int = DEFAULT_WORKERS,
        time_limit: float = DEFAULT_TIME_LIMIT,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        store: Path | str | None = None,
    ) -> None:
        if workers < 1:
            raise KgError("--workers", None, "at least one worker is needed")
        if time_limit <= 0:
            raise KgError("--query-timeout", None, "the time limit must be positive")
        if max_result_bytes < 1:
            raise KgError("--max-result-size", None, "the size limit must be positive")
        if store is not None:
            self.source = ("store", str(Path(store).resolve()))
        elif dist is not None:
            self.source = ("dist", str(Path(dist).resolve()))
        else:
            raise KgError("kg serve", None, "give the published folder or a store")
        self.size = workers
        self.time_limit = time_limit
        self.max_result_bytes = max_result_bytes
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.source, self.max_result_bytes)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.stop()
        if not self._closed:
            self._idle.put(self._start())

    def wait_ready(self) -> None:
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            worker.wait_ready()

    def run(self, request: QueryRequest) -> Answer:
        """Run a query in a free worker (blocking): its answer, or a refusal at the limits."""
        started = time.perf_counter()
        try:
            worker = self._idle.get(timeout=self.time_limit)
        except queue.Empty:
            return Answer.error(
                503,
                f"Service Unavailable: all {self.size} query workers stayed busy for "
                f"{self.time_limit:g} s; try again",
                **{"Retry-After": str(max(1, round(self.time_limit)))},
            )
        try:
            worker.wait_ready()
            answer = worker.ask(request, self.time_limit)
        except (EOFError, OSError, KgError):
            self._replace(worker)
            return Answer.error(500, "The query worker stopped unexpectedly; try again")
        if answer is None:
            threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
            return refused(
                f"the query ran longer than the time limit of {self.time_limit:g} s and was "
                "stopped; make it more selective or add a LIMIT"
            )
        self._idle.put(worker)
        answer.seconds = time.perf_counter() - started
        return answer

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
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
