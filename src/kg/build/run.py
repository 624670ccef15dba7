"""The build, run: the stages in order, from `data/` to the files in `dist/`.

sources -> documents (ingest) -> graphs (model) -> inferred (reason) -> report (validate)
-> dumps (export). Each document is modelled and reasoned on its own; only validation and
export see the whole graph. The build keeps each document's triples packed as sorted N-Triples
(`kg.ntriples`), not as rdflib graphs, so that ten thousand documents fit in memory; the export
merges them into the dumps by streaming.
"""

from __future__ import annotations

import copy
import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg.build import crossdocument, ingest, model, validate
from kg.errors import KgError
from kg.ntriples import Graphs, Packed, pack
from kg.vocab import SH, Minter, bind_prefixes

Progress = Callable[[str], None]


@dataclass
class Build:
    """Everything a publish produces before it is written out.

    `documents[doc id]` and `inferred[graph name]` give rdflib graphs, parsed on each access
    from the packed N-Triples the build keeps (`kg.ntriples.Graphs`); `asserted()` and
    `inferred_graph()` build whole-graph unions, for tests and small corpora only.
    """

    minter: Minter
    reference: model.Reference
    ontology: Graph
    reference_graph: Graph
    documents: Graphs = field(default_factory=Graphs)  # doc id -> asserted triples
    inferred: Graphs = field(default_factory=Graphs)  # graph name -> inferred triples
    sources: dict[str, ingest.CleanDocument] = field(default_factory=dict)
    validation: validate.ValidationResult | None = None
    seconds: float = 0.0
    stats: object | None = None  # figures of the written dumps (`kg.publish.export.Statistics`)
    # CPU seconds of each per-document stage, summed over the documents not from the cache
    stage_seconds: dict = field(default_factory=dict)

    def __post_init__(self):
        self.documents.base = self.inferred.base = self.minter.base
        self._reference_packed: Packed | None = None

    def reference_packed(self) -> Packed:
        """The reference data as packed N-Triples (packed once)."""
        if self._reference_packed is None:
            self._reference_packed = pack(self.reference_graph)
        return self._reference_packed

    def named_graphs(self) -> Iterator[tuple[URIRef, Packed]]:
        """Every asserted named graph, packed: reference data first, then each document."""
        yield self.minter.reference_graph, self.reference_packed()
        for doc_id, packed in self.documents.packed.items():
            yield self.minter.document_graph(doc_id), packed

    def asserted(self) -> Graph:
        """The asserted graph: reference data and every document (one union graph)."""
        return union([self.reference_graph, *self.documents.values()], self.minter.base)

    def inferred_graph(self) -> Graph:
        return union(self.inferred.values(), self.minter.base)


def _copy(source: Graph, target: Graph) -> None:
    for triple in source:
        target.add(triple)


def union(graphs, base: str) -> Graph:
    out = Graph()
    bind_prefixes(out, base)
    for graph in graphs:
        _copy(graph, out)
    return out


def document_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "documents").glob("*.yaml"))


def build(
    data_dir: Path,
    minter: Minter,
    progress: Progress = lambda _: None,
    reasoning: bool = True,
    validation: bool = True,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    scheduler: str | None = None,
) -> Build:
    """Model, reason and validate every document of `data_dir`.

    Shared inputs (reference data, ontology, the closed schema, shapes) are loaded once; each
    document is then modelled, reasoned (`kg.build.fastreason`, equal to owlrl on our ontology) and
    validated on its own, in `jobs` worker processes (default: every core), or on the workers
    of the Dask cluster whose scheduler is at `scheduler` (`kg.build.pipeline.run_documents`), its
    results cached in `cache_dir` by content hash (`kg.build.cache`). Only the checks that need
    several documents run on the whole graph (`kg.build.crossdocument`), incrementally with a cache.
    """
    from kg.build import cache, pipeline

    started = time.perf_counter()
    # the folder made only once the data is read (a failed build leaves none)
    store = cache.Cache(cache_dir, data_dir, create=False) if cache_dir is not None else None
    result, context, reference_report, keep = _shared_work(
        data_dir, minter, reasoning, validation, store, progress
    )
    reference = result.reference
    paths = document_files(data_dir)
    for path in paths:
        if path.stem not in reference.manifest:
            raise KgError(path, 1, f"no source {path.stem!r} in data/sources/manifest.yaml")
    missing = set(reference.manifest) - {p.stem for p in paths}
    if missing:
        raise KgError(
            data_dir / "sources" / "manifest.yaml",
            None,
            f"no curation file for source(s) {', '.join(sorted(missing))} in data/documents/",
        )

    if store is not None:
        store.create()
        keep()
    outcomes = pipeline.run_documents(
        context, paths, jobs=jobs, cache=store, progress=progress, scheduler=scheduler
    )
    _check_documents_declare_consistently(paths, outcomes)
    reports = []
    for outcome in outcomes:
        if not outcome.from_cache:
            for stage, seconds in outcome.seconds.items():
                result.stage_seconds[stage] = result.stage_seconds.get(stage, 0.0) + seconds
    for path, outcome in zip(paths, outcomes, strict=True):
        doc_id = path.stem
        result.sources[doc_id] = outcome.source
        result.documents[doc_id] = outcome.asserted
        if reasoning:
            result.inferred[str(minter.document_graph(doc_id))] = outcome.inferred
        if outcome.has_results:
            reports.append(outcome.report)
    if validation:
        progress("cross-document checks")
        touched = set().union(*(outcome.touches for outcome in outcomes))
        validate.keep_results(reference_report, lambda node: node not in touched)
        reports.insert(0, reference_report)
        result.validation = validate.merge_reports(
            reports,
            crossdocument.cross_document_violations(
                result, None if cache_dir is None else Path(cache_dir) / "cross-document"
            ),
        )
    result.seconds = time.perf_counter() - started
    return result


def load_shared(data_dir: Path, minter: Minter, progress: Progress = lambda _: None) -> Build:
    """A build with the reference data and the ontology, and no document yet."""
    progress("reading reference data")
    reference = model.load_reference(data_dir, minter)
    ontology = validate.load_ontology()
    return Build(minter, reference, ontology, model.model_reference(reference))


def shared_context(
    result: Build,
    data_dir: Path,
    reasoning: bool,
    validation: bool,
    progress: Progress = lambda _: None,
):
    """What every document's work shares (`kg.build.pipeline.Context`): the closed schema, the
    reference data's inferences (into `result`) and the nodes its own validation reports on;
    and that report (None without validation). Made once by a publish, and once by each
    worker of a distributed one, from the same files (`kg.build.pipeline.process_remote`)."""
    from kg.build import fastreason, pipeline

    minter = result.minter
    schema = fastreason.Schema.from_ontology(result.ontology)
    reference_inferred: set = set()
    if reasoning:
        progress("reasoning over reference data")
        reference_inferred = fastreason.infer(
            result.reference_graph, [], minter.base, schema, with_tbox=True
        )
        result.inferred[str(minter.reference_graph)] = pack(reference_inferred)

    context = pipeline.Context(
        data_dir=data_dir,
        reference=result.reference,
        reference_graph=result.reference_graph,
        reference_inferred=reference_inferred,
        schema=schema,
        reasoning=reasoning,
        validation=validation,
    )
    reference_report = None
    if validation:
        progress("validating reference data")
        reference_report = pipeline.validate_reference(context)
        context.reference_focus = frozenset(reference_report.objects(None, SH.focusNode))
    return context, reference_report


@dataclass
class SharedWork:
    """The reference data's work a build keeps in its cache (`kg.build.cache.Cache.shared`):
    what `load_shared` and `shared_context` make, the manifest left out."""

    context: object  # `kg.build.pipeline.Context`, its reference without the manifest
    reference_packed: Packed
    inferred_packed: Packed | None
    report: Graph | None


def _shared_work(data_dir, minter, reasoning, validation, store, progress):
    """`load_shared` and `shared_context`: made, or, with a cache `store`, taken from it when
    the reference data, ontology, shapes and code are those it was made with (then only the
    manifest is read); and what keeps it in `store` (once the build has checked its data)."""
    from kg.build import cache

    key = store.shared_key(minter.base, f"{reasoning}{validation}") if store else ""
    kept: SharedWork | None = store.get_shared(key) if store else None
    if kept is None:
        result = load_shared(data_dir, minter, progress)
        context, report = shared_context(result, data_dir, reasoning, validation, progress)
        # kept only if the files it was made from are still those the key was taken from
        # (one edited meanwhile would otherwise be kept under the other content's key)
        if store is None or cache.shared_digest(data_dir) != store.shared:
            return result, context, report, lambda: None
        reference = copy.copy(result.reference)
        reference.manifest = {}
        kept = SharedWork(
            dataclasses.replace(context, reference=reference),
            result.reference_packed(),
            result.inferred.packed.get(str(minter.reference_graph)),
            report,
        )
        return result, context, report, lambda: store.put_shared(key, kept)
    progress("reading the manifest (the reference data's work is in the cache)")
    reference = copy.copy(kept.context.reference)
    reference.minter = minter
    reference.manifest = model.load_manifest(data_dir)
    context = dataclasses.replace(kept.context, data_dir=data_dir, reference=reference)
    result = Build(minter, reference, validate.load_ontology(), context.reference_graph)
    result._reference_packed = kept.reference_packed
    if kept.inferred_packed is not None:
        result.inferred[str(minter.reference_graph)] = kept.inferred_packed
    return result, context, kept.report, lambda: None


def _check_documents_declare_consistently(paths: list[Path], outcomes) -> None:
    """An id declared by several documents must name the same kind of thing in each."""
    seen: dict[str, tuple[str, Path, int]] = {}
    for path, outcome in zip(paths, outcomes, strict=True):
        for slug, kind, line in outcome.declared:
            first = seen.setdefault(slug, (kind, path, line))
            if first[0] != kind:
                raise KgError(
                    path,
                    line,
                    f"id {slug!r} is a {kind} here but a {first[0]} in {first[1]}:{first[2]}",
                )
