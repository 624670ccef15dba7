"""The period of a number: the time expression of its sentence ("since 2005", "through
January 2008", "between January and August of that year"), or one said before it in the
passage ("In 2015, ..."), or the same period as the previous number.
"""

from __future__ import annotations

import re

from kg.extraction.dated_days import dated_days, month_number
from kg.extraction.figures import MONTH, MONTH_SHORT
from kg.extraction.foreign_words import foreign_times
from kg.extraction.number_words import _WORDNUM, word_value
from kg.extraction.relative_times import (
    _compared_with,
    _since_an_event,
    change_against_another_time,
    relative_periods,
    yearless_periods,
)

# (no year of a range: "in 2013-2014" is no "in 2013", the range is read as one)
_DATE = (
    # ("early 2024", "mid-2019": a part of the year, read as the year)
    rf"(?:(?P<{{p}}m>{MONTH}|{MONTH_SHORT})\s+(?:of\s+)?|(?:early|late|mid)(?:\s+|-))?"
    rf"(?:(?<![\w-])|(?<=mid-))(?P<{{p}}y>(?:19|20)\d\d)"
    r"(?!\s*[-\u2013/]\s*(?:(?:19|20)\d\d|\d\d)\b)"
)


PERIOD_PATTERNS = (
    (
        "range",
        re.compile(
            rf"\bfrom\s+{_DATE.format(p='a')}\s+(?:to|until|through|till)\s+{_DATE.format(p='b')}",
            re.I,
        ),
    ),
    (
        "months",
        re.compile(
            rf"\bbetween\s+(?P<am>{MONTH})\s+and\s+(?P<bm>{MONTH})\s+(?:of\s+)?"
            rf"(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year)",
            re.I,
        ),
    ),
    (
        "years",
        re.compile(
            rf"\b(?:between|from)\s+(?:(?P<am>{MONTH})\s+)?(?P<ay>(?:19|20)\d\d)\s+(?:and|to|until)\s+"
            # ("between June 2016 and March 15, 2017": the last day too)
            rf"(?:(?P<bd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?=(?:{MONTH})\b))?"
            rf"(?:(?P<bm>{MONTH})\s+(?:(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"
            rf"(?:(?:early|late|mid)[\s-]+)?(?P<by>(?:19|20)\d\d)",
            re.I,
        ),
    ),
    (
        "since",
        re.compile(
            rf"\bsince\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?"
            rf"(?:(?P<sd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?=(?:{MONTH}|{MONTH_SHORT})\b))?{_DATE.format(p='a')}",
            re.I,
        ),
    ),
    (  # "since March 1, 2020"
        "since",
        re.compile(
            rf"\bsince\s+(?P<am>{MONTH})\s+(?P<sd>\d{{1,2}}),?\s+(?P<ay>(?:19|20)\d\d)\b", re.I
        ),
    ),
    (
        "until",
        re.compile(
            rf"\b(?:through|until|till|up to|as of|by the end of|by)\s+"
            rf"{_DATE.format(p='b')}",
            re.I,
        ),
    ),
    (
        # "from January to June 2016", "between January and March 2017"
        "months",
        re.compile(
            rf"\bfrom\s+(?P<am>{MONTH})\s+(?:to|until|through|till)\s+(?P<bm>{MONTH})\s+"
            rf"(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year)",
            re.I,
        ),
    ),
    (
        # "between May-June 2020", "in May–June 2020", "in September and October 2022",
        # "for the April – October 2020"
        "months",
        re.compile(
            rf"\b(?:between|from|in|during|for\s+the)\s+(?P<am>{MONTH})\s*(?:[-\u2013]|\s+and\s+)\s*"
            rf"(?P<bm>{MONTH})\s+"
            rf"(?:of\s+)?(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        # "in 2010 and 2011", "in the combined years of 2015 and 2016": both, one after the other
        "two-years",
        re.compile(
            # ("in both 2015 and 2016", "en 2013 et 2014", "en 2015 y 2016", "em 2015 e 2016")
            r"\b(?:in|during|for|over|of|en|em)\s+(?:both\s+)?"
            r"(?:the\s+(?:combined\s+)?years?\s+(?:of\s+)?)?"
            r"(?P<ay>(?:19|20)\d\d)\s+(?:and|et|y|e)\s+(?P<by>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        # "2012-2015", "the period 2012–2015", "in 2014/2015"
        "years",
        re.compile(
            r"(?<![\w/-])(?P<ay>(?:19|20)\d\d)\s*[-\u2013\u2014/]\s*(?P<by>(?:19|20)\d\d)(?![\w/-])",
        ),
    ),
    (
        # "the 2022/23 financial year", "in 2009-10": a year that runs into the next, its
        # second year in two digits
        "split-year",
        re.compile(
            r"(?<![\w/-])(?P<ay>(?:19|20)\d\d)\s*[-\u2013/]\s*(?P<by>\d\d)(?![\w/%-])",
        ),
    ),
    (
        # "in the first half of 2017", "in the last quarter of 2015"
        "part",
        re.compile(
            r"\b(?:in|during|for|over)\s+the\s+(?P<which>first|second|last|third|fourth)\s+"
            r"(?P<part>half|quarter|semester|six months|three months)\s+of\s+"
            r"(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        # "as of 31 December 2015", "by 30 June 2016", "until March 31, 2016"
        "until",
        re.compile(
            rf"\b(?:through|until|till|up to|as of|as at|by)\s+(?P<bd>\d{{1,2}})\s+"
            rf"(?P<bm>{MONTH})\s+(?P<by>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "in",
        re.compile(
            rf"\b(?:in|during|for)\s+(?:the\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
            rf"year\s+{_DATE.format(p='a')}\b",
            re.I,
        ),
    ),
    # ("during the whole of 2014", "in all of 2019", "during the course of 2016", "Toward the
    # end of 2014", "Police data from 2015")
    (
        "in",
        re.compile(
            rf"\b(?:(?:in|during|for|over)\s+(?:the\s+whole\s+of\s+|all\s+of\s+)?|"
            rf"(?:in|during|at|towards?)\s+the\s+(?:course|end|beginning|start|middle)\s+of\s+|"
            rf"(?:data|figures|statistics)\s+(?:from|for)\s+){_DATE.format(p='a')}\b",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            rf"\b(?:over|during|in|for|within|through)\s+(?:a\s+period\s+of\s+|the\s+(?:past|last|first)\s+)"
            rf"(?P<n>\d+|{_WORDNUM})\s+(?P<u>months|years|weeks|days)"
            rf"(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year))?",
            re.I,
        ),
    ),
)


def _date(month: str | None, year: str | None) -> str | None:
    if not year:
        return None
    return f"{year}-{month_number(month):02d}" if month else year


# Time expressions whose year is said elsewhere: "since then" (the year named just before),
# "since February" (the year the text last named), "in the same period of 2018" (the months of
# the sentence's other period, in 2018).
SINCE_THEN = re.compile(r"\bsince\s+(?:then|that\s+(?:time|year|date))\b", re.I)
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

# "This year, by 7 August 2024, ...", "So far this year, as of 30 June 2024, ...": the day
# said is the end of a time that began with the year.
THIS_YEAR_BEFORE = re.compile(r"\b(?:so\s+far\s+)?this\s+year\s*,?\s*$", re.I)


# "up from 1,200 the year before": the year before the one the sentence names.
YEAR_BEFORE = re.compile(
    r"\b(?:the\s+year\s+before|the\s+(?:previous|preceding|prior)\s+year|"
    r"a\s+year\s+(?:earlier|before))\b",
    re.I,
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
        year = _year_before(text, s0, m.start()) or year_context
        if year:
            before = str(int(year[:4]) - 1)
            out.append((m.start(), m.end(), {"start": before, "end": before}))
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


SAID_ON = re.compile(r"\b(?:said|says|stated|added|explained|told(?:\s+\w+)?)\s+$", re.I)


# A time that is the day of writing, said of a part of a sentence.
PRESENT_TIME = re.compile(
    r"\b(?:presently|currently|at\s+present|nowadays|to\s+date|so\s+far)\b", re.I
)
# What divides a sentence into parts that may each say their own time.
SENTENCE_PART = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+")


OTHER_PART = re.compile(r",?\s+(?:while|whereas)\s+")
OPENING = re.compile(
    r"\s*(?:In|During|Since|From|Between|As\s+of|By|Until|Throughout|Over|Towards?|At|After|"
    r"Before|Desde|En|Entre|Durante|Depuis|Em)\b[^,;]*$"
)


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
    """The words between a number and a time without an aside in brackets ("3.8 billion baht
    ($117 million) in 2019")."""
    return re.sub(r"\s*\([^()]{0,40}\)", "", gap)


START_VERB = re.compile(
    r"\b(?:launched|started|began|begun|founded|established|created|set up|"
    r"initiated|signed|opened|built|inaugurated|adopted|enacted|passed|approved|"
    r"ratified|introduced|became\s+operational|"
    # "Since its creation in 2005, the hotline has received ...": a start named by a noun
    r"(?:its|their|the)\s+(?:creation|launch|establishment|inception|founding|opening|"
    r"adoption|start|beginning)|"
    # "In a report published in March 2019, X found that 72 per cent ...": the time of a
    # publication is its own, not that of the numbers it gives (not "45 victims were
    # released in March 2019", "3,000 permits were issued in 2018")
    r"(?:report|study|survey|data|figures|statistics|findings|paper|research|analysis|index|"
    r"assessment|review)(?:[\s,]+[\w’'-]+){0,4}?[\s,]+(?:was\s+|were\s+)?"
    r"(?:published|released|issued|presented|unveiled)|"
    # "entering into force on 1 February 2008, today the Convention ..."
    r"(?:entered|entering|enters|came|coming|comes)\s+into\s+force|took\s+effect)"
    r"(?:\s+[\w’'-]+){0,5}?\s+$",
    re.I,  # "Established in 2006, the programme ..."
)


def _dates_a_start(text: str, s0: int, when: int, at: int) -> bool:
    """Whether the time expression at `when` dates a start ("launched in 2009", "IOM, which
    opened its office in 2001, has assisted ..."), not the number at `at`: a number between
    the verb and the time is what the verb did then ("opened 512 investigations in 2021")."""
    m = START_VERB.search(text, max(s0, when - 60), when)
    return m is not None and not m.start() < at < when


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
    s0, s1 = sentence
    if change_against_another_time(text, s0, s1, at):
        return None  # ("a 34% jump from last year": of neither time)
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
    )
    # "in 2013-2014" holds "in 2013": an expression inside a longer one is part of it
    found = [
        x
        for x in found
        if not any(y[0] <= x[0] and x[1] <= y[1] and y[1] - y[0] > x[1] - x[0] for y in found)
    ]
    elsewhere = _periods_said_elsewhere(text, s0, s1, found, year_context)
    # "in the same period of 2018" holds the words "of 2018", read as a year of its own above
    spans = [(a, b) for a, b, _ in elsewhere]
    found = [x for x in found if not any(a <= x[0] < b for a, b in spans)]
    found = sorted(found + elsewhere, key=lambda x: x[0])
    # "31 per cent more than in the first quarter of 2020", "a 77 per cent increase from the
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
    # "..., Rhamdani said on Tuesday, August 23": the day a thing is said is not its time
    found = [x for x in found if not SAID_ON.search(text, max(s0, x[0] - 30), x[0])]
    if not found:
        return None
    c0, c1 = clause
    # "Since the US-led invasion of Iraq in 2003, IOM has evacuated ...": from that year on
    since_then = [x for x in found if _since_an_event(text, s0, x, at)]
    found = [(*x[:2], {"start": x[2].get("start")}) if x in since_then else x for x in found]
    # "a four-week training ..., which ended on 7 October 2022": the day it ended, no more
    found = [(*x[:2], _its_end(x[2])) if ENDED.search(text, s0, x[0]) else x for x in found]
    # "37,599 in 2006": an expression right after the number is its own.
    right_after = [
        x
        for x in found
        if at < x[0]
        and (
            # (a number in brackets: "3.8 billion baht ($117 million) in 2019")
            re.fullmatch(r"[\w%,.$€£ ]{0,25}?\)?\s*", _aside_cut(text[at : x[0]]))
            and x[0] - at < 30 + len(text[at : x[0]]) - len(_aside_cut(text[at : x[0]]))
            # ("120 migrants (75 men and 45 women), and in 2023 it hosted 300": another clause's)
            and not re.search(r",\s*(?:and|or|but|while|whereas)\b", _aside_cut(text[at : x[0]]))
            # "306 similar investigations in 2012": the number, the words it counts, the date
            or re.fullmatch(RIGHT_AFTER_PHRASE, _aside_cut(text[at : x[0]]))
            and not re.search(r"\b(?:and|or|but|while|whereas|than)\b", text[at : x[0]])
        )
    ]
    if right_after:
        found = right_after[:1]
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
    # "... increased from 16 in 2001 to 236 in 2004, while a UNICEF report estimated that
    # between 3,500 and 4,000 ...": a time said inside an earlier part, not opening the
    # sentence ("Since the task force was set up in 2015, ... while 948 ..."), is not of the
    # part after "while" or "whereas"
    found = [
        x for x in found if OPENING.match(text[s0 : x[0]]) or not OTHER_PART.search(text, x[1], at)
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
        found = [x for x in found if ";" not in text[at : x[0]]]
    chosen = in_clause or ([max(before, key=lambda x: x[1])] if before else found[:1])
    if not chosen:
        return None
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


# The verbs of an event's end ("which ended on 7 October 2022"); not "closed", as a border
# closed on a day is an event of that day.
ENDED = re.compile(
    r"\b(?:ended|concluded|finished|wrapped\s+up|came\s+to\s+an\s+end)\s+(?:on\s+)?$",
    re.I,
)


def _its_end(value: dict) -> dict:
    return {"end": value.get("end") or value.get("start")}


NUMBERED = re.compile(
    r"(?:\bNo\.?|\bnumber|#|\b(?:Case|Law|Decree|Act|Resolution|Bill|pp?\.))\s*$", re.I
)


def _period_value(kind: str, m: re.Match, text: str, s0: int) -> dict | None:
    g = m.groupdict()
    if kind == "range":
        return {"start": _date(g["am"], g["ay"]), "end": _date(g["bm"], g["by"])}
    if kind == "months":
        year = g.get("y") or (_year_before(text, s0, m.start()) if g.get("that") else None)
        if not year:
            return None
        return {"start": _date(g["am"], year), "end": _date(g["bm"], year)}
    if kind == "years":
        if g["by"] < g["ay"]:
            return None
        end = _date(g.get("bm"), g["by"])
        day = g.get("bd") or g.get("bd2")
        if day and g.get("bm") and 1 <= int(day) <= 31:
            end = f"{end}-{int(day):02d}"
        return {"start": _date(g.get("am"), g["ay"]), "end": end}
    if kind == "two-years":  # (not "in 2010 and 2015": two times)
        return {"start": g["ay"], "end": g["by"]} if int(g["by"]) == int(g["ay"]) + 1 else None
    if kind == "split-year":
        first = int(g["ay"])
        last = first - first % 100 + int(g["by"])
        if not first < last <= first + 10:
            return None  # not a later year of the decade after: a page, a count, a date
        if NUMBERED.search(text[max(0, m.start() - 16) : m.start()]):
            return None  # "Case No. 2020-25", "Law 2015-23": a number, no years
        return {"start": str(first), "end": str(last)}  # ("2022/23", "the period 2021-24")
    if kind == "part":
        months = {"half": 6, "semester": 6, "six months": 6, "quarter": 3, "three months": 3}
        size = months[g["part"].casefold()]
        count = 12 // size
        index = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": count - 1}
        k = index[g["which"].casefold()]
        if k >= count:
            return None
        year = g["y"]
        return {"start": f"{year}-{k * size + 1:02d}", "end": f"{year}-{(k + 1) * size:02d}"}
    if kind == "since":  # "since the end of 2015": its December (its start: the year)
        if not g["am"] and re.search(r"\bend\s+of\s+(?:19|20)\d\d$", m.group(), re.I):
            return {"start": f"{g['ay']}-12"}
        if g.get("sd") and g["am"] and 1 <= int(g["sd"]) <= 31:  # "since 01 January 2018"
            return {"start": f"{_date(g['am'], g['ay'])}-{int(g['sd']):02d}"}
        return {"start": _date(g["am"], g["ay"])}
    if kind == "until":
        end = _date(g.get("bm"), g["by"])
        if g.get("bd"):
            end = f"{end}-{int(g['bd']):02d}"
        if len(end) > 4 and THIS_YEAR_BEFORE.search(text, max(s0, m.start() - 25), m.start()):
            return {"start": end[:4] + ("-01-01" if len(end) == 10 else "-01"), "end": end}
        return {"end": end}
    if kind == "in":
        date = _date(g["am"], g["ay"])
        return {"start": date, "end": date}
    if kind == "duration":
        n = g["n"]
        count = int(n) if n.isdigit() else word_value(n)
        unit = {"months": "M", "years": "Y", "weeks": "W", "days": "D"}[g["u"].casefold()]
        value: dict = {"duration": f"P{count}{unit}"}
        year = g.get("y") or (_year_before(text, s0, m.start()) if g.get("that") else None)
        if year:
            value["start"] = value["end"] = year
            which = re.search(r"\b(first|last)\s+\S+\s+months\b", m.group(), re.I)
            if which and 1 <= count <= 12:  # "the first nine months of 2015": January-September
                first = 1 if which.group(1).casefold() == "first" else 13 - count
                value["start"], value["end"] = (
                    f"{year}-{first:02d}",
                    f"{year}-{first + count - 1:02d}",
                )
        return value
    return None


def _year_before(text: str, s0: int, pos: int) -> str | None:
    """The year "that year" refers to: the last one named before, in this sentence or the
    one before it."""
    years = re.findall(r"\b(?:19|20)\d\d\b", text[max(0, s0 - 300) : pos])
    return years[-1] if years else None
