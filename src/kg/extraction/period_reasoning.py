"""How a number came by its period when its own sentence does not say it.

A number takes the time of the operation, survey, event or whole it reports when the release
dates that time elsewhere (data/devset/README.md, `period`): the parts of a whole take the
whole's period, the results of an operation dated earlier take the operation's time, "yesterday"
takes the day the dateline makes of it. A sentence may also date its number with words that
only the day of writing makes a date of ("last year", "on Friday", "in March"). The period is
then inferred, not stated, and a reader of
the graph must be able to tell the two apart. The draft gives each such period its reasoning
(`period_reasoning`, kg:periodReasoning in the graph): the words of the release that date it, so
that a curator checks them and a draft published as it is keeps them.
"""

from __future__ import annotations

import json

from kg.extraction.dated_days import YEAR
from kg.extraction.event_times import TODAY
from kg.extraction.periods import SAID_ON
from kg.extraction.proposal import Item
from kg.extraction.relative_times import after_page_date, relative_periods, yearless_periods
from kg.extraction.text import Passage, Source
from kg.extraction.written_days import written_days

# The words quoted around the date that gives the period: enough to see what it dates.
QUOTED_WORDS = 14


def period_years(period) -> set[str]:
    """The years a period writes (its start's and its end's)."""
    return set(YEAR.findall(json.dumps(period, default=str)))


def period_in_its_sentence(item: Item) -> bool:
    """Whether every year of the item's period is written in the sentence of its number."""
    years = period_years(item.fields.get("period"))
    if not item.spans or not years:
        return True  # a length with no date ({duration: P6M}) is not a time taken from elsewhere
    said = item.spans[0]
    a, b = said.passage.sentence_at(said.start)
    return all(year in said.passage.text[a:b] for year in years)


def _sentences_outward(source: Source, passage: Passage, start: int):
    """The release's sentences from the number's outward: those before it in its passage
    (nearest first), the passages before (nearest first, the headline last), then those after."""
    before = [s for s in passage.sentences if s[1] <= start]
    after = [s for s in passage.sentences if s[0] > start]
    for s in reversed(before):
        yield passage, s
    for other in reversed(source.passages[: passage.index]):
        for s in reversed(other.sentences):
            yield other, s
    for s in after:
        yield passage, s
    for other in source.passages[passage.index + 1 :]:
        for s in other.sentences:
            yield other, s


def _excerpt(text: str, years: set[str]) -> str:
    """The words of a sentence around the first of the years it writes."""
    words = text.split()
    at = next(i for i, w in enumerate(words) if any(y in w for y in years))
    lo = max(0, at - QUOTED_WORDS // 2)
    shown = words[lo : lo + QUOTED_WORDS]
    return (
        ("... " if lo else "")
        + " ".join(shown)
        + (" ..." if lo + QUOTED_WORDS < len(words) else "")
    )


def _span(period) -> tuple:
    """A period as (start, end), a date d as (d, d), whatever way it is written."""
    if isinstance(period, dict):
        start = period.get("start")
        return (str(start), str(period.get("end", start)))
    return (str(period), str(period))


def words_that_date_it(item: Item, day: str | None) -> str:
    """The words of the number's own sentence that, read against `day`, the day the release
    states it was written, give the item's period ("last year", "on Friday", "in March",
    "today"); "" when none does."""
    if not day or not item.spans or "period" not in item.fields:
        return ""
    said = item.spans[0]
    text = said.passage.text
    a, b = said.passage.sentence_at(said.start)
    a = after_page_date(text, a)  # (as the period was read: after a page's date line)
    wanted = _span(item.fields["period"])
    times = relative_periods(text, a, b, day) + yearless_periods(text, a, b, day)
    for x0, x1, value in sorted(times + written_days(text, a, b, day), key=lambda x: x[0]):
        # (not words of a saying the period was not read from: "the minister said last year")
        if _span(value) == wanted and not SAID_ON.search(text, max(a, x0 - 30), x0):
            return text[x0:x1]
    if wanted == (day, day) and (m := TODAY.search(text, a, b)):
        return m.group()
    return ""


def _opening(text: str) -> str:
    """A sentence's first words."""
    words = text.split()
    return " ".join(words[:QUOTED_WORDS]) + (" ..." if len(words) > QUOTED_WORDS else "")


def period_reasoning(item: Item, source: Source, day: str | None = None) -> str | None:
    """The reasoning of an item's period that its number's sentence does not say, or None."""
    # (first: a dateline's year in the sentence does not say "so far this year"'s months)
    if words := words_that_date_it(item, day):
        item.period_words = words
        return (
            f'The number\'s own sentence dates it by the words "{words}", of the day the '
            f"release states it was written ({day}); check it."
        )
    if period_in_its_sentence(item):  # (also: no period, no years, no words to look from)
        return None
    years = period_years(item.fields["period"])
    if item.period_carried_from:
        words = item.period_carried_from
        shown = _excerpt(words, years) if any(y in words for y in years) else _opening(words)
        return (
            "The number's own sentence gives no date; it is taken to be of the time of the "
            f'count said before it, in the words "{shown}"; check it.'
        )
    said = item.spans[0]
    for passage, (a, b) in _sentences_outward(source, said.passage, said.start):
        text = passage.text[a:b]
        if all(y in text for y in years):
            where = "the headline" if passage.kind == "title" else "the release"
            return (
                "The number's own sentence gives no date; its period is the time "
                f'{where} gives, in the words "{_excerpt(text, years)}", to the operation, '
                "survey, event or whole the number reports."
            )
    # No sentence writes its years ("last year" in a release dated 2020): say so, quoting none
    return (
        "The number's own sentence gives no date, and the release writes none of the period's "
        "years: they were worked out from its time words and the date it states; check them."
    )


def explain_periods(observations: list[Item], source: Source, day: str | None) -> None:
    """Give each observation whose period its sentence does not say the reasoning of it (once
    the draft is finished: a period it leaves as a suggestion has no reasoning to keep);
    `day`: the day the release states it was written, as the periods were read with it."""
    for item in observations:
        reasoning = period_reasoning(item, source, day)
        if reasoning:
            item.fields["period_reasoning"] = reasoning
