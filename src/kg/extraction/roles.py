"""People's roles and words (memberships, quotations), the roles of places in migration
(origin, transit, destination) and the release's publication date.
"""

from __future__ import annotations

import re

from kg.extraction.entities import Entities
from kg.extraction.item_words import _bound, _key
from kg.extraction.period_patterns import PERIOD_PATTERNS, _period_value
from kg.extraction.proposal import ConceptProposal, Item, slugify
from kg.extraction.text import Source, fold

ROLE_PHRASE = re.compile(
    r"\b(?P<roles>(?:origin|transit|destination)(?:(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)"
    r"(?:origin|transit|destination))*)\b"
)


QUOTED = re.compile(r"[\"“](?P<inner>[^\"”]{20,}?)[\"”]")
SPEECH_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|added|adds|explained|explains|stated|states|noted|notes|told|"
    r"stressed|declared)\b",
    re.I,
)


_ROLE_WORDS = {
    "chief", "director", "head", "minister", "secretary", "coordinator", "officer",
    "president", "representative", "spokesperson", "ambassador", "commissioner", "manager",
    "chair", "governor", "mayor", "senator", "deputy", "advisor", "adviser",
}  # fmt: skip


class RoleRules:
    """The ItemExtractor's rules for memberships, quotations, place roles and publication
    (a part of it)."""

    # -- people's roles and words ----------------------------------------------------------

    def _memberships(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        roles = self.knowledge.concepts.get("roles", {})
        seen = set()
        for person in [m for m in entities.mentions if m.kind == "person"]:
            passage = person.passage
            m = re.match(r",\s+(?P<role>[^,.;:\"”]{3,80})", passage.text[person.end :])
            if not m:
                continue
            a = person.end + m.start("role")
            b = person.end + m.end("role")
            phrase = passage.text[a:b]
            role = next((c.id for c in roles.values() if fold(c.label) in fold(phrase)), None)
            if role is None:
                words = re.findall(r"[A-Z][\w-]*(?:\s+(?:of|for)\s+[A-Z][\w-]*)*", phrase)
                label = next((w for w in words if set(fold(w).split()) & _ROLE_WORDS), None)
                if label is None:
                    continue
                role = slugify(label, 5)
                self.proposals.setdefault(
                    ("roles", role),
                    ConceptProposal("roles", role, label, f"The post of {label}.", phrase),
                )
            orgs = [x for x in self._top(entities.in_range(passage, a, b, "organization"))]
            places = self._places_after(passage, a, b, "in|for")
            organization = orgs[0].target if orgs else None
            if organization and places:
                organization = self._office(organization, places[0]) or organization
            if (person.target, organization, role) in seen:
                continue
            seen.add((person.target, organization, role))
            item = Item(
                "memberships",
                self._id(slugify(f"{self._name_of(person.target)} {role}", 6), "membership"),
            )
            item.fields["member"] = person.target
            if organization:
                item.fields["organization"] = organization
            item.fields["role"] = role
            if role not in roles:
                item.new_concepts["role"] = ("roles", role)
            if places:
                item.fields["place"] = places[:1]
            item.add_quote(passage, person.start, b)
            item.confidence = 0.7 if organization else 0.3
            items.append(item)
        return items

    def _office(self, organization: str, place: str) -> str | None:
        """IOM + Mexico -> IOM Mexico: the reference office of an organization in a place."""
        for entity in self.knowledge.entities.values():
            if entity.part_of == organization and entity.country == place:
                return entity.id
        return None

    def _quotations(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        people = [m for m in entities.mentions if m.kind == "person"]
        for passage in source.body:
            for q in QUOTED.finditer(passage.text):
                inner_start, inner_end = q.start("inner"), q.end("inner")
                while inner_end > inner_start and passage.text[inner_end - 1] in " ,.":
                    inner_end -= 1
                if len(passage.text[inner_start:inner_end].split()) < 6:
                    continue
                speaker = None
                after = passage.text[q.end() : q.end() + 80]
                if SPEECH_AFTER.match(after):
                    cands = [
                        p
                        for p in people
                        if p.passage is passage and q.end() <= p.start <= q.end() + 40
                    ]
                    speaker = cands[0] if cands else None
                if speaker is None:
                    cands = [
                        p
                        for p in people
                        if p.passage is passage
                        and q.end() <= p.start <= q.end() + 5
                        and SPEECH_AFTER.match(passage.text[p.end : p.end + 20])
                    ]
                    speaker = cands[0] if cands else None
                if speaker is None:
                    cands = [
                        p
                        for p in people
                        if p.passage is passage
                        and q.start() - 160 <= p.start < q.start()
                        and re.search(
                            r"(?:said|says|explains|explained|added|stated)\s*[:,]\s*$",
                            passage.text[p.end : q.start()],
                        )
                    ]
                    speaker = cands[-1] if cands else None
                item = Item(
                    "quotations",
                    self._id(
                        slugify("quote " + passage.text[inner_start:inner_end], 5), "quotation"
                    ),
                )
                if speaker is not None:
                    item.fields["speaker"] = speaker.target
                    item.confidence = 0.75
                else:
                    item.confidence = 0.3
                    item.why.append("The speaker could not be found.")
                item.add_quote(passage, inner_start, inner_end)
                items.append(item)
        return items

    # -- places in migration ---------------------------------------------------------------

    def _place_roles(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        groups = self.knowledge.concepts.get("population-groups", {})
        for passage in source.body:
            for s0, s1 in passage.sentences:
                sentence = passage.text[s0:s1]
                hits = []
                for m in re.finditer(
                    r"\b(?:country|countries|state|states|place|places|region|city|cities)\s+of\s+"
                    + ROLE_PHRASE.pattern, sentence
                ):  # fmt: skip
                    hits.append(m)
                for m in re.finditer(
                    r"\b(?P<roles>origin|transit|destination)\s+(?:country|countries|state|states|point)\b",
                    sentence,
                ):
                    hits.append(m)
                if not hits:
                    continue
                hits.sort(key=lambda m: m.start())
                roles = []
                for m in hits:
                    roles += re.findall(r"origin|transit|destination", m.group("roles"))
                first = s0 + hits[0].start()
                # The places the sentence says this of: its subject ("Mexico is ...", "The
                # states of X and Y are ...") or an apposition ("in Mexico, a country of ...").
                subjects = [
                    m
                    for m in self._top(entities.in_range(passage, s0, first, "place"))
                    if not re.search(
                        r"\bfrom\s+(?:[\w’']+\s+){0,3}$",
                        passage.text[max(s0, m.start - 30) : m.start],
                    )
                    and re.search(
                        r"\b(?:is|are|was|were|as|remains?|becomes?)\b|^\s*,\s*(?:an?|the)\b",
                        passage.text[m.end : first],
                    )
                    and first - m.end < 100
                ]
                if not subjects:
                    continue
                origins = self._places_after(passage, first, s1, "from")
                of = None
                rest = fold(sentence[hits[0].end() :])
                if (
                    re.match(r"\s*(?:of|for)\s+(?:human\s+)?(?:victims|trafficking)", rest)
                    and "trafficking-victims" in groups
                ):
                    of = "trafficking-victims"
                elif re.match(r"\s*(?:of|for)\s+migrants", rest) and "migrants" in groups:
                    of = "migrants"
                elif "traffick" in fold(sentence) and "trafficking-victims" in groups:
                    of = "trafficking-victims"
                for subject in list(dict.fromkeys(m.target for m in subjects)):
                    item = Item(
                        "place_roles",
                        self._id(
                            slugify(
                                f"{self._name_of(subject)} {' '.join(dict.fromkeys(roles))}", 6
                            ),
                            "claim",
                        ),
                    )
                    item.fields["place"] = subject
                    item.fields["roles"] = list(dict.fromkeys(roles))
                    if of:
                        item.fields["of"] = of
                    if origins:
                        item.fields["from"] = origins
                    qualifier = re.search(
                        r"\b(important|main|major|key|significant)\b", fold(sentence)
                    )
                    if qualifier:
                        item.fields["qualifier"] = qualifier.group(1)
                    item.add_quote(passage, s0, s1)
                    item.confidence = 0.55
                    items.append(item)
        return items

    # -- publication -----------------------------------------------------------------------

    def _published(self, source: Source) -> Item | None:
        latest = None
        for passage in source.body:
            for kind, pattern in PERIOD_PATTERNS:
                for m in pattern.finditer(passage.text):
                    s0, s1 = passage.sentence_at(m.start())
                    if re.search(r"\bwill\b", passage.text[s0:s1]):
                        continue
                    value = _period_value(kind, m, passage.text, s0)
                    if not value:
                        continue
                    bound = _bound(kind, value)
                    if bound and (latest is None or _key(bound) > _key(latest[0])):
                        latest = (bound, passage, s0, s1, m.group(0), kind)
        if latest is None:
            return None
        bound, passage, s0, s1, words, kind = latest
        item = Item("published", "published")
        item.fields["not_before"] = bound
        after = " or later"
        item.fields["reasoning"] = (
            f"The latest time the text reports on is \u201c{words}\u201d, so it was written in "
            f"{bound}{after}."
        )
        item.add_quote(passage, s0, s1)
        item.confidence = 0.6
        return item
