"""What the routes of `kg serve` share: the content types of the documents they answer
with, a request's parameters, form and client as the routes read them, and plain-text answers.
"""

from __future__ import annotations

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


def form_items(body: bytes) -> list[tuple[str, str]]:
    """The fields of an `application/x-www-form-urlencoded` body; FormError past MAX_FIELDS
    (counted before parsing, as the query string's are by `FieldLimit`)."""
    text = body.decode("utf-8", "replace")
    if too_many_fields(text):
        raise FormError(f"Bad Request: the form has more than {MAX_FIELDS:,} fields")
    return parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)


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


def plain_text(status: int, message: str) -> Response:
    return Response(message.rstrip() + "\n", status, media_type="text/plain; charset=utf-8")
