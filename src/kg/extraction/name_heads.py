"""The head words that make a run of capitalized words a body's name, for
:meth:`kg.extraction.candidates.CandidateRules._classify`: those of :data:`ORG_HEADS`, less
the words that head none in the run ("Praia Vermelha", "la Comisaria Europea", "Marie Cour",
"Un Groupe de 45 migrants")."""

from __future__ import annotations

from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import BODY_HEADS_ES_FR_PT, ORG_HEADS

RED_CROSS_SECOND = {"roja", "rouge", "vermelha"}
# Money given or received before a fund's name: "funded by the", "a contribution from the".
MONEY_WORDS = {
    "funded", "co-funded", "cofunded", "financed", "contribution", "donation", "grant",
    "funding", "financiado", "financiada", "financé", "financée", "financiamento",
}  # fmt: skip
FROM_WORDS = {"by", "from", "through", "por", "par", "pelo", "pela", "del", "de", "du"}


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
    # "funded by the European Return Fund", "a donation from the ZAMI Fund": the money, a
    # fund, which the convention does not count as a body (not "the Global Fund said", nor
    # "funded by the Global Fund": a name of two words, a body's as often as a fund's)
    if heads == {"fund"} and keys[-1] == "fund" and b - a >= 3 and _money_before(tokens, a):
        return set()
    return heads


def _money_before(tokens, a: int) -> bool:
    """Whether a word of money given comes before the name at a, then "by" or "from" (and an
    article or an owner's name) right before it."""
    k = a - 1
    while k >= 0 and a - k <= 3 and tokens[k].key not in FROM_WORDS:
        k -= 1  # ("from the", "from Give2Asia's")
    if k < 0 or tokens[k].key not in FROM_WORDS:
        return False
    # (the words since the "by" or "from" before, not "funded by the EU, was presented by";
    # money goes "through" a fund after the one who gives it: "funded by Japan through the")
    j, through = k - 1, tokens[k].key == "through"
    while j >= max(0, k - 10) and (through or tokens[j].key not in FROM_WORDS):
        if tokens[j].key in MONEY_WORDS:
            return True
        j -= 1
    return False
