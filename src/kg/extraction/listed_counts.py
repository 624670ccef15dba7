"""Counts listed: what the items of a list count when each labels its number ("• migrant
smugglers: 13"), what the list's opening counts, said in its last words ("148 arrests:",
"Identified cases of:"); the time of a list within a list ("The results from 5 to 9
September:" then "148 arrests:"), the one it is in; and a count said of a name ("Madre de
Dios, con 227 casos, seguido de Cusco (172)"), what the names' counts after it count.
"""

from __future__ import annotations

import re

from kg.extraction.figures import Found
from kg.extraction.foreign_nouns import english_unit
from kg.extraction.name_words import SUBDIVISION_WORDS
from kg.extraction.text import Passage, fold
from kg.extraction.units import singular

# What a count of places counts (a list of the places with their own counts may follow it):
# a country's subdivisions, and the other places a count may be of
PLACE_UNITS = SUBDIVISION_WORDS | {
    "city", "country", "department", "town", "village", "commune", "locality", "island", "site",
    "location",
}  # fmt: skip
BULLET = r"[•·▪◦‣*\u2013\u2014-]"
# An item of a list: a bullet, a dash or a number with a dot or bracket at a paragraph's start.
LIST_ITEM = re.compile(rf"\s*(?:{BULLET}|\d{{1,2}}[.)])\s+\S")
# An item that labels its number: a bullet, a label, a colon, the number ("• visa fraud: 22")
LABELLED_ITEM = re.compile(rf"\s*{BULLET}\s+[^\W\d_][^:\d]{{0,60}}:\s*\d")
# The opening's last words: a number and what it counts ("148 arrests:"), or what the items are
# of ("Identified cases of:"); a word in lower case (not "from 5 to 9 September:")
LIST_NOUN = re.compile(r"(?:\d\s+(?P<counted>[a-zà-ÿ]+)|(?P<of>[a-zà-ÿ]+)\s+of)\s*:\s*$")
# What a list's opening may end with that its items are no kind of: a time, a measure, a
# place ("Over the 5 days:", "Results in the 27 countries:"), a number as such ("Europol
# recorded the number of:")
NOT_ITS_ITEMS = PLACE_UNITS | {
    "day", "week", "month", "year", "hour", "minute", "kilometre", "kilometer", "km", "mile",
    "number", "total", "breakdown", "list", "result", "figure", "kind", "type",
}  # fmt: skip


def opens_a_list(passage: Passage | None) -> bool:
    """Whether a passage ends with a colon: the opening of the list after it."""
    return passage is not None and passage.text.rstrip().endswith(":")


def what_the_list_counts(passage: Passage) -> str | None:
    """The noun a list's opening ends with ("148 arrests:" -> "arrests"), or None."""
    m = LIST_NOUN.search(passage.text)
    noun = (m["counted"] or m["of"]) if m else None
    return None if noun is None or _units(noun) & NOT_ITS_ITEMS else noun


def _units(noun: str) -> set[str | None]:
    """The units a noun may name: its singular, its English unit in the other languages."""
    return {singular(fold(noun)), english_unit([fold(noun)])}


def labels_its_numbers(passage: Passage) -> bool:
    """Whether a passage is a list whose items each label their number."""
    return bool(LABELLED_ITEM.match(passage.text))


def labelled(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is an item's, after its label's colon and before the
    next bullet or the end ("• migrant smugglers: 13 • illegal migrants: 71")."""
    return bool(
        re.search(r":\s*$", text[max(0, start - 3) : start])
        and re.match(rf"\s*(?:{BULLET}\s|$)", text[end:])
    )


def a_names_count(text: str, count: Found) -> bool:
    """Whether a count is said of the name before it ("Madre de Dios, con 227 casos", "Lima
    (350)", "Velna with 300 cases"), not one counting places ("914 cidades")."""
    return (
        bool(
            re.search(
                r"[A-Z][\w-]*\s*(?:\(|,?\s+(?:con|with|com|avec)\s+)$",
                text[max(0, count.start - 40) : count.start],
            )
        )
        and not _units(count.head or "") & PLACE_UNITS
    )
