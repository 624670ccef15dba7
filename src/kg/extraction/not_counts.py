"""Numbers that count nothing: telephone numbers, markup, dates written with digits, ages
and notes' numbers (the filters `kg.extraction.figures` passes each number through)."""

from __future__ import annotations

import re

from kg.extraction.foreign_words import _MONTH
from kg.extraction.number_words import MONTH, PERCENT

# What a telephone number is said after: "the hotline, 116 000", "call 0 800 77777".
TELEPHONE_BEFORE = re.compile(
    r"\b(?:hotline|helpline|help\s+line|phone|telephone|toll-free|freephone|dial|dialling|"
    r"dialing|call|calling)(?:\s+number)?\s*[,:]?\s*(?:on\s+|at\s+)?$",
    re.I,
)


def _a_telephone_group(digits: str, before: str, after: str) -> bool:
    """Whether bare digits are a telephone's: next to other digits with only a space between
    ("0 800 77777": groups that make no thousands, else NUMBER would have read them as one),
    or named as what to call ("the hotline, 116 000"); not a number with a thousands comma
    ("In June 2019 1,245 migrants"), nor one after a year that dates it ("In 2018 450")."""
    if not digits or "," in digits:
        return False
    if len(digits) > 2 and TELEPHONE_BEFORE.search(before):
        return True  # not "On the call, 25 officials ..."
    if re.match(r"[ \u00a0\u202f]\d", after[:2]):
        return True
    # digits just before it, unless a year or a day said as a date ("In 2018 450 victims",
    # "2023-01-31 331 migrants", a month's "2022-12 4 747 migrants")
    return bool(re.search(r"\d[ \u00a0\u202f]$", before[-2:])) and not re.search(
        rf"\b(?:(?:in|since|during|by|until|through|of|{MONTH})\s+(?:19|20)\d\d|"
        r"(?:19|20)\d\d-\d\d(?:-\d\d)?)\s$",
        before,
        re.I,
    )


AGE_BEFORE = re.compile(
    # ("aged 33, 25 and 27": the last age of a list)
    r"\b(?:age|ages)\s+(?:of\s+)?$|\b(?:aged|ages)\s+(?:between\s+)?"
    r"(?:(?:\d{1,2}\s*,\s*)*\d{1,2}\s*,?\s*and\s+)?$|\b(?:aged|ages|ages of|age of|"
    r"between the ages of)\s+(?:between\s+)?\d{1,2}\s*(?:to|and|-|\u2013)\s*$",
    re.I,
)
# An age inside a list after "aged" ("aged 33, 25 and 27"; not "aged 17, 12 were"): the
# list goes on to its "and"
AGES_GO_ON = re.compile(r"\s*(?:,\s*\d{1,2}\s*)*,?\s*and\s+\d{1,2}\b")
AGES_BEFORE = re.compile(r"\b(?:aged|ages)\s+(?:\d{1,2}\s*,\s*)+$", re.I)
# The first age of a range in the other languages, and the words of age before it
FOREIGN_AGE_RANGE = re.compile(
    r"\s*(?:-|\u2013|a|e|y|et|à|aos?|al?)\s*(?:(?:los|las|os|as|les)\s+)?\d{1,2}\s+"
    r"(?:años|anos|ans)\b(?P<of_age>\s+de\s+(?:edad|idade))?"
    # (not a term: "a entre 10 y 15 años de prisión")
    r"(?!\s+de\s+(?:prisi[óo]n|c[áa]rcel|reclusi[óo]n|pris[ãa]o|cadeia|condena))",
    re.I,
)
AGE_WORD = re.compile(r"\b(?:edad|edades|idade|idades|âgée?s?|âge|âges)\b", re.I)
AGE_IS = re.compile(
    r"\bage\b[^.;]{0,30}\b(?:is|was|are|were)\s+(?:now\s+|about\s+|around\s+)?"
    r"(?:\d{1,2}\s*(?:-|–|to|and)\s*)?$",
    re.I,
)


# A number joined by a hyphen to a unit of length or weight, as an adjective: a thing's size
# ("a 40-ft sloop", "a 30-foot sailing sloop", "a 12-metre boat", "Greece's 206-kilometer
# border", "a 20 to 30-meter-long vessel"), not a count of what follows it
MEASURE_ADJECTIVE = re.compile(
    r"(?:\s*(?:to|-|\u2013)\s*\d+(?:[.,]\d+)?)?[-\u2010\u2011]"  # ("20 to 30-meter-long")
    r"(?:ft|foot|feet|m|metres?|meters?|km|kilomet(?:re|er)s?|miles?|"
    r"inch(?:es)?|tonnes?|tons?|kg|kilos?|kilograms?|nautical-miles?|square-met(?:re|er)s?|"
    r"hectares?|yards?|cm|mm)\b",
    re.I,
)


def _not_a_statistic(text: str, start: int, end: int, before: str, after: str) -> bool:
    """Markup, dates and ages written with digits: height="12", (17/01), 10-12 March,
    12/03/2010, "under the age of 18", "aged 15", a number cut off at the end of the text."""
    # (a style's size is written close up: "12px", "1.5em"; "500 em multas" is Portuguese)
    if re.search(r"[\w-]+\s*=\s*[\"']?$", before) or re.match(r"[\"']?(?:px|pt|em)\b", after):
        return True
    if re.match(r"\s*/\s*\d{1,4}", after) or re.search(r"\d\s*/\s*$", before):
        return True
    if re.match(rf"\s*(?:[-–—]|to|and)\s*(?:[A-Z][a-z]+day\s+)?\d{{1,2}}\s+{MONTH}", after):
        return True  # "10-12 March", "from 17 to 18 October"
    if AGES_BEFORE.search(before) and AGES_GO_ON.match(after):
        return True  # ("aged 33, 25 and 27": 25)
    if AGE_BEFORE.search(before) or re.match(
        r"\s*(?:-|\u2013|to|and)\s*\d{1,2}\s+years?[\s-]+(?:of\s+age|old)\b", after, re.I
    ):
        return True  # "aged 15", "under the age of 18", "aged 14 to 17", "between 18 and 29
        # years of age"
    age_range = FOREIGN_AGE_RANGE.match(after)
    if age_range and (age_range["of_age"] or AGE_WORD.search(before[-50:])):
        return True  # "com idades entre os 32 aos 46 anos", "de entre 18 y 25 años de edad"
    if MEASURE_ADJECTIVE.match(after):
        return True  # "a 40-ft sloop", "a 12-metre boat", "a 200-km stretch": a size
    if re.search(r"\S\($|\S\[$", before) and re.match(r"[)\]]", after):
        return True  # "into Lorvania(1)", "legal advice.[2]": a note's number
    # An age said after "age ... is" or in apposition to a name: a number of one to three
    # digits, no percentage ("the average age of arrival is now 14-16", "Hassen, 22, was a
    # farmer"; not "the working age population was 72 per cent", nor "Tamba, 1,200,").
    an_age = re.fullmatch(r"\d{1,3}", text[start:end]) and not PERCENT.match(after)
    if an_age and AGE_IS.search(before):
        return True
    if an_age and re.search(r"\b[A-Z][a-z]+,\s+$", before) and re.match(r"\s*,", after):
        return True
    # ("children (below 16 years)": an age, not a term in prison: "prison sentences (over
    # 10 years)")
    in_prison = re.search(r"\b(?:sentenc|prison|jail|imprison|terms?\b)", before[-80:], re.I)
    if re.search(r"\b(?:under|below|over|above)\s+$", before, re.I) and re.match(
        r"\s*(?:years of age|years old)" + ("" if in_prison else r"|\s*years\s*\)"),
        after,
        re.I,
    ):
        return True
    return end >= len(text) and not text[start:end].isalpha() and len(text) > 200


def _period_duration(text: str, start: int, before: str, after: str, duration) -> bool:
    """Whether a number of days, months or years only times something else."""
    if duration.group(0).lstrip().startswith("-") or re.match(r"-", after):
        return True  # "a two-day workshop", "a nine-month project": a field of the item
    if duration["adjective"]:
        return True  # "les six derniers mois", "les neuf premiers mois": a time pointed to
    if text[start : start + 1].isalpha() and re.search(r"\b(?:por|pour)\s+$", before, re.I):
        return True  # ("prorrogado por dois anos", "prolongé pour deux ans": a term in words)
    timed = re.search(
        # (and said in the past: "which lasted one week", "spanned six days", "ran over two
        # weeks", "was carried out over nine days", "It took us three days to get there")
        r"\b(?P<v>continue|continues|continued|run|runs|ran|last|lasts|lasted|lasting|extend|"
        r"extends|extended|span|spans|spanned|take|takes|took|will take|carried out|"
        r"conducted|took place)\s+(?:(?:us|them|him|her|me)\s+)?(?:for\s+|over\s+)?"
        r"(?:(?:some|about|around|over|more than|nearly|"
        r"almost|up to|at least|at most|no more than|less than)\s+)?$",
        before,
        re.I,
    )
    # (but an average the past tense reports is measured: "On average, the journey took 14
    # days")
    sentence = re.split(r"[.!?]\s", before)[-1] + re.split(r"[.!?](?:\s|$)", after)[0]
    averaged = re.search(r"\baverage\b|\bmedian\b|\btypically\b", sentence, re.I)
    if timed and not (
        averaged and re.fullmatch(r"\w+ed|ran|took|took place|carried out", timed["v"], re.I)
    ):
        return True  # "will run for 18 months": the duration of a project or an event
    if re.search(
        r"\b(?:has|have|had)\s+been\s+[a-z]+ing\b[^.;]{0,60}\bfor\s+$",
        text[max(0, start - 100) : start],
        re.I,
    ):
        return True  # "has been helping trafficking survivors in the country for 14 years"
    if re.match(r"\s*-?\s*years?\s+of\s+[a-z]+ing\b", after, re.I) or re.search(
        r"\b(?:mark|marks|marking|celebrate|celebrates|celebrating|commemorate)\s+(?:its\s+)?$",
        before,
        re.I,
    ):
        return True  # "to mark 20 years of helping migrants": an anniversary
    if re.search(
        r"\b(?:in force|in place|in operation|in existence|existed|operating|operated|"
        r"working|worked|active|present|established)\s+for\s+(?:(?:some|about|around|over|"
        r"more than|nearly|almost|at least)\s+)?$",
        before,
        re.I,
    ):
        return True  # "in force for more than 11 years": how long a law or a body has been
    if (
        re.search(
            r"\b(?:past|last|next|first|coming|previous|recent|period of|within|in|after|"
            r"before|ago|every|each|per|than in|up to the|during|course of|throughout|"
            # ("for another 18 months": a term extended; "Throughout these five years", "sur ces
            # 2 mois": a time pointed to; "il y a 3 jours": ago)
            r"another|these|those|ces|estos|estas|esos|esas|estes|esses|essas|il\s+y\s+a|"
            # ("En las últimas 36 horas", "dans les derniers six mois", "nos últimos três anos")
            r"[úu]ltim[oa]s|pasad[oa]s|pr[óo]xim[oa]s|derni[eè]re?s|prochaine?s|durante|dans|"
            # ("en los primeros nueve meses", "nos primeiros nove meses", "sur les neuf")
            r"primer[oa]s|primeir[oa]s|sur\s+les|"
            r"dentro\s+de|en|em|nos|nas|pendant|depuis|desde|hace|h[áa])\s+(?:the\s+)?"
            # ("within less than two months", "depuis environ cinq ans")
            r"(?:(?:less than|more than|just|only|barely|some|about|nearly|almost|environ|"
            r"pr[eè]s de|unos|unas|cerca de|alrededor de|cerca de|quase|mais de|m[aá]s de|plus de)"
            r"\s+)?$",
            before,
            re.I,
        )
        and not (  # (not "il y a 3 mois d'attente": there are; "another 14 months on average")
            re.search(r"\bil\s+y\s+a\s+$", before, re.I)
            and re.match(r"\s*(?:d['’]|de\s)", after[duration.end() :])
            or averaged
            and re.search(r"\banother\s+$", before, re.I)
        )
    ):
        return True
    rest = after[duration.end() :]
    return bool(  # (in a title's capitals too: "16 Years Old", "3 Years After")
        re.match(
            r"[\s-]*(?:ago|later|earlier|after|before|since|old|of age|of (?:the|its|their))\b"
            # (as the other languages say it: "deux jours auparavant", "cinco meses después")
            r"|\s*(?:auparavant|plus\s+tard|après|después|más\s+tarde|atrás|"
            r"depois|mais\s+tarde)\b"
            # (not before a verb: "permanecieron seis meses antes de ser rescatadas", how long
            # they stayed, measured)
            rf"|\s*(?:avant|antes)\b(?!\s+(?:de|d['’])\s*(?!{_MONTH}\b)"
            r"[a-zéèêíó]+(?:ar|er|ir|re|or)(?:em)?\b)"
            # ("ranging from eight months to five years old": the youngest's age)
            r"|\s*(?:to|and|-|\u2013)\s*(?:\d{1,2}|[a-z]+)\s+years?[\s-]+(?:old|of\s+age)\b",
            rest,
            re.I,
        )
    )
