"""Rules for organizations' names: acronyms and the initials they stand for, names typed by
the words around them ("the NGO X", "X, a foundation"), names listed with an organization,
and acronyms that name a project rather than an organization.
"""

from __future__ import annotations

import functools
import re

from kg.extraction.body_forms import BODY_NOUNS, named_after_ngo
from kg.extraction.body_units import role_of_a_body_before
from kg.extraction.given_names import given_names, is_given_name
from kg.extraction.name_ends import WEEKDAYS, a_verb
from kg.extraction.name_words import (
    CONNECTORS,
    EVENT_HEADS,
    GENERIC_NAMES,
    LAW_HEADS,
    MEMBERS_OF_A_BODY,
    MONTHS,
    NAME_IS_TYPE,
    NAMES_ARE_TYPES,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    ORG_LAST_WORDS,
    ORG_NOUN_BEFORE,
    ORG_NOUNS,
    PROJECT_HEADS,
    STARTERS,
    STUDY_HEADS,
    SUBJECT_WORDS,
)
from kg.extraction.outlets import MEDIUM_THEN_NAME, OUTLETS
from kg.extraction.people import PERSON_ROLES, looks_like_person
from kg.extraction.spans import Span, _is_name_word
from kg.extraction.text import Passage, Source, Token
from kg.extraction.world import names_a_country


def _is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


INITIALS_SKIP = {
    "of", "on", "and", "for", "the", "in", "to", "against", "at",
    # Spanish, Portuguese and French connectors ("Organización Internacional para las
    # Migraciones", OIM)
    "de", "del", "la", "las", "los", "el", "y", "para", "por", "da", "do", "dos", "das", "e",
    "des", "du", "le", "les", "et", "pour",
}  # fmt: skip


def _initials_match(letters: str, name: str) -> bool:
    """Whether `letters` ("UNODC") are the initials of `name` ("UN Office on Drugs and
    Crime", "United Nations Office on Drugs and Crime"): the first letter of each word but
    the connectors (an acronym inside the name gives all its letters), in order, or, for
    a name in another language's order ("National Migration Institute", INM), the same
    letters in any order."""
    every = re.findall(r"[\w’'-]+", re.sub(r"[’']s\b", "", name))
    every = [w for w in every if w.casefold() not in ("the", "a", "an")]
    # "UK Department for International Development", DFID: a country's abbreviation before
    # the name is no part of it, and a connector may give its letter
    if len(every) > 2 and every[0].isupper() and len(every[0]) <= 3 and len(letters) > 2:
        short = every[1:]
        if "".join(w[0] for w in short).upper() == letters:
            return True
    if len(every) > 2 and "".join(w[0] for w in every).upper() == letters and len(letters) > 2:
        return True
    words = [w for w in every if w.casefold() not in INITIALS_SKIP]
    if len(words) < 2 or len(letters) < 2:
        return False
    if len(letters) == 2:  # "EU", "European Union": two words, their initials in order
        return len(words) == 2 and letters == "".join(w[0] for w in words).upper()
    whole = "".join(w if _is_acronym_text(w) else w[0] for w in words).upper()
    firsts = "".join(w[0] for w in words).upper()
    if letters in (whole, firsts):
        return True
    return len(letters) == len(firsts) and sorted(letters) == sorted(firsts)


# "the Ansar law enforcement agency": a name, then what kind of organization it is.
NAME_THEN_TYPE = re.compile(
    rf"\bthe\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}})\s+"
    rf"(?:[a-z-]+\s+){{0,3}}?(?:{ORG_NOUNS})\b"
)
# "the local NGO Casa Alianza", "in cooperation with “El Refugio de la Niñez”": the kind of
# organization (or a partnership), then its name; in French, an adjective after "ONG" ("l'ONG
# espagnole Caminando Fronteras").
TYPE_THEN_NAME = re.compile(
    rf"\b(?:(?i:{ORG_NOUNS})(?:(?<=ONG)\s+[a-zà-ÿ]+)?|"
    rf"(?i:(?:cooperation|partnership|collaboration|coordination)\s+with))"
    rf"\s+(?P<q>[\"“])?(?P<name>[A-Z][\w’'-]*(?:\s+(?:(?:de|del|la|las|los|el|y|of|for|and|"
    rf"the|for)\s+)*[A-Z][\w’'-]*){{0,6}})(?(q)[\"”])"
)


# "Lorvan Aid, which helps women and children in the region, said it saw 22 victims": a name a
# relative "which" describes and that then speaks is a body's (a person is "who", and a place
# does not speak).
NAME_WHICH_SAYS = re.compile(
    r"(?<![\w’'-])"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:de|del|la|of|for|the|and)\s+)*[A-Z][\w’'-]+){0,4})"
    r",\s+which\s+[^,.;:!?\"“”]{3,160}?,\s+"
    r"(?:said|says|estimated|estimates|told|announced|warned|added)\b"
)
# What separates the names of a list: "A, B", "A and B", "A, and the B", "A & B".
LIST_GAPS = (
    [","], ["and"], [",", "and"], ["&"], ["and", "the"], [",", "the"], [",", "and", "the"],
)  # fmt: skip

POSSESSIVES = {"their", "its", "respective", "our", "leurs", "sus", "seus", "suas"}


def _listed_with_organizations(passage, unnamed, found, known, starts, lowercase=()) -> list[Span]:
    """ "with Save the Children, World Vision and Catholic Relief Services": names of a list
    ("A, B and C") one of whose members is an organization are organizations, when nothing
    else says what they are (not a sentence's first word, no place's or person's name)."""
    tokens = passage.tokens
    members = sorted(
        [(s.a, s.b, "organization") for s in [*found, *known] if s.kind == "organization"]
        + [(s.a, s.b, s.kind) for s in [*found, *known] if s.kind != "organization"]
        + [(a, b, None) for a, b in unnamed],
        # A span both named and unnamed sorts by its kind as text: None beside "place" would
        # not compare.
        key=lambda member: (member[0], member[1], member[2] or ""),
    )
    out = []
    chain: list[tuple[int, int, str | None]] = []

    # The organizations that make a list one of names: a known one, or one with a word of
    # its own ("Asia Foundation"), not a body named by its kind alone, its words heads or
    # words the text writes in lower case ("Police Service", "Social Services": a list of
    # the sectors that took part, "Immigration, Customs, Judiciary").
    named = {
        (s.a, s.b)
        for s in [*found, *known]
        if s.kind == "organization"
        and (
            s.origin != "rule"
            or any(t.key not in ORG_HEADS | CONNECTORS and t.key not in lowercase
                   for t in tokens[s.a : s.b])
        )
    }  # fmt: skip

    def close() -> None:
        # "representing their respective Immigration, Police Service, Customs ...": after a
        # possessive, the list names kinds of bodies, no bodies
        if chain and chain[0][0] and tokens[chain[0][0] - 1].key in POSSESSIVES:
            return
        if len(chain) >= 2 and any((a, b) in named for a, b, _ in chain):
            for a, b, kind in chain:
                keys = [t.key for t in tokens[a:b]]
                if (
                    kind is None
                    and a not in starts
                    and len(keys) <= 5
                    and keys[0] not in STARTERS
                    and not set(keys) & (MONTHS | NON_ORG_HEADS)
                    and " ".join(keys) not in GENERIC_NAMES
                    # (not "Survivors of Slavery": a name of such words with "of" may be an
                    # NGO's; "Trafficking in Persons" is the crime)
                    and not (
                        set(keys) <= SUBJECT_WORDS
                        and (
                            not set(keys) & {"of", "for", "against", "on"}
                            or keys[0] == "trafficking"
                        )
                    )
                    and not MEMBERS_OF_A_BODY.fullmatch(" ".join(keys))
                    # "Immigration, Customs, Judiciary", "Public Health": words the text writes
                    # in lower case too, a body named by its kind, no name
                    and not all(k in lowercase for k in keys if k not in CONNECTORS)
                    # "by Adekoye Vincent, Head, Press ... Unit": a person's name of two or three
                    # words, one of them a given name, and no body's head word
                    and not (
                        len(keys) in (2, 3)
                        and set(keys) & given_names()
                        and not set(keys) & ORG_HEADS
                    )
                    # "IOM and the Ministry": a head word alone names a body by its kind; "Lagos
                    # Zonal Commander, National Agency ...": words ending in a role, no body's
                    and not (len(keys) == 1 and keys[0] in ORG_HEADS)
                    and not (keys[-1] in PERSON_ROLES and not set(keys) & ORG_HEADS)
                    # "IOM and the Tajik government": a word before the body it qualifies
                    # (a country's government, police, authorities) is no name of its own
                    and not (
                        b < len(tokens)
                        and tokens[b].key in BODY_NOUNS
                        and tokens[b].text.islower()
                        and names_a_country(" ".join(t.text for t in tokens[a:b]))
                    )
                    # "IOM and the Pelmark embassy": a name between "the" and a common noun
                    # qualifies that noun (not a verb: "and the Bright Path reported")
                    and not (
                        tokens[a - 1].key == "the"
                        and b < len(tokens)
                        and tokens[b].text.islower()
                        and tokens[b].key not in CONNECTORS
                        and not a_verb(tokens[b].key)
                    )
                    # "..., Ms. Jane Roe, and the ILO": a courtesy title, or the name after it
                    and not {keys[0], tokens[a - 1 - (tokens[a - 1].text == ".")].key} & COURTESY
                    # "UNHCR, IOM and Bright Path": among organizations, a name is a
                    # person's only when it begins with a given name.
                    and not (looks_like_person(tokens, a, b) and is_given_name(tokens[a].text))
                    # "el comisionado del organismo adscrito a la Secretaría X, Ardelio Vargas":
                    # the one who holds the role the words before the body name
                    and not (
                        len(chain) == 2
                        and a == chain[1][0]
                        and tokens[a - 1].text == ","  # (", NAME": not "and NAME")
                        and role_of_a_body_before(tokens, chain[0][0])
                    )
                ):
                    out.append(Span(passage, a, b, "rule", "organization", confidence=0.55))

    for member in members:
        if chain:
            gap = [t.key for t in tokens[chain[-1][1] : member[0]]]
            if gap in LIST_GAPS:
                chain.append(member)
                continue
            close()
        chain = [member]
    close()
    return out


COURTESY = {"mr", "mrs", "ms", "miss", "dr", "sr", "sra"}

AND_THE = re.compile(r"\s+and\s+the\s")
# What one word after "NGO" is not the name of: a weekday, a head word, a common word of names
NOT_A_ONE_WORD_NAME = WEEKDAYS | NOT_PERSON_WORDS


def _matches_cut_at_and_the(pattern: re.Pattern, text: str):
    """The matches of `pattern`, each with where its name ends: before a name's "and the",
    where the next match is searched from (the second name of "the NGO A and the NGO B" is
    matched too)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        cut = AND_THE.search(m.group("name"))
        if cut is None:
            yield m, m.end("name")
            pos = m.end()
        else:
            yield m, m.start("name") + cut.start()
            pos = m.start("name") + cut.end()


def _typed_organizations(passage: Passage, known: list[Span], found: list[Span]) -> list[Span]:
    """Names of organizations that the text says are organizations: "the Ansar law
    enforcement agency", "the local NGO Casa Alianza", "in cooperation with “El Refugio de la
    Niñez”". Not a name it already knows, nor a place's or a people's ("the Mexican
    agency")."""
    tokens = passage.tokens
    out = []
    taken = [(s.a, s.b) for s in [*found, *known]]
    for pattern in (NAME_THEN_TYPE, TYPE_THEN_NAME, NAME_IS_TYPE, NAME_WHICH_SAYS):
        # "the NGO La Strada and the Ukrainian NGO ...": two names
        for m, name_end in _matches_cut_at_and_the(pattern, passage.text):
            a = passage.token_index(m.start("name"))
            b = passage.token_index(name_end - 1) + 1
            # "in partnership with La Strada Moldova": a country at the end of the name is
            # part of it.
            inside_places = {
                (s.a, s.b) for s in known if s.kind == "place" and a < s.a and s.b <= b
            }
            if a >= b or any(
                ka < b and a < kb and (ka, kb) not in inside_places for ka, kb in taken
            ):
                continue
            if any(t.key in STARTERS | MONTHS | PERSON_ROLES for t in tokens[a:b] if t.is_word):
                continue
            # "the NGO Sunday": one word, not quoted, unless an NGO's ("the NGO Licadho")
            one_word = pattern is TYPE_THEN_NAME and not m.group("q") and b - a < 2
            if one_word and not named_after_ngo(m.group(), tokens, a, NOT_A_ONE_WORD_NAME):
                continue
            if pattern is NAME_WHICH_SAYS and (
                tokens[b - 1].key in NON_ORG_HEADS
                or a > 1
                and tokens[a - 1].text.islower()
                and tokens[a - 2].text[:1].isupper()
            ):
                continue  # ("The Trafficking in Persons Report, which ..., said": a report)
            out.append(Span(passage, a, b, "rule", "organization", confidence=0.6))
            taken.append((a, b))
    for m in [m for pattern in OUTLETS for m in pattern.finditer(passage.text)]:
        # "..., reports The Rising Nepal.", "The Pelmark Courier reports, citing ...": the
        # news outlet a report comes from (its "The" with it; not a person's name)
        a = passage.token_index(m.start("name"))
        b = passage.token_index(m.end("name") - 1) + 1
        a -= bool(a and tokens[a - 1].text == "The")
        inside = {(s.a, s.b) for s in known if s.kind == "place" and a <= s.a and s.b <= b}
        if any(s.kind == "place" and (s.a, s.b) in ((a, b), (a + 1, b)) for s in [*known, *found]):
            continue  # ("..., reported Lorvapol.", "The Netherlands reported": a place, no outlet)
        # ("told the Liberty Times", "à la radio Mosaique FM": the text says it is an outlet)
        medium = m.re is MEDIUM_THEN_NAME and not is_given_name(tokens[a].text)
        the = " the " in passage.text[m.start() : m.start("name")] or medium
        if any(ka < b and a < kb and (ka, kb) not in inside for ka, kb in taken) or (
            # (not "told Jane Doe"; "Al-Ahram" is no Al's name)
            is_given_name(tokens[a].text)
            and not (a + 1 < b and tokens[a + 1].text == "-" or the)
            or looks_like_person(tokens, a, b)
            and b - a > 1
            and tokens[a + 1].text != "-"
            and not the
        ):
            continue
        out.append(Span(passage, a, b, "rule", "organization", confidence=0.6))
        taken.append((a, b))
    for m in NAMES_ARE_TYPES.finditer(passage.text):
        for group in ("first", "second"):
            a = passage.token_index(m.start(group))
            b = passage.token_index(m.end(group) - 1) + 1
            if a >= b or any(ka < b and a < kb for ka, kb in taken):
                continue
            if any(t.key in STARTERS | MONTHS | PERSON_ROLES for t in tokens[a:b] if t.is_word):
                continue
            out.append(Span(passage, a, b, "rule", "organization", confidence=0.6))
            taken.append((a, b))
    return out


def _in_a_list(head: Span, span: Span) -> bool:
    """ "the Ministry of Foreign Affairs, the National Migration Institute, the ... and the
    ...": names of a list, not a name and another in apposition to it."""
    tokens = span.passage.tokens
    after = span.passage.text[span.end : span.end + 40]
    after = re.sub(r"^\s*\([^()]{1,20}\)", "", after)  # its acronym: "... Agency (SOCA), ..."
    if re.match(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z]|,\s+the\s+[A-Z]", after):
        return True
    # "Velna Police, the Lorvanian Organised Crime Agency (LOCA), Pelmark Police", "..., and the
    # Government": the next of a list; but "IOM, the UN Migration Agency, Human Trafficking
    # ...": a name of the UN's is a description, whatever follows it.
    if re.match(r",\s+(?:(?:and|or)\s+)?(?:the\s+)?[A-Z]", after) and not re.match(
        r"(?:UN|United Nations)\b", span.text
    ):
        return True
    a = head.a
    return a >= 2 and tokens[a - 1].key == "the" and tokens[a - 2].key in (",", "and", "or")


AGENCY_DESCRIBED = re.compile(
    r"(?:[’']s)?\s+(?:[a-z][\w’'-]*\s+){1,3}agency\b"
    # "the UN’s migration body", "the UN Migration entity": its field, then the word (not
    # "The UN said the body would ...")
    r"|(?:[’']s)?\s+(?:(?!(?:the|a|an|its|their|this|that|said|says|and|or)\b)"
    r"[A-Za-z][\w’'-]*\s+){1,2}(?:body|entity)\b"
)


def describes_an_agency(span: Span) -> bool:
    """ "the UN refugee agency", "the EU's border agency": a name before a description of one
    of its agencies in lower case, which names that agency, not the name's organization."""
    return AGENCY_DESCRIBED.match(span.passage.text, span.end) is not None


def written_in_lower_case(source: Source, words: list[str]) -> bool:
    """Whether the text writes these words, one after the other, in lower case somewhere
    ("trafficking in persons"): a phrase, then, not a name, wherever it is capitalized."""
    if not words:
        return False
    if len(words) == 1 and re.fullmatch(r"\w+", words[0]):
        return words[0].casefold() in source.whole_words_in_lower_case
    phrase = r"\s+".join(re.escape(w.casefold()) for w in words)
    return re.search(rf"(?<![\w-]){phrase}(?![\w-])", source.passages_text) is not None


def a_topic(source: Source, words: list[str]) -> bool:
    """Whether capitalized words are a topic rather than a name: two words or more, which the
    text writes in lower case too, together ("Trafficking in Persons", the text saying
    "trafficking in persons") or each ("ASEAN and Trafficking in Persons", the text saying
    "trafficking" and "persons")."""
    content = [w for w in words if w.casefold() not in CONNECTORS]
    while words and words[0].casefold() in CONNECTORS:
        words = words[1:]
    if len(content) < 2:
        return False
    return written_in_lower_case(source, words) or all(
        written_in_lower_case(source, [w]) for w in content
    )


def typed_as_organization(span: Span) -> bool:
    """Whether the text says what kind of body a name is, so that it is a name whatever its
    words ("the NGO Open Doors", "Safe Haven and Open Doors, both nonprofit organizations")."""
    text = span.passage.text
    if ORG_NOUN_BEFORE.search(text, 0, span.start):  # "the NGO Open Arms"
        return True
    return any(a <= span.start and span.end <= b for a, b in _typed_names(text))


@functools.lru_cache(maxsize=256)
def _typed_names(text: str) -> tuple[tuple[int, int], ...]:
    """Where a passage's text names organizations with their kind after them ("Safe Haven, a
    charity", "X and Y, both NGOs"): read once per passage, asked of each of its names."""
    typed = [m.span("name") for m in NAME_IS_TYPE.finditer(text)]
    typed += [m.span(g) for m in NAMES_ARE_TYPES.finditer(text) for g in ("first", "second")]
    return tuple(typed)


def words_before_have_org_head(tokens, i: int) -> bool:
    """Whether the capitalized name before the bracket at i has an organization's head word."""
    j = i - 1
    while j >= 0 and i - j <= 12 and (_is_name_word(tokens[j]) or tokens[j].key in CONNECTORS):
        if tokens[j].key in ORG_HEADS:
            return True
        j -= 1
    return False


def _phrase_acronyms(source: Source, known: list[Span]) -> set[str]:
    """Acronyms a text gives for a phrase in lower case ("gender-based violence (GBV)"), for
    a phrase it writes in lower case elsewhere ("Trafficking In Persons (TIP) Report", the text
    saying "trafficking in persons" too) and for a place ("Papua New Guinea (PNG)"): no
    organizations."""
    out = set()
    for passage in source.body:
        tokens = passage.tokens
        for i in range(1, len(tokens) - 2):
            if tokens[i].text != "(" or not tokens[i + 1].is_acronym:
                continue
            if tokens[i + 2].text not in (")", ",", ";") and not re.match(
                r"\s*(?:by|for|in|after)\s+its\s+(?:\w+\s+)?(?:acronym|initials)\b",
                passage.text[tokens[i + 1].end :],
            ):
                continue
            before = tokens[i - 1]
            if any(s.passage is passage and s.a <= i + 1 < s.b for s in known):
                continue
            if (
                i + 3 < len(tokens)
                and tokens[i + 3].key in NON_ORG_HEADS - {"day", "week"}
                # capitalized, the programme's name goes on ("(BMM) Programme"), or a programme
                # in lower case ("the Assisted Voluntary Return and Reintegration (AVRR)
                # programme"); not "a United Nations Office on Drugs and Crime (UNODC) project"
                and (tokens[i + 3].text[:1].isupper() or tokens[i + 3].key in PROGRAMMES)
                and not words_before_have_org_head(tokens, i)
            ):
                # "the Better Migration Management (BMM) Programme": a programme's acronym
                out.add(tokens[i + 1].text.replace(".", "").upper())
                continue
            if before.is_word and before.text.islower():
                out.add(tokens[i + 1].text.replace(".", "").upper())
                continue
            letters = tokens[i + 1].text.replace(".", "").casefold()
            if any(
                s.passage is passage
                and s.b == i
                and s.kind == "place"
                # the place's initials are the acronym: not "Office at Nairobi (UNON)",
                # "Latin America and the Caribbean (ECLAC)"
                and "".join(t.key[0] for t in tokens[s.a : s.b] if t.key not in CONNECTORS)
                == letters
                for s in known
            ):
                out.add(tokens[i + 1].text.replace(".", "").upper())  # "Papua New Guinea (PNG)"
                continue
            # "the Displacement Tracking Matrix (DTM)", "the Global Compact for Migration
            # (GCM)": a capitalized name whose head word makes it no organization.
            j, words = i - 1, set()
            while (
                j >= 0
                and i - j <= 12
                and (
                    _is_name_word(tokens[j])
                    or (tokens[j].key in CONNECTORS and tokens[j].text.islower())
                    or (tokens[j].text == "," and j and _is_name_word(tokens[j - 1]))
                )
            ):
                words.add(tokens[j].key)
                j -= 1
            if (
                # "the EU Emergency Trust Fund for Africa (EUTF)": a fund, no organization
                {"trust", "fund"} <= words
                or words & NON_ORG_HEADS
                and not words & ORG_HEADS
                or (
                    not words & (ORG_HEADS | ORG_LAST_WORDS)
                    and (
                        words & TOPIC_WORDS  # "Trafficking in Human Beings (THB)"
                        or a_topic(source, [t.text for t in tokens[j + 1 : i]])
                    )
                )
            ):
                out.add(tokens[i + 1].text.replace(".", "").upper())
    # "a UNODC project, TRACK4TIP,", "the programme CAMINOS": the acronym names the project.
    for passage in source.body:
        for m in re.finditer(
            r"\b(?:project|programme|program|initiative|campaign|platform|database|tool|"
            r"system|app|hotline|network|mechanism),?\s+[\"“]?(?P<acronym>[A-Z][A-Z0-9-]{2,})\b",
            passage.text,
        ):
            out.add(m.group("acronym").replace(".", "").upper())
    return out


# Words of a subject, not of a body's name: a capitalized phrase with one of them and no
# organization's head word is a topic ("Trafficking in Human Beings", "Better Migration
# Management"), and its acronym names no organization.
TOPIC_WORDS = {"trafficking", "smuggling", "exploitation", "violence", "slavery", "migration",
               "displacement", "abuse"}  # fmt: skip
PROGRAMMES = {"programme", "program", "programmes", "programs", "scheme", "initiative"}
NON_ORG_HEADS = (PROJECT_HEADS | LAW_HEADS | EVENT_HEADS | STUDY_HEADS | {"campaign"}) | {
    "matrix", "goals", "goal", "mechanism", "tool", "toolkit", "framework", "strategy",
    "compact", "agenda", "platform", "database", "hotline", "methodology", "standards",
    "principles", "day", "week", "plan", "policy", "policies", "pact", "model", "approach",
}  # fmt: skip


# The roles a person holds in an organization, written after its name ("Bright Path Executive
# Director Jane Roe"); not a government's titles, which follow a portfolio or a people
# ("Foreign Minister", "Ruritanian Ambassador").
ROLES_IN_AN_ORGANIZATION = {
    "director", "chief", "head", "coordinator", "president", "spokesperson", "spokesman",
    "spokeswoman", "representative", "manager", "chair", "chairman", "chairperson", "founder",
    "co-founder", "ceo",
}  # fmt: skip
BODY_TITLES = {"commissioner", "secretary", "inspector", "superintendent", "commander"}
# Words that qualify such a role ("Executive Director", "Country Representative").
ROLE_QUALIFIERS = {
    "executive", "regional", "country", "deputy", "vice", "senior", "acting", "interim",
    "general", "assistant", "associate", "special", "founding", "national", "programme",
    "program", "project", "permanent", "principal", "chief", "under",
}  # fmt: skip


def _organization_before_role(passage: Passage, a: int, b: int, known_ranges) -> list[Span]:
    """ "Bright Path Executive Director": the name before a role held in an organization is
    that organization's (two words or more, none a head of a project, a law or an event, not
    a name the text already knows)."""
    tokens = passage.tokens
    # (a government's title too after a body's head word: "Bureau of Immigration
    # Commissioner Jane Roe")
    headed = any(t.key in ORG_HEADS for t in tokens[a:b])
    roles = ROLES_IN_AN_ORGANIZATION | (BODY_TITLES if headed else set())
    r = end = a
    # (a qualifier before a body's head word is the name's: "Special Branch Deputy Director";
    # not "Special Economic Zone Director", "National Park Director": no body's head after)
    while end < b and (end == a or tokens[end].key in ORG_HEADS):
        r = end = next((k for k in range(end, b) if tokens[k].key in roles | ROLE_QUALIFIERS), b)
        while end < b and tokens[end].key in ROLE_QUALIFIERS:
            end += 1
        if end > r and (end >= b or tokens[end].key not in roles) and tokens[end - 1].key in roles:
            end -= 1  # "Chief of Mission": a qualifier that is a role itself
        if end >= b or tokens[end].key in roles:
            break
    if r - a < 2 or end >= b or tokens[end].key not in roles:
        return []
    keys = {t.key for t in tokens[a:r]} - {"of", "for", "the", "and"}
    if (
        not all(_is_name_word(t) or t.key in ("of", "for", "the", "and") for t in tokens[a:r])
        or not _is_name_word(tokens[r - 1])
        or keys & (NON_ORG_HEADS | STARTERS | MONTHS | PERSON_ROLES)
        or any(ka < r and a < kb for ka, kb in known_ranges)
        or (is_given_name(tokens[a].text) and looks_like_person(tokens, a, r))
    ):
        return []
    return [Span(passage, a, r, "rule", "organization", confidence=0.6)]


# The words that open a name's complement, in English, Spanish, Portuguese and French.
ENGLISH_COMPLEMENTS = {"of", "for", "to", "on", "against"}
COMPLEMENTS = ENGLISH_COMPLEMENTS | {"de", "del", "para", "contra", "pour", "du", "des", "do",
                                     "da", "dos", "das"}  # fmt: skip
AND_WORDS = {"and", "y", "e", "et"}


def _continues_a_complement(tokens: list[Token], j: int, known_starts: set[int]) -> bool:
    """ "Bureau of Housing, Roads and Water": the comma at `j` goes on with a name's complement
    when a list of plain words follows, "and" before its last: items of one to three words, no
    acronym or known name's start ("the Ministry of Interior, UNHCR and IOM"), no "and the",
    no body's head word but in English without a serial comma ("Health and Social Services")."""
    opener = next((t.key for t in reversed(tokens[:j]) if t.key in COMPLEMENTS), "of")
    near = range(j, min(j + 12, len(tokens) - 1))  # (", and Ostrava Police": a body's name)
    serial = any(tokens[x].text == "," and tokens[x + 1].key in AND_WORDS for x in near)
    heads = ORG_HEADS if opener not in ENGLISH_COMPLEMENTS or serial else set()
    k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].key in AND_WORDS)
    last = k > j + 1  # (", and Social Welfare": the list's last item, after its comma)
    while True:
        n = 0
        while k < len(tokens) and _is_name_word(tokens[k]):
            if tokens[k].is_acronym or k in known_starts or n == 3 or tokens[k].key in heads:
                return False
            k += 1
            n += 1
        if n == 0:
            return False
        if last:
            return True
        if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].key in AND_WORDS:
            k += 1
        if k < len(tokens) and tokens[k].key in AND_WORDS:
            last = True
        elif not (k < len(tokens) and tokens[k].text == ","):
            return False
        k += 1
