"""A period carried to a number whose sentence says no time, from the dated number said last
before it, unless the sentence says it is of no such time.

The README's `period` (data/devset/README.md): a number takes the time of the operation,
survey, report, event or whole whose results it counts when the release dates that time, even
where its own sentence does not repeat it. The structural rules (document_periods: "Of these,",
"During the same period,") cover the sentences that say so in their first words; most do not
("The dead included 12 women", "83% are men", "Edwards added that two ships rescued 226
people"). Such a number takes the period of the dated number said last before it, in its
paragraph or the two before, unless its sentence is one the rules decide, or says it is of no
time just said: a standing, background or world figure, funding, a count so far, a plan,
another time or event, a clause of its own, a share of another whole; and unless that dated
number's own time is one compared with, or its sentence dates two counts two ways.

A logistic model over cues of tense, nearness, totals, events and the kind of period was
tried in its place: cross-validated by release on the tune half, it carried fewer periods
right than carrying every case these vetoes let through (benchmarks/period_carry.py measures
both). The period so carried is flagged in the draft and comes with its `period_reasoning`,
like every period the number's sentence does not say.
"""

from __future__ import annotations

import copy
import re

from kg.extraction.carried_periods import A_COUNT, NEW_CLAUSE, _noun_of, _said
from kg.extraction.dated_days import YEAR
from kg.extraction.document_periods import (
    _another_year_since,
    _sentence_of,
    left_to_the_rules,
    words_about,
)
from kg.extraction.period_cuts import _BY_A_FIGURE, _CHANGE, COMPARING, NOT_A_BASE, THAN
from kg.extraction.proposal import Item
from kg.extraction.units import singular

# The dated number carried from is in the number's paragraph or the two before: further back,
# an "About" paragraph or a background passage is as often of no time as of that one
PASSAGES_BACK = 2

# What the model never dates (the cues that told most often, in the tune half and in a
# review's composed releases, that a number is of no time just said): a standing, background
# or world figure ("are", "employs", "live in", "account for", "acoge", "représentent",
# "worldwide", "a nivel mundial"), funding, a count so far ("have rescued", "over the years",
# "cumulative", "já"), a plan ("will", "targets", "requires", "acogerá", "accueillera", "vai
# atender"), another time or event ("in a previous phase", "two days later", "a second boat",
# "a similar shipwreck", "en otra operación"), a time of its own with no date ("recently",
# "weeks of"), a clause of its own after the part ("..., and the office has hired 12").
STANDING = re.compile(
    r"\b(?:are|is|remain|remains|stands?|hosts?|currently|estimated|estimates|"
    r"(?:every|each|per|a)\s+(?:day|week|month|year)|during\s+the\s+(?:week|weekend)|daily|"
    r"weekly|monthly|annually|worldwide|globally|world|around\s+the\s+world|"
    r"at\s+any\s+given\s+time|million\s+people|billion|employs?|runs?|lives?|live|"
    r"accounts?\s+for|makes?\s+up|represents?|constitutes?|"
    r"cada\s+año|al\s+año|chaque\s+année|par\s+an|por\s+ano|todos\s+los\s+años|mundo|monde|"
    r"mundial|mondiale?|a\s+nivel\s+mundial|à\s+l['’]échelle\s+mondiale|acogen?|viven?|hay|"
    r"existen|representan?|constituyen|emplea|accueille|accueillent|représentent|représente|"
    r"emploie|vivent|abrigam?|vivem|representam|representa|constituem|emprega|"
    r"contribut\w*|fund(?:s|ed|ing)?|financ\w*|donat\w*|budget|grants?)\b",
    re.I,
)
PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:been\s+|already\s+)?\w+|\bover\s+the\s+years\b|"
    r"\bcumulative\w*|\ba\s+lo\s+largo\s+de\s+los\s+años|\bau\s+fil\s+des\s+ans|"
    r"\bao\s+longo\s+dos\s+anos|\bj[áa]\b|\bya\s+ha",
    re.I,
)
ANOTHER_TIME = re.compile(
    r"\b(?:previous|earlier|former|prior|future|next|separate|later|following|subsequent|"
    r"similar|second|recent|recently|siguiente|lendemain|seguinte|semblable|similar)\b|"
    r"\b(?:another|other|otr[ao]s?|autres?|outr[ao]s?)\s+(?:\w+\s+)?(?:operations?|"
    r"incidents?|cases?|raids?|events?|shipwrecks?|attacks?|rescues?|operaci\w+|opérations?|"
    r"operaç\w+|naufrag\w+|rescates?|sauvetages?|resgates?)\b|"
    r"\b(?:weeks|months|years|days|décadas?|semanas|meses|años|semaines|mois|années|anos)\s+"
    r"(?:of|de)\b",
    re.I,
)
PLAN = re.compile(
    r"\b(?:will|would|aims?|plans?|targets?|expected|expects?|goal|seeks?|to\s+be|by\s+20\d\d|"
    r"hopes?|requires?|needs?|appeals?|intends?|projected|forecast|va\s+a|vai|vão|irá|irão|"
    r"vont|prévoit|\w{3,}(?:ará|erá|irá|arán|erán|irán|arão|erão|irão))\b",
    re.I,
)
# The French future ("accueillera", "seront"), read in French only ("frontera" is Spanish)
FRENCH_FUTURE = re.compile(r"\b\w{3,}(?:era|eront|ira|iront)\b", re.I)
# A change from a figure right before it: "118 reports (up from 91 reports)", "rose from 300",
# "an increase of 10 per cent from 382", "a 45% rise on the 300": the figure changed from is
# of an earlier time
_CHANGED_FROM = (
    rf"(?:\b(?:{_CHANGE})|{_BY_A_FIGURE}(?:\s+(?:{_CHANGE}))?)\s+(?:from|over|on)\s+"
    r"(?:the\s+)?(?:[^\W\d]+\s+)?$"
)
# A figure said after a comparison ("compared with 150 in the same period of 2020"): its time
# is the one compared with, none to carry (the sentence's own figure may be: see
# _the_figure_compared)
COMPARED_FIGURE = re.compile(
    rf"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|{THAN})\b[^.;]{{0,200}}$"
    # ("147 affaires ... en 2025, contre 136 sur la même période en 2024", "frente a los
    # 120 de 2023", "against 250 in 2018"): a word right before the figure ("against" and
    # "contra" are no comparison in "cases against 337 defendants, and 309 convictions", "la
    # lucha contra la trata")
    rf"|\b(?:against|contra|{COMPARING})"
    r"\s+(?:(?:les|los|las|os|as|aux?|el|le|la|o|a)\s+)?(?:[^\W\d]+\s+){0,2}$"
    # ("an increase of 10 per cent from 382 the previous year", "a 45% rise on the 300")
    rf"|{_CHANGED_FROM}",
    re.I,
)


def _sentence(item: Item) -> tuple[int, str]:
    said = _said(item)
    a, b = said.passage.sentence_at(said.start)
    return a, said.passage.text[a:b]


# "The majority of the participants in the training, 60 per cent, ...": a share of a whole it
# names, which may be another than the count before
SHARE_OF = re.compile(
    r"\W*(?:the\s+)?(?:majority|most|half|share|proportion|percentage)\s+(?=of\s)", re.I
)


def _dated(period) -> bool:
    """Whether a period is a time (a date, or a span with a start or an end), not a length
    alone ({duration: P25Y}), nor none."""
    if isinstance(period, dict):
        return period.get("start") is not None or period.get("end") is not None
    return period is not None


def _compared(item: Item) -> bool:
    """Whether a dated number is said after a comparison, its time the compared one."""
    start, _ = _sentence(item)
    said = _said(item)
    return bool(COMPARED_FIGURE.search(said.passage.text, start, said.start))


def _never_dated(item: Item, before: Item) -> bool:
    start, _ = _sentence(item)
    words = words_about(item)
    said = _said(item)
    share = SHARE_OF.match(words)
    return bool(
        STANDING.search(words)
        or PERFECT.search(words)
        or PLAN.search(words)
        or (said.passage.language == "fr" and FRENCH_FUTURE.search(words))
        or ANOTHER_TIME.search(words)
        or NEW_CLAUSE.search(said.passage.text, start, said.start)
        or (share and _another_noun(words[share.end() :], before))
    )


def _another_noun(words: str, before: Item) -> bool:
    """Whether "of the participants in the training" names another whole than the count
    before ("5,100 migrants"): a noun that is neither the count's nor "them", "these"."""
    named = re.match(r"of\s+(?:the\s+|these\s+|those\s+)?([^\W\d_]+)", words, re.I)
    if named is None or named[1].casefold() in {"them", "these", "those", "which", "whom"}:
        return False
    noun = singular(named[1].casefold())
    return noun not in A_COUNT and noun != _noun_of(before)


def carry_cases(observations: list[Item]):
    """Each active number with no period and the dated number said last before it whose
    period it takes: (item, before)."""
    # (a number left inactive still says the time the text gives it: one to carry from)
    placed = sorted(
        (x for x in observations if _said(x) is not None),
        key=lambda x: (_said(x).passage.index, _said(x).start),
    )
    dated = [_dated(x.fields.get("period")) for x in placed]
    # (a sentence that dates two counts two ways, "300 cases in 2019, against 250 in 2018",
    # leaves it open which the next one goes on from)
    times_of = {}
    for x in placed:
        if x.fields.get("period") is not None:
            times_of.setdefault(_sentence_of(x), set()).add(str(x.fields["period"]))
    for k, item in enumerate(placed):
        if not item.active or item.fields.get("period") is not None:
            continue
        back = next((j for j in range(k - 1, -1, -1) if dated[j]), None)
        # (nothing dated near before it: nothing to carry, and the costly checks are spared)
        if back is None or _said(item).passage.index - _said(placed[back]).passage.index > (
            PASSAGES_BACK
        ):
            continue
        if item.fields.get("unit") == "times" or left_to_the_rules(item):
            continue  # (a number of times is of two times, as a change is)
        if _compared(placed[back]) or len(times_of[_sentence_of(placed[back])]) > 1:
            # (its time is the one compared with, or the sentence dates two counts: the
            # sentence's own figure, "147 cases in 2025, against 136 in 2024", is the one to
            # carry from, when it has one time; else none)
            back = _the_figure_compared(placed, dated, back, item)
            if back is None:
                continue
        # (nor past a sentence that says another year: "In fiscal year 2020, ... 309
        # convictions." then "Already in 2021, ... rescue six child victims")
        if not _never_dated(item, placed[back]) and not _another_year_since(
            placed[back], _said(item), months=False
        ):
            yield item, placed[back]


# What a share is of: "60 per cent of the cases", "la moitié des affaires"
OF_THE_NOUN = re.compile(
    r"\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent)?\s+(?:of\s+(?:the|these|those)|"
    r"de\s+(?:los|las|les)|des|dos|das)\s+([^\W\d_]+)",
    re.I,
)


def _the_figure_compared(
    placed: list[Item], dated: list[bool], back: int, item: Item
) -> int | None:
    """The dated number of the sentence of placed[back] that is not said after a comparison,
    when all such have one time ("147 cases in 2025, against 136 in 2024": the 147), or
    None; None too when `item` counts what a figure compared with counts ("147 cases in 2025,
    against 136 cases in 2024. 60 per cent of the cases": of which year's is not said; not
    "420 reports, up 10 per cent from 382 the previous year. This encompassed 118 reports":
    the reports the sentence counts are its own figure's)."""
    sentence = _sentence_of(placed[back])
    said = _said(item)
    of_the = OF_THE_NOUN.match(said.passage.text, said.end)
    noun = _noun_of(item) or (singular(of_the[1]) if of_the else "")
    if noun and any(
        _noun_of(x) == noun for x in placed if _sentence_of(x) == sentence and _compared(x)
    ):
        return None
    own = [
        j
        for j in range(back, -1, -1)
        if dated[j] and _sentence_of(placed[j]) == sentence and not _compared(placed[j])
    ]
    times = {str(placed[j].fields["period"]) for j in own}
    return own[0] if len(times) == 1 else None


CHANGED_FROM = re.compile(_CHANGED_FROM, re.I)


def undate_figures_changed_from(observations: list[Item]) -> None:
    """A figure a change starts from, given the time of the figure it changed to (the time of
    the text around both, "This encompassed 118 reports (up from 91 reports)" after "In
    2024, ..."), loses it: the text gives it none of its own (not where a year is said
    after it in its sentence, "by 4.5% from 3.6 billion in 2018 to 3.8 billion in 2019", nor
    when it counts where people come from, "60 per cent from 12 countries")."""
    placed = sorted(
        (x for x in observations if _said(x) is not None),
        key=lambda x: (_said(x).passage.index, _said(x).start),
    )
    for before, item in zip(placed, placed[1:], strict=False):
        said = _said(item)
        start, _ = _sentence(item)
        end = said.passage.sentence_at(said.start)[1]
        if (
            item.fields.get("period") is not None
            and not YEAR.search(said.passage.text, said.end, end)
            and _sentence_of(before) == _sentence_of(item)
            and str(before.fields.get("period")) == str(item.fields["period"])
            and CHANGED_FROM.search(said.passage.text, max(start, said.start - 60), said.start)
            and re.match(NOT_A_BASE, said.passage.text[said.end : said.end + 80])
        ):
            del item.fields["period"]


def carry_periods(observations: list[Item]) -> None:
    """Give each undated active number the period of the dated number said last before it
    (decided on the periods as drafted, before any is carried: one carried period does not
    carry on)."""
    undate_figures_changed_from(observations)
    for item, before in list(carry_cases(observations)):
        item.fields["period"] = copy.deepcopy(before.fields["period"])  # (its own, not shared)
        item.period_carried_from = _sentence(before)[1]
