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

This module holds what the service accepts and answers (media types, requests, answers,
refusals, limits, the Service Description); `kg.server.execution` runs one query in a worker
and `kg.server.querypool` holds the worker processes and admits queries to them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from kg.server.querypool import QueryPool, ResultStream

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
    values not understood beside one that is are ignored (clients such as SPARQLWrapper send
    several, for several kinds of server: `format=tsv&format=text/tab-separated-values`).
    None when none is understood (the endpoint refuses values of which none is, as the other
    routes refuse an unknown format)."""
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
# A worker that holds this much more than when it was ready is replaced after its answer: what
# a process keeps of its queries (the store's block cache, the allocator's arenas) costs more
# memory than a new worker costs time (hundredths of a second).
DEFAULT_WORKER_RECYCLE = 256 * 1024 * 1024
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
    # A named query's page (`kg.server.namedqueries`): rows `start` to `end` (from 0) of a
    # SELECT, in `results_format`, and the count of all of them (`Answer.total`).
    rows: tuple[int, int] | None = None


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
    # The answer of one run only (`RAND()`, `NOW()`, ...: `kg.server.guard.VOLATILE`): never
    # kept, nor given an entity tag.
    volatile: bool = False

    @classmethod
    def error(cls, status: int, message: str, **headers: str) -> Answer:
        return cls(status, (message.rstrip() + "\n").encode("utf-8"), headers=dict(headers))

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace").strip() if self.status != 200 else ""


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
        "a named query's pages (/queries/NAME?page=N&limit=M), `kg query --limit N --offset M`, "
        "or download the dumps from /downloads"
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
