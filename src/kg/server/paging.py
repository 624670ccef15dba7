"""Paged listings: the `page` and `limit` parameters, the slice of a listing they ask for, and
the links to its other pages.

Every listing of the site that grows with the corpus (the members of a class, the links to a
resource, the rows of a SPARQL result shown as HTML) is cut into pages. The parameters are
those of Prez and OGC API - Features: `page` counts from 1, `limit` is the number of items on
a page. Both come from the network, so they are parsed strictly: ASCII digits only (no sign,
space, `_`, exponent or other script's digits, all of which `int()` takes), at most as many
digits as their bound has, then bounded; anything else is refused with a one-line reason
(`PagingError`, answered 400). A page past the last one of its listing is `PastTheEnd`
(answered 404); page 1 of an empty listing exists and is empty.

The links to the other pages (first, prev, next, last) go into an RFC 8288 `Link` header
(https://www.rfc-editor.org/rfc/rfc8288#section-3, relation types from the IANA registry),
into the HTML page (`rel="next"` ...), and, for listings with an RDF form, into Hydra's
`hydra:PartialCollectionView` (https://www.hydra-cg.com/spec/latest/core/#collections).
Page 1 is the listing's own address, without `page=`; `limit=` is carried only when the
client gave it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pyoxigraph as ox

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_PAGE = 10_000_000
# The longest Link header of the links to a listing's other pages. They repeat what names the
# listing (the query page's query, four times, each percent-encoded: up to 12 characters a
# character), and a query of 3,000 characters made a head of 9 KB, past what nginx in front
# takes by default (4 or 8 KB: 502), what h11 clients read (16 KB) or, at 90,000 characters,
# Chrome (256 KB). Past it the links are in the page only.
MAX_LINK_HEADER = 2048
# Canonical whole numbers: no sign, no leading zero, ASCII digits only.
_WHOLE = re.compile(r"0|[1-9][0-9]*", re.ASCII)

HYDRA = "http://www.w3.org/ns/hydra/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Link relations (RFC 8288) and their Hydra properties.
RELATIONS = {"first": "first", "prev": "previous", "next": "next", "last": "last"}


class PagingError(ValueError):
    """A `page` or `limit` that is not allowed; the message is the one-line reason."""


class PastTheEnd(LookupError):
    """A page after the last page of its listing; the message is the one-line reason."""


@dataclass(frozen=True)
class Paging:
    """What the client asked for: page `page` of `limit` items (`limit_given`: it chose it)."""

    page: int = 1
    limit: int = DEFAULT_LIMIT
    limit_given: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def parse(
    params: Iterable[tuple[str, str]],
    default_limit: int = DEFAULT_LIMIT,
    max_limit: int = MAX_LIMIT,
) -> Paging:
    """The paging a request's parameters ask for (pairs of name and value, as a query string
    gives them): `page` from 1 to MAX_PAGE, `limit` from 1 to `max_limit`, each at most once;
    PagingError otherwise."""
    values: dict[str, list[str]] = {"page": [], "limit": []}
    for name, value in params:
        if name in values:
            values[name].append(value)
    page = whole_number("page", values["page"], MAX_PAGE)
    limit = whole_number("limit", values["limit"], max_limit)
    return Paging(page or 1, limit or default_limit, limit is not None)


def whole_number(name: str, values: list[str], highest: int) -> int | None:
    """The one value of parameter `name` as a whole number from 1 to `highest` (ASCII digits,
    no sign, space or leading zero), None when it is not given; PagingError otherwise."""
    if not values:
        return None
    if len(values) > 1:
        raise PagingError(f"{name}: give it once, not {len(values)} times")
    text = values[0]
    if len(text) <= len(str(highest)) and _WHOLE.fullmatch(text) and 1 <= int(text) <= highest:
        return int(text)
    shown = repr(text[:20]) + ("…" if len(text) > 20 else "")
    raise PagingError(f"{name}: a whole number from 1 to {highest:,}, not {shown}")


@dataclass(frozen=True)
class Page:
    """Page `number` of a listing of `total` items, `limit` a page."""

    number: int
    limit: int
    total: int

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.limit))

    @property
    def start(self) -> int:
        """The index of the page's first item (from 0)."""
        return (self.number - 1) * self.limit

    @property
    def end(self) -> int:
        """The index after the page's last item."""
        return min(self.start + self.limit, self.total)

    @property
    def several(self) -> bool:
        return self.last > 1


def page_of(paging: Paging, total: int, what: str) -> Page:
    """The page `paging` asks for of a listing of `total` items; PastTheEnd after its last
    page (`what` names the listing in the message)."""
    page = Page(paging.page, paging.limit, total)
    if paging.page > page.last:
        raise PastTheEnd(
            f"page {paging.page:,} is past the last page ({page.last:,}) of {what} "
            f"({total:,} at {paging.limit:,} a page)"
        )
    return page


def address(path: str, kept: Iterable[tuple[str, str]], paging: Paging, number: int) -> str:
    """The root-relative address of page `number` of a listing at `path`. `kept`: the
    parameters that name the listing itself (`iri=`, `query=`), in the order they are to
    appear; then `page` (not for page 1) and `limit` (when the client gave it)."""
    fields = list(kept) + ([("page", str(number))] if number > 1 else [])
    if paging.limit_given:
        fields.append(("limit", str(paging.limit)))
    return path + ("?" + urlencode(fields) if fields else "")


def links(path: str, kept: Iterable[tuple[str, str]], paging: Paging, page: Page) -> dict[str, str]:
    """The addresses of the other pages (`address`) by link relation: first, prev, next,
    last; none for a listing of one page."""
    if not page.several:
        return {}
    kept = list(kept)
    out = {"first": address(path, kept, paging, 1)}
    if page.number > 1:
        out["prev"] = address(path, kept, paging, page.number - 1)
    if page.number < page.last:
        out["next"] = address(path, kept, paging, page.number + 1)
    out["last"] = address(path, kept, paging, page.last)
    return out


def link_header(found: dict[str, str]) -> str | None:
    """An RFC 8288 Link header value for the links of `links`, or None when it would be
    longer than MAX_LINK_HEADER (the page itself has the links)."""
    value = ", ".join(f'<{as_uri(href)}>; rel="{rel}"' for rel, href in found.items())
    return value if len(value) <= MAX_LINK_HEADER else None


def link_headers(found: dict[str, str]) -> dict[str, str]:
    """The headers of a page with the links of `links`: a Link header if they have one."""
    value = link_header(found) if found else None
    return {"Link": value} if value else {}


def as_uri(iri: str) -> str:
    """An IRI as the URI a header can carry (RFC 3987 section 3.1): its characters outside
    ASCII, and the spaces, quotes and angle brackets no URI has, percent-encoded as UTF-8; a
    header is Latin-1 at most, and an IRI of the graph may name "Querétaro"."""
    return quote(iri, safe="%:/?#[]@!$&'()*+,;=-._~")


def hydra_view(
    collection: str, view: str, absolute: dict[str, str], total: int
) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """Hydra's description of a page: the collection's own triples (its type, its total and,
    when there are several pages, `hydra:view` this page) and the page's (a
    `hydra:PartialCollectionView` linking to the first, previous, next and last pages;
    `absolute`: the addresses of `links`, made absolute IRIs)."""
    node, page = ox.NamedNode(collection), ox.NamedNode(view)
    own = [
        ox.Triple(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(HYDRA + "Collection")),
        ox.Triple(node, ox.NamedNode(HYDRA + "totalItems"), ox.Literal(total)),
    ]
    if not absolute:
        return own, []
    own.append(ox.Triple(node, ox.NamedNode(HYDRA + "view"), page))
    views = [ox.Triple(page, ox.NamedNode(RDF_TYPE), ox.NamedNode(HYDRA + "PartialCollectionView"))]
    views += [
        ox.Triple(page, ox.NamedNode(HYDRA + RELATIONS[rel]), ox.NamedNode(href))
        for rel, href in absolute.items()
    ]
    return own, views
