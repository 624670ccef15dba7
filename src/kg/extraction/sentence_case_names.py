"""Bodies' names written in sentence case, as Spanish, Portuguese and French write them: the
head word capitalized and the rest in lower case ("la Marine nationale", "l'Office central pour
la répression de la traite des êtres humains (OCRTEH)", "le ministère des Affaires
étrangères"), which the runs of capitalized words of :mod:`kg.extraction.candidates` cut
short or miss.

Where such a name ends is settled by what the text gives: an acronym in brackets whose
initials its words spell (before it, or after it in brackets), a complement that opens with
a capitalized word ("ministère de l'Intérieur"), an adjective of a body's name ("nationale",
"européenne"), or a clause's end right after a few complements in lower case ("le Ministère
de l'action sociale, ..."); a name in lower case that nothing bounds is left alone.
"""

from __future__ import annotations

from kg.extraction.body_units import CIVIL_SOCIETY, romance_parent
from kg.extraction.name_words import ORG_HEADS
from kg.extraction.organizations import _initials_match
from kg.extraction.spans import Span, _is_name_word, _sentence_starts
from kg.extraction.text import Passage

# Heads of bodies' names in the three languages that the list of heads does not have.
MORE_HEADS = {
    "marine", "inspection", "inspeccion", "inspecao", "office", "ofii", "secretariat", "parquet",
    "garde",
}  # fmt: skip
HEADS = ORG_HEADS | MORE_HEADS
# Heads French (and at times Spanish and Portuguese) write in lower case before a complement
# that is capitalized ("le ministère de l'Intérieur", "l'ambassade de Madagascar").
LOWER_CASE_HEADS = {
    "ministere", "ministerio", "ambassade", "embajada", "embaixada", "consulat", "consulado",
    "parquet",
}  # fmt: skip
# The forces and offices of a state French writes in lower case with the adjective that makes
# them one body's ("la gendarmerie nationale", "la garde nationale", "la police judiciaire",
# "la marine royale", "la police aux frontières", "le parquet de Rennes"): not "la police
# locale", "la police" (NAME_ADJECTIVES says which adjectives name)
STATE_FORCES = {
    "gendarmerie", "police", "garde", "marine", "douane", "douanes", "parquet", "policia",
    "guardia", "guarda", "marina", "marinha", "armada", "aduana",
}  # fmt: skip
# The articles a feminine force's name takes, or a plural's ("la gendarmerie", "l'armada",
# "des douanes", "a Guarda")
FEMININE_OR_PLURAL = {"la", "l", "a", "da", "las", "les", "des", "as", "das"}
FORCE_ADJECTIVES = {
    "nationale", "national", "nacional", "federal", "federale", "royale", "royal", "maritime",
    "maritima", "judiciaire", "judiciaria", "cotiere", "costera", "costeira", "civil", "civile",
    "republicaine",
}  # fmt: skip
# The adjectives of a body's name, written in lower case after a word of it ("Marine
# nationale", "Union européenne", "Affaires étrangères", "Seguridad ciudadana").
NAME_ADJECTIVES = {
    "national", "nationale", "nationaux", "nacional", "nacionales", "general", "generale",
    "federal", "federale", "central", "centrale", "regional", "regionale", "provincial",
    "provinciale", "municipal", "municipale", "departemental", "departementale", "public",
    "publique", "publico", "publica", "social", "sociale", "sociales", "sociaux", "permanent",
    "permanente", "superieur", "superior", "special", "speciale", "especial", "especializada",
    "especializado", "europeen", "europeenne", "europea", "europeia", "international",
    "internationale", "internacional", "etrangeres", "exterieures", "exteriores",
    "estrangeiros", "humanitaire", "humanitaires", "humanitaria", "civil", "civile",
    "ciudadana", "comunitaria", "judiciaire", "judicial", "militaire", "militar", "maritime",
    "maritima", "interministerial", "interministeriel", "interministerielle", "royal", "royale",
    "cotiere", "costera", "costeira",
}  # fmt: skip
# The words that go on with a force's name after its adjective ("le parquet national
# financier"), a demonym's endings aside ("la police nationale haïtienne")
FORCE_NAME_WORDS = NAME_ADJECTIVES | {"financier", "antiterroriste"}
# "la Oficina regional", "le Bureau national": a kind of body, as "the Regional Office" is
# (name_words.GENERIC_HEADS, GENERIC_WORDS), no one body's name
GENERIC_HEADS = {
    "oficina", "office", "bureau", "centro", "centre", "unidad", "unite", "unidade", "comite",
    "seccion", "section", "division", "divisao", "secretaria", "secretariat", "secretariado",
    "grupo", "groupe", "red", "reseau", "rede", "servicio", "service", "servico",
}  # fmt: skip
GENERIC_ADJECTIVES = {
    "regional", "regionale", "national", "nationale", "nacional", "general", "generale",
    "central", "centrale", "public", "publique", "publico", "publica", "special", "speciale",
    "especial", "permanent", "permanente",
}  # fmt: skip
COMPLEMENT = {"de", "del", "des", "du", "d", "da", "do", "das", "dos"}
ARTICLES = {"la", "las", "el", "los", "le", "les", "l"}
# Words an acronym gives no letter for, besides those of :data:`INITIALS_SKIP`.
NO_INITIAL = {"contre", "contra", "aux", "au", "a", "à", "l", "d", "en", "em", "no", "na", "ao",
              "sur", "sobre", "con", "com", "avec"}  # fmt: skip
MAX_WORDS = 14


def _word(token) -> bool:
    return token.is_word and not token.is_acronym


def _head(token, lower: bool) -> bool:
    if token.text[:1].isupper():
        return token.key in HEADS
    return lower and token.key in LOWER_CASE_HEADS


def _a_state_force(tokens, a: int) -> int:
    """Where the name of a state's force in lower case that begins at `a` after an article
    ends ("la gendarmerie nationale", "la police aux frontières"), or `a` when none begins
    there (not "une opération de police judiciaire", a kind of work; nor "el guardia civil",
    "el policía nacional": a masculine article before a feminine force, one of its officers).
    The adjectives after the force's go on with it ("le parquet national financier", "la
    police nationale haïtienne")."""
    t = tokens[a]
    if not t.text.islower() or t.key not in STATE_FORCES or not 0 < a < len(tokens) - 1:
        return a
    articles = {"le", "du", "l"} if t.key == "parquet" else FEMININE_OR_PLURAL
    if tokens[a - 1].key not in articles:
        return a
    nxt = tokens[a + 1]
    if nxt.key == "aux" and a + 2 < len(tokens) and tokens[a + 2].key == "frontieres":
        return a + 3
    if nxt.key not in FORCE_ADJECTIVES or not nxt.text.islower():
        return a
    j = a + 2
    while (
        j < len(tokens)
        and tokens[j].text.islower()
        and (
            tokens[j].key in FORCE_NAME_WORDS
            or tokens[j].key.endswith(("ienne", "iennes", "aise", "aises", "aine", "aines"))
        )
    ):
        j += 1
    return j


def _spells(tokens, a: int, b: int, acronym: str) -> bool:
    """Whether the words a..b, all of them words or apostrophes, spell `acronym`."""
    if not all(t.is_word or t.text in ("'", "’", "-") for t in tokens[a:b]):
        return False
    # (by their keys: "êtres" gives an E)
    words = [t.key for t in tokens[a:b] if t.is_word and t.key not in NO_INITIAL]
    letters = acronym.replace(".", "").upper()
    if len(words) >= 2 and _initials_match(letters, " ".join(words)):
        return True
    # ("la Police aux frontières (PAF)": a connector that gives its letter)
    every = [t.key for t in tokens[a:b] if t.is_word]
    return len(every) > 2 and "".join(w[0] for w in every).upper() == letters


def _bracket_acronym(tokens, b: int) -> str | None:
    """The acronym alone in brackets at `b` ("(OCRTEH)")."""
    if (
        b + 2 < len(tokens)
        and tokens[b].text == "("
        and tokens[b + 2].text == ")"
        and tokens[b + 1].is_acronym
    ):
        return tokens[b + 1].text
    return None


def _named_by_an_acronym(passage: Passage) -> list[Span]:
    """ "l'Office central pour la répression ... (OCRTEH)", "du SENAH (Service national des
    affaires humanitaires)": an acronym and the words whose initials it spells bound a name
    written in lower case, which opens with a head word."""
    tokens = passage.tokens
    out = []
    for b in range(2, len(tokens)):
        acronym = _bracket_acronym(tokens, b)
        if acronym is not None:
            for a in range(max(0, b - MAX_WORDS), b - 1):
                if _head(tokens[a], False) and _spells(tokens, a, b, acronym):
                    if any(t.text.islower() and t.key not in NO_INITIAL for t in tokens[a:b]):
                        out.append(
                            Span(
                                passage,
                                a,
                                b,
                                "rule",
                                "organization",
                                confidence=0.7,
                                acronym=acronym,
                            )
                        )
                    break
        # the acronym first, the name in brackets after it
        if tokens[b].text == "(" and tokens[b - 1].is_acronym and b + 2 < len(tokens):
            end = next((k for k in range(b + 1, len(tokens)) if tokens[k].text == ")"), None)
            if (
                end is not None
                and end - b <= MAX_WORDS
                and _head(tokens[b + 1], False)
                and _spells(tokens, b + 1, end, tokens[b - 1].text)
                and any(t.text.islower() and t.key not in NO_INITIAL for t in tokens[b + 1 : end])
            ):
                acronym = tokens[b - 1].text
                out.append(
                    Span(
                        passage, b + 1, end, "rule", "organization", confidence=0.7, acronym=acronym
                    )
                )
    return out


def _complement_end(tokens, j: int, names=frozenset()) -> int:
    """The end of "de l'Intérieur", "des Affaires étrangères" at `j`: a complement whose noun
    is capitalized, with the adjectives after it; `j` when there is none."""
    if j >= len(tokens) or tokens[j].key not in COMPLEMENT or not tokens[j].text.islower():
        return j
    k = j + 1
    while k < len(tokens) and tokens[k].key in ARTICLES and tokens[k].text.islower():
        k += 1
    if k < len(tokens) and tokens[k].text in ("'", "’") and not tokens[k].space_before:
        k += 1
    if k >= len(tokens) or not (_is_name_word(tokens[k]) and _word(tokens[k])):
        return j
    while k < len(tokens) and _is_name_word(tokens[k]) and _word(tokens[k]):
        k += 1
        # "de Control y Vigilancia comunitaria": capitalized nouns joined by "y", "e", "et"
        if (
            k + 1 < len(tokens)
            and tokens[k].key in ("y", "e", "et")
            and _is_name_word(tokens[k + 1])
            and _word(tokens[k + 1])
            and tokens[k + 1].key not in HEADS
            # ("de l'Intérieur et Frontex ont ...": not a body's name that begins there)
            and k + 1 not in names
        ):
            k += 1
    while k < len(tokens) and tokens[k].key in NAME_ADJECTIVES and tokens[k].text.islower():
        k += 1
    return k


def _complement_in_lower_case(tokens, j: int) -> bool:
    """ "de lutte", "des affaires", "pour la répression": a complement in lower case goes on
    at `j`."""
    k = j
    if k < len(tokens) and tokens[k].key in COMPLEMENT | {"pour", "para", "contre", "contra"}:
        k += 1
        while k < len(tokens) and (tokens[k].key in ARTICLES or tokens[k].text in ("'", "’")):
            k += 1
        return k < len(tokens) and tokens[k].is_word and tokens[k].text.islower()
    return False


def _where_it_is(tokens, a: int, j: int) -> int:
    """ "l'ambassade du Mali en Libye": the place an embassy or a consulate is in is part of
    its name (as "Embassy of Lorvania in Ostravia")."""
    if tokens[a].key not in LOWER_CASE_HEADS - {"ministere", "ministerio", "parquet"} or j == a + 1:
        return j
    # ("à", not the Spanish "a" of where it sends: "la embajada de X a Pelmark")
    if j + 1 < len(tokens) and tokens[j].text in ("en", "em", "à", "au", "no", "na"):
        k = j + 1
        while k < len(tokens) and _is_name_word(tokens[k]) and _word(tokens[k]):
            k += 1
        return k if k > j + 1 else j
    return j


# "de guardia", "de turno", "de garde", "de permanence", "de plantão": on duty, a kind of
# office's, no name's
ON_DUTY = {"guardia", "turno", "garde", "permanence", "plantao"}
# "de la zona", "de la ville", "do país": a place the text named before, a body's kind
PLACES_SAID_BEFORE = {
    "zona", "zone", "ville", "ciudad", "cidade", "pays", "pais", "region", "regiao",
    "localidad", "localite", "commune", "municipio", "barrio", "bairro", "quartier", "lugar",
    "lieu", "frontera", "frontiere", "fronteira", "provincia", "province", "estado", "etat",
}  # fmt: skip
LOWER_CASE_OPENERS = COMPLEMENT | {"pour", "contre", "aux", "au", "a", "para", "contra"}
CLAUSE_ENDS = {",", ".", ";", ":", ")", "("}


def _pronoun_and_verb(tokens, k: int) -> bool:
    """ "les soigner", "la protéger", "l'aider": an object pronoun, then a verb's infinitive."""
    if k + 1 >= len(tokens) or tokens[k].key not in ("le", "la", "les", "l"):
        return False
    k += 1 + (tokens[k + 1].text in ("'", "’"))
    return k < len(tokens) and tokens[k].text.islower() and tokens[k].key.endswith(("er", "ir"))


def _infinitive(tokens, k: int) -> bool:
    """ "declarar", "témoigner", "depor": a verb's infinitive, no article before it."""
    return (
        k < len(tokens)
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
        and tokens[k].key.endswith(("ar", "er", "ir", "or", "re"))
    )


def _lower_case_complements_to_a_clause_end(tokens, j: int) -> int | None:
    """ "de l'action sociale,", "à l'étranger,", "de l'aide aux migrants de l'OIM.": up to
    three complements of one noun each (and the adjectives of a name after it, or a
    capitalized complement), then the clause's end; where they end, or None."""
    k = j
    for _ in range(3):
        if k >= len(tokens) or tokens[k].key not in LOWER_CASE_OPENERS:
            break
        if not tokens[k].text.islower() or tokens[k].text == "a":  # (only "à": "a" is a verb)
            return None
        # "par la Marine au large des côtes.", "la Police nationale à la frontière.": "à",
        # "au", "aux" right after the name's own words open where or when (they join a name
        # only after a complement of its own: "la Division de l'aide aux migrants")
        if k == j and tokens[k].key in ("a", "au", "aux"):
            return None
        # "par la Marine pour les soigner.", "por la Fiscalía para declarar.": a verb (and
        # its pronoun), no complement of a name
        if tokens[k].key == "pour" and _pronoun_and_verb(tokens, k + 1):
            return None
        if tokens[k].key in ("pour", "para") and _infinitive(tokens, k + 1):
            return None
        if (m := _complement_end(tokens, k)) > k:  # ("de l'OIM")
            k = m
            continue
        m = k + 1
        while m < len(tokens) and (tokens[m].key in ARTICLES or tokens[m].text in ("'", "’")):
            m += 1
        if m < len(tokens) and tokens[m].is_acronym:  # ("de l'OIM")
            k = m + 1
            continue
        if not (
            m < len(tokens)
            and tokens[m].text.isalpha()
            and tokens[m].text.islower()
            and tokens[m].key not in LOWER_CASE_OPENERS | ARTICLES
        ):
            return None
        if k == j and tokens[m].key in ON_DUTY:
            return None  # "del Juzgado de guardia", "la Fiscalía de turno": whichever is on duty
        if tokens[m].key in PLACES_SAID_BEFORE:
            return None  # "la Policía de la zona", "la Police de la ville": no name
        m += 1
        while m < len(tokens) and tokens[m].key in NAME_ADJECTIVES and tokens[m].text.islower():
            m += 1
        k = m
    return k if k > j and (k >= len(tokens) or tokens[k].text in CLAUSE_ENDS) else None


def _adjective_joined(tokens, j: int, names=frozenset()) -> bool:
    """ "et européennes", "y social": another adjective of a name joined after its end; or
    "et de la Population": another complement whose noun is capitalized and no body's head
    (not "et de la Croix-Rouge", "et de l'OIM": a body of its own), also after a comma
    ("de la Justice, des Libertés et des Droits de l'homme")."""
    if j + 1 >= len(tokens) or tokens[j].key not in ("y", "e", "et", ","):
        return False
    if (
        tokens[j].key != ","
        and tokens[j + 1].text.islower()
        and (tokens[j + 1].key in NAME_ADJECTIVES or tokens[j + 1].key[:-1] in NAME_ADJECTIVES)
    ):
        return True
    k = _complement_end(tokens, j + 1)
    if k == j + 1:
        return False
    noun = next(i for i in range(j + 2, k) if _is_name_word(tokens[i]))
    return not (
        tokens[noun].key in HEADS
        or noun in names
        or noun + 2 < len(tokens)
        and tokens[noun + 1].text == "-"
        and tokens[noun + 2].key in HEADS
    )


def _headed_in_sentence_case(passage: Passage, names=frozenset()) -> list[Span]:
    """ "la Marine nationale", "l'Union européenne", "le ministère des Affaires étrangères":
    a head word, the adjectives of a name after it and the complements whose noun is
    capitalized; only a name with a word in lower case (the others are runs of capitalized
    words already)."""
    tokens = passage.tokens
    starts = _sentence_starts(passage)
    out = []
    for a, token in enumerate(tokens):
        force = _a_state_force(tokens, a)
        if not (_head(token, True) or force > a) or (
            a and _is_name_word(tokens[a - 1]) and tokens[a - 1].key not in ARTICLES
        ):
            continue
        if a and tokens[a - 1].text == "-":
            continue  # "la Croix-Rouge nationale": a compound's second word opens no name
        if a and tokens[a - 1].key in ("un", "une", "una", "uma", "unos", "unas", "uns", "umas"):
            continue  # "creó una Comisión especial": a body of that kind, not one named
        j = max(a + 1, force)
        # ("Dirección Nacional de ...": the name's capitalized words too, "Marine nationale")
        while j < len(tokens) and (
            tokens[j].key in NAME_ADJECTIVES
            and tokens[j].text.islower()
            or token.text[:1].isupper()
            and _is_name_word(tokens[j])
            and _word(tokens[j])
        ):
            j += 1
        while (k := _complement_end(tokens, j, names)) > j:
            j = k
        # "le Comité national de lutte contre ... a dit": where it ends is not said, but for a
        # clause's end right after a few complements ("le Ministère de l'action sociale, ...")
        if (end := _lower_case_complements_to_a_clause_end(tokens, j)) is not None:
            j = end
        elif _complement_in_lower_case(tokens, j) and force == a:
            continue  # (a force's name ends where it does: "la gendarmerie nationale de la")
        if token.key in CIVIL_SOCIETY and tokens[a + 1].key in ("civil", "civile"):
            continue  # "la Sociedad civil": no body
        if _adjective_joined(tokens, j, names):
            continue  # "des Affaires étrangères et européennes": where it ends is not said
        if j < len(tokens) and tokens[j].text == "-":
            continue  # "de la Croix-Rouge et du ...": a compound cut, no name's end
        j = _where_it_is(tokens, a, j)
        plain = COMPLEMENT | ARTICLES | {"y", "e", "et"}  # (words a run of names holds)
        lower = [t for t in tokens[a + 1 : j] if t.text.islower() and t.key not in plain]
        # a head in lower case names one body only with a capitalized word ("le ministère de
        # l'Intérieur"; not "le consulat général", "el ministerio público": a kind of body)
        named = not token.text.islower() or any(t.text[:1].isupper() for t in tokens[a + 1 : j])
        # "Inspección de rutina, ...", "Groupe de migrants, ...": a sentence's first word is
        # capitalized as such; only a capitalized word after it says a name
        if a in starts and not any(t.text[:1].isupper() for t in tokens[a + 1 : j]):
            named = False
        named = named or force > a  # ("la gendarmerie nationale": a force of the state)
        generic = token.key in GENERIC_HEADS and all(
            t.key in GENERIC_ADJECTIVES for t in tokens[a + 1 : j]
        )
        if j - a >= 2 and (lower or token.text.islower()) and named and not generic:
            out.append(Span(passage, a, j, "rule", "organization", confidence=0.6))
            # "... de l'OIM", "la Brigade de recherches de la Gendarmerie de Lorvan": the body
            # it is of, named too
            k = romance_parent(tokens, a, j)
            k = j - 1 if tokens[j - 1].is_acronym else k if k is not None and j - k >= 2 else j
            if k < j:
                out.append(Span(passage, k, j, "rule", "organization", confidence=0.6, parent=True))
    return out


def sentence_case_names(passage: Passage, names=frozenset()) -> list[Span]:
    """Bodies' names written in sentence case (see the module's note); `names` are where
    the names of organizations found already begin."""
    found = _named_by_an_acronym(passage)
    if passage.language in ("es", "fr", "pt"):
        found += _headed_in_sentence_case(passage, names)
    return found
