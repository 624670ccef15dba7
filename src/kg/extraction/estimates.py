"""An estimate said of the numbers of a sentence ("IOM estimates that 80 per cent ...", "El
Ministerio Público estima en 2.400 ..."), as against one said of a single number ("an
estimated 25,000 Vietnamese, while 23,000 Indonesians ...": the 23,000 is no estimate). A
part of `kg.extraction.numbers`."""

from __future__ import annotations

import re

from kg.extraction.figures import Found
from kg.extraction.periods import asides

# The words of an estimate in the four languages ("estimated", "estima", "estime", "estimou",
# "estimativa").
ESTIMATE = re.compile(
    r"\bestim(?:at\w*|a|an|ó|aron|ación|aciones|é|ée|és|ées|ou|aram|ativas?)\b|"
    # ("L'OIM estime que", "estiment à"; not the noun, "un programme d'estime de soi")
    r"\bestim(?:e|ent)(?=\s+(?:que\b|qu['’]|à\b))",
    re.I,
)
# What makes an estimate the adjective of the number right after it ("an estimated 18,000",
# "estimated at 2,400", "estima en 2.400"): a preposition, or an article before it (not the
# verb of "IOM estimated 25,000 people had left and 3,000 had returned": of both numbers).
OF_A_NUMBER = re.compile(r"\s+(?P<to>(?:at|en|à|em)\s+)?(?:total\s+of\s+)?(?:US\s?)?[$€£]?\s?\d")
# "it is estimated that 600,000 to 800,000 people are trafficked ..., of which 80% are female
# and half are children": a share of the estimate's whole, stated, no estimate of its own.
PART_OF_IT = re.compile(
    r"\bof\s+(?:which|whom)\b|\bde\s+(?:los|las)\s+cuales\b|\bdont\b|\bd[ao]s\s+quais\b"
    # ("authorities estimate that hundreds arrive daily to the area, which produces
    # approximately a fifth of all gold": a relative clause says a fact of its own)
    r"|,\s*which\s+(?!is\s+estimated|are\s+estimated)",
    re.I,
)
# "reached 22 million in 2014, with Lorvania hosting 17 percent of them", "about 750,000
# Ethiopians reside in the Kingdom with about 450,000 likely to have travelled ...": a clause
# with "with" after the estimate's figure adds a figure of its own (not "it is estimated that
# with current trends 5,000 people will be displaced": before it, the estimate's own).
WITH_AFTER_A_FIGURE = re.compile(r"\d[^\d]*\b(?:with|con|avec|com)\b", re.I)
# "more than 20,000 people are estimated to be trafficked each year": the passive after it,
# of the number's own noun (not "40 boats whose value is estimated at", "40 boats and costs
# are estimated at": another noun's).
ESTIMATED_AFTER = re.compile(
    r"\s+(?:(?!(?:and|or|but|whose|which|while|who|that|whereas)\b)[\w-]+\s+){0,3}?(?:are|is|were|was|have\s+been|has\s+been|had\s+been)\s+"
    r"(?:now\s+|currently\s+)?estimated\s+(?:to|at)\b"
)
# "The IOM estimates that there are 662,000 migrants in Libya, an increase of roughly 40,000
# from last year", "close to $7,000 per victim, up from $5,412 a decade ago": the change
# against another time, or the figure of that time, is stated, no estimate.
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:increase|decrease|rise|drop|fall|jump|growth|decline)\s+of|up\s+from|"
    r"down\s+from|compared\s+(?:to|with))\s+(?:[a-z]+\s+){0,2}?(?:US\s?)?[$€£]?\s?$",
    re.I,
)
ARTICLE_BEFORE = re.compile(r"\b(?:an|the|un|une|una|uma|le|la|el|o|a)\s+$", re.I)


def said_estimated(text: str, sentence: tuple[int, int], f: Found) -> bool:
    """Whether an estimate before the number `f` in its sentence is said of it: not one said
    of another number before it, nor one whose sentence sets `f` apart in an aside ("IOM
    estimates that 80 per cent of girls – whose numbers soared from 1,454 –")."""
    s0, s1 = sentence
    if ESTIMATED_AFTER.match(text, f.end, s1):
        return True
    if CHANGE_BEFORE.search(text, max(s0, f.start - 40), f.start):
        return False  # ("estimates 662,000 migrants, an increase of roughly 40,000")
    for m in ESTIMATE.finditer(text, s0, f.start):
        other = OF_A_NUMBER.match(text, m.end())
        if (
            other is not None
            and other.end() <= f.start
            and (other["to"] or ARTICLE_BEFORE.search(text, max(s0, m.start() - 6), m.start()))
        ):
            continue  # (the adjective of a number before this one)
        if PART_OF_IT.search(text, m.end(), f.start) or WITH_AFTER_A_FIGURE.search(
            text, m.end(), f.start
        ):
            continue  # ("estimated 600,000 people ..., of which 80% are female")
        return not any(a < f.start < b for a, b in asides(text, m.end(), s1))
    return False
