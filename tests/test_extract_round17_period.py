"""`kg extract`: rules on the period of drafted numbers written on the seventeenth round (from
the tune split's numbers given a period that is not theirs), one test per rule, on sentences
composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_time_compared_with_is_not_the_numbers_in_four_languages(tmp_path, knowledge):
    """'41% par rapport au mois de mars 2019', 'un 12% más que en 2020', '20% a mais do que em
    2018', 'almost the same as the total of the first four months of 2019 (3,512)': the time
    after the comparison is the compared figure's, not the number's said before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Il s'agit d'une hausse de 41% par rapport au mois de mars 2019 où 2,310 retours "
            "avaient été enregistrés à Pelmark.\n\n"
            "La Fiscalía de Zorvania recibió 75 denuncias, un 12% más que en 2020.\n\n"
            "Foram resgatadas 64 vítimas em Ostravia, 20% a mais do que em 2018.\n\n"
            "Some 3,480 migrants reached Ostravia this spring, almost the same as the total "
            "recorded there in the first four months of 2019 (3,512).",
        )
    )
    assert "period" not in found["41"].fields
    assert found["2310"].fields.get("period") == "2019-03"
    assert "period" not in found["75"].fields
    assert "period" not in found["12"].fields
    assert "period" not in found["64"].fields
    assert "period" not in found["3480"].fields
    assert found["3512"].fields["period"]["start"] == "2019-01"
    assert found["3512"].fields["period"]["end"] == "2019-04"


def test_a_time_in_brackets_with_a_number_of_their_own_is_that_numbers(tmp_path, knowledge):
    """'1,240 migrants were returned (there were 980 in 2020)', 'aumentó un 9 % (la Fiscalía
    registró 310 denuncias en 2019)': the bracket's time dates its own number, not the
    sentence's others; a bracket of days ('(1 to 31 March 2021)') holds no number of its own."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Over the spring, 1,240 migrants were returned from Zorvania (there were 980 in "
            "2020), the ministry said.\n\n"
            "El número de denuncias en Pelmark aumentó un 9 % (la Fiscalía registró 310 "
            "denuncias en 2019).\n\n"
            "In the month (1 to 31 March 2021), 57 boats were intercepted off Ostravia.",
        )
    )
    assert "period" not in found["1240"].fields
    assert found["980"].fields.get("period") == "2020"
    assert "period" not in found["9"].fields
    assert found["310"].fields.get("period") == "2019"
    assert found["57"].fields.get("period") == {"start": "2021-03-01", "end": "2021-03-31"}


def test_the_same_period_last_year_is_the_sentences_period_a_year_before(tmp_path, knowledge):
    """'This year, by 9 May 2021, police dealt with 412 cases (268 in the same period last
    year)': the 268 are of 1 January to 9 May 2020; a period of a whole year is not shifted
    ('530,000 arrivals during the same period last year ... the whole of 2016')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "This year, by 9 May 2021, the Zorvanian police had dealt with 412 cases (268 in the "
            "same period last year) of migrant smuggling.\n\n"
            "Some 210,000 refugees crossed to Pelmark, 40 percent fewer than the 350,000 "
            "arrivals during the same period last year, while 1,900 died against 2,771 for the "
            "whole of 2016.",
        )
    )
    assert found["412"].fields.get("period") == {"start": "2021-01-01", "end": "2021-05-09"}
    assert found["268"].fields.get("period") == {"start": "2020-01-01", "end": "2020-05-09"}
    assert found["350000"].fields.get("period") != "2015"


def test_a_deadline_of_a_number_aimed_at_is_not_its_period(tmp_path, knowledge):
    """'By 2030, the government aims to resettle 15,000 refugees', 'an appeal for 1,300 places
    by the end of May 2019', 'vise à former 2 000 agents d'ici 2025': a deadline, no period;
    a total reached by a date stays of that date ('By June 2016, 26,000 had been apprehended')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "By 2030, the Zorvanian government aims to resettle 15,000 refugees.\n\n"
            "The Pelmark Council appealed for 1,300 resettlement places by the end of May "
            "2019.\n\n"
            "Le gouvernement d'Ostravia vise à former 2 000 agents d'ici 2025.\n\n"
            "By June 2016, almost 26,000 children had been apprehended in Pelmark.",
        )
    )
    assert "period" not in found["15000"].fields
    assert "period" not in found["1300"].fields
    assert "period" not in found["2000"].fields
    assert found["26000"].fields.get("period") == {"end": "2016-06"}


def test_a_state_or_policy_that_began_then_is_no_period_of_a_present_count(tmp_path, knowledge):
    """'The office, open since 2015, provides shelter to 60 women every month', 'Le centre,
    ouvert en 2016, accueille 45 enfants', 'The introduction in March 2021 of a minimum wage
    affected 280,000 workers': the time is of the start, not of the count; 'open since 2015,
    has assisted 300 women' counts from that start ('operativo desde 2012, ha atendido')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvanian office, open since 2015, provides shelter to 60 women every month.\n\n"
            "Le centre de Pelmark, ouvert en 2016, accueille 45 enfants.\n\n"
            "The introduction in March 2021 of a minimum wage in Ostravia affected more than "
            "280,000 workers.\n\n"
            "The Pelmark shelter, open since 2015, has assisted 300 women.\n\n"
            "El albergue de Ostravia, operativo desde 2012, ha atendido a 900 migrantes.",
        )
    )
    assert "period" not in found["60"].fields
    assert "period" not in found["45"].fields
    assert "period" not in found["280000"].fields
    assert found["300"].fields.get("period") == {"start": "2015"}
    assert found["900"].fields.get("period") == {"start": "2012"}


def test_the_day_a_page_was_published_is_no_numbers_time(tmp_path, knowledge):
    """'Publié le 12 mai 2019 Trois escadrons ...', '29 de marzo de 2024 | Noticias de Ostravia ...
    rescataron a siete jóvenes': the byline's or masthead's day is the page's, not a count's."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Publié le 12 mai 2019 Trois escadrons de gendarmerie sont engagés à la frontière "
            "de Pelmark.",
        )
    )
    assert "period" not in found["3"].fields
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "29 de marzo de 2024 | Noticias de Ostravia: la policía rescató a 14 jóvenes y "
            "detuvo a 5 mujeres.",
        )
    )
    assert "period" not in found["14"].fields
    assert "period" not in found["5"].fields


def test_a_time_said_after_but_or_while_is_of_that_part(tmp_path, knowledge):
    """'the 64 people were found in a factory, but they may have been taken there in March
    2019': a time said only after the number, across 'but', 'while', 'pero' or 'mais', is of
    the later part of the sentence."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police said the 64 people were found in a factory in Pelmark, but the last group "
            "may have been taken there in March 2019.\n\n"
            "La policía rescató a 38 mujeres en Ostravia, pero el último grupo llegó en mayo "
            "de 2020.",
        )
    )
    assert "period" not in found["64"].fields
    assert "period" not in found["38"].fields


def test_a_part_set_against_the_one_before_after_a_semicolon_has_its_own_time(tmp_path, knowledge):
    """'... con 111 casos en 2022 frente a 104 de 2020; sin embargo, el 62% de las víctimas
    ...', '... rose to 410 in 2021; however, 35 per cent of victims ...': a time said in the
    earlier part (not opening the sentence) is not of the part set against it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La Fiscalía de Pelmark registró 111 casos de trata en 2022; sin embargo, el 62% de "
            "las víctimas aún son explotadas sexualmente.\n\n"
            "Cases in Ostravia rose to 410 in 2021; however, 35 per cent of victims are never "
            "identified.",
        )
    )
    assert found["111"].fields.get("period") == "2022"
    assert "period" not in found["62"].fields
    assert "period" not in found["35"].fields


def test_the_one_time_after_a_from_to_change_is_the_to_figures(tmp_path, knowledge):
    """'fell from more than 65 per cent to less than 45 per cent in 2019': 2019 is the later
    figure's; the earlier has none said ('from 210 in 2019 to 480 in 2021' gives each its own,
    and 'from 4,200 to 7,600 between 2018 and 2019' each its year)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The share of women among victims in Pelmark fell from more than 65 per cent to less "
            "than 45 per cent in 2019.\n\n"
            "Cases in Ostravia rose from 210 in 2019 to 480 in 2021.",
        )
    )
    assert "period" not in found["65"].fields
    assert found["45"].fields.get("period") == "2019"
    assert found["210"].fields.get("period") == "2019"
    assert found["480"].fields.get("period") == "2021"


def test_a_time_in_a_reported_clause_after_the_number_is_that_clauses(tmp_path, knowledge):
    """'Six traffickers were charged, he added, saying that in 2020 some 900 children had been
    rescued', '..., affirmant qu'en 2019 ...': the time of what is reported after is not the
    number's said before."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Six traffickers were charged in Pelmark, the minister added, saying that in 2020 "
            "some 900 children had been rescued.\n\n"
            "Au total, 11 passeurs ont été arrêtés à Ostravia, a-t-il ajouté, affirmant qu'en 2019 "
            "quelque 700 migrants avaient été secourus.",
        )
    )
    assert "period" not in found["6"].fields
    assert found["900"].fields.get("period") == "2020"
    assert "period" not in found["11"].fields


def test_items_of_a_bulleted_list_say_each_their_own_time(tmp_path, knowledge):
    """'  • In the first six months of 2019, 3,200 migrants arrived in Pelmark.\\n  • 1,400
    children were detained in Ostravia in the first six months of 2021.': a list's items run
    together without a break the sentence reader sees; each says its own time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "  • In the first six months of 2019, more than 3,200 migrants arrived in Pelmark.\n"
            "  • 1,400 children were detained in Ostravia in the first six months of 2021.\n"
            "  • In recent cases, 35 percent of the children were sent back.",
        )
    )
    assert found["3200"].fields["period"]["start"] == "2019-01"
    assert found["1400"].fields["period"]["start"] == "2021-01"
    assert "period" not in found["35"].fields


def test_a_when_clause_right_after_a_time_is_of_that_time(tmp_path, knowledge):
    """'the highest since 2014 when 730 people died', 'nearly triple the arrivals in August
    2018, when 712 people landed': the number in a clause opened by 'when' right after a time
    is of that time (a point, not a span from it); 'Since March 2015, when the programme was
    launched, 13,500 have returned' is from then on (the clause closes before the number)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The toll off Pelmark was the highest since 2014 when 730 people died at sea.\n\n"
            "In August 2019 some 2,100 migrants reached Ostravia, nearly triple the arrivals "
            "in August 2018, when 712 people landed.\n\n"
            "Since March 2015, when the programme was launched, 13,500 migrants have returned "
            "to Zorvania.",
        )
    )
    assert found["730"].fields.get("period") == "2014"
    assert found["2100"].fields.get("period") == "2019-08"
    assert found["712"].fields.get("period") == "2018-08"
    assert found["13500"].fields.get("period") == {"start": "2015-03"}
