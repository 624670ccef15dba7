"""Namespaces and the IRIs kg mints.

All IRIs of things are minted from one configurable base (`KG_BASE`, default
`https://kg.example.org/`) as `{base}id/{kind}/{slug}`: readable, stable, and the same for the
same inputs. The ontology's own namespace is fixed: it names terms, not data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

DEFAULT_BASE = "https://kg.example.org/"

KG = Namespace("https://kg.example.org/def/kg#")
ONTOLOGY_IRI = URIRef("https://kg.example.org/def/kg")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
FREQ = Namespace("http://purl.org/cld/freq/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")  # GeoSPARQL 1.1

PREFIXES = {
    "kg": KG,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "qb": QB,
    "oa": OA,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "time": TIME,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sdmx-dimension": SDMX_DIMENSION,
    "sdmx-measure": SDMX_MEASURE,
    "sdmx-attribute": SDMX_ATTRIBUTE,
    "freq": FREQ,
    "void": VOID,
    "dcat": DCAT,
    "sh": SH,
    "wd": WIKIDATA,
    "geo": GEO,
}


def bind_prefixes(graph, base: str | None = None) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    if base:
        graph.bind("id", Namespace(base + "id/"), override=True)


def configured_base() -> str:
    base = os.environ.get("KG_BASE", DEFAULT_BASE)
    return base if base.endswith(("/", "#")) else base + "/"


@dataclass(frozen=True)
class Minter:
    """Mints every IRI of the published graph from one base."""

    base: str = DEFAULT_BASE

    def thing(self, kind: str, *slugs: str) -> URIRef:
        return URIRef(f"{self.base}id/{kind}/" + "/".join(slugs))

    def document(self, doc_id: str) -> URIRef:
        return self.thing("document", doc_id)

    def observation(self, doc_id: str, slug: str) -> URIRef:
        return self.thing("observation", doc_id, slug)

    def annotation(self, doc_id: str, slug: str) -> URIRef:
        return self.thing("annotation", doc_id, slug)

    def concept(self, scheme: str, slug: str | None = None) -> URIRef:
        return self.thing("concept", scheme, slug) if slug else self.thing("concept", scheme)

    def source_text(self, file_name: str) -> URIRef:
        return URIRef(f"{self.base}source/{file_name}")

    def document_graph(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/document/{doc_id}")

    @property
    def reference_graph(self) -> URIRef:
        return URIRef(f"{self.base}graph/reference")

    @property
    def dataset(self) -> URIRef:
        return URIRef(f"{self.base}id/dataset/statistics")

    @property
    def void_dataset(self) -> URIRef:
        return URIRef(f"{self.base}id/dataset/kg")
