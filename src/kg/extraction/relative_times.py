"""Times said relative to the day a release was written ("so far this year", "the same
period last year", "last month"), and days and months said without their year ("on Oct 10",
"from April 5 to April 11", "in September"), dated by the day the release states."""

from __future__ import annotations

import datetime as dt
import functools
import re

from kg.extraction.dated_days import _PART_OF_A_DAY, _WEEKDAY, month_number
from kg.extraction.figures import MONTH, MONTH_SHORT
from kg.extraction.foreign_words import _MONTH as FOREIGN_MONTH
from kg.extraction.foreign_words import _TO as FOREIGN_TO
from kg.extraction.foreign_words import MONTHS as FOREIGN_MONTHS
from kg.extraction.foreign_words import foreign_times
from kg.extraction.foreign_year_words import YEARS_START
from kg.extraction.number_words import FULL_DATE

_MONTH = rf"(?:{MONTH}|{MONTH_SHORT})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d,.]\d)"  # (not "3,787", a count)
# ("between Tuesday 8 and Friday 18 March": a day may be named by its weekday too)
# A day or days, or a month or months, with no year after them: "on Oct 10", "on 10
# October", "since 1 July", "as of 5 April" (a total up to that day), "from June 3 to June
# 9", "between 11 and 14 May", "during the night of 8-9 March", "in September", "in
# early March", "between January and June", "in October and November".
YEARLESS = re.compile(
    rf"\b(?:(?:on|from|between|since|(?<!such\s)as\s+(?:of|at)|{_PART_OF_A_DAY})\s+{_WEEKDAY}"
    rf"(?:(?P<d5>{_DAY})\s*(?:-|\u2013|to|and)\s*{_WEEKDAY}(?P<d6>{_DAY})\s+"
    rf"(?P<m6>{_MONTH})|(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})|"
    rf"(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}))"
    rf"(?:\s*(?:-|\u2013|to|and|until)\s*{_WEEKDAY}(?:(?P<m4>{_MONTH})\s+(?P<d4>{_DAY})|"
    rf"(?P<d3>{_DAY})(?:\s+(?P<m3>{_MONTH}))?))?"
    # ("from January to 17 October": from a month's start to a day)
    rf"|(?:between|from)\s+(?P<m14>{MONTH})\s+(?:and|to|until|through)\s+(?:(?P<d7>{_DAY})\s+"
    rf"(?:of\s+)?(?P<m15>{_MONTH})|(?P<m16>{_MONTH})\s+(?P<d8>{_DAY}))"
    rf"|(?:between|from)\s+(?P<m7>{MONTH})\s*(?:and|to|until|through|-|\u2013)\s*(?P<m8>{MONTH})"
    rf"|(?:in|during)\s+(?P<m9>{MONTH})\s*(?:and|to|through|-|\u2013)\s*(?P<m10>{MONTH})"
    rf"|since\s+(?:early\s+|late\s+|mid-?)?(?P<m11>{MONTH})"  # ("Since May, 165 ...")
    # ("Desde mayo", "Depuis mai", "en marzo", "au mois de juin", "em maio")
    rf"|(?:desde|depuis)\s+(?:(?:el\s+mes\s+de|le\s+mois\s+de)\s+)?(?P<m12>{FOREIGN_MONTH})"
    rf"|(?:en|durante|em|pendant|durant|au\s+mois\s+de|en\s+el\s+mes\s+de|no\s+m[êe]s\s+de)"
    rf"\s+(?P<m13>{FOREIGN_MONTH})"
    rf"|(?:in|during)\s+(?:early\s+|late\s+|mid-?)?(?P<m5>{MONTH})"
    rf"(?!\s*(?:and|to|-|\u2013)\s*{MONTH})"
    # ("entre 10 e 17 de junho", "del 10 al 17 de junio", "du 10 au 17 juin", "el 5 de mayo",
    # "le 5 mai", "no dia 5 de maio")
    # (and its first month: "entre 15 de setembro e 15 de outubro", "du 15 septembre au 15
    # octobre")
    rf"|(?:del?|du|desde(?:\s+el)?|entre(?:\s+(?:el|le|o))?|do)\s+(?P<d9>\d{{1,2}})(?:er|º)?"
    rf"(?:(?:\s+de)?\s+(?P<m19>{FOREIGN_MONTH}))?{FOREIGN_TO}"
    rf"(?:el\s+|le\s+|o\s+)?(?P<d10>\d{{1,2}})(?:er|º)?(?:\s+de)?\s+(?P<m17>{FOREIGN_MONTH})"
    rf"|(?:el|le|no\s+dia|em)\s+(?P<d11>\d{{1,2}})(?:er|º)?(?:\s+de)?\s+(?P<m18>{FOREIGN_MONTH}))\b"
    rf"(?!,?\s*(?:(?:of|de|del|da|do)\s+)?(?:19|20)\d\d)",
    re.I,
)

# A time said relative to the day of writing, which the release's stated day resolves:
# "so far this year", "the same period last year", "last month".
RELATIVE_PERIOD = re.compile(
    # ("so far this year" first: "this year to date" is no whole year)
    r"\b(?:(?P<so_far>(?:so|thus)\s+far\s+this\s+year|this\s+year\s+(?:to\s+date|so\s+far)|"
    r"(?<!\bthe\s)year[\s-]to[\s-]date|en\s+lo\s+que\s+va\s+del?\s+(?:este\s+)?año|"
    r"desde\s+(?:el\s+)?(?:inicio|principios?|comienzo)\s+del?\s+(?:este\s+)?año|"
    r"depuis\s+le\s+d[ée]but\s+de\s+(?:l['’]ann[ée]e|cette\s+ann[ée]e)|"
    r"desde\s+o\s+in[íi]cio\s+do\s+ano|desde\s+o\s+come[çc]o\s+do\s+ano)"
    r"|(?P<same>(?:in|during|over|for|at|by)\s+the\s+same\s+(?:period|time|months?)\s+)?"
    # (not "in the last year": the twelve months before, not the calendar year)
    r"(?<!\bthe\s)(?P<which>this|last)\s+(?P<unit>year|month)"
    r"|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+(?P<since>year))\b",
    re.I,
)


# "so far in 2018", "in 2018 so far", "thus far in 2019", "en lo que va del año 2019": the year
# up to the day of writing, when written that year
SO_FAR_IN_A_YEAR = re.compile(
    r"\b(?:(?:so|thus)\s+far\s+in\s+(?P<y1>(?:19|20)\d\d)|in\s+(?P<y2>(?:19|20)\d\d)\s+(?:so|thus)\s+far"
    r"|en\s+lo\s+que\s+va\s+del?\s+(?:año\s+)?(?P<y3>(?:19|20)\d\d)"
    # ("since the beginning of 2021", "depuis le début de l'année 2021", written in 2021)
    rf"|(?:since\s+the\s+(?:beginning|start)\s+of(?:\s+the\s+year)?|(?:desde|depuis|dès)\s+"
    rf"{YEARS_START})\s*"
    r"(?P<y4>(?:19|20)\d\d))\b",
    re.I,
)


# The opening of a sentence that a dateline's day begins: up to its dash.
DATED_LINE = re.compile(  # (its dash after a stop too: "Buenos Aires, 5 de marzo de 2024.-")
    r"[^.]{0,60}?\b(?P<year>(?:19|20)\d\d)\s*(?:\([^()]{2,30}\)\s*)?\.?[-\u2013\u2014]+\s"
)


# "this year" said after a day or month in the three other languages: "entre el 10 y el 16
# de febrero de este año", "de janeiro a outubro deste ano", "du 3 au 9 mars de cette année"
FOREIGN_THIS_YEAR = re.compile(
    r"\s+(?:de\s+este\s+(?:año|ano)|deste\s+ano|de\s+cette\s+année)\b", re.I
)


def _foreign_this_year(text: str, s0: int, s1: int, year: int) -> list:
    """The times a sentence of another language says with "de este año": read as if it said
    the year of writing there (the time ending at those words)."""
    out = []
    for m in FOREIGN_THIS_YEAR.finditer(text, s0, s1):
        said = f" de {year}"  # (the offsets before the words are the text's own)
        for a, b, value in foreign_times(text[: m.start()] + said, s0, m.start() + len(said)):
            if b == m.start() + len(said):
                out.append((a, m.end(), value))
    return out


# "este año", "cette année", "este ano", "el año pasado", "l'an dernier", "o ano passado",
# "el mes pasado", "le mois dernier": this or last year or month in the three other languages
FOREIGN_RELATIVE = re.compile(
    r"\b(?:(?P<this>(?:este|neste|cette)\s+(?:año|ano|année|annee|mes|mês|mois))|"
    r"(?P<last>(?:el|o|no)\s+(?:año|ano|mes|mês)\s+(?:pasado|passado)|el\s+pasado\s+(?:año|mes)|"
    r"l['’](?:an|année)\s+(?:derni[èe]re?|pass[ée]e?)|le\s+mois\s+(?:dernier|pass[ée]))"
    r")(?![\w-])",
    re.I,
)


# A part of the year said before "this year" or "last year" ("in the first half of this
# year", "the last quarter of last year", "the first six months of this year")
PART_OF_THE_YEAR = re.compile(
    r"\b(?P<which>first|second|third|fourth|last)\s+(?P<part>half|quarter|semester|"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)\s+of\s+$",
    re.I,
)
_MONTHS_IN = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip


def _part_of_the_year(part: re.Match, year: int) -> dict | None:
    """The months of `year` a PART_OF_THE_YEAR says: the first half, 01 to 06; the last
    quarter, 10 to 12; the first eight months, 01 to 08 (the last N months: none, as they
    may run to the day of writing)."""
    n = part["n"]
    size = int(n) if n and n.isdigit() else _MONTHS_IN.get((n or "").casefold())
    which = part["which"].casefold()
    if size is not None:
        return (
            {"start": f"{year}-01", "end": f"{year}-{size:02d}"}
            if which == "first" and 0 < size < 12
            else None
        )
    size = 6 if part["part"].casefold() in ("half", "semester") else 3
    k = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": 12 // size - 1}[which]
    if k >= 12 // size:
        return None
    return {"start": f"{year}-{k * size + 1:02d}", "end": f"{year}-{(k + 1) * size:02d}"}


def _this_or_last(unit: str, last: bool, year: int, month: int) -> dict:
    """This or last year ("2019") or month ("2019-04") of the day of writing's year and month."""
    if unit == "year":
        shown = str(year - last)
    else:
        y, m0 = divmod(year * 12 + month - 1 - last, 12)
        shown = f"{y}-{m0 + 1:02d}"
    return {"start": shown, "end": shown}


def _foreign_relative(text: str, s0: int, s1: int, year: int, month: int) -> list:
    out = []
    for m in FOREIGN_RELATIVE.finditer(text, s0, s1):
        unit = "month" if re.search(r"\b(?:mes|mês|mois)\b", m.group(), re.I) else "year"
        value = _this_or_last(unit, m["last"] is not None, year, month)
        out.append((m.start(), m.end(), value))
    return out


def relative_periods(text: str, s0: int, s1: int, today: str | None) -> list:
    """The periods RELATIVE_PERIOD says in [s0, s1), given the day of writing; the days and
    months said with "de este año" and its like (FOREIGN_THIS_YEAR)."""
    if not today:
        return []
    year, month = int(today[:4]), int(today[5:7])
    out = _foreign_this_year(text, s0, s1, year)
    # a dateline's day ("GENEVA, 6 May 2016 – UNICEF today said ...") is the day of writing
    dateline = DATED_LINE.match(text, s0, s1)
    if dateline and int(dateline["year"]) == year:
        s0 = dateline.end()
    if re.search(r"\b(?:19|20)\d\d\b", text[s0:s1]):
        # ("Speaking in 2015, ... 'Last year we rescued 300'": another time); but "so far in
        # 2018", written in 2018, is January to that day
        return [
            (m.start(), m.end(), {"start": f"{year}-01", "end": today})
            for m in SO_FAR_IN_A_YEAR.finditer(text, s0, s1)
            if int(m["y1"] or m["y2"] or m["y3"] or m["y4"]) == year
        ]
    out += _foreign_relative(text, s0, s1, year, month)
    said = list(RELATIVE_PERIOD.finditer(text, s0, s1))
    so_far = any(m["since"] or m["so_far"] for m in said)
    for m in said:
        if re.match(r"\s+of\b", text[m.end() :]):
            continue  # "in the last month of the campaign"
        if m["since"] or m["so_far"]:  # "since the beginning of the year": January to the
            value = {"start": f"{year}-01", "end": today}  # day of writing
        elif m["same"] and so_far and m["which"].casefold() == "last" and len(today) >= 10:
            # "so far this year, 2,585 ..., against 915 at the same time last year": the same
            # months a year before
            value = {"start": f"{year - 1}-01", "end": _a_year_before(today)}
        else:  # this year or month, or the one before it
            last = m["which"].casefold() == "last"
            value = _this_or_last(m["unit"].casefold(), last, year, month)
            part = PART_OF_THE_YEAR.search(text, max(s0, m.start() - 40), m.start())
            if part and m["unit"].casefold() == "year" and not m["same"]:
                # ("in the first half of this year": its first six months)
                value = _part_of_the_year(part, year - last) or value
        out.append((m.start(), m.end(), value))
    return out


def _a_year_before(day: str) -> str:
    """The same day a year before (28 February for a 29 February)."""
    written = dt.date.fromisoformat(day[:10])
    try:
        return written.replace(year=written.year - 1).isoformat()
    except ValueError:
        return written.replace(year=written.year - 1, day=28).isoformat()


# The day a page was dated, that the corpus writes before its first sentence: "date
# 2024-06-24 Interpol announced on Monday that 219 people ..." (no time of the sentence's own).
PAGE_DATE = re.compile(r"\s*date\s+(?:19|20)\d\d-\d\d(?:-\d\d)?\s+")


def after_page_date(text: str, s0: int) -> int:
    """Where a sentence starting at s0 starts after the page's date that opens it."""
    m = PAGE_DATE.match(text, s0)
    return m.end() if m else s0


def page_month(passages) -> str | None:
    """The month of the page's date that opens the first passage, when it dates the page to
    its month only ("date 2023-05 ...": "this year" is 2023, "last month" 2023-04)."""
    for passage in passages[:2]:  # (the headline, or the body's first passage)
        if m := re.match(r"\s*date\s+((?:19|20)\d\d-\d\d)\s", passage.text):
            return m.group(1)
    return None


def last_year_said(passage) -> str | None:
    """The last year a passage (or None) names, as a year of its own ("2030 Agenda": none)."""
    return _last_year_in(passage.text) if passage else None


@functools.lru_cache(maxsize=16)  # (asked again for each number of the next passage)
def _last_year_in(text: str) -> str | None:
    years = _years_said(text, 0, len(text))
    return years[-1] if years else None


# A date said in full ("December 4, 2023", "4 December 2023", "01/12/2023"): its year is a
# time too
DATE_SAID = re.compile(rf"\b{FULL_DATE}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d\d\b", re.I)


def _years_said(text: str, a: int, b: int) -> list[str]:
    found = [(m.start(), m["year"]) for m in YEAR_SAID.finditer(text, a, b)]
    found += [(m.start(), m.group()[-4:]) for m in DATE_SAID.finditer(text, a, b)]
    return [year for _, year in sorted(found)]


# A year said as the time of something ("in 2025", "during 2024", "since May 2019"), not a
# count ("About 2000 migrants"), a name ("the 2030 Agenda", "Vision 2030"), a target ("by
# 2030") nor a start ("founded in 1998")
YEAR_SAID = re.compile(
    rf"(?<!founded )(?<!established )(?<!created )(?<!launched )"
    rf"\b(?:in|during|since|throughout|for|of|from|until|through)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{MONTH}\s+)?(?P<year>(?:19|20)\d\d)\b(?!\s+(?:Agenda|Vision)\b)",
    re.I,
)


def yearless_periods(
    text: str, s0: int, s1: int, today: str | None, year_said: str | None = None
) -> list:
    """The days and months YEARLESS says in [s0, s1), in the year of the day of writing (the
    year before, for a date more than two months after that day: "on 28 December" in a
    release of 5 January). A release that states no day of writing dates its months by the
    year it last named (in this sentence or the 300 characters before it, else `year_said`,
    the last of the passage before): "surged in 2025. Between January and June, over
    238,000 migrants ..."; its days stay undated. A page dated to its month only dates them
    as written by that month's last day."""
    if not today or len(today) < 7:
        return _months_of_the_year_said(text, s0, s1, year_said)
    # (a page dated to its month only: written by that month's last day, "entre 10 e 17 de
    # junho" on a page of July 2023 is of 2023)
    month_end = dt.date(int(today[:4]), int(today[5:7]), 28) + dt.timedelta(days=4)
    written = (
        dt.date.fromisoformat(today[:10])
        if len(today) >= 10
        else month_end - dt.timedelta(days=month_end.day)
    )
    out = []
    for m in YEARLESS.finditer(text, s0, s1):
        months = _months(m)
        if months:
            first, last = months
            # (a month "since" is past: the year before for a later month than the day's)
            ahead = written.month if m["m11"] or m["m12"] else written.month + 2
            year = written.year - (first > ahead)
            value = {"start": f"{year}-{first:02d}", "end": f"{year}-{last:02d}"}
            out.append((m.start(), m.end(), _since(m, value)))
            continue
        if m["m14"]:  # (a month's start to a day of a later month)
            first, day = month_number(m["m14"]), int(re.match(r"\d+", m["d7"] or m["d8"]).group())
            try:
                end = dt.date(written.year, month_number(m["m15"] or m["m16"]), day)
            except ValueError:
                continue
            if end > written + dt.timedelta(days=62):
                end = end.replace(year=end.year - 1)
            if first <= end.month:
                out.append(
                    (m.start(), m.end(), {"start": f"{end.year}-{first:02d}", "end": str(end)})
                )
            continue
        foreign = m["m19"] or m["m17"] or m["m18"]
        first_month = (
            FOREIGN_MONTHS[foreign.casefold()]
            if foreign
            else month_number(m["m1"] or m["m2"] or m["m6"])
        )
        first_day = int(
            re.match(r"\d+", m["d1"] or m["d2"] or m["d5"] or m["d9"] or m["d11"]).group()
        )
        last_month = month_number(m["m4"] or m["m3"]) if (m["m4"] or m["m3"]) else first_month
        last_month = FOREIGN_MONTHS[m["m17"].casefold()] if m["m19"] else last_month
        last = m["d4"] or m["d3"] or m["d6"] or m["d10"]
        last_day = int(re.match(r"\d+", last).group()) if last else first_day
        try:
            start = dt.date(written.year, first_month, first_day)
            end = dt.date(written.year, last_month, last_day)
        except ValueError:
            continue  # "on February 30": no day
        if end < start and m["m19"]:  # ("del 15 de diciembre al 15 de enero": the year before's)
            start = start.replace(year=start.year - 1)
        if start > written + dt.timedelta(days=62):
            start, end = start.replace(year=start.year - 1), end.replace(year=end.year - 1)
        if end < start:
            continue
        if m.group().casefold().startswith("since"):  # "since 1 July": from that day on
            out.append((m.start(), m.end(), {"start": start.isoformat()}))
            continue
        if m.group().casefold().startswith("as"):  # "As of 5 April, 4.3 million have fled"
            out.append((m.start(), m.end(), {"end": end.isoformat()}))  # (a total up to then)
            continue
        out.append((m.start(), m.end(), {"start": start.isoformat(), "end": end.isoformat()}))
    return out


def _months(m: re.Match) -> tuple[int, int] | None:
    """The first and last month a YEARLESS match of months says, or None for days."""
    if m["m5"] or m["m11"]:
        return month_number(m["m5"] or m["m11"]), month_number(m["m5"] or m["m11"])
    if m["m12"] or m["m13"]:
        month = FOREIGN_MONTHS[(m["m12"] or m["m13"]).casefold()]
        return month, month
    first, last = m["m7"] or m["m9"], m["m8"] or m["m10"]
    if not first:
        return None
    first, last = month_number(first), month_number(last)
    return (first, last) if first <= last else None  # ("from November to February": two years)


def _since(m: re.Match, value: dict) -> dict:
    """ "since May": from that month on, its end open."""
    return {"start": value["start"]} if m["m11"] or m["m12"] else value


def _months_of_the_year_said(text: str, s0: int, s1: int, year_said: str | None) -> list:
    out = []
    for m in YEARLESS.finditer(text, s0, s1):
        months = _months(m)
        if m["m11"] or m["m12"]:
            continue  # ("Since May" with no day of writing: of which year, the text does not say)
        years = _years_said(text, max(0, s0 - 300), m.start())
        year = years[-1] if years else year_said
        if months and year:
            value = {"start": f"{year[:4]}-{months[0]:02d}", "end": f"{year[:4]}-{months[1]:02d}"}
            out.append((m.start(), m.end(), _since(m, value)))
    return out


# Times of something else than a number: what it is compared with ("24 per cent more than in
# 2020"), and the event a period starts at ("Since the invasion of Iraq in 2003, ...").
_CHANGE = r"increase|rise|drop|fall|jump|decrease|decline|growth|surge|reduction"
_FOREIGN_COMPARED = (
    r"par\s+rapport\s+(?:à|au|aux)|compar[ée]e?s?\s+(?:à|au|aux|avec)|"
    r"en\s+comparaison\s+(?:de|avec)|en\s+comparaci[óo]n\s+con|comparad[oa]s?\s+(?:con|com|a)|"
    r"frente\s+a|(?:con\s+)?respecto\s+(?:a|al)|em\s+compara[çc][ãa]o\s+(?:com|a)|"
    r"em\s+rela[çc][ãa]o\s+(?:a|ao|à)"
)
COMPARED_WITH = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|against|versus|vs\.?|relative\s+to)\s+"
    r"(?:(?:in|during|for|over|with|to)\s+)?(?:the\s+)?(?:same\s+(?:period|time|months?)\s+"
    r"(?:in|of|last)\s+)?[^,;.]{0,25}$"
    # "compared to the 1,100 people who made the crossing in 2017": a longer one, with a number
    r"|\bcompared\s+(?:to|with)\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60}$"
    r"|\bfrom\s+the\s+same\s+(?:period|time|months?)\s+(?:in|of|last)\s+(?:the\s+)?$"
    # "(more than 1000) ..., an increase of 35 per cent on the previous year", "up by five per
    # cent on the previous year": a change, then the time it is measured against
    rf"|\b(?:{_CHANGE}|up|down)\b[^,;.]{{0,40}}\b(?:on|over|from)\s+$"
    # "32,115 landed, up from 29,130 in 2017": the compared figure, with its own time
    # (a figure right after it: not "1,200 migrants were picked up from the sea in 2019")
    r"|\b(?:up|down)\s+from\s+(?:(?:about|some|nearly|around|almost|over|more\s+than|"
    r"less\s+than)\s+)?[$€£]?\s*\d(?:[^,;.]|(?<=\d)[,.](?=\d)){0,40}$"
    # "almost the same as the total recorded in the first five months of 2015"
    r"|\b(?:the\s+same\s+as|similar\s+to)\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60}$"
    # the same in French, Spanish and Portuguese: "27% par rapport au mois de novembre 2016",
    # "en comparación con 2019", "em relação a 2020"
    rf"|\b(?:{_FOREIGN_COMPARED})\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){{0,60}}$"
    # "41% en plus qu'en 2016", "más víctimas que en 2019", "mais do que em 2020"
    r"|\b(?:plus|moins|m[áa]s|menos|mais|mayor|menor|davantage)\b[^,;.]{0,40}?"
    # (not the "que" of a clause, "500 migrantes más que cruzaron la frontera en 2021"; "más
    # de lo que se registró en 2020", "mais do que se registrou" are comparisons)
    r"(?:\b(?:de\s+lo|del|de\s+l[oa]s?|do|da|dos|das)\s+que\b|"
    r"(?:\bqu['’]|\bque\s+)\s*(?:(?:en|em|no|na|dans|durant|durante|el|la|le|les|los|las|"
    r"au|aux|o|os|a|as|lo|l['’]|del|do|da|du|de|des|hace|il|ce|cette|este|esta)\b|\d|$))"
    r"[^,;.]{0,25}$",
    re.I,
)
# Words that compare a time only when what follows is that time or a figure: "frente a 2019",
# "em relação ao mesmo período de 2020"; not "frente a las costas de Libia en marzo de 2020",
# "em relação ao tráfico de pessoas em 2020", "par rapport à la traite en 2019"
_COMPARED_OR_ABOUT = re.compile(
    r"(?:frente\s+a|(?:con\s+)?respecto\s+(?:a|al)|em\s+rela[çc][ãa]o\s+(?:a|ao|à)|"
    r"par\s+rapport\s+(?:à|au|aux))\s+",
    re.I,
)
_A_CHANGE_SAID = re.compile(
    r"%|\bpor\s+ciento\b|\bpour\s+cent\b|\bpor\s+cento\b|\b(?:m[áa]s|menos|plus|moins|mais|"
    r"hausse|baisse|augment|diminu|aument|disminu|reducci[óo]n|redu[çc][ãa]o|queda|ca[íi]da|"
    r"caiu|cay[óo]|subi|baj[óo]|creci|cresc|superior|inferior|mayor|menor|maior|more|less|"
    r"fewer|higher|lower|increase|decrease|rise|drop|fall)",
    re.I,
)
_TIME_WORDS = re.compile(
    rf"(?:(?:el|la|los|las|le|les|l['’]|lo|o|os|as|a|à|ao|aos|au|aux|al|del|de|du|des|do|da|"
    rf"dos|das|d['’]|en|em|no|na|nos|nas|igual|mismo|misma|mesmo|mesma|même|per[íi]odo|"
    rf"p[ée]riode|mes|meses|mois|m[êe]s|a[ñn]o|a[ñn]os|ann[ée]e|an|ano|anos|trimestre|"
    rf"semestre|semana|semaine|anterior|pr[ée]c[ée]dente?|passado|pasado|derni[eè]re?|"
    rf"primer|primera|premier|premi[eè]re|primeiro|primeira|ce|cette|este|esta|"
    rf"{FOREIGN_MONTH})\b['’]?\s*)*",
    re.I,
)


# A comparison or a change that opens a time's words (compiled once: read for each time found
# beside each number)
COMPARED_OR_SAME = re.compile(rf"compared|the\s+same|similar|{_FOREIGN_COMPARED}", re.I)
A_CHANGE_WORD = re.compile(rf"(?:{_CHANGE}|up|down)\b", re.I)


def _compared_with(text: str, a: int, b: int, at: int) -> bool:
    """Whether the time expression at b follows a comparison that begins after the number at
    `at` ("24 per cent more than in 2020"), so that it dates what the number is compared with."""
    m = COMPARED_WITH.search(text, a, b)
    if m is None or m.start() <= at:
        return False
    # ("more than 300 were assisted in 2019": "than" and a number is a qualifier, no
    # comparison; "compared to the 1,500 who crossed in 2019" is one)
    if (about := _COMPARED_OR_ABOUT.match(text, m.start())) and not re.search(
        r"\d", text[about.end() : b]
    ):
        # (what follows is that time, or the number said before is a change or a share: "un
        # 12% más frente a lo registrado en 2020")
        return (
            _TIME_WORDS.fullmatch(text, about.end(), b) is not None
            or _A_CHANGE_SAID.search(text, at, m.start()) is not None
        )
    return not (
        re.search(r"\d", text[m.start() : b])
        and not COMPARED_OR_SAME.match(m.group())
        and not A_CHANGE_WORD.match(m.group())
    )


# A share that is a change ("a 43% increase", "24 per cent more than"), in a sentence that
# measures it against another time ("compared to the previous two months", "a 27% jump from
# last year", "from the number of arrivals during October"): it dates neither time, as a
# number of times does not. ("increased by 4.53% from 3.6 billion baht in 2018 to 3.8
# billion in 2019" is a change over the years it names, and no share followed by a change.)
A_CHANGE = re.compile(
    rf"[\d.,]+\s*(?:%|per\s*cent|percent)\s+(?:(?:\w+\s+)?(?:{_CHANGE})\b"
    r"|(?:more|less|fewer|higher|lower)\s+(?:[a-z-]+\s+){0,3}than\b)",
    re.I,
)
AGAINST_ANOTHER_TIME = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|versus)\b|\bthan\s+(?:in|during|over|for|at|on|last|"
    r"the\s+(?:same|previous|prior|preceding|last|year|month)|a\s+year|(?:19|20)\d\d)\b"
    r"|\bthan\s+(?:the\s+)?\d"  # ("15 percent lower than the 3,771 figure of 2015")
    r"|\b(?:from|over|on)\s+(?:the\s+)?(?:(?:last|previous|prior|same|preceding)\b|"
    r"(?:year|month|period)s?\s+before\b|number\s+of\b)",
    re.I,
)


def change_against_another_time(text: str, s0: int, s1: int, at: int) -> int | None:
    """Where the comparison starts when the number at `at` is a change (A_CHANGE) its
    sentence [s0, s1) measures against another time (AGAINST_ANOTHER_TIME), else None."""
    m = A_CHANGE.match(text, at) or (
        # ("an increase of 35 per cent on the previous year": the change said before its share)
        SHARE.match(text, at) and CHANGE_BEFORE.search(text, max(s0, at - 40), at)
    )
    against = AGAINST_ANOTHER_TIME.search(text, at, s1) if m else None
    if m and against is None and AGAINST_ANOTHER_TIME.search(text, s0, at):
        return s0  # (the comparison said before the change: no time of the sentence is its)
    return against.start() if against else None


SHARE = re.compile(r"(?:[\d.,]+|[a-z-]+)\s*(?:%|per\s*cent|percent)", re.I)
CHANGE_BEFORE = re.compile(
    rf"\b(?:{_CHANGE}|up|down|rose|fell|grew|dropped|increased|decreased)\s+(?:by\s+|of\s+)(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|"
    r"more\s+than\s+)?$",
    re.I,
)


# ("Depuis le lancement de l’Initiative ... au Mali en mai 2017, 10 112 migrants")
SINCE_AN_EVENT = re.compile(
    r"\b(?:[Ss]ince|[Dd]epuis|[Dd]esde)\s+(?:the\s+|le\s+|la\s+|el\s+|o\s+|a\s+)?"
    r"(?:[\w’'-]+\s+){1,20}$"
)


def _since_an_event(text: str, s0: int, x, at: int) -> bool:
    """A time that dates the event a "since" names: one that opens the sentence (a comma after:
    not "Since ... were"), or ends it after the number ("rescued 96 victims since the
    establishment of the Unit in 2005.")."""
    after = text[x[1] : x[1] + 1]
    return bool(SINCE_AN_EVENT.search(text, max(s0, x[0] - 160), x[0])) and (
        after == "," or (at < x[0] and after in (".", ""))
    )
