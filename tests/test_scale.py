"""Scale: the synthetic corpus and incremental publishing (the fast reasoner against owlrl is in
test_reason.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.build.run import build
from kg.publish import export
from kg.synth import synthesize
from kg.vocab import Minter

ROOT = Path(__file__).resolve().parents[1]


def test_synth_is_reproducible(tmp_path):
    a = synthesize(3, 7, tmp_path / "a")
    b = synthesize(3, 7, tmp_path / "b")
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes()
    for doc in (a / "documents").glob("*.yaml"):
        text = doc.read_text()
        assert 30 <= text.count("  indicator: ") <= 60


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_synthetic_corpus_publishes_and_conforms(tmp_path):
    data = synthesize(2, 1, tmp_path / "data")
    built = build(data, Minter(), jobs=2)
    assert built.validation.conforms, built.validation.violations[:3]
    assert not built.validation.violations  # not even warnings
    assert len(built.documents) == 2 and all(len(g) for g in built.inferred.values())


def test_incremental_publish_redoes_one_document_and_is_identical(tmp_path):
    data = synthesize(3, 2, tmp_path / "data")
    cache = tmp_path / "cache"
    kwargs = {"validation": False, "jobs": 2}  # validation is covered above
    export.write(build(data, Minter(), cache_dir=cache, **kwargs), tmp_path / "dist1", data)

    doc = data / "documents" / "001.yaml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("  label: ", "  label: Revised ", 1), encoding="utf-8")
    done = []
    again = build(data, Minter(), cache_dir=cache, progress=done.append, **kwargs)
    assert "1 of 3 documents to model, reason and validate" in done
    export.write(again, tmp_path / "dist2", data)
    export.write(build(data, Minter(), **kwargs), tmp_path / "dist3", data)
    assert digests(tmp_path / "dist2") == digests(tmp_path / "dist3")
    assert digests(tmp_path / "dist1") != digests(tmp_path / "dist2")


def test_export_streams_without_whole_graphs(tmp_path, monkeypatch):
    """The export and the summary never build an rdflib graph of the data: they stream the
    packed N-Triples of the build."""
    from kg.build.run import Build
    from kg.ntriples import Graphs

    data = synthesize(2, 3, tmp_path / "data")
    built = build(data, Minter(), validation=False, jobs=1)
    expected = (len(built.asserted()), len(built.inferred_graph()))

    def refuse(*args, **kwargs):
        raise AssertionError("the export built an rdflib graph of the data")

    monkeypatch.setattr(Build, "asserted", refuse)
    monkeypatch.setattr(Build, "inferred_graph", refuse)
    monkeypatch.setattr(Graphs, "__getitem__", refuse)
    counts = export.write(built, tmp_path / "dist", data)
    figures = export.summary(built)
    assert (counts["kg.nt"], counts["kg-inferred.ttl"]) == expected
    assert (figures["triples"], figures["inferred"]) == expected
    assert sum(figures["observations"].values()) == figures["classes"]["qb:Observation"]


def test_the_cache_key_covers_the_code_of_the_stages_only():
    from kg.build.cache import code_files

    names = {p.relative_to(ROOT / "src" / "kg").as_posix() for p in code_files()}
    assert {"__init__.py", "build/pipeline.py", "build/run.py", "build/ingest.py"} <= names
    assert {"build/model/__init__.py", "build/model/documents.py", "build/cache.py"} <= names
    assert {"build/fastreason.py", "build/validate.py", "ntriples.py", "vocab.py"} <= names
    downstream = ("publish/", "store/", "server/", "cli/", "extraction/", "synth")
    assert not {n for n in names if n.startswith(downstream)}
    # the cross-document check keeps its own state (kg.build.crossdocument.Kept)
    assert "build/crossdocument.py" not in names
