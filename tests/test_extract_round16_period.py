"""`kg extract`: rules on the period of drafted numbers written on the sixteenth round (from the
whole tune split's errors), one test per rule, on sentences composed for it (the names of
people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_year_said_with_a_part_of_it_or_joined_to_another(tmp_path, knowledge):
    """'Toward the end of 2012', 'during the course of 2019', 'through the first six months of
    2014', 'between May 2020 and early 2023', 'Police data from 2017': the year (or its part)
    is the number's time; 'in both 2011 and 2012', 'en 2009 et 2010', 'In September and
    October 2022', 'for the March – August 2018': both years, or the months of the year."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Toward the end of 2012, 17 Zorvanians were arrested in Pelmark.\n\n"
            "At least 2.3 million migrants crossed Ostravia during the course of 2019.\n\n"
            "Fewer than 1,300 migrants arrived in Pelmark through the first six months of 2013."
            "\n\nBetween May 2020 and early 2023, Zorvania detected over 140 cases of "
            "trafficking.\n\nPolice data from 2017 stated that more than 380 smugglers were "
            "active near the camps.\n\nAn estimated 13,700 migrants entered Ostravia in both "
            "2011 and 2012.\n\nIn September and October 2022, 73 families received cash "
            "assistance.\n\nAlso, 11 boats were intercepted for the March – August 2018.",
        )
    )
    assert found["17"].fields.get("period") == "2012"
    assert found["2300000"].fields.get("period") == "2019"
    assert found["1300"].fields["period"]["start"] == "2013-01"
    assert found["1300"].fields["period"]["end"] == "2013-06"
    assert found["140"].fields.get("period") == {"start": "2020-05", "end": "2023"}
    assert found["380"].fields.get("period") == "2017"
    assert found["13700"].fields.get("period") == {"start": "2011", "end": "2012"}
    assert found["73"].fields.get("period") == {"start": "2022-09", "end": "2022-10"}
    assert found["11"].fields.get("period") == {"start": "2018-03", "end": "2018-08"}
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Quelque 1,4 million d'enfants ont été employés dans les plantations de café en "
            "2009 et 2010, selon la Fondation Zorvane.",
        )
    )
    assert found["1400000"].fields.get("period") == {"start": "2009", "end": "2010"}


def test_the_same_period_a_year_before_is_not_the_time_said_before(tmp_path, knowledge):
    """'An increase was noted in 2024 ... Last year, in the same period, 412 engines were
    seized': 'the same period' of the year before the one said, not that one (a release that
    states no day of its own: which year is not said, so no period)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "An increase was noted in the seizures carried out in 2024. Authorities confiscated "
            "571 engines in Zorvania. Last year, in the same period, the number of seizures "
            "totaled 412 engines.",
        )
    )
    assert "period" not in found["412"].fields


def test_days_said_with_this_year_in_another_language(tmp_path, knowledge):
    """'entre el 4 y el 11 de mayo de este año' ('de janeiro a outubro deste ano'): the
    days of the year of writing, as 'between 4 and 11 May this year' is."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "19 de mayo de 2013\n\nEl Instituto de Zorvania informó que entre el 4 y el 11 "
            "de mayo de este año se efectuaron revisiones en las que rescató a 320 "
            "migrantes.\n\nDe janeiro a outubro deste ano, pelo menos 130 crianças foram "
            "resgatadas.",
        )
    )
    assert found["320"].fields.get("period") == {"start": "2013-05-04", "end": "2013-05-11"}
    assert found["130"].fields.get("period") == {"start": "2013-01", "end": "2013-10"}


def test_a_time_since_an_event_that_ends_the_sentence_starts_the_period(tmp_path, knowledge):
    """'rescued 96 victims since the establishment of the Unit in 2005.': the count runs from
    that time on, as when the since-clause opens the sentence; 'since 01 Mar 2017' (a month
    written short) and 'in the early hours of 09 October 2023' (a day) are read too."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The police of Zorvania have rescued 97 victims since the establishment of the "
            "Anti-Trafficking Unit of the Pelmark Province in 2005.\n\n17,008 total returns "
            "from Ostravia since 01 Mar 2017.\n\nThe agency, in the early hours of 09 October "
            "2023, facilitated the return of 23 migrants.",
        )
    )
    assert found["97"].fields.get("period") == {"start": "2005"}
    assert found["17008"].fields.get("period") == {"start": "2017-03-01"}
    assert found["23"].fields.get("period") == "2023-10-09"


def test_those_taking_part_in_an_event_the_sentence_does_not_name_take_no_days(tmp_path, knowledge):
    """'a workshop on 16 and 17 June 2015' then 'The event was attended by 42 participants'
    ('it involved participants from five districts'): the sentence names no event the text
    dates, and the gold facts give such counts no time; 'The session was attended by 42'
    (an event named) keeps the days."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan Aid held a workshop in Pelmark on 16 and 17 June 2015.\n\nThe event was "
            "attended by 44 participants from several agencies.",
        )
    )
    assert "period" not in found["44"].fields


def test_the_greater_part_of_a_count_said_just_before_is_of_its_time(tmp_path, knowledge):
    """'There were at least 600,371 migrants identified between May-June 2020. The majority
    (395,093 individuals or 67%) were from Pelmark (22%)': the parts of the count said in the
    sentence just before are of its time ('Almost three-quarters of these travelled ...')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "There were at least 600,371 migrants identified in Zorvania between May-June 2020. "
            "The majority (395,093 individuals or 67%) were from Pelmark (22%) and Ostravia "
            "(19%).",
        )
    )
    months = {"start": "2020-05", "end": "2020-06"}
    assert found["395093"].fields.get("period") == months
    assert found["67"].fields.get("period") == months
    assert found["22"].fields.get("period") == months


def test_the_parts_of_the_total_of_a_noun_with_its_adjective_are_of_its_time(tmp_path, knowledge):
    """'Del total de personas rescatadas, 512 son hombres': the total of the noun said with
    an adjective (up to three words) points back to the count before, as 'Del total de
    denuncias,' does; its parts are of that count's time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Entre el 3 y el 9 de marzo de 2014, el Instituto de Zorvania rescató a 240 "
            "guatemaltecos y 290 hondureños.\n\nDel total de personas rescatadas, 512 son "
            "hombres y 18 mujeres.",
        )
    )
    days = {"start": "2014-03-03", "end": "2014-03-09"}
    assert found["512"].fields.get("period") == days
    assert found["18"].fields.get("period") == days


def test_from_a_month_to_a_day_without_the_year(tmp_path, knowledge):
    """'arrived from June to 5 September' in a release dated 12 September 2019: from the
    start of June to that day of the year of writing."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "12 September 2019\n\nMore than 13,291 individuals arrived in Zorvania from June to 5 "
            "September.",
        )
    )
    assert found["13291"].fields.get("period") == {"start": "2019-06", "end": "2019-09-05"}


def test_the_countries_people_come_from_are_counted_at_no_time(tmp_path, knowledge):
    """'Since 2013, we have trained over 450 practitioners from 52 countries': the
    practitioners are counted from 2013 on; the countries they come from at no time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Since 2013, Zorvan Aid has trained over 450 practitioners from 52 countries.",
        )
    )
    assert found["450"].fields.get("period") == {"start": "2013"}
    assert "period" not in found["52"].fields


def test_a_time_said_inside_a_part_before_while_is_not_of_the_part_after(tmp_path, knowledge):
    """'... increased from 17 in 2001 to 238 in 2004, while a report estimated that between
    3,600 and 4,100 children were exploited': the years are of the first part's numbers; a
    time opening the sentence ('Since the task force was set up in 2015, ...') holds for both."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The number of reported victims in Zorvania increased from 17 in 2001 to 238 in "
            "2004, while a report by Zorvan Aid estimated that between 3,600 and 4,100 children "
            "were exploited.\n\nSince the task force was set up in 2015, 221 victims were "
            "rescued, while 948 suspects were arrested.",
        )
    )
    assert found["17"].fields.get("period") == "2001"
    assert "period" not in found[("3600", "4100")].fields
    assert found["948"].fields.get("period") == {"start": "2015"}


def test_the_page_date_before_the_first_sentence_is_no_time_of_it(tmp_path, knowledge):
    """'date 2024-06-24 Zorvan Police announced on Monday that 217 people have been arrested in an
    operation ...' then 'The operation took place from June 11 to June 17': the page's date
    opening the first sentence is not its time, the operation's days are."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "date 2024-06-24 Zorvan Police announced on Monday that 217 people have been "
            "arrested in an operation against human trafficking.\n\nThe operation took place "
            "from June 11 to June 17.",
        )
    )
    assert found["217"].fields.get("period") == {"start": "2024-06-11", "end": "2024-06-17"}


def test_a_page_dated_to_its_month_dates_the_months_said_without_a_year(tmp_path, knowledge):
    """'date 2023-08 Au moins 19 personnes ont péri ...' then 'En juin, un bateau
    transportant douze personnes ...': the page's year dates the months said without one,
    as the year said in the paragraph before does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "date 2023-08 Au moins 19 personnes ont péri au large de Zorvanie.\n\nEn "
            "juin, un bateau transportant 14 personnes n'avait jamais atteint Pelmark.",
        )
    )
    assert found["14"].fields.get("period") == "2023-06"
