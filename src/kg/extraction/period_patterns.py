"""The time expressions a sentence may say of its numbers ("from 2015 to 2020", "between
January and August of that year", "in the first half of 2017"), and the period each says."""

from __future__ import annotations

import datetime as dt
import re

from kg.extraction.dated_days import month_number
from kg.extraction.figures import MONTH, MONTH_SHORT
from kg.extraction.number_words import _WORDNUM, word_value

# What a number that only looks like a year counts: people, or a plural noun (not a verb nor
# another word ending in "s": "for 2019 shows", "for 2019 thus far")
_COUNTED = (
    r"\s+(?:[a-z]+\s+)?(?:people|children|women|men|staff|police|"
    r"(?!(?:this|thus|has|was|does|shows|remains|includes|represents|marks|sees|always|"
    r"perhaps|across|whereas|unless|plus|versus|towards|besides|sometimes)\b)[a-z]{3,}(?<!ss)s\b)"
)
# (no year of a range: "in 2013-2014" is no "in 2013", the range is read as one)
_DATE = (
    # ("early 2024", "mid-2019": a part of the year, read as the year)
    # ("June, 2023." a comma between them, as some write it; not "In June, 2015 migrants": a count)
    rf"(?:(?P<{{p}}m>{MONTH}|{MONTH_SHORT})(?:,(?=\s+(?:19|20)\d\d(?:\s*[^\w\s]|$)))?\s+(?:of\s+)?"
    r"|(?:early|late|mid)(?:\s+|-))?"
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
            # ("between May 2014 and April 12, 2015": the last day too)
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
        # "between July-August 2018", "in July–August 2018", "in September and October 2022",
        # "for the March – September 2019"
        "months",
        re.compile(
            rf"\b(?:between|from|in|during|for\s+the)\s+(?P<am>{MONTH})\s*(?:[-\u2013]|\s+and\s+)\s*"
            rf"(?P<bm>{MONTH})\s+"
            rf"(?:of\s+)?(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        # "in 2012 and 2013", "in the combined years of 2017 and 2018": both, one after the other
        "two-years",
        re.compile(
            # ("in both 2017 and 2018", "en 2011 et 2012", "en 2015 y 2016", "em 2015 e 2016")
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
        # "the 2019/20 financial year", "in 2009-10": a year that runs into the next, its
        # second year in two digits
        "split-year",
        re.compile(
            r"(?:(?<![\w/-])|(?<=FY))(?P<ay>(?:19|20)\d\d)\s*[-\u2013/]\s*(?P<by>\d\d)(?![\w/%-])",
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
    # ("in FY 2018", "FY2021 figures": a fiscal year by its year, as "fiscal year 2021" is; not
    # "FY 2019/20", a year running into the next)
    (
        "in",
        re.compile(r"\bFY\s?(?P<am>)(?P<ay>(?:19|20)\d\d)\b(?!\s*[-\u2013/]\s*\d)"),
    ),
    # ("during the whole of 2012", "in all of 2019", "during the course of 2018", "Toward the
    # end of 2014")
    (
        "in",
        re.compile(
            rf"\b(?:(?:in|during|(?P<fo>for|over))\s+"
            rf"(?:the\s+whole\s+of\s+|all\s+of\s+|the\s+(?:entire\s+|whole\s+)?month\s+of\s+)?|"
            rf"(?:in|during|at|towards?)\s+the\s+(?:course|end|beginning|start|middle)\s+of\s+)"
            rf"{_DATE.format(p='a')}\b"
            # (not a count after "for" or "over": "over 2000 members", "for 2000 people")
            rf"(?(fo)(?!{_COUNTED}))",
            re.I,
        ),
    ),
    # "in 2018, 533 people were rescued; 2019, 22,189; 2020, 6,249": a year opening a part of
    # a list, its count after a comma
    (
        "in",
        re.compile(
            r"(?:(?<=;)\s*|(?<=;\s)(?:and|y|e|et)\s+)(?P<am>)(?P<ay>(?:19|20)\d\d),\s+(?=\d)"
        ),
    ),
    # "Police data from 2017": that year; not the first year of "data from 2015 to 2020" (a
    # range, read above) nor of "statistics from 2018 onwards" (a start, read below)
    (
        "in",
        re.compile(
            rf"\b(?:data|figures|statistics)\s+(?:from|for)\s+{_DATE.format(p='a')}\b"
            r"(?!\s*(?:(?:to|until|till|through|onwards?)\b|on\s*[,.;:]|and\s+(?:19|20)\d\d|"
            r"[-\u2013]))",
            re.I,
        ),
    ),
    # "from 2018 onwards", "from March 2019 on,": the start of the period
    (
        "since",
        re.compile(rf"\bfrom\s+{_DATE.format(p='a')}\s+(?:onwards?\b|on(?=\s*[,.;:]))", re.I),
    ),
    (
        # "in the year to June 2024", "over the 12 months ending March 2023": the months up to
        # and with the one named (a statistics office's year, not the calendar's)
        "months-to",
        re.compile(
            rf"\b(?:in|during|for|over)\s+the\s+(?:(?P<n>\d{{1,2}}|{_WORDNUM})\s+months|year)\s+"
            rf"(?:to|ending|ended|up\s+to|through)\s+(?:the\s+end\s+of\s+)?"
            rf"(?P<bm>{MONTH})\s+(?P<by>(?:19|20)\d\d)\b",
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


# "This year, by 12 May 2023, ...", "So far this year, as of 30 June 2024, ...": the day
# said is the end of a time that began with the year.
THIS_YEAR_BEFORE = re.compile(r"\b(?:so\s+far\s+)?this\s+year\s*,?\s*$", re.I)


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
        # "in September and October 2022": two months, one after the other, a range; "in
        # January and December 2020" two months apart, no range ("between ... and" is one)
        joined = re.search(r"\sand\s", m.group(), re.I)
        if (
            joined
            and not re.match(r"between\b", m.group(), re.I)
            and month_number(g["bm"]) != month_number(g["am"]) + 1
        ):
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
    if kind == "months-to":
        size = word_value(g["n"]) if g["n"] else 12
        if not 1 < size <= 24:
            return None
        last = int(g["by"]) * 12 + month_number(g["bm"]) - 1
        first = last - size + 1
        return {"start": f"{first // 12}-{first % 12 + 1:02d}", "end": _date(g["bm"], g["by"])}
    if kind == "two-years":  # (not "in 2010 and 2015": two times)
        return {"start": g["ay"], "end": g["by"]} if int(g["by"]) == int(g["ay"]) + 1 else None
    if kind == "split-year":
        first = int(g["ay"])
        last = first - first % 100 + int(g["by"])
        if not first < last <= first + 10:
            return None  # not a later year of the decade after: a page, a count, a date
        if NUMBERED.search(text[max(0, m.start() - 16) : m.start()]):
            return None  # "Case No. 2020-25", "Law 2015-23": a number, no years
        return {"start": str(first), "end": str(last)}  # ("2019/20", "the period 2019-22")
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
    if kind == "since":  # "since the end of 2015": its December; the beginning, its January
        if not g["am"] and (
            edge := re.search(r"\b(end|beginning|start)\s+of\s+\d{4}$", m[0], re.I)
        ):
            return {"start": f"{g['ay']}-{'12' if edge[1].casefold() == 'end' else '01'}"}
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
        count = word_value(g["n"])
        unit = {"months": "M", "years": "Y", "weeks": "W", "days": "D"}[g["u"].casefold()]
        value: dict = {"duration": f"P{count}{unit}"}
        year = g.get("y") or (_year_before(text, s0, m.start()) if g.get("that") else None)
        if year:
            value["start"] = value["end"] = year
            which = re.search(r"\b(first|last)\s+\S+\s+months\b", m.group(), re.I)
            if which and 1 <= count <= 12:  # "the first seven months of 2017": January-July
                first = 1 if which.group(1).casefold() == "first" else 13 - count
                value["start"], value["end"] = (
                    f"{year}-{first:02d}",
                    f"{year}-{first + count - 1:02d}",
                )
            days = count * {"D": 1, "W": 7}.get(unit, 0)
            if g.get("y") and re.search(r"\bfirst\s", m.group(), re.I) and 1 <= days <= 62:
                # "the first eight days of 2023", "the first two weeks of 2020": from 1 January
                start = dt.date(int(year), 1, 1)
                value["start"] = start.isoformat()
                value["end"] = (start + dt.timedelta(days=days - 1)).isoformat()
        return value
    return None


def _year_before(text: str, s0: int, pos: int) -> str | None:
    """The year "that year" refers to: the last one named before, in this sentence or the
    one before it."""
    years = re.findall(r"\b(?:19|20)\d\d\b", text[max(0, s0 - 300) : pos])
    return years[-1] if years else None
