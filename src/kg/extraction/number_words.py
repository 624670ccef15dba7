"""Numbers as releases write them: in figures ("1,200", "100 000", "2.5m"), in words ("forty-seven",
"two hundred and fifty", "one million two hundred thousand"), and as releases in Spanish, French
and Portuguese write them (`kg.extraction.foreign_words`): the patterns `kg.extraction.figures`
finds them with, and their values."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction import foreign_words

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
# A date said in full: "4 December 2023", "December 4, 2023"
FULL_DATE = rf"(?:\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d|{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
# "44%", "80 per cent", "12 percent"
# (and as Spanish, Portuguese and French say it: "45 por ciento", "por cento", "pour cent")
PERCENT = re.compile(
    r"\s*(?:%|per\s?cent\b|percent\b|por\s+cien(?:to)?\b|por\s+cento\b|pour\s?cent\b)", re.I
)

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
# ("twenty-four", and "twenty four" as some write it: a ten, then a digit's word)
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = rf"(?:(?:{_TENS})(?:-(?:{_UNIT})|\s+(?:{_DIGIT_WORD})\b(?!-))?|{_UNIT})"
_HUNDREDS = rf"{_WORDNUM}(?:\s+hundred(?:\s+(?:and\s+)?{_WORDNUM})?)?"  # 1 to 9999
# A number in words, its groups of hundreds each followed by a larger scale than the next:
# "two thousand five hundred", "one million two hundred thousand and five".
_WORDS = rf"{_HUNDREDS}(?:\s+(?:thousand|million|billion)\b(?:\s+(?:and\s+)?{_HUNDREDS})?)*"


def word_value(text: str) -> int:
    """The value of a number in words: "Forty-seven" 47, "two hundred and fifty" 250,
    "three hundred thousand" 300000, "one million two hundred thousand" 1200000; or in digits
    ("12")."""
    if text.isdigit():
        return int(text)
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


NUMBER = re.compile(
    # (a currency's letters may be written against it: "RM20,000", "KSh500", "Tk1,000", "Sh5,000")
    rf"(?:(?<![\w.,/-])|(?<=\d-)|(?<=\bRM)|(?<=\bRs)|(?<=KSh)|(?<=Ksh)|(?<=\bTk)|(?<=\bRp)|(?<=\bSh)|(?<=\bShs)|(?<=\bKD)|(?<=\bDh)|(?<=\bDhs)|(?<=\bQR)|(?<=\bBD))(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
    # "80 000 calls": thousands set apart by a space (not "0 800 77777", a telephone
    # number; not after a date's "2023-01-"); a comma or full stop after them ends the number
    # unless a digit follows it
    rf"|(?<!\d-)[1-9]\d{{0,2}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[,.]\d|[ \u00a0\u202f]\d)"
    rf"|\d+(?:\.\d+)?)"
    rf"|(?P<words>{_WORDS}))"
    rf"(?:(?:\s+|(?<=\d))(?P<scale>hundred|(?:(?<=\b\d\s)|(?<=\b\d\d\s)|(?<=\b\d\d\d\s))thousands(?=\s+of\b)|thousand|million|billion|(?<=\w\s)dozen)\b"
    # "1.5 mln people", "2 bln": the wires' abbreviations of million and billion
    rf"|\s+(?P<abbreviation>(?-i:mln|bln|bn))\b(?!\.\w)"
    rf"|(?<=\d)(?P<suffix>(?-i:m|mn|bn|k))\b)?"
    rf"(?![\w])",
    re.I,
)
# "USD 2.5m", "€1.2bn", "5k": a scale written as a letter after the digits.
SUFFIX_SCALES = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}


def scale_of(m: re.Match) -> int:
    if m.group("scale"):  # ("two dozen offences": 24; "90 mil": 1000)
        scale = " ".join(m.group("scale").casefold().split())
        # ("Over 27 thousands of refugees")
        return SCALES.get(scale.removesuffix("s")) or foreign_words.SCALES.get(scale, 12)
    if "suffix" in m.re.groupindex and m.group("suffix"):
        return SUFFIX_SCALES[m.group("suffix").casefold()]
    if "abbreviation" in m.re.groupindex and m.group("abbreviation"):
        return SUFFIX_SCALES[m.group("abbreviation").replace("l", "")]
    return 1


def number_matches(passage):
    """(match, value, said in words) for each number `passage` writes, as its language writes
    them."""
    if passage.language in foreign_words.NUMBERS:  # ("91.952", "2,8 millones", "siete")
        for m in foreign_words.NUMBERS[passage.language].finditer(passage.text):
            yield m, foreign_words.number_value(m), bool(m["words"])
        return
    for m in NUMBER.finditer(passage.text):
        digits, words = m.group("digits"), m.group("words")
        # ("checked more than 50.000 individuals, over 17.000 vehicles": thousands set apart by
        # full stops, as much of Europe writes them; no share, no sum of money)
        if (
            digits
            and DOTTED_THOUSANDS.fullmatch(digits)
            and scale_of(m) == 1
            and not PERCENT.match(passage.text, m.end())
            and not re.search(
                r"[$€£]\s*$|\b[A-Z]{3}\s*$", passage.text[max(0, m.start() - 5) : m.start()]
            )
        ):
            digits = digits.replace(".", "")
        value = Decimal(re.sub(r"[,\s]", "", digits)) if digits else Decimal(word_value(words))
        yield m, value * scale_of(m), bool(words)


DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


# Fractions as Spanish, French and Portuguese say them of a whole ("la mitad de los casos",
# "plus de la moitié des dossiers", "près d'un quart des habitants", "um terço das
# vítimas"), in percent with one decimal, as English's (`figures.FRACTIONS`): only before
# "of the" ("un quart d'heure", "un cuarto de hotel" are no shares).
_FRACTION_WORDS = {
    "la mitad": 50, "la moitié": 50, "a metade": 50, "un tercio": 33.3, "un tiers": 33.3,
    "um terço": 33.3, "dos tercios": 66.7, "deux tiers": 66.7, "dois terços": 66.7,
    "un cuarto": 25, "un quart": 25, "um quarto": 25, "tres cuartos": 75, "trois quarts": 75,
    "três quartos": 75, "una quinta parte": 20, "un cinquième": 20, "um quinto": 20,
}  # fmt: skip
FOREIGN_FRACTIONS = {foreign_words.fold(k): v for k, v in _FRACTION_WORDS.items()}
_OF_THE = r"(?:de\s+(?:los|las|la|l['’])|del|des|du|d['’]entre|dos|das|do|da)"
FOREIGN_FRACTION = re.compile(
    r"(?<![\w-])(?P<f>" + "|".join(sorted(_FRACTION_WORDS, key=len, reverse=True)) + r")"
    rf"\s+{_OF_THE}\b",
    re.I,
)
# "uno de cada cuatro reportes", "um em cada cinco": a share, as English's "one in every
# four" (`figures.ONE_IN`); not "12 sur 20", a part of a whole
_ONE_WORDS = {"uno": 1, "una": 1, "un": 1, "une": 1, "um": 1, "uma": 1}
_SMALL = "|".join(
    sorted(
        [w for w, v in foreign_words._VALUES.items() if v < 100] + list(_ONE_WORDS),
        key=len,
        reverse=True,
    )
)
FOREIGN_ONE_IN = re.compile(
    rf"(?<![\w.,-])(?P<f>(?P<k>\d{{1,3}}|{_SMALL})\s+(?:de|en|em|a)\s+cada\s+"
    rf"(?P<n>\d{{1,3}}|{_SMALL}))\b(?!\s*(?:%|por|pour|\d))",
    re.I,
)


def small_value(word: str) -> int:
    """The value of a part or whole of a share ("7", "seven", "siete", "uno")."""
    folded = foreign_words.fold(word)
    return word_value(word) or _ONE_WORDS.get(folded) or foreign_words._VALUES.get(folded, 0)


# Numbers listed, then what each is of in the same order ("165 and 200 victims in 2018 and
# 2019, respectively"): one count each, no range
RESPECTIVELY = re.compile(
    r"\b(?:respectively|respectivamente|respectivement|respetivamente)\b", re.I
)


def clause_end(passage, at: int) -> int:
    """Where the clause of `at` ends: at its sentence's end, a semicolon or a clause of its
    own after a comma ("..., while 12 and 15 boats were seized ... respectively")."""
    end = passage.sentence_at(at)[1]
    m = CLAUSE_BREAK.search(passage.text, at, end)
    return m.start() if m else end


CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but|and|as|y|et|e|mientras|tandis)\b", re.I)
