"""Small readers shared by the item rules: relative times ("this week"), a leading article,
the end of a word, the sort key and bound of a date, and durations ("a two-day workshop").
"""

from __future__ import annotations

import re

from kg.extraction.number_words import word_value

RELATIVE_TIME = re.compile(
    r"\b(this week|next week|last week|recently|today|yesterday|this month|last month|"
    r"next month|this year|last year|next year|recent)\b",
    re.I,
)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalnum():
        pos += 1
    return pos


def _key(date: str) -> tuple[int, int]:
    parts = date.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else 0


def _bound(kind: str, value: dict) -> str | None:
    """The earliest publication date a reported period allows: the month after a reported
    end month ("through January 2008" -> 2008-02), the month after N months of a year."""
    end = value.get("end") or value.get("start")
    if not end:
        return None
    if "duration" in value and value["duration"].endswith("M") and len(end) == 4:
        months = int(value["duration"][1:-1])
        return f"{end}-{min(12, months + 1):02d}" if months < 12 else str(int(end) + 1)
    if kind in ("until", "months", "range") and len(end) == 7:
        year, month = int(end[:4]), int(end[5:])
        return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"
    return end


def _duration_of(words: str) -> tuple[str, str] | None:
    """("P2Y", "two years") for "two years", "2-year", "eighteen months"."""
    m = re.fullmatch(r"(?:an?\s+)?(\d+|[a-z-]+)[- ](year|month|week|day)s?", words.strip(), re.I)
    if not m:
        return None
    n = m.group(1)
    count = word_value(n)
    if not count:
        return None
    unit = m.group(2).casefold()
    return f"P{count}{unit[0].upper()}", f"{n} {unit}{'s' if count != 1 else ''}"


def _duration_before(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The length written just before a noun ("a two-year agreement", "an 18-month project")."""
    m = re.search(
        r"\b(\d+|[a-z]+(?:-[a-z]+)?)-(year|month|week|day)(?:-long)?\s+(?:[\w-]+\s+){0,3}$",
        text[start:end],
        re.I,
    )
    if not m:
        return None
    return _duration_of(f"{m.group(1)} {m.group(2)}")
