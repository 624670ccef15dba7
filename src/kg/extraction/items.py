"""Events, agreements, campaigns, laws, projects, memberships, quotations, place roles and the
publication bound, by rules over the names the recognizer found and the words around them.

An item another curated document already declares (the same campaign, the same agreement
between the same organizations) gets that document's id and name, so that the published graph
holds one node for it.
"""

from __future__ import annotations

import itertools
import re

from kg.extraction.agreements import AgreementRules
from kg.extraction.entities import Entities, Mention
from kg.extraction.events import EventRules
from kg.extraction.knowledge import Knowledge
from kg.extraction.proposal import ConceptProposal, Item
from kg.extraction.roles import RoleRules
from kg.extraction.studies import StudyRules
from kg.extraction.text import Passage, Source, fold


class ItemExtractor(EventRules, AgreementRules, StudyRules, RoleRules):
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
        """Mentions not inside another, longer mention that is not coordinated (in one sweep
        by start: a text of many names is read in n log n, not n squared)."""
        inside: set[int] = set()
        order = sorted(mentions, key=lambda m: (m.passage.index, m.start, -m.end))
        for _, in_passage in itertools.groupby(order, key=lambda m: m.passage.index):
            farthest = -1  # the farthest end of a mention (not coordinated) seen before
            for (_, end), same in itertools.groupby(in_passage, key=lambda m: (m.start, m.end)):
                same = list(same)
                if farthest >= end:  # one before it, of another span, reaches its end
                    inside.update(id(o) for o in same)
                farthest = max([farthest, *(o.end for o in same if not o.coordinated)])
        return [m for m in mentions if id(m) not in inside]

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
