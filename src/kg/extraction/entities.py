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

import re
from collections import Counter

from kg.extraction import listed_subdivisions, world
from kg.extraction.candidates import CandidateRules
from kg.extraction.given_names import is_given_name
from kg.extraction.knowledge import Knowledge
from kg.extraction.lookup import (
    Trie,
    Variants,
    reference_trie,
    world_organization_trie,
    world_trie,
)
from kg.extraction.mentions import Entities, Mention, NewEntity, _place_type, _target_of
from kg.extraction.name_words import (
    CONNECTORS,
    GENERIC_PLACE_WORDS,
    ORG_HEADS,
    ORG_LAST_WORDS,
    STARTERS,
)
from kg.extraction.organizations import (
    _in_a_list,
    _is_acronym_text,
    _phrase_acronyms,
    a_topic,
    describes_an_agency,
    typed_as_organization,
)
from kg.extraction.people import ROLE_WORDS, _person_context, find_persons, surnames_in_use
from kg.extraction.person_places import not_put_as_places
from kg.extraction.place_candidates import PLACE_BEFORE, placed_by_the_words_before
from kg.extraction.prefix_names import _prefix_of_longer_name
from kg.extraction.resolution import Resolution
from kg.extraction.spans import (
    Span,
    _acronym_after,
    _datelines,
    _in_a_credit,
    _in_a_menu,
    _is_name_word,
    _sentence_starts,
    city_after_acronym,
    known_organization,
)
from kg.extraction.text import Passage, Source, fold, in_page_label
from kg.extraction.withheld_names import withheld_names
from kg.extraction.world_organizations import WorldOrganization

__all__ = ["Entities", "Mention", "NewEntity", "Recognizer"]

COMPASS_POINTS = {
    "eastern", "western", "northern", "southern", "central", "east", "west", "north", "south",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "north-eastern", "north-western", "south-eastern",
    "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip


HEADLINE_LAST_PASSAGE = 8  # a page's title, menus and date lines come before it
LARGE_CITY = 500_000  # people of a city whose name alone is a place
MISSION_IN = (["Mission", "in"], ["Mission", "to"])  # "the OSCE Mission in Kosovo"


def _in_headline_case(passage: Passage) -> bool:
    """Whether a passage is a headline the ingest did not take for the title (one sentence,
    no full stop, nearly every word capitalized: "UN Migration Agency Issues Report on
    Arrivals of Sexually Exploited Migrants, Chiefly from Nigeria")."""
    text = passage.text.strip()
    if len(passage.sentences) > 1 or text.endswith((".", "!", "?", ":")) or len(text) > 200:
        return False
    # Where a lost headline is (the first passages, below a page's date lines), and as it is
    # written: not a list ("Partners: Ministry of Health, UNICEF, Save the Children" names
    # organizations); "Djibouti: Migrant Response Centre In Obock ..." is a headline.
    if passage.index > HEADLINE_LAST_PASSAGE or text.count(",") > 1:
        return False
    words = [t for t in passage.tokens if t.is_word and t.key not in CONNECTORS]
    if len(words) < 5:
        return False
    capitalized = sum(1 for t in words if t.text[:1].isupper())
    return capitalized >= 0.8 * len(words)


def _in_sentence_case(passage: Passage) -> bool:
    """Whether a title is written as a sentence, most of its words in lower case ("There were
    72 cases of human trafficking in 2012, a report published by the Ministry of Justice
    said."): its names are read as a body's are, not as a headline's."""
    words = [t for t in passage.tokens if t.is_word and t.key not in CONNECTORS]
    return len(words) >= 5 and sum(1 for t in words if t.text[:1].islower()) > len(words) / 2


QUOTED_NAME = re.compile(r"\s*[“\"]([A-Z][^”\"\n]{1,40})[”\"]")


def _with_its_quoted_name(span: Span) -> Span:
    """ "the International Center “La Strada”": an organization's name in quotes after the
    kind of body it is is part of its name."""
    if span.kind != "organization" or span.origin != "rule":
        return span
    m = QUOTED_NAME.match(span.passage.text, span.end)
    if m is None:
        return span
    b = span.passage.token_index(m.end() - 1) + 1
    return Span(span.passage, span.a, b, "rule", "organization", confidence=span.confidence)


def _with_its_compass_point(span: Span) -> Span:
    """ "Eastern Europe", "Southern Sudan": a part of a known place that a capitalized point
    of the compass names, a place of its own (within the known one); not "eastern Europe"."""
    tokens = span.passage.tokens
    if (
        span.origin != "world"
        or span.kind != "place"
        or span.a == 0
        or span.entry is None
        or span.entry.demonym
        or span.entry.gazetteer
        or span.coordinated
        or any(t.key in ("and", "or", ",") for t in tokens[span.a : span.b])
    ):
        return span
    point = tokens[span.a - 1]
    if point.key not in COMPASS_POINTS or not point.text[:1].isupper():
        return span
    if span.a >= 2 and _is_name_word(tokens[span.a - 2]) and tokens[span.a - 2].key not in STARTERS:
        return span  # inside a longer name
    return Span(
        span.passage,
        span.a - 1,
        span.b,
        "rule",
        "place",
        confidence=0.7,
        place_type="region",
        within=_target_of(span),
    )


CITY_AFTER_PREPOSITION = re.compile(
    # ("In Izmir, 213 migrants", "en Cancún", "à Nouakchott", "em Manaus")
    r"\b(?i:in|at|from|to|near|via|en|desde|hacia|dans|vers|em|à)\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


class Recognizer(CandidateRules, Resolution):
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.trie = reference_trie(knowledge)
        self.variants = Variants(knowledge)
        self.phrase_acronyms: set[str] = set()
        self.role_persons: set[tuple[int, int, int]] = set()  # (passage, a, b) after a role
        # (passage, a, b) of "the Vice President's Office" after "Secretariat ... of"
        self.possessive_offices: set[tuple[int, int, int]] = set()
        self.datelines: dict[int, tuple[tuple[str, ...], int, int]] = {}
        self.acronym_counts: Counter[str] = Counter()  # how often the text writes each

    # -- the entry point -----------------------------------------------------------------------

    def run(self, source: Source) -> Entities:
        # What one text's rules decided is that text's alone (the recognizer is reused).
        self.role_persons, self.possessive_offices = set(), set()
        self.source_text = source.normalized  # a known body's country must be named in it
        self.acronym_counts = Counter(
            t.text for passage in source.passages for t in passage.tokens if t.is_acronym
        )
        lowercase_words = source.words_in_lower_case
        spans: list[Span] = []
        for passage in source.passages:
            for a, b, entry in self.trie.matches(passage.tokens):
                spans.append(Span(passage, a, b, "reference", entry.kind, entry))
            spans += self._coordinated(passage, self.trie, "reference")
        general = self._world_organizations(source, spans)
        spans = [s for s in spans if not any(w.passage is s.passage and w.a <= s.a and s.b <= w.b
                                             for w in general)] + general  # fmt: skip
        # "the northern border" in lower case: a place of the reference data only where the
        # text names the place it lies within (elsewhere, another country's border)
        named = {s.entry.target for s in spans if s.entry is not None}
        spans = [
            s
            for s in spans
            if not (
                s.origin == "reference"
                and s.kind == "place"
                and s.entry.surface.islower()
                and self.knowledge.entities.get(s.entry.target) is not None
                and self.knowledge.entities[s.entry.target].within not in (None, *named)
            )
        ]
        codes = self._countries(spans)
        language = source.language
        countries_only = self.knowledge.cache.setdefault(f"world-countries-{language}", None)
        if countries_only is None:
            countries_only = world_trie(set(), False, language)
            self.knowledge.cache[f"world-countries-{language}"] = countries_only
        codes |= listed_subdivisions.countries_of_named_subdivisions(source.passages)
        for passage in source.passages:  # countries the reference data lacks, or listed states'
            codes |= listed_subdivisions.countries_of_listed_subdivisions(passage.text)
            for _, _, entry in countries_only.matches(passage.tokens):
                if entry.target.type == "country" and entry.target.iso3166:
                    codes.add(entry.target.iso3166)
        self.datelines = _datelines(source)
        self.surnames = surnames_in_use(source)  # "Dr. Lima said": no city
        for passage in source.passages:  # "GENEVA, 26 August": a city of any country
            for name in self.datelines.get(passage.index, ((), 0, 0))[0]:
                code = world.country_of_city(name)
                if code:
                    codes.add(code)
            # "at the Palais des Nations in Geneva", "in New York": a city of any country
            # named where a place is expected, its country otherwise unnamed
            for m in CITY_AFTER_PREPOSITION.finditer(passage.text):
                words = m.group("name").split()
                for n in (2, 1):
                    code = world.country_of_city(" ".join(words[:n])) if len(words) >= n else None
                    if code:
                        codes.add(code)
                        break
        wtrie = world_trie(codes, language=language)
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
        spans = [_with_its_compass_point(s) for s in spans]
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
        # "Guatemala's Ministry of Foreign Affairs", "the Ministry ... of Honduras": not Mexico's
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
        spans = [
            s
            for s in spans
            if not (s.origin == "reference" and s.kind == "organization")
            or not self.variants.country_unnamed(s.entry.target, s.text, source.normalized)
        ]
        # "the National Commission for Human Rights (CONADEH)": a known name followed by
        # another acronym than its own is another country's body of that name.
        spans = [s for s in spans if not self._other_acronym(s)]
        # "UN Refugee Agency", "United Nations Office on Drugs and Crime": a known name that
        # only begins another organization's name is not a mention of its own.
        spans = [s for s in spans if not _prefix_of_longer_name(s)]
        known = list(spans)
        self.phrase_acronyms = _phrase_acronyms(source, known)
        surnames = self.surnames
        for passage in source.passages:
            known_here = {(s.a, s.b): s for s in known if s.passage is passage}
            starts = _sentence_starts(passage)
            persons = find_persons(passage, known_here, starts, lowercase_words, surnames)
            persons += withheld_names(passage, known_here)  # "Juan “N”"
            # "near Clarissa Falls", "at Cara Lodge": named like a person alone, a place there
            persons = not_put_as_places(persons, known_here)
            headline = (passage.kind == "title" and not _in_sentence_case(passage)) or (
                _in_headline_case(passage)
            )
            if headline:  # headline case: a name needs words around it
                persons = [p for p in persons if p.confidence >= 0.7]
            found = self._candidates(passage, known, lowercase_words)
            found = [
                _with_its_quoted_name(s) for s in found if not self._no_organization(source, s)
            ]
            if headline:  # headline case: only people named by context
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

    def _world_organizations(self, source: Source, known: list[Span]) -> list[Span]:
        """The organizations of general knowledge the text names ("Interpol", "Save the
        Children") where no reference name is: not a national body of one country where the
        name is given another's ("Canada's Border Force")."""
        trie = self.knowledge.cache.get("world-organizations")
        if trie is None:
            trie = self.knowledge.cache["world-organizations"] = world_organization_trie(
                self.knowledge
            )
        out = []
        for passage in source.passages:
            taken = [(s.a, s.b) for s in known if s.passage is passage]
            for a, b, entry in trie.matches(passage.tokens):
                # (a longer name that holds a known one wins: "UN Women", not "UN")
                if any(x < b and a < y and not (a <= x and y <= b and y - x < b - a)
                       for x, y in taken):  # fmt: skip
                    continue
                if _in_a_credit(passage, a) or _in_a_menu(passage, a, b):
                    continue  # "© UNHCR/A. Doe": a picture's credit, not the text
                span = Span(passage, a, b, "world", "organization", entry, confidence=0.8)
                country = entry.target.iso3166
                named = self.variants.country_before(
                    passage, span.start
                ) or self.variants.country_after(passage, span.end)
                if country and named and named != country:
                    continue
                out.append(span)
        return out

    def _no_organization(self, source: Source, span: Span) -> bool:
        """A candidate organization that is none: a word in capitals that opens a paragraph
        as its dateline ("SOSUA, Dominican Republic —") or label ("VIDEO: ..."), or a phrase
        with a capital, no organization's head word, that the text also writes in lower case
        ("Trafficking in Persons"; not the state's force "la garde nationale", all so)."""
        if span.kind != "organization" or span.origin != "rule":
            return False
        # "the UN refugee agency": the known name (read again as a candidate once its
        # mention is dropped) names the agency described; not "the Ansar law enforcement
        # agency", whose name is the agency's own
        if describes_an_agency(span) and self.knowledge.entity_by_name("organization", span.text):
            return True
        tokens = span.passage.tokens
        if span.b - span.a == 1 and tokens[span.a].text.isupper():
            if self._in_dateline(span.passage, tokens[span.a].start):
                return True
            first = next((i for i, t in enumerate(tokens) if t.is_word), None)
            if span.a == first and span.b < len(tokens) and tokens[span.b].text == ":":
                return True
        # "Cross-cutting", "Cross-border": a head word that begins a compound in lower case
        # is none, and a name with no other is no organization's
        compound = [k for k in range(span.a, span.b - 2) if tokens[k + 1].text == "-"]
        heads = [k for k in range(span.a, span.b) if tokens[k].key in ORG_HEADS]
        if heads and all(k in compound and tokens[k + 2].text.islower() for k in heads):
            return True
        keys = {t.key for t in tokens[span.a : span.b]}
        if span.b - span.a < 2 or keys & (ORG_HEADS | ORG_LAST_WORDS):
            return False
        if typed_as_organization(span) or span.text.islower():
            return False
        return a_topic(source, [t.text for t in tokens[span.a : span.b]])

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

    def _acronym_differs(self, entity_id, acronym: str) -> bool:
        if isinstance(entity_id, WorldOrganization):
            own = {fold(entity_id.acronym).replace(".", "")} if entity_id.acronym else set()
            return bool(own) and fold(acronym).replace(".", "") not in own
        entity = self.knowledge.entities.get(entity_id)
        if entity is None or entity.kind != "organization":
            return False
        own = {fold(n).replace(".", "") for n in entity.names if _is_acronym_text(n)}
        return bool(own) and fold(acronym).replace(".", "") not in own

    def _other_acronym(self, span: Span) -> bool:
        if not known_organization(span) or span.b - span.a < 2:
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

    def _in_dateline(self, passage: Passage, at: int) -> bool:
        """Whether the text at `at` is among the place names of the passage's dateline."""
        _, start, end = self.datelines.get(passage.index, ((), 0, 0))
        return start <= at < end

    def _city_context(self, passage, a, b, starts, lowercase) -> float | None:
        """A GeoNames city's name is a city only where nothing says otherwise: not inside a
        longer capitalized name, not a person's name ("said Jane Doe", "Jane Doe, IOM Chief of
        Mission"), not a word the text also writes in lower case. Its confidence, or None."""
        tokens = passage.tokens
        if self._in_dateline(passage, tokens[a].start):
            # a dateline: "TEGUCIGALPA – ...", "GENEVA/PELMARK, 23 April", "By Jane Doe
            # WELLINGTON (Reuters) -" (the byline's last name before it is no part of it)
            return 0.75
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
        english = passage.language not in PLACE_BEFORE
        # "in Geneva, he said": a place after "in", whatever verb of speech follows.
        located = re.search(r"\b(?:in|from|at|near)\s+$", before, re.I) if english else None
        # (a large city's one-word name is no person's: "the report said that Riyadh ...")
        large = b - a == 1 and world.city_population(tokens[a].text) >= LARGE_CITY
        large = large and not is_given_name(tokens[a].text)
        large = large and (a not in starts or tokens[a].text.isupper())  # "ZAGREB/ GENEVA, 13"
        large = large and fold(tokens[a].text) not in self.surnames
        if _person_context(passage, a, b) and not located and not large:
            return None
        if a >= 2 and tokens[a - 1].key == "of" and tokens[a - 2].key in ROLE_WORDS:
            return None  # "Chief of Mission"
        if placed_by_the_words_before(passage, a, b, before):
            return 0.75
        after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 3]
        # one word, no place around: a word, unless a city of half a million ("that Riyadh
        # recorded the highest number")
        if b - a == 1 and not after.startswith(", ") and not large:
            return None
        return 0.65

    def _offices(self, known: list[Span]) -> list[Span]:
        """ "IOM Guatemala", "the OSCE Mission in Kosovo": an organization's office or
        mission in a country (the longest place: "Dominican Republic", not "Dominican"), when
        the reference data does not have it (it names "IOM Mexico" the same way)."""
        out = []
        places = sorted((s for s in known if s.kind == "place"), key=lambda s: s.b - s.a)
        by_start = {(s.passage.index, s.a): s for s in places}
        for org in known:
            if not known_organization(org):
                continue
            tokens, gap = org.passage.tokens, 0
            if [t.text for t in tokens[org.b : org.b + 2]] in MISSION_IN:
                gap = 2 + (org.b + 2 < len(tokens) and tokens[org.b + 2].key == "the")
            place = by_start.get((org.passage.index, org.b + gap))
            end = city_after_acronym(org)
            if end is not None and (
                place is None or _place_type(place, self.knowledge) != "country"
            ):
                span = Span(org.passage, org.a, end, "rule", "organization", confidence=0.65)
                span.within = org.entry.target if org.origin == "reference" else None
                out.append(span)  # "IOM Dhaka", "IOM Port-au-Prince": its office in a city
                continue
            if place is None or not tokens[org.b].space_before:
                continue
            if _place_type(place, self.knowledge) != "country" or place.entry.demonym:
                continue
            # ("IOM Namibia's officer in charge": the office's; not "IOM Mexico's Ministry of
            # the Interior", the country's body after the organization)
            after = [t for t in org.passage.tokens[place.b : place.b + 2]]
            if (
                [t.text for t in after[:1]] in (["'s"], ["’s"])
                and after[1:2]
                and after[1].text[:1].isupper()
                and after[1].key not in ROLE_WORDS  # ("UNICEF Yemen's Representative")
            ):
                continue
            b = place.b + (place.b < len(tokens) and tokens[place.b].text == "Office")
            span = Span(org.passage, org.a, b, "rule", "organization", confidence=0.65)
            parent = org.entry.target  # the parent organization, a world one proposed new
            if org.origin == "world":
                parent = f"new:organization:{fold(parent.name)}"
            span.within = parent
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
