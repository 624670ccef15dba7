"""Query stage: ask the published graph with named SPARQL queries or any SPARQL.

The published files are loaded into an in-memory Oxigraph store: `dist/kg.trig` keeps its
named graphs (one per document, one for the reference data) and `dist/kg-inferred.ttl`, the
OWL 2 RL inferences, gets a named graph of its own (`{base}graph/inferred`); in a parted publish
(`kg publish --part-size`), every part's kg.trig and kg-inferred.ttl. The default graph
is the RDF merge of all of them, so a query sees asserted and inferred triples alike, and a
triple that several documents state is one triple, not one per document (a union of graphs
queried as a bag would repeat it); `inferred=False` leaves the inferences out. `GRAPH ?g
{ ... }` still reaches a single document's graph.

Query text (the header comment, parameters, binding, the named queries) is
`kg.queries`; results (`Result`) `kg.store.results`; here, the published graph that
answers them. The names the other modules know queries by are here too (`__all__`).

Results: rows of Python values (int, Decimal, float, bool, date, str; IRIs as str), and the
W3C SPARQL 1.1 result formats (JSON, XML, CSV, TSV) or, for CONSTRUCT and DESCRIBE, RDF:

    from kg.store import query
    for row in query.run("victims-assisted-over-time", {"organization": "IOM Mexico"}):
        print(row["docs"], row["value"], row["until"])
    query.sparql("SELECT ?c WHERE { ?c a kg:Campaign }", inferred=False).serialize("csv")
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.publish.layout import check_dump, dump_paths
from kg.queries import (
    PARAM_KINDS,
    Parameter,
    Query,
    competency_map,
    expand_iri,
    named_queries,
    named_query,
    prefix_map,
    to_term,
)
from kg.store.results import (
    GRAPH_FORMATS,
    INTEGER_TYPES,
    RESULT_FORMATS,
    Result,
    python_value,
    results_json,
)
from kg.vocab import configured_base

DEFAULT_DIST = Path("dist")
MAX_ROWS = 10**12  # a bound for a page's limit and offset (islice takes no more than sys.maxsize)
ASSERTED_FILE = "kg.trig"
INFERRED_FILE = "kg-inferred.ttl"

_SYNTAX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


class QuerySyntaxError(KgError):
    """A query the SPARQL parser rejects; located by line and column."""

    def __init__(self, path, line: int | None, column: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.column = column

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: SPARQL syntax error: {self.message}"


class PublishedGraph:
    """The files of one `kg publish` in a store: asserted graphs, and the inferred one."""

    def __init__(self, dist: Path | str = DEFAULT_DIST, inferred: bool = True) -> None:
        self.dist = Path(dist)
        self.inferred = inferred
        self.store = ox.Store()
        for path in check_dump(
            self.dist, ASSERTED_FILE, "no published graph here; run `kg publish` or give --dist"
        ):
            self._load(path, ox.RdfFormat.TRIG)
        self.base = self._base()
        if inferred:
            for path in check_dump(
                self.dist, INFERRED_FILE, "no inferred graph; publish again, or query --asserted"
            ):
                self._load(path, ox.RdfFormat.TURTLE, ox.NamedNode(f"{self.base}graph/inferred"))
        # The default graph: the merge of every named graph.
        self.store.extend([ox.Quad(q.subject, q.predicate, q.object) for q in self.store])
        self.prefixes = prefix_map(self.base)

    def _load(self, path: Path, fmt, graph=None) -> None:
        try:
            self.store.load(path=str(path), format=fmt, to_graph=graph)
        except SyntaxError as exc:
            raise KgError(path, None, f"not valid RDF: {exc}") from None

    def _base(self) -> str:
        """The base IRI of the published data, from the name of its reference graph."""
        for graph in self.store.named_graphs():
            if isinstance(graph, ox.NamedNode) and graph.value.endswith("graph/reference"):
                return graph.value[: -len("graph/reference")]
        return configured_base()

    def run(self, name: str, params: Mapping[str, Any] | None = None) -> Result:
        """Run a named query."""
        return self.query(named_query(name), params)

    def sparql(
        self, text: str, params: Mapping[str, Any] | None = None, source: str = "query"
    ) -> Result:
        """Run any SPARQL text; a header comment may declare parameters as named queries do."""
        return self.query(Query.parse(text, source), params)

    def query(
        self,
        query: Query,
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Result:
        """The answer to `query` with `params` bound; with `limit` or `offset`, the page of
        its rows (or triples) they select, as the query's own LIMIT and OFFSET would: the
        rows are taken as the engine gives them, so without ORDER BY a first page costs only
        its rows, and `Result.more` says whether a row follows the page."""
        if limit is not None and not 1 <= limit <= MAX_ROWS or not 0 <= offset <= MAX_ROWS:
            raise KgError(
                "--limit/--offset",
                None,
                f"a page has 1 to {MAX_ROWS} rows, from row 0 to {MAX_ROWS}",
            )
        text, substitutions = query.bind(params, self.base)
        started = time.perf_counter()
        try:
            answer = self.store.query(
                text,
                base_iri=self.base,
                prefixes=self.prefixes,
                substitutions=substitutions or None,
            )
            if limit is None and offset == 0:
                result = self._result(answer)
            else:
                result = self._page(answer, limit, offset)
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            match = _SYNTAX_POSITION.match(message)
            if match:
                raise QuerySyntaxError(
                    query.source, int(match[1]), int(match[2]), match[3]
                ) from None
            raise QuerySyntaxError(query.source, None, None, message) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise KgError(query.source, None, f"the query failed: {exc}") from None
        result.seconds = time.perf_counter() - started
        result.prefixes = self.prefixes
        return result

    @staticmethod
    def _page(answer, limit: int | None, offset: int) -> Result:
        end = None if limit is None else offset + limit + 1  # one more: is there a next page?
        if isinstance(answer, ox.QueryBoolean):
            return PublishedGraph._result(answer)
        if isinstance(answer, ox.QueryTriples):
            triples = list(islice(answer, offset, end))
            more = limit is not None and len(triples) > limit
            return Result("graph", triples=triples[:limit], more=more, offset=offset)
        variables = tuple(v.value for v in answer.variables)
        solutions = list(islice(answer, offset, end))
        more = limit is not None and len(solutions) > limit
        terms = [
            {v: solution[v] for v in variables if solution[v] is not None}
            for solution in solutions[:limit]
        ]
        data = results_json(variables, terms)
        return Result("select", variables, terms, _json=data, more=more, offset=offset)

    @staticmethod
    def _result(answer) -> Result:
        if isinstance(answer, ox.QueryBoolean):
            data = answer.serialize(format=ox.QueryResultsFormat.JSON)
            return Result("ask", boolean=bool(answer), _json=data)
        if isinstance(answer, ox.QueryTriples):
            return Result("graph", triples=list(answer))
        data = answer.serialize(format=ox.QueryResultsFormat.JSON)
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        variables = tuple(v.value for v in parsed.variables)
        terms = [
            {v: solution[v] for v in variables if solution[v] is not None} for solution in parsed
        ]
        return Result("select", variables, terms, _json=data)


@cache
def _open(dist: Path, inferred: bool, stamp: tuple) -> PublishedGraph:
    return PublishedGraph(dist, inferred)


def published(dist: Path | str = DEFAULT_DIST, inferred: bool = True) -> PublishedGraph:
    """The published graph in `dist`, loaded once per process while its files are unchanged."""
    dist = Path(dist).resolve()
    stamp = tuple(
        (str(path), path.stat().st_mtime_ns if path.is_file() else None)
        for name in (ASSERTED_FILE, INFERRED_FILE)
        for path in dump_paths(dist, name)
    )
    return _open(dist, inferred, stamp)


def run(
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    dist: Path | str = DEFAULT_DIST,
    inferred: bool = True,
) -> Result:
    """Run the named query `name` on the graph published in `dist`."""
    return published(dist, inferred).run(name, params)


def sparql(
    text: str,
    params: Mapping[str, Any] | None = None,
    *,
    dist: Path | str = DEFAULT_DIST,
    inferred: bool = True,
) -> Result:
    """Run SPARQL text on the graph published in `dist`."""
    return published(dist, inferred).sparql(text, params)


__all__ = [
    "DEFAULT_DIST",
    "Parameter",
    "PublishedGraph",
    "Query",
    "QuerySyntaxError",
    "Result",
    "competency_map",
    "dump_paths",
    "named_queries",
    "named_query",
    "published",
    "run",
    "sparql",
    # from the modules of query text and results, by the names they have always had here
    "GRAPH_FORMATS",
    "INTEGER_TYPES",
    "PARAM_KINDS",
    "RESULT_FORMATS",
    "expand_iri",
    "prefix_map",
    "python_value",
    "results_json",
    "to_term",
]
