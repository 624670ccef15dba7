"""Numbers written in words: "forty-seven", "two hundred and fifty", "one million two hundred
thousand" (the patterns `kg.extraction.figures` finds them with, and their values)."""

from __future__ import annotations

import re

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
# A date said in full: "4 December 2023", "December 4, 2023"
FULL_DATE = rf"(?:\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d|{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
# "44%", "80 per cent", "12 percent"
PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.I)

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_UNIT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
_WORDNUM = rf"(?:(?:{_TENS})(?:-(?:{_UNIT}))?|{_UNIT})"
_HUNDREDS = rf"{_WORDNUM}(?:\s+hundred(?:\s+(?:and\s+)?{_WORDNUM})?)?"  # 1 to 9999
# A number in words, its groups of hundreds each followed by a larger scale than the next:
# "two thousand five hundred", "one million two hundred thousand and five".
_WORDS = rf"{_HUNDREDS}(?:\s+(?:thousand|million|billion)\b(?:\s+(?:and\s+)?{_HUNDREDS})?)*"


def word_value(text: str) -> int:
    """The value of a number in words: "Forty-seven" 47, "two hundred and fifty" 250,
    "three hundred thousand" 300000, "one million two hundred thousand" 1200000."""
    total, current = 0, 0
    for part in re.split(r"[\s-]+", text.casefold()):
        if part in UNITS_WORDS:
            current += UNITS_WORDS[part]
        elif part in TENS_WORDS:
            current += TENS_WORDS[part]
        elif part == "hundred":
            current *= 100
        elif part in SCALES:  # thousand, million, billion: a group of hundreds ends
            total += current * SCALES[part]
            current = 0
    return total + current
