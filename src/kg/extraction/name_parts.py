"""The parts of a person's name as the text writes them: a capitalized word with what is
hyphenated or apostrophed to it, an initial, and the particles between parts ("de la",
"van der", "al-"), for :mod:`kg.extraction.people`."""

from __future__ import annotations

from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import NAME_PARTICLES, ORG_HEADS, ROLE_HEADS
from kg.extraction.text import Token

# Articles that open a sentence, no name's part ("Jorge M. Los detenidos ...", "John F. The
# court ...")
ARTICLES_AFTER_A_STOP = {"the", "los", "las", "el", "la", "les", "le", "os", "as", "o", "a"}


def _apostrophe_after(tokens: list[Token], j: int) -> bool:
    """Whether a capitalized word is apostrophed to the "O" or "D" before j ("O'Brien",
    "D’Luna"; not "D'après", nor the article of "L’Abri")."""
    return (
        j + 1 < len(tokens)
        and tokens[j - 1].text in ("O", "D")
        and tokens[j].text in ("'", "’")
        and not tokens[j].space_before
        and tokens[j + 1].text[:1].isupper()
    )


# The small words inside a body's capitalized name ("Comisión Contra la Explotación Sexual
# Comercial y Trata de Personas", "Office of the High Commissioner for Human Rights")
RUN_JOINERS = {
    "de", "del", "la", "las", "los", "el", "y", "e", "et", "and", "of", "the", "for", "du",
    "des", "le", "les", "da", "do", "das", "dos", "contra", "against", "on", "sur", "al", "au",
    "aux", "ao", "para", "pour", "en", "em", "sobre",
}  # fmt: skip
OF_JOINERS = RUN_JOINERS - {"y", "e", "et", "and"}  # (once: read for each token of a passage)
HEADS = ORG_HEADS | ROLE_HEADS


def past_a_name_s_of(tokens: list[Token], k: int) -> bool:
    """Whether token k follows the "de", "of", "la" of a capitalized name before them ("...
    Contra la Delincuencia Organizada"), or the "y", "and" of a body's name ("Ministerio de
    Justicia y Derechos Humanos"; not "IOM and Jane Doe": two names)."""
    j = k - 1
    while j >= 0 and tokens[j].key in OF_JOINERS:
        j -= 1
    if 0 <= j < k - 1 and tokens[j].is_word and tokens[j].text[:1].isupper():
        # (a name's word before it, a body's head or a role's: not a sentence's first word,
        # "Remarks of Velna Moravi"; "Mayor of Suchiate Jane Doe" is the mayor's place)
        return j > 0 and tokens[j - 1].is_word or tokens[j].key in HEADS
    if not (j == k - 1 and j > 0 and tokens[j].key in ("y", "e", "et", "and")):
        return False
    # (back through the run before the "and": a body's head word in it, and no given name
    # after it, "the Ministry of Labour and Jane Doe")
    run = set()
    while j > 0 and (tokens[j - 1].key in RUN_JOINERS or tokens[j - 1].text[:1].isupper()):
        j -= 1
        run.add(tokens[j].key)
    return bool(run & ORG_HEADS) and not is_given_name(tokens[k].text)


def in_a_name_run(tokens: list[Token], k: int) -> bool:
    """Whether token k goes on with capitalized words before it, the small words of a name
    between: a name's tail, no name of its own ("... de la Explotación Sexual Comercial y
    Trata de Personas (Cicesct), Ana Ruiz": not a person "Trata de Personas")."""
    j = k - 1
    while j >= 0 and tokens[j].key in RUN_JOINERS:
        j -= 1
    return j >= 0 and tokens[j].is_word and tokens[j].text[:1].isupper()


def _another_name(tokens: list[Token], k: int) -> bool:
    """Whether a person's name of its own begins at token k: two name parts (not one, a
    surname: "Lemos e Silva", "Menéndez y Pelayo")."""
    second = _name_part(tokens, k)
    return second is not None and second < len(tokens) and _name_part(tokens, second) is not None


def _name_part(tokens: list[Token], i: int) -> int | None:
    """Where the part of a person's name that begins at token i ends: a capitalized word with
    what is hyphenated or apostrophed to it ("Jean-Pierre", "Ki-moon", "O'Neill", "al-Hassan"),
    or an initial ("F."); None when none begins there."""
    t = tokens[i]
    if not t.is_word or t.text[0].isdigit():
        return None
    j = i + 1
    if t.text.islower():
        # "al-Hassan", "el-Sayed": a particle hyphenated to a capitalized word.
        if (
            t.key in ("al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "abu", "ibn")
            and j + 1 < len(tokens)
            and tokens[j].text in ("-", "\u2010")
            and not tokens[j].space_before
            and not tokens[j + 1].space_before
            and tokens[j + 1].text[:1].isupper()
        ):
            j += 2
        else:
            return None
    elif not t.text[0].isupper() or (t.is_acronym and len(t.text) > 1):
        return None
    elif (len(t.text) == 1 and not _apostrophe_after(tokens, j)) or t.key in ("jr", "sr"):
        # an initial: "John F. Kennedy", "Jr." (not "O'Brien", "D’Luna")
        if j < len(tokens) and tokens[j].text == "." and not tokens[j].space_before:
            return j + 1
        return None if len(t.text) == 1 else j
    while (
        j + 1 < len(tokens)
        and tokens[j].text in ("-", "\u2010", "'", "’")
        and not tokens[j].space_before
        and not tokens[j + 1].space_before
        and tokens[j + 1].is_word
        and not tokens[j + 1].text[0].isdigit()
        and tokens[j + 1].key != "s"
    ):
        j += 2
    return j


def _de_los_a_surname(tokens: list[Token], k: int) -> bool:
    """ "Cristian de los Santos": "los", "las" after "de", before one surname's word that ends
    the name (not "fiscal Contra las Finanzas", "Ana Ruiz de las Naciones Unidas")."""
    if tokens[k].key not in ("los", "las") or tokens[k - 1].key != "de" or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    return (
        nxt.text[:1].isupper()
        and nxt.key not in ORG_HEADS
        and not (after is not None and after.is_word and after.text[:1].isupper())
    )


def _person_names(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The longest run of name parts (with particles between them) from token i: 2 to 5
    parts, ending on a capitalized part."""
    parts = 0
    j = i
    end = None
    while j < len(tokens) and parts < 6:
        if j > i and not tokens[j].space_before:
            break
        if tokens[j].key in NAME_PARTICLES and tokens[j].text.islower():
            k = j
            while (
                k < len(tokens)
                and tokens[k].text.islower()
                and (tokens[k].key in NAME_PARTICLES or _de_los_a_surname(tokens, k))
            ):
                k += 1
            # "al-Hassan" begins with a particle that is a part of its own
            nxt = _name_part(tokens, j) if tokens[j].key in ("al", "el") else None
            if nxt is not None and parts:
                parts, j, end = parts + 1, nxt, nxt
                continue
            if not parts or k >= len(tokens) or _name_part(tokens, k) is None:
                break
            # "Orlando Vasquel y Marta Trinor": two people, two name parts after "y" ("Ortega y
            # Gasset" is one surname)
            if tokens[k - 1].key in ("y", "e", "et") and parts >= 2 and _another_name(tokens, k):
                break
            j = k
            continue
        nxt = _name_part(tokens, j)
        if nxt is None:
            break
        if parts and tokens[j - 1].text == "." and tokens[j].key in ARTICLES_AFTER_A_STOP:
            break  # ("... y Jorge M. Los detenidos": an initial's stop ends the sentence too)
        parts += 1
        j = end = nxt
    if end is None or parts < 2 or parts > 5:
        return None
    return i, end
