"""`kg extract`: rules written on the twelfth round (from the tune half's and the thirteenth
batch's misses), one test per rule, on sentences composed for it (the names of people and
bodies are made up)."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources

WEEK = {"start": "2019-04-08", "end": "2019-04-14"}


def test_the_catch_told_after_a_dated_action_is_of_its_days(tmp_path, knowledge):
    """'This coordinated action, which took place between 8 and 14 April 2019 ... The action
    week resulted in the arrest of 46 suspects. A further 227 persons were detained.': the
    sentences telling what the one dated action caught are of its days, though they name
    neither it nor a time ("action week" is its name, "This intense activity" no time)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Twelve states of Zorvania conducted an operation against trafficking. This "
            "coordinated action, which took place between 8 and 14 April 2019, was planned for "
            "a year.\n\nThe action week resulted in the arrest of 46 suspects. A further 227 "
            "persons were detained for other offences. This intense activity has led to the "
            "launch of 85 new investigations.",
        )
    )
    for value in ("46", "227", "85"):
        assert found[value].fields.get("period") == WEEK, value


def test_the_results_following_the_operation_are_of_its_days(tmp_path, knowledge):
    """'Zorvapol confirmed the opening of 276 new investigations following this operation':
    the operation's results, of its days (data/devset/README.md, `period`: "the results of an
    operation dated earlier take the operation's time"; round 12 had decided the other way,
    against the gold file of the release the case was composed from); what is counted since
    the operation is not."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The operation, led by Zorvania, took place from 8 to 14 April 2019 and 219 people "
            "were arrested.\n\nZorvapol confirmed the opening of 276 new investigations "
            "following this operation. Since the operation, 40 more suspects were arrested.",
        )
    )
    assert found["219"].fields.get("period") == WEEK
    assert found["276"].fields.get("period") == WEEK
    assert found["40"].fields.get("period") != WEEK


def test_a_headline_number_takes_the_time_the_body_tells_it_with(tmp_path, knowledge):
    """'13,993 undocumented migrants returned from Zorvania' as a heading, then 'A total of
    13,993 ... returned ... between 24 and 30 June 2018': the heading's number is of that week."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "13,993 undocumented migrants returned from Zorvania\n\nA total of 13,993 "
            "undocumented migrants returned from Zorvania between 24 and 30 June 2018, 58% more "
            "than in the previous week.",
        )
    )
    assert found["13993"].fields.get("period") == {"start": "2018-06-24", "end": "2018-06-30"}


def test_in_the_last_year_is_not_the_calendar_year_before(tmp_path, knowledge):
    """'exploited nearly 450 women in the last year' (the twelve months before the release's
    day) is not 2023 as 'last year' is; 'last year' still is."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "ZORVAPOL, 30 July 2024 - The police dismantled a network that exploited nearly 450 "
            "women in the last year.\n\nLast year, 48 victims were rescued in Zorvania.",
        )
    )
    assert found["450"].fields.get("period") is None
    assert found["48"].fields.get("period") == "2023"


@pytest.mark.parametrize(
    "text, name, not_name",
    [
        # a date line after a byline without a full stop
        (
            "By Zorvan Defence Force\nJul 13, 2015 - 11:32 PM\n\nMigrants were intercepted.",
            "Zorvan Defence Force",
            "Zorvan Defence Force Jul",
        ),
        # a hard-wrapped line ending in a name, the next sentence opening with "A"
        (
            "More than 100 calls were forwarded to the Zorvan National Police\nA new "
            "publication by the Zorvan Institute was launched.",
            "Zorvan National Police",
            "Zorvan National Police A",
        ),
        # a rank before a person's name
        (
            "The head of Zorvania's Border Guard Service General Rustam Kolav reported on "
            "Friday that the border was calm.",
            "Zorvania's Border Guard Service",
            "Zorvania's Border Guard Service General",
        ),
        # the adjective of a team named in lower case
        (
            "Present were the Zorvan Islands Police Tactical team and the Ministry of Zorvan "
            "Affairs Anti-human trafficking department.",
            "Zorvan Islands Police",
            "Zorvan Islands Police Tactical",
        ),
    ],
)
def test_a_name_ends_before_a_date_an_article_a_rank_or_a_team_s_adjective(
    tmp_path, knowledge, text, name, not_name
):
    found = mentions(draft_of(tmp_path, knowledge, text), "organization")
    assert name in found and not_name not in found


def test_a_command_is_a_body_s_head_and_keeps_its_name_before_a_team(tmp_path, knowledge):
    """'Coast Guard West Pelmark Group Command teams were sent': the command's teams (a
    command is a body, as a group is), not a team's adjective."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan Coast Guard West Pelmark Group Command teams were sent to the area "
            "and caught 33 migrants.",
        ),
        "organization",
    )
    assert "Zorvan Coast Guard West Pelmark Group Command" in found


def test_peoples_stakeholders_and_people_written_with_a_slash_are_persons(tmp_path, knowledge):
    """'482 Rohingyas', 'some 630 Rohingya', '17 Filipinas', '96 girls/children', 'more than
    1,350 governmental and non-governmental stakeholders' count people; a Spanish text's '175
    Estados Miembros' does not, nor is 'the highest in 9 yrs' one (the time it compares over,
    as 'in nine years')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2023, 482 Rohingyas perished at sea, the highest in 9 yrs, and some 630 Rohingya "
            "attempted the crossing. Among the victims were 17 Filipinas. In 2013, 96 "
            "girls/children were rescued at the Zorvan border. Zorvapol has trained more than "
            "1,350 governmental and non-governmental stakeholders.",
        )
    )
    for value in ("482", "630", "17", "96", "1350"):
        assert found[value].fields["unit"] == "person", value
    assert "9" not in found  # "in 9 yrs", as "in nine years": a time, no count


def test_a_capitalised_plural_of_a_spanish_text_is_no_people(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La Organización Zorvana es la organización líder que desde 1951 promueve una "
            "migración ordenada, con 175 Estados Miembros y presencia en 171 países del mundo.",
        )
    )
    assert found["175"].fields.get("unit") != "person"


def test_exceeds_lives_and_kilograms(tmp_path, knowledge):
    """'the number of victims identified now exceeds 300' is more than 300; 'More than 600
    lives have been saved' counts people; '3.5 kg of ecstasy pills' weighs, as '56 grams'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The number of trafficked persons identified by Zorvapol now exceeds 300. More than "
            "600 lives have been saved by the operation. The action day resulted in 24 arrests "
            "and seizures of vehicles, 3.5 kg of ecstasy pills and 56 grams of cocaine.",
        )
    )
    assert found["300"].fields["qualifier"] == ["more-than"]
    assert found["600"].fields["unit"] == "person"
    assert found["3.5"].fields["unit"] == "kilogram"
    assert found["24"].fields["unit"] == "arrest"


def test_sources_told_after_a_headline_in_a_place_or_as_the_agency(tmp_path, knowledge):
    """A headline's number takes the source the body gives it ('GENEVA, July 10 (IOM)
    ...'); 'The Zorvan Migration Agency (ZMA) in Ruritania records between 30 and 40 victims';
    'The agency noted that according to its latest data more than 4.2 million ... have entered
    the EU': the agency named in a paragraph before, not the EU after the number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "An average of 1,000 refugees now arriving every day\n\nGENEVA, July 10 (IOM) On "
        "average 1,000 refugees are now arriving every day.\n\nThe Zorvan Migration Agency "
        "(ZMA) in Ruritania records between 30 and 40 victims of trafficking per year.\n\n"
        "Zorvan Border Agency figures were published on Monday.\n\nThe agency noted that "
        "according to its latest data more than 4.2 million Lorvanians have entered the "
        "European Union since February.",
    )
    found = observations(draft)
    names = mentions(draft, "organization")
    assert sources(found["1000"]) == ["iom"]
    assert sources(found[("30", "40")]) == [names["Zorvan Migration Agency"]]
    assert sources(found["4200000"]) == [names["Zorvan Border Agency"]]


def test_a_city_of_a_million_people_is_a_place_whatever_country_the_text_names(tmp_path, knowledge):
    """'speaking to reporters in New York', 'In Izmir, 213 migrants were apprehended': cities
    so large a text names them without their country (a smaller city still needs its country
    named: 'Dikili' is no place here)."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Forsyth was speaking to reporters in New York on Monday. In Izmir, 213 migrants "
            "were apprehended off the coast of Dikili.",
        ),
        "place",
    )
    assert {"New York", "Izmir"} <= set(found) and "Dikili" not in found


def test_people_by_an_age_before_a_magistrate_s_title_or_a_possessive_role(tmp_path, knowledge):
    """'24-year-old Jon Tarvel Marek', 'Magistrate Ana Velder', 'Tomas Velder
    Ruiz, Mexico's Vice Minister of Labour, said' (a name, a comma and a country's
    possessive: a role, not 'Tapachula, Mexico')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Tomas Velder Ruiz, Mexico’s Vice Minister of Labour, said the agreement "
        "would help.\n\nMira Ostrova Lind, 41, and 24-year-old Jon Tarvel Marek were "
        "due in court on Friday after Magistrate Ana Velder Thursday halted the "
        "proceedings.",
    )
    people, places = mentions(draft, "person"), mentions(draft, "place")
    assert {"Tomas Velder Ruiz", "Jon Tarvel Marek", "Ana Velder"} <= set(people)
    assert "Tomas Velder Ruiz" not in places


def test_a_period_whose_days_are_written_two_ways_and_parts_of_its_total(tmp_path, knowledge):
    """'between May 1st 2015 and 20 February 2016' (a month before its day, then after it) is
    one period; '158 of the total are from vulnerable groups: 62 received medical care'
    and 'During the same period, 5,208 ...' are of it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "4,126 third-country nationals have returned to their countries of origin in the "
            "period between May 1st 2015 and 20 February 2016 through the Zorvan programme. 158 "
            "of the total are from vulnerable groups: 62 received medical care and 37 "
            "were unaccompanied minors. During the same period, 5,208 third-country nationals "
            "were enrolled in the programme.",
        )
    )
    period = {"start": "2015-05-01", "end": "2016-02-20"}
    for value in ("4126", "158", "62", "37", "5208"):
        assert found[value].fields.get("period") == period, value


@pytest.mark.parametrize(
    "text, not_counts",
    [
        ("En las últimas 48 horas, el Instituto Zorvano rescató a 3.000 migrantes.", {"48"}),
        ("Le phénomène s’est concentré depuis environ cinq ans vers 200 victimes.", {"5"}),
        ("It is the second return operation within less than two months; 84 went home.", {"2"}),
        ("The 12 children, ranging from six months to seven years old, were found.", {"6", "7"}),
        ("Of 222 complaints, 66.7% involved women between 18 and 29 years of age.", {"18"}),
    ],
)
def test_times_a_number_of_days_or_years_only_frames_and_ages_are_no_counts(
    tmp_path, knowledge, text, not_counts
):
    found = observations(draft_of(tmp_path, knowledge, text))
    assert not not_counts & set(found) and found


def test_two_equal_counts_of_one_sentence_are_two_and_british_spellings_name_bodies(
    tmp_path, knowledge
):
    """'Lesvos (412), Chios (97), Samos (97)': two counts of 97, not one said twice; 'the
    Organisation for Security and Co-operation in Europe' is the OSCE, not a body and Europe."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Of them, 606 registered on the islands: Lesvos (412), Chios (97) and Samos (97). The "
        "Organisation for Security and Co-operation in Europe trained 50 officers.",
    )
    values = [item.fields["value"] for item in draft.observations]
    assert values.count("97") == 2
    organizations = mentions(draft, "organization")
    assert "Organisation for Security and Co-operation in Europe" in organizations
    assert "Europe" not in mentions(draft, "place")


def test_a_shared_noun_after_digits_a_spanish_range_soles_and_a_bare_subject(tmp_path, knowledge):
    """'57 Nepali and 18 Indian nationals' (the noun both count, after digits as after words);
    'entre 3 mil y 4 mil personas' (a range, as 'between'); 'S/ 16,963' (Peruvian soles);
    'Eleven were from Ecuador and two from Peru', after a count of victims (what it counts)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM organized the return of 57 Nepali and 18 Indian nationals. Police rescued 13 "
            "victims of trafficking. Eleven were from Ecuador and two from Peru.",
        )
    )
    for value in ("57", "18", "11", "2"):
        assert found[value].fields["unit"] == "person", value
    assert found["11"].fields["indicator"] == found["13"].fields["indicator"]
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania informó que cifran las víctimas anuales entre 3 mil y 4 mil "
            "personas. A los detenidos se les incautó S/ 16,963 y un revólver.",
        )
    )
    assert spanish[("3000", "4000")].fields["unit"] == "person"
    assert spanish["16963"].fields["unit"] == "sol"


def test_a_period_of_a_month_then_a_day(tmp_path, knowledge):
    """'The data correspond to the period between June 2016 and March 15, 2017': a month to a
    day (read before only when both ends were written alike)."""
    from kg.extraction.periods import period_of

    text = "The data correspond to the period between June 2016 and March 15, 2017."
    assert period_of(text, (0, len(text)), (0, len(text)), 0) == {
        "start": "2016-06",
        "end": "2017-03-15",
    }


def test_spanish_nouns_of_operations_vehicles_phones_homes_and_police(tmp_path, knowledge):
    """'dos operativos', 'dos acciones', '31 teléfonos móviles', '7 domicilios', '153
    policías': units by their English names; '54 en un autobús' has no noun of its own (not
    a bus)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La Policía de Zorvania informó que en dos operativos participaron 153 policías, que "
            "allanaron 7 domicilios e incautaron 31 teléfonos móviles. Además hubo dos acciones "
            "en el puesto de control: una con 54 en un autobús ejecutivo.",
        )
    )
    units = {value: item.fields.get("unit") for value, item in found.items()}
    assert units["153"] == "person" and units["7"] == "home" and units["31"] == "mobile-phone"
    assert units["54"] != "vehicle"


# A second reader's cases against this round's rules: each gave a wrong draft before its fix.
OPERATION = "The operation, led by Zorvania, took place from 8 to 14 April 2019 and 219 people were arrested.\n\n"  # noqa: E501


@pytest.mark.parametrize(
    "text, value, period",
    [
        # a report's, a body's or the world's figures after an operation are not of its days
        (OPERATION + "According to the national report, 1,300 victims were identified over the "
         "past decade.", "1300", None),
        (OPERATION + "Zorvapol was founded in 1998. Its officers have rescued more than 3,000 "
         "children.", "3000", None),
        (OPERATION + "In a previous phase, 75 victims were rescued.", "75", None),
        # "joint action plan", "concerted action against": no action of days
        ("Ministers met on 3 March 2020 and called for concerted action against smugglers.\n\n"
         "Smugglers were arrested in 40 cases.", "40", None),
        # "Last Friday": a time of its own, not the year set before
        ("In 2019, 18,000 migrants arrived in Zorvania. Last Friday, IOM assisted 300 more.",
         "300", None),
        # "These figures do not include the 40 ...": no number said to include them
        ("In 2019, Zorvapol rescued 500 victims. These figures do not include the 40 victims "
         "rescued by the navy.", "40", "2019"),
    ],
)  # fmt: skip
def test_second_reader_times(tmp_path, knowledge, text, value, period):
    assert observations(draft_of(tmp_path, knowledge, text))[value].fields.get("period") == period


def test_second_reader_numbers_names_and_places(tmp_path, knowledge):
    """A later equal number keeps its own time and source (only a headline's takes the
    body's); a rank before a body's words ('Major Crimes Division', 'General Staff') and a
    Magistrate Court are no person's; 'pasó de 300 a 500' is no range; 'Medina' and 'Sophia'
    are not Madinah and Sofia."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The ministry identified 500 victims of trafficking in 2019. By comparison, 500 "
            "victims were identified in Ruritania in 2010, UNODC said.",
        )
    )
    assert found["500"].fields.get("period") == "2019" and not sources(found["500"])
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zorvanian National Police Major Crimes Division and the Zorvanian Armed Forces "
        "General Staff met. The Magistrate Court of Zorvania heard 12 cases. Sister Medina "
        "runs the shelter; the report was presented to Sophia in 2019.",
    )
    organizations, people = mentions(draft, "organization"), mentions(draft, "person")
    assert "Zorvanian National Police Major Crimes Division" in organizations
    assert "Magistrate Court of Zorvania" in organizations
    assert not {"Crimes Division", "Staff", "Court of Zorvania"} & set(people)
    assert not {"Medina", "Sophia"} & set(mentions(draft, "place"))
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania informó que el número de víctimas identificadas pasó de 300 "
            "a 500 personas en 2020.",
        )
    )
    assert ("300", "500") not in spanish


def test_an_acronym_cited_as_a_source_is_a_body_and_the_number_s_source(tmp_path, knowledge):
    """'According to ZNSI data, 277 complaints were registered': an acronym said once but cited
    as a source names a body (proposed at the draft's bar), and the number is attributed to it."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "According to ZNSI data, during the first half of 2021, 277 complaints were registered "
        "for the crime of human trafficking in Zorvania.",
    )
    znsi = next(m for m in draft.entities.mentions if m.text == "ZNSI")
    assert znsi.kind == "organization" and znsi.new.confidence >= 0.5
    assert observations(draft)["277"].fields.get("attributed_to") == [f"new:{znsi.new.key}"]
