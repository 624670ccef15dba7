"""`kg extract`: rules of the thirty-first round. On sentences composed for it (the names of
people and bodies are made up), each rule with the sentences it must leave alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions


@pytest.mark.parametrize(
    ("body", "bodies", "not_bodies"),
    [
        (  # a place, then "the Government": two names, not one
            "In Mauritania the Government and the Velnor Institute agreed to open a new camp.",
            {"Velnor Institute"},
            {"Mauritania the Government"},
        ),
        (  # "the" after a name's "of" or "for" stays inside it
            "The Office of the Prosecutor and the Society for the Protection of Velnor "
            "Children met.",
            {"Office of the Prosecutor", "Society for the Protection of Velnor Children"},
            set(),
        ),
    ],
)
def test_the_joins_a_name_only_after_its_of(tmp_path, knowledge, body, bodies, not_bodies):
    found = mentions(draft_of(tmp_path, knowledge, body), "organization")
    assert bodies <= set(found)
    assert not not_bodies & set(found)


@pytest.mark.parametrize(
    ("body", "person", "is_one"),
    [
        (  # a title's last words, quoted, before "explained X": not the speaker
            "“The strait means ‘The Place Where the People Cry’,” explained Velnor Institute "
            "director Jane Doe.",
            "People Cry",
            False,
        ),
        ("“We found them” Jane Doe said on Monday.", "Jane Doe", True),
        ("Jane Doe’s lawyer said on Monday that the case was closed.", "Jane Doe", True),
    ],
)
def test_a_quote_s_last_words_before_a_verb_of_speech_are_no_speaker(
    tmp_path, knowledge, body, person, is_one
):
    found = mentions(draft_of(tmp_path, knowledge, body), "person")
    assert (person in found) is is_one
