"""Known organizations' names that begin longer names: "UN Refugee Agency" and "United
Nations Office on Drugs and Crime" are other bodies than the UN, the "US Department of State"
in "US Department of State Bureau of ..." is the longer one's parent, for
:class:`kg.extraction.entities.Recognizer`."""

from __future__ import annotations

from kg.extraction.name_words import LAW_HEADS, ORG_HEADS
from kg.extraction.organizations import describes_an_agency
from kg.extraction.spans import Span, _is_name_word, known_organization
from kg.extraction.text import fold
from kg.extraction.world import country_of_city, names_a_country

# The heads of a body's offices, and the words that say where or which one ("Regional Office",
# "Country Office", "Field Office"): a body's own office, not another body.
OFFICE_HEADS = {
    "office", "offices", "mission", "centre", "center", "bureau", "branch", "delegation",
    "representation", "oficina", "misión", "mision", "missão", "missao", "escritório",
}  # fmt: skip
OFFICE_WORDS = {"regional", "country", "field", "sub-regional", "subregional", "liaison", "sub"}


def _prefix_of_longer_name(span: Span) -> bool:
    """A known organization's short name ("UN", "United Nations") that begins a longer
    capitalized name with a head word of its own ("UN Refugee Agency", "United Nations Office
    on Drugs and Crime"): the longer name is another organization. A known name with a head
    word ("US Department of State Bureau of ...") is the longer one's parent, and stays; so
    is one whose longer name is its office in a place ("ZOM Velmar Office", "ZOM Mission in
    Velmar", "ZOM Field Office"), a unit the convention counts with its parent."""
    if not known_organization(span):
        return False
    tokens = span.passage.tokens
    if any(t.key in ORG_HEADS for t in tokens[span.a : span.b]):
        return False
    b = span.b
    if describes_an_agency(span):  # "the UN refugee agency": UNHCR, not the UN
        return True
    if b >= len(tokens) or not tokens[b].space_before or not _is_name_word(tokens[b]):
        return False
    i, words = b, []
    while i < len(tokens) and len(words) < 8:
        t = tokens[i]
        if _is_name_word(t):
            words.append(t.key)
        elif not (t.key in ("of", "on", "for", "and", "against") and t.text.islower()):
            break
        i += 1
    if _an_office_in_a_place(words, tokens[i].key if i < len(tokens) else ""):
        return False
    # ... or a law's ("the UN Convention against Transnational Organized Crime"), which names
    # the law, not the organization
    return bool(set(words[:5]) & ((ORG_HEADS - {"system", "group", "team"}) | LAW_HEADS))


def _an_office_in_a_place(words: list[str], after: str) -> bool:
    """Whether the words after a known name are an office's: its head last, with only places
    and the words of an office's kind before it ("Velmar Office", "Field Office"), or alone
    and then "in" ("Mission in Velmar"); not "Office at Velmar" nor "Regional Office for
    Southern Africa", which the bodies of the UN system name as bodies of their own."""
    if not words or words[-1] not in OFFICE_HEADS or (len(words) == 1 and after != "in"):
        return False
    others = [w for w in words[:-1] if w not in OFFICE_WORDS]
    return all(names_a_country(w) or country_of_city(fold(w)) for w in others)
