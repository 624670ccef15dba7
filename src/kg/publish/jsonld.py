"""The JSON-LD dump (`kg.jsonld`), written node by node from sorted N-Triples.

One node object per subject and per line, IRIs compacted with the prefixes of the `@context`
(`kg.publish.contents.CONTEXT`), keys and values sorted; the figures of the asserted graph
(`Statistics`) are gathered on the way. `kg.publish.dumps` writes the whole file
(`write_jsonld`), `kg.publish.chunked` a chunk's nodes at a time (`jsonld_nodes`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg.build.run import Build
from kg.publish.contents import CONTEXT, Statistics
from kg.vocab import SCHEMA

XSD_STRING = str(XSD.string)
XSD_INTEGER = str(XSD.integer)
XSD_BOOLEAN = str(XSD.boolean)
RDF_TYPE = str(RDF.type)
SCHEMA_URL = str(SCHEMA.url)
_SMALL_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")  # canonical, exact in any JSON reader


class Compactor:
    """IRIs as JSON-LD compact IRIs (`kg:Campaign`) under the prefixes of a context, split as
    rdflib does: after the last `#`, else the last `/`, else the last `:`."""

    def __init__(self, context: dict[str, str]):
        self.prefixes = {namespace: prefix for prefix, namespace in context.items()}
        self._symbols: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        at = iri.rfind("#")
        if at < 0:
            at = iri.rfind("/")
            if at < 0:
                at = iri.rfind(":")
                if at < 0:
                    return iri
        prefix = self.prefixes.get(iri[: at + 1])
        return f"{prefix}:{iri[at + 1 :]}" if prefix else iri

    def symbol(self, iri: str) -> str:
        """A property, class or datatype: a prefix's own name when it is the namespace itself."""
        found = self._symbols.get(iri)
        if found is None:
            found = self.prefixes.get(iri) or self.iri(iri)
            if len(self._symbols) < 100_000:
                self._symbols[iri] = found
        return found

    def value(self, term):
        """A JSON-LD value object, or a native JSON value where that is lossless (xsd:string,
        canonical xsd:boolean, small canonical xsd:integer)."""
        kind = type(term)
        if kind is ox.NamedNode:
            return {"@id": self.iri(term.value)}
        if kind is ox.BlankNode:
            return {"@id": f"_:{term.value}"}
        text = term.value
        language = term.language
        if language:
            return {"@language": language, "@value": text}
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return text
        if datatype == XSD_INTEGER and _SMALL_INTEGER.fullmatch(text):
            return int(text)
        if datatype == XSD_BOOLEAN and text in ("true", "false"):
            return text == "true"
        return {"@type": self.symbol(datatype), "@value": text}


_encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def _node_text(node: dict) -> str:
    """One node object on one line. Values keep the order of their N-Triples lines; two lines
    can give one JSON value only as strings ("a" and "a"^^xsd:string), kept once."""
    for key, values in node.items():
        if key == "@id":
            continue
        if len(values) == 1:
            node[key] = values[0]
        elif any(type(v) is str for v in values):
            seen: set[str] = set()
            node[key] = [v for v in values if type(v) is not str or not (v in seen or seen.add(v))]
    return _encode(node)


def jsonld_nodes(
    triples: Iterable[ox.Triple], entity_space: str, documents: dict[str, str], stats: Statistics
) -> Iterator[str]:
    """The JSON-LD node objects of sorted triples, one per subject, each on one line: `@id`,
    `@type` for rdf:type, compact IRIs for properties, classes and datatypes, native JSON
    values where they are lossless. Adds the figures of the triples to `stats` on the way
    (`documents`: the IRIs of the documents, whose schema:url VoID gives)."""
    compact = _COMPACTOR
    classes, properties, urls = stats.classes, stats.property_iris, stats.urls
    node: dict = {}
    subject = None
    for triple in triples:
        stats.triples += 1
        s = triple.subject
        if s != subject:
            if node:
                yield _node_text(node)
            subject = s
            stats.subjects += 1
            if isinstance(s, ox.NamedNode):
                node = {"@id": compact.iri(s.value)}
                if s.value.startswith(entity_space):
                    stats.entities += 1
            else:
                node = {"@id": f"_:{s.value}"}
        p = triple.predicate.value
        o = triple.object
        properties.add(p)
        if p == RDF_TYPE and isinstance(o, ox.NamedNode):
            classes[o.value] += 1
            node.setdefault("@type", []).append(compact.symbol(o.value))
            continue
        if p == SCHEMA_URL and s.value in documents:
            urls.setdefault(documents[s.value], o)
        node.setdefault(compact.symbol(p), []).append(compact.value(o))
    if node:
        yield _node_text(node)
    stats.properties = len(properties)


_COMPACTOR = Compactor(CONTEXT)
JSONLD_HEAD = (
    json.dumps({"@context": CONTEXT}, indent=1, sort_keys=True, ensure_ascii=False)[: -len("\n}")]
    + ',\n "@graph": ['
)
JSONLD_FIRST, JSONLD_SEPARATOR, JSONLD_TAIL = "\n  ", ",\n  ", "\n ]\n}\n"


def jsonld_context(build: Build) -> tuple[str, dict[str, str]]:
    """What `jsonld_nodes` needs of a build: its entities' IRI space, its documents' IRIs."""
    documents = {str(build.minter.document(d)): d for d in build.documents}
    return f"{build.minter.base}id/", documents


def write_jsonld(nt: Path, target: Path, build: Build, stats: Statistics) -> None:
    """JSON-LD (https://www.w3.org/TR/json-ld11/) of a sorted N-Triples file: the prefixes as
    `@context`, one node object per subject and per line in `@graph`, in the order of the
    N-Triples (subjects, then each property's values; `jsonld_nodes`).
    Gathers the statistics of the asserted graph on the way."""
    entity_space, documents = jsonld_context(build)
    triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    with target.open("w", encoding="utf-8") as out:
        out.write(JSONLD_HEAD)
        separator = JSONLD_FIRST
        for text in jsonld_nodes(triples, entity_space, documents, stats):
            out.write(separator + text)
            separator = JSONLD_SEPARATOR
        out.write(JSONLD_TAIL)
