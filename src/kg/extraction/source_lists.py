"""The bodies named together as one source: "a report by IOM and UNICEF found", "le GAAR, le
SJM et l'OIM ont enregistré", "el COAT del Ministerio del Interior reporta" (a list of names, a
unit with its body, a name written before its acronym)."""

from __future__ import annotations

import re

from kg.extraction.entities import Mention

# Between two bodies of a list: "IOM (the UN migration agency), and UNICEF", "IOM and the ILO"
# (in the other languages too: "(Acnur) y la Organización ...", "l'OIT et l'OIM")
# (past a bracket closing the name, only a conjunction: not "X (SPG), Nepal Police have")
# (the other languages' articles only after a conjunction: not "IOM, a United Nations agency",
# "Frontex, as UNHCR also noted")
# (after a comma, only the articles that are no word of English, unlike "a": "le GAAR, le SJM
# et l'OIM", "el COAT, la OIM y el ACNUR")
ARTICLE = r"(?:(?:the|el|la|los|las|le|les)\s+|l['’])"
LIST_GAP = (
    r"(?:(?:\)\s*|\s*(?:\([^()]{1,20}\))?\s*),?\s*(?:and|y|et|e)\s+"
    r"(?:(?:the|el|la|los|las|le|les|o|a|os|as)\s+|l['’])?"
    rf"|\s*(?:\([^()]{{1,20}}\))?\s*(?:,|&)\s*{ARTICLE}?)"
)
# The conjunction that joins a list's last name ("A, B and C", "A y B", "A et B", "A & B")
CONJUNCTION = re.compile(r"\b(?:and|y|et|e)\s|&")
# What closes a list of bodies after its last name: "X, Y and other entities"
AND_OTHERS = re.compile(r"\s+and\s+(?:other|several|partner|their)\b")
# Between a unit and the body it is of: "X (XA) of the", "X del", "X de la"
UNIT_OF = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:of|del|de\s+la|du|da|do)\s+(?:the\s+)?")
# A name written before its acronym, up to the acronym's bracket: "Réseau Solidaire
# Pelmarkois (", "Groupe d'Appui aux Pêcheurs et Marins ("
NAMED_BEFORE_ACRONYM = re.compile(
    r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+(?:(?:d['’]|de|del|des|du|la|le|les|aux?|et|y|e|of|for|and|"
    r"the|on|in|pour|para|contra|against|to)\s+|d['’])*[A-Z][\w’'-]*)*\s*\($"
)


def _with_its_name(start: int, chain: list[Mention], orgs: list[Mention], text: str) -> int:
    """Where a list's part starts that is known only by its acronym (at `start`), its name
    written before it: "le Réseau Solidaire Pelmarkois (RSP) et l'OIM" (not past
    another body's name)."""
    named = NAMED_BEFORE_ACRONYM.search(text, max(0, start - 100), start)
    if chain and named and not any(named.start() < x.end <= start for x in orgs):
        return named.start()
    return start


def with_coordinated(first: Mention, orgs: list[Mention], text: str, s0: int = 0) -> list[str]:
    """The organization and those joined to it ("developed by IOM and Bright Path"; "a
    report by IOM and UNICEF found": the cue is at the last of them)."""
    out = [first.target]
    chain, start = [], first.start
    for o in sorted(orgs, key=lambda o: -o.start):
        start = _with_its_name(start, chain, orgs, text)
        if o.end > start:
            continue
        if chain and o.target == chain[0].target and re.fullmatch(r"\s*\(", text[o.end : start]):
            chain[0], start = o, o.start  # ("The International Labour Organization (ILO), ...")
            continue
        # (", human rights group Walk Free Foundation, and IOM said": a list's words on
        # what each is; "el Centro Costero de Alerta (CCA) del Ministerio del Interior
        # reporta": a unit of the body, named with it)
        if not re.fullmatch(
            rf"\)?{LIST_GAP}(?:(?-i:[a-z])[\w-]*\s+){{0,3}}", text[o.end : start]
        ) and not (not chain and UNIT_OF.fullmatch(text, o.end, start)):
            break
        chain.insert(0, o)
        start = o.start
    start = _with_its_name(start, chain, orgs, text)
    # "a report by IOM and UNICEF found", and a list that opens its sentence ("The ILO,
    # Walk Free and IOM said 40.3 million ...")
    if (
        chain
        and (
            re.search(r"\b(?:by|from)\s+(?:the\s+)?$", text[max(0, start - 30) : start])
            # (the subject: only a dateline or "In 2016," before it in its sentence)
            # (possessive: a run of capitals is split one way only, so a dateline of many
            # capitals that ends in a lower-case word fails at once)
            or re.fullmatch(r"(?:[A-Z][\w.’']*+|\d++|[^\w\s]|\s)*+(?:the\s+)?", text[s0:start])
            # ("Dans le cadre d'un travail conjoint, le GAAR, le SJM et l'OIM ont
            # enregistré": after a phrase that opens the sentence, closed by its comma)
            or re.fullmatch(rf"[^,;:]{{0,80}},\s*{ARTICLE}?", text[s0:start])
        )
    ):
        out = [o.target for o in chain] + out
    end, then, joined = first.end, [], 0
    last = first.target
    for o in sorted(orgs, key=lambda o: o.start):
        if o.start < end:
            continue
        if o.target == last and re.fullmatch(r"\s*\(", text[end : o.start]):
            # ("the United Nations Children Fund (UNICEF) and X": its acronym, and its bracket)
            end = o.end + (text[o.end : o.end + 1] == ")")
            continue
        last = o.target
        if not re.fullmatch(LIST_GAP, text[end : o.start]):
            break
        then.append(o.target)
        if CONJUNCTION.search(text[end : o.start]):
            joined = len(then)
        end = o.end
    # (a list ends in its conjunction: not "According to Vatralova, IOM in Slovakia
    # assisted ...", whose comma closes the source's phrase; or in "and other entities")
    if then and AND_OTHERS.match(text, end):
        joined = len(then)
    return list(dict.fromkeys(out + then[:joined]))


def list_first(o: Mention, orgs: list[Mention], text: str) -> Mention:
    """The first body of the list that ends with `o` ("IOM and UNHCR said", "IOM, UNICEF and
    UNHCR said"): a list closed by its conjunction (not "stranded in Ostravia, IOM said")."""
    first = o
    # ("UNICEF, Save the Children and other entities said": closed after its last name)
    and_others = AND_OTHERS.match(text, o.end)
    for p in sorted(orgs, key=lambda x: -x.start):
        if p.end > first.start:
            continue
        gap = text[p.end : first.start]
        if p.target == first.target and re.fullmatch(r"\s*\(", gap):
            first = p  # ("the United Nations Children Fund (UNICEF) and X said": one body)
            continue
        closed = CONJUNCTION.search(gap) or and_others
        # (past an acronym's bracket, a comma only in a list so closed: "the United Nations
        # Children Fund (UNICEF), Save the Children and other entities said"; not "X (SPG),
        # Nepal Police have")
        if not (
            re.fullmatch(LIST_GAP, gap) or and_others and re.fullmatch(r"\)\s*,\s*(?:the\s+)?", gap)
        ) or (first is o and not closed):
            break
        first = p
    return first


# A body described as another's before its own name in apposition: "the EU's border agency,
# Frontex," (the description names the other body, not the source)
DESCRIBED_THEN_NAMED = re.compile(
    r"[’']s\s+(?:[a-z-]+\s+){0,3}(?:agency|body|organi[sz]ation|office|service|force|unit|arm|"
    r"watchdog|department|ministry)\s*,\s*(?:the\s+)?"
)


def named_in_apposition(o: Mention, orgs: list[Mention], text: str) -> Mention:
    """The body named in apposition after a description that begins with body `o`'s possessive
    ("said the EU's border agency, Frontex, in a statement": Frontex), else `o`."""
    m = DESCRIBED_THEN_NAMED.match(text, o.end)
    named = next((n for n in orgs if m and n.start == m.end()), o)
    # (not a list's next name: "said the X's migration department, the Y and the Z")
    after = text[named.end : named.end + 8]
    return o if named is not o and CONJUNCTION.match(after.lstrip(" ,")) else named
