"""The fast reasoner against owlrl, the reference, on the seed corpus: the reference data's
closure, and each document closed both ways the reasoner offers (against the reference data's
closure, as the pipeline runs it, and with the reference graph beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.build import fastreason, ingest, model, reason, validate
from kg.build.run import document_files
from kg.errors import KgError
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"
KG = Namespace("https://kg.example.org/def/kg#")


@dataclass
class Seed:
    base: str
    reference_graph: Graph
    schema: fastreason.Schema
    owl_reference: set  # owlrl's inferences from the reference data and the ontology
    documents: list[tuple[str, Graph, set]]  # id, asserted graph, owlrl's inferences


@pytest.fixture(scope="module")
def seed() -> Seed:
    """The seed corpus modelled, and owlrl's inferences for it: computed once, owlrl is slow."""
    m = Minter()
    ref = model.load_reference(DATA, m)
    reference_graph = model.model_reference(ref)
    ontology = validate.load_ontology()
    owl_reference = set(reason.infer(reference_graph, [ontology], m.base))
    documents = []
    for path in document_files(DATA):
        source = ingest.read_source(DATA / "sources" / str(ref.manifest[path.stem]["file"]))
        graph = model.model_document(path, source, ref)
        expected = reason.infer(graph, [ontology, reference_graph], m.base, already=owl_reference)
        documents.append((path.stem, graph, set(expected)))
    schema = fastreason.Schema.from_ontology(ontology)
    return Seed(m.base, reference_graph, schema, owl_reference, documents)


def test_the_reference_closure_equals_owlrl(seed):
    got = fastreason.infer(seed.reference_graph, [], seed.base, seed.schema, with_tbox=True)
    assert got == seed.owl_reference


def test_documents_closed_against_the_reference_closure_equal_owlrl(seed):
    start = fastreason.close(seed.reference_graph, seed.schema)
    assert set(seed.reference_graph) <= start.known
    for doc_id, graph, expected in seed.documents:
        got = fastreason.infer(
            graph, [], seed.base, seed.schema, already=seed.owl_reference, start=start
        )
        assert got == expected, doc_id
        assert got, doc_id  # something is inferred for every document


def test_documents_reasoned_with_the_reference_graph_equal_owlrl(seed):
    for doc_id, graph, expected in seed.documents:
        got = fastreason.infer(
            graph, [seed.reference_graph], seed.base, seed.schema, already=seed.owl_reference
        )
        assert got == expected, doc_id


def test_the_closure_of_a_document_leaves_the_reference_closure_unchanged(seed):
    start = fastreason.close(seed.reference_graph, seed.schema)
    before = (len(start.known), sum(len(v) for v in start.by_po.values()))
    _, graph, _ = seed.documents[0]
    fastreason.infer(graph, [], seed.base, seed.schema, start=start)
    assert (len(start.known), sum(len(v) for v in start.by_po.values())) == before


# --------------------------------------------------------------------------------------------
# What the fast reasoner does not implement, it refuses
# --------------------------------------------------------------------------------------------

ONTOLOGY_PREFIXES = """
@prefix kg: <https://kg.example.org/def/kg#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix concept: <https://kg.example.org/id/concept/> .
"""
RADIO = URIRef("https://kg.example.org/id/concept/media/radio")
HAS_VALUE = """kg:Campaign rdfs:subClassOf [ a owl:Restriction ;
    owl:onProperty kg:medium ; owl:hasValue concept:media\\/radio ] ."""
# One axiom for each construct the fast reasoner leaves to owlrl, and the term named for it.
UNSUPPORTED = {
    "hasValue": (HAS_VALUE, "owl:hasValue"),
    "someValuesFrom": (
        """kg:Funder owl:equivalentClass [ a owl:Restriction ;
            owl:onProperty kg:funder ; owl:someValuesFrom kg:Funding ] .""",
        "owl:someValuesFrom",
    ),
    "allValuesFrom": (
        """kg:Campaign rdfs:subClassOf [ a owl:Restriction ;
            owl:onProperty kg:medium ; owl:allValuesFrom kg:Medium ] .""",
        "owl:allValuesFrom",
    ),
    "maxCardinality": (
        """kg:Campaign rdfs:subClassOf [ a owl:Restriction ;
            owl:onProperty kg:status ; owl:maxCardinality 1 ] .""",
        "owl:maxCardinality",
    ),
    "unionOf": (
        "kg:Party owl:equivalentClass [ owl:unionOf ( schema:Person schema:Organization ) ] .",
        "owl:unionOf",
    ),
    "intersectionOf": (
        "kg:LawCampaign owl:equivalentClass [ owl:intersectionOf ( kg:Campaign kg:Law ) ] .",
        "owl:intersectionOf",
    ),
    "oneOf": (
        "kg:Status owl:equivalentClass [ owl:oneOf ( concept:planned concept:ongoing ) ] .",
        "owl:oneOf",
    ),
    "functional": ("kg:status a owl:FunctionalProperty .", "owl:FunctionalProperty"),
    "inverseFunctional": (
        "kg:acronym a owl:InverseFunctionalProperty .",
        "owl:InverseFunctionalProperty",
    ),
    "hasKey": ("kg:Country owl:hasKey ( kg:acronym ) .", "owl:hasKey"),
    "sameAs": ("kg:Country owl:sameAs schema:Country .", "owl:sameAs"),
    "disjointWith": ("kg:Campaign owl:disjointWith kg:Project .", "owl:disjointWith"),
}


def ontology_with(turtle: str) -> Graph:
    """A copy of kg's ontology with `turtle` added (the ontology itself is left unchanged)."""
    graph = Graph()
    for prefix, namespace in validate.load_ontology().namespaces():
        graph.bind(prefix, namespace)
    for triple in validate.load_ontology():
        graph.add(triple)
    graph.parse(data=ONTOLOGY_PREFIXES + turtle, format="turtle")
    return graph


def test_an_owl_has_value_restriction_has_consequences_owlrl_draws():
    # Why the fast reasoner must refuse it: owlrl infers the campaign's medium from its class.
    campaign = URIRef("https://kg.example.org/id/campaign/c")
    data = Graph()
    data.add((campaign, RDF.type, KG.Campaign))
    inferred = reason.infer(data, [ontology_with(HAS_VALUE)], "https://kg.example.org/id/")
    assert (campaign, KG.medium, RADIO) in inferred


@pytest.mark.parametrize("axiom, term", UNSUPPORTED.values(), ids=UNSUPPORTED.keys())
def test_the_fast_reasoner_refuses_an_ontology_construct_it_does_not_implement(axiom, term):
    with pytest.raises(fastreason.UnsupportedAxiom) as caught:
        fastreason.Schema.from_ontology(ontology_with(axiom))
    message = str(caught.value)
    assert isinstance(caught.value, KgError)
    assert f"uses {term} (on kg:" in message, message
    assert "owlrl" in message
    # the construct is named, not the parts that only hold it together
    assert "owl:onProperty" not in message and "owl:Restriction" not in message


def test_the_refusal_names_the_class_that_carries_the_restriction():
    with pytest.raises(fastreason.UnsupportedAxiom, match=r"owl:hasValue \(on kg:Campaign\)"):
        fastreason.Schema.from_ontology(ontology_with(HAS_VALUE))


def test_kg_s_own_ontology_is_accepted():
    assert fastreason.unsupported(validate.load_ontology()) == {}


def test_equivalent_classes_and_properties_are_reasoned_as_owlrl_does():
    # Supported through the closed schema: both directions of each equivalence.
    ontology = ontology_with(
        """kg:Campaign owl:equivalentClass kg:InformationCampaign .
        kg:medium owl:equivalentProperty kg:channel ."""
    )
    base = "https://kg.example.org/id/"
    a, b = URIRef(base + "campaign/a"), URIRef(base + "campaign/b")
    data = Graph()
    data.add((a, RDF.type, KG.InformationCampaign))
    data.add((b, KG.channel, RADIO))
    expected = set(reason.infer(data, [ontology], base))
    got = fastreason.infer(data, [], base, fastreason.Schema.from_ontology(ontology))
    assert got == expected
    assert {(a, RDF.type, KG.Campaign), (b, KG.medium, RADIO)} <= got
