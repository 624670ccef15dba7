"""The reference data's shared work kept in the cache (`kg.build.cache.Cache.shared`,
`kg.build.run._shared_work`): taken from it when the reference data, ontology, shapes, code,
base and stages are those it was made with, made again otherwise; the manifest read anew by
every build. Each test fails if the path it names is not the one taken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib.compare import to_canonical_graph

from kg.build import cache, run
from kg.build.run import build
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def snapshot(result: run.Build) -> dict:
    """Everything a build gives that the shared work goes into."""
    return {
        "documents": {d: result.documents.ntriples(d) for d in result.documents},
        "inferred": {g: result.inferred.ntriples(g) for g in result.inferred},
        "reference": result.reference_packed().data,
        "manifest": {d: dict(e) for d, e in result.reference.manifest.items()},
        "labels": dict(result.reference.labels),
        "report": sorted(
            to_canonical_graph(result.validation.report).serialize(format="nt").splitlines()
        ),
    }


@pytest.fixture
def made(monkeypatch) -> list[int]:
    """How many times the shared work was made (not taken from the cache)."""
    calls: list[int] = []
    real = run.shared_context

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(run, "shared_context", counted)
    return calls


def test_a_second_build_takes_the_shared_work_from_the_cache_and_gives_the_same(
    data, tmp_path, made
):
    first = snapshot(build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache"))
    assert len(made) == 1 and (tmp_path / "cache" / cache.SHARED).is_file()
    progress: list[str] = []
    again = build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache", progress=progress.append)
    assert len(made) == 1  # not made again
    assert "reading the manifest (the reference data's work is in the cache)" in progress
    assert "reasoning over reference data" not in progress
    assert snapshot(again) == first
    assert snapshot(build(data, Minter(), jobs=1)) == first  # and a build without a cache


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("reference/organizations.yaml", "name: United States Government", "name: US Gov"),
        ("reference/places.yaml", "  within: latin-america\n  wikidata: Q96", "  wikidata: Q96"),
        ("reference/concepts.yaml", "label: Chief of Mission,", "label: Head of Mission,"),
    ],
)
def test_an_edited_reference_file_makes_the_shared_work_again(data, tmp_path, made, file, old, new):
    build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    again = snapshot(build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache"))
    assert len(made) == 2
    assert again == snapshot(build(data, Minter(), jobs=1))


def test_the_manifest_is_read_by_every_build(data, tmp_path, made):
    build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    manifest = data / "sources" / "manifest.yaml"
    old = "url: https://www.iom.int/news/iom-mexico-provides-assistance-victims-trafficking"
    new = "url: https://www.iom.int/news/iom-mexico-assists-victims-trafficking"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    again = build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    assert len(made) == 1  # the manifest is not part of the shared work
    assert str(again.reference.manifest["000"]["url"]) == new[len("url: ") :]
    assert new[len("url: ") :].encode() in again.documents.ntriples("000")
    assert snapshot(again) == snapshot(build(data, Minter(), jobs=1))


def test_another_base_or_stage_or_an_unreadable_file_makes_it_again(data, tmp_path, made):
    folder = tmp_path / "cache"
    build(data, Minter(), jobs=1, cache_dir=folder)
    other = Minter("https://example.org/other/")
    assert snapshot(build(data, other, jobs=1, cache_dir=folder)) == snapshot(
        build(data, other, jobs=1)
    )
    assert len(made) == 3
    build(data, other, jobs=1, cache_dir=folder, reasoning=False)
    assert len(made) == 4
    (folder / cache.SHARED).write_bytes(b"\x80\x05 not a pickle")
    build(data, other, jobs=1, cache_dir=folder, reasoning=False)
    assert len(made) == 5
    build(data, other, jobs=1, cache_dir=folder, reasoning=False)
    assert len(made) == 5  # kept again
