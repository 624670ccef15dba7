"""The head words that make a run of capitalized words a body's name, for
:meth:`kg.extraction.candidates.CandidateRules._classify`: those of :data:`ORG_HEADS`, less
the words that head none in the run ("Praia Vermelha", "la Comisaria Europea", "Marie Cour",
"Un Groupe de 45 migrants")."""

from __future__ import annotations

from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import BODY_HEADS_ES_FR_PT, ORG_HEADS

RED_CROSS_SECOND = {"roja", "rouge", "vermelha"}


def heads_of_a_body(tokens, a: int, b: int) -> set[str]:
    """The head words of a body's name among the words a..b."""
    keys = [t.key for t in tokens[a:b]]
    heads = set(keys) & ORG_HEADS
    # "Roja", "Rouge", "Vermelha" head a name only after "Cruz", "Croix", "Luna" (the Red Cross,
    # the Red Crescent; not "na Praia Vermelha", "a Punta Roja": places)
    if heads <= RED_CROSS_SECOND and not set(keys) & {"cruz", "croix", "luna", "croissant"}:
        return set()
    # "la Comisaria Europea de Interior, Ana Torres": without its accent a woman
    # commissioner (a role), not a police station ("la Comisaría de la Mujer")
    if any(t.text.lower() == "comisaria" for t in tokens[a:b]):
        heads -= {"comisaria"}
    # "Un Groupe de 45 migrants", "Una Junta de vecinos": an indefinite article at a
    # sentence's start, then a head word, names a group, no body
    if b - a == 2 and keys[0] in ("un", "une", "una", "uma"):
        return set()
    # "Marie Cour, a spokesperson", "Ana Junta said": a given name, then a surname that is
    # one of the Spanish, French and Portuguese head words
    if (
        b - a == 2
        and heads <= BODY_HEADS_ES_FR_PT - RED_CROSS_SECOND
        and is_given_name(tokens[a].text)
    ):
        return set()
    return heads
