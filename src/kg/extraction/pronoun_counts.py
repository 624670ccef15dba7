"""Numbers of those a pronoun points to ("Nine of them left", "dos de ellos"), with no noun
of their own: what the count before them counts (`kg.extraction.numbers` reads them)."""

from __future__ import annotations

import re

from kg.extraction.counted import OF_THEM_AFTER, _people_by_their_verb, people_named_in
from kg.extraction.currencies import currency_units
from kg.extraction.figures import Found
from kg.extraction.foreign_words import TO_BE
from kg.extraction.text import Passage
from kg.extraction.units import PEOPLE, singular

DURATIONS = ("year", "month", "week", "day", "hour")


def unit_of_them(item, f: Found, passage: Passage, last_count) -> None:
    """ "Nine of them left", "six of these were linked to ...", "dos de ellos": a number of
    those a pronoun points to, with no noun of its own, counts what the count before it
    counts (in an earlier paragraph too: "The 31 women ... \n\n Nine of them left")."""
    if item.fields.get("unit") != "?" or last_count is None or f.percent or f.currency:
        return
    unit = last_count.fields.get("unit")
    them = OF_THEM_AFTER.match(passage.text, f.end)
    # (no money, time or times: "paid 600 euros ... two of them", "12 years. Two of them")
    if unit in (None, "?", "percent", "times", *DURATIONS) or unit in currency_units() or not them:
        return
    # (nor things when people are said of them: "4 shelters ... Twelve of them are minors",
    # or named since it: "opened 4 shelters ... trained officers and judges. Three of them")
    said = re.match(rf"\s+(?:were|are|was|is|{TO_BE})\s+(\w+)", passage.text[them.end() :])
    if unit != "person" and (
        _people_by_their_verb(passage.text, f.end)[0]
        or said
        and singular(said[1]) in PEOPLE
        or people_named_in(_said_since(last_count, passage, f))
    ):
        return
    item.fields["unit"] = unit
    item.new_concepts.pop("unit", None)
    if "unit" in last_count.new_concepts:
        item.new_concepts["unit"] = last_count.new_concepts["unit"]
    item.confidence = round(min(0.99, item.confidence + 0.4), 2)
    item.why = [w for w in item.why if "no unit" not in w]


def _said_since(last_count, passage: Passage, f: Found) -> str:
    """The text between the sentence of the count `last_count` and the number `f`: the rest
    of its paragraph and the start of the number's (the paragraphs between left out)."""
    said = last_count.spans[0] if last_count.spans else None
    if said is None:
        return ""
    end = said.passage.sentence_at(said.start)[1]
    if said.passage is passage:
        return passage.text[end : f.start]
    return said.passage.text[end:] + "\n" + passage.text[: f.start]
