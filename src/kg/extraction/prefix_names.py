"""Known organizations' names that begin longer names: "UN Refugee Agency" and "United
Nations Office on Drugs and Crime" are other bodies than the UN, the "US Department of State"
in "US Department of State Bureau of ..." is the longer one's parent, for
:class:`kg.extraction.entities.Recognizer`."""

from __future__ import annotations

from kg.extraction.name_words import LAW_HEADS, ORG_HEADS
from kg.extraction.organizations import describes_an_agency
from kg.extraction.spans import Span, _is_name_word, known_organization


def _prefix_of_longer_name(span: Span) -> bool:
    """A known organization's short name ("UN", "United Nations") that begins a longer
    capitalized name with a head word of its own ("UN Refugee Agency", "United Nations Office
    on Drugs and Crime"): the longer name is another organization. A known name with a head
    word ("US Department of State Bureau of ...") is the longer one's parent, and stays."""
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
    # ... or a law's ("the UN Convention against Transnational Organized Crime"), which names
    # the law, not the organization
    return bool(set(words[:5]) & ((ORG_HEADS - {"system", "group", "team"}) | LAW_HEADS))
