"""The VoID (https://www.w3.org/TR/void/) and DCAT (https://www.w3.org/TR/vocab-dcat-3/)
description of a publish, `void.ttl`: sizes, classes, licence, sources, the data's version,
dates, publisher and SPARQL endpoint, and each dump with its checksum.

It depends on the options of `Description` and on the previous publish's void.ttl, whose
version it follows (`previous_version`), never on the clock: the same inputs give the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kg.build.run import Build
from kg.errors import KgError
from kg.publish import releases
from kg.publish.contents import DUMPS, PART_DUMPS, Statistics
from kg.publish.layout import PARTS
from kg.publish.parts import Part
from kg.vocab import DCAT, KG, ONTOLOGY_IRI, PREFIXES, QB, SCHEMA, VOID, bind_prefixes

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
DEFAULT_PUBLISHER = "kg contributors"


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
    # Only four properties of two nodes are read: parsed by pyoxigraph, not into an rdflib
    # graph (a void.ttl of 10,000 documents' subsets is megabytes of Turtle).
    wanted = {
        str(p) for p in (DCAT.version, DCTERMS.issued, DCTERMS.modified, DCAT.previousVersion)
    }
    values: dict[tuple[str, str], str] = {}
    try:
        for triple in ox.parse(path=str(void), format=ox.RdfFormat.TURTLE):
            if triple.predicate.value in wanted:
                key = (triple.subject.value, triple.predicate.value)
                values.setdefault(key, triple.object.value)
    except (OSError, SyntaxError, ValueError):  # an unreadable description: no previous version
        return None

    def version(node: str | None, depth: int = 0) -> Version | None:
        label = values.get((node, str(DCAT.version))) if node is not None else None
        if label is None or depth > 1:
            return None
        return Version(
            label,
            _date(values.get((node, str(DCTERMS.issued)))),
            _date(values.get((node, str(DCTERMS.modified)))),
            version(values.get((node, str(DCAT.previousVersion))), depth + 1),
        )

    return version(str(dataset))


def _date(literal) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(literal)) if literal is not None else None
    except ValueError:
        return None


def document_subsets(build: Build, stats: Statistics) -> list[ox.Triple]:
    """The triples of void.ttl that describe each document's graph, a subset of the data set,
    and its source. Made as pyoxigraph terms, not into `describe`'s rdflib graph: at 10,000
    documents, 60,000 triples that took a second of every publish that way."""
    m = build.minter
    ds = ox.NamedNode(str(m.void_dataset))
    source, subset, title = (
        ox.NamedNode(str(p)) for p in (DCTERMS.source, VOID.subset, DCTERMS.title)
    )
    a, dataset, triples = (
        ox.NamedNode(str(RDF.type)),
        ox.NamedNode(str(VOID.Dataset)),
        ox.NamedNode(str(VOID.triples)),
    )
    integer = ox.NamedNode(str(XSD.integer))
    out = []
    for doc_id, src in sorted(build.sources.items()):
        url = stats.urls.get(doc_id)
        if url is not None:
            out.append(ox.Triple(ds, source, url))
        sub = ox.NamedNode(str(m.document_graph(doc_id)))
        out += [
            ox.Triple(ds, subset, sub),
            ox.Triple(sub, a, dataset),
            ox.Triple(sub, title, ox.Literal(src.title.text, language="en")),
            ox.Triple(
                sub, triples, ox.Literal(str(build.documents.size(doc_id)), datatype=integer)
            ),
            ox.Triple(sub, source, ox.NamedNode(str(m.document(doc_id)))),
        ]
    return out


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
    from the previous release to this one. Each document's graph, a subset, is described by
    `document_subsets`."""
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
