"""The per-document stages, run in parallel: model, reason and validate one document.

`run_documents` hands each document to a worker process (fork: the reference data, schema
and shapes are loaded once in the parent and shared copy-on-write), in input order, and
returns one `Outcome` per document. A document whose inputs are unchanged is taken from the
cache (`kg.cache`) instead.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg import curation, fastreason, ingest, model, ntriples, validate
from kg.vocab import SH, bind_prefixes


@dataclass
class Context:
    data_dir: Path
    reference: model.Reference
    reference_graph: Graph
    reference_inferred: set
    schema: fastreason.Schema
    reasoning: bool = True
    validation: bool = True
    _by_subject: dict | None = None
    reference_closure: fastreason.Closure | None = None
    # The nodes the reference data's own validation reports on (`validate_reference`).
    reference_focus: frozenset = frozenset()

    def __post_init__(self) -> None:
        # Closed once here, in the parent, and shared with the workers: each document is
        # then reasoned against it in time proportional to the document alone.
        if self.reasoning and self.reference_closure is None:
            self.reference_closure = fastreason.close(self.reference_graph, self.schema)

    def reference_about(self, nodes: set) -> set:
        """The reference triples (asserted and inferred) reachable from `nodes` by following
        objects: all that shapes evaluated on a document's nodes can look at, without
        re-validating the whole reference data with every document."""
        if self._by_subject is None:
            index: dict = {}
            for part in (self.reference_graph, self.reference_inferred):
                for triple in part:
                    index.setdefault(triple[0], []).append(triple)
            self._by_subject = index
        out: set = set()
        seen, todo = set(), [n for n in nodes if n in self._by_subject]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for triple in self._by_subject.get(node, ()):
                out.add(triple)
                if triple[2] in self._by_subject and triple[2] not in seen:
                    todo.append(triple[2])
        return out


class Outcome:
    """What one document's stages produce, compact and picklable: the asserted and inferred
    triples packed as sorted N-Triples (`kg.ntriples`, about ten bytes a triple instead of
    an rdflib graph's kilobyte), the SHACL report as a graph (small: the results only)."""

    def __init__(
        self,
        source: ingest.CleanDocument,
        graph: Graph,
        inferred: Graph | None,
        report: Graph | None,
    ):
        self.source = source
        self.asserted = ntriples.pack(graph)
        self.inferred = None if inferred is None else ntriples.pack(inferred)
        self._report = None if report is None else list(report)
        self.declared: list = []  # (id, kind, line) of the entities the file declares
        self.touches: set = set()  # reference nodes with results that this document touches
        self.seconds: dict = {}  # CPU seconds of each stage
        self.from_cache = False

    def __getstate__(self):
        return {
            "source": self.source,
            "asserted": self.asserted,
            "inferred": self.inferred,
            "report": self._report,
            "declared": self.declared,
            "touches": self.touches,
            "seconds": self.seconds,
        }

    def __setstate__(self, state):
        self.source = state["source"]
        self.asserted = ntriples.Packed(*state["asserted"])
        self.inferred = None if state["inferred"] is None else ntriples.Packed(*state["inferred"])
        self._report = state["report"]
        self.declared = state["declared"]
        self.touches = state["touches"]
        self.seconds = state["seconds"]
        self.from_cache = False

    @property
    def report(self) -> Graph | None:
        """The SHACL report as a graph (built on each access)."""
        return None if self._report is None else _graph(self._report)

    @property
    def has_results(self) -> bool:
        """Whether the report has any result (most documents' reports have none)."""
        return self._report is not None and any(p == SH.result for _, p, _ in self._report)


def _graph(triples) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for t in triples:
        g.add(t)
    return g


_CONTEXT: Context | None = None  # set in the parent before the workers fork


def process(path: Path) -> Outcome:
    """Model, reason and validate one document, given the shared `_CONTEXT`."""
    ctx = _CONTEXT
    assert ctx is not None
    ref = ctx.reference
    clock = time.process_time()
    seconds = {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.process_time()
        seconds[stage] = now - clock
        clock = now

    entry = ref.manifest[path.stem]
    source = ingest.read_source(ctx.data_dir / "sources" / str(entry["file"]))
    document = curation.load(path)  # read once, for the model and the declared ids
    graph = model.model_document(path, source, ref, document)
    declared = [
        (slug, kind, where.line) for slug, kind, where in model.declared_ids(path, document)
    ]
    lap("model")
    inferred = None
    if ctx.reasoning:
        inferred = fastreason.to_graph(
            fastreason.infer(
                graph,
                [],
                ref.minter.base,
                ctx.schema,
                already=ctx.reference_inferred,
                start=ctx.reference_closure,
            )
        )
        lap("reason")
    report = None
    if ctx.validation:
        report = validate_document(ctx, graph, inferred)
        lap("validate")
    outcome = Outcome(source, graph, inferred, report)
    outcome.declared = declared
    outcome.touches = touched(graph) & ctx.reference_focus
    outcome.seconds = seconds
    return outcome


def validate_document(ctx: Context, graph: Graph, inferred: Graph | None) -> Graph:
    """SHACL on what this document says (its own nodes and the reference nodes it adds
    triples to), with the reference data and ontology as the surrounding graph."""
    focus = touched(graph)
    if inferred is not None:
        focus |= {s for s in inferred.subjects() if isinstance(s, URIRef)}
    data = set(graph)
    data.update(inferred or ())
    data.update(ctx.reference_about(focus))
    data.update(validate.load_ontology())
    return validate.validate(data, focus_nodes=focus).report


def touched(graph: Graph) -> set:
    """The IRIs a document's graph says something about, as subject or object: the nodes
    whose validation may depend on it."""
    nodes = {s for s in graph.subjects() if isinstance(s, URIRef)}
    nodes |= {o for o in graph.objects() if isinstance(o, URIRef)}
    return nodes


def validate_reference(ctx: Context) -> Graph:
    """SHACL on the reference data alone (once per publish). Of its results, only those
    about nodes no document touches are kept in the end (`Outcome.touches`): the others are
    validated with each document's graph."""
    data = set(ctx.reference_graph)
    data.update(ctx.reference_inferred)
    data.update(validate.load_ontology())
    return validate.validate(data).report


# Documents go to the workers four at a time, and a worker is replaced after 100 such chunks
# (400 documents). A long-lived worker slows down: the same 200 documents took 8 % more CPU
# after it had processed 1,200 others (10,000-document corpus), though its memory stayed flat.
# Replacing it keeps a worker's time per document from growing with the corpus; a fork costs
# milliseconds.
CHUNK = 4
WORKER_TASKS = 100


def _safe(path: Path):
    try:
        return process(path)
    except Exception as exc:  # re-raised in the parent, in document order
        return exc


def run_documents(
    ctx: Context,
    paths: list[Path],
    jobs: int | None = None,
    cache=None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[Outcome]:
    global _CONTEXT
    jobs = jobs or os.cpu_count() or 1
    outcomes: dict[Path, Outcome | Exception] = {}
    keys = {}
    todo = []
    for path in paths:
        if cache is not None:
            keys[path] = cache.key(path, ctx)
            hit = cache.get(keys[path])
            if hit is not None:
                hit.from_cache = True
                outcomes[path] = hit
                continue
        todo.append(path)
    progress(f"{len(todo)} of {len(paths)} documents to model, reason and validate")
    _CONTEXT = ctx
    try:
        if jobs == 1 or len(todo) <= 1:
            results = [_safe(p) for p in todo]
        else:
            # The shared context moves to the permanent generation before the fork: the
            # workers' collections then skip it, and do not touch (and copy) its pages. A
            # worker forked later to replace one also freezes what it inherits (the
            # outcomes received so far).
            gc.collect()
            gc.freeze()
            with multiprocessing.get_context("fork").Pool(
                jobs, initializer=gc.freeze, maxtasksperchild=WORKER_TASKS
            ) as pool:
                results = []
                for i, r in enumerate(pool.imap(_safe, todo, chunksize=CHUNK), start=1):
                    results.append(r)
                    if i % 50 == 0:
                        progress(f"documents: {i} of {len(todo)}")
    finally:
        _CONTEXT = None
        gc.unfreeze()
    for path, r in zip(todo, results, strict=True):
        outcomes[path] = r
    for path in paths:
        r = outcomes[path]
        if isinstance(r, Exception):
            raise r
    if cache is not None:
        for path, r in zip(todo, results, strict=True):
            cache.put(keys[path], r)
    return [outcomes[p] for p in paths]
