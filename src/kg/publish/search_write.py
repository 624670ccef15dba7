"""Writing `dist/search.sqlite`: anew, or by appending the documents a publish added.

The index is written in one fixed way: the reference data's rows, then each document's, in
the manifest's order, one transaction each; a row already in (a thing's name is a row of
every document that gives it) is not added again, and rows are numbered as they come. FTS5
lays out its segments by that history of transactions, and `VACUUM INTO` writes the result
compactly, so the same inputs give the same bytes.

A publish that only appends documents to the manifest (what `kg add` does) therefore takes
the previous publish's index and appends their rows: the steps a publish from scratch takes
last, and, after `VACUUM INTO`, the same bytes (`tests/test_search_append.py`). Only the
added documents' rows are read from the cache. At 10,000 documents, one added: 4 s instead
of the 32 s of writing the index anew (SQLite's work on 1.5 million rows). Anything else (a
document edited or removed, the reference data, the base, the code or SQLite changed, the
previous index not the one the cache describes) writes the index anew.
What the last publish appended, and the identity of the file it wrote, are kept in
`CACHE/search-index.marshal`, committed with the publish (`commit`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kg.publish.search_index import (
    FTS_TABLES,
    KINDS,
    SCHEMA_SQL,
    SCHEMA_VERSION,
    RowCache,
    _best_labels,
    code_digest,
    document_rows,
    reference_rows,
)

STATE = "search-index.marshal"  # in the cache folder


def _digest() -> str:
    """What the layout of the index depends on besides its rows and `meta` (which names
    SQLite's version): this code and the rows' code."""
    h = hashlib.sha256(code_digest().encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()


def _identity(path: Path) -> list[int]:
    found = path.stat()
    return [found.st_size, found.st_ino, found.st_mtime_ns]


def _create(db: sqlite3.Connection, meta: dict[str, str]) -> None:
    """A new index's tables, and what `meta` says."""
    _tables(db)
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _tables(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA_SQL)
    for name in FTS_TABLES:
        db.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5(en, es, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
    db.execute('CREATE INDEX entries_where ON entries (document, kind, start, "end")')
    # to find whether a document's names are in already, and a thing's names
    db.execute("CREATE INDEX entries_iri ON entries (iri, kind)")  # (INDEXED BY: the planner
    # would take entries_where, which for names, all of one document "", is a scan)


def _schema_version() -> int:
    """The schema version of a new index's database once its tables are made."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _tables(db)
        return int(db.execute("PRAGMA schema_version").fetchone()[0])
    finally:
        db.close()


def _in_already(db: sqlite3.Connection, row: tuple) -> bool:
    return (
        db.execute(
            """SELECT 1 FROM entries INDEXED BY entries_iri
               WHERE iri = ? AND kind = ? AND document = ? AND start = ?
               AND "end" = ? AND text = ? AND language = ? AND property = ? AND fact = ?""",
            (row[1], row[0], *row[2:9]),
        ).fetchone()
        is not None
    )


def _append(
    db: sqlite3.Connection,
    rows: list[tuple],
    document: tuple[str, str, str, str] | None,
    seen: set | None,
    counts: dict[str, int],
    number: int,
) -> int:
    """One transaction: `rows` not in the index yet, numbered after `number` (the last row's;
    returned, the new last), and the document's row (none for the reference data). `seen`:
    the rows in already, when the whole index is written in this process; else the index is
    asked."""
    db.execute("BEGIN")
    new = []
    for row in rows:
        if row[2] == "":  # only names and descriptions repeat (they have no document)
            if seen is not None:
                if row in seen:
                    continue
                seen.add(row)
            elif _in_already(db, row):
                continue
        number += 1
        new.append((number, row))
        counts[row[0]] += 1
    db.executemany(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((n, *row[:9], row[10]) for n, row in new),
    )
    for name, kinds in FTS_TABLES.items():
        db.executemany(
            f"INSERT INTO {name}(rowid, en, es) VALUES (?, ?, ?)",
            (
                (n, *((row[9], "") if row[6] == "en" else ("", row[9])))
                for n, row in new
                if row[0] in kinds
            ),
        )
    if document is not None:
        db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)", document)
    # The things whose names came: their names chosen again from all they have (when the
    # whole index is written here, once at the end: `_things`).
    named = sorted({row[1] for _, row in new if row[0] == "name"}) if seen is None else []
    for iri in named:
        names = db.execute(
            """SELECT kind, iri, document, start, "end", text, language, property
               FROM entries INDEXED BY entries_iri WHERE iri = ? AND kind = 'name'""",
            (iri,),
        ).fetchall()
        for thing, label in _best_labels(names).items():
            db.execute("INSERT OR REPLACE INTO things VALUES (?, ?)", (thing, label))
    db.execute("COMMIT")
    return number


def _things(db: sqlite3.Connection) -> None:
    """Each thing's name, chosen from all its names (`_best_labels`)."""
    names = db.execute(
        """SELECT kind, iri, document, start, "end", text, language, property
           FROM entries WHERE kind = 'name'"""
    ).fetchall()
    db.execute("BEGIN")
    db.executemany("INSERT INTO things VALUES (?, ?)", sorted(_best_labels(names).items()))
    db.execute("COMMIT")


def _load_state(cache_dir: Path | None, previous: Path | None, key: dict) -> dict | None:
    """The state of the last publish, when `previous` is the index it wrote and `key` (code,
    base, reference data) is unchanged; else None."""
    if cache_dir is None or previous is None:
        return None
    try:
        state = marshal.loads((Path(cache_dir) / STATE).read_bytes())
        if not isinstance(state, dict) or state.get("key") != key:
            return None
        if state.get("identity") != _identity(previous):
            return None
        return state
    except (OSError, ValueError, EOFError, TypeError):
        return None


def pending(cache_dir: Path, token: str) -> Path:
    return Path(cache_dir) / f"{STATE}.{token}"


def commit(cache_dir: Path | None, token: str) -> None:
    """Make the state the index writer left (`token`: the publish's) the cache's: once the
    publish has landed."""
    if cache_dir is not None and pending(cache_dir, token).is_file():
        os.replace(pending(cache_dir, token), Path(cache_dir) / STATE)


def abandon(cache_dir: Path | None, token: str) -> None:
    if cache_dir is not None:
        pending(cache_dir, token).unlink(missing_ok=True)


def write_index(
    build,
    target: Path,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] = lambda _: None,
    previous: Path | None = None,
    token: str | None = None,
) -> dict[str, int]:
    """The index of a build (`kg.build.run.Build`) at `target`, appended to `previous` (the
    last publish's index) when only documents were added since; returns how many rows of
    each kind it holds. With `cache_dir` and `token`, what it appended is left for `commit`."""
    from kg import ntriples

    progress("indexing texts, quotes and names for search")
    base = build.minter.base
    store = RowCache(cache_dir)
    manifest = build.reference.manifest
    reference = ntriples.unpack(build.reference_packed())
    reference_key = store.key([b"reference", base.encode(), reference])
    import snowballstemmer as sb

    meta = {
        "schema": SCHEMA_VERSION,
        "base": base,
        "sqlite": sqlite3.sqlite_version,
        "snowballstemmer": getattr(sb, "__version__", ""),
    }
    order = [doc for doc in manifest if doc in build.documents.packed]
    order += sorted(set(build.documents.packed) - set(order))
    entries: list[list[str]] = []  # [document, the SHA-256 its rows are cached under]
    # each document's key, the making of its rows, its row of `documents`
    made: dict[str, tuple[str, Callable[[], list[tuple]], tuple[str, str, str, str]]] = {}
    for doc_id in order:
        source = build.sources.get(doc_id)
        language = str(manifest.get(doc_id, {}).get("language") or "en")
        packed = build.documents.packed[doc_id]
        source_iri = str(build.minter.source_text(source.path.name)) if source else ""
        raw = source.raw.encode("utf-8") if source else b""
        title = source.title.text if source else doc_id
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

        key = store.key(parts)
        entries.append([doc_id, key])
        made[doc_id] = (key, make, (doc_id, str(build.minter.document(doc_id)), source_iri, title))

    key = {"code": _digest(), "meta": meta, "reference": reference_key}
    state = _load_state(cache_dir, previous, key)
    done = len(state["documents"]) if state is not None else 0
    if state is None or state["documents"] != entries[:done]:
        state, done = None, 0
    work = target.with_name(target.name + ".build")
    work.unlink(missing_ok=True)
    target.unlink(missing_ok=True)
    try:
        if state is not None:
            shutil.copyfile(previous, work)
        db = sqlite3.connect(work, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            if state is None:
                _create(db, meta)
                counts = {kind: 0 for kind in KINDS}
                seen: set | None = set()
                rows = store.rows(reference_key, lambda: reference_rows(reference, base))
                number = _append(db, rows, None, seen, counts, 0)
            else:
                counts = dict(state["counts"])
                seen = None
                (number,) = db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()
            # Only the documents to append have their rows read (or made).
            for doc_id, _ in entries[done:]:
                doc_key, make, document = made[doc_id]
                rows = store.rows(doc_key, make)
                number = _append(db, rows, document, seen, counts, number)
            if seen is not None:
                _things(db)
            else:
                # The one byte of history the tables do not hold: the schema's version
                # (offset 40 of the file), counted since the tables were made, which
                # `VACUUM INTO` carries on from. Set to that of an index made here anew.
                db.execute(f"PRAGMA schema_version = {_schema_version()}")
            db.execute("VACUUM INTO ?", (str(target),))
        finally:
            db.close()
    finally:
        work.unlink(missing_ok=True)
    store.forget_unused()
    if cache_dir is not None and token is not None:
        from kg.atomic import write_bytes

        kept = {"key": key, "documents": entries, "counts": counts, "identity": _identity(target)}
        write_bytes(pending(cache_dir, token), marshal.dumps(kept))
    return counts
