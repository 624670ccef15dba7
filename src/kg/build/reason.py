"""Reason stage: OWL 2 RL entailments of the asserted graph, kept apart from it.

owlrl computes the OWL 2 RL closure (https://www.w3.org/TR/owl2-profiles/#OWL_2_RL) of the
ontology, the reference data and one document. Of the closure, kg keeps the triples about its
own resources that are new and informative: not the asserted ones, not the axiomatic
vocabulary triples, not `x owl:sameAs x` or `x a owl:Thing`. So a question about Mexico finds
what is placed in Tapachula (kg:containedInPlace is transitive), an acronym is also a
skos:altLabel, and a kg:Campaign is also a prov:Activity.
"""

from __future__ import annotations

from collections.abc import Iterable

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

# Classes and properties so general that stating them adds nothing for a user.
UNINFORMATIVE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
UNINFORMATIVE_PREDICATES = {OWL.sameAs, OWL.differentFrom}


def closure(graphs: Iterable[Graph]) -> Graph:
    """The OWL 2 RL closure of the union of the graphs (a new graph; inputs unchanged)."""
    union = Graph()
    for graph in graphs:
        for triple in graph:
            union.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(union)
    return union


def infer(
    asserted: Graph, context: Iterable[Graph], base: str, already: Graph | None = None
) -> Graph:
    """The informative triples that OWL 2 RL adds to `asserted`, given the `context`
    (ontology, reference data).

    Only triples whose subject is one of our resources (IRIs under `base`) are kept;
    triples in `already` (e.g. what the reference data alone entails) are left out, so each
    inferred triple is published once.
    """
    context = list(context)
    full = closure([asserted, *context])
    known = set()
    for graph in (asserted, *context):
        known.update(graph)
    inferred = Graph()
    for s, p, o in full:
        if (s, p, o) in known or (already is not None and (s, p, o) in already):
            continue
        if not isinstance(s, URIRef) or not str(s).startswith(base):
            continue
        if isinstance(o, BNode) or p in UNINFORMATIVE_PREDICATES:
            continue
        if p == RDF.type and (o in UNINFORMATIVE_OBJECTS or isinstance(o, Literal)):
            continue
        inferred.add((s, p, o))
    return inferred
