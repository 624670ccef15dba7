"""Organizations, places and people in a source, and the names of declared things.

Three recognizers run over the passages and their findings compete for the text:

1. the reference data: every name, Spanish name, acronym and variant of every organization,
   place and person, matched on tokens with accents, case (except for acronyms), hyphens and
   apostrophes ignored; coordinated names are expanded ("Central and South America" names
   both regions, "northern and southern borders" both borders);
2. general knowledge of places (:mod:`kg.extraction.world`): countries, their subdivisions,
   world regions and demonyms;
3. rules for names not seen before: runs of capitalized words (with "of", "and", "for", ...
   inside), classified by their head word ("Institute" is an organization, "Congress on ..." an
   event, "Law" a law, "Programme" a project), by context ("in X, Tamaulipas" is a city, "said
   X" a person) and by a following acronym in brackets, which is recorded with the name.

The longest finding wins; at equal length the reference data, then general knowledge. A known
organization that begins a longer organization's name is kept as well (the "US State
Department" in "US State Department Bureau of Population, ..."); places inside a name are not
mentions of the place (the "Latin America" in the "Economic Commission for Latin America").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kg.extraction import world
from kg.extraction.given_names import is_given_name
from kg.extraction.knowledge import Knowledge
from kg.extraction.text import Passage, Source, Token, fold, in_page_label, tokenize

ORG_HEADS = {
    "institute", "institution", "ministry", "commission", "office", "bureau", "department",
    "government", "organization", "organisation", "committee", "council", "fund", "agency",
    "senate", "secretariat", "university", "association", "foundation", "police", "court",
    "network", "union", "federation", "centre", "center", "service", "services", "authority",
    "parliament", "assembly", "embassy", "consulate", "bank", "coalition", "alliance", "church",
    "board", "corporation", "company", "tribunal", "directorate", "administration", "chamber",
    "army", "navy", "system", "procuraduria", "secretaria", "instituto", "comision", "red",
    "branch", "section", "division", "ombudsman", "prosecutor's",
    "observatory", "forces", "unit", "cross", "crescent", "society", "group", "team",
    # heads of Spanish, Portuguese and French names ("Casa del Migrante", "Fiscalía ...")
    "casa", "pastoral", "fundacion", "asociacion", "consejo", "ministerio", "direccion",
    "oficina", "servicio", "centro", "albergue", "fiscalia", "defensoria", "observatorio",
    "coordinadora", "organizacion", "sociedad", "agencia", "unidad", "policia", "iglesia",
    "ministere", "agence", "comite", "conseil", "fondation", "associacao",
    "fundacao", "servico", "superintendence", "superintendency", "inspectorate",
}  # fmt: skip
EVENT_HEADS = {
    "congress", "conference", "forum", "summit", "workshop", "seminar", "meeting",
    "symposium", "roundtable", "consultation", "dialogue", "festival", "fair", "expo",
    "colloquium", "encounter", "encuentro", "congreso",
}  # fmt: skip
LAW_HEADS = {
    "law", "act", "protocol", "constitution", "reform", "treaty", "code", "decree", "bill",
    "legislation", "convention", "charter", "declaration", "amendment", "regulation", "ley",
}  # fmt: skip
PROJECT_HEADS = {"programme", "program", "project", "initiative", "programa", "proyecto"}
# Head words that make each side of "X and the Y" a name of its own.
SPLIT_HEADS = {
    "institute", "ministry", "commission", "office", "bureau", "department", "government",
    "organization", "organisation", "committee", "council", "fund", "agency", "secretariat",
    "university", "association", "foundation", "police", "court", "embassy", "consulate",
    "unit", "directorate", "procuraduria", "secretaria", "instituto", "comision", "senate",
    "congress", "parliament", "network", "coalition", "federation", "programme", "program",
    "branch", "section", "division",
}  # fmt: skip
ROLE_HEADS = {
    "chief", "director", "head", "minister", "secretary", "coordinator", "officer", "president",
    "representative", "spokesperson", "spokesman", "spokeswoman", "ambassador", "commissioner",
    "commissioners", "manager", "chair", "chairman", "chairperson", "governor", "mayor",
    "senator", "deputy", "advisor", "adviser", "consultant", "expert", "experts", "specialist",
}  # fmt: skip
# A report's title ending in its author's name ("Special Report on ... of the National Human
# Rights Commission") is no name of an organization.
STUDY_HEADS = {
    "report", "survey", "study", "review", "assessment", "index", "atlas", "dataset",
    "handbook", "guidelines", "yearbook", "outlook",
}  # fmt: skip
ALL_HEADS = ORG_HEADS | EVENT_HEADS | LAW_HEADS | PROJECT_HEADS | ROLE_HEADS | {"campaign"}
PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "president", "minister", "ambassador",
    "director", "senator", "governor", "mayor", "secretary", "commissioner", "judge", "father",
    "sister", "bishop",
}  # fmt: skip
SPEECH = re.compile(
    r"\b(?:said|says|explains|explained|added|adds|stated|states|noted|notes|told|"
    r"stressed|stresses|emphasized|declared|according to)\b",
    re.I,
)
CONNECTORS = {
    "of", "for", "and", "the", "to", "in", "on", "against", "de", "del", "la", "las", "los",
    "el", "y", "&", "da", "do", "dos", "das", "du", "des", "et", "at",
}  # fmt: skip
PLACE_SENSITIVE_CONNECTORS = {"in", "at", "to", "from"}
# "Officials of the Ministry": a common noun before one of these ("Pastoral de Movilidad
# Humana": a name before another language's).
ENGLISH_CONNECTORS = {"of", "for", "to", "in", "on", "against", "at", "and", "the"}
# Words that start sentences and are no names.
STARTERS = {
    "since", "of", "in", "according", "following", "although", "also", "during", "however",
    "while", "when", "where", "what", "if", "this", "that", "these", "those", "the", "a", "an",
    "it", "its", "there", "their", "our", "we", "they", "he", "she", "his", "her", "as", "at",
    "by", "for", "from", "on", "to", "with", "after", "before", "between", "each", "every",
    "many", "most", "more", "some", "all", "both", "other", "such", "no", "not", "only",
    "further", "furthermore", "moreover", "meanwhile", "therefore", "thus", "yet", "but", "and",
    "or", "so", "today", "yesterday", "tomorrow", "recently", "last", "next", "first", "second",
    "one", "two", "three", "about", "over", "under", "until", "through", "throughout", "among",
    "despite", "given", "including", "new", "significant", "common", "data", "television",
    "organized", "criminal", "large", "major", "main", "key",
}  # fmt: skip
ACRONYM_STOP = {
    "US", "USA", "UK", "IT", "TV", "AM", "PM", "OK", "ID", "HIV", "AIDS", "COVID", "CEO",
    "GDP", "ICT", "SMS", "PDF", "NGO", "NGOS", "FAQ", "DNA", "II", "III", "IV", "VI", "VII",
}  # fmt: skip
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
# Names of regions of a country that are words as well ("Centre", "Nord", "Central"): a place
# only as part of a longer name.
GENERIC_PLACE_WORDS = {
    "centre", "center", "central", "centro", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "nord", "sud", "est", "ouest", "capital", "coast",
    "lakes", "islands", "mountains", "plateau", "littoral", "interior", "oriente", "occidente",
}  # fmt: skip
DEMONYM_ONLY = 0.45  # below the draft's bar: a suggestion
GROUPS_OF_PEOPLE = {
    "members", "representatives", "officials", "staff", "delegates", "officers", "experts",
    "employees", "volunteers", "leaders", "heads",
}  # fmt: skip
# Capitalized phrases that name a kind of body, not a body ("Civil Society", "the Private
# Sector"): no organizations.
GENERIC_NAMES = {
    "civil society", "private sector", "public sector", "international community",
    "member states", "security forces", "law enforcement", "local authorities",
    "government", "the government", "state", "the state",
}  # fmt: skip
CITY_STARTS = {"san", "santa", "santo", "ciudad", "puerto", "port", "saint", "st", "villa", "fort"}
LIST_OF_PLACES = re.compile(
    r"\b(?:the\s+)?(?P<what>states|provinces|departments|cities|towns|municipalities|"
    r"state|province|department|city|town|municipality|border town|border city|village|port)"
    r"\s+of\s+",
    re.I,
)
PLACE_TYPE_OF = {
    "states": "state", "state": "state", "provinces": "state", "province": "state",
    "departments": "state", "department": "state", "cities": "city", "city": "city",
    "towns": "city", "town": "city", "municipalities": "city", "municipality": "city",
    "border town": "city", "border city": "city", "village": "city", "port": "city",
}  # fmt: skip


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


# --------------------------------------------------------------------------------------------
# Matching names on tokens
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    kind: str
    target: object  # a reference id (str) or a world.WorldPlace
    surface: str
    origin: str  # reference or world
    demonym: bool = False
    gazetteer: bool = False  # a GeoNames city: a place only where the context allows

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.surface if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def _keys(tokens: list[Token]) -> list[tuple[int, str]]:
    """(token index, key) of the tokens that take part in matching (no hyphens)."""
    return [(i, t.key) for i, t in enumerate(tokens) if t.text not in ("-", "\u2013")]


@functools.lru_cache(maxsize=65536)
def _surface_keys(surface: str) -> tuple[str, ...]:
    """The matching keys of a name (the same for every trie that holds it)."""
    return tuple(k for _, k in _keys(tokenize(surface)))


class Trie:
    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, surface: str, entry: Entry) -> None:
        keys = _surface_keys(surface)
        if not keys:
            return
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(None, []).append(entry)

    def matches(self, tokens: list[Token]) -> list[tuple[int, int, Entry]]:
        """(first token, last token + 1, entry): every match at each token, longest first."""
        keyed = _keys(tokens)
        out = []
        for a in range(len(keyed)):
            node, found = self.root, []
            for b in range(a, len(keyed)):
                key = keyed[b][1]
                nxt = node.get(key)
                plural = None
                if key.endswith("s") and len(key) > 3:
                    plural = node.get(key[:-1])
                if nxt is None and plural is None:
                    break
                for candidate, is_plural in ((nxt, False), (plural, True)):
                    if candidate is None or None not in candidate:
                        continue
                    for entry in candidate[None]:
                        if is_plural and entry.surface[:1].isupper():
                            continue
                        if _fits(entry, tokens[keyed[a][0] : keyed[b][0] + 1]):
                            found.append((keyed[a][0], keyed[b][0] + 1, entry))
                            break
                node = nxt if nxt is not None else plural
            out += reversed(found)
        return out


def _fits(entry: Entry, tokens: list[Token]) -> bool:
    if entry.acronym:
        return "".join(t.text for t in tokens).replace("-", "") == entry.surface.replace(
            "-", ""
        ).replace(" ", "")
    return not (entry.surface[:1].isupper() and not tokens[0].text[:1].isupper())


def reference_trie(knowledge: Knowledge) -> Trie:
    trie = Trie()
    for entity in knowledge.entities.values():
        for surface in entity.names:
            trie.add(surface, Entry(entity.kind, entity.id, surface, "reference"))
        if entity.kind == "place" and entity.type in ("country", "region"):
            code = entity.iso3166 if entity.type == "country" else None
            adjective = world.demonym(entity.name, code) if entity.type == "country" else None
            if entity.type == "region":
                adjective = (world.REGION_DEMONYMS.get(entity.name) or (None,))[0]
            if adjective:
                for surface in (adjective, adjective + "s"):
                    trie.add(surface, Entry("place", entity.id, surface, "reference", True))
    return trie


def world_trie(country_codes: set[str], cities: bool = True) -> Trie:
    """Countries, regions and capitals; the subdivisions and (GeoNames) cities of the
    countries given."""
    trie = Trie()
    for surface, place, is_demonym in world.countries():
        trie.add(surface, Entry("place", place, surface, "world", is_demonym))
    for code in sorted(country_codes):
        for surface, place, is_demonym in world.subdivisions(code):
            trie.add(surface, Entry("place", place, surface, "world", is_demonym))
    if cities:
        names = [*world.capitals()]
        for code in sorted(country_codes):
            names += world.cities(code)
        for surface, place, _ in names:
            trie.add(surface, Entry("place", place, surface, "world", gazetteer=True))
    return trie


# --------------------------------------------------------------------------------------------
# Name variants: the reference entry a new name is a slight variant of
# --------------------------------------------------------------------------------------------

VARIANT_SURE = 90  # token-sort ratio from which a name is the reference entry's variant
SIMILAR_SHOWN = 55  # from which a reference entry is shown as close to a new one
NATIONAL_ABBREVIATIONS = {"us": "US", "usa": "US", "uk": "GB", "u s": "US", "u k": "GB"}


# "... of Honduras", "... in the Dominican Republic": what may name a country after a name.
COUNTRY_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?((?:[\w.]+\s+){0,2}[\w.]+)")


class Variants:
    """Reference names compared with rapidfuzz after dropping what varies between wordings of
    one name: case and accents, articles and connectors, the possessive, word order ("State
    Department", "Department of State") and a country before the name ("US", "Mexican",
    "Mexico's"). A country dropped must be the entry's own country when it has one."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.prefixes: dict[str, str | None] = dict(NATIONAL_ABBREVIATIONS)  # words -> ISO
        for surface, place, _ in world.countries():
            if place.type == "country":
                self.prefixes.setdefault(" ".join(_words(surface)), place.iso3166)
        for entity in knowledge.entities.values():
            if entity.kind == "place" and entity.type == "country":
                adjective = world.demonym(entity.name, entity.iso3166)
                for surface in (*entity.names, *([adjective] if adjective else [])):
                    self.prefixes.setdefault(" ".join(_words(surface)), entity.iso3166)
        self.entries: dict[str, list[tuple[str, str, str, str | None]]] = {}
        for entity in knowledge.entities.values():
            country = knowledge.entities.get(entity.country or "")
            code = country.iso3166 if country is not None else None
            for surface in entity.names:
                key, _ = self.key(surface)
                if key:
                    self.entries.setdefault(entity.kind, []).append((key, entity.id, surface, code))

    def key(self, name: str) -> tuple[str, str | None]:
        """(the words compared, the ISO code of a country dropped from the front)."""
        words = _words(name)
        dropped = None
        for size in (3, 2, 1):
            head = " ".join(words[:size])
            if len(words) > size + 1 and head in self.prefixes:
                dropped = self.prefixes[head] or "?"
                words = words[size:]
                break
        words = [w for w in words if w not in CONNECTORS]
        return " ".join(words), dropped

    def country_before(self, passage: Passage, start: int) -> str | None:
        """The ISO code of a country named just before a name ("Guatemala's", "Mexican")."""
        before = passage.text[max(0, start - 40) : start]
        m = re.search(r"((?:[\w.]+\s+){0,2}[\w.]+)[’']s\s+$", before) or re.search(
            r"((?:[\w.]+\s+){0,1}[\w.]+)\s+$", before
        )
        return self._country_at_edge(_words(m.group(1)), last=True) if m else None

    def country_after(self, passage: Passage, end: int) -> str | None:
        """The ISO code of a country named just after a name ("... of Honduras")."""
        m = COUNTRY_AFTER.match(passage.text, end)
        return self._country_at_edge(_words(m.group(1)), last=False) if m else None

    def _country_at_edge(self, words: list[str], last: bool) -> str | None:
        """The country named by the last (or first) three, two or one of `words`."""
        for size in (3, 2, 1):
            edge = words[-size:] if last else words[:size]
            code = self.prefixes.get(" ".join(edge)) if len(words) >= size else None
            if code:
                return code
        return None

    def conflicts(self, entity_id: str, code: str | None) -> bool:
        """Whether a reference organization belongs to another country than `code`."""
        entity = self.knowledge.entities.get(entity_id)
        country = self.knowledge.entities.get(entity.country or "") if entity else None
        return bool(code and country is not None and country.iso3166 and country.iso3166 != code)

    def _scored(self, kind: str, name: str, outside: str | None = None):
        from rapidfuzz import fuzz

        key, dropped = self.key(name)
        dropped = dropped or outside
        if not key:
            return
        for other, entity, surface, code in self.entries.get(kind, ()):
            if len(other.split()) < 2 and len(key.split()) < 2:
                continue
            if dropped and code and dropped != code:
                continue
            yield fuzz.token_sort_ratio(key, other), entity, surface

    def match(
        self, kind: str, name: str, outside: str | None = None
    ) -> tuple[str, str, float] | None:
        """(reference id, the name it is a variant of, score) for a sure variant; `outside`:
        the country named before the name."""
        if kind not in ("organization", "person") or len(_words(name)) < 2:
            return None
        best = max(self._scored(kind, name, outside), default=None)
        if best is None or best[0] < (VARIANT_SURE if kind == "organization" else 95):
            return None
        return best[1], best[2], best[0]

    def closest(self, kind: str, name: str, limit: int = 3) -> list[tuple[str, float]]:
        """The reference entries nearest to a new name, with their scores."""
        best: dict[str, float] = {}
        for score, entity, _ in self._scored(kind, name):
            if score >= SIMILAR_SHOWN and score > best.get(entity, 0):
                best[entity] = score
        return sorted(best.items(), key=lambda x: -x[1])[:limit]


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"[’']s\b", "", fold(name)))


# --------------------------------------------------------------------------------------------
# Candidate names (rules)
# --------------------------------------------------------------------------------------------


@dataclass
class Span:
    passage: Passage
    a: int  # token range
    b: int
    origin: str  # reference, world, rule
    kind: str  # organization, place, person, event, law, project, campaign, role
    entry: Entry | None = None
    confidence: float = 0.9
    acronym: str | None = None
    place_type: str | None = None
    within: str | None = None  # for rule places: a mention target or a name
    note: str | None = None
    coordinated: bool = False  # "Central and South America": the span of the first name
    alias_of: Span | None = None  # "UNHCR, the UN Refugee Agency": the organization named

    @property
    def start(self) -> int:
        return self.passage.tokens[self.a].start

    @property
    def end(self) -> int:
        return self.passage.tokens[self.b - 1].end

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def rank(self) -> tuple[int, int]:
        return (-(self.end - self.start), {"reference": 0, "world": 1, "rule": 2}[self.origin])


def _is_name_word(token: Token) -> bool:
    return token.is_word and (token.is_capitalized or token.is_acronym) and not token.text.isdigit()


def _sentence_starts(passage: Passage) -> set[int]:
    starts = set()
    for s, _ in passage.sentences:
        i = passage.token_index(s)
        while i < len(passage.tokens) and not passage.tokens[i].is_word:
            i += 1
        starts.add(i)
    return starts


class Recognizer:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.trie = reference_trie(knowledge)
        self.variants = Variants(knowledge)
        self.phrase_acronyms: set[str] = set()
        self.role_persons: set[tuple[int, int, int]] = set()  # (passage, a, b) after a role
        # (passage, a, b) of "the Vice President's Office" after "Secretariat ... of"
        self.possessive_offices: set[tuple[int, int, int]] = set()
        self.datelines: dict[int, tuple[tuple[str, ...], int]] = {}

    # -- the entry point -----------------------------------------------------------------------

    def run(self, source: Source) -> Entities:
        # What one text's rules decided is that text's alone (the recognizer is reused).
        self.role_persons, self.possessive_offices = set(), set()
        lowercase_words = frozenset(
            t.key for p in source.passages for t in p.tokens if t.is_word and t.text.islower()
        )
        spans: list[Span] = []
        for passage in source.passages:
            for a, b, entry in self.trie.matches(passage.tokens):
                spans.append(Span(passage, a, b, "reference", entry.kind, entry))
            spans += self._coordinated(passage, self.trie, "reference")
        codes = self._countries(spans)
        countries_only = self.knowledge.cache.setdefault("world-countries", None)
        if countries_only is None:
            countries_only = self.knowledge.cache["world-countries"] = world_trie(set(), False)
        for passage in source.passages:  # countries the reference data lacks
            for _, _, entry in countries_only.matches(passage.tokens):
                if entry.target.type == "country" and entry.target.iso3166:
                    codes.add(entry.target.iso3166)
        self.datelines = _datelines(source)
        for passage in source.passages:  # "GENEVA, 26 August": a city of any country
            for name in self.datelines.get(passage.index, ((), 0))[0]:
                code = world.country_of_city(name)
                if code:
                    codes.add(code)
        wtrie = world_trie(codes)
        for passage in source.passages:
            starts = _sentence_starts(passage)
            for a, b, entry in wtrie.matches(passage.tokens):
                if (
                    entry.acronym
                    and b < len(passage.tokens)
                    and passage.tokens[b].key in ("dollar", "dollars", "$", "cents")
                ):
                    continue  # "US dollars"
                if entry.gazetteer:
                    confidence = self._city_context(passage, a, b, starts, lowercase_words)
                    if confidence is None:
                        continue
                elif (
                    b - a == 1
                    and entry.target.type != "country"
                    and (
                        passage.tokens[a].key in lowercase_words
                        or passage.tokens[a].key in GENERIC_PLACE_WORDS
                    )
                ):
                    continue  # "the Centre", "Est": a region's name that is a word as well
                else:
                    confidence = 0.75
                spans.append(Span(passage, a, b, "world", "place", entry, confidence=confidence))
            spans += self._coordinated(passage, wtrie, "world")
        # "from Central and South America": no city "Central".
        coordinated = [s for s in spans if s.coordinated]
        spans = [
            s
            for s in spans
            if not (s.entry is not None and s.entry.gazetteer)
            or not any(c.passage is s.passage and c.a <= s.a and s.b <= c.b for c in coordinated)
        ]
        # "San Fernando, Tamaulipas": a city within the state named after it.
        by_start = {(s.passage.index, s.a): s for s in spans if s.kind == "place"}
        for span in spans:
            if span.entry is None or not span.entry.gazetteer:
                continue
            tokens = span.passage.tokens
            container = by_start.get((span.passage.index, span.b + 1))
            if (
                container is not None
                and span.b < len(tokens)
                and tokens[span.b].text == ","
                and _place_type(container, self.knowledge) == "state"
            ):
                span.within = _target_of(container)
        # "Guatemala's Ministry of Foreign Affairs", "the Ministry of Foreign Affairs of
        # Honduras" are not Mexico's.
        spans = [
            s
            for s in spans
            if not (s.origin == "reference" and s.kind == "organization")
            or not (
                self.variants.conflicts(
                    s.entry.target, self.variants.country_before(s.passage, s.start)
                )
                or self.variants.conflicts(
                    s.entry.target, self.variants.country_after(s.passage, s.end)
                )
            )
        ]
        # "the National Commission for Human Rights (CONADEH)": a known name followed by
        # another acronym than its own is another country's body of that name.
        spans = [s for s in spans if not self._other_acronym(s)]
        # "UN Refugee Agency", "United Nations Office on Drugs and Crime": a known name that
        # only begins another organization's name is not a mention of its own.
        spans = [s for s in spans if not _prefix_of_longer_name(s)]
        known = list(spans)
        self.phrase_acronyms = _phrase_acronyms(source, known)
        surnames = surnames_in_use(source)
        for passage in source.passages:
            known_here = {(s.a, s.b): s for s in known if s.passage is passage}
            starts = _sentence_starts(passage)
            persons = find_persons(passage, known_here, starts, lowercase_words, surnames)
            if passage.kind == "title":  # headline case: a name needs words around it
                persons = [p for p in persons if p.confidence >= 0.7]
            found = self._candidates(passage, known, lowercase_words)
            if passage.kind == "title":  # headline case: only people named by context
                found = [s for s in found if s.kind == "person"]
            # A name the words around it make a person's is not part of a longer name; what
            # follows it after "of the" is the organization the person is of ("Jane Doe of
            # the National Migration Institute").
            kept = []
            for s in found:
                inside = [
                    p for p in persons if p.a < s.b and s.a < p.b and (p.a, p.b) != (s.a, s.b)
                ]
                if not inside or s.kind not in ("person", "place", "organization"):
                    kept.append(s)
                    continue
                person = inside[0]
                if person.a == s.a and person.b < s.b:
                    kept += self._after_person(passage, person.b, s.b, starts, known_here)
            spans += kept + persons
        self._appositions(spans, known)
        spans += self._offices(known)
        spans = [s for s in spans if not in_page_label(s.passage, s.start)]
        return self._resolve(spans)

    def _after_person(self, passage, b, end, starts, known_ranges) -> list[Span]:
        """The names of [b, end) after a person's name and "of (the)", "from", "at"."""
        tokens = passage.tokens
        k = b
        while k < end and tokens[k].key in ("of", "from", "at", "with", "the"):
            k += 1
        if k == b or k >= end:
            return []
        out = []
        for a2, b2 in self._split(passage, k, end, starts, set(), known_ranges):
            span = self._classify(passage, a2, b2, known_ranges)
            if span is not None:
                out.append(span)
        return out

    def _acronym_differs(self, entity_id: str, acronym: str) -> bool:
        entity = self.knowledge.entities.get(entity_id)
        if entity is None or entity.kind != "organization":
            return False
        own = {fold(n).replace(".", "") for n in entity.names if _is_acronym_text(n)}
        return bool(own) and fold(acronym).replace(".", "") not in own

    def _other_acronym(self, span: Span) -> bool:
        if span.origin != "reference" or span.kind != "organization" or span.b - span.a < 2:
            return False
        acronym = _acronym_after(span.passage.tokens, span.b)
        return acronym is not None and self._acronym_differs(span.entry.target, acronym)

    def _appositions(self, spans: list[Span], known: list[Span]) -> None:
        """ "UNHCR, the UN Refugee Agency,": a descriptive name in apposition to an
        organization names that organization."""
        orgs = {(s.passage.index, s.b): s for s in known if s.kind == "organization"}
        for s in spans:  # "UNHCR, the UN Refugee Agency": a new organization too
            if s.kind == "organization" and (s.passage.index, s.b) not in orgs:
                orgs[(s.passage.index, s.b)] = s
        for span in spans:
            if span.origin != "rule" or span.kind != "organization":
                continue
            tokens = span.passage.tokens
            a = span.a
            # "the Public Ministry (Attorney General's Office)": another name in brackets.
            if (
                a >= 2
                and tokens[a - 1].text == "("
                and span.b < len(tokens)
                and tokens[span.b].text == ")"
                and (span.passage.index, a - 1) in orgs
                and orgs[(span.passage.index, a - 1)] is not span
            ):
                span.alias_of = orgs[(span.passage.index, a - 1)]
                continue
            if a >= 3 and tokens[a - 1].key == "the" and tokens[a - 2].text == ",":
                head = orgs.get((span.passage.index, a - 2))
                if head is None and a >= 6 and tokens[a - 3].text == ")":
                    # "the International Organization for Migration (IOM), the UN ..."
                    head = orgs.get((span.passage.index, a - 5))
                if head is not None and head is not span and not _in_a_list(head, span):
                    span.alias_of = head

    def _city_context(self, passage, a, b, starts, lowercase) -> float | None:
        """A GeoNames city's name is a city only where nothing says otherwise: not inside a
        longer capitalized name, not a person's name ("said Jane Doe", "Jane Doe, IOM Chief of
        Mission"), not a word the text also writes in lower case. Its confidence, or None."""
        tokens = passage.tokens
        if (
            a > 0
            and _is_name_word(tokens[a - 1])
            and tokens[a - 1].key not in STARTERS
            and not (a - 1 in starts and tokens[a - 1].key in lowercase)
        ):
            return None
        if b < len(tokens) and _is_name_word(tokens[b]) and tokens[b].space_before:
            return None
        if b - a == 1 and tokens[a].key in lowercase:
            return None
        before = passage.text[max(0, tokens[a].start - 12) : tokens[a].start]
        # "in Geneva, he said": a place after "in", whatever verb of speech follows.
        located = re.search(r"\b(?:in|from|at|near)\s+$", before, re.I)
        if _person_context(passage, a, b) and not located:
            return None
        if a >= 2 and tokens[a - 1].key == "of" and tokens[a - 2].key in ROLE_WORDS:
            return None  # "Chief of Mission"
        if re.search(r"\b(?:in|from|to|at|of|near|between|and)\s+$", before, re.I):
            return 0.75
        if tokens[a].start < self.datelines.get(passage.index, ((), 0))[1]:
            return 0.75  # a dateline: "TEGUCIGALPA – ...", "GENEVA/KATHMANDU, 19 June"
        after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 3]
        if b - a == 1 and not after.startswith(", "):  # one word, no place around: a word
            return None
        return 0.65

    def _offices(self, known: list[Span]) -> list[Span]:
        """ "IOM Guatemala": an organization's office in a country, when the reference data
        does not have it (it names "IOM Mexico" the same way)."""
        out = []
        by_start = {(s.passage.index, s.a): s for s in known if s.kind == "place"}
        for org in known:
            if org.kind != "organization" or org.origin != "reference":
                continue
            place = by_start.get((org.passage.index, org.b))
            if place is None or not org.passage.tokens[org.b].space_before:
                continue
            if _place_type(place, self.knowledge) != "country" or place.entry.demonym:
                continue
            if place.b < len(org.passage.tokens) and org.passage.tokens[place.b].text in (
                "'s",
                "’s",
            ):
                continue
            span = Span(org.passage, org.a, place.b, "rule", "organization", confidence=0.65)
            span.within = org.entry.target  # the parent organization
            span.note = _target_of(place)
            out.append(span)
        return out

    def _countries(self, spans: list[Span]) -> set[str]:
        codes = set()
        for span in spans:
            entity = self.knowledge.entities.get(span.entry.target) if span.entry else None
            if entity is not None and entity.type == "country" and entity.iso3166:
                codes.add(entity.iso3166)
        return codes

    def _coordinated(self, passage: Passage, trie: Trie, origin: str) -> list[Span]:
        """ "Central and South America": the first of two coordinated names shares the rest."""
        out = []
        tokens = passage.tokens
        for a, b, entry in trie.matches(tokens):
            if b - a < 2 or a < 2 or tokens[a - 1].key not in ("and", "or"):
                continue
            first = tokens[a - 2]
            if not first.is_word or first.is_capitalized != tokens[a].is_capitalized:
                continue
            probe = [first, *tokens[a + 1 : b]]
            for pa, pb, other in trie.matches(probe):
                if pa == 0 and pb == len(probe) and other.target != entry.target:
                    span = Span(passage, a - 2, b, origin, other.kind, other, confidence=0.7)
                    span.coordinated = True
                    out.append(span)
                break
        return out

    # -- rules -----------------------------------------------------------------------------

    def _candidates(
        self, passage: Passage, known: list[Span], lowercase: frozenset[str]
    ) -> list[Span]:
        tokens = passage.tokens
        starts = _sentence_starts(passage)
        known_here = [s for s in known if s.passage is passage]
        place_starts = {s.a for s in known_here if s.kind == "place"}
        known_ranges = {(s.a, s.b): s for s in known_here}
        runs = []
        i = 0
        while i < len(tokens):
            if not _is_name_word(tokens[i]):
                i += 1
                continue
            j = i + 1
            has_conn = False
            while j < len(tokens):
                t = tokens[j]
                if (
                    t.text in ("-", "\u2013")
                    and not t.space_before
                    and j + 1 < len(tokens)
                    and not tokens[j + 1].space_before
                    and tokens[j + 1].is_word
                ):
                    j += 2
                    continue
                if t.text in ("'s", "’s"):
                    j += 1
                    continue
                if _is_name_word(t):
                    j += 1
                    continue
                k = j
                while k < len(tokens) and tokens[k].key in CONNECTORS and tokens[k].text.islower():
                    k += 1
                if k > j and k < len(tokens) and _is_name_word(tokens[k]):
                    if any(tokens[x].key in PLACE_SENSITIVE_CONNECTORS for x in range(j, k)) and (
                        k in place_starts
                    ):
                        break
                    has_conn = has_conn or any(
                        tokens[x].key in ("of", "for", "to", "on", "against") for x in range(j, k)
                    )
                    j = k
                    continue
                if t.text == "," and has_conn and j + 1 < len(tokens):
                    ahead = tokens[j + 1 : j + 9]
                    if _is_name_word(tokens[j + 1]) and any(x.key == "and" for x in ahead[1:]):
                        j += 1
                        continue
                break
            runs.append((i, j))
            i = j
        out: list[Span] = []
        unnamed: list[tuple[int, int]] = []  # names the rules could not classify
        for a, b in runs:
            if _in_a_menu(passage, a, b) or _in_a_credit(passage, a):
                continue
            for a2, b2 in self._split(passage, a, b, starts, lowercase, known_ranges):
                span = self._classify(passage, a2, b2, known_ranges)
                if span is not None:
                    out.append(span)
                elif (a2, b2) not in known_ranges:
                    unnamed.append((a2, b2))
                # "the SIDA Migrant Protection Programme": the donor or manager in front.
                # "Chief of UNHCR's Protection Unit": the organization inside a role.
                if span is not None and span.kind == "role":
                    out += self._units_in_role(passage, a2, b2, known_ranges)
                    for k in range(a2, b2):
                        if tokens[k].is_acronym and (k, k + 1) not in known_ranges:
                            inner = self._classify(passage, k, k + 1, known_ranges)
                            if inner is not None and inner.kind == "organization":
                                out.append(inner)
                if (
                    span is not None
                    and span.kind in ("project", "campaign", "event")
                    and b2 - a2 > 1
                    and tokens[a2].is_acronym
                    and (a2, a2 + 1) not in known_ranges
                ):
                    donor = self._classify(passage, a2, a2 + 1, known_ranges)
                    if donor is not None and donor.kind == "organization":
                        donor.confidence = 0.55
                        out.append(donor)
        out += self._place_lists(passage, known_here)
        out += _listed_with_organizations(passage, unnamed, out, known_here, starts)
        out += _typed_organizations(passage, known_here, out)
        # A name cut off by the end of a text that stops mid-sentence is a suggestion only.
        if passage.text[-1:].isalnum() and len(passage.text) > 80:
            for span in out:
                if span.end == len(passage.text) and span.kind in ("organization", "person"):
                    span.confidence = min(span.confidence, 0.45)
        return out

    def _units_in_role(self, passage, a, b, known_ranges) -> list[Span]:
        """ "Deputy Head of the Democratization Section of the ODIHR": the unit a role is of,
        when it has an organization's head word of its own."""
        tokens = passage.tokens
        for k in range(a + 1, b - 1):
            if tokens[k].key not in ("of", "at") or tokens[k - 1].key not in ROLE_WORDS:
                continue
            start = k + 1 + (tokens[k + 1].key == "the")
            end = start
            while end < b and (_is_name_word(tokens[end]) or tokens[end].text == "-"):
                end += 1
            words = {t.key for t in tokens[start:end]}
            if (
                end - start >= 2
                and words & (ORG_HEADS - {"mission"})
                and not any(ka <= start < kb for ka, kb in known_ranges)
            ):
                span = self._classify(passage, start, end, known_ranges)
                return [span] if span is not None and span.kind == "organization" else []
        return []

    def _split(self, passage, a, b, starts, lowercase, known_ranges):
        tokens = passage.tokens
        # Words that begin a sentence and occur in lower case elsewhere are no names.
        while (
            a < b
            and a in starts
            and not tokens[a].is_acronym
            and (tokens[a].key in STARTERS or tokens[a].key in lowercase)
        ):
            a += 1
            while a < b and (tokens[a].key in CONNECTORS or not tokens[a].is_word):
                a += 1
            starts = starts | {a}
        # "Officials of the Ministry ...": a sentence's first word that is no head word of a
        # name, before "of", "from", ..., is a common noun.
        if (
            a in starts
            and a + 1 < b
            and not tokens[a].is_acronym
            and tokens[a + 1].key in ENGLISH_CONNECTORS
            and tokens[a + 1].text.islower()
            and tokens[a].key not in ALL_HEADS
            and (a, a + 1) not in known_ranges
        ):
            a += 1
            while a < b and (tokens[a].key in CONNECTORS or not tokens[a].is_word):
                a += 1
        while a < b and (tokens[a].key in ("the", "a", "an") or tokens[a].text in ("NGO", "NGOs")):
            a += 1  # "the local NGO Casa Esperanza": the name is after the kind
        while b > a and (tokens[b - 1].key in CONNECTORS or not tokens[b - 1].is_word):
            b -= 1
        if a >= b:
            return []
        # "the Embassy of Canada and Honduras' National Police": the place before a possessive
        # apostrophe owns the next name, and is no part of this one.
        if b < len(tokens) and tokens[b].text in ("'", "’") and tokens[b - 1].key.endswith("s"):
            owner = next(
                (ka for (ka, kb), k in known_ranges.items() if kb == b and k.kind == "place"), None
            )
            if owner is not None and owner > a + 1 and tokens[owner - 1].key == "and":
                return self._split(passage, a, owner - 1, starts, lowercase, known_ranges)
        # "UNODC Executive Director Ghada Waly", "IOM Director General for Operations Jane
        # Doe": a role, then the person's name.
        person = _name_after_role(tokens, a, b, known_ranges)
        if person is not None:
            p0, p1 = person
            self.role_persons.add((passage.index, p0, p1))
            rest = self._split(passage, p1, b, starts, set(), known_ranges) if p1 < b else []
            return [(a, p0), (p0, p1), *rest]
        # "the Youth Institute and the Public Defender's Office": two names, each with a head
        # word and an article of its own (before any possessive inside the second is read).
        for p in range(a + 1, b - 2):
            if (
                tokens[p].key == "and"
                and tokens[p + 1].key == "the"
                and {t.key for t in tokens[a:p]} & SPLIT_HEADS
                and {t.key for t in tokens[p + 2 : b]} & ORG_HEADS
                and any(t.text in ("'s", "’s") for t in tokens[p + 2 : b])
            ):
                return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                    passage, p + 2, b, starts, lowercase, known_ranges
                )
        # A possessive after a known name or an acronym ends that name: "Mexico's National
        # ...", "... and Mexico's Ministry"; so does one between two names with head words
        # ("the Ministry of the Interior's Anti-Trafficking Unit").
        for p in range(a + 1, b):
            if tokens[p].text in ("'s", "’s"):
                left = (a, p)
                if left in known_ranges or (p - a == 1 and tokens[a].is_acronym):
                    head = [left] if left not in known_ranges else []
                    return head + self._split(passage, p + 1, b, starts, set(), known_ranges)
                # "Head of UNODC's Human Trafficking ... Section": a role, then a unit of the
                # organization the possessive names.
                if (
                    tokens[p - 1].is_acronym
                    and {t.key for t in tokens[p + 1 : b]} & ORG_HEADS
                    and tokens[a].key in ROLE_HEADS
                ):
                    return self._split(passage, a, p, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
                place = next(
                    (ka for (ka, kb), k in known_ranges.items() if kb == p and k.kind == "place"),
                    None,
                )
                if place is not None and place > a:
                    return self._split(passage, a, place, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
                left_keys = {t.key for t in tokens[a:p]}
                right_keys = {t.key for t in tokens[p + 1 : b]}
                # "Secretariat against ... of the Vice President's Office": a unit of an office
                # that a possessive names; the office is one name, possessive and all.
                of = [q for q in range(a + 1, p) if tokens[q].key == "of"]
                if of and left_keys & SPLIT_HEADS and tokens[b - 1].key in ORG_HEADS:
                    q = of[-1]
                    owner = q + 1 + (tokens[q + 1].key == "the")
                    if (
                        owner < p
                        and all(_is_name_word(t) for t in tokens[owner:p])
                        and not {t.key for t in tokens[owner:p]} & ORG_HEADS
                        and {t.key for t in tokens[a:q]} & SPLIT_HEADS
                        # a name complete before "of" ("Secretariat against ... in Persons"),
                        # not a head whose complement the "of" begins ("Ministry of the ...")
                        and any(t.key in CONNECTORS and t.text.islower() for t in tokens[a:q])
                    ):
                        self.possessive_offices.add((passage.index, owner, b))
                        return self._split(passage, a, q, starts, lowercase, known_ranges) + [
                            (owner, b)
                        ]
                if left_keys & SPLIT_HEADS and right_keys & ORG_HEADS:
                    return self._split(passage, a, p, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
        # "US Department of State Bureau of Population, ...": a known organization ends the
        # run, and what is before it is a name with a head word of its own.
        for (ka, kb), known in known_ranges.items():
            if (
                kb == b
                and a < ka
                and known.kind == "organization"
                and {t.key for t in tokens[a:ka]} & (ORG_HEADS | STUDY_HEADS)
                and ka - a >= 2
            ):
                return self._split(passage, a, ka, starts, lowercase, known_ranges)
        # "A and B": two names, unless "and" is inside a complement ("Commission for Latin
        # America and the Caribbean") or B's head makes "A and B ..." one name ("Children and
        # Family Institute").
        for p in range(a + 1, b - 1):
            if tokens[p].key != "and":
                continue
            before = [t.key for t in tokens[a:p]]
            right = {t.key for t in tokens[p + 1 : b]}
            # "the Ministry of Labour and the National Institute for Women": two names, each
            # with a head word of its own, the second with its own article.
            if (
                tokens[p + 1].key == "the"
                and (set(before) & SPLIT_HEADS or p - a >= 2)
                and right & (ORG_HEADS - {"system", "group", "team"})
                and p + 2 < b
            ):
                return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                    passage, p + 2, b, starts, lowercase, known_ranges
                )
            if any(k in ("of", "for", "to", "on", "against") for k in before):
                continue
            left_known = any(ka <= a and p <= kb for ka, kb in known_ranges) or all(
                tokens[x].is_acronym for x in range(a, p)
            )
            right_heads = {t.key for t in tokens[p + 1 : b]} & (ORG_HEADS | LAW_HEADS | EVENT_HEADS)
            left_heads = set(before) & (ORG_HEADS | LAW_HEADS | EVENT_HEADS)
            # "..., World Vision and Catholic Relief Services": the last two names of a list.
            listed = a >= 2 and tokens[a - 1].text == "," and _is_name_word(tokens[a - 2])
            if right_heads and not left_heads and not left_known and not listed:
                continue
            return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                passage, p + 1, b, starts, lowercase, known_ranges
            )
        return [(a, b)]

    def _classify(self, passage: Passage, a: int, b: int, known_ranges) -> Span | None:
        tokens = passage.tokens
        if (a, b) in known_ranges:
            return None
        if (passage.index, a, b) in self.role_persons:
            return Span(passage, a, b, "rule", "person", confidence=0.7)
        if (passage.index, a, b) in self.possessive_offices:
            return Span(passage, a, b, "rule", "organization", confidence=0.6)
        # A known organization's name that the rules would only lengthen without a head word
        # of its own ("US State Department Bureau of Population, Refugees and Migration").
        for (ka, kb), span in known_ranges.items():
            if ka == a and kb < b and span.kind == "organization":
                extra = {t.key for t in tokens[kb:b]}
                if not extra & (ORG_HEADS | EVENT_HEADS | LAW_HEADS | PROJECT_HEADS):
                    return None
        keys = [t.key for t in tokens[a:b]]
        words = set(keys)
        acronym = _acronym_after(tokens, b)
        first_word = next((t.key for t in tokens[a:b] if not t.is_acronym), "")
        if first_word in ROLE_HEADS and len(keys) > 1:  # "IOM Head of Office", "Chief of Mission"
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if keys[-1] in ROLE_HEADS and len(keys) > 1:  # "the Resource Centre Director"
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if words & LAW_HEADS or ("plan" in words and "action" in words):
            return Span(passage, a, b, "rule", "law", confidence=0.7)
        if words & PROJECT_HEADS or {"trust", "fund"} <= words:  # a trust fund is a fund
            return Span(passage, a, b, "rule", "project", confidence=0.6)
        if "campaign" in words:
            return Span(passage, a, b, "rule", "campaign", confidence=0.6)
        if words & EVENT_HEADS:
            head = next(k for k in keys if k in EVENT_HEADS)
            after = keys[keys.index(head) + 1 :]
            if (
                head == "congress"
                and after[:1] != ["on"]
                and b - a >= 2
                and not (tokens[a - 1].key in ("second", "first", "third") if a else False)
            ):
                return Span(passage, a, b, "rule", "organization", confidence=0.6, acronym=acronym)
            if b - a >= 2:
                return Span(passage, a, b, "rule", "event", confidence=0.65, acronym=acronym)
            return None
        if words & ORG_HEADS and b - a >= 2:
            if " ".join(keys) in GENERIC_NAMES and acronym is None:
                return None
            if keys[0] in GROUPS_OF_PEOPLE and keys[1] == "of":
                return None  # "Members of Parliament": people, not a body
            return Span(passage, a, b, "rule", "organization", confidence=0.7, acronym=acronym)
        if words & ROLE_HEADS:
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if b - a == 1 and tokens[a].is_acronym:
            plain = tokens[a].text.replace(".", "").upper()
            if plain in ACRONYM_STOP or plain in self.phrase_acronyms:
                return None
            if "." in tokens[a].text and len(plain) <= 2:
                return None  # "N.V. (initials changed)": a person's initials
            if _currency_of_a_number(tokens, a):
                return None
            return Span(passage, a, b, "rule", "organization", confidence=0.5, acronym=None)
        if words & MONTHS:
            return None
        if self._person_by_context(passage, a, b, known_ranges):
            return Span(passage, a, b, "rule", "person", confidence=0.6)
        place = self._place_by_context(passage, a, b, known_ranges)
        if place is not None:
            return place
        if b - a == 1 and self._coordinated_with_organization(passage, a, known_ranges):
            return Span(passage, a, b, "rule", "organization", confidence=0.6)
        return None

    def _coordinated_with_organization(self, passage: Passage, a: int, known_ranges) -> bool:
        """A single capitalized word joined by "and" (or a comma) to an organization the
        reference data knows ("developed by IOM and Microsoft", "Microsoft and IOM"): a name
        of an organization too. Not at a sentence's start, nor a word the text also writes
        in lower case."""
        tokens = passage.tokens
        if a in _sentence_starts(passage) or not tokens[a].text[:1].isupper():
            return False
        if tokens[a].key in STARTERS or tokens[a].key in MONTHS or tokens[a].key in ALL_HEADS:
            return False
        if any(t.key == tokens[a].key and t.text.islower() for t in tokens):
            return False
        orgs = [
            (ka, kb)
            for (ka, kb), span in known_ranges.items()
            if span.kind == "organization" and span.origin == "reference"
        ]
        before = a >= 2 and tokens[a - 1].key in ("and", ",", "&")
        after = a + 2 < len(tokens) and tokens[a + 1].key in ("and", "&")
        if before and any(kb == a - 1 for _, kb in orgs):
            return True
        return after and any(ka == a + 2 for ka, _ in orgs)

    def _place_by_context(self, passage, a, b, known_ranges) -> Span | None:
        tokens = passage.tokens
        keys = [t.key for t in tokens[a:b]]
        # "X City": a city, within the country X when X is one.
        if keys[-1] == "city" and b - a >= 2:
            within = known_ranges.get((a, b - 1))
            return Span(
                passage,
                a,
                b,
                "rule",
                "place",
                confidence=0.7,
                place_type="city",
                within=_target_of(within) if within else None,
            )
        # "X, Tamaulipas": a place followed by a known state or country.
        if b + 1 < len(tokens) and tokens[b].text == ",":
            for (ka, _), span in known_ranges.items():
                container_type = _place_type(span, self.knowledge)
                if ka == b + 1 and span.kind == "place" and container_type in ("state", "country"):
                    return Span(
                        passage,
                        a,
                        b,
                        "rule",
                        "place",
                        confidence=0.65,
                        place_type="city",
                        within=_target_of(span),
                    )
        if keys[0] in CITY_STARTS and b - a >= 2:
            return Span(passage, a, b, "rule", "place", confidence=0.5, place_type="city")
        return None

    def _person_by_context(self, passage, a, b, known_ranges) -> bool:
        tokens = passage.tokens
        for (ka, kb), span in known_ranges.items():
            if (
                a <= ka
                and kb <= b
                and (
                    span.kind == "organization"
                    or (
                        span.kind == "place"
                        and not (span.entry is not None and span.entry.gazetteer)
                    )
                )
            ):
                return False  # "Radio America": a known name inside is no person's
        if not 2 <= b - a <= 4 or any(not t.is_word or t.is_acronym for t in tokens[a:b]):
            return False
        if any(
            t.key in CONNECTORS and t.key not in ("de", "del", "da", "la", "le")
            for t in tokens[a:b]
        ):
            return False
        if not _looks_like_person(tokens, a, b):
            return False
        return _person_context(passage, a, b)

    def _place_lists(self, passage: Passage, known_here: list[Span]) -> list[Span]:
        """ "the states of Chiapas, Veracruz and Yucatan": every name of the list."""
        out = []
        for m in LIST_OF_PLACES.finditer(passage.text):
            place_type = PLACE_TYPE_OF[m.group("what").casefold()]
            i = passage.token_index(m.end() - 1)
            tokens = passage.tokens
            while i < len(tokens):
                j = i
                while j < len(tokens) and (_is_name_word(tokens[j]) or tokens[j].text == "-"):
                    j += 1
                if j == i:
                    break
                if not any(s.a <= i and j <= s.b for s in known_here):
                    out.append(
                        Span(passage, i, j, "rule", "place", confidence=0.6, place_type=place_type)
                    )
                if (
                    j < len(tokens)
                    and tokens[j].text == ","
                    or (j < len(tokens) and tokens[j].key in ("and", "or"))
                ):
                    i = j + 1
                    continue
                break
        return out

    # -- resolution ------------------------------------------------------------------------

    def _resolve(self, spans: list[Span]) -> Entities:
        result = Entities()
        accepted: list[Span] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        for span in sorted(spans, key=lambda s: s.rank):
            ranges = taken.setdefault(span.passage.index, [])
            overlaps = [(a, b) for a, b in ranges if a < span.b and span.a < b]
            if overlaps and not self._nested_allowed(span, accepted):
                continue
            accepted.append(span)
            if span.kind != "role":
                ranges.append((span.a, span.b))
        accepted.sort(key=lambda s: (s.passage.index, s.start))
        # New entities, merged by name and by acronym.
        by_acronym: dict[str, NewEntity] = {}
        for span in accepted:
            if span.kind in ("organization", "place", "person"):
                mention = self._mention(span, result, by_acronym)
                if mention is not None:
                    mention.coordinated = span.coordinated
                    result.mentions.append(mention)
            else:
                result.names.append(
                    Name(span.passage, span.start, span.end, span.kind, span.acronym)
                )
        self._acronyms_in_brackets(accepted, result, by_acronym)
        self._aliases_of_new(accepted, result)
        self._acronyms_by_initials(result)
        self._same_words_in_another_order(result)
        self._cities_named_like_states(result)
        self._resolve_within(result)
        return result

    def _same_words_in_another_order(self, result: Entities) -> None:
        """ "the Honduran Government" and "the Government of Honduras", "Ministry of Foreign
        Affairs of Honduras" and "Honduras's Ministry of Foreign Affairs": new organizations
        whose words are the same once a country's adjective is read as its name, and the
        connectors and the possessive are left out, are one."""
        by_words: dict[frozenset, NewEntity] = {}
        names = {}
        for _, place, is_demonym in world.countries():
            if not is_demonym and place.iso3166:
                names.setdefault(place.iso3166, " ".join(_words(place.name)))
        for new in list(result.new.values()):
            if new.kind != "organization" or _is_acronym_text(new.name):
                continue
            words = [self._country_words.get(w, w) for w in _words(new.name)]
            # "Honduras's Ministry of ...": the country before it is part of what it names
            first = next((m for m in result.mentions if m.new is new), None)
            code = self.variants.country_before(first.passage, first.start) if first else None
            words += names.get(code, "").split()
            key = frozenset(w for w in words if w not in CONNECTORS)
            if len(key) < 2:
                continue
            keep = by_words.setdefault(key, new)
            if keep is not new and new.key in result.new:
                _merge(keep, new, result)

    @functools.cached_property
    def _country_words(self) -> dict[str, str]:
        """A country's adjective -> its name, in the folded words of `_words`."""
        out = {}
        for surface, place, is_demonym in world.countries():
            if is_demonym and place.type == "country":
                out[" ".join(_words(surface))] = " ".join(_words(place.name))
        for entity in self.knowledge.entities.values():
            if entity.kind == "place" and entity.type == "country":
                adjective = world.demonym(entity.name, entity.iso3166)
                if adjective:
                    out[" ".join(_words(adjective))] = " ".join(_words(entity.name))
        return {k: v for k, v in out.items() if " " not in k}

    def _cities_named_like_states(self, result: Entities) -> None:
        """ "in Puebla, Mexico": a subdivision's name followed by its country is the city."""
        for i, mention in enumerate(result.mentions[:-1]):
            new, nxt = mention.new, result.mentions[i + 1]
            if new is None or new.type != "state" or mention.origin != "world":
                continue
            between = mention.passage.text[mention.end : nxt.start]
            country = self.knowledge.entities.get(nxt.entity or "")
            if (
                nxt.passage is mention.passage
                and between == ", "
                and country
                and (country.type == "country")
            ):
                new.note = (
                    f"{new.name}, {country.name}: read as the city; {new.name} is also the name "
                    f"of a state ({new.iso3166})."
                )
                new.type, new.iso3166, new.within = "city", None, country.id
                new.confidence = min(new.confidence, 0.6)

    def _nested_allowed(self, span: Span, accepted: list[Span]) -> bool:
        """A known organization at the start of a longer organization's name, or anything
        inside a role ("IOM" in "IOM Chief of Mission")."""
        for other in accepted:
            if other.passage is not span.passage or not (other.a < span.b and span.a < other.b):
                continue
            if other.kind == "role" or (other.coordinated and span.origin != "rule"):
                continue
            if other.alias_of is not None:
                return False
            if (
                span.kind == "organization"
                and (span.origin == "reference" or (span.origin == "rule" and span.b - span.a == 1))
                and other.kind in ("organization", "project", "event", "law", "campaign")
                and other.a == span.a
                and not (
                    other.entry is not None
                    and span.entry is not None
                    and other.entry.target == span.entry.target
                )
            ):
                continue
            return False
        return True

    def _mention(self, span: Span, result: Entities, by_acronym) -> Mention | None:
        if span.origin == "reference":
            return Mention(
                span.passage,
                span.start,
                span.end,
                span.kind,
                entity=span.entry.target,
                confidence=0.8 if span.entry.demonym else span.confidence,
            )
        if span.origin == "world":
            place: world.WorldPlace = span.entry.target
            known = self.knowledge.entity_by_name("place", place.name)
            if known is not None:
                return Mention(span.passage, span.start, span.end, "place", entity=known.id)
            # A place the text names only by its adjective ("West African migrants") is a
            # suggestion; named as a place as well, it is proposed as one.
            new = self._new(
                result, "place", place.name, 0.75 if not span.entry.demonym else DEMONYM_ONLY
            )
            new.type = new.type or place.type
            new.iso3166 = new.iso3166 or place.iso3166
            new.within = (
                new.within or span.within or (f"name:{place.within}" if place.within else None)
            )
            new.note = new.note or place.note
            new.geonames = new.geonames or place.geonames
            if span.text != place.name and not span.entry.demonym:
                _add_alt(new, span.text)
            return Mention(
                span.passage,
                span.start,
                span.end,
                "place",
                new=new,
                confidence=new.confidence,
                origin="world",
            )
        text = span.text
        if span.alias_of is not None and span.alias_of.origin == "reference":
            return Mention(
                span.passage,
                span.start,
                span.end,
                span.kind,
                entity=span.alias_of.entry.target,
                confidence=0.7,
                origin="variant",
                note=f"in apposition to {span.alias_of.text!r}",
            )
        if (
            span.kind == "organization"
            and span.b - span.a == 1
            and span.passage.tokens[span.a].is_acronym
        ):
            new = by_acronym.get(text)
            if new is None:
                new = self._new(result, "organization", text, span.confidence)
                new.acronym = text if new.name == text else new.acronym
                by_acronym[text] = new
            return Mention(
                span.passage,
                span.start,
                span.end,
                "organization",
                new=new,
                confidence=new.confidence,
                origin="rule",
            )
        outside = self.variants.country_before(span.passage, span.start)
        known = self.knowledge.entity_by_name(span.kind, text)
        if known is not None and not self.variants.conflicts(known.id, outside):
            return Mention(span.passage, span.start, span.end, span.kind, entity=known.id)
        variant = self.variants.match(span.kind, text, outside) if span.kind != "place" else None
        if variant is not None and span.acronym and self._acronym_differs(variant[0], span.acronym):
            variant = None  # "National Commission for Human Rights (CONADEH)": not Mexico's
        if variant is not None:
            entity, surface, score = variant
            return Mention(
                span.passage,
                span.start,
                span.end,
                span.kind,
                entity=entity,
                confidence=0.7,
                origin="variant",
                note=f"variant of {surface!r} (score {score:.0f})",
            )
        new = self._new(result, span.kind, text, span.confidence)
        if span.acronym:
            if span.acronym in by_acronym and by_acronym[span.acronym] is not new:
                _merge(new, by_acronym.pop(span.acronym), result)
            new.acronym = span.acronym
            by_acronym[span.acronym] = new
        if span.kind == "place":
            new.type = new.type or span.place_type
            new.within = new.within or span.within
        elif span.kind == "organization" and span.within:  # an office: parent and country
            new.part_of = span.within
            new.country = span.note if span.note and not span.note.startswith("name:") else None
            if new.country is None and span.note:
                known_country = self.knowledge.entity_by_name("place", span.note[5:])
                new.country = known_country.id if known_country else None
        return Mention(
            span.passage,
            span.start,
            span.end,
            span.kind,
            new=new,
            confidence=new.confidence,
            origin="rule",
        )

    def _new(self, result: Entities, kind: str, name: str, confidence: float) -> NewEntity:
        key = f"{kind}:{fold(name)}"
        new = result.new.get(key)
        if new is None:
            new = NewEntity(key, kind, name, confidence)
            new.similar = self._similar(kind, name)
            result.new[key] = new
        new.confidence = max(new.confidence, confidence)
        return new

    def _similar(self, kind: str, name: str) -> list[str]:
        return [f"{e} ({score:.0f})" for e, score in self.variants.closest(kind, name)]

    def _acronyms_in_brackets(self, accepted, result: Entities, by_acronym) -> None:
        """ "National Institute ... (INEGI)": the acronym names the organization before it."""
        for span in accepted:
            if span.kind != "organization" or span.origin != "rule" or not span.acronym:
                continue
            owner = by_acronym.get(span.acronym)
            for mention in result.mentions:
                if mention.new is not None and mention.new.acronym == span.acronym:
                    owner = owner or mention.new
            if owner is None:
                continue
            for mention in result.mentions:
                if (
                    mention.new is not None
                    and mention.new is not owner
                    and (mention.new.name == span.acronym)
                ):
                    _merge(owner, mention.new, result)
                    mention.new = owner

    def _aliases_of_new(self, accepted: list[Span], result: Entities) -> None:
        """ "UNHCR, the UN Refugee Agency,": a descriptive name in apposition to a new
        organization is another name of it."""
        by_span = {(m.passage.index, m.start): m for m in result.mentions}
        for span in accepted:
            head = span.alias_of
            if head is None or head.origin == "reference":
                continue
            alias = by_span.get((span.passage.index, span.start))
            owner = by_span.get((head.passage.index, head.start))
            if alias is None or owner is None or alias.new is None or owner.new is None:
                continue
            if alias.new is not owner.new and alias.kind == owner.kind == "organization":
                _merge(owner.new, alias.new, result)

    def _acronyms_by_initials(self, result: Entities) -> None:
        """ "UNODC" and "UN Office on Drugs and Crime" in one text, apart: the acronym is the
        initials of the name, so both are one organization (the reference entity when the
        name is one)."""
        acronyms = [
            m
            for m in result.mentions
            if m.kind == "organization"
            and m.new is not None
            and (_is_acronym_text(m.new.name) or m.new.acronym)
        ]
        if not acronyms:
            return
        names: list[tuple[str, Mention]] = []
        for m in result.mentions:
            if m.kind != "organization" or _is_acronym_text(m.text):
                continue
            names.append((m.text, m))
            if m.new is not None:
                names += [(alt, m) for alt in m.new.alt_names if not _is_acronym_text(alt)]
        for mention in acronyms:
            new = mention.new
            if new is None or new.key not in result.new:
                continue
            letters = re.sub(r"[^A-Z]", "", new.acronym or new.name)
            matched = [(n, o) for n, o in names if o.new is not new and _initials_match(letters, n)]
            known = next((o for _, o in matched if o.new is None), None)
            if known is not None and _is_acronym_text(
                new.name
            ):  # the acronym of a reference entity the text names
                for m in result.mentions:
                    if m.new is new:
                        m.entity, m.new = known.entity, None
                        m.origin, m.confidence = "variant", 0.7
                        m.note = f"the initials of {known.text!r}"
                result.new.pop(new.key, None)
                continue
            # The new organizations whose names it abbreviates are one, with it.
            keep = None if _is_acronym_text(new.name) else new
            for _, other in matched:
                if other.new is None or other.new.key not in result.new:
                    continue
                if keep is None:
                    keep = other.new
                elif other.new is not keep:
                    _merge(keep, other.new, result)
            if keep is not None and keep is not new:
                keep.acronym = keep.acronym or new.acronym or new.name
                _merge(keep, new, result)
                keep.confidence = max(keep.confidence, 0.7)

    def _resolve_within(self, result: Entities) -> None:
        """`within` as a reference id, "new:KEY" or None."""
        by_target = {}
        for mention in result.mentions:
            by_target[mention.target] = mention
        for new in result.new.values():
            within = new.within
            if within is None:
                continue
            if within.startswith("name:"):
                name = within[5:]
                known = self.knowledge.entity_by_name("place", name)
                if known is not None:
                    new.within = known.id
                elif f"place:{fold(name)}" in result.new:
                    new.within = f"new:place:{fold(name)}"
                else:
                    new.within = None
                    new.note = (new.note + " " if new.note else "") + f"It lies within {name}."


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-ZÀ-Ý][\w’'.-]*"
_PLACE_NAME = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}"
# "GENEVA, Aug 26 (UNHCR)", "KYIV 18 November 2002 -", "Bangkok, Thailand —", "Peru - With":
# the place a release was written in, at the start of a paragraph.
DATELINE = re.compile(
    rf"(?P<names>{_PLACE_NAME}(?:\s*/\s*{_PLACE_NAME})*)"
    rf"(?=\s*(?:\([^()]{{2,30}}\)\s*)?(?:,\s*{_PLACE_WORD}(?: {_PLACE_WORD})?\s*)?"
    rf"(?:\s[-\u2013\u2014]\s|,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH_WORD}\s+\d))"
)


def _datelines(source: Source) -> dict[int, tuple[tuple[str, ...], int]]:
    """passage index -> (the place names of its dateline, where the dateline's names end)."""
    out = {}
    for passage in source.passages:
        m = DATELINE.match(passage.text)
        if m is not None:
            names = tuple(n.strip() for n in m.group("names").split("/"))
            out[passage.index] = (names, m.end("names"))
    return out


def _is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


INITIALS_SKIP = {"of", "on", "and", "for", "the", "in", "to", "against", "at", "de", "del", "la"}


def _initials_match(letters: str, name: str) -> bool:
    """Whether `letters` ("UNODC") are the initials of `name` ("UN Office on Drugs and
    Crime", "United Nations Office on Drugs and Crime"): the first letter of each word but
    the connectors (an acronym inside the name gives all its letters), in order, or, for
    a name in another language's order ("National Migration Institute", INM), the same
    letters in any order."""
    words = re.findall(r"[\w’'-]+", re.sub(r"[’']s\b", "", name))
    words = [w for w in words if w.casefold() not in INITIALS_SKIP]
    if len(words) < 2 or len(letters) < 2:
        return False
    if len(letters) == 2:  # "EU", "European Union": two words, their initials in order
        return len(words) == 2 and letters == "".join(w[0] for w in words).upper()
    whole = "".join(w if _is_acronym_text(w) else w[0] for w in words).upper()
    firsts = "".join(w[0] for w in words).upper()
    if letters in (whole, firsts):
        return True
    return len(letters) == len(firsts) and sorted(letters) == sorted(firsts)


ORG_NOUNS = (
    r"agency|organi[sz]ation|ngo|non-governmental organi[sz]ation|foundation|association|"
    r"network|charity|company|corporation|firm|institution|cooperative|union|consortium|"
    r"think tank|group"
)
# "the Ansar law enforcement agency": a name, then what kind of organization it is.
NAME_THEN_TYPE = re.compile(
    rf"\bthe\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}})\s+"
    rf"(?:[a-z-]+\s+){{0,3}}?(?:{ORG_NOUNS})\b"
)
# "the NGO Svitlo Dnia": the kind of organization just before a name.
ORG_NOUN_BEFORE = re.compile(rf"\b(?i:{ORG_NOUNS})\s+$")
# "the local NGO Casa Alianza", "in cooperation with “El Refugio de la Niñez”": the kind of
# organization (or a partnership), then its name.
TYPE_THEN_NAME = re.compile(
    rf"\b(?i:(?:{ORG_NOUNS})|(?:cooperation|partnership|collaboration|coordination)\s+with)"
    rf"\s+(?P<q>[\"“])?(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:de|del|la|las|los|el|y|of|for|and|"
    rf"the|for)\s+)*[A-Z][\w’'-]*){{0,6}})(?(q)[\"”])"
)


def _listed_with_organizations(passage, unnamed, found, known, starts) -> list[Span]:
    """ "with Save the Children, World Vision and Catholic Relief Services": names of a list
    ("A, B and C") one of whose members is an organization are organizations, when nothing
    else says what they are (not a sentence's first word, no place's or person's name)."""
    tokens = passage.tokens
    members = sorted(
        [(s.a, s.b, "organization") for s in [*found, *known] if s.kind == "organization"]
        + [(s.a, s.b, s.kind) for s in [*found, *known] if s.kind != "organization"]
        + [(a, b, None) for a, b in unnamed],
        # A span both named and unnamed sorts by its kind as text: None beside "place" would
        # not compare.
        key=lambda member: (member[0], member[1], member[2] or ""),
    )
    out = []
    chain: list[tuple[int, int, str | None]] = []

    def close() -> None:
        if len(chain) >= 2 and any(kind == "organization" for _, _, kind in chain):
            for a, b, kind in chain:
                keys = [t.key for t in tokens[a:b]]
                if (
                    kind is None
                    and a not in starts
                    and len(keys) <= 5
                    and keys[0] not in STARTERS
                    and not set(keys) & (MONTHS | NON_ORG_HEADS)
                    and " ".join(keys) not in GENERIC_NAMES
                    and not _looks_like_person(tokens, a, b)
                ):
                    out.append(Span(passage, a, b, "rule", "organization", confidence=0.55))

    for member in members:
        if chain:
            gap = [t.key for t in tokens[chain[-1][1] : member[0]]]
            if gap in ([","], ["and"], [",", "and"], ["&"], ["and", "the"], [",", "the"]):
                chain.append(member)
                continue
            close()
        chain = [member]
    close()
    return out


AND_THE = re.compile(r"\s+and\s+the\s")


def _matches_cut_at_and_the(pattern: re.Pattern, text: str):
    """The matches of `pattern`, each with where its name ends: before a name's "and the",
    where the next match is searched from (the second name of "the NGO A and the NGO B" is
    matched too)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        cut = AND_THE.search(m.group("name"))
        if cut is None:
            yield m, m.end("name")
            pos = m.end()
        else:
            yield m, m.start("name") + cut.start()
            pos = m.start("name") + cut.end()


def _typed_organizations(passage: Passage, known: list[Span], found: list[Span]) -> list[Span]:
    """Names of organizations that the text says are organizations: "the Ansar law
    enforcement agency", "the local NGO Casa Alianza", "in cooperation with “El Refugio de la
    Niñez”". Not a name it already knows, nor a place's or a people's ("the Mexican
    agency")."""
    tokens = passage.tokens
    out = []
    taken = [(s.a, s.b) for s in [*found, *known]]
    for pattern in (NAME_THEN_TYPE, TYPE_THEN_NAME):
        # "the NGO La Strada and the Ukrainian NGO ...": two names
        for m, name_end in _matches_cut_at_and_the(pattern, passage.text):
            a = passage.token_index(m.start("name"))
            b = passage.token_index(name_end - 1) + 1
            # "in partnership with La Strada Moldova": a country at the end of the name is
            # part of it.
            inside_places = {
                (s.a, s.b) for s in known if s.kind == "place" and a < s.a and s.b <= b
            }
            if a >= b or any(
                ka < b and a < kb and (ka, kb) not in inside_places for ka, kb in taken
            ):
                continue
            if any(t.key in STARTERS | MONTHS | PERSON_ROLES for t in tokens[a:b] if t.is_word):
                continue
            if pattern is TYPE_THEN_NAME and not m.group("q") and b - a < 2:
                continue  # "the NGO Sunday": one word, not quoted
            out.append(Span(passage, a, b, "rule", "organization", confidence=0.6))
            taken.append((a, b))
    return out


def _in_a_list(head: Span, span: Span) -> bool:
    """ "the Ministry of Foreign Affairs, the National Migration Institute, the ... and the
    ...": names of a list, not a name and another in apposition to it."""
    tokens = span.passage.tokens
    after = span.passage.text[span.end : span.end + 12]
    if re.match(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z]|,\s+the\s+[A-Z]", after):
        return True
    # "IOM, the UN Migration Agency, and the Government": an apposition before a comma and
    # "and" is a name of the UN's; another name there is the next of a list.
    if re.match(r",\s+(?:and|or)\s+(?:the\s+)?[A-Z]", after) and not re.match(
        r"(?:UN|United Nations)\b", span.text
    ):
        return True
    a = head.a
    return a >= 2 and tokens[a - 1].key == "the" and tokens[a - 2].key in (",", "and", "or")


def _prefix_of_longer_name(span: Span) -> bool:
    """A known organization's short name ("UN", "United Nations") that begins a longer
    capitalized name with a head word of its own ("UN Refugee Agency", "United Nations Office
    on Drugs and Crime"): the longer name is another organization. A known name with a head
    word ("US Department of State Bureau of ...") is the longer one's parent, and stays."""
    if span.origin != "reference" or span.kind != "organization":
        return False
    tokens = span.passage.tokens
    if any(t.key in ORG_HEADS for t in tokens[span.a : span.b]):
        return False
    b = span.b
    if b >= len(tokens) or not tokens[b].space_before or not _is_name_word(tokens[b]):
        return False
    i, words = b, []
    while i < len(tokens) and len(words) < 8:
        t = tokens[i]
        if _is_name_word(t):
            words.append(t.key)
        elif not (t.key in ("of", "on", "for", "and", "against") and t.text.islower()):
            break
        i += 1
    return bool(set(words[:5]) & (ORG_HEADS - {"system", "group", "team"}))


def _phrase_acronyms(source: Source, known: list[Span]) -> set[str]:
    """Acronyms a text gives for a phrase in lower case ("gender-based violence (GBV)"):
    no organizations."""
    out = set()
    for passage in source.body:
        tokens = passage.tokens
        for i in range(1, len(tokens) - 2):
            if tokens[i].text != "(" or not tokens[i + 1].is_acronym:
                continue
            if tokens[i + 2].text not in (")", ",", ";") and not re.match(
                r"\s*(?:by|for|in|after)\s+its\s+(?:\w+\s+)?(?:acronym|initials)\b",
                passage.text[tokens[i + 1].end :],
            ):
                continue
            before = tokens[i - 1]
            if any(s.passage is passage and s.a <= i + 1 < s.b for s in known):
                continue
            if before.is_word and before.text.islower():
                out.add(tokens[i + 1].text.replace(".", "").upper())
                continue
            # "the Displacement Tracking Matrix (DTM)", "the Global Compact for Migration
            # (GCM)": a capitalized name whose head word makes it no organization.
            j, words = i - 1, set()
            while (
                j >= 0
                and i - j <= 12
                and (
                    _is_name_word(tokens[j])
                    or (tokens[j].key in CONNECTORS and tokens[j].text.islower())
                    or (tokens[j].text == "," and j and _is_name_word(tokens[j - 1]))
                )
            ):
                words.add(tokens[j].key)
                j -= 1
            if words & NON_ORG_HEADS and not words & ORG_HEADS:
                out.add(tokens[i + 1].text.replace(".", "").upper())
    # "a UNODC project, TRACK4TIP,", "the programme CAMINOS": the acronym names the project.
    for passage in source.body:
        for m in re.finditer(
            r"\b(?:project|programme|program|initiative|campaign|platform|database|tool|"
            r"system|app|hotline|network|mechanism),?\s+[\"“]?(?P<acronym>[A-Z][A-Z0-9-]{2,})\b",
            passage.text,
        ):
            out.add(m.group("acronym").replace(".", "").upper())
    return out


NON_ORG_HEADS = (PROJECT_HEADS | LAW_HEADS | EVENT_HEADS | STUDY_HEADS | {"campaign"}) | {
    "matrix", "goals", "goal", "mechanism", "tool", "toolkit", "framework", "strategy",
    "compact", "agenda", "platform", "database", "hotline", "methodology", "standards",
    "principles", "day", "week", "plan", "policy", "policies", "pact", "model", "approach",
}  # fmt: skip


ROLE_WORDS = ROLE_HEADS | {"secretary-general", "general", "envoy", "rapporteur", "officer"}


def _name_after_role(tokens: list[Token], a: int, b: int, known_ranges):
    """Where a person's name begins at the end of the run [a, b) that holds a role before
    it, or None: two or three capitalized words after the role's last word (and after a
    one-word complement: "for Operations"), none of them a head word or a known name."""
    last_role = None
    for i in range(a, b):
        if tokens[i].key in ROLE_WORDS or tokens[i].key.split("-")[-1] in ROLE_WORDS:
            last_role = i
    if last_role is None:
        return None
    start = last_role + 1
    while start < b and tokens[start].text in ("-",):  # "Secretary-General"
        start += 2
    if start + 1 < b and tokens[start].key in ("for", "of", "on") and b - (start + 2) >= 2:
        start += 2
    end = start
    while end < b and (
        tokens[end].is_word
        and tokens[end].key not in CONNECTORS
        or (tokens[end].text == "-" and not tokens[end].space_before)
    ):
        end += 1
    # "Vice Minister of Foreign Affairs Jane Doe": a longer complement ends before the name.
    while end - start > 2 and tokens[start].key in NOT_PERSON_WORDS:
        start += 1
    # "Minister of Social Policy Jane Doe": the name begins at a given name.
    given = next(
        (
            i
            for i in range(start + 1, end - 1)
            if is_given_name(tokens[i].text) and tokens[i].key not in NOT_PERSON_WORDS
        ),
        None,
    )
    if end - start > 2 and given is not None and not is_given_name(tokens[start].text):
        start = given
    name = tokens[start:end]
    if not 2 <= len(name) <= 4 or start == a:
        return None
    if any(
        not t.is_word
        and t.text != "-"
        or t.is_acronym
        or (t.key in ALL_HEADS | CONNECTORS | ROLE_WORDS)
        for t in name
    ):
        return None
    if any(ka <= start < kb or start <= ka < end for ka, kb in known_ranges):
        return None
    if not _looks_like_person(tokens, start, end):
        return None  # "Coordinator of La Strada International": an organization
    return start, end


def _person_context(passage: Passage, a: int, b: int) -> bool:
    """Words around tokens [a, b) that make them a person's name: a title before, a verb of
    speech next to them ("said Jane Doe", "Jane Doe said"), or a role in apposition ("Jane
    Doe, IOM Chief of Mission in Mexico")."""
    tokens = passage.tokens
    if a and tokens[a - 1].key.rstrip(".") in PERSON_TITLES | ROLE_WORDS:
        return True  # "Dr Jane Doe", "counter-trafficking specialist Jane Doe"
    before = passage.text[max(0, tokens[a].start - 30) : tokens[a].start]
    after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 60]
    if SPEECH.search(before[-15:]) or SPEECH.search(after[:20]):
        return True
    # "Executive Director, UN Office on Drugs and Crime, Jane Doe:": a signature.
    wider = passage.text[max(0, tokens[a].start - 80) : tokens[a].start]
    if after.startswith(":") and before.endswith(", ") and set(_words(wider)) & ROLE_WORDS:
        return True
    m = re.match(r",\s+((?:\S+\s+){0,5}?\S+)", after)
    return bool(m and {fold(w) for w in re.findall(r"\w+", m.group(1))} & ROLE_HEADS)


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _currency_of_a_number(tokens: list[Token], a: int) -> bool:
    """ "USD 700", "2 million EUR": an ISO 4217 code next to a number is its currency."""
    if tokens[a].text not in _currency_codes():
        return False
    near = [tokens[k] for k in (a - 1, a + 1) if 0 <= k < len(tokens)]
    return any(t.text[:1].isdigit() or t.key in ("million", "billion", "thousand") for t in near)


CREDIT = re.compile(r"(?:©|\(c\)|\bPhoto(?:\s+credit)?\s*:|\bCredit\s*:)\s*[^.;\n]*$", re.I)


def _in_a_credit(passage: Passage, a: int) -> bool:
    """ "© UNHCR/A. Doe", "Photo: IOM 2018 / Jane Doe": a picture's credit, not the text."""
    start = passage.tokens[a].start
    return CREDIT.search(passage.text[max(0, start - 60) : start]) is not None


def _in_a_menu(passage: Passage, a: int, b: int) -> bool:
    """ "Home | Where We Work | Media Centre | Donate": a name between the bars (or bullets) of
    a site's menu is a link's label, not a mention."""
    tokens = passage.tokens
    sides = [tokens[a - 1].text if a else "", tokens[b].text if b < len(tokens) else ""]
    return any(side in ("|", "•", "·", "»", "›") for side in sides)


def _acronym_after(tokens: list[Token], b: int) -> str | None:
    """ "National Institute ... (INEGI ...)": the acronym in brackets after a name."""
    if b + 1 < len(tokens) and tokens[b].text == "(" and tokens[b + 1].is_acronym:
        return tokens[b + 1].text
    return None


def _target_of(span: Span | None) -> str | None:
    if span is None or span.entry is None:
        return None
    if span.origin == "reference":
        return span.entry.target
    return f"name:{span.entry.target.name}"


def _place_type(span: Span, knowledge: Knowledge) -> str | None:
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
    result.new.pop(gone.key, None)
    for mention in result.mentions:
        if mention.new is gone:
            mention.new = keep


# --------------------------------------------------------------------------------------------
# People: names in any position, found by the words around them
# --------------------------------------------------------------------------------------------

# Lower-case particles inside a person's name ("María José de la Cruz", "Pieter van der Berg").
NAME_PARTICLES = {
    "de", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos", "du", "la",
    "le", "di", "bin", "ibn", "ben", "y", "e", "al", "el", "ter", "zu",
}  # fmt: skip
# Titles before a name ("Mr. John Doe", "Dr Jane Doe"), and roles written before it in lower
# or title case ("IOM counter-trafficking specialist Jane Doe", "Ambassador John Doe").
NAME_TITLES = PERSON_TITLES | {
    "mrs", "miss", "sir", "dame", "lady", "hon", "honourable", "sr", "sra",
    "h.e.", "s.e.", "excellency",  # "H.E. Jane Doe", "His Excellency John Doe"
}  # fmt: skip
PERSON_ROLES = ROLE_WORDS | NAME_TITLES | {
    "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder", "researcher",
    "lawyer", "activist", "survivor", "economist", "analyst", "attache", "attaché", "envoy",
    "counsellor", "counselor", "ombudsman", "ombudsperson", "prosecutor", "attorney",
    "inspector", "commander", "superintendent", "vice-minister", "viceminister",
    "undersecretary", "under-secretary", "secretary-general", "director-general",
    "chargé", "charge", "delegate", "focal", "lead", "leader", "coordinator", "officer",
    "official", "member", "staff", "worker", "volunteer", "psychologist", "doctor", "nurse",
    "teacher", "journalist", "photographer", "assistant", "associate", "fellow",
    "professor", "dean", "rector", "chancellor", "premier", "king", "queen", "prince",
    "princess", "pope", "ceo", "administrator",
}  # fmt: skip
# Capitalized words that make a name an organization's, a place's, an event's or a title's,
# never a person's ("According to Human Rights Watch", "said Global Report").
NOT_PERSON_WORDS = ALL_HEADS | STUDY_HEADS | MONTHS | {
    "human", "rights", "watch", "international", "national", "united", "nations", "world",
    "global", "day", "migration", "refugee", "refugees", "children", "development", "affairs",
    "foreign", "security", "justice", "health", "labour", "labor", "protection",
    "trafficking", "persons", "relief", "republic", "kingdom", "states", "state", "union",
    "european", "african", "american", "asian", "northern", "southern", "eastern", "western",
    "central", "north", "south", "east", "west", "general", "public", "social", "welfare",
    "women", "youth", "family", "education", "interior", "defence", "defense", "finance",
    "economy", "trade", "media", "press", "news", "information", "statement", "message",
    "photo", "video", "read", "more", "contact", "email", "tel", "phone", "mobile", "fax",
    "twitter", "facebook", "instagram", "page", "home", "site", "migrants", "migrant",
    "victims", "crime", "drugs", "internet", "online", "covid", "agenda", "goal", "goals",
    "sustainable", "emergency", "response", "plan", "strategy", "action", "week",
    "year", "mission", "operations", "partners", "partner", "partnership", "platform",
    "data", "research", "shelter", "house", "centre", "center", "school", "hospital",
    "camp", "island", "islands", "river", "sea", "ocean", "gulf", "bay", "lake", "mount",
    "province", "region", "city", "county", "district", "valley", "border", "embassy",
    "the", "and", "for", "of", "this", "that", "these", "those", "our", "their", "its",
    "all", "new", "today", "we", "it", "they", "he", "she", "his", "her", "radio", "tv",
    "television", "times", "post", "herald", "tribune", "journal", "channel", "magazine",
    "street", "avenue", "road", "square", "park", "bridge", "station", "airport", "beach",
    "hall", "tower", "building", "plaza", "highway", "route", "desert", "gap", "pass",
}  # fmt: skip
# First words of places' and organizations' names ("San Pedro Sula", "La Ceiba").
NOT_PERSON_FIRST = CITY_STARTS | {"la", "el", "los", "las", "le", "les", "lo"}
SPEECH_VERBS = (
    r"said|says|say|added|adds|explained|explains|noted|notes|stated|states|told|tells|"
    r"stressed|stresses|emphasized|emphasised|emphasizes|emphasises|declared|declares|"
    r"warned|warns|remarked|remarks|commented|comments|affirmed|affirms|highlighted|"
    r"highlights|underlined|underlines|urged|urges|concluded|concludes|continued|continues|"
    r"announced|announces|observed|observes|recalled|recalls|insisted|insists|acknowledged|"
    r"acknowledges|pointed out|points out|asked|asks|replied|explained|argued|argues|"
    r"reported|reports|wrote|writes|according to|thanked|thanks|welcomed|welcomes"
)
SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$", re.I)
SPEECH_AFTER_NAME = re.compile(
    rf"^\s*(?:\([^()]{{1,60}}\)\s*)?(?:also\s+|further\s+|then\s+)?(?:{SPEECH_VERBS})\b", re.I
)


def _name_part(tokens: list[Token], i: int) -> int | None:
    """Where the part of a person's name that begins at token i ends: a capitalized word with
    what is hyphenated or apostrophed to it ("Jean-Pierre", "Ki-moon", "O'Neill", "al-Hassan"),
    or an initial ("F."); None when none begins there."""
    t = tokens[i]
    if not t.is_word or t.text[0].isdigit():
        return None
    j = i + 1
    if t.text.islower():
        # "al-Hassan", "el-Sayed": a particle hyphenated to a capitalized word.
        if (
            t.key in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "abu", "ibn")
            and j + 1 < len(tokens)
            and tokens[j].text in ("-", "\u2010")
            and not tokens[j].space_before
            and not tokens[j + 1].space_before
            and tokens[j + 1].text[:1].isupper()
        ):
            j += 2
        else:
            return None
    elif not t.text[0].isupper() or (t.is_acronym and len(t.text) > 1):
        return None
    elif len(t.text) == 1:  # an initial: "John F. Kennedy"
        if j < len(tokens) and tokens[j].text == "." and not tokens[j].space_before:
            return j + 1
        return None
    while (
        j + 1 < len(tokens)
        and tokens[j].text in ("-", "\u2010", "'", "’")
        and not tokens[j].space_before
        and not tokens[j + 1].space_before
        and tokens[j + 1].is_word
        and not tokens[j + 1].text[0].isdigit()
        and tokens[j + 1].key != "s"
    ):
        j += 2
    return j


def _person_names(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The longest run of name parts (with particles between them) from token i: 2 to 5
    parts, ending on a capitalized part."""
    parts = 0
    j = i
    end = None
    while j < len(tokens) and parts < 6:
        if j > i and not tokens[j].space_before:
            break
        if tokens[j].key in NAME_PARTICLES and tokens[j].text.islower():
            k = j
            while k < len(tokens) and tokens[k].key in NAME_PARTICLES and tokens[k].text.islower():
                k += 1
            # "al-Hassan" begins with a particle that is a part of its own
            nxt = _name_part(tokens, j) if tokens[j].key in ("al", "el") else None
            if nxt is not None and parts:
                parts, j, end = parts + 1, nxt, nxt
                continue
            if not parts or k >= len(tokens) or _name_part(tokens, k) is None:
                break
            j = k
            continue
        nxt = _name_part(tokens, j)
        if nxt is None:
            break
        parts += 1
        j = end = nxt
    if end is None or parts < 2 or parts > 5:
        return None
    return i, end


def _looks_like_person(tokens: list[Token], a: int, b: int) -> bool:
    words = [t for t in tokens[a:b] if t.is_word]
    if tokens[a].key in NOT_PERSON_FIRST:
        return False
    if any(t.key in NOT_PERSON_WORDS and t.text[:1].isupper() for t in words):
        return False
    if any(t.key in PERSON_ROLES and t.text[:1].isupper() for t in words):
        return False
    return not any(t.key.split("-")[0] in NOT_PERSON_WORDS for t in words if t.text[:1].isupper())


def _role_before(passage: Passage, a: int, known_ranges: dict) -> bool:
    """A role or title just before token a, directly ("Ambassador Jane Doe", "specialist
    Jane Doe", "Mr. Jane Doe") or through its complement ("Chief of Mission in Cambodia Jane
    Doe", "Ambassador to Honduras Jane Doe", "Director General for Operations Jane Doe")."""
    tokens = passage.tokens
    i = a - 1
    if i >= 1 and tokens[i].text == "." and tokens[i - 1].key in NAME_TITLES | {"prof", "st"}:
        return True
    steps = 0
    while i >= 0 and steps < 10:
        t = tokens[i]
        if t.key in PERSON_ROLES or t.key.split("-")[-1] in PERSON_ROLES:
            return True
        known = next((ka for (ka, kb), s in known_ranges.items() if kb == i + 1 and ka <= i), None)
        if known is not None:
            i, steps = known - 1, steps + 1
            continue
        if t.key in ("of", "for", "to", "in", "on", "the", "and", "at", "-", "’s", "'s") or (
            t.is_word and (t.text[0].isupper() or t.is_acronym)
        ):
            if t.key in ("the",) and i and tokens[i - 1].key in ("of", "for", "to", "in", "on"):
                i, steps = i - 1, steps + 1
                continue
            if t.key == "the":
                return False
            i, steps = i - 1, steps + 1
            continue
        return False
    return False


def _role_after(passage: Passage, b: int) -> bool:
    """ "Jane Doe, IOM Chief of Mission in Mexico", "Jane Doe, head of the shelter",
    "Jane Doe (Ministry of Labour)", "Jane Doe, who heads ...": a role in apposition."""
    text = passage.text
    end = passage.tokens[b - 1].end
    after = text[end : end + 90]
    m = re.match(r",\s+([^,;:()\u201c\u201d\"]{1,80})", after) or re.match(
        r"\s*\(\s*([^()]{2,60})\)", after
    )
    if not m:
        return False
    words = {fold(w) for w in re.findall(r"[\w-]+", m.group(1))[:8]}
    words |= {w.split("-")[-1] for w in words}
    if words & PERSON_ROLES:
        return True
    return bool(re.match(r",\s+who\s+(?:heads|leads|directs|chairs|runs|manages)\b", after))


def _role_before_comma(passage: Passage, a: int, b: int, known_ranges: dict) -> bool:
    """ "Vice Minister of Foreign Affairs, Jane Doe, said", "The First Lady, Jane Doe,
    attended": a role, a comma, the name, and a comma or a verb of speech."""
    tokens = passage.tokens
    if a < 2 or tokens[a - 1].text != ",":
        return False
    after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 30]
    if not (re.match(r"\s*[,:]", after) or SPEECH_AFTER_NAME.match(after)):
        return False
    return _role_before(passage, a - 1, known_ranges)


# Verbs whose subject is a person, seldom an organization ("Jane Doe thanked the donors").
PERSON_VERB_AFTER = re.compile(
    r"^\s*(?:,\s*(?:who\s+)?)?(?:also\s+|then\s+|later\s+)?(?:thanked|congratulated|met\s+with|"
    r"visited|spoke|addressed|chaired|attended|praised|expressed|recalled|lamented|reminded|"
    r"invited|encouraged|inaugurated|travell?ed|opened\s+the\s+(?:event|meeting|workshop|"
    r"session|ceremony|conference|forum|seminar))\b"
)
# What comes between a person's name and the organization the person is of.
OF_ORGANIZATION = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?=[A-Z])")


def _organization_after(passage: Passage, b: int, known_ranges: dict) -> bool:
    """ "Jane Doe of the National Centre for Migrant Care", "Jane Doe from IOM": the
    organization (a known one, an acronym, or a capitalized name with an organization's head
    word) that a person is of."""
    tokens = passage.tokens
    m = OF_ORGANIZATION.match(passage.text, tokens[b - 1].end)
    if m is None:
        return False
    k = passage.token_index(m.end())
    if k >= len(tokens):
        return False
    if any(ka == k and span.kind == "organization" for (ka, _), span in known_ranges.items()):
        return True
    if tokens[k].is_acronym and tokens[k].text.replace(".", "").upper() not in ACRONYM_STOP:
        return True
    j, words = k, []
    while j < len(tokens) and len(words) < 10:
        t = tokens[j]
        if _is_name_word(t):
            words.append(t.key)
        elif not (t.key in CONNECTORS and t.text.islower()):
            break
        j += 1
    return bool(set(words) & (ORG_HEADS - {"system", "group", "team", "house", "cross"}))


def _given_name_after_a_role(tokens: list[Token], i: int) -> bool:
    """ "Minister of Social Policy Jane Doe": a given name inside a capitalized run, after a
    role's complement (a role word among the eight words before), begins a name."""
    if not is_given_name(tokens[i].text) or tokens[i].key in NOT_PERSON_WORDS:
        return False
    if is_given_name(tokens[i - 1].text) and tokens[i - 1].key not in NOT_PERSON_WORDS:
        return False  # "Jane Mary Doe": the name began before
    return any(
        t.key in PERSON_ROLES or t.key.split("-")[-1] in PERSON_ROLES
        for t in tokens[max(0, i - 8) : i]
    )


def _named_like_a_person(
    tokens: list[Token], a: int, b: int, lowercase: frozenset[str], surnames: frozenset[str]
) -> bool:
    """A name of two to four parts that nothing around it explains: a person's when its first
    part is a given name and its last no word the text writes in lower case ("Grace Period"),
    or when the text uses its last part alone for a person ("Doe said", "Ms. Doe")."""
    parts = [t for t in tokens[a:b] if t.is_word and t.key not in NAME_PARTICLES]
    if not 2 <= len(parts) <= 4 or any(t.is_acronym for t in parts):
        return False
    if b + 1 < len(tokens) and tokens[b].text in ("'s", "’s") and _is_name_word(tokens[b + 1]):
        return False  # "Grace Hope's Shelter": the name of something of hers
    last = parts[-1].key
    if last in surnames:
        return True
    return is_given_name(parts[0].text) and last not in lowercase and last not in MONTHS


def surnames_in_use(source: Source) -> frozenset[str]:
    """Capitalized words a text uses alone for a person: after a title ("Ms. Doe", "Dr
    Doe") or before a verb of speech ("Doe said", "Doe, who ..., added")."""
    out = set()
    for passage in source.body:
        text = passage.text
        for m in re.finditer(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+([A-Z][\w’'-]+)\b(?!\s+[A-Z])", text):
            out.add(fold(m.group(1)))
        for m in re.finditer(r"(?<![\w’'-])([A-Z][a-z][\w’'-]*)\b", text):
            word = fold(m.group(1))
            if word in NOT_PERSON_WORDS or not SPEECH_AFTER_NAME.match(text[m.end() :]):
                continue
            if not re.search(r"[A-Z][\w’'-]*$", text[: m.start()].rstrip()):
                out.add(word)  # alone: not the last part of a longer name
    return frozenset(out - STARTERS)


LIST_CUE = re.compile(
    r"\b(?:includ(?:ed|ing|es)|such as|among them|namely|speakers|panell?ists|participants|"
    r"guests|honou?rees|winners|members)\s*:?\s*$",
    re.I,
)


def _list_of_names(passage: Passage, a: int, known_tokens: set[int]) -> int:
    """How many person-like names (none known as anything else) a list that begins at token
    a holds: "Jane Doe, John Roe and Ana Loe"."""
    tokens = passage.tokens
    count, i = 0, a
    while i < len(tokens):
        found = _person_names(tokens, i)
        if found is None or any(x in known_tokens for x in range(*found)):
            break
        if not _looks_like_person(tokens, *found):
            break
        count += 1
        j = found[1]
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        if j < len(tokens) and tokens[j].key == "and":
            j += 1
        if j == found[1]:
            break
        i = j
    return count


def find_persons(
    passage: Passage,
    known_ranges: dict,
    starts: set[int],
    lowercase: frozenset[str] = frozenset(),
    surnames: frozenset[str] = frozenset(),
) -> list[Span]:
    """People's names by the words around them: a title or role before ("Minister Jane Doe",
    "Mr. John Doe", "Chief of Mission in Cambodia Jane Doe"), a verb of speech before or after
    ("said Jane Doe", "Jane Doe told", "according to Jane Doe"), a role in apposition ("Jane
    Doe, head of ...", "Vice Minister, Jane Doe, said"), an organization the person is of
    ("Jane Doe of the National Migration Institute"), a verb only people are the subject of
    ("Jane Doe thanked"); names with particles ("de la Cruz", "van der Berg", "al-Hassan"),
    hyphens and accents; and the other names of a list one of whose names is a person's
    ("Jane Doe, John Roe and Ana Loe"). Without such words, a name whose first part is a
    given name (:mod:`kg.extraction.given_names`) and whose last is no word the text writes
    in lower case, or whose last part the text uses alone for someone who speaks or has a
    title (`surnames`: "Doe said", "Ms. Doe"), is a person's too."""
    tokens = passage.tokens
    known_tokens = set()
    for (ka, kb), span in known_ranges.items():
        if span.kind == "organization" or (
            span.kind == "place" and not (span.entry is not None and span.entry.gazetteer)
        ):
            known_tokens.update(range(ka, kb))
    out: list[Span] = []
    i = 0
    taken_until = 0
    while i < len(tokens):
        if i < taken_until or i in known_tokens:
            i += 1
            continue
        if (
            i
            and tokens[i - 1].is_word
            and tokens[i - 1].text[:1].isupper()
            and (
                i - 1 not in known_tokens
                and tokens[i - 1].key not in PERSON_ROLES
                and tokens[i - 1].key not in STARTERS
                and not tokens[i - 1].is_acronym
                and tokens[i - 1].key.split("-")[-1] not in PERSON_ROLES
            )
            and not _given_name_after_a_role(tokens, i)
        ):
            i += 1  # inside a capitalized run: only its first name part begins a name
            continue
        found = _person_names(tokens, i)
        if found is None:
            i += 1
            continue
        a, b = found
        if any(x in known_tokens for x in range(a, b)) or not _looks_like_person(tokens, a, b):
            i += 1
            continue
        if _in_a_credit(passage, a):
            i = b
            continue
        before = passage.text[max(0, tokens[a].start - 40) : tokens[a].start]
        if ORG_NOUN_BEFORE.search(before):
            i = b  # "the NGO Svitlo Dnia": the text says what it is
            continue
        after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 40]
        evidence = (
            _role_before(passage, a, known_ranges)
            or bool(SPEECH_BEFORE.search(before))
            or bool(SPEECH_AFTER_NAME.match(after))
            or bool(PERSON_VERB_AFTER.match(after))
            or _role_after(passage, b)
            or _role_before_comma(passage, a, b, known_ranges)
            or _organization_after(passage, b, known_ranges)
        )
        if not evidence and LIST_CUE.search(before):
            evidence = _list_of_names(passage, a, known_tokens) >= 3
        confidence = 0.7
        if not evidence and _named_like_a_person(tokens, a, b, lowercase, surnames):
            evidence, confidence = True, 0.6
        if evidence:
            out.append(Span(passage, a, b, "rule", "person", confidence=confidence))
            taken_until = b
            i = b
            continue
        i += 1
    # The other names of a list with a person in it.
    listed = list(out)
    while listed:
        person = listed.pop()
        for side in (1, -1):
            if side == 1:
                j = person.b
                m = re.match(r",\s+(?:and\s+)?|\s+and\s+", passage.text[tokens[j - 1].end :])
                if not m or j >= len(tokens):
                    continue
                k = passage.token_index(tokens[j - 1].end + m.end() - 1)
                found = _person_names(tokens, k) if k < len(tokens) else None
            else:
                if person.a < 2 or tokens[person.a - 1].key not in (",", "and"):
                    continue
                found = None
                for k in range(max(0, person.a - 7), person.a - 1):
                    cand = _person_names(tokens, k)
                    if (
                        cand
                        and cand[1] == person.a - 1
                        or (cand and cand[1] == person.a - 2 and tokens[person.a - 2].text == ",")
                    ):
                        found = cand
                        break
            if found is None:
                continue
            a, b = found
            if any(x in known_tokens for x in range(a, b)) or not _looks_like_person(tokens, a, b):
                continue
            if any(s.a < b and a < s.b for s in out):
                continue
            span = Span(passage, a, b, "rule", "person", confidence=0.6)
            out.append(span)
            listed.append(span)
    return out
