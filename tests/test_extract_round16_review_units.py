"""`kg extract`: mends of faults a reviewer found in round 16's unit and qualifier rules; one
test per fault, on sentences composed for it (the names of places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_unit_symbol_after_a_number_in_another_language_is_its_noun(tmp_path, knowledge):
    """'caminaron 30 km', 'decomisó 10 kg', 'à 12 km de': a unit's symbol ends in no -s, yet
    it is the noun the number counts, not a verb (no people borrowed from before it)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2023, los 40 migrantes caminaron 30 km hasta la frontera de Zorvania.\n\n"
            "La policía detuvo a 5 traficantes y decomisó 12 kg de cocaína.\n\n"
            "Les 60 migrants ont été retrouvés à 14 km de Kelvar.",
        )
    )
    assert found["30"].fields["unit"] == "km"
    assert found["12"].fields["unit"] == "kilogram"
    assert found["14"].fields["unit"] == "km"


def test_an_adjective_or_participle_before_a_general_head_is_no_part_of_its_unit(
    tmp_path, knowledge
):
    """'12 harsh sentences', '10 senior posts', '9 hidden accounts', '4 newly built centres':
    only a word known as a noun names a kind of the head ('house searches', 'support
    groups'); an adjective or a participle of no listed ending is no part of the unit."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The court in Kelvar handed down 12 harsh sentences and the agency opened 10 "
            "senior posts.\n\nPolice made 20 online searches and froze 9 hidden accounts.\n\n"
            "Zorvania has 4 newly built centres, 7 privately run shelters and 3 well known "
            "groups.\n\nThe Pelmark Fund runs 15 victim support groups and 6 house searches "
            "were made.",
        )
    )
    assert found["12"].fields["unit"] == "sentence"
    assert found["10"].fields["unit"] == "post"
    assert found["20"].fields["unit"] == "search"
    assert found["9"].fields["unit"] == "account"
    assert found["4"].fields["unit"] == "centre"
    assert found["3"].fields["unit"] == "group"
    assert found["15"].fields["unit"] == "support-group"
    assert found["6"].fields["unit"] == "house-search"


def test_a_bare_head_counts_the_compound_only_after_it_and_of_no_kind_of_its_own(
    tmp_path, knowledge
):
    """'opened 4 centres in 2022' before '17 detention centres', '3 units of blood' after '30
    housing units', 'travelled in 4 groups' after 'Three support groups': a bare head counts
    a compound the text named before it, near it, and not when it says its own kind."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Kelvar ministry opened 4 centres in 2022.\n\nZorvania now runs 17 detention "
            "centres.\n\nThe Pelmark Fund built 30 housing units and collected 3 units of "
            "blood. Five support groups met in Kelvar, and the migrants travelled in 6 groups.",
        )
    )
    assert found["17"].fields["unit"] == "detention-centre"
    assert found["4"].fields["unit"] == "centre"
    assert found["30"].fields["unit"] == "housing-unit"
    assert found["3"].fields["unit"] == "unit"
    assert found["5"].fields["unit"] == "support-group"
    assert found["6"].fields["unit"] == "group"


def test_a_headlines_bound_is_kept_when_the_body_says_the_number_again(tmp_path, knowledge):
    """'Up to 600 Migrants Feared Dead' then 'carried 600 migrants': the body rounds no bound
    away; only a headline's approximation (or none) is qualified as the body says it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Up to 600 Migrants Feared Dead off Kelvar\n\nThe boat that sank off Kelvar on "
            "Monday carried 600 migrants, the Zorvan Agency said.",
        )
    )
    assert found["600"].fields["qualifier"] == ["at-most"]


def test_a_number_before_a_comma_and_another_clause_is_in_no_series(tmp_path, knowledge):
    """'Ships rescued 30, and 12 boats sank', 'carried 45, or 3 times its capacity': a
    number before ', and' or ', or' with no ', N' before it opens no series with the next
    one, and a multiple is no noun the numbers share."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ships of the Zorvan navy rescued 30, and 12 boats sank off Kelvar.\n\nThe boat "
            "carried 45, or 3 times its capacity, when it sank off Pelmark in 2021.",
        )
    )
    assert found["30"].fields["unit"] != "boat"
    assert found["45"].fields["unit"] != "times"


def test_a_verb_after_and_joins_no_modifiers_to_a_known_noun(tmp_path, knowledge):
    """'built 30 last year and housed all victims': 'and' then a verb opens another clause,
    whose noun the number does not count; names joined by 'and' ('19 East and Southern
    African countries') still do."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency built 30 last year and housed all victims.\n\nDelegates of 19 "
            "East and Southern African countries met in Kelvar.",
        )
    )
    assert found["30"].fields["unit"] != "person"
    assert found["19"].fields["unit"] == "country"


def test_a_passive_estimate_of_another_noun_after_the_number_is_not_its(tmp_path, knowledge):
    """'40 boats whose value is estimated at', '40 boats and costs are estimated at': the
    estimate is of another noun; '16,000 people are estimated to' is of the number's own."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police of Kelvar seized 40 boats whose value is estimated at 2 million dollars."
            "\n\nThe Zorvan Agency seized 30 trucks and costs are estimated at 5 million "
            "dollars.\n\nMore than 16,000 people are estimated to be trafficked in Pelmark.",
        )
    )
    assert found["40"].fields["qualifier"] == ["exact"]
    assert found["30"].fields["qualifier"] == ["exact"]
    assert "estimated" in found["16000"].fields["qualifier"]


def test_with_before_the_number_of_an_estimate_keeps_the_estimate(tmp_path, knowledge):
    """'It is estimated that with current trends 5,000 people will be displaced': a 'with'
    before the estimate's figure adds no figure of its own; after it ('reached 36 million,
    with Pelmark hosting 24 percent') it does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "It is estimated that with current trends 5,000 people will be displaced in "
            "Kelvar.\n\nThe Zorvan Agency estimates that migrants in the region reached 36 "
            "million, with Pelmark hosting 24 percent of them.",
        )
    )
    assert found["5000"].fields["qualifier"] == ["estimated"]
    assert found["24"].fields["qualifier"] == ["exact"]


def test_a_verb_of_passing_is_more_than_only_with_a_count_as_its_subject(tmp_path, knowledge):
    """'los migrantes superaron 3 controles', 'le camion a dépassé 2 barrages': passed, no
    'more than'; 'el número total superará los 3 millones': a count that exceeds it is. And
    'mais do que 200 migrantes' is more than 200."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En Zorvania, los migrantes superaron 3 controles policiales.\n\nEl número total "
            "de desplazados superará los 3 millones en Zorvania.",
        )
    )
    assert found["3"].fields["qualifier"] == ["exact"]
    assert found["3000000"].fields["qualifier"] == ["more-than"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A polícia de Zorvânia resgatou mais do que 200 migrantes em Kelvar.",
        )
    )
    assert found["200"].fields["qualifier"] == ["more-than"]


def test_a_device_that_plays_is_no_person(tmp_path, knowledge):
    """'20 DVD players': a device; '28 key players' are people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police of Kelvar seized 20 DVD players.\n\nThe Zorvan Agency met 28 key players "
            "in the fight against trafficking.",
        )
    )
    assert found["20"].fields["unit"] != "person"
    assert found["28"].fields["unit"] == "person"


def test_a_participle_before_a_known_plural_is_its_adjective(tmp_path, knowledge):
    """'Ministers from 12 concerned countries': an adjective of the noun after it; '19
    involved fake job offers' is a verb, and the number counts the cases before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ministers from 12 concerned countries met in Kelvar.\n\nOf the 31 cases "
            "investigated by the Zorvan Agency, 19 involved fake job offers.",
        )
    )
    assert found["12"].fields["unit"] == "country"
    assert found["19"].fields["unit"] == "case"


def test_screenshots_are_no_arrests(tmp_path, knowledge):
    """'5 capturas de pantalla': screenshots; 'cuatro capturas' are arrests."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania tomó 5 capturas de pantalla del sitio.\n\nLa policía "
            "realizó 4 capturas en Kelvar.",
        )
    )
    assert found["5"].fields["unit"] != "arrest"
    assert found["4"].fields["unit"] == "arrest"
