"""`kg publish` and `kg validate`: the artifacts, their integrity, reproducibility, bad input."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.cli import main
from kg.vocab import VOID

ROOT = Path(__file__).resolve().parents[1]
DUMPS = {
    "kg.ttl": pyoxigraph.RdfFormat.TURTLE,
    "kg-inferred.ttl": pyoxigraph.RdfFormat.TURTLE,
    "kg.trig": pyoxigraph.RdfFormat.TRIG,
    "kg.nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "kg.nq": pyoxigraph.RdfFormat.N_QUADS,
    "kg.jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "void.ttl": pyoxigraph.RdfFormat.TURTLE,
    "shacl-report.ttl": pyoxigraph.RdfFormat.TURTLE,
}


def count(path: Path, fmt) -> int:
    return sum(1 for _ in pyoxigraph.parse(path=str(path), format=fmt))


def test_every_dump_parses_in_an_independent_parser(published_dist):
    counts = {name: count(published_dist / name, fmt) for name, fmt in DUMPS.items()}
    assert counts["kg.ttl"] == counts["kg.nt"] == counts["kg.jsonld"]
    assert counts["kg.trig"] == counts["kg.nq"] >= counts["kg.ttl"]
    assert counts["kg-inferred.ttl"] > 0


def triples_of(path: Path, fmt) -> set:
    return {
        (q.subject, q.predicate, q.object) for q in pyoxigraph.parse(path=str(path), format=fmt)
    }


def quads_of(path: Path, fmt) -> set:
    return {
        (q.subject, q.predicate, q.object, q.graph_name)
        for q in pyoxigraph.parse(path=str(path), format=fmt)
    }


def test_dumps_hold_the_same_graph(published_dist):
    """Turtle, N-Triples and JSON-LD give the same triples; TriG and N-Quads the same quads,
    whose triples are those (long literals included)."""
    fmt = pyoxigraph.RdfFormat
    triples = triples_of(published_dist / "kg.nt", fmt.N_TRIPLES)
    assert triples_of(published_dist / "kg.ttl", fmt.TURTLE) == triples
    assert triples_of(published_dist / "kg.jsonld", fmt.JSON_LD) == triples
    quads = quads_of(published_dist / "kg.nq", fmt.N_QUADS)
    assert quads_of(published_dist / "kg.trig", fmt.TRIG) == quads
    assert {q[:3] for q in quads} == triples


def test_line_dumps_are_sorted_and_unique(published_dist):
    for name in ("kg.nt", "kg.nq"):
        lines = (published_dist / name).read_bytes().splitlines(keepends=True)
        assert lines == sorted(set(lines)), name


def test_build_keeps_documents_packed_and_gives_graphs_on_demand(built, published_dist):
    from kg.ntriples import Packed

    graph_of_000 = b" <https://kg.example.org/graph/document/000> .\n"
    lines = [
        line[: -len(graph_of_000)] + b" .\n"
        for line in (published_dist / "kg.nq").read_bytes().splitlines(keepends=True)
        if line.endswith(graph_of_000)
    ]
    assert isinstance(built.documents.packed["000"], Packed)
    assert built.documents.ntriples("000") == b"".join(lines)
    graph = built.documents["000"]
    assert len(graph) == built.documents.size("000") == len(lines)
    assert graph is not built.documents["000"]  # parsed anew, not kept


def test_jsonld_values_are_lossless(tmp_path):
    """Native JSON numbers and booleans only where they give back the same literal."""
    from types import SimpleNamespace

    from kg.publish.export import Statistics, write_jsonld
    from kg.vocab import Minter

    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        f'"12"^^<{xsd}integer>',
        f'"012"^^<{xsd}integer>',
        f'"123456789012345678901234"^^<{xsd}integer>',
        f'"true"^^<{xsd}boolean>',
        f'"1"^^<{xsd}boolean>',
        f'"1.5"^^<{xsd}double>',
        f'"1.50"^^<{xsd}decimal>',
        '"a \\"quote\\"\\nand a line"',
        f'"typed"^^<{xsd}string>',
        '"es"@es',
        "<https://schema.org/Place>",
        "<https://kg.example.org/id/place/mexico>",
    ]
    thing = "https://kg.example.org/id/thing/"
    lines = [f"<{thing}{i}> <https://schema.org/value> {o} .\n" for i, o in enumerate(objects)]
    lines.append(f"<{thing}0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{thing}T> .\n")
    nt = tmp_path / "in.nt"
    nt.write_bytes(b"".join(sorted(line.encode() for line in lines)))
    stats = Statistics()
    write_jsonld(nt, tmp_path / "out.jsonld", SimpleNamespace(minter=Minter(), documents={}), stats)
    fmt = pyoxigraph.RdfFormat
    assert triples_of(tmp_path / "out.jsonld", fmt.JSON_LD) == triples_of(nt, fmt.N_TRIPLES)
    assert (stats.triples, stats.subjects, stats.entities) == (len(lines), len(objects), 12)
    assert dict(stats.classes) == {f"{thing}T": 1}


def test_trig_has_one_graph_per_document_and_one_for_reference(published_dist):
    graphs = {
        quad.graph_name.value
        for quad in pyoxigraph.parse(
            path=str(published_dist / "kg.trig"), format=pyoxigraph.RdfFormat.TRIG
        )
    }
    base = "https://kg.example.org/graph/"
    assert graphs == {base + "reference"} | {f"{base}document/00{i}" for i in range(5)}


def test_a_forked_target_gives_its_value_or_its_error():
    """The search index's second process gives back the index's SHA-256 (`forked`)."""
    from kg.publish.dumps import forked

    with forked(lambda: os.getpid()) as done:
        pass
    assert isinstance(done.value, int) and done.value != os.getpid()
    with pytest.raises(ValueError, match="invalid literal"), forked(lambda: int("x")):
        pass


def test_checksums_cover_every_file(published_dist):
    listed = {}
    for line in (published_dist / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {
        p.relative_to(published_dist).as_posix()
        for p in published_dist.rglob("*")
        if p.is_file() and p.name != "SHA256SUMS"
    }
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((published_dist / name).read_bytes()).hexdigest() == digest
    assert {"ontology/kg.ttl", "sources/000_c36a1ea09023f409.txt"} <= files
    assert any(name.startswith("shapes/") for name in files)


def test_void_describes_the_dump(published_dist):
    void = Graph().parse(published_dist / "void.ttl")
    dataset = URIRef("https://kg.example.org/id/dataset/kg")
    assert (dataset, RDF.type, VOID.Dataset) in void
    triples = void.value(dataset, VOID.triples).toPython()
    assert triples == count(published_dist / "kg.ttl", pyoxigraph.RdfFormat.TURTLE)
    assert len(list(void.objects(dataset, VOID.classPartition))) > 20
    assert len(list(void.objects(dataset, URIRef("http://purl.org/dc/terms/source")))) == 5


def test_published_graph_conforms(built, published_dist):
    assert built.validation.conforms, "\n".join(map(str, built.validation.violations))
    # No violation, so the build conforms; the published report says sh:conforms false, as
    # SHACL defines it, because it holds results: the two warnings about Congo.
    report = Graph().parse(published_dist / "shacl-report.ttl")
    shacl = "http://www.w3.org/ns/shacl#"
    (conforms,) = report.objects(None, URIRef(shacl + "conforms"))
    assert conforms.toPython() is False
    severities = set(report.objects(None, URIRef(shacl + "resultSeverity")))
    assert severities == {URIRef(shacl + "Warning")}
    assert len(list(report.objects(None, URIRef(shacl + "result")))) == 2


def test_a_failed_sort_is_one_line_and_leaves_the_output(built, tmp_path, monkeypatch):
    from kg import sorting
    from kg.errors import KgError
    from kg.publish import export

    out = tmp_path / "dist"
    out.mkdir()
    (out / "previous.txt").write_text("an earlier publish")
    monkeypatch.setattr(sorting, "SORT_MEMORY", "no-such-size")
    with pytest.raises(KgError, match="sort failed") as failure:
        export.write(built, out, ROOT / "data")
    assert len(str(failure.value).splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == ["previous.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dist")]


def test_an_error_in_the_serializing_process_reaches_the_publish(built, tmp_path, monkeypatch):
    from kg.errors import KgError
    from kg.publish import dumps, export

    def fail(build, target):
        raise KgError(target, None, "cannot write TriG")

    monkeypatch.setattr(dumps, "write_trig", fail)
    with pytest.raises(KgError, match="cannot write TriG"):
        export.write(built, tmp_path / "dist", ROOT / "data")
    assert not list(tmp_path.iterdir())


def run_kg(*args, env=None, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_publish_is_byte_for_byte_reproducible(published_dist, tmp_path):
    """A second publish in another process (another hash seed) writes identical files."""
    out = tmp_path / "again"
    result = run_kg("publish", "--out", str(out), env={"PYTHONHASHSEED": "12345"})
    assert result.returncode == 0, result.stderr
    first = (published_dist / "SHA256SUMS").read_text()
    assert (out / "SHA256SUMS").read_text() == first
    for line in first.splitlines():
        name = line.split("  ", 1)[1]
        assert (out / name).read_bytes() == (published_dist / name).read_bytes(), name


# -- bad input -------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def replace_in(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    before = text[: text.index(old)]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return before.count("\n") + 1


def line_at(path: Path, edited: int, at: tuple[str, str] | None) -> int:
    """The line an error about an edit at line `edited` names: that line (`at` None), or the
    line of the nearest `at[1]` before or after it (`at[0]`)."""
    if at is None:
        return edited
    direction, needle = at
    lines = path.read_text(encoding="utf-8").splitlines()
    order = range(edited, 0, -1) if direction == "before" else range(edited, len(lines) + 1)
    return next(n for n in order if lines[n - 1].startswith(needle))


OBSERVATION = ("before", "  - id: victims-assisted")  # the first observation of 000


@pytest.mark.parametrize(
    "file, old, new, at, message",
    [
        (
            "documents/002.yaml",
            "quote: ",
            "quote: words no source says ",
            None,
            "quote not found in 002_6ab462286a3459a0.txt: 'words no source says Since 2005, "
            "IOM has identified and/or assisted'",
        ),
        (
            "documents/000.yaml",
            "place: mexico",
            "place: atlantis",
            None,
            "unknown reference 'atlantis'",
        ),
        (
            "documents/000.yaml",
            "unit: person",
            "unit: furlong",
            None,
            "unknown units concept 'furlong'; known: case, country, day, euro, family, household, "
            "jurisdiction, month, municipality, nationality, organization, percent, person, "
            "shelter, state, times, us-dollar, week, year",
        ),
        (
            "documents/000.yaml",
            "value: 54",
            "value: 5,4",
            None,
            "'5,4' is not a number (write digits without separators: 20000)",
        ),
        (  # the parser finds the flow sequence unclosed at the next key but one
            "documents/000.yaml",
            "indicator: victims-assisted",
            "indicator: [",
            ("after", "    unit: person"),
            "invalid YAML: did not find expected ',' or ']'",
        ),
        (
            "documents/000.yaml",
            "    qualifier: [exact]",
            "    qualifer: [exact]",
            None,
            "unknown field 'qualifer'; expected one of: about, actor, alt_names, attributed_to, "
            "describes, description, exploitation, frequency, group, id, indicator, label, mainly, "
            "max, min, name, name_es, note, occurrence, origin, period, period_reasoning, place, "
            "population, qualifier, quote, quotes, share_of, source_work, status, to, unit, value",
        ),
        (
            "reference/places.yaml",
            "within: chiapas",
            "within: chiapaz",
            None,
            "unknown reference 'chiapaz'",
        ),
        (
            "documents/000.yaml",
            "    value: 54\n",
            "    value: 54\n    value: 55\n",
            ("after", "    value: 55"),
            "duplicate key 'value'",
        ),
        (
            "sources/manifest.yaml",
            "  language: en\n",
            "  language: en\n  language: es\n",
            ("after", "  language: es"),
            "duplicate key 'language'",
        ),
        (
            "documents/000.yaml",
            "  - id: victims-from-central-america\n",
            "  - id: victims-assisted\n",
            None,
            "duplicate observation id 'victims-assisted'",
        ),
        (
            "documents/000.yaml",
            "    value: 54\n",
            "    value: 54\n    min: 50\n",
            OBSERVATION,
            "an observation has either a value or min and max",
        ),
        (
            "documents/000.yaml",
            "    value: 54\n",
            "",
            OBSERVATION,
            "an observation has either a value or min and max",
        ),
        (  # SHACL would find it too, later, without the file and line
            "documents/000.yaml",
            "    qualifier: [exact]\n",
            "",
            OBSERVATION,
            "missing 'qualifier' (exact, more-than, approximately, ...)",
        ),
    ],
    ids=[
        "quote-not-found",
        "unknown-reference",
        "unknown-concept",
        "not-a-number",
        "invalid-yaml",
        "unknown-field",
        "unknown-reference-in-reference-data",
        "duplicate-key",
        "duplicate-key-in-the-manifest",
        "duplicate-observation-id",
        "value-and-range",
        "neither-value-nor-range",
        "missing-qualifier",
    ],
)
def test_bad_curation_gives_one_line_error_and_writes_nothing(
    data_copy, published_dist, tmp_path, capsys, file, old, new, at, message
):
    line = line_at(data_copy / file, replace_in(data_copy / file, old, new), at)
    out = tmp_path / "dist"
    shutil.copytree(published_dist, out)  # an earlier publish, to be kept as it is
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    status = main(["publish", "--data", str(data_copy), "--out", str(out), "--no-cache"])
    err = capsys.readouterr().err
    assert status == 1
    assert err == f"error: {data_copy / file}:{line}: {message}\n"
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "dist"]


def test_malformed_source_is_named(data_copy, tmp_path, capsys):
    (data_copy / "sources" / "001_f71ae56bba03950b.txt").write_bytes(b"\xff\xfe not text")
    status = main(["publish", "--data", str(data_copy), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    assert "001_f71ae56bba03950b.txt" in err and "UTF-8" in err
    assert not (tmp_path / "out").exists()


def test_validate_command(published_dist, tmp_path, capsys):
    assert (
        main(
            [
                "validate",
                str(published_dist / "kg.ttl"),
                str(published_dist / "kg-inferred.ttl"),
                str(published_dist / "ontology" / "kg.ttl"),
            ]
        )
        == 0
    )
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix qb: <http://purl.org/linked-data/cube#> .\n"
        "<https://kg.example.org/id/observation/x/y> a qb:Observation .\n"
    )
    capsys.readouterr()
    assert main(["validate", str(broken)]) == 1
    fast = capsys.readouterr().err
    assert "Violation" in fast
    # pySHACL, the reference, reports the same results.
    assert main(["validate", "--engine", "pyshacl", str(broken)]) == 1
    assert capsys.readouterr().err == fast
    bad_syntax = tmp_path / "bad.ttl"
    bad_syntax.write_text("<a> <b> .\n")
    assert main(["validate", str(bad_syntax)]) == 1
    assert "bad.ttl" in capsys.readouterr().err
