"""Times said relative to the day a release was written ("so far this year", "the same
period last year", "last month"), dated by the day the release states."""

from __future__ import annotations

import re

# A time said relative to the day of writing, which the release's stated day resolves:
# "so far this year", "the same period last year", "last month".
RELATIVE_PERIOD = re.compile(
    r"\b(?:(?P<same>(?:in|during|over|for|at|by)\s+the\s+same\s+(?:period|time|months?)\s+)?"
    r"(?P<which>this|last)\s+(?P<unit>year|month)"
    r"|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+(?P<since>year))\b",
    re.I,
)


def relative_periods(text: str, s0: int, s1: int, today: str | None) -> list:
    """The periods RELATIVE_PERIOD says in [s0, s1), given the day of writing."""
    if not today:
        return []
    year, month = int(today[:4]), int(today[5:7])
    out = []
    if re.search(r"\b(?:19|20)\d\d\b", text[s0:s1]):
        return []  # "Speaking in 2015, ... 'Last year we rescued 300'": of another time
    for m in RELATIVE_PERIOD.finditer(text, s0, s1):
        if re.match(r"\s+of\b", text[m.end() :]):
            continue  # "in the last month of the campaign"
        if m["since"]:  # "since the beginning of the year": January to the month of writing
            value = {"start": f"{year}-01", "end": f"{year}-{month:02d}"}
        elif m["unit"].casefold() == "year":
            shown = str(year - (m["which"].casefold() == "last"))
            value = {"start": shown, "end": shown}
        else:  # this month, or the one before it
            y, m0 = divmod(year * 12 + month - 1 - (m["which"].casefold() == "last"), 12)
            value = {"start": f"{y}-{m0 + 1:02d}", "end": f"{y}-{m0 + 1:02d}"}
        out.append((m.start(), m.end(), value))
    return out
