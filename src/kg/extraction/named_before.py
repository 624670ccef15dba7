"""What a number counts, named before it: the subject of a number said as its predicate ("the
people arrested ... were 529", "Los venezolanos que ... son 3,4 millones"), and the plural noun
of a sentence that a number closes ("Families in the camp, which hosts 18,230.")."""

from __future__ import annotations

import re

from kg.extraction.figures import Found
from kg.extraction.foreign_counts import NOT_NOUNS
from kg.extraction.foreign_words import UNIT_WORDS
from kg.extraction.text import fold
from kg.extraction.units import ACTS, KNOWN_UNIT_WORDS, PEOPLE, singular

# Words in -s that are no nouns ("girls arriving this year, whose numbers"), and the other
# languages' articles, pronouns and adverbs in -s ("Los venezolanos ... son").
NOT_PLURALS = NOT_NOUNS | {
    "this", "always", "perhaps", "towards", "whereas", "besides", "was", "has", "is", "its",
    "his", "thus", "across", "less", "unless", "afterwards", "nevertheless", "does", "yes",
    "as", "us", "various", "numerous", "previous", "ours", "yours", "theirs", "hers",
}  # fmt: skip

PEOPLE_OR_ACTS = PEOPLE | ACTS  # (read for each word before a number: built once)


FINAL_NUMBER_VERB = re.compile(
    r"\b(?:hosts?|hosted|reached|totall?ed|totals?|numbered|stood at|rose to|grew to|fell to|"
    r"dropped to|increased to|decreased to|climbed to)\s+(?:(?:some|about|around|nearly|almost|"
    r"over|more than|a total of)\s+)?$"
)


# Plural words before such a number that are not what it counts.
NOT_COUNTED_BEFORE = {
    "others", "times", "years", "months", "days", "weeks", "hours", "this", "its", "was",
    "has", "as", "is", "thanks", "includes", "always", "perhaps",
}  # fmt: skip


def noun_before_a_final_number(text: str, f: Found) -> tuple[str | None, str]:
    """The last plural noun of the sentence before a number that ends its clause ("which
    hosts 18,230.", "as they reached 6,154,"), or (None, "")."""
    if not re.match(r"\s*(?:[.;,)]|$)", text[f.end : f.end + 2]):
        return None, ""
    before = text[f.sentence[0] : f.start]
    verb = FINAL_NUMBER_VERB.search(before)
    if verb is None:
        return None, ""
    s0 = f.sentence[0]
    before = before[: verb.start()]
    for m in reversed(list(re.finditer(r"\b([A-Za-z][a-z’'-]+)\b", before))):
        word = m.group(1)
        if word.casefold() in NOT_COUNTED_BEFORE:
            continue
        s = singular(word)
        plural = s != word.casefold() or word.casefold() in ("staff", "police", "personnel")
        if not plural:
            continue  # "the shelter, which hosts 600": the one that hosts, not what it hosts
        if not word.islower():
            # a capital is a name ("Pine Hills"), unless it only opens the sentence
            # ("Families in the camp, which hosts 18,230")
            opens = not text[s0 : s0 + m.start()].strip(" \"“‘'(")
            if not (opens and (s in PEOPLE or s in KNOWN_UNIT_WORDS)):
                continue
            return word, word
        if s in PEOPLE or s in KNOWN_UNIT_WORDS or (word.endswith("s") and len(word) > 4):
            return word, word
    return None, ""


AGE_WORDS = re.compile(r"\b(?:ages?|aged|old|older|younger|youngest|oldest)\b", re.I)
# ("the total arrivals ... are approximately 10,263", "Los venezolanos ... son 3,4 millones")
PREDICATE = re.compile(
    r"\b(?:are|is|were|was|numbered|totall?ed|totals|stood\s+at|stands\s+at|son|eran|fueron|"
    r"suman|sumaron|ascienden\s+a|ascendieron\s+a|sont|étaient|são|foram)\s+"
    r"(?:(?:approximately|about|around|some|nearly|almost|over|more\s+than|at\s+least|unos|"
    r"unas|cerca\s+de|más\s+de|environ|plus\s+de|mais\s+de)\s+)?$",
    re.I,
)


# The words a subject's head is not past.
COMPLEMENT = {"of", "de", "del", "du", "da", "do", "dos", "das"}


def people_its_subject_names(text: str, f: Found) -> str | None:
    """The people or acts a sentence's subject is, when its first plural names people ("Los
    venezolanos que ... son") or acts ("This week the total returns to the Horn of Africa ...
    are 10,263": returns):
    not past the subject's head ("The number of countries hosting refugees is 17", "The
    average stay of migrants is 45") nor when its first plural counts something else ("The
    shelters run by IOM for stranded migrants are 14", "Los casos de trata ... fueron 230")."""
    for w in re.findall(r"[^\W\d_][\w’'-]*", text[f.sentence[0] : f.start]):
        key = w.casefold()
        if key in COMPLEMENT:
            return None
        people = (singular(w) in PEOPLE_OR_ACTS and singular(w) != key) or (
            UNIT_WORDS.get(fold(w)) == "person" and key.endswith("s")
        )
        if people:
            return w
        if key.endswith("s") and key not in NOT_PLURALS and len(key) > 3:
            return None
    return None
