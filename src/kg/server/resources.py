"""What the pages of `kg serve` show of the graph, as plain data: a term, a property with its
values, a quote of the sources, a chart and a resource's page; and the namespaces the site
reads the graph with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.server.paging import Page

ONTOLOGY_BASE = "https://kg.example.org/def/"
ONTOLOGY_NS = "https://kg.example.org/def/kg#"
VOID_GRAPH = ox.NamedNode("urn:x-kg:void")  # the VoID description: pages only, not SPARQL

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
OWL = "http://www.w3.org/2002/07/owl#"
QB = "http://purl.org/linked-data/cube#"
KG = ONTOLOGY_NS
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"

DESCRIPTIONS = (
    SCHEMA + "description",
    DCTERMS + "description",
    RDFS + "comment",
    SKOS + "definition",
    SCHEMA + "text",
)
# Order of properties on a page: these first, the rest by label.
FIRST = (
    RDF_TYPE,
    RDFS + "label",
    SKOS + "prefLabel",
    SCHEMA + "name",
    SCHEMA + "headline",
    SKOS + "altLabel",
    KG + "acronym",
    *DESCRIPTIONS,
)
LONG_TEXT = 240


@dataclass
class Term:
    """An RDF term as a page shows it."""

    kind: str  # iri, literal, bnode
    value: str
    label: str = ""
    href: str | None = None  # None: not a link (a blank node, a literal, an IRI not linkable)
    external: bool = False
    language: str = ""
    datatype: str = ""  # a short name for typed literals other than strings
    inferred: bool = False

    @property
    def long(self) -> bool:
        return self.kind == "literal" and len(self.value) > LONG_TEXT


@dataclass
class Property:
    iri: str
    label: str
    href: str | None
    curie: str
    values: list[Term] = field(default_factory=list)


@dataclass
class Evidence:
    annotation: str
    exact: str
    prefix: str
    suffix: str
    document: str
    document_label: str
    document_id: str
    start: int | None
    end: int | None


@dataclass
class Chart:
    title: str
    svg: object  # Markup
    caption: str = ""
    link: str | None = None
    link_text: str = ""


@dataclass
class ResourcePage:
    iri: str
    label: str
    types: list[Term]
    descriptions: list[str]
    properties: list[Property]
    incoming: list[Property]  # the links to it on this page of them, by property
    evidence: list[Evidence]
    charts: list[Chart]
    incoming_page: Page | None = None  # which page of the links to it, of how many
    evidence_page: Page | None = None  # which page of the quotes, of how many
