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


# Between the names of a list of people: "Herber “N” y Guillermo “N”", "Ana “R”, Juan “N”",
# an aside on the first ("Ana “R”, de 41 años, y Juan “N”"), ending at a comma or an "and"
LIST_GAP = re.compile(
    r"(?:,[^,.;“”\"]{0,30}?)?(?:\s*,\s*|\s+(?:y|e|and|et)\s+|\s*,\s*(?:y|e|and|et)\s+)"
)


def withheld_names(passage: Passage, known_ranges) -> list[Span]:
    """The names of a passage written with a quoted initial for a surname: each whose first
    word is a given name (not "Ayer", yesterday, before "Juan “N”"), and the others of a list
    with one of them ("Herber “N” y Guillermo “N”", not "Juan “N” was held in Cell “B”")
    unless their words are a body's, a project's or a starter's (not "el Plan “B”")."""
    found = []
    for m in QUOTED_INITIAL.finditer(passage.text):
        a = passage.token_index(m.start("name"))
        b = passage.token_index(m.end() - 1) + 1
        tokens = passage.tokens
        if b - a > 3 and not is_given_name(tokens[a].text) and is_given_name(tokens[a + 1].text):
            a += 1  # ("Ayer Juan “N”": the name starts at its given name)
        keys = {t.key for t in tokens[a:b] if t.is_word}
        if a >= b or keys & (ALL_HEADS | STARTERS | CONNECTORS):
            continue
        if any(ka < b and a < kb for ka, kb in known_ranges):
            continue
        found.append([a, b, is_given_name(tokens[a].text), m.start("name"), m.end()])
    for _ in found:  # (a list's names take it from their neighbours, each way)
        for one, two in zip(found, found[1:], strict=False):
            if (one[2] or two[2]) and LIST_GAP.fullmatch(passage.text, one[4], two[3]):
                one[2] = two[2] = True
    return [Span(passage, a, b, "rule", "person", confidence=0.7) for a, b, ok, _, _ in found if ok]
