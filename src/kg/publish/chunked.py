"""The whole-graph dumps kept in chunks, so that a publish rewrites only what changed.

`kg.nq` and `kg.nt` list their lines in byte order, `kg.ttl`, `kg.jsonld` and
`kg-inferred.ttl` their subjects in that order, and `kg.trig` the named graphs in name order
(`kg.publish.export`). One changed document changes a few stretches of that order: the lines of its
own subjects (its annotations, observations, events: a few hundred subjects, in some twenty
stretches, one for each kind of IRI) and of the shared subjects it says something about (a
place, a year). So the order of subjects is cut into chunks, and each dump is the concatenation
of its chunks' pieces:

- `kg.nq`, `kg.nt`: the chunk's lines (N-Quads and N-Triples are lines);
- `kg.ttl`, `kg-inferred.ttl`: pyoxigraph's Turtle of the chunk's triples, less the prefixes
  it writes first: its serializer carries nothing from one subject to the next (the data has no
  blank nodes), so the chunks' Turtle, after the prefixes once, is the whole graph's Turtle;
- `kg.jsonld`: the chunk's node objects, one a line, joined by the separator the whole file
  uses;
- `kg.trig`: per named graph, not per chunk: each graph's block, graphs in name order.

A subject ends a chunk when its SHA-256 is a multiple of `SUBJECTS_PER_CHUNK`, or when it has
`HEAVY_SUBJECT` quads or more (a year or a country that every document names: it then has its
own chunk, rewritten with every document that names it, not with its neighbours). The cuts
depend on the subjects, not on their positions: a change before a cut does not move it.

With a cache folder, `kg publish` keeps in `CACHE/dumps/` where each chunk's piece lies in each
dump of the last publish and its figures for VoID (`State`), and each named graph's packed
triples as that publish wrote them (`graphs/`). The next publish compares each named graph
whose packed triples differ (a document redone to the same triples changes nothing) with what
it was, line by line: the quads removed and added. It reads again, from the previous `kg.nq`,
only the chunks whose subjects those quads fall among, takes the removed quads out, puts the
added ones in, cuts again and writes those chunks; every other piece is copied byte for byte
from the previous dump (`os.copy_file_range`: no parsing, no serializing), and `kg.trig`
copies the blocks of the graphs that did not change. What it writes is what a publish from
scratch writes (tests/test_chunked.py), and the quads removed and added are the change set
from the previous release (`kg.publish.releases`), found without reading the dumps through. The
inferred triples are chunked the same way, their quads (which graph inferred what) kept in
`CACHE/dumps/inferred.nq`, as `kg-inferred.ttl` holds only the distinct triples.

VoID's distinct objects are the one figure no chunk can give alone (an IRI or a literal is the
object of subjects in many chunks): `objects.sqlite` counts, for the 128-bit BLAKE2b digest of
each object, the chunks that hold it; a publish takes away the chunks it rewrote and adds their
new versions. (Two objects with one digest would count once: about one chance in 10^25 at
10,000 documents.)

When the state does not match `out` (another publish wrote it, a dump was changed in place,
the code or the base changed), a kept graph is missing, or more than a quarter of the chunks
would be rewritten (`MOST`), the dumps are written from scratch: the quads sorted by `sort`,
cut, and each chunk made in a pool of worker processes.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import multiprocessing
import os
import pickle
import shutil
import sqlite3
import sys
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg import ntriples
from kg.atomic import write_bytes
from kg.build.run import Build
from kg.errors import KgError
from kg.publish.export import (
    CONTEXT,
    DUMPS,
    JSONLD_FIRST,
    JSONLD_HEAD,
    JSONLD_SEPARATOR,
    JSONLD_TAIL,
    OBSERVATION_LINE_END,
    Digests,
    NamedGraph,
    Statistics,
    as_quads,
    code_digest,
    document_graphs,
    jsonld_context,
    jsonld_nodes,
    reference_graphs,
)
from kg.sorting import sorted_into

SUBJECTS_PER_CHUNK = 256  # on average: a chunk holds 1,500 quads, 200 KB of the dumps
HEAVY_SUBJECT = 4096  # quads: a subject with this many ends its chunk
FOLDER = "dumps"  # in the cache folder
STATE = "state.pickle"
INFERRED_QUADS = "inferred.nq"
OBJECTS = "objects.sqlite"
FORMAT = 1  # of the state: another is not read
BATCH = 64  # chunks handed to the workers at a time (a publish from scratch)

Progress = Callable[[str], None]


# -- chunks ------------------------------------------------------------------------------------


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


# -- the state ---------------------------------------------------------------------------------


@dataclass
class GraphRecord:
    """A named graph as the last publish wrote it."""

    asserted: bytes  # SHA-256 of its packed asserted triples
    inferred: bytes | None  # and of its inferred ones (None: not reasoned)
    trig: tuple[int, int]  # its block in kg.trig
    quads: int
    observations: int | None  # a document's: its qb:Observation


@dataclass
class State:
    """What a publish keeps of its dumps for the next one (CACHE/dumps/state.pickle)."""

    key: str  # the code and base the dumps were written with
    generation: str  # names this state in objects.sqlite
    files: dict[str, tuple[int, int, int]]  # name -> size, inode, modification time (ns)
    asserted: list[Chunk]
    inferred: list[Chunk]
    graphs: dict[str, GraphRecord]  # N-Triples name -> record
    objects: int  # distinct objects of kg.nt


def state_key(base: str) -> str:
    h = hashlib.sha256(code_digest())
    h.update(Path(__file__).read_bytes())
    h.update(f"\0{FORMAT}\0{SUBJECTS_PER_CHUNK}\0{HEAVY_SUBJECT}\0{base}".encode())
    return h.hexdigest()


def identity(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return found.st_size, found.st_ino, found.st_mtime_ns


def load_state(folder: Path, out: Path, key: str) -> State | None:
    """The state of the last publish, when the dumps in `out` and the kept quads are still
    the files it describes (same size, inode and modification time: the same files, or hard
    links to them, unchanged) and written by this code with this base; None otherwise (the
    dumps are then written from scratch)."""
    try:
        with (folder / STATE).open("rb") as f:
            state = pickle.load(f)
        if not isinstance(state, State) or state.key != key:
            return None
        for name, recorded in state.files.items():
            path = folder / name if name == INFERRED_QUADS else out / name
            if identity(path) != tuple(recorded):
                return None
        with sqlite3.connect(folder / OBJECTS) as db:
            (generation,) = db.execute("SELECT generation FROM meta").fetchone()
        db.close()
        if generation != state.generation:
            return None
    except Exception:  # noqa: BLE001 - a missing or damaged state: the dumps from scratch
        return None
    return state


# -- writing -----------------------------------------------------------------------------------


class Assembly:
    """A file written from pieces: bytes, or spans of an earlier file copied by the kernel."""

    def __init__(self, path: Path, previous: Path | None = None):
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self.source = os.open(previous, os.O_RDONLY) if previous is not None else None
        self.size = 0
        self.pending: tuple[int, int] | None = None  # a span of `previous` not yet copied

    def write(self, data: bytes) -> tuple[int, int]:
        self._flush()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        span = (self.size, len(data))
        self.size += len(data)
        return span

    def copy(self, span: tuple[int, int]) -> tuple[int, int]:
        """Copy `span` of the previous file (consecutive spans in one call)."""
        offset, length = span
        if self.pending is not None and sum(self.pending) == offset:
            self.pending = (self.pending[0], self.pending[1] + length)
        else:
            self._flush()
            self.pending = span
        new = (self.size, length)
        self.size += length
        return new

    def _flush(self) -> None:
        if self.pending is None:
            return
        offset, length = self.pending
        self.pending = None
        while length:
            try:
                n = os.copy_file_range(self.source, self.fd, length, offset)
            except OSError:
                n = os.write(self.fd, os.pread(self.source, min(length, 1 << 24), offset))
            if n == 0:
                raise OSError(f"{self.path}: the previous file ended early")
            offset, length = offset + n, length - n

    def close(self) -> None:
        try:
            self._flush()
        finally:
            os.close(self.fd)
            if self.source is not None:
                os.close(self.source)


def read_span(fd: int, span: tuple[int, int]) -> bytes:
    offset, length = span
    data = os.pread(fd, length, offset)
    while len(data) < length:
        more = os.pread(fd, length - len(data), offset + len(data))
        if not more:
            raise OSError("a dump of the previous publish ended early")
        data += more
    return data


class Writer:
    """The files of one kind of chunks (the asserted quads' four dumps, or the inferred quads
    and their Turtle), written chunk by chunk: a reused chunk's pieces copied from the
    previous files, a new one's written."""

    def __init__(self, paths: dict[str, Path], previous: dict[str, Path] | None = None):
        self.files: dict[str, Assembly] = {}
        try:
            for name, path in paths.items():
                self.files[name] = Assembly(path, previous[name] if previous else None)
        except BaseException:
            self.close()
            raise
        self.first = True
        if "kg.jsonld" in self.files:
            self.files["kg.jsonld"].write(JSONLD_HEAD.encode())

    def add(self, chunk: Chunk | Written) -> Chunk:
        spans = {}
        for name, out in self.files.items():
            if name.endswith(".ttl") and self.first:
                out.write(TURTLE_HEAD)  # none for no triples: pyoxigraph writes none then
            if name == "kg.jsonld":
                out.write((JSONLD_FIRST if self.first else JSONLD_SEPARATOR).encode())
            if isinstance(chunk, Written):
                spans[name] = out.write(chunk.pieces[name])
            else:
                spans[name] = out.copy(chunk.spans[name])
        self.first = False
        return Chunk(chunk.last, spans, chunk.figures, isinstance(chunk, Written))

    def finish(self) -> None:
        if "kg.jsonld" in self.files:
            self.files["kg.jsonld"].write(JSONLD_TAIL.encode())
        self.close()

    def close(self) -> None:
        for out in self.files.values():
            out.close()
        self.files = {}


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


def _quads(packed: ntriples.Packed | None, name) -> list[bytes]:
    """The sorted N-Quads lines of a packed graph named `name`."""
    if packed is None:
        return []
    return as_quads(ntriples.unpack(packed), name).splitlines(keepends=True)


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
    made anew; and the quads of each chunk rewritten, as they were."""

    chunks: list[Chunk | Written] = field(default_factory=list)
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
    rewrite = set(removed) | set(added)
    revision = Revision()
    if not rewrite:
        revision.chunks = list(old)
        return revision
    fd = os.open(source, os.O_RDONLY)
    try:
        i = 0
        while i < len(old):
            if i not in rewrite:
                revision.chunks.append(old[i])
                i += 1
                continue
            lines: list[bytes] = []
            while True:
                before = read_span(fd, old[i].spans[source.name]).splitlines(keepends=True)
                revision.retired.append(before)
                gone = set(removed.get(i, ()))
                lines += sorted([x for x in before if x not in gone] + added.get(i, []))
                i += 1
                if i == len(old) or ends_at_cut(lines):
                    break
            revision.chunks += [make(chunk) for chunk in cut(lines)]
    finally:
        os.close(fd)
    return revision


# -- distinct objects ------------------------------------------------------------------------


class Objects:
    """objects.sqlite: for the digest of each object of kg.nt, how many chunks hold it. Its
    changes are one transaction, committed with the state (`commit`); a new table is written
    beside the old one and renamed over it."""

    def __init__(self, path: Path, fresh: bool):
        self.target = path
        self.path = path.with_name(f"{path.name}.{os.getpid()}.new") if fresh else path
        if fresh:
            self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("BEGIN")
        if fresh:
            self.db.execute(
                "CREATE TABLE objects (digest BLOB PRIMARY KEY, chunks INTEGER NOT NULL) "
                "WITHOUT ROWID"
            )
            self.db.execute("CREATE TABLE meta (generation TEXT NOT NULL)")
            self.db.execute("INSERT INTO meta VALUES ('')")

    def fill(self, sorted_digests: Path) -> int:
        """The table of a file of hex digests in sorted order, one line for each chunk that
        holds the object; returns the number of distinct objects."""

        def rows():
            last, n = None, 0
            for line in _lines(sorted_digests):
                if line != last:
                    if last is not None:
                        yield bytes.fromhex(last.decode()), n
                    last, n = line, 0
                n += 1
            if last is not None:
                yield bytes.fromhex(last.decode()), n

        self.db.executemany("INSERT INTO objects VALUES (?, ?)", rows())
        return self.db.execute("SELECT count(*) FROM objects").fetchone()[0]

    def change(self, delta: Counter, count: int) -> int:
        """Add `delta` (digest -> chunks more or fewer) to a table of `count` objects; returns
        the new count."""
        for digest, n in sorted(delta.items()):
            if n == 0:
                continue
            found = self.db.execute("SELECT chunks FROM objects WHERE digest = ?", (digest,))
            row = found.fetchone()
            now = (row[0] if row else 0) + n
            if now < 0:
                raise KgError(self.target, None, "does not match the dumps; remove it")
            if now == 0:
                self.db.execute("DELETE FROM objects WHERE digest = ?", (digest,))
                count -= 1
            elif row:
                self.db.execute("UPDATE objects SET chunks = ? WHERE digest = ?", (now, digest))
            else:
                self.db.execute("INSERT INTO objects VALUES (?, ?)", (digest, now))
                count += 1
        return count

    def commit(self, generation: str) -> None:
        self.db.execute("UPDATE meta SET generation = ?", (generation,))
        self.db.execute("COMMIT")
        self.db.close()
        if self.path != self.target:
            os.replace(self.path, self.target)

    def abandon(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")
        self.db.close()
        if self.path != self.target:
            self.path.unlink(missing_ok=True)


# -- a publish ---------------------------------------------------------------------------------

# Beyond this share of the chunks to rewrite (a change to the reference data, which most
# documents' subjects reach), the dumps are written from scratch: sorting in C and
# serializing in every core beats revising most chunks one by one.
MOST = 0.25


@dataclass
class Reuse:
    """What a publish reused of the previous one's dumps."""

    chunks: int = 0  # of the asserted quads, in this publish
    written: int = 0  # of those, made anew (the others copied)
    inferred_chunks: int = 0
    inferred_written: int = 0
    graphs: int = 0  # named graphs (kg.trig)
    graphs_written: int = 0
    from_scratch: bool = True


@dataclass
class Dumps:
    """The dumps a publish wrote into its temporary folder. `commit` keeps their state in the
    cache (just before the folder takes the place of `out`), `abandon` forgets it."""

    stats: Statistics
    reuse: Reuse
    # The quads removed and added since the previous publish (sorted), when it was revised;
    # None when the dumps were written from scratch.
    changes: tuple[list[bytes], list[bytes]] | None
    commit: Callable[[], None]
    abandon: Callable[[], None]


def _graph_names(build: Build) -> dict[str, NamedGraph]:
    """Every named graph of the build by its name as N-Triples writes it."""
    graphs = reference_graphs(build) + document_graphs(build, build.documents.packed)
    return {graph.name.n3(): graph for graph in graphs}


def _digest(packed: ntriples.Packed | None) -> bytes | None:
    return None if packed is None else hashlib.sha256(packed.data).digest()


ASSERTED_DUMPS = ("kg.nq", "kg.nt", "kg.ttl", "kg.jsonld")


def write(
    build: Build,
    tmp: Path,
    out: Path,
    cache_dir: Path,
    digests: Digests,
    progress: Progress,
    jobs: int | None = None,
) -> Dumps:
    """The six dumps of the whole graph in `tmp`, the chunks of the previous publish in `out`
    that did not change copied from it (`State`, kept in `cache_dir`); their SHA-256 go into
    `digests`."""
    global _JSONLD
    folder = Path(cache_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder)
    key = state_key(build.minter.base)
    state = load_state(folder, out, key)
    named = _graph_names(build)
    order = sorted(named, key=lambda n: str(named[n].name))
    records = {
        n: GraphRecord(
            _digest(named[n].asserted),
            _digest(named[n].inferred),
            (0, 0),
            named[n].asserted.triples,
            None,
        )
        for n in order
    }
    revision = None
    if state is not None:
        revision = _plan(named, records, state, folder)
        if revision is None:
            progress("most of the graph changed: writing the dumps from scratch")
            state = None
    kept_quads = folder / f"{INFERRED_QUADS}.{os.getpid()}.new"
    objects = Objects(folder / OBJECTS, fresh=state is None)
    reuse = Reuse(from_scratch=state is None)
    _JSONLD = jsonld_context(build)
    try:
        if state is None:
            asserted, inferred, object_count = _from_scratch(
                named, tmp, kept_quads, objects, jobs or os.cpu_count() or 1, progress
            )
            changes = None
        else:
            asserted, inferred, object_count, changes = _revised(
                state, revision, tmp, out, folder, kept_quads, objects, progress
            )
        progress("writing kg.trig")
        _write_trig(named, order, records, state, tmp, out, reuse)
        progress("checksums of the dumps")
        digests.compute([tmp / name for name in DUMPS])
    except BaseException:
        objects.abandon()
        kept_quads.unlink(missing_ok=True)
        raise
    finally:
        _JSONLD = ("", {})
    reuse.chunks, reuse.written = len(asserted), sum(c.written for c in asserted)
    reuse.inferred_chunks, reuse.inferred_written = len(inferred), sum(c.written for c in inferred)
    stats = _statistics(named, order, records, asserted, inferred, object_count)

    def commit() -> None:
        generation = uuid.uuid4().hex
        _keep_graphs(named, records, folder)
        objects.commit(generation)
        os.replace(kept_quads, folder / INFERRED_QUADS)
        files = {name: identity(tmp / name) for name in DUMPS}
        files[INFERRED_QUADS] = identity(folder / INFERRED_QUADS)
        kept = State(key, generation, files, asserted, inferred, records, object_count)
        write_bytes(folder / STATE, pickle.dumps(kept, pickle.HIGHEST_PROTOCOL))

    def abandon() -> None:
        objects.abandon()
        kept_quads.unlink(missing_ok=True)

    return Dumps(stats, reuse, changes, commit, abandon)


GRAPHS = "graphs"  # the packed graphs of the last publish, by SHA-256, in the state's folder


def _kept(folder: Path, digest: bytes) -> Path:
    return folder / GRAPHS / f"{digest.hex()}.nt.zlib"


def remove_stale(folder: Path) -> None:
    """The files a killed publish was writing (`NAME.PID.new`), when that process is gone."""
    for path in folder.glob("*.*.new"):
        pid = path.name.split(".")[-2]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's process: running


@dataclass
class _Plan:
    """The quads removed and added since the previous publish (sorted), asserted and
    inferred."""

    removed: list[bytes] = field(default_factory=list)
    added: list[bytes] = field(default_factory=list)
    removed_inferred: list[bytes] = field(default_factory=list)
    added_inferred: list[bytes] = field(default_factory=list)


def _plan(named: dict[str, NamedGraph], records: dict, state: State, folder: Path) -> _Plan | None:
    """The quads that changed: each graph whose packed triples are not those of the previous
    publish compared with what it was (kept in `GRAPHS`). None when a previous graph is not
    kept, or most chunks would be rewritten (`MOST`): the dumps are then written anew."""
    plan = _Plan()
    for n in sorted(set(named) | set(state.graphs)):
        old, new = state.graphs.get(n), records.get(n)
        if old is not None and new is not None and old.asserted == new.asserted:
            new.observations = old.observations
        for which, removed, added in (
            ("asserted", plan.removed, plan.added),
            ("inferred", plan.removed_inferred, plan.added_inferred),
        ):
            # a record's digest of the graph's asserted or inferred triples
            before = None if old is None else getattr(old, which)
            after = None if new is None else getattr(new, which)
            if before == after:
                continue
            name = named[n].name if n in named else URIRef(n[1:-1])
            then: list[bytes] = []
            if before is not None:
                try:
                    then = _quads(ntriples.Packed(_kept(folder, before).read_bytes(), 0), name)
                except (OSError, zlib.error):
                    return None
            now = _quads(getattr(named[n], which), name) if n in named else []
            then_set, now_set = set(then), set(now)
            removed += [line for line in then if line not in now_set]
            added += [line for line in now if line not in then_set]
    for lines in (plan.removed, plan.added, plan.removed_inferred, plan.added_inferred):
        lines.sort()
    if not state.asserted and (plan.removed or plan.added):
        return None
    if not state.inferred and (plan.removed_inferred or plan.added_inferred):
        return None
    for chunks, removed, added in (
        (state.asserted, plan.removed, plan.added),
        (state.inferred, plan.removed_inferred, plan.added_inferred),
    ):
        if len(set(placed(chunks, removed)) | set(placed(chunks, added))) > MOST * len(chunks):
            return None
    return plan


def _revised(state, plan, tmp, out, folder, kept_quads, objects, progress):
    progress(f"{len(plan.removed)} quads removed, {len(plan.added)} added: revising the dumps")
    old = state.asserted
    revision = revise(
        old, out / "kg.nq", placed(old, plan.removed), placed(old, plan.added), asserted_chunk
    )
    writer = Writer({n: tmp / n for n in ASSERTED_DUMPS}, {n: out / n for n in ASSERTED_DUMPS})
    try:
        asserted = [writer.add(chunk) for chunk in revision.chunks]
        writer.finish()
    finally:
        writer.close()
    delta: Counter = Counter()
    for lines in revision.retired:
        delta.subtract(object_digests(triples_of(lines)))
    for chunk in revision.chunks:
        if isinstance(chunk, Written):
            delta.update(chunk.objects)
    object_count = objects.change(delta, state.objects)

    old = state.inferred
    inferred_revision = revise(
        old,
        folder / INFERRED_QUADS,
        placed(old, plan.removed_inferred),
        placed(old, plan.added_inferred),
        inferred_chunk,
    )
    writer = Writer(
        {INFERRED_QUADS: kept_quads, "kg-inferred.ttl": tmp / "kg-inferred.ttl"},
        {INFERRED_QUADS: folder / INFERRED_QUADS, "kg-inferred.ttl": out / "kg-inferred.ttl"},
    )
    try:
        inferred = [writer.add(chunk) for chunk in inferred_revision.chunks]
        writer.finish()
    finally:
        writer.close()
    return asserted, inferred, object_count, (plan.removed, plan.added)


def _keep_graphs(named: dict[str, NamedGraph], records: dict, folder: Path) -> None:
    """The packed graphs of this publish in `GRAPHS`, those of no graph of it removed."""
    (folder / GRAPHS).mkdir(exist_ok=True)
    wanted = set()
    for n, record in records.items():
        graph = named[n]
        for digest, packed in (
            (record.asserted, graph.asserted),
            (record.inferred, graph.inferred),
        ):
            if digest is None:
                continue
            path = _kept(folder, digest)
            wanted.add(path.name)
            if not path.exists():
                write_bytes(path, packed.data)
    for path in (folder / GRAPHS).iterdir():
        if path.name not in wanted:
            path.unlink()


def _from_scratch(named, tmp, kept_quads, objects, jobs, progress):
    work = tmp / ".work"
    work.mkdir()
    try:
        progress("sorting quads")
        with (
            sorted_into(work / "quads.nq", work) as quads,
            sorted_into(work / "inferred.nq", work) as inferred,
        ):
            for graph in named.values():
                quads.write(as_quads(ntriples.unpack(graph.asserted), graph.name))
                if graph.inferred is not None:
                    inferred.write(as_quads(ntriples.unpack(graph.inferred), graph.name))
        progress("writing kg.nq, kg.nt, kg.ttl and kg.jsonld in chunks")
        asserted_chunks: list[Chunk] = []
        writer = Writer({n: tmp / n for n in ASSERTED_DUMPS})
        try:
            with sorted_into(work / "objects", work) as hex_digests:
                chunks = batched(cut(_lines(work / "quads.nq")))
                for chunk in processed(chunks, asserted_chunk, jobs):
                    asserted_chunks.append(writer.add(chunk))
                    hex_digests.write(b"".join(d.hex().encode() + b"\n" for d in chunk.objects))
            writer.finish()
        finally:
            writer.close()
        (work / "quads.nq").unlink()
        progress("counting distinct objects")
        object_count = objects.fill(work / "objects")
        progress("writing kg-inferred.ttl in chunks")
        inferred_chunks: list[Chunk] = []
        writer = Writer({INFERRED_QUADS: kept_quads, "kg-inferred.ttl": tmp / "kg-inferred.ttl"})
        try:
            chunks = batched(cut(_lines(work / "inferred.nq")))
            inferred_chunks = [writer.add(c) for c in processed(chunks, inferred_chunk, jobs)]
            writer.finish()
        finally:
            writer.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return asserted_chunks, inferred_chunks, object_count


def processed(batches: Iterable[list[list[bytes]]], make, jobs: int) -> Iterator[Written]:
    """`make` of each chunk of each batch, in order: in `jobs` forked workers when more than
    one (not in a pool's own worker, which may not fork). A batch at a time, so that the
    chunks waiting are a batch, not the whole file."""
    if jobs <= 1 or multiprocessing.current_process().daemon:
        for batch in batches:
            yield from map(make, batch)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for batch in batches:
            yield from pool.map(make, batch, chunksize=max(1, len(batch) // (4 * jobs)))


def batched(chunks: Iterable[list[bytes]], size: int = BATCH) -> Iterator[list[list[bytes]]]:
    batch = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_trig(named, order, records, state, tmp, out, reuse) -> None:
    """kg.trig: each named graph's block, copied from the previous kg.trig when the graph's
    asserted triples are those it had."""
    trig = Assembly(tmp / "kg.trig", out / "kg.trig" if state is not None else None)
    first = True
    try:
        for n in order:
            record = records[n]
            old = state.graphs.get(n) if state is not None else None
            if old is not None and old.asserted == record.asserted:
                if old.trig[1] and first:
                    trig.write(TRIG_HEAD)
                    first = False
                record.trig = trig.copy(old.trig)
            else:
                block = trig_block(as_quads(ntriples.unpack(named[n].asserted), named[n].name))
                if block and first:
                    trig.write(TRIG_HEAD)
                    first = False
                record.trig = trig.write(block)
                reuse.graphs_written += 1
    finally:
        trig.close()
    reuse.graphs = len(order)


def _statistics(named, order, records, asserted, inferred, object_count) -> Statistics:
    """The figures of the dumps from those of their chunks (a subject is in one chunk: the
    sums are the whole graph's) and of the named graphs."""
    stats = Statistics()
    for chunk in asserted:
        figures = chunk.figures
        stats.triples += figures.triples
        stats.subjects += figures.subjects
        stats.entities += figures.entities
        stats.classes.update(figures.classes)
        stats.property_iris |= figures.property_iris
        for doc_id, url in figures.urls.items():
            stats.urls.setdefault(doc_id, url)
    stats.properties = len(stats.property_iris)
    stats.inferred = sum(chunk.figures for chunk in inferred)
    stats.objects = object_count
    for n in order:
        record = records[n]
        stats.quads += record.quads
        doc_id = named[n].document
        if doc_id is not None:
            if record.observations is None:
                text = ntriples.unpack(named[n].asserted)
                record.observations = text.count(OBSERVATION_LINE_END)
            stats.observations[doc_id] = record.observations
    return stats
