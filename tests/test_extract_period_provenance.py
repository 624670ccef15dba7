"""A period the number's own sentence does not say is flagged in the draft for the reviewer
(`kg.extraction.draft_yaml.PERIOD_FROM_CONTEXT`): it was taken from the text around the number
(the whole it is a part of, the operation it reports), so it is checked, not taken as said."""

from __future__ import annotations

import pytest

from composed import draft_of, observations
from kg.build.run import build
from kg.errors import KgError
from kg.extraction.add import add
from kg.extraction.draft_yaml import PERIOD_FROM_CONTEXT
from kg.vocab import KG, SDMX_MEASURE, Minter


def test_a_period_taken_from_the_sentence_before_is_flagged_and_one_said_is_not(
    tmp_path, knowledge
):
    body = (
        "In 2021, the Pelmark police rescued 240 victims of trafficking. "
        "Of these victims, 130 were women."
    )
    draft = draft_of(tmp_path, knowledge, body)
    found = observations(draft)
    assert found["240"].fields["period"] == found["130"].fields["period"] == "2021"
    lines = [line for line in draft.yaml().splitlines() if line.strip().startswith("period:")]
    assert len(lines) == 2
    said, carried = lines
    assert PERIOD_FROM_CONTEXT not in said
    assert carried.endswith(f"# {PERIOD_FROM_CONTEXT}")


CARRIED = """Pelmark Police Count Those Freed in Raids

In 2021, the Pelmark police freed 240 victims of trafficking in raids on farms.

Of these victims, 130 were women.
"""


def test_an_inferred_period_keeps_its_reasoning_in_the_draft_and_the_published_graph(
    tmp_path, data
):
    """Published as drafted, the inferred period says how it was inferred (kg:periodReasoning,
    quoting the words that date it); the period the number's own sentence says needs none."""
    source = tmp_path / "release.txt"
    source.write_text(CARRIED, encoding="utf-8")
    added = add(source, data, url="https://news.example.org/pelmark", retrieved="2022-01-10")
    found = observations(added.draft)
    assert "period_reasoning" not in found["240"].fields
    reasoning = found["130"].fields["period_reasoning"]
    assert '"In 2021, the Pelmark police freed 240 victims' in reasoning
    assert "    period_reasoning: " in added.draft_path.read_text(encoding="utf-8")
    result = build(data, Minter(), reasoning=False)
    assert result.validation.conforms, [str(v.message) for v in result.validation.violations]
    graph = result.asserted()
    reasoned = {
        str(o)
        for s, o in graph.subject_objects(KG.periodReasoning)
        if (s, SDMX_MEASURE.obsValue, None) in graph
        and str(graph.value(s, SDMX_MEASURE.obsValue)) == "130"
    }
    assert reasoned == {reasoning}
    assert len(set(graph.subject_objects(KG.periodReasoning))) == 1


def test_a_period_reasoning_without_its_period_is_refused_in_one_line(tmp_path, data):
    source = tmp_path / "release.txt"
    source.write_text(CARRIED, encoding="utf-8")
    added = add(source, data, url="https://news.example.org/pelmark", retrieved="2022-01-10")
    text = added.draft_path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("    period_reasoning: "))
    assert lines[at - 1].startswith("    period: ")
    del lines[at - 1]  # the curator takes the period out and forgets its reasoning
    added.draft_path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(KgError) as refused:
        build(data, Minter(), reasoning=False)
    message = str(refused.value)
    assert "\n" not in message and added.draft_path.name in message
    assert f":{at}:" in message and "period_reasoning explains a period" in message


def test_a_period_its_sentence_says_relative_to_the_day_of_writing_quotes_those_words(
    tmp_path, knowledge
):
    """'last year' in a release dated 2021: the year 2020 is worked out from the sentence's own
    words and the day the release states, and the reasoning and the flag say both."""
    body = "BERLIN, 3 March 2021 - The Pelmark police freed 120 victims of trafficking last year."
    draft = draft_of(tmp_path, knowledge, body)
    found = observations(draft)
    assert found["120"].fields["period"] == "2020"
    reasoning = found["120"].fields["period_reasoning"]
    assert '"last year"' in reasoning and "2021-03-03" in reasoning
    assert "gives no date" not in reasoning
    (line,) = [x for x in draft.yaml().splitlines() if x.strip().startswith("period:")]
    assert 'worked out from "last year"' in line and PERIOD_FROM_CONTEXT not in line


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("On Friday, the Pelmark police freed 120 victims.", "2021-03-26"),  # a Monday's Friday
        ("Yesterday the Pelmark police freed 120 victims.", "2021-03-28"),
        ("Last Monday the Pelmark police freed 120 victims.", "2021-03-22"),  # not that day
        ("El domingo, la policía de Pelmark liberó a 120 víctimas.", "2021-03-28"),
        (
            "So far this year, the Pelmark police freed 120 victims.",
            "{start: 2021-01, end: 2021-03-29}",
        ),
    ],
)
def test_a_day_or_time_said_relative_to_the_day_of_writing_is_dated_by_it(
    tmp_path, knowledge, said, period
):
    """data/devset/README.md, `period`: a weekday is the last such day up to the day of writing
    (29 March 2021 was a Monday), "yesterday" the day before, "so far this year" January to it."""
    draft = draft_of(tmp_path, knowledge, f"BERLIN, 29 March 2021 - {said}")
    (line,) = [x for x in draft.yaml().splitlines() if x.strip().startswith("period:")]
    assert line.split("#")[0].strip() == f"period: {period}"
    assert "2021-03-29" in observations(draft)["120"].fields["period_reasoning"]


def test_a_weekday_with_its_date_or_in_a_release_that_states_no_day_is_not_worked_out(
    tmp_path, knowledge
):
    """ "on Friday, 26 March 2021" is dated by its date; with no day of writing, "on Friday"
    dates nothing."""
    dated = observations(draft_of(
        tmp_path, knowledge,
        "BERLIN, 29 March 2021 - On Friday, 12 March 2021, the Pelmark police freed 120 victims.",
    ))  # fmt: skip
    assert dated["120"].fields["period"] == "2021-03-12"
    assert "period_reasoning" not in dated["120"].fields
    undated = observations(
        draft_of(tmp_path, knowledge, "On Friday, the Pelmark police freed 120 victims.")
    )
    assert "period" not in undated["120"].fields
