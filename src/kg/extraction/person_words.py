"""The words around people's names, for :mod:`kg.extraction.people`: verbs of speech before
and after a name, verbs whose subject is a person, the words between a person and the body
she is of, a list's cue, a common noun for a person in apposition and the words that name
who was arrested or identified (:func:`a_person_in_apposition`), titles, the roles' words
(PERSON_ROLES), the first words of places' names, heads whose plural is a surname too, and
the prepositions and articles of a role's complement in Spanish, French and Portuguese."""

from __future__ import annotations

import re

from kg.extraction import foreign_words
from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import (
    ALL_HEADS,
    CITY_STARTS,
    NAME_TITLES,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    ROLE_HEADS,
)

# Heads whose plural is a surname too ("Sue Banks", "Ann Courts", "Marta Rojas").
SURNAME_HEADS = {
    "bank", "court", "board", "guard", "church", "cross", "union", "fund", "roja", "casa", "red",
}  # fmt: skip
# First words of places' and organizations' names ("San Pedro Sula", "La Ceiba").
NOT_PERSON_FIRST = CITY_STARTS | {"la", "el", "los", "las", "le", "les", "lo"}
# A ship's prefix before a name ("HMBS Durward Knowles", "USCGC Paul Clark"): the ship's name,
# though it is a person's
VESSEL_PREFIXES = {
    "hms", "hmbs", "hmas", "hmcs", "hmnzs", "uss", "usns", "uscgc", "mv", "ms", "mt", "fv", "rv",
    "ins", "brp", "kri", "tcg", "its", "sns", "bns", "pns", "cgs", "cgc",
}  # fmt: skip


def opens_no_persons_name(tokens: list, a: int) -> bool:
    """Whether the name at `a` is no one's by its first word ("La Paz"; a gerund opening its
    sentence: "Sentencing Cierniak, Judge Jane Doe said") or the ship's prefix before it
    ("HMBS Durward Knowles")."""
    t = tokens[a]
    opens = a == 0 or tokens[a - 1].text in (".", "!", "?", ":", ";", "“", '"')
    # (its object one word, a comma, then the clause's subject; not "Xiaoming Li said" nor
    # "Meiling Zhou, the director": a given name in -ing)
    clause = a + 3 < len(tokens) and tokens[a + 2].text == "," and tokens[a + 3].text[:1].isupper()
    gerund = opens and clause and t.key.endswith("ing") and not is_given_name(t.text)
    return t.key in NOT_PERSON_FIRST or gerund or bool(a and tokens[a - 1].key in VESSEL_PREFIXES)


SPEECH_VERBS = (
    r"said|says|say|added|adds|explained|explains|noted|notes|stated|states|told|tells|"
    r"stressed|stresses|emphasized|emphasised|emphasizes|emphasises|declared|declares|"
    r"warned|warns|remarked|remarks|commented|comments|affirmed|affirms|highlighted|"
    r"highlights|underlined|underlines|urged|urges|concluded|concludes|continued|continues|"
    r"announced|announces|observed|observes|recalled|recalls|insisted|insists|acknowledged|"
    r"acknowledges|pointed out|points out|asked|asks|replied|explained|argued|argues|"
    r"reported|reports|wrote|writes|according to|thanked|thanks|welcomed|welcomes|"
    + foreign_words.SPEECH_VERBS
)
SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+$", re.I)
SPEECH_AFTER_NAME = re.compile(
    rf"^\s*(?:\([^()]{{1,60}}\)\s*)?(?:also\s+|further\s+|then\s+)?(?:{SPEECH_VERBS})\b", re.I
)

# A role's complement in Spanish, French and Portuguese: its prepositions and articles
# ("Procurador de los Derechos Humanos", "diretor do Instituto ... no Cunene").
PREPOSITIONS_ES_FR_PT = {
    "de", "del", "da", "do", "das", "dos", "du", "des", "no", "na", "nos", "nas", "en", "em",
    "au", "aux", "para", "pour", "al", "ao", "aos", "à", "às", "a",
}  # fmt: skip
ARTICLES_ES_FR_PT = {"la", "las", "los", "le", "les", "el", "l"}

# Verbs whose subject is a person, seldom an organization ("Jane Doe thanked the donors").
PERSON_VERB_AFTER = re.compile(
    r"^\s*(?:,\s*(?:who\s+)?)?(?:also\s+|then\s+|later\s+)?(?:thanked|congratulated|met\s+with|"
    r"visited|spoke|addressed|chaired|attended|praised|expressed|recalled|lamented|reminded|"
    r"invited|encouraged|inaugurated|travell?ed|opened\s+the\s+(?:event|meeting|workshop|"
    r"session|ceremony|conference|forum|seminar))\b"
)
# What comes between a person's name and the organization the person is of.
OF_ORGANIZATION = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?=[A-Z])")

LIST_CUE = re.compile(
    r"\b(?:includ(?:e|ed|ing|es)|such as|among them|namely|speakers|panell?ists|participants|"
    r"guests|honou?rees|winners|members)\s*:?\s*$",
    re.I,
)

# Common nouns for a person, in the four languages: what a name in apposition to one is.
PERSON_NOUNS = (
    r"woman|man|girl|boy|smuggler|trafficker|suspect|victim|driver|mother|father|husband|wife|"
    r"son|daughter|brother|sister|migrant|national|citizen|accused|defendant|convict|detainee|"
    r"ringleader|pimp|recruiter|accomplice|perpetrator|offender|mujer|hombre|conductor|"
    r"sospechoso|víctima|acusado|imputado|detenido|cabecilla|femme|homme|prévenu|accusé|"
    r"passeur|mulher|homem|suspeito|detido"
)
# A common noun for a person (or one of several people) before a name in apposition: "a
# 39-year-old woman, Jane Doe,", "one of the smugglers, John Roe, had", "el conductor, Juan",
# "The accused, John Roe, was". A plural only after "one of the": "the traffickers, Black
# Axe," names their group.
PERSON_NOUN_BEFORE = re.compile(
    r"\b(?:(?:a|an|the|another|un|una|el|la|une?|le|o|um|uma)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{PERSON_NOUNS})"
    r"|(?:one\s+of\s+the|uno\s+de\s+los)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:women|men|smugglers|traffickers|suspects|victims))"
    r",\s*$",
    re.I,
)
# The same noun after the name: "Jane Doe, a 46-year-old Pelmark national, was", "John Roe,
# the alleged ringleader, who" (the noun ends its phrase: not "Casa Alianza, a national NGO").
PERSON_NOUN_AFTER = re.compile(
    r",\s+(?:an?|the|une?|el|la|le|o|um|uma)\s+(?:(?!(?:of|de|du|des|do|da)\s)[\w-]+\s+){0,3}?"
    rf"(?:{PERSON_NOUNS})(?=\s*[,.;)]|\s+(?:who|from|of|in|aged|and|was|is|had|has|with)\b)",
    re.I,
)
# The words that give who was arrested, accused or identified by name: "identified the two as
# Jane Doe and John Roe", "The two arrested are Jane Doe and John Roe", "identificado como".
NAMED_AS_BEFORE = re.compile(
    r"\b(?:(?:identified|named)\s+(?:(?:him|her|them|the\s+[\w’'-]+(?:\s+[\w’'-]+){0,2})\s+)?as"
    r"|(?:arrested|accused|suspects?|detainees?|defendants?|convicts?|deceased)\s+(?:are|were|is|was)"
    r"|identificad[oa]s?\s+como|identifi[ée]e?s?\s+comme"
    # ("Identifiés sous les noms de X, Y et Z", "bajo los nombres de"; not one name: "sous le
    # nom de Main Tendue", a campaign's)
    r"|(?:sous|sob|bajo|con|com)\s+(?:les|los|os)\s+(?:noms|nombres|nomes)\s+de"
    # ("Los detenidos son X y Y", "Os presos são X e Y", "Les suspects sont X et Y")
    r"|(?:detenid[oa]s?|capturad[oa]s?|condenad[oa]s?|aprehendid[oa]s?|imputad[oa]s?|acusad[oa]s?|"
    r"sospechos[oa]s?|pres[oa]s?|detid[oa]s?|suspeit[oa]s?|interpell[ée]e?s?|suspects?|"
    r"pr[ée]venue?s?|accus[ée]e?s?)\s+(?:son|eran|fueron|es|era|fue|s[ãa]o|eram|foram|é|foi|"
    r"sont|étaient|est|était))\s+$",
    re.I,
)
# A group, a firm, a boat or a site named so is no one's: "The gang, identified as Black Axe,",
# "named the shelter as Safe Haven" (the noun right before the words, or their object).
_GROUPS = (
    r"gang|group|network|ring|cartel|syndicate|company|firm|organi[sz]ation|vessel|boat|ship|"
    r"shelter|farm|factory|centre|center|camp|site|hotel|banda|grupo|red|réseau|bande|quadrilha|"
    r"empresa|entreprise|organizaci[óo]n|organiza[çc][ãa]o|finca|albergue|refugio"
)
GROUP_BEFORE = re.compile(
    rf"\b(?:{_GROUPS})\s*,?\s+(?:(?:was|were|is|are|has\s+been|have\s+been|fue|est)\s+)?"
    rf"(?:identified|named|identificad[oa]|identifi[ée]e?)\s+(?:as|como|comme)\s+$"
    rf"|\b(?:identified|named)\s+the\s+(?:\w+\s+)?(?:{_GROUPS})\s+as\s+$",
    re.I,
)
# What follows a name given so: a list's next name, where the person is from, a stop.
NAMED_AS_AFTER = re.compile(r"\s*(?:[,.;:(]|(?:and|y|e|et|of|from|de|da|do)\b)", re.I)


# What a person introduced by "one" does (not "one Toyota Hiace carried", "one Land Cruiser
# crashed")
ONE_ACTS = re.compile(
    r"\s+(?:complained|alleged|claimed|told|said|testified|reported|confessed|admitted|stated|"
    r"explained|recounted|narrated|lodged|filed)\b"
)


def a_person_in_apposition(passage, a: int, b: int, lowercase) -> bool:
    """ "a 39-year-old woman, Jane Doe.", "one of the smugglers, John Roe, had", "John Roe, a
    Pelmark national,", "identified as Jane Doe and John Roe", "one Jane Doe complained": a
    name in apposition to a common noun for a person, or given as who was arrested or
    identified; not one whose last word the text writes in lower case too ("the driver,
    Velmar Transport, ... transport")."""
    tokens = passage.tokens
    if tokens[b - 1].key in lowercase:
        return False
    before = passage.text[max(0, tokens[a].start - 60) : tokens[a].start]
    after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 60]
    named_as = NAMED_AS_BEFORE.search(before) and not GROUP_BEFORE.search(before)
    if named_as and b - a >= 2 and NAMED_AS_AFTER.match(after):
        return True  # (two words at least: not "identified as Nigerians")
    if PERSON_NOUN_AFTER.match(after):
        return True
    # "said one Rawshan Ara complained to ...": "one" before a name that then acts, as news
    # of South Asia introduce someone
    if re.search(r"(?<![\w-])one\s+$", before) and b - a >= 2 and ONE_ACTS.match(after):
        return True
    return bool(PERSON_NOUN_BEFORE.search(before)) and bool(re.match(r"\s*[,.;]", after))


# Words opening a sentence before a person's name ("Según Jane Doe, ...", "Pour Jane Doe, la
# ministre, ...")
OPENERS = {"segun", "selon", "conforme", "pour", "para"}
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mme|Sra|Sr)\.?\s+$")

# Words that open a clause on another head in an apposition ("a station whose director").
CLAUSE_OPENERS = {"whose", "which", "that", "where", "cuyo", "cuya", "dont", "cujo", "cuja"}
# Words right before a name that end no role's lower-case complement: a preposition of its
# own, "and" ("the coordinator of shelters in Elias Lopez", "the minister of labour and X").
ENDS_NO_COMPLEMENT = {
    "in", "at", "near", "through", "via", "to", "and", "with", "by", "from", "con", "com",
    "avec",
}  # fmt: skip
_AUXILIARIES_FR = {"a", "ont", "avait", "avaient"}


def ends_no_complement(tokens, i: int) -> bool:
    """Whether the word right before a name ends no role's complement in lower case: a
    preposition of its own, "and", a past verb ("the minister of labour visited X", "visitó",
    "visitou", "a visité", "a rencontré")."""
    t = tokens[i]
    if t.key in ENDS_NO_COMPLEMENT:
        return True
    if not t.text.islower():
        return False
    if t.text.endswith(("ed", "ó", "ou")):
        return True
    return t.text.endswith("é") and i > 0 and tokens[i - 1].key in _AUXILIARIES_FR


# Role words before or around a name ("Minister", "spokesperson", "Police Captain").
ROLE_WORDS = ROLE_HEADS | {"secretary-general", "general", "envoy", "rapporteur", "officer"}
PERSON_ROLES = ROLE_WORDS | NAME_TITLES | {
    "spokesperson", "spokesman", "spokeswoman", "founder", "co-founder", "researcher",
    "lawyer", "activist", "survivor", "economist", "analyst", "attache", "attaché", "envoy",
    "counsellor", "counselor", "ombudsman", "ombudsperson", "prosecutor", "attorney",
    "inspector", "investigator", "commander", "superintendent", "vice-minister", "viceminister",
    "undersecretary", "under-secretary", "secretary-general", "director-general",
    "chargé", "charge", "delegate", "focal", "lead", "leader", "coordinator", "officer",
    "official", "member", "staff", "worker", "volunteer", "psychologist", "doctor", "nurse",
    "teacher", "journalist", "photographer", "assistant", "associate", "fellow", "trainer",
    "professor", "dean", "rector", "chancellor", "premier", "king", "queen", "prince",
    "princess", "pope", "ceo", "administrator", "laureate", "magistrate",
    # ranks written out ("Police Captain Jane Doe")
    "captain", "lieutenant", "sergeant", "colonel", "brigadier", "constable", "admiral",
    "corporal", "commodore",
}  # fmt: skip
ROLES_OR_HEADS = PERSON_ROLES | ROLE_HEADS
# Ranks that are words of another sense too, a title only before a name ("Major Jane Doe";
# not "Major Crimes Unit"): people's rules read them so (name_words.RANKS: ranks written
# short)
TWO_SENSE_RANKS = {"major"}


def role_word_before(tokens: list, k: int) -> bool:
    """Whether a role's word comes in the four words before token k, or a body's head right
    before it ("el director general de X", "do Ministério da X"; not "the testimonies of X")."""
    head = k and tokens[k - 1].key in ORG_HEADS
    return head or any(t.key in ROLES_OR_HEADS for t in tokens[max(0, k - 4) : k])


def hyphenated_key(tokens: list, k: int) -> str | None:
    """The key of the word that ends at token k across a hyphen the tokens split it at
    ("porte-parole", "porta-voz"), or None."""
    if k >= 2 and tokens[k - 1].text == "-":
        return f"{tokens[k - 2].key}-{tokens[k].key}"
    return None


def a_role_word(tokens: list, k: int) -> bool:
    """Whether tokens[k] is a capitalized role's word before its complement ("Minister of")."""
    t = tokens[k]
    role = t.text[:1].isupper() and (t.key in PERSON_ROLES or t.key in ROLE_HEADS)
    return role and k + 1 < len(tokens) and tokens[k + 1].key in ("of", "for", "at", "to")


# A site's words that are surnames too, after a given name ("Anne Read", "Jane Page"; not
# "Hope House", a shelter)
SITE_WORD_SURNAMES = {"read", "page"}


def looks_like_person(tokens: list, a: int, b: int) -> bool:
    """Whether the words [a, b) may be a person's name: no role's plural, no body's head in
    the plural, no word of a body's or a site's name (NOT_PERSON_WORDS), no role's word;
    but a given name's surname may be such a word ("Anne Read", not "Read More")."""
    words = [t for t in tokens[a:b] if t.is_word]
    last = words[-1].key if words else ""
    if last.endswith(("ies", "ers", "ors", "ants", "ents")) and (
        last[:-3] + "y" in PERSON_ROLES or last[:-1] in PERSON_ROLES
    ):
        return False  # "Divisional Secretaries", "Border Officers": people of a role
    if opens_no_persons_name(tokens, a):
        return False
    # "Resource Centres", "Attorney Generals Offices": bodies, no one's name (not "Ana
    # Cortés", "John Velder Chambers": a given name first, a surname last)
    plural_head = ({last[:-1], last[:-3] + "y"} & ORG_HEADS) - SURNAME_HEADS
    if last.endswith("s") and plural_head and not is_given_name(words[0].text):
        return False
    # (a given name first may be a head word too: "Bill Blair", not "Press Release")
    first = int(len(words) > 1 and words[0].key in ALL_HEADS and is_given_name(words[0].text))
    if len(words) == 2 and words[1].key in SITE_WORD_SURNAMES and is_given_name(words[0].text):
        return True  # ("Anne Read, Director of ...": not "Read More", a link)
    if any(t.key in NOT_PERSON_WORDS and t.text[:1].isupper() for t in words[first:]):
        return False
    if any(t.key in PERSON_ROLES and t.text[:1].isupper() for t in words):
        return False
    return not any(
        t.key.split("-")[0] in NOT_PERSON_WORDS for t in words[first:] if t.text[:1].isupper()
    )
