"""Places by their names in Spanish, French and Portuguese, for releases written in those
languages: countries as ISO 3166's translations give them (pycountry's locales: "Camerún",
"Koweït", "Moçambique") and world regions as CLDR names the UN M49 regions (Babel:
"Centroamérica", "Amérique latine", "América do Sul"). Read only in a text of that language
(kg.extraction.foreign_words.language_of): "Maurice" is Mauritius in French and a given name
in English.
"""

from __future__ import annotations

import functools
import re

from kg.extraction.text import fold
from kg.extraction.world import REGIONS, WorldPlace, _countries, countries

# The tail of an ISO name written inverted ("Congo, República Democrática del", "Corée,
# République de"): a state's kind ending in its article or preposition (not "Islas Vírgenes,
# EEUU.", two names)
INVERTED = re.compile(r"^(?:Rep[úu]blic|Estado\b|[ÉE]tat\b)|\b(?:del?|do|du|da|des|de\s+la)$", re.I)


@functools.lru_cache(maxsize=4)
def countries_in(language: str) -> tuple[tuple[str, WorldPlace, bool], ...]:
    """(surface name, place, False) for each country's name in `language` (es, fr, pt) as
    ISO 3166's translations give it (pycountry's locales): "Camerún", "Koweït", "Moçambique".
    Read only in a text of that language: "Maurice" is Mauritius in French, a given name in
    English."""
    import gettext

    import pycountry

    try:
        names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return ()
    english = {p.iso3166: p for _, p, demonym in countries() if p.iso3166 and not demonym}
    out = []
    for code, name, common, official in _countries():
        place = english.get(code)
        said = {names.gettext(n) for n in (name, common, official) if n} - {name}
        # ("Congo, República Democrática del": the name in its order, "República Democrática
        # del Congo", as the English names are read)
        said |= {f"{t} {h}" for h, _, t in (s.partition(", ") for s in said) if INVERTED.search(t)}
        for surface in said:
            if (
                place is not None
                and ", " not in surface
                and "(" not in surface
                and fold(surface) not in NOT_PLACES_IN_THEIR_LANGUAGE
            ):
                out.append((surface, place, False))
    return tuple(sorted(out + _regions_in(language), key=lambda x: x[0]))


# Countries' names that are more often people's given names in their language ("Mauricio
# Rentería", "Guadalupe Hernández", "Dominique Lefèvre", "Selon Salvador Martin"), a word
# ("Reunión", a meeting; "gana", wins) or a city of it (Granada): not read as the countries.
# (Faker's given names hold "Francia", "Grecia" and "Libia" too: no list to read them from.)
NOT_PLACES_IN_THEIR_LANGUAGE = {
    "mauricio", "guadalupe", "dominique", "salvador", "maurice", "reunion", "gana", "granada",
}  # fmt: skip
# The locales whose names of world regions a language's releases use ("Caribe" and
# "Caraíbas"; Portuguese's in Spanish too: its "América Latina" is as common there as CLDR's
# Spanish "Latinoamérica")
REGION_LOCALES = {
    "es": ("es", "es_MX", "es_419", "pt"),
    "fr": ("fr", "fr_CA"),
    "pt": ("pt", "pt_PT"),
}


def _regions_in(language: str) -> list[tuple[str, WorldPlace, bool]]:
    """The regions of REGIONS by their names in `language`, as CLDR gives the UN M49 regions'
    names (Babel): "Centroamérica", "Amérique latine", "América do Sul"."""
    from babel import Locale

    ours = {
        surface: WorldPlace(name, "region", None, within)
        for name, aliases, within in REGIONS
        for surface in (name, *aliases)
    }
    english = Locale("en").territories
    out = []
    for locale in REGION_LOCALES.get(language, ()):
        for code, surface in Locale.parse(locale).territories.items():
            if code.isdigit() and code != "001" and surface != english[code]:
                # (a region REGIONS lacks too, so that "Afrique centrale" is not read "Afrique")
                place = ours.get(english[code]) or WorldPlace(english[code], "region")
                out.append((surface, place, False))
    return list({s: (s, p, d) for s, p, d in out}.values())
