"""Content negotiation by profile for the descriptions of things (`/id/...`, `/doc/...`).

W3C Content Negotiation by Profile (https://www.w3.org/TR/dx-prof-conneg/): a client names
the profile it wants, the information model a representation conforms to, beside the media
type it wants. Both of the specification's realisations are read here:

- HTTP headers (section 7.1): `Accept-Profile: <IRI>;q=0.9, <IRI>` (or a token without angle
  brackets), answered with `Content-Profile: <IRI>` and a `Link: <IRI>; rel="profile"`;
- query string arguments (section 7.2, "QSA"): `_profile=TOKEN` (or an IRI; a comma-separated
  list in order of preference), which wins over the header.

Every answer lists the other representations in its `Link` header (RFC 8288), each as
`rel="alternate"` with its `type` and `profile`, and `_profile=alt` (or the alternates
profile's IRI) answers the list itself, as HTML or in the specification's Alternate
Representations data model (ALTR). A profile kg does not give (unknown, or not for this kind
of thing) gets the default representation, and `Content-Profile` says which profile that is:
"When no profile or an unsupported profile is requested, a server returns default content"
(section 6.2). The profiles are described in PROF in `profiles.ttl` (configuration as RDF,
loaded; served at `/def/profiles`): which formats each is given in, which kinds of things it
describes, and of which formats it is the default.

Both come from the network and are read strictly: the header as Accept is (its first 4 KiB,
64 entries), `_profile` once, at most MAX_PARAMETER characters and MAX_NAMES names, no
whitespace or control characters; anything else is answered 400 with one line.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox
from starlette.responses import Response

from kg.server import conneg
from kg.server.paging import Paging, as_uri

PROFILES_IRI = "https://kg.example.org/def/profiles"
NS = PROFILES_IRI + "#"
SPECIFICATION = "https://www.w3.org/TR/dx-prof-conneg/"
# The alternates profile of the specification's QSA realisation, by the names clients use
# (the 2019 drafts had no "p" in "connegp").
ALT_IRI = "http://www.w3.org/ns/dx/connegp/altr"
ALT_NAMES = frozenset({"alt", ALT_IRI, "http://www.w3.org/ns/dx/conneg/altr"})
ALTR = "http://www.w3.org/ns/dx/connegp/altr#"
ALTR_EXT = "http://www.w3.org/ns/dx/connegp/altr-ext#"
PROF = "http://www.w3.org/ns/dx/prof/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
QB = "http://purl.org/linked-data/cube#"
PROV = "http://www.w3.org/ns/prov#"

PARAMETER = "_profile"
MAX_PARAMETER = 1000  # characters of `_profile`
MAX_NAMES = 16  # profiles named in one `_profile`
MEDIA_KEYS = {media: key for key, (media, _) in conneg.RDF_FORMATS.items()}
FORMAT_NAMES = {
    "html": "HTML",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "rdfxml": "RDF/XML",
    "jsonld": "JSON-LD",
}
# What evidence is made of: the annotations, the words they target and the selectors of those
# words (W3C Web Annotation), and the statements reifying a relation, which carry its evidence.
EVIDENCE_TYPES = tuple(
    ox.NamedNode(t)
    for t in (
        OA + "Annotation",
        OA + "SpecificResource",
        OA + "TextQuoteSelector",
        OA + "TextPositionSelector",
        RDF + "Statement",
    )
)
DEFAULT_GRAPH = ox.DefaultGraph()


class ProfileError(ValueError):
    """A `_profile` kg does not read; the message is the one-line reason."""


@dataclass(frozen=True)
class Profile:
    """One profile of `profiles.ttl`: its IRI, token, names and the formats it is given in
    (keys of `conneg.RDF_FORMATS`, in their order)."""

    iri: str
    token: str
    label: str
    description: str
    formats: tuple[str, ...]
    default_for: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()  # the things it describes (none: every thing)
    profile_of: tuple[str, ...] = ()


@dataclass
class Representation:
    """One representation of a thing's description: a profile in a format, at `href`."""

    profile: Profile | None  # None: the list of alternates
    fmt: str
    href: str

    @property
    def media(self) -> str:
        return conneg.RDF_FORMATS[self.fmt][0]

    @property
    def profile_iri(self) -> str:
        return self.profile.iri if self.profile else ALT_IRI


@dataclass
class Asked:
    """The profiles a request names: `names` (a profile, or None for the list of alternates,
    with its weight) in the client's order, and whether it named any, known or not."""

    names: list[tuple[Profile | None, float]] = field(default_factory=list)
    named: bool = False


# --------------------------------------------------------------------------------------------
# The profiles
# --------------------------------------------------------------------------------------------


@functools.cache
def graph() -> tuple[ox.Triple, ...]:
    """The triples of profiles.ttl."""
    text = importlib.resources.files("kg.server").joinpath("profiles.ttl").read_bytes()
    return tuple(q.triple for q in ox.parse(text, format=ox.RdfFormat.TURTLE))


@functools.cache
def profiles() -> tuple[Profile, ...]:
    """Every profile of profiles.ttl, in the order its document lists them."""
    by_subject: dict[str, dict[str, list]] = {}
    for t in graph():
        if isinstance(t.subject, ox.NamedNode):
            entry = by_subject.setdefault(t.subject.value, {})
            entry.setdefault(t.predicate.value, []).append(t.object)
    order = [o.value for o in by_subject[PROFILES_IRI][DCTERMS + "hasPart"]]
    order.sort(key=lambda iri: _position(iri))
    found = []
    for iri in order:
        entry = by_subject[iri]

        def values(predicate: str, entry=entry) -> list[str]:
            return [o.value for o in entry.get(predicate, [])]

        formats = {MEDIA_KEYS[m] for m in values(ALTR_EXT + "hasResourceFormat")}
        found.append(
            Profile(
                iri=iri,
                token=values(PROF + "hasToken")[0],
                label=values(RDFS + "label")[0],
                description=values(DCTERMS + "description")[0],
                formats=tuple(k for k in conneg.RDF_FORMATS if k in formats),
                default_for=frozenset(MEDIA_KEYS[m] for m in values(NS + "defaultFor")),
                classes=frozenset(values(ALTR_EXT + "constrainsClass")),
                profile_of=tuple(sorted(values(PROF + "isProfileOf"))),
            )
        )
    return tuple(found)


def _position(iri: str) -> int:
    """Where a profile comes in profiles.ttl (the order of its document's dcterms:hasPart is
    not kept by RDF): the order its subjects first appear in."""
    for number, t in enumerate(graph()):
        if t.subject.value == iri:
            return number
    return len(graph())


def named(name: str) -> Profile | None | bool:
    """The profile a name names (its token, or its IRI with or without angle brackets): a
    Profile, None for the list of alternates, False for a name kg does not know."""
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    if name in ALT_NAMES:
        return None
    for profile in profiles():
        if name in (profile.token, profile.iri):
            return profile
    return False


def default_for(fmt: str) -> Profile:
    for profile in profiles():
        if fmt in profile.default_for:
            return profile
    raise LookupError(fmt)


def available(site, iri: str) -> list[Profile]:
    """The profiles a thing's description is given in: those for every thing, and those for
    its classes (the Data Cube view: a press release with statistics, an observation)."""
    node = ox.NamedNode(iri)
    out = []
    for profile in profiles():
        if not profile.classes:
            out.append(profile)
        elif profile.token == "qb":  # a press release only when it states statistics
            if _is(site.store, node, QB + "Observation") or any(_observations(site.store, node)):
                out.append(profile)
        elif any(_is(site.store, node, c) for c in profile.classes):
            out.append(profile)
    return out


# --------------------------------------------------------------------------------------------
# Reading what a request asks for
# --------------------------------------------------------------------------------------------


def asked(items: Iterable[tuple[str, str]], header: str | None) -> Asked:
    """The profiles a request names: by `_profile` (first to last, in order of preference),
    else by `Accept-Profile`; ProfileError for a `_profile` kg does not read."""
    values = [value for key, value in items if key == PARAMETER]
    if len(values) > 1:
        raise ProfileError(f"{PARAMETER}: give it once, not {len(values)} times")
    if values:
        value = values[0]
        shown = repr(value[:40]) + ("…" if len(value) > 40 else "")
        if not value or len(value) > MAX_PARAMETER:
            raise ProfileError(
                f"{PARAMETER}: a profile's token or IRI of 1 to {MAX_PARAMETER:,} characters, "
                f"not {shown}"
            )
        if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
            raise ProfileError(f"{PARAMETER}: no spaces or control characters, not {shown}")
        names = value.split(",")
        if len(names) > MAX_NAMES:
            raise ProfileError(f"{PARAMETER}: at most {MAX_NAMES} profiles, not {len(names)}")
        out = Asked(named=True)
        for rank, name in enumerate(names):
            found = named(name)
            if found is not False:
                out.names.append((found, 1.0 - rank / 100))
        return out
    if header is None or not header.strip():
        return Asked()
    out = Asked(named=True)
    for name, q in _header_names(header):
        found = named(name)
        if found is not False:
            out.names.append((found, q))
    return out


def _header_names(header: str) -> list[tuple[str, float]]:
    """The names of an Accept-Profile header with their weights, read within the bounds of an
    Accept header (`conneg.weighted_elements`); names keep their case: IRIs are compared as
    they are."""
    return conneg.weighted_elements(header)


def choose(
    wanted: Asked, offered: list[Profile], accept: str | None, fixed: str | None
) -> Representation | None:
    """The representation to send: the profile the client prefers of those `offered` (the
    highest weight, then its order), in the format `fixed` (by a suffix or `format=`) or the
    one Accept prefers of that profile's; when it names none kg gives (or none in a format it
    accepts), the default profile of the format Accept prefers. None: no format is
    acceptable (406)."""
    alt = [q for profile, q in wanted.names if profile is None and q > 0]
    ranked = sorted(
        (
            (-q, rank, profile)
            for rank, (profile, q) in enumerate(wanted.names)
            if profile is not None and q > 0 and profile in offered
        ),
        key=lambda item: item[:2],
    )
    if alt and (not ranked or max(alt) >= -ranked[0][0]):
        fmt = fixed or conneg.negotiate_rdf(accept, tuple(conneg.RDF_FORMATS))
        return Representation(None, fmt, "") if fmt else None
    for _, _, profile in ranked:
        if fixed is not None:
            if fixed in profile.formats:
                return Representation(profile, fixed, "")
            continue
        fmt = conneg.negotiate_rdf(accept, profile.formats)
        if fmt is not None:
            return Representation(profile, fmt, "")
    formats = [k for k in conneg.RDF_FORMATS if any(k in p.formats for p in offered)]
    fmt = fixed if fixed in formats else None
    if fixed is None:
        fmt = conneg.negotiate_rdf(accept, formats)
    if fmt is None:
        return None
    return Representation(default_for(fmt), fmt, "")


# --------------------------------------------------------------------------------------------
# Addresses and headers
# --------------------------------------------------------------------------------------------


def href(doc_path: str, profile: Profile | None, fmt: str, suffixed: bool = False) -> str:
    """The address of a representation: the document with its format's suffix (none for
    HTML unless `suffixed`), and `_profile=` unless the profile is that format's default."""
    suffix = conneg.RDF_FORMATS[fmt][1]
    address = doc_path + ("" if fmt == "html" and not suffixed else "." + suffix)
    if profile is None:
        return address + "?" + urlencode({PARAMETER: "alt"})
    if fmt in profile.default_for:
        return address
    return address + "?" + urlencode({PARAMETER: profile.token})


def representations(doc_path: str, offered: list[Profile]) -> list[Representation]:
    """Every representation of a thing's description, by profile then format."""
    return [Representation(p, f, href(doc_path, p, f)) for p in offered for f in p.formats]


def link_header(iri: str, sent: Representation, others: list[Representation]) -> str:
    """The `Link` header of a representation (dx-prof-conneg section 7.1.1): the thing it
    describes, the profile it conforms to, and every other representation with its media type
    and profile."""
    links = [f'<{as_uri(iri)}>; rel="describes"', f'<{as_uri(sent.profile_iri)}>; rel="profile"']
    links += [
        f'<{as_uri(r.href)}>; rel="alternate"; type="{r.media}"; profile="{as_uri(r.profile_iri)}"'
        for r in others
        if (r.profile, r.fmt) != (sent.profile, sent.fmt)
    ]
    return ", ".join(links)


@dataclass
class Negotiated:
    """What a request for a thing's description gets: the representation, the others, and the
    headers of the answer (Content-Profile, Link, Vary, Content-Location)."""

    sent: Representation
    others: list[Representation]
    headers: dict[str, str]
    alt_href: str = ""  # the list of the representations, as a page

    def listing(self) -> list[dict]:
        """The representations by profile, for a page: each profile with its formats."""
        out: dict[str, dict] = {}
        for r in self.others:
            entry = out.setdefault(r.profile.iri, {"profile": r.profile, "formats": []})
            entry["formats"].append(
                {
                    "key": r.fmt,
                    "name": FORMAT_NAMES[r.fmt],
                    "media": r.media,
                    "href": r.href,
                    "current": (r.profile, r.fmt) == (self.sent.profile, self.sent.fmt),
                }
            )
        return list(out.values())


def negotiate(site, request, iri: str, doc_path: str, suffix: str | None) -> Negotiated | Response:
    """The representation of `iri`'s description that `request` asks for (`suffix`: the format
    its address names, if any), or the 400 or 406 answer."""
    fixed = suffix
    try:
        name = conneg.requested_format(request.query_params)
    except ValueError as exc:
        return _text(400, str(exc))
    if fixed is None and name:
        fixed = conneg.rdf_format(name)
        if fixed is None:
            return _text(
                400,
                f"Bad Request: unknown format {name[:40]!r}; use one of "
                + ", ".join(conneg.RDF_FORMATS),
            )
    try:
        wanted = asked(request.query_params.multi_items(), request.headers.get("accept-profile"))
    except ProfileError as exc:
        return _text(400, f"Bad Request: {exc}")
    offered = available(site, iri)
    sent = choose(wanted, offered, request.headers.get("accept"), fixed)
    others = representations(doc_path, offered)
    if sent is None:
        return _text(
            406,
            "Not Acceptable: available as "
            + ", ".join(sorted({r.media for r in others}))
            + f" ({PARAMETER}=alt lists each profile's formats)",
            {"Vary": "Accept, Accept-Profile"},
        )
    sent.href = href(doc_path, sent.profile, sent.fmt)
    headers = {
        "Content-Profile": f"<{as_uri(sent.profile_iri)}>",
        "Link": link_header(iri, sent, others),
        "Vary": "Accept-Profile" if suffix else "Accept, Accept-Profile",
    }
    if suffix is None:  # the variant sent, by its own address
        headers["Content-Location"] = as_uri(href(doc_path, sent.profile, sent.fmt, suffixed=True))
    return Negotiated(sent, others, headers, href(doc_path, None, "html"))


def _text(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message + "\n", status, headers=headers, media_type="text/plain; charset=utf-8")


# --------------------------------------------------------------------------------------------
# The representations
# --------------------------------------------------------------------------------------------


def triples(site, iri: str, profile: Profile, paging: Paging | None = None) -> list[ox.Triple]:
    """The triples of a thing's description in a profile; with `paging`, the links to it on
    that page only, and the evidence they reach (the Data Cube view, a document's
    observations, has no links to page)."""
    if profile.token == "facts":
        return facts(site, iri, paging)
    if profile.token == "evidence":
        return with_evidence(site, iri, paging)
    if profile.token == "qb":
        return cube(site, iri)
    return site.describe(iri, paging)


def _is(store, node, class_iri: str) -> bool:
    return any(
        True
        for _ in store.quads_for_pattern(
            node, ox.NamedNode(RDF_TYPE), ox.NamedNode(class_iri), DEFAULT_GRAPH
        )
    )


class _Evidence:
    """Whether a node is evidence (EVIDENCE_TYPES), looked up once a node."""

    def __init__(self, store) -> None:
        self.store = store
        self.known: dict = {}

    def __call__(self, node) -> bool:
        if isinstance(node, ox.Literal):
            return False
        if node not in self.known:
            kind = ox.NamedNode(RDF_TYPE)
            self.known[node] = any(
                True
                for t in EVIDENCE_TYPES
                for _ in self.store.quads_for_pattern(node, kind, t, DEFAULT_GRAPH)
            )
        return self.known[node]


def _other_end(triple: ox.Triple, node):
    return triple.object if triple.subject == node else triple.subject


def facts(site, iri: str, paging: Paging | None = None) -> list[ox.Triple]:
    """The description less every triple whose other end is evidence."""
    node = ox.NamedNode(iri)
    evidence = _Evidence(site.store)
    return [
        t
        for t in site.describe(iri, paging)
        if t.subject == t.object or not evidence(_other_end(t, node))
    ]


def with_evidence(site, iri: str, paging: Paging | None = None) -> list[ox.Triple]:
    """The description, then every triple of the evidence it reaches: from the evidence nodes
    at the other end of its triples, through the triples between evidence nodes (an
    annotation, its target, the target's selectors; a statement and its annotations), every
    triple with an evidence node as subject. Only evidence is walked through, so the walk
    stays within the annotations about the thing."""
    node = ox.NamedNode(iri)
    described = site.describe(iri, paging)
    evidence = _Evidence(site.store)
    queue = [_other_end(t, node) for t in described]
    queue = [n for n in queue if n != node and evidence(n)]
    seen = set(queue)
    found: set[ox.Triple] = set()
    while queue:
        current = queue.pop()
        for q in site.store.quads_for_pattern(current, None, None, DEFAULT_GRAPH):
            found.add(q.triple)
            if q.object not in seen and evidence(q.object):
                seen.add(q.object)
                queue.append(q.object)
        for q in site.store.quads_for_pattern(None, None, current, DEFAULT_GRAPH):
            if q.subject not in seen and evidence(q.subject):
                seen.add(q.subject)
                queue.append(q.subject)
    found -= set(described)
    return described + sorted(found, key=_order)


def _observations(store, node) -> Iterable:
    """The observations derived from a document."""
    derived = ox.NamedNode(PROV + "wasDerivedFrom")
    for q in store.quads_for_pattern(None, derived, node, DEFAULT_GRAPH):
        if _is(store, q.subject, QB + "Observation"):
            yield q.subject


def cube(site, iri: str) -> list[ox.Triple]:
    """The Data Cube view: the observations (the thing itself, or those derived from the
    document), each with its own triples, then their data sets, the data sets' structures
    and the structures' component specifications, each with its own triples."""
    store, node = site.store, ox.NamedNode(iri)
    if _is(store, node, QB + "Observation"):
        observations = [node]
    else:
        observations = sorted(set(_observations(store, node)), key=str)
    found: set[ox.Triple] = set()
    level = observations
    for link in (QB + "dataSet", QB + "structure", QB + "component", None):
        following: set = set()
        for subject in level:
            for q in store.quads_for_pattern(subject, None, None, DEFAULT_GRAPH):
                found.add(q.triple)
                if link is not None and q.predicate.value == link:
                    following.add(q.object)
        level = sorted(following, key=str)
    return sorted(found, key=_order)


def _order(triple: ox.Triple):
    return (str(triple.subject), str(triple.predicate), str(triple.object))


def alternates(site, iri: str, others: list[Representation]) -> list[ox.Triple]:
    """The list of alternates in the Alternate Representations data model (ALTR): the thing
    has each representation of its description (the HTML page the default one), each with
    its format and the profile it conforms to; and each profile's name and token."""
    n = ox.NamedNode
    thing = n(iri)
    out = []
    for r in others:
        address = n(site.iri(r.href))
        default = r.fmt == "html" and r.fmt in r.profile.default_for
        relation = ALTR + ("hasDefaultRepresentation" if default else "hasRepresentation")
        out += [
            ox.Triple(thing, n(relation), address),
            ox.Triple(address, n(RDF_TYPE), n(ALTR + "Representation")),
            ox.Triple(address, n(DCTERMS + "conformsTo"), n(r.profile_iri)),
            ox.Triple(address, n(DCTERMS + "format"), ox.Literal(r.media)),
        ]
    for profile in {r.profile.iri: r.profile for r in others}.values():
        out += [
            ox.Triple(n(profile.iri), n(RDF_TYPE), n(PROF + "Profile")),
            ox.Triple(n(profile.iri), n(RDFS + "label"), ox.Literal(profile.label, language="en")),
            ox.Triple(n(profile.iri), n(PROF + "hasToken"), ox.Literal(profile.token)),
        ]
    return sorted(out, key=_order)


def service_triples(service: str) -> list[ox.Triple]:
    """The profiles in the SPARQL service description: the service points to their document
    (rdfs:seeAlso), and each is described as profiles.ttl describes it."""
    see_also = ox.NamedNode(RDFS + "seeAlso")
    return [ox.Triple(ox.NamedNode(service), see_also, ox.NamedNode(PROFILES_IRI)), *graph()]


__all__ = [
    "ALT_IRI",
    "PROFILES_IRI",
    "Negotiated",
    "Profile",
    "ProfileError",
    "Representation",
    "alternates",
    "asked",
    "available",
    "choose",
    "negotiate",
    "profiles",
    "service_triples",
    "triples",
]
