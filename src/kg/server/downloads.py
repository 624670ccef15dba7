"""The files of the publish offered for download (`/downloads`): every file of dist/, the dumps
first with what VoID says of them (title, description, media type, triples, checksum), then
the rest, with size, format, triple count and SHA-256.

`DownloadList` is the part of `kg.server.site.Site` that lists them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.publish.layout import PARTS
from kg.store.query import python_value


@dataclass
class Download:
    name: str
    path: str  # relative to dist/
    description: str
    media_type: str
    format: str
    size: int
    triples: int | None
    sha256: str
    part: str | None = None  # the folder of a part of the dumps (`parts/NAME`), if in one


FORMAT_NAMES = {
    ".ttl": ("Turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ".trig": ("TriG", "application/trig", ox.RdfFormat.TRIG),
    ".nt": ("N-Triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ".nq": ("N-Quads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ".jsonld": ("JSON-LD", "application/ld+json", ox.RdfFormat.JSON_LD),
    ".txt": ("text", "text/plain", None),
    ".rq": ("SPARQL", "application/sparql-query", None),
    ".sqlite": ("SQLite", "application/vnd.sqlite3", None),
}


class DownloadList:
    """The downloads of a `kg.server.site.Site` (its dist/ and VoID)."""

    def downloads(self) -> list[Download]:
        """Every file of dist/: the dumps with what VoID says of them, then the rest, with
        size, format, triple count and SHA-256; found when first asked for (a stat of each
        file, thousands of them), then kept, as the rest of the publish is."""
        if self._downloads is None:
            self._downloads = self._find_downloads()
        return self._downloads

    def _find_downloads(self) -> list[Download]:
        sums = {}
        sums_file = self.dist / "SHA256SUMS"
        if sums_file.is_file():
            for line in sums_file.read_text(encoding="utf-8").splitlines():
                digest, _, name = line.partition("  ")
                if name:
                    sums[name] = digest
        described = {}
        for solution in self.void.query(
            """SELECT ?title ?description ?media ?triples ?sha WHERE {
                 GRAPH <urn:x-kg:void> { ?ds dcat:distribution ?d . ?d dcterms:title ?title .
                   OPTIONAL { ?d dcterms:description ?description }
                   OPTIONAL { ?d dcat:mediaType ?media } OPTIONAL { ?d void:triples ?triples }
                   OPTIONAL { ?d <http://spdx.org/rdf/terms#checksum> ?sum .
                     ?sum <http://spdx.org/rdf/terms#algorithm>
                         <http://spdx.org/rdf/terms#checksumAlgorithm_sha256> ;
                       <http://spdx.org/rdf/terms#checksumValue> ?sha } } }""",
            prefixes=self.prefixes,
        ):
            row = {
                k: python_value(solution[k])
                for k in ("title", "description", "media", "triples", "sha")
            }
            described[row["title"]] = row
        names = sorted(
            p.relative_to(self.dist).as_posix() for p in self.dist.rglob("*") if p.is_file()
        )
        # The dumps as VoID lists them, those of a part together (a stable sort by folder:
        # the dumps of an unparted publish keep VoID's order), then every other file.
        dumps = sorted((n for n in described if n in names), key=lambda n: n.rpartition("/")[0])
        ordered = dumps + [n for n in names if n not in described]
        out = []
        for name in ordered:
            path = self.dist / name
            info = described.get(name, {})
            suffix = path.suffix.lower()
            fmt, media, rdf_format = FORMAT_NAMES.get(
                suffix, ("", "application/octet-stream", None)
            )
            if name == "SHA256SUMS":
                fmt, media = "checksums", "text/plain"
            if info.get("media"):
                media = str(info["media"]).rsplit("/media-types/", 1)[-1]
            triples = info.get("triples")
            if triples is None and rdf_format is not None and path.stat().st_size < 20_000_000:
                triples = _count_triples(path, rdf_format)
            out.append(
                Download(
                    name=name,
                    path=name,
                    description=info.get("description") or _describe_file(name),
                    media_type=media,
                    format=fmt,
                    size=path.stat().st_size,
                    triples=triples,
                    sha256=info.get("sha") or sums.get(name) or _sha256(path),
                    part=name.rpartition("/")[0] if name.startswith(f"{PARTS}/") else None,
                )
            )
        return out


def _count_triples(path: Path, fmt) -> int | None:
    try:
        return sum(1 for _ in ox.parse(path=str(path), format=fmt))
    except (SyntaxError, OSError, ValueError):
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _describe_file(name: str) -> str:
    if name == "void.ttl":
        return "VoID and DCAT description of the data set: sizes, classes, licence, dumps."
    if name == "shacl-report.ttl":
        return "The W3C SHACL validation report of the published graph."
    if name == "SHA256SUMS":
        return "Checksums of every file (sha256sum -c SHA256SUMS)."
    if name.startswith("ontology/"):
        return "The kg ontology and the axioms of the W3C vocabularies it reasons with."
    if name.startswith("shapes/"):
        return "SHACL shapes the graph is validated against."
    if name == "search.sqlite":
        return "The full-text index of the texts, quotes and names (SQLite FTS5; kg search)."
    if name.startswith("sources/"):
        return "A source text as scraped; evidence offsets count characters in it."
    return ""
