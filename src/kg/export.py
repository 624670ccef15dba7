"""Export stage: the built graph as files, written atomically and byte for byte reproducible.

Every dump is serialized in a fixed order (N-Triples and N-Quads sorted line by line, Turtle
and TriG sorted by rdflib, JSON-LD sorted by node and key), and the graph has no blank nodes,
so the same inputs give identical bytes. All files are written into a temporary directory
beside the output, which then replaces the output in one rename: a failed publish leaves the
previous `dist/` as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD
from rdflib.plugins.serializers.nt import _nt_row

import kg
from kg.publish import Build, union
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


def ntriples_lines(graph: Graph) -> list[str]:
    """N-Triples (https://www.w3.org/TR/n-triples/), one line per triple, sorted."""
    return sorted(_nt_row(triple) for triple in graph)


def nquads_lines(graphs: dict[URIRef, Graph]) -> list[str]:
    """N-Quads (https://www.w3.org/TR/n-quads/): the triples of each named graph, sorted."""
    return sorted(
        _nt_row(triple)[: -len(" .\n")] + f" {name.n3()} .\n"
        for name, graph in graphs.items()
        for triple in graph
    )


def jsonld_text(graph: Graph) -> str:
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda n: n.get("@id", ""))
    document = {"@context": context, "@graph": nodes}
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def turtle_text(graph: Graph) -> str:
    return graph.serialize(format="turtle")


def trig_text(graphs: dict[URIRef, Graph], base: str) -> str:
    """TriG (https://www.w3.org/TR/trig/) with the named graphs in a fixed order: each graph's
    body is rdflib's sorted Turtle, under one shared set of prefixes."""
    prefixes = "".join(
        f"@prefix {prefix}: <{ns}> .\n"
        for prefix, ns in sorted({**PREFIXES, "id": f"{base}id/"}.items())
    )
    parts = [prefixes]
    for name in sorted(graphs):
        graph = graphs[name]
        bind_prefixes(graph, base)
        body = [line for line in turtle_text(graph).splitlines() if not line.startswith("@prefix")]
        text = "\n".join(("    " + line) if line else "" for line in body).strip("\n")
        parts.append(f"\n{name.n3()} {{\n{text}\n}}\n")
    return "".join(parts)


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


def write(build: Build, out: Path, data_dir: Path) -> dict[str, int]:
    """Write every artifact of `build` into `out`; returns triple counts by file."""
    asserted = build.asserted()
    inferred = build.inferred_graph()
    counts = {}
    with atomic_directory(out) as tmp:
        (tmp / "kg.ttl").write_text(turtle_text(asserted), encoding="utf-8")
        (tmp / "kg-inferred.ttl").write_text(turtle_text(inferred), encoding="utf-8")
        named = {build.minter.reference_graph: build.reference_graph}
        named.update({build.minter.document_graph(d): g for d, g in build.documents.items()})
        (tmp / "kg.trig").write_text(trig_text(named, build.minter.base), encoding="utf-8")
        (tmp / "kg.nt").write_text("".join(ntriples_lines(asserted)), encoding="utf-8")
        quads = nquads_lines(named)
        (tmp / "kg.nq").write_text("".join(quads), encoding="utf-8")
        (tmp / "kg.jsonld").write_text(jsonld_text(asserted), encoding="utf-8")
        counts = {
            "kg.ttl": len(asserted),
            "kg-inferred.ttl": len(inferred),
            "kg.trig": len(quads),
            "kg.nt": len(asserted),
            "kg.nq": len(quads),
            "kg.jsonld": len(asserted),
        }

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

        void = describe(build, asserted, inferred, tmp, counts)
        (tmp / "void.ttl").write_text(turtle_text(void), encoding="utf-8")
        write_checksums(tmp)
    return counts


def write_checksums(folder: Path) -> None:
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative == "SHA256SUMS":
            continue
        lines.append(f"{sha256(path)}  {relative}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def describe(
    build: Build, asserted: Graph, inferred: Graph, folder: Path, counts: dict[str, int]
) -> Graph:
    """A VoID (https://www.w3.org/TR/void/) and DCAT (https://www.w3.org/TR/vocab-dcat-3/)
    description of the published data set: sizes, classes, licence, sources, version."""
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
    g.add((ds, VOID.triples, Literal(len(asserted))))
    g.add(
        (
            ds,
            VOID.entities,
            Literal(
                len(
                    {
                        s
                        for s in asserted.subjects()
                        if isinstance(s, URIRef) and str(s).startswith(f"{m.base}id/")
                    }
                )
            ),
        )
    )
    g.add((ds, VOID.distinctSubjects, Literal(len(set(asserted.subjects())))))
    g.add((ds, VOID.distinctObjects, Literal(len(set(asserted.objects())))))
    g.add((ds, VOID.properties, Literal(len(set(asserted.predicates())))))
    for prefix in ("schema", "org", "prov", "qb", "oa", "skos", "dcterms", "time", "kg"):
        g.add((ds, VOID.vocabulary, URIRef(str(PREFIXES[prefix]))))

    classes = Counter(o for o in asserted.objects(None, RDF.type))
    g.add((ds, VOID.classes, Literal(len(classes))))
    for cls, n in sorted(classes.items()):
        part = URIRef(
            f"{ds}/class/{asserted.namespace_manager.normalizeUri(cls).replace(':', '-')}"
        )
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n)))

    for doc_id, src in sorted(build.sources.items()):
        doc = m.document(doc_id)
        url = asserted.value(doc, SCHEMA.url)
        if url is not None:
            g.add((ds, DCTERMS.source, url))
        sub = m.document_graph(doc_id)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, DCTERMS.title, Literal(src.title.text, lang="en")))
        g.add((sub, VOID.triples, Literal(len(build.documents[doc_id]))))
        g.add((sub, DCTERMS.source, doc))
    ref_graph = m.reference_graph
    g.add((ds, VOID.subset, ref_graph))
    g.add((ref_graph, RDF.type, VOID.Dataset))
    g.add((ref_graph, DCTERMS.title, Literal("Reference data", lang="en")))
    g.add((ref_graph, VOID.triples, Literal(len(build.reference_graph))))
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
        g.add((dist, SCHEMA.sha256, Literal(sha256(path))))
        g.add((dist, DCTERMS.license, LICENSE))
    g.add((ds, RDFS.seeAlso, URIRef(f"{m.base}dist/shacl-report.ttl")))
    return g


def summary(build: Build) -> dict:
    """Figures for the command line: documents, entities by class, observations, triples."""
    asserted = build.asserted()
    classes = Counter(
        asserted.namespace_manager.normalizeUri(o) for s, o in asserted.subject_objects(RDF.type)
    )
    return {
        "documents": len(build.documents),
        "classes": dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "observations": {
            doc_id: sum(1 for _ in graph.subjects(RDF.type, QB.Observation))
            for doc_id, graph in sorted(build.documents.items())
        },
        "triples": len(asserted),
        "inferred": len(build.inferred_graph()),
        "seconds": build.seconds,
    }


__all__ = ["write", "summary", "atomic_directory", "union"]
