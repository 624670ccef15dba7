"""A unit named by a noun compound: "16 house searches" -> house-search, "seven transit
centres" -> transit-centre, "six border posts" -> border-post. A few heads say what a thing is
only with the noun before them (a centre of what, a post of what, a group of whom); a noun
before such a head is part of the unit's name, an adjective ("new", "regional", "different")
is not. A later number of the bare head ("34-35 centres") counts the compound the text said.
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

# Adjectives (and determiners) that go before a noun, by their form or by name: not part of
# the unit's name ("new centres", "regional programmes", "temporary places", "armed groups").
ADJECTIVE_ENDINGS = re.compile(
    r"(?:al|ic|ive|ous|ful|less|able|ible|ary|ed|ern|ish|ese|ian|ly|ent|ant|est)$"
)
NOUNS_WITH_THOSE_ENDINGS = {
    "arrival", "referral", "hospital", "terminal", "trial", "tribunal", "festival", "portal",
    "capital", "journal", "proposal", "removal", "disposal", "survival", "approval", "clinic",
    "traffic", "boundary", "library", "sanctuary", "border", "shelter", "water", "power",
    "computer", "transfer", "cluster", "corner", "center", "centre", "career", "river",
    "counter", "carrier", "paper", "number", "member", "partner", "ticket", "cancer", "bed",
    "seed", "need", "speed", "feed", "family", "supply", "entry", "party", "army", "assembly",
    "harvest", "interest", "protest", "contest", "quest", "rest", "test", "forest", "arrest",
    "chest", "nest", "west", "request", "investment", "settlement", "resettlement",
    "government", "management", "enforcement", "recruitment", "employment", "treatment",
    "assessment", "detachment", "deployment", "development", "placement", "payment",
    "procurement", "equipment", "department", "apartment", "document", "student", "agent",
    "event", "accident", "incident", "tent", "rent", "talent", "patient", "client",
    "assistant", "merchant", "restaurant", "plant", "grant", "migrant", "applicant",
    "immigrant", "emigrant", "servant", "tenant", "consultant", "participant", "descendant",
    "defendant", "giant", "infant", "orphan", "pedestrian", "guardian", "civilian", "veteran",
}  # fmt: skip
ADJECTIVES = {
    "new", "old", "other", "more", "most", "several", "many", "few", "main", "key", "major",
    "big", "small", "large", "high", "low", "long", "short", "same", "various", "such",
    "separate", "total", "joint", "open", "free", "full", "first", "last", "next", "own",
    "top", "good", "bad", "poor", "rich", "safe", "secure", "young", "false", "fake", "real",
    "true", "whole", "entire", "certain", "single", "double", "all", "some", "any", "no",
    "each", "every", "both", "mobile", "juvenile", "hostile", "fertile", "remote", "private",
    "complete", "accurate", "adequate", "appropriate", "existing", "remaining",
    "following", "operating", "functioning", "neighbouring", "neighboring", "surrounding",
    "participating", "emerging", "developing", "ongoing", "upcoming", "leading", "growing",
    "outstanding", "pending", "missing", "receiving", "sending", "armed",
    "little", "wide", "close", "like", "extra", "further", "prime", "sole", "only", "even",
    "odd", "dead", "due", "late", "early", "live", "vast", "huge", "tiny", "wrong", "right",
    "specialised", "specialized", "dedicated", "designated", "illegal", "legal",
    "former", "inner", "outer", "upper", "lower", "higher", "larger", "greater", "smaller",
    "older", "newer", "bigger", "wider", "fewer", "better", "proper", "sister", "super",
}  # fmt: skip


def _is_noun(word: str) -> bool:
    """Whether `word`, before a head, is a noun that names the kind of thing (a lower-case word
    of letters, no adjective by its name or its ending)."""
    if not re.fullmatch(r"[a-z]{3,}", word) or word in ADJECTIVES:
        return False
    return word in NOUNS_WITH_THOSE_ENDINGS or not ADJECTIVE_ENDINGS.search(word)


def compound_unit(phrase: str, singular_head: str) -> str | None:
    """The unit of a general head with the noun before it ("house searches" -> house-search),
    or None when the head says enough or the word before it is no noun."""
    if singular_head not in GENERAL_HEADS:
        return None
    words = re.findall(r"[\w’'-]+", phrase)
    if len(words) < 2 or not _is_noun(words[-2]):
        return None
    return f"{words[-2]}-{SPELLING.get(singular_head, singular_head)}"


def bare_heads_of_a_compound(items, proposals: dict) -> None:
    """A number of a general head said alone ("approximately 34-35 centres"), in a text that
    named that head in one compound ("20 detention centres"), counts the compound (and the
    bare head's proposed unit goes when no number is left of it)."""
    compounds: dict[str, list] = {}
    for item in items:
        unit = item.fields.get("unit") or ""
        head = unit.rpartition("-")[2]
        if "-" in unit and head in GENERAL_HEADS.union(SPELLING.values()):
            compounds.setdefault(head, []).append(item)
    for item in items:
        bare = item.fields.get("unit") or ""
        said = compounds.get(SPELLING.get(bare, bare), [])
        if len({c.fields["unit"] for c in said}) != 1 or _modified(item):
            continue
        item.fields["unit"] = said[0].fields["unit"]
        item.new_concepts.pop("unit", None)
        if "unit" in said[0].new_concepts:
            item.new_concepts["unit"] = said[0].new_concepts["unit"]
        if not any(other.fields.get("unit") == bare for other in items):
            proposals.pop(("units", bare), None)


def _modified(item) -> bool:
    """Whether a word stands between the number and its head in its clause ("14 regional
    centres": another kind of centre), not when the head follows it or is borrowed ("as high
    as 42. The majority of these centres")."""
    if not item.spans or not item.head:
        return False
    span = item.spans[0]
    after = re.split(r"[.;:,!?()“”\"]", span.passage.text[span.end : span.end + 60])[0]
    m = re.search(rf"\b{re.escape(item.head)}\b", after)
    return m is not None and re.search(r"[^\W\d_]", after[: m.start()]) is not None


def joined_to_a_known_noun(words: list[re.Match], k: int) -> bool:
    """ "26 West and Central African countries", "28 Trinidad and Tobago government
    officials": names or adjectives joined by the "and" at words[k] to a noun the rules know
    (people, countries, cases), within four words and before any preposition."""
    from kg.extraction.units import KNOWN_UNIT_WORDS, PEOPLE, STOP, singular  # (units uses this)

    for w in words[k + 1 : k + 5]:
        token = w.group()
        if not token[:1].isalpha() or token.casefold() in STOP or word_value(token):
            return False  # (a preposition, or another number: "and two Zorvan nationals")
        if singular(token) in PEOPLE or singular(token) in KNOWN_UNIT_WORDS:
            return True
    return False
