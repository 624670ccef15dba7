"""The shape of a page `kg add` is given, checked before the page is read as a release
(`pages.read_page`, so that every caller of `add` is guarded, the command or a program).

`kg add` reads a page with lxml, then trafilatura reads it again (lxml, several passes over the
tree). Building lxml's tree is quadratic in the attributes of one element (a `<p>` of 200,000
attributes, 2.2 MB, had not been read after four minutes), and trafilatura grows faster than
the elements of the page (300,000 empty paragraphs, 3.3 MB: over four minutes, 520 MB; 2,000
elements of 256 attributes, 1.3 MB: 780 MB). A press release page has some thousands of
elements of a few attributes each, so the page's elements and attributes are counted first by
the same parser (libxml2's HTML parser) handing them to a counter one by one, which builds no
tree and takes linear time, and a page past a bound is refused with a one-line reason.

The count, lxml and trafilatura must read the same document. Given bytes, each decodes them
its own way: libxml2 obeys a `<meta charset="utf-16">` and reads an ASCII page as UTF-16 (a few
elements of CJK text, counted as nothing), while trafilatura guesses UTF-8 and reads every
tag. So the page is decoded once (`decode_page`), and all three are given that text.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from kg.errors import KgError

# The bounds of a page: a release's page has some thousands of elements (the largest
# documentation pages, 4 MB, have 90,000 and 95,000 attributes), each with a few attributes.
MAX_ELEMENTS = 50_000
MAX_ATTRIBUTES = 100_000
MAX_ELEMENT_ATTRIBUTES = 1_000


class _PastBound(Exception):
    """The page has more than one of the bounds allows (the message says which)."""


class _Counter:
    """A parser target (lxml) that counts the elements and attributes it is given and stops
    the parse at the first past a bound."""

    def __init__(self) -> None:
        self.elements = 0
        self.attributes = 0

    def start(self, tag, attrib) -> None:
        self.elements += 1
        self.attributes += len(attrib)
        if len(attrib) > MAX_ELEMENT_ATTRIBUTES:
            raise _PastBound(
                f"an element <{str(tag)[:20]}> with more than {MAX_ELEMENT_ATTRIBUTES:,} attributes"
            )
        if self.elements > MAX_ELEMENTS:
            raise _PastBound(f"more than {MAX_ELEMENTS:,} elements")
        if self.attributes > MAX_ATTRIBUTES:
            raise _PastBound(f"more than {MAX_ATTRIBUTES:,} attributes")

    def end(self, tag) -> None:
        pass

    def data(self, data) -> None:
        pass

    def comment(self, text) -> None:
        pass

    def close(self) -> None:
        return None


# Byte order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_page(data: bytes) -> str:
    """The text of a saved page: by its byte order mark; else UTF-8 when it is valid UTF-8;
    else the encoding trafilatura's detection finds (as it would decode the page itself, but
    never decompressing: a page is not a gzip file). A `<meta charset>` is not obeyed: a
    declaration read in ASCII says the page is no UTF-16 (the HTML standard reads such a page
    as UTF-8). An XML declaration before the markup, meaningless once decoded (lxml refuses a
    decoded text that has one), is left out."""
    from trafilatura.utils import detect_encoding

    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            for guessed in detect_encoding(data):
                try:
                    text = data.decode(guessed)
                    break
                except (LookupError, UnicodeDecodeError):
                    continue
            else:
                text = data.decode("utf-8", errors="replace")
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if text.startswith("<?xml", start) and (end := text.find("?>", start)) >= 0:
        text = text[:start] + text[end + 2 :]
    return text


def check_page(data: bytes | str, where: Path | str) -> None:
    """KgError when the HTML page `data` (its text, `decode_page`; bytes are decoded so) has
    more elements or attributes than a release's page (MAX_ELEMENTS, MAX_ATTRIBUTES,
    MAX_ELEMENT_ATTRIBUTES); what the parser cannot read at all is left to the reading of the
    page, which says so."""
    from lxml import etree

    if isinstance(data, bytes):
        data = decode_page(data)

    try:
        etree.fromstring(data, etree.HTMLParser(target=_Counter()))
    except _PastBound as exc:
        raise KgError(
            where, None, f"{exc}: not one press release's page (kg add reads no such page)"
        ) from None
    except (etree.Error, ValueError):
        return
