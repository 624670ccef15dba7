"""The reference data's shared work kept in the cache (`kg.build.cache.Cache.shared`,
`kg.build.run._shared_work`): taken from it when the reference data, ontology, shapes, code,
base and stages are those it was made with, made again otherwise; the manifest read anew by
every build. Each test fails if the path it names is not the one taken."""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
import time
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


# -- the digests of the files a document's key reads (`kg.build.cache.FileDigests`) --------


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files whose bytes `FileDigests` reads."""
    seen: list[str] = []
    real = cache.hashlib.file_digest

    def counted(f, name):
        seen.append(f.name)
        return real(f, name)

    monkeypatch.setattr(cache.hashlib, "file_digest", counted)
    return seen


def test_a_settled_file_is_not_read_again_and_an_edit_is_seen(tmp_path, reads, monkeypatch):
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # every file counts as settled
    path = tmp_path / "doc.yaml"
    path.write_text("label: one\n")
    first = cache.FileDigests(tmp_path / "digests")
    digest = first.digest(path)
    first.save()
    again = cache.FileDigests(tmp_path / "digests")
    assert again.digest(path) == digest and reads == [str(path)]  # not read the second time
    # the same size, the modification time put back: the change time still moves
    time.sleep(0.05)  # past the clock's grain
    before = path.stat()
    path.write_text("label: two\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    edited = cache.FileDigests(tmp_path / "digests")
    assert edited.digest(path) != digest and len(reads) == 2
    assert edited.digest(path) == hashlib.sha256(b"label: two\n").digest()


def test_a_file_written_just_now_is_read_again_by_the_next_build(tmp_path, reads):
    path = tmp_path / "doc.yaml"
    path.write_text("label: one\n")
    first = cache.FileDigests(tmp_path / "digests")
    first.digest(path)
    first.save()
    cache.FileDigests(tmp_path / "digests").digest(path)
    assert reads == [str(path), str(path)]


def test_unreadable_digests_are_read_as_none_kept(tmp_path, reads, monkeypatch):
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    path = tmp_path / "doc.yaml"
    path.write_text("label: one\n")
    for damaged in (b"", b"\x00\x01garbage", marshal.dumps(["a", "list"])):
        (tmp_path / "digests").write_bytes(damaged)
        digests = cache.FileDigests(tmp_path / "digests")
        assert digests.digest(path) == hashlib.sha256(b"label: one\n").digest()
    assert len(reads) == 3


def test_a_build_keeps_the_digests_of_the_files_it_read(data, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    build(data, Minter(), jobs=1, cache_dir=tmp_path / "cache")
    kept = marshal.loads((tmp_path / "cache" / cache.FILE_DIGESTS).read_bytes())
    expected = {str(p) for p in (data / "documents").glob("*.yaml")}
    expected |= {str(p) for p in (data / "sources").glob("*.txt")}
    assert set(kept) == expected
    for name, record in kept.items():
        assert record[4] == hashlib.sha256(Path(name).read_bytes()).digest()


def test_a_kept_file_naming_classes_this_kg_lacks_is_made_again_and_replaced(data, tmp_path, made):
    """A `shared.pickle` another version of kg wrote (its value names a class this one does
    not have) is a miss, not a failed build: the work is made again and kept anew."""
    folder = tmp_path / "cache"
    build(data, Minter(), jobs=1, cache_dir=folder)
    key = cache.Cache(folder, data).shared_key(Minter().base, "TrueTrue")
    for foreign in (
        pickle.dumps(key) + b"cno_such_module_of_kg\nThing\n.",  # the same key
        b"cno_such_module_of_kg\nThing\n.",  # not even a key
    ):
        (folder / cache.SHARED).write_bytes(foreign)
        build(data, Minter(), jobs=1, cache_dir=folder)
        assert cache.Cache(folder, data).get_shared(key) is not None
    assert len(made) == 3


def test_reference_data_edited_during_the_build_is_not_kept_under_the_old_key(
    data, tmp_path, monkeypatch, made
):
    """The key is taken from the reference files before they are read: one edited between
    the two would have its work kept under the other content's key, and found when that
    content comes back. It is not kept then."""
    real = run.load_shared
    organizations = data / "reference" / "organizations.yaml"
    before = organizations.read_text(encoding="utf-8")

    def edited_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        organizations.write_text(before.replace("United States Government", "US"), "utf-8")
        return result

    monkeypatch.setattr(run, "load_shared", edited_meanwhile)
    folder = tmp_path / "cache"
    build(data, Minter(), jobs=1, cache_dir=folder)
    assert not (folder / cache.SHARED).exists()
    monkeypatch.setattr(run, "load_shared", real)
    organizations.write_text(before, "utf-8")  # the content the key was taken from, back
    build(data, Minter(), jobs=1, cache_dir=folder)
    assert len(made) == 2  # made again, not found
