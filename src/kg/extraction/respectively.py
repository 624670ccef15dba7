"""Figures and the years they are of, listed in the same order and paired by "respectively"
("19 and 15 cases were registered in 2013 and 2014 respectively"), for
:mod:`kg.extraction.periods`."""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extraction.number_words import RESPECTIVELY

LISTED_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*(?<![.,])")
LISTED_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
BETWEEN_LISTED = re.compile(r"\s*(?:,\s*(?:(?:and|y|et|e)\s+)?|\s+(?:and|y|et|e)\s+)$")


# A list of names after the numbers ("in Zorvania and Lorvia", "men and women"): what
# "respectively" pairs them with, not the years said before
ANOTHER_LIST = re.compile(r"\b[^\W\d_]+,?\s+(?:and|y|et|e)\s+(?!\d)[^\W\d_]+", re.I)


def year_listed_respectively(text: str, s0: int, s1: int, at: int) -> dict | None:
    """ "19 and 15 cases were registered in 2013 and 2014 respectively", "In 2013 and 2014,
    19 and 15 cases were registered respectively": the n-th number of the sentence takes the
    n-th of a list of years said after them, or before them, when they are as many."""
    if not RESPECTIVELY.search(text, s0, s1):
        return None
    years = list(LISTED_YEAR.finditer(text, at + 1, s1))
    after = len(years) >= 2
    if not after:  # (the list of years said last before the numbers: "durante el 2025 es
        # menor que durante 2023 y 2022, pues ... 63,424 y 77,381 personas respectivamente")
        years = list(LISTED_YEAR.finditer(text, s0, at))
        while len(years) > 2 and not BETWEEN_LISTED.match(text[years[0].end() : years[1].start()]):
            years = years[1:]
        # (not a span, "Between 2018 and 2019", nor where another list stands between the
        # numbers and "respectively", which pairs that one: "165 women and 200 children in
        # Zorvania and Lorvia, respectively")
        said = RESPECTIVELY.search(text, at, s1)
        if (
            not years
            or re.search(
                r"\b(?:between|entre)\s+$",
                text[max(s0, years[0].start() - 12) : years[0].start()],
                re.I,
            )
            or said is None
            or ANOTHER_LIST.search(text, at, said.start())
        ):
            return None
    if len(years) < 2 or not all(
        BETWEEN_LISTED.match(text[a.end() : b.start()]) for a, b in pairwise(years)
    ):
        return None
    numbers = [
        m.start()
        for m in LISTED_NUMBER.finditer(
            text, *((s0, years[0].start()) if after else (years[-1].end(), s1))
        )
        if not LISTED_YEAR.fullmatch(m.group())
    ]
    if len(numbers) != len(years) or at not in numbers:
        return None
    year = years[numbers.index(at)].group()
    return {"start": year, "end": year}
