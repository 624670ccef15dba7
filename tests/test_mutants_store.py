"""The embedded store (`kg.store.embedded`, `generations`, `bulk_load`): the cases `make mutate`
found untested, on a publish of a few quads written by hand, so that every figure, message,
line and order can be given exactly."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.errors import KgError
from kg.store import bulk_load, embedded, generations
from kg.store.bulk_load import Stream, in_graph, parse_problem
from kg.store.embedded import StoreGraph, load

BASE = "http://ex.org/"
ORG = "http://www.w3.org/ns/org#Organization"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DOC = f"{BASE}graph/document/1"
REF = f"{BASE}graph/reference"
TRIPLES = [
    f"<{BASE}id/a> <{TYPE}> <{ORG}>",
    f"<{BASE}id/a> <{BASE}p> <{BASE}id/b>",
    f'<{BASE}id/a> <{BASE}name> "A"',
    f"<{BASE}id/b> <{TYPE}> <{ORG}>",
]
GRAPHS = [DOC, DOC, DOC, REF]
INFERRED = f"<{BASE}id/a> a <{BASE}C> .\n<{BASE}id/b> a <{BASE}C> .\n"


def write_dist(folder: Path, void: bool = False, sums: bool = True) -> Path:
    """A publish of 4 triples (3 in a document's graph, 1 in the reference graph) and 2
    inferred ones: 6 in the default graph, 12 quads in all."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kg.nq").write_text(
        "".join(f"{t} <{g}> .\n" for t, g in zip(TRIPLES, GRAPHS, strict=True))
    )
    (folder / "kg.nt").write_text("".join(f"{t} .\n" for t in TRIPLES))
    (folder / "kg-inferred.ttl").write_text(INFERRED)
    if void:
        (folder / "void.ttl").write_text(VOID)
    if sums:
        (folder / "SHA256SUMS").write_text("0" * 64 + "  kg.nq\n")
    return folder


VOID = f"""@prefix void: <http://rdfs.org/ns/void#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix kg: <https://kg.example.org/def/kg#> .
<{DOC}> void:triples 3 . <{REF}> void:triples 1 .
<{BASE}dist/nt> a dcat:Distribution ; dcterms:title "kg.nt" ; void:triples 4 .
<{BASE}dist/inferred> a dcat:Distribution ; dcterms:title "kg-inferred.ttl" ; void:triples 2 .
<{BASE}dist/nq> a dcat:Distribution ; dcterms:title "kg.nq" ; void:triples 4 ; kg:quads 4 .
"""


@pytest.fixture
def dist(tmp_path) -> Path:
    return write_dist(tmp_path / "dist")


@pytest.fixture
def refuse_count(monkeypatch):
    """Counting the store's graphs fails the test: the sizes must come from the VoID."""

    def refuse(store):
        raise AssertionError("counted")

    monkeypatch.setattr(embedded, "_count", refuse)


# --------------------------------------------------------------------------------------------
# bulk_load
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("Parser error at line 2 column 24: The object", "column 24: The object"),
        ("Parser error at line 2 between columns 45 and 48: No scheme", "column 45: No scheme"),
        (
            "Parser error between line 2 column 23 and line 3 column 1: Unexpected end of file",
            "column 23: Unexpected end of file",
        ),
        ("something else: at line 2 column 3", "something else: at line 2 column 3"),
        ("Parser error at line 12 column 7:no space", "Parser error at line 12 column 7:no space"),
    ],
)
def test_a_parse_problem_drops_the_stream_s_position_but_keeps_the_column(message, problem):
    assert parse_problem(SyntaxError(message)) == problem


def test_a_parse_problem_without_a_message_is_the_error_s_text():
    exc = SyntaxError(None, ("kg.nq", 3, 1, "x"))
    assert exc.msg is None
    assert parse_problem(exc) == str(exc) == "None (kg.nq, line 3)"


def test_triples_in_a_graph_a_block_at_a_time_end_on_a_line():
    lines = b"<a> <b> <c> .\n<d> <e> <f> .\n<g> <h> <i> .\n"
    end = b" <http://g/> .\n"
    blocks = list(in_graph(lines, "http://g/", block=16))
    # Each block ends at the first line end at or after 16 bytes from its start.
    assert blocks == [
        b"<a> <b> <c> <http://g/> .\n<d> <e> <f> <http://g/> .\n",
        b"<g> <h> <i>" + end,
    ]
    assert list(in_graph(lines, "http://g/")) == [lines.replace(b" .\n", end)]
    assert list(in_graph(lines, "http://g/", block=1)) == [
        line.replace(b" .\n", end) for line in lines.splitlines(keepends=True)
    ]
    assert list(in_graph(b"", "http://g/")) == []


def test_a_block_at_the_last_line_end_stops_there():
    lines = b"<a> <b> <c> .\n<d> <e> <f> .\n"
    assert list(in_graph(lines, "g", block=len(lines) - 1)) == [lines.replace(b" .\n", b" <g> .\n")]
    assert list(in_graph(lines, "g", block=14)) == [b"<a> <b> <c> <g> .\n<d> <e> <f> <g> .\n"]
    assert list(in_graph(lines, "g", block=13)) == [
        b"<a> <b> <c> <g> .\n",
        b"<d> <e> <f> <g> .\n",
    ]


def read_all(stream: Stream, size: int = 5) -> bytes:
    out = b""
    buffer = bytearray(size)
    while True:
        n = stream.readinto(buffer)
        if not n:
            return out
        out += bytes(buffer[:n])


def test_a_stream_joins_files_and_blocks_each_ending_with_a_line_break(tmp_path):
    first = tmp_path / "first.nq"
    first.write_bytes(b"one\ntwo")  # no final line break
    second = tmp_path / "second.nq"
    second.write_bytes(b"three\n")
    stream = Stream(
        [(first, None), (Path("blocks"), [b"fo", b"", b"ur\nfi", b"ve\n"]), (second, None)]
    )
    assert stream.readable()
    assert read_all(stream) == b"one\ntwo\nfour\nfive\nthree\n"
    assert stream.lines == 5
    assert stream.starts == [(1, first), (3, Path("blocks")), (5, second)]
    assert stream.locate(1) == (first, 1)
    assert stream.locate(2) == (first, 2)
    assert stream.locate(3) == (Path("blocks"), 1)
    assert stream.locate(4) == (Path("blocks"), 2)
    assert stream.locate(5) == (second, 1)
    assert stream.locate(None) == (second, None)
    assert stream.locate(0) == (first, 0)
    stream.close()
    assert stream.closed


def test_a_stream_of_nothing_is_located_at_kg_load():
    stream = Stream([])
    assert read_all(stream) == b""
    assert stream.locate(3) == ("kg load", None)
    assert stream.locate(None) == ("kg load", None)


def test_a_stream_closed_midway_closes_its_file(tmp_path):
    file = tmp_path / "a.nq"
    file.write_bytes(b"x" * 100)
    stream = Stream([(file, None)])
    assert stream.readinto(bytearray(10)) == 10
    source = stream.source
    stream.close()
    assert source.closed and stream.source is None and stream.closed


def test_blocks_read_as_a_stream_in_buffers_of_any_size():
    blocks = bulk_load._Blocks([b"abc", b"", b"defg"])
    assert blocks.readable()
    buffer = bytearray(2)
    got = []
    while n := blocks.readinto(buffer):
        got.append(bytes(buffer[:n]))
    assert got == [b"ab", b"c", b"de", b"fg"]
    assert blocks.readinto(buffer) == 0


def test_a_failed_bulk_load_is_collected_with_its_stream_and_closes_it(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_bytes(b"<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n")
    stream = Stream([(bad, None)])
    failures: list = []
    bulk_load.bulk_load_stream(ox.Store(), stream, failures)
    ((failed, exc),) = failures
    assert failed is stream and isinstance(exc, SyntaxError) and exc.lineno == 2
    assert exc.__traceback__ is None
    assert stream.closed


# --------------------------------------------------------------------------------------------
# embedded: what identifies a publish, and where its store is
# --------------------------------------------------------------------------------------------


def test_the_base_is_read_from_the_first_graph_name_of_kg_s(dist):
    assert embedded.base_of(dist) == BASE


def test_the_base_is_found_by_parsing_when_no_line_names_a_graph_plainly(tmp_path):
    dist = tmp_path / "d"
    dist.mkdir()
    # A line that the pattern does not take (two spaces before the dot are fine for the
    # parser; an escaped IRI is not matched by the pattern), then the reference graph.
    (dist / "kg.nq").write_text(
        f"<{BASE}id/a> <{BASE}p> <{BASE}id/b> <{BASE}graph/other> .\n"
        f"<{BASE}id/a> <{BASE}p> <{BASE}id/b> <http://ex.org/graph/\\u0072eference> .\n"
    )
    assert embedded.base_of(dist) == BASE


def test_a_dump_without_a_reference_graph_is_not_a_kg_dump(tmp_path):
    dist = tmp_path / "d"
    dist.mkdir()
    (dist / "kg.nq").write_text(f"<{BASE}id/a> <{BASE}p> <{BASE}id/b> <{BASE}graph/other> .\n")
    with pytest.raises(KgError) as error:
        embedded.base_of(dist)
    assert str(error.value) == f"{dist / 'kg.nq'}: no reference graph: not a kg dump"


def test_a_dump_that_is_not_n_quads_is_said_so_with_its_line(tmp_path):
    dist = tmp_path / "d"
    dist.mkdir()
    (dist / "kg.nq").write_text(f"<{BASE}id/a> <{BASE}p> <{BASE}id/b> .\n<{BASE}a> <{BASE}p> .\n")
    with pytest.raises(KgError) as error:
        embedded.base_of(dist)
    assert error.value.line == 2
    assert str(error.value) == (
        f"{dist / 'kg.nq'}:2: not valid N-Quads: column 37: "
        "The object of a triple must be an IRI, a blank node or a literal"
    )


def test_a_publish_without_its_dump_says_to_publish(tmp_path):
    with pytest.raises(KgError) as error:
        embedded.base_of(tmp_path)
    assert str(error.value) == f"{tmp_path / 'kg.nq'}: missing: run `kg publish` first"


def test_a_publish_is_identified_by_its_checksums_or_its_dumps_sizes_and_times(dist):
    digest = hashlib.sha256((dist / "SHA256SUMS").read_bytes()).hexdigest()
    assert embedded.checksums_digest(dist) == digest
    assert embedded.fingerprint(dist) == digest
    (dist / "SHA256SUMS").unlink()
    assert embedded.checksums_digest(dist) is None
    stats = [
        (str(dist / name), (dist / name).stat().st_size, (dist / name).stat().st_mtime_ns)
        for name in ("kg.nq", "kg.nt", "kg-inferred.ttl")
    ]
    assert embedded.fingerprint(dist) == (
        "stat:" + hashlib.sha256(json.dumps(stats).encode()).hexdigest()
    )
    (dist / "void.ttl").write_text(VOID)
    void = dist / "void.ttl"
    stats.append((str(void), len(VOID.encode()), void.stat().st_mtime_ns))
    assert embedded.fingerprint(dist) == (
        "stat:" + hashlib.sha256(json.dumps(stats).encode()).hexdigest()
    )


def test_the_store_of_a_publish_is_beside_it(tmp_path, monkeypatch):
    assert embedded.default_store(tmp_path / "dist") == tmp_path / "dist.store"
    assert embedded.default_store(str(tmp_path / "dist")) == tmp_path / "dist.store"
    monkeypatch.chdir(tmp_path)
    assert embedded.default_store(".") == tmp_path.with_name(tmp_path.name + ".store")


def test_read_meta_of_no_store_or_a_damaged_one_is_empty(tmp_path):
    assert embedded.read_meta(tmp_path) == {}
    (tmp_path / "kg-store.json").write_text("{not json")
    assert embedded.read_meta(tmp_path) == {}
    (tmp_path / "kg-store.json").write_text('{"base": "é"}', encoding="utf-8")
    assert embedded.read_meta(tmp_path) == {"base": "é"}


# --------------------------------------------------------------------------------------------
# embedded: a load
# --------------------------------------------------------------------------------------------


def test_a_load_reports_its_figures_and_records_them_beside_the_store(dist, tmp_path):
    said: list[str] = []
    before = time.time()
    figures = load(dist, tmp_path / "store", progress=said.append)
    after = time.time()
    assert figures["graphs"] == 3
    assert figures["triples"] == 6
    assert figures["quads"] == 12
    assert figures["seconds"] > 0
    assert said == [
        f"reading {dist / 'kg-inferred.ttl'}",
        f"loading {dist}/: kg.nq into the named graphs, kg.nt into the default graph",
        "counting the triples of each graph and the members of each class",
        "ordering the members of the largest classes for the site's pages",
        "evaluating the named queries for their pages",
    ]
    meta = embedded.read_meta(tmp_path / "store")
    assert meta["kg"] == kg.__version__
    assert before <= meta["loaded"] <= after
    assert meta["format"] == embedded.STORE_FORMAT == 2
    assert meta["dist"] == str(dist.resolve())
    assert meta["checksums"] == embedded.checksums_digest(dist) == meta["fingerprint"]
    assert meta["base"] == BASE
    assert meta["triples"] == 6
    assert meta["graphs"] == {DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}
    assert list(meta["graphs"]) == sorted(meta["graphs"])
    assert meta["classes"] == {f"{BASE}C": 2, ORG: 2}
    assert list(meta["classes"]) == sorted(meta["classes"])
    assert meta["examples"] == {ORG: f"{BASE}id/a"}
    assert meta["seconds"] == round(meta["seconds"], 3) and meta["seconds"] >= 0
    text = (tmp_path / "store" / "kg-store.json").read_text(encoding="utf-8")
    assert text == json.dumps(meta, indent=2) + "\n"
    # The store holds the named graphs and, as its default graph, the asserted and inferred
    # triples.
    graph = StoreGraph(tmp_path / "store")
    store = graph.store
    assert len(store) == 12
    inferred = ox.NamedNode(f"{BASE}graph/inferred")
    assert {str(q.subject) for q in store.quads_for_pattern(None, None, None, inferred)} == {
        f"<{BASE}id/a>",
        f"<{BASE}id/b>",
    }
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == 6
    # The generation is readable by others than its owner.
    assert graph.location.stat().st_mode & 0o777 == 0o755
    assert graph.location.parent == tmp_path / "store.generations"
    # Named after the time it was made, so that a listing of the generations is in time order.
    assert re.fullmatch(r"\d{8}T\d{6}-\w+", graph.location.name), graph.location.name


def test_a_load_takes_its_sizes_from_the_void_when_they_add_up(tmp_path, refuse_count):
    dist = write_dist(tmp_path / "dist", void=True)
    figures = load(dist, tmp_path / "store")
    assert (figures["triples"], figures["quads"]) == (6, 12)
    meta = embedded.read_meta(tmp_path / "store")
    assert meta["graphs"] == {DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}


@pytest.mark.parametrize(
    "damage",
    [
        ("<{DOC}> void:triples 3", "<{DOC}> void:triples 4"),  # the graphs do not add up
        ('dcterms:title "kg.nt" ; void:triples 4', 'dcterms:title "kg.nt" ; void:triples 5'),
        ('dcterms:title "kg.nt"', 'dcterms:title "other.nt"'),  # no size of the default graph
        ('"kg-inferred.ttl"', '"inferred.ttl"'),  # none of the inferred graph
        ("<{REF}> void:triples 1 .", ""),  # a graph the VoID does not give
        ("@prefix void", "@prefix void: <x> . this is not Turtle @prefix void"),
    ],
)
def test_sizes_the_void_does_not_add_up_to_are_counted(tmp_path, damage):
    dist = write_dist(tmp_path / "dist", void=True)
    old, new = (part.format(DOC=DOC, REF=REF) for part in damage)
    text = (dist / "void.ttl").read_text()
    assert old in text
    (dist / "void.ttl").write_text(text.replace(old, new))
    load(dist, tmp_path / "store")
    meta = embedded.read_meta(tmp_path / "store")
    assert meta["triples"] == 6
    assert meta["graphs"] == {DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}


def test_sizes_from_the_void_are_used_as_given(tmp_path, refuse_count):
    """A VoID whose figures add up to the store is believed, whatever their split: it is the
    VoID's split that is recorded (the default graph's size is kg.nt's and kg-inferred.ttl's)."""
    dist = write_dist(tmp_path / "dist", void=True)
    text = (dist / "void.ttl").read_text()
    text = text.replace(f"<{DOC}> void:triples 3", f"<{DOC}> void:triples 2")
    text = text.replace(f"<{REF}> void:triples 1", f"<{REF}> void:triples 2")
    (dist / "void.ttl").write_text(text)
    load(dist, tmp_path / "store")
    assert embedded.read_meta(tmp_path / "store")["graphs"] == {
        DOC: 2,
        f"{BASE}graph/inferred": 2,
        REF: 2,
    }


def test_the_quads_of_a_dump_are_read_from_kg_quads_before_void_triples(tmp_path, refuse_count):
    """kg:quads gives a dump of named graphs by its lines; void:triples, when there is none."""
    dist = write_dist(tmp_path / "dist", void=True)
    sizes = embedded._sizes(dist, _store_of(dist, tmp_path))
    assert sizes == {"": 6, DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}


def _store_of(dist: Path, tmp_path: Path) -> ox.Store:
    load(dist, tmp_path / "loaded")
    return ox.Store.read_only(str((tmp_path / "loaded").resolve()))


def test_the_default_graph_and_each_named_graph_are_counted(dist, tmp_path):
    store = _store_of(dist, tmp_path)
    assert embedded._count(store) == {"": 6, DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}
    assert embedded._count_graph(store, DOC) == 3
    assert embedded._count_graph(store, f"{BASE}graph/inferred") == 2
    assert embedded._count(ox.Store()) == {"": 0}


def node(value: str) -> ox.NamedNode:
    """An IRI, or a local name under BASE."""
    return ox.NamedNode(value if ":" in value else BASE + value)


def test_classes_are_counted_and_the_most_described_member_found(dist, tmp_path):
    store = _store_of(dist, tmp_path)
    assert embedded.class_counts(store) == Counter({ORG: 2, f"{BASE}C": 2})
    assert embedded.most_described(store, ORG) == f"{BASE}id/a"
    assert embedded.most_described(store, f"{BASE}Nothing") is None
    # A tie goes to the first IRI; triples about a member count whichever side it is on, but a
    # triple from a member to itself once.
    tie = ox.Store()
    for s, p, o in [
        ("z", TYPE, ORG),
        ("y", TYPE, ORG),
        ("z", "p", "y"),
        ("y", "p", "x"),
        ("x", "p", "z"),
        ("z", "q", "z"),
        ("y", "q", "w"),
    ]:
        tie.add(ox.Quad(node(s), node(p), node(o)))
    # z: 3 as subject (type, p y, q z) + 1 as object (x p z; z q z is not counted twice) = 4
    # y: 3 as subject (type, p x, q w) + 1 as object (z p y) = 4
    assert embedded.most_described(tie, ORG) == f"{BASE}y"
    tie.remove(ox.Quad(node("y"), node("q"), node("w")))
    assert embedded.most_described(tie, ORG) == f"{BASE}z"
    # A class given as a blank node's type is no class of the index.
    tie.add(ox.Quad(ox.BlankNode(), ox.NamedNode(TYPE), ox.NamedNode(ORG)))
    tie.add(ox.Quad(ox.NamedNode(BASE + "v"), ox.NamedNode(TYPE), ox.BlankNode()))
    assert embedded.class_counts(tie) == Counter({ORG: 3})
    assert embedded.most_described(tie, ORG) == f"{BASE}z"


@pytest.mark.parametrize("name", ["kg.nq", "kg.nt", "kg-inferred.ttl"])
def test_a_load_needs_each_dump(dist, tmp_path, name):
    (dist / name).unlink()
    with pytest.raises(KgError) as error:
        load(dist, tmp_path / "store")
    assert str(error.value) == f"{dist / name}: missing: run `kg publish` first"
    assert not (tmp_path / "store.generations").exists()


def test_a_store_is_made_in_an_existing_folder(dist, tmp_path):
    with pytest.raises(KgError) as error:
        load(dist, tmp_path / "nowhere" / "store")
    assert str(error.value) == (
        f"{tmp_path / 'nowhere'}: no such folder: the store {tmp_path / 'nowhere' / 'store'} "
        "is made in an existing folder"
    )
    (tmp_path / "file").write_text("x")
    with pytest.raises(KgError) as error:
        load(dist, tmp_path / "file" / "store")
    assert str(error.value) == (
        f"{tmp_path / 'file'}: a file, not a folder: the store {tmp_path / 'file' / 'store'} "
        "is made in an existing folder"
    )


def test_a_store_is_replaced_only_when_asked(dist, tmp_path):
    path = tmp_path / "store"
    load(dist, path)
    with pytest.raises(KgError) as error:
        load(dist, path, replace=False)
    assert str(error.value) == f"{path}: a store exists here"
    # A link to nothing is a store's name too.
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "gone")
    with pytest.raises(KgError, match="a store exists here"):
        load(dist, dangling, replace=False)
    assert load(dist, tmp_path / "new", replace=False)["quads"] == 12


def test_only_a_folder_that_holds_a_store_or_nothing_is_replaced(dist, tmp_path):
    file = tmp_path / "file"
    file.write_text("keep")
    with pytest.raises(KgError) as error:
        load(dist, file)
    assert str(error.value) == f"{file}: not a folder: give a new path or an existing store"
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep")
    with pytest.raises(KgError) as error:
        load(dist, folder)
    assert str(error.value) == f"{folder}: not an Oxigraph store: refusing to replace it"
    assert file.read_text() == "keep" and (folder / "notes.txt").read_text() == "keep"
    for mark in ("CURRENT", "IDENTITY", "kg-store.json"):
        marked = tmp_path / f"marked-{mark}"
        marked.mkdir()
        (marked / mark).write_text("")
        (marked / "other").write_text("")
        assert load(dist, marked)["quads"] == 12
        assert marked.is_symlink() and len(StoreGraph(marked).store) == 12
    empty = tmp_path / "empty"
    empty.mkdir()
    assert load(dist, empty)["quads"] == 12 and empty.is_symlink()


def test_a_store_whose_generations_cannot_be_made_says_why(dist, tmp_path):
    (tmp_path / "store.generations").write_text("a file")
    with pytest.raises(KgError) as error:
        load(dist, tmp_path / "store")
    generations_folder = tmp_path / "store.generations"
    assert str(error.value) == f"{generations_folder}: cannot make the store: File exists"


def test_a_load_of_the_same_publish_is_skipped_only_when_asked(dist, tmp_path):
    path = tmp_path / "store"
    load(dist, path)
    first = path.resolve()
    assert load(dist, path, unless_up_to_date=True) is None
    assert path.resolve() == first
    assert load(dist, path)["quads"] == 12
    assert path.resolve() != first and not first.exists()


def test_a_store_is_up_to_date_for_its_publish_and_format_only(dist, tmp_path):
    path = tmp_path / "store"
    assert not embedded.up_to_date(path, dist)
    load(dist, path)
    assert embedded.up_to_date(path, dist)
    meta_file = path / "kg-store.json"
    meta = json.loads(meta_file.read_text())
    meta_file.write_text(json.dumps(meta | {"format": 1}))
    assert not embedded.up_to_date(path, dist)
    meta_file.write_text(json.dumps(meta))
    (dist / "SHA256SUMS").write_text("1" * 64 + "  kg.nq\n")
    assert not embedded.up_to_date(path, dist)
    (dist / "SHA256SUMS").write_text("0" * 64 + "  kg.nq\n")
    assert embedded.up_to_date(path, dist)
    (path / "CURRENT").rename(path / "CURRENT.away")
    assert not embedded.up_to_date(path, dist)


NOT_AN_OBJECT = (
    "not valid RDF: column 37: The object of a triple must be an IRI, a blank node or a literal"
)


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        (
            "kg-inferred.ttl",
            f"<{BASE}a> a <{BASE}C> .\n<{BASE}b> a .\n",
            2,
            "not valid Turtle: column 21: . is not a valid RDF object",
        ),
        (
            "kg.nt",
            "".join(f"{t} .\n" for t in TRIPLES) + f"<{BASE}a> <{BASE}p> .\n",
            5,
            NOT_AN_OBJECT,
        ),
        (
            "kg.nq",
            "".join(f"{t} <{g}> .\n" for t, g in zip(TRIPLES, GRAPHS, strict=True))
            + f"<{BASE}a> <{BASE}p> .\n",
            5,
            NOT_AN_OBJECT,
        ),
    ],
)
def test_a_dump_that_does_not_parse_is_named_with_its_line_and_leaves_no_store(
    dist, tmp_path, name, text, line, message
):
    (dist / name).write_text(text)
    path = tmp_path / "store"
    with pytest.raises(KgError) as error:
        load(dist, path)
    assert (error.value.path, error.value.line) == (dist / name, line)
    assert str(error.value) == f"{dist / name}:{line}: {message}"
    assert not path.exists() and not path.is_symlink()
    assert [p.name for p in (tmp_path / "store.generations").iterdir()] == ["build.lock"]


def test_dumps_without_a_final_line_break_load_whole(dist, tmp_path):
    """A file without a final line break is given one: its last line is not joined to the
    inferred triples that follow it in the stream."""
    (dist / "kg.nt").write_text("".join(f"{t} .\n" for t in TRIPLES).rstrip("\n"))
    (dist / "kg.nq").write_text(
        "".join(f"{t} <{g}> .\n" for t, g in zip(TRIPLES, GRAPHS, strict=True)).rstrip("\n")
    )
    assert load(dist, tmp_path / "store")["quads"] == 12


# --------------------------------------------------------------------------------------------
# embedded: a store opened
# --------------------------------------------------------------------------------------------


@pytest.fixture
def loaded(dist, tmp_path) -> Path:
    load(dist, tmp_path / "store")
    return tmp_path / "store"


def test_a_store_opened_reads_what_its_load_recorded(loaded, dist):
    graph = StoreGraph(loaded)
    assert graph.path == graph.dist == loaded
    assert graph.inferred is True
    assert graph.location == loaded.resolve()
    assert graph.base == BASE
    assert graph.prefixes["id"] == f"{BASE}id/"
    meta = embedded.read_meta(loaded)
    assert graph.meta == meta
    assert graph.loaded == meta["loaded"] and isinstance(graph.loaded, float)
    assert graph.class_counts() == Counter({ORG: 2, f"{BASE}C": 2})
    assert graph.sizes() == (6, Counter({DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}))
    assert graph.dist_folder() == dist.resolve()
    assert graph.warnings(dist) == []


def test_a_store_made_otherwise_is_counted_and_its_base_read_from_its_graphs(loaded, tmp_path):
    meta_file = loaded.resolve() / "kg-store.json"
    meta_file.write_text("{}")
    graph = StoreGraph(loaded)
    assert graph.meta == {}
    assert graph.base == BASE
    assert graph.class_counts() == Counter({ORG: 2, f"{BASE}C": 2})
    assert graph.sizes() == (6, Counter({DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}))
    assert graph.loaded == (loaded.resolve() / "CURRENT").stat().st_mtime
    assert graph.warnings(tmp_path) == []
    with pytest.raises(KgError) as error:
        graph.dist_folder()
    assert str(error.value) == (
        f"{loaded}: the store does not record the folder it was loaded from; give --dist "
        "(or load it again with `kg load`)"
    )
    del graph
    # Figures recorded in part are counted too.
    meta_file.write_text(json.dumps({"triples": 99, "classes": "not a mapping"}))
    graph = StoreGraph(loaded)
    assert graph.sizes() == (6, Counter({DOC: 3, f"{BASE}graph/inferred": 2, REF: 1}))
    assert graph.class_counts() == Counter({ORG: 2, f"{BASE}C": 2})
    del graph
    meta_file.write_text(json.dumps({"triples": "7", "graphs": {DOC: 1}, "loaded": 0}))
    graph = StoreGraph(loaded)
    assert graph.sizes() == (7, Counter({DOC: 1}))
    assert graph.loaded == (loaded.resolve() / "CURRENT").stat().st_mtime


def test_the_folder_a_store_goes_with(loaded, dist, tmp_path):
    graph = StoreGraph(loaded)
    assert graph.dist_folder(tmp_path) == tmp_path
    assert graph.dist_folder(str(tmp_path)) == tmp_path
    with pytest.raises(KgError) as error:
        graph.dist_folder(tmp_path / "nowhere")
    assert str(error.value) == (
        f"{tmp_path / 'nowhere'}: no such folder (give the folder `kg publish` wrote)"
    )
    moved = tmp_path / "moved"
    dist.rename(moved)
    with pytest.raises(KgError) as error:
        graph.dist_folder()
    assert str(error.value) == (
        f"{dist.resolve()}: the store {loaded} was loaded from this folder, which is gone; "
        "give --dist"
    )


def test_a_store_warns_of_a_publish_it_was_not_loaded_from(loaded, dist, tmp_path):
    graph = StoreGraph(loaded)
    other = write_dist(tmp_path / "other")
    assert graph.warnings(other) == []  # the same SHA256SUMS
    (other / "SHA256SUMS").write_text("1" * 64 + "  kg.nq\n")
    assert graph.warnings(other) == [
        f"{other}/ is not the publish the store {loaded} was loaded from (its SHA256SUMS "
        f"differ): downloads and pages may not match the graph; run `kg load --dist {other} "
        f"--store {loaded}` again"
    ]
    (other / "SHA256SUMS").unlink()
    assert len(graph.warnings(other)) == 1


def test_no_store_here(tmp_path, loaded):
    for nothing in (tmp_path / "nowhere", tmp_path / "empty"):
        if nothing.name == "empty":
            nothing.mkdir()
        with pytest.raises(KgError) as error:
            StoreGraph(nothing)
        assert str(error.value) == f"{nothing}: no store here; run `kg load --store PATH`"
    with pytest.raises(KgError) as error:
        StoreGraph(loaded, inferred=False)
    assert str(error.value) == f"{loaded}: a store holds the inferred triples: omit --asserted"


def test_a_folder_with_files_but_no_database_is_no_store(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    with pytest.raises(KgError) as error:
        StoreGraph(folder)
    assert str(error.value) == f"{folder}: no store here; run `kg load --store PATH`"


def test_a_store_made_by_oxigraph_alone_opens_without_a_lock(tmp_path, dist):
    path = tmp_path / "plain"
    store = ox.Store(str(path))
    store.load(path=str(dist / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    gc.collect()
    assert generations.open_generation(path) == (path.resolve(), None)
    graph = StoreGraph(path)
    assert graph.meta == {} and graph.base == BASE and len(graph.store) == 4


def test_a_store_that_cannot_be_opened_says_why(loaded, monkeypatch):
    def refuse(path):
        raise OSError("locked by another")

    monkeypatch.setattr(ox.Store, "read_only", refuse)
    with pytest.raises(KgError) as error:
        StoreGraph(loaded)
    assert str(error.value) == f"{loaded}: cannot open the store: locked by another"


def test_a_store_is_here_when_its_folder_has_files_or_its_link_comes_back(tmp_path, monkeypatch):
    assert not embedded._a_store_is_here(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    assert not embedded._a_store_is_here(tmp_path / "empty")
    (tmp_path / "file").write_text("x")
    assert not embedded._a_store_is_here(tmp_path / "file")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert embedded._a_store_is_here(tmp_path / "full")
    (tmp_path / "link").symlink_to(tmp_path / "full")
    assert embedded._a_store_is_here(tmp_path / "link")
    waits: list[float] = []
    monkeypatch.setattr(embedded.time, "sleep", waits.append)
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    assert not embedded._a_store_is_here(tmp_path / "dangling")
    assert waits == [0.05] * 20  # a link being moved is looked at again
    waits.clear()
    assert not embedded._a_store_is_here(tmp_path / "empty")
    assert waits == []


# --------------------------------------------------------------------------------------------
# generations
# --------------------------------------------------------------------------------------------


def test_a_lock_is_exclusive_and_keeps_the_file(tmp_path):
    import fcntl

    lock = tmp_path / "build.lock"
    lock.write_text("kept")
    with generations.locked(lock), lock.open("rb") as other, pytest.raises(BlockingIOError):
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert lock.read_text() == "kept"
    with lock.open("rb") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released


def test_a_store_is_pointed_at_by_a_relative_link(tmp_path):
    gens = tmp_path / "store.generations"
    first = gens / "one"
    first.mkdir(parents=True)
    path = tmp_path / "store"
    generations.point_at(path, first, gens)
    assert os.readlink(path) == "store.generations/one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "store.generations"]
    # A link left by a load that stopped is replaced.
    (tmp_path / f".store.{os.getpid()}.link").symlink_to("elsewhere")
    second = gens / "two"
    second.mkdir()
    generations.point_at(path, second, gens)
    assert os.readlink(path) == "store.generations/two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "store.generations"]


def test_a_store_folder_made_before_generations_is_moved_among_them(tmp_path):
    gens = tmp_path / "store.generations"
    new = gens / "new"
    new.mkdir(parents=True)
    path = tmp_path / "store"
    path.mkdir()
    (path / "CURRENT").write_text("old")
    generations.point_at(path, new, gens)
    assert path.is_symlink() and path.resolve() == new.resolve()
    (earlier,) = gens.glob("earlier-*")
    assert (earlier / "store" / "CURRENT").read_text() == "old"


def test_a_generation_is_in_use_while_someone_holds_its_lock(tmp_path):
    import fcntl

    generation = tmp_path / "gen"
    generation.mkdir()
    assert not generations.in_use(generation)  # no kg-store.json: not a whole store
    meta = generation / "kg-store.json"
    meta.write_text("{}")
    assert not generations.in_use(generation)
    with meta.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        assert generations.in_use(generation)
    assert not generations.in_use(generation)
    # in_use leaves no lock of its own behind.
    with meta.open("rb") as handle:
        assert not generations.in_use(generation)
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)


def test_generations_nobody_has_open_are_removed(tmp_path):
    import fcntl

    gens = tmp_path / "store.generations"
    folders = {}
    for name in ("current", "unused", "held", "earlier-1", "earlier-2"):
        folders[name] = gens / name
        folders[name].mkdir(parents=True)
    for name in ("current", "unused", "held"):
        (folders[name] / "kg-store.json").write_text("{}")
    for name in ("earlier-1", "earlier-2"):
        (folders[name] / "store").mkdir()
        (folders[name] / "store" / "kg-store.json").write_text("{}")
    (gens / "build.lock").write_text("")
    path = tmp_path / "store"
    path.symlink_to("store.generations/current")
    with (
        (folders["held"] / "kg-store.json").open("rb") as held,
        (folders["earlier-2"] / "store" / "kg-store.json").open("rb") as earlier,
    ):
        fcntl.flock(held, fcntl.LOCK_SH)
        fcntl.flock(earlier, fcntl.LOCK_SH)
        generations.remove_unused(path, gens)
        assert sorted(p.name for p in gens.iterdir()) == [
            "build.lock",
            "current",
            "earlier-2",
            "held",
        ]
    generations.remove_unused(path, gens)
    assert sorted(p.name for p in gens.iterdir()) == ["build.lock", "current"]


def test_a_generation_being_removed_is_looked_at_again_then_refused(tmp_path, monkeypatch):
    """A folder with kg-store.json but no database yet (a load in progress) is looked at 20
    times, 0.05 s apart, then refused; one with neither is refused at once."""
    waits: list[float] = []
    monkeypatch.setattr(generations.time, "sleep", waits.append)
    half = tmp_path / "half"
    half.mkdir()
    (half / "kg-store.json").write_text("{}")
    with pytest.raises(KgError) as error:
        generations.open_generation(half)
    assert str(error.value) == f"{half}: no store here; run `kg load --store PATH`"
    assert waits == [0.05] * 20
    waits.clear()
    bare = tmp_path / "bare"
    bare.mkdir()
    with pytest.raises(KgError) as error:
        generations.open_generation(bare)
    assert str(error.value) == f"{bare}: no store here; run `kg load --store PATH`"
    assert waits == []


def test_a_generation_opened_is_held_with_a_shared_lock(loaded):
    location, handle = generations.open_generation(loaded)
    try:
        assert location == loaded.resolve()
        assert generations.in_use(location)
        second, other = generations.open_generation(loaded)  # shared: others open it too
        other.close()
    finally:
        handle.close()
    assert not generations.in_use(location)


# --------------------------------------------------------------------------------------------
# embedded: the store `kg serve` serves, loaded in a process of its own
# --------------------------------------------------------------------------------------------


def test_the_child_of_a_load_sends_its_progress_then_its_figures(dist, tmp_path):
    import multiprocessing

    here, there = multiprocessing.Pipe(duplex=False)
    embedded._load_for(str(dist), str(tmp_path / "store"), there)
    assert there.closed
    sent = [here.recv()]
    while sent[-1][0] != "done":
        sent.append(here.recv())
    with pytest.raises(EOFError):  # nothing after the figures, and the end closed
        here.recv()
    kinds = [kind for kind, _ in sent]
    assert kinds == ["progress"] * 5 + ["done"]
    assert sent[0] == ("progress", f"reading {dist / 'kg-inferred.ttl'}")
    figures = sent[-1][1]
    assert (figures["graphs"], figures["quads"], figures["triples"]) == (3, 12, 6)
    # Loaded again only when the publish changed.
    here, there = multiprocessing.Pipe(duplex=False)
    embedded._load_for(str(dist), str(tmp_path / "store"), there)
    assert here.recv() == ("done", None)


def test_the_child_of_a_load_sends_its_error(dist, tmp_path):
    import multiprocessing

    (dist / "kg.nt").unlink()
    here, there = multiprocessing.Pipe(duplex=False)
    embedded._load_for(str(dist), str(tmp_path / "store"), there)
    kind, error = here.recv()
    assert kind == "error" and isinstance(error, KgError)
    assert str(error) == f"{dist / 'kg.nt'}: missing: run `kg publish` first"
    assert error.__traceback__ is None
    assert there.closed
    with pytest.raises(EOFError):
        here.recv()


def test_an_error_that_does_not_pickle_is_sent_in_words(dist, tmp_path, monkeypatch):
    import multiprocessing
    import threading

    class Unpicklable(Exception):
        def __init__(self) -> None:
            super().__init__("held a lock")
            self.lock = threading.Lock()

    def fail(*args, **kwargs):
        raise Unpicklable()

    monkeypatch.setattr(embedded, "load", fail)
    here, there = multiprocessing.Pipe(duplex=False)
    embedded._load_for(str(dist), str(tmp_path / "store"), there)
    kind, error = here.recv()
    assert kind == "error" and type(error) is RuntimeError
    assert str(error) == "Unpicklable: held a lock"


def test_the_store_kg_serve_serves_is_loaded_apart_once(dist):
    said: list[str] = []
    path, figures = embedded.served_store(dist, progress=said.append)
    assert path == dist.with_name("dist.store") and path.is_symlink()
    assert (figures["graphs"], figures["quads"], figures["triples"]) == (3, 12, 6)
    assert said == [
        f"reading {dist / 'kg-inferred.ttl'}",
        f"loading {dist}/: kg.nq into the named graphs, kg.nt into the default graph",
        "counting the triples of each graph and the members of each class",
        "ordering the members of the largest classes for the site's pages",
        "evaluating the named queries for their pages",
    ]
    assert embedded.served_store(str(dist)) == (path, None)


def test_a_load_apart_raises_the_child_s_error(dist, tmp_path):
    (dist / "kg-inferred.ttl").write_text("<a> <b> .\n")
    with pytest.raises(KgError) as error:
        embedded._load_apart(dist, tmp_path / "store", lambda what: None)
    assert str(error.value).startswith(f"{dist / 'kg-inferred.ttl'}:1: not valid Turtle: ")


def test_kg_serve_needs_a_publish(tmp_path):
    with pytest.raises(KgError) as error:
        embedded.served_store(tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'kg.nq'}: no published graph here; run `kg publish` or give --dist"
    )
    assert not tmp_path.with_name(tmp_path.name + ".store").exists()
