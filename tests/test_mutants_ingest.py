"""Tests that kill the surviving mutants of the ingest module's sample (`make mutate
MODULES=ingest SAMPLE=...`, benchmarks/mutation.md): what a source text's reading gives, each
checked against the mutant it was written for."""

from __future__ import annotations

import pytest

from kg.build.contacts import parse_inline_contacts
from kg.build.sourcetext import QuoteNotFound, locate_quote


def test_an_address_that_starts_with_digits_is_read_whole_after_its_label():
    # read as a telephone number, "Email: 20240101@..." would give "20240101" alone
    raw = "For more information contact Jane Doe at IOM Mexico, Email: 20240101@iom.example.org"
    contacts, end = parse_inline_contacts(raw, raw.index("Jane"), len(raw))
    assert [(c.name.text, c.office.text, c.telephone, c.email.text) for c in contacts] == [
        ("Jane Doe", "IOM Mexico", None, "20240101@iom.example.org")
    ]
    assert end == len(raw)


def test_a_quote_not_found_is_named_whole_when_short_and_cut_when_long():
    with pytest.raises(QuoteNotFound) as short:
        locate_quote("one two three", "two  four", path="news/a.txt")
    assert str(short.value) == "news/a.txt: quote not found: 'two four'"
    exactly = "y" * 80
    with pytest.raises(QuoteNotFound) as limit:
        locate_quote("one two three", exactly, path="a.txt")
    assert str(limit.value) == f"a.txt: quote not found: '{exactly}'"
    with pytest.raises(QuoteNotFound) as long:
        locate_quote("one two three", "x" * 100, path="a.txt")
    assert str(long.value) == "a.txt: quote not found: '" + "x" * 79 + "…'"
