"""Acronyms written as words: "the Rapid Action Battalion (Rab)", "the Finnish Immigration
Service (Migri)". British and Nordic newspapers write an acronym of four letters or more, and
some of three, with one capital ("Unicef", "Nato"). A text that brackets such a word after a
body's name and then uses it alone ("According to Rab, ...") uses it as the body's acronym, so
the tokens that write it are read as acronyms (:attr:`kg.extraction.text.Token.is_acronym`)
throughout that text, and nowhere else.

The bracketed word is an acronym when it spells the initials of the name before it ("Rapid
Action Battalion (Rab)") or, when it does not (an acronym of the name in another language:
"Migri"), when the name has a body's head word and the text uses the word again outside the
brackets. A place ("the National Police (Colombia)", or a word the text puts where a place
goes: "in Velna") or a word the text writes in lower case is never one.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extraction.name_words import CONNECTORS, ORG_HEADS
from kg.folding import fold

# "(Rab)", "(Migri)", "(Unicef)": one word, one capital, then lower case (not "(Ms)": two
# letters are an abbreviation's; not "(MoI)": mixed capitals are acronyms already)
_BRACKETED = re.compile(r"\(([A-Z][a-z]{2,7})\)")
# A name's word: capitalized, or a connector in lower case
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*|[a-z]+")
# (no name is longer: see name_words.MAX_NAME_TOKENS)
_MAX_NAME_CHARS = 200


def title_case_acronyms(texts: list[str], is_place) -> frozenset[str]:
    """The Title-case words `texts` (a release's passages) bracket as a body's acronym.
    `is_place(word)`: whether a word names a place (never an acronym)."""
    whole = "\n".join(texts)
    lower = {fold(w) for w in re.findall(r"\b[a-z]\w*", whole)}
    # (counted once for the whole text: a word is used again when it is written more often
    # than it is bracketed)
    written = Counter(re.findall(r"\b[A-Z][a-z]{2,7}\b", whole))
    bracketed = Counter(_BRACKETED.findall(whole))
    # (a town where a body sits, said again as a place: "The Regional Court (Velna) ... In
    # Velna, police ..."; not "at Rab headquarters")
    placed = set(re.findall(r"\b(?:[Ii]n|at|near|en|à|em)\s+([A-Z][a-z]{2,7})(?=[,.;:])", whole))
    found = set()
    for text in texts:
        for m in _BRACKETED.finditer(text):
            word = m.group(1)
            if word in found or fold(word) in lower or is_place(word) or word in placed:
                continue
            words = _name_before(text[max(0, m.start() - _MAX_NAME_CHARS) : m.start()])
            if not words:
                continue
            if _spells(words, word) or (_has_a_head(words) and written[word] > bracketed[word]):
                found.add(word)
    return frozenset(found)


def _name_before(text: str) -> list[str]:
    """The words of the name `text` ends with: capitalized words and connectors, read back
    from its end (a space before the bracket, none inside: "Battalion (Rab)")."""
    if not text.endswith(" "):
        return []
    words = []
    for word in reversed(text.split()):
        if not _NAME_WORD.fullmatch(word) or (word.islower() and fold(word) not in CONNECTORS):
            break
        words.append(word)
    while words and words[-1].islower():  # ("the Rapid ...": no name opens with a connector)
        words.pop()
    return words[::-1]


def _spells(words: list[str], word: str) -> bool:
    """Whether the last words of the name, connectors left out, give `word`'s letters."""
    initials = "".join(w[0] for w in words if fold(w) not in CONNECTORS).upper()
    return initials.endswith(word.upper())  # (of three letters or more: _BRACKETED)


def _has_a_head(words: list[str]) -> bool:
    """Whether the name ends with a body's head word ("Immigration Service") or with what
    follows one after a connector ("Ministry of Health"; not "Police Chief Anna Berg")."""
    keys = [fold(w) for w in words]
    heads = [k for k, key in enumerate(keys) if key in ORG_HEADS]
    return bool(heads) and (
        heads[-1] == len(keys) - 1 or any(key in CONNECTORS for key in keys[heads[-1] + 1 :])
    )
