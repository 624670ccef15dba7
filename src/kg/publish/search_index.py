"""Writing the full-text index, `dist/search.sqlite`: its rows and its tables.

The rows (`Row`, one of `entries` each) are those `kg.publish.search` describes: passages of
the source texts, quotes of annotations, names and descriptions of things; each text is
indexed, as its stems (`kg.publish.search_text.stemmed`), in the column of its language, `en`
or `es`, of three contentless FTS5 tables (`FTS_TABLES`).

The index is a function of the published graph and the source texts, written in one fixed
way (`kg.publish.search_write`), so the same inputs give the same bytes (with the same SQLite
and snowballstemmer versions, which `meta` records). Each document's rows (the costly part:
the stemming) are cached by the SHA-256 of what they come from (`cache_dir/search/`), so
that a publish that changes one document stems that document again only.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import snowballstemmer

from kg.folding import fold
from kg.publish import search_text
from kg.publish.search_text import WORD, column, stemmed, words

INDEX = "search.sqlite"  # its name in dist/
SCHEMA_VERSION = "1"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
KG = "https://kg.example.org/def/kg#"
# Names, best first (as `kg.server.site.LABELS`), then other names; descriptions.
LABELS = (
    RDFS + "label",
    SKOS + "prefLabel",
    SCHEMA + "name",
    SCHEMA + "headline",
    DCTERMS + "title",
    KG + "acronym",
)
NAMES = LABELS + (SKOS + "altLabel",)
DESCRIPTIONS = (
    SCHEMA + "description",
    DCTERMS + "description",
    RDFS + "comment",
    SKOS + "definition",
    SCHEMA + "text",
)

# -- the rows of the index -------------------------------------------------------------------

KINDS = ("passage", "quote", "name", "description")


@dataclass(frozen=True, order=True)
class Row:
    """One row of `entries` (see `kg.publish.search`), in the order of the index."""

    kind: str
    iri: str  # passage: the source text; quote: the annotation; name, description: the thing
    document: str  # the document's id ("" for names and descriptions)
    start: int  # offsets in the source (-1 for names and descriptions)
    end: int
    text: str
    language: str  # "en" or "es": the column
    property: str = ""  # name, description: the predicate
    fact: str = ""  # quote: what the annotation grounds (oa:hasBody)
    stems: str = field(default="", compare=False)

    def as_list(self) -> list:
        return [
            self.kind,
            self.iri,
            self.document,
            self.start,
            self.end,
            self.text,
            self.language,
            self.property,
            self.fact,
            self.stems,
        ]


def _literal_rows(triples: Iterable, annotations: str) -> Iterator[Row]:
    """Names and descriptions of the things of a graph (not those of annotations, whose names
    are their quotes)."""
    for triple in triples:
        s, p, o = triple.subject, triple.predicate.value, triple.object
        if not isinstance(s, ox.NamedNode) or not isinstance(o, ox.Literal):
            continue
        if s.value.startswith(annotations):
            continue
        if p in NAMES:
            kind = "name"
        elif p in DESCRIPTIONS:
            kind = "description"
        else:
            continue
        text = " ".join(o.value.split())
        if text:
            yield Row(kind, s.value, "", -1, -1, text, column(o.language), p)


ANNOTATION = OA + "Annotation"
# The properties of an annotation, its target and selectors that give a quote and its fact.
QUOTE_PROPERTIES = frozenset(
    [RDF_TYPE] + [OA + p for p in ("hasBody", "hasTarget", "hasSelector", "exact", "start", "end")]
)


def _quote_rows(triples: list, doc_id: str, language: str) -> Iterator[Row]:
    """The quotes of a document's annotations, each with the fact it grounds and its offsets."""
    by_subject: dict[str, dict[str, list[str]]] = {}
    annotations = []
    for triple in triples:
        p = triple.predicate.value
        if p not in QUOTE_PROPERTIES:
            continue
        s, o = triple.subject.value, triple.object.value
        if p == RDF_TYPE:
            if o == ANNOTATION:
                annotations.append(s)
            continue
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    for annotation in sorted(set(annotations)):
        props = by_subject.get(annotation, {})
        bodies = sorted(props.get(OA + "hasBody", []))
        for target in props.get(OA + "hasTarget", []):
            exact, start, end = None, -1, -1
            for selector in by_subject.get(target, {}).get(OA + "hasSelector", []):
                found = by_subject.get(selector, {})
                for value in found.get(OA + "exact", []):
                    exact = value
                for value in found.get(OA + "start", []):
                    start = int(value)
                for value in found.get(OA + "end", []):
                    end = int(value)
            if not exact:
                continue
            text = " ".join(exact.split())
            for body in bodies or [""]:
                yield Row("quote", annotation, doc_id, start, end, text, column(language), "", body)


# Words of one passage at most: a paragraph longer than this (a page of one 5 MiB paragraph
# is one `kg add` away) is indexed as several passages, so that a hit costs the server
# the marking of a few hundred words, never of a whole page.
MAX_PASSAGE_WORDS = 400


def _cut(raw: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """`raw[start:end]` as spans of at most MAX_PASSAGE_WORDS words, cut before a word."""
    found = words(raw[start:end])
    if len(found) <= MAX_PASSAGE_WORDS:
        yield start, end
        return
    for first in range(0, len(found), MAX_PASSAGE_WORDS):
        a = start + (found[first][0] if first else 0)
        nxt = first + MAX_PASSAGE_WORDS
        b = start + found[nxt][0] if nxt < len(found) else end
        while b > a and raw[b - 1].isspace():
            b -= 1
        yield a, b


def _passage_rows(source, source_iri: str, doc_id: str, language: str) -> Iterator[Row]:
    """The passages of a source text (`kg.build.ingest.CleanDocument`): title, paragraphs, each
    press contact, the trailer; one longer than MAX_PASSAGE_WORDS in pieces of that many."""
    spans = [source.title, *source.paragraphs]
    for contact in source.contacts:
        parts = [s for s in (contact.name, contact.office, contact.telephone, contact.email) if s]
        start, end = min(s.start for s in parts), max(s.end for s in parts)
        spans.append(type(source.title)(start, end, " ".join(source.raw[start:end].split())))
    spans += list(source.trailer)
    for span in spans:
        if not span.text.strip():
            continue
        for start, end in _cut(source.raw, span.start, span.end):
            text = span.text if (start, end) == (span.start, span.end) else None
            yield Row(
                "passage",
                source_iri,
                doc_id,
                start,
                end,
                text if text is not None else " ".join(source.raw[start:end].split()),
                column(language),
            )


def _with_stems(rows: Iterable[Row]) -> list[tuple]:
    """The rows, sorted and unique, each a tuple: its fields, its stems, and its folded words
    (`_folded`), made once per document rather than by every publish."""
    done = []
    for row in sorted(set(rows)):
        fields = Row(**{**row.__dict__, "stems": stemmed(row.text, row.language)}).as_list()
        done.append((*fields, _folded(fields)))
    return done


# The predicates whose triples give rows: those of quotes, names and descriptions, as written
# in N-Triples.
WANTED = frozenset(f"<{p}>".encode() for p in (*QUOTE_PROPERTIES, *NAMES, *DESCRIPTIONS))


def _parse(ntriples: bytes) -> list:
    """The triples of N-Triples text (sorted, one a line) whose predicate is `WANTED`: the
    lines are picked before parsing (a subject and a predicate hold no space)."""
    if not ntriples:
        return []
    kept = b"\n".join(
        line for line in ntriples.split(b"\n") if line and line.split(b" ", 2)[1] in WANTED
    )
    return list(ox.parse(kept + b"\n", format=ox.RdfFormat.N_TRIPLES)) if kept else []


def document_rows(
    ntriples: bytes, source, source_iri: str, doc_id: str, language: str, base: str
) -> list[tuple]:
    """Every row of one document: its passages, quotes, and the names and descriptions its
    graph gives, stemmed."""
    triples = _parse(ntriples)
    rows: list[Row] = []
    if source is not None:
        rows += _passage_rows(source, source_iri, doc_id, language)
    rows += _quote_rows(triples, doc_id, language)
    rows += _literal_rows(triples, f"{base}id/annotation/")
    return _with_stems(rows)


def reference_rows(ntriples: bytes, base: str) -> list[tuple]:
    triples = _parse(ntriples)
    return _with_stems(_literal_rows(triples, f"{base}id/annotation/"))


# -- writing the index -----------------------------------------------------------------------


@cache
def code_digest() -> str:
    """What the rows depend on besides the data: the code that makes them (this module, and
    the words and stems of `kg.publish.search_text`) and the stemmers' version."""
    h = hashlib.sha256()
    for path in (Path(search_text.__file__), Path(__file__)):
        h.update(path.read_bytes())
    h.update(
        snowballstemmer.__version__.encode() if hasattr(snowballstemmer, "__version__") else b""
    )
    h.update(Path(snowballstemmer.__file__).parent.joinpath("spanish_stemmer.py").read_bytes())
    h.update(Path(snowballstemmer.__file__).parent.joinpath("english_stemmer.py").read_bytes())
    return h.hexdigest()


RECORD = ".marshal"  # a row cache record's suffix


class RowCache:
    """Each document's rows, by the SHA-256 of what they come from (`cache_dir/search/`), in
    `marshal`'s format (read back as tuples, several times faster than JSON: a publish of
    10,000 documents reads them all). The key covers the code that makes the rows; a record
    this Python cannot read is made again."""

    def __init__(self, folder: Path | None):
        self.folder = None if folder is None else Path(folder) / "search"
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, parts: Iterable[bytes]) -> str:
        """The key of the rows made from `parts` (the record is kept: `forget_unused`)."""
        h = hashlib.sha256(code_digest().encode())
        for part in parts:
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
        key = h.hexdigest()
        self.used.add(key)
        return key

    def rows(self, key: str, make: Callable[[], list[tuple]]) -> list[tuple]:
        """The rows of `key` (`key`), read from their record or made by `make`."""
        if self.folder is not None:
            try:
                found = marshal.loads((self.folder / f"{key}{RECORD}").read_bytes())
                if isinstance(found, list):
                    self.hits += 1
                    return found
            except (OSError, ValueError, EOFError, TypeError):
                pass
        self.misses += 1
        rows = make()
        if self.folder is not None:
            from kg.atomic import write_bytes

            self.folder.mkdir(parents=True, exist_ok=True)
            write_bytes(self.folder / f"{key}{RECORD}", marshal.dumps(rows))
        return rows

    def forget_unused(self) -> None:
        """Delete the records this publish did not use (documents changed or gone)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.partition(".")[0] not in self.used:
                path.unlink(missing_ok=True)


SCHEMA_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, iri TEXT NOT NULL, document TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, language TEXT NOT NULL,
  property TEXT NOT NULL, fact TEXT NOT NULL, folded TEXT NOT NULL);
CREATE TABLE things (iri TEXT PRIMARY KEY, label TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
  document TEXT PRIMARY KEY, iri TEXT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL)
  WITHOUT ROWID;
"""
FTS_TABLES = {"passages": ("passage",), "quotes": ("quote",), "names": ("name", "description")}


def _best_labels(rows: Iterable[list]) -> dict[str, str]:
    """Each thing's name, chosen as the site chooses it (`kg.server.site.Site.label`): by
    predicate (`LABELS` order), English before untagged before other languages (the column
    says Spanish or not), then the first in code point order."""
    best: dict[str, tuple] = {}
    for kind, iri, _, _, _, text, language, prop, *_ in rows:
        if kind != "name" or prop not in LABELS:
            continue
        key = (LABELS.index(prop), 0 if language == "en" else 2, text)
        if iri not in best or key < best[iri]:
            best[iri] = key
    return {iri: key[2] for iri, key in best.items()}


def _folded(row: list | tuple) -> str:
    """A name's or description's words, folded and one space apart (to rank the names equal
    to the query, then beginning with it, ...); "" for passages and quotes."""
    return " ".join(WORD.findall(fold(row[5]))) if row[0] in ("name", "description") else ""
