"""Content negotiation (`kg.server.conneg`): the cases `make mutate` found untested, each with
the answer a client gets."""

from __future__ import annotations

import pytest

from kg.server.conneg import (
    MAX_ACCEPT_LENGTH,
    negotiate,
    negotiate_rdf,
    parse_accept,
    quality,
    rdf_format,
)

HTML, TURTLE, JSONLD = "text/html", "text/turtle", "application/ld+json"


@pytest.mark.parametrize("header", [None, "", "  "])
def test_no_header_accepts_anything_at_full_weight(header):
    assert parse_accept(header) == [("*/*", 1.0)]


def test_a_range_without_a_weight_has_full_weight():
    assert parse_accept("text/turtle, text/html;charset=utf-8") == [(TURTLE, 1.0), (HTML, 1.0)]


def test_an_empty_element_is_skipped_not_the_end_of_the_list():
    assert parse_accept(", text/turtle;q=0.5,, text/html") == [(TURTLE, 0.5), (HTML, 1.0)]


def test_a_bare_star_is_any_type():
    assert parse_accept("*") == [("*/*", 1.0)]
    assert parse_accept("*;q=0.3") == [("*/*", 0.3)]
    assert negotiate("*", [JSONLD, TURTLE]) == JSONLD


@pytest.mark.parametrize("weight", ['"0.5"', "0=1", '0.5"', "0.5=0.5"])
def test_a_weight_quoted_or_with_more_after_it_cannot_be_read(weight):
    """The weight is everything after the first "=" of its parameter, unquoted."""
    assert parse_accept(f"text/turtle;q={weight}") == [(TURTLE, 0.0)]
    assert negotiate(f"text/turtle;q={weight}", [TURTLE]) is None


def test_a_type_range_matches_the_types_of_its_kind_only():
    assert quality(TURTLE, [("text/*", 0.4)]) == 0.4
    assert quality(JSONLD, [("text/*", 0.4)]) == 0.0
    assert negotiate("text/*", [JSONLD, TURTLE]) == TURTLE
    assert negotiate("application/*;q=0.5, text/*;q=0.9", [JSONLD, TURTLE]) == TURTLE


@pytest.mark.parametrize(
    "header",
    ["*/*;q=0.9, text/*;q=0.2", "text/*;q=0.2, */*;q=0.9"],
)
def test_a_type_range_outranks_any_type_whatever_the_order(header):
    assert quality(TURTLE, [(m, q) for m, q in parse_accept(header)]) == 0.2
    assert negotiate(header, [TURTLE, JSONLD]) == JSONLD


@pytest.mark.parametrize(
    "header",
    ["text/*;q=0.9, text/turtle;q=0.2", "text/turtle;q=0.2, text/*;q=0.9"],
)
def test_the_exact_type_outranks_its_type_range_whatever_the_order(header):
    assert quality(TURTLE, parse_accept(header)) == 0.2
    assert negotiate(header, [TURTLE, HTML]) == HTML


def test_of_two_ranges_for_the_same_type_the_first_counts():
    assert quality(TURTLE, parse_accept("text/turtle;q=0.3, text/turtle;q=0.9")) == 0.3
    assert quality(TURTLE, parse_accept("text/turtle;charset=utf-8;q=0, text/turtle")) == 0.0


def test_a_media_alias_is_offered_only_for_the_formats_offered():
    assert negotiate_rdf("application/x-turtle", ["turtle"]) == "turtle"
    assert negotiate_rdf("application/xhtml+xml", ["turtle", "html"]) == "html"
    assert negotiate_rdf("application/xhtml+xml", ["turtle"]) is None
    assert negotiate_rdf("text/plain+ntriples", ["turtle", "jsonld"]) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("turtle", "turtle"),
        (" TTL ", "turtle"),
        ("JSON", "jsonld"),
        ("json-ld", "jsonld"),
        ("htm", "html"),
        ("nt", "ntriples"),
    ],
)
def test_a_format_name_is_read_whatever_its_case_and_spaces(name, key):
    assert rdf_format(name) == key


@pytest.mark.parametrize("name", ["csv", "", "turtles", "text/turtle"])
def test_a_format_name_not_known_names_no_format(name):
    assert rdf_format(name) is None


def _padded(first: str, rest: str, length: int) -> str:
    """`first` with a parameter long enough that `first` + `rest` is `length` characters."""
    head = first + ";x="
    return head + "y" * (length - len(head) - len(rest)) + rest


def test_a_header_of_exactly_the_length_read_is_read_whole():
    header = _padded("text/html", ", text/turtle", MAX_ACCEPT_LENGTH)
    assert len(header) == MAX_ACCEPT_LENGTH
    assert [media for media, _ in parse_accept(header)] == [HTML, TURTLE]


def test_a_range_cut_short_by_the_length_read_is_not_misread():
    """The cut falls after `text/turtle` of `text/turtle;q=0.1`: read whole, the client asked
    for Turtle at 0.1; what was cut off is dropped rather than read as Turtle at full weight."""
    header = _padded("text/html;q=0.5", ", application/ld+json, text/turtle", MAX_ACCEPT_LENGTH)
    header += ";q=0.1"
    assert parse_accept(header) == [(HTML, 0.5), (JSONLD, 1.0)]
    assert negotiate(header, [TURTLE, HTML]) == HTML


def test_a_single_range_longer_than_the_length_read_is_read_from_what_is_kept():
    header = "text/turtle;x=" + "y" * MAX_ACCEPT_LENGTH
    assert parse_accept(header) == [(TURTLE, 1.0)]
