"""The search index of a publish that only added documents (`kg.publish.search_write`): the
previous index with the new documents' rows appended, byte for byte the index a publish from
scratch writes; anything else writes it anew."""

from __future__ import annotations

import marshal
import shutil
import sqlite3
from pathlib import Path

import pytest

from kg.build.run import build
from kg.publish import export, search, search_write
from kg.vocab import Minter

DATA = Path(__file__).resolve().parents[1] / "data"


def publish(data: Path, out: Path, cache: Path | None) -> None:
    result = build(data, Minter("https://kg.example.org/"), cache_dir=cache)
    export.write(result, out, data, cache_dir=cache)


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, str]:
    """A copy of the seed corpus without the last document of its manifest, and the text of
    the whole manifest (to add the document back)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    manifest = data / "sources" / "manifest.yaml"
    whole = manifest.read_text(encoding="utf-8")
    last = whole.rindex("\n- id: ")
    manifest.write_text(whole[: last + 1], encoding="utf-8")
    shutil.move(data / "documents" / "004.yaml", tmp_path / "004.yaml")
    return data, whole


def add_back(data: Path, whole: str) -> None:
    (data / "sources" / "manifest.yaml").write_text(whole, encoding="utf-8")
    shutil.move(data.parent / "004.yaml", data / "documents" / "004.yaml")


def mark_anew(monkeypatch, marker: Path) -> None:
    """Each index written from scratch touches `marker` (the forked writer inherits the patch,
    and a file crosses the fork)."""
    create = search_write._create

    def marked(db, meta):
        marker.touch()
        create(db, meta)

    monkeypatch.setattr(search_write, "_create", marked)


def test_an_added_document_is_appended_to_the_index_and_gives_the_same_bytes(
    corpus, tmp_path, monkeypatch
):
    data, whole = corpus
    out, cache = tmp_path / "dist", tmp_path / "cache"
    publish(data, out, cache)
    add_back(data, whole)

    def refuse(db, meta):
        raise AssertionError("the index was written anew")

    monkeypatch.setattr(search_write, "_create", refuse)  # the forked writer inherits it
    publish(data, out, cache)
    monkeypatch.undo()
    publish(data, tmp_path / "fresh", None)
    appended = (out / search.INDEX).read_bytes()
    assert appended == (tmp_path / "fresh" / search.INDEX).read_bytes()
    state = marshal.loads((cache / search_write.STATE).read_bytes())
    assert [doc for doc, _ in state["documents"]] == ["000", "001", "002", "003", "004"]
    # The appended document is found: its rows are in, numbered after the others'.
    db = sqlite3.connect(out / search.INDEX)
    (first,) = db.execute("SELECT min(id) FROM entries WHERE document = '004'").fetchone()
    (before,) = db.execute("SELECT max(id) FROM entries WHERE document = '003'").fetchone()
    db.close()
    assert first > before
    assert search.Index(out / search.INDEX).search("Kidnapping").passages_total >= 1
    assert not list(cache.glob(f"{search_write.STATE}.*"))  # nothing pending left


def test_an_edited_document_writes_the_index_anew(corpus, tmp_path, monkeypatch):
    data, whole = corpus
    add_back(data, whole)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    publish(data, out, cache)
    manifest = data / "sources" / "manifest.yaml"  # the second document's address edited
    text = manifest.read_text(encoding="utf-8")
    url = text.split('id: "001"', 1)[1].split("url: ", 1)[1].split("\n", 1)[0]
    manifest.write_text(text.replace(url, url + "-edited", 1), encoding="utf-8")
    mark_anew(monkeypatch, tmp_path / "anew")
    publish(data, out, cache)
    monkeypatch.undo()
    assert (tmp_path / "anew").exists()
    publish(data, tmp_path / "fresh", None)
    assert (out / search.INDEX).read_bytes() == (tmp_path / "fresh" / search.INDEX).read_bytes()


def test_an_index_the_cache_does_not_describe_is_not_appended_to(corpus, tmp_path, monkeypatch):
    data, whole = corpus
    out, cache = tmp_path / "dist", tmp_path / "cache"
    publish(data, out, cache)
    # The index replaced by a copy of itself: same bytes, another file. The state names the
    # file it wrote (size, inode, time): this one is not it.
    index = out / search.INDEX
    shutil.copyfile(index, tmp_path / "copy")
    index.unlink()
    shutil.move(tmp_path / "copy", index)
    add_back(data, whole)

    mark_anew(monkeypatch, tmp_path / "anew")
    publish(data, out, cache)
    monkeypatch.undo()
    assert (tmp_path / "anew").exists()
    publish(data, tmp_path / "fresh", None)
    assert index.read_bytes() == (tmp_path / "fresh" / search.INDEX).read_bytes()


def test_a_publish_that_fails_leaves_the_state_of_the_last_one(corpus, tmp_path, monkeypatch):
    data, whole = corpus
    out, cache = tmp_path / "dist", tmp_path / "cache"
    publish(data, out, cache)
    kept = (cache / search_write.STATE).read_bytes()
    add_back(data, whole)

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(export, "write_checksums", fail)
    with pytest.raises(OSError, match="disk full"):
        publish(data, out, cache)
    monkeypatch.undo()
    assert (cache / search_write.STATE).read_bytes() == kept
    assert not list(cache.glob(f"{search_write.STATE}.*"))
    # and the next publish appends to the index the failed one did not replace
    publish(data, out, cache)
    publish(data, tmp_path / "fresh", None)
    assert (out / search.INDEX).read_bytes() == (tmp_path / "fresh" / search.INDEX).read_bytes()
