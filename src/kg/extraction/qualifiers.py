"""How a number is qualified: the wording before it ("more than", "some", "up to", "no fewer
than"), an estimate said of it, or the range it is; `exact` when nothing qualifies it. A part
of `kg.extraction.numbers`."""

from __future__ import annotations

import re

from kg.extraction.estimates import said_estimated
from kg.extraction.figures import Found
from kg.extraction.foreign_words import A_COUNT, EXCEEDING, QUALIFIERS

# The wordings before a number that qualify it, by the qualifier they say.
QUALIFIERS_BEFORE = (
    (
        "more-than",
        # ("the number ... now exceeds 300")
        r"(?:more than|over|above|in excess of|upwards of|exceeding|exceeds|exceeded|beyond|"
        r"surpassing|surpasses|surpassed|tops|topped)",
    ),
    ("at-least", r"(?:at least|a minimum of|no fewer than|no less than|not less than)"),
    (
        "approximately",
        r"(?:some|about|around|approximately|roughly|nearly|almost|close to|"
        r"circa|approx\.)",
    ),  # (not "an average of 630 a day": a mean, measured, is no approximation)
    ("estimated", r"(?:an estimated|estimated|est\.)"),
    ("less-than", r"(?:less than|fewer than|under|below)"),
    ("at-most", r"(?:up to|at most|a maximum of|no more than|as many as|as much as)"),
)
# ("más de 200", "plus de 200", "pelo menos 46": the same qualifiers in the other languages)
QUALIFIERS_BEFORE = tuple((c, f"(?:{p}|{QUALIFIERS[c]})") for c, p in QUALIFIERS_BEFORE)
# "handed over 15 computers": a phrasal verb, no "more than".
HANDED_OVER = re.compile(
    r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|t[oa]ken?|took|pass(?:ed|es|ing)?|"
    r"give[ns]?|gave|sign(?:ed|s|ing)?)\s+over\s*$",
    re.I,
)

# "five times more than 93": the comparison of another number, no qualifier of this one
COMPARED = re.compile(
    r"\b(?:times|fold|twice|double|triple)\s+(?:more|less|fewer|greater|higher|lower)"
    r"\s+than\s*$"
)


def qualifiers_of(f: Found, text: str) -> list[str]:
    """The qualifiers of the number `f` of `text` (its passage's), `f.sentence` set."""
    before_number = text[max(f.sentence[0], f.start - 40) : f.start].casefold()
    qualifiers = list(f.qualifiers)
    # The longest wording before the number says it ("no fewer than" is at least, not
    # "fewer than").
    said = []
    # "nearly a 17 percent increase", "nearly a twelve-fold increase": a share or a multiple
    # said as a noun's modifier, its qualifier before the article
    article = r"(?:\s+an?)?" if f.percent or f.multiplier else ""
    for concept, pattern in QUALIFIERS_BEFORE:
        m = re.search(rf"\b{pattern}{article}\s*$", before_number)
        if m:
            said.append((m.start(), concept))
    if said and re.search(HANDED_OVER, before_number):
        said = [x for x in said if x[1] != "more-than"]  # "handed over 15 computers"
    if EXCEEDING.search(before_number) and not A_COUNT.search(
        text[f.sentence[0] : f.start].casefold()
    ):
        said = [x for x in said if x[1] != "more-than"]  # ("los migrantes superaron 3")
    if COMPARED.search(before_number):
        said = [x for x in said if x[1] not in ("more-than", "less-than")]
    if said:
        concept = min(said)[1]
        bound = concept in ("more-than", "less-than", "at-least", "at-most")
        if qualifiers == ["approximately"] and f.words and bound:  # (not "un estimado de")
            # "plus d'une centaine de", "más de una treintena de": a noun of about so many,
            # bounded by the wording before it, is that bound
            qualifiers = []
        if concept not in qualifiers:
            qualifiers.append(concept)
    if "estimated" not in qualifiers and said_estimated(text, f.sentence, f):
        qualifiers.append("estimated")
    return qualifiers or ["exact"]


def qualified_as_the_body_says(item, f: Found, passage, requalified: set[int]) -> None:
    """A headline's number said again in the body ("Some 600 Victims Recorded" then
    "identified 450 victims", "aidé 5 000 victimes" then "Près de 5 000 victimes") is
    qualified as the body first says it: the headline rounds and shortens; not a headline's
    bound ("Up to 600 Migrants Feared Dead" then "carried 600 migrants"), which the body
    does not take back by saying the number alone."""
    # (not a headline said again, anywhere: a short line with no full stop)
    text = passage.text.rstrip()
    headline = passage.kind == "title" or (len(text) < 160 and not text.endswith((".", "!", "?")))
    if id(item) in requalified or headline:
        return
    if not set(item.fields.get("qualifier") or ["exact"]) <= {"exact", "approximately"}:
        return
    requalified.add(id(item))
    item.fields["qualifier"] = qualifiers_of(f, passage.text)
