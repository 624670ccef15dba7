"""The rules by which a capitalized name is a place from its context: "X City", "X,
Tamaulipas", "West Sepik Province", "the states of Chiapas, Veracruz and Yucatan", "in
Folkestone, Dover and Lydd" (one of them known). A part of CandidateRules."""

from __future__ import annotations

import re

from kg.extraction.given_names import is_given_name
from kg.extraction.mentions import _place_type, _target_of
from kg.extraction.name_words import (
    ARTICLES,
    CITY_STARTS,
    LIST_OF_PLACES,
    MONTHS,
    ORG_HEADS,
    ORG_LAST_WORDS,
    PLACE_TYPE_OF,
    SUBDIVISION_WORDS,
)
from kg.extraction.spans import Span, _is_name_word
from kg.extraction.text import Passage
from kg.extraction.units import singular
from kg.extraction.world import is_a_country_word, names_a_country

# The words before a city's name that put it where a place is expected, in each language
# ("in Geneva", "en las ciudades de Riobamba y Ambato", "em Ubatuba", "à Nouakchott")
PLACE_BEFORE_EN = re.compile(r"\b(?:in|from|to|at|of|near|between|and|via|for|left|like)\s+$", re.I)
PLACE_BEFORE = {
    language: re.compile(rf"(?:^|\s)(?P<word>{words})\s+$", re.I)
    for language, words in (
        ("es", "en|de|del|desde|hasta|hacia|entre|y|e|a|por|para|como"),
        ("fr", "en|de|du|des|depuis|jusqu['’]à|vers|entre|et|à|au|aux|dans|par|pour|comme"),
        ("pt", "em|no|na|nos|nas|de|do|da|dos|das|desde|até|para|entre|e|a|ao|por|como"),
    )
}
# Words that put a person there as well ("rescató a Victoria", "à Florence et à Nancy"), and a
# name's complement ("albergue Virgen del Carmen")
_TO_OR_AND = {"a", "à", "y", "e", "et"}
_COMPLEMENT = {"de", "del", "du", "des", "do", "da", "dos", "das"}


def placed_by_the_words_before(passage, a: int, b: int, before: str) -> bool:
    """Whether the words before the name at tokens[a:b] put a place there: a preposition of
    the passage's language; in Spanish, French and Portuguese not "a" or "y" before a given
    name (a person: "rescató a Victoria"), nor "del" inside a capitalized name ("Virgen del
    Carmen")."""
    if passage.language not in PLACE_BEFORE:
        return PLACE_BEFORE_EN.search(before) is not None
    m = PLACE_BEFORE[passage.language].search(before)
    if m is None:
        return False
    word, tokens = m["word"].casefold(), passage.tokens
    # (a given name after "a" or "à", or after "y" not ending a list of names: "con su madre y
    # Trinidad", not "Jundiaí e Santos")
    listed = word in ("y", "e", "et") and a >= 2 and _is_name_word(tokens[a - 2])
    if word in _TO_OR_AND and not listed and b - a == 1 and is_given_name(tokens[a].text):
        return False
    return not (word in _COMPLEMENT and a >= 2 and _is_name_word(tokens[a - 2]))


SITE_HEADS = {"airport"}  # the last word of a site's name
COMPASS_WORDS = {"east", "west", "north", "south", "central", "eastern", "western",
                 "northern", "southern"}  # fmt: skip


# The words by which a name goes on past a list's comma ("en Ecatepec, Estado de México")
NAME_GOES_ON = {"de", "del", "of", "do", "da", "du"}
# What opens a list of places ("in Folkestone, Dover and Lydd", "en Cartagena, Coveñas y
# Necoclí", "à Lille, Roubaix et Tourcoing", ": Bucaramanga, Cartagena, ...")
LIST_OPENS = re.compile(
    r"(?:\b(?:in|from|to|between|en|desde|hacia|entre|dans|à|vers|em|para)\s+|:\s+)(?=[A-Z])"
)
# The words after a list's "and" that open no name of it but go on with the sentence ("...,
# Necoclí y también en el Golfo de Urabá"; not "in Houston, Garcia and his wife", a clause)
GOES_ON_AFTER_AND = {
    "also", "tambien", "ademas", "aussi", "tambem", "in", "en", "em", "dans", "a", "no", "na",
    "at", "to", "later", "then", "luego", "despues", "puis", "depois",
}  # fmt: skip
# "and" in a list, in each language ("Kelmora, Tavira y Dovrak")
LIST_AND = {"and", "y", "et", "e"}


def _names_listed_after(passage: Passage, i: int, least: int = 2) -> list[tuple[int, int]]:
    """The capitalized names of a list that begins at token i ("Folkestone, Dover and Lydd"),
    as token ranges; [] when what follows is no such list."""
    tokens = passage.tokens
    names, after_and = [], False
    while i < len(tokens):
        j = i
        while j < len(tokens) and (_is_name_word(tokens[j]) or tokens[j].text == "-"):
            j += 1
        if j == i:
            # ("regions like Amhara, Tigray and Oromia, where ...": a list whose last name
            # follows "and" ends at the comma after it; "Cartagena, Maicao y también en el
            # Golfo de Urabá": one whose "and" opens no name ends before it)
            if after_and and tokens[i - 1].key in LIST_AND and tokens[i].key in GOES_ON_AFTER_AND:
                return names if len(names) >= least else []
            return names if after_and and tokens[i - 1].text == "," else []
        names.append((i, j))
        if after_and:
            break
        if j < len(tokens) and tokens[j].text == "," and j + 1 < len(tokens):
            i = j + 1
            if tokens[i].key in LIST_AND:
                i += 1
                after_and = True
        elif j < len(tokens) and tokens[j].key in LIST_AND:
            i = j + 1
            after_and = True
        else:
            break
        # (an article before the last name: "Beijing, Macao and the Republic of Korea")
        if after_and and i + 1 < len(tokens) and tokens[i].key in ARTICLES:
            i += _is_name_word(tokens[i + 1])
    return names if len(names) >= least else []


# "Islamic State", "a Member State", "each Contracting State": the word before "State" says
# what kind of state it is, not which of a country's states.
NOT_A_STATES_NAME = {
    "islamic", "member", "sovereign", "nation", "federal", "union", "contracting",
    "requesting", "requested", "observer", "party",
    "welfare", "police", "partner", "participating", "signatory", "arab", "transit",
    "destination", "origin", "coastal", "island", "flag", "port", "receiving", "sending", "host",
    "independent", "neighbouring", "neighboring",
}  # fmt: skip
FEATURE_FIRST = {"lake", "mount", "gulf", "bay", "isle", "cape", "strait"}
# "Mount Zion Hospital", "Lake View School": a body named after a feature, not the feature
INSTITUTION_WORDS = {"hospital", "clinic", "school", "college", "university", "church",
                     "mosque", "hotel", "academy", "prison"}  # fmt: skip
FEATURE_LAST = {"river", "lake", "sea", "island", "islands", "mountains", "desert", "valley"}


# The kinds of place a name is followed by in lower case ("the Timbuktu region", "Ngozi
# province", "Batang Kuis sub-district", "Teknaf upazila"), and the place type each gives
KIND_OF_PLACE_AFTER = {
    "region": "region", "province": "state", "state": "state", "district": "region",
    "sub-district": "region", "subdistrict": "region", "county": "region",
    "sub-county": "region", "governorate": "state", "prefecture": "state", "oblast": "state",
    "canton": "region", "municipality": "city", "township": "city", "village": "city",
    "chiefdom": "region", "town": "city", "city": "city", "zone": "region", "upazila": "region",
    "commune": "city", "ward": "region", "parish": "region",
}  # fmt: skip
# A name's words before a kind of place that say what kind of place it is, not which
# ("the Northern region", "a Gulf state", "a Schengen state", "the Olympic village")
NOT_A_PLACES_NAME = {
    "baltic", "schengen", "olympic", "nordic", "congressional", "business", "federal",
    "autonomous", "border", "capital", "home", "host", "frontier", "mountain", "coastal",
    "asian", "anatolian", "arabian", "latin",
}  # fmt: skip
# The endings of peoples' and regions' adjectives ("Andean", "West African", "Saharan")
PEOPLES_ENDINGS = ("ean", "can", "ese", "ish", "ian", "an")


# ", a village near Asesewa", ", a suburb of Accra", ", a locality in the Obock region": the
# kind of place a name is, in apposition
PLACE_IN_APPOSITION = re.compile(
    r",\s+an?\s+(?:(?:small|remote|coastal|fishing|farming|mining|border|nearby|rural)\s+)?"
    r"(?P<kind>village|town|city|locality|suburb|community|port|island|district|province)"
    r"\s+(?:of|near|in|on|outside|close)\b"
)
# (the kinds after a name, and those only said in apposition: "the Rohingya community" is no
# place)
APPOSITION_KINDS = KIND_OF_PLACE_AFTER | {
    "locality": "city", "suburb": "city", "community": "city", "port": "city", "island": "region",
}  # fmt: skip


def _kind_of_place_in_apposition(text: str, tokens, b: int) -> str | None:
    """The place type of the kind of place said of the name before tokens[b] in apposition."""
    if b >= len(tokens) or tokens[b].text != ",":
        return None
    m = PLACE_IN_APPOSITION.match(text, tokens[b].start)
    return APPOSITION_KINDS[m["kind"]] if m else None


def _kind_of_place_after(tokens, b: int) -> str | None:
    """The place type of the kind of place written in lower case at tokens[b], or None
    ("regional" only before "state" or "government": "Amhara regional state", not "the
    Caritas regional office")."""
    if b >= len(tokens) or not tokens[b].text.islower():
        return None
    word = tokens[b].key
    if word == "sub" and b + 2 < len(tokens) and tokens[b + 1].text == "-":
        word = "sub-" + tokens[b + 2].key
    if word == "regional" and b + 1 < len(tokens):
        return "region" if tokens[b + 1].key in ("state", "government") else None
    return KIND_OF_PLACE_AFTER.get(word)


def _names_a_place_of_a_kind(tokens, a: int, b: int, keys: list[str]) -> bool:
    """Whether the name at tokens[a:b], before a kind of place, is that place's: a name of
    a word or three, no body's ("the UNHCR region", "the Police district"), no kind of state
    ("the Islamic state", "a Member state"), no people's or country's adjective ("the West
    African region", "the French region of"), no word that says what kind of place ("the
    Northern region", "a Gulf state")."""
    last = tokens[b - 1].text
    return (
        b - a <= 3
        and not any(t.is_acronym for t in tokens[a:b])
        and not set(keys) & (ORG_HEADS | ORG_LAST_WORDS | NOT_A_STATES_NAME | MONTHS)
        and all(t.is_word or t.text == "-" for t in tokens[a:b])
        and keys[-1] not in NOT_A_PLACES_NAME
        and not (b - a == 1 and keys[0] in COMPASS_WORDS)  # (not "South West")
        and not is_a_country_word(last)
        # ("-ian" after "j" or "x" in Chinese names: "Fujian province", "Xian city"; "-an"
        # after another word only: "Tumpatan village", "West African region")
        and not (
            last.endswith(PEOPLES_ENDINGS[: None if b - a > 1 else -1])
            and last[-4:-3].casefold() not in ("j", "x")
        )
    )


def regions_named(passage: Passage) -> frozenset[int]:
    """Where the passage's names of a country's parts begin ("the Eastern Region", "Ngozi
    Province", "the Obock region"): a name before one ends there ("Akateng, a village near
    Asesewa in the Eastern Region": not one name). Read once per passage."""
    found = passage.__dict__.get("_regions_named")
    if found is None:
        tokens, found = passage.tokens, set()
        for k, t in enumerate(tokens):
            if not (t.is_capitalized and t.is_word) or (k and _is_name_word(tokens[k - 1])):
                continue
            m = k
            while m < len(tokens) and m - k < 3 and _is_name_word(tokens[m]):
                m += 1
            if (
                m - k >= 2
                and tokens[m - 1].key in SUBDIVISION_WORDS
                or (_kind_of_place_after(tokens, m) and tokens[m].key not in ("state", "regional"))
            ):
                found.add(k)
        found = passage.__dict__["_regions_named"] = frozenset(found)
    return found


def _in_a_named_region(passage: Passage, a: int, b: int) -> bool:
    """Whether the name at tokens[a:b], after a word that puts a place there ("near", "of"),
    is followed by "in (the)" and a region's name."""
    tokens = passage.tokens
    if not (a and tokens[a - 1].key in ("in", "at", "near", "of", "from", "to")):
        return False
    if b + 1 >= len(tokens) or tokens[b].key != "in" or not tokens[b].text.islower():
        return False
    at = b + 2 if tokens[b + 1].key == "the" else b + 1
    return (
        at in regions_named(passage)
        and not {t.key for t in tokens[a:b]} & (ORG_HEADS | ORG_LAST_WORDS | INSTITUTION_WORDS)
        and not is_given_name(tokens[a].text)  # ("of Ana Ruiz in the ...", "of Kwame in")
    )


_ACCORDING_TO_PAIRS = {("according", "to"), ("acuerdo", "con"), ("acordo", "com")}


def _owned_by(tokens, a: int) -> bool:
    """ "the support of Europol, UK, Dutch and Polish ...": a name after "of" (not "the
    city of", "the state of") is what something is of, no town in the place after it; nor is
    a name after "according to" ("Según Ana Ruiz, México registró ...": a source)."""
    # ("de acuerdo con", "de acordo com", "d'après", "conforme")
    if a >= 1 and tokens[a - 1].key in ("segun", "selon", "segundo", "apres", "conforme"):
        return True
    if a >= 2 and (tokens[a - 2].key, tokens[a - 1].key) in _ACCORDING_TO_PAIRS:
        return True
    if a < 1 or tokens[a - 1].key != "of":
        return False
    return not (a >= 2 and tokens[a - 2].key in PLACE_TYPE_OF)


class PlaceRules:
    """The place rules of the candidate names (a part of the Recognizer)."""

    def _place_by_context(self, passage, a, b, known_ranges) -> Span | None:
        tokens = passage.tokens
        keys = [t.key for t in tokens[a:b]]
        # "X City": a city, within the country X when X is one.
        if keys[-1] == "city" and b - a >= 2:
            within = known_ranges.get((a, b - 1))
            return Span(
                passage,
                a,
                b,
                "rule",
                "place",
                confidence=0.7,
                place_type="city",
                within=_target_of(within) if within else None,
            )
        # "Entebbe International Airport": a site, within the place its name holds
        if keys[-1] in SITE_HEADS and 2 <= b - a <= 6 and keys[0] not in ("international", "the"):
            # (or the place after it: "Entebbe International Airport in Uganda")
            inside = [sp for (ka, kb), sp in known_ranges.items() if a <= ka and kb < b]
            after = b < len(tokens) and tokens[b].key in ("in", ",")
            inside += [sp for (ka, _), sp in known_ranges.items() if after and ka == b + 1]
            within = next((_target_of(sp) for sp in inside if sp.kind == "place"), None)
            return Span(
                passage, a, b, "rule", "place", confidence=0.7, place_type="site", within=within
            )
        # "West Sepik Province", "National Capital District", "Autonomous Region of
        # Bougainville": a name with a place type of its own (a country's subdivision).
        at = next((k for k, key in enumerate(keys) if key in SUBDIVISION_WORDS), None)
        if (
            at is not None
            and 2 <= b - a <= 6
            and not (at and keys[at] == "state" and keys[at - 1] in NOT_A_STATES_NAME)
            and (at == len(keys) - 1 or keys[at + 1] == "of" and at + 2 < len(keys) and at <= 2)
        ):
            inside = [
                span
                for (ka, kb), span in known_ranges.items()
                if a <= ka and kb <= b and span.kind == "place"
            ]
            country = next(
                (
                    _target_of(span)
                    for span in inside
                    if _place_type(span, self.knowledge) == "country"
                ),
                None,
            )
            return Span(
                passage,
                a,
                b,
                "rule",
                "place",
                confidence=0.7,
                place_type=PLACE_TYPE_OF.get(keys[at], "region"),
                within=country,
            )
        # "X, Tamaulipas": a place followed by a known state or country.
        if b + 1 < len(tokens) and tokens[b].text == "," and not _owned_by(tokens, a):
            for (ka, kb), span in known_ranges.items():
                container_type = _place_type(span, self.knowledge)
                if (
                    ka == b + 1
                    and span.kind == "place"
                    and container_type in ("state", "country")
                    # not "Eurojust, UK Home Office ...": the place begins another name
                    and not (kb < len(tokens) and _is_name_word(tokens[kb]))
                    # not "Roberto Campa, Mexico's Vice Minister of the Interior": a role
                    and not (kb < len(tokens) and tokens[kb].text in ("'s", "’s", "'", "’"))
                ):
                    return Span(
                        passage,
                        a,
                        b,
                        "rule",
                        "place",
                        confidence=0.65,
                        place_type="city",
                        within=_target_of(span),
                    )
        if keys[0] in CITY_STARTS and b - a >= 2:
            return Span(passage, a, b, "rule", "place", confidence=0.5, place_type="city")
        # "near Asesewa in the Eastern Region", "a suburb of Elmina in the Central Region": a
        # town in a region the text names
        if _in_a_named_region(passage, a, b) and b - a <= 3:
            return Span(passage, a, b, "rule", "place", confidence=0.6, place_type="city")
        # "the Timbuktu region", "in Beheira governorate", "Tumpatan village", "Akateng, a
        # village near ...": a name before the kind of place it is, in lower case
        kind = _kind_of_place_after(tokens, b) or _kind_of_place_in_apposition(
            passage.text, tokens, b
        )
        if kind is not None:
            # ("from Rashid in Beheira governorate": the governorate is the name after "in")
            at = max((k for k in range(a + 1, b) if tokens[k].key in ("in", "of")), default=None)
            a = at + 1 if at is not None and tokens[at].text.islower() else a
            # ("Romanian Prahova county": the country's adjective is no part of the name)
            a += (
                b - a >= 2
                and tokens[a].text.endswith(("an", "ish", "ese"))
                and names_a_country(tokens[a].text)
            )
            if _names_a_place_of_a_kind(tokens, a, b, keys[a - b :]):
                return Span(passage, a, b, "rule", "place", confidence=0.65, place_type=kind)
        # "Lake Volta", "Mount Elgon", "the Volta River": a named feature of the land or sea
        if (
            2 <= b - a <= 4
            and (keys[0] in FEATURE_FIRST or keys[-1] in FEATURE_LAST)
            and not set(keys) & (ORG_HEADS | ORG_LAST_WORDS | INSTITUTION_WORDS)
        ):
            return Span(passage, a, b, "rule", "place", confidence=0.6, place_type="region")
        return None

    def _lists_with_a_known_place(self, passage: Passage, known_here: list[Span]) -> list[Span]:
        out = []
        places = {(s.a, s.b): s for s in known_here if s.kind == "place"}
        taken = {(s.a, s.b) for s in known_here}
        # (in the other languages too, and after a colon: "en varias zonas ...: Bucaramanga,
        # Cartagena, Coveñas y Maicao")
        for m in LIST_OPENS.finditer(passage.text):
            before = passage.text[max(0, m.start() - 40) : m.start()]
            if m.group().startswith(":") and not re.search(r"\b[a-zà-ÿ]+$", before):
                continue  # (a title's colon: "The Trafficking Cycle: Sinai and Beyond")
            names = _names_listed_after(passage, passage.token_index(m.end()))
            known = [places[n] for n in names if n in places]
            if (
                not known
                or any(n in taken and n not in places for n in names)
                or any(k.entry is not None and k.entry.demonym for k in known)
            ):
                continue  # no known place, an organization, or "Ghanaian and Namibian nationals"
            kind = _place_type(known[0], self.knowledge) or "city"
            if kind == "country":
                # every country is known: a name listed beside them is no country, and may
                # be no place at all ("funding from Canada, Japan and Unilever")
                continue
            for a, b in names:
                words = passage.tokens[a:b]
                if (
                    {t.key for t in words} & (MONTHS | COMPASS_WORDS)
                    or (
                        b < len(passage.tokens)
                        and passage.tokens[b].text == "."
                        and len(passage.tokens[b - 1].text) <= 3
                    )
                    or len(passage.tokens[a].text) < 3
                    # (a language's or a people's word, no place: "in Lisbon, Portuguese and
                    # Spanish"; a country's own name is known already)
                    or b - a == 1
                    and is_a_country_word(passage.tokens[a].text)
                    # (a name that goes on: "en Ecatepec, Estado de México")
                    or b + 1 < len(passage.tokens)
                    and passage.tokens[b].key in NAME_GOES_ON
                    and passage.tokens[b + 1].text[:1].isupper()
                ):
                    continue  # "March 11", "Vol. II", "West and Central Africa"
                if (a, b) not in taken and not any(ka <= a < kb for ka, kb in taken):
                    out.append(
                        Span(passage, a, b, "rule", "place", confidence=0.6, place_type=kind)
                    )
        return out

    def _place_lists(self, passage: Passage, known_here: list[Span]) -> list[Span]:
        """ "the states of Chiapas, Veracruz and Yucatan": every name of the list; "in
        Folkestone, Dover and Lydd", one of them a known city: the others are places too."""
        out = self._lists_with_a_known_place(passage, known_here)
        out += _places_listed_after_their_kind(passage, known_here)
        out += _where_people_counted_are_from(passage, known_here)
        for m in LIST_OF_PLACES.finditer(passage.text):
            if m.group("what")[:1].isupper() and not re.match(r"(?i)the\b", m.group()):
                continue  # "Director of Department of Operations and Emergencies": a name
            place_type = PLACE_TYPE_OF[m.group("what").casefold()]
            i = passage.token_index(m.end() - 1)
            tokens = passage.tokens
            while i < len(tokens):
                j = i
                while j < len(tokens) and (_is_name_word(tokens[j]) or tokens[j].text == "-"):
                    j += 1
                if j == i:
                    break
                if not any(s.a <= i and j <= s.b for s in known_here):
                    out.append(
                        Span(passage, i, j, "rule", "place", confidence=0.6, place_type=place_type)
                    )
                if (
                    j < len(tokens)
                    and tokens[j].text == ","
                    or (j < len(tokens) and tokens[j].key in ("and", "or"))
                ):
                    i = j + 1
                    continue
                break
        return out


# "regions like Amhara, Tigray and Oromia", "communities along the lake such as Kpando Tokor,
# Abotoase and Kwamekrom", "five locations: Pango, Elluk and Nabo": places by the kind of
# place said before their list
KIND_THEN_LIST = re.compile(
    r"\b(?P<kind>regions|provinces|districts|states|cities|towns|villages|communities|"
    r"localities|locations|places|municipalities|islands|ports|camps|neighbou?rhoods|"
    # (the same in Spanish, French and Portuguese: "regiones como", "des régions comme")
    r"regiones|regiões|r[ée]gions|provincias|prov[íi]ncias|departamentos|d[ée]partements|"
    r"ciudades|villes|cidades|municipios|munic[íi]pios|communes|localidades|localit[ée]s)"
    r"(?:\s+[\w'’-]+){0,4}?(?:,?\s+(?:such\s+as|like|including|como|comme|tels?\s+que|"
    r"telles\s+que|notamment|incluindo|incluyendo)|:)\s+(?=[A-Z])"
)


def _places_listed_after_their_kind(passage: Passage, known_here: list[Span]) -> list[Span]:
    """The names of a list after a kind of place in the plural and "such as", "like",
    "including" or a colon: not a known name of something else, a body's or a month's, a
    person's, a people's before the noun it qualifies ("including Rohingya refugees"), nor
    an owner's ("Ana Ruiz's home")."""
    out = []
    tokens = passage.tokens
    taken = {k for s in known_here for k in range(s.a, s.b)}
    for m in KIND_THEN_LIST.finditer(passage.text):
        place_type = PLACE_TYPE_OF.get(singular(m["kind"].casefold()), "city")
        for a, b in _names_listed_after(passage, passage.token_index(m.end()), least=1):
            after = tokens[b] if b < len(tokens) else None
            if (
                {t.key for t in tokens[a:b]} & (MONTHS | ORG_HEADS)
                or taken.intersection(range(a, b))
                or b - a == 1
                and is_a_country_word(tokens[a].text)  # ("regions like Amhara and Spanish")
                or is_given_name(tokens[a].text)
                or (
                    after is not None
                    and (after.text.islower() or after.text in ("'s", "’s"))
                    and after.key not in LIST_AND | {"or"}
                )
            ):
                continue
            out.append(Span(passage, a, b, "rule", "place", confidence=0.6, place_type=place_type))
    return out


# "seven were from Bajura, two from Achham and one from Bajhang": a count of people by where
# they are from (figures.py reads the counts)
COUNT_FROM = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:(?:were|was|are|came|each)\s+)*from\s+(?=[A-Z])"
)


def _where_people_counted_are_from(passage: Passage, known_here: list[Span]) -> list[Span]:
    """The names after the counts of a sentence that counts people by two places or more:
    each is a place (unless it is a known name of something else)."""
    out = []
    tokens = passage.tokens
    for s0, s1 in passage.sentences:
        counts = list(COUNT_FROM.finditer(passage.text, s0, s1))
        if len(counts) < 2:
            continue
        for m in counts:
            a = j = passage.token_index(m.end())
            while j < len(tokens) and (_is_name_word(tokens[j]) or tokens[j].text == "-"):
                j += 1
            if j > a and not any(s.a < j and a < s.b for s in known_here):
                out.append(
                    Span(passage, a, j, "rule", "place", confidence=0.6, place_type="region")
                )
    return out
