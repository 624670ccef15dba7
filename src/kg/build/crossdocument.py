"""The checks that need several documents at once, run on the whole graph after each document
has been validated on its own: a property a shape allows once (sh:maxCount 1) given different
values by different named graphs for the same node.

Only the lines these checks read (those of the properties concerned, and rdf:type) are taken
from each graph's packed N-Triples, by a regular expression (in C), tagged with the graph and
sorted by `sort` (bounded memory, spilling to disk), which brings each subject's lines
together; one pass over the sorted lines then looks at each subject with values from several
graphs. Memory stays flat whatever the size of the corpus.

Incremental: with a state folder (in the publish's cache), a full check keeps its sorted lines,
which subjects each graph describes, and its results. A later check compares each graph with
the one the kept lines came from (by a digest of its packed triples) and, when few changed,
looks again only at the subjects the changed graphs describe, now or before: their lines come
from the kept file (found by binary search) less those of the changed graphs, plus the changed
graphs' current lines. Every other subject's results are the kept ones. The answer is the same
as a full check's; a test compares them.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

import kg
from kg.atomic import atomic_directory
from kg.build.validate import SHAPES_DIR, load_shapes
from kg.errors import KgError
from kg.ntriples import Packed, to_graph, unpack
from kg.sorting import sorted_into
from kg.vocab import SH

XSD_STRING_SUFFIX = b"^^<http://www.w3.org/2001/XMLSchema#string>"
RDF_TYPE = f"<{RDF.type}>".encode()

# A check looks again at the subjects of at most this share of the graphs; beyond it, a full
# check is as quick and leaves fresh state for the next ones.
INCREMENTAL_SHARE = 0.05


@dataclass(frozen=True)
class SingleValued:
    """A property shape allowing one value (sh:maxCount 1) of a predicate path."""

    shape: URIRef  # the property shape
    path: URIRef
    classes: frozenset  # the node shapes' target classes (none: every subject)
    severity: URIRef
    message: str

    @property
    def key(self) -> tuple:
        """What identifies the check from one process to the next (not `shape`, which may be
        a blank node)."""
        return (
            str(self.path),
            tuple(sorted(map(str, self.classes))),
            str(self.severity),
            self.message,
        )


def single_valued_shapes(shapes: Graph) -> list[SingleValued]:
    found = []
    for prop in sorted(set(shapes.subjects(SH.maxCount, None))):
        path = shapes.value(prop, SH.path)
        if not isinstance(path, URIRef) or shapes.value(prop, SH.maxCount).toPython() != 1:
            continue
        classes = frozenset(
            c
            for shape in shapes.subjects(SH.property, prop)
            for c in shapes.objects(shape, SH.targetClass)
        )
        severity = shapes.value(prop, SH.severity) or SH.Violation
        message = str(shapes.value(prop, SH.message) or f"at most one {path}")
        found.append(SingleValued(prop, path, classes, severity, message))
    return found


def cross_document_violations(build, state: Path | None = None) -> list[tuple]:
    """The results (focus, path, value, severity, message, shape) of the cross-document check
    over `build.named_graphs()`, in a fixed order. With `state`, incremental (module doc)."""
    check = Check(single_valued_shapes(load_shapes()))
    graphs = [(str(name), packed) for name, packed in build.named_graphs()]
    kept = Kept.read(state, check) if state is not None else None
    found = None
    if kept is not None:
        try:
            found = kept.update(check, graphs)
        finally:
            kept.close()
    if found is None:
        found = check.full(graphs, state)
    message = " (different documents give different values)"
    results = []
    for _, key, focus, value in sorted(found, key=_order):
        single = check.by_key[key]
        results.append(
            (focus, single.path, value, single.severity, single.message + message, single.shape)
        )
    return results


def _order(found: tuple) -> tuple:
    """Results by check, focus node and value: the same order in every process (a property
    shape may be a blank node, whose label changes from one parse of the shapes to the next)."""
    _, key, focus, value = found
    return key, focus, "" if value is None else value.n3()


def digest(packed: Packed) -> str:
    return hashlib.blake2b(packed.data, digest_size=16).hexdigest()


class Check:
    """The single-valued shapes, and how to read their lines."""

    def __init__(self, checks: list[SingleValued]):
        self.by_path: dict[bytes, list[SingleValued]] = {}
        for check in checks:
            self.by_path.setdefault(f"<{check.path}>".encode(), []).append(check)
        wanted = [RDF_TYPE, *self.by_path]
        self.line_of_wanted = re.compile(
            rb"^<[^>]*> (?:%s) [^\n]*\n" % b"|".join(re.escape(p) for p in wanted),
            re.MULTILINE,
        )
        # What the kept state depends on besides the graphs: the shapes and this code.
        shapes = b"".join(path.read_bytes() for path in sorted(SHAPES_DIR.glob("*.ttl")))
        self.fingerprint = hashlib.sha256(
            shapes + Path(__file__).read_bytes() + f"{kg.__version__} {rdflib.__version__}".encode()
        ).hexdigest()
        self.by_key = {check.key: check for check in checks}

    def lines(self, packed: Packed) -> bytes:
        """The N-Triples lines of a graph the checks read."""
        return b"".join(self.line_of_wanted.findall(unpack(packed)))

    def full(self, graphs: list[tuple[str, Packed]], state: Path | None) -> list[tuple]:
        """Every graph's lines sorted, then one pass; with `state`, kept for the next check."""
        if state is None:
            with tempfile.TemporaryDirectory(prefix="kg-check-") as work:
                return self._full(graphs, Path(work), None)
        with atomic_directory(state / Kept.NAME) as work:  # replaces the kept state
            return self._full(graphs, work, state)

    def _full(self, graphs: list[tuple[str, Packed]], work: Path, state: Path | None):
        lines = work / "lines"
        kept: dict[str, tuple[bytes, str, int, int]] = {}
        try:
            with ExitStack() as stack:
                subjects = None
                if state is not None:
                    subjects = stack.enter_context((work / "subjects").open("wb"))
                sort = stack.enter_context(sorted_into(lines, work, "-u"))
                for number, (name, packed) in enumerate(graphs):
                    text = self.lines(packed)
                    tag = str(number).encode()
                    sort.write(tagged(text, tag))
                    if subjects is not None:
                        listed = subjects_of(text)
                        kept[name] = (tag, digest(packed), subjects.tell(), len(listed))
                        subjects.write(listed)
        except KgError as exc:  # its path is a temporary file, gone when the user reads it
            raise KgError("sort", None, f"in the cross-document check: {exc.message}") from None
        with lines.open("rb") as f:
            found = list(self.over(f))
        if state is not None:
            Kept(self.fingerprint, kept, found).write(work)
        return found

    def over(self, lines: Iterable[bytes]) -> Iterator[tuple]:
        """(subject, check key, focus, value) of each result of the checks over sorted tagged
        lines."""
        subject, types, values = None, set(), {}
        for line in lines:
            head, graph = line.rsplit(b"\t", 1)
            s, p, o = head.split(b" ", 2)
            if s != subject:
                if subject is not None:
                    yield from self.conflicts(subject, types, values)
                subject, types, values = s, set(), {}
            if p == RDF_TYPE:
                types.add(o)
            if p in self.by_path:
                if o.endswith(XSD_STRING_SUFFIX):  # "a"^^xsd:string is "a" (RDF 1.1)
                    o = o[: -len(XSD_STRING_SUFFIX)]
                values.setdefault(p, {}).setdefault(o, set()).add(graph)
        if subject is not None:
            yield from self.conflicts(subject, types, values)

    def conflicts(self, subject: bytes, types: set, values: dict) -> Iterator[tuple]:
        """The values of single-valued properties of `subject` that one graph gives and another
        graph contradicts with a different value. Values are RDF terms, as sh:maxCount counts
        them: "1.5"^^xsd:decimal and "1.50"^^xsd:decimal are two values (a SPARQL `!=` would
        compare them as numbers). A blank node is reported without its label (`None`), which
        would mean nothing outside its graph."""
        for p, graphs_of in values.items():
            if len(graphs_of) < 2 or len(set().union(*graphs_of.values())) < 2:
                continue
            conflicting = sorted(o for o in graphs_of if _contradicted(o, graphs_of))
            if not conflicting:
                continue
            for check in self.by_path[p]:
                if check.classes and not any(f"<{c}>".encode() in types for c in check.classes):
                    continue
                for o in conflicting:
                    (triple,) = to_graph(subject + b" " + p + b" " + o + b" .\n")
                    focus, _, value = triple
                    if isinstance(value, BNode):
                        value = None
                    yield subject, check.key, focus, value


def tagged(text: bytes, tag: bytes) -> bytes:
    """N-Triples lines "<s> <p> o .\\n" as "<s> <p> o\\tTAG\\n" (N-Triples escapes line
    breaks, so " .\\n" ends lines only)."""
    return text.replace(b" .\n", b"\t" + tag + b"\n")


SUBJECT = re.compile(rb"^(<[^>]*>) ", re.MULTILINE)


def subjects_of(text: bytes) -> bytes:
    """The subjects of N-Triples lines, once each, a line each."""
    return b"".join(s + b"\n" for s in dict.fromkeys(SUBJECT.findall(text)))


def _contradicted(value: bytes, graphs_of: dict) -> bool:
    """Whether a graph giving `value` is contradicted by another graph giving another value."""
    others = set().union(*(graphs for o, graphs in graphs_of.items() if o != value))
    return any(others - {graph} for graph in graphs_of[value])


@dataclass
class Kept:
    """The state a full check leaves, in `folder`: `lines` (its sorted tagged lines),
    `subjects` (each graph's subjects, a block per graph) and, in `kept.pickle`, the
    fingerprint of the checks, each graph's tag, digest and block of subjects, the results with
    their subjects, and the sizes of the two files (a file cut short is not used)."""

    fingerprint: str
    graphs: dict[str, tuple[bytes, str, int, int]]  # name -> (tag, digest, offset, length)
    found: list[tuple]  # (subject, check key, focus, value)
    sizes: tuple[int, int] = (0, 0)  # of `lines` and `subjects`
    files: tuple = ()  # `lines` and `subjects`, opened when read

    NAME = "kept"
    FILES = ("lines", "subjects")

    def write(self, work: Path) -> None:
        """The pickle beside `lines` and `subjects` in `work`, the folder about to become the
        kept state."""
        self.sizes = tuple((work / name).stat().st_size for name in self.FILES)
        with (work / "kept.pickle").open("wb") as f:
            kept = (self.fingerprint, self.graphs, self.found, self.sizes)
            pickle.dump(kept, f, pickle.HIGHEST_PROTOCOL)
        for log in work.glob("*.log"):
            log.unlink()

    @classmethod
    def read(cls, state: Path, check: Check) -> Kept | None:
        """The kept state, its files open (another publish may replace the folder meanwhile);
        None when there is none, or it is of other checks, or damaged."""
        folder = state / cls.NAME
        files = []
        try:
            with (folder / "kept.pickle").open("rb") as f:
                files = [(folder / name).open("rb") for name in cls.FILES]
                fingerprint, graphs, found, sizes = pickle.load(f)
            if fingerprint != check.fingerprint or sizes != tuple(
                os.fstat(file.fileno()).st_size for file in files
            ):
                raise ValueError("other checks, or a file cut short")
        except Exception:  # any damage: a full check replaces the state
            for file in files:
                file.close()
            return None
        return cls(fingerprint, graphs, found, sizes, tuple(files))

    def close(self) -> None:
        for file in self.files:
            file.close()

    def update(self, check: Check, graphs: list[tuple[str, Packed]]) -> list[tuple] | None:
        """The results for `graphs`, looking again only at the subjects of the graphs that
        changed since the full check; None when too many changed to be worth it."""
        current = {name for name, _ in graphs}
        before = {name: kept[1] for name, kept in self.graphs.items()}
        changed = [(n, p) for n, p in graphs if before.get(n) != digest(p)]
        removed = [name for name in self.graphs if name not in current]
        if len(changed) + len(removed) > INCREMENTAL_SHARE * max(len(graphs), len(self.graphs)):
            return None
        if not changed and not removed:
            return list(self.found)
        stale = [self.graphs[n] for n, _ in changed if n in self.graphs]
        stale += [self.graphs[n] for n in removed]
        stale_tags = {tag for tag, _, _, _ in stale}
        fresh: dict[bytes, list[bytes]] = {}  # subject -> the changed graphs' lines
        new_tag = len(self.graphs)
        for name, packed in changed:
            if name in self.graphs:
                tag = self.graphs[name][0]
            else:
                tag, new_tag = str(new_tag).encode(), new_tag + 1
            for line in tagged(check.lines(packed), tag).splitlines(keepends=True):
                fresh.setdefault(line[: line.index(b" ")], []).append(line)
        affected = set(fresh)
        f_lines, subjects = self.files
        for _, _, offset, length in stale:
            subjects.seek(offset)
            affected.update(subjects.read(length).splitlines())
        found = [result for result in self.found if result[0] not in affected]
        with _mapped(f_lines) as lines:
            for subject in sorted(affected):
                kept = [
                    line
                    for line in _starting(lines, subject + b" ")
                    if line[line.rindex(b"\t") + 1 : -1] not in stale_tags
                ]
                found += check.over(sorted(set(kept + fresh.get(subject, []))))
        return found


def _mapped(f):
    """The file as bytes without reading it (an empty file cannot be mapped)."""
    if os.fstat(f.fileno()).st_size == 0:
        return nullcontext(b"")
    return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _starting(text, prefix: bytes) -> list[bytes]:
    """The lines of sorted `text` (bytes or mmap) that start with `prefix`, by binary search:
    lines sharing a prefix are together in byte order."""
    lo, hi = 0, len(text)
    while lo < hi:  # the first line not below `prefix`; lo and hi are line starts
        mid = (lo + hi) // 2
        start = text.rfind(b"\n", 0, mid) + 1
        end = text.find(b"\n", start) + 1 or len(text) + 1  # a last line without its end
        if text[start : end - 1] < prefix:
            lo = end
        else:
            hi = start
    found = []
    while lo < len(text) and text[lo : lo + len(prefix)] == prefix:
        end = text.find(b"\n", lo) + 1 or len(text)
        found.append(text[lo:end])
        lo = end
    return found
