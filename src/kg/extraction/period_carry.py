"""A period carried to a number whose sentence says no time, from the dated number said last
before it, when a small learned model says the number is of that time.

The README's `period` (data/devset/README.md): a number takes the time of the operation,
survey, report, event or whole whose results it counts when the release dates that time, even
where its own sentence does not repeat it. The structural rules (document_periods: "Of these,",
"During the same period,") cover the sentences that say so in their first words; most do not
("The dead included 12 women", "83% are men", "Edwards added that two ships rescued 226
people"), and whether such a number is of the time just dated or a standing figure is told by
many weak cues at once: how near the dated number is, whether the sentence is in the past,
speaks of a total so far, a plan, a world or standing figure, whether the dated time is a year
or a span, how many times the release dates. A logistic model over those cues, fitted on the
development set's tune half by `benchmarks/period_carry.py` (cross-validated by release there),
decides; its weights are below. The period so carried is flagged in the draft and comes with
its `period_reasoning`, like every period the number's sentence does not say.
"""

from __future__ import annotations

import math
import re

from kg.extraction.carried_periods import A_COUNT, NEW_CLAUSE, _noun_of
from kg.extraction.document_periods import left_to_the_rules
from kg.extraction.proposal import Item
from kg.extraction.units import singular

# A number is given its period when the model's probability reaches this (fixed before
# fitting: the even odds of a carried period being right, not a tuned figure)
THRESHOLD = 0.5
# The dated number carried from is in the number's paragraph or the two before: further back,
# an "About" paragraph or a background passage is as often of no time as of that one
PASSAGES_BACK = 2

# The sentence goes on from a count before it ("Of these", "Among them", "Del total", "dont")
POINTS_BACK = re.compile(
    r"^\W*(?:of\s+(?:these|them|those|the\s+total|whom|which)|among\s+(?:them|these|those|the)|"
    r"including|this\s+(?:number|figure|total|group)|these|those|they|the\s+majority|most\s+of|"
    r"half\s+of|some\s+of|in\s+addition|another|a\s+further|del\s+total|"
    r"de\s+(?:ellos|ellas|estos|estas)|entre\s+(?:ellos|ellas|estos|estas|eles|elas)|"
    r"parmi\s+(?:eux|elles|ces)|dont|destes|destas|dos\s+quais|das\s+quais|de\s+los\s+cuales|"
    r"de\s+las\s+cuales)\b",
    re.I,
)
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
PAST = re.compile(
    r"\b(?:were|was|had|did|\w{3,}ed|fueron|fue|han\s+sido|ont\s+été|a\s+été|foram|foi)\b", re.I
)
PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:been\s+|already\s+)?\w+|\bover\s+the\s+years\b|"
    r"\bcumulative\w*|\ba\s+lo\s+largo\s+de\s+los\s+años|\bau\s+fil\s+des\s+ans|"
    r"\bao\s+longo\s+dos\s+anos|\bj[áa]\b|\bya\s+ha",
    re.I,
)
SO_FAR = re.compile(
    r"\b(?:since|to\s+date|so\s+far|in\s+total|overall|total|desde|"
    r"hasta\s+la\s+fecha|depuis|até\s+agora)\b",
    re.I,
)
# What is dated and counted: an operation, survey, report, training, rescue, wreck
EVENT = re.compile(
    r"\b(?:operation|raids?|survey|report|study|campaign|training|workshop|course|convoy|"
    r"flight|rescue|rescued|intercept\w*|boat|capsiz\w*|shipwreck|operativo|operación|"
    r"opération|operação|encuesta|informe|rapport|relatório|taller|formation|atelier)\b",
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
# A figure said after a comparison ("compared with 150 in the same period of 2020"): its time
# is the one compared with, none to carry
COMPARED_FIGURE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than|against|versus|up\s+from|down\s+from|after)\b[^.;]*$",
    re.I,
)

# Fitted by benchmarks/period_carry.py on the tune half (do not edit by hand: run it again).
# weights: start
WEIGHTS = {
    "bias": -0.037,
    "same_passage": 0.189,
    "same_sentence": 0.0,
    "adjacent_sentence": 0.76,
    "passages_apart_2plus": 0.672,
    "numbers_between_0": -0.021,
    "numbers_between_3plus": -0.38,
    "cand_in_title": -1.299,
    "x_percent": 0.125,
    "same_unit": -0.028,
    "x_person": 0.422,
    "point_start": 1.114,
    "past": -0.284,
    "total": 1.033,
    "event_x": 0.599,
    "event_c": 0.322,
    "cand_year": 0.006,
    "cand_day": 0.045,
    "cand_month": -0.115,
    "cand_span": 0.828,
    "cand_open": -0.801,
    "one_period_release": 0.116,
    "many_periods": 1.037,
    "estimated": -0.75,
    "big": 0.0,
    "x_in_title": 0.0,
}
# weights: end


def _said(item: Item):
    return item.spans[0] if item.spans else None


def _sentence(item: Item) -> tuple[int, str]:
    said = _said(item)
    a, b = said.passage.sentence_at(said.start)
    return a, said.passage.text[a:b]


def _sentence_key(item: Item) -> tuple[int, int]:
    said = _said(item)
    return said.passage.index, said.passage.sentence_at(said.start)[0]


def _grain(period) -> str:
    """What a period is: a year, a month, a day, a span, or open at one end."""
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
        if start is None or end is None:
            return "open"
        if start != end:
            return "span"
        period = start
    return {4: "year", 7: "month", 10: "day"}.get(len(str(period)), "other")


def _big(item: Item) -> bool:
    try:
        return float(str(item.fields.get("value", "0"))) >= 1e6
    except ValueError:
        return False


def features(item: Item, before: Item, between: int, periods: int) -> dict[str, float]:
    """The cues of whether `item` (no period) is of the time of `before`, the dated number
    said last before it, `between` numbers back, in a release that dates `periods` times."""
    start, words = _sentence(item)
    before_start, before_words = _sentence(before)
    here, there = _said(item).passage, _said(before).passage
    same_passage = here.index == there.index
    same_sentence = same_passage and start == before_start
    grain = _grain(before.fields["period"])
    cues = {
        "bias": True,
        "same_passage": same_passage,
        "same_sentence": same_sentence,
        "adjacent_sentence": not same_sentence
        and same_passage
        and before_start < start <= before_start + len(before_words) + 3,
        "passages_apart_2plus": here.index - there.index >= 2,
        "numbers_between_0": between == 1,
        "numbers_between_3plus": between >= 4,
        "cand_in_title": there.kind == "title",
        "x_percent": item.fields.get("unit") == "percent",
        "same_unit": item.fields.get("unit") == before.fields.get("unit"),
        "x_person": item.fields.get("unit") == "person",
        "point_start": bool(POINTS_BACK.search(words[:40])),
        "past": bool(PAST.search(words)),
        "total": bool(SO_FAR.search(words)),
        "event_x": bool(EVENT.search(words)),
        "event_c": bool(EVENT.search(before_words)),
        "cand_year": grain == "year",
        "cand_day": grain == "day",
        "cand_month": grain == "month",
        "cand_span": grain == "span",
        "cand_open": grain == "open",
        "one_period_release": periods == 1,
        "many_periods": periods >= 3,
        "estimated": any(
            q in ("estimated", "approximately") for q in _as_list(item.fields.get("qualifier"))
        ),
        "big": _big(item),
        "x_in_title": here.kind == "title",
    }
    return {name: float(on) for name, on in cues.items()}


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


# "The majority of the participants in the training, 60 per cent, ...": a share of a whole it
# names, which may be another than the count before
SHARE_OF = re.compile(
    r"\W*(?:the\s+)?(?:majority|most|half|share|proportion|percentage)\s+(?=of\s)", re.I
)


def _compared(item: Item) -> bool:
    """Whether a dated number is said after a comparison, its time the compared one."""
    start, _ = _sentence(item)
    said = _said(item)
    return bool(COMPARED_FIGURE.search(said.passage.text, start, said.start))


def _never_dated(item: Item, before: Item) -> bool:
    start, words = _sentence(item)
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
    """Each active number with no period and the dated number said last before it, with the
    cues of whether it is of that time: (item, before, features)."""
    # (a number left inactive still says the time the text gives it: one to carry from)
    placed = sorted(
        (x for x in observations if _said(x) is not None),
        key=lambda x: (_said(x).passage.index, _said(x).start),
    )
    dated = [x.fields.get("period") is not None and not _compared(x) for x in placed]
    # (a sentence that dates two counts two ways, "300 cases in 2019, against 250 in 2018",
    # leaves it open which the next one goes on from)
    times_of = {}
    for x in placed:
        if x.fields.get("period") is not None:
            times_of.setdefault(_sentence_key(x), set()).add(str(x.fields["period"]))
    periods = len({str(x.fields["period"]) for x, d in zip(placed, dated, strict=True) if d})
    for k, item in enumerate(placed):
        if not item.active or item.fields.get("period") is not None:
            continue
        if item.fields.get("unit") == "times" or left_to_the_rules(item):
            continue  # (a number of times is of two times, as a change is)
        back = next((j for j in range(k - 1, -1, -1) if dated[j]), None)
        if back is not None and len(times_of[_sentence_key(placed[back])]) > 1:
            continue
        if back is None or _said(item).passage.index - _said(placed[back]).passage.index > (
            PASSAGES_BACK
        ):
            continue
        if not _never_dated(item, placed[back]):
            yield item, placed[back], features(item, placed[back], k - back, periods)


def probability(cues: dict[str, float], weights: dict[str, float]) -> float:
    score = sum(weights.get(name, 0.0) * value for name, value in cues.items())
    return 1 / (1 + math.exp(-score))


def carry_periods(observations: list[Item], weights: dict[str, float] = WEIGHTS) -> None:
    """Give each undated active number the period of the dated number said last before it
    when the model says it is of that time (decided on the periods as drafted, before any is
    carried: one carried period does not carry on)."""
    decided = [
        (item, before)
        for item, before, cues in carry_cases(observations)
        if probability(cues, weights) >= THRESHOLD
    ]
    for item, before in decided:
        item.fields["period"] = before.fields["period"]
        item.period_by_model = True
        item.period_from = _sentence(before)[1]
