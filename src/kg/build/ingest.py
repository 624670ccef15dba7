"""Ingest: read a scraped press release and find its title, paragraphs and contacts.

Plain functions, no RDF. Every piece of text found is a :class:`Span` whose offsets are
Python ``str`` indices (Unicode code points) into the *raw* file text, decoded from UTF-8
exactly as stored (no newline translation), and whose ``text`` is always
``normalize_whitespace(raw[start:end])``.

The sources are scraped pages with three kinds of noise, all removed here:

* site navigation before the title: "News" / "Global" lines, or the menu block that runs
  from a "-" line through "Who we are", "WHO WE ARE...", "Our Work", ... to "- 2030 Agenda";
* hard-wrapped lines, with or without blank lines between paragraphs (see
  :func:`_split_paragraphs` for the rule used when there are none);
* HTML attribute debris around links, e.g. ``"mailto:x@iom.int" target="_blank" title=\n"">``
  before an e-mail address, or ``"paragraph-link-underlined" href="..." ...>`` before a URL.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

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
    "read_source",
]


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


def _span(raw: str, start: int, end: int) -> Span | None:
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

# What introduces the press contacts: "For more information, please contact:", "For further
# information on the project please contact", "Media contacts:", "For press enquiries, contact".
# On a line of its own it heads a block of contacts; followed by text on its line, it opens one
# inline sentence ("... contact NAME at OFFICE, Tel: ..., Email: ...").
_CONTACT_HEADER = re.compile(
    r"""(?:for\s+(?:more|further|additional)\s+information\b[^.:\n]{0,80}?\bcontact
        |for\s+(?:media|press)\s+(?:inquiries|enquiries)\b[^.:\n]{0,40}?\bcontact
        |(?:media|press)\s+contacts?)\b\s*:?""",
    re.IGNORECASE | re.VERBOSE,
)
# "Tel:", "Tel.", "Phone:", "Mobile", ... : the colon may be missing before a number.
_TELEPHONE = re.compile(
    r"(?:tel|telephone|phone|mobile|mob|cell)\b\.?\s*(?::|(?=\s*[+(\d]))", re.IGNORECASE
)
# "E-mail:", "Email", "e-mail": the colon may be missing before an address or a mailto link.
_EMAIL_LABEL = re.compile(
    r"""e-?mail\b\s*(?::|(?=\s*(?:"mailto:|<a\b|[^\s@<>"]+@)))""", re.IGNORECASE
)
# "E-mail:" then optional link debris ('"mailto:ADDR" target="_blank" title=\n"">' or a real
# '<a href="mailto:ADDR">'), then the visible address, then an optional "</a>".
_EMAIL = re.compile(
    r"""e-?mail\b\s*:?\s*
        (?:(?:<a\b[^>]*?href\s*=\s*)?"mailto:(?P<mailto>[^"\s]+)"[^>]*>\s*)?
        (?P<addr>[^\s<>"]+@[^\s<>"]+)?
        (?:\s*</a>)?""",
    re.IGNORECASE | re.VERBOSE,
)
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


def _split_paragraphs(raw: str, lines: list[tuple[int, int]]) -> list[Span]:
    """Group body lines into paragraphs.

    If blank lines separate the body's lines anywhere, blank lines are the only paragraph
    breaks (sentence ends at a line end are just wrapping). Otherwise (the sources without
    blank lines) a paragraph ends at a line whose last word ends a sentence -- ".", "!" or
    "?", possibly followed by a closing quote or bracket, and not an abbreviation such as
    "Dr." or "U.S." -- when the next line starts with a capital letter, optionally after an
    opening quote or bracket. A colon is not a break: "X explains:" stays with its quotation.
    """
    blank = [not raw[s:e].strip() for s, e in lines]
    content = [i for i, is_blank in enumerate(blank) if not is_blank]
    if not content:
        return []
    by_blank_lines = any(blank[content[0] : content[-1] + 1])
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
            and _ends_sentence(raw[lines[current[-1]][0] : lines[current[-1]][1]])
            and _starts_sentence(raw[s:e])
        ):
            groups.append(current)
            current = []
        current.append(i)
    if current:
        groups.append(current)
    spans = (_span(raw, lines[g[0]][0], lines[g[-1]][1]) for g in groups)
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
            span = _span(raw, pos, a)
            if span is not None:
                pieces.append(span)
        pos = max(pos, b)
    span = _span(raw, pos, end)
    if span is not None:
        pieces.append(span)
    return pieces


@dataclass
class _ContactDraft:
    name: Span
    office: Span | None = None
    telephone: Span | None = None
    email: Span | None = None

    def freeze(self) -> Contact:
        return Contact(self.name, self.office, self.telephone, self.email)


def _parse_contacts(
    path: Path, raw: str, lines: list[tuple[int, int]], first: int
) -> tuple[list[Contact], int]:
    """Parse contacts from line index ``first`` on; return them and where the trailer starts.

    Contacts are separated by a line "or". Each is a name line, optionally one office line,
    then "Tel: ..." and/or "E-mail: ..." (whose address may follow HTML debris on the next
    lines). A line that holds a whole contact ("Jane Doe at IOM Geneva, Tel: ..., Email: ...")
    is read as an inline sentence. Any other text after a contact's fields is the trailer.
    """
    contacts: list[Contact] = []
    draft: _ContactDraft | None = None
    i = first
    while i < len(lines):
        s, e = lines[i]
        text = raw[s:e].strip()
        lineno = line_of(raw, s)
        if not text:
            i += 1
            continue
        if text.casefold() == "or":
            if draft is None and not contacts:
                raise KgError(path, lineno, "'or' in the contact block without a contact before")
            if draft is not None:
                contacts.append(draft.freeze())
            draft = None
            i += 1
            continue
        indent = len(raw[s:e]) - len(raw[s:e].lstrip())
        tel = _TELEPHONE.match(text)
        if tel:
            if draft is None or draft.telephone is not None:
                raise KgError(path, lineno, "telephone line without a contact name before it")
            draft.telephone = _span(raw, s + indent + tel.end(), e)
            i += 1
            continue
        if _EMAIL_LABEL.match(text):
            if draft is None or draft.email is not None:
                raise KgError(path, lineno, "e-mail line without a contact name before it")
            m = _EMAIL.match(raw, s + indent)
            group = "addr" if m and m.group("addr") else "mailto"
            if m is None or m.group(group) is None:
                # "E-mail:" with nothing after it: a contact without an address.
                i += 1
                continue
            addr_start, addr_end = _trim_address(raw, *m.span(group))
            draft.email = Span(addr_start, addr_end, raw[addr_start:addr_end])
            j = i
            while j + 1 < len(lines) and lines[j][1] < m.end():
                j += 1
            if raw[m.end() : lines[j][1]].strip():
                contacts.append(draft.freeze())
                return contacts, m.end()
            i = j + 1
            continue
        if draft is None and _INLINE_FIELD.search(text):
            # A whole contact on one line: read it (and what continues it) as a sentence.
            stop = _paragraph_end(raw, lines, i)
            found, end = _parse_inline_contacts(raw, s, stop)
            if not found:
                return contacts, s
            contacts += found
            if raw[end:stop].strip(" \t\r\n.,;:"):
                return contacts, end
            while i < len(lines) and lines[i][0] < stop:
                i += 1
            continue
        if draft is None:
            name = _span(raw, s, e)
            assert name is not None  # the line is not blank
            draft = _ContactDraft(name=name)
        elif draft.office is None and draft.telephone is None and draft.email is None:
            draft.office = _span(raw, s, e)
        else:
            contacts.append(draft.freeze())
            return contacts, s
        i += 1
    if draft is not None:
        contacts.append(draft.freeze())
    return contacts, len(raw)


def _trim_address(raw: str, start: int, end: int) -> tuple[int, int]:
    """An address's span without the sentence's punctuation around it: "E-mail: (a@b.org)."."""
    while end - start > 1 and raw[start] in "(":
        start += 1
    while end - start > 1 and raw[end - 1] in ".,;:)":
        end -= 1
    return start, end


def _paragraph_end(raw: str, lines: list[tuple[int, int]], i: int) -> int:
    """Where the paragraph holding line ``i`` ends: at the next blank line, or the text's end."""
    end = lines[i][1]
    for s, e in lines[i + 1 :]:
        if not raw[s:e].strip():
            break
        end = e
    return end


# --------------------------------------------------------------------------- inline contacts

# A field of an inline contact: its label ("Tel:", "Tel.", "Phone", "Mobile:", "Fax:",
# "E-mail:", "Email") or an address or international number standing alone.
# Without its colon a label is one only before what it labels: "Tel +41 ..." is a telephone,
# "IOM Tel Aviv" is not.
_LABEL = re.compile(
    r"""\b(?:(?P<tel>tel|telephone|phone|mobile|mob|cell)\b\.?[^\S\n]*(?::|(?=\s*[+(\d]))
        |(?P<fax>fax)\b\.?[^\S\n]*(?::|(?=\s*[+(\d]))
        |(?P<mail>e-?mail)\b\.?[^\S\n]*(?::|(?=\s*(?:"mailto:|<a\b|[\w.+-]+@))))[^\S\n]*""",
    re.IGNORECASE | re.VERBOSE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAILTO = re.compile(r"""(?:<a\b[^>]*?href\s*=\s*)?"mailto:(?P<mailto>[^"\s]+)"[^>]*>\s*""")
_PHONE = re.compile(
    r"""\+?[^\S\n]?[\d(][\d\s().\-/]{4,}\d(?:[^\S\n]*,?[^\S\n]*(?:ext|extension|x)\.?\s*\d+)?""",
    re.IGNORECASE,
)
# An international number (+41 ...) or a bracketed one may stand without its label.
_BARE_PHONE = re.compile(r"""(?:\+|\(\+?\d)[\d\s().\-/]{5,}\d""")
_INLINE_FIELD = re.compile(rf"{_LABEL.pattern}|{_ADDRESS.pattern}", re.IGNORECASE | re.VERBOSE)
# What may stand between two fields of one contact, or between two contacts.
_GLUE = re.compile(r"""[\s,.;:/|–—-]*(?:(?:or|and)\b[\s,:]*)?""", re.IGNORECASE)
_HONORIFIC = re.compile(r"(?:dr|mr|mrs|ms|mx|prof)\.?\s+", re.IGNORECASE)
# A person's name: capitalised words (particles such as "de", "van" may be lower case).
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:[^\S\n]+[\w’'.-]+){0,6}")


def _parse_inline_contacts(raw: str, start: int, end: int) -> tuple[list[Contact], int]:
    """The contacts of an inline sentence in ``raw[start:end]``, and where the last one ends.

    Each contact is a name, optionally its office ("NAME at OFFICE", "NAME, OFFICE", "NAME
    (OFFICE)"), then its fields in any order: "Tel: ...", "Email: ..." or an address or
    international number alone. Contacts are joined by "or", "and", commas or semicolons:
    "contact Jane Doe at IOM Mexico, Tel: +52 1, Email: jd@iom.int or John Roe, Email: ...".
    Reading stops at the first text that is neither a field nor the name of a next contact.
    """
    contacts: list[Contact] = []
    pos = start
    last_end = start
    while pos < end:
        contact, stop = _inline_contact(raw, pos, end)
        # A next contact is joined by "or", "and", a comma or a semicolon, and has a number
        # or an address: "Posted: Tuesday, 4 May" after a full stop is no contact.
        if contact is None or (contacts and contact.telephone is None and contact.email is None):
            break
        contacts.append(contact)
        last_end = stop
        glue = _GLUE.match(raw, stop, end)
        if not re.search(r"\b(?:or|and)\b|[,;]", glue.group(0), re.IGNORECASE):
            break
        pos = glue.end()
    return contacts, last_end


def _next_field(raw: str, pos: int, end: int):
    """The first field at or after ``pos``: (kind, field start, value span or None, end)."""
    label = _LABEL.search(raw, pos, end)
    address = _ADDRESS.search(raw, pos, end)
    mailto = _MAILTO.search(raw, pos, end)
    phone = _BARE_PHONE.search(raw, pos, end)
    found = []
    if label:
        kind = "tel" if label.group("tel") else "fax" if label.group("fax") else "mail"
        value = _field_value(raw, kind, label.end(), end)
        found.append((label.start(), kind, value, value[1] if value else label.end()))
    if mailto:
        s, e = _trim_address(raw, *mailto.span("mailto"))
        after = _ADDRESS.match(raw, mailto.end(), end)
        value = _trim_address(raw, *after.span()) if after else (s, e)
        found.append((mailto.start(), "mail", value, max(mailto.end(), value[1])))
    if address:
        value = _trim_address(raw, *address.span())
        found.append((address.start(), "mail", value, value[1]))
    if phone:
        found.append((phone.start(), "tel", phone.span(), phone.end()))
    if not found:
        return None
    return min(found, key=lambda f: f[0])


def _field_value(raw: str, kind: str, pos: int, end: int) -> tuple[int, int] | None:
    """The span of the number or address after a label at ``pos``, or None (a bare label)."""
    if kind == "mail":
        m = _MAILTO.match(raw, pos, end)
        after = m.end() if m else pos
        addr = _ADDRESS.match(raw, after, end)
        if addr:
            return _trim_address(raw, *addr.span())
        if m:
            return _trim_address(raw, *m.span("mailto"))
        return None
    m = _PHONE.match(raw, pos, end)
    if m is None:
        return None
    stop = m.end()
    while stop > m.start() and raw[stop - 1] in " .-/(":
        stop -= 1
    return m.start(), stop


def _inline_contact(raw: str, pos: int, end: int) -> tuple[Contact | None, int]:
    """One contact from ``pos``: its name (and office), then its fields; and where it ends."""
    field = _next_field(raw, pos, end)
    lead_end = field[0] if field else end
    name, office = _name_and_office(raw, pos, lead_end)
    if name is None:
        return None, pos
    telephone = email = None
    stop = max(s.end for s in (name, office) if s is not None)
    while field is not None and field[0] == lead_end:
        _, kind, value, field_end = field
        if value is not None and kind == "tel" and telephone is None:
            telephone = Span(value[0], value[1], normalize_whitespace(raw[value[0] : value[1]]))
        elif value is not None and kind == "mail" and email is None:
            email = Span(value[0], value[1], raw[value[0] : value[1]])
        stop = field_end
        lead_end = _GLUE.match(raw, field_end, end).end()
        field = _next_field(raw, lead_end, end)
    return Contact(name, office, telephone, email), stop


def _name_and_office(raw: str, start: int, end: int) -> tuple[Span | None, Span | None]:
    """The name and office in ``raw[start:end]``: "Jane Doe at IOM Mexico,", "Dr. Jane Doe,
    Head of Unit, IOM Mexico" (the last part is the office), "Jane Doe (IOM Mexico)"."""
    text = raw[start:end]
    # What precedes the last colon is a heading ("In Geneva: Jane Doe").
    colon = text.rfind(":")
    if colon >= 0:
        start += colon + 1
    while start < end and (raw[start].isspace() or raw[start] in ",;:-–—"):
        start += 1
    m = _HONORIFIC.match(raw, start, end)
    if m:
        start = m.end()
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in ",;:.(–—-"):
        end -= 1
    # "Jane Doe at" before a field: the "at" introduces the field, not an office.
    at_end = re.search(r"\s+(?:at|on|via|by)$", raw[start:end], re.IGNORECASE)
    if at_end:
        end = start + at_end.start()
    if start >= end:
        return None, None
    text = raw[start:end]
    split = re.search(r"\s+at\s+|\s*\(\s*", text)
    if split:
        name_end, office_start = start + split.start(), start + split.end()
    elif "," in text:
        name_end, office_start = start + text.index(","), start + text.rindex(",") + 1
    else:
        name_end, office_start = end, end
    name = _span(raw, start, name_end)
    if name is None or not _NAME.fullmatch(name.text) or any(c.isdigit() for c in name.text):
        return None, None
    office_end = end
    while office_end > office_start and raw[office_end - 1] in ")":
        office_end -= 1
    office = _span(raw, office_start, office_end)
    return name, office


# --------------------------------------------------------------------------- reading


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
    title = _span(raw, title_start, title_end)
    assert title is not None
    if _CONTACT_HEADER.fullmatch(title.text.lstrip("\ufeff")):
        raise KgError(path, title_idx + 1, "no title found before the contact block")

    header_idx = None
    inline = False
    for i in range(title_idx + 1, len(lines)):
        s, e = lines[i]
        text = raw[s:e].strip()
        header = _CONTACT_HEADER.match(text)
        if header is None:
            continue
        header_idx = i
        inline = bool(text[header.end() :].strip())
        break

    body_end = header_idx if header_idx is not None else len(lines)
    paragraphs = _split_paragraphs(raw, lines[title_idx + 1 : body_end])
    if not paragraphs:
        raise KgError(path, title_idx + 2, "no paragraphs between the title and the contacts")

    contacts: list[Contact] = []
    trailer_start = len(raw)
    if header_idx is not None and inline:
        s, e = lines[header_idx]
        lead = _CONTACT_HEADER.match(raw, s + len(raw[s:e]) - len(raw[s:e].lstrip()))
        stop = _paragraph_end(raw, lines, header_idx)
        contacts, trailer_start = _parse_inline_contacts(raw, lead.end(), stop)
        if not contacts:
            trailer_start = s  # not a contact after all: the sentence is kept as the trailer
    elif header_idx is not None:
        contacts, trailer_start = _parse_contacts(path, raw, lines, header_idx + 1)
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
