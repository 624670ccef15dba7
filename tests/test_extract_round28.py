"""`kg extract`: rules of the twenty-eighth round. An acronym written as a word ("the Rapid
Action Battalion (Rab)") is the body's acronym wherever the text uses it. On sentences composed
for it (the names of people and bodies are made up), each rule with the sentences it must leave
alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources
from kg.extraction.title_acronyms import title_case_acronyms


@pytest.mark.parametrize(
    ("body", "acronym", "name"),
    [
        (
            "The Coastal Action Brigade (Cab) arrested 12 traffickers. According to Cab, 30 "
            "victims were rescued in 2023.",
            "Cab",
            "Coastal Action Brigade",
        ),
        (
            "The Ostravian Immigration Service (Ostri) received 45 claims in 2024. Ostri said "
            "that 30 victims were identified in 2023.",
            "Ostri",
            "Ostravian Immigration Service",
        ),
    ],
)
def test_an_acronym_written_as_a_word_names_its_body(tmp_path, knowledge, body, acronym, name):
    """ "(Cab)" spells the initials; "(Ostri)" does not, but follows a body's head and is used
    again: both name the body, and the source they state is the body."""
    draft = draft_of(tmp_path, knowledge, body)
    found = mentions(draft, "organization")
    assert found[acronym] == found[name]
    assert sources(observations(draft)["30"]) == [found[name]]


@pytest.mark.parametrize(
    "body",
    [
        "The National Police (Colombia) arrested 12 people. Colombia is a country of transit.",
        "The Ministry of Labour (Molo) reported 40 cases in 2022.",
        "Police Chief Anna Berg (Abe) said that Abe had arrested 12 people.",
        "The Rural Action Board (Rab) met. Its rab of officers said 12 people were arrested.",
    ],
)
def test_a_bracketed_word_that_is_no_acronym(body):
    """A place; a word not used again that spells nothing; a person's word that follows no
    body's head and spells nothing; a word the text writes in lower case."""
    places = {"Colombia"}
    assert title_case_acronyms(body.split("\n"), places.__contains__) == frozenset()
