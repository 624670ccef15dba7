"""The words of a body's name that say what kind of body it is, for the rules that find names
(coordination, name_ends, name_words, organizations, people): a company's legal form at the
end of its name ("Golden Star Ltd", "Lumen Vale (Pty) Ltd"), which makes it a body's and no
one's; the kinds of body only a name follows, of one word too ("the NGO Licadho"); and the
bodies of a state said in lower case after its name ("the Tajik government")."""

from __future__ import annotations

import re

# The forms that end a company's name ("Golden Star Ltd", "Ocean Seafood Inc.", "Nordwind
# GmbH", "Pesquera Sur Ltda", "Lumen Sdn Bhd"): a body's, no one's.
COMPANY_FORMS = {"ltd", "limited", "inc", "llc", "plc", "gmbh", "corp", "ltda", "bhd"}
# The kinds only a body's name follows, a name of one word too ("the NGO Licadho", "l'ONG
# Feniks", "the charity Velora"; not "the agency Monday said", a date).
NGO_BEFORE = re.compile(r"^(?i:ngo|ong|cso|charity)\b")
# What follows such a one-word name: a stop, or a word of the sentence going on ("the NGO
# Licadho, its director", "the NGO Feniks in Tirana"; not "the charity Christmas appeal")
AFTER_A_NAME = {
    ",", ".", ";", ":", "(", ")", "in", "of", "said", "says", "has", "have", "had", "which",
    "who", "and", "to", "for", "on", "at", "was", "is", "with", "from", "en", "de", "dans", "em",
    "que", "qui", "et", "y", "e", "a", "à",
}  # fmt: skip


def named_after_ngo(kind: str, tokens: list, a: int, common: set) -> bool:
    """Whether the one word at tokens[a], after the words `kind` ("NGO", "l'ONG"), names the
    body: no `common` word (a weekday, a head word), and a stop or the sentence after it."""
    after = tokens[a + 1].key if a + 1 < len(tokens) else "."
    return bool(NGO_BEFORE.search(kind)) and tokens[a].key not in common and after in AFTER_A_NAME


# Bodies of a state said in lower case after the country's adjective or name.
BODY_NOUNS = {
    "government", "governments", "authorities", "authority", "police", "army", "navy",
    "ministry", "ministries", "courts", "embassy", "consulate", "parliament", "administration",
    "military", "forces",
}  # fmt: skip
# A company's form in brackets before "Ltd" or "Limited": "(Pty) Ltd", "(Pvt) Limited".
COMPANY_FORMS_IN_BRACKETS = {"pty", "pvt", "private"}


def company_form_in_brackets(tokens: list, k: int) -> bool:
    """Whether tokens[k] is a bracket of "(Pty)" before "Ltd" or "Limited"."""
    at = k + 1 if tokens[k].text == "(" else k - 1 if tokens[k].text == ")" else None
    return (
        at is not None
        and 0 < at < len(tokens) - 2 + (tokens[k].text == ")")
        and tokens[at].key in COMPANY_FORMS_IN_BRACKETS
        and [t.text for t in (tokens[at - 1], tokens[at + 1])] == ["(", ")"]
        and at + 2 < len(tokens)
        and tokens[at + 2].key in ("ltd", "limited")
    )


def company_form_after(tokens: list, b: int) -> bool:
    """Whether a company's form follows a name ending at b: "Golden Star Ltd", "(Pty) Ltd"."""
    return b < len(tokens) and (
        tokens[b].key in COMPANY_FORMS
        and tokens[b].text[:1].isupper()
        or company_form_in_brackets(tokens, b)
    )
