"""Query stage: ask the published graph with named SPARQL queries or any SPARQL.

The published files are loaded into an in-memory Oxigraph store: `dist/kg.trig` keeps its
named graphs (one per document, one for the reference data) and `dist/kg-inferred.ttl`, the
OWL 2 RL inferences, gets a named graph of its own (`{base}graph/inferred`); in a parted publish
(`kg publish --part-size`), every part's kg.trig and kg-inferred.ttl. The default graph
is the RDF merge of all of them, so a query sees asserted and inferred triples alike, and a
triple that several documents state is one triple, not one per document (a union of graphs
queried as a bag would repeat it); `inferred=False` leaves the inferences out. `GRAPH ?g
{ ... }` still reaches a single document's graph.

Named queries are `.rq` files in `kg/queries/`. A query file opens with a header comment:

    # One line: what the query answers.
    #
    # Any prose that helps a reader.
    #
    # answers: cq01
    # param document (text): only facts stated by this document ("000")
    # example: kg query NAME --param document=000

and, when it takes parameters, binds them in one `VALUES (?a ?b) { (UNDEF UNDEF) }` clause
in its WHERE block: every UNDEF means "any", so the file runs as it is in any SPARQL 1.1
engine. A parameter value is converted to an RDF term of the declared kind (text, iri,
integer, decimal, date) and written into that clause as the term's own serialization (never
as raw text): SPARQL's inline data (https://www.w3.org/TR/sparql11-query/#inline-data). Any
value given is bound, 0 too; an empty text is refused (it would match every name that contains
it): a parameter left out matches any value. A query without declared parameters (`--file`,
`--sparql`) gets them through Oxigraph's variable substitution
(https://github.com/w3c/sparql-dev/blob/main/SEP/SEP-0007/sep-0007.md), which binds projected
variables only. Every named query returns, per row, human-readable
labels and a `docs` column: the identifiers of the documents that state the row's fact.

Every named query runs unchanged on any SPARQL 1.1 store that holds the dumps as
docs/stores.md says: it declares its prefixes and opens with `BASE <https://kg.example.org/>`,
against which its relative IRIs (`<id/concept/...>`) resolve. kg runs it with that BASE set to
the base of the graph it queries (`Query.for_base`), and `kg publish` writes each, so set, to
`dist/queries/NAME.rq` (`kg.publish.export.write_queries`)
for other stores. In other queries, relative
IRIs resolve against the published base (`<id/place/mexico>`) unless they declare a BASE, and
the prefixes of `kg.vocab.PREFIXES` plus `id:` may be used undeclared, so a query does not
depend on KG_BASE.

Results: rows of Python values (int, Decimal, float, bool, date, str; IRIs as str), and the
W3C SPARQL 1.1 result formats (JSON, XML, CSV, TSV) or, for CONSTRUCT and DESCRIBE, RDF:

    from kg.store import query
    for row in query.run("victims-assisted-over-time", {"organization": "IOM Mexico"}):
        print(row["docs"], row["value"], row["until"])
    query.sparql("SELECT ?c WHERE { ?c a kg:Campaign }", inferred=False).serialize("csv")
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.vocab import PREFIXES, configured_base

DEFAULT_DIST = Path("dist")
MAX_ROWS = 10**12  # a bound for a page's limit and offset (islice takes no more than sys.maxsize)
ASSERTED_FILE = "kg.trig"
INFERRED_FILE = "kg-inferred.ttl"
PARTS = "parts"  # the folder of the dumps of a parted publish (`kg publish --part-size`)

XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_KINDS = ("text", "iri", "integer", "decimal", "date")

# Result formats: W3C SPARQL 1.1 results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE.
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_HEADER_PARAM = re.compile(r"^param\s+(\w+)\s*\((\w+)\)\s*:\s*(.*)$")
_VALUES_BLOCK = re.compile(
    r"VALUES\s*\(\s*(?P<vars>(?:\?\w+\s*)+)\)\s*\{\s*\(\s*(?P<data>(?:UNDEF\s*)+)\)\s*\}"
)
_SYNTAX_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
# The BASE declaration of a named query: on a line of its own, before the first PREFIX.
_BASE_DECLARATION = re.compile(r"^BASE\s*<([^<>\s]*)>[ \t]*$", re.MULTILINE)


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


# --------------------------------------------------------------------------------------------
# Query text: header, parameters, binding
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # one of PARAM_KINDS
    description: str


@dataclass(frozen=True)
class Query:
    """A SPARQL query and what its header comment says about it."""

    text: str
    source: str  # where it comes from, for messages: a file, a named query, "--sparql"
    name: str | None = None
    description: str = ""
    answers: tuple[str, ...] = ()
    parameters: dict[str, Parameter] = field(default_factory=dict)
    examples: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, source: str, name: str | None = None) -> Query:
        description, answers, examples = "", [], []
        parameters: dict[str, Parameter] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                break
            content = stripped.lstrip("#").strip()
            if not content:
                continue
            key, _, rest = content.partition(":")
            if key == "answers":
                answers += [a for a in re.split(r"[\s,]+", rest) if a]
            elif key == "example":
                examples.append(rest.strip())
            elif content.startswith("param "):
                match = _HEADER_PARAM.match(content)
                if not match or match[2] not in PARAM_KINDS:
                    raise KgError(
                        source,
                        number,
                        "a parameter is declared as `# param NAME (KIND): description` with "
                        f"KIND one of {', '.join(PARAM_KINDS)}; found {content!r}",
                    )
                parameters[match[1]] = Parameter(match[1], match[2], match[3].strip())
            elif not description:
                description = content
        query = cls(text, source, name, description, tuple(answers), parameters, tuple(examples))
        query._values_block()  # a query that declares parameters must be able to bind them
        return query

    def _values_block(self) -> re.Match | None:
        if not self.parameters:
            return None
        blocks = list(_VALUES_BLOCK.finditer(self.text))
        declared = sorted(self.parameters)
        if len(blocks) != 1 or sorted(v[1:] for v in blocks[0]["vars"].split()) != declared:
            raise KgError(
                self.source,
                None,
                "a query that declares parameters binds them in one clause "
                f"`VALUES ({' '.join('?' + p for p in declared)}) "
                f"{{ ({' '.join('UNDEF' for _ in declared)}) }}`",
            )
        return blocks[0]

    def for_base(self, base: str) -> Query:
        """The query as it runs on a graph published with the base IRI `base`: its BASE
        declaration (a named query's is the default base, `https://kg.example.org/`) set to
        `base`, so that its relative IRIs (`<id/concept/...>`) name that graph's things. A
        query without one is returned as it is."""
        match = _BASE_DECLARATION.search(self.text)
        if match is None or match[1] == base:
            return self
        text = f"{self.text[: match.start()]}BASE <{base}>{self.text[match.end() :]}"
        return replace(self, text=text)

    def bind(
        self, params: Mapping[str, Any] | None, base: str
    ) -> tuple[str, dict[ox.Variable, Any]]:
        """The query text with its declared parameters bound in its VALUES clause, and the
        substitutions for the parameters of a query that declares none. A named query's BASE
        is set to `base` (`for_base`); any other query's text keeps the BASE it declares."""
        if self.name is not None:
            based = self.for_base(base)
            if based is not self:
                return based.bind(params, base)
        params = dict(params or {})
        block = self._values_block()
        if block is None:
            return self.text, {ox.Variable(k): to_term(v, None, base) for k, v in params.items()}
        unknown = sorted(set(params) - set(self.parameters))
        if unknown:
            raise KgError(
                self.source,
                None,
                f"unknown parameter {unknown[0]!r}; this query takes "
                + ", ".join(sorted(self.parameters)),
            )
        names = [v[1:] for v in block["vars"].split()]
        for n in names:
            # A text parameter matches by containment or equality: empty, it would match
            # every name (or none), never what was meant. Left out, it matches any.
            value = params.get(n)
            if self.parameters[n].kind == "text" and isinstance(value, str) and not value.strip():
                raise KgError(
                    f"parameter {n!r}",
                    None,
                    f"empty text ({value!r}); leave the parameter out to match any value",
                )
        row = " ".join(
            "UNDEF"
            if params.get(n) is None
            else str(to_term(params[n], self.parameters[n].kind, base, n))
            for n in names
        )
        values = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
        return self.text[: block.start()] + values + self.text[block.end() :], {}


def to_term(value: Any, kind: str | None, base: str, name: str = "") -> Any:
    """An RDF term for a parameter value: converted by the declared kind, or, undeclared, by
    its Python type (strings that look like IRIs or numbers become IRIs or numbers)."""
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    what = f"parameter {name!r}" if name else "parameter"
    if kind is None:
        kind = _guess_kind(value)
    if kind == "iri":
        return ox.NamedNode(expand_iri(str(value), base, what))
    if kind == "text":
        return ox.Literal(str(value))
    if kind in ("integer", "decimal"):
        if isinstance(value, bool):
            raise KgError(what, None, f"expected a number, found {value!r}")
        text = str(value).replace(",", "").strip()
        if kind == "integer" and re.fullmatch(r"[+-]?\d+", text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + "integer"))
        if kind == "decimal" and re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))
        expected = "a whole number" if kind == "integer" else "a number"
        raise KgError(what, None, f"expected {expected}, found {value!r}")
    if kind == "date":
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        for pattern, datatype in (
            (r"\d{4}-\d{2}-\d{2}", "date"),
            (r"\d{4}-\d{2}", "gYearMonth"),
            (r"\d{4}", "gYear"),
        ):
            if re.fullmatch(pattern, text):
                return ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
        raise KgError(what, None, f"expected a date (2007, 2007-11, 2007-11-15), found {value!r}")
    if isinstance(value, bool):
        return ox.Literal(value)
    raise KgError(what, None, f"unknown parameter kind {kind!r}")


def _guess_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float | Decimal):
        return "decimal"
    if isinstance(value, dt.date):
        return "date"
    text = str(value)
    if re.fullmatch(r"<[^<>\s]*>|(https?|urn|mailto):\S+|id:\S+", text):
        return "iri"
    # Only canonical numbers: "002" is an identifier, not the number 2.
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)", text):
        return "integer"
    if re.fullmatch(r"[+-]?(0|[1-9]\d*)\.\d+", text):
        return "decimal"
    return "text"


def expand_iri(text: str, base: str, what: str = "IRI") -> str:
    """An absolute IRI from `<iri>`, an absolute IRI, or a prefixed name (`id:place/mexico`,
    `kg:Campaign`, `schema:Event`)."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    prefixes = prefix_map(base)
    if colon and prefix in prefixes and not local.startswith("//"):
        text = prefixes[prefix] + local
    try:
        return ox.NamedNode(text).value
    except ValueError as exc:
        raise KgError(what, None, f"{text!r} is not an IRI ({exc})") from None


def prefix_map(base: str) -> dict[str, str]:
    """The prefixes a query may use without declaring them, and tables use to shorten IRIs."""
    return {**{p: str(ns) for p, ns in PREFIXES.items()}, "id": f"{base}id/"}


# --------------------------------------------------------------------------------------------
# Named queries
# --------------------------------------------------------------------------------------------


def _queries_folder():
    return resources.files("kg") / "queries"


@cache
def named_queries() -> dict[str, Query]:
    """Every named query shipped with kg, by name (its file name without `.rq`)."""
    out = {}
    for entry in sorted(_queries_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = Query.parse(
                entry.read_text(encoding="utf-8"), f"kg/queries/{entry.name}", name
            )
    return out


def named_query(name: str) -> Query:
    queries = named_queries()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=3, cutoff=0.5)
    close += [q for q in queries if name in q and q not in close][: 3 - len(close)]
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise KgError(name, None, f"no such named query{hint} (`kg queries` lists them)")


def competency_map() -> dict[str, str]:
    """Competency question id -> the named query that answers it (from `# answers:` lines)."""
    out: dict[str, str] = {}
    for name, query in named_queries().items():
        for question in query.answers:
            if question in out:
                raise KgError(
                    query.source,
                    None,
                    f"{question} is already answered by {out[question]}; one query per question",
                )
            out[question] = name
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def python_value(term: Any) -> Any:
    """A Python value for an RDF term: numbers, booleans and dates as such, every other
    literal as its lexical form, IRIs as str, blank nodes as `_:id`."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    datatype = term.datatype.value
    text = term.value
    try:
        if datatype.startswith(XSD):
            local = datatype[len(XSD) :]
            if local in INTEGER_TYPES:
                return int(text)
            if local == "decimal":
                return Decimal(text)
            if local in ("double", "float"):
                return float(text)
            if local == "boolean":
                return text in ("true", "1")
            if local == "date":
                return dt.date.fromisoformat(text)
            if local == "dateTime":
                return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal keeps its lexical form
    return text


INTEGER_TYPES = {
    "integer",
    "int",
    "long",
    "short",
    "byte",
    "nonNegativeInteger",
    "positiveInteger",
    "nonPositiveInteger",
    "negativeInteger",
    "unsignedLong",
    "unsignedInt",
    "unsignedShort",
    "unsignedByte",
}


@dataclass
class Result:
    """The answer to one query.

    SELECT: `variables` and `rows` (dicts of Python values; `terms` holds the RDF terms);
    ASK: `boolean`; CONSTRUCT and DESCRIBE: `triples`. Iterating gives the rows.
    """

    form: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    terms: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    seconds: float = 0.0
    prefixes: dict[str, str] = field(default_factory=dict)
    _json: bytes = b""
    more: bool = False  # a page (`limit`): rows follow it
    offset: int = 0  # a page: the rows before it

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [{v: python_value(row.get(v)) for v in self.variables} for row in self.terms]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.triples) if self.form == "graph" else len(self.terms)

    def formats(self) -> tuple[str, ...]:
        return tuple(GRAPH_FORMATS if self.form == "graph" else RESULT_FORMATS)

    def serialize(self, fmt: str) -> bytes:
        """The result in a W3C format: json, xml, csv, tsv (SELECT, ASK) or turtle,
        ntriples, jsonld (CONSTRUCT, DESCRIBE)."""
        if fmt not in self.formats():
            kind = (
                "CONSTRUCT and DESCRIBE give a graph"
                if self.form == "graph"
                else "SELECT and ASK give a table of results"
            )
            raise KgError(
                f"--format {fmt}", None, f"{kind}: use one of {', '.join(self.formats())}"
            )
        if self.form == "graph":
            prefixes = self._used_prefixes() if fmt == "turtle" else None
            return ox.serialize(self.triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes)
        results = ox.parse_query_results(self._json, format=ox.QueryResultsFormat.JSON)
        return results.serialize(format=RESULT_FORMATS[fmt])

    def _used_prefixes(self) -> dict[str, str]:
        """The prefixes of vocabularies the triples use (data IRIs stay whole: their paths
        would need escaping as prefixed names)."""
        iris = {
            term.value
            for triple in self.triples
            for term in (triple.subject, triple.predicate, triple.object)
            if isinstance(term, ox.NamedNode)
        }
        iris |= {
            triple.object.datatype.value
            for triple in self.triples
            if isinstance(triple.object, ox.Literal)
        }
        return {
            prefix: namespace
            for prefix, namespace in sorted(self.prefixes.items())
            if prefix != "id" and any(iri.startswith(namespace) for iri in iris)
        }

    def compact(self, value: Any, term: Any) -> str:
        """A short text for a table cell: IRIs with a known prefix as prefixed names."""
        if value is None:
            return ""
        if isinstance(term, ox.NamedNode):
            for prefix, namespace in sorted(self.prefixes.items(), key=lambda p: -len(p[1])):
                if term.value.startswith(namespace):
                    return f"{prefix}:{term.value[len(namespace) :]}"
        return str(value)


# --------------------------------------------------------------------------------------------
# The published graph
# --------------------------------------------------------------------------------------------


def dump_paths(dist: Path | str, name: str) -> list[Path]:
    """The files that hold the dump `name` (`kg.nq`, `kg-inferred.ttl`, ...) of a publish:
    `dist/name`, or, in a parted publish (`kg.publish.export.write_parts`), that file of every part:
    `dist/parts/reference/name`, then `dist/parts/documents-*/name` in name order (listed
    even when missing, for the reader to say so). [] when there is neither.

    Here rather than in `kg.publish.export`, which re-exports it: the readers (query, load, push,
    serve) then need not import the publishing stages."""
    dist = Path(dist)
    if (dist / name).is_file() or not (dist / PARTS).is_dir():
        return [dist / name] if (dist / name).is_file() else []
    folders = sorted(p for p in (dist / PARTS).iterdir() if p.is_dir())
    folders.sort(key=lambda folder: folder.name != "reference")
    return [folder / name for folder in folders]


def check_dump(dist: Path | str, name: str, problem: str) -> list[Path]:
    """`dump_paths(dist, name)`, or a KgError naming the dump (`problem`: what it lacks and
    what to do) or the part that lacks it."""
    paths = dump_paths(dist, name)
    if not paths:
        raise KgError(Path(dist) / name, None, problem)
    for path in paths:
        if not path.is_file():
            raise KgError(path, None, "missing: a part of the dumps lacks it; publish again")
    return paths


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


def results_json(variables: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    """SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/) of
    `rows` (variable -> pyoxigraph term), from which every other results format is written."""
    bindings = []
    for row in rows:
        binding = {}
        for variable, term in row.items():
            if isinstance(term, ox.NamedNode):
                binding[variable] = {"type": "uri", "value": term.value}
            elif isinstance(term, ox.BlankNode):
                binding[variable] = {"type": "bnode", "value": term.value}
            elif isinstance(term, ox.Literal):
                value = {"type": "literal", "value": term.value}
                if term.language:
                    value["xml:lang"] = term.language
                elif term.datatype.value != XSD + "string":
                    value["datatype"] = term.datatype.value
                binding[variable] = value
            else:
                raise KgError("query", None, f"a result holds a term kg cannot write: {term}")
        bindings.append(binding)
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


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
]
