"""Export stage: the built graph as files, streamed, written atomically, byte for byte reproducible.

The build keeps every named graph as packed, sorted N-Triples (`kg.ntriples`); the dumps are made
from those by streaming, never from one whole-graph rdflib graph, so that memory stays bounded
whatever the size of the corpus:

- `kg.nq` is every quad, sorted line by line, and `kg.nt` every asserted triple once, sorted:
  both come out of an external sort (the `sort` command in the C locale: byte order, which for
  UTF-8 is code point order, in bounded memory, spilling to temporary files beside the output);
- `kg.ttl` and `kg-inferred.ttl` are pyoxigraph's streaming Turtle serialization of the sorted
  triples (so each subject's triples come together), `kg.trig` the same over each named graph's
  sorted triples, graphs in name order;
- `kg.jsonld` is written here node by node from the sorted triples: one node per subject, IRIs
  compacted with the prefixes of the `@context`, keys and values sorted;
- the VoID description's counts are gathered on the way.

Every dump is a function of the set of triples, and the data has no blank nodes, so the same
inputs give identical bytes (the SHACL report's blank nodes get canonical labels, and void.ttl's,
the checksums, are written inline; void.ttl also depends on the options of `Description` and
on the previous publish's void.ttl, whose version it follows). `dist/queries/` holds the named
queries with their BASE set to the published base (`write_queries`), and `dist/search.sqlite`
the full-text index (`kg.publish.search`, reproducible byte for byte too).

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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

import kg
from kg import ntriples, sorting
from kg.atomic import atomic_directory, write_bytes
from kg.build.run import Build, union
from kg.build.validate import ONTOLOGY_DIR, SHAPES_DIR
from kg.errors import KgError
from kg.publish import releases, search
from kg.sorting import c_locale, failed, sort_command, sorted_into
from kg.store.query import PARTS, dump_paths
from kg.terms import to_rdflib
from kg.vocab import DCAT, KG, ONTOLOGY_IRI, PREFIXES, QB, SCHEMA, VOID, bind_prefixes

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
DEFAULT_PUBLISHER = "kg contributors"
# The dumps of named graphs, whose lines are quads: a triple several graphs hold is there once
# per graph (`kg:quads`), where void:triples counts it once.
QUAD_DUMPS = ("kg.trig", "kg.nq")

# file name -> (media type, what it is)
DUMPS = {
    "kg.ttl": ("text/turtle", "The asserted graph: reference data and every document, in Turtle."),
    "kg-inferred.ttl": ("text/turtle", "The triples OWL 2 RL reasoning adds to kg.ttl."),
    "kg.trig": (
        "application/trig",
        "The asserted graph with one named graph per document and one for reference data.",
    ),
    "kg.nt": ("application/n-triples", "The asserted graph as sorted N-Triples."),
    "kg.nq": ("application/n-quads", "The named graphs of kg.trig as sorted N-Quads."),
    "kg.jsonld": ("application/ld+json", "The asserted graph as JSON-LD with a context."),
}

# file name -> what it is, in a part of a parted publish
PART_DUMPS = {
    "kg.ttl": "The part's asserted triples, in Turtle.",
    "kg-inferred.ttl": "The triples OWL 2 RL reasoning adds to the part's graphs.",
    "kg.trig": "The part's named graphs: one per document, or the reference data.",
    "kg.nt": "The part's asserted triples as sorted N-Triples.",
    "kg.nq": "The named graphs of the part's kg.trig as sorted N-Quads.",
    "kg.jsonld": "The part's asserted triples as JSON-LD with a context.",
}

# The prefixes of the Turtle, TriG and JSON-LD dumps. Not `id:`: the paths of data IRIs
# (`id:organization/cndh`) would need escaping (`id:organization\/cndh`) in Turtle.
CONTEXT = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}

Progress = Callable[[str], None]


@dataclass
class Statistics:
    """Figures of the written dumps, gathered while streaming them."""

    triples: int = 0  # distinct asserted triples (kg.nt)
    quads: int = 0  # kg.nq
    inferred: int = 0  # distinct inferred triples (kg-inferred.ttl)
    subjects: int = 0
    entities: int = 0  # subjects under {base}id/
    objects: int = 0
    properties: int = 0
    property_iris: set[str] = field(default_factory=set)
    classes: Counter = field(default_factory=Counter)  # class IRI -> instances
    observations: dict[str, int] = field(default_factory=dict)  # doc id -> qb:Observation
    urls: dict[str, ox.NamedNode | ox.Literal] = field(default_factory=dict)  # doc id -> URL
    # 0: the figures of the whole graph. Otherwise the number of parts the figures are summed
    # over: then quads, observations, properties and the set of classes are exact, but a
    # triple (or subject, object, instance of a class) that graphs of two parts hold counts
    # once in each (`combined`).
    parts: int = 0
    # What the whole-graph dumps reused of the previous publish's (`kg.publish.chunked.Reuse`), when
    # written with a cache.
    reuse: object | None = None

    def dump_triples(self) -> dict[str, int]:
        """The distinct triples of each dump (in kg.trig and kg.nq, a triple several named
        graphs hold counts once: their quads are `quads`)."""
        return {
            "kg.ttl": self.triples,
            "kg-inferred.ttl": self.inferred,
            "kg.trig": self.triples,
            "kg.nt": self.triples,
            "kg.nq": self.triples,
            "kg.jsonld": self.triples,
        }

    def as_record(self) -> dict:
        """The figures as JSON values (the part records of a parted publish keep them)."""
        return {
            "triples": self.triples,
            "quads": self.quads,
            "inferred": self.inferred,
            "subjects": self.subjects,
            "entities": self.entities,
            "objects": self.objects,
            "property_iris": sorted(self.property_iris),
            "classes": dict(sorted(self.classes.items())),
            "observations": dict(sorted(self.observations.items())),
            "urls": {doc_id: str(url) for doc_id, url in sorted(self.urls.items())},
        }

    @classmethod
    def from_record(cls, record: dict) -> Statistics:
        return cls(
            triples=record["triples"],
            quads=record["quads"],
            inferred=record["inferred"],
            subjects=record["subjects"],
            entities=record["entities"],
            objects=record["objects"],
            properties=len(record["property_iris"]),
            property_iris=set(record["property_iris"]),
            classes=Counter(record["classes"]),
            observations=dict(record["observations"]),
            urls={doc_id: _ntriples_term(text) for doc_id, text in record["urls"].items()},
        )


def _ntriples_term(text: str) -> ox.NamedNode | ox.Literal:
    """The IRI or literal written `text` in N-Triples (`str` of a pyoxigraph term)."""
    line = f"<urn:x-kg:s> <urn:x-kg:p> {text} .\n".encode()
    return next(iter(ox.parse(line, format=ox.RdfFormat.N_TRIPLES))).object


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


def count_lines(path: Path) -> int:
    n = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            n += chunk.count(b"\n")
    return n


# -- the dumps -------------------------------------------------------------------------------


def _graph_suffix(name: URIRef) -> bytes:
    return f" {name.n3()} .\n".encode()


def as_quads(text: bytes, name: URIRef) -> bytes:
    """N-Triples lines as N-Quads lines of the named graph `name`."""
    return text.replace(b" .\n", _graph_suffix(name))


# The end of the N-Triples line that types a qb:Observation (literals cannot end so).
OBSERVATION_LINE_END = f" {RDF.type.n3()} {QB.Observation.n3()} .\n".encode()


@dataclass(frozen=True)
class NamedGraph:
    """A named graph of the build as the dumps take it: its asserted triples, the triples
    reasoning adds to them, and, for a document's graph, the document's id."""

    name: URIRef
    asserted: ntriples.Packed
    inferred: ntriples.Packed | None = None
    document: str | None = None


def reference_graphs(build: Build) -> list[NamedGraph]:
    name = build.minter.reference_graph
    return [NamedGraph(name, build.reference_packed(), build.inferred.packed.get(str(name)))]


def document_graphs(build: Build, doc_ids: Iterable[str]) -> list[NamedGraph]:
    graphs = []
    for doc_id in doc_ids:
        name = build.minter.document_graph(doc_id)
        asserted, inferred = build.documents.packed[doc_id], build.inferred.packed.get(str(name))
        graphs.append(NamedGraph(name, asserted, inferred, doc_id))
    return graphs


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


XSD_STRING = str(XSD.string)
XSD_INTEGER = str(XSD.integer)
XSD_BOOLEAN = str(XSD.boolean)
RDF_TYPE = str(RDF.type)
SCHEMA_URL = str(SCHEMA.url)
_SMALL_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")  # canonical, exact in any JSON reader


class Compactor:
    """IRIs as JSON-LD compact IRIs (`kg:Campaign`) under the prefixes of a context, split as
    rdflib does: after the last `#`, else the last `/`, else the last `:`."""

    def __init__(self, context: dict[str, str]):
        self.prefixes = {namespace: prefix for prefix, namespace in context.items()}
        self._symbols: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        at = iri.rfind("#")
        if at < 0:
            at = iri.rfind("/")
            if at < 0:
                at = iri.rfind(":")
                if at < 0:
                    return iri
        prefix = self.prefixes.get(iri[: at + 1])
        return f"{prefix}:{iri[at + 1 :]}" if prefix else iri

    def symbol(self, iri: str) -> str:
        """A property, class or datatype: a prefix's own name when it is the namespace itself."""
        found = self._symbols.get(iri)
        if found is None:
            found = self.prefixes.get(iri) or self.iri(iri)
            if len(self._symbols) < 100_000:
                self._symbols[iri] = found
        return found

    def value(self, term):
        """A JSON-LD value object, or a native JSON value where that is lossless (xsd:string,
        canonical xsd:boolean, small canonical xsd:integer)."""
        kind = type(term)
        if kind is ox.NamedNode:
            return {"@id": self.iri(term.value)}
        if kind is ox.BlankNode:
            return {"@id": f"_:{term.value}"}
        text = term.value
        language = term.language
        if language:
            return {"@language": language, "@value": text}
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return text
        if datatype == XSD_INTEGER and _SMALL_INTEGER.fullmatch(text):
            return int(text)
        if datatype == XSD_BOOLEAN and text in ("true", "false"):
            return text == "true"
        return {"@type": self.symbol(datatype), "@value": text}


_encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def _node_text(node: dict) -> str:
    """One node object on one line. Values keep the order of their N-Triples lines; two lines
    can give one JSON value only as strings ("a" and "a"^^xsd:string), kept once."""
    for key, values in node.items():
        if key == "@id":
            continue
        if len(values) == 1:
            node[key] = values[0]
        elif any(type(v) is str for v in values):
            seen: set[str] = set()
            node[key] = [v for v in values if type(v) is not str or not (v in seen or seen.add(v))]
    return _encode(node)


def jsonld_nodes(
    triples: Iterable[ox.Triple], entity_space: str, documents: dict[str, str], stats: Statistics
) -> Iterator[str]:
    """The JSON-LD node objects of sorted triples, one per subject, each on one line: `@id`,
    `@type` for rdf:type, compact IRIs for properties, classes and datatypes, native JSON
    values where they are lossless. Adds the figures of the triples to `stats` on the way
    (`documents`: the IRIs of the documents, whose schema:url VoID gives)."""
    compact = _COMPACTOR
    classes, properties, urls = stats.classes, stats.property_iris, stats.urls
    node: dict = {}
    subject = None
    for triple in triples:
        stats.triples += 1
        s = triple.subject
        if s != subject:
            if node:
                yield _node_text(node)
            subject = s
            stats.subjects += 1
            if isinstance(s, ox.NamedNode):
                node = {"@id": compact.iri(s.value)}
                if s.value.startswith(entity_space):
                    stats.entities += 1
            else:
                node = {"@id": f"_:{s.value}"}
        p = triple.predicate.value
        o = triple.object
        properties.add(p)
        if p == RDF_TYPE and isinstance(o, ox.NamedNode):
            classes[o.value] += 1
            node.setdefault("@type", []).append(compact.symbol(o.value))
            continue
        if p == SCHEMA_URL and s.value in documents:
            urls.setdefault(documents[s.value], o)
        node.setdefault(compact.symbol(p), []).append(compact.value(o))
    if node:
        yield _node_text(node)
    stats.properties = len(properties)


_COMPACTOR = Compactor(CONTEXT)
JSONLD_HEAD = (
    json.dumps({"@context": CONTEXT}, indent=1, sort_keys=True, ensure_ascii=False)[: -len("\n}")]
    + ',\n "@graph": ['
)
JSONLD_FIRST, JSONLD_SEPARATOR, JSONLD_TAIL = "\n  ", ",\n  ", "\n ]\n}\n"


def jsonld_context(build: Build) -> tuple[str, dict[str, str]]:
    """What `jsonld_nodes` needs of a build: its entities' IRI space, its documents' IRIs."""
    documents = {str(build.minter.document(d)): d for d in build.documents}
    return f"{build.minter.base}id/", documents


def write_jsonld(nt: Path, target: Path, build: Build, stats: Statistics) -> None:
    """JSON-LD (https://www.w3.org/TR/json-ld11/) of a sorted N-Triples file: the prefixes as
    `@context`, one node object per subject and per line in `@graph`, in the order of the
    N-Triples (subjects, then each property's values; `jsonld_nodes`).
    Gathers the statistics of the asserted graph on the way."""
    entity_space, documents = jsonld_context(build)
    triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    with target.open("w", encoding="utf-8") as out:
        out.write(JSONLD_HEAD)
        separator = JSONLD_FIRST
        for text in jsonld_nodes(triples, entity_space, documents, stats):
            out.write(separator + text)
            separator = JSONLD_SEPARATOR
        out.write(JSONLD_TAIL)


def write_serializations(graphs: Sequence[NamedGraph], tmp: Path, inferred: Path) -> None:
    """kg.ttl, kg-inferred.ttl and kg.trig: pyoxigraph's work, no Python per triple."""
    write_turtle(tmp / "kg.nt", tmp / "kg.ttl")
    write_turtle(inferred, tmp / "kg-inferred.ttl")
    write_trig(graphs, tmp / "kg.trig")


@contextmanager
def forked(target: Callable[[], None]):
    """Run `target` in a forked process (sharing the build without copying it) while the
    block runs; its error, if any, is raised when the block ends. In a daemonic process
    (a pool's worker), which may not start one, `target` runs after the block instead."""
    if multiprocessing.current_process().daemon:
        yield
        target()
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        try:
            target()
            send.send(None)
        except BaseException as exc:  # sent to the parent, which raises it
            try:
                send.send(exc)
            except Exception:
                send.send(RuntimeError(f"{type(exc).__name__}: {exc}"))

    process = context.Process(target=run)
    process.start()
    send.close()
    try:
        yield
    except BaseException:
        process.kill()
        process.join()
        raise
    try:
        error = receive.recv()
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


# -- the dumps in parts ----------------------------------------------------------------------


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


def code_digest() -> bytes:
    """What the bytes of every dump depend on besides the graphs: the code that writes them."""
    h = hashlib.sha256()
    for module in (sys.modules[__name__], ntriples, sorting):
        _update(h, Path(module.__file__).read_bytes())
    # the prefixes of the Turtle, TriG and JSON-LD (some namespaces are rdflib's)
    _update(h, json.dumps(CONTEXT, sort_keys=True).encode())
    for version in (kg.__version__, ox.__version__, rdflib.__version__):
        _update(h, version.encode())
    return h.digest()


def _update(h, data: bytes) -> None:
    """Length-prefixed, so that no two sequences of fields hash alike."""
    h.update(len(data).to_bytes(8, "big"))
    h.update(data)


def part_key(part: Part, base: str, code: bytes) -> str:
    """The SHA-256 of everything a part's files depend on: the code, the base IRI, the part's
    name, and each graph's name, asserted and inferred triples."""
    h = hashlib.sha256()
    for data in (code, base.encode(), part.name.encode()):
        _update(h, data)
    for graph in part.graphs:
        _update(h, str(graph.name).encode())
        _update(h, graph.asserted.data)
        _update(h, b"" if graph.inferred is None else graph.inferred.data)
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


def turtle_text(graph: Graph) -> str:
    return graph.serialize(format="turtle")


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
    check_part_size(part_size)
    out = Path(out)
    digests = Digests()
    parts = None
    description = description or Description()
    previous = previous_version(out / "void.ttl", build.minter.void_dataset)
    with atomic_directory(out, exclusive="kg publish") as tmp:
        dumps = None
        try:
            # The full-text index of the texts, quotes, names and descriptions (kg.publish.search),
            # written by a second process meanwhile: it reads the build, not the dumps.
            with forked(lambda: search.write_index(build, tmp / search.INDEX, cache_dir)):
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
            progress("writing SHA256SUMS")
            write_checksums(tmp, digests)
            if parts is not None and cache_dir is not None:
                # Before `tmp` takes the place of `out` (which keeps inodes and times): a
                # publish that fails after it has not failed.
                keep_records(Path(cache_dir), parts)
            if dumps is not None:
                dumps.commit()  # before `tmp` takes the place of `out` too
        except BaseException:
            if dumps is not None:
                dumps.abandon()
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

    progress("copying ontology, shapes and sources")
    for folder, source in (("ontology", ONTOLOGY_DIR), ("shapes", SHAPES_DIR)):
        (tmp / folder).mkdir()
        for path in sorted(source.glob("*.ttl")):
            shutil.copyfile(path, tmp / folder / path.name)
    (tmp / "sources").mkdir()
    for doc_id in sorted(build.sources):
        name = build.sources[doc_id].path.name
        copy_or_link(build.sources[doc_id].path, out / "sources" / name, tmp / "sources" / name)
    write_queries(tmp / QUERIES, build.minter.base)

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
    (tmp / "void.ttl").write_text(turtle_text(void), encoding="utf-8")


def copy_or_link(source: Path, previous: Path, target: Path) -> None:
    """`source` copied to `target`, or, when `previous` (the file of the publish being
    replaced) holds the same bytes under no other name, hard-linked to it: removing the
    replaced publish then drops a name, not a file. (Removing the thousand source texts of a
    1,000-document publish took 2.4 s on this project's machine, a tenth of a second linked.)"""
    try:
        found = previous.lstat()
        if (
            stat.S_ISREG(found.st_mode)
            and found.st_nlink == 1
            and found.st_size == source.stat().st_size
            and previous.read_bytes() == source.read_bytes()
        ):
            os.link(previous, target)
            return
    except OSError:
        pass
    shutil.copyfile(source, target)


QUERIES = "queries"  # the folder of the named queries in dist/


def write_queries(folder: Path, base: str) -> None:
    """Every named query as `folder/NAME.rq`, its BASE set to the published base: the texts
    that run unchanged on a store loaded with the dumps (docs/stores.md) and give the rows of
    `kg query NAME`."""
    from kg.store.query import named_queries

    folder.mkdir()
    for name, query in named_queries().items():
        (folder / f"{name}.rq").write_text(query.for_base(base).text, encoding="utf-8")


def check_part_size(part_size: int | None) -> None:
    if part_size is not None and part_size < 1:
        raise KgError("--part-size", None, f"a part holds at least one document, not {part_size}")


@dataclass(frozen=True)
class DumpFile:
    """A dump as the VoID description gives it."""

    path: str  # relative to dist/
    name: str  # its name in `DUMPS`
    size: int
    sha256: str
    triples: int  # distinct triples
    quads: int | None = None  # the lines of a dump of named graphs (`QUAD_DUMPS`)


@dataclass(frozen=True)
class Description:
    """What the VoID/DCAT description says beyond the data, as `kg publish` is told it.

    issued: the date of this publish (`--issued`); None: the day of `SOURCE_DATE_EPOCH` (UTC)
    when it is set, else the newest `retrieved` date of the sources' manifest, else no date.
    Never the clock: the same inputs give the same bytes.
    publisher: the name of the agent that publishes the data (`--publisher`), and its home
    page (`--publisher-url`).
    endpoint: the SPARQL endpoint that serves the data (`--sparql-endpoint`); None: the one
    `kg serve` gives it, `{base}sparql`.
    version: the data's version (`--data-version`); None: the first 12 hex digits of the
    SHA-256 of the dumps' checksums, which changes exactly when the data does.
    """

    issued: dt.date | None = None
    publisher: str = DEFAULT_PUBLISHER
    publisher_url: str | None = None
    endpoint: str | None = None
    version: str | None = None

    def resolve(self, build: Build, dumps: Sequence[DumpFile], previous: Version | None) -> Release:
        version = self.version or data_version(dumps)
        date = self.issued or source_date_epoch() or newest_retrieval(build)
        before = None
        issued, modified = date, date
        if previous is not None:
            issued = previous.issued or date
            if previous.version == version:
                # The same data published again: the same version, dates and predecessor.
                modified, before = previous.modified or date, previous.previous
            else:
                before = previous
        endpoint = self.endpoint or f"{build.minter.base}sparql"
        return Release(version, issued, modified, before, self.publisher, self.publisher_url,
                       endpoint)  # fmt: skip


@dataclass(frozen=True)
class Version:
    """A version of the data set as a void.ttl gives it."""

    version: str
    issued: dt.date | None = None
    modified: dt.date | None = None
    previous: Version | None = None


@dataclass(frozen=True)
class Release:
    """The description's figures beyond the data, resolved (`Description.resolve`)."""

    version: str
    issued: dt.date | None
    modified: dt.date | None
    previous: Version | None
    publisher: str
    publisher_url: str | None
    endpoint: str


def data_version(dumps: Sequence[DumpFile]) -> str:
    """The first 12 hex digits of the SHA-256 of the dumps' paths and checksums."""
    lines = "".join(f"{dump.sha256}  {dump.path}\n" for dump in sorted(dumps, key=lambda d: d.path))
    return hashlib.sha256(lines.encode()).hexdigest()[:12]


def source_date_epoch() -> dt.date | None:
    """The day (UTC) of `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/)."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    if not re.fullmatch(r"[0-9]+", text):
        raise KgError("SOURCE_DATE_EPOCH", None, f"not a number of seconds: {text!r}")
    return dt.datetime.fromtimestamp(int(text), dt.UTC).date()


def newest_retrieval(build: Build) -> dt.date | None:
    """The newest `retrieved` date of the manifest's entries (`kg add` records it)."""
    dates = []
    for entry in build.reference.manifest.values():
        try:
            dates.append(dt.date.fromisoformat(str(entry.get("retrieved") or "")))
        except ValueError:
            continue
    return max(dates, default=None)


def previous_version(void: Path, dataset: URIRef) -> Version | None:
    """The version of the data set that the void.ttl of a previous publish describes (None
    when there is none, or it describes another data set: another base)."""
    if not void.is_file():
        return None
    graph = Graph()
    try:
        graph.parse(void, format="turtle")
    except Exception:  # noqa: BLE001 - an unreadable description is no previous version
        return None

    def version(node, depth: int = 0) -> Version | None:
        label = graph.value(node, DCAT.version)
        if label is None or depth > 1:
            return None
        return Version(
            str(label),
            _date(graph.value(node, DCTERMS.issued)),
            _date(graph.value(node, DCTERMS.modified)),
            version(graph.value(node, DCAT.previousVersion), depth + 1),
        )

    return version(dataset)


def _date(literal) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(literal)) if literal is not None else None
    except ValueError:
        return None


class Digests(dict):
    """SHA-256 of files, each read once (in chunks)."""

    def __missing__(self, path: Path) -> str:
        with path.open("rb") as f:
            self[path] = digest = hashlib.file_digest(f, "sha256").hexdigest()
        return digest

    def compute(self, paths: list[Path]) -> None:
        """Digest `paths` two at a time (hashlib releases the GIL: one file per core)."""
        with ThreadPoolExecutor(2) as pool:
            for path, digest in zip(paths, pool.map(Digests().__getitem__, paths), strict=True):
                self[path] = digest


def write_checksums(folder: Path, digests: Digests | None = None) -> None:
    digests = Digests() if digests is None else digests
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative == "SHA256SUMS":
            continue
        lines.append(f"{digests[path]}  {relative}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def sha256(path: Path) -> str:
    return Digests()[path]


def describe(
    build: Build,
    stats: Statistics,
    dumps: Sequence[DumpFile],
    parts: Sequence[Part] | None = None,
    release: Release | None = None,
    changes: Path | None = None,
) -> Graph:
    """A VoID (https://www.w3.org/TR/void/) and DCAT (https://www.w3.org/TR/vocab-dcat-3/)
    description of the published data set: sizes, classes, licence, sources, its version,
    dates, publisher and SPARQL endpoint (`release`), and each dump (`dumps`) with its DCAT 3
    checksum; with `parts`, each part as a subset with its own figures and dumps; with
    `changes`, the change set (RDF Patch, kg.publish.releases)
    from the previous release to this one."""
    m = build.minter
    release = release or Description().resolve(build, dumps, None)
    g = Graph()
    bind_prefixes(g, m.base)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("spdx", SPDX)
    g.bind("foaf", FOAF)
    ds = m.void_dataset
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("kg: counter-trafficking press releases", lang="en")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Organizations, agreements, campaigns, places, people, events, laws and "
                "statistics stated in IOM press releases on counter-trafficking work in Mexico, "
                "each fact tied to the words that state it.",
                lang="en",
            ),
        )
    )
    g.add((ds, DCTERMS.license, LICENSE))
    # The data's version, not kg's: it changes when the dumps do (`Description`).
    g.add((ds, DCAT.version, Literal(release.version)))
    for what, date in ((DCTERMS.issued, release.issued), (DCTERMS.modified, release.modified)):
        if date is not None:
            g.add((ds, what, Literal(date.isoformat(), datatype=XSD.date)))
    if release.previous is not None:
        before = URIRef(f"{ds}/version/{release.previous.version}")
        g.add((ds, DCAT.previousVersion, before))
        g.add((before, RDF.type, DCAT.Dataset))
        g.add((before, DCAT.version, Literal(release.previous.version)))
        if release.previous.modified is not None:
            modified = Literal(release.previous.modified.isoformat(), datatype=XSD.date)
            g.add((before, DCTERMS.modified, modified))
    publisher = URIRef(f"{ds}/publisher")
    g.add((ds, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, SCHEMA.Organization))
    g.add((publisher, FOAF.name, Literal(release.publisher)))
    g.add((publisher, SCHEMA.name, Literal(release.publisher)))
    if release.publisher_url:
        g.add((publisher, FOAF.homepage, URIRef(release.publisher_url)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(release.endpoint)))
    g.add((ds, DCTERMS.conformsTo, ONTOLOGY_IRI))
    g.add((ds, VOID.uriSpace, Literal(f"{m.base}id/")))
    if parts is None:
        g.add((ds, VOID.triples, Literal(stats.triples)))
        g.add((ds, VOID.entities, Literal(stats.entities)))
        g.add((ds, VOID.distinctSubjects, Literal(stats.subjects)))
        g.add((ds, VOID.distinctObjects, Literal(stats.objects)))
    else:
        # In parts, only the figures that are exact without reading every part: a triple
        # that documents of two parts state is in both parts' dumps, so the parts' triples,
        # subjects, objects, entities and class instances do not add up to the whole graph's,
        # and counting those would take a pass over every part, which an incremental publish
        # avoids. The properties and classes are the unions of the parts' (kept in their
        # records); each part gives its own figures as a subset.
        what = (
            "The dumps come in parts (parts/NAME/), each a subset with its own figures; "
            "a triple that graphs of two parts hold is in both, so the whole graph's triple, "
            "subject, object and entity counts are not given."
        )
        g.add((ds, RDFS.comment, Literal(what, lang="en")))
    g.add((ds, VOID.properties, Literal(stats.properties)))
    for prefix in ("schema", "org", "prov", "qb", "oa", "skos", "dcterms", "time", "geo", "kg"):
        g.add((ds, VOID.vocabulary, URIRef(str(PREFIXES[prefix]))))

    g.add((ds, VOID.classes, Literal(len(stats.classes))))
    for iri, n in sorted(stats.classes.items()) if parts is None else ():
        cls = URIRef(iri)
        part = URIRef(f"{ds}/class/{g.namespace_manager.normalizeUri(cls).replace(':', '-')}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n)))

    for doc_id, src in sorted(build.sources.items()):
        doc = m.document(doc_id)
        url = stats.urls.get(doc_id)
        if url is not None:
            g.add((ds, DCTERMS.source, to_rdflib(url)))
        sub = m.document_graph(doc_id)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, DCTERMS.title, Literal(src.title.text, lang="en")))
        g.add((sub, VOID.triples, Literal(build.documents.size(doc_id))))
        g.add((sub, DCTERMS.source, doc))
    ref_graph = m.reference_graph
    g.add((ds, VOID.subset, ref_graph))
    g.add((ref_graph, RDF.type, VOID.Dataset))
    g.add((ref_graph, DCTERMS.title, Literal("Reference data", lang="en")))
    g.add((ref_graph, VOID.triples, Literal(build.reference_packed().triples)))
    g.add((ds, QB.structure, URIRef(str(m.dataset) + "/structure")))
    g.add((ds, VOID.subset, m.dataset))

    for dump in dumps:
        media_type, what = DUMPS[dump.name]
        if parts is not None:
            what = PART_DUMPS[dump.name]
        dist = URIRef(f"{m.base}dist/{dump.path}")
        g.add((ds, DCAT.distribution, dist))
        g.add((ds, VOID.dataDump, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(dump.path)))
        g.add((dist, DCTERMS.description, Literal(what, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add(
            (
                dist,
                DCAT.mediaType,
                URIRef(f"https://www.iana.org/assignments/media-types/{media_type}"),
            )
        )
        g.add((dist, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
        g.add((dist, VOID.triples, Literal(dump.triples)))
        if dump.quads is not None:
            g.add((dist, KG.quads, Literal(dump.quads)))
        # DCAT 3 (https://www.w3.org/TR/vocab-dcat-3/#Property:distribution_checksum).
        checksum = rdflib.BNode(f"sha256-{dump.sha256}")
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(dump.sha256, datatype=XSD.hexBinary)))
        g.add((dist, DCTERMS.license, LICENSE))
    if changes is not None and release.previous is not None:
        # RDF Patch has no IANA media type: the format is named by dcterms:conformsTo.
        dist = URIRef(f"{m.base}dist/{releases.CHANGES}/{changes.name}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"{releases.CHANGES}/{changes.name}")))
        what = (
            f"The quads removed and added since release {release.previous.version}, as an "
            "RDF Patch: applied to that release's kg.nq it gives this one's."
        )
        g.add((dist, DCTERMS.description, Literal(what, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCTERMS.conformsTo, URIRef(releases.SPECIFICATION)))
        g.add(
            (dist, DCAT.byteSize, Literal(changes.stat().st_size, datatype=XSD.nonNegativeInteger))
        )
        g.add((dist, DCTERMS.license, LICENSE))
    for part in parts or ():
        subset = URIRef(f"{m.base}dist/{PARTS}/{part.name}")
        g.add((ds, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, DCTERMS.title, Literal(part.title, lang="en")))
        g.add((subset, VOID.triples, Literal(part.stats.triples)))
        g.add((subset, VOID.distinctSubjects, Literal(part.stats.subjects)))
        g.add((subset, VOID.distinctObjects, Literal(part.stats.objects)))
        g.add((subset, VOID.entities, Literal(part.stats.entities)))
        g.add((subset, VOID.properties, Literal(len(part.stats.property_iris))))
        for name in DUMPS:
            g.add((subset, VOID.dataDump, URIRef(f"{m.base}dist/{PARTS}/{part.name}/{name}")))
    g.add((ds, RDFS.seeAlso, URIRef(f"{m.base}dist/shacl-report.ttl")))
    return g


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
]
