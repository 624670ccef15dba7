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

`Site` is this module's core (loading, names, addresses, descriptions, a resource's page, search)
with its parts: `kg.server.listings` (paged listings), `kg.server.evidence` (quotes),
`kg.server.chartdata` (charts) and `kg.server.downloads`; what pages show is in
`kg.server.resources`.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import Counter, OrderedDict
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.folding import fold  # search: case, accents and apostrophes ignored
from kg.publish.layout import dump_paths
from kg.server.chartdata import StatisticsCharts
from kg.server.downloads import Download, DownloadList
from kg.server.evidence import EvidenceQuotes
from kg.server.listings import GroupedTerms, Listings, SortedTerms
from kg.server.ontology import OntologyTerms
from kg.server.paging import HYDRA, Paging, PastTheEnd
from kg.server.resources import (
    DCTERMS,
    DESCRIPTIONS,
    FIRST,
    KG,
    ONTOLOGY_BASE,
    RDF,
    RDF_TYPE,
    RDFS,
    SCHEMA,
    SKOS,
    VOID_GRAPH,
    XSD,
    Property,
    ResourcePage,
    Term,
)
from kg.server.xmltext import xml_document
from kg.store.embedded import StoreGraph, class_counts
from kg.store.query import GRAPH_FORMATS, PublishedGraph, Result, python_value

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


# The names of IRIs kept once looked up: at most NAMES_KEPT of them, and NAME_CHARACTERS
# characters of IRIs and names in all (about 32 MiB), the least recently used given up first.
# The graph's own IRIs and names are some 100 characters, so the count bounds them; the bound
# of characters is for IRIs a client makes up: every IRI of a query page's result is named,
# and 200,000 made-up IRIs of 2,000 characters each (the longest a page shows) were kept in
# the server's memory for good, 11 MB a page of 10,000 of them.
NAMES_KEPT = 200_000
NAME_CHARACTERS = 32 * 2**20


class KeptNames:
    """`find(iri)` (a name, or None), its answers kept least recently used first within
    `entries` IRIs and `characters` characters of IRIs and names; safe across threads (pages
    are made in a thread pool)."""

    def __init__(self, find, entries: int = NAMES_KEPT, characters: int = NAME_CHARACTERS):
        self._find = find
        self.entries = entries
        self.characters = characters
        self.held = 0  # characters of the IRIs and names kept
        self._kept: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def __call__(self, iri: str) -> str | None:
        with self._lock:
            if iri in self._kept:
                self._kept.move_to_end(iri)
                return self._kept[iri]
        name = self._find(iri)
        size = len(iri) + len(name or "")
        with self._lock:
            if iri not in self._kept and size <= self.characters:
                self._kept[iri] = name
                self.held += size
                while len(self._kept) > self.entries or self.held > self.characters:
                    gone, named = self._kept.popitem(last=False)
                    self.held -= len(gone) + len(named or "")
        return name


FOLD_FUNCTION = ox.NamedNode("urn:x-kg:fold")  # `fold` in the server's own SPARQL (search)


def _fold_term(term) -> ox.Literal | None:
    return ox.Literal(fold(term.value)) if isinstance(term, ox.Literal) else None


class Site(Listings, EvidenceQuotes, StatisticsCharts, DownloadList, OntologyTerms):
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
        # a store of millions of triples. Kept within a bound of characters too: the query
        # page names every IRI of a result, which a client makes up (`KeptNames`).
        self._name = KeptNames(self._find_name)
        # The quotes of an annotation, kept for a few hundred pages of them (about 600 bytes
        # each): ten lookups an annotation are most of the time of a resource's page.
        self._quotes = functools.lru_cache(maxsize=20_000)(self._find_quotes)
        # A store records them when it is loaded: a scan of every rdf:type (seconds at
        # thousands of documents) not made at each start.
        self.classes = self.graph.class_counts() if self.from_store else class_counts(self.store)
        self._series: tuple[list[dict], set[str]] | None = None
        self._series_size: int | None = None
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

    def describe(self, iri: str, paging: Paging | None = None) -> list[ox.Triple]:
        """Every triple with the IRI as subject or object (asserted, inferred, VoID): its own
        statements first, then the links to it, each in a stable order. With `paging`, the
        links on that page only, cut from the order the HTML page's links are in
        (`incoming_links`; PastTheEnd after the last page): the links to a thing grow with
        the corpus (IOM has some 65 a document), its own statements do not."""
        node = ox.NamedNode(iri)
        outgoing = self._outgoing(node)
        incoming: set[ox.Triple] = set()
        if paging is None:
            for store, graph in ((self.store, ox.DefaultGraph()), (self.void, VOID_GRAPH)):
                incoming.update(q.triple for q in store.quads_for_pattern(None, None, node, graph))
        else:
            incoming.update(self.incoming_links(iri, paging))
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

    def rdf(self, triples: list[ox.Triple], fmt: str) -> bytes:
        """Triples in one of the RDF formats: turtle, ntriples, jsonld, rdfxml."""
        if fmt in GRAPH_FORMATS:
            prefixes = {**self.prefixes, "hydra": HYDRA}  # hydra: the pages of a listing
            return Result("graph", triples=triples, prefixes=prefixes).serialize(fmt)
        if fmt == "rdfxml":
            # NotXml for what XML cannot carry, which the server answers 406.
            data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML)
            return xml_document(data, (triple.predicate.value for triple in triples))
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

    # ----------------------------------------------------------------------------------------
    # Search, types, the data set
    # ----------------------------------------------------------------------------------------

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


def _triple_order(triple: ox.Triple):
    return (str(triple.subject), str(triple.predicate), str(triple.object))
