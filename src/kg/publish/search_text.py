"""The words of full-text search: words, stems, queries, and the words a query finds marked.

Words are taken by `WORD`, case, accents and the typographic apostrophe folded
(`kg.folding.fold`); a text is stemmed in the column of its language (`column`): `es` by the
Snowball Spanish stemmer, `en` by the Snowball English one (`snowballstemmer`, pure Python;
FTS5's own `porter` tokenizer knows English only).

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
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from kg.folding import fold

MAX_QUERY_LENGTH = 200  # characters of a query
MAX_WORDS = 20  # words of a query, phrases' words included

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


def _stem(word: str, language: str) -> str:
    """The stem of a word in the column `language` (`en` or `es`), folded: English stems are
    taken of the folded word, Spanish ones (whose suffixes carry accents: -ción) of the
    lowercased word, then folded."""
    if language == "es":
        return fold(_stemmer("es").stemWord(word.lower()))
    return _stemmer("en").stemWord(fold(word))


# The corpus's words, stemmed once each while the index is built and while hits are marked:
# their number is the vocabulary's.
stem = lru_cache(maxsize=500_000)(_stem)
# A query's words are whatever a client sends: kept apart, in a cache of their own that stays
# small, so that made-up words cannot fill the corpus's (each search stems at most
# MAX_WORDS words twice).
query_stem = lru_cache(maxsize=4096)(_stem)


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
        return [tuple(query_stem(w, language) for w in group) for group in self.groups]

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
