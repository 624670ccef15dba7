"""A cleaned source text and the spans in it: what ingest finds, and how quotes are found.

Every piece of text found is a :class:`Span` whose offsets are Python ``str`` indices (Unicode
code points) into the *raw* file text, decoded from UTF-8 exactly as stored (no newline
translation), and whose ``text`` is always ``normalize_whitespace(raw[start:end])``. A quote
is found whitespace-insensitively but otherwise exactly (:func:`locate_quote`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError


class QuoteNotFound(KgError):
    """A quote does not occur (or not often enough) in a source text."""


@dataclass(frozen=True)
class Span:
    """``raw[start:end]`` of a source; ``text`` is that slice with whitespace normalized."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Contact:
    """One press contact. ``email`` is the bare address; ``telephone`` as written."""

    name: Span
    office: Span | None
    telephone: Span | None
    email: Span | None


@dataclass(frozen=True)
class CleanDocument:
    """A source with the navigation and HTML debris removed."""

    id: str
    path: Path
    raw: str
    title: Span
    paragraphs: tuple[Span, ...]
    contacts: tuple[Contact, ...]
    trailer: tuple[Span, ...]

    @property
    def body_text(self) -> str:
        """The paragraphs' text joined with blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def trailer_text(self) -> str:
        """The trailer's pieces joined with single spaces ("" when there is no trailer)."""
        return " ".join(s.text for s in self.trailer)


# --------------------------------------------------------------------------- whitespace


def normalize_whitespace(s: str) -> str:
    """Collapse every run of whitespace (incl. newlines and U+00A0) to one space; strip ends."""
    return " ".join(s.split())


def line_of(raw: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``raw`` (lines end at "\\n")."""
    if not 0 <= offset <= len(raw):
        raise ValueError(f"offset {offset} outside text of length {len(raw)}")
    return raw.count("\n", 0, offset) + 1


def trimmed_span(raw: str, start: int, end: int) -> Span | None:
    """The span of ``raw[start:end]`` with surrounding whitespace trimmed, or None if blank."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Span(start, end, normalize_whitespace(raw[start:end]))


# --------------------------------------------------------------------------- quotes


@functools.lru_cache(maxsize=64)
def normalized_with_index(raw: str) -> tuple[str, tuple[int, ...]]:
    """``raw`` with each whitespace run replaced by one space, and for every character of
    that copy the raw offset it comes from (a run maps to its first character)."""
    chars: list[str] = []
    index: list[int] = []
    in_space = False
    for i, c in enumerate(raw):
        if c.isspace():
            if not in_space:
                chars.append(" ")
                index.append(i)
                in_space = True
        else:
            chars.append(c)
            index.append(i)
            in_space = False
    return "".join(chars), tuple(index)


def _raw_and_path(doc: CleanDocument | str, path: str | Path | None) -> tuple[str, str | Path]:
    if isinstance(doc, CleanDocument):
        return doc.raw, path if path is not None else doc.path
    return doc, path if path is not None else "<text>"


def _short(quote: str, limit: int = 80) -> str:
    return repr(quote if len(quote) <= limit else quote[: limit - 1] + "…")


def _occurrences(normalized: str, needle: str):
    """Start indices of the non-overlapping occurrences of ``needle`` in ``normalized``."""
    pos = normalized.find(needle)
    while pos >= 0:
        yield pos
        pos = normalized.find(needle, pos + len(needle))


def locate_quote(
    doc: CleanDocument | str,
    quote: str,
    occurrence: int = 1,
    *,
    path: str | Path | None = None,
) -> Span:
    """Find the ``occurrence``-th (1-based, non-overlapping) occurrence of ``quote``.

    Whitespace-insensitive but otherwise exact: any run of whitespace in the raw text
    (spaces, newlines, U+00A0, ...) matches any run of whitespace in the quote, and the
    quote's leading/trailing whitespace is ignored; case and punctuation must match (a
    typographic apostrophe ’ is not '). Returns the raw offsets. Raises
    :class:`QuoteNotFound` (a :class:`KgError` naming ``path``, or the document's path)
    when the quote is empty or absent, or occurs fewer than ``occurrence`` times.
    """
    raw, where = _raw_and_path(doc, path)
    if occurrence < 1:
        raise ValueError(f"occurrence must be >= 1, not {occurrence}")
    needle = normalize_whitespace(quote)
    if not needle:
        raise QuoteNotFound(where, None, "empty quote")
    normalized, index = normalized_with_index(raw)
    found = 0
    for pos in _occurrences(normalized, needle):
        found += 1
        if found == occurrence:
            start = index[pos]
            end = index[pos + len(needle) - 1] + 1
            return Span(start, end, normalize_whitespace(raw[start:end]))
    if found == 0:
        raise QuoteNotFound(where, None, f"quote not found: {_short(needle)}")
    raise QuoteNotFound(
        where,
        None,
        f"quote occurs {found} time(s), occurrence {occurrence} not found: {_short(needle)}",
    )


def count_quote(doc: CleanDocument | str, quote: str) -> int:
    """How many non-overlapping times ``quote`` occurs (compared as in locate_quote)."""
    raw = doc.raw if isinstance(doc, CleanDocument) else doc
    needle = normalize_whitespace(quote)
    if not needle:
        return 0
    normalized, _ = normalized_with_index(raw)
    return sum(1 for _ in _occurrences(normalized, needle))
