"""The answers of the named queries, written beside a store when `kg load` makes it.

A named query's answer does not change while a store is served: a store is written only by
`kg load`, each load a new generation (`kg.store.generations`). Evaluated when it is asked
for, a named query that reads the whole corpus costs its whole evaluation for any page of it
(an ORDER BY reads every row before the first, even for LIMIT 1000; at 10,000 synthetic
documents statistic-evidence reads 450,924 observations), and the memory of that evaluation,
in every query worker that runs it. So the load evaluates each named query once, as a client
asks for it without parameters (each left to match any value), and writes its rows into
`answers/` inside the generation; a page of it is then a slice of that file, mapped into
memory (the page cache holds it once for every process), read without a worker.

A file holds the rows as the engine writes them in SPARQL TSV, one line a row (TSV escapes
line breaks and tabs inside values, so a line is a row), in the engine's order: `MAGIC`; the
query's name; the SHA-256 of what it was evaluated from (`query_digest`: the bound text, the
base and the prefixes, so that a file of another version of the query, or of another base, is
never taken for this one's); the TSV header line (the variables); the number of rows; their
offsets (little-endian, 8 bytes each, from the start of the file); the rows. A page in any
results format is written from its rows by the engine's own writers (`page_body`), as a page
evaluated in a worker is, so both are the same bytes. A file that does not read as the answer
asked for (missing, cut short, of another query or text) is not used: the query is evaluated,
as without it. A query with parameters bound is always evaluated.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import struct
import sys
from array import array
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.queries import Query
from kg.store.orders import map_file, read_offsets
from kg.store.results import Result, results_json

ANSWERS = "answers"
MAGIC = b"kg-answer-1\n"
TSV = ox.QueryResultsFormat.TSV
_NUMBER = struct.Struct("<Q")
_DIGEST = 32  # bytes of a SHA-256


def query_digest(text: str, base: str, prefixes: Mapping[str, str]) -> bytes:
    """What identifies an answer: the SHA-256 of the text the engine evaluated, with the base
    and prefixes it was given (JSON escapes every character outside ASCII: one text, one key)."""
    key = json.dumps([text, base, dict(sorted(prefixes.items()))], ensure_ascii=True)
    return hashlib.sha256(key.encode("ascii")).digest()


def answer_path(folder: Path, name: str) -> Path:
    """The file of a named query's answer in a store's folder (a name is a file name:
    `kg.queries` reads them from `NAME.rq`)."""
    return Path(folder) / ANSWERS / f"{name}.answer"


class CorruptAnswer(ValueError):
    """A file of an answer whose rows do not read as lines: the query is evaluated instead."""


class NamedAnswer:
    """The rows of a named query's answer, mapped from its file: `header` is the TSV header
    line (its variables), `len()` the rows."""

    def __init__(self, mapped: mmap.mmap, header: bytes, offsets: array) -> None:
        self.mapped, self.header, self.offsets = mapped, header, offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def rows(self, start: int, end: int) -> bytes:
        """The TSV lines of rows `start` to `end` (from 0; bounded by the rows there are);
        CorruptAnswer when they are not whole lines. (The rows are checked as they are read,
        not all when the file is opened: at 450,924 rows that took longer than a page.)"""
        start, end = max(0, min(start, len(self))), max(0, min(end, len(self)))
        if end <= start:
            return b""
        offsets, mapped = self.offsets, self.mapped
        for row in range(start, end):
            # Each row a whole line: longer than its line break, which ends it.
            if offsets[row + 1] <= offsets[row] or mapped[offsets[row + 1] - 1] != 0x0A:
                raise CorruptAnswer(f"row {row} of the answer is not a line")
        return mapped[offsets[start] : offsets[end]]

    def page_tsv(self, start: int, end: int) -> bytes:
        """Rows `start` to `end` as a SPARQL TSV result."""
        return self.header + b"\n" + self.rows(start, end)

    def close(self) -> None:
        self.mapped.close()


def page_body(tsv: bytes, fmt: ox.QueryResultsFormat, output=None) -> bytes | None:
    """A page of rows (a SPARQL TSV result, as the engine wrote it) in the results format
    `fmt`, written by the engine's writer: the same bytes as the engine writes for those rows
    of its own solutions. With `output` (a binary file), written into it (None returned)."""
    solutions = ox.parse_query_results(tsv, format=TSV)
    if output is None:
        return solutions.serialize(format=fmt)
    solutions.serialize(output, format=fmt)
    return None


def write_answer(
    store: ox.Store, folder: Path, name: str, text: str, base: str, prefixes: Mapping[str, str]
) -> int | None:
    """Evaluate `text` (the named query `name`, bound) on `store` and write its rows into
    `folder/answers/`: how many (None for a query that is not a SELECT). The engine writes the
    TSV into a file as it gives its rows; the offsets are read from that file, a line at a
    time, so the load holds the evaluation and the offsets, never the rows."""
    answer = store.query(text, base_iri=base, prefixes=prefixes)
    if not isinstance(answer, ox.QuerySolutions):
        return None
    path = answer_path(folder, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows_file = path.with_suffix(".rows")
    with open(rows_file, "wb") as out:
        answer.serialize(out, format=TSV)
    del answer
    lengths = array("Q")
    with open(rows_file, "rb") as rows:
        header = rows.readline().rstrip(b"\n")
        lengths.extend(len(line) for line in rows)
    encoded = name.encode("utf-8")
    head = b"".join(
        (
            MAGIC,
            _NUMBER.pack(len(encoded)),
            encoded,
            query_digest(text, base, prefixes),
            _NUMBER.pack(len(header)),
            header,
            _NUMBER.pack(len(lengths)),
        )
    )
    offsets = array("Q", [len(head) + 8 * (len(lengths) + 1)])
    for length in lengths:
        offsets.append(offsets[-1] + length)
    if sys.byteorder != "little":
        offsets.byteswap()
    temporary = path.with_suffix(".tmp")
    with open(temporary, "wb") as out, open(rows_file, "rb") as rows:
        out.write(head)
        out.write(offsets.tobytes())
        rows.readline()  # the header, written above
        shutil.copyfileobj(rows, out, 1 << 20)
    os.replace(temporary, path)
    rows_file.unlink()
    return len(lengths)


def write_named_answers(
    store: ox.Store,
    folder: Path,
    base: str,
    prefixes: Mapping[str, str],
    queries: Mapping[str, Query],
) -> dict[str, int]:
    """The answer of every named query of `queries`, each bound without parameters, written
    into `folder/answers/`: the rows of each."""
    written = {}
    for name, query in sorted(queries.items()):
        text = query.bind({}, base)[0]
        try:
            rows = write_answer(store, folder, name, text, base, prefixes)
        except (SyntaxError, OSError, RuntimeError, ValueError):
            # A query the engine cannot answer is not the load's failure: without its file,
            # it is evaluated when asked for, and says why there.
            path = answer_path(folder, name)
            for leftover in (path, path.with_suffix(".rows"), path.with_suffix(".tmp")):
                leftover.unlink(missing_ok=True)
            continue
        if rows is not None:
            written[name] = rows
    return written


def read_answer(
    folder: Path, name: str, text: str, base: str, prefixes: Mapping[str, str]
) -> NamedAnswer | None:
    """The answer `write_answer` wrote of the named query `name` evaluated from `text` (with
    `base` and `prefixes`), mapped into memory; None when there is none, or a file that does
    not read as the answer of that query and text."""
    mapped = map_file(answer_path(folder, name))
    if mapped is None:
        return None
    try:
        at = len(MAGIC)
        if mapped[:at] != MAGIC:
            raise ValueError
        encoded = name.encode("utf-8")
        (length,) = _NUMBER.unpack_from(mapped, at)
        at += _NUMBER.size
        if mapped[at : at + length] != encoded:
            raise ValueError
        at += length
        if mapped[at : at + _DIGEST] != query_digest(text, base, prefixes):
            raise ValueError
        at += _DIGEST
        (length,) = _NUMBER.unpack_from(mapped, at)
        at += _NUMBER.size
        header = mapped[at : at + length]
        if len(header) != length or b"\n" in header:
            raise ValueError
        at += length
        offsets = read_offsets(mapped, at)
    except (ValueError, struct.error):
        mapped.close()
        return None
    return NamedAnswer(mapped, header, offsets)


def answered(answer: NamedAnswer, limit: int | None = None, offset: int = 0) -> Result:
    """A `Result` of the rows of `answer`, as `PublishedGraph.query` gives the answer of its
    evaluation: the whole (written by the engine's JSON writer), or the page `limit` and
    `offset` select (`Result.more`: rows follow it). CorruptAnswer when its rows are not
    lines."""
    end = len(answer) if limit is None else offset + limit
    solutions = ox.parse_query_results(answer.page_tsv(offset, end), format=TSV)
    variables = tuple(v.value for v in solutions.variables)
    if limit is None and offset == 0:
        data = solutions.serialize(format=ox.QueryResultsFormat.JSON)
        solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    terms = [{v: s[v] for v in variables if s[v] is not None} for s in solutions]
    if limit is None and offset == 0:
        return Result("select", variables, terms, _json=data)
    more = limit is not None and end < len(answer)
    data = results_json(variables, terms)
    return Result("select", variables, terms, _json=data, more=more, offset=offset)
