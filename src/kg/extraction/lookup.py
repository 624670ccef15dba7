"""Known names: the token tries of the reference data's and of general knowledge's names, and
the variants that tie a new name to a reference entry ("US State Department" is the
reference's "U.S. Department of State").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extraction import foreign_places, world, world_organizations
from kg.extraction.knowledge import Knowledge
from kg.extraction.name_words import CONNECTORS
from kg.extraction.text import Passage, Token, fold, tokenize


@dataclass(frozen=True)
class Entry:
    kind: str
    target: object  # a reference id (str), a world.WorldPlace or a WorldOrganization
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
    # The other wordings general knowledge has for a reference organization ("State
    # Department" for the reference's "United States Department of State").
    for entity_id, surfaces in _known_wordings(knowledge).items():
        for surface in surfaces:
            trie.add(surface, Entry("organization", entity_id, surface, "reference"))
        if entity.kind == "place" and entity.type in ("country", "region"):
            code = entity.iso3166 if entity.type == "country" else None
            adjective = world.demonym(entity.name, code) if entity.type == "country" else None
            if entity.type == "region":
                adjective = (world.REGION_DEMONYMS.get(entity.name) or (None,))[0]
            if adjective:
                for surface in (adjective, adjective + "s"):
                    trie.add(surface, Entry("place", entity.id, surface, "reference", True))
    return trie


def _known_wordings(knowledge: Knowledge) -> dict[str, list[str]]:
    """Reference organization id -> the wordings of the one general-knowledge organization
    that shares a name with it, which the reference data does not list."""
    owners: dict[str, set[str]] = {}
    for entity in knowledge.entities.values():
        for name in entity.names:
            owners.setdefault(fold(name), set()).add(entity.id)
    out: dict[str, list[str]] = {}
    for org in world_organizations.organizations():
        found = {i for s in org.surfaces for i in owners.get(fold(s), ())}
        found = {i for i in found if knowledge.entities[i].kind == "organization"}
        if len(found) == 1:
            entity_id = found.pop()
            # (a wording only the case sets apart is one too: "Unicef" beside the acronym
            # "UNICEF", which matches only as written)
            names = set(knowledge.entities[entity_id].names)
            out.setdefault(entity_id, []).extend(
                s
                for s in org.surfaces
                if fold(s) not in owners or (owners[fold(s)] == {entity_id} and s not in names)
            )
    return out


def organization_by_acronym(
    knowledge: Knowledge, acronym: str, other_languages: bool
) -> str | None:
    """The reference organization with the acronym, or None; with `other_languages`, also
    one to which general knowledge gives it in another language ("OIM" for IOM)."""
    key = fold(acronym).replace(".", "")

    def spells(name: str) -> bool:
        letters = [c for c in name if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name
        return acronym and fold(name).replace(".", "") == key

    for entity_id, entity in knowledge.entities.items():
        if entity.kind == "organization" and any(spells(n) for n in entity.names):
            return entity_id
    if not other_languages:
        return None
    wordings = knowledge.cache.get("known-wordings")
    if wordings is None:
        wordings = knowledge.cache["known-wordings"] = _known_wordings(knowledge)
    return next((i for i, names in wordings.items() if any(spells(n) for n in names)), None)


def world_organization_trie(knowledge: Knowledge) -> Trie:
    """The organizations of general knowledge (`kg.extraction.world_organizations`) under
    the names the reference data does not give any of its entries: the reference wins."""
    known = {fold(n) for entity in knowledge.entities.values() for n in entity.names}
    trie = Trie()
    for org in world_organizations.organizations():
        if any(fold(surface) in known for surface in org.surfaces):
            continue  # the reference data has it (under one of its names)
        for surface in org.surfaces:
            trie.add(surface, Entry("organization", org, surface, "world"))
    return trie


def world_trie(country_codes: set[str], cities: bool = True, language: str = "en") -> Trie:
    """Countries, regions and capitals (the countries by their names in `language` too); the
    subdivisions and (GeoNames) cities of the countries given."""
    trie = Trie()
    for surface, place, is_demonym in (
        *world.countries(),
        *foreign_places.countries_in(language),
        *world.nations(),
    ):
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
        self._named_for: str | None = None
        self._named: frozenset[str] = frozenset()
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

    def country_unnamed(self, entity_id: str, surface: str, source_text: str) -> bool:
        """Whether a reference organization is a body of a country the text never names
        (nor its people, nor a reference place of it), under a name of several words that
        does not name it either: "the Ministry of Foreign Affairs" in a release from Abu Dhabi
        is not Mexico's."""
        entity = self.knowledge.entities.get(entity_id)
        country = self.knowledge.entities.get(entity.country or "") if entity else None
        if country is None or not country.iso3166 or len(surface.split()) < 2:
            return False
        return country.iso3166 not in self._countries_named(source_text)

    def _countries_named(self, source_text: str) -> frozenset[str]:
        """The ISO codes of the countries a text names, by name, demonym or a reference place
        within them (computed once per text)."""
        if self._named_for is not source_text:
            words = set(_words(source_text))
            text = " ".join(_words(source_text))
            named = {
                place.iso3166
                for surface, place, _ in world.countries()
                if place.iso3166 and _said(" ".join(_words(surface)), words, text)
            }
            for entity in self.knowledge.entities.values():
                if entity.kind != "place":
                    continue
                code = self._country_code(entity)
                if code and any(_said(" ".join(_words(n)), words, text) for n in entity.names):
                    named.add(code)
            self._named_for, self._named = source_text, frozenset(named)
        return self._named

    def _country_code(self, place) -> str | None:
        """The ISO code of the country a reference place is, or lies within ("Chiapas": MX)."""
        for _ in range(6):
            if place is None or place.iso3166:  # a subdivision's code begins with its country's
                return place.iso3166.partition("-")[0] if place is not None else None
            place = self.knowledge.entities.get(place.country or place.within or "")
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


def _said(phrase: str, words: set[str], text: str) -> bool:
    """Whether folded `phrase` is among a text's folded `words` (or, of several words, in its
    folded `text`)."""
    if not phrase:
        return False
    return phrase in words if " " not in phrase else f" {phrase} " in f" {text} "


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"[’']s\b", "", fold(name)))
