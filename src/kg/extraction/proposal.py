"""What the extractor proposes: items of a document's sections and new concepts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kg.extraction.text import Passage

# Fields whose values are references to organizations, places or people (or declared items).
REF_FIELDS = {
    "location", "organizers", "participants", "parties", "managed_by", "jurisdiction",
    "approved_by", "funder", "recipient", "authors", "speaker", "member", "organization",
    "place", "from", "to", "according_to", "subject", "origin", "actor", "attributed_to",
    "about", "part_of", "led_to", "amends", "enables", "funded", "under", "source_work",
}  # fmt: skip
# Fields an item cannot do without: if one of them cannot be given, the item is a suggestion.
REQUIRED = {
    "observations": ("label", "indicator", "unit", "qualifier"),
    "memberships": ("member", "organization", "role"),
    "quotations": ("speaker",),
    "place_roles": ("place",),
    "fundings": ("funder", "funded"),
}
MIN_COUNT = {("agreements", "parties"): 2}


def slugify(text: str, limit: int = 6) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = plain.replace("'s ", " ").replace("'", "")
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words[:limit]) or "item"


@dataclass
class Quote:
    passage: Passage
    start: int
    end: int


@dataclass
class Item:
    """One item of a section of the draft. Field values are text, lists of text, or (for
    `period`) a mapping; values of reference fields are reference ids, ids of items of this
    draft, or "new:KEY" for an entity the reference data lacks."""

    section: str
    id: str
    fields: dict = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    confidence: float = 0.8
    active: bool = True
    why: list[str] = field(default_factory=list)  # comments: why unsure, what to check
    new_concepts: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (scheme, id)
    head: str = ""  # observations: the noun counted ("victims")
    # Fields left out of an active item, shown as comments: field -> (values, why).
    commented: dict[str, tuple[list, str]] = field(default_factory=dict)
    # Where the text names it (a study: each of its mentions; a number: the number itself).
    spans: list[Quote] = field(default_factory=list)
    # A number: the words of its own sentence that date it against the day the release states
    # it was written ("last year", "on Friday"), when that is how its period was worked out.
    period_words: str = ""
    # A number: the sentence of the number its period was carried from (period_carry)
    period_carried_from: str = ""

    def add_quote(self, passage: Passage, start: int, end: int) -> None:
        for q in self.quotes:
            if q.passage is passage and q.start <= start and end <= q.end:
                return
        self.quotes.append(Quote(passage, start, end))


@dataclass
class ConceptProposal:
    scheme: str
    id: str
    label: str
    definition: str
    seen: str = ""  # the words that call for it
