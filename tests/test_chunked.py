"""The whole-graph dumps of a publish with a cache (`kg.publish.chunked`): written in chunks, and
the next publish copies the chunks that did not change. Whatever it reuses, the files are those a
publish from scratch writes, byte for byte."""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.build.run import build
from kg.publish import chunked, chunking, export
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of about 8 subjects: the seed corpus (1,650 subjects) in some 200."""
    monkeypatch.setattr(chunking, "SUBJECTS_PER_CHUNK", 8)
    monkeypatch.setattr(chunking, "HEAVY_SUBJECT", 64)


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_chunks_give_the_files_a_whole_write_gives(built, small_chunks, tmp_path):
    export.write(built, tmp_path / "whole", DATA)  # no cache: kg.publish.export's streaming writers
    export.write(built, tmp_path / "chunked", DATA, cache_dir=tmp_path / "cache")
    reuse = built.stats.reuse
    assert reuse.from_scratch and reuse.chunks > 100 and reuse.written == reuse.chunks
    assert files(tmp_path / "chunked") == files(tmp_path / "whole")


def test_the_same_inputs_again_copy_every_chunk(built, small_chunks, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    export.write(built, out, DATA, cache_dir=cache)
    first = files(out)
    export.write(built, out, DATA, cache_dir=cache)
    reuse = built.stats.reuse
    assert not reuse.from_scratch
    assert reuse.written == reuse.inferred_written == reuse.graphs_written == 0
    assert files(out) == first


# An edit of a document's source text, of a curation file, of a reference file (as in
# test_cache_key.py), and the graphs each changes.
EDITS = {
    "source text": (
        "sources/000_c36a1ea09023f409.txt",
        "the\nmajority from Central America.",
        "the\nvast majority from Central America.",  # moves every later offset of 000
    ),
    "curation file": (
        "documents/003.yaml",
        "label: Participants in the Congress",
        "label: Participants in the Latin American Congress",
    ),
    "reference file": (
        "reference/organizations.yaml",
        "name: United States Government",
        "name: Government of the United States",
    ),
}


def edit(data: Path, name: str) -> None:
    file, old, new = EDITS[name]
    replace_in(data / file, old, new)


def publish_edited(tmp_path: Path, name: str, damage=lambda cache: None):
    """Publish a copy of data/ with a cache, `damage` the cache, make the edit `name`, publish
    again from the cache, and from scratch (a new cache) over a copy of the first publish;
    returns the two builds and their folders."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    export.write(build(data, Minter(), jobs=1, cache_dir=cache), out, data, cache_dir=cache)
    # The same previous release for both: the change set and void.ttl follow it.
    shutil.copytree(out, tmp_path / "cold", symlinks=True)
    damage(cache / chunked.FOLDER)
    edit(data, name)
    again = build(data, Minter(), jobs=1, cache_dir=cache)
    export.write(again, out, data, cache_dir=cache)
    cold = build(data, Minter(), jobs=1)
    export.write(cold, tmp_path / "cold", data, cache_dir=tmp_path / "new-cache")
    assert cold.stats.reuse.from_scratch
    return again, out, tmp_path / "cold"


@pytest.mark.parametrize("name", list(EDITS))
def test_an_incremental_publish_gives_the_files_of_one_from_scratch(small_chunks, tmp_path, name):
    again, out, cold = publish_edited(tmp_path, name)
    reuse = again.stats.reuse
    assert not reuse.from_scratch
    assert 0 < reuse.written < reuse.chunks / 4, reuse  # the others copied
    assert 0 < reuse.graphs_written < reuse.graphs
    assert files(out) == files(cold)
    changes = list((out / "changes").iterdir())  # what changed since the first publish
    assert len(changes) == 1 and b"\nA <" in changes[0].read_bytes()


def test_dumps_changed_in_place_are_written_from_scratch(built, small_chunks, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    export.write(built, out, DATA, cache_dir=cache)
    first = files(out)
    (out / "kg.nt").touch()  # another modification time: its chunks may not be where they were
    export.write(built, out, DATA, cache_dir=cache)
    assert built.stats.reuse.from_scratch
    assert files(out) == first


def _state(folder: Path) -> None:
    (folder / chunked.STATE).write_bytes(b"not a pickle")


def _objects(folder: Path) -> None:
    (folder / chunked.OBJECTS).unlink()


def _graphs(folder: Path) -> None:
    for path in (folder / chunked.GRAPHS).iterdir():
        path.unlink()


@pytest.mark.parametrize("damage", [_state, _objects, _graphs])
def test_a_damaged_cache_has_the_dumps_written_from_scratch(small_chunks, tmp_path, damage):
    again, out, cold = publish_edited(tmp_path, "curation file", damage)
    assert again.stats.reuse.from_scratch
    assert files(out) == files(cold)


def test_the_state_names_what_each_chunk_holds_and_where(built, small_chunks, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    export.write(built, out, DATA, cache_dir=cache)
    state = pickle.loads((cache / chunked.FOLDER / chunked.STATE).read_bytes())
    nq = (out / "kg.nq").read_bytes()
    offset = 0
    for chunk in state.asserted:
        start, length = chunk.spans["kg.nq"]
        assert start == offset
        lines = nq[start : start + length].splitlines(keepends=True)
        assert chunked.subject_of(lines[-1]) == chunk.last
        offset += length
    assert offset == len(nq)
    lasts = [chunk.last for chunk in state.asserted]
    assert lasts == sorted(lasts) and len(set(lasts)) == len(lasts)


# -- the cuts, revised -----------------------------------------------------------------------


def quads(rng: random.Random, n: int) -> list[bytes]:
    lines = set()
    while len(lines) < n:
        s, p, g = rng.randrange(60), rng.randrange(3), rng.randrange(4)
        lines.add(f"<urn:s:{s}> <urn:p:{p}> <urn:o:{rng.randrange(5)}> <urn:g:{g}> .\n".encode())
    return sorted(lines)


def chunks_of(lines: list[bytes]) -> list[list[bytes]]:
    return list(chunked.cut(lines))


def published(lines: list[bytes], source: Path) -> list:
    """`lines` written to `source` as a publish writes kg.nq, and the chunks its state keeps."""
    source.write_bytes(b"".join(lines))
    old, offset = [], 0
    for chunk in chunks_of(lines):
        length = len(b"".join(chunk))
        old.append(chunked.Chunk(chunked.subject_of(chunk[-1]), {"kg.nq": (offset, length)}, 0))
        offset += length
    return old


@pytest.mark.parametrize("seed", range(40))
def test_revised_chunks_are_cut_as_from_scratch(monkeypatch, tmp_path, seed):
    """Random quads, cut; some removed and others added (whole subjects too, the ones that
    ended a chunk among them); the revised chunks are those of cutting the result."""
    monkeypatch.setattr(chunking, "SUBJECTS_PER_CHUNK", 4)
    monkeypatch.setattr(chunking, "HEAVY_SUBJECT", 12)
    rng = random.Random(seed)
    before = quads(rng, 300)
    source = tmp_path / "kg.nq"
    old = published(before, source)
    gone_subjects = {f"<urn:s:{rng.randrange(60)}>".encode() for _ in range(3)}
    removed = sorted(
        x for x in before if chunked.subject_of(x) in gone_subjects or rng.random() < 0.05
    )
    added = sorted(set(quads(rng, 20)) - set(before))
    after = sorted((set(before) - set(removed)) | set(added))

    def make(lines):
        return chunked.Written(chunked.subject_of(lines[-1]), {"kg.nq": b"".join(lines)}, 0)

    revision = chunked.revise(
        old, source, chunked.placed(old, removed), chunked.placed(old, added), make
    )
    got = []
    for chunk in revision.chunks:
        if isinstance(chunk, chunked.Written):
            got.append(chunk.pieces["kg.nq"])
        else:
            start, length = chunk.spans["kg.nq"]
            got.append(source.read_bytes()[start : start + length])
    assert got == [b"".join(lines) for lines in chunks_of(after)]


def test_the_chunks_before_a_rewritten_one_come_before_it_is_made(monkeypatch, tmp_path):
    """A writer copies the reused chunks while the main thread makes a rewritten one: the
    revision makes each chunk when it is reached, not all before the first is given."""
    monkeypatch.setattr(chunking, "SUBJECTS_PER_CHUNK", 4)
    monkeypatch.setattr(chunking, "HEAVY_SUBJECT", 12)
    before = quads(random.Random(7), 300)
    source = tmp_path / "kg.nq"
    old = published(before, source)
    added = [old[3].last + b" <urn:p:9> <urn:o:9> <urn:g:9> .\n"]  # the fourth chunk's
    given: list = []
    made_after: list[int] = []

    def make(lines):
        made_after.append(len(given))
        return chunked.Written(chunked.subject_of(lines[-1]), {"kg.nq": b"".join(lines)}, 0)

    revision = chunked.revise(old, source, {}, chunked.placed(old, added), make)
    for chunk in revision.chunks:
        given.append(chunk)
    assert made_after[0] == 3 and given[:3] == old[:3]
    assert given[-1] == old[-1] and len(revision.retired) == len(made_after)


def test_a_hard_linked_copy_of_the_previous_publish_is_revised(small_chunks, tmp_path):
    """`cp -al dist copy` (what the benchmark does): the same files, so the same chunks."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    export.write(build(data, Minter(), jobs=1, cache_dir=cache), out, data, cache_dir=cache)
    copy = tmp_path / "copy"
    shutil.copytree(out, copy, copy_function=os.link)
    edit(data, "curation file")
    again = build(data, Minter(), jobs=1, cache_dir=cache)
    export.write(again, copy, data, cache_dir=cache)
    assert not again.stats.reuse.from_scratch
    assert 0 < again.stats.reuse.written < again.stats.reuse.chunks / 4


def test_unchanged_source_texts_are_linked_from_the_previous_publish(built, tmp_path):
    out = tmp_path / "dist"
    export.write(built, out, DATA)
    text = sorted((out / "sources").iterdir())
    before = {p.name: p.stat().st_ino for p in text}
    text[0].write_bytes(text[0].read_bytes() + b"changed in place")  # no longer the source's
    os.link(text[1], tmp_path / "another-name")  # a file someone else holds: not shared
    export.write(built, out, DATA)
    after = {p.name: p.stat().st_ino for p in (out / "sources").iterdir()}
    assert after[text[0].name] != before[text[0].name]
    assert after[text[1].name] != before[text[1].name]
    assert all(after[p.name] == before[p.name] for p in text[2:])
    for path in (out / "sources").iterdir():
        assert path.read_bytes() == (DATA / "sources" / path.name).read_bytes()


def test_what_a_killed_publish_was_writing_is_removed(built, tmp_path):
    folder = tmp_path / "cache" / chunked.FOLDER
    folder.mkdir(parents=True)
    gone = _a_finished_pid()
    left = [folder / f"inferred.nq.{gone}.new", folder / f"objects.sqlite.{gone}.new"]
    running = folder / f"inferred.nq.{os.getppid()}.new"
    for path in (*left, running):
        path.write_bytes(b"half")
    export.write(built, tmp_path / "dist", DATA, cache_dir=tmp_path / "cache")
    assert not any(path.exists() for path in left)
    assert running.read_bytes() == b"half"  # a process that runs: not its file


def _a_finished_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
