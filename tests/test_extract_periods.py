"""`kg extract`: which time a number is of, when its sentence says more than one, on sentences
composed for each rule (none comes from a real release; the names are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_part_of_a_sentence_that_says_now_takes_no_other_parts_date(tmp_path, knowledge):
    """ "From 2015 to 2017, the hotline received 47,000 calls, and presently, 2,300 cases are
    open": the 2,300 are now, not of 2015 to 2017; the 47,000 keep their years."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "From 2015 to 2017, the Zembia hotline received around 47,000 calls, and presently, "
        "2,300 trafficking cases are open in the courts.",
    )
    found = observations(draft)
    assert found["47000"].fields["period"] == {"start": "2015", "end": "2017"}
    assert "period" not in found["2300"].fields


def test_a_start_in_force_is_no_period_of_a_count_of_states(tmp_path, knowledge):
    """ "Entering into force on 1 June 2011, today the Charter binds all 38 member states":
    the day the Charter came into force is not the time of the 38."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Adopted on 9 April 2008 and entering into force on 1 June 2011, today the Tamba "
        "Charter binds all 38 member states of the Zembia Council.",
    )
    assert "period" not in observations(draft)["38"].fields


def test_a_time_after_an_aside_in_brackets_is_the_numbers_own(tmp_path, knowledge):
    """ "from 2.1 billion pesos ($95 million) in 2019 to 2.4 billion pesos ($110 million) in
    2020": each sum is of the year after its bracket, the second not of 2019."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The budget of the Zembia Police rose from 2.1 billion pesos ($95 million) in 2019 to "
        "2.4 billion pesos ($110 million) in 2020.",
    )
    found = observations(draft)
    assert found["2400000000"].fields["period"] == "2020"
    assert found["2100000000"].fields["period"] == "2019"


def test_since_a_start_named_apart_from_since_is_open_ended(tmp_path, knowledge):
    """ "has received more than 9,000 calls since it became operational in 2011" and
    "Established in 2012, the network ... has already helped over 410 victims": both
    numbers run from that year, with no end (not the year alone)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Tamba hotline, which has received more than 9,000 calls since it became "
        "operational in 2011, will be handed over to the Ministry of Interior of Zembia. "
        "Established in 2012, the Tamba Shelter Network, which is funded by donors, has "
        "already helped over 410 victims of trafficking.",
    )
    found = observations(draft)
    assert found["9000"].fields["period"] == {"start": "2011"}
    assert found["410"].fields["period"] == {"start": "2012"}


def test_a_number_of_times_and_a_share_take_no_time_they_do_not_say(tmp_path, knowledge):
    """ "512 investigations in 2021, more than double the 240 of 2020": the 2021 and 2020
    counts are dated, the ratio between them is of neither year; "62% of the victims
    assisted" said in a later sentence with no time is a part of the count it is a share of,
    and of its time (data/devset/README.md, `period`: the parts of a whole take the whole's
    period; round 17: this asserted the opposite before the convention was made precise)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zembia Police opened 512 trafficking investigations in 2021, more than double "
        "the 240 similar investigations in 2020. Between 2018 and 2021, the Tamba Shelter "
        "Network assisted 1,300 victims of trafficking. Moreover, 62% of the victims "
        "assisted are women, according to the network.",
    )
    found = observations(draft)
    assert found["512"].fields["period"] == "2021"
    assert found["240"].fields["period"] == "2020"
    assert found["2"].fields["unit"] == "times"
    assert "period" not in found["2"].fields
    assert found["1300"].fields["period"] == {"start": "2018", "end": "2021"}
    assert found["62"].fields["period"] == {"start": "2018", "end": "2021"}


def test_a_publications_date_is_not_its_numbers_and_a_start_named_by_a_noun(tmp_path, knowledge):
    """ "In a report published in March 2019, X found that 72 per cent ..." and "The
    report, released on 30 July 2021, shows that 62 per cent ...": the day of a publication
    is not the time of its numbers. "Since its creation in 2005, the hotline has received
    12,000 calls" and "launched the campaign in 2019 and has since reached 40,000 people":
    from that year, with no end."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In a report published in March 2019, UNICEF found that 72 per cent of detected "
        "victims in Zembia are women. The Tamba report, released on 30 July 2021, shows that "
        "64 per cent of victims were girls. Since its creation in 2005, the Tamba hotline has "
        "received 12,000 calls. IOM launched the Blue Door campaign in 2019 and has since "
        "reached 40,000 people.",
    )
    found = observations(draft)
    assert "period" not in found["72"].fields
    assert "period" not in found["64"].fields
    assert found["12000"].fields["period"] == {"start": "2005"}
    assert found["40000"].fields["period"] == {"start": "2019"}


def test_this_year_and_last_month_are_of_the_day_the_release_states(tmp_path, knowledge):
    """A release dated by a line of its own ("Wednesday, 10 Sept. 2008", read as `kg add`
    reads a page's dateline, after a page's menu lines): "so far this year" is January 2008 to
    that day, "at the same time last year" the same months of 2007, "last month" August 2008;
    with no date stated, none of them is dated."""
    body = (
        "Search form\n\nCountry profile\n\nWednesday, 10 Sept. 2008\n\n"
        "So far this year, at least 2,585 people have arrived in Zembia, against 915 at the "
        "same time last year. Some 59 boats reached the Tamba coast last month."
    )
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["2585"].fields["period"] == {"start": "2008-01", "end": "2008-09-10"}
    assert found["915"].fields["period"] == {"start": "2007-01", "end": "2007-09-10"}
    assert found["59"].fields["period"] == "2008-08"
    undated = body.replace("Wednesday, 10 Sept. 2008\n\n", "")
    found = observations(draft_of(tmp_path, knowledge, undated))
    assert not any("period" in found[v].fields for v in ("2585", "915", "59"))


def test_an_abbreviated_month_and_a_range_of_years_after_in(tmp_path, knowledge):
    """ "Since the task force was set up in Nov. 2012, 174 victims ... have been rescued":
    "Nov." ends no sentence, and the 174 run from November 2012; "registered in 2010-2011"
    is both years, not 2010; "Lt. Col. Jane Doe" is one sentence's words."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Since the Tamba task force was established in Nov. 2012, 174 victims have been "
        "rescued, Lt. Col. Jane Doe said. Only 172 cases were registered in 2010-2011, while "
        "only 164 cases were registered in 2011-2012.",
    )
    found = observations(draft)
    assert found["174"].fields["period"] == {"start": "2012-11"}
    assert found["172"].fields["period"] == {"start": "2010", "end": "2011"}
    assert found["164"].fields["period"] == {"start": "2011", "end": "2012"}


def test_a_day_or_month_without_its_year_is_of_the_release_s_year(tmp_path, knowledge):
    """In a release dated 24 June 2024: "on Oct 10" is 10 October 2023 (a day months after
    the release's is the year before's), "between 11 and 14 May" 2024, "in September" of 2023;
    "in September and October" names two months, not September; "on 14 March 2018" has
    its own year. With no day stated, none of them is dated."""
    body = (
        "Geneva, 24 June 2024 - Raids took place on Oct 10 at more than 30 sites. "
        "Between 11 and 14 May, 40 officials were trained. The agency led 2 operations in "
        "September. Arrivals rose 56 per cent in September and October. On 14 March 2018, "
        "9 people drowned."
    )
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["30"].fields["period"] == "2023-10-10"
    assert found["40"].fields["period"] == {"start": "2024-05-11", "end": "2024-05-14"}
    assert found["2"].fields["period"] == "2023-09"
    assert found["56"].fields.get("period") != "2023-09"
    assert found["9"].fields["period"] == "2018-03-14"
    undated = observations(
        draft_of(tmp_path, knowledge, body.replace("Geneva, 24 June 2024 - ", ""))
    )
    assert not any("period" in undated[v].fields for v in ("30", "40", "2"))
