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
"""

from __future__ import annotations

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


def check_page(data: bytes, where: Path | str) -> None:
    """KgError when the HTML page `data` has more elements or attributes than a release's page
    (MAX_ELEMENTS, MAX_ATTRIBUTES, MAX_ELEMENT_ATTRIBUTES); what the parser cannot read at all
    is left to the reading of the page, which says so."""
    from lxml import etree

    try:
        etree.fromstring(data, etree.HTMLParser(target=_Counter()))
    except _PastBound as exc:
        raise KgError(
            where, None, f"{exc}: not one press release's page (kg add reads no such page)"
        ) from None
    except (etree.Error, ValueError):
        return
