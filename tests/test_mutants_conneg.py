"""Content negotiation (`kg.server.conneg`): the cases `make mutate` found untested, each with
the answer a client gets."""

from __future__ import annotations

import pytest

from kg.server.conneg import negotiate, negotiate_rdf, parse_accept, quality

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
