"""`kg extract`: rules of the twenty-second round. The day a release is written, stated in a
byline, a label, a dateline set off by a slash or a dash, a line of places or a page's stamp
with the time of day, dates what it says relative to that day (the README's `period`); a
statistics office's year ("in the year to June 2024") and a month written with a comma before
its year ("June, 2023") are periods. On sentences composed for it (the names of places and
bodies are made up)."""

from __future__ import annotations

import pytest

from composed import draft_of, observations, sources
from kg.extraction.pages import dateline_date

BODY = "ZORVAPOL — In total, 455 fishermen were rescued by the Lorvan Coast Guard this month."


def _periods(tmp_path, knowledge, body: str, title: str = "A Composed Release") -> dict:
    found = observations(draft_of(tmp_path, knowledge, body, title))
    return {
        k: (str(v.fields["period"]) if "period" in v.fields else None) for k, v in found.items()
    }


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By Ana Zorvic 25 April 2015", "2015-04-25"),
        ("By Zorvan Dialogue August 15, 2013", "2013-08-15"),
        ("By: July 8, 2016 ,The Key Point: police trained 40 officers.", "2016-07-08"),
        ("Released on 28 August 2018 Press Release Department of Zorvan Affairs", "2018-08-28"),
        (
            "Ana Zorvic | Zorvan News | Posted: December 15, 2021 8:20 PM | Last Updated: x",
            "2021-12-15",
        ),
        ("Zorvapol, Lorvania/06 July 2023: Human trafficking is a crime.", "2023-07-06"),
        ("Zorvapol, Lorvania - 19 January 2021", "2021-01-19"),
        ("Lorvania, Zorvania, Upper Kelm, Marovia 30 November, 2018", "2018-11-30"),
        (
            "Our latest media releases and stories 08 December 2023, 7:29am Media Release",
            "2023-12-08",
        ),
        ("Source: Zorvan News| 2019-02-28 17:09:31|Editor: ZX", "2019-02-28"),
    ],
)
def test_a_page_stamp_with_more_words_on_its_line_dates_the_release(line, day):
    assert dateline_date([line, "The text."]) == day


@pytest.mark.parametrize(
    "line",
    [
        "Zorvan Anti-Trafficking Act, 12 May 2019",  # a law's name and day: one name, no list
        "Born, 4 July 1990",
        "Deadline for applications, 30 June 2024",
        "Workshop on 12 March 2025, 10:00 - 12:00",  # a span of hours: an event's
        "The meeting, held on 12 March 2025, 10:00 am, trained 40 officers.",  # a sentence
        "By the end of March 2019, 400 migrants had returned.",  # no byline
        "Niger - The 30th convoy of migrants arrived on 14 March 2016, at the centre.",
        # (review: a byline needs a name; an event's, a caption's or an update's day and time)
        "By 30 June 2024, 400 migrants had returned.",
        "By Friday 12 March 2021 the camp was closed",
        "Regional Workshop on Trafficking – 12 March 2025",
        "Regional Workshop – 12 March 2025",
        "Photo: Rescued fishermen at Zorvapol port, 12 May 2019, 14:30",
        "Updated: 14 March 2023 10:15",
        "Deadline: 30 June 2024, 23:59",
    ],
)
def test_a_day_that_is_no_stamp_of_the_page_dates_no_release(line):
    assert dateline_date([line]) is None


def test_a_bylines_day_dates_this_month(tmp_path, knowledge):
    """The byline's day is the day of writing: "this month" is its month."""
    periods = _periods(tmp_path, knowledge, "By Ana Zorvic 25 April 2015\n\n" + BODY)
    assert periods["455"] == "2015-04"


def test_without_the_bylines_day_this_month_is_undated(tmp_path, knowledge):
    periods = _periods(tmp_path, knowledge, "By Ana Zorvic\n\n" + BODY)
    assert periods["455"] is None


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("in the year to June 2024", "{'start': '2023-07', 'end': '2024-06'}"),
        ("in the year ending March 2021", "{'start': '2020-04', 'end': '2021-03'}"),
        ("in the 12 months to January 2020", "{'start': '2019-02', 'end': '2020-01'}"),
        ("over the six months to January 2021", "{'start': '2020-08', 'end': '2021-01'}"),
        ("during the entire month of June, 2023", "2023-06"),
        ("in June, 2021", "2021-06"),
        ("in June", None),  # (no date in the text: "In June, 2015 migrants" below)
    ],
)
def test_a_statistics_offices_year_and_a_month_with_a_comma(tmp_path, knowledge, said, period):
    periods = _periods(
        tmp_path, knowledge, f"A total of 67,978 people were granted asylum in Lorvania {said}."
    )
    assert periods["67978"] == period


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("so far in 2022", "{'start': '2022-01', 'end': '2022-03-14'}"),
        ("in 2022 so far", "{'start': '2022-01', 'end': '2022-03-14'}"),
        ("so far in 2021", "2021"),  # (not the year of writing: no day of it to end at)
    ],
)
def test_so_far_in_the_year_of_writing_ends_at_the_day_of_writing(
    tmp_path, knowledge, said, period
):
    periods = _periods(
        tmp_path, knowledge, f"ZORVAPOL, 14 March 2022 – Lorvania has seen 14,000 arrivals {said}."
    )
    assert periods["14000"] == period


@pytest.mark.parametrize(
    ("said", "start", "end"),
    [
        ("In the first eight days of 2023", "2023-01-01", "2023-01-08"),
        ("In the first two weeks of 2021", "2021-01-01", "2021-01-14"),
        ("In the first five months of 2014", "2014-01", "2014-05"),
    ],
)
def test_the_first_days_or_weeks_of_a_year(tmp_path, knowledge, said, start, end):
    found = observations(draft_of(tmp_path, knowledge, f"{said}, 2,500 migrants landed in Zorvia."))
    period = found["2500"].fields["period"]
    assert (period["start"], period["end"]) == (start, end)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Agentes de la Policía Federal Zorvana detuvieron a 5 hombres.",
            "Policía Federal Zorvana",
        ),
        (
            "Personal del Instituto Zorvano de Migración rescató a 39 migrantes.",
            "Instituto Zorvano de Migración",
        ),
        ("Agentes da Polícia Federal Zorvana prenderam 5 homens.", "Polícia Federal Zorvana"),
        ("Casa del Migrante Zorvano recibió a 39 migrantes.", "Casa del Migrante Zorvano"),
        # (review: a body's own first word before "de" and a head word is its name's)
        ("Escuela de Policía de Zorvapol formó a 40 agentes.", "Escuela de Policía de Zorvapol"),
        (
            "Superintendência da Polícia Federal prendeu 5 homens.",
            "Superintendência da Polícia Federal",
        ),
    ],
)
def test_people_of_a_body_opening_a_sentence_are_no_part_of_its_name(
    tmp_path, knowledge, sentence, body
):
    """'Agentes de la Policía ...', 'Personal del Instituto ...': a common noun, then "de"
    and a body's head word, opens the sentence; the body's name starts at its head word (not
    "Casa del Migrante": no head word after "del")."""
    draft = draft_of(tmp_path, knowledge, sentence, "Un comunicado")
    assert [m.text for m in draft.entities.mentions if m.kind == "organization"] == [body]


@pytest.mark.parametrize(
    "sentence",
    [
        "Según Laurence Zorvic, jefe de la unidad de la OIM, 40 casos fueron registrados.",
        "Selon Laurence Zorvic, chef de l'unité de l'OIM, 40 cas ont été enregistrés.",
        "Given Zorvic, head of the Lorvan unit, said 40 cases were registered.",  # (a name's)
    ],
)
def test_according_to_opening_a_sentence_is_no_part_of_a_persons_name(
    tmp_path, knowledge, sentence
):
    """ "Según Laurence Zorvic, jefe de ...": the person named with a role after is Laurence
    Zorvic, not "Según Laurence Zorvic"; "Given Zorvic" is a name, "Given" its first part."""
    draft = draft_of(tmp_path, knowledge, sentence, "Un comunicado")
    people = [m.text for m in draft.entities.mentions if m.kind == "person"]
    assert people == [sentence.split(",")[0].removeprefix("Según ").removeprefix("Selon ")]


def test_a_body_and_an_acronym_joined_by_y_la_are_two(tmp_path, knowledge):
    """ "la Policía Federal y la PGR": two bodies; "el Ministerio de la Mujer y la Familia"
    stays one (no acronym, no head word after "y la")."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Los operativos se hicieron con la Policía Federal y la PGR. Lo dijo el Ministerio de "
        "la Mujer y la Familia de Zorvania.",
        "Un comunicado",
    )
    assert sorted(m.text for m in draft.entities.mentions if m.kind == "organization") == [
        "Ministerio de la Mujer y la Familia de Zorvania",
        "PGR",
        "Policía Federal",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The United Nations refugee agency on Tuesday said at least 52 lives were lost.",
        "At least 52 lives were lost off Zorvia, the United Nations refugee agency said.",
        "At least 52 lives were lost off Zorvia, the U.N. refugee agency said.",
    ],
)
def test_the_un_spelt_out_or_dotted_in_an_agencys_descriptive_name(tmp_path, knowledge, sentence):
    """'the UN Refugee Agency' is UNHCR however the UN is written before it, and credits it."""
    found = observations(draft_of(tmp_path, knowledge, sentence))
    assert sources(found["52"]) == [
        "new:organization:united nations high commissioner for refugees"
    ]


def test_a_count_after_a_month_and_a_comma_is_no_year(tmp_path, knowledge):
    """ "In June, 2015 migrants crossed": 2015 counts people, and dates nothing."""
    found = observations(
        draft_of(tmp_path, knowledge, "In June, 2015 migrants crossed into Zorvia.")
    )
    assert found["2015"].fields.get("period") is None
    assert found["2015"].fields["unit"] == "person"


def test_the_un_spelt_out_before_other_words_names_no_agency(tmp_path, knowledge):
    """ "United Nations human rights experts said": experts, no agency's description."""
    found = observations(
        draft_of(tmp_path, knowledge, "United Nations human rights experts said 40 migrants died.")
    )
    assert sources(found["40"]) == []
