"""Rules for people's names: a name after its role ("Minister of Justice Jane Doe"), a name
by the words around it (a title, a verb of speech, a role in apposition), names in any
position of a passage, and the other names of a list with a person in it.
"""

from __future__ import annotations

import re

from kg.extraction.body_forms import company_form_after
from kg.extraction.given_names import is_given_name
from kg.extraction.lookup import _words
from kg.extraction.name_ends import according_to_a_person
from kg.extraction.name_parts import _person_names, in_a_name_run, past_a_name_s_of
from kg.extraction.name_words import (
    ACRONYM_STOP,
    AGE_IN_APPOSITION,
    ALL_HEADS,
    COMPLEMENT_OPENERS,
    CONNECTORS,
    MONTHS,
    NAME_PARTICLES,
    NAME_TITLES,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    ORG_NOUN_BEFORE,
    PLACE_HEADS,
    ROLE_HEADS,
    SPEECH,
    STARTERS,
    _acronym_spells,
    continues_a_body,
)
from kg.extraction.person_words import (
    ARTICLES_ES_FR_PT,
    CLAUSE_OPENERS,
    LIST_CUE,
    OF_ORGANIZATION,
    OPENERS,
    PERSON_ROLES,
    PERSON_VERB_AFTER,
    PREPOSITIONS_ES_FR_PT,
    ROLE_WORDS,
    SPEECH_AFTER_NAME,
    SPEECH_BEFORE,
    TITLE_BEFORE,
    TWO_SENSE_RANKS,
    a_person_in_apposition,
    a_role_word,
    ends_no_complement,
    hyphenated_key,
    looks_like_person,
    role_word_before,
)
from kg.extraction.spans import Span, _in_a_credit, _is_name_word
from kg.extraction.text import Passage, Source, Token, fold, in_a_headline


def _name_after_role(tokens: list[Token], a: int, b: int, known_ranges):
    """Where a person's name begins at the end of the run [a, b) that holds a role before
    it, or None: two or three capitalized words after the role's last word (and after a
    one-word complement: "for Operations"), none of them a head word or a known name."""
    last_role = None
    for i in range(a, b):
        if tokens[i].key in ROLE_WORDS or tokens[i].key.split("-")[-1] in ROLE_WORDS:
            last_role = i
    if last_role is None:
        return None
    start = last_role + 1
    while start < b and tokens[start].text in ("-",):  # "Secretary-General"
        start += 2
    if start + 1 < b and tokens[start].key in ("for", "of", "on") and b - (start + 2) >= 2:
        if start + 2 < b and tokens[start + 2].key in ("and", "&"):
            return None  # "Minister for Youth and Family Welfare": the portfolio goes on
        start += 2
    end = start
    while end < b and (
        tokens[end].is_word
        and tokens[end].key not in CONNECTORS
        or (tokens[end].text == "-" and not tokens[end].space_before)
    ):
        end += 1
    # "Vice Minister of Foreign Affairs Jane Doe": a longer complement ends before the name.
    while end - start > 2 and tokens[start].key in NOT_PERSON_WORDS:
        start += 1
    # "Minister of Social Policy Jane Doe": the name begins at a given name.
    given = next(
        (
            i
            for i in range(start + 1, end - 1)
            if is_given_name(tokens[i].text) and tokens[i].key not in NOT_PERSON_WORDS
        ),
        None,
    )
    if end - start > 2 and given is not None and not is_given_name(tokens[start].text):
        start = given
    name = tokens[start:end]
    if not 2 <= len(name) <= 4 or start == a:
        return None
    if any(
        not t.is_word
        and t.text != "-"
        or t.is_acronym
        or (t.key in ALL_HEADS | CONNECTORS | ROLE_WORDS)
        for t in name
    ):
        return None
    if any(ka <= start < kb or start <= ka < end for ka, kb in known_ranges):
        return None
    if not looks_like_person(tokens, start, end):
        return None  # "Coordinator of La Strada International": an organization
    return start, end


def _person_context(passage: Passage, a: int, b: int) -> bool:
    """Words around tokens [a, b) that make them a person's name: a title before, a verb of
    speech next to them ("said Jane Doe", "Jane Doe said"), or a role in apposition ("Jane
    Doe, IOM Chief of Mission in Mexico")."""
    tokens = passage.tokens
    if _acronym_spells(tokens, a, b):
        return False  # "According to Velna Moravi Sadan (VMS)": no one's name
    if a and tokens[a - 1].key.rstrip(".") in PERSON_ROLES:
        return True  # "Dr Jane Doe", "counter-trafficking specialist Jane Doe"
    before = passage.text[max(0, tokens[a].start - 30) : tokens[a].start]
    after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 60]
    # (the verb right before the name: not "UNICEF said in ‘Broken Dreams – ...’", a title)
    speech_before = [m for m in SPEECH.finditer(before[-15:])]
    if speech_before and re.fullmatch(r"[\s,]*", before[-15:][speech_before[-1].end() :]):
        return True
    if SPEECH.search(after[:20]) and not _closes_a_quote(after, tokens[b - 1].text):
        return True  # (not "‘... Where the People Cry’,” explained": the quote's own words)
    # "Executive Director, UN Office on Drugs and Crime, Jane Doe:": a signature.
    wider = passage.text[max(0, tokens[a].start - 80) : tokens[a].start]
    if after.startswith(":") and before.endswith(", ") and set(_words(wider)) & ROLE_WORDS:
        return True
    # "Jane Doe, a 46-year-old Fijian citizen", "John Roe, 52, was": an age in apposition
    if AGE_IN_APPOSITION.match(after) and tokens[b - 1].key not in PLACE_HEADS:
        return True  # not "Mtwapa Town, 12,"; and "22-year-old Jane Doe":
    if re.search(r"\b\d{1,2}[-\s]years?[-\s]old\s+$", before):
        return True
    m = re.match(r",\s+((?:\S+\s+){0,5}?\S+)", after)
    return bool(m and {fold(w) for w in re.findall(r"\w+", m.group(1))} & ROLE_HEADS)


def _closes_a_quote(after: str, last_word: str) -> bool:
    """Whether a quote closes right after a name (",’”", "”", "»"): not a possessive ("Jane
    Doe’s", "Ndlovu Andrews’ lawyer")."""
    if re.match(r"[’']s\b", after) or last_word.endswith("s") and re.match(r"[’']\s", after):
        return False
    return bool(re.match(r"[,.]?[’”'\"»]", after))


def _role_before(passage: Passage, a: int, known_ranges: dict) -> bool:
    """A role or title just before token a, directly ("Ambassador Jane Doe", "specialist
    Jane Doe", "Mr. Jane Doe") or through its complement ("Chief of Mission in Cambodia Jane
    Doe", "Ambassador to Honduras Jane Doe", "Director General for Operations Jane Doe", "deputy
    minister of internal affairs Jane Doe")."""
    tokens = passage.tokens
    i = a - 1
    if i >= 1 and tokens[i].text == "." and tokens[i - 1].key in NAME_TITLES | {"prof", "st"}:
        return True
    if i >= 0 and tokens[i].key in ("for", "of", "on"):
        return False  # "Undersecretary for Strategic Communications": the role's portfolio
    if i >= 0 and (tokens[i].text in PREPOSITIONS_ES_FR_PT or tokens[i].text in ARTICLES_ES_FR_PT):
        return False  # "Procurador de los Derechos Humanos": the same
    # (not "the coordinator of shelters in Elias Lopez", "the minister ... visited X")
    placed = i >= 0 and ends_no_complement(tokens, i)
    steps = lower = walked = 0
    while i >= 0 and steps < 20:
        t = tokens[i]
        # ("porte-parole", "porta-voz": a role in words the tokens split at the hyphen)
        joined = hyphenated_key(tokens, i)
        if t.key in PERSON_ROLES or t.key.split("-")[-1] in PERSON_ROLES or joined in PERSON_ROLES:
            # (not "the minister visited farms Jane Doe")
            return not lower and not (walked and placed)
        # "deputy minister of internal affairs Jane Doe": a lower-case complement "of" or "for"
        if t.is_word and t.text.islower() and t.key not in CONNECTORS and lower < 4:
            i, steps, lower, walked = i - 1, steps + 1, lower + 1, 1
            continue
        if t.key in ("of", "for") or t.key in PREPOSITIONS_ES_FR_PT:
            lower = 0
        known = next((ka for (ka, kb), s in known_ranges.items() if kb == i + 1 and ka <= i), None)
        if known is not None:
            i, steps = known - 1, steps + 1
            continue
        if t.key in (
            "of",
            "for",
            "to",
            "in",
            "on",
            "the",
            "and",
            "at",
            "-",
            "’s",
            "'s",
            "'",
            ",",
        ) or (
            t.text in ("(", ")")
            or t.is_word
            and (t.text[0].isupper() or t.is_acronym)
            or t.key in PREPOSITIONS_ES_FR_PT
            or t.key in ARTICLES_ES_FR_PT
        ):
            # "the", "los", "la": an article only after a preposition ("Head of the ...",
            # "Procurador de los Derechos Humanos, Jane Doe")
            after_preposition = i and (
                tokens[i - 1].key in ("of", "for", "to", "in", "on")
                or tokens[i - 1].key in PREPOSITIONS_ES_FR_PT
            )
            if (t.key == "the" or t.key in ARTICLES_ES_FR_PT) and after_preposition:
                i, steps = i - 1, steps + 1
                continue
            if t.key == "the" or t.key in ARTICLES_ES_FR_PT:
                return False
            i, steps = i - 1, steps + 1
            continue
        return False
    return False


def _role_after(passage: Passage, b: int) -> bool:
    """ "Jane Doe, IOM Chief of Mission in Mexico", "Jane Doe, head of the shelter",
    "Jane Doe (Ministry of Labour)", "Jane Doe, who heads ...": a role in apposition."""
    text = passage.text
    end = passage.tokens[b - 1].end
    after = text[end : end + 90]
    m = re.match(r",\s+([^,;:()\u201c\u201d\"]{1,80})", after) or re.match(
        r"\s*\(\s*([^()]{2,60})\)", after
    )
    if not m:
        return False
    words = {fold(w) for w in re.findall(r"[\w-]+", m.group(1))[:8]}
    words |= {w.split("-")[-1] for w in words}
    if words & PERSON_ROLES:
        return True
    return bool(re.match(r",\s+who\s+(?:heads|leads|directs|chairs|runs|manages)\b", after))


def _role_before_comma(passage: Passage, a: int, b: int, known_ranges: dict) -> bool:
    """ "Vice Minister of Foreign Affairs, Jane Doe, said", "... by the EU Commissioner, Jane
    Doe.": a role, a comma, the name, and a comma, a verb of speech or the sentence's end."""
    tokens = passage.tokens
    if a < 2 or tokens[a - 1].text != ",":
        return False
    after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 30]
    before = passage.text[max(0, tokens[a].start - 100) : tokens[a].start]
    # '..." said IOM programme officer, Jane Doe.': the speaker ends the sentence
    speaker_last = re.match(r"\s*(?:[.;]|$)", after) and re.search(
        r"\b(?:said|says|added|explained|noted|stressed|told)\s+[^.;“”\"]*$", before
    )
    if not (re.match(r"\s*[,:.]", after) or SPEECH_AFTER_NAME.match(after) or speaker_last):
        return False
    return _role_before(passage, a - 1, known_ranges)


def _organization_after(passage: Passage, b: int, known_ranges: dict) -> bool:
    """ "Jane Doe of the National Centre for Migrant Care", "Jane Doe from IOM": the
    organization (a known one, an acronym, or a capitalized name with an organization's head
    word) that a person is of."""
    tokens = passage.tokens
    m = OF_ORGANIZATION.match(passage.text, tokens[b - 1].end)
    if m is None:
        return False
    k = passage.token_index(m.end())
    if k >= len(tokens):
        return False
    if any(ka == k and span.kind == "organization" for (ka, _), span in known_ranges.items()):
        return True
    if tokens[k].is_acronym and tokens[k].text.replace(".", "").upper() not in ACRONYM_STOP:
        return True
    j, words = k, []
    while j < len(tokens) and len(words) < 10:
        t = tokens[j]
        if _is_name_word(t):
            words.append(t.key)
        elif not (t.key in CONNECTORS and t.text.islower()):
            break
        j += 1
    return bool(set(words) & (ORG_HEADS - {"system", "group", "team", "house", "cross"}))


def _given_name_after_a_role(tokens: list[Token], i: int, surnames=frozenset()) -> bool:
    """ "Minister of Social Policy Jane Doe", "Major Jane Doe", "Major Doe" (a surname of
    `surnames`): a given name after a role (in the eight words before) or a rank begins a name."""
    named = i < len(tokens) and (is_given_name(tokens[i].text) or tokens[i].key in surnames)
    if not named or tokens[i].key in NOT_PERSON_WORDS:
        return False
    if tokens[i - 1].key in TWO_SENSE_RANKS:
        return True  # ("Major Jane Doe": "Major" is a given name too)
    if is_given_name(tokens[i - 1].text) and tokens[i - 1].key not in NOT_PERSON_WORDS:
        return False  # "Jane Mary Doe": the name began before
    return any(
        t.key in PERSON_ROLES or t.key.split("-")[-1] in PERSON_ROLES
        for t in tokens[max(0, i - 8) : i]
    )


def _named_like_a_person(
    tokens: list[Token], a: int, b: int, lowercase: frozenset[str], surnames: frozenset[str]
) -> bool:
    """A name of two to four parts that nothing around it explains: a person's when its first
    part is a given name and its last no word the text writes in lower case ("Grace Period"),
    or when the text uses its last part alone for a person ("Doe said", "Ms. Doe")."""
    parts = [t for t in tokens[a:b] if t.is_word and t.key not in NAME_PARTICLES]
    if not 2 <= len(parts) <= 4 or any(t.is_acronym for t in parts):
        return False
    if b + 1 < len(tokens) and tokens[b].text in ("'s", "’s") and _is_name_word(tokens[b + 1]):
        return False  # "Grace Hope's Shelter": the name of something of hers
    last = parts[-1].key
    if last in surnames:
        return True
    return is_given_name(parts[0].text) and last not in lowercase and last not in MONTHS


def surnames_in_use(source: Source) -> frozenset[str]:
    """Capitalized words a text uses alone for a person: after a title ("Ms. Doe", "Dr
    Doe") or before a verb of speech ("Doe said", "Doe, who ..., added")."""
    out = set()
    for passage in source.body:
        text = passage.text
        for m in re.finditer(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+([A-Z][\w’'-]+)\b(?!\s+[A-Z])", text):
            out.add(fold(m.group(1)))
        for m in re.finditer(r"(?<![\w’'-])([A-Z][a-z][\w’'-]*)\b", text):
            word = fold(m.group(1))
            if word in NOT_PERSON_WORDS or not SPEECH_AFTER_NAME.match(text[m.end() :]):
                continue
            if not re.search(r"[A-Z][\w’'-]*$", text[: m.start()].rstrip()):
                out.add(word)  # alone: not the last part of a longer name
    return frozenset(out - STARTERS)


def _list_of_names(passage: Passage, a: int, known_tokens: set[int]) -> int:
    """How many person-like names (none known as anything else) a list that begins at token
    a holds: "Jane Doe, John Roe and Ana Loe"."""
    tokens = passage.tokens
    count, i = 0, a
    while i < len(tokens):
        found = _person_names(tokens, i)
        if found is None or any(x in known_tokens for x in range(*found)):
            break
        if not looks_like_person(tokens, *found):
            break
        count += 1
        j = found[1]
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        if j < len(tokens) and tokens[j].key == "and":
            j += 1
        if j == found[1]:
            break
        i = j
    return count


def _in_a_portfolio(tokens: list[Token], i: int) -> bool:
    """Whether the capitalized word at i continues a role's complement after "and" ("Minister
    for Women and Gender Equality"; not after a comma: "Minister of Foreign Affairs, Jane
    Doe, said")."""
    if i < 2 or tokens[i - 1].key not in ("and", "&"):
        return False
    if (
        i + 2 < len(tokens)
        and is_given_name(tokens[i].text)
        and tokens[i + 1].is_word
        and tokens[i + 1].text[:1].isupper()
        and tokens[i + 1].key not in NOT_PERSON_WORDS
        and tokens[i + 2].text == ","
    ):
        # "the Minister of Labour and Amina Kolade, IOM Chief of Mission": a person's name
        # and her role in apposition (not "the Minister of Fisheries and Marine Resources")
        return False
    k = i - 2
    while k >= 0 and i - k <= 10:
        t = tokens[k]
        if t.key in PERSON_ROLES or t.key.split("-")[-1] in PERSON_ROLES:
            return k + 1 < i - 1 and tokens[k + 1].key in ("for", "of", "on")
        if not (t.is_word and t.text[:1].isupper() or t.key in ("of", "for", "and", ",", "&")):
            return False
        k -= 1
    return False


def _named_by_a_title(passage: Passage, a: int, b: int, known_ranges: dict) -> bool:
    """ "Ms. Jane Mwanza", "said Park Chu-Ung, a police officer": a title before the name,
    or a verb of speech before it and a role after it, make it a person's, though a part of
    it is also a place's name or a common word ("Park"); not a body's name, nor one with a
    body's head or a role word in it."""
    tokens = passage.tokens
    if not 2 <= b - a <= 5 or any(
        ka < b and a < kb and s.kind == "organization" for (ka, kb), s in known_ranges.items()
    ):
        return False
    capitalized = [t.key for t in tokens[a:b] if t.text[:1].isupper()]
    if any(k in ORG_HEADS or k in PERSON_ROLES for k in capitalized):
        return False
    if tokens[b - 1].key in NOT_PERSON_WORDS:  # ("Dr. Velmar Hospital": a place's or a body's)
        return False
    before = passage.text[max(0, tokens[a].start - 40) : tokens[a].start]
    return bool(TITLE_BEFORE.search(before)) or (
        bool(SPEECH_BEFORE.search(before)) and _role_after(passage, b) and _role_first(passage, b)
    )


def _role_first(passage: Passage, b: int) -> bool:
    """Whether the apposition after the name at b gives a role in its first four words, the
    name's ("said Park Min-ho, a police officer"), not another's in a clause on another head
    ("reported Radio Velmar, a station owned by the minister of ...")."""
    after = passage.text[passage.tokens[b - 1].end : passage.tokens[b - 1].end + 60]
    words = [fold(w) for w in re.findall(r"[\w-]+", after)[:4]]
    # (nor "Radio Velmar, a station whose director ...": a clause on the other head's)
    words = words[: next((k for k, w in enumerate(words) if w in CLAUSE_OPENERS), 4)]
    return any(w in PERSON_ROLES or w.split("-")[-1] in PERSON_ROLES for w in words)


def _one_name_after_a_title(passage: Passage, i: int) -> tuple[int, int] | None:
    """ "Commissioner Sumaryono said": one name after a title, then a verb of speech."""
    t, title = passage.tokens[i], passage.tokens[i - 1] if i else None
    named = title is not None and title.key in PERSON_ROLES and title.text[0].isupper()
    word = t.is_word and t.text[0].isupper() and not t.is_acronym
    if named and word and t.key not in NOT_PERSON_WORDS:
        return (i, i + 1) if SPEECH_AFTER_NAME.match(passage.text[t.end :]) else None
    return None


def find_persons(
    passage: Passage,
    known_ranges: dict,
    starts: set[int],
    lowercase: frozenset[str] = frozenset(),
    surnames: frozenset[str] = frozenset(),
) -> list[Span]:
    """People's names by the words around them: a title or role before ("Minister Jane Doe",
    "Mr. John Doe", "Chief of Mission in Cambodia Jane Doe"), a verb of speech before or after
    ("said Jane Doe", "Jane Doe told", "according to Jane Doe"), a role in apposition ("Jane
    Doe, head of ...", "Vice Minister, Jane Doe, said"), an organization the person is of
    ("Jane Doe of the National Migration Institute"), a verb only people are the subject of
    ("Jane Doe thanked"); names with particles ("de la Cruz", "al-Hassan"), hyphens and
    accents; the other names of a list with a person's ("Jane Doe, John Roe and Ana Loe").
    Without such words, a name whose first part is a given name (:mod:`given_names`) and
    whose last is no word the text writes in lower case, or whose last part the text uses
    alone for someone who speaks or has a title ("Doe said", "Ms. Doe"), is a person's too."""
    tokens = passage.tokens
    known_tokens = set()
    for (ka, kb), span in known_ranges.items():
        if span.kind == "organization" or (
            span.kind == "place" and not (span.entry is not None and span.entry.gazetteer)
        ):
            known_tokens.update(range(ka, kb))
    out: list[Span] = []
    i = 0
    taken_until = 0
    while i < len(tokens):
        titled = TITLE_BEFORE.search(passage.text[: tokens[i].start])  # ("Mrs. Asia Rita")
        if i < taken_until or i in known_tokens and not titled:
            i += 1
            continue
        if past_a_name_s_of(tokens, i) or (
            i
            and tokens[i - 1].is_word
            and tokens[i - 1].text[:1].isupper()
            and i - 1 not in known_tokens
            and tokens[i - 1].key.split("-")[-1] not in PERSON_ROLES
            # ("Other", "Some" open a sentence, not "... and Other Related Matters")
            and (tokens[i - 1].key not in STARTERS | OPENERS or in_a_name_run(tokens, i - 1))
            and not according_to_a_person(
                tokens, i - 1, passage.language
            )  # ("Segundo Márcia Pinto, ...")
            and not tokens[i - 1].is_acronym
            and not _given_name_after_a_role(tokens, i)
        ):
            i += 1  # inside a capitalized run (past its "de", "of" too): only its first part
            continue
        if tokens[i].key in TWO_SENSE_RANKS and _given_name_after_a_role(tokens, i + 1, surnames):
            i += 1  # "Major Jane Doe", "Sergeant Major Jane Doe": a rank, no name's first
            continue
        opener = tokens[i].key in OPENERS or according_to_a_person(tokens, i, passage.language)
        if _in_a_portfolio(tokens, i) or continues_a_body(tokens, i) or opener:
            i += 1  # "Minister for Youth and Family Welfare", "Ministry of ... and Marine ..."
            continue
        found = _person_names(tokens, i) or _one_name_after_a_title(passage, i)
        if found is None:
            i += 1
            continue
        a, b = found
        # "said Jane Doe Minister of Labour": a role's word and its complement after two name
        # parts end the name (not "Mary Ann Bishop said": a surname that is a role's word)
        # (not after an article: "the Simon Bolivar Chair for Migration Studies", a chair's)
        if not (a and tokens[a - 1].key in ("the", "a", "an")):
            b = next((k for k in range(a + 2, b) if a_role_word(tokens, k)), b)
        if (
            any(x in known_tokens for x in range(a, b)) or not looks_like_person(tokens, a, b)
        ) and not _named_by_a_title(passage, a, b, known_ranges):
            i += 1
            continue
        # ("According to Velna Moravi Sadan (VMS)", "Jane Doe of Zorvan Aid": no one's)
        of = out and tokens[out[-1].b].key in ("of", "from", "at") and a - out[-1].b in (1, 2)
        if _in_a_credit(passage, a) or _acronym_spells(tokens, a, b) or of:
            i = b
            continue
        before = passage.text[max(0, tokens[a].start - 40) : tokens[a].start]
        if ORG_NOUN_BEFORE.search(before) or company_form_after(tokens, b):
            i = b  # "the NGO Svitlo Dnia", "Lucky Star (Pty) Ltd": the text says what it is
            continue
        after = passage.text[tokens[b - 1].end : tokens[b - 1].end + 40]
        # (not a role before in a headline's capitals: "Migrant Worker Conditions Worsen")
        evidence = (
            _role_before(passage, a, known_ranges)
            and not (in_a_headline(passage, a) and not is_given_name(tokens[a].text))
            or bool(SPEECH_BEFORE.search(before))
            or bool(SPEECH_AFTER_NAME.match(after))
            or bool(PERSON_VERB_AFTER.match(after))
            or _role_after(passage, b)
            or _role_before_comma(passage, a, b, known_ranges)
            or a_person_in_apposition(passage, a, b, lowercase)
            # (not in a headline's capitals: "... Extended for Two Years Through Support from X")
            or _organization_after(passage, b, known_ranges)
            and not (in_a_headline(passage, a) and not is_given_name(tokens[a].text))
        )
        if not evidence and LIST_CUE.search(before):  # (not "Risks include Debt Bondage, ...")
            listed = _list_of_names(passage, a, known_tokens)
            evidence = listed >= 3 and any(is_given_name(t.text) for t in tokens[a:b])
        confidence = 0.7
        if not evidence and _named_like_a_person(tokens, a, b, lowercase, surnames):
            evidence, confidence = True, 0.6
        if evidence:
            out.append(Span(passage, a, b, "rule", "person", confidence=confidence))
            taken_until = b
            i = b
            continue
        i += 1
    # The other names of a list with a person in it.
    listed = list(out)
    while listed:
        person = listed.pop()
        for side in (1, -1):
            if side == 1:
                j = person.b
                # (an aside between: "Jane Doe (Zorvania), John Roe (Lorvia) and ...")
                m = re.match(
                    r"(?:\s*\([^()]{1,40}\))?(?:,\s+(?:(?:and|y|e|et)\s+)?|\s+(?:and|y|e|et)\s+)",
                    passage.text[tokens[j - 1].end :],
                )
                if not m or j >= len(tokens):
                    continue
                k = passage.token_index(tokens[j - 1].end + m.end() - 1)
                found = _person_names(tokens, k) if k < len(tokens) else None
            else:
                if person.a < 2 or tokens[person.a - 1].key not in (",", "and"):
                    continue
                end = person.a - 1 - (tokens[person.a - 2].text == ",")
                if tokens[end - 1].text == ")":  # "Jane Doe (Zorvania), John Roe"
                    opened = max(
                        (k for k in range(max(0, end - 12), end) if tokens[k].text == "("),
                        default=None,
                    )
                    end = opened if opened is not None else end
                found = None
                for k in range(max(0, end - 6), end):
                    cand = _person_names(tokens, k)
                    if cand and cand[1] == end and not in_a_name_run(tokens, k):
                        found = cand
                        break
            if found is None:
                continue
            a, b = found
            if any(x in known_tokens for x in range(a, b)) or not looks_like_person(tokens, a, b):
                continue
            # ("el director general de Trata y Tráfico de Personas, Jane Doe": a role's field)
            if (
                side == -1
                and a
                and tokens[a - 1].key in COMPLEMENT_OPENERS
                and role_word_before(tokens, a - 1)
            ):
                continue
            if any(s.a < b and a < s.b for s in out):
                continue
            span = Span(passage, a, b, "rule", "person", confidence=0.6)
            out.append(span)
            listed.append(span)
    return out
