"""The period of a number: the time expression of its sentence ("since 2005", "through
January 2008", "between January and August of that year"), or one said before it in the
passage ("In 2015, ..."), or the same period as the previous number.
"""

from __future__ import annotations

import re

from kg.extraction.dated_days import dated_days
from kg.extraction.figures import MONTH
from kg.extraction.foreign_words import foreign_times
from kg.extraction.foreign_year_words import months_of_a_year
from kg.extraction.period_cuts import (
    PERFECT,
    SAME_PERIOD_LAST_YEAR,
    SAME_SPAN_OF,
    SAME_TIME_AGAIN,
    SINCE_WORD,
    YEAR_BEFORE,
    a_byline,
    a_deadline,
    a_later_part,
    a_plans_number,
    brackets_with_a_number,
    bullet_of,
    in_a_dateline,
    no_start,
    of_another_event,
)
from kg.extraction.period_patterns import PERIOD_PATTERNS, _date, _period_value, _year_before
from kg.extraction.relative_times import (
    _compared_with,
    _since_an_event,
    change_against_another_time,
    relative_periods,
    yearless_periods,
)
from kg.extraction.respectively import year_listed_respectively
from kg.extraction.written_days import written_days

# Time expressions whose year is said elsewhere: "since then" (the year named just before),
# "since February" (the year the text last named), "in the same period of 2018" (the months of
# the sentence's other period, in 2018).
SINCE_THEN = re.compile(
    r"\bsince\s+(?:then|that\s+(?:time|year|date))\b|\bdesde\s+(?:entonces|ent[ãa]o|esa\s+fecha)\b"
    r"|\bdepuis\s+(?:lors|cette\s+date|cette\s+ann[ée]e-l[àa])\b",  # (the other languages')
    re.I,
)
SINCE_MONTH = re.compile(
    rf"\bsince\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?(?P<m>{MONTH})\b"
    r"(?!,?\s+(?:of\s+)?(?:\d|(?:19|20)\d\d))",
    re.I,
)
SAME_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+same\s+(?:period|months?|time)\s+(?:of|in)\s+"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.I,
)

_SPAN = ("start", "end")


def _dated_span(value: dict) -> bool:
    """A period with a start and an end, both dated (not "02-29", which a year before lacks)."""
    return all(
        isinstance(value.get(k), str) and re.match(r"(?:19|20)\d\d", value[k]) for k in _SPAN
    ) and not any(value[k].endswith("02-29") for k in _SPAN)


# A financial or fiscal year, written as such ("the 2024-25 financial year", "FY 2019/20")
FISCAL_YEAR = re.compile(
    r"\b(?:19|20)\d\d[-/–](?:\d\d)\b(?![-/–]?\d)|\b(?:financial|fiscal)\s+years?\b|\bFY\b", re.I
)


def _periods_said_elsewhere(text, s0, s1, found, year_context):
    """What SINCE_THEN, SINCE_MONTH and SAME_PERIOD say in [s0, s1), given the periods
    `found` there and the year the text last named before this passage."""
    out = []
    for m in SINCE_THEN.finditer(text, s0, s1):
        year = _year_before(text, s0, m.start()) or year_context
        if year:
            out.append((m.start(), m.end(), {"start": year}))
    for m in SINCE_MONTH.finditer(text, s0, s1):
        year = _year_before(text, s0, m.start()) or year_context
        if year:
            out.append((m.start(), m.end(), {"start": _date(m.group("m"), year)}))
    for m in YEAR_BEFORE.finditer(text, s0, s1):
        if SAME_SPAN_OF.search(text, max(s0, m.start() - 30), m.start()):
            continue  # ("respecto al mismo mes del año anterior": a month, not the year)
        # ("figures covering the 2024-25 financial year, ... from 382 the previous year": the
        # financial year before, 2023-24)
        fiscal = [
            v
            for a, b, v in found
            if b <= m.start()
            and _dated_span(v)
            and len(v["start"]) == len(v["end"]) == 4
            and int(v["end"]) - int(v["start"]) == 1
        ]
        own = _year_before(text, s0, m.start())
        year = own or year_context
        # (the financial year the last said before it: not "..., and in 2024 there were 500,
        # up from 450 the previous year")
        if fiscal and FISCAL_YEAR.search(text, s0, m.start()) and year in fiscal[-1].values():
            shifted = {k: str(int(fiscal[-1][k]) - 1) for k in _SPAN}
            out.append((m.start(), m.end(), shifted))
        elif year and (own or not FISCAL_YEAR.search(m[0])):
            # ("the previous financial year" after a passage's "2024-25": not the year 2023)
            before = str(int(year[:4]) - 1)
            out.append((m.start(), m.end(), {"start": before, "end": before}))
    for m in SAME_PERIOD_LAST_YEAR.finditer(text, s0, s1):
        # "266 cases this year, by 9 May 2023 (152 in the same period last year)": the
        # sentence's other period, a year earlier
        # (said before it, and shorter than a year: "the same period" of a year is "last year")
        other = next(
            (v for a, b, v in found if b <= m.start() and _dated_span(v) and len(v["start"]) > 4),
            None,
        )
        if other:
            value = {k: str(int(v[:4]) - 1) + v[4:] for k, v in other.items() if k in _SPAN}
            out.append((m.start(), m.end(), value))
    for m in SAME_PERIOD.finditer(text, s0, s1):
        year = m.group("y")
        other = next(
            (
                v
                for a, _, v in found
                if not a <= m.start("y") < a + 40
                and len(str(v.get("start", ""))) == 7
                and len(str(v.get("end", ""))) == 7
            ),
            None,
        )
        value = (
            {"start": year + other["start"][4:], "end": year + other["end"][4:]}
            if other
            else {"start": year, "end": year}
        )
        out.append((m.start(), m.end(), value))
    return out


# A time a clause says in words, relative to the day the text was written.
RELATIVE_TIME = re.compile(
    r"\b(?:(?:last|this|next|past)\s+(?:year|month|week|decade)|today|yesterday|so far|"
    r"to date|currently|nowadays)\b",
    re.I,
)


# (a change, "fell from ... to ...", not a range, "from 2,000 to 3,000 migrants in 2020")
FROM_BEFORE = re.compile(
    r"\b(?:rose|risen|fell|fallen|increased|decreased|dropped|grew|grown|climbed|jumped|"
    r"declined|went|up|down|aument[óo]|aumentou|baj[óo]|cay[óo]|diminuy[óo]|caiu|subiu|"
    # (the change's own words, no comma: not "aumentó, con una asignación de 3 millones de
    # dólares a 12 organizaciones en 2021")
    r"augment[ée]|baiss[ée]|pass[ée]|pas[óo]|passou)\b(?:\s+[^\s.;,]+){0,4}?\s+"
    r"(?:from|de|desde|du|des)\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|some\s+|nearly\s+|"
    r"almost\s+|over\s+|around\s+|plus\s+de\s+|m[áa]s\s+de\s+|mais\s+de\s+)?$",
    re.I,
)
TO_A_FIGURE = re.compile(
    r"\b(?:to|a|à|hasta|até)\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|some\s+|nearly\s+|"
    r"almost\s+|over\s+|around\s+|plus\s+de\s+|moins\s+de\s+|m[áa]s\s+de\s+|menos\s+de\s+|"
    r"mais\s+de\s+)?\d",
    re.I,
)
WHEN_AFTER = re.compile(r",?\s+(?:when|cuando|quand|lorsque|quando)\b", re.I)


def _as_a_point(value: dict) -> dict:
    """ "since 2014, when the toll reached 730": the time "when" points at, not a span from it."""
    if set(value) == {"start"}:
        return {"start": value["start"], "end": value["start"]}
    return value


SAID_ON = re.compile(
    # (not "reported", "confirmed": "cases reported in 2017" are of 2017)
    r"\b(?:said|says|stated|added|explained|told(?:\s+\w+)?|announced|warned)\s+$",
    re.I,
)


# A time that is the day of writing, said of a part of a sentence.
PRESENT_TIME = re.compile(
    r"\b(?:presently|currently|at\s+present|nowadays|to\s+date|so\s+far)\b", re.I
)
# What divides a sentence into parts that may each say their own time.
SENTENCE_PART = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+")


OTHER_PART = re.compile(
    r",?\s+(?:while|whereas)\s+"
    # "... 111 casos en 2022 en comparación con 104 de 2020; sin embargo, el 62% de las víctimas
    # ...": a part that sets itself against the one before, after a semicolon
    r"|;\s*(?:however|but|yet|sin\s+embargo|no\s+obstante|cependant|toutefois|pourtant|"
    r"no\s+entanto|contudo|por[ée]m)\b",
    re.I,
)
# The words a sentence's opening phrase of time may start with ("Since the task force was set
# up in 2017, ..."), in any case ("“in 2017, ...")
OPENING = re.compile(
    r"\s*(?:In|During|Since|From|Between|As\s+of|By|Until|Throughout|Over|Towards?|At|After|"
    r"Before|Desde|En|Entre|Durante|Depuis|Em)\b[^,;]*$",
    re.I,
)


def _opens_the_sentence(text: str, s0: int, x: tuple, at: int) -> bool:
    """Whether the time `x` is said in the phrase that opens the sentence, and so holds for
    all its parts: the sentence starts with it ("In 2019 arrivals rose ... while 300 ..."), or
    with a phrase that holds it and closes with a comma before the part of `at` ("Since the
    task force was set up in 2017, 164 ..., while 702 ..."); not "In Pelmark arrivals rose in
    2019 while 300 ...", whose time is the first part's, as in "Arrivals rose in 2019 while"."""
    before = text[s0 : x[0]]
    if not before.strip():
        return True
    if not OPENING.match(before):
        return False
    other = OTHER_PART.search(text, x[1], at)
    return "," in text[x[1] : other.start() if other else at]


def _part_of_sentence(text: str, s0: int, s1: int, at: int) -> tuple[int, int]:
    """The part [p0, p1) of the sentence [s0, s1) around `at`, between the breaks of
    SENTENCE_PART."""
    p0, p1 = s0, s1
    for m in SENTENCE_PART.finditer(text, s0, s1):
        if m.end() <= at:
            p0 = m.end()
        elif m.start() >= at:
            p1 = m.start()
            break
    return p0, p1


def _aside_cut(gap: str) -> str:
    """The words between a number and a time without an aside in brackets ("2.7 billion baht
    ($84 million) in 2021")."""
    return re.sub(r"\s*\([^()]{0,40}\)", "", gap)


START_VERB = re.compile(
    r"\b(?:launched|started|began|begun|founded|established|created|set up|"
    r"initiated|signed|opened|built|inaugurated|adopted|enacted|passed|approved|"
    r"ratified|introduced|became\s+operational|"
    # "The shelter, open since 2015, gives 60 women ...", "El albergue, operativo desde 2011,
    # ofrece ...", "Le centre, ouvert en 2016, accueille ...": a state that began then
    r"open|operating|operational|in\s+operation|in\s+force|operativ[oa]s?|funcionan?|"
    r"en\s+funcionamiento|ouverte?s?|cr[ée]{2}e?s?|fond[ée]e?s?|fundad[oa]s?|cread[oa]s?|"
    r"abiert[oa]s?|abert[oa]s?|criad[oa]s?|inaugurad[oa]s?|en\s+vigor|en\s+vigueur|em\s+vigor|"
    # "Since its creation in 2005, the hotline has received ...", "The introduction in March
    # 2021 of a minimum wage affected ...": a start named by a noun
    r"(?:its|their|the)\s+(?:creation|launch|establishment|inception|founding|opening|"
    r"adoption|introduction|start|beginning)|"
    # "In a report published in March 2019, X found that 72 per cent ...": the time of a
    # publication is its own, not that of the numbers it gives (not "45 victims were
    # released in March 2019", "3,000 permits were issued in 2018")
    r"(?:report|study|survey|data|figures|statistics|findings|paper|research|analysis|index|"
    r"assessment|review)(?:[\s,]+[\w’'-]+){0,4}?[\s,]+(?:was\s+|were\s+)?"
    r"(?:published|released|issued|presented|unveiled)|"
    # "entering into force on 1 March 2011, today the Convention ..."
    r"(?:entered|entering|enters|came|coming|comes)\s+into\s+force|took\s+effect)"
    r"(?:\s+[\w’'-]+){0,5}?\s+$",
    re.I,  # "Established in 2006, the programme ..."
)


def _dates_a_start(text: str, s0: int, when: int, at: int) -> bool:
    """Whether the time expression at `when` dates a start ("launched in 2009", "IOM, which
    opened its office in 2001, has assisted ..."), not the number at `at`: a number between
    the verb and the time is what the verb did then ("opened 512 investigations in 2021")."""
    m = START_VERB.search(text, max(s0, when - 60), when)
    return m is not None and not m.start() < at < when and not no_start(text, m, when, at)


# A number, up to five words of what it counts, then the time expression.
RIGHT_AFTER_PHRASE = re.compile(r"[\d.,]+%?(?:\s+[A-Za-z’'-]+){1,5}\s+")


# An aside that opens a relative clause: "girls arriving from Nigeria – whose numbers soared
# from 1,454 in 2014 –", "(which opened in 2001)".
ASIDE_OPENS = re.compile(r"(?:\s[\u2013\u2014]+|\s--?|\()\s*(?:whose|which|who|where)\b")
ASIDE_CLOSES = re.compile(r"\s[\u2013\u2014]+\s|\s--?\s|\)")


def asides(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """The relative clauses set apart (between dashes or in brackets) in [s0, s1): what they
    say (a time, an estimate) is of their own numbers, not of the sentence's others."""
    out = []
    for m in ASIDE_OPENS.finditer(text, s0, s1):
        if out and m.start() < out[-1][1]:
            continue
        close = ASIDE_CLOSES.search(text, m.end(), s1)
        out.append((m.start(), close.start() if close else s1))
    return out


def _holds(y: tuple, x: tuple) -> bool:
    """Whether the time expression y (start, end, value) holds x: x inside a longer y, or
    read from the same words with less (no end where y has one)."""
    if y[:2] == x[:2]:
        return isinstance(y[2], dict) and "end" in y[2] and "end" not in x[2]
    return y[0] <= x[0] and x[1] <= y[1] and y[1] - y[0] > x[1] - x[0]


def period_of(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    at: int,
    year_context: str | None = None,
    today: str | None = None,
    year_near: str | None = None,
):
    """The period a number at `at` refers to: from its clause, else the nearest expression
    before it in its sentence, else one after it. `year_context`: the year the text last
    named before this passage ("since February" is of that year); `today`: the day the
    release states it was written (YYYY-MM-DD), of which "this year" and "last month" are
    said; `year_near`: the year the passage before last named, that of months without a year
    in a release that states no day."""
    s0, s1 = bullet_of(text, sentence, at)
    if a_plans_number(text, s0, at):
        return None  # ("... kicked off on Monday and plan to register 50,000": a plan's number)
    # A change measured against another time ("a 27% jump from last year") takes the time of
    # what it describes, said before the comparison ("In 2016, arrivals rose 50% compared
    # with 2015"), never the compared time
    compared_from = change_against_another_time(text, s0, s1, at)
    found = []
    for kind, pattern in PERIOD_PATTERNS:
        for m in pattern.finditer(text, s0, s1):
            value = _period_value(kind, m, text, s0)
            if value is not None:
                found.append((m.start(), m.end(), value))
    found += (
        relative_periods(text, s0, s1, today)
        + yearless_periods(text, s0, s1, today, year_near)
        + dated_days(text, s0, s1)
        + foreign_times(text, s0, s1)
        + months_of_a_year(text, s0, s1)
        + written_days(text, s0, s1, today)
    )
    # "in 2016-2017" holds "in 2016": an expression inside a longer one is part of it; of
    # two read from the same words, the one with an end ("since the beginning of 2021",
    # written in 2021: up to the day of writing)
    found = [x for x in found if not any(_holds(y, x) for y in found)]
    elsewhere = _periods_said_elsewhere(text, s0, s1, found, year_context)
    # "in the same period of 2018" holds the words "of 2018", read as a year of its own above
    spans = [(a, b) for a, b, _ in elsewhere]
    found = [x for x in found if not any(a <= x[0] < b for a, b in spans)]
    found = sorted(found + elsewhere, key=lambda x: x[0])
    if compared_from is not None:  # (nor the time another change of it is compared with,
        # nor one of another clause: "In 2019, the office opened, and arrivals are now 20%
        # higher than in 2018")
        found = [
            x
            for x in found
            if x[1] <= compared_from
            and not _compared_with(text, max(s0, x[0] - 80), x[0], s0 - 1)
            and not SENTENCE_PART.search(text, x[1], at)
        ]
    # "24 per cent more than in the first quarter of 2018", "a 77 per cent increase from the
    # same period in 2019": the period a number is compared with is not its own.
    # (The compared number's own: "compared with 210 in the same period of 2018".)
    found = [x for x in found if not _compared_with(text, max(s0, x[0] - 80), x[0], at)]
    # "80 per cent of girls – whose numbers soared from 1,454 in 2014 –": the aside's time
    # is its numbers'
    # and "The project – which has a budget of €2.4 million – will run until May 2016": the
    # time said after an aside closes is of what the sentence goes on to say, not the aside's
    found = [
        x
        for x in found
        if not any(
            (a <= x[0] < b and not a <= at < b) or a <= at < b <= x[0]
            for a, b in asides(text, s0, s1)
        )
    ]
    # "21,462 were blocked (there were 5,256 in 2023)", "aumentó un 4 % (el MP registró 266
    # denuncias en 2017)": a time in brackets that hold a number of their own is that number's
    found = (
        [x for x in found if not any(a <= x[0] < b and not a <= at < b for a, b in counted_asides)]
        if (counted_asides := brackets_with_a_number(text, s0, s1))
        else found
    )
    # "By 2030, the government aims to resettle 15,000 refugees", "an appeal asking for 1,300
    # places by the end of May 2019": a deadline of what is aimed at, no time of the number
    found = [x for x in found if not a_deadline(text, s0, s1, x, at)]
    # "fell from more than 65 per cent to less than 45 per cent in 2019": the one time after
    # the "to" figure is that figure's, not the "from" figure's ("from 4,200 to 7,600 between
    # 2018 and 2019" gives each its year)
    if FROM_BEFORE.search(text, max(s0, at - 90), at):
        found = [
            x
            for x in found
            if not (
                at < x[0]
                and TO_A_FIGURE.search(text, at, x[0])
                and x[2].get("start", x[2].get("end")) == x[2].get("end", x[2].get("start"))
            )
        ]
    # "..., Rhamdani said on Tuesday, August 23": the day a thing is said is not its time
    found = [x for x in found if not SAID_ON.search(text, max(s0, x[0] - 30), x[0])]
    found = [x for x in found if not of_another_event(text, s0, s1, x, at)]
    # "Publié le 14 mai 2019", "12 de junio de 2023 | El Boletín de la Secretaría ...": the
    # day a page was published, in its byline or masthead, is no number's time
    found = [x for x in found if not a_byline(text, s0, x) and not in_a_dateline(text, s0, x)]
    if not found:
        return None
    if (paired := year_listed_respectively(text, s0, s1, at)) is not None:
        return paired
    c0, c1 = max(clause[0], s0), min(clause[1], s1)
    # "Since the start of the Zorvan conflict in 2006, IOM has evacuated ...": from that year on
    since_then = [x for x in found if _since_an_event(text, s0, x, at)]
    found = [(*x[:2], {"start": x[2].get("start")}) if x in since_then else x for x in found]
    # "a four-week training ..., which ended on 9 November 2021": the day it ended, no more
    found = [(*x[:2], _its_end(x[2])) if ENDED.search(text, s0, x[0]) else x for x in found]
    # "28,413 in 2009": an expression right after the number is its own.
    right_after = [
        x
        for x in found
        if at < x[0]
        and (
            # (a number in brackets: "2.7 billion baht ($84 million) in 2021")
            re.fullmatch(r"[\w%,.$€£ ]{0,25}?\)?\s*", _aside_cut(text[at : x[0]]))
            and x[0] - at < 30 + len(text[at : x[0]]) - len(_aside_cut(text[at : x[0]]))
            # ("120 migrants (75 men and 45 women), and in 2023 it hosted 300": another clause's)
            and not re.search(r",\s*(?:and|or|but|while|whereas)\b", _aside_cut(text[at : x[0]]))
            # "306 similar investigations in 2012": the number, the words it counts, the date
            or re.fullmatch(RIGHT_AFTER_PHRASE, _aside_cut(text[at : x[0]]))
            and not re.search(r"\b(?:and|or|but|while|whereas|than)\b", text[at : x[0]])
        )
    ]
    if right_after:  # (and a length's days, said after it: "in the past six months, from ...")
        days = [x for x in found if _days_of_a_length(text, right_after[0], x)]
        found = right_after[:1] + days[:1]
    # A date of a start ("launched in 2009", "began in 2008") times that start, not the number.
    # ("The centre, built in 2010, now hosts ...", "IOM, which opened its office in
    # Honduras in 2001, has assisted ...": no period of the number either.)
    starts = [x for x in found if _dates_a_start(text, s0, x[0], at)]
    # "Since it was launched in 2012, ...": the start of the period.
    since = [
        x
        for x in starts
        if re.search(r"\bsince\s+(?:\S+\s+){0,6}$", text[max(s0, x[0] - 60) : x[0]], re.I)
    ]
    # "Established in 2006, the programme ... has already helped over 320": a start that opens
    # the sentence, of what then has done something, is the start of the number's period.
    since += [
        x
        for x in starts
        if x not in since
        and re.fullmatch(r"\s*[A-Z][a-z]+(?:\s+up)?\s+(?:(?:in|on)\s+)?", text[s0 : x[0]])
        and x[1] < at
        and re.search(
            r"\b(?:has|have)\s+(?:already\s+|so\s+far\s+|now\s+|since\s+)?\w+ed\b",
            text[x[1] : at],
        )
    ]
    # "IOM launched the campaign in 2019 and has since reached 40,000 people"
    since += [
        x
        for x in starts
        if x not in since
        and x[1] < at
        and re.search(r"\b(?:has|have)\s+since\s+\w+", text[x[1] : at])
    ]
    # "The centre, open since 2015, has assisted 300 women", "... operativo desde 2011, ha
    # atendido a 900": a state said from a time on, then what has been done since
    since += [
        x
        for x in starts
        if x not in since
        and x[1] < at
        and SINCE_WORD.match(text, x[0])
        and PERFECT.search(text, x[1], at)
    ]
    for x in since:
        starts.remove(x)
        found[found.index(x)] = (x[0], x[1], {"start": x[2].get("start") or x[2].get("end")})
    if starts:
        found = [x for x in found if x not in starts]
        if not found:
            return None
    # "From 2000 to 2002, the help-line received 474,000 requests, and presently, 2,700
    # proceedings are underway": a part of a sentence that says its own time is now is not
    # of a date said in another part.
    p0, p1 = _part_of_sentence(text, s0, s1, at)
    if PRESENT_TIME.search(text, p0, p1):
        found = [x for x in found if p0 <= x[0] < p1]
        if not found:
            return None
    # "... increased from 12 in 2003 to 187 in 2008, while a UNICEF report estimated that
    # between 2,500 and 3,000 ...": a time said inside an earlier part, not opening the
    # sentence ("Since the task force was set up in 2017, ... while 702 ..."), is not of the
    # part after "while" or "whereas"
    found = [
        x
        for x in found
        if _opens_the_sentence(text, s0, x, at)
        or not (other := OTHER_PART.search(text, x[1], at))
        # ("...; however, in the same year 35 per cent ...": that time again)
        or SAME_TIME_AGAIN.search(text, other.end(), at)
    ]
    if not found:
        return None
    in_clause = [x for x in found if c0 <= x[0] < c1]
    before = [x for x in found if x[1] <= at]
    if not in_clause and not before:
        # Only a time said after the number is left. "Last year, 4,500 were returned; in
        # 2022, 2,100 more": a number whose clause says its own time in words ("last year",
        # "so far") is not of a date said later, nor is one across a semicolon.
        if RELATIVE_TIME.search(text, c0, c1):
            return None
        # ("72 people were found in a factory, but they may have been taken there last
        # month": a time said after "but", "while" or "whereas" is of that part)
        found = [x for x in found if not a_later_part(text, at, x, s1)]
    chosen = in_clause or ([max(before, key=lambda x: x[1])] if before else found[:1])
    # "in the past six months, from July 17, 2023, to January 14, 2024": a length alone in the
    # clause, and the days said right after it, which are the number's ("exploited over the
    # past four years, arrested in a raid yesterday": the days, not the length)
    if len(chosen) == 1:
        days = [x for x in found if x[0] > at and _days_of_a_length(text, chosen[0], x)]
        chosen = days[:1] or chosen
    # "... the same month last year, when 633 people landed", "since 2014, when the toll
    # reached 730": a clause opened by "when" right after a time is of that time
    when = [
        x
        for x in found
        if x[1] <= at
        and (m := WHEN_AFTER.match(text, x[1]))
        and not any(m.end() <= y[0] < at for y in found)
        # (the number inside that clause: not "Depuis mars 2015, lorsque le programme a été
        # lancé, des retours ... dans 30 pays", a clause closed before it)
        and not re.search(r"[,;:]", text[m.end() : at])
        # (nor "Since 2014 when the project began IOM has assisted 3,000": a perfect after)
        and not re.search(r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b", text[m.end() : at])
    ]
    if when:
        x = when[-1]
        chosen = [(x[0], x[1], _as_a_point(x[2]))]
    if not chosen:
        return None
    # "In 2017, 200 cases were noted and in 2018 this number ... amounts to 365": times each
    # whole said in one clause, the nearest before the number is its own (what is combined is
    # a start and an end said apart)
    if len(chosen) > 1 and all({"start", "end"} <= set(x[2]) for x in chosen):
        said_before = [x for x in sorted(chosen, key=lambda x: x[:2]) if x[1] <= at]
        # (the later one opening a part of its own: "... and in 2018", "; in 2018")
        if len(said_before) > 1 and re.search(
            r"\b(?:and|but|while|whereas|y|et|e|mientras)\s+(?:\w+\s+){0,2}$|;\s*$",
            text[said_before[-2][1] : said_before[-1][0]],
        ):
            chosen = said_before[-1:]
    # Combine what the chosen expressions say ("from May 2005" ... "through January 2008").
    period: dict = {}
    for _, _, value in sorted(chosen, key=lambda x: x[0]):
        for key, v in value.items():
            period.setdefault(key, v)
    if not period:
        return None
    if set(period) == {"start", "end"} and period["start"] == period["end"]:
        return period["start"]
    return period


# The verbs of an event's end ("which ended on 9 November 2021"); not "closed", as a border
# closed on a day is an event of that day.
ENDED = re.compile(
    r"\b(?:ended|concluded|finished|wrapped\s+up|came\s+to\s+an\s+end)\s+(?:on\s+)?$",
    re.I,
)


def _its_end(value: dict) -> dict:
    return {"end": value.get("end") or value.get("start")}


def _days_of_a_length(text: str, length: tuple, x: tuple) -> bool:
    """Whether x, said after a length alone ("in the past six months"), says the days it runs
    ("from July 17, 2023, to January 14, 2024"); not one of another part ("..., and in 2022"),
    of another number ("..., with 551 of these in 2012") or of what it is compared with
    ("..., almost double the number apprehended between October 2012 and September 2013")."""
    return (
        set(length[2]) == {"duration"}
        and x[0] > length[1]
        and {"start", "end"} <= set(x[2])
        and not re.search(
            r"[;.\d]|\b(?:and|but|while|whereas|with|y|et|e|mas|pero|con|avec|com|than|"
            r"compared|double|twice|times|versus|against|number|figure)\b",
            text[length[1] : x[0]],
        )
    )
