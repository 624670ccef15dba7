"""What changed between two releases of the published graph, as an RDF Patch.

A publish into a folder that holds an earlier release compares the two releases' N-Quads
(`kg.nq`, or every part's: each file sorted line by line, so one merge pass over them finds
every quad removed and added, in time and memory that do not grow with the graph; a publish
that rewrote its dumps in chunks, `kg.publish.chunked`,
knows those quads and hands them over instead)
and writes the difference in RDF Patch (https://afs.github.io/rdf-patch/), the change format
Jena and RDF Delta read:

    H id <https://kg.example.org/id/dataset/kg/version/NEW> .
    H prev <https://kg.example.org/id/dataset/kg/version/OLD> .
    TX .
    D <s> <p> <o> <g> .
    A <s> <p> <o> <g> .
    TC .

Applied to the earlier release's kg.nq it gives this one's. The rows come in the quads' sorted
order, so the same two releases always give the same bytes. `ChangeSet` counts the rows of
each named graph (a document's graph, the reference data's), which the changelog shows.
"""

from __future__ import annotations

import gzip
import heapq
import io
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import KgError

ADDED, REMOVED = "A", "D"
SPECIFICATION = "https://afs.github.io/rdf-patch/"
SUFFIX = ".rdfp"
MEDIA_TYPE = "application/rdf-patch"

# `H key <iri> .`: the header rows kg writes and reads back.
_HEADER = re.compile(r"H (id|prev) <([^<>\"{}|^`\\\x00-\x20]*)> \.")


@dataclass
class ChangeSet:
    """The difference from release `previous` to release `version`: quads added and removed,
    counted per named graph (IRI strings; the default graph as "")."""

    version: str
    previous: str | None
    added: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)

    @property
    def empty(self) -> bool:
        return not self.added and not self.removed

    def graphs(self) -> list[str]:
        return sorted(set(self.added) | set(self.removed))


def _lines(path: Path) -> Iterator[str]:
    """The quads of one sorted N-Quads file (gzip or not), one line each, without its end."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="\n") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


def _merged(paths: Sequence[Path]) -> Iterator[str]:
    """The quads of several sorted files in one sorted stream, each quad once (a quad in two
    parts, or twice in one file, is one quad of the dataset)."""
    last = None
    for line in heapq.merge(*(_lines(p) for p in paths)):
        if line != last:
            yield line
            last = line


def _checked(lines: Iterator[str], path_of: str) -> Iterator[str]:
    """`lines`, refusing a file out of order: the merge would then report quads as removed
    and added that are in both releases."""
    last = None
    for line in lines:
        if last is not None and line < last:
            raise KgError(path_of, None, "the N-Quads are not sorted line by line")
        yield line
        last = line


def difference(old: Iterable[str], new: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(ADDED or REMOVED, quad line) for each quad in only one of two sorted streams, in
    sorted order."""
    old_it, new_it = iter(old), iter(new)
    a, b = next(old_it, None), next(new_it, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            yield REMOVED, a
            a = next(old_it, None)
        elif a is None or b < a:
            yield ADDED, b
            b = next(new_it, None)
        else:
            a, b = next(old_it, None), next(new_it, None)


def graph_of(quad: ox.Quad) -> str:
    """The IRI of a quad's named graph, "" for the default graph (as `ChangeSet` counts)."""
    return quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""


def _graph_of(line: str) -> str:
    """The graph name of one N-Quads line, read by the N-Quads parser."""
    return graph_of(next(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_QUADS)))


def write_patch(
    old: Sequence[Path],
    new: Sequence[Path],
    out: Path,
    version_iri: str,
    previous_iri: str | None,
    changed: tuple[Sequence[str], Sequence[str]] | None = None,
) -> ChangeSet:
    """Write to `out` the RDF Patch that turns the dataset of the sorted N-Quads files `old`
    into that of `new`, and return its counts. `out` is written whole or not at all (the
    publish writes it in its temporary folder). `changed`: the quads removed and those added
    (each sorted, lines without their end), when the publish knows them (`kg.publish.chunked`): the
    files are then not read."""
    changes = ChangeSet(version_iri, previous_iri)
    if changed is not None:
        old_lines, new_lines = iter(changed[0]), iter(changed[1])
    else:
        old_lines = _checked(_merged(old), ", ".join(map(str, old)))
        new_lines = _checked(_merged(new), ", ".join(map(str, new)))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"H id <{version_iri}> .\n")
        if previous_iri is not None:
            f.write(f"H prev <{previous_iri}> .\n")
        f.write("TX .\n")
        for op, line in difference(old_lines, new_lines):
            (changes.added if op == ADDED else changes.removed)[_graph_of(line)] += 1
            f.write(f"{op} {line}\n")
        f.write("TC .\n")
    tmp.replace(out)
    return changes


def read_patch(data: bytes, name: str = "patch") -> tuple[ChangeSet, list[tuple[str, ox.Quad]]]:
    """The change set of an RDF Patch kg wrote, and its rows (ADDED or REMOVED, quad) in the
    file's order, read by the N-Quads parser. A row kg does not write (prefix changes, aborted
    transactions) is refused, naming its line."""
    version = previous = None
    ops: list[str] = []
    texts: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(io.StringIO(data.decode("utf-8")), start=1):
        line = raw.rstrip("\n")
        if not line:
            continue
        op, _, rest = line.partition(" ")
        if op == "H":
            header = _HEADER.fullmatch(line)
            if header is None:
                raise KgError(name, number, "a header row is `H id <iri> .` or `H prev <iri> .`")
            if header[1] == "id":
                version = header[2]
            else:
                previous = header[2]
        elif op in ("TX", "TC") and rest == ".":
            continue
        elif op in (ADDED, REMOVED):
            ops.append(op)
            texts.append(rest)
            numbers.append(number)
        else:
            raise KgError(name, number, f"not a row of a kg change set: {line[:40]!r}")
    if version is None:
        raise KgError(name, None, "no `H id` row: the release it leads to is not named")
    changes = ChangeSet(version, previous)
    rows = list(zip(ops, _quads(texts, numbers, name), strict=True))
    for op, quad in rows:
        (changes.added if op == ADDED else changes.removed)[graph_of(quad)] += 1
    return changes, rows


def _quads(texts: list[str], numbers: list[int], name: str) -> list[ox.Quad]:
    """The quad of each row's text. Parsed in bulk, as one N-Quads document: N-Quads holds at
    most one statement a line, so as many quads as rows is one a row. Otherwise (or with a
    carriage return, which also ends an N-Quads line), row by row, to name the line at fault."""
    if not any("\r" in text for text in texts):
        try:
            document = "".join(text + "\n" for text in texts).encode("utf-8")
            quads = list(ox.parse(document, format=ox.RdfFormat.N_QUADS))
        except SyntaxError:
            quads = []
        if len(quads) == len(texts):
            return quads
    out = []
    for number, text in zip(numbers, texts, strict=True):
        try:
            quads = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
        except SyntaxError as e:
            raise KgError(name, number, f"not a quad: {e}") from None
        if len(quads) != 1:
            raise KgError(name, number, "a row holds one quad")
        out.append(quads[0])
    return out


def patch_name(version: str) -> str:
    """The file name of the change set that leads to release `version` (a dcat:version, which
    `--data-version` may set to any text: every character but letters, digits, `.`, `_` and
    `-` is percent-encoded, so the name is one path segment)."""
    name = quote(version, safe="")
    if name.strip(".") == "":
        raise KgError("--data-version", None, f"{version!r} cannot name a release")
    return name + SUFFIX


CHANGES = "changes"  # the folder of the change sets in dist/


def version_iri(dataset: str, version: str) -> str:
    """The IRI of one release of the data set, as void.ttl names it (dcat:previousVersion)."""
    return f"{dataset}/version/{version}"


def write_changes(
    out: Path,
    tmp: Path,
    dataset: str,
    version: str,
    previous: str | None,
    changed: tuple[Sequence[str], Sequence[str]] | None = None,
) -> ChangeSet | None:
    """Into the publish's temporary folder `tmp`: the change sets of earlier releases kept in
    `out/changes/` (the folder being replaced), and, when `out` holds a release `previous`
    that is not `version`, the change set from it to this one (its kg.nq against `tmp`'s, or
    `changed`).
    Returns that change set, or None when there is no earlier release or the data did not
    change (the same data published again is the same release). `changed`: as for
    `write_patch`."""
    from kg.publish.layout import dump_paths

    earlier = out / CHANGES
    if earlier.is_dir():
        (tmp / CHANGES).mkdir(exist_ok=True)
        for path in sorted(earlier.glob("*" + SUFFIX)):
            if path.is_file() and not path.is_symlink():
                shutil.copyfile(path, tmp / CHANGES / path.name)
    old = dump_paths(out, "kg.nq")
    if previous is None or previous == version or not old or not all(p.is_file() for p in old):
        return None
    return write_patch(
        old,
        dump_paths(tmp, "kg.nq"),
        tmp / CHANGES / patch_name(version),
        version_iri(dataset, version),
        version_iri(dataset, previous),
        changed,
    )
