"""Full-text search: an SQLite FTS5 index of the texts, the quotes, the names and descriptions.

`kg publish` writes `dist/search.sqlite` (`write_index`, `kg.publish.search_write`); `kg search`
and the site's search page read it (`Index`, here). What it holds, one row of `entries` each:

- `passage`: a passage of a source text (its title, each paragraph, each press contact, the
  trailer; `kg.build.ingest`'s spans; one of more than `MAX_PASSAGE_WORDS` words in pieces), with
  the document and its character offsets;
- `quote`: the words an annotation selects (`oa:exact`), with the fact it grounds (`oa:hasBody`)
  and its offsets in the source (`oa:start`, `oa:end`);
- `name`: a label, other name or acronym of a thing (`kg.server.site.SEARCHED`);
- `description`: a description of a thing (`kg.server.resources.DESCRIPTIONS`);

and three contentless FTS5 tables over them (`passages`, `quotes`, `names`: names and
descriptions), whose rowids are those of `entries`. Each has two columns, `en` and `es`: a text
in Spanish (a literal tagged `es`, a source whose manifest says `language: es`) is indexed in
`es`, stemmed by the Snowball Spanish stemmer, every other text in `en`, stemmed by the Snowball
English stemmer; the indexed column holds the stems, separated by spaces.

Words, stems, the parsing of queries and the marking of the words found are
`kg.publish.search_text`; the rows `kg.publish.search_index`; the writing of the index
(reproducible byte for byte, appended to when documents were only added)
`kg.publish.search_write`. The names other modules know search by are here too (`__all__`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.publish.search_index import (
    INDEX,
    KINDS,
    MAX_PASSAGE_WORDS,
    SCHEMA_VERSION,
    _passage_rows,
    document_rows,
    reference_rows,
)
from kg.publish.search_text import (
    MAX_QUERY_LENGTH,
    MAX_WORDS,
    WORD,
    Pieces,
    Query,
    QueryError,
    _marked,
    _pieces,
    column,
    mark,
    parse,
    plain,
    snippet,
    stem,
    stemmed,
    words,
)
from kg.publish.search_write import write_index

PAGE_SIZE = 10  # hits of each group on a page
MAX_PAGE = 1000


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


__all__ = [
    "INDEX",
    "KINDS",
    "MAX_PAGE",
    "MAX_PASSAGE_WORDS",
    "MAX_QUERY_LENGTH",
    "MAX_WORDS",
    "PAGE_SIZE",
    "RECORD_FIELDS",
    "SCHEMA_VERSION",
    "WORD",
    "Fact",
    "Index",
    "Passage",
    "Pieces",
    "Query",
    "QueryError",
    "Results",
    "Thing",
    "as_json",
    "column",
    "document_rows",
    "mark",
    "parse",
    "plain",
    "records",
    "reference_rows",
    "snippet",
    "stem",
    "stemmed",
    "words",
    "write_index",
    # the helpers tests/test_search.py checks one by one
    "_marked",
    "_passage_rows",
    "_pieces",
]
