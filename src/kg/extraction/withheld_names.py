"""People whose surname a report withholds: a given name, then the surname's initial in
quotes ("Juan “N”", "María “R.”"), as Mexican and Central American reports name the people
arrested or charged. The quoted initial is part of the name the text gives."""

from __future__ import annotations

import re

from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import ALL_HEADS, CONNECTORS, STARTERS
from kg.extraction.spans import Span
from kg.extraction.text import Passage

_WORD = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüç]+"
QUOTED_INITIAL = re.compile(
    rf"(?<![\w“\"])(?P<name>{_WORD}(?:\s+{_WORD})?)\s+[“\"«][A-Z]\.?[”\"»](?![\w“\"])"
)


def withheld_names(passage: Passage, known_ranges) -> list[Span]:
    """The names of a passage written with a quoted initial for a surname: each whose first
    word is a given name, and the others of the same passage (a list of the people arrested:
    "Herber “N” y Guillermo “N”") unless their words are a body's, a project's or a starter's
    (not "el Plan “B”")."""
    found = []
    for m in QUOTED_INITIAL.finditer(passage.text):
        a = passage.token_index(m.start("name"))
        b = passage.token_index(m.end() - 1) + 1
        keys = {t.key for t in passage.tokens[a:b] if t.is_word}
        if a >= b or keys & (ALL_HEADS | STARTERS | CONNECTORS):
            continue
        if any(ka < b and a < kb for ka, kb in known_ranges):
            continue
        found.append((a, b, is_given_name(passage.tokens[a].text)))
    if not any(given for _, _, given in found):
        return []
    return [Span(passage, a, b, "rule", "person", confidence=0.7) for a, b, _ in found]
