"""`kg extract`: rules written on the twentieth round, from the first measurement of a fresh
batch of releases (665 to 696) before any rule was written on it: the sources of numbers named
in lists, by a newspaper or by a person's role set before the name, and the places of a
country a list of its states implies. One test per rule, on sentences composed for it (the
names of people and bodies are made up; the states are real)."""

from __future__ import annotations

from composed import draft_of, mentions, observations, sources
from kg.extraction.listed_subdivisions import countries_of_listed_subdivisions


def _sources(tmp_path, knowledge, body: str) -> dict:
    return {k: sources(v) for k, v in observations(draft_of(tmp_path, knowledge, body)).items()}


def _values(tmp_path, knowledge, body: str) -> set[str]:
    """The values (as text) of the numbers a composed release's draft finds."""
    return {str(v) for v in observations(draft_of(tmp_path, knowledge, body))}


def test_a_list_of_sources_closed_by_and_other_entities(tmp_path, knowledge):
    """'..., UNICEF, Lorvan Relief Foundation and other entities said': every body of the
    list, as with a conjunction between the last two; a name written before its acronym is one
    body with it."""
    found = _sources(
        tmp_path,
        knowledge,
        "Some 5,001 children were reunited with their families in 2013, UNICEF, Lorvan Relief "
        "Foundation and other entities said in a statement.\n\n"
        "Some 5,002 children were reunited with their families in 2014, the United Nations "
        "Children's Fund (UNICEF) and the Lorvan Relief Foundation said in a statement.\n\n"
        "Some 5,003 children were reunited with their families in 2015, the United Nations "
        "Children's Fund (UNICEF), the Lorvan Relief Foundation and other agencies said.",
    )
    for value in ("5001", "5002", "5003"):
        assert "unicef" in found[value]
        assert "new:organization:lorvan relief foundation" in found[value]


def test_a_list_of_sources_after_said_with_a_bracketed_acronym(tmp_path, knowledge):
    """'..., said the Pelmark Police Service (PPS), Zorvan Police and IOM.' is a list of three,
    closed by its conjunction."""
    found = _sources(
        tmp_path,
        knowledge,
        "Some 5,005 children were reunited in 2013, said the Pelmark Police Service (PPS), "
        "Zorvan Police and IOM.",
    )
    assert set(found["5005"]) == {
        "new:organization:pelmark police service",
        "new:organization:zorvan police",
        "iom",
    }


def test_a_role_in_a_body_set_before_the_name_after_a_quote(tmp_path, knowledge):
    """'"... 1,602 people are at risk", manager of the IOM Ana Ruiz said': the body of the
    speaker's role, with no comma between the role and the name."""
    found = _sources(
        tmp_path,
        knowledge,
        '"We concluded that over 1,602 people of the region are at risk", Sub-regional manager '
        "of the IOM Ana Ruiz says.",
    )
    assert found["1602"] == ["iom"]


def test_a_newspaper_that_had_earlier_reported(tmp_path, knowledge):
    """'Pelmark Daily News had earlier reported that a total of 50 ...': the newspaper, a body
    by its name's last word, is the source (not a person, not nothing)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Pelmark Daily News had earlier reported that a total of 50 foreign nationals were "
        "found in Zorvane.",
    )
    assert mentions(draft, "organization")["Pelmark Daily News"].startswith("new:")
    assert sources(observations(draft)["50"]) == ["new:organization:pelmark daily news"]


def test_a_source_had_earlier_or_previously_said_or_detailed(tmp_path, knowledge):
    """'IOM had earlier reported that 60 ...', 'IOM previously said 70 ...', 'IOM detailed
    420 reports': the verb's body is the source, with an adverb of time between them."""
    found = _sources(
        tmp_path,
        knowledge,
        "IOM had earlier reported that 60 migrants were found in Zorvane.\n\n"
        "IOM previously said 70 refugees had crossed into Pelmark.\n\n"
        "In figures covering 2024, IOM detailed 420 reports of human trafficking.",
    )
    assert found["60"] == ["iom"]
    assert found["70"] == ["iom"]
    assert found["420"] == ["iom"]


def test_a_body_a_relative_which_describes_then_speaks(tmp_path, knowledge):
    """'Lorvan Aid, which helps women in the region, said it saw 22 victims': a name that
    'which' describes and that then speaks is a body's, and the source; a person's 'who' and a
    place that reports are not."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Lorvan Aid, which helps women and children in the region, said it saw 22 trafficking "
        "victims in 2016.\n\n"
        "Ana Ruiz, who heads the shelter, said 33 victims arrived in 2016.",
    )
    orgs = mentions(draft, "organization")
    assert orgs["Lorvan Aid"] == "new:organization:lorvan aid"
    assert sources(observations(draft)["22"]) == ["new:organization:lorvan aid"]
    assert "Ana Ruiz" not in orgs
    report = draft_of(
        tmp_path,
        knowledge,
        "The Trafficking in Persons Report, which covers 188 countries, said 40 percent of "
        "victims were children in 2019.",
    )
    assert mentions(report, "organization") == {}


def test_a_list_of_three_states_names_their_country():
    """Three or more subdivisions of one country, each an item of a list, name the country
    (the text need not); bearings that are regions' names in some country do not."""
    listed = countries_of_listed_subdivisions
    assert listed("Inspections took place in Acre, Alagoas, Amazonas and São Paulo.") == {"BR"}
    assert listed("Victims came from Oaxaca, Puebla and Chiapas.") == {"MX"}
    assert listed("Victims came from Oaxaca and Chiapas.") == set()
    assert listed("In the North, South and East, 40 were found.") == set()
    # (people's surnames that are Uruguay's departments: each item's whole last name is read)
    assert listed("A court sentenced Ana Flores, Luis Rivera and Pedro Maldonado.") == set()


def test_the_states_of_a_list_are_places_not_people(tmp_path, knowledge):
    """'em 22 estados - Acre, Alagoas, ..., Mato Grosso do Sul, Minas Gerais ... e São Paulo':
    each state is a place of Brazil, though the text never names Brazil (and no state is a
    person's name)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Fiscalizações são realizadas em 22 estados - Acre, Alagoas, Amazonas, Bahia, Mato "
        "Grosso do Sul, Minas Gerais, Rio Grande do Sul e São Paulo.",
        title="Operação resgata trabalhadores",
    )
    places = mentions(draft, "place")
    for state in ("Acre", "Alagoas", "Mato Grosso do Sul", "Minas Gerais", "São Paulo"):
        assert state in places
    assert not set(mentions(draft, "person")) & set(places)


def test_foreign_nouns_of_the_fresh_batch_get_their_english_unit(tmp_path, knowledge):
    """'cinq cars' are buses, 'trois cellules' cells, '570 passages' crossings and 'dix
    malfrats' people, in a French release (the nouns the fresh batch counted that the lexicon
    lacked)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Les enquêteurs ont intercepté cinq cars à Pelmark en 2023. Le réseau comptait trois "
        "cellules. Ils ont estimé qu'il y avait eu 570 passages en voiture en 2023. La police a "
        "arrêté dix malfrats en 2023.",
        title="La police démantèle un réseau de passeurs",
    )
    units = {k: v.fields.get("unit") for k, v in observations(draft).items()}
    assert units["5"] == "bus"
    assert units["3"] == "cell"
    assert units["570"] == "crossing"
    assert units["10"] == "person"


def test_a_bodys_staff_or_team_speak_for_it(tmp_path, knowledge):
    """'IOM staff based in Obock, on the coast, are reporting Wednesday that 16 ...', 'IOM's
    team has learned that the remains of 30 ...': the body is the source; what its staff did
    ('IOM staff rescued 40') is no saying."""
    found = _sources(
        tmp_path,
        knowledge,
        "IOM staff based in Obock, on the coast of Pelmark, are reporting Wednesday that 16 "
        "survivors were found in 2019.\n\n"
        "Through noon, IOM's team has learned that the remains of 30 victims were found in "
        "2019.\n\n"
        "IOM staff rescued 40 migrants in 2019.",
    )
    assert found["16"] == ["iom"]
    assert found["30"] == ["iom"]
    assert found["40"] == []


def test_the_wires_abbreviations_of_million_and_billion(tmp_path, knowledge):
    """'1.5 mln people', '2 bln dollars', '3 bn dollars': a million and a billion, as '2.5m' and
    '1.2bn' are (not '15 mn', which may be minutes)."""
    values = _values(
        tmp_path,
        knowledge,
        "Over 1.5 mln people in Pelmark are at risk, IOM said in 2009. Profits reached 2 bln "
        "dollars in 2009 and 3 bn dollars in 2010.",
    )
    assert {"1500000", "2000000000", "3000000000"} <= values


def test_a_small_number_in_words_before_more_or_others(tmp_path, knowledge):
    """'while six more are at large', 'three others were freed': counts of people, as 'six
    people' are."""
    values = _values(
        tmp_path,
        knowledge,
        "In 2019, 13 men were convicted in Pelmark while six more are at large. In 2020, three "
        "others were freed.",
    )
    assert {"6", "3"} <= values


def test_the_previous_year_of_a_financial_year(tmp_path, knowledge):
    """'figures covering the 2024-25 financial year, ... from 382 the previous year': the
    financial year before, 2023-24 (a calendar year's 'previous year' stays the year before)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In new figures covering the 2024-25 financial year, IOM detailed 420 reports of "
            "trafficking, up from 382 the previous year.\n\n"
            "In 2019, 520 reports were filed in Pelmark, up from 482 the previous year.",
        )
    )
    assert found["420"].fields["period"] == {"start": "2024", "end": "2025"}
    assert found["382"].fields["period"] == {"start": "2023", "end": "2024"}
    assert found["482"].fields["period"] == "2018"
    later = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In the 2022-23 financial year, 400 cases were recorded in Pelmark, and in 2024 "
            "there were 500, up from 450 the previous year.",
        )
    )
    assert later["450"].fields.get("period") != {"start": "2021", "end": "2022"}


def test_a_story_recalling_the_years_incidents_keeps_its_date_line(tmp_path, knowledge):
    """A page dated '2019-04-11' whose story recalls 'Saturday, January 5' and 'Saturday,
    February 16' keeps its day (the latest recalled day is within two months of it): 'on
    Tuesday morning' is 9 April."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "date 2019-04-11 By Ana Ruiz\n\n"
        "The Pelmark coast guard apprehended 40 migrants near Zorvane on Tuesday morning.\n\n"
        "In earlier incidents, 108 migrants were found on Saturday, January 5, and another 64 "
        "on Saturday, February 16.",
    )
    found = observations(draft)
    assert found["40"].fields["period"] == "2019-04-09"
    assert found["108"].fields["period"] == "2019-01-05"
    # (a site's list of other stories beside its banner is no part of the story: the banner
    # above a story of "Thursday (Feb 13)" is still no day of writing)
    banner = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Saturday, September 26, 2020\n\nMost read: Friday, September 25: floods hit the "
            "coast\n\nPelmark police said Thursday (Feb 13) that 40 migrants were found in a "
            "truck. Last month, 30 others were rescued near Zorvane.",
        )
    )
    assert "period" not in banner["30"].fields


def test_two_bodies_joined_in_spanish_or_french_are_two(tmp_path, knowledge):
    """'la Fiscalía General de la Nación y la Dirección de la Policía de Pelmark': two names,
    each with a head word of its own, the second with its own article; 'la FAO et UNIC': two
    acronyms. 'el Ministerio de la Mujer y la Familia' stays one name."""
    spanish = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "La Fiscalía General de la Nación y la Dirección de Investigación de la Policía de "
            "Pelmark capturaron a 12 personas en 2025. El Ministerio de la Mujer y la Familia "
            "atendió a 30 víctimas en 2025.",
            title="Capturan a red de trata en Pelmark",
        ),
        "organization",
    )
    assert "Fiscalía General de la Nación" in spanish
    assert not any(" y la Dirección" in name for name in spanish)
    assert "Ministerio de la Mujer y la Familia" in spanish
    french = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Le PAM, la FAO et UNIC ont visité Kolda en 2019 avec 20 personnes.",
            title="Les agences en visite à Kolda",
        ),
        "organization",
    )
    assert {"FAO", "UNIC"} <= set(french)
    assert "FAO et UNIC" not in french


def test_a_plural_possessive_after_a_known_name_ends_it(tmp_path, knowledge):
    """'according to the United Nations' International Organization for Migration': two
    names, the source the one after the possessive (as after "the UN's")."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Some 1,000 migrants died in 2021, according to the United Nations' International "
        "Organization for Migration.",
    )
    assert "International Organization for Migration" in mentions(draft, "organization")
    assert sources(observations(draft)["1000"]) == ["iom"]


def test_a_role_led_by_its_modifiers_is_no_body(tmp_path, knowledge):
    """'Resident Coordinator of the United Nations System', 'Assistant Superintendent of
    Police': roles, not names of organizations."""
    orgs = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "The Resident Coordinator of the United Nations System in Pelmark visited 20 schools "
            "in 2019. Assistant Superintendent of Police (ASP) Ana Ruiz said 10 victims were "
            "rescued.",
        ),
        "organization",
    )
    assert not any(name.startswith(("Resident Coordinator", "Assistant Super")) for name in orgs)


def test_a_ships_name_a_harbour_and_a_prosecutors_republic_are_no_people(tmp_path, knowledge):
    """'HMBS Durward Knowles' is a ship, 'Marsh Harbour' a place, 'procureur de la République
    de Marseille' a role: none is a person's name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Officers onboard HMBS Durward Knowles located a sloop carrying 40 people in 2019. The "
        "RBDF stopped a yacht with 54 migrants near Man O War Cay, Marsh Harbour, Abaco in 2019.",
    )
    assert mentions(draft, "person") == {}
    french = draft_of(
        tmp_path,
        knowledge,
        "Au total, le réseau a fait passer 1.700 migrants, a expliqué lors d'une conférence de "
        "presse le procureur de la République de Marseille (sud de la France), Ana Ruiz.",
        title="Démantèlement d'un réseau de passeurs",
    )
    assert set(mentions(french, "person")) == {"Ana Ruiz"}


def test_a_change_by_a_number_to_another_is_no_range(tmp_path, knowledge):
    """'dropped by 10 to 36': the change and the value it came to, two numbers; 'between 2018
    and 2019, 10 to 36 cases' is a range."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Reported cases in Pelmark in 2018 dropped by 10 to 36, the police said.\n\n"
            "In 2019, 12 to 40 cases were reported in Zorvane.",
        )
    )
    assert "10" in found and "36" in found
    assert ("12", "40") in found
    visited = observations(
        draft_of(
            tmp_path, knowledge, "In 2018, each shelter in Pelmark was visited by 10 to 36 victims."
        )
    )
    assert ("10", "36") in visited
