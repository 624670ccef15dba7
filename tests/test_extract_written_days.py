"""Days said relative to the day of writing ("on Friday", "yesterday") are dated by the day the
release states (kg.extraction.written_days), but not where they date a saying, and not from a
site's banner that the story's own days contradict (event_times.release_day)."""

from __future__ import annotations

from composed import draft_of, observations


def test_the_day_of_a_press_conference_or_a_news_release_is_no_number_s_time(tmp_path, knowledge):
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - The Pelmark police chief at a press conference on Saturday "
        "said 281 children were rescued from farms. Officials announced on Friday that 45 "
        "victims had been freed in raids, said Ana Ruiz yesterday in a news release.",
    ))  # fmt: skip
    assert "period" not in found["281"].fields
    assert "period" not in found["45"].fields


def test_a_day_s_possessive_dates_its_noun_not_a_count_of_another_time(tmp_path, knowledge):
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - Yesterday's shipwreck follows several others over the past "
        "fortnight in which 121 people are believed to have died.",
    ))  # fmt: skip
    assert "period" not in found["121"].fields


def test_cases_reported_in_a_year_are_of_that_year(tmp_path, knowledge):
    """ "reported in 2017" times the cases: a verb of reporting before a time is not always
    the day something was said."""
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - Nine human trafficking cases were reported in 2017.",
    ))  # fmt: skip
    assert found["9"].fields["period"] == "2017"


def test_a_banner_s_date_that_the_story_s_days_contradict_dates_no_weekday(tmp_path, knowledge):
    """A site's banner ("Saturday, September 26, 2020") over a story of "Thursday (Feb 13)":
    the banner is no day the story was written, so "on Tuesday" is not worked out from it;
    a story whose days agree with its date line is."""
    story = (
        "Pelmark police said Thursday (Feb 13) that nine suspects were arrested.\n\n"
        "Some 73 people were rescued after the boat sank off the coast on Tuesday."
    )
    banner = observations(
        draft_of(tmp_path, knowledge, story, title="Saturday, September 26, 2020\n\nBoat sinks")
    )
    assert "period" not in banner["73"].fields
    agreeing = observations(
        draft_of(tmp_path, knowledge, story, title="Saturday, February 15, 2020\n\nBoat sinks")
    )
    assert agreeing["73"].fields["period"] == "2020-02-11"


def test_a_day_said_after_a_number_dates_the_event_not_the_saying(tmp_path, knowledge):
    """ "The ministry said 300 people died on Friday": the words between the saying and the
    day hold a number, so the day is of the deaths."""
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - The ministry said 300 people died on Friday in Pelmark.",
    ))  # fmt: skip
    assert found["300"].fields["period"] == "2021-03-26"


def test_a_day_to_come_every_such_day_or_one_of_last_week_is_not_worked_out(tmp_path, knowledge):
    for said in (
        "Every Monday, 30 people visit the Pelmark centre.",
        "El próximo lunes, 30 personas llegarán a Pelmark.",
        "On Friday last week, 30 people were rescued off Pelmark.",
    ):
        found = observations(draft_of(tmp_path, knowledge, f"BERLIN, 29 March 2021 - {said}"))
        assert "period" not in found["30"].fields, said


def test_the_day_before_yesterday_is_two_days_back(tmp_path, knowledge):
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - The day before yesterday, police freed 14 victims in Pelmark.",
    ))  # fmt: skip
    assert found["14"].fields["period"] == "2021-03-27"


def test_so_far_this_year_in_other_languages_and_this_year_to_date(tmp_path, knowledge):
    for said in (
        "En lo que va del año, 300 migrantes cruzaron la frontera de Pelmark.",
        "Depuis le début de l'année, 300 migrants ont traversé la frontière de Pelmark.",
        "This year to date, 300 migrants crossed the Pelmark border.",
    ):
        found = observations(draft_of(tmp_path, knowledge, f"BERLIN, 29 March 2021 - {said}"))
        assert found["300"].fields["period"] == {"start": "2021-01", "end": "2021-03-29"}, said


def test_a_weekday_with_a_word_that_is_no_month_leaves_the_day_of_writing(tmp_path, knowledge):
    """ "Friday 12 Marines": no "12 March" that would make the date line a banner."""
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - On Friday 12 Marines joined the search. Yesterday, police "
        "freed 14 victims in Pelmark.",
    ))  # fmt: skip
    assert found["14"].fields["period"] == "2021-03-28"


def test_a_story_recalling_a_day_of_the_weeks_before_keeps_its_day_of_writing(tmp_path, knowledge):
    """ "On Tuesday, March 3" under "20 March 2020": a day the story recalls, no banner;
    "On Sunday, Marine police": no month after the weekday."""
    found = observations(draft_of(
        tmp_path, knowledge,
        "WASHINGTON, 20 March 2020 - On Tuesday, March 3, agents rescued 40 victims from a "
        "farm in Pelmark. Last year, 300 victims were rescued. On Sunday, Marine police "
        "rescued 12 migrants off Pelmark.",
    ))  # fmt: skip
    assert found["40"].fields["period"] == "2020-03-03"
    assert found["300"].fields["period"] == "2019"
    assert found["12"].fields["period"] == "2020-03-15"


def test_a_date_between_a_page_s_list_marks_is_the_day_of_writing(tmp_path, knowledge):
    """ "• 2018-03-03 • LETA/TBT Staff" under the title: the page's date, between its list
    marks, dates "Last year"."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "RIGA – Last year 20 victims of trafficking were identified in Pelmark.",
            title="Victims identified in Pelmark\n\n• 2018-03-03 • Staff",
        )
    )
    assert found["20"].fields["period"] == "2017"


def test_this_and_last_year_and_month_in_the_other_languages(tmp_path, knowledge):
    for said, value, period in (
        ("El año pasado, la policía de Pelmark rescató a 300 víctimas.", "300", "2020"),
        ("Cette année, la police de Pelmark a secouru 40 victimes.", "40", "2021"),
        ("Le mois dernier, la police de Pelmark a arrêté 12 passeurs.", "12", "2021-02"),
    ):
        found = observations(draft_of(tmp_path, knowledge, f"BERLIN, 29 March 2021 - {said}"))
        assert found[value].fields["period"] == period, said


def test_a_page_dated_to_its_month_dates_this_year(tmp_path, knowledge):
    """ "date 2018-07" above the story: "este ano" is 2018 (no day, so no weekday is)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "date 2018-07 O serviço de Pelmark sinalizou este ano 29 potenciais vítimas.",
        )
    )
    assert found["29"].fields["period"] == "2018"


def test_a_french_weekday_opening_its_sentence_and_short_portuguese_weekdays(tmp_path, knowledge):
    """ "Lundi, la police ...", "na sexta (26), ...": the day of writing's week; not "na
    segunda fase" (the second phase)."""
    for said, value, period in (
        ("Lundi, la police de Pelmark a arrêté 30 passeurs.", "30", "2021-03-29"),
        ("A polícia de Pelmark resgatou na sexta (26), 40 vítimas.", "40", "2021-03-26"),
    ):
        found = observations(draft_of(tmp_path, knowledge, f"BERLIN, 29 March 2021 - {said}"))
        assert found[value].fields["period"] == period, said
    found = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - Na segunda fase, a polícia de Pelmark resgatou 50 vítimas.",
    ))  # fmt: skip
    assert "period" not in found["50"].fields
