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


def test_a_period_whose_years_the_release_never_writes_quotes_nothing(tmp_path, knowledge):
    """'last year' in a release dated 2021: the year 2020 is worked out, not written; the
    reasoning says so rather than quote words that do not give it."""
    body = "BERLIN, 3 March 2021 - The Pelmark police freed 120 victims of trafficking last year."
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["120"].fields["period"] == "2020"
    reasoning = found["120"].fields["period_reasoning"]
    assert "writes none of the period's years" in reasoning and '"' not in reasoning
