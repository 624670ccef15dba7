"""Where a capitalized name ends: the words that end a run of name words though they are
capitalized (a weekday, a byline's "By", a date, an article opening the next sentence, a rank
before a person's name, the adjective of a team named in lower case).
"""

from __future__ import annotations

from kg.extraction.body_forms import COMPANY_FORMS
from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import (
    ALL_HEADS,
    CONNECTORS,
    MONTHS,
    ORG_HEADS,
    STARTERS,
    heads_a_name,
)

# A day of the week ends a name ("The Department of Justice Friday commemorates ...").
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# After a name's head word, a byline's "By" ("Defence Force By Royal Bahamas Defence Force")
# and a picture's "Photo" ("Times News Service Photo for illustration") end it (not "Stand By
# Me Foundation", "Zorvan Photo Agency").
AFTER_A_HEAD_ENDS = {"by", "photo", "photos"}


# The adjectives among the words that open sentences and no names ("Criminal gangs smuggled
# ..."), which open a body's name before its head word ("The Criminal Investigation
# Department (CID)", "Organized Crime Unit"; not "Key", "Major", "Significant": "Key Ministry
# officials said", "Major Police operations")
ADJECTIVE_STARTERS = {"organized", "criminal"}


def a_starter(tokens: list, a: int, b: int, language: str = "en") -> bool:
    """Whether tokens[a], opening a sentence, is a word that opens no name there (STARTERS,
    and Portuguese's "Segundo" before a person), not an adjective of a body's name whose
    capitalized words reach its head word before b."""
    if according_to_a_person(tokens, a, language):
        return True
    return tokens[a].key in STARTERS and not (
        tokens[a].key in ADJECTIVE_STARTERS and heads_a_name(tokens, a, b)
    )


def according_to_a_person(tokens: list, a: int, language: str) -> bool:
    """ "Segundo Márcia Pinto, ...": Portuguese's "according to", opening a sentence before a
    given name, opens no name (not "Segundo Montes", nor Spanish's given name "Segundo Julio
    Ramos")."""
    opens = a == 0 or tokens[a - 1].text in (".", "!", "?", "\n", ":", "“", '"')
    return (
        language == "pt"
        and opens
        and tokens[a].text == "Segundo"
        and a + 1 < len(tokens)
        and is_given_name(tokens[a + 1].text)
    )


# A month and its day or year: a date line's ("By Royal Bahamas Defence Force\nJul 13, 2015").
MONTH_WORDS = MONTHS - WEEKDAYS | {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
# A rank before a person's name, after a body's head ("head of Lithuania's Border Guard Service
# General Rustamas Liubajevas").
RANKS_WRITTEN_OUT = {
    "general", "colonel", "major", "captain", "lieutenant", "sergeant", "commissioner",
    "inspector", "superintendent", "admiral", "commander", "brigadier", "constable", "chief",
    "atty",  # ("the IACAT Secretariat Atty. Neil Simon Silva": an attorney's title)
}  # fmt: skip
# A team of a body named in lower case after its adjective ("the Royal Turks and Caicos
# Islands Police Tactical team", "the Ministry of Internal Affairs Anti-human trafficking
# department").
LOWER_CASE_UNITS = {
    "team", "teams", "unit", "units", "department", "departments", "division", "section",
    "squad", "branch", "desk", "office", "cell",
}  # fmt: skip


def ends_a_name(tokens: list, j: int) -> bool:
    """Whether tokens[j] ends the name the tokens before it make (a picture's credit ends it
    whatever the name: "in Port Majuro Photo: RNZI"); so do a date ("Force Jul 13"), an
    article opening the next sentence ("the National Police A new publication"), a rank before
    a person's name after a body's head (or a police rank: "Police General"), the adjective of
    a team named in lower case, and anything after a company's form ("Ltd")."""
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    after_key = after.key if after is not None else ":"
    head_before = j > 0 and tokens[j - 1].key in ORG_HEADS
    return (
        tokens[j].key in WEEKDAYS
        # ("Lucky Star (Pty) Ltd in Village Deep": a company's form ends its name)
        or (j > 0 and tokens[j - 1].key in COMPANY_FORMS and tokens[j - 1].text[:1].isupper())
        or (tokens[j].key in AFTER_A_HEAD_ENDS and head_before)
        or (tokens[j].key in ("photo", "photos") and after_key in (":", "credit", "courtesy"))
        or (tokens[j].key in MONTH_WORDS and after is not None and after.text[:1].isdigit())
        or (tokens[j].text in ("A", "An") and after is not None and after.text.islower())
        or (tokens[j].key in RANKS_WRITTEN_OUT and head_before and _a_name_after(tokens, j))
        # ("... Anti-Trafficking in Persons Police General Suchat Theerasawat": a police rank
        # after a body's name with a head of its own; not "Zambia Police Commissioner Jane")
        or (
            tokens[j].key == "police"
            and after_key in RANKS_WRITTEN_OUT
            and _a_name_after(tokens, j + 1)
            and _a_head_before(tokens, j)
        )
        or (
            head_before
            and tokens[j].text[:1].isupper()
            and tokens[j].key not in ORG_HEADS  # ("Coast Guard South Velna Group Command teams")
            and _adjective_of_a_team(tokens, j)
        )
    )


def _a_head_before(tokens: list, j: int) -> bool:
    """Whether the capitalized run of a name that ends before tokens[j] holds a body's head
    ("Centre for Children, ..., and Anti-Trafficking in Persons"), its commas and connectors
    between (up to twenty tokens back)."""
    for k in range(j - 1, max(-1, j - 21), -1):
        t = tokens[k]
        if t.key in ORG_HEADS and t.text[:1].isupper():
            return True
        if t.is_word and t.text.islower() and t.key not in ("of", "for", "and", "in", "the"):
            return False
        if t.text in (".", ";", ":", "(", ")"):
            return False
    return False


def _a_name_after(tokens: list, j: int) -> bool:
    """Whether two capitalized words follow tokens[j], neither a body's head nor a unit's
    word ("General Rustamas Liubajevas", not "General Staff", "Major Crimes Division")."""
    j += j + 1 < len(tokens) and tokens[j + 1].text == "."  # ("Atty. Neil Simon Silva")
    after = tokens[j + 1 : j + 4]
    words = [t for t in after[:2] if t.is_word and t.text[:1].isupper()]
    return len(words) == 2 and not any(
        t.key in ALL_HEADS or t.key in NOT_A_NAME_AFTER_A_RANK for t in after
    )


NOT_A_NAME_AFTER_A_RANK = {"staff", "hospital", "college", "crimes", "headquarters", "school"}


def _adjective_of_a_team(tokens: list, j: int) -> bool:
    """Whether tokens[j] is followed by up to two lower-case words and a team's noun."""
    for k in range(j + 1, min(j + 4, len(tokens))):
        if not (tokens[k].is_word and tokens[k].text.islower()):
            return False
        if tokens[k].key in LOWER_CASE_UNITS:
            return True
    return False


def a_name_ends_before_and_the(tokens: list, p: int, b: int, known=None) -> bool:
    """Whether "and the" at `p` ends the name before it: a body's head word is after it ("the
    Ministry of Labour and the National Institute for Women": two names), or the capitalized
    words after it, up to the run's end `b`, only qualify the common noun after them ("the
    Libyan Ministry of Foreign Affairs and the Sudanese embassy", "... and the KRI security
    agency"); not a place's name ("Regional Office for South Ostravia and the Islands is"),
    the text's `known` span of those words."""
    words = tokens[p + 2 : b]
    if any(t.key in ORG_HEADS - {"system", "group", "team"} for t in words):
        return True
    if known is not None and known.kind == "place" and not (known.entry and known.entry.demonym):
        return False
    return (
        1 <= len(words) <= 3
        and not any(t.key in ALL_HEADS for t in words)
        and b < len(tokens)
        and tokens[b].is_word
        and tokens[b].text.islower()
        and tokens[b].key not in CONNECTORS
        and not a_verb(tokens[b].key)
    )


# A finite verb after a name: its predicate ("the Family said"), no noun it qualifies ("the
# Pelmark embassy"): past forms in -ed, an irregular past, a verb of saying, an auxiliary.
VERBS_AFTER_A_NAME = {
    "said", "says", "told", "tells", "found", "finds", "made", "gave", "held", "met", "sent",
    "took", "saw", "rose", "fell", "led", "kept", "left", "spent", "brought", "began", "wrote",
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "does", "did", "also", "reports", "estimates", "warns",
    "notes", "announces", "welcomes", "calls", "urges",
}  # fmt: skip
NOUNS_IN_ED = {"hundred", "speed", "breed", "creed", "greed", "need", "seed", "feed", "shed"}


def a_verb(key: str) -> bool:
    """Whether a lower-case word after a name is a verb (see VERBS_AFTER_A_NAME)."""
    return key in VERBS_AFTER_A_NAME or (
        len(key) > 4 and key.endswith("ed") and key not in NOUNS_IN_ED
    )


def two_names_at_e(tokens: list, a: int, p: int, b: int) -> bool:
    """Whether Portuguese "e" at `p` joins two names ("a Polícia Federal e Receita Federal"):
    the words before it a whole name, a head word and no connector (not "Serviço de Vistos e
    Fronteiras", "Ministério da Justiça e Segurança Pública"), two words or more after it."""
    left = {t.key for t in tokens[a:p]}
    return tokens[p].text == "e" and bool(left & ORG_HEADS) and not left & CONNECTORS and b - p > 2
