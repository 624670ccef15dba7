"""What the recognizers conclude: new entities, mentions of known or new ones, the names of
declared things, and the helpers that merge new entities or name a span's target.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extraction.knowledge import Knowledge
from kg.extraction.spans import Span
from kg.extraction.text import Passage, fold


@dataclass
class NewEntity:
    """An organization, place or person the reference data does not have."""

    key: str
    kind: str
    name: str
    confidence: float
    acronym: str | None = None
    alt_names: list[str] = field(default_factory=list)
    type: str | None = None
    within: str | None = None  # a reference id, or "new:KEY"
    iso3166: str | None = None
    part_of: str | None = None  # organizations: a reference id
    country: str | None = None  # organizations: a reference id
    note: str | None = None
    # The closest reference entries, "id (score)", best first (rapidfuzz token-sort ratio).
    similar: list[str] = field(default_factory=list)
    geonames: str | None = None
    classification: str | None = None  # organizations: an organization-types concept
    slug: str = ""

    @property
    def surfaces(self) -> list[str]:
        return [self.name, *([self.acronym] if self.acronym else []), *self.alt_names]


@dataclass
class Mention:
    passage: Passage
    start: int
    end: int
    kind: str  # organization, place or person
    entity: str | None = None  # reference id
    new: NewEntity | None = None
    confidence: float = 0.9
    origin: str = "reference"  # reference, world, rule or variant
    coordinated: bool = False  # "northern and southern borders": the span of the first name
    note: str | None = None  # why this reference entity ("variant of ..., score 95")

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def target(self) -> str:
        return self.entity if self.entity is not None else f"new:{self.new.key}"


@dataclass
class Name:
    """A capitalized name the rules found that is not an organization, place or person: an
    event, law, project, campaign or role; items.py decides what to make of it."""

    passage: Passage
    start: int
    end: int
    kind: str
    acronym: str | None = None

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


@dataclass
class Entities:
    mentions: list[Mention] = field(default_factory=list)
    new: dict[str, NewEntity] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)

    def in_range(self, passage: Passage, start: int, end: int, kind: str | None = None):
        return [
            m
            for m in self.mentions
            if m.passage is passage
            and start <= m.start
            and m.end <= end
            and (kind is None or m.kind == kind)
        ]


def _target_of(span: Span | None) -> str | None:
    if span is None or span.entry is None:
        return None
    if span.origin == "reference":
        return span.entry.target
    return f"name:{span.entry.target.name}"


def _place_type(span: Span, knowledge: Knowledge) -> str | None:
    if span.kind != "place":
        return None
    if span.entry is None:
        return span.place_type
    if span.origin == "reference":
        entity = knowledge.entities.get(span.entry.target)
        return entity.type if entity else None
    return span.entry.target.type


def _add_alt(new: NewEntity, surface: str) -> None:
    if fold(surface) not in {fold(s) for s in new.surfaces}:
        new.alt_names.append(surface)


def _merge(keep: NewEntity, gone: NewEntity, result: Entities) -> None:
    for surface in gone.surfaces:
        _add_alt(keep, surface)
    keep.confidence = max(keep.confidence, gone.confidence)
    keep.acronym = keep.acronym or gone.acronym
    for known in ("classification", "part_of", "country", "note"):  # what general knowledge gave
        if getattr(keep, known) is None:
            setattr(keep, known, getattr(gone, known))
    result.new.pop(gone.key, None)
    for mention in result.mentions:
        if mention.new is gone:
            mention.new = keep


def merge_tails(result: Entities, countries: set[str]) -> None:
    """ "the Royal Zorvan Defence Force ... the Defence Force vessel", "the Lorvan Coast Guard
    ... the Coast Guard": a new organization named by the last words (two or more) of one
    other new organization's name is that organization (not when two names end so: "the
    Zorvan National Police" and "the Lorvan National Police" leave "the National Police"; nor
    a body's parent named after "of": "the Council of Europe"). A name's country before the
    ending, and no other word (`countries`: folded words of countries' names and adjectives),
    is left to the resolution's check of the countries named beside it."""
    bodies = [n for n in result.new.values() if n.kind == "organization"]
    first: dict[str, tuple[int, int]] = {}
    for m in result.mentions:
        if m.new is not None:
            first.setdefault(m.new.key, (m.passage.index, m.start))
    for short in bodies:
        size = len(short.name.split())
        if size < 2 or short.key not in result.new:
            continue
        tail = " " + fold(short.name)
        longer = [
            n
            for n in bodies
            if n is not short
            and n.key in result.new
            and (
                fold(n.name).endswith(tail)
                and _another_name_before(n.name.split()[:-size], countries)
                # ("the Investigation Service of the X Authority ... The Investigation
                # Service": the unit's own name, its other name)
                or fold(short.name) in {fold(alt) for alt in n.alt_names}
            )
            # (named in full first: not "the Immigration Department ... the Sabah Immigration
            # Department")
            and first.get(n.key, (0, 0)) < first.get(short.key, (0, 0))
        ]
        if len(longer) == 1:
            _merge(longer[0], short, result)


# Words before a body's ending that make another body of it, or that are no name's
_NOT_ITS_NAME = {
    "provincial", "state", "district", "city", "municipal", "county", "regional", "local",
    "airport", "port", "sector", "branch", "field", "division", "zone", "area", "news",
    "press", "release", "related", "stories", "story", "read", "also", "more", "breaking",
    "update", "updates", "photo", "video", "home",
}  # fmt: skip


def _another_name_before(prefix: list[str], countries: set[str]) -> bool:
    """Whether the words `prefix` before a body's ending make the ending its name's: a name's
    word last (not a connector: "the Parliamentary Assembly of the Council of Europe" names
    two bodies), not a country's words alone (left to the resolution's check of the countries
    beside it), nor a level's or a site's word or a heading's ("Provincial", "RELATED
    STORIES")."""
    words = {fold(word) for word in prefix}
    return (
        bool(prefix)
        and prefix[-1][:1].isupper()
        and not words <= countries
        and not words & _NOT_ITS_NAME
    )


def countries_named(mentions: list[Mention], knowledge: Knowledge) -> set[str]:
    """The ISO codes of the countries a text's place mentions name, known or new, or name by
    a place within them ("Bangalore", "Karnataka": India's "Rs. 495" is in Indian rupees)."""
    codes = set()
    for m in mentions:
        place = knowledge.entities.get(m.entity or "") or m.new
        if m.kind != "place" or place is None:
            continue
        if place.type == "country" and place.iso3166:
            codes.add(place.iso3166)
        elif place.iso3166 and "-" in place.iso3166:  # a subdivision: "IN-KA", Karnataka
            codes.add(place.iso3166.split("-")[0])
        else:  # a place within a known country
            within = knowledge.entities.get(place.within or "")
            if within is not None and within.type == "country" and within.iso3166:
                codes.add(within.iso3166)
    return codes
