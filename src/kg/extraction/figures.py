"""Reading the figures of a passage: digits and number words, scales, percentages, money and
currency codes, fractions ("one in four", "a third"), ranges ("between 500 and 3,000"),
and the numbers that are no statistic (years, dates, durations, article numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extraction import currencies, foreign_words
from kg.extraction.dated_days import date_spans
from kg.extraction.multipliers import _multipliers
from kg.extraction.not_counts import _a_telephone_group, _not_a_statistic, _period_duration
from kg.extraction.number_words import (
    _WORDNUM,
    FOREIGN_FRACTION,
    FOREIGN_FRACTIONS,
    FOREIGN_ONE_IN,
    MONTH,
    MONTH_SHORT,
    PERCENT,
    RESPECTIVELY,
    clause_end,
    number_matches,
    scale_of,
    small_value,
)
from kg.extraction.proposal import Item
from kg.extraction.text import Passage, fold
from kg.extraction.units import PEOPLE, singular

# "a hundred volunteers", "a dozen NGOs", "half a dozen": numbers said with an article.
ARTICLE_NUMBERS = {
    "a dozen": 12, "half a dozen": 6, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
    # "some half a million women", "a quarter of a million children"
    "half a million": 500_000, "half a billion": 500_000_000,
    "a quarter of a million": 250_000, "a quarter million": 250_000,
}  # fmt: skip
ARTICLE_NUMBER = re.compile(
    r"(?<![\w-])(?P<n>half a dozen|a dozen|a hundred|a thousand|half a million|half a billion|"
    r"a quarter of a million|a quarter million|a million|a billion)\b"
    r"(?!\s+(?:and|of\b|times|thanks|years|ways|reasons))",
    re.I,
)

# (an item of the list ends at its year: not "met one in 2020 who had been trafficked")
YEARLY = re.compile(r"\s+(?:(?:was|were)\s+[a-z]+\s+)?in\s+(?:19|20)\d\d\b(?=\s*(?:[,.;]|and\b|$))")
# The list's first item: a count, not a year, of a noun in its own year, in the same sentence
# (no full stop between): not "The shelter opened in 2015 as a pilot, and one was added in 2021"
COUNTED_BEFORE = (
    rf"(?i:\b(?:(?!(?:19|20)\d\d\b)\d[\d,]*|{_WORDNUM})\s+(?:[a-z-]+\s+)?[a-z]+s\b"
    r"[^.;:]{0,60}?\bin\s+(?:19|20)\d\d\b)[^.;:]*$"
)

# A day by its month, or in a list of days ("on March 3, 4, and 7"; not "On June 12, 15 ...").
_DAYS = r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*))*"
_M = rf"(?:{MONTH}|{MONTH_SHORT})(?![a-z])"
DAY_OF_A_MONTH = re.compile(rf"\b{_M}\s*(?:{_DAYS}(?:(?<=and\s)|(?<=&\s)|(?<=&)))?$")
DAYS_OF_A_MONTH = re.compile(rf"\b{_M}\s*{_DAYS}$")
DAY_LISTED_AFTER = re.compile(r"\s*(?:,|and\b|&)")
# A day's suffix is taken whole (`\S*+` gives nothing back): the listed days could otherwise
# be split among the repeats in every way, and "1,1,1,...", 80 characters after a number,
# took minutes to read (kg add of a 100-byte text did not end).
DAY_BEFORE_A_MONTH = re.compile(rf"\s*(?:st|nd|rd|th)?(?:\s*(?:,|and|&)\s*\d{{1,2}}\S*+)*\s+{_M}")
DURATION_AFTER = re.compile(
    # (in French after an adjective: "les neuf premiers mois", "des six derniers mois")
    r"(?:\s*-\s*|\s+)(?P<adjective>(?:premi[eè]re?s|derni[eè]re?s|prochaine?s)\s+)?(?P<unit>"
    r"day|days|week|weeks|month|months|year|years|hour|hours|decade|decades|minute|minutes|"
    # (shortened; the same in Spanish, French and Portuguese)
    r"yrs?|hrs?|mths?|wks?|horas|d[íi]as|semanas|meses|a[ñn]os|heures|jours|semaines|mois|ans)\b",
    re.I,
)
# ("highest in 7 yrs")
SHORT_DURATIONS = {
    "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour", "mth": "month", "mths": "month",
    "wk": "week", "wks": "week",
}  # fmt: skip
NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:article|articles|section|chapter|resolution|no\.|number|phase|agenda|room|level|"
    r"decree|page|paragraph|annex|item|grade|(?-i:Terminal|Gate|Pier|Berth)|tel\.?|ext\.?)\s*$",
    re.I,
)


@dataclass
class Found:
    passage: Passage
    start: int  # the number (and its percent sign / currency) in passage.text
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    words: bool = False
    percent: bool = False
    currency: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    head: str | None = None  # the noun counted
    phrase: str = ""  # the noun phrase counted ("victims of trafficking")
    phrase_end: int = 0
    sentence: tuple[int, int] = (0, 0)
    clause: tuple[int, int] = (0, 0)
    item: Item | None = None
    definite: bool = False  # "the 54 victims"
    duration: str | None = None  # month, year, ...: a duration, the unit of time
    whole: Decimal | None = None  # "20 of the 32 states": the 32
    scale: int = 1  # "2.1 million": 1,000,000 (a range's first number may leave it out)
    multiplier: bool = False  # "more than double", "tripled": a number of times
    change: str | None = None  # "rose from 1,482 to 53,906": "from" or "to", two values


# People counted by where they come from or were sent: "five were from Velna, three from
# Dorsk", "31 of them were sent to the Republic of Ostravia, 6 to the Zorvan Emirates"
FROM_A_PLACE = re.compile(
    r"\s+(?:of\s+(?:them|these|those)\s+)?(?:(?:were|was|are|came|each|all|sent)\s+)*"
    r"(?:from|to)\s+(?:the\s+)?[A-Z]"
    # (as the other languages say it: "cuatro de Nicaragua, tres de Paraguay", "dois da
    # Guiné-Conacri", "deux du Mali"; not a day of a month: "el dos de Mayo", "na Rua Sete de
    # Setembro")
    r"|\s+(?:de|desde|da|do|du|d['’])\s*(?:la\s+|el\s+|le\s+|l['’]\s*)?"
    rf"(?!(?i:{foreign_words._MONTH})\b)[A-ZÁÉÍÓÚÑ]"
)
ONE_SPEAKING = re.compile(
    r"\s+of\s+(?:them|these|those)\s*,[^,.;]{1,80},\s*(?:\w+\s+)?(?:said|says|told|tells|"
    r"added|explained|noted|recalled|recounted|described)\b",
    re.I,
)
ONE_NOT_COUNTED = re.compile(
    r"\s+(?:[\w-]+\s+){1,3}(?:said|says|told|tells|added|explained|noted|per|in\s+each|"
    r"for\s+every|for\s+each)\b",
    re.I,
)


EXCHANGE_RATES = re.compile(r"(?<![\w.])(?:[A-Z]{3}\s*\d+\.\d+\s*){2,}(?![\w.])")
# "twenty-six (26) adult males": a number in words, then again in figures in brackets
IN_FIGURES_AFTER = re.compile(r"\s*\(\s*(\d[\d,]*)\s*\)")


def find_numbers(passage: Passage) -> list[Found]:
    text = passage.text
    found: list[Found] = []
    # read otherwise: "one in eight" (a share), "a hundred", "a dozen"
    read_otherwise = [m.span("f") for m, _, _ in _shares_in_n(text)]
    read_otherwise += [m.span() for m in ARTICLE_NUMBER.finditer(text)]
    restated: set[int] = set()  # where the figures of a number said in words begin
    # "USD 69.40 EUR 81.11 RUB 1.02": a site's exchange rates, no statistics; the figures of
    # days ("On May 2-3, 2024")
    read_otherwise += [m.span() for m in EXCHANGE_RATES.finditer(text)] + date_spans(text)
    read_otherwise += foreign_words.not_counts(text)  # ("le 13 octobre", "de 46 años")
    for m, value, is_words in number_matches(passage):
        start, end = m.span()
        if start in restated or any(a <= start and end <= b for a, b in read_otherwise):
            continue  # (the figures of a number said in words: one number)
        figures = IN_FIGURES_AFTER.match(text, end) if is_words else None
        if figures and Decimal(figures[1].replace(",", "")) == value:
            restated.add(figures.start(1))
            end = figures.end()  # (what it counts is read after the brackets)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 60]
        digits = m.group("digits") or ""
        # Dates: years, days of months, and numbers in names ("Article 5").
        year = digits and re.fullmatch(r"(1[89]|20)\d\d", digits) and not PERCENT.match(after)
        counted = re.match(
            r"\s+(?!(?:thousands|hundreds|millions|dozens|tens)\b)(?:[a-z]+\s+){0,2}"
            r"(?:victims|persons|people|migrants)\b",
            after,
        )  # not "From spring 2019 thousands of migrants ...": a year, then a vague count
        vague = re.match(r"\s+(?:thousands|hundreds|millions|dozens|tens)\b", after)
        if (
            not counted
            and not vague
            and not re.search(
                rf"\b(?:in|since|by|of|from|until|{MONTH}|summer|winter|spring|autumn|fall|"
                rf"early|late|mid)\s+$",
                before,
                re.I,
            )
        ):
            nxt = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?", after)
            counted = nxt and any(
                w and singular(w) in PEOPLE and w.endswith(("s", "men", "ren", "ple"))
                for w in nxt.groups()
            )
        if year and not counted:
            continue
        if year and re.search(
            r"\b(?:between|from)\s+(?:1[89]|20)\d\d\s*(?:and|to|until|through|-|\u2013)\s*$",
            before,
        ):
            continue  # "between 2005 and 2009 were children": the range's second year
        listed = DAY_LISTED_AFTER.match(after) and DAYS_OF_A_MONTH.search(before)
        next_to_month = DAY_OF_A_MONTH.search(before) or listed or DAY_BEFORE_A_MONTH.match(after)
        if next_to_month and value <= 31:
            continue
        if NOT_A_COUNT_BEFORE.search(before) or before.endswith("+"):
            continue
        # Identifiers: "000", "(agreement 12)"; not an amount ("30 dinars (USD 21)", a code).
        if re.fullmatch(r"0\d+", digits) or (
            re.search(r"\((?![A-Z]{3}\s+$)\w+\s+$", before) and after.startswith(")")
        ):
            continue
        if re.match(r"[.:]\d", text[end : end + 2]) or re.search(r"\d[.:]$", before[-2:]):
            continue  # times, telephone numbers
        if _a_telephone_group(digits, before, after):
            continue  # "0 800 77777", "the hotline, 116 000": a telephone number
        if (
            re.search(r"\d[-\u2013]\d+[-\u2013]$|\d[-\u2013]$", before[-8:])
            and re.search(r"^[-\u2013]\d", after)
            or re.match(r"[-\u2013]\d+[-\u2013]\d", after)
        ):
            continue  # "1-800-555-0199": three groups of digits or more are a telephone number
        if _not_a_statistic(text, start, end, before, after):
            continue
        if re.match(r"\s+(?:quarters?|thirds?|fifths?)\s+of\b", after, re.I):
            continue  # "three quarters of": a share, read by _fractions
        if re.match(r"[-\s]?fold\b", after, re.I):
            continue  # "a 4-fold increase": a number of times, read by _multipliers
        duration = DURATION_AFTER.match(after)
        if duration and not PERCENT.match(after):
            # A duration of its own ("remain six to eight months", "more than twenty
            # years") is a number; one that only dates another ("over the past ten years",
            # "a two-day workshop") is not.
            if _period_duration(text, start, before, after, duration):
                continue
            f = Found(passage, start, end, value, words=is_words)
            unit = duration.group("unit")
            # (the other languages' words by their units: "48 horas", "cinq ans")
            f.duration = (
                SHORT_DURATIONS.get(unit.casefold())
                or foreign_words.UNIT_WORDS.get(fold(unit))
                or singular(unit)
            )
            f.head = f.phrase = duration.group("unit")
            f.phrase_end = end + duration.end()
            found.append(f)
            continue
        if re.match(r"\s*-?\s*(?:year|years)[\s-]+old\b", after, re.I):
            continue
        lowered_after = after.casefold()
        # Pronouns and small numbers that count nothing: "one of the", "the two organizations".
        # "about five per cent": a share; "13 trucks, including two carrying ...": a part.
        part = re.search(
            r"\b(?:including|of (?:them|which|whom)|among (?:them|whom|which))\s+$", before, re.I
        ) and re.search(r"\d[\d,]*\s+[a-z]+s\b", before[-40:])
        # "Seven of the 12 border posts": a part of a whole in figures counts, unlike the
        # pronoun of "one of the".
        of_a_whole = re.match(PART_OF_A_WHOLE, after)
        # "Bali (nine), Riau (five)": a count in brackets after a name, as the list's others
        counted_in_brackets = re.search(r"[A-Z][\w-]*\s+\($", before) and after.startswith(")")
        # "Six of the people were victims of ...": a part of those said before
        some_of_them = value >= 2 and re.match(OF_THEM_WERE, lowered_after)
        # "12 people died, eight of them after jumping", "Seven of them left": a part of
        # those said before, by a pronoun (not "one of the worst")
        some_of_them = some_of_them or (
            re.match(r"\s+of\s+(?:them|these|those)\b", lowered_after)
            # ("one of them said", "One of them, a 17-year-old girl, told reporters")
            and not (value == 1 and (ONE_NOT_COUNTED.match(after) or ONE_SPEAKING.match(after)))
        )
        # "seven were from Bajura, two from Achham, one from Bajhang": people, by their places
        from_a_place = FROM_A_PLACE.match(after)
        # "five cases reported in 2018, two in 2019, and one was recorded in 2021": a list of
        # yearly counts of the noun said before
        yearly = YEARLY.match(after) and re.search(
            COUNTED_BEFORE, text[max(0, start - 150) : start]
        )
        # "between one and five years", "eight to 14 weeks": a range's first number, the
        # noun said after its second
        first_of_range = re.match(
            rf"\s*(?:and|to|-|\u2013)\s*(?P<n>\d[\d,.]*|{_WORDNUM})\s+(?:[a-z-]+\s+)?[a-z]+s\b"
            # (not a time ago or an age: "from one to two years ago")
            r"(?![\s-]+(?:ago|later|earlier|old|of\s+age)\b)",
            after,
            re.I,
        )
        # (to a larger number: not "one to one sessions")
        first_of_range = (
            first_of_range
            and (re.search(r"\b(?:between|from)\s+$", before, re.I) or not after.startswith(" and"))
            and not (first_of_range["n"].isalpha() and small_value(first_of_range["n"]) <= value)
        )
        if (
            is_words and value <= 10 and not PERCENT.match(after) and not part and not of_a_whole
        ) and not (counted_in_brackets or some_of_them or from_a_place or yearly or first_of_range):
            if re.match(r"\s+of\b", lowered_after) or re.search(
                r"\b(?:the|these|those|its|their|all|both|every)\s+$", before.casefold()
            ):
                continue
            # "one man", "one adult man", "one Russian citizen": one person (not "one day")
            one = re.match(r"\s+([A-Za-z-]+)(?:\s+([a-z]+))?\b", after)
            nouns = [w.casefold() for w in (one.groups() if one else ()) if w]
            if value == 1 and not any(singular(w) in PEOPLE or w == "case" for w in nouns):
                continue
            # ("One Zorvan official said": a speaker; "one social worker per 20 residents",
            # "one leader in each village": a rate)
            if value == 1 and ONE_NOT_COUNTED.match(after):
                continue
            # "seven people", "two Lorvanian and one Ostravian citizens", "four Vietnamese"
            # (letters with accents too: "tres víctimas", "dos hondureñas", "duas crianças")
            if value > 1 and not re.match(
                rf"\s+(?:{_LETTERS}\s+){{0,4}}(?:{_LETTERS}s|people|children|women|men|[a-z]+ese)\b"
                # ("six more are at large", "three others were freed")
                rf"|\s+(?:(?:more|others|further)\s+)?(?:were|are|was|{foreign_words.TO_BE})\b",
                after,
                re.I,
            ):
                continue
            if value > 1 and re.match(
                r"\s+(?:d[ée]cadas|d[ée]cennies|siglos|si[èe]cles|s[ée]culos)\b", after, re.I
            ):
                continue  # ("Há duas décadas", "Durante tres décadas": a time, in words)
            # ("los dos países", "as duas instituições": the two, as "the two countries", when
            # only the letters with accents make the plural)
            if (
                value > 1
                and re.search(FOREIGN_THE, before)
                and not re.match(r"\s+(?:[a-z-]+\s+){0,4}(?:[a-z][a-z-]*s)\b", after, re.I)
            ):
                continue
        percent = PERCENT.match(after)
        f = Found(passage, start, end, value, words=is_words, scale=scale_of(m))
        if percent:
            f.percent = True
            f.end = end + percent.end()
        currency = currencies.CURRENCY_BEFORE.search(before)
        coded = currencies.CODE_BEFORE.search(before)
        coded_after = currencies.CODE_AFTER.match(text, f.end)
        if currency:  # "$500", "NZ$4,000", "€1.2bn", "RM20,000", "Rs 50,000"
            f.currency = currencies.sign_currency(currency.group().strip())
            f.start = start - len(currency.group())
        elif coded and (unit := currencies.currency_unit(coded.group(1))):  # "ETB 500": ISO 4217
            f.currency = unit
            f.start = start - len(coded.group())
        elif coded_after and (unit := currencies.currency_unit(coded_after.group(1))):
            # "15,000 ETB"
            f.currency = unit
            f.end = coded_after.end()
        elif cfa := currencies.CFA_AFTER.match(text, f.end):  # "52 000 Fcfa"
            f.currency, f.end = "cfa-franc", cfa.end()
        elif (named := currencies.named_before(before)) and not re.match(
            r"\s+(?:times|people|persons|workers|families|children|women|men)\b", after, re.I
        ):  # "paid Ethiopian Birr 18,500" (not "paid in Indian Rupees 3 times a month")
            f.currency, f.start = named[0], start - named[1]
        # ("the 61 victims", "All 38 officials", "these 37 migrants", "los 46 extranjeros",
        # "tous les 12": a number said before, pointed to again)
        f.definite = bool(DEFINITE.search(before.casefold()))
        found.append(f)
    found += _fractions(passage)
    found += _multipliers(passage, found)
    found.sort(key=lambda f: f.start)
    return _ranges(passage, found)


_LETTERS = r"[^\W\d_](?:[^\W\d_]|-)*"  # a word of letters, any language's, and hyphens
FOREIGN_THE = re.compile(
    r"(?<![\w-])(?:los|las|les|os|ces|estos|estas|esos|esas|estes|esses|essas|sus|leurs|seus|"
    r"suas|ambos|ambas|as)\s+$",
    re.I,
)
DEFINITE = re.compile(
    # (not the Portuguese "os", "as" alone: "As 93 stranded fishermen" is English)
    r"(?<![\w-])(?:the|all(?:\s+the)?|these|those|(?:tod[oa]s\s+)?(?:los|las)|tod[oa]s\s+[ao]s|"
    r"(?:tou(?:te)?s\s+)?les)\s+$"
)
# A time or a way a fraction is of ("durante la mitad del año", "a la mitad del camino"), no
# share of a count.
FOREIGN_TIME = re.compile(
    r"\s*(?:años?|mes(?:es)?|semanas?|días?|tiempo|jornadas?|periodo|período|siglo|década|"
    r"années?|ans?|mois|semaines?|jours?|journées?|temps|période|siècle|décennie|anos?|mês|"
    r"meses|dias?|tempo|século|camino|recorrido|trayecto|viaje|ruta|chemin|parcours|trajet|"
    r"voyage|route|caminho|percurso|trajeto|viagem|rota)\b",
    re.I,
)
OF_THEM_WERE = (  # (not "two of the three shelters were repaired": a whole in words)
    rf"\s+of\s+(?:the|them|these|those)\s+(?!{_WORDNUM}\b)(?:[a-z]+\s+){{0,2}}?(?:were|are|was|had)\b"
)
# "of the 12", "out of its 40": the whole a number before it is a part of.
PART_OF_A_WHOLE = r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’']+\s+){0,2}?\d"
FRACTIONS = {
    "half": 50, "a third": 33.3, "one third": 33.3, "one-third": 33.3, "two thirds": 66.7,
    "two-thirds": 66.7, "a quarter": 25, "one quarter": 25, "one-quarter": 25,
    "three quarters": 75, "three-quarters": 75, "a fifth": 20, "one fifth": 20,
    "a tenth": 10, "one tenth": 10, "one-tenth": 10,
}  # fmt: skip
_FRACTION_WORDS = "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
FRACTION = re.compile(
    r"\b(?P<f>" + _FRACTION_WORDS + r")"
    # "half of the men", "nearly half the men", "half this year's arrivals", "half are children"
    r"(?:\s+of\b|(?<=half)\s+(?=(?:the|this|these|those|its|their|all)\b)|\s+(?=(?:are|were)\b))",
    re.I,
)
# "rose by almost half", "cut by a third": a change by a share of what it was.
FRACTION_CHANGE = re.compile(
    r"\bby\s+(?:(?:almost|nearly|about|around|over|some|more\s+than)\s+)?(?P<f>"
    + _FRACTION_WORDS
    + r")\b(?!\s+(?:of|a|an)\b)",
    re.I,
)


# "one in eight", "7 in 10", "three in every four", "two out of three": a share. ("one of
# every five" too; "two of three" is a pronoun and a number.)
ONE_IN = re.compile(
    rf"(?<![\w.,-])(?P<f>(?P<k>\d{{1,3}}|{_WORDNUM})\s+(?:in|of|out\s+of)\s+(?:every\s+)?"
    rf"(?P<n>\d{{1,3}}|{_WORDNUM}))\b(?!\s*(?:%|per|\d))",
    re.I,
)


def _shares_in_n(text: str):
    """The matches of ONE_IN that are shares, each with its part and whole: a part smaller
    than its whole, "of" only with "every" ("one of every five"), no year ("2 in 2015")."""
    for m in [*ONE_IN.finditer(text), *FOREIGN_ONE_IN.finditer(text)]:
        if m.re is FOREIGN_ONE_IN and (FOREIGN_TIME.match(text, m.end()) or "Cada" in m["f"]):
            continue  # ("uno de cada cuatro años": a time; "Uno de Cada Diez": a name)
        part, whole = small_value(m.group("k")), small_value(m.group("n"))
        if whole < 2 or not 0 < part < whole:
            continue
        if m.group("f").casefold().split()[1] == "of" and "every" not in m.group().casefold():
            continue  # "one of three": a pronoun, not a share
        yield m, part, whole


def _fractions(passage: Passage) -> list[Found]:
    """ "three quarters of all victims", "nearly half of the cases", "one in eight": a share
    in percent."""
    out = []
    for m, part, whole in _shares_in_n(passage.text):
        f = Found(passage, m.start("f"), m.end("f"), Decimal(str(round(100 * part / whole, 1))))
        f.percent = True
        out.append(f)
    said = []  # "half a million", "a quarter of a million": no fraction of their own
    for m in ARTICLE_NUMBER.finditer(passage.text):  # "a dozen NGOs": counted as a number
        said.append(m.span())
        if not re.match(
            r"\s+(?:[a-z-]+\s+){0,2}(?:[A-Za-z]+s|people|children|women|men)\b",
            passage.text[m.end() :],
        ):
            continue
        f = Found(passage, m.start(), m.end(), Decimal(ARTICLE_NUMBERS[m.group("n").casefold()]))
        f.words = True
        out.append(f)
    for m in foreign_words.ABOUT_A_NUMBER.finditer(passage.text):  # "une trentaine de"
        if (n := foreign_words.ABOUT_NUMBERS.get(fold(m["n"]))) is not None:
            f = Found(passage, m.start(), m.end(), Decimal(n))
            f.words, f.qualifiers = True, ["approximately"]
            out.append(f)
    for m in FOREIGN_FRACTION.finditer(passage.text):  # ("plus de la moitié des")
        if re.match(r"[^.;()]{0,60}\(\s*\d", passage.text[m.end() :]):
            continue  # ("a metade dos venezuelanos (47%)": the figure says it)
        if FOREIGN_TIME.match(passage.text, m.end()):
            continue  # ("la mitad del año", "la moitié du temps": a part of a time)
        if fold(m["f"]).endswith("quarto") or fold(m["f"]) == "un cuarto":
            # ("en un cuarto de la vivienda", "um quarto da casa": a room; a share is of many)
            of = passage.text[m.end("f") : m.end() + 15]
            if not re.match(r"\s+(?:de\s+l[oa]s|dos|das|del\s+total|do\s+total)\b", of, re.I):
                continue
        value = FOREIGN_FRACTIONS[" ".join(fold(m["f"]).split())]
        f = Found(passage, m.start("f"), m.end("f"), Decimal(str(value)), percent=True)
        out.append(f)
    for m in [*FRACTION.finditer(passage.text), *FRACTION_CHANGE.finditer(passage.text)]:
        if any(a <= m.start("f") < b for a, b in said):
            continue
        if m.group("f").casefold() == "half" and re.search(
            r"\b(?:first|second|last|the)\s+$", passage.text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "the first half of 2010"
        f = Found(
            passage, m.start("f"), m.end("f"), Decimal(str(FRACTIONS[m.group("f").casefold()]))
        )
        f.percent = True
        out.append(f)
    return out


# A verb or noun of change, as a whole word ("rose", "an increase"; not the "go" of
# "government", the "up" of "update" or the "mov" of "movement").
CHANGE_BEFORE_FROM = re.compile(
    r"\b(?:jump(?:s|ed|ing)?|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|"
    r"grow(?:s|n|ing|th)?|grew|fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|"
    r"declin(?:e|es|ed|ing)|climb(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|"
    r"went|gone|go|goes|going|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|shr(?:ink|inks|ank|unk|inking)|reduc(?:e|es|ed|ing|tion)|"
    r"cut|cuts|plummet(?:s|ed|ing)?|plung(?:e|es|ed|ing)|swell(?:s|ed|ing)?|swollen|"
    r"expand(?:s|ed|ing)?|expansion|mov(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|up|down)\b"
    r"\s+(?:[\w’'-]+\s+){0,3}from\s*$",
    re.I,
)


CHANGED_BY = re.compile(
    r"\b(?:rose|risen|fell|fallen|dropped|increased|decreased|declined|grew|grown|jumped|"
    r"climbed|surged|went\s+(?:up|down)|up|down)\s+by\s+(?:some\s+|about\s+|nearly\s+)?$",
    re.I,
)


def _ranges(passage: Passage, found: list[Found]) -> list[Found]:
    """ "between 500 and 3,000": one range."""
    out: list[Found] = []
    skip = set()
    for i, f in enumerate(found):
        if i in skip:
            continue
        if i + 1 < len(found) and not f.multiplier:  # ("doubled to 12,088": no range)
            g = found[i + 1]
            gap = passage.text[f.end : g.start].casefold()
            before = passage.text[max(0, f.start - 12) : f.start].casefold()
            # "an estimated 30,000 and 60,000 migrants", "walking for 20 or 25 days": a range
            # whose "between" is left out, or said as a guess (the first number counts nothing
            # of its own, and both are of one size).
            loose = (
                gap.strip() in ("and", "or")
                and f.value is not None
                and g.value is not None
                and not f.duration
                and f.percent == g.percent
                and f.currency == g.currency  # "£400 and €500": two sums
                and 0 < f.value < g.value <= 10 * f.value
                and not re.search(r"\b(?:in|of|from|to)\s+$", before)
                # ("rescued 165 and 200 victims in 2018 and 2019, respectively": two counts)
                and not RESPECTIVELY.search(passage.text, g.end, clause_end(passage, g.end))
                # ("103, 30 and 57 migrants": the last two of a list, no range)
                and not re.search(r"(?<!\d)(?!(?:19|20)\d\d\b)\d[\d.]*\s*,\s*$", before)
            )
            if (
                gap.strip() in ("to", "-", "\u2013")
                and before.rstrip().endswith("from")
                and CHANGE_BEFORE_FROM.search(passage.text[max(0, f.start - 60) : f.start])
            ):
                # "jumped from 1,482 to 53,906": a value then and a value now, no range
                f.change, g.change = "from", "to"
                if g.head and not f.head:
                    f.head, f.phrase, f.phrase_end = g.head, g.phrase, g.phrase_end
                if g.scale > 1 and f.scale == 1 and f.value * g.scale <= g.value:
                    f.value *= g.scale  # "from 1.2 to 3.4 million"
                f.percent, f.currency = f.percent or g.percent, f.currency or g.currency
                out.append(f)
                continue
            if (
                # ("entre 2 mil y 5 mil", "entre 200 et 300", "de 3 a 5")
                (
                    gap.strip() in ("and", "y", "e", "et")
                    and before.rstrip().endswith(("between", "entre"))
                )
                or loose
                or (gap.strip() in ("to", "-", "\u2013") and before.rstrip().endswith("from"))
                or (
                    gap.strip() in ("a", "à")
                    and before.rstrip().endswith((" de", " desde"))
                    and f.value < g.value
                    # (not "pasó de 300 a 500": a change)
                    and not re.search(
                        r"\b(?:pas[óo]|aument[óo]|subi[óo]|baj[óo]|creci[óo]|disminuy[óo]|"
                        r"cay[óo]|passou|pass[ée]|augment[ée]|diminu[ée])\s+(?:de|desde)\s*$",
                        passage.text[max(0, f.start - 30) : f.start],
                    )
                )
                or (
                    gap.strip() in ("to", "-", "\u2013")
                    and f.value < g.value
                    and not f.duration
                    and not (f.percent and not g.percent)  # ("rose by 20 per cent to 1,500")
                    # ("dropped by 10 to 36": the change, then the value it came to; not
                    # "visited by 10 to 36 victims")
                    and not CHANGED_BY.search(passage.text[max(0, f.start - 40) : f.start])
                )
            ):
                low = f.value
                if f.scale == 1 and g.scale > 1 and f.value * g.scale <= g.value:
                    low = f.value * g.scale  # "between 1.2 and 1.9 million"
                r = Found(passage, f.start, g.end, None, low=low, high=g.value)
                r.percent, r.currency = g.percent, g.currency or f.currency
                r.duration, r.head = g.duration, g.head
                r.phrase, r.phrase_end = g.phrase, g.phrase_end
                r.qualifiers = ["range"]
                out.append(r)
                skip.add(i + 1)
                continue
        out.append(f)
    return out


def window(text: str, c0: int, c1: int, start: int, end: int, before: int = 8, after: int = 14):
    """The clause [c0, c1) around a number at [start, end), cut to a few words either side
    when it is long; a cut before the number is made at "with", "such as", "that", ... when
    there is one."""
    words_before = list(re.finditer(r"\S+", text[c0:start]))
    if len(words_before) > before:
        cut = c0 + words_before[-before].start()
        joint = list(
            re.finditer(r"\b(?:with|such as|that|which|where|when|whom|of)\s", text[cut:start])
        )
        c0 = cut + joint[0].start() if joint else cut
    words_after = list(re.finditer(r"\S+", text[end:c1]))
    if len(words_after) > after:
        c1 = end + words_after[after - 1].end()
    return c0, c1
