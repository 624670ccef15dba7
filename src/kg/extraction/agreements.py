"""Agreements between organizations (and their dates), projects, who funds them and what a
release says was launched.
"""

from __future__ import annotations

import re

from kg.extraction.dated_days import month_number
from kg.extraction.entities import Entities, Mention
from kg.extraction.figures import MONTH
from kg.extraction.item_words import (
    RELATIVE_TIME,
    _duration_before,
    _duration_of,
    _strip_article,
    _word_end,
)
from kg.extraction.period_patterns import _date
from kg.extraction.proposal import Item, slugify
from kg.extraction.text import Passage, Source, fold

DAY_DATE = re.compile(
    rf"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)


FUNDABLE = r"(?:project|programme|program|initiative|campaign|workshop|training|conference)s?"


class AgreementRules:
    """The ItemExtractor's rules for agreements, projects, fundings and launches (a part of it)."""

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
        """The date a sentence gives ("on Wednesday, 3 August 2016", "in April 2013"): ISO
        when it has a year, else None, and the words."""
        m = DAY_DATE.search(sentence)
        if m:
            month = m.group("m1") or m.group("m2")
            day = int(m.group("d1") or m.group("d2"))
            words = m.group(0).strip()
            if m.group("y") and 1 <= day <= 31:
                return f"{m.group('y')}-{month_number(month):02d}-{day:02d}", words
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
