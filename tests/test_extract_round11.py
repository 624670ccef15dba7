"""`kg extract`: rules written on the eleventh round (from the thirteenth batch's misses), one
test per rule, on sentences composed for it (the names of people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources
from kg.extraction.dated_days import dated_days


def test_a_change_said_before_its_share_dates_neither_it_nor_its_sentence(tmp_path, knowledge):
    """'Almost one third (more than 1000 victims) were Zorvanian, an increase of 40 per cent on
    the previous year': the previous year is what the change is measured against, the time of
    no number of the sentence."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "ZORVAPOL, 24 October 2023 - Almost one third of the total (more than 1000 potential "
            "victims) were Zorvanian, an increase of 40 per cent on the previous year. This "
            "included more than 2600 new referrals, up by seven per cent on the previous year.",
        )
    )
    for value in ("33.3", "1000", "40", "2600", "7"):
        assert found[value].fields.get("period") is None, value


def test_a_ten_and_a_digit_written_apart_are_one_number(tmp_path, knowledge):
    """'twenty four Zorvanian migrants', 'eighty eight stranded migrants': 24 and 88, not 20
    and 4."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Twenty four Zorvanian migrants returned home; they first joined a total of eighty "
            "eight stranded migrants on a chartered flight.",
        )
    )
    assert {"24", "88"} <= set(found) and not {"20", "4", "80", "8"} & set(found)


def test_a_part_of_a_day_dates_it_as_on_does():
    text = "In the evening of 21st January 2020, 24 migrants returned home."
    assert [v for _, _, v in dated_days(text, 0, len(text))] == [
        {"start": "2020-01-21", "end": "2020-01-21"}
    ]


def test_thousands_set_apart_by_full_stops_are_thousands(tmp_path, knowledge):
    """'the checking of more than 42.000 individuals, over 13.000 vehicles': as much of Europe
    writes thousands; a sum after a currency's code keeps its decimals."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The operation involved the checking of more than 42.000 individuals and over 13.000 "
            "vehicles in Zorvania, and a fine of EUR 2.500 was paid.",
        )
    )
    assert found["42000"].fields["unit"] == "person"
    assert found["13000"].fields["unit"] == "vehicle"
    assert "2.5" in found and "2500" not in found


def test_thousands_of_after_a_number_is_its_scale(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Over 27 thousands of Zorvanian refugees have returned to their home area.",
        )
    )
    assert found["27000"].fields["qualifier"] == ["more-than"]


def test_a_source_that_discloses_or_is_described_before_its_verb_is_the_number_s_source(
    tmp_path, knowledge
):
    """'..., UNODC disclosed', 'UNICEF, which helps women and children in the region, said it
    saw 22 victims': the body's words, and a clause on what it does between it and its verb."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "ZORVAPOL, 3 May 2017 - UNICEF, which helps women and children in Zorvania and the "
            "region, said it saw 22 trafficking victims in 2016. At least 250 migrants were "
            "smuggled across the border during 2016, UNICEF disclosed.",
        )
    )
    assert sources(found["22"]) == ["unicef"]
    assert sources(found["250"]) == ["unicef"]


def test_the_united_kingdom_s_nations_are_places_where_the_kingdom_goes_unnamed(
    tmp_path, knowledge
):
    """'victims referred from England and Wales': nations named as countries are."""
    from composed import mentions

    places = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Trust supported 3,533 victims referred from England and Wales and 20 "
            "from Scotland last year.",
        ),
        "place",
    )
    assert {"England", "Wales", "Scotland"} <= set(places)


def test_a_subdivision_s_second_name_in_brackets_is_a_name_of_it():
    """ISO 3166-2 writes 'Wales [Cymru GB-CYM]' and 'Catalunya [Cataluña]': two names each,
    neither with its brackets or code."""
    from kg.extraction import world

    names = {surface: place.name for surface, place, _ in world.subdivisions("ES")}
    assert names["Cataluña"] == names["Catalunya"] == "Catalunya"
    assert not any("[" in surface for surface in names)
    wales = {surface: place.name for surface, place, _ in world.nations()}
    assert wales["Wales"] == wales["Cymru"] == "Wales"


def test_a_list_of_bodies_that_opens_its_sentence_are_all_its_sources(tmp_path, knowledge):
    """'The Zorvan Labour Office (ZLO), human rights group Free Zorvania, and UNICEF said 38.6
    million ...': each of the list, the words on what one is and an acronym between them."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "GENEVA, 19 September 2017 - The Zorvan Labour Office (ZLO), human rights group Free "
        "Zorvania Foundation, and UNICEF said 38.6 million people were victims of modern "
        "slavery in 2014.",
    )
    listed = sources(observations(draft)["38600000"])
    assert set(listed) == {
        "unicef",
        "new:organization:zorvan labour office",
        "new:organization:free zorvania foundation",
    }


def test_a_body_s_released_or_periodic_report_is_the_source_of_what_it_shows(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "UNICEF also released a separate report showing 152 million children were victims "
            "of child labour. A UNICEF periodic report released today estimates that some "
            "25,000 people boarded smugglers' boats.",
        )
    )
    assert sources(found["152000000"]) == ["unicef"]
    assert sources(found["25000"]) == ["unicef"]


def test_a_programme_s_acronym_in_lower_case_words_is_no_organization(tmp_path, knowledge):
    """'through the Assisted Voluntary Return and Reintegration (AVRR) programme': the
    acronym of a programme, not of a body."""
    from composed import mentions

    draft = draft_of(
        tmp_path,
        knowledge,
        "Migrants returned to Zorvania through the Assisted Voluntary Return and Reintegration "
        "(AVRR) programme. People who applied for AVRR were transported to the capital.",
    )
    assert "AVRR" not in mentions(draft, "organization")


def test_a_new_body_s_name_does_not_begin_with_of(tmp_path, knowledge):
    """'Deputy Co-Ordinator of the Zorvan Office for Combating Trafficking in Human Beings': the
    body's name begins at its own first word."""
    from composed import mentions

    draft = draft_of(
        tmp_path,
        knowledge,
        '"Trafficking crosses borders," said Dana Velis, Deputy Co-Ordinator of the Zorvan '
        "Office for Combating Trafficking in Human Beings, during the press conference.",
    )
    assert "Zorvan Office for Combating Trafficking in Human Beings" in mentions(
        draft, "organization"
    )


def test_a_number_of_its_owner_s_people_counts_them(tmp_path, knowledge):
    """'a three-day operation saw 60 of its officers visit 25 addresses': 60 officers."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan Police said that a three-day operation saw 60 of its officers, supported by "
            "council staff, visit 25 addresses.",
        )
    )
    assert found["60"].fields["unit"] == "person"


def test_a_dateline_of_many_capitals_does_not_stall_the_attribution_of_a_list():
    """'PANAMA CITY, 12 DECEMBER 2023 (UNHCR/IOM) – In a joint statement, UNHCR and IOM said':
    the check that a list opens its sentence took minutes on a run of capitals (run apart,
    so that a return of it fails instead of stalling the suite)."""
    import subprocess
    import sys

    code = (
        "import sys, tempfile; sys.path.insert(0, 'tests');"
        "from pathlib import Path; from composed import draft_of, DATA;"
        "from kg.extraction.extract import load_knowledge;"
        "text = 'ZORVAPOL' + 'A' * 30 + ', 12 DECEMBER 2023 (UNHCR/IOM) - In a joint statement, "
        "UNHCR and IOM said 4,000 migrants crossed the border in November.';"
        "draft_of(Path(tempfile.mkdtemp()), load_knowledge(DATA), text)"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=300, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-500:]


def test_english_names_with_another_language_s_connector_words_stay_whole(tmp_path, knowledge):
    """'the Public Prosecutor's Office of Pará', 'In Les Cayes, the Ministry of Health': 'Pará'
    and 'Les' are names' words in capitals, not 'para' and 'les'."""
    from composed import mentions

    draft = draft_of(
        tmp_path,
        knowledge,
        "The Public Prosecutor's Office of Pará said 40 workers were rescued in 2023. In Les "
        "Cayes, the Ministry of Health said 230 displaced people arrived in 2021.",
    )
    orgs = mentions(draft, "organization")
    assert "Public Prosecutor's Office of Pará" in orgs and "Ministry of Health" in orgs
    assert "Cayes" not in orgs


def test_a_ten_and_a_digit_before_a_hyphen_are_a_compound(tmp_path, knowledge):
    """'twenty four-hour patrols': twenty patrols of four hours, not 24."""
    found = observations(
        draft_of(tmp_path, knowledge, "Zorvan police began twenty four-hour patrols on the border.")
    )
    assert "24" not in found and found["20"].fields["unit"] == "patrol"


def test_a_title_s_ages_and_delays_are_no_counts_and_its_capitals_no_currency(tmp_path, knowledge):
    """'The Girl, 16 Years Old, Was Rescued', '3 Years After Their Abduction': an age and a
    delay in a title's capitals, as in lower case; 'ALL 12 shelters': a word, not the lek."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan police rescued 12 victims, 3 Years After Their Abduction. ALL 12 shelters in "
            "Zorvania were full, and ETB 500 was paid to each family.",
            title="The Girl, 16 Years Old, Was Rescued",
        )
    )
    assert "16" not in found and "3" not in found
    assert found["12"].fields["unit"] != "albanian-lek"
    assert found["500"].fields["unit"] == "ethiopian-birr"
