"""The sorted-lines lookup of the cross-document check (`_starting`), tested on its own: a binary
search over byte lines is easy to get one off, and the check's result on the seeds holds only
a few lines per prefix."""

from __future__ import annotations

import mmap

import pytest
from rdflib import Literal, URIRef

from kg.build.crossdocument import _mapped, _order, _starting

LINES = [b"<a> 1\n", b"<b> 1\n", b"<b> 2\n", b"<b> 3\n", b"<c> 1\n", b"<d> 1\n", b"<e> 9\n"]


@pytest.mark.parametrize("last_newline", [True, False])
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (b"<a>", [0]),
        (b"<b>", [1, 2, 3]),
        (b"<c>", [4]),
        (b"<e>", [6]),
        (b"<b> 2", [2]),
        (b"<0>", []),
        (b"<bb>", []),
        (b"<f>", []),
        (b"", list(range(7))),
    ],
)
def test_starting_finds_every_line_with_the_prefix_and_no_other(prefix, expected, last_newline):
    text = b"".join(LINES)
    lines = list(LINES)
    if not last_newline:
        text = text[:-1]
        lines[-1] = lines[-1][:-1]
    assert _starting(text, prefix) == [lines[i] for i in expected]


@pytest.mark.parametrize("count", [1, 2, 3, 50, 51])
def test_starting_at_every_position_of_texts_of_any_length(count):
    lines = [b"<%03d> x\n" % i for i in range(count)]
    text = b"".join(lines)
    for i, line in enumerate(lines):
        assert _starting(text, b"<%03d>" % i) == [line]
    assert _starting(b"", b"<000>") == []


def test_mapped_reads_a_file_and_an_empty_one(tmp_path):
    full, empty = tmp_path / "full", tmp_path / "empty"
    full.write_bytes(b"".join(LINES))
    empty.write_bytes(b"")
    with full.open("rb") as f, _mapped(f) as text:
        assert isinstance(text, mmap.mmap) and text[:] == b"".join(LINES)
        assert _starting(text, b"<b>") == LINES[1:4]
    with empty.open("rb") as f, _mapped(f) as text:
        assert text == b""


def test_order_is_check_focus_then_value_in_n_triples():
    focus = URIRef("http://x/f")
    assert _order(("shape", "key", focus, Literal(2))) == (
        "key",
        focus,
        '"2"^^<http://www.w3.org/2001/XMLSchema#integer>',
    )
    assert _order(("shape", "key", focus, None)) == ("key", focus, "")
