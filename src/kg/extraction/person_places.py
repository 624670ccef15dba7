"""Where a name that only looks like a person's stands as a place: a name whose one evidence
is its first part, a given name ("Elias Lopez", "Monte Verde", "Cara Lodge"), is a place's
or a venue's where the text puts it as it puts places: after a preposition of place ("in X",
"near X", "at X", "à X"), beside a place in a list ("Sarvel, Santa Ana, Monte Verde and
Lorvik"), joined to one by a slash ("Belvar/Elias Lopez", the two sides of a border
crossing), in brackets after one ("Herat (Islam Qala)": its crossing or district), or after
a place's head and "of" ("the Port of Jorge Lima"); or where its own words make it a place
("Matthew Town", "Canal de la Mancha", "the Islam Qala border crossing"). A person named
with a role, a title, a verb of speech or any other context is kept wherever the name
stands."""

from __future__ import annotations

from kg.extraction.coordination import FOREIGN_ARTICLES
from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import PLACE_HEADS
from kg.extraction.spans import Span

# Prepositions of place before a name: English, Spanish, French, Portuguese.
_PLACE_PREPOSITIONS = {"in", "near", "through", "via", "at", "en", "em", "à"}
# What joins the items of a list: a comma, "and" in the four languages.
_LIST_JOINS = {",", "and", "y", "e", "et"}
# Nouns of places a name in brackets may qualify ("Herat (Islam Qala) border crossings").
_PLACE_NOUNS = {
    "borders",
    "crossing",
    "crossings",
    "point",
    "points",
    "area",
    "areas",
    "checkpoint",
}
# Words of giving or telling before "à" (French, Portuguese), which make a name after it
# the one given or told, a person ("remis à Marie Velder, à Dakar").
_GIVEN_OR_TOLD = {
    "remis", "remise", "remises", "donné", "donnée", "offert", "offerte", "attribué",
    "attribuée", "décerné", "décernée", "dit", "expliqué", "déclaré", "adressé", "adressée",
    "demandé", "écrit", "hommage", "entregue", "entregues", "entregou", "oferecido",
    "oferecida", "atribuído", "atribuída", "disse", "explicou", "declarou", "pediu",
    "agradeceu", "homenagem", "dado", "dada",
}  # fmt: skip
_AIRPORT_HEADS = PLACE_HEADS | {"airport", "aeropuerto", "aéroport", "aeroporto", "border"}
# The first word of a water's or a land's name ("Canal de la Mancha", "Lake Velmar", "Gulf of
# Lorvia"), in the four languages (not "Mar", "Monte": given names too)
_FEATURES = {
    "canal", "channel", "río", "rio", "lago", "lake", "lac", "golfo", "gulf", "golfe", "isla",
    "ilha", "île", "bahía", "baía", "bay", "cabo", "cape", "strait", "estrecho", "détroit",
    "estreito", "mount", "sierra",
}  # fmt: skip
# The last words of a place's name that are no one's surname
_NAMED_PLACE_ENDS = {
    "town", "city", "district", "county", "province", "village", "region", "regions",
    "municipality", "island", "islands", "valley",
}  # fmt: skip
_OF = {"of", "de", "del", "da", "do", "du", "des", "d'", "d’"}
_ARTICLES = FOREIGN_ARTICLES | {"the"}


def put_as_a_place(span: Span, known: dict) -> bool:
    """Whether the name of span stands where the text puts places (see the module)."""
    tokens = span.passage.tokens
    a, b = span.a, span.b
    before = tokens[a - 1] if a else None
    after = tokens[b] if b < len(tokens) else None
    # "Matthew Town", "Canal de la Mancha": a name that says it is a place, by its last word
    # or its first (not a place's head that is a surname too: "Sarah Ward", "Julia Port"; a
    # feature's word only before "de" or "of": not "Isla Fernández", "Rio Alvarez")
    if tokens[b - 1].key in _NAMED_PLACE_ENDS:
        return True
    if b - a > 2 and tokens[a].key in _FEATURES and tokens[a + 1].key in _OF:
        return True
    if before is None:
        return False
    # "the Islam Qala border crossing", "el Ana Lopez camp": what a place's noun after the name
    # makes a place
    if before.key in _ARTICLES and after is not None and after.key in _AIRPORT_HEADS | _PLACE_NOUNS:
        return True
    if before.text in _PLACE_PREPOSITIONS - {"at", "à"}:
        return True
    places = {(ka, kb) for (ka, kb), s in known.items() if s.kind == "place"}
    bodies = {(ka, kb) for (ka, kb), s in known.items() if s.kind == "organization"}
    # "at Cara Lodge, in Velmar", "à Velmar Lodge, en Lorvia": a venue, a place after it (not
    # "Look at Ana Lopez, who ...", nor "remis à Marie Velder, de Dakar": where she is from)
    if before.text in ("at", "à"):
        if before.text == "à" and a >= 2 and tokens[a - 2].key in _GIVEN_OR_TOLD:
            return False  # ("entregue à Maria Velder, em Maputo": to her)
        k = b + (b < len(tokens) and tokens[b].text == ",")
        k += k < len(tokens) and tokens[k].key in ("in", "en", "em", "à")
        return any(ka == k for ka, _ in places)
    # "Belvar/Elias Lopez", "Elias Lopez/Belvar": a slash with no space joins two places (not
    # "Jane Doe/John Roe", two people: a given name begins the other side)
    if before.text == "/" and not before.space_before and a >= 2:
        if tokens[a - 2].is_acronym or any(kb == a - 1 for _, kb in bodies):
            return False  # ("IOM/Ana Ruiz": a body's, and its photographer's or officer's)
        k = a - 2
        while k > 0 and tokens[k - 1].is_word and tokens[k - 1].text[:1].isupper():
            k -= 1
        return tokens[a - 2].text[:1].isupper() and not is_given_name(tokens[k].text)
    if after is not None and after.text == "/" and not after.space_before:
        other = tokens[b + 1] if b + 1 < len(tokens) else None
        if other is not None and (other.is_acronym or any(ka == b + 1 for ka, _ in bodies)):
            return False  # ("(Ana Ruiz/IOM)")
        return other is not None and other.text[:1].isupper() and not is_given_name(other.text)
    # "Herat (Islam Qala) border crossings": in brackets right after a place, inside a noun
    # phrase of places (not "from Lima (Ana Ruiz) and Cusco": a person from there)
    if before.text == "(" and any(kb == a - 1 for _, kb in places):
        closing = (
            tokens[b + 1]
            if after is not None and after.text == ")" and b + 1 < len(tokens)
            else None
        )
        return closing is not None and closing.key in _AIRPORT_HEADS | _PLACE_NOUNS
    # "Santa Ana, Monte Verde et Lorvik", "Sarvel, Santa Ana and Monte Verde": an item of a
    # list of places, with a place on both sides or two before (not "In Sarvel, Ana Lopez and
    # Lorvik officials met": a list's last item ends at a comma or a stop)
    left = _place_before(tokens, a, places)
    # ("In Lima and Cusco, Ana Velder trained": a list that closed at its "and")
    if left and tokens[a - 1].text == "," and left[0] and tokens[left[0] - 1].key in _LIST_JOINS:
        left = left if tokens[left[0] - 1].key == "," else None
    right = _place_after(tokens, b, places)
    ends = right is not None and (right[1] >= len(tokens) or tokens[right[1]].text in ",.;")
    if left and (ends or _place_before(tokens, left[0], places)):
        return True
    # "the International Airport of Jorge Lima": a place's head, then "of"
    return before.key in ("of", "de") and a >= 2 and tokens[a - 2].key in _AIRPORT_HEADS


def _place_before(tokens, a: int, places: set) -> tuple[int, int] | None:
    """The place that is the item before token a in a list ("Sarvel, " or "Sarvel and ")."""
    if not a or tokens[a - 1].key not in _LIST_JOINS:
        return None
    k = a - 1
    if tokens[k].key != "," and k and tokens[k - 1].text == ",":
        k -= 1  # "..., and Monte Verde"
    return next(((ka, kb) for ka, kb in places if kb == k), None)


def _place_after(tokens, b: int, places: set) -> tuple[int, int] | None:
    """The place that is the item after the name ending at b in a list."""
    if b >= len(tokens) or tokens[b].key not in _LIST_JOINS:
        return None
    k = b + 1
    if tokens[b].key == "," and k < len(tokens) and tokens[k].key in _LIST_JOINS:
        k += 1  # "Monte Verde, and Lorvik"
    return next(((ka, kb) for ka, kb in places if ka == k), None)


def not_put_as_places(persons: list[Span], known: dict) -> list[Span]:
    """The people of a passage less those named like a person alone (confidence 0.6: a
    given name first, no words around) that stand where the text puts places."""
    return [p for p in persons if p.confidence > 0.6 or not put_as_a_place(p, known)]
