"""Countries a text implies by listing their states: three or more first-level subdivisions of
one country (ISO 3166-2, as :mod:`kg.extraction.world` reads them), each an item of a list, name
that country where the text does not ("em 22 estados - Acre, Alagoas, Amazonas ... e São
Paulo": Brazil), so that its states are read as places and its gazetteer is offered."""

from __future__ import annotations

import functools
import re

from kg.extraction import world
from kg.extraction.text import fold


@functools.lru_cache(maxsize=1)
def subdivision_countries() -> dict[str, frozenset[tuple[str, str]]]:
    """The folded name of each first-level subdivision of every country -> the (country,
    subdivision code) pairs of that name."""
    import pycountry

    out: dict[str, set[tuple[str, str]]] = {}
    for country in pycountry.countries:
        for surface, place, _ in world.subdivisions(country.alpha_2):
            out.setdefault(fold(surface), set()).add((country.alpha_2, place.iso3166))
    return {name: frozenset(pairs) for name, pairs in out.items()}


# The items of a list: what lies between its commas, its conjunction and a dash or colon that
# opens it ("em 22 estados - Acre, Alagoas, Amazonas ... e São Paulo")
_LIST_ITEMS = re.compile(r"\s*(?:,|;|:|[.!?]\s|\s[-–—]\s|\s(?:and|y|e|et)\s)\s*")
# Words of bearing, which name subdivisions in some countries and parts of any in a text
_BEARINGS = {
    "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
    "eastern", "western", "nord", "sud", "est", "ouest", "norte", "sur", "sul", "oeste", "leste",
    "centro", "upper", "lower", "capital", "coast", "islands", "region", "-",
}  # fmt: skip
LISTED_SUBDIVISIONS = 3  # from how many subdivisions of one country a list names the country


def countries_of_listed_subdivisions(sentence: str) -> set[str]:
    """The countries of which a sentence (or passage) lists three or more subdivisions, each
    an item of a list ("Acre, Alagoas, Amazonas, Bahia ... e São Paulo": Brazil), where the
    text need not name the country itself."""
    known = subdivision_countries()
    named: dict[str, set[str]] = {}
    for item in _LIST_ITEMS.split(sentence):
        # (the item's last name, whole: "... from Oaxaca", "Mato Grosso do Sul"; not a
        # person's surname, "Ana Flores", nor the end of another name, "West Virginia")
        # (its last 60 characters: no subdivision's name is longer, and a long item of
        # capitalized words costs no more to read)
        run = _LAST_NAME.search(item.strip(" .()")[-60:])
        if run is None:
            continue
        key = fold(run[0])
        if set(key.split()) <= _BEARINGS:
            continue  # ("the North, South and East": Cameroon's regions are so named)
        for country, subdivision in known.get(key, ()):
            named.setdefault(country, set()).add(subdivision)
    return {code for code, subs in named.items() if len(subs) >= LISTED_SUBDIVISIONS}


# The capitalized words that end an item, with the connectors inside a name ("Rio Grande do
# Sul", "Distrito Federal", "Santa Catarina")
_LAST_NAME = re.compile(
    r"(?<![\w’'-])[A-ZÀ-Ý][\w’'-]*(?:\s+(?:(?:de|do|da|dos|das|del|la|el|of)\s+)?[A-ZÀ-Ý][\w’'-]*)*$"
)
