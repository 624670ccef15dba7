"""Resolution: the recognizers' findings compete for the text (the longest wins; at equal
length the reference data, then general knowledge), become mentions of known or new
entities, and new entities are merged by acronym, alias and word order.
"""

from __future__ import annotations

import functools
import re

from kg.extraction import name_words, world
from kg.extraction.body_units import unit_own_name
from kg.extraction.lookup import _words, organization_by_acronym
from kg.extraction.mentions import Entities, Mention, Name, NewEntity, _add_alt, _merge, merge_tails
from kg.extraction.name_words import CONNECTORS, DEMONYM_ONLY, ORG_HEADS, generic_name, located_in
from kg.extraction.organizations import INITIALS_SKIP, _initials_match, _is_acronym_text
from kg.extraction.spans import Span, known_organization
from kg.extraction.text import fold, tokenize
from kg.extraction.world_organizations import WorldOrganization

GENERIC_CONFIDENCE = 0.45  # a suggestion: the words name a kind of body, not one body


def _initials_in_order(name: str) -> str:
    """The first letters of a name's words, its connectors left out, in order."""
    words = re.findall(r"[\w’'-]+", name)
    return "".join(w[0] for w in words if w.casefold() not in INITIALS_SKIP).upper()


class Resolution:
    """How the Recognizer turns spans into mentions and new entities (a part of it)."""

    def _resolve(self, spans: list[Span]) -> Entities:
        result = Entities()
        accepted: list[Span] = []
        # the tokens of each passage an accepted span (not a role) covers: an overlap is read
        # in the span's length, not in the number of spans before it
        taken: dict[int, bytearray] = {}
        for span in sorted(spans, key=lambda s: s.rank):
            covered = taken.setdefault(span.passage.index, bytearray(len(span.passage.tokens) + 1))
            if any(covered[span.a : span.b]) and not self._nested_allowed(span, accepted):
                continue
            accepted.append(span)
            if span.kind != "role":
                covered[span.a : span.b] = b"\x01" * (span.b - span.a)
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
        merge_tails(result, {*self._country_words, *self._country_words.values()})
        self._surnames_of_people(result)
        self._cities_named_like_states(result)
        self._resolve_within(result)
        self._resolve_parents(result)
        return result

    def _resolve_parents(self, result: Entities) -> None:
        """A general-knowledge organization's parent ("world:NAME") as the new entity the
        text names too, or none: a parent not named is not proposed for it."""
        for new in result.new.values():
            if new.part_of and new.part_of.startswith("world:"):
                key = f"organization:{fold(new.part_of[6:])}"
                new.part_of = f"new:{key}" if key in result.new else None

    def _surnames_of_people(self, result: Entities) -> None:
        """ "Peter Van der Auweraert ... added Van der Auweraert": a new person named by the
        last words of another's name is that person."""
        people = [n for n in result.new.values() if n.kind == "person"]
        for short in people:
            if short.key not in result.new:
                continue
            folded = fold(short.name)
            # "Ernesto Abella" and "Ernesto C. Abella": one name, with its initial or without
            plain = [n for n in people if n is not short and n.key in result.new and
                     re.sub(r"\s\w\.?(?=\s)", "", fold(n.name)) == folded]  # fmt: skip
            if len(plain) == 1:
                _merge(short, plain[0], result)
                continue
            longer = [
                n
                for n in people
                if n is not short and n.key in result.new and fold(n.name).endswith(" " + folded)
            ]
            if len(longer) == 1:
                _merge(longer[0], short, result)

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
        # "the Italian Ministry of the Interior" and, later, "the Ministry of the Interior":
        # the same name without its country is the one body when only one has that name
        countries = set(names.values()) | set(self._country_words.values())
        country_words = {w for c in countries for w in c.split()}
        bare: dict[frozenset, list[frozenset]] = {}
        for key in by_words:
            without = frozenset(w for w in key if w not in country_words)
            if without != key and len(without) >= 2:
                bare.setdefault(without, []).append(key)
        for key, new in by_words.items():
            with_country = bare.get(key, [])
            if len(with_country) == 1 and new.key in result.new:
                keep = by_words[with_country[0]]
                country = with_country[0] - key
                # a body general knowledge places in one country is not another's namesake
                # ("the UK Border Force" and "the Canadian Border Force")
                elsewhere = new.iso3166 and set(names.get(new.iso3166, "").split()) != country
                if (
                    keep.key in result.new
                    and keep is not new
                    and not elsewhere
                    and not self._another_country_beside(new, country, result)
                ):
                    _merge(keep, new, result)

    def _another_country_beside(self, new: NewEntity, country: frozenset, result) -> bool:
        """Whether a mention of `new` ("the Ministry of the Interior") is tied to a country
        other than `country` (the folded words of the one its namesake names, "the Italian
        Ministry of the Interior"): "In Libya, the Ministry of the Interior ...", where it is
        that other country's body. A country named elsewhere in the sentence ("migrants from
        Tunisia, the Ministry said") ties nothing."""
        spots = [(m.passage, m.start) for m in result.mentions if m.new is new]
        for m in result.mentions:
            if m.kind != "place" or not any(
                m.passage is passage
                and re.fullmatch(r",\s+(?:the\s+)?", passage.text[m.end : start])
                and re.search(r"\b[Ii]n\s+$", passage.text[max(0, m.start - 4) : m.start])
                for passage, start in spots
            ):
                continue
            entity = self.knowledge.entities.get(m.entity or "")
            if entity is not None:
                kind, name = entity.type, entity.name
            elif m.new is not None:
                kind, name = m.new.type, m.new.name
            else:
                continue
            if kind == "country" and not set(_words(name)) <= country:
                return True
        return False

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
        # "the Italian Ministry of the Interior": in a body's name, an adjective that also
        # names a language is its country's
        for surface, place, is_demonym in world.countries():
            if not is_demonym and place.type == "country" and place.iso3166:
                adjective = world.adjective_of(place.iso3166)
                if adjective and surface == place.name:
                    out.setdefault(" ".join(_words(adjective)), " ".join(_words(place.name)))
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
        """A known organization at the start of a longer organization's name, anything inside
        a role ("IOM" in "IOM Chief of Mission"), the place an embassy or office is in."""
        for other in accepted:
            if other.passage is not span.passage or not (other.a < span.b and span.a < other.b):
                continue
            if other.kind == "role" or (other.coordinated and span.origin != "rule"):
                continue
            if span.parent and other.kind == "organization" and other.b == span.b:
                continue  # the body a unit is of, at the unit's name's end
            if span.kind == "place" and located_in(span, other):
                continue  # "Embassy of Myanmar in Malaysia": where it is, Malaysia
            if other.alias_of is not None:
                return False
            if (
                span.kind == "organization"
                and (known_organization(span) or (span.origin == "rule" and span.b - span.a == 1))
                and other.kind in ("organization", "project", "event", "law", "campaign")
                and other.a == span.a
                and not (
                    other.entry is not None
                    and span.entry is not None
                    and other.entry.target == span.entry.target
                )
                # "UN Migration" (IOM's): a known name holds "UN" as a word, not as a parent
                and not (
                    known_organization(other)
                    and not {t.key for t in span.passage.tokens[span.a : span.b]} & ORG_HEADS
                )
            ):
                continue
            return False
        return True

    def _spelt_by(self, letters: str) -> str | None:
        """The one reference organization with a name in another language ("Organización
        Internacional para las Migraciones") of three words or more whose initials are
        `letters`, or None (none, or more than one). Only another language's names: the
        initials of an English name ("Ministry of Foreign Affairs", MFA) are those of every
        country's body of that name, and an acronym the text does not spell out is then no
        more one's than another's."""
        owners = {
            entity_id
            for entity_id, entity in self.knowledge.entities.items()
            if entity.kind == "organization"
            for n in entity.foreign_names
            if len(n.split()) >= 3 and _initials_in_order(n) == letters
        }
        return owners.pop() if len(owners) == 1 else None

    def _reference_acronym(self, span: Span) -> str | None:
        """The reference organization whose acronym a new name gives ("The UN Migration
        Agency, IOM, ..."), or one in another language its initials spell ("l'Organisation
        Internationale pour les Migrations (OIM)"), or None."""
        if span.kind != "organization" or span.origin != "rule" or not span.acronym:
            return None
        if span.b - span.a < 2:
            return None
        spelt = _initials_match(span.acronym.replace(".", "").upper(), span.text)
        return organization_by_acronym(self.knowledge, span.acronym, spelt)

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
        if span.origin == "world" and span.kind == "organization":
            return self._world_organization(span, span.entry.target, result, by_acronym)
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
        owner = self._reference_acronym(span)
        if owner is not None:  # "The UN Migration Agency, IOM, reopened": the known one
            return Mention(
                span.passage,
                span.start,
                span.end,
                span.kind,
                entity=owner,
                confidence=0.7,
                origin="variant",
                note=f"its acronym {span.acronym!r} is a known organization's",
            )
        if span.alias_of is not None and span.alias_of.origin == "world":
            # "Interpol, the international police organization,": the known one
            return self._world_organization(span, span.alias_of.entry.target, result, by_acronym)
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
        after = self.variants.country_after(span.passage, span.end)

        def elsewhere(entity_id: str) -> bool:  # a body of a country the text does not mean
            return (
                self.variants.conflicts(entity_id, outside)
                or self.variants.conflicts(entity_id, after)
                or self.variants.country_unnamed(entity_id, text, self.source_text)
            )

        known = self.knowledge.entity_by_name(span.kind, text)
        if known is not None and not elsewhere(known.id):
            return Mention(span.passage, span.start, span.end, span.kind, entity=known.id)
        variant = self.variants.match(span.kind, text, outside) if span.kind != "place" else None
        if variant is not None and elsewhere(variant[0]):
            variant = None
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

    def _world_organization(
        self, span: Span, org: WorldOrganization, result: Entities, by_acronym: dict
    ) -> Mention:
        """A mention of an organization of general knowledge, proposed under its full name
        with its acronym, the wording the text used, its kind, its country and its parent
        where the reference data has them; one the text has already named with the same
        acronym ("Mexico's Commission for Refugee Assistance, COMAR") is that one."""
        new = by_acronym.get(org.acronym) if org.acronym else None
        if new is None or new.key not in result.new:
            new = self._new(result, "organization", org.name, span.confidence)
        new.confidence = max(new.confidence, span.confidence)
        new.acronym = new.acronym or org.acronym
        if org.acronym:
            by_acronym[org.acronym] = new
        _add_alt(new, org.name)  # each only when the entity has no such wording yet
        _add_alt(new, span.text)
        new.classification = new.classification or org.classification
        new.iso3166 = new.iso3166 or org.iso3166  # its country, for merging (not written)
        if org.iso3166 and new.country is None:
            new.country = next(
                (
                    e.id
                    for e in self.knowledge.entities.values()
                    if e.kind == "place" and e.type == "country" and e.iso3166 == org.iso3166
                ),
                None,
            )
        if org.part_of and new.part_of is None:
            parent = self.knowledge.entity_by_name("organization", org.part_of)
            new.part_of = parent.id if parent is not None else f"world:{org.part_of}"
        new.note = new.note or "Known to kg's general knowledge of organizations."
        return Mention(
            span.passage,
            span.start,
            span.end,
            "organization",
            new=new,
            confidence=new.confidence,
            origin="world",
        )

    def _new(self, result: Entities, kind: str, name: str, confidence: float) -> NewEntity:
        key = f"{kind}:{fold(name)}"
        new = result.new.get(key)
        if new is None:
            new = NewEntity(key, kind, name, confidence)
            new.similar = self._similar(kind, name)
            result.new[key] = new
        new.confidence = max(new.confidence, confidence)
        if kind == "organization" and generic_name(name):  # "the Regional Office"
            new.confidence = min(new.confidence, GENERIC_CONFIDENCE)
        unit = unit_own_name(name, tokenize(name)) if kind == "organization" else None
        if unit and not generic_name(unit) and not world.names_a_country(name.split()[0]):
            _add_alt(new, unit)  # "the X Division of the Y Agency": "X Division"
        if kind == "organization" and (mission := name_words.embassy_without_its_place(name)):
            _add_alt(new, mission)  # "the American Embassy in Dili": "American Embassy"
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
            if not matched and _is_acronym_text(new.name) and len(letters) >= 3:
                # "la OIM" in a Spanish caption: the initials of a name the reference data
                # gives a known organization ("Organización Internacional para las
                # Migraciones"), though the text does not write it out
                owner = self._spelt_by(letters)
                if owner is not None:
                    for m in result.mentions:
                        if m.new is new:
                            m.entity, m.new = owner, None
                            m.origin, m.confidence = "variant", 0.7
                            m.note = f"the initials of a name of {owner!r}"
                    result.new.pop(new.key, None)
                    continue
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
