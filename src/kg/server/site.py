"""The Linked Data side of `kg serve`: IRIs to addresses, descriptions, labels, pages.

The graph's IRIs are minted from one base (`https://kg.example.org/` by default); the server
maps that base onto its own root, so `{base}id/organization/cndh` is served at
`/id/organization/cndh` wherever the server runs, and pages link to root-relative addresses.
The ontology's namespace (`https://kg.example.org/def/kg#`) is served at `/def/kg` whatever the
base.

Things and documents about them (Cool URIs for the Semantic Web, section 4.3, "303 URIs
forwarding to different documents"): `{base}id/...` names a thing (an organization, a place, a
number), which is not a document, so its address answers `303 See Other` to a document about
it, `/doc/...`, in the format the client negotiated (`/doc/organization/cndh` for HTML,
`/doc/organization/cndh.ttl` for Turtle, ...). The ontology uses hash IRIs
(`/def/kg#Campaign`: the client strips the fragment and gets the ontology document), and the
source texts (`{base}source/...`) are documents themselves, served as they are.

A resource's description (`describe`) is its symmetric concise bounded description over the
asserted and inferred graph: every triple with the IRI as subject or as object. Pages add
labels, evidence quotes and charts from the same store.

Pages link only to what is safe to follow: an address of this server, or an `http`/`https`
IRI (`linkable`); any other IRI of the data (`javascript:`, `data:`, `urn:`, ...) is shown as
text, never as a link (`href` is None). An address whose IRI is not a valid IRI (`/id/a%20b`)
names nothing: `exists` and `named_graph` say so instead of raising.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.folding import fold  # search: case, accents and apostrophes ignored
from kg.query import GRAPH_FORMATS, PARTS, PublishedGraph, Result, dump_paths, python_value
from kg.server import charts, maps

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
KG = ONTOLOGY_NS
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"

# Predicates naming a thing, best first.
LABELS = (
    RDFS + "label",
    SKOS + "prefLabel",
    SCHEMA + "name",
    SCHEMA + "headline",
    DCTERMS + "title",
    KG + "acronym",
)
SEARCHED = LABELS + (SKOS + "altLabel",)
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
LINKED_SCHEMES = ("http", "https")


def linkable(iri: str) -> bool:
    """Whether an IRI outside this server may be the target of a link on a page: an absolute
    `http` or `https` IRI with a host, decided by parsing it (`JaVaScRiPt:`, ` javascript:`,
    `data:` and every other scheme are not). Whitespace, control characters and backslashes,
    which browsers drop or read as slashes before they look at the scheme, are refused too."""
    if not iri or "\\" in iri or any(c <= " " or c == "\x7f" for c in iri):
        return False
    try:
        parts = urlsplit(iri)
    except ValueError:
        return False
    return parts.scheme.lower() in LINKED_SCHEMES and bool(parts.netloc)


def valid_iri(iri: str) -> bool:
    """Whether Oxigraph takes the string as an IRI (an address may decode to one it refuses:
    `/id/a%20b`, `/doc/%FF`)."""
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


FOLD_FUNCTION = ox.NamedNode("urn:x-kg:fold")  # `fold` in the server's own SPARQL (search)


def _fold_term(term) -> ox.Literal | None:
    return ox.Literal(fold(term.value)) if isinstance(term, ox.Literal) else None


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
    incoming: list[Property]
    evidence: list[Evidence]
    charts: list[Chart]


@dataclass
class Download:
    name: str
    path: str  # relative to dist/
    description: str
    media_type: str
    format: str
    size: int
    triples: int | None
    sha256: str
    part: str | None = None  # the folder of a part of the dumps (`parts/NAME`), if in one


FORMAT_NAMES = {
    ".ttl": ("Turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ".trig": ("TriG", "application/trig", ox.RdfFormat.TRIG),
    ".nt": ("N-Triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ".nq": ("N-Quads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ".jsonld": ("JSON-LD", "application/ld+json", ox.RdfFormat.JSON_LD),
    ".txt": ("text", "text/plain", None),
    ".rq": ("SPARQL", "application/sparql-query", None),
    ".sqlite": ("SQLite", "application/vnd.sqlite3", None),
}


class Site:
    """The published graph as a Linked Data site: the graph loaded once from `dist`, or an
    on-disk store made by `kg load` (`store`) with the files of `dist` beside it (VoID, the
    ontology, the source texts, the downloads)."""

    def __init__(
        self,
        dist: Path | str | None = None,
        base: str | None = None,
        store: Path | str | None = None,
    ) -> None:
        if store is not None:
            from kg.store import StoreGraph

            self.graph: PublishedGraph = StoreGraph(store)
            self.dist = self.graph.dist_folder(dist)
        else:
            self.dist = Path(dist if dist is not None else "dist")
            self.graph = PublishedGraph(self.dist)
        self.from_store = store is not None
        self.store = self.graph.store
        self.base = base if base is None or base.endswith(("/", "#")) else base + "/"
        self.base = self.base or self.graph.base
        self.prefixes = self.graph.prefixes
        self.inferred_graph = ox.NamedNode(f"{self.graph.base}graph/inferred")
        if not self._has_subject_under(f"{self.base}id/"):
            raise KgError(
                store if store is not None else self.dist,
                None,
                f"no IRI of the published graph starts with {self.base}id/; it was published "
                f"with the base {self.graph.base} (leave out --base to use it)",
            )
        self.void = ox.Store()  # pages only, not SPARQL
        self._load_void()
        self.ontology = ox.Store()
        self._load_ontology()
        self.triples, self.graph_sizes = self._sizes()
        stamps = [
            p.stat().st_mtime
            for p in (
                *dump_paths(self.dist, "kg.trig"),
                *dump_paths(self.dist, "kg-inferred.ttl"),
                self.dist / "void.ttl",
                self.dist / "ontology" / "kg.ttl",
            )
            if p.is_file()
        ]
        if self.from_store:
            stamps.append(self.graph.loaded)
        self.modified = max(stamps)
        self.version = hashlib.sha256(
            (self.dist / "SHA256SUMS").read_bytes()
            if (self.dist / "SHA256SUMS").is_file()
            else str(self.modified).encode()
        ).hexdigest()[:16]
        self.warnings = self.graph.warnings(self.dist) if self.from_store else []
        # Names are looked up when a page needs them, not read in advance: the graph may be
        # a store of millions of triples.
        self._name = functools.lru_cache(maxsize=200_000)(self._find_name)
        self.classes = Counter(
            {
                row["c"]: row["n"]
                for row in self.select(
                    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c"
                )
            }
        )
        self._series: tuple[list[dict], set[str]] | None = None

    # ----------------------------------------------------------------------------------------
    # Loading
    # ----------------------------------------------------------------------------------------

    def _has_subject_under(self, prefix: str) -> bool:
        return bool(
            self.store.query(
                "ASK { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "
                + str(ox.Literal(prefix))
                + ")) }"
            )
        )

    def _sizes(self) -> tuple[int, Counter]:
        """Triples in the default graph, and in each named graph."""
        if self.from_store:
            return self.graph.sizes()
        triples = sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return triples, Counter(
            q.graph_name.value
            for q in self.store.quads_for_pattern(None, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode)
        )

    def _load_void(self) -> None:
        path = self.dist / "void.ttl"
        if path.is_file():
            self.void.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=VOID_GRAPH)

    def _load_ontology(self) -> None:
        folder = self.dist / "ontology"
        if (folder / "kg.ttl").is_file():
            self.ontology.load(path=str(folder / "kg.ttl"), format=ox.RdfFormat.TURTLE)
        if (folder / "imports.ttl").is_file():
            self.ontology.load(
                path=str(folder / "imports.ttl"),
                format=ox.RdfFormat.TURTLE,
                to_graph=ox.NamedNode("urn:x-kg:imports"),
            )

    def _find_name(self, iri: str) -> str | None:
        """The name of an IRI: its label (rdfs:label before skos:prefLabel before schema:name
        ..., English before untagged before other languages, then the first in code point
        order) in the graph, the VoID description or the ontology; else, for evidence, the
        words it selects."""
        node = ox.NamedNode(iri)
        stores = ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH), (self.ontology, None))
        for predicate in LABELS:
            best: tuple[int, str] | None = None
            for store, graph in stores:
                for quad in store.quads_for_pattern(node, ox.NamedNode(predicate), None, graph):
                    if not isinstance(quad.object, ox.Literal):
                        continue
                    language = quad.object.language or ""
                    key = (
                        0 if language.startswith("en") else 1 if not language else 2,
                        quad.object.value,
                    )
                    if best is None or key < best:
                        best = key
            if best is not None:
                return best[1]
        return self._evidence_name(node)

    # Evidence has no name of its own: it is known by the words it selects. The roles an IRI
    # may play in an annotation, each with the test that tells it (a triple pattern with the
    # IRI in it) and the name it gets.
    _EVIDENCE = (
        ("a", (None, RDF_TYPE, OA + "Annotation"), "“{quote}”{where}"),
        ("t", (OA + "hasTarget", None), "the words “{quote}”{where}"),
        ("q", (None, OA + "exact", None), "quote “{quote}”"),
        ("p", (None, RDF_TYPE, OA + "TextPositionSelector"), "position of “{quote}”{where}"),
    )

    def _evidence_name(self, node: ox.NamedNode) -> str | None:
        for role, test, template in self._EVIDENCE:
            if len(test) == 2:  # the IRI as object
                pattern = (None, ox.NamedNode(test[0]), node)
            else:
                pattern = (node, ox.NamedNode(test[1]), test[2] and ox.NamedNode(test[2]))
            if not any(True for _ in self.store.quads_for_pattern(*pattern, ox.DefaultGraph())):
                continue
            position = "?t oa:hasSelector ?p . ?p a oa:TextPositionSelector ."
            rows = self.select(
                f"""SELECT ?exact ?doc WHERE {{
                     VALUES ?{role} {{ $node }}
                     ?a a oa:Annotation ; oa:hasTarget ?t .
                     ?t oa:hasSelector ?q . ?q oa:exact ?exact . {position if role == "p" else ""}
                     OPTIONAL {{ ?t oa:hasSource/dcterms:identifier ?doc }} }} LIMIT 1""",
                node=node.value,
            )
            for row in rows:
                exact = " ".join(row["exact"].split())  # the raw words, line breaks and all
                quote = exact if len(exact) <= 60 else exact[:59] + "…"
                where = f" in {row['doc']}" if row.get("doc") else ""
                return template.format(quote=quote, where=where)
        return None

    def select(self, text: str, **bindings: str) -> list[dict]:
        """Rows of a SELECT over the asserted and inferred graph, as Python values; keyword
        arguments give IRIs for the `$name` placeholders of the text."""
        for name, iri in bindings.items():
            text = text.replace(f"${name}", str(ox.NamedNode(iri)))
        solutions = self.store.query(text, base_iri=self.graph.base, prefixes=self.prefixes)
        variables = [v.value for v in solutions.variables]
        return [{v: python_value(s[v]) for v in variables if s[v] is not None} for s in solutions]

    # ----------------------------------------------------------------------------------------
    # IRIs and addresses
    # ----------------------------------------------------------------------------------------

    def local_path(self, iri: str) -> str | None:
        """The root-relative address of an IRI this server resolves, or None. (Never one that
        starts `//` or `/\\`, which a browser would read as another host.)"""
        if iri.startswith(self.base):
            path = "/" + iri[len(self.base) :]
        elif iri.startswith(ONTOLOGY_BASE):
            path = "/def/" + iri[len(ONTOLOGY_BASE) :]
        else:
            return None
        return None if path.startswith(("//", "/\\")) else path

    def href(self, iri: str) -> str | None:
        """Where a link to an IRI goes: its address on this server, else the IRI itself if it
        is `linkable` (http, https); None when it must be shown as text only."""
        local = self.local_path(iri)
        if local is not None:
            return local
        return iri if linkable(iri) else None

    def iri(self, path: str) -> str:
        """The IRI an address stands for (`/id/place/mexico` -> `{base}id/place/mexico`)."""
        return self.base + path.lstrip("/")

    def curie(self, iri: str) -> str:
        for prefix, namespace in sorted(self.prefixes.items(), key=lambda p: -len(p[1])):
            if prefix != "id" and iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def label(self, iri: str) -> str:
        name = self._name(iri)
        if name is not None:
            return name
        curie = self.curie(iri)
        if curie != iri:
            return curie
        if iri.startswith(self.base):
            return iri[len(self.base) :].removeprefix("id/")
        return iri

    def class_href(self, iri: str) -> str:
        curie = self.curie(iri)
        if curie != iri:
            return "/classes/" + quote(curie, safe=":")
        return "/classes?iri=" + quote(iri, safe="")

    def class_iri(self, name: str) -> str | None:
        prefix, colon, local = name.partition(":")
        if colon and prefix in self.prefixes and prefix != "id":
            return self.prefixes[prefix] + local
        return None

    # ----------------------------------------------------------------------------------------
    # Descriptions
    # ----------------------------------------------------------------------------------------

    def describe(self, iri: str) -> list[ox.Triple]:
        """Every triple with the IRI as subject or object (asserted, inferred, VoID): its own
        statements first, then the links to it, each in a stable order."""
        node = ox.NamedNode(iri)
        outgoing: set[ox.Triple] = set()
        incoming: set[ox.Triple] = set()
        for store, graph in ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH)):
            outgoing.update(q.triple for q in store.quads_for_pattern(node, None, None, graph))
            incoming.update(q.triple for q in store.quads_for_pattern(None, None, node, graph))
        incoming -= outgoing

        def order(triple: ox.Triple):
            return (str(triple.subject), str(triple.predicate), str(triple.object))

        return sorted(outgoing, key=order) + sorted(incoming, key=order)

    def exists(self, iri: str) -> bool:
        """Whether the graph or VoID says anything of the IRI (False for an invalid IRI)."""
        if not valid_iri(iri):
            return False
        node = ox.NamedNode(iri)
        return any(
            True
            for store, graph in ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH))
            for pattern in ((node, None, None), (None, None, node))
            for _ in store.quads_for_pattern(*pattern, graph)
        )

    def named_graph(self, iri: str) -> list[ox.Triple]:
        """The triples of a named graph (none for an invalid IRI)."""
        if not valid_iri(iri):
            return []
        return [q.triple for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]

    def ontology_triples(self) -> list[ox.Triple]:
        return [
            q.triple for q in self.ontology.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]

    def ontology_terms(self) -> list[dict]:
        """The ontology (`/def/kg`) and each of its terms, for its page: classes first."""
        grouped: dict[str, list[ox.Triple]] = defaultdict(list)
        for triple in self.ontology_triples():
            subject = triple.subject
            if isinstance(subject, ox.NamedNode) and subject.value.startswith(ONTOLOGY_BASE):
                grouped[subject.value].append(triple)
        out = []
        for iri, triples in grouped.items():
            properties: dict[str, Property] = {}
            types, comments = [], []
            for triple in triples:
                predicate = triple.predicate.value
                if predicate == RDF_TYPE:
                    types.append(self.term(triple.object))
                    continue
                if predicate in (*DESCRIPTIONS, SKOS + "scopeNote") and isinstance(
                    triple.object, ox.Literal
                ):
                    if not triple.object.language or triple.object.language.startswith("en"):
                        comments.append(triple.object.value)
                    continue
                properties.setdefault(predicate, self._property(predicate)).values.append(
                    self.term(triple.object)
                )
            is_class = any(t.value.endswith(("#Class", "/Class")) for t in types)
            out.append(
                {
                    "iri": iri,
                    "anchor": iri.partition("#")[2],
                    "label": self.label(iri),
                    "types": types,
                    "comments": comments,
                    "properties": sorted(
                        properties.values(),
                        key=lambda p: (FIRST.index(p.iri) if p.iri in FIRST else 99, p.label),
                    ),
                    "members": self.classes.get(iri, 0),
                    "members_href": self.class_href(iri),
                    "rank": 0 if "#" not in iri else 1 if is_class else 2,
                }
            )
        return sorted(out, key=lambda t: (t["rank"], t["anchor"].casefold()))

    def rdf(self, triples: list[ox.Triple], fmt: str) -> bytes:
        """Triples in one of the RDF formats: turtle, ntriples, jsonld, rdfxml."""
        if fmt in GRAPH_FORMATS:
            return Result("graph", triples=triples, prefixes=self.prefixes).serialize(fmt)
        if fmt == "rdfxml":
            return ox.serialize(triples, format=ox.RdfFormat.RDF_XML)
        raise ValueError(fmt)

    def _inferred_only(self, triple: ox.Triple) -> bool:
        graphs = {
            q.graph_name
            for q in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object)
        }
        graphs.discard(ox.DefaultGraph())
        return graphs == {self.inferred_graph}

    def term(self, node, inferred: bool = False) -> Term:
        if isinstance(node, ox.NamedNode):
            return Term(
                "iri",
                node.value,
                self.label(node.value),
                self.href(node.value),
                external=self.local_path(node.value) is None,
                inferred=inferred,
            )
        if isinstance(node, ox.Literal):
            datatype = node.datatype.value
            short = (
                ""
                if node.language or datatype in (XSD + "string", RDF + "langString")
                else self.curie(datatype)
            )
            return Term(
                "literal",
                node.value,
                node.value,
                language=node.language or "",
                datatype=short,
                inferred=inferred,
            )
        return Term("bnode", str(node), str(node), inferred=inferred)

    def _property(self, iri: str) -> Property:
        return Property(iri, self.label(iri), self.href(iri), self.curie(iri))

    def page(self, iri: str) -> ResourcePage:
        """What the HTML page of a resource shows."""
        node = ox.NamedNode(iri)
        outgoing: dict[str, Property] = {}
        incoming: dict[str, Property] = {}
        types: list[Term] = []
        descriptions: list[str] = []
        for triple in self.describe(iri):
            inferred = self._inferred_only(triple)
            predicate = triple.predicate.value
            if triple.subject == node:
                if predicate == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
                    term = self.term(triple.object, inferred)
                    term.href = self.class_href(triple.object.value)
                    term.external = False
                    types.append(term)
                    continue
                if predicate in DESCRIPTIONS and isinstance(triple.object, ox.Literal):
                    descriptions.append(triple.object.value)
                prop = outgoing.setdefault(predicate, self._property(predicate))
                prop.values.append(self.term(triple.object, inferred))
            if triple.object == node and triple.subject != node:
                prop = incoming.setdefault(predicate, self._property(predicate))
                prop.values.append(self.term(triple.subject, inferred))

        def order(prop: Property):
            return (FIRST.index(prop.iri) if prop.iri in FIRST else len(FIRST), prop.label)

        for prop in (*outgoing.values(), *incoming.values()):
            prop.values.sort(key=lambda t: (t.inferred, t.language not in ("en", ""), t.label))
        types.sort(key=lambda t: (t.inferred, t.label))
        return ResourcePage(
            iri=iri,
            label=self.label(iri),
            types=types,
            descriptions=descriptions,
            properties=sorted(outgoing.values(), key=order),
            incoming=sorted(incoming.values(), key=order),
            evidence=self.evidence(iri),
            charts=self.charts(iri),
        )

    def evidence(self, iri: str) -> list[Evidence]:
        """The words of the sources that state the resource (its annotations' quotes)."""
        rows = self.select(
            """SELECT ?a ?exact ?prefix ?suffix ?doc ?docLabel ?docId ?start ?end WHERE {
                 ?a oa:hasBody $item ; oa:hasTarget ?t .
                 ?t oa:hasSource ?doc ; oa:hasSelector ?q .
                 ?q a oa:TextQuoteSelector ; oa:exact ?exact .
                 OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
                 OPTIONAL { ?t oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end }
                 OPTIONAL { ?doc dcterms:identifier ?docId }
                 OPTIONAL { ?doc rdfs:label ?docLabel }
               } ORDER BY ?docId ?start""",
            item=iri,
        )
        return [
            Evidence(
                annotation=row["a"],
                exact=row["exact"],
                prefix=row.get("prefix", ""),
                suffix=row.get("suffix", ""),
                document=row["doc"],
                document_label=row.get("docLabel", self.label(row["doc"])),
                document_id=row.get("docId", ""),
                start=row.get("start"),
                end=row.get("end"),
            )
            for row in rows
        ]

    # ----------------------------------------------------------------------------------------
    # Charts
    # ----------------------------------------------------------------------------------------

    def charts(self, iri: str) -> list[Chart]:
        out = self.breakdown_charts(iri)
        place = maps.place_map(self, iri)  # a place's map first: its points, its countries
        if place is not None:
            out.insert(0, Chart(place.title, place.svg, place.caption))
        if iri in self.series_members() or iri == f"{self.base}id/dataset/statistics":
            chart = self.series_chart()
            if chart:
                out.append(chart)
        return out

    def breakdown_charts(self, iri: str) -> list[Chart]:
        """A bar chart of the parts of a whole (`kg:shareOf`), one per unit."""
        rows = self.select(
            """SELECT ?part ?label ?value ?min ?max ?unit ?unitLabel WHERE {
                 ?part kg:shareOf $whole .
                 OPTIONAL { ?part rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en")) }
                 OPTIONAL { ?part sdmx-measure:obsValue ?value }
                 OPTIONAL { ?part schema:minValue ?min } OPTIONAL { ?part schema:maxValue ?max }
                 OPTIONAL { ?part sdmx-attribute:unitMeasure ?unit .
                            OPTIONAL { ?unit skos:prefLabel ?unitLabel
                                       FILTER(LANGMATCHES(LANG(?unitLabel), "en")) } }
               } ORDER BY DESC(?value) ?label""",
            whole=iri,
        )
        groups: dict[str, list[charts.Bar]] = defaultdict(list)
        for row in rows:
            value = row.get("value", row.get("max", row.get("min")))
            if value is None:
                continue
            unit = row.get("unitLabel", "")
            percent = row.get("unit", "").endswith("/percent")
            text = _number(value) + (" %" if percent else "")
            groups["percent" if percent else unit].append(
                charts.Bar(
                    row.get("label", self.label(row["part"])),
                    float(value),
                    text,
                    self.href(row["part"]),
                )
            )
        out = []
        for unit, bars in groups.items():
            title = f"Breakdown of {self.label(iri)}" + (
                " (per cent)" if unit == "percent" else f" (unit: {unit})" if unit else ""
            )
            out.append(
                Chart(
                    title,
                    charts.bar_chart(bars, title, 100 if unit == "percent" else None),
                    "Each bar is a statistic stated as a share of this one (kg:shareOf).",
                )
            )
        return out

    def series_rows(self) -> list[dict]:
        """Rows of the named query victims-assisted-over-time (run once, when first asked)."""
        if self._series is None:
            self._series = self._victims_series()
        return self._series[0]

    def series_members(self) -> set[str]:
        """The observations and indicators of that series."""
        self.series_rows()
        return self._series[1]

    def _victims_series(self) -> tuple[list[dict], set[str]]:
        """Rows of the named query victims-assisted-over-time, each with its observation."""
        try:
            rows = self.graph.run("victims-assisted-over-time").rows
        except KgError:
            return [], set()
        if not rows:
            return [], set()
        names = ", ".join(sorted({_sparql_string(row["indicator"]) for row in rows}))
        observations = self.select(
            """SELECT ?o ?indicator ?value ?docs WHERE {
                 ?o a qb:Observation ; kg:indicator ?indicator ; sdmx-measure:obsValue ?value ;
                    prov:wasDerivedFrom/dcterms:identifier ?docs .
                 ?indicator skos:prefLabel ?l . FILTER(STR(?l) IN (NAMES)) }""".replace(
                "NAMES", names
            )
        )
        members = {o["o"] for o in observations} | {o["indicator"] for o in observations}
        by_key = {(o["docs"], str(o["value"])): o["o"] for o in observations}
        for row in rows:
            row["observation"] = by_key.get((row["docs"], str(row["value"])))
        ordered = sorted(
            rows,
            key=lambda r: (
                r["until"] or r["published_not_before"] or r["since"] or "9999",
                r["docs"],
            ),
        )
        return ordered, members

    def series_chart(self) -> Chart | None:
        rows = self.series_rows()
        if not rows:
            return None
        columns = []
        for row in rows:
            qualifier = row["qualifier"] if row["qualifier"] not in ("", "exact") else ""
            when = (
                f"to {row['until']}"
                if row["until"]
                else f"published ≥ {row['published_not_before']}"
                if row["published_not_before"]
                else ""
            )
            columns.append(
                charts.Bar(
                    f"document {row['docs']}",
                    float(row["value"]),
                    f"{qualifier} {_number(row['value'])}".strip(),
                    self.href(row["observation"]) if row.get("observation") else None,
                    when,
                )
            )
        title = "Victims of trafficking assisted by IOM, as each release reports"
        return Chart(
            title,
            charts.column_chart(columns, title, "persons"),
            "A running total: each release gives the count since the programme began (2005) "
            "up to its own, unstated, date; columns are ordered by the date the text bounds.",
            "/query?example=victims-assisted-over-time",
            "the named query victims-assisted-over-time",
        )

    # ----------------------------------------------------------------------------------------
    # Lists: classes, search, documents, downloads
    # ----------------------------------------------------------------------------------------

    def class_list(self) -> list[tuple[Term, int]]:
        out = []
        for iri, count in self.classes.items():
            term = self.term(ox.NamedNode(iri))
            term.href = self.class_href(iri)
            out.append((term, count))
        return sorted(out, key=lambda item: (-item[1], item[0].label))

    def members(self, class_iri: str) -> list[Term]:
        subjects = {
            q.subject
            for q in self.store.quads_for_pattern(
                None, ox.NamedNode(RDF_TYPE), ox.NamedNode(class_iri), ox.DefaultGraph()
            )
        }
        return sorted((self.term(s) for s in subjects), key=lambda t: (t.label.casefold(), t.value))

    def most_described(self, class_iri: str) -> Term | None:
        """The member of a class with the most triples about it (ties: the first by label)."""
        rows = self.select(
            """SELECT ?m (COUNT(*) AS ?n) WHERE { ?m a $cls FILTER(isIRI(?m))
                 { ?m ?p ?o } UNION { ?s ?p ?m FILTER(?s != ?m) } } GROUP BY ?m""",
            cls=class_iri,
        )
        if not rows:
            return None
        most = max(row["n"] for row in rows)
        terms = [self.term(ox.NamedNode(row["m"])) for row in rows if row["n"] == most]
        return min(terms, key=lambda t: (t.label.casefold(), t.value))

    def search(self, text: str, limit: int = 100) -> list[tuple[Term, str]]:
        """Resources whose label, other name or acronym contains the text, best first."""
        query = fold(text.strip())
        if not query:
            return []
        best: dict[str, tuple[tuple, str]] = {}
        # A scan of the names in the store, matched by a function of ours (accents and case
        # folded as Python does): nothing to hold in memory, a second or so per million names.
        solutions = self.store.query(
            "SELECT ?s ?name WHERE { VALUES ?p { "
            + " ".join(str(ox.NamedNode(p)) for p in SEARCHED)
            + " } ?s ?p ?name FILTER(isIRI(?s) && isLiteral(?name) && CONTAINS(<"
            + FOLD_FUNCTION.value
            + ">(?name), "
            + str(ox.Literal(query))
            + ")) }",
            custom_functions={FOLD_FUNCTION: _fold_term},
        )
        for solution in solutions:
            iri, original = solution["s"].value, solution["name"].value
            folded = fold(original)
            if folded == query:
                rank = 0
            elif folded.startswith(query):
                rank = 1
            elif f" {query}" in f" {folded}":
                rank = 2
            else:
                rank = 3
            key = (rank, len(folded), original)
            if iri not in best or key < best[iri][0]:
                best[iri] = (key, original)
        ranked = sorted(best.items(), key=lambda item: (item[1][0], item[0]))[:limit]
        return [(self.term(ox.NamedNode(iri)), matched) for iri, (_, matched) in ranked]

    def types_of(self, iri: str) -> list[str]:
        return sorted(
            self.label(q.object.value)
            for q in self.store.quads_for_pattern(
                ox.NamedNode(iri), ox.NamedNode(RDF_TYPE), None, ox.DefaultGraph()
            )
            if not self._inferred_only(q.triple)
        )

    def documents(self) -> list[dict]:
        return self.select(
            """SELECT ?doc ?id ?headline ?url WHERE {
                 ?doc a schema:NewsArticle ; dcterms:identifier ?id .
                 OPTIONAL { ?doc schema:headline ?headline }
                 OPTIONAL { ?doc schema:url ?url } } ORDER BY ?id"""
        )

    def dataset(self) -> dict:
        """The VoID description: title, description, licence, triples (absent when the
        dumps come in parts, whose VoID gives each part's)."""
        rows = self.void.query(
            """SELECT ?ds ?title ?description ?license ?triples ?entities WHERE {
                 GRAPH <urn:x-kg:void> { ?ds a void:Dataset ; dcterms:title ?title ;
                   dcterms:license ?license .
                   OPTIONAL { ?ds void:triples ?triples }
                   OPTIONAL { ?ds dcterms:description ?description }
                   OPTIONAL { ?ds void:entities ?entities }
                   FILTER NOT EXISTS { ?other void:subset ?ds } } } LIMIT 1""",
            prefixes=self.prefixes,
        )
        for row in rows:
            found = {
                k: python_value(row[k])
                for k in ("ds", "title", "description", "license", "triples", "entities")
            }
            return {k: v for k, v in found.items() if v is not None}
        return {}

    def downloads(self) -> list[Download]:
        """Every file of dist/: the dumps with what VoID says of them, then the rest, with
        size, format, triple count and SHA-256."""
        sums = {}
        sums_file = self.dist / "SHA256SUMS"
        if sums_file.is_file():
            for line in sums_file.read_text(encoding="utf-8").splitlines():
                digest, _, name = line.partition("  ")
                if name:
                    sums[name] = digest
        described = {}
        for solution in self.void.query(
            """SELECT ?title ?description ?media ?triples ?sha WHERE {
                 GRAPH <urn:x-kg:void> { ?ds dcat:distribution ?d . ?d dcterms:title ?title .
                   OPTIONAL { ?d dcterms:description ?description }
                   OPTIONAL { ?d dcat:mediaType ?media } OPTIONAL { ?d void:triples ?triples }
                   OPTIONAL { ?d <http://spdx.org/rdf/terms#checksum> ?sum .
                     ?sum <http://spdx.org/rdf/terms#algorithm>
                         <http://spdx.org/rdf/terms#checksumAlgorithm_sha256> ;
                       <http://spdx.org/rdf/terms#checksumValue> ?sha } } }""",
            prefixes=self.prefixes,
        ):
            row = {
                k: python_value(solution[k])
                for k in ("title", "description", "media", "triples", "sha")
            }
            described[row["title"]] = row
        names = sorted(
            p.relative_to(self.dist).as_posix() for p in self.dist.rglob("*") if p.is_file()
        )
        # The dumps as VoID lists them, those of a part together (a stable sort by folder:
        # the dumps of an unparted publish keep VoID's order), then every other file.
        dumps = sorted((n for n in described if n in names), key=lambda n: n.rpartition("/")[0])
        ordered = dumps + [n for n in names if n not in described]
        out = []
        for name in ordered:
            path = self.dist / name
            info = described.get(name, {})
            suffix = path.suffix.lower()
            fmt, media, rdf_format = FORMAT_NAMES.get(
                suffix, ("", "application/octet-stream", None)
            )
            if name == "SHA256SUMS":
                fmt, media = "checksums", "text/plain"
            if info.get("media"):
                media = str(info["media"]).rsplit("/media-types/", 1)[-1]
            triples = info.get("triples")
            if triples is None and rdf_format is not None and path.stat().st_size < 20_000_000:
                triples = _count_triples(path, rdf_format)
            out.append(
                Download(
                    name=name,
                    path=name,
                    description=info.get("description") or _describe_file(name),
                    media_type=media,
                    format=fmt,
                    size=path.stat().st_size,
                    triples=triples,
                    sha256=info.get("sha") or sums.get(name) or _sha256(path),
                    part=name.rpartition("/")[0] if name.startswith(f"{PARTS}/") else None,
                )
            )
        return out


def _count_triples(path: Path, fmt) -> int | None:
    try:
        return sum(1 for _ in ox.parse(path=str(path), format=fmt))
    except (SyntaxError, OSError, ValueError):
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _describe_file(name: str) -> str:
    if name == "void.ttl":
        return "VoID and DCAT description of the data set: sizes, classes, licence, dumps."
    if name == "shacl-report.ttl":
        return "The W3C SHACL validation report of the published graph."
    if name == "SHA256SUMS":
        return "Checksums of every file (sha256sum -c SHA256SUMS)."
    if name.startswith("ontology/"):
        return "The kg ontology and the axioms of the W3C vocabularies it reasons with."
    if name.startswith("shapes/"):
        return "SHACL shapes the graph is validated against."
    if name == "search.sqlite":
        return "The full-text index of the texts, quotes and names (SQLite FTS5; kg search)."
    if name.startswith("sources/"):
        return "A source text as scraped; evidence offsets count characters in it."
    return ""


def _number(value) -> str:
    if isinstance(value, Decimal | float) and float(value).is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
