"""A number said again: a headline's number the body states too ("45 Migrants Rescued" and
"rescued 45 migrants"), a large sum restated, and people named again by another word ("99
migrants ... The 77 returnees"), which the draft states once. A part of
`kg.extraction.numbers`."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.dated_days import YEAR
from kg.extraction.figures import Found
from kg.extraction.proposal import Item
from kg.extraction.units import unit_of


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


# People of one sex or age, and those who commit the crime: two different words of one of
# these name two groups, never the same people again.
SEX_AND_AGE = {"woman", "man", "girl", "boy", "child", "minor", "adult", "adolescent"}
OFFENDERS = {"trafficker", "smuggler", "perpetrator", "suspect", "offender", "criminal"}


def _two_groups(heads: set[str]) -> bool:
    return len(heads) == 2 and (heads <= SEX_AND_AGE or len(heads & OFFENDERS) == 1)


def _said_in_a_headline(item: Item) -> bool:
    """Whether a number was first stated in a headline: the title, or a short first passage
    that ends in no full stop ("IOM and Partners Rescue 14 Lorvanian Children")."""
    if not item.spans:
        return False
    passage = item.spans[0].passage
    text = passage.text.rstrip()
    return passage.kind == "title" or (
        passage.index <= 2 and len(text) < 160 and not text.endswith((".", "!", "?"))
    )


def _stated_in(f: Found, items: list[Item]) -> bool:
    """Whether a headline's number is one the body's items already state: the same value,
    both a percentage or neither, and the same unit when the headline says what it counts
    ("45 Migrants" is not the body's "45 per cent", nor its "45 shelters")."""
    values = {_number(v) for v in (f.value, f.low, f.high) if v is not None}
    unit = unit_of(f)[0]
    for item in items:
        if not any(str(item.fields.get(k)) in values for k in ("value", "min", "max")):
            continue
        if f.percent != (item.fields.get("unit") == "percent"):
            continue
        if unit is not None and item.fields.get("unit") not in (unit, "?"):
            continue
        return True
    return False


def qualifier_of_its_conversion(item: Item, f: Found, whole: Found | None, text: str) -> None:
    """ "about R$ 2.6 million (US$ 480,000)": an amount in brackets right after another
    amount restates it in another currency, as roughly as the first says it; "around EUR
    2800 per person or EUR 7000 for a whole family": a second amount of the same currency
    that "or" joins to a rough one is as rough."""
    if whole is None or whole.item is None or not (f.currency and whole.currency):
        return
    between = text[whole.end : f.start]
    converted = re.fullmatch(r"\s*\(\s*", between) and f.currency != whole.currency
    rough = whole.item.fields.get("qualifier", [])
    alternative = (
        re.fullmatch(r"(?:\s+(?:per|a|for\s+each)\s+\w+)?\s+or\s+", between)
        and f.currency == whole.currency
        and set(rough) & {"approximately", "estimated"}
    )
    if (converted or alternative) and item.fields.get("qualifier") == ["exact"] and rough:
        item.fields["qualifier"] = list(rough)


def sourced_again(item, f, passage) -> bool:
    """Whether the number `item` drafted, said again at `f` with no source of its own yet,
    may take the source said there: not when its clause there says a year not of its period
    ("500 victims in 2019. By comparison, 500 ... in 2010, UNODC said"; but "147 cases from
    January to September 2025, against 136 in 2024", the ministry said)."""
    if "attributed_to" in item.fields:
        return False
    period = str(item.fields.get("period"))
    years = YEAR.findall(passage.text, f.clause[0], f.clause[1])
    return all(year in period for year in years)
