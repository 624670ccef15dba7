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
