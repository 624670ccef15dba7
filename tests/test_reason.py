"""The fast reasoner's incremental path (a document closed against the reference data's
closure, as the pipeline runs it) against owlrl, the reference, on the seed corpus."""

from __future__ import annotations

from pathlib import Path

from kg import fastreason, ingest, model, reason, validate
from kg.publish import document_files
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


def test_documents_closed_against_the_reference_closure_equal_owlrl():
    m = Minter()
    ref = model.load_reference(DATA, m)
    reference_graph = model.model_reference(ref)
    ontology = validate.load_ontology()
    schema = fastreason.Schema.from_ontology(ontology)
    owl_reference = set(reason.infer(reference_graph, [ontology], m.base))
    start = fastreason.close(reference_graph, schema)
    assert set(reference_graph) <= start.known
    for path in document_files(DATA):
        entry = ref.manifest[path.stem]
        source = ingest.read_source(DATA / "sources" / str(entry["file"]))
        graph = model.model_document(path, source, ref)
        expected = set(
            reason.infer(graph, [ontology, reference_graph], m.base, already=owl_reference)
        )
        got = fastreason.infer(graph, [], m.base, schema, already=owl_reference, start=start)
        assert got == expected, path.stem
        assert got, path.stem  # something is inferred for every document


def test_the_closure_of_a_document_leaves_the_reference_closure_unchanged():
    m = Minter()
    ref = model.load_reference(DATA, m)
    reference_graph = model.model_reference(ref)
    schema = fastreason.Schema.from_ontology(validate.load_ontology())
    start = fastreason.close(reference_graph, schema)
    before = (len(start.known), sum(len(v) for v in start.by_po.values()))
    path = document_files(DATA)[0]
    source = ingest.read_source(DATA / "sources" / str(ref.manifest[path.stem]["file"]))
    fastreason.infer(model.model_document(path, source, ref), [], m.base, schema, start=start)
    assert (len(start.known), sum(len(v) for v in start.by_po.values())) == before
