"""Numbers: every figure a press release states, as a draft observation.

Forms understood: digits with thousands separators ("1,336"), words ("Forty-seven",
"fifty-three"), scales ("2.5 million"), percentages ("80 per cent", "44%"), money ("3,000 US
dollars", "US$ 500"), ranges ("between 500 and 3,000"), qualifiers before the number ("some",
"more than", "over", "at least", "an estimated", and "estimates" earlier in the sentence),
and the numbers that are not observations: years and dates ("January 2008", "Since 2005"),
durations ("six months", "two-day"), ordinals, article numbers, pronouns ("one of the worst",
"the two organizations") and a number repeated by a definite phrase ("Of the 54 victims
assisted through January 2008": the 54 already stated, which gains a quote and a period).

Each number gets its unit from the noun it counts ("54 victims" -> person, "1,336 cases" ->
case, "13 different nationalities" -> nationality), a period from the sentence ("since 2005",
"through January 2008", "between January and August of that year", "over a period of six
months that year"), a frequency ("each year", "annually"), a place ("in Mexico"), an origin
("from Central America", "Mexican women"), an attribution ("according to X", "X reports that",
"results of recent X studies"), an actor ("X has provided assistance to"), what it is a share
of ("of them", "Of this total", "of traffickers"), and an indicator: the concept of the
indicators scheme whose label, definition and curated observations are nearest in words.
"""

from __future__ import annotations

import bisect
import functools
import re

from kg.extraction import carried_periods, compounds, counted, document_periods, event_times, parts
from kg.extraction import listed_counts as lists
from kg.extraction import restated as said_again
from kg.extraction.attributions import AttributionRules
from kg.extraction.counted import _counts_what_it_reached, _part_of_whole, find_what_it_counts
from kg.extraction.entities import Entities, Mention
from kg.extraction.figures import Found, find_numbers, window
from kg.extraction.foreign_counts import NOUN_AFTER_TO_BE, a_bare_participle
from kg.extraction.indicators import INDICATOR_SURE, IndicatorModel
from kg.extraction.knowledge import Knowledge
from kg.extraction.mentions import countries_named
from kg.extraction.number_words import NUMBER
from kg.extraction.period_patterns import PERIOD_PATTERNS
from kg.extraction.periods import period_of
from kg.extraction.pronoun_counts import unit_of_them
from kg.extraction.proposal import ConceptProposal, Item, Quote, slugify
from kg.extraction.qualifiers import qualified_as_the_body_says, qualifiers_of
from kg.extraction.relative_times import after_page_date, last_year_said, page_month
from kg.extraction.restated import _number, _said_in_a_headline, _stated_in, _two_groups
from kg.extraction.text import Passage, Source, clause_around, fold, in_page_label
from kg.extraction.units import (
    PEOPLE,
    abbreviated_nouns,
    local_currency,
    local_dollar,
    noun_phrase,
    singular,
    unit_of,
)

ANNUAL = re.compile(
    r"\b(?:each|every|per|a)\s+year\b|\bannually\b|\byearly\b|\bper annum\b|\bannual\b", re.I
)
PLANNED = re.compile(r"\b(?:will|plans? to|aims? to|(?:is|are) expected to|(?:is|are) to)\b", re.I)
GROUP_IDS = (
    "young-girls-and-adolescents", "women-and-girls", "unaccompanied-minors", "women", "girls",
    "minors", "children", "men", "boys",
)  # fmt: skip


@functools.lru_cache(maxsize=16)
def _number_ends(text: str) -> tuple[int, ...]:
    """Where each number of a passage's text ends, in order (read once per passage)."""
    return tuple(m.end() for m in NUMBER.finditer(text))


class NumberExtractor(AttributionRules):
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.indicators = IndicatorModel(knowledge)
        self.year_context: str | None = None  # the year the text last named

    def run(self, source: Source, entities: Entities) -> tuple[list[Item], list[ConceptProposal]]:
        items: list[Item] = []
        proposals: dict[tuple[str, str], ConceptProposal] = {}
        seen: dict[tuple, Item] = {}
        requalified: set[int] = set()  # the headlines' numbers the body qualified
        ids: set[str] = set()
        wholes: list[tuple[Item, Item]] = []  # the parts said after their whole, and it
        previous_paragraph_last: Item | None = None
        sentences_seen: set[tuple[str, int]] = set()
        abbreviated = abbreviated_nouns(source)
        self.year_context = None
        self.passage_before: Passage | None = None
        self.list_period = opened = None  # the time of a sentence that opens a list
        listed = None  # what a list's opening counts ("148 arrests:", "Identified cases of:")
        # (the title's day too: "Monday, 14 March 2022"; a page dated to its month, "date
        # 2023-05 Au moins 17 ...", whose year dates the months the release names without one)
        self.release_day = event_times.release_day(source.passages)
        self.page_month = page_month(source.passages)
        self.page_year = self.page_month[:4] if self.page_month else None
        self.event_records = event_times.event_dates(
            source.body, self.release_day or self.page_month
        )
        dollar = local_dollar(source)
        self.countries = countries_named(entities.mentions, self.knowledge)
        # The headline last: a number only it states is drafted ("Nearly 50 Migrants Drown"),
        # one the body states too is not drafted twice.
        titles = [p for p in source.passages if p.kind == "title"]
        for passage in [*source.body, *titles]:
            if passage.kind == "title":
                # the headline comes before the body: no count, year or sentence of the
                # body's end is said before it
                previous_paragraph_last, self.year_context, self.passage_before = None, None, None
            anchor: Item | None = None  # "Of the 54 victims ...": what later shares are of
            last_count: Item | None = previous_paragraph_last
            # "In the 2019/20 financial year, the AFP received:" then "• 64 reports of ...":
            # the items of a list take the time of the sentence that opens it
            self.list_period = opened if lists.LIST_ITEM.match(passage.text) else None
            item_of = listed if lists.labels_its_numbers(passage) else None
            previous: Found | None = None
            counted_before: Found | None = None
            numbers = _part_of_whole(passage, find_numbers(passage))
            for f in numbers:  # "$19 million" in a release from Ottawa: Canadian dollars
                if dollar and f.currency == "us-dollar" and passage.text[f.start] == "$":
                    f.currency = dollar
            for i, f in enumerate(numbers):
                if in_page_label(passage, f.start):
                    continue  # "DOI: 10.18356/...", "Related news: IOM Helps 500 ..."
                f.sentence = passage.sentence_at(f.start)
                # A sentence the page repeats (a headline again, a paragraph twice) states
                # its numbers once.
                said = (passage.text[f.sentence[0] : f.sentence[1]], f.start - f.sentence[0])
                if said in sentences_seen:
                    continue
                sentences_seen.add(said)
                f.clause = clause_around(passage.text, f.start, f.end, f.sentence)
                antecedent = counted.ellipsis_of(passage.text, f, previous, counted_before)
                find_what_it_counts(f, passage, antecedent, abbreviated)
                if f.head is None and item_of and lists.labelled(passage.text, f.start, f.end):
                    f.head, f.phrase = item_of, item_of  # ("148 arrests:" "• smugglers: 13")
                if f.change == "from":
                    _counts_what_it_reached(f, numbers[i + 1 : i + 2], passage, abbreviated)
                if passage.kind == "title" and _stated_in(f, items):
                    continue
                whole_before = previous
                previous = f
                if not counted.governed(passage.text, f):
                    counted_before = f
                key = (f.value, f.low, f.high, f.percent)
                # "Of the 54 victims assisted through January 2008": the 54 said before.
                same_noun = key in seen and singular(f.head or "") == singular(seen[key].head)
                # "99 migrants ... and 77 from Yemen. The 77 returnees were ...", "32 officials
                # ... The 32 participants": people again; not two groups that cannot be one
                # ("40 women ... The 40 children", "40 victims ... the 40 traffickers")
                heads = (
                    {singular(f.head or ""), singular(seen[key].head or "")}
                    if key in seen
                    else set()
                )
                same_people = (
                    bool(heads) and heads <= PEOPLE | {"people"} and not _two_groups(heads)
                )
                # "USD 1.8 million" in the headline and again in the body: one number.
                restated = (
                    key in seen
                    and not f.percent
                    and ((f.value or f.high or 0) >= 100 or _said_in_a_headline(seen[key]))
                    and (same_noun if f.head else f.currency is not None)
                    and (not f.currency or f.currency == seen[key].fields.get("unit"))
                    # ("Velna (96), Dorsk (96)": two counts of one sentence)
                    and not _in_the_sentence(seen[key], passage, f.sentence)
                )
                if restated and not f.definite:
                    seen[key].add_quote(passage, *f.clause)
                    # the headline's number dated where the body tells it again
                    # (a heading's or an undated first mention's: not "500 victims in 2019
                    # ... By comparison, 500 ... in 2010, UNODC said")
                    if _said_in_a_headline(seen[key]):  # ("Some 600" then "600")
                        qualified_as_the_body_says(seen[key], f, passage, requalified)
                    if _said_in_a_headline(seen[key]) or "period" not in seen[key].fields:
                        self._period(seen[key], f, passage, override=False)
                    # and attributed where it is said again with its source (of its years)
                    if said_again.sourced_again(seen[key], f, passage) and (
                        attributed := self._attribution(f, passage, entities)
                    ):
                        seen[key].fields["attributed_to"] = attributed
                    f.item = seen[key]  # "carried 120 migrants (75 men, ...)": parts of it
                    continue
                if f.definite and (same_noun or same_people) and not f.percent:
                    whole = seen[key]
                    whole.add_quote(passage, *f.clause)
                    self._period(whole, f, passage, override=False)
                    if re.match(r"\s*of\s+the\s*$", passage.text[f.sentence[0] : f.start], re.I):
                        anchor = whole
                    continue
                item = self._describe(f, passage, entities, proposals, ids)
                if item is None:
                    continue
                parts.unit_of_the_count_before(item, f, passage, last_count)
                unit_of_them(item, f, passage, last_count)  # ("Seven of them left")
                event_times.period_of_its_whole(item, f, whole_before, passage.text)
                said_again.qualifier_of_its_conversion(item, f, whole_before, passage.text)
                counted.share_of_whole(item, f, passage, anchor, last_count, items)
                counted.period_of_the_number_before(item, f, passage, last_count, items)
                if whole := parts.part_of_the_whole_before(
                    item, f, passage, anchor, last_count, items
                ):
                    wholes.append((item, whole))  # (dated again once every whole is)
                if re.match(r"\s*of\s+the\s*$", passage.text[f.sentence[0] : f.start], re.I):
                    anchor = item
                if not f.percent:
                    last_count = item
                    if anchor is None:
                        anchor = item
                items.append(item)
                seen.setdefault(key, item)
            previous_paragraph_last = last_count
            event_times.period_said_after(passage, items)
            if lists.opens_a_list(passage) and passage.sentences:
                a, b = passage.sentences[-1]
                opened = (
                    self._time_said(passage, (a, b), (a, b), b)
                    or event_times.event_period(self.event_records, passage, (a, b))
                    # ("The results from 5 to 9 September:" then "148 arrests:": the list
                    # within the list has the time of the one it is in)
                    or (opened if lists.opens_a_list(self.passage_before) else None)
                )  # (or "The actions led to:" the action day's)
                listed = lists.what_the_list_counts(passage)
            else:  # (an item of the list goes on with it, a paragraph each or not)
                opened = opened if self.list_period is not None else None
                listed = listed if lists.LIST_ITEM.match(passage.text) else None
            years = re.findall(r"\b(?:19|20)\d\d\b", passage.text)
            self.year_context = years[-1] if years else self.year_context
            self.passage_before = passage
        carried_periods.periods_of_parts(items, wholes)  # (once every whole has its time)
        for item in items:
            # "more than double from 306 in 2012": a number of times compares two times, and
            # its period is neither
            if item.fields.get("unit") == "times":
                item.fields.pop("period", None)
        document_periods.periods_going_on(items)  # ("Of these, 20% ...": the time just set)
        compounds.bare_heads_of_a_compound(items, proposals)  # ("34 centres": detention-)
        return items, list(proposals.values())

    # -- one number ------------------------------------------------------------------------

    def _describe(self, f: Found, passage: Passage, entities: Entities, proposals, ids):
        text = passage.text
        s0, s1 = f.sentence
        c0, c1 = f.clause
        clause = text[c0:c1]
        notes: list[str] = []
        confidence = 0.95 - (0.05 if f.words else 0.0)
        qualifiers = qualifiers_of(f, text)
        # "Forty-seven were women": the noun is after the verb.
        if f.head is None and not f.percent and not f.currency:
            m = NOUN_AFTER_TO_BE.match(text, f.end)
            if m and not a_bare_participle(text, m.end()):  # ("56 sont rentrés")
                f.head, f.phrase, f.phrase_end = noun_phrase(text, m.end())
        unit, unit_confidence = unit_of(f)
        bare = not f.currency and not re.search(r"[A-Z]\S*\s+\S+$", f.phrase or "")
        unit = unit and local_currency(unit, self.countries, bare)  # "20 dinars" in Libya
        if unit is None:
            confidence -= 0.4
            notes.append("The extractor found no unit: give `unit`.")
        elif unit_confidence < 0.9:
            confidence -= 0.15
        item = Item("observations", "")
        # Value.
        if f.low is not None:
            item.fields["min"], item.fields["max"] = _number(f.low), _number(f.high)
        else:
            item.fields["value"] = _number(f.value)
            if f.percent and f.value < 0:
                return None
        # Label and id.
        label, slug = self._label(f, clause, text)
        item.fields["label"] = label
        # Indicator: the nearest in words.
        context = " ".join([clause, f.phrase or ""])
        if len(clause.split()) < 8:  # "Guatemala, 44%": the sentence says what is counted
            context += " " + text[s0:s1]
        indicator, score = self.indicators.predict(context, unit)
        if indicator is not None and score < INDICATOR_SURE / 2 and (f.phrase or "").strip():
            # Nearest only in a word or two ("asylum applications" nearest "persons
            # trafficked"): a guess that would state what the text does not. The number is
            # drafted with a new indicator named after what it counts, for the curator to
            # confirm or merge.
            indicator, weak = None, True
        else:
            weak = False
        by_unit = self.indicators.by_unit(unit) if indicator is None and not weak else None
        if by_unit is not None:
            # No indicator shares a word with it: the one most used for its unit, as a guess
            # to check (the number stays a draft item, not a suggestion for want of a concept).
            item.fields["indicator"] = by_unit
            confidence -= 0.35
            notes.append(
                f"indicator a guess: no indicator shares a word with it; {by_unit} is the one "
                f"most used for {unit}: check it, or add a new indicator to concepts.yaml"
            )
        elif indicator is None:
            proposal_id = slugify(f.phrase or label, 4)
            proposals.setdefault(
                ("indicators", proposal_id),
                ConceptProposal(
                    "indicators",
                    proposal_id,
                    (f.phrase or label).casefold(),
                    f"Number of {(f.phrase or label).casefold()}.",
                    clause,
                ),
            )
            item.fields["indicator"] = proposal_id
            item.new_concepts["indicator"] = ("indicators", proposal_id)
        else:
            item.fields["indicator"] = indicator
            if score < INDICATOR_SURE:
                confidence -= 0.35 if score < INDICATOR_SURE / 2 else 0.15
                notes.append(
                    f"indicator uncertain (nearest {indicator}, score {score:.2f}): check it, or "
                    "add a new indicator to concepts.yaml"
                )
        item.fields["unit"] = unit or "?"
        if unit and self.knowledge.concept("units", unit) is None:
            proposals.setdefault(
                ("units", unit),
                ConceptProposal(
                    "units", unit, unit.replace("-", " "), f"A count of {f.head or unit}.", clause
                ),
            )
            item.new_concepts["unit"] = ("units", unit)
        item.fields["qualifier"] = qualifiers
        for q in qualifiers:
            if self.knowledge.concept("qualifiers", q) is None:
                proposals.setdefault(
                    ("qualifiers", q),
                    ConceptProposal(
                        "qualifiers",
                        q,
                        q.replace("-", " "),
                        f"The number is stated as '{q.replace('-', ' ')}'.",
                        clause,
                    ),
                )
                item.new_concepts["qualifier"] = ("qualifiers", q)
        # Population and groups.
        self._population(item, f, clause, text)
        # Exploitation.
        exploitation = self._concepts_in("exploitation-types", clause)
        if exploitation:
            item.fields["exploitation"] = exploitation
        # Places: origin ("from X", "Mexican women") and the reference area ("in Mexico").
        origin, place = self._places(f, passage, entities)
        if origin:
            item.fields["origin"] = origin
        if place:
            item.fields["place"] = place
        # Time.
        self._period(item, f, passage, override=True)
        period = item.fields.get("period")
        if f.change and isinstance(period, dict) and period.get("start") and period.get("end"):
            # "between 2014 and 2019 ... jumped from 2,137 to 70,302": the first value is the
            # period's start, the second its end
            item.fields["period"] = period["start"] if f.change == "from" else period["end"]
        region = text[max(s0, self._previous_number_end(f, passage)) : c1]
        if ANNUAL.search(region):
            item.fields["frequency"] = "annual"
        # Who did it and who says so.
        actor = self._actor(f, passage, entities)
        if actor:
            item.fields["actor"] = actor
        attributed = self._attribution(f, passage, entities)
        if attributed:
            item.fields["attributed_to"] = attributed
        if PLANNED.search(text[c0 : f.start]):
            item.fields["status"] = "planned"
        item.add_quote(passage, *window(text, c0, max(c1, f.end), f.start, f.end))
        item.head = f.head or ""
        item.spans = [Quote(passage, f.start, f.end)]
        item.confidence = round(max(0.05, min(0.99, confidence)), 2)
        item.why = notes
        item.id = _unique(slug, ids)
        f.item = item
        return item

    def _label(self, f: Found, clause: str, text: str) -> tuple[str, str]:
        if f.percent:
            rest = text[f.end : f.clause[1]].strip(" ,;:)")
            rest = re.sub(r"^(?:of\s+(?:them|whom)\s*,?\s*)", "", rest)
            if re.match(r"(?:were|are|was|had|have|confirmed|said)\b", rest):
                label = f"Share who {rest}"
            elif rest.startswith("of "):
                label = f"Share {rest}"
            elif rest:
                label = f"Share: {rest}"
            else:
                before = re.sub(
                    r"[\s(]*\b(?:some|about|around|over|more than|nearly)?[\s(]*$",
                    "",
                    text[f.clause[0] : f.start],
                )
                words = f"{before} {text[f.end : f.clause[1]].strip(' ,;:()')}"
                label = f"Share: {words.strip(' ,;:()') or clause}"
            slug = "share-" + slugify(re.sub(r"^(?:who|of|were|are)\s+", "", rest) or clause, 4)
        elif f.low is not None:
            before = text[f.clause[0] : f.start].split()[-3:]
            label = " ".join([*before, text[f.start : f.end], f.phrase or ""]).strip()
            label = label[:1].upper() + label[1:]
            slug = slugify(f.phrase or clause, 4) + "-range"
        else:
            phrase = f.phrase or clause
            slug = slugify(phrase, 4)
            if f.phrase:
                # "assistance to 176 victims": what the number is the object of; "20,000
                # persons fall victim to ...": what is said of it.
                lead = re.search(
                    r"([A-Za-z]\w*\s+(?:to|of|for))\s+(?:(?:some|about|over|more than|at least|"
                    r"nearly|an estimated|the)\s+)*$",
                    text[f.clause[0] : f.start],
                )
                rest = text[f.phrase_end : f.clause[1]].strip(" ,;:.")
                verb = re.match(r"(?:were|are|was|is|have|has|had|fall|fell|went|go)\b", rest)
                if verb:
                    who = "who" if unit_of(f)[0] == "person" else "that"
                    rest = f"{who} {rest}"
                phrase = " ".join(x for x in (lead.group(1) if lead else "", phrase, rest) if x)
            label = phrase[:1].upper() + phrase[1:]
        label = re.sub(r"\s+", " ", label).rstrip(" .")
        if len(label) > 90:
            label = label[:90].rsplit(" ", 1)[0].rstrip(" ,;") + "\u2026"
        return label, slug

    def _population(self, item: Item, f: Found, clause: str, text: str) -> None:
        groups = self.knowledge.concepts.get("population-groups", {})
        phrase = f.phrase
        if f.percent:
            m = re.match(
                r"\s*of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)", text[f.end : f.clause[1]]
            )
            phrase = m.group(1) if m else ""
        folded = fold(phrase or "")
        best = None
        for concept in groups.values():
            label = fold(concept.label)
            variants = {label, label.rstrip("s"), singular(label)}
            found = any(v and re.search(rf"\b{re.escape(v)}s?\b", folded) for v in variants)
            if found and (best is None or len(concept.label) > len(best.label)):
                best = concept
        victims = f.head and singular(f.head) in ("victim", "person", "people")
        if best is None and victims and "traffick" in fold(clause):
            best = groups.get("trafficking-victims")
        group_ids = [g for g in GROUP_IDS if g in groups]
        found_groups = []
        folded_clause = fold(clause)
        for g in group_ids:
            label = fold(groups[g].label)
            if re.search(rf"\b{re.escape(label)}\b", folded_clause) and not any(
                label in fold(groups[x].label) for x in found_groups
            ):
                found_groups.append(g)
        if best is not None and best.id not in group_ids:
            if (
                f.percent
                and re.match(r"\s*of\s+(?:the\s+)?", text[f.end : f.end + 10])
                and (not re.match(r"\s*of\s+(?:them|whom)", text[f.end : f.end + 12]))
            ):
                item.fields["share_of"] = best.id
            else:
                item.fields["population"] = best.id
        if found_groups:
            item.fields["group"] = found_groups

    def _concepts_in(self, scheme: str, clause: str) -> list[str]:
        folded = fold(clause).replace("labor", "labour")
        # "sexual and labour exploitation": both.
        folded = re.sub(
            r"\b(\w+) and (\w+) exploitation", r"\1 exploitation and \2 exploitation", folded
        )
        out = []
        for concept in self.knowledge.concepts.get(scheme, {}).values():
            forms = {fold(concept.label), concept.id.replace("-", " ")}
            if any(re.search(rf"\b{re.escape(form)}\b", folded) for form in forms):
                out.append(concept.id)
        # The narrower concept when both match on the same words ("forced labour" in
        # "domestic servitude and other forms of forced labour" stays).
        return out

    def _places(self, f: Found, passage: Passage, entities: Entities):
        text = passage.text
        c0, c1 = f.clause
        s0, s1 = f.sentence
        origin: list[str] = []
        place: str | None = None
        for m in entities.in_range(passage, s0, s1, "place"):
            inside_clause = c0 <= m.start and m.end <= c1
            preceding = text[max(s0, m.start - 60) : m.start]
            preps = list(PREPOSITION.finditer(preceding))
            last = preps[-1].group(1).casefold() if preps else None
            between = preceding[preps[-1].end() :] if preps else ""
            direct = last is not None and DIRECT.fullmatch(between) is not None
            if inside_clause and _is_demonym(m):
                # "3,000 Mexican women": where they come from; "13 Mexican states": where.
                if f.end <= m.start <= (f.phrase_end or f.end) or f.percent:
                    if f.head and singular(f.head) not in PEOPLE and not f.percent:
                        place = place or m.target
                    else:
                        origin.append(m.target)
                continue
            if not inside_clause and not (last in ("in", "within") and m.start > f.end):
                continue
            if last == "from" and direct:
                origin.append(m.target)
            elif last in ("in", "within", "along", "across", "throughout", "at") and direct:
                if place is None and not _is_demonym(m):
                    place = m.target
            elif (
                last in ("to", "into")
                and direct
                and re.search(
                    r"\b(?:trafficked|taken|sent|smuggled|moved|brought)\s+to\s+$",
                    text[max(s0, m.start - 25) : m.start],
                )
            ):
                place = place or m.target
        return list(dict.fromkeys(origin)), place

    def _previous_number_end(self, f: Found, passage: Passage) -> int:
        ends = _number_ends(passage.text)  # each number read them all: 2,000 took minutes
        return ends[k - 1] if (k := bisect.bisect_right(ends, f.start)) else 0

    def _time_said(self, passage: Passage, sentence, clause, at: int):
        near = (
            last_year_said(self.passage_before) or self.page_year
        )  # (a year said further back may be of a name)
        # (a page dated to its month dates "this year" and "last month" too)
        args = (self.year_context, self.release_day or self.page_month, near)
        return period_of(passage.text, sentence, clause, at, *args)

    def _period(self, item: Item, f: Found, passage: Passage, override: bool) -> None:
        countries = COUNTRIES.match(passage.text, f.end)
        if (
            countries
            and FROM_COUNTRIES.search(passage.text, f.sentence[0], f.start)
            and not _time_right_after(passage.text, countries.end())
        ):
            return  # ("trained 600 practitioners from 68 countries": where they come from)
        sentence = (after_page_date(passage.text, f.sentence[0]), f.sentence[1])
        clause = (max(f.clause[0], sentence[0]), f.clause[1])
        period = self._time_said(passage, sentence, clause, f.start)
        if period is None and override and f.percent:  # a share: only a time pointed to
            period = (
                event_times.period_said_before(
                    passage, sentence, self.passage_before, self.release_day, clause
                )
                or self.list_period
            )  # ("During the same period, 12 per cent ...")
        elif period is None and override:
            period = event_times.period_from_context(
                passage, sentence, self.passage_before, self.list_period, self.event_records,
                self.release_day, clause,
            )  # fmt: skip
        if period and (override or "period" not in item.fields):
            item.fields["period"] = period


# The countries people come from, counted at no time of their own: "since 2015, we've trained
# over 600 practitioners from 68 countries" (the practitioners are of that time, not the 68).
FROM_COUNTRIES = re.compile(
    r"\bfrom\s+(?:more\s+than\s+|over\s+|some\s+|about\s+|around\s+)?$", re.I
)
COUNTRIES = re.compile(r"\s+(?:different\s+|other\s+)?(?:countries|nationalities|nations)\b", re.I)


def _time_right_after(text: str, at: int) -> bool:
    """A time said right after the countries, theirs ("rose from 12 countries in 2018 to 20")."""
    at += len(text[at:]) - len(text[at:].lstrip())
    return any(pattern.match(text, at) for _, pattern in PERIOD_PATTERNS)


PREPOSITION = re.compile(r"\b(from|in|within|along|across|throughout|at|to|into)\b", re.I)
# Between a preposition and its place: other names of a list, "and", "primarily", brackets.
DIRECT = re.compile(r"\s*(?:(?:[A-Z][\w’'-]*|and|or|primarily|mainly|mostly|the|both|[,;(])\s*)*")


def _in_the_sentence(item: Item, passage: Passage, sentence: tuple[int, int]) -> bool:
    said = item.spans[0] if item.spans else None
    return said is not None and said.passage is passage and sentence[0] <= said.start < sentence[1]


def _is_demonym(m: Mention) -> bool:
    return bool(re.search(r"(?:an|ese|ian|ish)s?$", m.text)) and not m.text.endswith("America")


def _unique(slug: str, ids: set[str]) -> str:
    slug = slug or "number"
    candidate, n = slug, 2
    while candidate in ids:
        candidate, n = f"{slug}-{n}", n + 1
    ids.add(candidate)
    return candidate
