"""Press contacts: the block or sentence that ends a press release, naming whom to contact.

Two layouts: a block headed by a line "For more information, please contact:" with a name,
an office, "Tel: ..." and "E-mail: ..." on lines of their own (:func:`parse_contact_block`),
or an inline sentence "... please contact NAME at OFFICE, Tel: ..., Email: ..."
(:func:`parse_inline_contacts`). E-mail addresses may follow HTML debris of scraped links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.build.sourcetext import Contact, Span, line_of, normalize_whitespace, trimmed_span
from kg.errors import KgError

# What introduces the press contacts: "For more information, please contact:", "For further
# information on the project please contact", "Media contacts:", "For press enquiries, contact".
# On a line of its own it heads a block of contacts; followed by text on its line, it opens one
# inline sentence ("... contact NAME at OFFICE, Tel: ..., Email: ...").
CONTACT_HEADER = re.compile(
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


@dataclass
class _ContactDraft:
    name: Span
    office: Span | None = None
    telephone: Span | None = None
    email: Span | None = None

    def freeze(self) -> Contact:
        return Contact(self.name, self.office, self.telephone, self.email)


def parse_contact_block(
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
            draft.telephone = trimmed_span(raw, s + indent + tel.end(), e)
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
            stop = paragraph_end(raw, lines, i)
            found, end = parse_inline_contacts(raw, s, stop)
            if not found:
                return contacts, s
            contacts += found
            if raw[end:stop].strip(" \t\r\n.,;:"):
                return contacts, end
            while i < len(lines) and lines[i][0] < stop:
                i += 1
            continue
        if draft is None:
            name = trimmed_span(raw, s, e)
            assert name is not None  # the line is not blank
            draft = _ContactDraft(name=name)
        elif draft.office is None and draft.telephone is None and draft.email is None:
            draft.office = trimmed_span(raw, s, e)
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


def paragraph_end(raw: str, lines: list[tuple[int, int]], i: int) -> int:
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


def parse_inline_contacts(raw: str, start: int, end: int) -> tuple[list[Contact], int]:
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
    name = trimmed_span(raw, start, name_end)
    if name is None or not _NAME.fullmatch(name.text) or any(c.isdigit() for c in name.text):
        return None, None
    office_end = end
    while office_end > office_start and raw[office_end - 1] in ")":
        office_end -= 1
    office = trimmed_span(raw, office_start, office_end)
    return name, office
