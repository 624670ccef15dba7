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


def test_a_body_named_by_a_word_says_only_what_its_verb_governs(tmp_path, knowledge):
    """'The migration agency said it would help, while the coast guard rescued 500 people':
    the number is in another clause than the one 'said' governs; the agency is not its
    source."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM welcomed the plan.\n\nThe migration agency said it would help, while the coast "
            "guard rescued 500 people.",
        )
    )
    assert sources(found["500"]) == []


def test_a_body_named_by_a_word_is_one_with_that_whole_word_in_its_name(tmp_path, knowledge):
    """'The port agency said 300 ships docked': 'port' is no word of 'Portuguese Red Cross';
    the one body named is not the source for a prefix of one of its words."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The port agency said 300 ships docked in Lisbon.\n\nThe Portuguese Red Cross helped.",
        )
    )
    assert sources(found["300"]) == []


def test_a_body_named_by_a_word_after_another_such_word_in_the_sentence(tmp_path, knowledge):
    """'Smugglers the border agency said were armed took 300 people across, the migration
    agency said': the first 'X agency said' is not where the source is; the one after the
    number is, and it names the one body whose name has 'migration'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM chartered three flights.\n\nSmugglers the border agency said were armed took "
            "300 people across, the migration agency said.",
        )
    )
    assert sources(found["300"]) == ["iom"]


def test_stressed_or_highlighted_with_an_object_is_no_verb_of_saying(tmp_path, knowledge):
    """'UNHCR stressed the need to protect 300 children, the Pelmark Coast Guard said',
    'UNHCR highlighted the plight of 300 families': with an object, not 'that', the verb
    tells what the body cared about, not what it counted ('... 68%, the UNHCR emphasized'
    still does)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "UNHCR stressed the need to protect 300 children, the Pelmark Coast Guard said.\n\n"
            "UNHCR highlighted the plight of 120 families rescued by the navy.\n\nSome 3,700 "
            "people were rescued, an increase of 68 per cent, UNHCR emphasized.",
        )
    )
    assert sources(found["300"]) == ["new:organization:pelmark coast guard"]
    assert sources(found["120"]) == []
    assert sources(found["68"]) != []


def test_an_outlet_before_its_medium_opens_with_no_weekday_nor_preposition(tmp_path, knowledge):
    """'On Monday Pelmark daily arrivals reached 300': 'daily' alone is no medium (only 'X
    daily newspaper'); 'Every Sunday Lorvania Radio broadcaster': the outlet's name does not
    open with a preposition or a weekday ('The Sunday Pelmark Times newspaper' still does)."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "On Monday Pelmark daily arrivals reached 300, IOM said.\n\nEvery Sunday Lorvania "
            "Radio broadcaster Jane Doe reads 40 letters.\n\nThe Sunday Pelmark Times newspaper "
            "reported 12 arrests.",
            title="Arrivals in Pelmark",
        ),
        "organization",
    )
    assert not any(name.startswith(("On ", "Every ")) for name in found)
    assert "Lorvania Radio" in found
    assert "The Sunday Pelmark Times" in found


def test_portuguese_e_between_two_whole_names_parts_them(tmp_path, knowledge):
    """'A Polícia Federal e Receita Federal apreenderam ...': 'e' after a whole name (its head
    word, no connector) begins another; inside a complement it joins ('Serviço de Vistos e
    Fronteiras')."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "A Polícia Federal e Receita Federal apreenderam 300 quilos de cocaína.\n\nO Serviço "
            "de Vistos e Fronteiras deteve 12 suspeitos.",
        ),
        "organization",
    )
    assert "Polícia Federal" in found
    assert "Polícia Federal e Receita Federal" not in found
    assert "Serviço de Vistos e Fronteiras" in found


def test_a_city_that_is_a_word_of_english_is_no_office_after_an_acronym(tmp_path, knowledge):
    """'IOM Male and Female staff trained 300 officers': 'Male' (a capital's name) is the
    adjective here, not IOM's office in that city ('IOM Dhaka' still is one)."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "IOM Male and Female staff trained 300 officers in Pelmark.\n\nIOM Dhaka trained "
            "40 more.",
        ),
        "organization",
    )
    assert "IOM Male" not in found
    assert "IOM Dhaka" in found


def test_a_withheld_name_starts_at_a_given_name_and_lists_only_people(tmp_path, knowledge):
    """'Ayer Juan “N” y Pedro “M” fueron detenidos': the name starts at its given name, not at
    'Ayer' (yesterday); 'Juan “N” was held in Cell “B”': a quoted initial after a word that
    is no given name is a person's only in a list with one ('Herber “N”, de 41 años, y
    Guillermo “N”')."""
    people = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Ayer Juan “N” y Pedro “M” fueron detenidos con 30 kilos de droga.\n\nJuan “N” was "
            "held in Cell “B” with 30 others.\n\nLa policía detuvo a Herber “N”, de 41 años, y "
            "Guillermo “N”, de 20.",
        ),
        "person",
    )
    assert "Juan “N”" in people
    assert "Pedro “M”" in people
    assert not any(name.startswith(("Ayer", "Cell")) for name in people)
    assert "Herber “N”" in people
