"""The dumps in parts (`kg publish --part-size N`), parts unchanged since the previous publish
hard-linked from it.

`parts/reference/` holds the reference data's graph and its inferences, and each
`parts/documents-<first id>/` the graphs of about N documents (`partition`), each folder with
the six dumps restricted to its graphs. With a cache folder, a part whose graphs and code are
those of a part of the previous publish is not written again but hard-linked from it
(`write_parts`), so that adding one document rewrites one part.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.atomic import write_bytes
from kg.build.run import Build
from kg.errors import KgError
from kg.publish.checksums import Digests
from kg.publish.contents import (
    DUMPS,
    NamedGraph,
    Progress,
    Statistics,
    document_graphs,
    reference_graphs,
)
from kg.publish.dumps import code_digest, hash_field, write_graph_dumps
from kg.publish.layout import PARTS


def partition(doc_ids: Iterable[str], part_size: int) -> list[list[str]]:
    """The documents of each part of a parted publish: `doc_ids` in order, cut into runs of
    `part_size` documents on average.

    Content-defined chunking: a part starts at a document whose id hashes to a multiple of
    `part_size`, so where the cuts fall depends on the ids alone, not on their positions.
    Adding a document changes only the part it joins (or splits that part in two, when its id
    is a cut), where cuts every `part_size` documents would shift every later part and an
    incremental publish would rewrite them all. A part is also cut when it holds
    4 * `part_size` documents, to bound its size; such a forced cut shifts with an insertion,
    but only up to the next natural cut, where the parts agree again.
    """
    parts: list[list[str]] = []
    current: list[str] = []
    for doc_id in doc_ids:
        cut = int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], "big") % part_size == 0
        if current and (cut or len(current) >= 4 * part_size):
            parts.append(current)
            current = []
        current.append(doc_id)
    if current:
        parts.append(current)
    return parts


REFERENCE_PART = "reference"
PART_RECORDS = "parts"  # the folder of the part records, in the cache folder
READ_ONLY = 0o444


@dataclass
class Part:
    """A part of a parted publish: the folder `parts/<name>/` and the graphs it holds; once
    written or reused, its files (dump name -> size, sha256, triples, inode, mtime_ns) and
    figures."""

    name: str
    graphs: list[NamedGraph]
    title: str
    key: str = ""
    files: dict[str, dict] = field(default_factory=dict)
    stats: Statistics = field(default_factory=Statistics)
    reused: bool = False

    def record(self) -> dict:
        return {"name": self.name, "files": self.files, "statistics": self.stats.as_record()}


def parts_of(build: Build, part_size: int) -> list[Part]:
    """The reference part, then the parts of the documents (`partition`)."""
    parts = [Part(REFERENCE_PART, reference_graphs(build), "Reference data and its inferences")]
    for doc_ids in partition(sorted(build.documents.packed), part_size):
        title = f"Documents {doc_ids[0]} to {doc_ids[-1]} ({len(doc_ids)}) and their inferences"
        if len(doc_ids) == 1:
            title = f"Document {doc_ids[0]} and its inferences"
        parts.append(Part(f"documents-{doc_ids[0]}", document_graphs(build, doc_ids), title))
    return parts


def part_key(part: Part, base: str, code: bytes) -> str:
    """The SHA-256 of everything a part's files depend on: the code, the base IRI, the part's
    name, and each graph's name, asserted and inferred triples."""
    h = hashlib.sha256()
    for data in (code, base.encode(), part.name.encode()):
        hash_field(h, data)
    for graph in part.graphs:
        hash_field(h, str(graph.name).encode())
        hash_field(h, graph.asserted.data)
        hash_field(h, b"" if graph.inferred is None else graph.inferred.data)
    return h.hexdigest()


def read_record(cache_dir: Path, key: str) -> tuple[dict, Statistics] | None:
    """The files (name -> size, sha256, triples, inode, mtime_ns) and figures a part's record
    keeps; None when there is none, or it is damaged or of another version (the part is then
    written again)."""
    try:
        record = json.loads((cache_dir / PART_RECORDS / f"{key}.json").read_text("utf-8"))
        files = record["files"]
        if set(files) != set(DUMPS) or not all(set(f) >= RECORDED_FILE for f in files.values()):
            return None
        return files, Statistics.from_record(record["statistics"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, SyntaxError):
        return None


RECORDED_FILE = {"size", "sha256", "triples", "inode", "mtime_ns"}  # of each file of a part


def unchanged(files: dict, folder: Path) -> bool:
    """Whether the files of `folder` are those a record describes: same size, inode and
    modification time (a file written in place has another time; one replaced, another inode)."""
    for name, recorded in files.items():
        try:
            found = (folder / name).stat()
        except OSError:
            return False
        if (found.st_size, found.st_ino, found.st_mtime_ns) != (
            recorded["size"],
            recorded["inode"],
            recorded["mtime_ns"],
        ):
            return False
    return True


def link_part(previous: Path, folder: Path) -> bool:
    """Hard-link the dumps of `previous` into `folder`; False (and no `folder`) when the file
    system refuses."""
    folder.mkdir(parents=True)
    try:
        for name in DUMPS:
            os.link(previous / name, folder / name)
            (folder / name).chmod(READ_ONLY)
    except OSError:
        shutil.rmtree(folder)
        return False
    return True


def write_parts(
    build: Build,
    tmp: Path,
    out: Path,
    part_size: int,
    cache_dir: Path | None,
    digests: Digests,
    progress: Progress,
) -> list[Part]:
    """The dumps of each part in `tmp/parts/`: hard-linked from the previous publish in `out`
    when a record in `cache_dir` says that its files there are what this part would write,
    else written (and made read-only, so that a change in place cannot reach the copies
    linked to it). The SHA-256 of every file goes into `digests`."""
    parts = parts_of(build, part_size)
    code = code_digest()
    for number, part in enumerate(parts, start=1):
        part.key = part_key(part, build.minter.base, code)
        folder = tmp / PARTS / part.name
        previous = out / PARTS / part.name
        record = read_record(cache_dir, part.key) if cache_dir is not None else None
        reusable = record is not None and unchanged(record[0], previous)
        if reusable and not link_part(previous, folder):
            progress(f"part {number} of {len(parts)} ({part.name}): cannot be linked, written")
            reusable = False
        if reusable:
            progress(f"part {number} of {len(parts)} ({part.name}): unchanged, linked")
            (part.files, part.stats), part.reused = record, True
        else:
            say = f"part {number} of {len(parts)} ({part.name})"
            folder.mkdir(parents=True)
            part.stats = write_graph_dumps(
                build, part.graphs, folder, lambda what, say=say: progress(f"{say}: {what}")
            )
            # The URL of a document from its own part only: what another part's graphs say
            # of it cannot be in the key of this part.
            own = {graph.document for graph in part.graphs}
            part.stats.urls = {d: url for d, url in part.stats.urls.items() if d in own}
            paths = [folder / name for name in DUMPS]
            for path in paths:
                path.chmod(READ_ONLY)
            digests.compute(paths)
            counts = part.stats.dump_triples()
            for name, path in zip(DUMPS, paths, strict=True):
                found = path.stat()
                part.files[name] = {
                    "size": found.st_size,
                    "sha256": digests[path],
                    "triples": counts[name],
                    "inode": found.st_ino,
                    "mtime_ns": found.st_mtime_ns,
                }
        for name, recorded in part.files.items():
            digests[folder / name] = recorded["sha256"]
    return parts


def keep_records(cache_dir: Path, parts: Sequence[Part]) -> None:
    """Record the parts of a publish now in place (each record written whole: a temporary
    file, then renamed), and delete the records of parts it no longer has."""
    folder = cache_dir / PART_RECORDS
    folder.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if part.reused:
            continue
        text = json.dumps(part.record(), indent=1, sort_keys=True)
        write_bytes(folder / f"{part.key}.json", text.encode())
    used = {f"{part.key}.json" for part in parts}
    for path in folder.iterdir():
        if path.name not in used:
            path.unlink()


def combined(parts: Sequence[Part]) -> Statistics:
    """The figures of a parted publish from those of its parts: sums and unions."""
    total = Statistics(parts=len(parts))
    for part in parts:
        stats = part.stats
        total.triples += stats.triples
        total.quads += stats.quads
        total.inferred += stats.inferred
        total.subjects += stats.subjects
        total.entities += stats.entities
        total.objects += stats.objects
        total.property_iris |= stats.property_iris
        total.classes.update(stats.classes)
        total.observations.update(stats.observations)
        total.urls.update(stats.urls)
    total.properties = len(total.property_iris)
    return total


def check_part_size(part_size: int | None) -> None:
    if part_size is not None and part_size < 1:
        raise KgError("--part-size", None, f"a part holds at least one document, not {part_size}")
