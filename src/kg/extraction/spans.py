"""Spans of tokens that may be names, and what the text around a span says about it: a
sentence's first word, a dateline, a picture's credit, a site's menu, an acronym in brackets
after it, a currency code next to a number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extraction.currencies import CURRENCY_SIGNS
from kg.extraction.lookup import Entry
from kg.extraction.text import Passage, Source, Token
from kg.extraction.world import country_of_city, is_capital


@dataclass
class Span:
    passage: Passage
    a: int  # token range
    b: int
    origin: str  # reference, world, rule
    kind: str  # organization, place, person, event, law, project, campaign, role
    entry: Entry | None = None
    confidence: float = 0.9
    acronym: str | None = None
    place_type: str | None = None
    within: str | None = None  # for rule places: a mention target or a name
    note: str | None = None
    coordinated: bool = False  # "Central and South America": the span of the first name
    alias_of: Span | None = None  # "UNHCR, the UN Refugee Agency": the organization named
    parent: bool = False  # "the Anti-Trafficking Unit of the National Police": the police

    @property
    def start(self) -> int:
        return self.passage.tokens[self.a].start

    @property
    def end(self) -> int:
        return self.passage.tokens[self.b - 1].end

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def rank(self) -> tuple[int, int]:
        return (-(self.end - self.start), {"reference": 0, "world": 1, "rule": 2}[self.origin])


def known_organization(span: Span) -> bool:
    """An organization the reference data or general knowledge knows by the span's words."""
    return span.kind == "organization" and span.origin in ("reference", "world")


def _is_name_word(token: Token) -> bool:
    return token.is_word and (token.is_capitalized or token.is_acronym) and not token.text.isdigit()


def _sentence_starts(passage: Passage) -> frozenset[int]:
    """The indexes of the tokens that begin the passage's sentences (read once per passage:
    the rules ask for them per candidate)."""
    starts = passage.__dict__.get("_sentence_starts")  # set once, with the passage's tokens
    if starts is None:
        starts = passage.__dict__["_sentence_starts"] = frozenset(_starts_of(passage))
    return starts


def _starts_of(passage: Passage) -> set[int]:
    starts = set()
    for s, _ in passage.sentences:
        i = passage.token_index(s)
        while i < len(passage.tokens) and not passage.tokens[i].is_word:
            i += 1
        starts.add(i)
    return starts


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-ZÀ-Ý][\w’'.-]*"
_PLACE_NAME = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}"
# A news report's byline before its dateline: "By Jane Doe and John Roe".
_BYLINE_NAME = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}"
_BYLINE = rf"By\s+{_BYLINE_NAME}(?:\s*(?:,|and)\s*{_BYLINE_NAME})*\s+"
# "GENEVA, Sep 14 (UNHCR)", "KYIV 18 November 2002 -", "Bangkok, Thailand —", "Peru - With",
# "WELLINGTON (Reuters) - ", "KUALA LUMPUR: Twelve ...": the place a release was written in,
# at the start of a paragraph (after a byline, if any).
DATELINE = re.compile(
    # (a byline only before a dateline in capitals: "By Jane Doe WELLINGTON (Reuters) -")
    rf"(?:{_BYLINE}(?=[A-ZÀ-Ý]{{2}}))?(?P<names>{_PLACE_NAME}(?:\s*/\s*{_PLACE_NAME})*)"
    rf"(?=\s*(?:\([^()]{{2,30}}\)\s*)?(?:,\s*{_PLACE_WORD}(?: {_PLACE_WORD})?\s*)?"
    rf"(?:\s[-\u2013\u2014]\s|(?P<colon>:\s)|"
    rf",?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH_WORD}\s+\d))"
)


def _datelines(source: Source) -> dict[int, tuple[tuple[str, ...], int, int]]:
    """passage index -> (the place names of its dateline, where they start, where they end)."""
    out = {}
    for passage in source.passages:
        m = DATELINE.match(passage.text)
        if m is not None:
            names = tuple(n.strip() for n in m.group("names").split("/"))
            # "Bangkok: Some 260 ...", "KUALA LUMPUR: Twelve ...": before a colon, a capital
            # or a name in capitals, not a label that a town is named too ("Mission:")
            if m.group("colon") and not all(n.isupper() or is_capital(n) for n in names):
                continue
            out[passage.index] = (names, m.start("names"), m.end("names"))
    return out


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _currency_of_a_number(tokens: list[Token], a: int) -> bool:
    """ "USD 700", "2 million EUR": an ISO 4217 code next to a number is its currency; "NZ$4,000",
    "HK$ 5m": letters against a dollar sign are its country's."""
    if a + 1 < len(tokens) and tokens[a + 1].text == "$" and not tokens[a + 1].space_before:
        return True
    # (or a sign in letters: "KD 120", "Rs 500")
    if tokens[a].text not in _currency_codes() and tokens[a].text not in CURRENCY_SIGNS:
        return False
    near = [tokens[k] for k in (a - 1, a + 1) if 0 <= k < len(tokens)]
    return any(t.text[:1].isdigit() or t.key in ("million", "billion", "thousand") for t in near)


CREDIT = re.compile(r"(?:©|\(c\)|\bPhoto(?:\s+credit)?\s*:|\bCredit\s*:)\s*[^.;\n]*$", re.I)


def _in_a_credit(passage: Passage, a: int) -> bool:
    """ "© UNHCR/A. Doe", "Photo: IOM 2018 / Jane Doe": a picture's credit, not the text."""
    start = passage.tokens[a].start
    return CREDIT.search(passage.text[max(0, start - 60) : start]) is not None


def _in_a_menu(passage: Passage, a: int, b: int) -> bool:
    """ "Home | Where We Work | Media Centre | Donate": a name between the bars (or bullets) of
    a site's menu is a link's label, not a mention."""
    tokens = passage.tokens
    sides = [tokens[a - 1].text if a else "", tokens[b].text if b < len(tokens) else ""]
    return any(side in ("|", "•", "·", "»", "›") for side in sides)


def _acronym_after(tokens: list[Token], b: int) -> str | None:
    """ "National Institute ... (INEGI ...)": the acronym in brackets after a name."""
    if b + 1 < len(tokens) and tokens[b].text == "(" and tokens[b + 1].is_acronym:
        # "(DFA-OUMWA)", "(TF-THB)": an acronym of parts joined by a hyphen is one, whole
        k = b + 1
        while (
            k + 2 < len(tokens)
            and tokens[k + 1].text == "-"
            and not tokens[k + 1].space_before
            and not tokens[k + 2].space_before
            and tokens[k + 2].is_acronym
        ):
            k += 2
        return "".join(t.text for t in tokens[b + 1 : k + 1])
    # "Mexico's Commission for Refugee Assistance, COMAR, registered ...": the acronym in
    # apposition, then the sentence goes on (not a list: "..., UNICEF, and IOM").
    if (
        b + 3 < len(tokens)
        and tokens[b].text == ","
        and tokens[b + 1].is_acronym
        and tokens[b + 2].text == ","
        and tokens[b + 3].is_word
        and tokens[b + 3].text.islower()
        and tokens[b + 3].key not in ("and", "or", "as", "well")
        and not _a_list_goes_on(tokens, b + 3)
    ):
        return tokens[b + 1].text
    return None


def _a_list_goes_on(tokens: list[Token], k: int) -> bool:
    """ "the Ministry of Health, UNICEF, local authorities and IOM": the words in lower case
    after the second comma end in "and" (or a comma) before another name, so the acronym is
    an item of a list, not the name's ("COMAR, registered 2,606 applications")."""
    start = k
    while k < len(tokens) and tokens[k].is_word and tokens[k].text.islower():
        if tokens[k].key in ("and", "or"):
            break
        if tokens[k].key in NOT_IN_A_LIST_ITEM or k - start >= 3:
            return False  # "COMAR, received support from ...": a sentence goes on
        k += 1
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].key in ("and", "or"):
        k += 1  # "..., local authorities, and IOM"
    if k + 1 >= len(tokens) or tokens[k].text not in ("and", "or", ","):
        return False
    following = tokens[k + 1]
    return following.is_word and (following.text[0].isupper() or following.key == "the")


# Words of a clause, not of a list's item in lower case ("local authorities"): articles and
# prepositions.
NOT_IN_A_LIST_ITEM = {"the", "a", "an", "from", "with", "to", "of", "in", "for", "by", "on", "at",
                      "that", "which", "who", "its", "their", "is", "are", "was", "were", "has",
                      "have", "had"}  # fmt: skip


def city_after_acronym(org: Span) -> int | None:
    """The end of "IOM Dhaka", "IOM Port of Spain": a known organization's acronym, then a
    city (of GeoNames' 100,000 people or more, or a capital) and no more name words."""
    tokens, b = org.passage.tokens, org.b
    if not (org.b - org.a == 1 and tokens[org.a].is_acronym and b < len(tokens)):
        return None
    # (not "with the support of IOM", a title's last word, then "Colombo - The Ministry")
    if (
        not _is_name_word(tokens[b])
        or "\n" in org.passage.text[tokens[b - 1].end : tokens[b].start]
    ):
        return None
    for e in range(min(b + 5, len(tokens)), b, -1):
        name = org.passage.text[tokens[b].start : tokens[e - 1].end]
        # (not a dateline's city after a title's last word: "... of IOM Colombo - The ...")
        ends = e == len(tokens) or not (
            (_is_name_word(tokens[e]) or tokens[e].text in "-–—") and tokens[e].space_before
        )
        if ends and (country_of_city(name) or is_capital(name)):
            return None if name.casefold() in CITIES_THAT_ARE_WORDS else e
    return None


# Cities (of 100,000 people or more, or capitals) whose names are common words of English
# too: after an acronym the word is more likely an adjective or a noun ("IOM Male and Female
# staff", "IOM Mobile teams") than an office in that city.
CITIES_THAT_ARE_WORDS = {
    "bath", "buffalo", "bush", "commonwealth", "cork", "corona", "delta", "enterprise", "hub",
    "independence", "male", "man", "mango", "mobile", "nice", "oral", "orange", "paradise",
    "reading", "sale", "slough", "split", "surprise", "van", "vista",
}  # fmt: skip
