"""What the words around a bare acronym say of it: that it names a body, where the text
neither spells it out nor writes it twice. An acronym alone may be anything (a programme's
"AVRR", a currency's "RM20", a city's name in capitals, "SOP"); the words beside it settle it
when they are those that only bodies take: a body's people after it ("ZPF officials",
"Deputy ZPF Police Commissioner"), or an organization joined to it by "and" or a comma
("developed by UNODC and ZILAN"), for :meth:`kg.extraction.candidates.CandidateRules._classify`.
"""

from __future__ import annotations

import re

from kg.extraction.coordination import coordinated_with_organization
from kg.extraction.text import Passage

# A body's people after its acronym, singular or plural ("ZPF officials", "Deputy ZPF Police
# Commissioner"). Not its spokesman: "an ZPF spokesman said" makes the body the source of
# what he says, which kg.extraction.attributions decides for the acronyms it knows already.
_PEOPLE_AFTER = re.compile(
    r"\s+(?:(?:police|deputy|regional|senior|chief)\s+)?(?:officials?|officers?|personnel|"
    r"agents?|staff|commissioner|director|chief|head|inspectors?|investigators?)\b",
    re.I,
)


def acronym_names_a_body(passage: Passage, a: int, known_ranges) -> bool:
    """Whether the words around the acronym at token a say it names a body."""
    if _PEOPLE_AFTER.match(passage.text, passage.tokens[a].end):
        return True
    return coordinated_with_organization(passage, a, known_ranges)
