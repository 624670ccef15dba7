"""Counts said of names, one by one: "Bali (nine), Riau (five)", "Most operations were in
Buenos Aires (300), followed by Mendoza (34)", "La mayoría se concentran en los estados de
Nuevo León con 858; Chiapas, 729; Veracruz, 649". A number said of the name before it, with no
noun of its own, counts what the release has just counted (`kg.extraction.counted` reads it).
"""

from __future__ import annotations

import re

from kg.extraction.figures import Found
from kg.extraction.given_names import is_given_name
from kg.extraction.listed_counts import PLACE_UNITS, _units, a_names_count
from kg.extraction.named_before import NOT_PLURALS
from kg.extraction.units import singular

# The name a number is said of: in brackets after it ("Lima (350)"), after "with" ("Velna
# with 300"), or after a comma in a list of names and counts ("Chiapas, 729;")
_OF_A_NAME = re.compile(r"[A-Z][\w-]*(?:\s+\(|\s+(?:with|con|avec|com)\s+|,\s+)$")
# What ends an item of such a list: its number is all it says ("Chiapas, 729;", not "In
# Chiapas, 40 were arrested")
_ITEM_ENDS = re.compile(r"\s*(?:[;,.)]|$|(?:and|y|et|e)\s+[A-Z])")


# A noun after a determiner or a quantifier, in each language
NOUN_AFTER_ITS_DETERMINER = re.compile(
    r"\b(?:the|most|all|these|those|of|los|las|les|des|de|os|as|dos|das|sus|ses|their|its|"
    r"many|some|other)\s+(?P<noun>[a-zà-ÿ][a-zà-ÿ’'-]+)\b",
    re.I,
)


def said_of_a_name(text: str, f: Found) -> bool:
    """Whether the number `f`, with no noun, is said of the name before it."""
    m = _OF_A_NAME.search(text, max(0, f.start - 40), f.start)
    if m is None:
        return False
    if m.group().endswith("("):
        return True
    # (not a person's age: "Saiful Islam, 20, of the same area; and Ibrahim Khan, 19.": a
    # given name among the name's words)
    words = re.findall(r"[A-Z][\w-]*", text[max(0, f.start - 60) : m.end()])[-4:]
    return _ITEM_ENDS.match(text, f.end) is not None and not (
        m.group().endswith(", ") and any(is_given_name(w) for w in words)
    )


def what_a_names_count_counts(
    text: str, f: Found, previous: Found | None, people: list[str], named_since: bool
) -> tuple[str, str] | None:
    """(head, phrase) of what a count said of a name counts: what the count before it counts
    when that one is a name's too and no people are named since ("Madre de Dios, con 227
    casos, seguido de Cusco (172)"); else the people (or acts) its sentence names before it
    ("Victims were held in Bangkok (six)"); else what the count before it in its sentence
    counts; else the plural noun its sentence names before it ("Most operations were in
    Buenos Aires (300)"), not the kind of places named ("los estados de Nuevo León con
    858"); else, when its sentence names none, what the count said last before it counts
    ("4 707 carpetas. La mayoría se concentran en ... Nuevo León con 858")."""
    count_before = previous is not None and previous.head
    same_sentence = count_before and previous.sentence == f.sentence
    if same_sentence and a_names_count(text, previous) and not named_since:
        return previous.head, previous.phrase
    if people:
        return people[-1], people[-1]
    if same_sentence:
        return previous.head, previous.phrase
    before = text[f.sentence[0] : f.start]
    # (the nearest plural noun, after its determiner: "Most operations were in", "stations
    # recorded most cases in"; not a verb in -s, "The figure includes Velna (300)")
    for m in reversed(list(NOUN_AFTER_ITS_DETERMINER.finditer(before))):
        word = m["noun"]
        if (
            singular(word) != word.casefold()
            and word.casefold() not in NOT_PLURALS
            and not _units(word) & PLACE_UNITS
        ):
            return word, word
    if count_before and not re.search(r"\d", before) and _shares_out(text, f):
        return previous.head, previous.phrase
    return None


# A sentence that shares a count out among names: "Most were in ...", "La mayoría se
# concentran en ...", "..., followed by ...", or names and counts one after another
_SHARES_OUT = re.compile(
    r"\b(?:most|majority|largest|highest|mayor[ií]a|mayor\s+parte|plupart|majorit[ée]|maioria|"
    r"maior\s+parte|followed\s+by|seguid[oa]s?\s+(?:de|por)|suivie?s?\s+(?:de|par))\b",
    re.I,
)


def _shares_out(text: str, f: Found) -> bool:
    """Whether the sentence of `f` shares a count out among names (see _SHARES_OUT), or
    says two counts of names or more ("Chiapas, 729; Veracruz, 649")."""
    s0, s1 = f.sentence
    if _SHARES_OUT.search(text, s0, s1):
        return True
    return len(re.findall(r"(?<![\w-])[A-Z][\w-]*(?:\s+\(|,\s+)\d", text[s0:s1])) >= 2
