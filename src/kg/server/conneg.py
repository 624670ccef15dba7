"""HTTP content negotiation (RFC 9110, section 12): pick what to send from what is offered.

A client states its preferences in `Accept` (media ranges with q-values); a client that cannot
set headers names a format in a `format` parameter or by a file suffix. The server offers media
types in its own order of preference, which breaks ties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Linked Data formats: key -> (media type, suffix). Keys double as `format=` values.
RDF_FORMATS = {
    "html": ("text/html", "html"),
    "turtle": ("text/turtle", "ttl"),
    "ntriples": ("application/n-triples", "nt"),
    "rdfxml": ("application/rdf+xml", "rdf"),
    "jsonld": ("application/ld+json", "jsonld"),
}
SUFFIXES = {suffix: key for key, (_, suffix) in RDF_FORMATS.items()}

# Other names clients use for the same formats.
FORMAT_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "xml": "rdfxml",
    "rdf+xml": "rdfxml",
    "json-ld": "jsonld",
    "json": "jsonld",
    "htm": "html",
}
MEDIA_ALIASES = {
    "application/xhtml+xml": "html",
    "application/x-turtle": "turtle",
    "text/plain+ntriples": "ntriples",
}


# RFC 9110 section 5.6: a list of elements separated by commas, an element's parameters by
# semicolons, a parameter value a token or a quoted-string (in which "," ";" and "=" are text).
_LEXEME = re.compile(r'"(?:[^"\\]|\\.)*"?|[^",;]+|[,;]')
# How much of an Accept header is read: its first MAX_ACCEPT_LENGTH characters (cut after the
# last whole range in them) and, of those, the first MAX_RANGES media ranges. Browsers and RDF
# clients send a few hundred characters and a dozen ranges; a header may reach the server as
# long as a request line (hundreds of kilobytes), and reading it whole, on the server's event
# loop, held every other request (400 KB of commas took 3 s a request, once per negotiation).
MAX_ACCEPT_LENGTH = 4096
MAX_RANGES = 64
# A weight: a decimal from 0 to 1 (RFC 9110 section 12.4.2 allows at most three decimals; the
# ".2" some clients send is read too), of at most MAX_WEIGHT_LENGTH characters. Anything else
# is not a weight. The pattern gives back one digit at a time when it fails: `\d+\.?\d*` took
# each digit back into `\d*` again, and a weight of 4,000 digits and a letter cost 0.3 s of the
# event loop each time a header was read.
MAX_WEIGHT_LENGTH = 16
_QVALUE = re.compile(r"\d+(?:\.\d*)?|\.\d+", re.ASCII)


def _elements(header: str) -> list[list[str]]:
    """The elements of a header list, each as its fields (the media range, then parameters),
    split at commas and semicolons outside quoted strings."""
    elements, fields, field = [], [], ""
    for lexeme in _LEXEME.findall(header):
        if lexeme in (",", ";"):
            fields.append(field.strip())
            field = ""
            if lexeme == ",":
                elements.append(fields)
                fields = []
        else:
            field += lexeme
    fields.append(field.strip())
    elements.append(fields)
    return elements


def _weight(value: str) -> float:
    """The q-value of a weight; 0 (not acceptable) when it cannot be read as one."""
    value = value.strip()
    if len(value) > MAX_WEIGHT_LENGTH or not _QVALUE.fullmatch(value):
        return 0.0
    q = float(value)
    return q if 0.0 <= q <= 1.0 else 0.0


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values; no header accepts anything.

    Media-type parameters (`;charset=utf-8`, `;profile="..."`, quoted values with commas and
    semicolons) do not change which types a range matches. A range whose weight cannot be
    read (`q=abc`, `q=1.5`, `q=nan`) is not acceptable (q=0), never taken as q=1. Only the
    ranges in the first MAX_ACCEPT_LENGTH characters are read, at most MAX_RANGES of them:
    what follows is as if it were not there."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for media, q in weighted_elements(header):
        media = media.lower()
        ranges.append(("*/*" if media == "*" else media, q))  # some clients send a bare "*"
    return ranges


def weighted_elements(header: str) -> list[tuple[str, float]]:
    """The elements of an Accept-like header (Accept, Accept-Profile) with their weights, as
    written (case kept: profile IRIs compare as they are): only those in the first
    MAX_ACCEPT_LENGTH characters, at most MAX_RANGES; a weight that cannot be read is 0."""
    if len(header) > MAX_ACCEPT_LENGTH:
        cut = header[:MAX_ACCEPT_LENGTH]
        # The elements before the last comma are whole; one cut short could be misread
        # (`text/csv;q=0.1` read as `text/csv`).
        header = cut.rpartition(",")[0] or cut
    out = []
    for fields in _elements(header):
        name = fields[0].strip()
        if not name:
            continue
        if len(out) == MAX_RANGES:
            break
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                q = _weight(value)
                break  # what follows the weight are extensions, not media-type parameters
        out.append((name, q))
    return out


def quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives a media type (0 when none)."""
    kind = media_type.split("/", 1)[0]
    best, specificity = 0.0, -1
    for media, q in ranges:
        if media == media_type:
            rank = 2
        elif media == f"{kind}/*":
            rank = 1
        elif media == "*/*":
            rank = 0
        else:
            continue
        if rank > specificity:
            best, specificity = q, rank
    return best


def negotiate(header: str | None, offered: Iterable[str]) -> str | None:
    """The offered media type the client prefers (ties go to the first offered), or None
    when it accepts none of them."""
    ranges = parse_accept(header)
    choice, choice_q = None, 0.0
    for media in offered:
        q = quality(media, ranges)
        if q > choice_q:
            choice, choice_q = media, q
    return choice


ONCE = "Bad Request: format: give it once"


def requested_format(params) -> str | None:
    """The `format=` parameter of a request's query (None: not given). Given more than once,
    ValueError: which of two formats to send is not the server's guess."""
    values = params.getlist("format")
    if len(values) > 1:
        raise ValueError(ONCE)
    return values[0] if values else None


def rdf_format(name: str) -> str | None:
    """The RDF_FORMATS key for a `format=` value or suffix, or None."""
    name = name.strip().lower()
    if name in RDF_FORMATS:
        return name
    return FORMAT_ALIASES.get(name) or SUFFIXES.get(name)


def negotiate_rdf(header: str | None, keys: Iterable[str] = tuple(RDF_FORMATS)) -> str | None:
    """The RDF_FORMATS key (or alias target) the Accept header prefers among `keys`."""
    keys = list(keys)
    offered = {RDF_FORMATS[k][0]: k for k in keys}
    offered.update({m: k for m, k in MEDIA_ALIASES.items() if k in keys})
    media = negotiate(header, offered)
    return offered[media] if media else None
