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
import itertools
import threading
from array import array
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.folding import fold  # search: case, accents and apostrophes ignored
from kg.server import charts, maps
from kg.server.paging import HYDRA, Page, Paging, PastTheEnd, hydra_view, page_of
from kg.store.embedded import StoreGraph, class_counts
from kg.store.query import GRAPH_FORMATS, PARTS, PublishedGraph, Result, dump_paths, python_value

ONTOLOGY_BASE = "https://kg.example.org/def/"
ONTOLOGY_NS = "https://kg.example.org/def/kg#"
VOID_GRAPH = ox.NamedNode("urn:x-kg:void")  # the VoID description: pages only, not SPARQL
TSV = ox.QueryResultsFormat.TSV

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
# A listing longer than this keeps its order once computed (`Site._ordered`): a page of it is
# then a slice. Shorter ones are ordered again for each page, which costs less than keeping
# them.
KEPT_FROM = 1000
# How many items the kept orders may hold together (about 60 bytes each, packed): at 10,000
# synthetic documents, the 670,000 annotations and the 650,000 links to IOM both fit.
KEPT_ITEMS = 2_000_000


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
    incoming: list[Property]  # the links to it on this page of them, by property
    evidence: list[Evidence]
    charts: list[Chart]
    incoming_page: Page | None = None  # which page of the links to it, of how many
    evidence_page: Page | None = None  # which page of the quotes, of how many


class SortedTerms:
    """The terms of a listing, IRIs in code point order then blank nodes (as `_:id`), packed
    into one UTF-8 string with the offsets of its items: about 60 bytes an item where a list
    of str costs about 110. UTF-8 keeps code point order, so the bytes sort as the text does;
    an absolute IRI never starts with `_:`."""

    def __init__(self, items) -> None:
        ordered = sorted(set(items), key=lambda item: (item.startswith(b"_:"), item))
        self.blob = b"".join(ordered)
        self.offsets = array("Q", itertools.accumulate(map(len, ordered), initial=0))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> str:
        return self.blob[self.offsets[index] : self.offsets[index + 1]].decode("utf-8")

    def items(self, start: int, end: int) -> list[str]:
        return [self[i] for i in range(max(0, start), min(end, len(self)))]


class GroupedTerms:
    """The items of a listing in groups (the links to a resource, by property), each group's
    terms a SortedTerms; an item is (group, term)."""

    def __init__(self, groups: list[tuple[str, SortedTerms]]) -> None:
        self.groups = groups
        self.starts = list(itertools.accumulate((len(g) for _, g in groups), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def items(self, start: int, end: int) -> list[tuple[str, str]]:
        out = []
        for (group, terms), first in zip(self.groups, self.starts, strict=False):
            low, high = max(start - first, 0), min(end - first, len(terms))
            out += [(group, term) for term in terms.items(low, high)]
        return out


def _node(item: str):
    """The term of an item of SortedTerms."""
    return ox.BlankNode(item[2:]) if item.startswith("_:") else ox.NamedNode(item)


def _tsv_rows(tsv: bytes):
    """The rows of a SPARQL TSV result of IRIs and blank nodes, each a list of its fields as
    UTF-8 bytes: an IRI without its brackets, a blank node as `_:id`. The store writes TSV in
    Rust, several times faster than it hands Python an object a row; in TSV an IRI is
    `<...>` and a blank node `_:id`, and neither may hold a tab or a line break, so the
    fields are exact."""
    for line in tsv.split(b"\n")[1:]:
        if line:
            yield [f[1:-1] if f.startswith(b"<") else f for f in line.split(b"\t")]


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
        # The quotes of an annotation, kept for a few hundred pages of them (about 600 bytes
        # each): ten lookups an annotation are most of the time of a resource's page.
        self._quotes = functools.lru_cache(maxsize=20_000)(self._find_quotes)
        # A store records them when it is loaded: a scan of every rdf:type (seconds at
        # thousands of documents) not made at each start.
        self.classes = self.graph.class_counts() if self.from_store else class_counts(self.store)
        self._series: tuple[list[dict], set[str]] | None = None
        # The orders of long listings, computed once (`_ordered`), least recently used first.
        self._orders: OrderedDict[tuple, SortedTerms | GroupedTerms] = OrderedDict()
        self._orders_lock = threading.Lock()
        self._ordering: dict[tuple, threading.Lock] = {}
        self._downloads: list[Download] | None = None

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
        outgoing = self._outgoing(node)
        incoming: set[ox.Triple] = set()
        for store, graph in ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH)):
            incoming.update(q.triple for q in store.quads_for_pattern(None, None, node, graph))
        incoming -= set(outgoing)
        return outgoing + sorted(incoming, key=_triple_order)

    def _outgoing(self, node: ox.NamedNode) -> list[ox.Triple]:
        """Every triple with the node as subject (asserted, inferred, VoID), in order."""
        outgoing: set[ox.Triple] = set()
        for store, graph in ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH)):
            outgoing.update(q.triple for q in store.quads_for_pattern(node, None, None, graph))
        return sorted(outgoing, key=_triple_order)

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
            prefixes = {**self.prefixes, "hydra": HYDRA}  # hydra: the pages of a listing
            return Result("graph", triples=triples, prefixes=prefixes).serialize(fmt)
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

    def page(self, iri: str, paging: Paging | None = None) -> ResourcePage:
        """What the HTML page of a resource shows. Its two listings that grow with the corpus,
        the quotes that state it and the links to it, are paged together: page N holds the
        Nth `limit` of each (PastTheEnd after the last page of the longer)."""
        paging = paging or Paging()
        node = ox.NamedNode(iri)
        evidence, evidence_page = self.evidence(iri, paging)
        links, links_page = self.incoming_page(iri, paging)
        last = max(evidence_page.last, links_page.last)
        if paging.page > last:
            raise PastTheEnd(
                f"page {paging.page:,} is past the last page ({last:,}) of the quotes and links "
                f"of {iri} ({evidence_page.total:,} and {links_page.total:,} at "
                f"{paging.limit:,} a page)"
            )
        outgoing: dict[str, Property] = {}
        types: list[Term] = []
        descriptions: list[str] = []
        for triple in self._outgoing(node):
            inferred = self._inferred_only(triple)
            predicate = triple.predicate.value
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
        for prop in outgoing.values():
            prop.values.sort(key=lambda t: (t.inferred, t.language not in ("en", ""), t.label))
        types.sort(key=lambda t: (t.inferred, t.label))
        return ResourcePage(
            iri=iri,
            label=self.label(iri),
            types=types,
            descriptions=descriptions,
            properties=sorted(outgoing.values(), key=self._property_order),
            incoming=links,
            evidence=evidence,
            charts=self.charts(iri),
            incoming_page=links_page,
            evidence_page=evidence_page,
        )

    def _property_order(self, prop: Property):
        return (FIRST.index(prop.iri) if prop.iri in FIRST else len(FIRST), prop.label, prop.iri)

    def evidence(self, iri: str, paging: Paging | None = None) -> tuple[list[Evidence], Page]:
        """The words of the sources that state the resource (its annotations' quotes): the
        page `paging` asks for (empty after the last). Pages are cut in the code point order
        of the annotations' IRIs (`id/annotation/DOCUMENT/...`: by document first); a page's
        quotes are shown by document and position."""
        paging = paging or Paging()
        order = self._ordered(("evidence", iri), lambda: self._evidence_order(iri))
        page = Page(paging.page, paging.limit, len(order))
        found = [
            evidence
            for annotation in order.items(page.start, page.end)
            for evidence in self._quotes(annotation)
        ]
        found.sort(key=lambda e: (e.document_id, e.start is not None, e.start or 0, e.annotation))
        return found, page

    def _find_quotes(self, annotation: str) -> tuple[Evidence, ...]:
        """An annotation's quotes: for each target, its source and each quote selector (the
        selector with `oa:exact`) with its words, the words around them and the position of
        the target (the selector with `oa:start` and `oa:end`). Looked up property by
        property, about ten lookups an annotation: a SPARQL query with OPTIONALs for the same
        took 9 s for 100 annotations in a store of 1,000 documents, each OPTIONAL joined to
        every triple of its predicate; and a lookup of each node's every triple decodes
        twice as many terms."""
        out = []
        node = ox.NamedNode(annotation)
        documents: dict[ox.NamedNode, tuple] = {}
        for target in self._objects(node, OA + "hasTarget"):
            quotes, positions = [], []
            for selector in self._objects(target, OA + "hasSelector"):
                exact = self._value(selector, OA + "exact")
                if exact is not None:  # a TextQuoteSelector
                    prefix = self._value(selector, OA + "prefix") or ""
                    quotes.append((exact, prefix, self._value(selector, OA + "suffix") or ""))
                    continue
                start = self._value(selector, OA + "start")
                end = self._value(selector, OA + "end") if start is not None else None
                if end is not None:  # a TextPositionSelector
                    positions.append((start, end))
            for document in self._objects(target, OA + "hasSource"):
                if not isinstance(document, ox.NamedNode):
                    continue
                if document not in documents:
                    documents[document] = (
                        self._value(document, DCTERMS + "identifier") or "",
                        self._value(document, RDFS + "label") or self.label(document.value),
                    )
                document_id, document_label = documents[document]
                for exact, prefix, suffix in quotes:
                    for start, end in positions or [(None, None)]:
                        out.append(
                            Evidence(
                                annotation=annotation,
                                exact=exact,
                                prefix=prefix,
                                suffix=suffix,
                                document=document.value,
                                document_label=document_label,
                                document_id=document_id,
                                start=start,
                                end=end,
                            )
                        )
        return tuple(out)

    def _objects(self, subject, predicate: str) -> list:
        """The objects of a subject's property in the default graph, in a stable order."""
        return sorted(
            (
                q.object
                for q in self.store.quads_for_pattern(
                    subject, ox.NamedNode(predicate), None, ox.DefaultGraph()
                )
            ),
            key=str,
        )

    def _value(self, subject, predicate: str):
        """The first literal value of a subject's property (in `_objects` order), as Python."""
        for node in self._objects(subject, predicate):
            if isinstance(node, ox.Literal):
                return python_value(node)
        return None

    def _evidence_order(self, iri: str) -> SortedTerms:
        solutions = self.store.query(
            f"SELECT ?a WHERE {{ ?a {ox.NamedNode(OA + 'hasBody')} {ox.NamedNode(iri)} }}"
        )
        return SortedTerms(row[0] for row in _tsv_rows(solutions.serialize(format=TSV)))

    # ----------------------------------------------------------------------------------------
    # Charts
    # ----------------------------------------------------------------------------------------

    def charts(self, iri: str) -> list[Chart]:
        out = self.breakdown_charts(iri)
        place = maps.place_map(self, iri)  # a place's map first: its points, its countries
        if place is not None:
            out.insert(0, Chart(place.title, place.svg, place.caption))
        if iri == f"{self.base}id/dataset/statistics" or (
            self._may_be_in_series(iri) and iri in self.series_members()
        ):
            chart = self.series_chart()
            if chart:
                out.append(chart)
        return out

    def _may_be_in_series(self, iri: str) -> bool:
        """Whether the IRI is an observation or an indicator, as the members of the series
        are: the series is a named query, which takes a while at thousands of documents, so
        the pages of organizations and places do not wait for it."""
        node = ox.NamedNode(iri)
        patterns = (
            (node, ox.NamedNode(RDF_TYPE), ox.NamedNode(QB + "Observation")),
            (None, ox.NamedNode(KG + "indicator"), node),
        )
        return any(
            True
            for pattern in patterns
            for _ in self.store.quads_for_pattern(*pattern, ox.DefaultGraph())
        )

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
    # Paged listings: the members of a class, the links to a resource
    # ----------------------------------------------------------------------------------------

    def member_page(self, class_iri: str, paging: Paging) -> tuple[list[Term], Page]:
        """A page of the members of a class, in the code point order of their IRIs."""
        order = self._ordered(("members", class_iri), lambda: self._members_order(class_iri))
        page = page_of(paging, len(order), f"the members of {self.curie(class_iri)}")
        return [self.term(_node(item)) for item in order.items(page.start, page.end)], page

    def incoming_page(self, iri: str, paging: Paging) -> tuple[list[Property], Page]:
        """A page of the links to a resource (triples with it as object and another subject;
        empty after the last page), by property (in the order of a page's properties), each
        property's subjects in the code point order of their IRIs."""
        order = self._ordered(("incoming", iri), lambda: self._incoming_order(iri))
        page = Page(paging.page, paging.limit, len(order))
        node = ox.NamedNode(iri)
        found: dict[str, Property] = {}
        for predicate, item in order.items(page.start, page.end):
            subject = _node(item)
            inferred = self._inferred_only(ox.Triple(subject, ox.NamedNode(predicate), node))
            prop = found.setdefault(predicate, self._property(predicate))
            prop.values.append(self.term(subject, inferred))
        return list(found.values()), page

    def graph_subjects(self, graph: str, paging: Paging) -> tuple[list[Term], Page]:
        """A page of the subjects of a named graph, in the code point order of their IRIs."""
        order = self._ordered(("graph", graph), lambda: self._graph_order(graph))
        page = page_of(paging, len(order), f"the subjects of {graph}")
        return [self.term(_node(item)) for item in order.items(page.start, page.end)], page

    def collection(
        self,
        collection: str,
        view: str,
        class_iri: str,
        members: list[Term],
        page: Page,
        absolute: dict[str, str],
    ) -> list[ox.Triple]:
        """A page of a class's members in RDF: a `hydra:Collection` that manages the class's
        members (`hydra:manages` rdf:type the class), with its total, the page's members and,
        when there are several pages, the page as a `hydra:PartialCollectionView`."""
        node = ox.NamedNode(collection)
        manages = ox.BlankNode("manages")  # named, so that the same page gives the same bytes
        own, views = hydra_view(collection, view, absolute, page.total)
        own.append(ox.Triple(node, ox.NamedNode(HYDRA + "manages"), manages))
        own += [ox.Triple(node, ox.NamedNode(HYDRA + "member"), _node(t.value)) for t in members]
        return [
            *own,
            *views,
            ox.Triple(manages, ox.NamedNode(HYDRA + "property"), ox.NamedNode(RDF_TYPE)),
            ox.Triple(manages, ox.NamedNode(HYDRA + "object"), ox.NamedNode(class_iri)),
        ]

    def _ordered(self, key: tuple, compute):
        """The order of a listing: `compute()` the first time it is asked for, then kept when
        it has KEPT_FROM items or more, the least recently used dropped past KEPT_ITEMS in
        all. A listing asked for by several requests at once is computed once."""
        with self._orders_lock:
            if key in self._orders:
                self._orders.move_to_end(key)
                return self._orders[key]
            computing = self._ordering.setdefault(key, threading.Lock())
        with computing:
            with self._orders_lock:
                if key in self._orders:
                    return self._orders[key]
            order = compute()
            with self._orders_lock:
                self._ordering.pop(key, None)
                if len(order) >= KEPT_FROM:
                    self._orders[key] = order
                    kept = sum(len(o) for o in self._orders.values())
                    while kept > KEPT_ITEMS and len(self._orders) > 1:
                        _, dropped = self._orders.popitem(last=False)
                        kept -= len(dropped)
        return order

    def _members_order(self, class_iri: str) -> SortedTerms:
        solutions = self.store.query(f"SELECT ?s WHERE {{ ?s a {ox.NamedNode(class_iri)} }}")
        return SortedTerms(row[0] for row in _tsv_rows(solutions.serialize(format=TSV)))

    def _graph_order(self, graph: str) -> SortedTerms:
        solutions = self.store.query(
            f"SELECT DISTINCT ?s WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}"
        )
        return SortedTerms(row[0] for row in _tsv_rows(solutions.serialize(format=TSV)))

    def _incoming_order(self, iri: str) -> GroupedTerms:
        node = ox.NamedNode(iri)
        solutions = self.store.query(f"SELECT ?p ?s WHERE {{ ?s ?p {node} FILTER(?s != {node}) }}")
        subjects: dict[bytes, list[bytes]] = defaultdict(list)
        for predicate, subject in _tsv_rows(solutions.serialize(format=TSV)):
            subjects[predicate].append(subject)
        for quad in self.void.quads_for_pattern(None, None, node, VOID_GRAPH):
            if quad.subject != node:
                subject = quad.subject
                subjects[quad.predicate.value.encode("utf-8")].append(
                    subject.value.encode("utf-8")
                    if isinstance(subject, ox.NamedNode)
                    else str(subject).encode("utf-8")
                )
        groups = [(p.decode("utf-8"), SortedTerms(s)) for p, s in subjects.items()]
        groups.sort(key=lambda group: self._property_order(self._property(group[0])))
        return GroupedTerms(groups)

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

    def documents(self, limit: int | None = None) -> list[dict]:
        """The press releases (IRI, identifier, headline, address) by identifier: all, or
        the first `limit` in the order of their IRIs (a page of schema:NewsArticle's
        members, which holds thousands)."""
        if limit is not None:
            terms, _ = self.member_page(SCHEMA + "NewsArticle", Paging(limit=limit))
            out = []
            for term in terms:
                node = _node(term.value)
                found = {
                    "doc": term.value,
                    "id": self._value(node, DCTERMS + "identifier"),
                    "headline": self._value(node, SCHEMA + "headline"),
                    "url": self._value(node, SCHEMA + "url"),
                }
                if found["id"] is not None:
                    out.append({k: v for k, v in found.items() if v is not None})
            return sorted(out, key=lambda row: (row["id"], row["doc"]))
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
        size, format, triple count and SHA-256; found when first asked for (a stat of each
        file, thousands of them), then kept, as the rest of the publish is."""
        if self._downloads is None:
            self._downloads = self._find_downloads()
        return self._downloads

    def _find_downloads(self) -> list[Download]:
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


def _triple_order(triple: ox.Triple):
    return (str(triple.subject), str(triple.predicate), str(triple.object))


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
