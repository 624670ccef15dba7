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

The chunks and their pieces are `kg.publish.chunking`, the files made of them
`kg.publish.assembly`, what the cache keeps `kg.publish.chunk_cache`; here, a publish.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import pickle
import shutil
import sys
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg import ntriples
from kg.atomic import write_bytes
from kg.build.run import Build
from kg.publish import assembly, chunk_cache, chunking
from kg.publish.assembly import Assembly, Writer
from kg.publish.checksums import Digests
from kg.publish.chunk_cache import (
    FOLDER,
    FORMAT,
    GRAPHS,
    OBJECTS,
    STATE,
    GraphRecord,
    Objects,
    State,
    identity,
    keep_graphs,
    kept_graph,
    load_state,
    remove_stale,
)
from kg.publish.chunking import (
    INFERRED_QUADS,
    TRIG_HEAD,
    Chunk,
    Written,
    asserted_chunk,
    cut,
    inferred_chunk,
    object_digests,
    placed,
    read_lines,
    revise,
    subject_of,
    trig_block,
    triples_of,
    use_jsonld_context,
)
from kg.publish.contents import (
    DUMPS,
    OBSERVATION_LINE_END,
    NamedGraph,
    Statistics,
    as_quads,
    document_graphs,
    reference_graphs,
)
from kg.publish.dumps import code_digest
from kg.publish.jsonld import jsonld_context
from kg.sorting import sorted_into

BATCH = 64  # chunks handed to the workers at a time (a publish from scratch)

Progress = Callable[[str], None]


def state_key(base: str) -> str:
    """The code and base the dumps were written with: the code of the dumps
    (`kg.publish.dumps.code_digest`) and of the chunks' modules."""
    h = hashlib.sha256(code_digest())
    for module in (sys.modules[__name__], chunking, assembly, chunk_cache):
        h.update(Path(module.__file__).read_bytes())
    h.update(
        f"\0{FORMAT}\0{chunking.SUBJECTS_PER_CHUNK}\0{chunking.HEAVY_SUBJECT}\0{base}".encode()
    )
    return h.hexdigest()


def _quads(packed: ntriples.Packed | None, name) -> list[bytes]:
    """The sorted N-Quads lines of a packed graph named `name`."""
    if packed is None:
        return []
    return as_quads(ntriples.unpack(packed), name).splitlines(keepends=True)


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
    use_jsonld_context(jsonld_context(build))
    trig = None
    try:
        # kg.trig first: when revised, most of it is copied, by its own thread, while the
        # other dumps are written
        progress("writing kg.trig")
        trig = _write_trig(named, order, records, state, tmp, out, reuse)
        if state is None:
            asserted, inferred, object_count = _from_scratch(
                named, tmp, kept_quads, objects, jobs or os.cpu_count() or 1, progress, digests
            )
            changes = None
        else:
            asserted, inferred, object_count, changes = _revised(
                state, revision, tmp, out, folder, kept_quads, objects, progress, digests
            )
        trig.close()
        digests[trig.path] = trig.sha256
        # each dump's SHA-256 was taken as it was written (kg.publish.assembly)
        digests.compute([tmp / name for name in DUMPS if tmp / name not in digests])
    except BaseException:
        if trig is not None:
            with contextlib.suppress(BaseException):
                trig.close()
        objects.abandon()
        kept_quads.unlink(missing_ok=True)
        raise
    finally:
        use_jsonld_context(("", {}))
    reuse.chunks, reuse.written = len(asserted), sum(c.written for c in asserted)
    reuse.inferred_chunks, reuse.inferred_written = len(inferred), sum(c.written for c in inferred)
    stats = _statistics(named, order, records, asserted, inferred, object_count)

    def commit() -> None:
        generation = uuid.uuid4().hex
        keep_graphs(named, records, folder)
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
                    then = _quads(ntriples.Packed(kept_graph(folder, before).read_bytes(), 0), name)
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


def _revised(state, plan, tmp, out, folder, kept_quads, objects, progress, digests):
    """The dumps revised: the asserted quads' four files and the inferred quads' two written
    by their threads at once, each from the chunks as the main thread makes them (a rewritten
    chunk is made while the threads copy the chunks before it), and the distinct objects
    counted while the threads finish."""
    progress(f"{len(plan.removed)} quads removed, {len(plan.added)} added: revising the dumps")
    revision = revise(
        state.asserted,
        out / "kg.nq",
        placed(state.asserted, plan.removed),
        placed(state.asserted, plan.added),
        asserted_chunk,
    )
    inferred_revision = revise(
        state.inferred,
        folder / INFERRED_QUADS,
        placed(state.inferred, plan.removed_inferred),
        placed(state.inferred, plan.added_inferred),
        inferred_chunk,
    )
    delta: Counter = Counter()  # distinct objects gained and lost
    with contextlib.ExitStack() as threads:  # each writer closed: its threads joined
        writer = Writer(
            {n: tmp / n for n in ASSERTED_DUMPS}, {n: out / n for n in ASSERTED_DUMPS}, digests
        )
        threads.callback(writer.close)
        asserted = []
        for chunk in revision.chunks:
            if isinstance(chunk, Written):
                delta.update(chunk.objects)
            asserted.append(writer.add(chunk))
        writer.finish()
        writer = Writer(
            {INFERRED_QUADS: kept_quads, "kg-inferred.ttl": tmp / "kg-inferred.ttl"},
            {INFERRED_QUADS: folder / INFERRED_QUADS, "kg-inferred.ttl": out / "kg-inferred.ttl"},
            digests,
        )
        threads.callback(writer.close)
        inferred = [writer.add(chunk) for chunk in inferred_revision.chunks]
        writer.finish()
        for lines in revision.retired:
            delta.subtract(object_digests(triples_of(lines)))
        object_count = objects.change(delta, state.objects)
    return asserted, inferred, object_count, (plan.removed, plan.added)


def _from_scratch(named, tmp, kept_quads, objects, jobs, progress, digests):
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
        writer = Writer({n: tmp / n for n in ASSERTED_DUMPS}, None, digests)
        try:
            with sorted_into(work / "objects", work) as hex_digests:
                chunks = batched(cut(read_lines(work / "quads.nq")))
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
        writer = Writer(
            {INFERRED_QUADS: kept_quads, "kg-inferred.ttl": tmp / "kg-inferred.ttl"}, None, digests
        )
        try:
            chunks = batched(cut(read_lines(work / "inferred.nq")))
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


def _write_trig(named, order, records, state, tmp, out, reuse) -> Assembly:
    """kg.trig: each named graph's block, copied from the previous kg.trig when the graph's
    asserted triples are those it had. Returned open: its thread may still be copying
    (`Assembly.close` waits, and gives the SHA-256)."""
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
    except BaseException:
        trig.close()
        raise
    reuse.graphs = len(order)
    return trig


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


__all__ = [
    "FOLDER",
    "GRAPHS",
    "OBJECTS",
    "STATE",
    "Chunk",
    "Dumps",
    "Reuse",
    "Written",
    "cut",
    "placed",
    "revise",
    "subject_of",
    "write",
]
