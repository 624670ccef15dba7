"""Numbers of times said without a figure: "more than doubled", "to at least double",
"tripled", "a three-fold rise" (unit `times`), read beside the figures of a passage
(`kg.extraction.figures`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from kg.extraction.number_words import _WORDNUM, word_value

if TYPE_CHECKING:  # (figures reads these, and makes its Found)
    from kg.extraction.figures import Found
    from kg.extraction.text import Passage

# "more than doubled", "to at least double", "tripled", "a three-fold rise": a number of
# times (unit `times`), said without a figure. Only of a quantity: "double" as a verb whose
# sentence names one ("expects the number of children to at least double", "arrests more
# than doubled in 2019"), or "N-fold", so that "double standards", "double discrimination",
# "to double its efforts" or "a triple murder" count nothing.
MULTIPLIER_WORDS = {"double": 2, "triple": 3, "quadruple": 4}
MULTIPLIER = re.compile(
    r"\b(?:(?P<verb>(?P<v>double|triple|quadruple)(?:d|s|ing)?)\b(?P<next>\s+\w+)?"
    rf"|(?<![\w-])(?P<fold>{_WORDNUM}|a\s+hundred|hundred|\d{{1,3}})[-\s]?fold\b)",
    re.I,
)
NOT_A_MULTIPLIER_NEXT = re.compile(
    r"\s+(?:standards?|digits?|bed|beds|room|rooms|murders?|homicides?|taxation|agents?|"
    r"check|jeopardy|burden|role|game|click|space|in\s+size|down|up|back)\b",
    re.I,
)
# What a number of times is of: a quantity the sentence names ("the number of", "the rate"),
# or a figure.
QUANTITY = re.compile(
    r"\b(?:numbers?|amounts?|rates?|totals?|figures?|levels?|shares?|budgets?|funding|"
    r"capacity|size|count|volume|costs?|prices?)\b|\d",
    re.I,
)
# "double" as a verb ("to at least double") or said of a number ("more than double the
# number estimated"), not as an adjective ("face double discrimination")
DOUBLE_BEFORE = re.compile(
    r"\b(?:(?:to|will|would|could|can|may|might|should|must|shall)(?:\s+(?:even|also|"
    r"further))?|at\s+least|more\s+than|almost|nearly|roughly|about|around|over)\s+$",
    re.I,
)


def _of_a_quantity(text: str, m: re.Match, sentence: tuple[int, int]) -> bool:
    """Whether "double", "tripled", ... at `m` says a number of times of a quantity."""
    s0, s1 = sentence
    verb = m.group("verb").casefold()
    nxt = m.group("next") or ""
    if NOT_A_MULTIPLIER_NEXT.match(nxt) or re.match(r"\s+(?:of|a|an)\b", nxt, re.I):
        return False
    owned = re.match(r"\s+(?:its|their|his|her|our|your|my)\s+([\w-]+)", text[m.end("verb") :])
    if owned and not QUANTITY.fullmatch(owned.group(1)):
        return False  # "to double its efforts": no quantity
    if not verb.endswith(("d", "s")):
        if not DOUBLE_BEFORE.search(text, max(s0, m.start() - 30), m.start()):
            return False
    elif re.match(r"\s+as\s+an?\b", text[m.end("verb") :]):
        return False  # "the clinic doubled as a shelter"
    before, after = text[s0 : m.start()], text[m.end("verb") : s1]
    # "Arrests in Zembia more than doubled": the plural noun of its subject
    subject = re.search(r"\b[A-Za-z][a-z]{2,}s\b", before) and not verb.endswith("e")
    return bool(QUANTITY.search(before) or QUANTITY.search(after) or subject)


def _multipliers(passage: Passage, found: list[Found]) -> list[Found]:
    from kg.extraction.figures import Found  # (figures imports this module)

    text = passage.text
    out = []
    for m in MULTIPLIER.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        if m.group("fold"):
            n = m.group("fold")
            value = 100 if "hundred" in n.casefold() else word_value(n)
        elif _of_a_quantity(text, m, passage.sentence_at(m.start())):
            value = MULTIPLIER_WORDS[m.group("v").casefold()]
        else:
            continue
        end = m.end("fold") if m.group("fold") else m.end("verb")
        f = Found(passage, m.start(), end, Decimal(value), words=True, multiplier=True)
        f.head, f.phrase, f.phrase_end = "times", "times", end
        out.append(f)
    return out
