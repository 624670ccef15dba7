"""A unit named by a noun compound: "16 house searches" -> house-search, "seven transit
centres" -> transit-centre, "six border posts" -> border-post. A few heads say what a thing is
only with the noun before them (a centre of what, a post of what, a group of whom); a noun
before such a head is part of the unit's name, an adjective ("new", "regional", "different")
is not. A later number of the bare head ("27-28 centres") counts the compound the text said.
And the modifiers joined by "and" before a noun the rules know ("26 West and Central African
countries"), which the noun phrase reads past.
"""

from __future__ import annotations

import re

from kg.extraction.number_words import word_value

# Heads too general to name a thing alone: the compound names it ("crisis centres", "border
# crossing points", "bank accounts", "life sentences", "resettlement places").
GENERAL_HEADS = {
    "centre", "center", "post", "search", "group", "place", "border", "point", "ring",
    "sentence", "unit", "account", "programme", "program", "room", "crossing",
}  # fmt: skip
# The concepts' spelling of a head ("crisis centers": crisis-centre).
SPELLING = {"center": "centre", "program": "programme"}

# The nouns that name a kind of a general head before it ("house searches", "detention
# centres", "victim support groups"): only a word known as a noun, since an adjective or a
# participle has no one ending ("harsh sentences", "senior posts", "hidden accounts", "newly
# built centres", "well known groups"); and a people's noun ("migrant family groups").
_NOUNS = """
    house home border transit crisis life training resettlement land detention support
    reception bank family prostitution police security health community youth child women
    asylum refugee identity emergency care service village school city district town drug
    gang crime task focus advocacy registration quarantine isolation evacuation shelter
    protection rescue labour labor work job field coordination response assistance aid food
    water fire sea air river road rail bus car boat port airport entry exit control
    checkpoint contact information help hotline referral return transfer relocation
    accommodation reintegration rehabilitation recovery integration education language
    research action victim survivor worker team network partner member staff state
    government region province country county camp settlement site hospital prison jail
    court justice law fraud money cash savings credit phone internet media computer
    tourism restaurant farm factory garment sex brothel massage hotel bar club night day
    weekend summer winter holiday session peer parent student teacher doctor outreach
    arrival trial tribunal terminal capital clinic traffic boundary library sanctuary power
    cluster corner center centre career counter carrier paper number ticket cancer bed
    supply party army assembly test forest arrest west request investment management
    enforcement recruitment employment treatment assessment deployment development
    placement payment procurement equipment department apartment document agent event
    accident incident tent patient client merchant plant grant migrant applicant immigrant
    orphan civilian veteran passport visa transport shipping cargo container fishing
    mining construction
"""
NOUNS = frozenset(_NOUNS.split())
# A word in -ing before a head is a gerund that names a kind ("smuggling rings", "border
# crossing points", "screening centres"), not these participles ("existing centres").
ING_ADJECTIVES = {
    "existing", "remaining", "following", "operating", "functioning", "neighbouring",
    "neighboring", "surrounding", "participating", "emerging", "developing", "ongoing",
    "upcoming", "leading", "growing", "outstanding", "pending", "missing", "receiving",
    "sending", "increasing", "corresponding", "interesting", "alarming", "staggering",
    "shocking", "promising", "visiting", "travelling", "traveling", "moving", "rising",
}  # fmt: skip


def _is_noun(word: str, before: str) -> bool:
    """Whether `word`, before a head, is a noun that names the kind of thing: a noun known
    as one, a people's noun or a gerund; not a word after an adverb in -ly ("newly opened
    centres", "privately run centres")."""
    from kg.extraction.units import KNOWN_UNIT_WORDS, PEOPLE  # (units uses this)

    if not re.fullmatch(r"[a-z]{3,}", word):
        return False
    if before.endswith("ly") and before not in NOUNS:  # (not "family support groups")
        return False
    if word in NOUNS or word in PEOPLE or word in KNOWN_UNIT_WORDS:
        return True
    return word.endswith("ing") and word not in ING_ADJECTIVES


def compound_unit(phrase: str, singular_head: str) -> str | None:
    """The unit of a general head with the noun before it ("house searches" -> house-search),
    or None when the head says enough or the word before it is no noun."""
    if singular_head not in GENERAL_HEADS:
        return None
    words = re.findall(r"[\w’'-]+", phrase)
    if len(words) < 2 or not _is_noun(words[-2], words[-3].casefold() if len(words) > 2 else ""):
        return None
    return f"{words[-2]}-{SPELLING.get(singular_head, singular_head)}"


def bare_heads_of_a_compound(items, proposals: dict) -> None:
    """A number of a general head said alone ("approximately 27-28 centres") after a number
    that named that head in one compound ("16 detention centres"), in its paragraph or the
    next or as "these centres", counts the compound (and the bare head's proposed unit goes
    when no number is left of it); not one said before the compound, nor one whose head says
    its own kind after it ("3 units of blood", "4 centres for children")."""
    compounds: dict[str, list] = {}
    for item in items:
        unit = item.fields.get("unit") or ""
        head = unit.rpartition("-")[2]
        if "-" in unit and head in GENERAL_HEADS and item.spans:
            compounds.setdefault(head, []).append(item)
    for item in items:
        bare = item.fields.get("unit") or ""
        if not item.spans or _modified(item):
            continue
        said = [c for c in compounds.get(SPELLING.get(bare, bare), []) if _refers_to(item, c)]
        if len({c.fields["unit"] for c in said}) != 1:
            continue
        item.fields["unit"] = said[0].fields["unit"]
        item.new_concepts.pop("unit", None)
        if "unit" in said[0].new_concepts:
            item.new_concepts["unit"] = said[0].new_concepts["unit"]
        if not any(other.fields.get("unit") == bare for other in items):
            proposals.pop(("units", bare), None)


def _refers_to(item, compound) -> bool:
    """Whether the bare head of `item` is said after the number of `compound`, in its
    paragraph or the next, or as "these centres"."""
    span, said = item.spans[0], compound.spans[0]
    if (span.passage.index, span.start) <= (said.passage.index, said.start):
        return False
    text = span.passage.text
    these = re.search(r"\b(?:these|those|such)\b", text[max(0, span.start - 40) : span.end + 40])
    return span.passage.index - said.passage.index <= 1 or these is not None


def _modified(item) -> bool:
    """Whether a word stands between the number and its head in its clause ("14 regional
    centres": another kind of centre), or after the head says its kind ("3 units of blood",
    "4 centres for children"), or it is a way of moving ("travelled in 4 groups"); not when
    the head follows it or is borrowed ("as high as 42. The majority of these centres")."""
    if not item.spans or not item.head:
        return False
    span = item.spans[0]
    text = span.passage.text
    if item.head.casefold() == "groups" and re.search(r"\b(?:in|into)\s+$", text[: span.start]):
        return True
    after = re.split(r"[.;:,!?()“”\"]", text[span.end : span.end + 60])[0]
    m = re.search(rf"\b{re.escape(item.head)}\b", after)
    if m is not None and re.match(r"\s+(?:of|for)\s", after[m.end() :]):
        return True
    return m is not None and re.search(r"[^\W\d_]", after[: m.start()]) is not None


def joined_to_a_known_noun(words: list[re.Match], k: int) -> bool:
    """ "19 East and South Asian countries", "28 Trinidad and Tobago government
    officials": names (and the words after them) joined by the "and" at words[k] to a noun
    the rules know (people, countries, cases), within four words and before any preposition
    or verb."""
    from kg.extraction.units import KNOWN_UNIT_WORDS, PEOPLE, STOP, singular  # (units uses this)

    if k + 1 >= len(words) or not words[k + 1].group()[:1].isupper():
        return False  # (a name after "and", not a verb: "built 30 last year and housed all")
    for w in words[k + 1 : k + 5]:
        token = w.group()
        if not token[:1].isalpha() or token.casefold() in STOP or word_value(token):
            return False  # (a preposition, or another number: "and two Zorvan nationals")
        if token.islower() and token.endswith("ed"):
            return False  # (a verb: "and Kelvar housed all victims")
        if singular(token) in PEOPLE or singular(token) in KNOWN_UNIT_WORDS:
            return True
    return False


# "20 DVD players", "12 music players": a device that plays, no person ("40 key players").
DEVICES = {"dvd", "cd", "mp3", "video", "music", "media", "audio", "cassette", "record", "tape"}


def a_device(singular_head: str, phrase: str) -> bool:
    """Whether the people's noun `singular_head` names a device here ("DVD players")."""
    words = re.findall(r"[\w’'-]+", phrase)
    return singular_head == "player" and len(words) > 1 and words[-2].casefold() in DEVICES


def adjectival(words: list[re.Match], k: int) -> bool:
    """Whether the participle at words[k] is an adjective of the plural noun the rules know
    right after it ("Ministers from 12 concerned countries", "the 5 involved parties"), not
    the verb of a number that counts what was said before ("31 involved false promises")."""
    from kg.extraction.units import KNOWN_UNIT_WORDS, PEOPLE, singular  # (units uses this)

    if words[k].group().casefold() not in ("involved", "concerned") or k + 1 >= len(words):
        return False
    nxt = words[k + 1].group()
    s = singular(nxt)
    return s != nxt.casefold() and (s in PEOPLE or s in KNOWN_UNIT_WORDS)
