"""`kg extract`: rules of the eighteenth round on the time a number takes from the time frame
its release has just set (data/devset/README.md, `period`: "the results of an operation dated
earlier take the operation's time"), one test per rule, on sentences composed for it (the names
of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations
from kg.extraction.draft_yaml import period_in_its_sentence


def test_a_sentence_going_on_from_a_dated_one_takes_its_time(tmp_path, knowledge):
    """'Overall, 45 per cent ...', 'Of the 612 people rescued ...', 'In addition, 310 ...': a
    sentence that goes on from the dated count said last before it is of that count's time,
    and the draft flags the period as not said in its sentence. Not when the count said last
    before it is undated ('The bureau currently has 45 inspectors. Of these, 12 ...'), nor a
    figure of its own time or a standing one ('In addition, an estimated 5,000 ... every
    year')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Drelvan Institute published its report based on figures for 2020. The report "
            "shows that the profile of victims has changed.\n\n"
            "About 40,000 victims were detected by 120 countries in 2020. Most victims were "
            "women. Overall, 45 per cent of detected victims were exploited on farms.\n\n"
            "Pelmark authorities have rescued more than 600 people from trafficking networks "
            "since the start of 2021, the report stated. Most of them had been forced into farm "
            "work. Of the 612 people rescued in raids, a few were children.\n\n"
            "In 2019, inspectors of the Ostrava Bureau visited 210 factories. The bureau "
            "currently has 48 inspectors. Of these, 12 are women.\n\n"
            "In 2018, the Kesra Council counted 770 arrivals in Velna. In addition, an estimated "
            "5,000 people cross the border every year.",
        )
    )
    assert found["45"].fields.get("period") == "2020"
    assert not period_in_its_sentence(found["45"])
    # ("since the start of 2021": its January, as "since the beginning of the year" is)
    assert found["612"].fields.get("period") == {"start": "2021-01"}
    assert "period" not in found["12"].fields
    assert "period" not in found["5000"].fields


def test_a_sentence_opening_with_the_period_said_before_takes_it(tmp_path, knowledge):
    """'During the same period, ...', 'Durante el mismo período, ...': the sentence names the
    time the release dated some paragraphs before, whatever was counted in between (the 140
    sent back, undated); not 'In the same period last year' (a time of its own)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In its monthly report, the Drelvan Office recorded 5,200 migrants entering Pelmark "
            "during March 2022. Most of them came by sea.\n\n"
            "The report also noted that 140 migrants were sent back to Velna without any "
            "support.\n\n"
            "During the same period, the office recorded the return of 1,300 migrants from "
            "Pelmark. In the same period last year, 1,900 returnees were registered.\n\n"
            "Entre enero y mayo de 2023, la policía de Varnia rescató a 300 víctimas en la región "
            "de Tolva. La mayoría eran extranjeras.\n\n"
            "Durante el mismo período, la fiscalía abrió 45 investigaciones.",
        )
    )
    assert found["1300"].fields.get("period") == "2022-03"
    assert "period" not in found["1900"].fields
    assert found["45"].fields.get("period") == {"start": "2023-01", "end": "2023-05"}


def test_no_time_frame_for_a_change_a_standing_fact_a_plan_or_the_world(tmp_path, knowledge):
    """Review: a sentence after a dated one keeps no period when it compares two times ('fell
    by 12 per cent from the year before'), adds a standing fact ('In addition, the institute
    has 35 offices'), tells a plan ('During this period, the council plans to open 3 new
    centres') or counts the world ('45 per cent of the victims in the world')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Drelvan Institute's report counted 40,000 victims detected by 120 countries in "
            "2020.\n\nMost victims were women. Overall, the number of victims fell by 12 per "
            "cent from the year before. In addition, the institute has 35 offices in the "
            "region.\n\nThe Kesra Council registered 2,400 returnees between January and June "
            "2023.\n\nMost came back by air.\n\nDuring this period, the council plans to open 3 "
            "new centres.\n\nThe Velna Office counted 8,000 arrivals in 2019.\n\nMost were "
            "young. Overall, 45 per cent of the victims in the world were exploited on farms.",
        )
    )
    for value in ("12", "35", "3", "45"):
        assert "period" not in found[value].fields, value


def test_a_bare_time_word_is_no_period_said_before(tmp_path, knowledge):
    """Review: 'During the week, about 300 people visit the centre' names no period said
    before (not 'During the same week'), and keeps none; 'Au cours de la même période' does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Kesra Council registered 2,400 returnees between January and June 2023.\n\n"
            "Most came back by air.\n\nDuring the week, about 300 people visit the centre.\n\n"
            "La gendarmerie de Morvelle a interpellé 150 passeurs entre mars et mai 2021.\n\n"
            "La plupart venaient du sud.\n\n"
            "Au cours de la même période, 40 victimes ont été prises en charge.",
        )
    )
    assert "period" not in found["300"].fields
    assert found["40"].fields.get("period") == {"start": "2021-03", "end": "2021-05"}


def test_the_count_before_as_the_subject_takes_its_time(tmp_path, knowledge):
    """'This group comprised 87% men ...', 'Este grupo estaba compuesto por un 87% ...': the
    shares are parts of the count said last, of its time, also when that count took it from
    'During the same period'; not 'This group of experts includes 12 judges' (another
    group), nor 'This number is expected to rise to 3,000' (a forecast)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The agency recorded 6,300 arrivals in Velna in October 2024.\n\nMost were young "
            "men.\n\nDuring the same period, it recorded the return of 1,910 migrants. This "
            "group comprised 87% men and 13% women.\n\nThe office counted 2,400 returnees in "
            "March 2023. This group of experts includes 12 judges.\n\nThe office counted 1,700 "
            "arrivals in May 2022. This number is expected to rise to 3,000.\n\nLa oficina "
            "registró 900 retornos en junio de 2021. Este grupo estaba compuesto por un 64% de "
            "hombres.",
        )
    )
    assert found["1910"].fields.get("period") == "2024-10"
    assert found["87"].fields.get("period") == "2024-10"
    assert found["64"].fields.get("period") == "2021-06"
    assert "period" not in found["12"].fields
    assert "period" not in found["3000"].fields


def test_no_time_frame_for_a_standing_total_a_part_still_so_or_another_count(tmp_path, knowledge):
    """Review: after 2,400 arrivals of March 2023, 'Overall, Pelmark hosts 2 million refugees'
    is a standing total (only a share goes on from 'Overall'), 'Of these, 40 are still
    missing' a time of its own, and 'Among its 80 staff, 30 are women' another count than
    the arrivals; none takes March 2023."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The office counted 2,400 arrivals in Pelmark in March 2023.\n\nMost came by sea. "
            "Overall, Pelmark hosts 2 million refugees.\n\nThe office counted 1,500 arrivals in "
            "Pelmark in May 2022.\n\nMost came by sea. Of these, 40 are still missing.\n\nThe "
            "office counted 1,200 arrivals in Pelmark in June 2021.\n\nMost came by sea. Among "
            "its 80 staff, 30 are women.",
        )
    )
    for value in ("2000000", "40", "80", "30"):
        assert "period" not in found[value].fields, value


def test_a_number_said_not_to_be_of_the_count_takes_no_time_from_it(tmp_path, knowledge):
    """Review: 'This number does not include 300 people who arrived by air' (the 300 are no
    part of the count of March 2023); 'Of these: 400 women, 300 children' are."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The office counted 2,400 arrivals in Pelmark in March 2023.\n\nMost came by sea. "
            "This number does not include 300 people who arrived by air.\n\nThe office counted "
            "1,500 arrivals in Pelmark in May 2022.\n\nMost came by sea. Of these: 400 women and "
            "1,100 men.",
        )
    )
    assert "period" not in found["300"].fields
    assert found["400"].fields.get("period") == "2022-05"
