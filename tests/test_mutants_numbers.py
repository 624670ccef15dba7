"""Tests that kill the surviving mutants of the numbers module's sample (`make mutate
MODULES=numbers SAMPLE=...`, benchmarks/mutation.md): what the extraction reads of a number
and the words it counts, each checked against the mutant it was written for."""

from __future__ import annotations

import pytest

from composed import draft_of, observations
from kg.extraction.units import noun_phrase


@pytest.mark.parametrize(
    ("text", "head", "phrase"),
    [
        # a known noun that only modifies a plural after it: the plural is what is counted
        ("10 country evaluation visits were made", "visits", "country evaluation visits"),
        ("12 family reunification cases", "cases", "family reunification cases"),
        ("20 child victims were found", "victims", "child victims"),
        # a plural modifies no noun after it
        ("15 Fijian workers well-paid jobs", "workers", "Fijian workers"),
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
