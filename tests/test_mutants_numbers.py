"""Tests that kill the surviving mutants of the numbers module's sample (`make mutate
MODULES=numbers SAMPLE=...`, benchmarks/mutation.md): what the extraction reads of a number
and the words it counts, each checked against the mutant it was written for."""

from __future__ import annotations

import pytest

from composed import draft_of, observations, sources
from kg.extraction.figures import window
from kg.extraction.units import noun_phrase


@pytest.mark.parametrize(
    ("text", "head", "phrase"),
    [
        # a known noun that only modifies a plural after it: the plural is what is counted
        ("10 country evaluation visits were made", "visits", "country evaluation visits"),
        ("12 family reunification cases", "cases", "family reunification cases"),
        ("20 child victims were found", "victims", "child victims"),
        # a plural modifies no noun after it
        ("12 Samoan workers steady jobs", "workers", "Samoan workers"),
    ],
)
def test_the_noun_a_number_counts(text, head, phrase):
    found, said, end = noun_phrase(text, text.index(" ") + 1)
    assert (found, said) == (head, phrase)
    assert text[end - len(phrase) : end] == phrase


@pytest.fixture(scope="module")
def shares_and_plans(knowledge, tmp_path_factory):
    draft = draft_of(
        tmp_path_factory.mktemp("numbers"),
        knowledge,
        "Of the 200 migrants assisted last year, 45 per cent were women. IOM plans to assist "
        "500 more migrants next year.",
    )
    return observations(draft)


def test_a_share_said_with_a_verb_is_labelled_share_who(shares_and_plans):
    assert shares_and_plans["45"].fields["label"] == "Share who were women"


def test_a_number_of_what_is_planned_is_planned(shares_and_plans):
    assert shares_and_plans["500"].fields["status"] == "planned"
    assert "status" not in shares_and_plans["200"].fields


def test_people_are_victims_of_trafficking_only_where_the_clause_says_so(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The shelter assisted 54 people trafficked for labour in 2021. The office helped 30 "
        "people find work in 2022.",
    )
    found = observations(draft)
    assert found["54"].fields["population"] == "trafficking-victims"
    assert "population" not in found["30"].fields


@pytest.fixture(scope="module")
def shares_places_ages(knowledge, tmp_path_factory):
    draft = draft_of(
        tmp_path_factory.mktemp("numbers"),
        knowledge,
        "Of the 200 migrants assisted last year, 45 per cent were women. IOM assisted 300 "
        "migrants across Mexico in 2021. The girl, 16 years old, was rescued with 12 other "
        "victims.",
    )
    return observations(draft)


def test_a_share_is_of_the_whole_stated_before_it(shares_places_ages):
    whole = shares_places_ages["200"]
    assert shares_places_ages["45"].fields["share_of"] == whole.id == "migrants"


def test_a_place_across_which_a_number_is_counted(shares_places_ages):
    assert shares_places_ages["300"].fields["place"] == "mexico"


def test_an_age_in_years_old_is_no_statistic(shares_places_ages):
    assert sorted(shares_places_ages) == ["12", "200", "300", "45"]


def test_a_long_clause_is_cut_at_its_first_joint_before_the_number():
    text = (
        "In a long report published on Monday the regional director said officials that met "
        "in Zorva counted 120 migrants."
    )
    start = text.index("120")
    c0, c1 = window(text, 0, len(text), start, start + 3)
    # eight words before the number ("director said officials that ..."), then on to the
    # first "with", "that", ... among them
    assert text[c0:c1] == "that met in Zorva counted 120 migrants."


def test_a_share_is_of_the_whole_its_sentence_opens_with(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM assisted 500 people in 2020. Of the 200 migrants assisted last year, 45 per cent "
        "were women.",
    )
    found = observations(draft)
    assert (found["500"].id, found["200"].id) == ("people", "migrants")
    assert found["45"].fields["share_of"] == "migrants"


def test_a_hundredfold_is_a_hundred_times(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Arrivals of migrants in Zorva rose a hundredfold in 2022, to 5,000 people.",
    )
    found = observations(draft)
    assert sorted(found) == ["100", "5000"]
    assert found["100"].fields["unit"] == "times"


def test_the_body_a_number_is_from_is_the_one_named_by_that_word(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zorvan Ministry of Interior and the Red Cross met in Zorva on Monday. About 300 "
        "migrants arrived in 2022, based on preliminary figures from the ministry.",
    )
    assert sources(observations(draft)["300"]) == ["new:organization:zorvan ministry of interior"]


def test_an_article_s_page_s_or_a_plus_signed_number_is_no_count(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Under article 12 of the law, IOM assisted 40 migrants in 2022. A further +35 families "
        "were helped, said the report on page 7.",
    )
    assert sorted(observations(draft)) == ["40"]


def test_a_quantity_that_doubled_is_twice_what_it_was(knowledge, tmp_path):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Arrivals of migrants in Zorva doubled in 2022, to 5,000 people. The shelter doubled as "
        "a clinic for 40 migrants in 2022.",
    )
    found = observations(draft)
    assert sorted(found) == ["2", "40", "5000"]
    assert found["2"].fields["unit"] == "times"


def test_a_dozen_is_a_count_of_twelve(knowledge, tmp_path):
    draft = draft_of(tmp_path, knowledge, "A dozen NGOs joined the campaign in Zorva in 2022.")
    found = observations(draft)
    assert sorted(found) == ["12"]
    assert found["12"].fields["label"] == "NGOs joined the campaign in Zorva in 2022"


@pytest.mark.parametrize(
    ("text", "said", "currency"),
    [
        # a name that opens the text with three capitals, one of them a currency's code (SOS,
        # the Somali shilling; TOP, the Tongan pa'anga), is not the unit of a number after it
        ("SOS Children's Villages hosted 40 children.", "40", None),
        ("TOP officials said 300 migrants were rescued.", "300", None),
        # the code right after the number is
        ("SOS Children's Villages gave 12,500 ETB to the shelter.", "12,500 ETB", "ethiopian-birr"),
    ],
)
def test_a_currency_code_is_read_only_right_after_its_number(text, said, currency):
    from kg.extraction.figures import find_numbers
    from kg.extraction.text import Passage

    (found,) = find_numbers(Passage(0, "body", text, 0))
    assert text[found.start : found.end] == said
    assert found.currency == currency


@pytest.mark.parametrize(
    ("text", "said", "value"),
    [
        ("A dozen NGOs joined the campaign in 2022.", "A dozen", 12),
        ("Police rescued a dozen migrants.", "a dozen", 12),
        ("A hundred migrants were rescued.", "A hundred", 100),
        ("Three quarters of all victims were women.", "Three quarters", 75),
    ],
)
def test_a_number_said_with_an_article_or_as_a_fraction_is_found_in_its_passage(text, said, value):
    from kg.extraction.figures import find_numbers
    from kg.extraction.text import Passage

    passage = Passage(0, "body", text, 0)
    (found,) = find_numbers(passage)
    assert found.passage is passage
    assert found.passage.text[found.start : found.end] == said
    assert found.value == value


@pytest.mark.parametrize(
    "text",
    [
        "IOM Assisted 45 Migrants Over 60 Years of Age",
        "Shelter Hosts 45 Children Under 12 Years Old",
        "The centre assisted 45 migrants over 60 years of age.",
        "The shelter hosted 45 children below 12 YEARS OLD.",
    ],
)
def test_an_age_under_or_over_some_years_is_no_number_whatever_its_case(text):
    """A headline in title case says "Over 60 Years of Age" as the body says "over 60 years of
    age": an age, not a number of years (the duration rules read "of age" and "old" in lower
    case only)."""
    from kg.extraction.figures import find_numbers
    from kg.extraction.text import Passage

    found = find_numbers(Passage(0, "title", text, 0))
    assert [(text[f.start : f.end], f.duration) for f in found] == [("45", None)]


def test_a_share_in_brackets_is_of_its_whole_s_time_when_it_says_none(knowledge, tmp_path):
    """The whole's time comes from the sentence before ("In 2021, ..."), which a share does not
    take on its own (only a time it points back to): in brackets after its whole, it is of the
    whole's time."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2021, the route became more dangerous. The shelter hosted 120 migrants (45 per cent "
        "of them women).",
    )
    found = observations(draft)
    assert found["120"].fields["period"] == "2021"
    assert found["45"].fields["unit"] == "percent"
    assert found["45"].fields["share_of"] == "migrants"
    assert found["45"].fields["period"] == "2021"


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # thousands set apart by full stops, as much of Europe writes them
        (
            "Police checked more than 42.000 individuals and 14.000 vehicles.",
            [("42.000", 42000), ("14.000", 14000)],
        ),
        # a scale in the plural ("Over 34 thousands of refugees")
        ("Over 34 thousands of refugees crossed the border.", [("34 thousands", 34000)]),
        # the 31st of a month is a day, as the 30th is
        ("On 31 March, police rescued 200 migrants.", [("200", 200)]),
        ("Between 30 and 31 December 2021, 45 migrants arrived.", [("45", 45)]),
    ],
)
def test_numbers_with_dotted_thousands_plural_scales_or_beside_a_day(text, numbers):
    from kg.extraction.figures import find_numbers
    from kg.extraction.text import Passage

    found = find_numbers(Passage(0, "body", text, 0))
    assert [(text[f.start : f.end], f.value) for f in found] == numbers


@pytest.mark.parametrize(
    "text",
    [
        "Last year 4,500 migrants were returned, most of them from Mexico in 2021.",
        "So far 4,500 migrants have been returned, most of them from Mexico in 2021.",
    ],
)
def test_a_number_whose_clause_says_its_time_in_words_is_not_of_a_date_said_later(text):
    from kg.extraction.periods import period_of

    at = text.index("4,500")
    clause = (0, text.index(",", at + len("4,500")))
    assert period_of(text, (0, len(text)), clause, at) is None
    # the date said later is the later clause's
    later = text.index("most")
    assert period_of(text, (0, len(text)), (later, len(text)), later) == "2021"
