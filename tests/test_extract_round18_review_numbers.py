"""`kg extract`: review of the eighteenth round's rules on numbers (the period a number takes
from the time frame its release has just set, and the unit of counted acts and of nouns in
Spanish, French and Portuguese): faults found on sentences composed for the review (the names
of people, places and bodies are made up), one test per fault mended."""

from __future__ import annotations

from composed import draft_of, observations

MARCH = "The office counted 2,400 arrivals in Pelmark in March 2023.\n\nMost came by sea. "


def test_the_count_a_number_is_compared_with_takes_no_time_from_it(tmp_path, knowledge):
    """'This number is down from 3,100': the 3,100 is the count of another, earlier time, not
    of March 2023."""
    found = observations(draft_of(tmp_path, knowledge, MARCH + "This number is down from 3,100."))
    assert found["2400"].fields.get("period") == "2023-03"
    assert "period" not in found["3100"].fields


def test_a_number_the_count_excludes_takes_no_time_from_it(tmp_path, knowledge):
    """'This total excludes 300 people who arrived by air', as 'does not include': the 300 are
    no part of the count of March 2023."""
    text = MARCH + "This total excludes 300 people who arrived by air."
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["300"].fields


def test_what_the_count_may_become_takes_no_time_from_it(tmp_path, knowledge):
    """'This number could double to 5,000 by June', 'Esta cifra podría llegar a 3.000
    personas': what the count may become is a forecast, no count of the month before, as 'is
    expected to rise' is."""
    english = observations(
        draft_of(tmp_path, knowledge, MARCH + "This number could double to 5,000 by June.")
    )
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La oficina registró 900 retornos en Pelmark en junio de 2021. La mayoría llegó por "
            "tierra. Esta cifra podría llegar a 3.000 personas.",
        )
    )
    assert "period" not in english["5000"].fields
    assert "period" not in spanish["3000"].fields


def test_overall_as_the_adjective_of_another_thing_takes_no_time(tmp_path, knowledge):
    """'Overall unemployment in Pelmark stands at 12 per cent': 'Overall' is no 'Overall,'
    going on from the arrivals of March 2023, but the adjective of a standing figure."""
    text = MARCH + "Overall unemployment in Pelmark stands at 12 per cent."
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["12"].fields


def test_among_other_things_adds_another_fact_and_takes_no_time(tmp_path, knowledge):
    """'Among other measures, the government has deployed 500 border guards', 'Parmi d'autres
    mesures, ...': another fact added, as 'In addition', not a part of the count before."""
    text = (
        MARCH + "Among other measures, the government has deployed 500 border guards.\n\n"
        "Le bureau a compté 1 200 arrivées en mai 2022. Parmi d'autres mesures, le "
        "gouvernement a déployé 300 gardes-frontières."
    )
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["500"].fields
    assert "period" not in found["300"].fields


def test_a_count_of_its_own_after_a_possessive_is_another_count(tmp_path, knowledge):
    """'Of the country's 12 million inhabitants, 30 per cent live in poverty': a count of its
    own opens the sentence, as in 'Among its 80 staff', not the arrivals of March 2023 told
    again; neither number takes their time."""
    text = MARCH + "Of the country's 12 million inhabitants, 30 per cent live in poverty."
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["12000000"].fields
    assert "period" not in found["30"].fields


def test_a_whole_named_at_length_that_is_another_takes_no_time(tmp_path, knowledge):
    """'Among the countries of the region, Pelmark hosts some 2 million refugees': the whole
    the sentence opens with, named at more length than 'Of these three countries,', is not the
    arrivals of March 2023; 'Of the migrants who arrived by sea, 40 per cent ...' is."""
    text = (
        MARCH + "Among the countries of the region, Pelmark hosts the most refugees, some 2 "
        "million.\n\nThe office counted 1,500 arrivals in Pelmark in May 2022.\n\nMost came by "
        "sea. Of the migrants who arrived by sea, 40 per cent were women."
    )
    found = observations(draft_of(tmp_path, knowledge, text))
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La oficina registró 2.400 llegadas a Pelmark en marzo de 2023. La mayoría llegó por "
            "mar. De los migrantes que llegaron por mar, el 35% eran mujeres.",
        )
    )
    assert "period" not in found["2000000"].fields
    assert found["40"].fields.get("period") == "2022-05"
    assert spanish["35"].fields.get("period") == "2023-03"


def test_arrivals_in_spanish_french_and_portuguese_count_people(tmp_path, knowledge):
    """'3.100 llegadas', '900 arrivées', '1.200 chegadas': arrivals count the people who
    arrived, as '5,400 arrivals' does (the README's `unit`), in whichever language."""
    units = [
        observations(draft_of(tmp_path, knowledge, text))[value].fields.get("unit")
        for value, text in (
            ("3100", "La oficina registró 3.100 llegadas a Pelmark en marzo de 2023."),
            ("900", "Le bureau a enregistré 900 arrivées au Pelmark en mars 2023."),
            ("1200", "O escritório registou 1.200 chegadas a Pelmar em maio de 2022."),
        )
    ]
    assert units == ["person", "person", "person"]


def test_applications_returned_or_missing_are_applications(tmp_path, knowledge):
    """'The office received 1,200 applications, 300 rejected and 40 returned to the
    applicants', '300 complaints, 120 rejected and 12 missing': what is returned or missing
    after a count of applications or complaints is those, not people (only after a count of
    moves, '9,153 rescues, 267 dead and 118 missing')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The office received 1,200 applications, 300 rejected and 40 returned to the "
            "applicants.\n\nThe ombudsman recorded 500 complaints, 120 rejected and 12 missing.",
        )
    )
    assert found["40"].fields.get("unit") == "application"
    assert found["12"].fields.get("unit") == "complaint"


def test_things_detained_or_evacuated_are_those_things(tmp_path, knowledge):
    """'The coast guard intercepted 30 boats, 12 detained in port', 'Floods hit 40 villages in
    Velna, 12 evacuated': boats are detained and villages evacuated, as they go missing; people
    so only after a count of moves ('720 rescues ... and 159 rescued')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The coast guard intercepted 30 boats, 12 detained in port.\n\n"
            "Floods hit 40 villages in Velna, 8 evacuated.",
        )
    )
    assert found["12"].fields.get("unit") == "boat"
    assert found["8"].fields.get("unit") == "village"


def test_the_number_of_x_in_another_clause_names_nothing_the_number_counts(tmp_path, knowledge):
    """'2,300 asylum applications ..., a sign that the number of people fleeing Velna is
    rising; 400 were rejected': 'the number of people' is said in a clause of its own, and the
    400 are applications, as the number before them counts; not 'bringing the number of
    arrivals to 4,500 and the number of boats to 40' (boats)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Authorities received 2,300 asylum applications in May, a sign that the number of "
            "people fleeing Velna is rising; 400 were rejected.\n\nThe ministry received 900 "
            "asylum applications in June, as the number of people fleeing Dorsk rose, and 120 "
            "were rejected.\n\nAnother 300 arrived in July, bringing the number of arrivals to "
            "4,500 and the number of boats to 40.",
        )
    )
    assert found["400"].fields.get("unit") == "application"
    assert found["120"].fields.get("unit") == "application"
    assert found["40"].fields.get("unit") == "boat"


def test_what_a_body_named_in_the_sentence_runs_takes_no_time(tmp_path, knowledge):
    """'This group was assisted by the Velna Red Cross, which runs 12 shelters in the
    country', '..., que gestiona 12 albergues': what the body has or runs is a standing fact,
    not of the count before; 'This group, which includes 40 children, ...' is of it."""
    english = observations(
        draft_of(
            tmp_path,
            knowledge,
            MARCH + "This group was assisted by staff of the Velna Red Cross, which runs 12 "
            "shelters in the country.\n\nThe office counted 1,500 arrivals in Pelmark in May "
            "2022.\n\nMost came by sea. This group, which includes 40 children, was sent to "
            "Velna.",
        )
    )
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La oficina registró 900 retornos en Pelmark en junio de 2021. Este grupo fue "
            "atendido por la Cruz Roja de Velna, que gestiona 30 albergues en el país.",
        )
    )
    assert "period" not in english["12"].fields
    assert english["40"].fields.get("period") == "2022-05"
    assert "period" not in spanish["30"].fields


def test_a_share_of_another_count_after_overall_takes_no_time(tmp_path, knowledge):
    """'Overall, 40 per cent of Pelmark's 12 million inhabitants live abroad': a share of the
    count its own sentence says, a standing one, not of the arrivals of March 2023 ('Overall,
    45 per cent of detected victims ...' is of the count before)."""
    text = MARCH + "Overall, 40 per cent of Pelmark's 12 million inhabitants live abroad."
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["40"].fields


def test_a_count_of_another_time_compared_with_takes_no_time(tmp_path, knowledge):
    """'This number is double the 1,200 recorded during the winter', 'Ce nombre est le double
    des 1 200 arrivées enregistrées l'hiver dernier', '..., contra 250 no inquérito anterior':
    the count compared with is of another time than the count before ('Parmi ces derniers,':
    among the latter, of it)."""
    texts = (
        MARCH + "This number is double the 1,200 recorded during the winter.",
        "Le bureau a enregistré 2 400 arrivées au Pelmark en mars 2023. Ce nombre est le double "
        "des 1 200 arrivées enregistrées l'hiver dernier.",
        "O escritório registou 1.600 chegadas a Pelmar em maio de 2022. Deste total, 300 eram "
        "crianças, contra 250 no inquérito anterior.",
    )
    english, french, portuguese = (observations(draft_of(tmp_path, knowledge, t)) for t in texts)
    latter = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Le bureau a enregistré 900 arrivées au Pelmark en mai 2022. La plupart sont arrivés "
            "par la mer. Parmi ces derniers, 40 % étaient des femmes.",
        )
    )
    assert "period" not in english["1200"].fields
    assert "period" not in french["1200"].fields
    assert "period" not in portuguese["250"].fields
    assert latter["40"].fields.get("period") == "2022-05"  # ("ces derniers": the latter)


def test_during_this_period_after_another_year_said_since_takes_no_time(tmp_path, knowledge):
    """'In 2019, ... 300 arrivals. ... The Velna campaign ran for 18 months from June 2020.
    During this period, 500 officials were trained': the period is the campaign's, said with
    no number, not 2019 (the dated number said last)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, the office counted 300 arrivals in Pelmark.\n\nMost came by sea.\n\n"
            "The Velna campaign ran for 18 months from June 2020. During this period, 500 "
            "officials were trained.",
        )
    )
    assert found["300"].fields.get("period") == "2019"
    assert "period" not in found["500"].fields


def test_this_group_after_a_body_just_named_is_that_body(tmp_path, knowledge):
    """'The Velna Task Force was set up by the ministry to respond. This group has 30
    members.': the group is the task force just named, not the arrivals of March 2023 ('Most
    came by sea. This group included 300 children' is of them)."""
    text = (
        "The office counted 2,400 arrivals in Pelmark in March 2023.\n\nThe Velna Task Force "
        "was set up by the ministry to respond. This group has 30 members.\n\nThe office "
        "counted 1,500 arrivals in Pelmark in May 2022. Most came by sea. This group included "
        "300 children."
    )
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["30"].fields
    assert found["300"].fields.get("period") == "2022-05"


def test_a_part_of_a_count_of_acts_said_as_people_counts_people(tmp_path, knowledge):
    """'3,000 returns in 2023, of which 400 were children', '720 rescues in 2023; 150 were
    children', 'Of these, 400 were children': the text counts the people the acts were of
    (README's unit), not the acts; '90 were voluntary', '60 were refugee returns', '70 were of
    women' stay returns."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The office registered 3,000 returns in 2023, of which 400 were children.\n\n"
            "The navy carried out 720 rescues in 2023; 150 were children.\n\n"
            "The agency registered 2,000 returns in 2022. Of these, 300 were children.\n\n"
            "The ministry registered 1,000 returns in 2021, of which 90 were voluntary, 60 "
            "were refugee returns and 70 were of women.",
        )
    )
    unit = {value: item.fields.get("unit") for value, item in found.items()}
    assert unit["3000"] == "return"
    assert unit["400"] == unit["150"] == unit["300"] == "person"
    assert unit["90"] == unit["60"] == unit["70"] == "return"


def test_a_part_of_a_count_of_acts_of_them_people_counts_people(tmp_path, knowledge):
    """'3,000 returns in 2023, 400 of them children': the people, as the text counts them;
    '720 rescues in 2023, 150 of them at night' stays rescues."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The office assisted 3,000 returns in 2023, 400 of them children.\n\n"
            "The navy carried out 720 rescues in 2022, 150 of them at night.",
        )
    )
    assert found["400"].fields.get("unit") == "person"
    assert found["150"].fields.get("unit") == "rescue"


def test_during_this_period_after_another_month_said_since_takes_no_time(tmp_path, knowledge):
    """'In March 2022, ... 2,400 arrivals. ... The survey was conducted in May in four camps.
    During this period, 300 people were interviewed': the period is May, said with no number,
    not March 2022."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In March 2022, the office counted 2,400 arrivals in Pelmark.\n\nMost came by sea."
            "\n\nThe survey was conducted in May in four camps. During this period, 300 people "
            "were interviewed.",
        )
    )
    assert found["2400"].fields.get("period") == "2022-03"
    assert "period" not in found["300"].fields


def test_a_whole_named_after_a_possessive_that_is_another_takes_no_time(tmp_path, knowledge):
    """'Among its partners, the office counts 12 NGOs', 'Among Pelmark's neighbours, Velna
    hosts the most refugees, some 300,000': standing facts of another whole than the arrivals
    of March 2023."""
    text = (
        MARCH + "Among its partners, the office counts 12 NGOs.\n\nThe office counted 1,500 "
        "arrivals in Pelmark in May 2022.\n\nMost came by sea. Among Pelmark's neighbours, "
        "Velna hosts the most refugees, some 300,000."
    )
    found = observations(draft_of(tmp_path, knowledge, text))
    assert "period" not in found["12"].fields
    assert "period" not in found["300000"].fields
