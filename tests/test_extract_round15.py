"""`kg extract`: rules written on the fifteenth round (from the tune split's errors), one test
per rule, on sentences composed for it (the names of people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_as_of_a_day_without_its_year_ends_at_that_day(tmp_path, knowledge):
    """'As of 5 April, nearly 4.3 million refugees have fled': a total up to that day of the
    release's year; the figures in brackets after it are of the same day."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "12 May 2023\n\nAs of 3 May, nearly 210,000 refugees have fled Zorvania (over "
            "120,000 to Pelmark and almost 45,000 to Ostravia).\n\nAs at 28 April, the agency "
            "had USD 12.5 million available for its response.",
        )
    )
    assert found["210000"].fields.get("period") == {"end": "2023-05-03"}
    assert found["120000"].fields.get("period") == {"end": "2023-05-03"}
    assert found["12500000"].fields.get("period") == {"end": "2023-04-28"}
