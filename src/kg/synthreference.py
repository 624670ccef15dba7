"""The reference data of a synthetic corpus (`kg synth`, kg.synth): places, organizations and
people, growing with the number of documents, with names made of syllables and drawn from
lists of first and last names, all from the corpus's `random.Random`.
"""

from __future__ import annotations

import random

PUBLISHER = "International Organization for Migration"

SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "da",
    "de",
    "di",
    "do",
    "ga",
    "ge",
    "go",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "za",
    "zo",
    "ca",
    "co",
    "pa",
    "po",
]
FIRST_NAMES = [
    "Ana",
    "Luis",
    "Maria",
    "Jose",
    "Carmen",
    "Pedro",
    "Sofia",
    "Diego",
    "Lucia",
    "Jorge",
    "Elena",
    "Pablo",
    "Rosa",
    "Miguel",
    "Laura",
    "Andres",
    "Paula",
    "Raul",
    "Teresa",
    "Hugo",
    "Irene",
    "Mateo",
    "Julia",
    "Tomas",
    "Clara",
    "Ines",
    "Samuel",
    "Alba",
    "Ruben",
    "Nora",
]
LAST_NAMES = [
    "Garcia",
    "Lopez",
    "Martinez",
    "Rodriguez",
    "Hernandez",
    "Perez",
    "Sanchez",
    "Ramirez",
    "Torres",
    "Flores",
    "Rivera",
    "Gomez",
    "Diaz",
    "Cruz",
    "Morales",
    "Reyes",
    "Ortiz",
    "Castillo",
    "Vargas",
    "Romero",
    "Mendoza",
    "Ruiz",
    "Alvarez",
    "Castro",
    "Jimenez",
    "Moreno",
    "Herrera",
    "Medina",
    "Aguilar",
    "Vega",
]
AGENCY_KINDS = (
    ("National Migration Institute", "government-agency"),
    ("Ministry of Foreign Affairs", "national-government"),
    ("National Human Rights Commission", "national-human-rights-institution"),
    ("Family Welfare Office", "government-agency"),
    ("National Women's Institute", "government-agency"),
    ("Public Ministry", "government-agency"),
    ("National Congress", "legislature"),
    ("Committee against Trafficking", "committee"),
)


class Names:
    """Unique proper names from syllables."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int = 3) -> str:
        while True:
            w = "".join(self.rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()
            if w not in self.used:
                self.used.add(w)
                return w


def slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in out.split("-") if p)


def reference_data(n_documents: int, rng: random.Random) -> dict:
    """Places, organizations and people, growing with the number of documents."""
    names = Names(rng)
    places, orgs, people = [], [], []
    regions = [
        {"id": "synth-region-north", "name": "Northern Hemisphere Region", "type": "region"},
        {"id": "synth-region-south", "name": "Southern Hemisphere Region", "type": "region"},
    ]
    places += regions
    n_countries = min(60, 12 + n_documents // 100)
    n_states = 4
    n_cities = 3 + min(12, n_documents // 500)
    codes: set[str] = set()
    countries, states, cities = [], [], []
    for i in range(n_countries):
        name = names.word(3)
        code = name[:2].upper()
        k = 2
        while code in codes or not code.isalpha():
            code = (name[0] + name[k]).upper() if k < len(name) else names.word(1)[:2].upper()
            k += 1
        codes.add(code)
        country = {
            "id": slug(name),
            "name": name,
            "type": "country",
            "within": regions[i % 2]["id"],
            "wikidata": f"Q{900000 + i}",
            "iso3166": code,
        }
        countries.append(country)
        for _ in range(n_states):
            sname = names.word(3)
            state = {
                "id": slug(sname),
                "name": sname,
                "type": "state",
                "within": country["id"],
                "iso3166": f"{code}-{sname[:3].upper()}",
            }
            states.append(state)
            for _ in range(n_cities):
                cname = names.word(3)
                cities.append(
                    {"id": slug(cname), "name": cname, "type": "city", "within": state["id"]}
                )
    places += countries + states + cities

    orgs.append(
        {
            "id": "iom",
            "name": PUBLISHER,
            "acronym": "IOM",
            "classification": "intergovernmental-organization",
        }
    )
    for country in countries:
        orgs.append(
            {
                "id": f"iom-{country['id']}",
                "name": f"IOM {country['name']}",
                "classification": "country-office",
                "part_of": "iom",
                "country": country["id"],
            }
        )
        for kind, classification in rng.sample(AGENCY_KINDS, 4):
            name = f"{kind} of {country['name']}"
            acronym = "".join(w[0] for w in name.split() if w[0].isupper()) + country["iso3166"]
            orgs.append(
                {
                    "id": slug(name),
                    "name": name,
                    "acronym": acronym,
                    "classification": classification,
                    "country": country["id"],
                }
            )
    n_people = 40 + n_documents // 20
    seen: set[str] = set()
    while len(people) < n_people:
        name = f"{rng.choice(FIRST_NAMES)} {names.word(2)} {rng.choice(LAST_NAMES)}"
        if name in seen:
            continue
        seen.add(name)
        people.append({"id": slug(name), "name": name})
    return {
        "places": places,
        "organizations": orgs,
        "people": people,
        "countries": countries,
        "states": states,
        "cities": cities,
    }
