"""The VoID and DCAT description of a publish (dist/void.ttl): endpoint, dates, publisher as
an agent, the data's version and the one before it, DCAT 3 checksums, and triples counted as
triples (the quads of kg.trig and kg.nq apart)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, OWL, RDF

from kg.publish import export

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BASE = "https://kg.example.org/"
DATASET = URIRef(f"{BASE}id/dataset/kg")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("https://schema.org/")
KG = Namespace("https://kg.example.org/def/kg#")


def void_of(dist: Path) -> Graph:
    return Graph().parse(dist / "void.ttl")


def lines(path: Path) -> int:
    return len(path.read_bytes().splitlines())


@pytest.fixture(autouse=True)
def no_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_each_dump_has_a_dcat_3_checksum(published_dist):
    void = void_of(published_dist)
    dumps = list(void.objects(DATASET, DCAT.distribution))
    assert len(dumps) == 6
    for dump in dumps:
        path = published_dist / str(dump).removeprefix(f"{BASE}dist/")
        (checksum,) = void.objects(dump, SPDX.checksum)
        assert (checksum, RDF.type, SPDX.Checksum) in void
        assert (checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256) in void
        value = void.value(checksum, SPDX.checksumValue)
        assert value.datatype == ns.XSD.hexBinary
        assert str(value) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert not list(void.triples((None, SCHEMA.sha256, None)))


def test_triples_are_counted_as_triples_and_quads_apart(published_dist):
    void = void_of(published_dist)
    triples = lines(published_dist / "kg.nt")
    quads = lines(published_dist / "kg.nq")
    assert quads > triples  # triples that several documents state
    for name in ("kg.ttl", "kg.nt", "kg.jsonld", "kg.trig", "kg.nq"):
        dump = URIRef(f"{BASE}dist/{name}")
        assert int(void.value(dump, VOID.triples)) == triples, name
    for name in ("kg.trig", "kg.nq"):
        assert int(void.value(URIRef(f"{BASE}dist/{name}"), KG.quads)) == quads
    for name in ("kg.ttl", "kg.nt", "kg.jsonld", "kg-inferred.ttl"):
        assert void.value(URIRef(f"{BASE}dist/{name}"), KG.quads) is None
    assert int(void.value(DATASET, VOID.triples)) == triples
    # The named graphs (subsets) hold the quads.
    subsets = [s for s in void.objects(DATASET, VOID.subset) if "/graph/" in str(s)]
    assert sum(int(void.value(s, VOID.triples)) for s in subsets) == quads


def test_endpoint_publisher_and_version(published_dist):
    void = void_of(published_dist)
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef(f"{BASE}sparql")
    publisher = void.value(DATASET, DCTERMS.publisher)
    assert isinstance(publisher, URIRef)
    assert (publisher, RDF.type, FOAF.Agent) in void
    assert (publisher, RDF.type, SCHEMA.Organization) in void
    assert void.value(publisher, FOAF.name) == Literal("kg contributors")
    # The data's version, from the dumps' checksums; not kg's own version.
    sums = dict(
        reversed(line.split("  ", 1))
        for line in (published_dist / "SHA256SUMS").read_text().splitlines()
    )
    dumps = [export.DumpFile(n, n, 0, sums[n], 0) for n in export.DUMPS]
    assert str(void.value(DATASET, DCAT.version)) == export.data_version(dumps)
    assert void.value(DATASET, OWL.versionInfo) is None
    assert void.value(DATASET, DCTERMS.hasVersion) is None
    # The seed manifest records no retrieval dates, and nothing else gives one.
    assert void.value(DATASET, DCTERMS.issued) is None
    assert void.value(DATASET, DCAT.previousVersion) is None


def test_the_description_is_configurable(built, tmp_path):
    out = tmp_path / "dist"
    export.write(
        built,
        out,
        DATA,
        description=export.Description(
            issued=dt.date(2024, 5, 1),
            publisher="Example Observatory",
            publisher_url="https://observatory.example.org/",
            endpoint="https://query.example.org/sparql",
            version="2024.1",
        ),
    )
    void = void_of(out)
    date = Literal("2024-05-01", datatype=ns.XSD.date)
    assert void.value(DATASET, DCTERMS.issued) == date
    assert void.value(DATASET, DCTERMS.modified) == date
    assert str(void.value(DATASET, DCAT.version)) == "2024.1"
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef("https://query.example.org/sparql")
    publisher = void.value(DATASET, DCTERMS.publisher)
    assert void.value(publisher, SCHEMA.name) == Literal("Example Observatory")
    assert void.value(publisher, FOAF.homepage) == URIRef("https://observatory.example.org/")


def test_source_date_epoch_gives_the_date(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714600000")  # 2024-05-01T21:46:40Z
    export.write(built, tmp_path / "dist", DATA)
    date = Literal("2024-05-01", datatype=ns.XSD.date)
    assert void_of(tmp_path / "dist").value(DATASET, DCTERMS.modified) == date


def test_the_newest_retrieval_date_is_the_default():
    manifest = {
        "000": {"retrieved": "2024-03-02"},
        "001": {"retrieved": "2024-11-30"},
        "002": {},
        "003": {"retrieved": "not a date"},
    }
    build = SimpleNamespace(reference=SimpleNamespace(manifest=manifest))
    assert export.newest_retrieval(build) == dt.date(2024, 11, 30)
    assert export.newest_retrieval(SimpleNamespace(reference=SimpleNamespace(manifest={}))) is None


def test_a_new_version_points_to_the_previous_one(built, tmp_path):
    out = tmp_path / "dist"

    def publish(version: str, day: int) -> bytes:
        description = export.Description(issued=dt.date(2024, 1, day), version=version)
        export.write(built, out, DATA, description=description)
        return (out / "void.ttl").read_bytes()

    first = publish("1", 1)
    assert void_of(out).value(DATASET, DCAT.previousVersion) is None
    publish("2", 2)
    void = void_of(out)
    before = void.value(DATASET, DCAT.previousVersion)
    assert before == URIRef(f"{DATASET}/version/1")
    assert str(void.value(before, DCAT.version)) == "1"
    assert void.value(before, DCTERMS.modified) == Literal("2024-01-01", datatype=ns.XSD.date)
    # First issued with version 1, modified with version 2.
    assert void.value(DATASET, DCTERMS.issued) == Literal("2024-01-01", datatype=ns.XSD.date)
    assert void.value(DATASET, DCTERMS.modified) == Literal("2024-01-02", datatype=ns.XSD.date)
    # The same data again, even on another day: the same description, byte for byte.
    second = (out / "void.ttl").read_bytes()
    assert publish("2", 9) == second != first
    # A third version: its predecessor is the second, and only that one is named.
    publish("3", 3)
    void = void_of(out)
    assert void.value(DATASET, DCAT.previousVersion) == URIRef(f"{DATASET}/version/2")
    assert len(list(void.objects(None, DCAT.version))) == 2


def test_the_same_inputs_give_the_same_files(built, tmp_path):
    export.write(built, tmp_path / "a", DATA)
    export.write(built, tmp_path / "b", DATA)
    export.write(built, tmp_path / "a", DATA)  # over its own previous publish
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    for name in files:
        if (tmp_path / "a" / name).is_file():
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_kg_publish_takes_the_description_s_options(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "dist"
    command = [sys.executable, "-m", "kg.cli", "publish", "--data", str(DATA), "--out", str(out)]
    command += ["--no-cache", "--issued", "2024-02-03", "--publisher", "Example Observatory"]
    command += ["--sparql-endpoint", "https://query.example.org/sparql", "--data-version", "7"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    void = void_of(out)
    assert void.value(DATASET, DCTERMS.issued) == Literal("2024-02-03", datatype=ns.XSD.date)
    publisher = void.value(DATASET, DCTERMS.publisher)
    assert void.value(publisher, FOAF.name) == Literal("Example Observatory")
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef("https://query.example.org/sparql")
    assert str(void.value(DATASET, DCAT.version)) == "7"
    bad = subprocess.run([*command, "--issued", "May 2024"], capture_output=True, text=True)
    assert bad.returncode == 2 and "not a date YYYY-MM-DD" in bad.stderr


def test_turtle_text_is_sorted_prefixed_and_falls_back_on_an_iri_pyoxigraph_refuses():
    """void.ttl and the SHACL report are written by pyoxigraph from sorted N-Triples: the
    same graph gives the same bytes whatever the order of its triples, with the prefixes it
    binds and uses; a graph with an IRI RFC 3987 refuses (rdflib lets `%zz` through) is
    written by rdflib's serializer instead of failing the publish."""
    ex = Namespace("http://example.org/")
    triples = [(ex[f"s{i}"], ex.p, Literal(i)) for i in range(20)]
    one, two = Graph(), Graph()
    for triple in triples:
        one.add(triple)
    for triple in reversed(triples):
        two.add(triple)
    for graph in (one, two):
        graph.bind("ex", ex)
        graph.bind("unused", Namespace("http://unused.example.org/"))
    text = export.turtle_text(one)
    assert text == export.turtle_text(two)
    assert "@prefix ex: <http://example.org/> ." in text and "unused" not in text
    # in the byte order of the N-Triples lines: `<...s10>` before `<...s1>`
    assert text.index("ex:s0 ") < text.index("ex:s10 ") < text.index("ex:s1 ")
    assert set(Graph().parse(data=text, format="turtle")) == set(triples)
    odd = Graph()
    odd.add((URIRef("http://example.org/a%zz"), ex.p, Literal("x")))
    assert export.turtle_text(odd) == odd.serialize(format="turtle")
    # triples given beside the graph (void.ttl's documents') are written in both ways, and
    # the graph itself is left as it was
    more = [ox.Triple(ox.NamedNode(ex.s99), ox.NamedNode(ex.p), ox.Literal("m", language="en"))]
    extra = (ex.s99, ex.p, Literal("m", lang="en"))
    assert set(Graph().parse(data=export.turtle_text(one, more), format="turtle")) == {
        *triples,
        extra,
    }
    assert extra in set(Graph().parse(data=export.turtle_text(odd, more), format="turtle"))
    assert len(one) == 20 and len(odd) == 1
