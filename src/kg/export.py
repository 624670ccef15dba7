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

Every dump is a function of the set of triples, and the graph has no blank nodes, so the same
inputs give identical bytes. All files are written into a temporary directory beside the output,
which then replaces the output in one rename: a failed publish leaves the previous `dist/` as it
was.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

import kg
from kg import ntriples
from kg.publish import Build, union
from kg.sorting import c_locale, failed, sort_command, sorted_into
from kg.validate import ONTOLOGY_DIR, SHAPES_DIR
from kg.vocab import DCAT, ONTOLOGY_IRI, PREFIXES, QB, SCHEMA, VOID, bind_prefixes

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")

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
    classes: Counter = field(default_factory=Counter)  # class IRI -> instances
    observations: dict[str, int] = field(default_factory=dict)  # doc id -> qb:Observation
    urls: dict[str, ox.NamedNode | ox.Literal] = field(default_factory=dict)  # doc id -> URL


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


def write_sorted(build: Build, tmp: Path, work: Path, stats: Statistics) -> Path:
    """kg.nq and kg.nt in `tmp`, and the sorted distinct inferred triples in `work`."""
    inferred = work / "inferred.nt"
    with (
        sorted_into(tmp / "kg.nq", work) as quads,
        sorted_into(tmp / "kg.nt", work, "-u") as triples,
        sorted_into(inferred, work, "-u") as inferences,
    ):

        def feed(name: URIRef, packed: ntriples.Packed) -> bytes:
            text = ntriples.unpack(packed)
            triples.write(text)
            quads.write(as_quads(text, name))
            stats.quads += packed.triples
            return text

        feed(build.minter.reference_graph, build.reference_packed())
        for doc_id, packed in build.documents.packed.items():
            text = feed(build.minter.document_graph(doc_id), packed)
            stats.observations[doc_id] = text.count(OBSERVATION_LINE_END)
        for packed in build.inferred.packed.values():
            inferences.write(ntriples.unpack(packed))
    return inferred


def write_turtle(source: Path, target: Path) -> None:
    """Turtle of a sorted N-Triples file, streamed by pyoxigraph."""
    triples = ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, output=str(target), format=ox.RdfFormat.TURTLE, prefixes=CONTEXT)


def write_trig(build: Build, target: Path) -> None:
    """TriG (https://www.w3.org/TR/trig/): each named graph's sorted triples, graphs in name
    order, streamed by pyoxigraph."""
    named = sorted(build.named_graphs(), key=lambda item: str(item[0]))
    quads = chain.from_iterable(
        ox.parse(as_quads(ntriples.unpack(packed), name), format=ox.RdfFormat.N_QUADS)
        for name, packed in named
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


def write_jsonld(nt: Path, target: Path, build: Build, stats: Statistics) -> None:
    """JSON-LD (https://www.w3.org/TR/json-ld11/) of a sorted N-Triples file: the prefixes as
    `@context`, one node object per subject and per line in `@graph`, in the order of the
    N-Triples (subjects, then each property's values); `@type` for rdf:type, compact IRIs for
    properties, classes and datatypes, native JSON values where they are lossless.
    Gathers the statistics of the asserted graph on the way."""
    compact = Compactor(CONTEXT)
    entity_space = f"{build.minter.base}id/"
    documents = {str(build.minter.document(d)): d for d in build.documents}
    classes: Counter = Counter()
    properties: set[str] = set()
    triples = subjects = entities = 0

    head = json.dumps({"@context": CONTEXT}, indent=1, sort_keys=True, ensure_ascii=False)
    with target.open("w", encoding="utf-8") as out:
        out.write(head[: -len("\n}")] + ',\n "@graph": [')
        separator = "\n  "
        node: dict = {}
        subject = None
        for triple in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES):
            triples += 1
            s = triple.subject
            if s != subject:
                if node:
                    out.write(separator + _node_text(node))
                    separator = ",\n  "
                subject = s
                subjects += 1
                if isinstance(s, ox.NamedNode):
                    node = {"@id": compact.iri(s.value)}
                    if s.value.startswith(entity_space):
                        entities += 1
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
                stats.urls.setdefault(documents[s.value], o)
            node.setdefault(compact.symbol(p), []).append(compact.value(o))
        if node:
            out.write(separator + _node_text(node))
        out.write("\n ]\n}\n")
    stats.triples, stats.subjects, stats.entities = triples, subjects, entities
    stats.properties, stats.classes = len(properties), classes


def write_serializations(build: Build, tmp: Path, inferred: Path) -> None:
    """kg.ttl, kg-inferred.ttl and kg.trig: pyoxigraph's work, no Python per triple."""
    write_turtle(tmp / "kg.nt", tmp / "kg.ttl")
    write_turtle(inferred, tmp / "kg-inferred.ttl")
    write_trig(build, tmp / "kg.trig")


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


def write_dumps(build: Build, tmp: Path, progress: Progress) -> Statistics:
    stats = Statistics()
    work = tmp / ".work"
    work.mkdir()
    try:
        progress("sorting triples and quads (kg.nq, kg.nt)")
        inferred = write_sorted(build, tmp, work, stats)
        progress("writing kg.jsonld, kg.ttl, kg-inferred.ttl and kg.trig")
        objects = count_distinct_objects(tmp / "kg.nt", work)
        try:
            # Two cores: pyoxigraph serializes Turtle and TriG in a child process while
            # this one writes JSON-LD and a sort counts distinct objects.
            with forked(lambda: write_serializations(build, tmp, inferred)):
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


def turtle_text(graph: Graph) -> str:
    return graph.serialize(format="turtle")


@contextmanager
def atomic_directory(out: Path):
    """Yield a temporary directory that replaces `out` when the block succeeds."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        yield tmp
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            out.rename(old / out.name)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write(
    build: Build, out: Path, data_dir: Path, progress: Progress = lambda _: None
) -> dict[str, int]:
    """Write every artifact of `build` into `out`; returns triple counts by file."""
    with atomic_directory(out) as tmp:
        stats = write_dumps(build, tmp, progress)
        counts = {
            "kg.ttl": stats.triples,
            "kg-inferred.ttl": stats.inferred,
            "kg.trig": stats.quads,
            "kg.nt": stats.triples,
            "kg.nq": stats.quads,
            "kg.jsonld": stats.triples,
        }

        progress("copying ontology, shapes and sources")
        for folder, source in (("ontology", ONTOLOGY_DIR), ("shapes", SHAPES_DIR)):
            (tmp / folder).mkdir()
            for path in sorted(source.glob("*.ttl")):
                shutil.copyfile(path, tmp / folder / path.name)
        (tmp / "sources").mkdir()
        for doc_id in sorted(build.sources):
            src = build.sources[doc_id]
            shutil.copyfile(src.path, tmp / "sources" / src.path.name)

        if build.validation is not None:
            # Canonical blank-node labels make the report reproducible byte for byte.
            report = union([to_canonical_graph(build.validation.report)], build.minter.base)
            (tmp / "shacl-report.ttl").write_text(turtle_text(report), encoding="utf-8")

        progress("writing void.ttl and SHA256SUMS")
        digests = Digests()
        digests.compute([tmp / name for name in DUMPS])
        void = describe(build, stats, tmp, counts, digests)
        (tmp / "void.ttl").write_text(turtle_text(void), encoding="utf-8")
        write_checksums(tmp, digests)
    build.stats = stats
    return counts


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


def _rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def describe(
    build: Build,
    stats: Statistics,
    folder: Path,
    counts: dict[str, int],
    digests: Digests | None = None,
) -> Graph:
    """A VoID (https://www.w3.org/TR/void/) and DCAT (https://www.w3.org/TR/vocab-dcat-3/)
    description of the published data set: sizes, classes, licence, sources, version."""
    digests = Digests() if digests is None else digests
    m = build.minter
    g = Graph()
    bind_prefixes(g, m.base)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
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
    g.add((ds, OWL.versionInfo, Literal(kg.__version__)))
    g.add((ds, DCTERMS.hasVersion, Literal(kg.__version__)))
    g.add((ds, DCTERMS.publisher, Literal("kg contributors")))
    g.add((ds, DCTERMS.conformsTo, ONTOLOGY_IRI))
    g.add((ds, VOID.uriSpace, Literal(f"{m.base}id/")))
    g.add((ds, VOID.triples, Literal(stats.triples)))
    g.add((ds, VOID.entities, Literal(stats.entities)))
    g.add((ds, VOID.distinctSubjects, Literal(stats.subjects)))
    g.add((ds, VOID.distinctObjects, Literal(stats.objects)))
    g.add((ds, VOID.properties, Literal(stats.properties)))
    for prefix in ("schema", "org", "prov", "qb", "oa", "skos", "dcterms", "time", "kg"):
        g.add((ds, VOID.vocabulary, URIRef(str(PREFIXES[prefix]))))

    g.add((ds, VOID.classes, Literal(len(stats.classes))))
    for iri, n in sorted(stats.classes.items()):
        cls = URIRef(iri)
        part = URIRef(f"{ds}/class/{g.namespace_manager.normalizeUri(cls).replace(':', '-')}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n)))

    for doc_id, src in sorted(build.sources.items()):
        doc = m.document(doc_id)
        url = stats.urls.get(doc_id)
        if url is not None:
            g.add((ds, DCTERMS.source, _rdflib_term(url)))
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

    for name, (media_type, what) in DUMPS.items():
        path = folder / name
        dist = URIRef(f"{m.base}dist/{name}")
        g.add((ds, DCAT.distribution, dist))
        g.add((ds, VOID.dataDump, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(name)))
        g.add((dist, DCTERMS.description, Literal(what, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add(
            (
                dist,
                DCAT.mediaType,
                URIRef(f"https://www.iana.org/assignments/media-types/{media_type}"),
            )
        )
        g.add((dist, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
        g.add((dist, VOID.triples, Literal(counts[name])))
        g.add((dist, SCHEMA.sha256, Literal(digests[path])))
        g.add((dist, DCTERMS.license, LICENSE))
    g.add((ds, RDFS.seeAlso, URIRef(f"{m.base}dist/shacl-report.ttl")))
    return g


def summary(build: Build) -> dict:
    """Figures for the command line: documents, entities by class, observations, triples
    (those of the last `write` of this build; without one, the dumps are written to a
    temporary folder to count them)."""
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
        "seconds": build.seconds,
    }


__all__ = ["write", "summary", "atomic_directory", "union", "Statistics"]
