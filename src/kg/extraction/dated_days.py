"""Days said with their year, one or a span of them, in the many ways releases write them:
"on 12 Dec 2023", "on Dec. 12, 2023", "from June 3 to June 9, 2024", "between 29 July and
28 August 2024", "on the 30th of April and 1st of May 2021", "from the 24th to the
25th of September 2024", "June 3-9, 2024", "from 30 September to 4 October 2019".

One grammar for them all: a first day (with its month, or bare when the last day's month is
its month), a link ("to", "and", "-"), a last day (with its month, or bare when the first
day's month is its month), then the year. A single day counts only after "on" (or "the
night of"): a day said otherwise ("the report, published 3 June 2024, ...") is seldom the
time of what a number counts.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extraction.number_words import MONTH, MONTH_SHORT

# A year of the centuries releases speak of, as a word of its own ("in 2019", "2019-03").
YEAR = re.compile(r"\b(?:19|20)\d\d\b")

_MONTH = rf"(?:{MONTH}|{MONTH_SHORT})(?![a-z])"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\(?)?"  # ("On Sunday (16 August)")
# ("during the night of 8-9 March", "in the evening of 21st January 2020": a day's part
# dates it as "on" does)
_PART_OF_A_DAY = r"(?:on|during|in)\s+the\s+(?:night|evening|morning|afternoon|early\s+hours)\s+of"
_LINK = r"\s*(?:-|\u2013|\u2014|to|and|until|till|through)\s*(?:the\s+)?"
_YEAR = r",?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)(?![\d/\u2013-])"

# (a first day's own year, before the last day of another year: "28 December 2023 to 3
# January 2024", "from July 17, 2023, to January 14, 2024")
_FIRST_YEAR = r"(?:,?\s+(?P<{}>(?:19|20)\d\d),?)?"
DATED_DAYS = re.compile(
    rf"(?:\b(?:(?P<on>on|{_PART_OF_A_DAY})|from|between)\s+)?{_WEEKDAY}"
    rf"(?:the\s+)?(?:"
    # a first day with its month, then perhaps a last day with its month or without
    rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}){_FIRST_YEAR.format('y1')}"
    rf"(?:{_LINK}{_WEEKDAY}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}))?"
    rf"|(?P<m3>{_MONTH})\s+(?P<d3>{_DAY}){_FIRST_YEAR.format('y3')}"
    # (the last day written either way: "between June 1st 2016 and 15 March 2017")
    rf"(?:{_LINK}{_WEEKDAY}(?:(?P<m4>{_MONTH})\s+)?(?P<d4>{_DAY})"
    rf"(?:\s+(?:of\s+)?(?P<m5>{_MONTH}))?)?"
    # a bare first day, of the last day's month
    rf"|(?P<d5>{_DAY}){_LINK}{_WEEKDAY}(?P<d6>{_DAY})\s+(?:of\s+)?(?P<m6>{_MONTH})"
    rf"){_YEAR}",
    re.I,
)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_number(name: str) -> int:
    """A month's number by its name or abbreviation ("November", "Nov.", "Sept" -> 11, 11, 9)."""
    return _MONTHS.index(name.casefold()[:3]) + 1


def _day(number: str) -> int:
    return int(re.match(r"\d+", number).group())


# A year that runs into the next, its second year in two digits ("the 2024-25 financial
# year", "in 2019/20"): the "25" is no count
SPLIT_YEAR = re.compile(r"(?:(?<![\w/-])|(?<=FY))(?:19|20)(\d\d)\s*[-\u2013/]\s*(\d\d)(?![\w/%-])")


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` says days with their year, one or more, whatever words come before them
    (the figures of a day are no counts: "On May 2-3, 2024, police raided 14 brothels"), and
    the second year of a year that runs into the next ("2024-25")."""
    return [m.span() for m in DATED_DAYS.finditer(text)] + [
        m.span(2) for m in SPLIT_YEAR.finditer(text) if (int(m[1]) + 1) % 100 == int(m[2])
    ]


def dated_days(text: str, s0: int, s1: int) -> list[tuple[int, int, dict]]:
    """The days DATED_DAYS says in [s0, s1): (start, end, {"start": day, "end": day})."""
    out = []
    for m in DATED_DAYS.finditer(text, s0, s1):
        g = m.groupdict()
        g["y1"] = g["y1"] or g["y3"]
        if g["y1"] and not (g["d2"] or g["d4"]):
            continue  # ("From 28 December 2023, ...": a start, read as "since" is)
        if g["d1"]:
            first = (g["m1"], g["d1"])
            last = (g["m2"], g["d2"]) if g["d2"] else first
        elif g["d3"]:
            first = (g["m3"], g["d3"])
            last = (g["m4"] or g["m5"] or g["m3"], g["d4"]) if g["d4"] else first
        else:
            first, last = (g["m6"], g["d5"]), (g["m6"], g["d6"])
        if first is last and not g["on"]:
            continue  # one day, not said as the time of something ("published 3 June 2024",
            # "From 1 January 2024, 5,000 have arrived": a start, "since")
        year = int(g["y"])
        try:
            start = dt.date(int(g["y1"] or year), month_number(first[0]), _day(first[1]))
            end = dt.date(year, month_number(last[0]), _day(last[1]))
        except ValueError:
            continue  # ("on 31 June 2020": no such day)
        if end < start:
            continue  # ("from 30 December to 2 January 2020": which year is the first day's?)
        if g["y1"] and int(g["y1"]) not in (year, year - 1):
            continue  # (days years apart: no span of an event)
        out.append((m.start(), m.end(), {"start": start.isoformat(), "end": end.isoformat()}))
    return out
