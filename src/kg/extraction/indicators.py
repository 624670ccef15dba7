"""The indicator of a number: the concept of the indicators scheme whose label, definition
and curated observations are nearest in words to the number's clause.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from kg.extraction.knowledge import Knowledge
from kg.extraction.units import singular

WORDS = re.compile(r"[a-záéíóúñü]+", re.I)
STOPWORDS = {
    "the", "a", "an", "of", "in", "to", "for", "and", "or", "from", "by", "with", "on", "at",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which",
    "who", "whom", "this", "these", "those", "their", "its", "it", "they", "them", "per",
    "cent", "percent", "some", "more", "than", "each", "year", "number", "share", "since",
}  # fmt: skip


INDICATOR_SURE = 0.4  # below this cosine the indicator is only a guess
# Words that say the same thing for the indicators ("gathered" are participants).
SYNONYMS = {
    "gathered": "participant", "attended": "participant", "participated": "participant",
    "assistance": "assisted", "assist": "assisted", "helped": "assisted",
    "kidnapping": "kidnapped", "kidnap": "kidnapped", "abducted": "kidnapped",
    "murder": "murdered", "killed": "murdered", "killing": "murdered", "massacre": "murdered",
    "trial": "tried", "prosecuted": "tried", "trained": "training", "train": "training",
    "identify": "identified", "identification": "identified", "found": "place",
    "presenting": "presenter", "present": "presenter", "nationality": "nationalities",
}  # fmt: skip


def stem_words(text: str) -> list[str]:
    words = [w.casefold() for w in WORDS.findall(text) if w.casefold() not in STOPWORDS]
    return [singular(SYNONYMS.get(w, w)) for w in words]


class IndicatorModel:
    """tf-idf vectors of each indicator: its label and definition and the quotes and labels of
    the curated observations that use it; a number's clause is compared by cosine."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.bags: dict[str, Counter] = {}
        self.units: dict[str, Counter] = {}
        for concept in knowledge.concepts.get("indicators", {}).values():
            self.bags[concept.id] = Counter(stem_words(f"{concept.label} {concept.definition}"))
            self.units[concept.id] = Counter()
        for document in knowledge.documents.values():
            for obs in document.get("observations") or []:
                indicator = obs.get("indicator")
                if indicator not in self.bags:
                    continue
                quotes = obs.get("quotes") or [obs.get("quote") or ""]
                self.bags[indicator].update(stem_words(" ".join([*quotes, obs.get("label", "")])))
                self.units[indicator][obs.get("unit")] += 1
        documents = len(self.bags) or 1
        df = Counter(w for bag in self.bags.values() for w in bag)
        self.idf = {w: math.log(1 + documents / n) for w, n in df.items()}
        self.vectors = {k: self._vector(bag) for k, bag in self.bags.items()}

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(n)) * self.idf.get(w, 0.0) for w, n in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def by_unit(self, unit: str | None) -> str | None:
        """The indicator the curated observations use most for `unit`, or None."""
        if not unit:
            return None
        counts = [(n[unit], indicator) for indicator, n in self.units.items() if n[unit]]
        return max(counts)[1] if counts else None

    def predict(self, text: str, unit: str | None) -> tuple[str | None, float]:
        query = self._vector(Counter(stem_words(text)))
        best, best_score = None, 0.0
        for indicator, vec in self.vectors.items():
            score = sum(v * vec.get(w, 0.0) for w, v in query.items())
            units = self.units[indicator]
            if unit and units:
                score *= 0.6 + 0.4 * units[unit] / sum(units.values())
            if score > best_score:
                best, best_score = indicator, score
        return best, best_score
