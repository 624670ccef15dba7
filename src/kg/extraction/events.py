"""Laws, events and campaigns a release declares: "the Law against Trafficking in Persons",
"the second Regional Conference on Migration, held in ...", "the Blue Heart Campaign".
"""

from __future__ import annotations

import re

from kg.extraction.entities import Entities
from kg.extraction.figures import MONTH, window
from kg.extraction.item_words import RELATIVE_TIME, _strip_article
from kg.extraction.number_words import word_value
from kg.extraction.period_patterns import _date
from kg.extraction.proposal import Item, slugify
from kg.extraction.text import Passage, Source, fold

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
EVENT_NOUNS = re.compile(
    r"\b(?:(?P<dur>\w+)-day\s+)?(?P<head>workshop|conference|seminar|congress|summit|forum|"
    r"mass murder|massacre|training course|round ?table)\b",
    re.I,
)


SPANISH = re.compile(r"[áéíóúñ]|\b(?:de|del|la|las|los|el|y|más|contra|para|por)\b", re.I)


_EVENT_TYPES = {"congress", "workshop", "conference", "seminar", "training", "summit", "forum"}


class EventRules:
    """The ItemExtractor's rules for laws, events and campaigns (a part of it)."""

    # -- laws ------------------------------------------------------------------------------

    def _laws(self, source: Source, entities: Entities) -> list[Item]:
        found: list[tuple[str, Passage, int, int]] = []
        for name in entities.names:
            if name.kind == "law":
                found.append((_strip_article(name.text), name.passage, name.start, name.end))
        pattern = re.compile(
            r"\b(?P<name>(?:[Ff]ederal|[Nn]ational|[Ss]tate|[Ll]ocal|[Nn]ew|[Gg]eneral)\s+"
            r"(?:[a-z-]+\s+)?(?:law|legislation)(?:\s+(?:to|on|against)\s+[a-z ]+?)?)\s+"
            r"(?:was|were|has been|had been)\s+(?:passed|approved|adopted|enacted)"
        )
        for passage in source.body:
            for m in pattern.finditer(passage.text):
                name = m.group("name")
                found.append((name[:1].upper() + name[1:], passage, m.start(), m.end("name")))
        items: list[Item] = []
        by_name: dict[str, Item] = {}
        for name, passage, start, end in sorted(found, key=lambda x: -len(x[0])):
            key = fold(name)
            longer = next((k for k in by_name if k.startswith(key + " ") or k == key), None)
            if longer is not None:
                item = by_name[longer]
                if key != longer and name not in item.fields.setdefault("alt_names", []):
                    item.fields["alt_names"].append(name)
                item.add_quote(passage, start, end)
                continue
            s0, s1 = self._sentence(passage, start)
            sentence = passage.text[s0:s1]
            reused = self._reuse("law", [name])
            item = Item("laws", reused[0] if reused else self._id(slugify(name, 6), "law"))
            item.fields["name"] = reused[1]["name"] if reused else name
            law_type = self._concept_in("law-types", name)
            if law_type:
                item.fields["type"] = law_type
            places = [
                m.target
                for m in entities.in_range(passage, max(0, start - 12), end, "place")
                if m.start < start + len(name.split()[0]) + 2
            ]
            if places:
                item.fields["jurisdiction"] = places[:1]
            # "Federal legislation ... was passed in November 2007"; "In April, the Mexican
            # Senate approved a Constitutional Reform": dates and approvers of the law that is
            # the subject or the object of the verb.
            verb = r"(?:passed|approved|adopted|enacted|signed)"
            subject = re.match(
                rf"[^.;]{{0,80}}?\b(?:was|were|has been|had been)\s+{verb}\b", passage.text[end:s1]
            )
            approvers = [
                m
                for m in self._top(entities.in_range(passage, s0, start, "organization"))
                if re.fullmatch(rf"\s*{verb}\s+(?:an?\s+|the\s+)?", passage.text[m.end : start])
            ]
            if subject:
                date = re.match(
                    rf"\s*(?:in|on)\s+(?P<m>{MONTH})?\s*(?P<y>(?:19|20)\d\d)?",
                    passage.text[end + subject.end() : s1],
                )
            elif approvers:
                date = re.match(
                    rf"\s*(?:In|in)\s+(?P<m>{MONTH})(?:\s+(?P<y>(?:19|20)\d\d))?,", sentence
                )
                item.fields["approved_by"] = [m.target for m in approvers]
            else:
                date = None
            if date and date.group("y"):
                item.fields["date"] = _date(date.group("m"), date.group("y"))
            elif date and date.group("m"):
                item.fields["when"] = date.group("m")
            if re.search(r"\b(?:future|draft|will)\b", passage.text[max(s0, start - 30) : start]):
                item.fields["status"] = "planned"
            item.add_quote(passage, start, end)
            item.confidence = 0.7
            by_name[key] = item
            items.append(item)
        return items

    # -- events ----------------------------------------------------------------------------

    def _events(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        named_ranges = []
        for name in entities.names:
            if name.kind != "event":
                continue
            passage, start, end = name.passage, name.start, name.end
            text = _strip_article(name.text)
            before = passage.text[max(0, start - 12) : start].split()
            ordinal = ORDINALS.get(before[-1].casefold()) if before else None
            first = text.split()[0].casefold()
            if first in ORDINALS:
                ordinal = ORDINALS[first]
            elif ordinal:
                text = f"{before[-1].capitalize()} {text}"
            named_ranges.append((passage, start, end))
            reused = self._reuse("event", [text, text.replace("-", " ")])
            if reused is None:
                reused = self._reuse_by_words("event", text)
            item = Item("events", reused[0] if reused else self._id(slugify(text, 6), "event"))
            item.fields["name"] = reused[1]["name"] if reused else text
            head = next((w for w in re.findall(r"\w+", fold(text)) if w in _EVENT_TYPES), None)
            if head and self.knowledge.concept("event-types", head):
                item.fields["type"] = head
            if ordinal:
                item.fields["ordinal"] = str(ordinal)
            self._event_details(item, passage, start, end)
            item.add_quote(passage, start, end)
            item.confidence = 0.65
            items.append(item)
        seen_heads = set()
        for passage in source.body:
            for m in EVENT_NOUNS.finditer(passage.text):
                if any(p is passage and a <= m.start() < b for p, a, b in named_ranges):
                    continue
                head = m.group("head").casefold()
                if (
                    head in seen_heads
                    or not m.group("head").islower()
                    or any(head in fold(i.fields["name"]) for i in items)
                ):
                    continue
                s0, s1 = self._sentence(passage, m.start())
                places = self._places_after(passage, m.start(), s1, "in|at")
                if not places:  # "During the two-day workshop": where the sentence before says
                    places = self._places_before(source, passage, s0)
                if not places and not m.group("dur"):
                    continue
                seen_heads.add(head)
                place_name = self._name_of(places[0]) if places else None
                name = head.capitalize() + (f" in {place_name}" if place_name else "")
                item = Item("events", self._id(slugify(name, 6), "event"))
                item.fields["name"] = name
                concept = self._concept_in("event-types", head) or (
                    "mass-murder" if head in ("mass murder", "massacre") else None
                )
                if concept and self.knowledge.concept("event-types", concept):
                    item.fields["type"] = concept
                self._event_details(item, passage, m.start(), m.end())
                if places:
                    item.fields["location"] = places[:1]
                item.add_quote(passage, *window(passage.text, s0, s1, m.start(), m.end(), 4, 12))
                item.confidence = 0.5
                items.append(item)
        return items

    def _places_before(self, source: Source, passage: Passage, s0: int) -> list[str]:
        """Places after "in" or "of" in the sentence before `s0` (maybe the passage before)."""
        sentences = [(p, a, b) for p in source.body for a, b in p.sentences]
        index = next((i for i, (p, a, _) in enumerate(sentences) if p is passage and a == s0), 0)
        if index == 0:
            return []
        p, a, b = sentences[index - 1]
        return self._places_after(p, a, b, "in|of|at")

    def _reuse_by_words(self, kind: str, text: str):
        words = set(re.findall(r"\w+", fold(text))) - {"the", "of", "on", "and", "in"}
        for slug, (declared_kind, item, _) in self.declared.items():
            if declared_kind != kind or slug in self.ids:
                continue
            theirs = set(re.findall(r"\w+", fold(item.get("name", "")))) - {
                "the", "of", "on", "and", "in",
            }  # fmt: skip
            if words and len(words & theirs) / len(words | theirs) >= 0.8:
                self.ids.add(slug)
                return slug, item
        return None

    def _event_details(self, item: Item, passage: Passage, start: int, end: int) -> None:
        s0, s1 = self._sentence(passage, start)
        sentence = passage.text[s0:s1]
        if "location" not in item.fields:
            places = self._places_after(passage, end, s1, "in|at")
            if places:
                item.fields["location"] = places[:1]
        when = RELATIVE_TIME.search(sentence)
        if when:
            item.fields["when"] = when.group(1).casefold()
        duration = re.search(r"\b(\w+)-day\b", passage.text)
        if duration:
            count = word_value(duration.group(1))
            if count:
                item.fields["duration"] = f"P{count}D"
        organized = re.search(r"\b(?:co-)?organi[sz]ed by\b", passage.text[start : start + 200])
        if organized:
            a = start + organized.end()
            orgs = self._top(self.entities.in_range(passage, a, min(len(passage.text), a + 120)))
            orgs = [m.target for m in orgs if m.kind == "organization"]
            if orgs:
                item.fields["organizers"] = list(dict.fromkeys(orgs))
        status = self._status(sentence)
        if status:
            item.fields["status"] = status

    def _name_of(self, target: str) -> str:
        if target.startswith("new:"):
            new = self.entities.new.get(target[4:])
            return new.name if new else target[4:]
        entity = self.knowledge.entities.get(target)
        return entity.name if entity else target

    # -- campaigns -------------------------------------------------------------------------

    def _campaigns(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        pattern = re.compile(
            r"\bcampaign\s*(?:[–-]\s*)?[\"“]?(?P<name>[A-Z][^,.;\"”–()]{2,60}?)[\"”]?"
            r"\s*(?:,\s*(?:or\s+)?(?P<alt>[A-Z][^,.;\"”–()]{2,60}?)\s*(?=[,.;–])|(?=[,.;–]))"
        )
        for passage in source.body:
            for m in pattern.finditer(passage.text):
                name, alt = m.group("name").strip(), (m.group("alt") or "").strip()
                if len(name.split()) < 2:
                    continue
                spanish = SPANISH.search(name) and not (alt and SPANISH.search(alt))
                english = alt if spanish and alt else name
                reused = self._reuse("campaign", [name, alt])
                if any(reused and i.id == reused[0] for i in items):
                    continue
                item = Item(
                    "campaigns", reused[0] if reused else self._id(slugify(english, 6), "campaign")
                )
                if reused:
                    item.fields["name"] = reused[1]["name"]
                    if reused[1].get("name_es"):
                        item.fields["name_es"] = reused[1]["name_es"]
                else:
                    item.fields["name"] = english
                    if spanish:
                        item.fields["name_es"] = name
                    elif alt:
                        item.fields["alt_names"] = [alt]
                s0, s1 = self._sentence(passage, m.start())
                before = passage.text[max(s0, m.start() - 40) : m.start() + len("campaign")]
                ctype = self._concept_in("campaign-types", before)
                if ctype:
                    item.fields["type"] = ctype
                launcher = [
                    x.target
                    for x in self._top(entities.in_range(passage, s0, m.start(), "organization"))
                    if re.match(r"\s*(?:has\s+)?(?:recently\s+)?launched\b", passage.text[x.end :])
                ]
                if launcher:
                    item.fields["organizers"] = launcher[:1]
                places = self._places_after(passage, m.end(), s1, "along|in|across|throughout")
                if places:
                    item.fields["location"] = places
                det = list(
                    re.finditer(
                        r"\b(?:an?|the)\s", passage.text[max(s0, m.start() - 40) : m.start()]
                    )
                )
                start = max(s0, m.start() - 40) + det[-1].start() if det else m.start()
                item.add_quote(passage, start, m.end())
                item.confidence = 0.6
                items.append(item)
        return items
