"""The cleaned source as passages of whitespace-normalized text, tokens, sentences and clauses.

A passage is the title, one paragraph or one piece of the trailer. Its ``text`` is the raw
slice with whitespace collapsed (exactly what the build compares quotes with), so any slice of
it that does not begin or end with a space is a valid quote. :meth:`Source.quote` gives such a
slice and, when the build would otherwise pick an earlier occurrence of the same words, the
``occurrence`` that points at this one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from kg.build.ingest import CleanDocument, normalized_with_index
from kg.build.sourcetext import trimmed_span
from kg.extraction.foreign_words import language_of
from kg.folding import fold as fold

# A slash joins digits ("24/7", "2014/2015") and an office's letters ("G/TIP"), not names
# ("GENEVA/KATHMANDU", "UNHCR/A. Doe").
WORD = re.compile(
    r"[’']s\b|(?:[A-Z]\.){2,}(?![\w])|\b[A-Z]{1,2}/[A-Z]+\b|\w+(?:[.&]\w+|/\d\w*)*|[^\w\s]"
)
# Sentence ends: ., ! or ? (and closing quotes) before a space and an upper-case letter, a
# digit, a currency sign ("$9 million will ...") or an opening quote.
SENTENCE_END = re.compile(r"""[.!?]["'”’)]*\s+(?=["“‘(]?[A-Z0-9ÁÉÍÓÚÑ$€£])""")
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "ext", "prof", "gen", "sr", "jr", "vs",
    # titles before a name ("Lt. Col. Jane Doe", "Gov. John Roe", "Det. Supt. Ann Lee")
    # (not "sen", "const": names too)
    "gov", "lt", "col", "sgt", "rep", "capt", "supt", "insp", "rev", "hon", "cpl", "maj",
    "brig", "cmdr", "adm", "det", "fr",
}  # fmt: skip
# A month's abbreviation ends no sentence before its day or year ("in Nov. 2015, 221 ...").
MONTH_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets in the passage text
    end: int
    space_before: bool
    # a word the text brackets as a body's acronym ("Rapid Action Battalion (Rab)"): see
    # kg.extraction.title_acronyms
    written_acronym: bool = False

    @cached_property
    def key(self) -> str:
        return fold(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        if self.written_acronym:
            return True
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters) and self.text[0].isalpha()


@dataclass
class Passage:
    index: int
    kind: str  # title, body or trailer
    text: str
    start: int  # offset of text[0] in the source's normalized text
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    language: str = "en"  # the release's (Source.language): how its numbers are written

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def token_index(self, offset: int) -> int:
        """The index of the first token that ends after ``offset``."""
        return bisect.bisect_right(self.token_ends, offset)

    # Read once (the rules ask for them per candidate); a passage's tokens are set when it is
    # made (Source.of) and never changed.
    @cached_property
    def token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    @cached_property
    def lower_case_keys(self) -> frozenset[str]:
        """The folded words the passage writes in lower case."""
        return frozenset(t.key for t in self.tokens if t.text.islower())


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in WORD.finditer(text):
        tokens.append(
            Token(m.group(), m.start(), m.end(), m.start() == 0 or text[m.start() - 1] == " ")
        )
    return tokens


# A sentence of a release is some hundreds of characters (the longest of 197 real ones: 523).
# Drafting reads a number's whole sentence for each number, so a longer run without a full
# stop (a hostile text, a page's menu) is read in pieces of at most this many characters,
# each cut after its last comma, semicolon or space: the reading stays linear in the text.
MAX_SENTENCE_CHARS = 1200


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in pieces of at most MAX_SENTENCE_CHARS characters."""
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind("; ", start, limit), text.rfind(", ", start, limit))
        cut = cut + 2 if cut > start else text.rfind(" ", start, limit) + 1
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        before = text[start : m.start() + 1].split()
        last = before[-1].rstrip(".").casefold() if before else ""
        if last in ABBREVIATIONS or len(last) == 1 or "." in last:
            continue
        if last in MONTH_ABBREVIATIONS and text[m.end() : m.end() + 1].isdigit():
            continue
        end = m.start() + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    spans = [piece for s, e in spans for piece in _bounded(text, s, e)]
    return [(s + len(text[s:e]) - len(text[s:e].lstrip('"“‘(')), e) for s, e in spans]


# A page's labels around the article ("Country: Honduras", "Themes: Counter Trafficking",
# "Related news: ..."): what such a line names is no statement of the release.
PAGE_LABEL = re.compile(
    r"(?:^|\s)(?:Regions?|Country|Countries|Themes?|Topics?|Tags?|Categor(?:y|ies)|Keywords?|"
    r"Related(?:\s+(?:news|content|links|stories|articles))?|Languages?|DOI|Filed under|"
    r"Posted in|See also)\s*:[^.!?:]*$"
)


def in_page_label(passage: Passage, start: int) -> bool:
    """Whether the words at `start` are the value of such a label (no sentence's end between
    the label and them)."""
    return (
        passage.kind != "title"
        and PAGE_LABEL.search(passage.text[max(0, start - 80) : start]) is not None
    )


AND_NUMBER = re.compile(r"\s+and\s+(?=(?:some |about |over |more than )?\d)")
CLAUSE_BREAK = re.compile(r";\s*|\s*\(\s*|\s*\)\s*|,\s+|\s+(?:while|whereas|but)\s+|:\s+")


def clause_around(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause of ``text`` around [start, end) within ``sentence``: cut at semicolons,
    brackets, commas, colons and "while"/"whereas"/"but"; a clause of fewer than four words,
    or one in brackets, takes the clause before it too."""
    s0, s1 = sentence
    cuts = [(m.start(), m.end(), m.group()) for m in CLAUSE_BREAK.finditer(text, s0, s1)]
    # Commas inside numbers (3,000) are no breaks: CLAUSE_BREAK needs a space after a comma.
    left, left_cut = s0, None
    right = s1
    for a, b, g in cuts:
        if b <= start:
            left, left_cut = b, (a, g)
        elif a >= end:
            right = a
            break
    # " and " before another number is a break too ("80 per cent ... and 13 per cent ...").
    for m in AND_NUMBER.finditer(text, end, right):
        right = m.start()
        break
    for m in AND_NUMBER.finditer(text, left, min(len(text), start + 1)):
        if m.end() <= start:
            left = m.end()
    words = len(text[left:right].split())
    bracketed = left_cut is not None and "(" in left_cut[1]
    if (words < 4 or bracketed) and left_cut is not None:
        prev_left = s0
        for _, b, _ in cuts:
            if b <= left_cut[0]:
                prev_left = b
        left = prev_left
    while True:  # no leading conjunction or punctuation
        m = re.match(r"(?:and|or|with|that|,|;|\))\s+", text[left:right])
        if not m:
            break
        left += m.end()
    while right > left and text[right - 1] in " ,;:(":
        right -= 1
    if (
        right < len(text)
        and text[right] == ")"
        and text.count("(", left, right) > text.count(")", left, right)
    ):
        right += 1
    return left, right


HEADLINE_MAX_WORDS = 25


@dataclass
class Source:
    """A cleaned document as passages, with what quoting needs."""

    doc: CleanDocument
    normalized: str = ""
    index: tuple[int, ...] = ()  # normalized offset -> raw offset
    passages: list[Passage] = field(default_factory=list)
    body_ranges: list[tuple[int, int]] = field(default_factory=list)  # raw

    @cached_property
    def language(self) -> str:
        """The language the release is written in: "en", "es", "fr" or "pt"."""
        return language_of(self.normalized)

    @classmethod
    def of(cls, doc: CleanDocument) -> Source:
        normalized, index = normalized_with_index(doc.raw)
        source = cls(doc, normalized, index)
        # A "title" of more words than any headline is the text's first paragraph (a page
        # whose headline was lost): read as body, where names need no headline's caution.
        title_kind = "title" if len(doc.title.text.split()) <= HEADLINE_MAX_WORDS else "body"
        spans = [(title_kind, doc.title)] + [("body", p) for p in doc.paragraphs]
        first = doc.paragraphs[0] if doc.paragraphs else None
        if (
            first
            and first.text[:1].islower()
            and doc.raw.count("\n", doc.title.end, first.start) == 1
        ):
            # "DAKAR, June 22 Police in Ivory Coast freed 48\nchild slaves in raids ...": a
            # text wrapped from its first line, which runs on into the next, has no headline
            whole = trimmed_span(doc.raw, doc.title.start, first.end)
            spans = [("body", whole)] + [("body", p) for p in doc.paragraphs[1:]]
        spans += [("trailer", t) for t in doc.trailer]
        for i, (kind, span) in enumerate(spans):
            start = bisect.bisect_left(source.index, span.start)
            passage = Passage(i, kind, span.text, start, language=source.language)
            passage.tokens = tokenize(span.text)
            passage.sentences = (
                split_sentences(span.text) if kind != "title" else [(0, len(span.text))]
            )
            source.passages.append(passage)
            source.body_ranges.append((span.start, span.end))
        _mark_written_acronyms(source.passages)
        return source

    @property
    def body(self) -> list[Passage]:
        return [p for p in self.passages if p.kind != "title"]

    @cached_property
    def words_in_lower_case(self) -> frozenset[str]:
        """The folded words the text writes in lower case somewhere (read once per text: the
        rules ask it of every capitalized candidate)."""
        return frozenset(
            t.key for p in self.passages for t in p.tokens if t.is_word and t.text.islower()
        )

    @cached_property
    def whole_words_in_lower_case(self) -> frozenset[str]:
        """The case-folded words the text writes in lower case, not as part of a hyphenated
        word ("trafficking", not from "trafficking-related")."""
        found = re.finditer(r"(?<![\w-])\w+(?![\w-])", self.passages_text)
        return frozenset(m.group().casefold() for m in found if m.group().islower())

    @cached_property
    def passages_text(self) -> str:
        """The passages' texts, one string, with a separator no pattern of words crosses."""
        return "\x00".join(p.text for p in self.passages)

    def _occurrences(self, needle: str) -> list[int]:
        found, pos = [], self.normalized.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = self.normalized.find(needle, pos + len(needle))
        return found

    def _in_body(self, norm_start: int, length: int) -> bool:
        raw_start = self.index[norm_start]
        raw_end = self.index[norm_start + length - 1] + 1
        return any(a <= raw_start and raw_end <= b for a, b in self.body_ranges)

    def quote(self, passage: Passage, start: int, end: int) -> tuple[str, int | None]:
        """The words passage.text[start:end] as a quote, and the occurrence to give (None
        when the build finds this one by itself)."""
        while start < end and passage.text[start] == " ":
            start += 1
        while end > start and passage.text[end - 1] == " ":
            end -= 1
        words = passage.text[start:end]
        target = passage.start + start
        occurrences = self._occurrences(words)
        mine = occurrences.index(target) + 1 if target in occurrences else None
        default = next(
            (k + 1 for k, pos in enumerate(occurrences) if self._in_body(pos, len(words))), None
        )
        if mine is None or mine == default:
            return words, None
        return words, mine

    def unique_quote(self, passage: Passage, start: int, end: int) -> tuple[str, int | None]:
        """As :meth:`quote`, but widened word by word (within the sentence) until the build
        finds it without an `occurrence`, if it can be."""
        words, occurrence = self.quote(passage, start, end)
        s0, s1 = passage.sentence_at(start)
        s1 = max(s1, end)
        while occurrence is not None and (start > s0 or end < s1):
            if end < s1:
                nxt = passage.text.find(" ", end + 1)
                end = s1 if nxt < 0 or nxt > s1 else nxt
            else:
                prev = passage.text.rfind(" ", s0, start - 1)
                start = s0 if prev < 0 else prev + 1
            words, occurrence = self.quote(passage, start, end)
        return words, occurrence


def in_a_headline(passage: Passage, a: int) -> bool:
    """Whether token a is on a line in title case (four words or more of five letters or
    more, each capitalized): a headline's words are capitalized whatever they are."""
    text = passage.text
    start = text.rfind("\n", 0, passage.tokens[a].start) + 1
    end = text.find("\n", start)
    words = re.findall(r"[^\W\d_]{5,}", text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _mark_written_acronyms(passages: list[Passage]) -> None:
    """The tokens that write one of the text's Title-case acronyms ("Rab") read as acronyms."""
    from kg.extraction import world  # (world reads the text module)
    from kg.extraction.title_acronyms import title_case_acronyms

    def is_place(word: str) -> bool:
        return world.names_a_country(word) or world.country_of_city(word) is not None

    acronyms = title_case_acronyms([p.text for p in passages], is_place)
    if not acronyms:
        return
    for passage in passages:
        passage.tokens = [
            replace(t, written_acronym=True) if t.text in acronyms else t for t in passage.tokens
        ]
