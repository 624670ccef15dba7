"""Events, agreements, campaigns, laws, projects, memberships, quotations, place roles and the
publication bound, by rules over the names the recognizer found and the words around them.

An item another curated document already declares (the same campaign, the same agreement
between the same organizations) gets that document's id and name, so that the published graph
holds one node for it.
"""

from __future__ import annotations

import re

from kg.extraction.entities import Entities, Mention
from kg.extraction.knowledge import Knowledge
from kg.extraction.numbers import (
    _M,
    MONTH,
    PERIOD_PATTERNS,
    _date,
    _period_value,
    window,
    word_value,
)
from kg.extraction.proposal import ConceptProposal, Item, Quote, slugify
from kg.extraction.text import Passage, Source, fold

RELATIVE_TIME = re.compile(
    r"\b(this week|next week|last week|recently|today|yesterday|this month|last month|"
    r"next month|this year|last year|next year|recent)\b",
    re.I,
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
EVENT_NOUNS = re.compile(
    r"\b(?:(?P<dur>\w+)-day\s+)?(?P<head>workshop|conference|seminar|congress|summit|forum|"
    r"mass murder|massacre|training course|round ?table)\b",
    re.I,
)
ROLE_PHRASE = re.compile(
    r"\b(?P<roles>(?:origin|transit|destination)(?:(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)"
    r"(?:origin|transit|destination))*)\b"
)
SPANISH = re.compile(r"[áéíóúñ]|\b(?:de|del|la|las|los|el|y|más|contra|para|por)\b", re.I)
QUOTED = re.compile(r"[\"“](?P<inner>[^\"”]{20,}?)[\"”]")
SPEECH_AFTER = re.compile(
    r"\s*,?\s*(?:said|says|added|adds|explained|explains|stated|states|noted|notes|told|"
    r"stressed|declared)\b",
    re.I,
)


DAY_DATE = re.compile(
    rf"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
DURATION_WORDS = re.compile(
    r"\b(?:an?\s+)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|thirty|thirty-six|twenty-four)[- ](?P<u>year|month|week|day)s?\b",
    re.I,
)
STUDY_HEADS = (
    "report", "study", "studies", "survey", "assessment", "investigation", "research",
    "analysis", "publication", "dataset", "review", "index", "atlas", "handbook",
)  # fmt: skip
TITLE_CONNECTORS = {"on", "of", "in", "and", "for", "against", "to", "the", "from", "at", "with"}
AUTHOR_VERB = (
    r"(?:(?:carried out|conducted|published|released|compiled|produced|developed|prepared|made|"
    r"done|undertaken|issued|commissioned|launched)\s+)?(?:jointly\s+)?(?:by|of|from)\s+"
)
FUNDED_BY = re.compile(
    r"^\s*,?\s*(?:which|that)?\s*(?:is|was|are|were|has been|have been)?\s*"
    r"(?:(?:generously|jointly|partly|fully)\s+)?(?:funded|financed|sponsored|co-funded)\s+by\s+",
    re.I,
)
FUNDABLE = r"(?:project|programme|program|initiative|campaign|workshop|training|conference)s?"


TITLE_HEAD = re.compile(
    r"\b(?:Report|Study|Survey|Assessment|Review|Index|Atlas|Dataset|Handbook|Guidelines|"
    r"Yearbook|Outlook)\b"
)
TITLE_NOT_FIRST = {
    "The", "A", "An", "Its", "Their", "This", "According", "In", "Moreover", "Meanwhile",
    "However", "Yet", "But", "And", "Also", "Latest", "New", "Recent", "Forthcoming",
}  # fmt: skip
PUBLICATION_TITLE = re.compile(
    r"\bpublications?\s*,\s*(?:(?:entitled|titled|called)\s+)?[“\"]?"
    r"(?P<title>[A-Z][^,;“”\"()]{3,120}?)[”\"]?(?=\s*(?:[,;()]|\.(?:\s|$)|$))"
)
UNTITLED_STUDY = re.compile(
    r"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hese)\s+"
    r"(?P<body>(?:(?:latest|most recent|recent|new|forthcoming|annual|first|last|joint|"
    r"global|regional|national)\s+){0,3}"
    r"(?:(?P<year>(?:19|20)\d\d)\s+)?(?:[A-Z][\w-]+\s+)?"
    r"(?P<head>report|study|studies|survey|assessment|investigation|analysis|publication|"
    r"dataset)s?)\b"
)


class ItemExtractor:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.declared = knowledge.declared()
        self.ids: set[str] = set()
        self.proposals: dict[tuple[str, str], ConceptProposal] = {}
        self._extra: list[Item] = []  # projects the fundings found

    def run(self, source: Source, entities: Entities) -> tuple[list[Item], Item | None]:
        self.source, self.entities = source, entities
        items: list[Item] = []
        items += self._laws(source, entities)
        items += self._events(source, entities)
        items += self._campaigns(source, entities)
        items += self._agreements(source, entities)
        items += self._projects(source, entities)
        fundings = self._fundings(source, entities, items)
        items += self._extra + fundings
        items += self._launches(source, entities, items)
        items += self._studies(source, entities)
        items += self._memberships(source, entities)
        items += self._quotations(source, entities)
        items += self._place_roles(source, entities)
        return items, self._published(source)

    # -- helpers ---------------------------------------------------------------------------

    def _id(self, slug: str, kind: str) -> str:
        """A fresh id: not the reference data's, not another document's (an item the same as
        another document's gets that document's id through _reuse), not this draft's."""
        slug = slug or kind
        candidate, n = slug, 2
        while (
            candidate in self.ids
            or candidate in self.knowledge.entities
            or candidate in self.declared
        ):
            candidate, n = f"{slug}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def _reuse(self, kind: str, names: list[str]) -> tuple[str, dict] | None:
        wanted = {fold(n) for n in names if n}
        for slug, (declared_kind, item, _) in self.declared.items():
            if declared_kind != kind:
                continue
            theirs = {fold(n) for n in [item.get("name"), item.get("name_es"),
                                        *(item.get("alt_names") or [])] if n}  # fmt: skip
            if wanted & theirs and slug not in self.ids:
                self.ids.add(slug)
                return slug, item
        return None

    def _concept_in(self, scheme: str, text: str) -> str | None:
        """The concept of `scheme` whose label's words all occur in `text` (the most words)."""
        words = set(re.findall(r"\w+", fold(text)))
        best, best_n = None, 0
        for concept in self.knowledge.concepts.get(scheme, {}).values():
            label = set(re.findall(r"\w+", fold(concept.label)))
            if label and label <= words and len(label) > best_n:
                best, best_n = concept.id, len(label)
        return best

    def _top(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions not inside another mention."""
        return [
            m
            for m in mentions
            if not any(
                o is not m
                and o.passage is m.passage
                and o.start <= m.start
                and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start)
                and not o.coordinated
                for o in mentions
            )
        ]

    def _org_chain(self, passage: Passage, pos: int, limit: int = 200) -> list[Mention]:
        """The organizations named one after another from `pos` on ("X", "X and Y", "X, Y and
        Z", each maybe after "the" or a possessive such as "the country's", an acronym in
        brackets after each): none when the words at `pos` name none."""
        text = passage.text
        found = sorted(
            self._top(self.entities.in_range(passage, pos, min(len(text), pos + limit))),
            key=lambda m: m.start,
        )
        out: list[Mention] = []
        cursor = pos
        for m in found:
            if m.start < cursor:
                continue
            gap = text[cursor : m.start]
            lead = r"\s*" if not out else r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
            if m.kind != "organization" or not re.fullmatch(
                lead + r"(?:the\s+)?(?:[\w’']+[’']s?\s+)?(?:(?:US|U\.S\.|UK|EU)\s+)?", gap
            ):
                break
            out.append(m)
            cursor = m.end
            bracket = re.match(r"\s*\([^()]{1,40}\)", text[cursor:])
            if bracket:
                cursor += bracket.end()
        return out

    def _sentence(self, passage: Passage, offset: int) -> tuple[int, int]:
        return passage.sentence_at(offset)

    def _places_after(self, passage: Passage, start: int, end: int, preps: str) -> list[str]:
        out = []
        for m in self._top(self.entities.in_range(passage, start, end, "place")):
            before = passage.text[max(start, m.start - 40) : m.start]
            if re.search(rf"\b(?:{preps})\s+(?:[\w’',]+\s+){{0,4}}$", before, re.I):
                out.append(m.target)
        return list(dict.fromkeys(out))

    def _status(self, text: str) -> str | None:
        if re.search(r"\bwill\b|\bnext week\b|\bplanned\b|\bto be\b", text, re.I):
            return "planned"
        if re.search(
            r"\btaking place\b|\bis participating\b|\bongoing\b|\bends today\b", text, re.I
        ):
            return "ongoing"
        return None

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
            n = duration.group(1)
            count = int(n) if n.isdigit() else word_value(n)
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

    # -- agreements ------------------------------------------------------------------------

    def _agreements(self, source: Source, entities: Entities) -> list[Item]:
        """Agreements signed, with their parties ("an agreement between X and Y", "X and Y
        signed a two-year agreement", "X signed an agreement with Y"), date, relative time and
        duration (which the curation format has no field for: it goes to the note)."""
        items: list[Item] = []
        pattern = re.compile(
            r"\b(?:(?P<type>cooperation|framework|partnership|collaboration|bilateral)\s+)?"
            r"(?:agreement|memorandum of understanding|MoU)\b",
            re.I,
        )
        for passage in source.body:
            for m in pattern.finditer(passage.text):
                s0, s1 = self._sentence(passage, m.start())
                sentence = passage.text[s0:s1]
                if not re.search(r"\bsign(?:ed|ing|s)?\b|\bconclud|\benter", sentence, re.I):
                    continue
                parties = self._parties(passage, s0, s1, m)
                if parties is None:
                    continue
                if any(set(parties) == set(i.fields.get("parties", [])) for i in items):
                    same = next(i for i in items if set(parties) == set(i.fields["parties"]))
                    same.add_quote(passage, s0, s1)
                    continue
                reused = self._reuse_agreement(parties)
                kind = (m.group("type") or "").casefold()
                concept = "cooperation-agreement" if kind == "cooperation" else "agreement"
                names = " and ".join(self._name_of(p) for p in parties[:2]) or "its parties"
                name = f"{(kind + ' agreement').strip().capitalize()} between {names}"
                item = Item(
                    "agreements", reused[0] if reused else self._id(slugify(name, 7), "agreement")
                )
                item.fields["name"] = reused[1]["name"] if reused else name
                if self.knowledge.concept("agreement-types", concept):
                    item.fields["type"] = concept
                item.fields["parties"] = parties
                when = RELATIVE_TIME.search(sentence)
                if when:
                    item.fields["when"] = when.group(1).casefold()
                date = self._date_in(sentence)
                if date and date[0]:
                    item.fields["date"] = date[0]
                elif date and "when" not in item.fields:
                    item.fields["when"] = date[1]
                duration = _duration_before(passage.text, max(s0, m.start() - 40), m.start())
                if duration is None:
                    after = re.search(
                        r"\b(?:for|over|lasting|valid for|runs? for|covering)\s+"
                        r"(?:a\s+period\s+of\s+)?"
                        r"((?:\d+|[a-z-]+)\s+(?:years?|months?|weeks?|days?))\b",
                        passage.text[m.end() : s1],
                        re.I,
                    )
                    if after:
                        duration = _duration_of(after.group(1))
                if duration:
                    item.fields["note"] = (
                        f"The text says the agreement runs for {duration[1]} ({duration[0]}); the "
                        "curation format has no field for an agreement's duration."
                    )
                if re.search(r"\bwill\s+(?:be\s+)?sign|\bto be signed\b", sentence, re.I):
                    item.fields["status"] = "planned"
                item.add_quote(passage, s0, s1)
                item.confidence = 0.65 if len(parties) >= 2 else 0.3
                items.append(item)
        return items

    def _parties(self, passage: Passage, s0: int, s1: int, m: re.Match) -> list[str] | None:
        """The organizations the sentence says agreed: after "between" ("an agreement between
        X and Y"), the subject of "sign" ("X and Y signed ..."), and "with Y" after it."""
        text = passage.text
        between = re.match(r"\s*(?:\([^()]*\)\s*)?between\s+", text[m.end() : m.end() + 40])
        if between:
            chain = self._org_chain(passage, m.end() + between.end())
            return list(dict.fromkeys(x.target for x in chain))
        sign = None
        for v in re.finditer(r"\b(?:have\s+|has\s+|will\s+)?(?:signed|sign|signs)\b", text[s0:s1]):
            if s0 + v.start() < m.start():
                sign = v
        parties: list[str] = []
        if sign is not None:
            # The subject: the organizations just before the verb.
            before = [
                x
                for x in self._top(self.entities.in_range(passage, s0, s0 + sign.start()))
                if x.kind == "organization"
            ]
            if before:
                first = before[0]
                chain = self._org_chain(passage, first.start, s0 + sign.start() - first.start)
                if chain and re.fullmatch(
                    r"[\s,]*(?:\([^()]*\)\s*)?(?:(?:today|recently|yesterday|jointly|also|"
                    r"formally|officially)\s+)?",
                    text[chain[-1].end : s0 + sign.start()],
                ):
                    parties = [x.target for x in chain]
        with_ = re.search(r"\bwith\s+", text[m.end() : min(s1, m.end() + 40)])
        if with_:
            parties += [x.target for x in self._org_chain(passage, m.end() + with_.end())]
        if not parties:
            parties = [
                x.target for x in self._top(self.entities.in_range(passage, s0, s1, "organization"))
            ][:3]
        return list(dict.fromkeys(parties))

    def _date_in(self, sentence: str) -> tuple[str | None, str] | None:
        """The date a sentence gives ("on Wednesday, 3 August 2016", "in March 2015"): ISO
        when it has a year, else None, and the words."""
        m = DAY_DATE.search(sentence)
        if m:
            month = m.group("m1") or m.group("m2")
            day = int(m.group("d1") or m.group("d2"))
            words = m.group(0).strip()
            if m.group("y") and 1 <= day <= 31:
                return f"{m.group('y')}-{_M[month.casefold()]:02d}-{day:02d}", words
            return None, words
        m = re.search(rf"\b(?:in|on)\s+(?P<m>{MONTH})\s+(?P<y>(?:19|20)\d\d)\b", sentence)
        if m:
            return _date(m.group("m"), m.group("y")), m.group(0)[3:].strip()
        return None

    def _reuse_agreement(self, parties: list[str]):
        def top(target: str) -> str:
            entity = self.knowledge.entities.get(target)
            while entity is not None and entity.part_of in self.knowledge.entities:
                entity = self.knowledge.entities[entity.part_of]
            return entity.id if entity else target

        mine = {top(p) for p in parties}
        for slug, (kind, item, _) in self.declared.items():
            if kind == "agreement" and slug not in self.ids:
                theirs = {top(p) for p in item.get("parties") or []}
                if mine and mine == theirs:
                    self.ids.add(slug)
                    return slug, item
        return None

    # -- projects --------------------------------------------------------------------------

    def _projects(self, source: Source, entities: Entities) -> list[Item]:
        items: list[Item] = []
        found = [
            (_strip_article(n.text), n.passage, n.start, n.end, None)
            for n in entities.names
            if n.kind == "project"
        ]
        for passage in source.body:
            for m in self._top(entities.in_range(passage, 0, len(passage.text), "organization")):
                after = re.match(
                    r"[’']s\s+(?P<words>(?:[a-z-]+\s+){0,4}(?:project|programme|program))\b",
                    passage.text[m.end :],
                )
                if after:
                    name = f"{m.text} {after.group('words')}"
                    found.append((name, passage, m.start, m.end + after.end(), m.target))
        seen = set()
        for name, passage, start, end, manager in found:
            if fold(name) in seen:
                continue
            seen.add(fold(name))
            reused = self._reuse("project", [name])
            item = Item("projects", reused[0] if reused else self._id(slugify(name, 6), "project"))
            item.fields["name"] = reused[1]["name"] if reused else name
            ptype = self._concept_in("project-types", name)
            if ptype:
                item.fields["type"] = ptype
            managed = re.match(
                r"\s*(?:managed|run|implemented|led)\s+by\s+(?:the\s+)?", passage.text[end:]
            )
            if managed and manager is None:
                after = [
                    x
                    for x in self._top(entities.in_range(passage, end, end + 80, "organization"))
                    if x.start <= end + managed.end() + 2
                ]
                manager = after[0].target if after else None
            if manager:
                item.fields["managed_by"] = [manager]
            item.add_quote(passage, start, end + (managed.end() + 40 if managed else 0))
            quote = item.quotes[-1]
            quote.end = min(_word_end(passage.text, quote.end), len(passage.text))
            item.confidence = 0.55
            items.append(item)
        return items

    # -- fundings --------------------------------------------------------------------------

    def _fundings(self, source: Source, entities: Entities, items: list[Item]) -> list[Item]:
        """Who pays for a project: "the IOM project, funded by X (and Y)", "a USAID-funded
        IOM initiative". The project is this draft's (found by the words) or a new one; each
        funder gets a funding of it, the project's manager as its recipient."""
        out: list[Item] = []
        for passage in source.body:
            text = passage.text
            found: list[tuple[int, int, list[Mention], int]] = []  # np start, np end, funders
            for m in re.finditer(r"\b(?:funded|financed|sponsored|co-funded)\s+by\s+", text):
                before = re.search(
                    rf"(?P<np>(?:(?:the|a|an|this|its|their|another|[A-Z][\w’'-]*[’']s)\s+)?"
                    rf"(?:[\w’'-]+\s+){{0,6}}?{FUNDABLE})\s*,?\s*(?:(?:which|that)\s+)?"
                    r"(?:(?:is|are|was|were|has been|have been)\s+)?"
                    r"(?:(?:generously|jointly|partly|fully)\s+)?$",
                    text[max(0, m.start() - 120) : m.start()],
                    re.I,
                )
                if not before:
                    continue
                a = max(0, m.start() - 120) + before.start("np")
                b = max(0, m.start() - 120) + before.end("np")
                funders = self._org_chain(passage, m.end())
                if funders:
                    found.append((a, b, funders, funders[-1].end))
            for o in self._top(entities.in_range(passage, 0, len(text), "organization")):
                after = re.match(
                    rf"-(?:funded|financed|sponsored)\s+(?P<np>(?:[\w’'-]+\s+){{0,5}}?{FUNDABLE})\b",
                    text[o.end :],
                    re.I,
                )
                if after:
                    found.append(
                        (
                            o.end + after.start("np"),
                            o.end + after.end("np"),
                            [o],
                            o.end + after.end(),
                        )
                    )
            for a, b, funders, end in found:
                project = self._project_at(passage, a, b, items + out)
                if project is None:
                    continue
                manager = (project.fields.get("managed_by") or [None])[0]
                for funder in dict.fromkeys(f.target for f in funders):
                    name = f"{self._name_of(funder)} funding {project.fields['name']}"
                    item = Item("fundings", self._id(slugify(name, 7), "funding"))
                    item.fields["funder"] = funder
                    item.fields["funded"] = project.id
                    if manager and manager != funder:
                        item.fields["recipient"] = manager
                    item.add_quote(passage, min(a, funders[0].start), end)
                    item.confidence = 0.65
                    out.append(item)
        return out

    def _project_at(self, passage: Passage, a: int, b: int, items: list[Item]) -> Item | None:
        """The project the words passage.text[a:b] name: one this draft already has there,
        else a new one (reusing another document's of the same name)."""
        for item in items:
            if item.section in ("projects", "campaigns") and any(
                q.passage is passage and q.start < b and a < q.end for q in item.quotes
            ):
                return item
        words = passage.text[a:b]
        head = re.search(r"(project|programme|program|initiative)s?$", words, re.I)
        if head is None:
            return None
        orgs = self._top(self.entities.in_range(passage, a, b, "organization"))
        name = re.sub(r"^(?:the|a|an|this|its|their|another)\s+", "", words, flags=re.I)
        name = re.sub(r"[’']s\b", "", name)
        if not orgs and len(name.split()) < 2:
            return None
        for item in items:
            if item.section == "projects" and fold(item.fields.get("name", "")) == fold(name):
                item.add_quote(passage, a, b)
                return item
        reused = self._reuse("project", [name])
        item = Item("projects", reused[0] if reused else self._id(slugify(name, 6), "project"))
        item.fields["name"] = reused[1]["name"] if reused else name[:1].upper() + name[1:]
        ptype = self._concept_in("project-types", name)
        if ptype:
            item.fields["type"] = ptype
        if orgs:
            item.fields["managed_by"] = [orgs[0].target]
        item.add_quote(passage, a, b)
        item.confidence = 0.55
        items.append(item)
        self._extra.append(item)
        return item

    # -- launches ----------------------------------------------------------------------------

    def _launches(self, source: Source, entities: Entities, items: list[Item]) -> list[Item]:
        """The launch of a campaign, report, project or the like, where and when the text
        says ("the campaign, to be launched in Tapachula on Wednesday, 3 August")."""
        out: list[Item] = []
        pattern = re.compile(
            r"\b(?P<aux>will be|to be|was|were|has been|have been|had been|is being|are being|"
            r"is|are)?\s*(?:officially\s+|formally\s+|jointly\s+)?launched\b"
        )
        for passage in source.body:
            text = passage.text
            for m in pattern.finditer(text):
                s0, s1 = self._sentence(passage, m.start())
                head = None
                for h in re.finditer(
                    r"\b(campaign|report|study|survey|project|programme|initiative|platform|"
                    r"plan|strategy|guide|guidelines|handbook|application|app|website|hotline|"
                    r"exhibition|installation|centre|center)s?\b",
                    text[s0 : m.start()],
                    re.I,
                ):
                    head = h
                if head is None:
                    after = re.match(
                        r"\s+(?:an?|the|its|their)\s+(?:[\w’'-]+\s+){0,4}?(campaign|report|"
                        r"project|programme|initiative|plan|strategy)\b",
                        text[m.end() : s1],
                        re.I,
                    )
                    head = after
                if head is None:
                    continue
                places = self._places_after(passage, m.end(), s1, "in|at")
                date = self._date_in(text[m.end() : s1]) or self._date_in(text[s0 : m.start()])
                if not places and not date:
                    continue
                if any(
                    q.passage is passage and s0 <= q.start < s1
                    for i in items + out
                    if i.section == "events"
                    for q in i.quotes
                ):
                    continue
                noun = head.group(1).casefold()
                subject = next(
                    (
                        i
                        for i in items
                        if i.section in ("campaigns", "projects")
                        and any(q.passage is passage and s0 <= q.start < s1 for q in i.quotes)
                    ),
                    None,
                )
                what = subject.fields["name"] if subject else f"the {noun}"
                place_name = self._name_of(places[0]) if places else None
                name = f"Launch of {what}" + (f" in {place_name}" if place_name else "")
                item = Item("events", self._id(slugify(name, 7), "event"))
                item.fields["name"] = name
                if noun == "campaign" and self.knowledge.concept("event-types", "campaign-launch"):
                    item.fields["type"] = "campaign-launch"
                if subject is not None:
                    item.fields["about"] = [subject.id]
                if places:
                    item.fields["location"] = places[:1]
                if date and date[0]:
                    item.fields["date"] = date[0]
                elif date:
                    item.fields["when"] = date[1]
                aux = (m.group("aux") or "").casefold()
                if aux in ("will be", "to be") or re.search(r"\bwill\b", text[s0 : m.start()]):
                    item.fields["status"] = "planned"
                elif aux in ("was", "were", "has been", "have been", "had been"):
                    item.fields["status"] = "completed"
                item.add_quote(passage, s0, s1)
                item.confidence = 0.55
                out.append(item)
        return out

    # -- studies -----------------------------------------------------------------------------

    def _studies(self, source: Source, entities: Entities) -> list[Item]:
        """Reports, studies, surveys and publications the text cites: by title ("the latest
        Global Report on Trafficking in Persons", "its most recent publication, TITLE"), or
        by what and whose they are ("a 2009 investigation by CNDH", "recent IOM studies",
        "a study released by the country's Human Rights Office"). A later mention ("the
        Global Report", "the report") is the same study; each mention is kept (`spans`) so
        that numbers the text gives from it cite it."""
        studies: list[Item] = []
        for passage in source.passages:
            if passage.kind == "trailer":
                continue
            taken: list[tuple[int, int]] = []
            for a, b, title_start, title_end in self._titled(passage):
                taken.append((a, b))
                self._study(passage, a, b, passage.text[title_start:title_end], studies, True)
            for m in UNTITLED_STUDY.finditer(passage.text):
                if any(x <= m.start("head") < y for x, y in taken):
                    continue
                self._study(passage, m.start(), m.end(), None, studies, False, m)
        return [s for s in studies if s.quotes]

    def _titled(self, passage: Passage) -> list[tuple[int, int, int, int]]:
        """(mention start, end, title start, end) of the titles of studies in a passage."""
        text = passage.text
        out = []
        for h in TITLE_HEAD.finditer(text):
            words = list(re.finditer(r"[\w’'-]+", text[: h.start()]))
            start, have, i = h.start(), 0, len(words) - 1
            while i >= 0:
                w = words[i].group(0)
                gap = text[words[i].end() : start]
                if not re.fullmatch(r"\s+", gap):
                    break
                if w[:1].isupper() or re.fullmatch(r"(?:19|20)\d\d", w):
                    start, have, i = words[i].start(), have + 1, i - 1
                elif (
                    w in ("in", "on", "of", "and", "for", "against")
                    and have
                    and i > 0
                    and words[i - 1].group(0)[:1].isupper()
                ):
                    start, i = words[i].start(), i - 1
                else:
                    break
            while True:  # "The", "According": no part of a title
                first = re.match(r"[\w’'-]+\s+", text[start : h.start()])
                if first and first.group(0).strip() in TITLE_NOT_FIRST:
                    start += first.end()
                else:
                    break
            right = re.match(
                r"(?:\s+(?:(?:on|of|in|and|for|against|the|to|from)\s+)*"
                r"(?:[A-Z][\w’'-]*|(?:19|20)\d\d)\b)*",
                text[h.end() :],
            )
            end = h.end() + right.end()
            # "... on Kidnapping of the National Human Rights Commission": the author after
            # the title is none of it.
            inner = [
                m.start
                for m in self.entities.in_range(passage, h.end(), end, "organization")
                if m.start > h.end()
            ]
            if inner:
                end = min(inner)
            while text[start:end].split()[-1].casefold() in TITLE_CONNECTORS:
                end = start + text[start:end].rstrip().rfind(" ")
            if start == h.start() and end == h.end():
                continue  # "Report" alone
            if any(a <= h.start() < b for a, b, _, _ in out):
                continue
            out.append((start, end, start, end))
        for m in PUBLICATION_TITLE.finditer(text):
            out.append((m.start(), m.end("title"), m.start("title"), m.end("title")))
        return out

    def _study(
        self,
        passage: Passage,
        a: int,
        b: int,
        title: str | None,
        studies: list[Item],
        titled: bool,
        m: re.Match | None = None,
    ) -> None:
        text = passage.text
        s0, s1 = self._sentence(passage, a)
        authors: list[str] = []
        # An organization inside the title's beginning ("UNODC Global Report ..."), just
        # before it (possessive or not: "IOM's latest report", "recent IOM studies"), or
        # after it ("... by the United Nations Office on Drugs and Crime").
        inside = self._top(self.entities.in_range(passage, a, b, "organization"))
        if inside and title and inside[0].start == text.find(title, a):
            authors.append(inside[0].target)
            title = re.sub(rf"^{re.escape(inside[0].text)}(?:[’']s)?\s+", "", title)
        elif inside and not titled:
            authors += [x.target for x in inside]
        before = [
            x
            for x in self._top(self.entities.in_range(passage, max(s0, a - 80), a, "organization"))
            if re.fullmatch(
                r"(?:[’']s)?\s+(?:(?:the|latest|most recent|recent|new|forthcoming|annual|"
                r"first|joint)\s+)*(?:(?:19|20)\d\d\s+)?",
                text[x.end : a],
            )
        ]
        if before and not authors:
            authors.append(before[-1].target)
        by = re.match(r"\s*,?\s*" + AUTHOR_VERB, text[b : b + 60])
        if by and not authors:
            authors += [x.target for x in self._org_chain(passage, b + by.end())]
        det = m.group("det") if m is not None else None
        if (
            not authors
            and (det or "").casefold() in ("its", "their")
            or (not authors and re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$", text[s0:a]))
        ):
            subject = [x for x in self._top(self.entities.in_range(passage, s0, a, "organization"))]
            if subject:
                authors.append(subject[-1].target)
        authors = list(dict.fromkeys(authors))
        year = None
        if title:
            y = re.search(r"\b((?:19|20)\d\d)$", title)
            year = y.group(1) if y else None
        elif m is not None and m.group("year"):
            year = m.group("year")
        # A later mention of a study already found: its words are part of that one's title,
        # or it is "the report" (definite, no year) and there is an earlier study.
        for study in reversed(studies):
            name = fold(study.fields["name"])
            if title and set(fold(title).split()) <= set(name.split()) | {"the"}:
                study.spans.append(Quote(passage, a, b))
                return
            if (
                title is None
                and det
                and det.casefold() in ("the", "this")
                and not year
                and (not authors or set(authors) <= set(study.fields.get("authors", [])))
            ):
                study.spans.append(Quote(passage, a, b))
                return
        if title is None and not authors and not year:
            return
        if title:
            name = title
        else:
            words = text[m.start("body") : m.end()]
            name = words[:1].upper() + words[1:]
            if by and authors:
                name += " by " + " and ".join(self._name_of(x) for x in authors)
        reused = self._reuse("study", [name])
        item = Item("studies", reused[0] if reused else self._id(slugify(name, 6), "study"))
        item.fields["name"] = reused[1]["name"] if reused else name
        if authors:
            item.fields["authors"] = authors
        if year:
            item.fields["date"] = year
        if re.search(
            r"\b(?:forthcoming|upcoming|will be (?:released|published|launched))\b",
            text[s0:s1],
            re.I,
        ):
            item.fields["status"] = "planned"
        end = b + by.end() if by and authors else b
        if by and authors:
            chain = self._org_chain(passage, b + by.end())
            end = chain[-1].end if chain else b
        item.add_quote(passage, a, end)
        item.spans.append(Quote(passage, a, b))
        item.confidence = 0.7 if titled else (0.6 if authors else 0.45)
        if passage.kind == "title":
            item.quotes = []  # the headline's mention is kept for citing, not quoted
            item.confidence = 0.0
        studies.append(item)

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


_EVENT_TYPES = {"congress", "workshop", "conference", "seminar", "training", "summit", "forum"}
_ROLE_WORDS = {
    "chief", "director", "head", "minister", "secretary", "coordinator", "officer",
    "president", "representative", "spokesperson", "ambassador", "commissioner", "manager",
    "chair", "governor", "mayor", "senator", "deputy", "advisor", "adviser",
}  # fmt: skip


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalnum():
        pos += 1
    return pos


def _key(date: str) -> tuple[int, int]:
    parts = date.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else 0


def _bound(kind: str, value: dict) -> str | None:
    """The earliest publication date a reported period allows: the month after a reported
    end month ("through January 2008" -> 2008-02), the month after N months of a year."""
    end = value.get("end") or value.get("start")
    if not end:
        return None
    if "duration" in value and value["duration"].endswith("M") and len(end) == 4:
        months = int(value["duration"][1:-1])
        return f"{end}-{min(12, months + 1):02d}" if months < 12 else str(int(end) + 1)
    if kind in ("until", "months", "range") and len(end) == 7:
        year, month = int(end[:4]), int(end[5:])
        return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"
    return end


def _duration_of(words: str) -> tuple[str, str] | None:
    """("P2Y", "two years") for "two years", "2-year", "eighteen months"."""
    m = re.fullmatch(r"(?:an?\s+)?(\d+|[a-z-]+)[- ](year|month|week|day)s?", words.strip(), re.I)
    if not m:
        return None
    n = m.group(1)
    count = int(n) if n.isdigit() else word_value(n)
    if not count:
        return None
    unit = m.group(2).casefold()
    return f"P{count}{unit[0].upper()}", f"{n} {unit}{'s' if count != 1 else ''}"


def _duration_before(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The length written just before a noun ("a two-year agreement", "an 18-month project")."""
    m = re.search(
        r"\b(\d+|[a-z]+(?:-[a-z]+)?)-(year|month|week|day)(?:-long)?\s+(?:[\w-]+\s+){0,3}$",
        text[start:end],
        re.I,
    )
    if not m:
        return None
    return _duration_of(f"{m.group(1)} {m.group(2)}")


def cite_studies(items: list[Item], observations: list[Item]) -> None:
    """A number given in a sentence that names a study (before the number: "the Global Report
    ... found that ... 124 states"; or "according to" it after) comes from that study
    (`source_work`); when the text names the study's authors and no one else as the number's
    source, they are who the number is attributed to."""
    studies = [i for i in items if i.section == "studies"]
    if not studies:
        return
    for obs in observations:
        if not obs.spans:
            continue
        at = obs.spans[0]
        passage = at.passage
        s0, s1 = passage.sentence_at(at.start)
        best, best_pos = None, -1
        for study in studies:
            for span in study.spans:
                if span.passage is not passage or not s0 <= span.start < s1:
                    continue
                cue = passage.text[max(s0, span.start - 40) : span.start]
                before = span.end <= at.start
                after = span.start >= at.end and re.search(
                    r"\baccording to\s+(?:the\s+|its\s+|their\s+)?[\w’' -]*$", cue, re.I
                )
                if (before or after) and (before and span.start > best_pos or best is None):
                    best, best_pos = study, span.start
        if best is None:
            continue
        obs.fields["source_work"] = [best.id]
        if "attributed_to" not in obs.fields and best.fields.get("authors"):
            obs.fields["attributed_to"] = list(best.fields["authors"])
