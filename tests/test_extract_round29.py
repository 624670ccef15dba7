"""`kg extract`: rules of the twenty-ninth round. A speaker with a role in a body speaks for it
when a rank or a courtesy title stands before the name ("..., COP Tomas Berend, said") or
between "according to" and the name, and a commander's role before "of the X" is no part of
the body's name. On sentences composed for it (the names of people and bodies are made up),
each rule with the sentences it must leave alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Police held a raid on Monday. The Director General in-charge of the Velnor "
            "Investigation Department (VID), COP Tomas Berend, said during the operation, 24 "
            "children were rescued.",
            "Velnor Investigation Department",
        ),
        (
            "Police held a raid on Monday. According to Deputy Superintendent of Police Tomas "
            "Berend, the chief of the Kelmora Police Sector Office, 24 people were arrested.",
            "Kelmora Police Sector Office",
        ),
        (
            "Police held a raid on Monday. The head of the Velnor Investigation Department, "
            "Supt. Tomas Berend, said during the operation, 24 children were rescued.",
            "Velnor Investigation Department",
        ),
    ],
)
def test_a_speaker_after_a_rank_speaks_for_the_body_of_the_role(tmp_path, knowledge, body, source):
    """A rank's capitals, a courtesy title, a rank written out after "according to": the
    person's role is in the body, which is the number's source."""
    draft = draft_of(tmp_path, knowledge, body)
    found = mentions(draft, "organization")
    assert sources(observations(draft)["24"]) == [found[source]]


@pytest.mark.parametrize(
    "body",
    [
        # (the words before the name cite another source than the person)
        "Police held a raid on Monday. According to police, Tomas Berend, the chief of the "
        "Kelmora Police Sector Office, was among 24 people evacuated.",
        # (a body's acronym before the name is no rank: the role before the comma is not said
        # to be the person's)
        "Police held a raid on Monday. The Kelmora Rescue Team (KRT) joined them. Officers of "
        "the Velnor Police, KRT Tomas Berend said, counted 24 people.",
    ],
)
def test_a_rank_before_a_name_credits_no_body_it_does_not_name(tmp_path, knowledge, body):
    draft = draft_of(tmp_path, knowledge, body)
    assert sources(observations(draft)["24"]) == []


def test_a_commanders_role_is_no_part_of_the_body_it_is_held_in(tmp_path, knowledge):
    """ "the Aflao Sector Commander of the Ostravian Immigration Service": the role is one
    person's, the body after "of" is the organization."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. The Kelmora Sector Commander of the Ostravian "
        "Immigration Service, Mr Tomas Berend, said 57 women were rescued.",
    )
    found = mentions(draft, "organization")
    assert not [name for name in found if "Commander" in name]
    joint = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. The Joint Task Force Commander of the Velnor Navy said "
        "57 women were rescued.",
    )
    assert list(mentions(joint, "organization")) == ["Velnor Navy"]
    # (and the person, after "Mr", speaks for the body)
    assert sources(observations(draft)["57"]) == [found["Ostravian Immigration Service"]]


def _periods(draft) -> dict:
    return {key: o.fields.get("period") for key, o in observations(draft).items()}


@pytest.mark.parametrize(
    ("body", "dated", "undated"),
    [
        # (the year of the figure compared with, after "than")
        (
            "Police held a raid on Monday. A total of 6,616 cases were registered in the "
            "country, which is far higher than the 5,788 cases registered in 2018.",
            {"5788": "2018"},
            ["6616"],
        ),
        # (a change "on" the figure compared with, and its year)
        (
            "Police held a raid on Monday. Police recorded 159 cases last year. This is an "
            "increase of 72.8 percent on the 92 cases recorded in 2016.",
            {"92": "2016"},
            ["72.8"],
        ),
        # (the change "over the previous year": the year the sentence names)
        (
            "Police held a raid on Monday. In 2019, the number of calls to the hotline grew 62 "
            "percent over the previous year.",
            {"62": "2019"},
            [],
        ),
        # ("the year before" in Portuguese, Spanish and French: the year before the one said)
        (
            "A polícia fez uma operação. Portugal registou 280 casos em 2019, face aos 203 no "
            "ano anterior.",
            {"280": "2019", "203": "2018"},
            [],
        ),
    ],
)
def test_the_time_of_a_figure_compared_with(tmp_path, knowledge, body, dated, undated):
    periods = _periods(draft_of(tmp_path, knowledge, body))
    assert {key: periods[key] for key in dated} == dated
    assert [periods[key] for key in undated] == [None] * len(undated)


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        # (a change "from" the figure it started at: the year is the change's)
        (
            "Police held a raid on Monday. Velnor raised the quota for foreign workers to 40 "
            "per cent from 30 per cent in the private sector in 2021.",
            {"40": "2021"},
        ),
        # ("against" right before a figure only: "cases against 337 defendants")
        (
            "Police held a raid on Monday. Prosecutors filed 30 cases against 337 defendants "
            "in 2018.",
            {"30": "2018"},
        ),
        # ("more than" and "over" qualify a figure, compare none)
        (
            "Police held a raid on Monday. The agency rescued 24 children and more than 300 "
            "adults in 2019.",
            {"24": "2019"},
        ),
        (
            "Police held a raid on Monday. Some 20 percent of over 300 victims identified in "
            "2019 were children.",
            {"20": "2019"},
        ),
        # ("the same month of the year before": no year of its own, none carried on)
        (
            "La policía hizo un operativo. Un total de 2,783 migrantes fueron deportados en "
            "mayo de 2025, una disminución respecto al mismo mes del año anterior. Belén "
            "reportó 283 retornos y 102 personas regresaron de forma voluntaria.",
            {"283": None},
        ),
    ],
)
def test_a_time_that_is_no_figure_compared_with(tmp_path, knowledge, body, dated):
    periods = _periods(draft_of(tmp_path, knowledge, body))
    assert {key: periods[key] for key in dated} == dated


@pytest.mark.parametrize(
    "body",
    [
        "Police held a raid on Monday. In May 2025, 2,783 migrants were deported, and 3,100 "
        "were deported in the same month of the previous year.",
        "La policía hizo un operativo en Guatemala. En mayo de 2025 fueron deportados 2,783 "
        "migrantes, y 3,100 fueron deportados en el mismo mes del año anterior.",
    ],
)
def test_the_same_month_of_the_year_before(tmp_path, knowledge, body):
    """The month the sentence names, a year earlier (not the whole year before, nor the
    month carried on)."""
    assert _periods(draft_of(tmp_path, knowledge, body))["3100"] == "2024-05"


def test_a_year_earlier_in_portuguese(tmp_path, knowledge):
    body = (
        "A polícia fez uma operação em Portugal. Portugal registou 280 casos em 2019, face aos "
        "203 um ano antes."
    )
    assert _periods(draft_of(tmp_path, knowledge, body))["203"] == "2018"


@pytest.mark.parametrize(
    "body",
    [
        "Police held a raid on Monday. Key Ministry officials said 24 people were rescued.",
        "Police held a raid on Monday. Major Police operations in Velnor rescued 24 people.",
    ],
)
def test_an_adjective_opening_a_sentence_that_opens_no_name(tmp_path, knowledge, body):
    found = mentions(draft_of(tmp_path, knowledge, body), "organization")
    assert not [name for name in found if name.startswith(("Key", "Major"))]


def test_an_adjective_opening_a_sentence_opens_a_bodys_name(tmp_path, knowledge):
    """ "The Criminal Investigation Department (CID)": "Criminal" opens no name in "Criminal
    gangs smuggled 40 people", but the body's name here, whose head word it reaches."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. The Criminal Velnor Department (CVD) led it with 40 "
        "officers. Criminal gangs smuggled 30 people across the border.",
    )
    found = mentions(draft, "organization")
    assert found["Criminal Velnor Department"] == found["CVD"]
    assert not [name for name in found if "gangs" in name]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # ("ha anunciado": the perfect of a body's verb of saying, then what it announced)
        (
            "La policía hizo un operativo. La Fiscalía Regional de Velnor ha anunciado este "
            "martes la captura de 24 personas.",
            "Fiscalía Regional de Velnor",
        ),
        # (the body named in apposition after a description of another's: "the EU's border
        # agency, Frontex,")
        (
            "Police held a raid on Monday. Only 24 officers have been deployed so far, said the "
            "Velnor Union's border agency, the Ostravian Border Service, in a statement on "
            "Tuesday.",
            "Ostravian Border Service",
        ),
        # (the branches a role is of, in brackets, are part of the role)
        (
            "Police held a raid on Monday. The Velnor Investigation Bureau deputy director "
            "(Intelligence/Operations) Deputy Commissioner Tomas Berend said 24 raids were "
            "carried out.",
            "Velnor Investigation Bureau",
        ),
    ],
)
def test_a_source_named_in_other_words(tmp_path, knowledge, body, source):
    draft = draft_of(tmp_path, knowledge, body)
    found = mentions(draft, "organization")
    assert sources(observations(draft)["24"]) == [found[source]]


def test_a_list_after_a_description_is_no_apposition(tmp_path, knowledge):
    """ "said the X's migration department, the Y and the Z": three bodies listed, the first
    kept."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. Only 24 officers have been deployed so far, said the "
        "Velnor Ministry's migration department, the Ostravian Police and the Kelmora Red Cross "
        "in a joint statement.",
    )
    found = mentions(draft, "organization")
    assert found["Velnor Ministry"] in sources(observations(draft)["24"])


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # (a list after a colon, one of its names a known city)
        (
            "Police in the United States held a raid on Monday. Agents worked in the five areas "
            "along the southern border: Houston, San Antonio, Velnorton and San Diego. However, "
            "40 people were arrested.",
            ["Velnorton"],
        ),
        # (a list after Spanish "en", ended by "y" before no name: "y también en el Golfo")
        (
            "La Fiscalía de Colombia anunció la captura de 24 personas por presuntamente hacer "
            "parte de una red de tráfico de migrantes. Las detenciones ocurrieron en "
            "Bucaramanga, Cartagena, Velnorá y también en el Golfo de Urabá.",
            ["Velnorá"],
        ),
        # (a country's name in ISO 3166's order, inverted: "Congo, República Democrática del")
        (
            "La Fiscalía de Colombia anunció la captura de 24 personas por presuntamente hacer "
            "parte de una red de tráfico de migrantes. Siete venían de la República "
            "Democrática del Congo.",
            ["República Democrática del Congo"],
        ),
    ],
)
def test_places_listed_beside_known_ones(tmp_path, knowledge, body, places):
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    assert set(places) <= set(found)
    # (the Democratic Republic, not the Republic of the Congo)
    assert "democratic" in found.get("República Democrática del Congo", "democratic")


@pytest.mark.parametrize(
    ("body", "not_places"),
    [
        # (a title's colon)
        (
            "Police held a raid on Monday. The Trafficking Cycle: Sinai and Beyond was read by 40.",
            ["Beyond"],
        ),
        # (a clause after "and": "in Houston, Garcia and his wife")
        (
            "Police in the United States held a raid on Monday. Born in Houston, Garcia and his "
            "wife ran the network that smuggled 24 people.",
            ["Garcia"],
        ),
        # (a name that goes on after "de": "Estado de México")
        (
            "La policía detuvo a 14 tratantes en Ecatepec, Estado de México, y a otros 40 en "
            "Puebla.",
            ["Estado"],
        ),
    ],
)
def test_a_name_beside_a_known_place_that_is_none(tmp_path, knowledge, body, not_places):
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    assert not set(not_places) & set(found)


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        (
            "La Fiscalía de Colombia informó sobre los casos del año. De los sometimientos, 15 "
            "de ellos fueron en enero, 20 en febrero y 23 en marzo.",
            "sometimiento",
        ),
        (
            "Police held a raid on Monday. Of the arrests, 15 of them were made in January.",
            "arrest",
        ),
    ],
)
def test_a_part_of_them_counts_the_whole_the_sentence_opens_with(tmp_path, knowledge, body, unit):
    """ "15 de ellos", "15 of them": no pronoun is a unit; the whole the opening names is."""
    draft = draft_of(tmp_path, knowledge, body)
    assert observations(draft)["15"].fields.get("unit") == unit


def test_an_attorneys_title_ends_a_bodys_name(tmp_path, knowledge):
    """ "the Velnor Council Against Trafficking (VCAT) Secretariat Atty. Tomas Berend": the
    title before the person's name is no word of a body's."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. This was disclosed by the Velnor Council Against "
        "Trafficking (VCAT) Secretariat Atty. Tomas Berend Silva during a forum on 40 cases.",
    )
    assert not [name for name in mentions(draft, "organization") if "Atty" in name]
    assert "Tomas Berend Silva" in mentions(draft, "person")


@pytest.mark.parametrize(
    ("body", "not_places"),
    [
        (
            "Police in Brazil held a raid on Monday. The guide is printed in Lisbon, Portuguese "
            "and Spanish for 40 shelters.",
            ["Portuguese", "Spanish"],
        ),
        (
            "Police held a raid on Monday. Migrants came from regions like Amhara, Portuguese "
            "and Tigray, where 40 shelters stand.",
            ["Portuguese"],
        ),
    ],
)
def test_a_languages_name_in_a_list_of_places_is_none(tmp_path, knowledge, body, not_places):
    """A list beside a known place, or after a kind of place, holds no language's or people's
    word as a place (a country's own name is known already)."""
    found = mentions(draft_of(tmp_path, knowledge, body), "place")
    assert not set(not_places) & set(found)


def test_a_change_against_the_year_before_takes_its_sentences_year(tmp_path, knowledge):
    """ "Más de 400 casos se presentaron en 2024, lo que representa un aumento del 60,6%
    frente al año anterior": the year compared with is not the change's (found on a tune
    release fetched again at the round's end, after "año anterior" was first read)."""
    body = (
        "La policía de Colombia hizo un operativo. Más de 400 casos se presentaron en 2024, lo "
        "que representa un aumento del 60,6% frente al año anterior. El 83% de las víctimas "
        "fueron mujeres."
    )
    periods = _periods(draft_of(tmp_path, knowledge, body))
    assert (periods["60.6"], periods["83"]) == ("2024", "2024")
