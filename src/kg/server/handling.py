"""What the routes of `kg serve` share: the content types of the documents they answer
with, a request's parameters, form and client as the routes read them, and plain-text answers.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message
from email.utils import collapse_rfc2231_value
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

from kg.server import conneg
from kg.server.headers import MAX_FIELDS, client_of, too_many_fields

FORMAT_LABELS = {
    "html": "HTML",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "rdfxml": "RDF/XML",
    "jsonld": "JSON-LD",
}
RDF_MEDIA = {key: media for key, (media, _) in conneg.RDF_FORMATS.items()}
RDF_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "text": "text/plain; charset=utf-8",
}


class FormError(ValueError):
    """A form body kg does not read (the message is the one-line reason)."""


# A byte that is not UTF-8, as `surrogateescape` keeps it in a text.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def form_items(body: bytes) -> list[tuple[str, str]]:
    """The fields of an `application/x-www-form-urlencoded` body, or of a query string (its
    bytes, `scope["query_string"]`); FormError past MAX_FIELDS (counted before parsing, as the
    query string's are by `FieldLimit`), or for a field that is not UTF-8 once its %-escapes
    are read: the protocol's parameters are UTF-8, and bytes that are not were read as U+FFFD,
    another query than the one sent."""
    text = body.decode("utf-8", "surrogateescape")
    if too_many_fields(text):
        raise FormError(f"Bad Request: the form has more than {MAX_FIELDS:,} fields")
    items = parse_qsl(
        text,
        keep_blank_values=True,
        max_num_fields=MAX_FIELDS,
        encoding="utf-8",
        errors="surrogateescape",
    )
    for name, value in items:
        found = _NOT_UTF8.search(name) or _NOT_UTF8.search(value)
        if found:
            shown = _NOT_UTF8.sub("\N{REPLACEMENT CHARACTER}", name)[:100]
            raise FormError(
                f"Bad Request: the parameter {shown!r} holds the byte "
                f"0x{ord(found[0]) - 0xDC00:02X}, which is not UTF-8: send its text in UTF-8, "
                "percent-encoded (SPARQL 1.1 Protocol)"
            )
    return items


def parameters(request: Request) -> list[tuple[str, str]]:
    """The parameters of a request's query string, read as `form_items` reads a form."""
    return form_items(request.scope.get("query_string", b""))


def query_text(body: bytes) -> str:
    """The text of an `application/sparql-query` body, which is always UTF-8 (the media
    type's registration); FormError naming the first byte that is not."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError(
            f"Bad Request: the query is not UTF-8 (the byte 0x{body[exc.start]:02X} at offset "
            f"{exc.start:,}): send it in UTF-8, as application/sparql-query always is"
        ) from None


# The longest Content-Type read (`application/x-www-form-urlencoded; charset=utf-8` is 48
# characters): the parser of MIME parameters copies the rest of the header at each `;`, and a
# header of 400 KB of semicolons took seconds of the event loop (32 KiB, 0.1 s a request).
MAX_CONTENT_TYPE = 1024


def content_type(request: Request) -> tuple[str, str | None]:
    """The media type of a request's body (lower case) and the charset it names, read by
    the rules of MIME parameters (quoted or not, any case, spaces); a header longer than
    MAX_CONTENT_TYPE names no media type (""), and is refused as one kg does not read."""
    header = request.headers.get("content-type", "")
    if len(header) > MAX_CONTENT_TYPE:
        return "", None
    message = Message()
    message["content-type"] = header
    media = message.get_content_type()  # text/plain when it is no media type
    charset = message.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231's charset'language'value
        charset = collapse_rfc2231_value(charset)
    return media, charset


def charset_refused(charset: str | None) -> Response | None:
    """415 for a body in another encoding than UTF-8 (or ASCII, a part of it): the SPARQL
    1.1 Protocol's bodies are UTF-8, and a charset that was not read decoded a query in
    ISO-8859-1 as UTF-8, its letters U+FFFD."""
    if charset is None:
        return None
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        name = None
    if name in ("utf-8", "ascii"):
        return None
    return plain_text(
        415,
        f"Unsupported Media Type: the body says charset={charset[:100]!r}; this endpoint "
        "reads SPARQL 1.1 Protocol bodies in UTF-8 only: send it in UTF-8 (charset=utf-8)",
    )


def named_node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def client_of_request(request: Request) -> str:
    """Who sends a request, for the per-client share of the query workers: its address (the
    one a trusted proxy forwards, see `--forwarded-allow-ips`), as `client_of` names it."""
    return client_of(request.client.host if request.client else "")


def kept_parameters(request: Request, *names: str) -> list[tuple[str, str]]:
    """The request's parameters of these names, as the links to other pages keep them."""
    return [(k, v) for k, v in request.query_params.multi_items() if k in names]


def unknown_format(name: str, offered) -> Response:
    """400 for a `format=` value no route of this kind offers, naming those it does."""
    return plain_text(
        400, f"Bad Request: unknown format {name!r}; use one of " + ", ".join(offered)
    )


def plain_text(status: int, message: str, detail: str | None = None) -> Response:
    """A one-line answer; with `detail`, `message` is the status's phrase before it."""
    if detail is not None:
        message = f"{message}: {detail}"
    return Response(message.rstrip() + "\n", status, media_type="text/plain; charset=utf-8")
