"""'The UN agency': which agency of the UN a text means when it names none ("according to the
UN agency", "..., the UN agency said"), read from the bodies it named before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extraction.entities import Entities, Mention
from kg.extraction.knowledge import Knowledge
from kg.extraction.text import fold

# "according to the UN agency", "..., the UN agency said": one agency of the UN, not the UN
# itself ("the UN refugee agency" is left to the word that names which: DESCRIBED_SOURCE)
# (not "the UN agency for children", "the UN agency in charge of refugees": which one it is,
# said after it, maybe none of those named before)
UN_AGENCY_AFTER = re.compile(
    r"\s+(?:agency|body)\b(?!\s+(?:for|of|on|in\s+charge|dealing|responsible|that|which)\b)"
)
# How a text tells that a body is an agency of the UN: "IOM, the UN Migration Agency", "the UN
# refugee agency (UNHCR)", "UNICEF (the United Nations Children's Fund)"
_UN = r"(?:UN|U\.N\.|United\s+Nations)"
UN_APPOSITION_AFTER = re.compile(rf"\s*(?:\([A-Za-z]{{2,10}}\))?\s*[,(]\s*(?:the|a)\s+{_UN}\b")
UN_DESCRIBED_BEFORE = re.compile(
    rf"\b{_UN}(?:[’']s)?\s+(?:[\w-]+\s+){{0,2}}(?:agency|body|organi[sz]ation)\s*[,(]?\s*(?:the\s+)?$",
    re.I,
)
# (the UN system's bodies by their acronyms, which the reference need not link to the UN)
UN_NAME = re.compile(
    r"^(?:united nations|un|unhcr|unicef|unodc|unfpa|undp|unesco|unrwa|unaids|iom|ilo|wfp|who|"
    r"fao|ohchr)\b"
)


def un_agency_named_before(
    un: Mention, entities: Entities, knowledge: Knowledge, names_of: Callable[[Mention], list[str]]
) -> str | None:
    """The one agency of the UN the text named before "the UN agency" (its name says so, the
    reference puts it in the UN, or the text calls it a UN agency), else none: "the UN
    agency" is not the UN."""

    def of_the_un(m: Mention) -> bool:
        entity = knowledge.entities.get(m.entity or "")
        text = m.passage.text
        return (
            bool(entity and entity.part_of == "united-nations")
            or any(UN_NAME.match(fold(n).casefold()) for n in names_of(m))
            or bool(UN_APPOSITION_AFTER.match(text, m.end))
            or bool(UN_DESCRIBED_BEFORE.search(text, max(0, m.start - 60), m.start))
        )

    named = [
        m
        for m in entities.mentions
        if m.kind == "organization"
        and m.target != "united-nations"
        and (m.passage.index, m.start) < (un.passage.index, un.start)
    ]
    agencies = {m.target for m in named if of_the_un(m)}
    return agencies.pop() if len(agencies) == 1 else None
