"""`kg extract` on the number rules a review found too loose or too eager: one test per
finding, each on sentences composed for it (none comes from a real release, and the names
are made up)."""

from __future__ import annotations

from composed import draft_of, observations

# -- digits in groups: spaced thousands, telephone numbers, a year before a number ----------


def test_a_number_right_after_a_year_is_a_number_and_the_year_a_year(tmp_path, knowledge):
    """ "In June 2019 1,245 migrants": no comma after the year, yet 1,245 is a number of its
    own (not a telephone's digit group) and 2019 its date."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In June 2019 1,245 migrants were returned to Zembia. In 2018 450 victims were "
        "assisted by the Tamba Shelter Network.",
    )
    found = observations(draft)
    assert found["1245"].fields["unit"] == "person"
    assert found["1245"].fields["period"] == "2019-06"
    assert found["450"].fields["unit"] == "person"
    assert found["450"].fields["period"] == "2018"
    assert "2019" not in found and "2018" not in found


def test_spaced_thousands_at_a_clause_end_and_a_hotline_number(tmp_path, knowledge):
    """ "116 000 calls" and "125 000." (at the end of a sentence) are numbers in spaced
    thousands; "the hotline, 116 000," and "0 800 77777" are telephone numbers: neither 116,
    000, 116000 nor 800 is a statistic."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Callers can dial the hotline, 116 000, for help. The hotline, 0 800 77777, "
        "received 98 000 calls in 2020 and took 125 000.",
    )
    found = observations(draft)
    assert found["98000"].fields["unit"] == "call"
    assert found["125000"].fields["unit"] == "call"
    assert not {"116", "116000", "0", "800", "77777", "98", "125"} & set(found)
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zembia hotline received 116 000 calls in 2021. On the call, 25 officials agreed.",
    )
    assert observations(draft)["116000"].fields["unit"] == "call"
    assert observations(draft)["25"].fields["unit"] == "person"  # no telephone's digits


# -- the headline: read on its own, and a number the body states is one of the same kind ----


def test_a_headline_number_the_body_states_as_another_kind_is_drafted(tmp_path, knowledge):
    """The headline's "45 Migrants" is not the body's "45 per cent": the headline's number
    is drafted (a count of persons); "Zembia Rescues 45 Migrants" with "45 migrants" in the
    body is one number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Tamba Shelter Network said 45 per cent of the victims it assisted in 2021 were women.",
        title="Zembia Rescues 45 Migrants",
    )
    items = [i for i in draft.observations if i.fields.get("value") == "45"]
    assert sorted(i.fields["unit"] for i in items) == ["percent", "person"]
    draft = draft_of(
        tmp_path,
        knowledge,
        "The coast guard of Zembia rescued 45 migrants off Tamba in 2021.",
        title="Zembia Rescues 45 Migrants",
    )
    assert [i.fields.get("value") for i in draft.observations].count("45") == 1


def test_the_headline_inherits_no_year_or_whole_from_the_end_of_the_body(tmp_path, knowledge):
    """ "300 Migrants Rescued Since March": the headline comes before the body, so its March
    is not of the last year the body names (2023); "Half of Them Children" before it: no
    share of the body's last count (the 200 victims)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2016 the Tamba Shelter Network opened its first shelter. In 2023 it hosted 200 "
        "victims.",
        title="Half of Them Children: 300 Migrants Rescued Since March",
    )
    found = observations(draft)
    assert found["200"].fields["period"] == "2023"
    assert found["300"].fields["unit"] == "person"
    assert "period" not in found["300"].fields
    assert found["50"].fields.get("share_of") != found["200"].id


# -- what a number without its noun counts ---------------------------------------------------


def test_a_verb_that_things_undergo_too_makes_no_count_of_people(tmp_path, knowledge):
    """ "12 were identified as urgent" (files), "3 were released" (findings): no people; "418
    were rescued", "11,000 have received medical assistance", "40 were identified as victims"
    and "9 were charged with smuggling" are."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Investigators opened new files in Zembia this spring, and 12 were identified as "
        "urgent. The ministry published its findings; 3 were released in May 2021. In Tamba, "
        "418 were rescued, and 11,000 have received medical assistance. At the border, 40 "
        "were identified as victims and 9 were charged with smuggling.",
    )
    found = observations(draft)
    assert found["12"].fields["unit"] != "person"
    assert found["3"].fields["unit"] != "person"
    for value in ("418", "11000", "40", "9"):
        assert found[value].fields["unit"] == "person", value


def test_the_noun_before_a_final_number_is_a_plural_noun_in_lower_case(tmp_path, knowledge):
    """ "Residents of Pine Hills said the camp, which hosts 2,500, is full": not hills (a
    name) nor the camp (one, the subject), but the residents the sentence opens with."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Residents of Pine Hills said the camp, which hosts 2,500, is full. Farmers near "
        "Green Meadows say the shelter, which now hosts 600, needs more beds.",
    )
    found = observations(draft)
    assert found["2500"].fields["unit"] == "person"
    assert found["600"].fields["unit"] == "person"


def test_government_bodies_are_no_people_and_a_list_of_people_after_adjectives(tmp_path, knowledge):
    """ "14 government bodies": organs, not persons ("9 bodies" recovered are); "12 elderly,
    frail monks and volunteers": people, the noun after "and" read after the adjectives."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The survey covered 14 government bodies in Zembia. The coast guard recovered 9 bodies "
        "off Tamba. The convent hosted 12 elderly, frail monks and volunteers.",
    )
    found = observations(draft)
    assert found["14"].fields["unit"] != "person"
    assert found["9"].fields["unit"] == "person"
    assert found["12"].fields["unit"] == "person"


# -- a value then and a value now, numbers of times -------------------------------------------


def test_a_range_after_a_word_that_only_begins_like_a_verb_of_change(tmp_path, knowledge):
    """ "The government shelters house from 20 to 30 women", "The update lists from 40 to 60
    cases", "the movement counts from 5 to 8 cells", "cutting edge labs test from 100 to 150
    samples": ranges; "go", "up", "mov" and "cut" begin these words, no verb of change."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Zembia's government shelters house from 20 to 30 women. The update lists from "
        "40 to 60 cases. The movement counts from 5 to 8 cells. Its cutting edge labs test "
        "from 100 to 150 samples.",
    )
    found = observations(draft)
    for low, high in (("20", "30"), ("40", "60"), ("5", "8"), ("100", "150")):
        assert (low, high) in found, (low, high)
        assert low not in found and high not in found
    assert found[("20", "30")].fields["unit"] == "person"


def test_the_value_a_change_started_from_counts_what_the_value_it_reached_counts(
    tmp_path, knowledge
):
    """ "went from 120 to 340 beds": two values of beds, then and now, each with its
    period's end."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Between 2018 and 2020, the Tamba clinic went from 120 to 340 beds.",
    )
    found = observations(draft)
    assert found["120"].fields["unit"] == found["340"].fields["unit"] == "bed"
    assert found["120"].fields["period"] == "2018"
    assert found["340"].fields["period"] == "2020"


def test_double_said_of_no_quantity_is_no_number_of_times(tmp_path, knowledge):
    """ "double discrimination", "pledged to double its efforts", "a double burden": no
    number; "aims to double the number of shelters", "arrests rose 3-fold", "a 4-fold
    increase" and "a three-fold rise" are numbers of times."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Migrant women in Zembia face double discrimination. The ministry pledged to double "
        "its efforts. Mothers carry a double burden.",
    )
    assert not [i for i in draft.observations if i.fields.get("unit") == "times"]
    draft = draft_of(
        tmp_path,
        knowledge,
        "The ministry aims to double the number of shelters by 2030. Arrests in Tamba rose "
        "3-fold in 2019. Prosecutions saw a 4-fold increase. Convictions saw a three-fold "
        "rise.",
    )
    found = [(i.fields.get("value"), i.fields.get("unit")) for i in draft.observations]
    for value in ("2", "3", "4"):
        assert (value, "times") in found, value


# -- ages, and the time of an event --------------------------------------------------------


def test_a_share_after_the_word_age_is_no_age(tmp_path, knowledge):
    """ "the working age population was 72 per cent": a share, not an age; "the average age
    of arrival is now 15", "aged 12", "under the age of 16" and "Lemo, 22," stay ages; a
    count after a place and a comma ("Tamba, 1,200, and Kora, 800") is no age."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In Zembia the working age population was 72 per cent of the total in 2020. Some "
        "300 children aged 12 were enrolled. The average age of arrival is now 15. The "
        "shelter hosted 40 victims under the age of 16. Lemo, 22, was a fisherman. Arrivals "
        "by district were: Tamba, 1,200, and Kora, 800.",
    )
    found = observations(draft)
    assert found["72"].fields["unit"] == "percent"
    assert found["300"].fields["unit"] == found["40"].fields["unit"] == "person"
    assert not {"12", "15", "16", "22"} & set(found)
    assert "1200" in found


def test_during_the_event_takes_only_the_dates_of_the_event(tmp_path, knowledge):
    """ "During the two days" after a sentence that names the workshop's year only: no
    period (the year is not the two days); after "on 4 and 5 May 2019": those days."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Tamba Shelter Network ran a workshop in Kora in 2019. During the two days, 27 "
        "officials were trained.",
    )
    assert "period" not in observations(draft)["27"].fields
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Tamba Shelter Network ran a workshop in Kora on 4 and 5 May 2019. During the two "
        "days, 27 officials were trained.",
    )
    period = observations(draft)["27"].fields["period"]
    assert period == {"start": "2019-05-04", "end": "2019-05-05"}


def test_the_same_number_of_another_group_of_people_is_another_number(tmp_path, knowledge):
    """ "40 women ... The 40 children", "9 traffickers ... The 9 victims": two groups, two
    numbers; "64 from Ostravia (migrants) ... The 64 returnees", "32 officials ... The 32
    participants": the same people again, one number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM assisted 40 women and 12 men in May. The 40 children were taken to shelters. "
        "Police arrested 9 traffickers and freed 31 victims. The 9 victims were minors. "
        "IOM assisted 86 migrants to return from Lorvania and 64 from Ostravia. The 64 "
        "returnees were evacuated by boat. IOM trained 32 officials in June. The 32 "
        "participants came from six provinces. The 25 volunteers were new.",
    )
    values = [i.fields.get("value") for i in draft.observations]
    assert [values.count(v) for v in ("40", "9", "64", "32", "25")] == [2, 2, 1, 1, 1]


def period(item):
    return item.fields.get("period")


def test_the_people_of_an_event_take_its_days(tmp_path, knowledge):
    """ "a two-day workshop ... from 14 to 15 October 2023" then "The workshop involved
    twenty-six customs and border officials": those days (the 14 is no number); "In the
    course of the two days": no number of days."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "UNODC held a two-day workshop for border staff from 14 to 15 October 2023 "
        "in Kalimbo. With support from the Bright Path Foundation, the workshop involved "
        "twenty-six customs and border officials. In the course of the two days, participants "
        "reviewed cases.\n\nThe session was attended by 41 representatives.",
    )
    found = observations(draft)
    days = {"start": "2023-10-14", "end": "2023-10-15"}
    assert found["26"].fields["unit"] == "person" and period(found["26"]) == days
    assert period(found["41"]) == days
    assert "14" not in found and "2" not in found


def test_today_is_the_day_the_release_is_dated(tmp_path, knowledge):
    """ "22 May 2013 ... authorities today detained 23 people": that day; a sentence that
    opens with a sum ("$7 million will be ...") is a sentence of its own."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Hague, 22 May 2013\n\nPolice today detained 23 people suspected of smuggling. "
        "Starting today, the Government accepts applications. $7 million will be "
        "distributed by the ministry.",
    )
    found = observations(draft)
    assert period(found["23"]) == "2013-05-22"
    assert period(found["7000000"]) is None


def test_a_split_year_and_the_items_of_a_list_its_sentence_opens(tmp_path, knowledge):
    """ "over the 2019/20 financial year": the two years; "In the 12 months of the 2019/20
    financial year, the Agency received:" then a bulleted list: each item takes that time; a
    paragraph after the list does not."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zembian Border Agency received 340 reports over the 2019/20 financial year. In the "
        "12 months of the 2019/20 financial year, the Agency received:\n\n• 85 reports of forced "
        "marriage;\n\n• 61 reports of sexual exploitation; and\n\n• 6 reports of slavery.\n\n"
        "The Agency also runs 16 shelters. Pages 2009-13 and 2009/11 are no years.",
    )
    found = observations(draft)
    split = {"start": "2019", "end": "2020"}
    assert [found[v].fields.get("period") for v in ("340", "85", "61", "6")] == [split] * 4
    assert "period" not in found["16"].fields


def test_people_named_by_what_they_do_count_people(tmp_path, knowledge):
    """ "317 criminals", "22 community advisors", "8 speakers": people."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The police arrested 317 criminals. The project employs 22 community advisors. "
        "The forum heard 8 speakers.",
    )
    found = observations(draft)
    assert [found[v].fields["unit"] for v in ("317", "22", "8")] == ["person"] * 3


def test_money_in_any_currency_iso_4217_names(tmp_path, knowledge):
    """ "2.4 billion baht", "20,000 naira": a currency's name (ISO 4217, pycountry) after the
    number is its unit; "19 million Canadian dollars" the currency its words name; "dollars"
    alone stays the US dollar."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The budget rose from 2.4 billion baht in 2018 to 2.7 billion baht in 2019. The fines "
        "came to 500,000 rupees and 20,000 naira. Canada gave 19 million Canadian dollars and "
        "2 million dollars more.",
    )
    found = observations(draft)
    units = {v: found[v].fields["unit"] for v in found}
    assert units["2400000000"] == units["2700000000"] == "baht"
    assert units["20000"] == "naira" and units["500000"] == "rupee"
    assert units["19000000"] == "canadian-dollar" and units["2000000"] == "us-dollar"


def test_a_share_in_words_as_a_subject_or_as_a_change(tmp_path, knowledge):
    """ "Of these victims, ... half are children": a share; "rose by almost half", "fell by
    a third": a change by a share of what it was, its qualifier kept."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Of these victims, 80 per cent are female and half are children. The number of victims "
        "rose by almost half between 2012 and 2016. Arrivals fell by a third in 2019.",
    )
    found = observations(draft)
    assert found["50"].fields["unit"] == "percent"
    assert found["33.3"].fields["period"] == "2019"
    changes = [i for i in draft.observations if i.fields.get("qualifier") == ["approximately"]]
    assert [i.fields["value"] for i in changes] == ["50"]


def test_the_second_year_of_a_range_is_no_count(tmp_path, knowledge):
    """ "23 percent of all victims detected between 2005 and 2009 were children": 2009 ends
    the range; it counts no children."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "23 percent of all victims detected between 2005 and 2009 were children.",
    )
    found = observations(draft)
    assert "2009" not in found
    assert found["23"].fields["period"] == {"start": "2005", "end": "2009"}


def test_a_currency_by_its_sign_before_the_number(tmp_path, knowledge):
    """ "NZ$4,000" is New Zealand dollars, not US dollars; "RM20,000 to RM25,000" a range
    of ringgit (the letters written against the digits); "Rs 50,000" rupees; "£400 and
    €500" two sums, not a range of euros; "$700" US dollars."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The workers paid NZ$4,000 in fees to the Tamba agency. Each victim paid RM20,000 to "
        "RM25,000 to the Zembia syndicate, and police seized RM600 in cash. One man paid "
        "Rs 50,000 in fines. Another paid £400 and €500 to brokers, and $700 to a driver.",
    )
    found = observations(draft)
    assert found["4000"].fields["unit"] == "new-zealand-dollar"
    assert found[("20000", "25000")].fields["unit"] == "malaysian-ringgit"
    assert found["600"].fields["unit"] == "malaysian-ringgit"
    assert found["50000"].fields["unit"] == "rupee"
    assert found["400"].fields["unit"] == "pound-sterling"
    assert found["500"].fields["unit"] == "euro"
    assert found["700"].fields["unit"] == "us-dollar"
