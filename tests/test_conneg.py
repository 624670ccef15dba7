"""Content negotiation (`kg.server.conneg`): weights that cannot be read and media-type
parameters, as clients send them."""

from __future__ import annotations

import pytest

from kg.server.conneg import negotiate, negotiate_rdf, parse_accept

HTML, TURTLE, JSONLD = "text/html", "text/turtle", "application/ld+json"
OFFERED = [HTML, TURTLE, JSONLD]
JSONLD_PROFILES = (
    'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded, '
    'http://www.w3.org/ns/json-ld#compacted"'
)


@pytest.mark.parametrize("weight", ["abc", "nan", "inf", "1.5", "2", "-1", "1e-1", "0x1", ""])
def test_a_range_whose_weight_cannot_be_read_is_not_acceptable(weight):
    assert parse_accept(f"text/turtle;q={weight}") == [(TURTLE, 0.0)]
    # the range counts as "not this type", even where a wider range would accept it
    assert negotiate(f"text/turtle;q={weight}, */*;q=0.1", [TURTLE, HTML]) == HTML
    assert negotiate(f"text/turtle;q={weight}, text/html;q=0.5", OFFERED) == HTML
    assert negotiate_rdf(f"text/turtle;q={weight}", ["turtle"]) is None


@pytest.mark.parametrize(
    "weight, q",
    [("0", 0.0), ("0.5", 0.5), ("1", 1.0), ("1.000", 1.0), ("0.001", 0.001), (".2", 0.2)],
)
def test_weights_are_read(weight, q):
    assert parse_accept(f"text/html; q={weight}") == [(HTML, q)]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("text/turtle;charset=utf-8", TURTLE),
        ("text/turtle; charset=UTF-8, text/html;q=0.5", TURTLE),
        ('text/turtle;charset="utf-8";q=0.9, text/html;q=0.5', TURTLE),
        ("text/turtle;q=0.9;charset=utf-8, text/html;q=0.5", TURTLE),
        ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', JSONLD),
        (JSONLD_PROFILES, JSONLD),
        # a quoted comma is not the end of the range: its weight still applies
        (f"{JSONLD_PROFILES};q=0.1, text/html;q=0.5", HTML),
        (f"text/html;q=0.5, {JSONLD_PROFILES};q=0.9", JSONLD),
        # nor is a quoted semicolon or "q=" a weight
        ('text/turtle;note="a; q=0";q=0.9, text/html;q=0.5', TURTLE),
        ('text/turtle;note="x, text/html";q=0.2, application/ld+json;q=0.3', JSONLD),
    ],
)
def test_media_type_parameters_do_not_break_matching(header, expected):
    assert negotiate(header, OFFERED) == expected


def test_parameters_are_not_part_of_the_media_range():
    assert parse_accept(f"{JSONLD_PROFILES};q=0.1, text/html;q=0.5") == [
        (JSONLD, 0.1),
        (HTML, 0.5),
    ]
    assert negotiate_rdf('application/ld+json;profile="a,b"', ["turtle", "jsonld"]) == "jsonld"
