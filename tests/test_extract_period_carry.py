"""A period carried (kg.extraction.period_carry) to a number whose sentence says no time, from
the dated number said before it; never to a standing figure, and always with its reasoning."""

from __future__ import annotations

from composed import draft_of, observations


def test_the_toll_of_a_dated_wreck_takes_its_day_with_the_words_that_date_it(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "On 12 May 2019, a boat capsized off the coast of Pelmark and 40 people died.\n\n"
        "The dead included 12 women and three children.",
    )
    found = observations(draft)
    assert found["12"].fields["period"] == found["3"].fields["period"] == "2019-05-12"
    assert '"On 12 May 2019, a boat capsized' in found["12"].fields["period_reasoning"]
    assert (
        "taken to be of the time of the count said before it"
        in (found["12"].fields["period_reasoning"])
    )


def test_a_share_of_a_dated_count_takes_its_span(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Between January and June 2021, the Pelmark police rescued 240 victims of "
            "trafficking in raids.\n\nPolice said 83% were women.",
        )
    )
    assert found["83"].fields["period"] == {"start": "2021-01", "end": "2021-06"}


def test_a_standing_world_figure_after_a_dated_count_takes_no_time(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2020, IOM assisted 5,000 migrants in Pelmark.\n\nAn estimated 40 million "
            "people are in modern slavery worldwide.",
        )
    )
    assert found["5000"].fields["period"] == "2020"
    assert "period" not in found["40000000"].fields


WRECK = "On 12 May 2019, a boat capsized off the coast of Pelmark and 40 people died.\n\n"


def test_standing_figures_funding_later_events_and_counts_so_far_take_no_carried_time(
    tmp_path, knowledge
):
    """A review's cases: what a single-event release says besides the event is of no time
    the text gives it, in the four languages."""
    for said, value in (
        ("The unit employs 45 officers and runs three shelters.", "45"),
        ("Pelmark acoge a 3.000 refugiados venezolanos.", "3000"),
        ("Two days later, rescuers recovered 15 more bodies.", "15"),
        ("A similar shipwreck off Velna killed 60 people.", "60"),
        ("La unidad ya ha rescatado a 1.200 víctimas a lo largo de los años.", "1200"),
        ("The European Union contributed US$ 3 million to the rescue centre.", "3000000"),
    ):
        found = observations(draft_of(tmp_path, knowledge, WRECK + said))
        assert found["40"].fields["period"] == "2019-05-12", said
        assert "period" not in found[value].fields, said


def test_a_compared_figure_s_time_is_not_carried(tmp_path, knowledge):
    """ "... 240 victims between January and June 2021, compared with 150 in the same period
    of 2020. 83% were women": never the compared period."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Between January and June 2021, police rescued 240 victims of trafficking in raids "
            "across Pelmark, compared with 150 in the same period of 2020.\n\n"
            "Police said 83% were women.",
        )
    )
    assert found["83"].fields.get("period") != {"start": "2020-01", "end": "2020-06"}


def test_a_carried_period_s_reasoning_quotes_the_count_it_was_carried_from(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Pelmark passed its law against trafficking in 2019.\n\n" + WRECK
            + "The dead included 12 women.",
        )
    )  # fmt: skip
    reasoning = found["12"].fields["period_reasoning"]
    assert "a boat capsized" in reasoning and "passed its law" not in reasoning


def test_a_change_takes_no_time_of_another_clause(tmp_path, knowledge):
    """ "In 2019, the office opened a shelter, and arrivals are now 20% higher than in 2018":
    2019 dates the opening, 2018 the comparison; the change has neither."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, the office opened a shelter in Pelmark, and arrivals are now 20% higher "
            "than in 2018.",
        )
    )
    assert "period" not in found["20"].fields


def test_more_than_before_a_dated_count_is_no_comparison_and_nothing_older_is_carried(
    tmp_path, knowledge
):
    """ "more than 40 people died" is a qualifier, not a comparison: its day is carried; a
    count said after a real comparison carries nothing, nor an older time past it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2018, the Pelmark shelter received 20 victims.\n\nOn 12 May 2019, a boat "
            "capsized off the coast of Pelmark and more than 40 people died.\n\n"
            "The dead included 12 women.",
        )
    )
    assert found["12"].fields["period"] == "2019-05-12"


def test_a_compared_figure_that_is_the_only_dated_one_carries_nothing(tmp_path, knowledge):
    """ "240 victims ..., up from 150 in 2020. 83% were women": the only dated count is the one
    compared with, whose time is not the 83%'s."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police rescued 240 victims of trafficking in raids across Pelmark, up from 150 in "
            "2020.\n\nPolice said 83% were women.",
        )
    )
    assert found["150"].fields["period"] == "2020"
    assert "period" not in found["83"].fields


def test_a_clause_of_its_own_a_share_of_another_whole_and_a_french_future_carry_nothing(
    tmp_path, knowledge
):
    """After a dated wreck: '..., and the office hired 12 counsellors' (a clause of its own),
    'The majority of the participants in the training, 60 per cent, ...' (a share of another
    whole), 'Le centre accueillera 30 survivants' (a plan, in the French future)."""
    for said, value in (
        ("Survivors were taken to the port, and the office hired 12 counsellors.", "12"),
        ("The majority of the participants in the training, 60 per cent, were women.", "60"),
    ):
        found = observations(draft_of(tmp_path, knowledge, WRECK + said))
        assert found["40"].fields["period"] == "2019-05-12", said
        assert "period" not in found[value].fields, said
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Le 12 mai 2019, un bateau a chaviré au large de Pelmark et 40 personnes sont "
            "mortes.\n\nLe centre accueillera 30 survivants.",
            title="Naufrage au large de Pelmark",
        )
    )
    assert found["40"].fields["period"] == "2019-05-12"
    assert "period" not in found["30"].fields


def test_a_dated_count_three_paragraphs_back_is_not_carried_from(tmp_path, knowledge):
    """The count carried from is in the number's paragraph or the two before, no further."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            WRECK + "Rescuers searched the coast.\n\nThe navy sent ships.\n\n"
            "The dead included 12 women.",
        )
    )
    assert "period" not in found["12"].fields
