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


def country_of_subdivision(name: str) -> str | None:
    """The one country with a first-level subdivision of this name ("Minas Gerais": BR), or
    None: a name several countries' subdivisions share ("Punjab", "Amazonas"), a word of
    bearing, or a city's name elsewhere."""
    key = fold(name)
    owners = {country for country, _ in subdivision_countries().get(key, ())}
    if len(owners) != 1 or set(key.split()) <= _BEARINGS:
        return None
    (country,) = owners
    return country if world.country_of_city(name) in (None, country) else None


# A name in capitals, with the connectors inside it ("Minas Gerais", "Rio Grande do Sul")
_NAME = re.compile(_LAST_NAME.pattern.removesuffix("$"))
NAMED_SUBDIVISIONS = 2  # from how many subdivisions of one country, named anywhere
# A preposition of place or a kind of region before a name, and a bearing: one subdivision
# named after it is enough ("in Oaxaca", "in northern Guerrero", "em Minas Gerais", "na região
# leste de Minas Gerais")
_AT_A_PLACE = re.compile(
    r"(?i:\b(?:in|at|from|near|outside|across|throughout|en|desde|dans|em|na|no)|(?:region|"
    r"state|province|região|regi[oó]n|estado|provincia|prov[íi]ncia)(?:\s+\w+)?\s+"
    r"(?:of|de|do|da|del))\s+(?i:(?:northern|southern|eastern|western|central)\s+)?$"
)
# Where a subdivision's name may begin inside a run of capitalized words: at its start, after
# its "de" or "of" ("Polícia Militar de Minas Gerais"), or after a preposition opening a
# sentence ("Em Minas Gerais"); not after a given name ("Jorge Miranda": a surname)
_INSIDE_A_RUN = re.compile(r"\s+(?:de|do|da|dos|das|del|of)\s+|^(?:Em|En|In|No|Na|Dans)\s+")
# The kind of a subdivision said after its name ("Borno State", "Lagos State")
_KIND_AFTER = re.compile(r"\s+(?:State|Province|Region|Department|Governorate)$")
_LONGEST = 5  # words of the longest subdivision's name read


def countries_of_named_subdivisions(passages) -> set[str]:
    """The countries of which a text names two or more subdivisions anywhere ("Minas Gerais
    concentrou 9 ações, seguido por São Paulo": Brazil), or one after a preposition of place,
    each a name only one country's subdivision has, where the text need not name the country
    itself."""
    named: dict[str, set[str]] = {}
    for passage in passages:
        for run in _NAME.finditer(passage.text):
            for start in [0, *(m.end() for m in _INSIDE_A_RUN.finditer(run[0]))]:
                if len(run[0]) - start > _LONGEST * 20:
                    continue  # (no subdivision's name is so long: a long run costs no more)
                name = _KIND_AFTER.sub("", run[0][start:])
                if (
                    len(name.split()) > _LONGEST
                    or (country := country_of_subdivision(name)) is None
                ):
                    continue
                named.setdefault(country, set()).add(fold(name))
                before = passage.text[max(0, run.start() + start - 40) : run.start() + start]
                if _AT_A_PLACE.search(before):
                    named[country].add("")  # (as good as a second)
                break
    return {code for code, subs in named.items() if len(subs) >= NAMED_SUBDIVISIONS}
