"""The characters the server's XML and HTML can carry.

Oxigraph's writers of SPARQL XML results and RDF/XML put a literal's characters in as they are:
NUL and the other characters XML 1.0 cannot carry (its Char production leaves out the C0
controls but tab, line feed and carriage return, and U+FFFE and U+FFFF), after which no XML
parser reads the answer, and a carriage return, which every parser reads as a line feed (XML 1.0
section 2.11), another literal. RDF/XML cannot name a predicate whose IRI does not end in an XML
name either, and Oxigraph then wrote an element of no name (`<oxprefix:>`).

A carriage return is written as the reference `&#13;`, which is the same character once read;
an answer holding what XML cannot carry is refused (`NotXml`, which the server answers with
406, naming the character or the predicate and the formats that carry it): a literal changed
to fit would be wrong data given as right.

HTML pages show a value's characters that HTML drops or cannot tell apart (NUL, which a browser
leaves out, and the other controls but tab, line feed, form feed and carriage return, and the
noncharacters) as a visible sign of one character: a C0 control as its Control Picture (U+2400
to U+241F, `␀` for NUL), DEL as `␡`, the others as U+FFFD, so that a page never shows a value
other than it is without saying so, and is no longer than the values it shows (an escape of
six characters a character made a page of 2,000,000 characters of values twelve million).
"""

from __future__ import annotations

import re
from xml.parsers import expat

from markupsafe import Markup

# What XML 1.0 cannot carry, in UTF-8: single bytes (no byte of a longer sequence is below
# 0x80), and U+FFFE and U+FFFF (EF BF BE, EF BF BF). Surrogates are never UTF-8.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
_CARRIAGE_RETURN = b"\r"
_CR_REFERENCE = b"&#13;"


class NotXml(ValueError):
    """An answer XML cannot carry: `character` is the first character it cannot, or
    `predicate` the IRI RDF/XML cannot name."""

    def __init__(self, character: str | None = None, predicate: str | None = None) -> None:
        self.character, self.predicate = character, predicate
        super().__init__(self.message("XML"))

    def message(self, what: str, formats: str = "") -> str:
        if self.character is not None:
            problem = f"a literal holds U+{ord(self.character):04X}, which XML 1.0 cannot carry"
        elif self.predicate is not None:
            problem = f"the predicate <{self.predicate[:200]}> has no name RDF/XML can write"
        else:
            problem = "it cannot be written as well-formed XML"
        return f"Not Acceptable: the {what} is not available as XML: {problem}" + (
            f"; ask for it as {formats}" if formats else ""
        )


def _found(match: re.Match) -> NotXml:
    return NotXml(match[0].decode("utf-8"))


class XmlOutput:
    """A binary output for an XML writer that passes on what it is written with each carriage
    return as `&#13;`, and raises NotXml (kept in `refused`) at a character XML cannot carry;
    a character split across two writes is seen whole."""

    def __init__(self, out) -> None:
        self.out = out
        self.tail = b""  # the last bytes written, which a character may go on from
        self.refused: NotXml | None = None

    def write(self, data) -> int:
        data = bytes(data)
        found = _NOT_XML.search(self.tail + data)
        if found:
            self.refused = _found(found)
            raise self.refused
        self.tail = (self.tail + data)[-2:]
        self.out.write(data.replace(_CARRIAGE_RETURN, _CR_REFERENCE))
        return len(data)

    def flush(self) -> None:
        pass


def xml_document(data: bytes, predicates=()) -> bytes:
    """A whole XML document as `XmlOutput` writes it, read by an XML parser: NotXml when it is
    not well-formed, naming which of `predicates` (IRIs) RDF/XML could not name."""
    found = _NOT_XML.search(data)
    if found:
        raise _found(found)
    data = data.replace(_CARRIAGE_RETURN, _CR_REFERENCE)
    if not _well_formed(data):
        raise NotXml(predicate=_unnamed(predicates))
    return data


def _well_formed(data: bytes) -> bool:
    """Whether `data` is XML with namespaces (`<p:>` is an XML name, but no qualified one)."""
    try:
        expat.ParserCreate(namespace_separator=" ").Parse(data, True)
    except expat.ExpatError:
        return False
    return True


def _unnamed(predicates) -> str | None:
    """The first predicate an RDF/XML document of one triple of it is not well-formed for."""
    import pyoxigraph as ox

    subject, value = ox.NamedNode("http://example.org/s"), ox.Literal("")
    for iri in dict.fromkeys(predicates):
        data = ox.serialize(
            [ox.Triple(subject, ox.NamedNode(iri), value)], format=ox.RdfFormat.RDF_XML
        )
        if not _well_formed(data):
            return iri
    return None


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def _noncharacters() -> str:
    planes = "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    return "\ufdd0-\ufdef" + planes


_NOT_HTML = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f{_noncharacters()}]")


def _sign(match: re.Match) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block, in the C0 controls' order
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(value):
    """A template's value with the characters HTML cannot show as signs (`␀`); a Markup value
    stays Markup (a sign is text, safe anywhere)."""
    if not isinstance(value, str) or not _NOT_HTML.search(value):
        return value
    shown = _NOT_HTML.sub(_sign, value)
    return Markup(shown) if isinstance(value, Markup) else shown
