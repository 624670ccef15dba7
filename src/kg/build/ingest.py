"""Ingest: read a scraped press release and find its title, paragraphs and contacts.

Plain functions, no RDF. Every piece of text found is a :class:`Span` whose offsets are
Python ``str`` indices (Unicode code points) into the *raw* file text, decoded from UTF-8
exactly as stored (no newline translation), and whose ``text`` is always
``normalize_whitespace(raw[start:end])`` (:mod:`kg.build.sourcetext`, which also finds
quotes; the press contacts are read by :mod:`kg.build.contacts`).

The sources are scraped pages with three kinds of noise, all removed here:

* site navigation before the title: "News" / "Global" lines, or the menu block that runs
  from a "-" line through "Who we are", "WHO WE ARE...", "Our Work", ... to "- 2030 Agenda";
* hard-wrapped lines, with or without blank lines between paragraphs (see
  :func:`_split_paragraphs` for the rule used when there are none);
* HTML attribute debris around links, e.g. ``"mailto:x@iom.int" target="_blank" title=\n"">``
  before an e-mail address, or ``"paragraph-link-underlined" href="..." ...>`` before a URL.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from kg.build.contacts import (
    CONTACT_HEADER,
    paragraph_end,
    parse_contact_block,
    parse_inline_contacts,
)
from kg.build.sourcetext import (
    CleanDocument,
    Contact,
    QuoteNotFound,
    Span,
    count_quote,
    line_of,
    locate_quote,
    normalize_whitespace,
    normalized_with_index,
    trimmed_span,
)
from kg.errors import KgError

__all__ = [
    "CleanDocument",
    "Contact",
    "QuoteNotFound",
    "Span",
    "count_quote",
    "line_of",
    "locate_quote",
    "normalize_whitespace",
    "normalized_with_index",
    "read_source",
]


# --------------------------------------------------------------------------- reading

# Site navigation lines that precede the title (compared case-insensitively, stripped).
_NAV_LINES = frozenset(
    {
        "news",
        "global",
        "-",
        "who we are",
        "our work",
        "what we do",
        "partnerships",
        "highlights",
        "take action",
        "work with us",
        "get involved",
    }
)
# Menu sub-items ("- Where we work", "- 2030 Agenda") and headings glued to their blurb
# ("WHO WE AREThe International ...", "Our WorkAs the leading ...").
_NAV_PATTERN = re.compile(r"-\s+\S|WHO WE ARE(?=\S)|Our Work(?=\S)")
# HTML left over from scraped links: a quoted class and/or attr="value" pairs ending in
# ">", e.g. '"paragraph-link-underlined" href="http://www.iom.int" target=\n"_blank" title="">',
# or a complete tag.
_ATTR = r"""[\w:-]+\s*=\s*"[^"<>]*"\s*"""
_DEBRIS = re.compile(
    rf"""(?:"[^"<>\n]*"\s*(?:{_ATTR})*|(?:{_ATTR})+)>|</?[a-zA-Z][^<>]*>""",
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:mr|mrs|ms|dr|st|no|ext|e\.g|i\.e|etc|vs)\.", re.I)
_OPENING = "\"'“‘(["


def _lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its "\\n" (or "\\r\\n")."""
    result = []
    start = 0
    while True:
        nl = raw.find("\n", start)
        end = len(raw) if nl < 0 else nl
        stop = end - 1 if end > start and raw[end - 1] == "\r" else end
        result.append((start, stop))
        if nl < 0:
            return result
        start = nl + 1


def _is_nav(text: str) -> bool:
    return text.casefold() in _NAV_LINES or _NAV_PATTERN.match(text) is not None


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not _SENTENCE_END.search(text):
        return False
    last_word = text.split()[-1].rstrip("\"'”’)]")
    return _ABBREVIATION.fullmatch(last_word) is None


def _starts_sentence(text: str) -> bool:
    text = text.lstrip().lstrip(_OPENING)
    return bool(text) and text[0].isupper()


def _is_heading(text: str, wrap: int) -> bool:
    """A line of a few words with no sentence's end, colon or comma after them: a heading or a
    page's menu ("Take Action", "- 2030 Agenda"), or a headline in title case: a paragraph of
    its own, not the beginning of the sentence on the next line."""
    words = text.split()
    # a line a text wraps in mid-sentence has a comma, or ends with a small word ("the")
    if not words or "," in text or re.search(r"[.!?:;]\W*$", text) or words[-1].islower():
        return False
    # a headline in title case ("Stranded Migrants Return Home from Togo") is one too, if it
    # is shorter than the lines the text wraps ("The Office of the United Nations High
    # Commissioner for Human Rights / (OHCHR) said")
    long = [w for w in words if len(w) > 3]
    capitals = sum(w[:1].isupper() for w in long)
    titled = capitals >= 0.75 * len(long) and len(text.strip()) < 0.8 * wrap
    return len(words) <= 6 or len(words) <= 20 and titled


def _wrapped_width(raw: str, lines) -> int | None:
    """The width a text wraps its lines at: the median length of its lines that run on, in
    mid-sentence, into a line starting in lower case (a text wrapped by hand or by a browser's
    page ends its lines unevenly). None for a text none of whose lines does."""
    widths = sorted(
        len(raw[s:e].rstrip())
        for (s, e), (s2, e2) in itertools.pairwise(lines)
        if raw[s:e].strip() and raw[s2:e2].strip()[:1].islower() and not _ends_sentence(raw[s:e])
    )
    return widths[len(widths) // 2] if widths else None


# What a line that runs on into the next ends with, however short the line: a small word
# ("... Córdoba and" / "Río Negro"), a colon before what it introduces, a quote's closing
# comma before its speaker, an abbreviation ("the U.S." / "Department of State")
_RUNS_ON = re.compile(
    r"(?:[,;:(–—-]|,[”\"’]|(?-i:[A-Z]\.)+|\b(?:and|or|of|the|a|an|to|in|on|at|by|for|from|with|"
    r"who|which|that|y|e|o|u|de|del|la|el|los|las|en|et|le|les|du|des|au|aux|da|do|das|dos|"
    r"que|pelo|pela|por|para|pour|par|com))$",
    re.IGNORECASE,
)

UNWRAPPED_WIDTH = 120  # no text is wrapped wider (the set's wrapped texts: 60 to 80)


def _breaks_after(
    raw: str, lines, current: list[int], next_line: str, wrap: int, wrapped: int | None = None
) -> bool:
    """Whether a paragraph without blank lines ends before the line `next_line`: after a
    sentence's end, before a sentence's start; or after a heading (one that is no wrapped line:
    the line before it ends a sentence or is a heading too), before a sentence or an item ("-
    Data"), not before a bracket ("(OHCHR) said", a name's acronym wrapped to the next line);
    or before a sentence after a line that the text did not wrap (`wrapped`: the width its
    wrapped lines reach, None if it wraps none), since the next line's first word would have
    fit on it: a site's list of headlines ("... afirma Ebrard" / "El Instituto ...")."""
    last = raw[lines[current[-1]][0] : lines[current[-1]][1]]
    if _ends_sentence(last):
        return _starts_sentence(next_line)
    starts = _starts_sentence(next_line) and not next_line.lstrip().startswith("(")
    first_word = next_line.split()[0] if next_line.split() else ""
    # (a text that wraps no line in mid-sentence: measured against its longest line, so that
    # a short text wrapped before capitals only is still read as wrapped; a line wider than
    # any text is wrapped at is a paragraph's)
    width = wrap if wrapped is None else wrapped
    unwrapped = len(last.rstrip()) + 1 + len(first_word) <= 0.6 * width or (
        wrapped is None and len(last) > UNWRAPPED_WIDTH
    )
    if starts and unwrapped and not _RUNS_ON.search(last.rstrip()):
        return True
    if not _is_heading(last, wrap) or not (starts or next_line.lstrip()[:1] in "-•–"):
        return False
    if len(current) == 1:
        return True
    before = raw[lines[current[-2]][0] : lines[current[-2]][1]]
    return _ends_sentence(before) or _is_heading(before, wrap)


HEADLINE_WORDS = 25  # a headline has fewer words; a line of more is a paragraph
# The end of a sentence inside a line: ".", "!" or "?" (and a closing quote), then a capital
# or an opening quote, glued on or after spaces ("... fonte da corporação.O suspeito, ...")
_SENTENCE_IN_A_LINE = re.compile(r"(?<=[a-zà-ÿ\d)][.!?])[\"”’]?\s*(?=[\"“]?[A-ZÀ-Ý])")


def _first_sentence_as_title(raw: str, line: Span) -> tuple[Span, list[Span]] | None:
    """A text whose one line is a paragraph, not a headline (more than HEADLINE_WORDS words):
    its first sentence as its title, the rest as its one paragraph; None for a headline, or
    for a line of one sentence."""
    if len(line.text.split()) <= HEADLINE_WORDS:
        return None
    text = raw[line.start : line.end]
    for m in _SENTENCE_IN_A_LINE.finditer(text):
        if len(text[: m.start()].split()) < 3 or not _ends_sentence(text[: m.start()]):
            continue  # ("Dr. Mate said ...", "near St. Mary's Church": no sentence's end)
        title = trimmed_span(raw, line.start, line.start + m.start())
        rest = trimmed_span(raw, line.start + m.end(), line.end)
        if title is not None and rest is not None:
            return title, [rest]
    return None


def _split_paragraphs(raw: str, lines: list[tuple[int, int]]) -> list[Span]:
    """Group body lines into paragraphs.

    If blank lines separate the body's lines anywhere, blank lines are the only paragraph
    breaks (sentence ends at a line end are just wrapping). Otherwise (the sources without
    blank lines) a paragraph ends at a line whose last word ends a sentence -- ".", "!" or
    "?", possibly followed by a closing quote or bracket, and not an abbreviation such as
    "Dr." or "U.S." -- or at a heading's line (`_is_heading`), when the next line starts with a
    capital letter, optionally after an opening quote or bracket. A colon is not a break: "X
    explains:" stays with its quotation.
    """
    blank = [not raw[s:e].strip() for s, e in lines]
    content = [i for i, is_blank in enumerate(blank) if not is_blank]
    if not content:
        return []
    by_blank_lines = any(blank[content[0] : content[-1] + 1])
    wrap = max(e - s for s, e in lines)  # the text's width, where it wraps its lines
    wrapped = _wrapped_width(raw, lines)
    groups: list[list[int]] = []
    current: list[int] = []
    for i, (s, e) in enumerate(lines):
        if blank[i]:
            if current:
                groups.append(current)
                current = []
            continue
        if (
            current
            and not by_blank_lines
            and _breaks_after(raw, lines, current, raw[s:e], wrap, wrapped)
        ):
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    spans = (trimmed_span(raw, lines[g[0]][0], lines[g[-1]][1]) for g in groups)
    return [s for s in spans if s is not None]


def _clean_pieces(raw: str, start: int, end: int) -> list[Span]:
    """The text of raw[start:end] as spans, cut at blank lines and at HTML debris."""
    pieces: list[Span] = []
    cuts = [m.span() for m in _DEBRIS.finditer(raw, start, end)]
    cuts += [m.span() for m in _BLANK_LINE.finditer(raw, start, end)]
    cuts.sort()
    pos = start
    for a, b in cuts:
        if a > pos:
            span = trimmed_span(raw, pos, a)
            if span is not None:
                pieces.append(span)
        pos = max(pos, b)
    span = trimmed_span(raw, pos, end)
    if span is not None:
        pieces.append(span)
    return pieces


# --------------------------------------------------------------------------- sources


def document_id(path: Path) -> str | None:
    """The document id a source's file name gives (``NNN`` of ``NNN_<anything>.txt``), or None
    when the name has no such prefix."""
    m = re.match(r"(\d+)_", Path(path).name)
    return m.group(1) if m else None


def read_source(path: Path, doc_id: str | None = None) -> CleanDocument:
    """Read one scraped press release; raise :class:`KgError` (with path and line) if it is
    not UTF-8, empty, or has no title or no paragraphs. Its id is ``doc_id`` or, by default,
    what precedes the first "_" of its file name (``NNN_<anything>.txt``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise KgError(path, None, "is a directory, not a source text") from exc
    except OSError as exc:
        raise KgError(path, None, f"cannot read source: {exc.strerror or exc}") from exc
    return parse_source(path, decode_source(path, data), doc_id)


def decode_source(path: Path, data: bytes) -> str:
    """``data`` as text: UTF-8 without NUL characters, else :class:`KgError` at its line."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        raise KgError(
            path, lineno, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at {exc.start})"
        ) from exc
    if "\x00" in raw:
        raise KgError(path, line_of(raw, raw.index("\x00")), "NUL character: not a text file")
    return raw


def parse_source(path: Path, raw: str, doc_id: str | None = None) -> CleanDocument:
    """The title, paragraphs, contacts and trailer of the text ``raw`` of the source ``path``.

    The contacts are a block headed by a line "For more information, please contact:" (the
    seeds' layout), an inline sentence "For more information please contact NAME at OFFICE,
    Tel: ..., Email: ...", or absent: a release without contacts has none."""
    path = Path(path)
    if not raw.strip():
        raise KgError(path, 1, "empty source file")

    lines = _lines(raw)
    last_line = len(lines)

    title_idx = None
    for i, (s, e) in enumerate(lines):
        text = raw[s:e].strip().lstrip("\ufeff")
        if text and not _is_nav(text):
            title_idx = i
            break
    if title_idx is None:
        raise KgError(path, last_line, "no title found (only site navigation)")
    title_start, title_end = lines[title_idx]
    title = trimmed_span(raw, title_start, title_end)
    assert title is not None
    if CONTACT_HEADER.fullmatch(title.text.lstrip("\ufeff")):
        raise KgError(path, title_idx + 1, "no title found before the contact block")

    header_idx = None
    inline = False
    for i in range(title_idx + 1, len(lines)):
        s, e = lines[i]
        text = raw[s:e].strip()
        header = CONTACT_HEADER.match(text)
        if header is None:
            continue
        header_idx = i
        inline = bool(text[header.end() :].strip())
        break

    body_end = header_idx if header_idx is not None else len(lines)
    paragraphs = _split_paragraphs(raw, lines[title_idx + 1 : body_end])
    if not paragraphs and (headed := _first_sentence_as_title(raw, title)) is not None:
        title, paragraphs = headed  # a release saved as one line of text: no headline of its own
    if not paragraphs:
        raise KgError(path, title_idx + 2, "no paragraphs between the title and the contacts")

    contacts: list[Contact] = []
    trailer_start = len(raw)
    if header_idx is not None and inline:
        s, e = lines[header_idx]
        lead = CONTACT_HEADER.match(raw, s + len(raw[s:e]) - len(raw[s:e].lstrip()))
        stop = paragraph_end(raw, lines, header_idx)
        contacts, trailer_start = parse_inline_contacts(raw, lead.end(), stop)
        if not contacts:
            trailer_start = s  # not a contact after all: the sentence is kept as the trailer
    elif header_idx is not None:
        contacts, trailer_start = parse_contact_block(path, raw, lines, header_idx + 1)
    if contacts and inline:
        # the punctuation that ends the contact sentence ("(a@b.org).") is not the trailer's
        while trailer_start < len(raw) and raw[trailer_start] in ".,;:)]\u201d\"' \t":
            trailer_start += 1
    trailer = _clean_pieces(raw, trailer_start, len(raw))

    return CleanDocument(
        id=doc_id if doc_id is not None else path.name.split("_", 1)[0],
        path=path,
        raw=raw,
        title=title,
        paragraphs=tuple(paragraphs),
        contacts=tuple(contacts),
        trailer=tuple(trailer),
    )
