"""Tests that kill the surviving mutants of the ingest module's sample (`make mutate
MODULES=ingest SAMPLE=...`, benchmarks/mutation.md): what a source text's reading gives, each
checked against the mutant it was written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build.contacts import parse_inline_contacts
from kg.build.ingest import _clean_pieces, parse_source, read_source
from kg.build.sourcetext import QuoteNotFound, locate_quote
from kg.errors import KgError


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


def test_a_heading_like_line_wrapped_before_a_lower_case_word_is_not_a_paragraph(tmp_path):
    # "... and IT" looks like a heading, but the next line goes on with the sentence
    text = (
        "Release\n"
        "Stranded Migrants Return Home from Ruritania\n"
        "Zorva City – A group of 28 migrants will return home on Saturday.\n"
        "The National Institute for Geographical and IT\n"
        "statistics office confirms that 99 per cent of workers are girls.\n"
    )
    path = tmp_path / "042_abc.txt"
    path.write_text(text, encoding="utf-8")
    assert [p.text for p in read_source(path).paragraphs] == [
        "Stranded Migrants Return Home from Ruritania",
        "Zorva City – A group of 28 migrants will return home on Saturday.",
        "The National Institute for Geographical and IT statistics office confirms that 99 per "
        "cent of workers are girls.",
    ]


def contacts_of(raw: str, end: int | None = None):
    contacts, stop = parse_inline_contacts(raw, raw.index("Jane"), len(raw) if end is None else end)
    found = [
        (c.name.text, c.office and c.office.text, c.telephone and c.telephone.text)
        + (c.email and c.email.text,)
        for c in contacts
    ]
    return found, stop


def test_an_office_after_a_comma_without_a_space():
    assert contacts_of("contact Jane Doe,IOM Mexico, Tel: +52 55 1234 5678") == (
        [("Jane Doe", "IOM Mexico", "+52 55 1234 5678", None)],
        50,
    )


def test_an_address_past_the_end_of_the_contacts_is_not_theirs():
    raw = "contact Jane Doe, Tel: +52 55 1234 5678, jd@iom.int"
    assert contacts_of(raw, raw.index("jd@")) == (
        [("Jane Doe", None, "+52 55 1234 5678", None)],
        39,
    )


def test_a_mail_link_gives_the_address_it_shows():
    raw = 'contact Jane Doe, <a href="mailto:jd@iom.int">jane.doe@iom.int</a>'
    assert contacts_of(raw) == ([("Jane Doe", None, None, "jane.doe@iom.int")], 62)


def test_a_contact_block_without_blank_lines_is_read_line_by_line():
    raw = (
        "Stranded Migrants Return Home\n\n"
        "Zorva City – A group of 28 migrants will return home on Saturday.\n\n"
        "For more information please contact:\n"
        "Jane Doe\nIOM Somewhere\nTel: +1 234 5678\nE-mail: jd@iom.int\n"
    )
    doc = parse_source(Path("042_abc.txt"), raw, "042")
    assert [(c.name.text, c.office.text, c.telephone.text, c.email.text) for c in doc.contacts] == [
        ("Jane Doe", "IOM Somewhere", "+1 234 5678", "jd@iom.int")
    ]


RELEASE = (
    "Stranded Migrants Return Home\n\n"
    "Zorva City – A group of 28 migrants will return home on Saturday.\n"
)


def test_a_document_s_id_is_its_file_name_up_to_the_first_underscore():
    assert parse_source(Path("042_abc_def.txt"), RELEASE).id == "042"


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("For more information please contact:\nJane Doe\nTel: +1 234 5678\n", 1),
        ("\ufeffFor more information please contact:\nJane Doe\nTel: +1 234 5678\n", 1),
        ("\n\nFor more information please contact:\nJane Doe\n", 3),
    ],
    ids=["first-line", "after-a-byte-order-mark", "after-blank-lines"],
)
def test_a_text_that_opens_with_its_contacts_has_no_title(raw, line):
    with pytest.raises(KgError) as caught:
        parse_source(Path("042_abc.txt"), raw)
    assert str(caught.value) == f"042_abc.txt:{line}: no title found before the contact block"


def test_the_pieces_of_a_text_stop_at_its_end_whatever_html_follows():
    raw = 'Hello <a href="x">world</a>.\nFor more information please contact: <b>Jane</b>'
    end = raw.index("For more")
    assert [p.text for p in _clean_pieces(raw, 0, end)] == ["Hello", "world", "."]
