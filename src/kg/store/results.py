"""The answer to a SPARQL query (`Result`): rows of Python values (`python_value`), and the
W3C SPARQL 1.1 result formats (JSON, XML, CSV, TSV) or, for CONSTRUCT and DESCRIBE, RDF."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError
from kg.queries import XSD

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
