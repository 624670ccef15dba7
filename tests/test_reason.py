"""The fast reasoner against owlrl, the reference, on the seed corpus: the reference data's
closure, and each document closed both ways the reasoner offers (against the reference data's
closure, as the pipeline runs it, and with the reference graph beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

from kg import fastreason, ingest, model, reason, validate
from kg.publish import document_files
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


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
