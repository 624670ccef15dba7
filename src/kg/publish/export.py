"""Export stage: the built graph as files, streamed, written atomically, byte for byte reproducible.

`write` puts every artifact of a build into `dist/`:

- the six dumps of the whole graph (`kg.publish.dumps`, JSON-LD by `kg.publish.jsonld`), or,
  with `part_size`, of each part (`kg.publish.parts`);
- `void.ttl`, the VoID/DCAT description (`kg.publish.description`), `SHA256SUMS`
  (`kg.publish.checksums`), and the change set from the previous release
  (`kg.publish.releases`);
- the ontology, the shapes, the source texts, the SHACL report, `dist/queries/` (the named
  queries with their BASE set to the published base: `write_queries`) and `dist/search.sqlite`,
  the full-text index (`kg.publish.search`, reproducible byte for byte too).

Every dump is a function of the set of triples, and the data has no blank nodes, so the same
inputs give identical bytes (the SHACL report's blank nodes get canonical labels, and void.ttl's,
the checksums, are written inline; void.ttl also depends on the options of `Description` and
on the previous publish's void.ttl, whose version it follows).

All files are written into a temporary directory beside the output, which then takes its place
in one step (`kg.atomic`: the two folders' names exchanged): a failed or killed publish leaves
the previous `dist/` as it was, and no instant is without one. A second publish into the same
folder while one runs is refused at once (`kg.atomic.lock`).

With a cache folder (what `kg publish` has unless `--no-cache`), the whole-graph dumps are
the same bytes, written by `kg.publish.chunked` in chunks of subjects that the next publish reuses:
it writes again only the chunks whose quads changed and copies the others from the previous
dumps, and the change set (`kg.publish.releases`) comes from the quads it removed and added. The
full-text index is written by a second process meanwhile, and the source texts that did not
change are hard-linked from the previous publish (`copy_or_link`).

With `part_size` (`kg publish --part-size N`) the dumps come in parts: `parts/reference/` holds
the reference data's graph and its inferences, and each `parts/documents-<first id>/` the graphs
of about N documents (`partition`), each folder with the six dumps restricted to its graphs.
With a cache folder, a part whose graphs and code are those of a part of the previous publish
is not written again but hard-linked from it (`write_parts`), so that adding one document
rewrites one part.

The names the other modules and the tests know this stage by are here too (`__all__`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import stat
import tempfile
import uuid
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.atomic import atomic_directory
from kg.build.run import Build, union
from kg.build.validate import ONTOLOGY_DIR, SHAPES_DIR
from kg.publish import releases, search, search_write
from kg.publish.checksums import Digests, sha256, write_checksums
from kg.publish.contents import (
    CONTEXT,
    DUMPS,
    PART_DUMPS,
    QUAD_DUMPS,
    NamedGraph,
    Progress,
    Statistics,
)
from kg.publish.description import (
    Description,
    DumpFile,
    Release,
    Version,
    data_version,
    describe,
    document_subsets,
    newest_retrieval,
    previous_version,
    source_date_epoch,
)
from kg.publish.dumps import code_digest, forked, write_dumps, write_graph_dumps
from kg.publish.jsonld import jsonld_nodes, write_jsonld
from kg.publish.layout import PARTS, dump_paths
from kg.publish.parts import (
    Part,
    check_part_size,
    combined,
    keep_records,
    partition,
    parts_of,
    write_parts,
)
from kg.terms import to_rdflib
from kg.vocab import bind_prefixes


def turtle_text(graph: Graph, more: Sequence[ox.Triple] = ()) -> str:
    """`graph` and the triples `more` as Turtle, written by pyoxigraph from their N-Triples
    lines sorted (the same graph, the same bytes; its blank nodes keep their labels), with
    the prefixes `graph` binds that they use. rdflib's Turtle serializer took 2 s for
    void.ttl at 10,000 documents."""
    lines = set(graph.serialize(format="nt", encoding="utf-8").splitlines(True))
    lines.update(f"{triple} .\n".encode() for triple in more)
    lines = sorted(lines)
    body = b"".join(lines)
    prefixes = {
        prefix: str(namespace)
        for prefix, namespace in sorted(graph.namespaces())
        if prefix and b"<" + str(namespace).encode() in body
    }
    try:
        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError:
        # an IRI rdflib lets through and RFC 3987 does not (`%zz`, no scheme): rdflib's
        # Turtle, as before, rather than no publish (`more` added to a copy: `graph` is the
        # caller's)
        whole = Graph()
        for prefix, namespace in graph.namespaces():
            whole.bind(prefix, namespace, replace=True)
        whole += graph
        for triple in more:
            whole.add(
                (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
            )
        return whole.serialize(format="turtle")
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")


def write(
    build: Build,
    out: Path,
    data_dir: Path,
    progress: Progress = lambda _: None,
    part_size: int | None = None,
    cache_dir: Path | None = None,
    description: Description | None = None,
) -> dict[str, int]:
    """Write every artifact of `build` into `out`; returns triple counts by file (with
    `part_size`, summed over the parts: see `Statistics.parts`).

    `description`: what void.ttl says beyond the data (dates, publisher, endpoint); the
    version it gives follows the one in `out/void.ttl`, the previous publish, if any.

    `part_size`: write the dumps in parts of about that many documents (`write_parts`), parts
    unchanged since the previous publish in `out` hard-linked from it when `cache_dir` holds
    their records; None: the whole graph in each dump."""
    # The build's millions of objects live until the export ends: out of the collector's
    # way meanwhile (a full collection over them took about a second each time one came,
    # e.g. while the chunks' state was pickled at 10,000 documents). Not collected first: a
    # full collection over them is that second.
    gc.freeze()
    try:
        return _write(build, out, data_dir, progress, part_size, cache_dir, description)
    finally:
        gc.unfreeze()


def _write(build, out, data_dir, progress, part_size, cache_dir, description) -> dict[str, int]:
    check_part_size(part_size)
    out = Path(out)
    digests = Digests()
    parts = None
    description = description or Description()
    previous = previous_version(out / "void.ttl", build.minter.void_dataset)
    token = uuid.uuid4().hex  # names what this publish leaves in the cache until it lands
    with atomic_directory(out, exclusive="kg publish") as tmp:
        dumps = None
        try:
            # The full-text index of the texts, quotes, names and descriptions (kg.publish.search),
            # written by a second process meanwhile: it reads the build, not the dumps.
            previous_index = out / search.INDEX

            def index() -> str:
                """The index written, and its SHA-256 taken, by the second process."""
                search.write_index(
                    build,
                    tmp / search.INDEX,
                    cache_dir,
                    previous=previous_index if previous_index.is_file() else None,
                    token=token,
                )
                return sha256(tmp / search.INDEX)

            with forked(index) as indexed, ThreadPoolExecutor(1) as beside:
                # small files, by a thread of their own while the dumps are written (their
                # revision waits on the disk more than on the processor)
                progress("copying ontology, shapes and sources")
                copied = beside.submit(copy_files, build, out, tmp, digests)
                if part_size is None and cache_dir is not None:
                    # The whole-graph dumps, revised from the previous publish's
                    # (kg.publish.chunked).
                    from kg.publish import chunked

                    dumps = chunked.write(build, tmp, out, Path(cache_dir), digests, progress)
                    stats = dumps.stats
                    stats.reuse = dumps.reuse
                elif part_size is None:
                    stats = write_dumps(build, tmp, progress)
                else:
                    parts = write_parts(build, tmp, out, part_size, cache_dir, digests, progress)
                    stats = combined(parts)
                changed = None
                if dumps is not None and dumps.changes is not None:
                    removed, added = dumps.changes
                    changed = (
                        [line.decode("utf-8").rstrip("\n") for line in removed],
                        [line.decode("utf-8").rstrip("\n") for line in added],
                    )
                copied.result()
                _write_the_rest(
                    build,
                    out,
                    tmp,
                    stats,
                    parts,
                    digests,
                    description,
                    previous,
                    progress,
                    changed,
                )
                progress("indexing texts, quotes and names for search")
            digests[tmp / search.INDEX] = indexed.value
            progress("writing SHA256SUMS")
            write_checksums(tmp, digests)
            if parts is not None and cache_dir is not None:
                # Before `tmp` takes the place of `out` (which keeps inodes and times): a
                # publish that fails after it has not failed.
                keep_records(Path(cache_dir), parts)
            if dumps is not None:
                dumps.commit()  # before `tmp` takes the place of `out` too
            search_write.commit(cache_dir, token)
        except BaseException:
            if dumps is not None:
                dumps.abandon()
            search_write.abandon(cache_dir, token)
            raise
    build.stats = stats
    return stats.dump_triples()


def _write_the_rest(
    build: Build,
    out: Path,
    tmp: Path,
    stats: Statistics,
    parts: list[Part] | None,
    digests: Digests,
    description: Description,
    previous: Version | None,
    progress: Progress,
    changed: tuple[list[str], list[str]] | None,
) -> None:
    """Everything `write` writes into `tmp` beside the dumps (`changed`: the quads removed
    and added since the previous publish, when the dumps were revised from it)."""
    counts = stats.dump_triples()

    if build.validation is not None:
        # Canonical blank-node labels make the report reproducible byte for byte.
        report = union([to_canonical_graph(build.validation.report)], build.minter.base)
        (tmp / "shacl-report.ttl").write_text(turtle_text(report), encoding="utf-8")

    progress("writing void.ttl")
    if parts is None:
        digests.compute([tmp / name for name in DUMPS if tmp / name not in digests])
        dumps = [
            DumpFile(
                name,
                name,
                (tmp / name).stat().st_size,
                digests[tmp / name],
                counts[name],
                stats.quads if name in QUAD_DUMPS else None,
            )
            for name in DUMPS
        ]
    else:
        dumps = [
            DumpFile(
                f"{PARTS}/{part.name}/{name}",
                name,
                part.files[name]["size"],
                part.files[name]["sha256"],
                part.files[name]["triples"],
                part.stats.quads if name in QUAD_DUMPS else None,
            )
            for part in parts
            for name in DUMPS
        ]
    release = description.resolve(build, dumps, previous)
    # What changed since the release `out` holds (kg.publish.releases), before void.ttl lists it.
    releases.write_changes(
        out,
        tmp,
        str(build.minter.void_dataset),
        release.version,
        previous.version if previous is not None else None,
        changed,
    )
    changes = tmp / releases.CHANGES / releases.patch_name(release.version)
    void = describe(build, stats, dumps, parts, release, changes if changes.is_file() else None)
    void_text = turtle_text(void, document_subsets(build, stats))
    (tmp / "void.ttl").write_text(void_text, encoding="utf-8")


def copy_files(build: Build, out: Path, tmp: Path, digests: Digests) -> None:
    """The ontology, shapes, source texts and named queries into `tmp`, the sources' SHA-256
    into `digests`."""
    for folder, source in (("ontology", ONTOLOGY_DIR), ("shapes", SHAPES_DIR)):
        (tmp / folder).mkdir()
        for path in sorted(source.glob("*.ttl")):
            shutil.copyfile(path, tmp / folder / path.name)
    (tmp / "sources").mkdir()
    for doc_id in sorted(build.sources):
        name = build.sources[doc_id].path.name
        target = tmp / "sources" / name
        digests[target] = copy_or_link(build.sources[doc_id].path, out / "sources" / name, target)
    write_queries(tmp / QUERIES, build.minter.base)


def copy_or_link(source: Path, previous: Path, target: Path) -> str:
    """`source` copied to `target`, or, when `previous` (the file of the publish being
    replaced) holds the same bytes under no other name, hard-linked to it: removing the
    replaced publish then drops a name, not a file. (Removing the thousand source texts of a
    1,000-document publish took 2.4 s on this project's machine, a tenth of a second linked.)
    Returns the SHA-256 of the bytes, read once here for SHA256SUMS."""
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    try:
        found = previous.lstat()
        if (
            stat.S_ISREG(found.st_mode)
            and found.st_nlink == 1
            and found.st_size == len(data)
            and previous.read_bytes() == data
        ):
            os.link(previous, target)
            return digest
    except OSError:
        pass
    target.write_bytes(data)
    return digest


QUERIES = "queries"  # the folder of the named queries in dist/


def write_queries(folder: Path, base: str) -> None:
    """Every named query as `folder/NAME.rq`, its BASE set to the published base: the texts
    that run unchanged on a store loaded with the dumps (docs/stores.md) and give the rows of
    `kg query NAME`."""
    from kg.queries import named_queries

    folder.mkdir()
    for name, query in named_queries().items():
        (folder / f"{name}.rq").write_text(query.for_base(base).text, encoding="utf-8")


def summary(build: Build) -> dict:
    """Figures for the command line: documents, entities by class, observations, triples
    (those of the last `write` of this build; without one, the dumps are written to a
    temporary folder to count them). After a parted `write`, `parts` is the number of parts
    and the triples and the entities of each class are sums over the parts (a triple or an
    entity that two parts hold counts twice); documents and observations are exact."""
    stats = build.stats
    if stats is None:
        with tempfile.TemporaryDirectory() as folder:
            stats = write_dumps(build, Path(folder), lambda _: None)
    names = Graph()
    bind_prefixes(names, build.minter.base)
    classes = Counter(
        {names.namespace_manager.normalizeUri(URIRef(c)): n for c, n in stats.classes.items()}
    )
    return {
        "documents": len(build.documents),
        "classes": dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "observations": dict(sorted(stats.observations.items())),
        "triples": stats.triples,
        "inferred": stats.inferred,
        "parts": stats.parts,
        "seconds": build.seconds,
    }


__all__ = [
    "write",
    "summary",
    "atomic_directory",
    "union",
    "Statistics",
    "partition",
    "dump_paths",
    # from the modules this stage is made of, by the names it has always given them
    "CONTEXT",
    "DUMPS",
    "PART_DUMPS",
    "QUAD_DUMPS",
    "Description",
    "DumpFile",
    "NamedGraph",
    "Part",
    "Release",
    "Version",
    "check_part_size",
    "code_digest",
    "data_version",
    "jsonld_nodes",
    "newest_retrieval",
    "parts_of",
    "sha256",
    "source_date_epoch",
    "write_graph_dumps",
    "write_jsonld",
    "write_parts",
]
