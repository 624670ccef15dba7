"""The per-document stages, run in parallel: model, reason and validate one document.

`run_documents` hands each document to a worker process (fork: the reference data, schema
and shapes are loaded once in the parent and shared copy-on-write), in input order, and
returns one `Outcome` per document. A document whose inputs are unchanged is taken from the
cache (`kg.build.cache`) instead.
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

from kg import ntriples
from kg.build import curation, fastreason, ingest, model, validate
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


# On a worker of a distributed publish: the shared context it made, for the setup that names
# it (`process_remote`); one at a time.
_REMOTE: dict[tuple, Context] = {}
REMOTE_DONE: list[str] = []  # the documents this worker processed, in order (for tests)


def process_remote(setup: tuple, path: Path) -> Outcome | Exception:
    """`process` on a worker of a Dask cluster (`run_documents` with a scheduler). The worker
    makes the shared context once, from the files the publish reads (the worker sees them at
    the same paths), and checks first that they, and the code and libraries it runs, are
    those of the publish (`kg.build.cache.shared_digest`): otherwise its results could differ."""
    global _CONTEXT
    from kg.build import cache
    from kg.build import run as publish
    from kg.errors import KgError
    from kg.vocab import Minter

    data_dir, base, reasoning, validation, shared = setup
    ctx = _REMOTE.get(setup)
    if ctx is None:
        found = cache.shared_digest(data_dir)
        if found != shared:
            return KgError(
                "--scheduler",
                None,
                f"a worker ({os.uname().nodename}, pid {os.getpid()}) runs other code or "
                "libraries, or reads another ontology, shapes or reference data, than this "
                "publish",
            )
        result = publish.load_shared(data_dir, Minter(base))
        ctx, _ = publish.shared_context(result, data_dir, reasoning, validation)
        _REMOTE.clear()
        _REMOTE[setup] = ctx
    _CONTEXT = ctx
    try:
        outcome = _safe(path)
    finally:
        _CONTEXT = None
    REMOTE_DONE.append(path.stem)
    return outcome


def _run_remote(ctx: Context, todo: list[Path], scheduler: str, progress) -> list:
    """Each document's `process_remote` on the Dask cluster of `scheduler`, results in order."""
    from kg.build import cache
    from kg.errors import KgError

    try:
        from distributed import Client
    except ImportError:
        raise KgError(
            "--scheduler", None, "needs Dask's distributed package: pip install 'kg[distributed]'"
        ) from None
    data_dir = Path(ctx.data_dir).resolve()
    setup = (
        data_dir,
        ctx.reference.minter.base,
        ctx.reasoning,
        ctx.validation,
        cache.shared_digest(data_dir),
    )
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(
            "--scheduler", None, f"no Dask scheduler answers at {scheduler}: {exc}"
        ) from None
    with client:
        futures = client.map(process_remote, [setup] * len(todo), todo, pure=False)
        results = []
        for i, future in enumerate(futures, start=1):
            results.append(future.result())
            if i % 50 == 0:
                progress(f"documents: {i} of {len(todo)} (on {scheduler})")
    return results


CONNECT_SECONDS = 10  # to reach the scheduler of a distributed publish


def run_documents(
    ctx: Context,
    paths: list[Path],
    jobs: int | None = None,
    cache=None,
    progress: Callable[[str], None] = lambda _: None,
    scheduler: str | None = None,
) -> list[Outcome]:
    """One `Outcome` per document of `paths`, in order: from the cache, or made in `jobs`
    forked worker processes, or, with `scheduler`, on the workers of that Dask cluster
    (https://distributed.dask.org/), which must see the data at the same paths."""
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
        if scheduler is not None:
            results = _run_remote(ctx, todo, scheduler, progress) if todo else []
        elif jobs == 1 or len(todo) <= 1:
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
        cache.files.save()
    return [outcomes[p] for p in paths]
