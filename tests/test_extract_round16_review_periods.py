"""`kg extract`: faults a reviewer found in round 16's period rules, one test per fault, on
sentences composed for it (the names of places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_data_from_a_year_to_another_or_onwards_is_no_single_year(tmp_path, knowledge):
    """'Police data from 2015 to 2020 show ...' is of the range; 'Statistics from 2018
    onwards show ...' is from 2018 on; 'Police data from 2015 show ...' is of 2015."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police data from 2015 to 2020 show 310 victims in Pelmark.\n\nStatistics from "
            "2018 onwards show 420 victims in Ostravia.\n\nPolice data from 2016 show 530 "
            "victims in Zorvania.",
        )
    )
    assert found["310"].fields.get("period") == {"start": "2015", "end": "2020"}
    assert found["420"].fields.get("period") == {"start": "2018"}
    assert found["530"].fields.get("period") == "2016"


def test_two_months_apart_joined_by_and_are_no_range(tmp_path, knowledge):
    """'In January and December 2020' names two months, not the year between them; 'in
    September and October 2021', one after the other, is their range."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In January and December 2020, Zorvan Aid recorded 310 arrivals in Pelmark.\n\n"
            "In September and October 2021, Zorvan Aid recorded 420 arrivals in Ostravia.",
        )
    )
    assert "period" not in found["310"].fields
    assert found["420"].fields.get("period") == {"start": "2021-09", "end": "2021-10"}


def test_only_a_time_opening_the_sentence_holds_past_while(tmp_path, knowledge):
    """A time in the phrase that opens the sentence ('In 2020, arrivals rose ... while 420
    people left') holds for the part after 'while'; one said in the first part's main clause
    ('In Lorvania the number of arrivals rose in 2019 while ...') does not, as in 'Arrivals
    rose in Lorvania in 2019 while ...' (the sentence opening with a place is no opening of
    time)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In Lorvania the number of arrivals rose in 2019 while 310 people left.\n\n"
            "In 2020, arrivals rose in Pelmark while 420 people left.",
        )
    )
    assert "period" not in found["310"].fields
    assert found["420"].fields.get("period") == "2020"


def test_a_share_of_them_is_of_the_count_not_the_one_compared_with(tmp_path, knowledge):
    """'In 2019, 5,100 migrants arrived ..., compared with 3,200 in 2018. Half of them were
    women': the half is of the 2019 arrivals, not of those of 2018."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, 5,100 migrants arrived in Pelmark, compared with 3,200 in 2018. Half of "
            "them were women.",
        )
    )
    assert found["3200"].fields.get("period") == "2018"
    assert found["50"].fields.get("period") == "2019"


def test_the_majority_of_another_whole_takes_no_time_from_before(tmp_path, knowledge):
    """'The majority of the participants in the training, 60 per cent, were women' is a share
    of another whole than the count before ('In 2019, 5,100 migrants arrived'): no time from
    it; 'The majority of them, 70 per cent, ...' is of that count's time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, 5,100 migrants arrived in Pelmark. The majority of the participants in "
            "the training, 60 per cent, were women.\n\nIn 2020, 4,200 migrants arrived in "
            "Ostravia. The majority of them, 70 per cent, were men.",
        )
    )
    assert "period" not in found["60"].fields
    assert found["70"].fields.get("period") == "2020"


def test_countries_with_a_time_of_their_own_keep_it(tmp_path, knowledge):
    """'rose from 13 countries in 2018 to 21 in 2019': the 13 countries say their own year,
    unlike the countries people come from ('trained 610 practitioners from 67 countries')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The number of source countries rose from 13 countries in 2018 to 21 in 2019.",
        )
    )
    assert found["13"].fields.get("period") == "2018"
    assert found["21"].fields.get("period") == "2019"


def test_last_year_of_another_number_leaves_the_same_period_to_this_one(tmp_path, knowledge):
    """'During the same period, 12 per cent of them were children, compared with 8 per cent
    last year': the 12 per cent are of the time said before ('In the first half of 2023');
    the 8 per cent, of last year, are not; nor is 'Last year, in the same period, 364 ...'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In the first half of 2023, Zorvan Aid recorded 3,100 arrivals in Pelmark. During "
            "the same period, 12 per cent of them were children, compared with 8 per cent last "
            "year. Last year, in the same period, 364 engines were seized.",
        )
    )
    assert found["12"].fields.get("period") == {"start": "2023-01", "end": "2023-06"}
    assert "period" not in found["8"].fields
    assert "period" not in found["364"].fields
