"""A minister's role names the ministry the release names: "Deputy Minister of Public
Security Nguyen Van A said" speaks for the Ministry of Public Security, "selon la ministre des
Affaires sociales" is the ministère des Affaires sociales, "el ministro de Gobierno, Carlos
Romero, informó" the Ministerio de Gobierno (data/devset/README.md, Attributions: a person
with a role in a named organization credits it). Read by structure: the role's head word and
the portfolio after it against the name of a ministry mentioned in the release, head word for
head word ("Minister" for "Ministry", "ministro" for "Ministerio", "ministre" for
"ministère", "ministro" for "Ministério") and portfolio for portfolio."""

from __future__ import annotations

import dataclasses
import re

from kg.extraction.mentions import Entities, Mention
from kg.extraction.text import Passage, fold

# A minister's role and its portfolio: capitalized words and the small words between them
# ("Minister of Public Security", "ministre des Affaires sociales", "ministro de Gobierno")
MINISTER_OF = re.compile(
    r"\b(?:[Mm]inister|[Mm]inistr[oa]|[Mm]inistre)\s+(?:of|for|de|del|des|du|do|da|dos|das)\s+"
    r"(?:(?:the|la|el|le|o|a|os|as)\s+|l['’]\s*)?"
    r"(?P<portfolio>(?-i:[A-ZÀ-Ý])[\w’'-]*(?:\s+(?:(?:and|y|et|e|of|de|des|du|la|del|do|da)\s+)?"
    # (a word in lower case of the portfolio's, "Affaires sociales"; not the verb after it)
    r"(?!(?:said|says|told|tells|added|announced|noted|stated|explained|has|had|was|is|will|"
    r"and)\b)(?-i:[A-Za-zÀ-ÿ])[\w’'-]*){0,5})"
)
# A ministry's name: its head word, the small words, then its portfolio
MINISTRY = re.compile(
    # (a country's word before it too: "the Velnor Ministry of Public Security")
    r"^(?:[^\W\d_]+\s+)?(?:ministry|ministerio|ministere)\s+(?:of|for|de|del|des|du|do|da|dos|das)"
    r"\s+(?:(?:the|la|el|le|o|a|os|as)\s+|l['’]\s*)?(?P<portfolio>.+)$"
)
_SMALL = {"and", "y", "et", "e", "of", "de", "des", "du", "la", "del", "do", "da", "the", "l"}


def _words(portfolio: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", fold(portfolio)) if w not in _SMALL]


def ministries_of_ministers(
    passage: Passage, s0: int, s1: int, mentions: list[Mention]
) -> list[Mention]:
    """The ministry each minister's role in [s0, s1) names, as a mention of it over the role's
    words: the ministry the release mentions whose portfolio the role's portfolio is, or
    begins ("Ministre des Maliens de l'Extérieur" for the "Ministère des Maliens de
    l'Extérieur et de l'Intégration Africaine"); none where no ministry named so is
    mentioned, or two are."""
    roles = list(MINISTER_OF.finditer(passage.text, s0, s1))
    if not roles:  # (most sentences: the release's ministries are not read for them)
        return []
    ministries = []
    for m in mentions:
        named = MINISTRY.match(fold(m.text)) if m.kind == "organization" else None
        if named and (words := _words(named["portfolio"])):
            ministries.append((words, m))
    out = []
    for role in roles:
        words = _words(role["portfolio"])
        # (the ministry of that portfolio, else the one whose portfolio it begins)
        exact = {m.target: m for ministry, m in ministries if ministry == words}
        begun = {m.target: m for ministry, m in ministries if ministry[: len(words)] == words}
        found = exact or begun
        if words and len(found) == 1:
            ministry = next(iter(found.values()))
            out.append(
                dataclasses.replace(ministry, passage=passage, start=role.start(), end=role.end())
            )
    return out


def bodies_in(entities: Entities, passage: Passage, s0: int, s1: int) -> list[Mention]:
    """The organizations mentioned in [s0, s1), with the ministries its ministers' roles name,
    in text order."""
    found = entities.in_range(passage, s0, s1, "organization")
    found += ministries_of_ministers(passage, s0, s1, entities.mentions)
    return sorted(found, key=lambda m: m.start)
