"""What the dumps are: their files, their prefixes, the named graphs they are made of, and
the figures gathered while writing them.

The writers (`kg.publish.dumps`, `kg.publish.jsonld`, `kg.publish.chunked`), the parts
(`kg.publish.parts`) and the VoID/DCAT description (`kg.publish.description`) all read these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDF

from kg import ntriples
from kg.build.run import Build
from kg.vocab import PREFIXES, QB

# The dumps of named graphs, whose lines are quads: a triple several graphs hold is there once
# per graph (`kg:quads`), where void:triples counts it once.
QUAD_DUMPS = ("kg.trig", "kg.nq")

# file name -> (media type, what it is)
DUMPS = {
    "kg.ttl": ("text/turtle", "The asserted graph: reference data and every document, in Turtle."),
    "kg-inferred.ttl": ("text/turtle", "The triples OWL 2 RL reasoning adds to kg.ttl."),
    "kg.trig": (
        "application/trig",
        "The asserted graph with one named graph per document and one for reference data.",
    ),
    "kg.nt": ("application/n-triples", "The asserted graph as sorted N-Triples."),
    "kg.nq": ("application/n-quads", "The named graphs of kg.trig as sorted N-Quads."),
    "kg.jsonld": ("application/ld+json", "The asserted graph as JSON-LD with a context."),
}

# file name -> what it is, in a part of a parted publish
PART_DUMPS = {
    "kg.ttl": "The part's asserted triples, in Turtle.",
    "kg-inferred.ttl": "The triples OWL 2 RL reasoning adds to the part's graphs.",
    "kg.trig": "The part's named graphs: one per document, or the reference data.",
    "kg.nt": "The part's asserted triples as sorted N-Triples.",
    "kg.nq": "The named graphs of the part's kg.trig as sorted N-Quads.",
    "kg.jsonld": "The part's asserted triples as JSON-LD with a context.",
}

# The prefixes of the Turtle, TriG and JSON-LD dumps. Not `id:`: the paths of data IRIs
# (`id:organization/cndh`) would need escaping (`id:organization\/cndh`) in Turtle.
CONTEXT = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}

Progress = Callable[[str], None]


@dataclass
class Statistics:
    """Figures of the written dumps, gathered while streaming them."""

    triples: int = 0  # distinct asserted triples (kg.nt)
    quads: int = 0  # kg.nq
    inferred: int = 0  # distinct inferred triples (kg-inferred.ttl)
    subjects: int = 0
    entities: int = 0  # subjects under {base}id/
    objects: int = 0
    properties: int = 0
    property_iris: set[str] = field(default_factory=set)
    classes: Counter = field(default_factory=Counter)  # class IRI -> instances
    observations: dict[str, int] = field(default_factory=dict)  # doc id -> qb:Observation
    urls: dict[str, ox.NamedNode | ox.Literal] = field(default_factory=dict)  # doc id -> URL
    # 0: the figures of the whole graph. Otherwise the number of parts the figures are summed
    # over: then quads, observations, properties and the set of classes are exact, but a
    # triple (or subject, object, instance of a class) that graphs of two parts hold counts
    # once in each (`combined`).
    parts: int = 0
    # What the whole-graph dumps reused of the previous publish's (`kg.publish.chunked.Reuse`), when
    # written with a cache.
    reuse: object | None = None

    def dump_triples(self) -> dict[str, int]:
        """The distinct triples of each dump (in kg.trig and kg.nq, a triple several named
        graphs hold counts once: their quads are `quads`)."""
        return {
            "kg.ttl": self.triples,
            "kg-inferred.ttl": self.inferred,
            "kg.trig": self.triples,
            "kg.nt": self.triples,
            "kg.nq": self.triples,
            "kg.jsonld": self.triples,
        }

    def as_record(self) -> dict:
        """The figures as JSON values (the part records of a parted publish keep them)."""
        return {
            "triples": self.triples,
            "quads": self.quads,
            "inferred": self.inferred,
            "subjects": self.subjects,
            "entities": self.entities,
            "objects": self.objects,
            "property_iris": sorted(self.property_iris),
            "classes": dict(sorted(self.classes.items())),
            "observations": dict(sorted(self.observations.items())),
            "urls": {doc_id: str(url) for doc_id, url in sorted(self.urls.items())},
        }

    @classmethod
    def from_record(cls, record: dict) -> Statistics:
        return cls(
            triples=record["triples"],
            quads=record["quads"],
            inferred=record["inferred"],
            subjects=record["subjects"],
            entities=record["entities"],
            objects=record["objects"],
            properties=len(record["property_iris"]),
            property_iris=set(record["property_iris"]),
            classes=Counter(record["classes"]),
            observations=dict(record["observations"]),
            urls={doc_id: _ntriples_term(text) for doc_id, text in record["urls"].items()},
        )


def _ntriples_term(text: str) -> ox.NamedNode | ox.Literal:
    """The IRI or literal written `text` in N-Triples (`str` of a pyoxigraph term)."""
    line = f"<urn:x-kg:s> <urn:x-kg:p> {text} .\n".encode()
    return next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES))).object


def _graph_suffix(name: URIRef) -> bytes:
    return f" {name.n3()} .\n".encode()


def as_quads(text: bytes, name: URIRef) -> bytes:
    """N-Triples lines as N-Quads lines of the named graph `name`."""
    return text.replace(b" .\n", _graph_suffix(name))


# The end of the N-Triples line that types a qb:Observation (literals cannot end so).
OBSERVATION_LINE_END = f" {RDF.type.n3()} {QB.Observation.n3()} .\n".encode()


@dataclass(frozen=True)
class NamedGraph:
    """A named graph of the build as the dumps take it: its asserted triples, the triples
    reasoning adds to them, and, for a document's graph, the document's id."""

    name: URIRef
    asserted: ntriples.Packed
    inferred: ntriples.Packed | None = None
    document: str | None = None


def reference_graphs(build: Build) -> list[NamedGraph]:
    name = build.minter.reference_graph
    return [NamedGraph(name, build.reference_packed(), build.inferred.packed.get(str(name)))]


def document_graphs(build: Build, doc_ids: Iterable[str]) -> list[NamedGraph]:
    graphs = []
    for doc_id in doc_ids:
        name = build.minter.document_graph(doc_id)
        asserted, inferred = build.documents.packed[doc_id], build.inferred.packed.get(str(name))
        graphs.append(NamedGraph(name, asserted, inferred, doc_id))
    return graphs
