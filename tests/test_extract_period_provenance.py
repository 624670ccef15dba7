"""A period the number's own sentence does not say is flagged in the draft for the reviewer
(`kg.extraction.draft_yaml.PERIOD_FROM_CONTEXT`): it was taken from the text around the number
(the whole it is a part of, the operation it reports), so it is checked, not taken as said."""

from __future__ import annotations

from composed import draft_of, observations
from kg.extraction.draft_yaml import PERIOD_FROM_CONTEXT


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
