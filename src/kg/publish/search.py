"""Full-text search: an SQLite FTS5 index of the texts, the quotes, the names and descriptions.

`kg publish` writes `dist/search.sqlite` (`write_index`); `kg search` and the site's search page
read it (`Index`). What it holds, one row of `entries` each:

- `passage`: a passage of a source text (its title, each paragraph, each press contact, the
  trailer; `kg.build.ingest`'s spans; one of more than `MAX_PASSAGE_WORDS` words in pieces), with
  the document and its character offsets;
- `quote`: the words an annotation selects (`oa:exact`), with the fact it grounds (`oa:hasBody`)
  and its offsets in the source (`oa:start`, `oa:end`);
- `name`: a label, other name or acronym of a thing (`kg.server.site.SEARCHED`);
- `description`: a description of a thing (`kg.server.site.DESCRIPTIONS`);

and three contentless FTS5 tables over them (`passages`, `quotes`, `names`: names and
descriptions), whose rowids are those of `entries`. Each has two columns, `en` and `es`: a text
in Spanish (a literal tagged `es`, a source whose manifest says `language: es`) is indexed in
`es`, stemmed by the Snowball Spanish stemmer, every other text in `en`, stemmed by the Snowball
English stemmer (`snowballstemmer`, pure Python; FTS5's own `porter` tokenizer knows English
only). Words are taken by `WORD`, case, accents and the typographic apostrophe folded
(`kg.folding.fold`); the indexed column holds the stems, separated by spaces.

A query is parsed here, never handed to MATCH as it is (`parse`): words and "quoted phrases",
all of which must match (AND; a bare `AND` is dropped, any other operator is a word). Each word
or phrase becomes `(en : "STEMS" OR es : "STEMS")`, stemmed in both languages, so that a query
in English finds English texts, one in Spanish Spanish names (explotaciones: explotación), and
a Spanish name quoted in an English text is found by its words. Queries longer than
`MAX_QUERY_LENGTH` characters or of more than `MAX_WORDS` words are refused (`QueryError`);
text with no words in it matches nothing.

Hits show their words in context: FTS5's `snippet()` and `highlight()` would show the stems of
the indexed column, so the words are marked here instead, in the original text, by the same
tokenizer and stemmers (`mark`, `snippet`): a list of (text, marked) pieces that pages escape.

The index is a function of the published graph and the source texts: rows are inserted in one
fixed order, each FTS5 table is merged into one segment ('optimize'), and the database is
written by `VACUUM INTO`, so the same inputs give the same bytes (with the same SQLite and
snowballstemmer versions, which `meta` records). Each document's rows (the costly part: the
stemming) are cached by the SHA-256 of what they come from (`cache_dir/search/`), so that a
publish that changes one document stems that document again only.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph as ox
import snowballstemmer

from kg.errors import KgError
from kg.folding import fold

INDEX = "search.sqlite"  # its name in dist/
SCHEMA_VERSION = "1"
MAX_QUERY_LENGTH = 200  # characters of a query
MAX_WORDS = 20  # words of a query, phrases' words included
PAGE_SIZE = 10  # hits of each group on a page
MAX_PAGE = 1000

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

# A word: letters and digits, with apostrophes inside (IOM's, Mexico’s).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# -- words and stems -------------------------------------------------------------------------


def column(language: str | None) -> str:
    """The indexed column of a text in `language`: `es` for Spanish, `en` for the rest."""
    return "es" if (language or "").lower().split("-")[0] == "es" else "en"


_STEMMERS = threading.local()


def _stemmer(language: str):
    found = getattr(_STEMMERS, language, None)
    if found is None:
        found = snowballstemmer.stemmer("spanish" if language == "es" else "english")
        setattr(_STEMMERS, language, found)
    return found


@lru_cache(maxsize=500_000)
def stem(word: str, language: str) -> str:
    """The stem of a word in the column `language` (`en` or `es`), folded: English stems are
    taken of the folded word, Spanish ones (whose suffixes carry accents: -ción) of the
    lowercased word, then folded."""
    if language == "es":
        return fold(_stemmer("es").stemWord(word.lower()))
    return _stemmer("en").stemWord(fold(word))


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of a text: (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def stemmed(text: str, language: str) -> str:
    """What the index holds of a text: its words' stems, separated by spaces."""
    return " ".join(stem(m.group(), language) for m in WORD.finditer(text))


# -- queries ---------------------------------------------------------------------------------


class QueryError(ValueError):
    """A query the index refuses: too long, too many words."""


@dataclass(frozen=True)
class Query:
    """A parsed query: its words and phrases (each a tuple of words), all to be found."""

    text: str
    groups: tuple[tuple[str, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)

    def stems(self, language: str) -> list[tuple[str, ...]]:
        return [tuple(stem(w, language) for w in group) for group in self.groups]

    def match(self) -> str:
        """The FTS5 expression: each word or phrase, stemmed in each language, in its column;
        every one of them required. Built from stems only (letters, digits, apostrophes),
        each in double quotes: nothing of the user's text is read as FTS5 syntax."""
        parts = []
        for en, es in zip(self.stems("en"), self.stems("es"), strict=True):
            parts.append(f"(en : {_phrase(en)} OR es : {_phrase(es)})")
        return " AND ".join(parts)

    @property
    def folded(self) -> str:
        return " ".join(" ".join(fold(w) for w in group) for group in self.groups)


def _phrase(stems: Iterable[str]) -> str:
    return '"' + " ".join(stems).replace('"', '""') + '"'


def parse(text: str) -> Query:
    """The words and "phrases" of a query. An unclosed quote runs to the end of the text;
    `AND` between words is dropped (every word is required anyway); every other character
    that is not part of a word (`*`, `(`, `:`, `-`, `^`, ...) separates words, so that no
    FTS5 operator reaches the index. A word holding a separator (e-mail) is a phrase."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"a query is at most {MAX_QUERY_LENGTH} characters long (this one has {len(text)})"
        )
    groups: list[tuple[str, ...]] = []
    for number, piece in enumerate(text.split('"')):
        if number % 2:  # inside quotes
            found = tuple(w for _, _, w in words(piece))
            if found:
                groups.append(found)
            continue
        for chunk in piece.split():
            if chunk == "AND":
                continue
            found = tuple(w for _, _, w in words(chunk))
            if found:
                groups.append(found)
    count = sum(len(g) for g in groups)
    if count > MAX_WORDS:
        raise QueryError(f"a query has at most {MAX_WORDS} words (this one has {count})")
    unique = tuple(dict.fromkeys(tuple(fold(w) for w in g) for g in groups))
    return Query(text, unique)


# -- marking the words found -----------------------------------------------------------------

Pieces = list[tuple[str, bool]]  # text, and whether it is a word the query found


def _marked(text: str, language: str, query: Query) -> tuple[list[tuple[int, int]], list]:
    """The words of `text` and which of them the query's words and phrases find. (Linear in
    the words: each group is looked for where its first stem is, never at every word.)"""
    found = words(text)
    lang = column(language)
    stems = [stem(w, lang) for _, _, w in found]
    marks = [False] * len(found)
    groups_found = [0] * len(found)  # a bit per query group found at this word
    groups = query.stems(lang)
    firsts = {group[0] for group in groups if group}
    at: dict[str, list[int]] = {}
    for i, s in enumerate(stems):
        if s in firsts:
            at.setdefault(s, []).append(i)
    for number, group in enumerate(groups):
        size = len(group)
        for i in at.get(group[0], []) if size else []:
            if tuple(stems[i : i + size]) == group:
                for j in range(i, i + size):
                    marks[j] = True
                groups_found[i] |= 1 << number
    spans = [(s, e) for (s, e, _), m in zip(found, marks, strict=True) if m]
    return spans, list(zip(found, marks, groups_found, strict=True))


def _pieces(text: str, spans: list[tuple[int, int]]) -> Pieces:
    """`text` cut into pieces, the spans marked; marked words separated by spaces only are
    one piece (a phrase)."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out: Pieces = []
    at = 0
    for start, end in merged:
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def mark(text: str, language: str, query: Query) -> Pieces:
    """The whole text, the words the query finds marked."""
    spans, _ = _marked(text, language, query)
    return _pieces(text, spans)


def snippet(text: str, language: str, query: Query, size: int = 40) -> Pieces:
    """About `size` words of the text around the words the query finds (the window that finds
    the most of the query's words and phrases, the first of those), `…` where it is cut."""
    spans, found = _marked(text, language, query)
    if len(found) <= size:
        return _pieces(text, spans)
    # The window slides one word at a time, the counts of what it holds kept as it goes (a
    # passage of 200,000 words took seconds when each window was counted afresh).
    best, best_key = 0, (-1, -1)
    per_group = [0] * len(query.groups)  # the words of the window that start each group
    groups = marked = 0  # groups found in the window; its marked words

    def count(word: tuple, step: int) -> tuple[int, int]:
        _, is_marked, bits = word
        found_groups = 0
        number = 0
        while bits:
            if bits & 1:
                before = per_group[number]
                per_group[number] += step
                found_groups += (per_group[number] > 0) - (before > 0)
            bits >>= 1
            number += 1
        return found_groups, step if is_marked else 0

    for word in found[:size]:
        g, m = count(word, 1)
        groups, marked = groups + g, marked + m
    for first in range(len(found) - size + 1):
        if first:
            g1, m1 = count(found[first - 1], -1)
            g2, m2 = count(found[first + size - 1], 1)
            groups, marked = groups + g1 + g2, marked + m1 + m2
        key = (groups, marked)
        if key > best_key:
            best, best_key = first, key
    if best_key[1] > 0 and best > 0:
        best = max(0, best - 3)  # a few words before the first found
    window = found[best : best + size]
    start = 0 if best == 0 else window[0][0][0]
    end = len(text) if best + size >= len(found) else window[-1][0][1]
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    pieces = _pieces(text[start:end], inside)
    if start > 0:
        pieces.insert(0, ("…", False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


def plain(
    pieces: Pieces,
    marker: Callable[[str], str] = lambda s: s,
    other: Callable[[str], str] = lambda s: s,
) -> str:
    """The pieces as one string: the marked ones through `marker`, the others `other`."""
    return "".join(marker(text) if marked else other(text) for text, marked in pieces)


# -- the rows of the index -------------------------------------------------------------------

KINDS = ("passage", "quote", "name", "description")


@dataclass(frozen=True, order=True)
class Row:
    """One row of `entries` (see the module's docstring), in the order of the index."""

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


def _with_stems(rows: Iterable[Row]) -> list[list]:
    return [
        Row(**{**row.__dict__, "stems": stemmed(row.text, row.language)}).as_list()
        for row in sorted(set(rows))
    ]


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
) -> list[list]:
    """Every row of one document: its passages, quotes, and the names and descriptions its
    graph gives, stemmed."""
    triples = _parse(ntriples)
    rows: list[Row] = []
    if source is not None:
        rows += _passage_rows(source, source_iri, doc_id, language)
    rows += _quote_rows(triples, doc_id, language)
    rows += _literal_rows(triples, f"{base}id/annotation/")
    return _with_stems(rows)


def reference_rows(ntriples: bytes, base: str) -> list[list]:
    triples = _parse(ntriples)
    return _with_stems(_literal_rows(triples, f"{base}id/annotation/"))


# -- writing the index -----------------------------------------------------------------------


@cache
def code_digest() -> str:
    """What the rows depend on besides the data: this module and the stemmers' version."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(
        snowballstemmer.__version__.encode() if hasattr(snowballstemmer, "__version__") else b""
    )
    h.update(Path(snowballstemmer.__file__).parent.joinpath("spanish_stemmer.py").read_bytes())
    h.update(Path(snowballstemmer.__file__).parent.joinpath("english_stemmer.py").read_bytes())
    return h.hexdigest()


class RowCache:
    """Each document's rows, by the SHA-256 of what they come from (`cache_dir/search/`)."""

    def __init__(self, folder: Path | None):
        self.folder = None if folder is None else Path(folder) / "search"
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def rows(self, parts: Iterable[bytes], make: Callable[[], list[list]]) -> list[list]:
        h = hashlib.sha256(code_digest().encode())
        for part in parts:
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
        key = h.hexdigest()
        self.used.add(key)
        if self.folder is not None:
            try:
                found = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
                self.hits += 1
                return found
            except (OSError, ValueError):
                pass
        self.misses += 1
        rows = make()
        if self.folder is not None:
            from kg.atomic import write_bytes

            self.folder.mkdir(parents=True, exist_ok=True)
            text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            write_bytes(self.folder / f"{key}.json", text.encode("utf-8"))
        return rows

    def forget_unused(self) -> None:
        """Delete the records this publish did not use (documents changed or gone)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
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
    for kind, iri, _, _, _, text, language, prop, _, _ in rows:
        if kind != "name" or prop not in LABELS:
            continue
        key = (LABELS.index(prop), 0 if language == "en" else 2, text)
        if iri not in best or key < best[iri]:
            best[iri] = key
    return {iri: key[2] for iri, key in best.items()}


def _folded(row: list) -> str:
    """A name's or description's words, folded and one space apart (to rank the names equal
    to the query, then beginning with it, ...); "" for passages and quotes."""
    return " ".join(WORD.findall(fold(row[5]))) if row[0] in ("name", "description") else ""


def build_index(
    rows: list[list], documents: list[tuple[str, str, str, str]], target: Path, meta: dict[str, str]
) -> None:
    """Write the index of `rows` (sorted, unique) to `target`, byte for byte reproducible."""
    work = target.with_name(target.name + ".build")
    work.unlink(missing_ok=True)
    target.unlink(missing_ok=True)
    db = sqlite3.connect(work)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(SCHEMA_SQL)
        for name in FTS_TABLES:
            db.execute(
                f"CREATE VIRTUAL TABLE {name} USING fts5(en, es, content='', "
                "tokenize='unicode61 remove_diacritics 0')"
            )
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)", sorted(documents))
        db.executemany("INSERT INTO things VALUES (?, ?)", sorted(_best_labels(rows).items()))
        db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((number, *row[:9], _folded(row)) for number, row in enumerate(rows, start=1)),
        )
        for name, kinds in FTS_TABLES.items():
            db.executemany(
                f"INSERT INTO {name}(rowid, en, es) VALUES (?, ?, ?)",
                (
                    (number, *((row[9], "") if row[6] == "en" else ("", row[9])))
                    for number, row in enumerate(rows, start=1)
                    if row[0] in kinds
                ),
            )
        db.execute('CREATE INDEX entries_where ON entries (document, kind, start, "end")')
        for name in FTS_TABLES:
            db.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
        db.commit()
        db.execute("VACUUM INTO ?", (str(target),))
    finally:
        db.close()
        work.unlink(missing_ok=True)


def write_index(
    build,
    target: Path,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, int]:
    """The index of a build (`kg.build.run.Build`) at `target`; returns the rows of each kind."""
    from kg import ntriples

    progress("indexing texts, quotes and names for search")
    base = build.minter.base
    store = RowCache(cache_dir)
    manifest = build.reference.manifest
    reference = ntriples.unpack(build.reference_packed())
    rows: set[tuple] = set()
    rows.update(
        map(
            tuple,
            store.rows(
                [b"reference", base.encode(), reference], lambda: reference_rows(reference, base)
            ),
        )
    )
    documents = []
    for doc_id in sorted(build.documents.packed):
        source = build.sources.get(doc_id)
        language = str(manifest.get(doc_id, {}).get("language") or "en")
        packed = build.documents.packed[doc_id]
        source_iri = str(build.minter.source_text(source.path.name)) if source else ""
        raw = source.raw.encode("utf-8") if source else b""
        title = source.title.text if source else doc_id
        documents.append((doc_id, str(build.minter.document(doc_id)), source_iri, title))
        # The key reads the packed (compressed) triples; they are unpacked on a miss only.
        parts = [
            b"document",
            base.encode(),
            doc_id.encode(),
            language.encode(),
            packed.data,
            raw,
            source_iri.encode(),
        ]

        def make(
            packed=packed, source=source, source_iri=source_iri, doc_id=doc_id, language=language
        ):
            text = ntriples.unpack(packed)
            return document_rows(text, source, source_iri, doc_id, language, base)

        rows.update(map(tuple, store.rows(parts, make)))
    ordered = sorted(rows)
    import snowballstemmer as sb

    meta = {
        "schema": SCHEMA_VERSION,
        "base": base,
        "sqlite": sqlite3.sqlite_version,
        "snowballstemmer": getattr(sb, "__version__", ""),
    }
    build_index([list(r) for r in ordered], documents, target, meta)
    store.forget_unused()
    counts = {kind: 0 for kind in KINDS}
    for row in ordered:
        counts[row[0]] += 1
    return counts


# -- reading the index -----------------------------------------------------------------------


@dataclass
class Thing:
    """A thing found by one of its names or its description."""

    iri: str
    label: str
    matched: str  # the name or description found
    property: str
    pieces: Pieces
    kind: str = "name"  # or description


@dataclass
class Fact:
    iri: str
    label: str
    quote: Pieces
    annotation: str


@dataclass
class Passage:
    """A passage of a source text, its words found marked, with the facts whose quotes in it
    the query finds."""

    document: str  # id
    document_iri: str
    document_label: str
    source: str  # the source text's IRI
    start: int
    end: int
    pieces: Pieces
    facts: list[Fact]


@dataclass
class Results:
    query: Query
    page: int
    size: int
    things: list[Thing]
    things_total: int
    passages: list[Passage]
    passages_total: int

    @property
    def pages(self) -> int:
        most = max(self.things_total, self.passages_total)
        return max(1, -(-most // self.size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


class Index:
    """A search index written by `write_index`, opened read-only (one connection a thread)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.is_file():
            raise KgError(self.path, None, "no search index here: publish again (kg publish)")
        self._local = threading.local()
        try:
            self.meta = dict(self._db().execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise KgError(self.path, None, f"not a search index: {exc}") from None
        if self.meta.get("schema") != SCHEMA_VERSION:
            raise KgError(self.path, None, "a search index of another version: publish again")

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            db = self._local.db = sqlite3.connect(uri, uri=True)
        return db

    def search(
        self,
        text: str | Query,
        page: int = 1,
        size: int = PAGE_SIZE,
        kinds: Iterable[str] = ("things", "passages"),
    ) -> Results:
        """Page `page` of the things and the passages the query finds, `size` of each."""
        query = text if isinstance(text, Query) else parse(text)
        page = max(1, min(int(page), MAX_PAGE))
        kinds = set(kinds)
        results = Results(query, page, size, [], 0, [], 0)
        if not query:
            return results
        match = query.match()
        offset = (page - 1) * size
        if "things" in kinds:
            results.things, results.things_total = self._things(query, match, size, offset)
        if "passages" in kinds:
            db = self._db()
            results.passages_total = db.execute(
                "SELECT count(*) FROM passages WHERE passages MATCH ?", (match,)
            ).fetchone()[0]
            rows = db.execute(
                """SELECT e.id, e.document, e.start, e."end", e.text, e.language, e.iri,
                          d.iri, d.label
                   FROM passages JOIN entries e ON e.id = passages.rowid
                   LEFT JOIN documents d ON d.document = e.document
                   WHERE passages MATCH ? ORDER BY passages.rank, e.id LIMIT ? OFFSET ?""",
                (match, size, offset),
            ).fetchall()
            for _, doc, start, end, passage, language, source, doc_iri, doc_label in rows:
                results.passages.append(
                    Passage(
                        doc,
                        doc_iri or "",
                        doc_label or doc,
                        source,
                        start,
                        end,
                        snippet(passage, language, query),
                        self._facts(query, match, doc, start, end),
                    )
                )
        return results

    def _things(self, query: Query, match: str, size: int, offset: int) -> tuple[list, int]:
        """A page of the things a name or description of which the query finds, and how many
        there are; best first: found by a name before by a description; the name equal to
        the query, then beginning with it, then holding it from a word's start, then the rest;
        then by FTS5's rank (BM25), the name's length and the name, the IRI. (In SQL: at
        10,000 documents a common word is in hundreds of thousands of names.)"""
        db = self._db()
        total = db.execute(
            """SELECT count(DISTINCT e.iri) FROM names JOIN entries e ON e.id = names.rowid
               WHERE names MATCH ?""",
            (match,),
        ).fetchone()[0]
        rows = db.execute(
            """SELECT e.iri, e.kind, e.text, e.language, e.property, coalesce(t.label, ''),
                 min(((e.kind <> 'name') * 4
                      + CASE WHEN e.folded = :q THEN 0
                             WHEN substr(e.folded, 1, length(:q)) = :q THEN 1
                             WHEN instr(' ' || e.folded, ' ' || :q) > 0 THEN 2
                             ELSE 3 END) * 1000000.0 + names.rank) AS best
               FROM names JOIN entries e ON e.id = names.rowid
               LEFT JOIN things t ON t.iri = e.iri
               WHERE names MATCH :match GROUP BY e.iri
               ORDER BY best, length(e.text), e.text, e.iri LIMIT :size OFFSET :offset""",
            {"q": query.folded, "match": match, "size": size, "offset": offset},
        ).fetchall()
        things = [
            Thing(
                iri,
                label or text,
                text,
                prop,
                mark(text, language, query)
                if kind == "name"
                else snippet(text, language, query, 30),
                kind,
            )
            for iri, kind, text, language, prop, label, _ in rows
        ]
        return things, total

    def _facts(self, query: Query, match: str, doc: str, start: int, end: int) -> list[Fact]:
        """The facts grounded by quotes inside the passage that the query finds."""
        db = self._db()
        inside = db.execute(
            """SELECT id FROM entries WHERE document = ? AND kind = 'quote' AND start < ?
               AND "end" > ? ORDER BY start, id""",
            (doc, end, start),
        ).fetchall()
        if not inside:
            return []
        ids = [row[0] for row in inside]
        marks = ",".join("?" * len(ids))
        rows = db.execute(
            f"""SELECT e.fact, coalesce(t.label, ''), e.text, e.language, e.iri
                FROM quotes JOIN entries e ON e.id = quotes.rowid
                LEFT JOIN things t ON t.iri = e.fact
                WHERE quotes MATCH ? AND quotes.rowid IN ({marks}) ORDER BY e.start, e.id""",
            (match, *ids),
        ).fetchall()
        facts, seen = [], set()
        for fact, label, text, language, annotation in rows:
            if not fact or fact in seen:
                continue
            seen.add(fact)
            facts.append(Fact(fact, label or fact, mark(text, language, query), annotation))
        return facts


# -- results as records ----------------------------------------------------------------------

# The columns of `kg search`'s CSV: a thing's name and the name or description found, or a
# passage's document, offsets, words (`…` where cut) and the facts its quotes state.
RECORD_FIELDS = ("kind", "iri", "label", "text", "document", "start", "end", "facts")


def records(results: Results) -> list[dict]:
    """The hits of a page as flat records (`RECORD_FIELDS`): things, then passages."""
    out = []
    for thing in results.things:
        out.append(
            {
                "kind": thing.kind,
                "iri": thing.iri,
                "label": thing.label,
                "text": plain(thing.pieces),
                "document": "",
                "start": "",
                "end": "",
                "facts": "",
            }
        )
    for passage in results.passages:
        out.append(
            {
                "kind": "passage",
                "iri": passage.source,
                "label": passage.document_label,
                "text": plain(passage.pieces),
                "document": passage.document,
                "start": passage.start,
                "end": passage.end,
                "facts": " ".join(fact.iri for fact in passage.facts),
            }
        )
    return out


def _json_pieces(pieces: Pieces) -> list[dict]:
    return [{"text": text, "found": marked} for text, marked in pieces]


def as_json(results: Results) -> dict:
    """A page of results as JSON: the query, the page, each group's total and hits, the words
    of each hit as pieces (`found`: a word the query finds)."""
    return {
        "query": results.query.text,
        "page": results.page,
        "pages": results.pages,
        "things_total": results.things_total,
        "passages_total": results.passages_total,
        "things": [
            {
                "iri": t.iri,
                "label": t.label,
                "found_in": t.kind,
                "property": t.property,
                "text": _json_pieces(t.pieces),
            }
            for t in results.things
        ],
        "passages": [
            {
                "document": p.document,
                "document_iri": p.document_iri,
                "document_label": p.document_label,
                "source": p.source,
                "start": p.start,
                "end": p.end,
                "text": _json_pieces(p.pieces),
                "facts": [
                    {
                        "iri": f.iri,
                        "label": f.label,
                        "annotation": f.annotation,
                        "quote": _json_pieces(f.quote),
                    }
                    for f in p.facts
                ],
            }
            for p in results.passages
        ],
    }
