"""The six dumps of a set of named graphs, streamed from the build's packed N-Triples.

The build keeps every named graph as packed, sorted N-Triples (`kg.ntriples`); the dumps are made
from those by streaming, never from one whole-graph rdflib graph, so that memory stays bounded
whatever the size of the corpus:

- `kg.nq` is every quad, sorted line by line, and `kg.nt` every asserted triple once, sorted:
  both come out of an external sort (the `sort` command in the C locale: byte order, which for
  UTF-8 is code point order, in bounded memory, spilling to temporary files beside the output);
- `kg.ttl` and `kg-inferred.ttl` are pyoxigraph's streaming Turtle serialization of the sorted
  triples (so each subject's triples come together), `kg.trig` the same over each named graph's
  sorted triples, graphs in name order;
- `kg.jsonld` is written node by node from the sorted triples (`kg.publish.jsonld`);
- the VoID description's counts are gathered on the way (`kg.publish.contents.Statistics`).

Every dump is a function of the set of triples, and the data has no blank nodes, so the same
inputs give identical bytes; `code_digest` is what else they depend on: the code that writes
them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import multiprocessing
import shutil
import subprocess
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
import rdflib

import kg
from kg import ntriples
from kg.build.run import Build
from kg.publish.contents import (
    CONTEXT,
    OBSERVATION_LINE_END,
    NamedGraph,
    Progress,
    Statistics,
    as_quads,
    document_graphs,
    reference_graphs,
)
from kg.publish.jsonld import write_jsonld
from kg.sorting import c_locale, failed, sort_command, sorted_into


def count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            n += chunk.count(b"\n")
    return n


def write_sorted(graphs: Sequence[NamedGraph], tmp: Path, work: Path, stats: Statistics) -> Path:
    """kg.nq and kg.nt of `graphs` in `tmp`, and their sorted distinct inferred triples in
    `work`."""
    inferred = work / "inferred.nt"
    with (
        sorted_into(tmp / "kg.nq", work) as quads,
        sorted_into(tmp / "kg.nt", work, "-u") as triples,
        sorted_into(inferred, work, "-u") as inferences,
    ):
        for graph in graphs:
            text = ntriples.unpack(graph.asserted)
            triples.write(text)
            quads.write(as_quads(text, graph.name))
            stats.quads += graph.asserted.triples
            if graph.document is not None:
                stats.observations[graph.document] = text.count(OBSERVATION_LINE_END)
            if graph.inferred is not None:
                inferences.write(ntriples.unpack(graph.inferred))
    return inferred


def write_turtle(source: Path, target: Path) -> None:
    """Turtle of a sorted N-Triples file, streamed by pyoxigraph."""
    triples = ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, output=str(target), format=ox.RdfFormat.TURTLE, prefixes=CONTEXT)


def write_trig(graphs: Sequence[NamedGraph], target: Path) -> None:
    """TriG (https://www.w3.org/TR/trig/): each named graph's sorted triples, graphs in name
    order, streamed by pyoxigraph."""
    named = sorted(graphs, key=lambda graph: str(graph.name))
    quads = chain.from_iterable(
        ox.parse(as_quads(ntriples.unpack(graph.asserted), graph.name), format=ox.RdfFormat.N_QUADS)
        for graph in named
    )
    ox.serialize(quads, output=str(target), format=ox.RdfFormat.TRIG, prefixes=CONTEXT)


def count_distinct_objects(nt: Path, work: Path) -> subprocess.Popen:
    """Start a sort of `nt`'s lines unique by object (the third space-separated field to the
    end of the line; subjects and predicates hold no spaces), into work/objects."""
    command = [*sort_command(), "-T", str(work), "-t", " ", "-k3", "-u", "-o"]
    command += [str(work / "objects"), str(nt)]
    log = (work / "objects.sort.log").open("wb")
    try:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stderr=log, env=c_locale())
    finally:
        log.close()


def write_serializations(graphs: Sequence[NamedGraph], tmp: Path, inferred: Path) -> None:
    """kg.ttl, kg-inferred.ttl and kg.trig: pyoxigraph's work, no Python per triple."""
    write_turtle(tmp / "kg.nt", tmp / "kg.ttl")
    write_turtle(inferred, tmp / "kg-inferred.ttl")
    write_trig(graphs, tmp / "kg.trig")


class Forked:
    """What `forked` gives the block: once the block has ended, `value` is what `target`
    returned."""

    value: object = None


@contextmanager
def forked(target: Callable[[], object]):
    """Run `target` in a forked process (sharing the build without copying it) while the
    block runs; its error, if any, is raised when the block ends, and what it returns is
    then the `value` of what the block is given (`Forked`). In a daemonic process (a pool's
    worker), which may not start one, `target` runs after the block instead."""
    result = Forked()
    if multiprocessing.current_process().daemon:
        yield result
        result.value = target()
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        try:
            send.send((target(), None))
        except BaseException as exc:  # sent to the parent, which raises it
            try:
                send.send((None, exc))
            except Exception:
                send.send((None, RuntimeError(f"{type(exc).__name__}: {exc}")))

    process = context.Process(target=run)
    process.start()
    send.close()
    try:
        yield result
    except BaseException:
        process.kill()
        process.join()
        raise
    try:
        result.value, error = receive.recv()
    except EOFError:
        error = RuntimeError(f"the serializing process died ({process.exitcode})")
    process.join()
    if error is not None:
        raise error


def write_graph_dumps(
    build: Build, graphs: Sequence[NamedGraph], tmp: Path, progress: Progress
) -> Statistics:
    """The six dumps (`DUMPS`) of the named graphs `graphs` in the folder `tmp`; returns
    their figures."""
    stats = Statistics()
    work = tmp / ".work"
    work.mkdir()
    try:
        progress("sorting triples and quads (kg.nq, kg.nt)")
        inferred = write_sorted(graphs, tmp, work, stats)
        progress("writing kg.jsonld, kg.ttl, kg-inferred.ttl and kg.trig")
        objects = count_distinct_objects(tmp / "kg.nt", work)
        try:
            # Two cores: pyoxigraph serializes Turtle and TriG in a child process while
            # this one writes JSON-LD and a sort counts distinct objects.
            with forked(lambda: write_serializations(graphs, tmp, inferred)):
                write_jsonld(tmp / "kg.nt", tmp / "kg.jsonld", build, stats)
        except BaseException:
            objects.kill()
            raise
        finally:
            returncode = objects.wait()
        if returncode != 0:
            raise failed(objects, work / "objects.sort.log", tmp / "kg.nt")
        stats.objects = count_lines(work / "objects")
        stats.inferred = count_lines(inferred)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return stats


def write_dumps(build: Build, tmp: Path, progress: Progress) -> Statistics:
    """The dumps of the whole graph: every named graph of the build."""
    graphs = reference_graphs(build) + document_graphs(build, build.documents.packed)
    return write_graph_dumps(build, graphs, tmp, progress)


# The modules whose code the bytes of the dumps depend on (`code_digest`): the writers, what
# they write (contents), and the parts, whose records keep the files and figures they wrote.
# Named, not imported: kg.publish.parts imports this module.
DUMP_CODE = (
    "kg.publish.contents",
    "kg.publish.jsonld",
    "kg.publish.dumps",
    "kg.publish.parts",
    "kg.ntriples",
    "kg.sorting",
)


def code_digest() -> bytes:
    """What the bytes of every dump depend on besides the graphs: the code that writes them."""
    h = hashlib.sha256()
    for module in DUMP_CODE:
        hash_field(h, Path(importlib.util.find_spec(module).origin).read_bytes())
    # the prefixes of the Turtle, TriG and JSON-LD (some namespaces are rdflib's)
    hash_field(h, json.dumps(CONTEXT, sort_keys=True).encode())
    for version in (kg.__version__, ox.__version__, rdflib.__version__):
        hash_field(h, version.encode())
    return h.digest()


def hash_field(h, data: bytes) -> None:
    """Length-prefixed, so that no two sequences of fields hash alike."""
    h.update(len(data).to_bytes(8, "big"))
    h.update(data)
