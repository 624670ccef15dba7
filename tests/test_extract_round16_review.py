"""`kg extract`: faults a reviewer found in round 16's rules (organizations, names,
attributions), one test per fault, on sentences composed for it (the names are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, observations, sources


def test_a_name_after_and_the_before_a_verb_is_a_listed_organization(tmp_path, knowledge):
    """'UNHCR, IOM and the Bright Path reported 300 arrivals': the verb after 'the Bright
    Path' is its predicate, no noun it qualifies; the name is an organization of the list."""
    draft = draft_of(
        tmp_path, knowledge, "UNHCR, IOM and the Bright Path reported 300 arrivals in Pelmark."
    )
    assert "Bright Path" in mentions(draft, "organization")
    assert "Bright Path" not in mentions(draft, "person")
    assert any("bright path" in s for s in sources(observations(draft)["300"]))


def test_a_name_does_not_end_before_and_the_when_a_verb_follows(tmp_path, knowledge):
    """'The Ministry of Labour and the Family said 300 ...': 'said' is the name's verb, no
    common noun the words after 'and the' qualify; the name is whole and says the number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Ministry of Labour and the Family said 300 children worked in Pelmark's mines.",
    )
    assert "Ministry of Labour and the Family" in mentions(draft, "organization")
    assert sources(observations(draft)["300"]) == [
        "new:organization:ministry of labour and the family"
    ]
