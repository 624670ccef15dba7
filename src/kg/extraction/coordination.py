"""Names joined by "and" (and "y", "et", "e"): where a coordination inside a run of
capitalized words ends a name, and a single word coordinated with a known organization."""

from __future__ import annotations

from kg.extraction.body_forms import company_form_in_brackets
from kg.extraction.name_words import (
    ALL_HEADS,
    CONNECTORS,
    MONTHS,
    ORG_HEADS,
    STARTERS,
)
from kg.extraction.sentence_case_names import HEADS, NAME_ADJECTIVES
from kg.extraction.spans import _sentence_starts, known_organization
from kg.extraction.text import Passage

_HEADS_BEFORE_PARA = ORG_HEADS | {"comissariado"}  # ("Alto Comissariado para as Migrações")


def _elided(tokens: list, k: int) -> bool:
    """Whether tokens[k] is an elided article or preposition inside a name: "l" after "de"
    ("de l’Extérieur"), "d" after a name's word ("Ministère d’État"); not after "et" ("la
    Justice et l’OIM": two bodies)."""
    if not (
        k
        and tokens[k].text in ("l", "d")
        and k + 1 < len(tokens)
        and tokens[k + 1].text in ("'", "’")
        and not tokens[k + 1].space_before
    ):
        return False
    before = tokens[k - 1]
    return before.key in ("de", "a", "à") if tokens[k].text == "l" else before.text[:1].isupper()


# "Especializada en ...", "spécialisée en ...": a body's name goes on with its field
SPECIALIZED = {
    "especializada", "especializado", "especializadas", "especializados", "specialisee",
    "specialise",
}  # fmt: skip


def connects(tokens: list, k: int, j: int) -> bool:
    """Whether tokens[k], in a run of a name's words whose connectors begin at j, joins the
    name: a connector in lower case ("of", "de la", "&"), or Portuguese's article after "para"
    or "contra" right after a body's head word ("Autoridade para as Condições do Trabalho",
    "Agência para a Integração")."""
    token = tokens[k]
    if token.key in CONNECTORS and (token.text.islower() or token.text == "&"):
        return True
    if _elided(tokens, k) or k and _elided(tokens, k - 1) and token.text in ("'", "’"):
        return True  # "Ministère des Maliens de l’Extérieur", "Ministère d’État"
    if company_form_in_brackets(tokens, k):
        return True  # "Beautiful Life (Pty) Ltd": a company's form inside its name
    if token.text == "en" and k == j and tokens[k - 1].key in SPECIALIZED:
        return True  # "Fiscalía Especializada en Trata de Personas": the field it is of
    if token.text in ("al", "au") and k == j and k + 1 < len(tokens):
        # "Oficina de Atención al Migrante": inside a name; not between two bodies ("la
        # Fiscalía al Ministerio del Interior", "de Thiès au Ministère de la Femme")
        ends_a_body = tokens[k - 1].key in NAME_ADJECTIVES  # ("la Police Nationale au Parquet")
        return not ({tokens[k - 1].key, tokens[k + 1].key} & (ALL_HEADS | HEADS) or ends_a_body)
    # (right after a body's head word only: not "pela Polícia Federal para a Casa Abrigo", "a
    # Guarda Nacional Republicana contra o Tráfico")
    return (
        k - 1 == j >= 1
        and tokens[j - 1].key in _HEADS_BEFORE_PARA
        and tokens[k - 1].key in ("para", "contra")
        and token.text in ("a", "as", "o", "os")
    )


def coordinated_after_of(p: int, b: int, known_ranges) -> str | None:
    """ "the Government of Lorvania and Ostravia", "... Office of Turkmenistan and USAID
    Safe Migration": inside a complement, an "and" ends the name when a known organization
    begins after it ("organization": two names), or when a place the text knows ends before
    it and another fills the rest of the run ("places": the second is the elided name's
    own, a place; not "Bosnia and Herzegovina", one place over the "and", nor "North America
    and the Caribbean")."""
    spans = known_ranges.items()
    if any(ka == p + 1 and span.kind == "organization" and span.origin != "rule"
           for (ka, _), span in spans):  # fmt: skip
        return "organization"
    if any(ka < p < kb and span.kind == "place" for (ka, kb), span in spans):
        return None
    left = any(kb == p and span.kind == "place" for (_, kb), span in spans)
    right = known_ranges.get((p + 1, b))
    if left and right is not None and right.kind == "place" and right.origin != "rule":
        return "places" if right.passage.tokens[p + 1].key != "the" else None
    return None


def coordinated_with_organization(passage: Passage, a: int, known_ranges) -> bool:
    """A single capitalized word joined by "and" (or a comma) to an organization the
    reference data knows ("developed by IOM and Velderix", "Velderix and IOM"): a name
    of an organization too. Not at a sentence's start, nor a word the text also writes
    in lower case."""
    tokens = passage.tokens
    if a in _sentence_starts(passage) or not tokens[a].text[:1].isupper():
        return False
    if tokens[a].key in STARTERS or tokens[a].key in MONTHS or tokens[a].key in ALL_HEADS:
        return False
    if tokens[a].key in passage.lower_case_keys:
        return False
    orgs = [(ka, kb) for (ka, kb), span in known_ranges.items() if known_organization(span)]
    before = a >= 2 and tokens[a - 1].key in ("and", ",", "&")
    after = a + 2 < len(tokens) and tokens[a + 1].key in ("and", "&")
    if before and any(kb == a - 1 for _, kb in orgs):
        return True
    return after and any(ka == a + 2 for ka, _ in orgs)


# The articles after a conjunction of Spanish, French or Portuguese that open a second name
FOREIGN_ARTICLES = {"la", "el", "los", "las", "le", "les", "l", "o", "a", "os", "as"}


def second_name_after_foreign_and(tokens: list, a: int, p: int, b: int) -> int | None:
    """Where the second of two names joined at `p` by "y", "et" or "e" starts, or None: two
    acronyms ("la FAO et UNIC"), or a name with a head word of its own, then its article, then
    another with one or an acronym ("la Fiscalía General de la Nación y la Dijín de la Policía
    Nacional", "la Policía Federal y la PGR"), or an acronym, then a name with a head word ("el
    SEF y la Autoridad para ...", "GNR e Autoridade ..."; not "Ministerio de la Mujer y la
    Familia", one name)."""
    if tokens[p].key not in ("y", "et", "e") or not a < p < b - 1:
        return None
    acronyms = all(t.is_acronym for t in tokens[a:p])
    if acronyms and all(t.is_acronym for t in tokens[p + 1 : b]):
        return p + 1
    article = tokens[p + 1].key in FOREIGN_ARTICLES and tokens[p + 1].text[:1].islower()
    # "el SEF y la Autoridad para ...", "GNR e Autoridade ...": an acronym, then a name with a
    # head word of its own
    second = p + 2 if article else p + 1
    if acronyms and second < b and {t.key for t in tokens[second:b]} & ORG_HEADS:
        return second
    if (
        article
        and p + 2 < b
        and {t.key for t in tokens[a:p]} & ORG_HEADS
        and (
            {t.key for t in tokens[p + 2 : b]} & ORG_HEADS
            or b == p + 3
            and tokens[p + 2].is_acronym
        )
    ):
        return p + 2
    return None
