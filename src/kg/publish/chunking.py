"""Chunks of the whole-graph dumps: the sorted quads cut into chunks of subjects, each chunk's
pieces of the dumps, and the chunks of a previous publish revised by the quads that changed.

Where the cuts fall and why is `kg.publish.chunked`'s docstring; a subject ends a chunk when
its SHA-256 is a multiple of `SUBJECTS_PER_CHUNK`, or when it has `HEAVY_SUBJECT` quads or more
(`is_cut`).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.publish.contents import CONTEXT, Statistics
from kg.publish.jsonld import JSONLD_SEPARATOR, jsonld_nodes

SUBJECTS_PER_CHUNK = 256  # on average: a chunk holds 1,500 quads, 200 KB of the dumps
HEAVY_SUBJECT = 4096  # quads: a subject with this many ends its chunk
INFERRED_QUADS = "inferred.nq"


def is_cut(subject: bytes, quads: int) -> bool:
    """Whether `subject` (as N-Triples writes it) ends a chunk, given its number of quads."""
    if quads >= HEAVY_SUBJECT:
        return True
    digest = hashlib.sha256(subject).digest()
    return int.from_bytes(digest[:8], "big") % SUBJECTS_PER_CHUNK == 0


def subject_of(line: bytes) -> bytes:
    # Subjects and predicates hold no space in N-Triples (IRIs and blank node labels).
    return line[: line.index(b" ")]


def cut(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    """Sorted quad lines (a list, or a file read as it goes) in chunks, each ending where a
    subject ends a chunk (`is_cut`); the last one may end elsewhere (the end of the lines).
    One chunk is in memory at a time."""
    chunk: list[bytes] = []
    subject = None
    first = 0
    for line in lines:
        s = line[: line.index(b" ")]
        if s != subject:
            if subject is not None and is_cut(subject, len(chunk) - first):
                yield chunk
                chunk = []
            subject, first = s, len(chunk)
        chunk.append(line)
    if chunk:
        yield chunk


def ends_at_cut(lines: Sequence[bytes]) -> bool:
    if not lines:
        return False
    subject = subject_of(lines[-1])
    n = 1
    while n < len(lines) and lines[-1 - n].startswith(subject + b" "):
        n += 1
    return is_cut(subject, n)


def triples_of(lines: Sequence[bytes]) -> list[bytes]:
    """The distinct N-Triples lines of sorted N-Quads lines, in order (a triple's quads are
    together: the graph is the last term)."""
    out: list[bytes] = []
    last = None
    for line in lines:
        triple = line[: line.rindex(b" <", 0, len(line) - 3)] + b" .\n"
        if triple != last:
            out.append(triple)
            last = triple
    return out


def object_digests(triples: Iterable[bytes]) -> set[bytes]:
    """The 128-bit BLAKE2b of each object of N-Triples lines."""
    return {hashlib.blake2b(t.split(b" ", 2)[2][:-3], digest_size=16).digest() for t in triples}


def _prefixes(format: ox.RdfFormat, line: bytes, source: ox.RdfFormat) -> bytes:
    """What pyoxigraph writes before the first triple: the prefixes."""
    text = ox.serialize(ox.parse(line, format=source), format=format, prefixes=CONTEXT)
    return text[: text.index(b"<urn:x-kg:")]


TURTLE_HEAD = _prefixes(
    ox.RdfFormat.TURTLE, b"<urn:x-kg:s> <urn:x-kg:p> <urn:x-kg:o> .\n", ox.RdfFormat.N_TRIPLES
)
TRIG_HEAD = _prefixes(
    ox.RdfFormat.TRIG,
    b"<urn:x-kg:s> <urn:x-kg:p> <urn:x-kg:o> <urn:x-kg:g> .\n",
    ox.RdfFormat.N_QUADS,
)


def turtle_body(nt: bytes) -> bytes:
    """The Turtle of sorted N-Triples lines, without the prefixes."""
    text = ox.serialize(
        ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=CONTEXT
    )
    assert text.startswith(TURTLE_HEAD)
    return text[len(TURTLE_HEAD) :]


def trig_block(nq: bytes) -> bytes:
    """The TriG block of one named graph's sorted N-Quads lines, without the prefixes."""
    if not nq:
        return b""
    text = ox.serialize(
        ox.parse(nq, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG, prefixes=CONTEXT
    )
    assert text.startswith(TRIG_HEAD)
    return text[len(TRIG_HEAD) :]


@dataclass
class Chunk:
    """A chunk as the state keeps it: where its pieces lie in the dumps of the last publish."""

    last: bytes  # its last subject, as N-Triples writes it
    spans: dict[str, tuple[int, int]]  # file name -> (offset, length) of its piece
    figures: Statistics | int  # asserted: its figures; inferred: its distinct triples
    written: bool = False  # made anew by the publish that wrote it (not copied)


@dataclass
class Written:
    """A chunk made anew: its pieces, and what the state keeps of it."""

    last: bytes
    pieces: dict[str, bytes]
    figures: Statistics | int
    objects: set[bytes] = field(default_factory=set)


_JSONLD: tuple[str, dict[str, str]] = ("", {})  # jsonld_context of the build, for the workers


def use_jsonld_context(context: tuple[str, dict[str, str]]) -> None:
    """What `asserted_chunk` needs of the build (`kg.publish.jsonld.jsonld_context`): set
    before the workers fork, who inherit it, and reset after."""
    global _JSONLD
    _JSONLD = context


def asserted_chunk(lines: list[bytes]) -> Written:
    """The pieces of a chunk of asserted quads in kg.nq, kg.nt, kg.ttl and kg.jsonld."""
    triples = triples_of(lines)
    nt = b"".join(triples)
    figures = Statistics()
    entity_space, documents = _JSONLD
    nodes = jsonld_nodes(
        ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), entity_space, documents, figures
    )
    jsonld = JSONLD_SEPARATOR.join(nodes).encode("utf-8")
    figures.classes = Counter({sys.intern(k): v for k, v in figures.classes.items()})
    figures.property_iris = {sys.intern(p) for p in figures.property_iris}
    return Written(
        subject_of(lines[-1]),
        {"kg.nq": b"".join(lines), "kg.nt": nt, "kg.ttl": turtle_body(nt), "kg.jsonld": jsonld},
        figures,
        object_digests(triples),
    )


def inferred_chunk(lines: list[bytes]) -> Written:
    """The pieces of a chunk of inferred quads in the kept quads and in kg-inferred.ttl."""
    triples = triples_of(lines)
    return Written(
        subject_of(lines[-1]),
        {INFERRED_QUADS: b"".join(lines), "kg-inferred.ttl": turtle_body(b"".join(triples))},
        len(triples),
    )


def read_lines(path: Path) -> Iterator[bytes]:
    """The lines of a file, read as it goes."""
    with path.open("rb") as f:
        yield from f


def read_span(fd: int, span: tuple[int, int]) -> bytes:
    offset, length = span
    data = os.pread(fd, length, offset)
    while len(data) < length:
        more = os.pread(fd, length - len(data), offset + len(data))
        if not more:
            raise OSError("a dump of the previous publish ended early")
        data += more
    return data


# -- revising the chunks of the previous publish ------------------------------------------------


def placed(old: list[Chunk], lines: Iterable[bytes]) -> dict[int, list[bytes]]:
    """Sorted quad lines by the previous chunk whose stretch of subjects they fall in (after
    the last chunk: the last)."""
    lasts = [chunk.last for chunk in old]
    found: dict[int, list[bytes]] = {}
    for line in lines:
        at = min(bisect.bisect_left(lasts, subject_of(line)), len(old) - 1)
        found.setdefault(at, []).append(line)
    return found


@dataclass
class Revision:
    """The chunks after a change, in order: each one reused from the previous publish or
    made anew, as `chunks` is iterated (a writer copies the reused chunks before a rewritten
    one while the main thread makes it); and, once iterated, the quads of each chunk
    rewritten, as they were."""

    chunks: Iterator[Chunk | Written]
    retired: list[list[bytes]] = field(default_factory=list)


def revise(
    old: list[Chunk],
    source: Path,
    removed: dict[int, list[bytes]],
    added: dict[int, list[bytes]],
    make: Callable[[list[bytes]], Written],
) -> Revision:
    """The chunks once the quads `removed` are gone and the quads `added` are there (each
    `placed` by chunk): the previous chunks that lose and gain none as they were, the others
    read from `source` (the previous file of quads), changed, cut again and made by `make`.
    A stretch of rewritten chunks goes on until a subject ends a chunk (its last subject
    may have gone), so that the cuts are those of a publish from scratch."""
    retired: list[list[bytes]] = []
    return Revision(_revised_chunks(old, source, removed, added, make, retired), retired)


def _revised_chunks(old, source, removed, added, make, retired) -> Iterator[Chunk | Written]:
    rewrite = set(removed) | set(added)
    if not rewrite:
        yield from old
        return
    fd = os.open(source, os.O_RDONLY)
    try:
        i = 0
        while i < len(old):
            if i not in rewrite:
                yield old[i]
                i += 1
                continue
            lines: list[bytes] = []
            while True:
                before = read_span(fd, old[i].spans[source.name]).splitlines(keepends=True)
                retired.append(before)
                gone = set(removed.get(i, ()))
                lines += sorted([x for x in before if x not in gone] + added.get(i, []))
                i += 1
                if i == len(old) or ends_at_cut(lines):
                    break
            for chunk in cut(lines):
                yield make(chunk)
    finally:
        os.close(fd)
