"""Curation values checked and turned into RDF terms.

Each check raises a `KgError` at the line of the value (or of the item) it rejects, so a
curator sees where a document or reference file is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from kg.build.curation import Mapping, Sequence, Text, Where
from kg.build.ingest import normalize_whitespace

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$")


def require(item: Mapping, key: str) -> Text:
    """The non-empty text of `key` in `item`, else a KgError at the item."""
    value = item.get(key)
    if value is None or not isinstance(value, Text) or not value.strip():
        raise item.where.error(f"missing {key!r}")
    return value


def require_slug(item: Mapping, key: str = "id") -> Text:
    """The identifier of `key` in `item`: a slug (a-z, 0-9, single hyphens)."""
    value = require(item, key)
    if not SLUG.match(value):
        raise item.at(key).error(f"{key} {value!r} is not a slug (a-z, 0-9, single hyphens)")
    return value


def list_of_mappings(node, path: Path, what: str) -> list[Mapping]:
    """A section or file that must be a list of mappings (absent: none)."""
    if node is None:
        return []
    if not isinstance(node, Sequence) or not all(isinstance(i, Mapping) for i in node):
        where = getattr(node, "where", Where(path, 1))
        raise where.error(f"{what} must be a list of mappings")
    return list(node)


def check_keys(item: Mapping, allowed: Iterable[str]) -> None:
    """A KgError at the first key of `item` that is not `allowed` (a misspelt field)."""
    allowed = set(allowed)
    for key in item:
        if key not in allowed:
            raise item.at(key).error(
                f"unknown field {key!r}; expected one of: {', '.join(sorted(allowed))}"
            )


def en(text: str) -> Literal:
    """An English literal, whitespace normalized."""
    return Literal(normalize_whitespace(text), lang="en")


def quotes_of(item: Mapping) -> list[Text]:
    """The quotes (`quote` or `quotes`) that ground an item: at least one, none empty."""
    if item.get("quote") is not None and item.get("quotes") is not None:
        raise item.at("quotes").error("give either quote or quotes, not both")
    if item.get("quote") is not None:
        quotes = [item["quote"]]
    elif isinstance(item.get("quotes"), Sequence) and item["quotes"]:
        quotes = list(item["quotes"])
    else:
        raise item.where.error("missing quote: every item needs the words that state it")
    for quote in quotes:
        if not isinstance(quote, Text) or not quote.strip():
            raise item.where.error("a quote must be non-empty text")
    return quotes


def date_literal(value: Text) -> Literal:
    """An ISO 8601 date (2007, 2007-11, 2007-11-15) as xsd:gYear, gYearMonth or date."""
    match = DATE.match(str(value))
    if not match:
        raise value.where.error(
            f"{str(value)!r} is not an ISO 8601 date (2007, 2007-11, 2007-11-15)"
        )
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise value.where.error(f"{str(value)!r} is not a valid date")
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(str(value), datatype=datatype)


def number_literal(value: Text) -> Literal:
    """A number as written in digits: an xsd:integer when whole, else an xsd:decimal."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise value.where.error(
            f"{str(value)!r} is not a number (write digits without separators: 20000)"
        )
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:  # pragma: no cover - the pattern above excludes this
        raise value.where.error(f"{str(value)!r} is not a number") from exc
    if number == number.to_integral_value():
        return Literal(int(number))
    return Literal(number, datatype=XSD.decimal)


def shortened(text: str, limit: int = 90) -> str:
    """`text` cut to `limit` characters with an ellipsis, for labels."""
    text = normalize_whitespace(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
