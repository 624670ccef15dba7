"""Fast reasoning: OWL 2 RL rules specialised to kg's fixed ontology.

owlrl (`kg.build.reason`) stays the reference. Our ontology only uses rdfs:subClassOf,
rdfs:subPropertyOf, rdfs:domain, rdfs:range, owl:inverseOf, owl:SymmetricProperty,
owl:TransitiveProperty and owl:propertyChainAxiom, so of the OWL 2 RL rules only the instance
rules cax-sco, prp-dom, prp-rng, prp-spo1, prp-spo2, prp-inv1/2, prp-symp and prp-trp can fire
on data. The schema (T-box) is closed once with owlrl (`Schema.from_ontology`); the instance
rules then run as a semi-naive fixpoint over plain Python sets, which is about two orders of
magnitude faster than owlrl on a document. `tests/test_reason.py` shows that the result equals
`kg.build.reason.infer` on the seed corpus.

What it does not implement it refuses: `Schema.from_ontology` raises `UnsupportedAxiom` (a
KgError naming the construct) when the ontology uses any other OWL term, such as a restriction
(owl:hasValue, owl:someValuesFrom, owl:allValuesFrom, cardinalities), owl:unionOf,
owl:intersectionOf, owl:oneOf, owl:FunctionalProperty, owl:hasKey or owl:sameAs, whose
consequences owlrl would draw and this reasoner would silently miss. Such an ontology needs owlrl
(`kg.build.reason`).
owl:equivalentClass and owl:equivalentProperty between named terms are supported:
the closed schema turns them into rdfs:subClassOf and rdfs:subPropertyOf both ways.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.build.reason import UNINFORMATIVE_OBJECTS, UNINFORMATIVE_PREDICATES, closure
from kg.errors import KgError

# The OWL terms an ontology may use: what the instance rules below implement, what the closed
# schema reduces to them (equivalences) and what has no consequence on instances (declarations,
# annotations). Any other term of the OWL, RDFS or RDF namespace, as a predicate or as a class
# of rdf:type, is refused.
SUPPORTED_PREDICATES = frozenset({
    RDF.type, RDF.first, RDF.rest,
    RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
    RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
    OWL.inverseOf, OWL.propertyChainAxiom, OWL.equivalentClass, OWL.equivalentProperty,
    OWL.versionInfo, OWL.versionIRI, OWL.priorVersion, OWL.backwardCompatibleWith,
    OWL.incompatibleWith, OWL.deprecated, OWL.imports,
})  # fmt: skip
SUPPORTED_TYPES = frozenset({
    OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
    RDF.Property, OWL.Ontology, OWL.NamedIndividual, RDFS.Datatype, OWL.DeprecatedClass,
    OWL.DeprecatedProperty, RDF.List, OWL.Thing,
    OWL.TransitiveProperty, OWL.SymmetricProperty,
})  # fmt: skip
# Terms that only hold a construct together: named only when nothing else is unsupported.
_STRUCTURAL = frozenset({OWL.Restriction, OWL.onProperty, OWL.onClass, OWL.onDataRange})
_POLICED = (str(OWL), str(RDFS), str(RDF))


class UnsupportedAxiom(KgError):
    """The ontology uses an OWL construct that kg.build.fastreason does not implement."""


def unsupported(ontology: Graph) -> dict:
    """The terms of the ontology that kg.build.fastreason does not implement, each with the named
    resources whose axioms use it (a blank node stands for the nearest named one)."""
    found: dict = defaultdict(set)
    for s, p, o in ontology:
        terms = [p] if p not in SUPPORTED_PREDICATES and str(p).startswith(_POLICED) else []
        if p == RDF.type and o not in SUPPORTED_TYPES and str(o).startswith(_POLICED):
            terms.append(o)
        for term in terms:
            found[term].add(_named(ontology, s))
    meaningful = {t for t in found if t not in _STRUCTURAL}
    return {t: found[t] for t in sorted(meaningful or found)}


def _named(graph: Graph, node):
    """`node`, or for a blank node the first named resource found referring to it."""
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        referrers = sorted(graph.subjects(None, node), key=lambda n: (isinstance(n, BNode), n))
        if not referrers:
            break
        node = referrers[0]
    return node


def check_ontology(ontology: Graph, source=None) -> None:
    """Raise `UnsupportedAxiom` when the ontology uses a construct these rules do not cover."""
    found = unsupported(ontology)
    if not found:
        return
    if source is None:
        from kg.build.validate import ONTOLOGY_DIR as source

    def name(node) -> str:
        if isinstance(node, URIRef):
            return ontology.namespace_manager.normalizeUri(node)
        return "a blank node"

    uses = "; ".join(
        f"{name(term)} (on {', '.join(sorted({name(n) for n in where}))})"
        for term, where in found.items()
    )
    raise UnsupportedAxiom(
        source,
        None,
        f"the ontology uses {uses}, which kg.build.fastreason does not implement and would "
        "silently leave out; it implements rdfs:subClassOf, rdfs:subPropertyOf, rdfs:domain, "
        "rdfs:range, "
        "owl:equivalentClass, owl:equivalentProperty, owl:inverseOf, owl:SymmetricProperty, "
        "owl:TransitiveProperty and owl:propertyChainAxiom: reason with owlrl (kg.build.reason) "
        "or remove the axiom",
    )


@dataclass
class Schema:
    """The closed T-box: what each class and property implies."""

    super_classes: dict = field(default_factory=lambda: defaultdict(set))
    super_properties: dict = field(default_factory=lambda: defaultdict(set))
    domains: dict = field(default_factory=lambda: defaultdict(set))
    ranges: dict = field(default_factory=lambda: defaultdict(set))
    inverses: dict = field(default_factory=lambda: defaultdict(set))
    symmetric: set = field(default_factory=set)
    transitive: set = field(default_factory=set)
    chains: list = field(default_factory=list)  # (result property, (p1, p2, ...))
    tbox_inferred: set = field(default_factory=set)  # what owlrl adds to the ontology alone
    ontology: frozenset = frozenset()

    @classmethod
    def from_ontology(cls, ontology: Graph, source=None) -> Schema:
        """The closed schema of `ontology`; `UnsupportedAxiom` (naming `source`, by default
        the ontology folder) when it uses a construct the instance rules do not cover."""
        check_ontology(ontology, source)
        closed = closure([ontology])
        s = cls()
        s.ontology = frozenset(ontology)
        for a, b in closed.subject_objects(RDFS.subClassOf):
            if a != b:
                s.super_classes[a].add(b)
        for a, b in closed.subject_objects(RDFS.subPropertyOf):
            if a != b:
                s.super_properties[a].add(b)
        for p, c in closed.subject_objects(RDFS.domain):
            s.domains[p].add(c)
        for p, c in closed.subject_objects(RDFS.range):
            s.ranges[p].add(c)
        for a, b in closed.subject_objects(OWL.inverseOf):
            s.inverses[a].add(b)
            s.inverses[b].add(a)
        s.symmetric = set(closed.subjects(RDF.type, OWL.SymmetricProperty))
        s.transitive = set(closed.subjects(RDF.type, OWL.TransitiveProperty))
        for p, head in closed.subject_objects(OWL.propertyChainAxiom):
            s.chains.append((p, tuple(Collection(closed, head))))
        s.tbox_inferred = set(closed) - set(ontology)
        return s


@dataclass
class Closure:
    """A closed set of triples (e.g. the reference data's) that documents' triples are added
    to: each document is then closed against it without closing the reference data again."""

    known: set
    by_po: dict  # (p, o) -> subjects, for transitive and chain properties
    by_ps: dict  # (p, s) -> objects


def close(triples: Iterable[tuple], schema: Schema) -> Closure:
    """The closure of `triples`, with the indexes `expand` needs to extend it."""
    closure = Closure(set(), defaultdict(set), defaultdict(set))
    expand(triples, schema, into=closure)
    return closure


class _Union:
    """Two (p, x) -> set indexes read as one, without copying the first."""

    def __init__(self, fixed: dict, local: dict) -> None:
        self.fixed, self.local = fixed, local

    def get(self, key, default=()):
        a, b = self.fixed.get(key), self.local.get(key)
        if a and b:
            return a | b
        return a or b or default


def expand(
    triples: Iterable[tuple],
    schema: Schema,
    start: Closure | None = None,
    into: Closure | None = None,
) -> set:
    """The closure of `triples` under the instance rules: a new set, or, given the closure
    `start` of other triples, only what the union adds to it."""
    target = into or Closure(set(), defaultdict(set), defaultdict(set))
    known, local_po, local_ps = target.known, target.by_po, target.by_ps
    fixed = start.known if start is not None else frozenset()
    by_po = _Union(start.by_po, local_po) if start is not None else local_po
    by_ps = _Union(start.by_ps, local_ps) if start is not None else local_ps
    indexed = schema.transitive | {q for _, chain in schema.chains for q in chain}
    todo = list(triples)
    sc, sp, dom, rng = (
        schema.super_classes,
        schema.super_properties,
        schema.domains,
        schema.ranges,
    )
    inv, symmetric, transitive, chains = (
        schema.inverses,
        schema.symmetric,
        schema.transitive,
        schema.chains,
    )
    while todo:
        t = todo.pop()
        if t in known or t in fixed:
            continue
        known.add(t)
        s, p, o = t
        if p == RDF.type:
            for c in sc.get(o, ()):
                todo.append((s, RDF.type, c))
            continue
        if p in indexed:
            local_ps[(p, s)].add(o)
            local_po[(p, o)].add(s)
        for q in sp.get(p, ()):
            todo.append((s, q, o))
        for c in dom.get(p, ()):
            todo.append((s, RDF.type, c))
        if not isinstance(o, Literal):
            for c in rng.get(p, ()):
                todo.append((o, RDF.type, c))
            for q in inv.get(p, ()):
                todo.append((o, q, s))
            if p in symmetric:
                todo.append((o, p, s))
        else:
            for c in rng.get(p, ()):
                todo.append((o, RDF.type, c))
        if p in transitive:
            for z in list(by_ps.get((p, o), ())):
                todo.append((s, p, z))
            for x in list(by_po.get((p, s), ())):
                todo.append((x, p, o))
        for result, chain in chains:
            if p not in chain:
                continue
            for i, q in enumerate(chain):
                if q != p:
                    continue
                # Walk left from s and right from o along the chain.
                lefts = {s}
                for r in reversed(chain[:i]):
                    lefts = {x for y in lefts for x in by_po.get((r, y), ())}
                rights = {o}
                for r in chain[i + 1 :]:
                    rights = {z for y in rights for z in by_ps.get((r, y), ())}
                for x in lefts:
                    for z in rights:
                        todo.append((x, result, z))
    return known


def keep(triple, base: str) -> bool:
    """kg.build.reason's rule for which inferred triples are informative."""
    s, p, o = triple
    if not isinstance(s, URIRef) or not str(s).startswith(base):
        return False
    if isinstance(o, BNode) or p in UNINFORMATIVE_PREDICATES:
        return False
    return not (p == RDF.type and (o in UNINFORMATIVE_OBJECTS or isinstance(o, Literal)))


def infer(
    asserted: Graph | set,
    context: Iterable[Graph | set],
    base: str,
    schema: Schema,
    already: Graph | set | None = None,
    with_tbox: bool = False,
    start: Closure | None = None,
) -> set:
    """Like `kg.build.reason.infer`, with the ontology given as `schema` instead of a context graph:
    the informative triples the rules add to `asserted` given the `context`, less `already`.
    `with_tbox` adds what owlrl infers from the ontology itself (once, for the reference).
    Given `start`, the closure of the context (`close`), only what `asserted` adds to it is
    computed, in time proportional to the document rather than to the context."""
    base_set = set(asserted)
    for graph in context:
        base_set.update(graph)
    full = expand(base_set, schema, start=start)
    if with_tbox:
        full |= schema.tbox_inferred
    known = base_set | schema.ontology
    skip = set(already) if already is not None else set()
    return {t for t in full if t not in known and t not in skip and keep(t, base)}


def to_graph(triples: Iterable[tuple]) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g
