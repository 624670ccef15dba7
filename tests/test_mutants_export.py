"""Tests that kill the surviving mutants of the export module's sample (`make mutate
MODULES=export SAMPLE=...`, benchmarks/mutation.md): what the VoID description says of the
dumps, the TriG writer, and a publish in parts (its records, the parts linked from the previous
publish, the statistics summed over the parts), each called in the test process."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.errors import KgError
from kg.publish import export
from kg.publish.contents import document_graphs, reference_graphs
from kg.publish.dumps import write_trig
from kg.publish.layout import check_dump
from kg.vocab import VOID

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DATASET = URIRef("https://kg.example.org/id/dataset/kg")
DIST = "https://kg.example.org/dist/"


@pytest.fixture(scope="module")
def void(published_dist):
    return Graph().parse(published_dist / "void.ttl")


def test_each_dump_s_triples_are_its_distinct_triples(published_dist, void):
    lines = (published_dist / "kg.nt").read_bytes().count(b"\n")
    quads = (published_dist / "kg.nq").read_bytes().count(b"\n")
    assert set(void.objects(URIRef(DIST + "kg.nt"), VOID.triples)) == {Literal(lines)}
    assert set(void.objects(URIRef(DIST + "kg.nq"), VOID.triples)) == {Literal(lines)}
    assert set(void.objects(URIRef(DIST + "kg.ttl"), VOID.triples)) == {Literal(lines)}
    assert quads > lines  # a triple stated in two documents' graphs is one triple, two quads


def test_the_dataset_s_title_and_description_are_in_english(void):
    assert set(void.objects(DATASET, DCTERMS.title)) == {
        Literal("kg: counter-trafficking press releases", lang="en")
    }
    (description,) = void.objects(DATASET, DCTERMS.description)
    assert description.language == "en"
    assert str(description).startswith("Organizations, agreements, campaigns, places, people")


def test_each_class_partition_names_its_class(void, published_dist):
    partitions = set(void.objects(DATASET, VOID.classPartition))
    assert len(partitions) > 20
    classes = {}
    for partition in partitions:
        (cls,) = void.objects(partition, VOID["class"])
        (count,) = void.objects(partition, VOID.entities)
        classes[cls] = count.toPython()
    asserted = Graph().parse(published_dist / "kg.nt")
    for cls in (
        URIRef("https://schema.org/NewsArticle"),
        URIRef("http://purl.org/linked-data/cube#Observation"),
    ):
        assert classes[cls] == len(set(asserted.subjects(RDF.type, cls)))


def test_trig_holds_each_named_graph_s_triples(built, published_dist, tmp_path):
    graphs = reference_graphs(built) + document_graphs(built, sorted(built.documents))
    write_trig(graphs, tmp_path / "kg.trig")
    trig = set(ox.parse(path=str(tmp_path / "kg.trig"), format=ox.RdfFormat.TRIG))
    nq = set(ox.parse(path=str(published_dist / "kg.nq"), format=ox.RdfFormat.N_QUADS))
    assert trig == nq
    assert len({quad.graph_name for quad in trig}) == len(graphs)


def test_a_publish_says_what_it_does(built, tmp_path):
    said = []
    export.write(built, tmp_path / "dist", DATA, said.append)
    assert "sorting triples and quads (kg.nq, kg.nt)" in said


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in ("void.ttl", "SHA256SUMS", "search.sqlite")
    }


def void_figures(graph: Graph) -> set:
    """The VoID's figures and partitions: (subject, predicate, object) of void: terms."""
    return {
        (str(s), str(p), str(o))
        for s, p, o in graph
        if str(p).startswith(str(VOID)) and p != VOID.dataDump
    }


def test_a_publish_in_parts_links_the_parts_it_need_not_write(built, published_dist, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    said = []
    counts = export.write(built, out, DATA, said.append, part_size=1, cache_dir=cache)
    parts = ["reference"] + [f"documents-{n:03d}" for n in range(5)]  # in the order written
    assert sorted(p.name for p in (out / "parts").iterdir()) == sorted(parts)
    assert [s for s in said if s.startswith("part 1 of ")][0].startswith(
        f"part 1 of {len(parts)} ({parts[0]}): "
    )
    first = files(out)
    inodes = {p: (out / p).stat().st_ino for p in first if p.startswith("parts/")}
    records = sorted(p.name for p in (cache / "parts").iterdir())
    assert len(records) == len(parts)
    written = void_figures(Graph().parse(out / "void.ttl"))
    assert len(written) > 90

    said.clear()
    # the triples of each file, summed over the parts, as `kg publish` reports them
    assert export.write(built, out, DATA, said.append, part_size=1, cache_dir=cache) == counts
    assert counts["kg-inferred.ttl"] > 0
    assert files(out) == first
    assert {p: (out / p).stat().st_ino for p in inodes} == inodes  # every part linked
    assert [s for s in said if s.endswith("unchanged, linked")] == [
        f"part {n} of {len(parts)} ({name}): unchanged, linked"
        for n, name in enumerate(parts, start=1)
    ]
    assert sorted(p.name for p in (cache / "parts").iterdir()) == records

    # the statistics of the parts linked, read back from their records, are those of the parts
    # written: the VoID says the same of each part and of the whole
    assert void_figures(Graph().parse(out / "void.ttl")) == written
    whole = Graph().parse(published_dist / "void.ttl")
    for predicate in (VOID.classes, VOID.properties):
        assert set(whole.objects(DATASET, predicate)) == set(
            Graph().parse(out / "void.ttl").objects(DATASET, predicate)
        )

    # a part's file that is gone is named when the dumps are read
    missing = out / "parts" / parts[0] / "kg.nt"
    missing.chmod(0o644)
    missing.unlink()
    with pytest.raises(KgError) as caught:
        check_dump(out, "kg.nt", "no kg.nt")
    assert str(caught.value) == f"{missing}: missing: a part of the dumps lacks it; publish again"


def test_the_parts_are_cut_where_the_ids_say():
    ids = [f"{n:03d}" for n in range(40)]
    parts = export.partition(ids, 4)
    assert [d for part in parts for d in part] == ids
    for part in parts[1:]:
        digest = hashlib.sha256(part[0].encode()).digest()[:8]
        assert int.from_bytes(digest, "big") % 4 == 0  # a part starts at a cut


def test_the_inferred_dump_holds_what_reasoning_adds_to_the_reference_data(published_dist):
    inferred = Graph().parse(published_dist / "kg-inferred.ttl")
    org = "http://www.w3.org/ns/org#transitiveSubOrganizationOf"
    iom = "https://kg.example.org/id/organization/"
    assert (URIRef(iom + "iom-mexico"), URIRef(org), URIRef(iom + "iom")) in inferred


def test_a_publish_written_in_the_test_describes_its_dumps_title_and_classes(built, tmp_path):
    """The VoID of a publish written here, in the test's own body: mutmut maps a test to the
    functions it calls, and the publish of the `published_dist` fixture is mapped to the first
    test that used it only, so the tests above never ran against the mutants of `describe`
    and `_write_the_rest` (tenth run)."""
    out = tmp_path / "dist"
    export.write(built, out, DATA)
    void = Graph().parse(out / "void.ttl")
    assert set(void.objects(DATASET, DCTERMS.title)) == {
        Literal("kg: counter-trafficking press releases", lang="en")
    }
    (description,) = void.objects(DATASET, DCTERMS.description)
    assert description.language == "en"
    lines = (out / "kg.nt").read_bytes().count(b"\n")
    for dump in ("kg.nt", "kg.nq", "kg.ttl"):
        assert set(void.objects(URIRef(DIST + dump), VOID.triples)) == {Literal(lines)}
    asserted = Graph().parse(out / "kg.nt")
    classes = {}
    for partition in void.objects(DATASET, VOID.classPartition):
        (cls,) = void.objects(partition, VOID["class"])
        (count,) = void.objects(partition, VOID.entities)
        classes[cls] = count.toPython()
    article = URIRef("https://schema.org/NewsArticle")
    assert classes[article] == len(set(asserted.subjects(RDF.type, article))) > 0
