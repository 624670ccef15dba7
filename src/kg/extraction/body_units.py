"""A body's units and the body they are of: the unit's own name before the body ("the X
Division of the Y Agency" is also "X Division"), the body a unit is of as an organization of
its own, and the unit a role is held in ("Deputy Head of the Outreach Section")."""

from __future__ import annotations

import re

from kg.extraction.foreign_words import ROLES as FOREIGN_ROLES
from kg.extraction.name_words import GROUPS_OF_PEOPLE, ORG_HEADS, ROLE_HEADS, ROLE_MODIFIERS
from kg.extraction.person_words import PERSON_ROLES, ROLE_WORDS, hyphenated_key
from kg.extraction.spans import Span, _is_name_word
from kg.extraction.text import Passage

# A unit's own name before the body it is of: "Harbour and Fisheries Inspection Division
# of the Lorvanian Coast Agency" is also "Harbour and Fisheries Inspection Division"
# (not "Department of Social Services": no words before its head).
UNIT_OF_A_BODY = re.compile(
    r"^((?:[A-Z][\w’'-]*\s+(?:and\s+|&\s+)?){1,6}(?:Unit|Section|Division|Directorate|Branch|"
    r"Desk|Cell|Squad|Brigade|Team|Task Force))\s+of\s+(?:the\s+)?[A-Z]"
    # (not "the Federal Bureau of Investigation", "the Thai Department of ...": bodies' names;
    # but "the Residency Department of the Ministry of Interior", "the Directorate of
    # Citizenship and Immigration Control in the Ministry of Internal Affairs": a unit's, then
    # "the" and the body's head)
    r"|^((?:[A-Z][\w’'-]*\s+(?:(?:and|of|for)\s+|&\s+)?){1,7}?(?:[A-Z][\w’'-]*))\s+"
    r"(?:of|in|at)\s+the\s+(?:[A-Z][\w’'-]*\s+){0,3}?(?:Ministry|Department|Police|Authority|"
    r"Government|Agency|Secretariat)\b"
)


def people_in_the_plural(key: str) -> bool:
    """ "supervisors", "officials", "members": a group of people named by their role."""
    return key in GROUPS_OF_PEOPLE or (
        len(key) > 4
        and key.endswith("s")
        and (key[:-1] in PERSON_ROLES or key.endswith(("ors", "ers", "ists")))
    )


# Ranks that head a role held in a body, beside ROLE_HEADS ("the Zonal Commander of the Y")
COMMANDS = {"commander", "commandant", "comandante"}


def one_persons_role(tokens, a: int, p: int) -> bool:
    """Whether tokens[a:p], before "of", is one person's role: its head word last, after its
    modifiers ("Acting Head"), or a commander's after the capitalized words naming where it is
    held ("Aflao Sector Commander", "Joint Task Force Commander"; not "IOM Director", a
    body's own role)."""
    role = tokens[a:p]
    if not role or role[-1].key not in ROLE_HEADS | COMMANDS:
        return False
    if {t.key for t in role} <= ROLE_HEADS | ROLE_MODIFIERS | COMMANDS:
        return True
    # (a commander's, whatever words name where: "the Joint Task Force Commander of the X")
    return role[-1].key in COMMANDS and all(t.text[:1].isupper() for t in role)


# The head words of a body's unit, before the body it is of ("the Anti-Trafficking Unit of the
# National Police"); not "Office" ("the Office of the High Commissioner" is the body itself).
UNIT_HEADS = {
    "unit", "section", "division", "directorate", "branch", "desk", "cell", "squad", "brigade",
    "bureau", "department", "team", "task force",
}  # fmt: skip
# ("the Investigation Service of the X Authority": a service is a unit of the body after it)
UNIT_OR_SERVICE = UNIT_HEADS | {"service"}


# The words of Spanish, Portuguese and French that open a body's complement ("de la", "del",
# "du", "da", "do", "des", "d’") and the articles after them.
ROMANCE_OF = {"de", "del", "du", "des", "d", "da", "do", "das", "dos"}
ROMANCE_ARTICLES = {"la", "las", "el", "los", "le", "les", "l"}
CIVIL_SOCIETY = {"sociedad", "societe", "sociedade"}


def romance_parent(tokens, a: int, b: int) -> int | None:
    """ "la Unidad de Delitos Complejos de la Gendarmería Nacional", "la División de Trata de
    la Policía de Salta": in Spanish, Portuguese and French a name opens with its head word,
    and the first complement that opens with another head word names the body the unit is of
    (where it begins), not "the Ministerio de Trabajo de la Nación" (no head word after)."""
    if tokens[a].key not in ORG_HEADS or not tokens[a].text[:1].isupper():
        return None
    for p in range(a + 2, b - 1):
        if tokens[p].key not in ROMANCE_OF or not tokens[p].text.islower():
            continue
        k = p + 1
        while k < b and (tokens[k].key in ROMANCE_ARTICLES and tokens[k].text.islower()):
            k += 1
        k += k < b and not tokens[k].is_word  # the apostrophe of "de l’"
        if (
            k + 1 < b
            and tokens[k].key in ORG_HEADS
            and tokens[k].text[:1].isupper()
            # "de la Sociedad Civil": no body (but "da Polícia Civil")
            and not (tokens[k].key in CIVIL_SOCIETY and tokens[k + 1].key in ("civil", "civile"))
        ):
            return k
    return None


def _a_unit(name: str) -> bool:
    """Whether a name before "of the", "in the" or "at the" and a body is a unit's: its head
    word, first or last, is a unit's, a department, a service or a bureau ("Residency
    Department", "Directorate of Citizenship and Immigration Control", "Investigation
    Service"; not "Court of Justice")."""
    words = name.split()
    heads = UNIT_OR_SERVICE | {"office"}
    return len(words) >= 2 and (words[0].casefold() in heads or words[-1].casefold() in heads)


def unit_own_name(name: str, tokens) -> str | None:
    """The unit's own name before the body it is of, in English ("the X Division of the Y
    Agency": "X Division") or in Spanish, Portuguese and French ("Unidad de X de la Policía
    Y": "Unidad de X"); `tokens` are the name's."""
    unit = UNIT_OF_A_BODY.match(name)
    if unit and (unit.group(1) or _a_unit(unit.group(2))):
        return unit.group(1) or unit.group(2)
    k = romance_parent(tokens, 0, len(tokens))
    if k is None:
        return None
    end = k - 1
    while end > 0 and (tokens[end].key in ROMANCE_OF | ROMANCE_ARTICLES or not tokens[end].is_word):
        end -= 1
    return name[: tokens[end].end - tokens[0].start] if end >= 2 else None


def parent_of_a_unit(passage: Passage, a: int, b: int, known_ranges) -> list[Span]:
    """ "the Anti-Trafficking Unit of the Zorvan National Police": the body a unit is of, as
    an organization of its own (the unit's name holds it), when it has a head word of its
    own and the text does not already know it."""
    tokens = passage.tokens
    k = romance_parent(tokens, a, b)
    if k is not None:
        if b - k >= 2 and (k, b) not in known_ranges:
            return [Span(passage, k, b, "rule", "organization", confidence=0.6, parent=True)]
        return []
    headed = tokens[a].key in UNIT_HEADS  # (a unit's name, its head first)
    for p in range(a + 1, b - 1):
        # (a unit's head after its own words: not "the Department of Social Services"; or a
        # unit's name, its head first, "in the" body: "the Directorate of X in the Ministry")
        inside = headed and tokens[p].key in ("in", "at") and tokens[p + 1].key == "the"
        unit = tokens[p - 1].key in UNIT_OR_SERVICE
        if not inside and (tokens[p].key != "of" or not unit or p - 1 == a):
            continue
        k = p + 1 + (tokens[p + 1].key == "the")
        # "the Northern Bureau of Inquiry of the Lorvanian Gendarmerie": the unit's name goes on
        # through a complement with no head word of a body
        while (j := next((i for i in range(k, b) if tokens[i].key == "of"), None)) is not None:
            if any(t.key in ORG_HEADS for t in tokens[k:j]):
                break
            k = j + 1 + (j + 1 < b and tokens[j + 1].key == "the")
        body = tokens[k:b]
        if (
            len(body) >= 2
            and {t.key for t in body} & (ORG_HEADS - UNIT_HEADS)
            and all(_is_name_word(t) or t.key in ("of", "for", "and", "the") for t in body)
            and _is_name_word(body[0])
            and (k, b) not in known_ranges
        ):
            return [Span(passage, k, b, "rule", "organization", confidence=0.6, parent=True)]
        return []
    return []


OF_AT = {"of", "at", "de", "del", "du", "da", "do", "d"}
ROLE_ARTICLES = {"the", "la", "el", "le", "l"}


ROLES_IN_ANY_LANGUAGE = ROLE_WORDS | FOREIGN_ROLES


def role_of_a_body_before(tokens, a: int) -> bool:
    """Whether a role and "of" come shortly before the body's name at a ("the commissioner of
    the agency attached to", "el comisionado del organismo adscrito a", "le directeur de")."""
    return any(
        _a_role(tokens, k) and tokens[k + 1].key in OF_AT for k in range(max(0, a - 8), a - 1)
    )


def _a_role(tokens, k: int) -> bool:
    """Whether tokens[k] is a role's word, or ends one the tokens split at its hyphen
    ("porte-parole", "porta-voz")."""
    return (
        tokens[k].key in ROLES_IN_ANY_LANGUAGE or hyphenated_key(tokens, k) in ROLES_IN_ANY_LANGUAGE
    )


def units_in_role(passage, a, b, known_ranges, classify) -> list[Span]:
    """ "Deputy Head of the Outreach Section of the Bright Path Foundation": the unit a role is of,
    when it has an organization's head word of its own."""
    tokens = passage.tokens
    for k in range(a + 1, b - 1):
        # (and "Encargada de la División de Acogida": "de", "du", "da", "do" with the article)
        if tokens[k].key not in OF_AT or tokens[k - 1].key not in ROLE_WORDS:
            continue
        # "Director of Department of Harbours and Fisheries": the unit's name goes on
        # through its own "of" and "and"
        start = k + 1
        while start < b - 1 and (tokens[start].key in ROLE_ARTICLES or not tokens[start].is_word):
            start += 1
        end = start
        while end < b and (
            _is_name_word(tokens[end])
            or tokens[end].text == "-"
            or tokens[end].key in ("of", "for", "and", "de", "y", "e", "et", "para", "pour")
            and end + 1 < b
            and _is_name_word(tokens[end + 1])
            and (tokens[start].key in ORG_HEADS or tokens[end - 1].key in ORG_HEADS)
        ):
            end += 1
        words = {t.key for t in tokens[start:end]}
        if (
            end - start >= 2
            and words & (ORG_HEADS - {"mission"})
            and not any(ka <= start < kb for ka, kb in known_ranges)
        ):
            span = classify(passage, start, end, known_ranges)
            return [span] if span is not None and span.kind == "organization" else []
    return []
