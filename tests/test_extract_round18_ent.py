"""`kg extract`: rules on organizations' and people's names written on the eighteenth round
(from the whole tune split's errors, by class), one test per rule, on sentences composed for
it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, new_of


def active(draft, text: str) -> bool:
    """Whether the new entity a mention with this text proposes is proposed in earnest."""
    return new_of(draft, text).confidence >= 0.5


def test_a_bare_acronym_with_a_bodys_people_or_joined_to_a_body(tmp_path, knowledge):
    """An acronym the text writes once and never spells out is a body's name when a body's
    people follow it ("ZELPOL officials", "Deputy ZORPA Police Commissioner") or "and" joins
    it to a known organization ("developed by UNODC and ZILAN"); alone, or before a word
    that is no body's people, it stays a suggestion."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The manual was developed by UNODC and ZILAN for 40 prosecutors.\n\n"
        "Deputy ZORPA Police Commissioner Ana Velder opened the course, and ZELPOL officials "
        "led two sessions.\n\nThe ZAVR scheme paid RM20 to each of the 12 returnees.",
    )
    assert active(draft, "ZILAN")
    assert active(draft, "ZORPA")
    assert active(draft, "ZELPOL")
    assert not active(draft, "ZAVR")
    assert "Ana Velder" in mentions(draft, "person")
