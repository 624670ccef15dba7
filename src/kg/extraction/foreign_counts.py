"""What a number of a Spanish, French or Portuguese release counts when no noun follows it:
these languages set a verb, a pronoun or a preposition right after a number whose noun was
said before ("64 viajaban acompañados y 41 lo hacían solos", "27 das quais", "9 pour délit",
"600.000 d'entre eux sont toujours réfugiés"), where English sets "were", "of" or "for", the
words the English rules stop at. A noun counted after a number above one is a plural (in -s,
-x), a unit's symbol ("30 km", "10 kg") or a word the rules know; anything else is no noun,
and the rules that read the noun of the number before it, or of the sentence, say what it
counts.
"""

from __future__ import annotations

import re

from kg.extraction.foreign_nouns import english_unit
from kg.extraction.foreign_words import BEFORE_THE_NOUN, TO_BE, UNIT_WORDS
from kg.extraction.text import fold
from kg.extraction.units import KNOWN_UNIT_WORDS

# Words in -s that are no nouns: articles, pronouns, prepositions, adverbs ("de los cuales",
# "dessas", "d'entre eux", "toujours").
_NOT_NOUNS = """
    los las les des dos das os as nos ses ces sus mis tus mes tes leurs nuestros vuestros
    ellos ellas eles elas dessas desses destas destes deles delas dans sous sans vers chez
    depuis apres pas jamais toujours tous toutes todos todas apenas pues ademas entonces
    antes despues menos mas plus tres cuales quales quais lesquels lesquelles
"""
NOT_NOUNS = frozenset(_NOT_NOUNS.split())
# Units' symbols, which end in no -s and are nouns all the same ("caminaron 30 km", "decomisó
# 10 kg de cocaína", "à 12 km de"), and the units the English rules know by a singular word.
_UNIT_SYMBOLS = "km km2 m m2 cm mm kg g mg t h hr min ha l ml mi"
UNIT_SYMBOLS = frozenset(_UNIT_SYMBOLS.split())


# A past participle in the plural, as the three languages write it ("atendidas", "registrados",
# "engagés", "identificadas"), unaccented "-és" aside.
PARTICIPLE = re.compile(r"[a-zà-ÿ]+(?:ad|id)[oa]s|[a-zà-ÿ]+ée?s")
# A number whose verb in the passive follows it ("Près de 2 370 ont été comptabilisés", "56
# sont rentrés", "45 fueron rescatadas", "12 foram detidos"), as "300 were assisted" is in
# English: of those the number before it counts.
PASSIVE_AFTER = re.compile(
    rf"\s+(?:ont\s+été|sont|fueron|han\s+sido|foram|são)\s+(?:\w+\s+)?(?:{PARTICIPLE.pattern})\b"
)


def no_noun_after(phrase: str, value) -> bool:
    """Whether the phrase after a number above one of a release in one of those languages
    begins with a word that is no noun it counts (a verb, a pronoun, a preposition)."""
    words = re.findall(r"[^\W\d_]+", phrase)
    while words and fold(words[0]) in BEFORE_THE_NOUN:
        words = words[1:]
    if not words or value is None or value <= 1 or not words[0].islower():
        return False
    first = fold(words[0])
    if first in UNIT_SYMBOLS or first in KNOWN_UNIT_WORDS:
        return False
    if re.fullmatch(TO_BE, first) and len(words) > 1 and PARTICIPLE.fullmatch(words[1]):
        # ("19 fueron atendidas", "ont été engagés": a participle is no noun; the rules that
        # find what the number counts then read around it, and else these words)
        return fold(words[1]) not in UNIT_WORDS and english_unit([fold(words[1])]) is None
    if first in UNIT_WORDS or re.fullmatch(TO_BE, first):  # ("139 son menores": the noun after)
        return False
    return first in NOT_NOUNS or not first.endswith(("s", "x"))


# "of the", "of these" after a number, before the noun it counts ("147 dessas crianças", "20
# de las víctimas", "12 des victimes"): not "of which" ("de los cuales", "das quais").
OF_THESE = (
    r"\s+(?:d[eo]ss[ae]s|d[eo]st[ae]s|d[ae]s|dos|des|d['’]entre\s+(?:les|ces)|"
    r"de\s+(?:estos|estas|esos|esas|ces|los|las))\s+(?!cuales|quais|quales|lesquel)"
)


# "Forty-seven were women", "92 son menores": the noun counted after a verb "to be"
NOUN_AFTER_TO_BE = re.compile(rf"\s+(?:were|are|was|had been|have been|{TO_BE})\s+")


def a_bare_participle(text: str, pos: int = 0) -> bool:
    """Whether the word at `pos` is a participle of the three languages that names nothing
    the lexicons know ("56 sont rentrés", "los contabilizados": no "rentré" counted; not
    "refugiados", "interpellées": people)."""
    word = re.match(r"[^\W\d_]*", text[pos:]).group()
    folded = fold(word)
    return (
        bool(PARTICIPLE.fullmatch(word)) and folded not in UNIT_WORDS and not english_unit([folded])
    )
