"""`kg extract`: what a review of the sixth round's rules found them doing wrong, one test per
finding, on sentences composed for it (the names of people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, observations, sources


def test_a_verb_of_publishing_times_its_number_unless_a_publication_is_its_subject(
    tmp_path, knowledge
):
    """ "45 victims were released in March 2019", "3,000 permits were issued in 2018": the
    time is the number's; "Published in 2019, the report has documented 300 cases": of 2019
    too (no publication before the verb); "a report published in 2020 found 72 per cent":
    not the number's."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A total of 45 victims were released in March 2019 after the raid. Some 3,000 work "
            "permits were issued in 2018. Published in 2019, the Zorvan report has documented "
            "300 cases. A report published in 2020 found that 72 per cent of victims are women.",
        )
    )
    assert found["45"].fields["period"] == "2019-03"
    assert found["3000"].fields["period"] == "2018"
    assert found["300"].fields["period"] == "2019"
    assert "period" not in found["72"].fields


def test_found_claimed_and_concluded_are_a_sources_verbs_only_as_such(tmp_path, knowledge):
    """ "the Zorvan Foundation found shelters", "the company claimed 300 lives", "concluded
    an agreement ... 20,000 workers": no source; "claimed that over 16,000 ..." is one."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "After 300 migrants were rescued off Libya, the Zorvan Foundation found shelters "
            "for the children. The sinking of a ferry run by the Zorvan Shipping Company claimed "
            "410 lives in 2019. The Zorvan Ministry of Labour concluded an agreement to protect "
            "20,000 workers. UNICEF claimed that over 16,000 children were trafficked.",
        )
    )
    assert sources(found["300"]) == []
    assert sources(found["410"]) == []
    assert sources(found["20000"]) == []
    assert sources(found["16000"]) == ["unicef"]


def test_home_a_dollar_after_a_and_sen_are_what_they_are(tmp_path, knowledge):
    """HOME is an organization's acronym (not a page's button); "A $500,000 grant" is US
    dollars (not Australian: "A$" has no space); "Anjali Sen." ends a sentence."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Humanitarian Organisation for Migration Economics (HOME) assisted 300 migrant "
        "workers in 2019. HOME said that 40 of them were women. A $500,000 grant from the "
        "Zorvan Foundation helped, according to Anjali Sen. The Zorvan Foundation runs 14 "
        "shelters.",
    )
    assert "HOME" in mentions(draft, "organization")
    found = observations(draft)
    assert found["500000"].fields["unit"] == "us-dollar"
    assert sources(found["14"]) == []


def test_now_and_today_as_words_and_relative_times_of_another_time(tmp_path, knowledge):
    """ "the hotline, now run by X, received 4,000 calls" in a sentence of 2019 keeps 2019;
    "in the last month of the campaign" is no last month; "Speaking in 2015, ... 'Last year
    we rescued 300 children'" is not the year before the release's."""
    body = (
        "GENEVA, 12 March 2019 - In 2019, 300 victims were identified, and the hotline, now run "
        "by the Zorvan Foundation, received 4,000 calls. In the last month of the campaign, "
        'volunteers reached 3,000 households. Speaking in 2015, the minister said: "Last year '
        'we rescued 250 children."'
    )
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["4000"].fields["period"] == "2019"
    assert found["3000"].fields.get("period") != "2019-02"
    assert found["250"].fields.get("period") != "2018"


def test_datelines_labels_and_bylines_that_name_no_city(tmp_path, knowledge):
    """ "Mission: The Zorvan Foundation ..." is a label, not the town of Mission; "By Amina
    Bello - Communications Officer" is a byline, not the town of Bello."""
    places = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Mission: The Zorvan Foundation assisted 20 people.\n\nBy Amina Bello - "
            "Communications Officer, Zorvan Foundation",
        ),
        "place",
    )
    assert not {"Mission", "Bello"} & set(places)


def test_names_of_bodies_the_sixth_rounds_filters_kept(tmp_path, knowledge):
    """ "Bright Path officials" (not a country's adjective before a body), "the Assembly of
    States Parties" and "Survivors of Slavery" are organizations."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "IOM, UNHCR and Bright Path officials visited 30 camps. The Assembly of States "
            "Parties adopted 12 resolutions. IOM and Survivors of Slavery sheltered 30 women.",
        ),
        "organization",
    )
    assert {"Bright Path", "Assembly of States Parties", "Survivors of Slavery"} <= set(found)


def test_currency_letters_codes_a_dash_after_a_year_and_a_towns_number(tmp_path, knowledge):
    """ "ALARM25" holds no ringgit; "In 2019 – 1,200 people" is of 2019; "Mtwapa Town, 12,"
    is a town and its number, not a person of 12."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The PROGRAM ALARM25 operation ended. In 2019 – 1,200 people were rescued. Raids hit "
        "Mombasa and Mtwapa Town, 12, were hit.",
    )
    found = observations(draft)
    assert "25" not in found
    assert found["1200"].fields["period"] == "2019"
    assert "Mtwapa Town" not in mentions(draft, "person")
