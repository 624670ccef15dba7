"""`kg extract`: rules of the twenty-eighth round. An acronym written as a word ("the Rapid
Action Battalion (Rab)") is the body's acronym wherever the text uses it. On sentences composed
for it (the names of people and bodies are made up), each rule with the sentences it must leave
alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources
from kg.extraction.title_acronyms import title_case_acronyms


@pytest.mark.parametrize(
    ("body", "acronym", "name"),
    [
        (
            "The Coastal Action Brigade (Cab) arrested 12 traffickers. According to Cab, 30 "
            "victims were rescued in 2023.",
            "Cab",
            "Coastal Action Brigade",
        ),
        (
            "The Ostravian Immigration Service (Ostri) received 45 claims in 2024. Ostri said "
            "that 30 victims were identified in 2023.",
            "Ostri",
            "Ostravian Immigration Service",
        ),
    ],
)
def test_an_acronym_written_as_a_word_names_its_body(tmp_path, knowledge, body, acronym, name):
    """ "(Cab)" spells the initials; "(Ostri)" does not, but follows a body's head and is used
    again: both name the body, and the source they state is the body."""
    draft = draft_of(tmp_path, knowledge, body)
    found = mentions(draft, "organization")
    assert found[acronym] == found[name]
    assert sources(observations(draft)["30"]) == [found[name]]


@pytest.mark.parametrize(
    "body",
    [
        "The National Police (Colombia) arrested 12 people. Colombia is a country of transit.",
        "The Ministry of Labour (Molo) reported 40 cases in 2022.",
        "Police Chief Anna Berg (Abe) said that Abe had arrested 12 people.",
        "The Rural Action Board (Rab) met. Its rab of officers said 12 people were arrested.",
    ],
)
def test_a_bracketed_word_that_is_no_acronym(body):
    """A place; a word not used again that spells nothing; a person's word that follows no
    body's head and spells nothing; a word the text writes in lower case."""
    places = {"Colombia"}
    assert title_case_acronyms(body.split("\n"), places.__contains__) == frozenset()


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("Most of the new arrivals come from the Kelmora region.", ["Kelmora"]),
        ("The boat sank off Rashid in Tavira governorate with 40 people.", ["Tavira"]),
        (
            "They were housed in Tumpatan village, Batang Kuis sub-district.",
            ["Tumpatan", "Batang Kuis"],
        ),
        ("Authorities in Ethiopia's Kelmora regional state held 40 people.", ["Kelmora"]),
        ("Police in Dovrak county held 40 people.", ["Dovrak"]),
        ("The walk ended at Akateng, a village near Asesewa.", ["Akateng"]),
        ("The raid was at Bantuma, a suburb of Elmina.", ["Bantuma"]),
        (
            "The walk ended near Asesewa in the Eastern Region.",
            ["Asesewa", "Eastern Region"],
        ),
    ],
)
def test_a_name_said_to_be_a_place_of_a_kind(tmp_path, knowledge, body, places):
    """ "the Kelmora region", "Tavira governorate", "Tumpatan village", "Akateng, a village
    near ...", "Asesewa in the Eastern Region": places the gazetteer may not know, named by
    the kind of place the text says they are."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for place in places:
        assert place in found


@pytest.mark.parametrize(
    ("body", "not_places"),
    [
        ("The Islamic state and a Member state held 40 people.", ["Islamic", "Member"]),
        ("The Police district and the UNHCR region held 40 people.", ["Police", "UNHCR"]),
        (
            "Many come from the West African region and the Andean region.",
            ["West African", "Andean"],
        ),
        ("The officers of Ana Ruiz in the Volta Region held 40 people.", ["Ana Ruiz"]),
        ("Ana Ruiz, a resident of the town, said 40 people were held.", ["Ana Ruiz"]),
    ],
)
def test_a_name_before_a_kind_of_place_that_is_none(tmp_path, knowledge, body, not_places):
    """A kind of state, a body, a people's adjective, a person."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for name in not_places:
        assert name not in found


def test_a_name_then_a_region_is_two_names(tmp_path, knowledge):
    """ "The Ghana Police Service in the Volta Region": the body, then the region it is in."""
    draft = draft_of(
        tmp_path, knowledge, "The Ostrava Police Service in the Volta Region held 40 people."
    )
    assert "Ostrava Police Service" in mentions(draft, "organization")
    assert "Volta Region" in mentions(draft, "place")


@pytest.mark.parametrize(
    ("body", "places"),
    [
        (
            "Most went to conflict-hit regions like Kelmora, Tavira, and Dovrak, where 40 died.",
            ["Kelmora", "Tavira", "Dovrak"],
        ),
        (
            "The swoop was in communities along the lake such as Kpando Tokor, Abotoase and "
            "Kwamekrom.",
            ["Kpando Tokor", "Abotoase", "Kwamekrom"],
        ),
        ("They were housed at five locations: Pango, Elluk, Tasiriki and Nabo.", ["Pango", "Nabo"]),
        ("Trafficking in various places, including Erlian and Beijing, rose.", ["Erlian"]),
    ],
)
def test_names_listed_after_a_kind_of_place(tmp_path, knowledge, body, places):
    """ "regions like A, B and C, where ...", "five locations: A, B and C": each is a place;
    a list whose last name follows "and" ends at the comma after it."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for place in places:
        assert place in found


@pytest.mark.parametrize(
    ("body", "not_places"),
    [
        (
            "The project supports communities, including Rohingya refugees, in 40 camps.",
            ["Rohingya"],
        ),
        ("Officers visited districts including Ana Ruiz's home and 40 houses.", ["Ana Ruiz"]),
        ("Aid reached regions such as Velna Ministry of Health offices.", ["Velna Ministry"]),
        ("It reached places like March Street and 40 homes.", ["March"]),
    ],
)
def test_names_listed_after_a_kind_of_place_that_are_none(tmp_path, knowledge, body, not_places):
    """A people before the noun it qualifies, a person's possessive, a body's name, a month."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for name in not_places:
        assert not any(text.startswith(name) for text in found)


@pytest.mark.parametrize(
    ("body", "values", "unit"),
    [
        (
            "Police carried out 400 operations in 2022. Most operations were in Velna (300), "
            "followed by Dorsk (34) and Ostra (24).",
            ["300", "34", "24"],
            "operation",
        ),
        (
            "La Fiscalía inició 4707 carpetas de investigación. La mayoría se concentran en los "
            "estados de Velna con 858; Dorsk, 729; Ostra, 649.",
            ["858", "729", "649"],
            "investigation",
        ),
        (
            "Police opened 4,707 investigations in 2022. Most were in Velna with 858; Dorsk, "
            "729; and Ostra, 315.",
            ["858", "729", "315"],
            "investigation",
        ),
    ],
)
def test_counts_said_of_names_one_by_one(tmp_path, knowledge, body, values, unit):
    """A count shared out among names, in brackets, after "with"/"con" or after a comma,
    counts what the sentence names in the plural ("Most operations"), not the kind of places
    ("los estados de"), or, when it names none, what the count before it counts."""
    found = observations(draft_of(tmp_path, knowledge, body))
    for value in values:
        assert found[value].fields["unit"] == unit


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Police rescued 40 people in 2022. Funding came from Velna (300).", "300"),
        (
            "Police rescued 84 people on Sunday. The traffickers held are Abdullah, 21, of "
            "Velna; Saiful Islam, 20, of the same area; and Ibrahim, 19.",
            "19",
        ),
    ],
)
def test_a_count_of_a_name_that_is_none(tmp_path, knowledge, body, value):
    """A sentence that shares no count out; a person's age after the name."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found[value].fields.get("unit") not in ("person", "man")


@pytest.mark.parametrize(
    ("body", "value", "period"),
    [
        (
            "147 affaires de traite ont été recensées entre janvier et septembre 2025, contre "
            "136 sur la même période en 2024. La police a secouru plus de 480 victimes.",
            "480",
            {"start": "2025-01", "end": "2025-09"},
        ),
        (
            "Police recorded 300 trafficking cases in 2019, against 250 in 2018. Officers "
            "rescued 45 victims.",
            "45",
            "2019",
        ),
        (
            "In fiscal year 2020, the department brought 210 cases against 337 defendants, and "
            "secured 309 convictions. Already in 2021, the department secured a sentence for a "
            "trafficker. As a result, authorities rescued six child victims.",
            "6",
            None,
        ),
    ],
)
def test_a_period_carried_past_a_figure_compared_with(tmp_path, knowledge, body, value, period):
    """The figure compared with ("contre 136 ... en 2024", "against 250 in 2018") gives no
    period to carry: the sentence's own figure does; "cases against 337 defendants" compares
    nothing; a year said between the dated figure and the number stops the carry."""
    found = observations(draft_of(tmp_path, knowledge, body))
    got = found[value].fields.get("period")
    if isinstance(got, dict):
        got = {k: v for k, v in got.items() if k in ("start", "end")}
    assert got == period


@pytest.mark.parametrize(
    "body",
    [
        "147 affaires ont été recensées sur les neuf premiers mois de 2025.",
        "Se registraron 147 casos en los primeros nueve meses de 2025.",
        "Foram registados 147 casos nos primeiros nove meses de 2025.",
        "147 affaires ont été recensées au cours des six derniers mois.",
    ],
)
def test_the_first_or_last_months_are_no_count(tmp_path, knowledge, body):
    """ "les neuf premiers mois", "los primeros nueve meses", "des six derniers mois": a time
    pointed to, no number of months counted."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert sorted(found) == ["147"]


def test_months_stayed_are_still_counted(tmp_path, knowledge):
    """ "restées six mois": how long, measured."""
    found = observations(draft_of(tmp_path, knowledge, "Les victimes sont restées six mois."))
    assert found["6"].fields["unit"] == "month"


def test_a_number_said_again_takes_the_source_it_is_said_with(tmp_path, knowledge):
    """A dated number said first without its source, then again with it: the source is its."""
    body = (
        "147 affaires de traite ont été recensées sur les neuf premiers mois de 2025.\n\n"
        "Le ministère de l’Intérieur a annoncé avoir réprimé 147 affaires de traite "
        "entre janvier et septembre 2025."
    )
    draft = draft_of(tmp_path, knowledge, body)
    ministry = mentions(draft, "organization")["ministère de l’Intérieur"]
    assert sources(observations(draft)["147"]) == [ministry]


@pytest.mark.parametrize(
    ("body", "not_places"),
    [
        ("Police in the Northern region arrested 40 people.", ["Northern"]),
        ("Police in the French region of Alsace arrested 40 people.", ["French"]),
        ("Estonia, a Baltic state, held 40 people in the Olympic village.", ["Baltic", "Olympic"]),
        ("Ana Ruiz, Amnesty regional director, said 40 people were held.", ["Amnesty"]),
        ("Police in Romanian Prahova county held 40 people.", ["Romanian Prahova"]),
        (
            "Staff at Velna General Hospital in the Eastern Region treated 40 victims.",
            ["Velna General Hospital"],
        ),
        ("The wife of Kwame in the Volta Region said 40 people were held.", ["Kwame"]),
    ],
)
def test_words_before_a_kind_of_place_that_name_none(tmp_path, knowledge, body, not_places):
    """A point of the compass, a country's adjective, a word that says what kind of state or
    village, "regional" before an office's role, a hospital, a given name."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for name in not_places:
        assert name not in found


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("Police in Fujian province arrested 40 people in Teknaf upazila.", ["Fujian", "Teknaf"]),
        ("Raids took place en regiones como Kelmora, Tavira y Dovrak.", ["Kelmora", "Dovrak"]),
        ("Police held 40 people in Prahova county.", ["Prahova"]),
    ],
)
def test_more_kinds_of_place(tmp_path, knowledge, body, places):
    """ "-ian" ends a Chinese province's name as well as an adjective; an upazila; a list
    in Spanish, "y" before its last name."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    for place in places:
        assert place in found


@pytest.mark.parametrize(
    "body",
    [
        "Police rescued 84 people. Those held are Ana Ruiz, 21; Pedro Gomez, 20; and "
        "Ibrahim Khan, 19.",
        "The figure includes Velna (300), Dorsk (34) and Ostra (19).",
    ],
)
def test_no_unit_from_an_age_or_a_verb(tmp_path, knowledge, body):
    """A surname and its age; a verb in -s before the names ("includes")."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["19"].fields.get("unit") in (None, "?")


def test_a_seat_town_in_brackets_is_no_acronym(tmp_path, knowledge):
    """ "The Regional Court (Velna)", then "In Velna, ...": a town, not the court's acronym."""
    body = (
        "The Regional Court (Velna) sentenced 12 traffickers. In Velna, police rescued 40 victims."
    )
    assert "Velna" not in mentions(draft_of(tmp_path, knowledge, body), "organization")
