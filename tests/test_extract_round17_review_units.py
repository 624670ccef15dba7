"""`kg extract`: the review of round 17's rules on units and qualifiers, on sentences composed
for it (the names of people, bodies and places are made up): each test a sentence the round's
rules read wrong and the code before them read right."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_number_in_words_before_de_and_a_month_is_a_day(tmp_path, knowledge):
    """'na Rua Sete de Setembro', 'no dia dois de Março de 2020': a number in words before
    'de' and a month in capitals is a day of a date or of a street's name, no people counted
    by where they come from ('tres de Paraguay')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A polícia de Zorvânia resgatou 45 trabalhadores numa oficina da Rua Sete de "
            "Setembro. Os migrantes chegaram no dia dois de Março de 2020.",
        )
    )
    assert found["45"].fields["unit"] == "person"
    assert "7" not in found and "2" not in found


def test_them_counts_no_things_when_people_are_said_of_them(tmp_path, knowledge):
    """'opened 4 shelters ... Twelve of them are minors', 'sentenced to 12 years ... Two of
    them have since appealed': a number of them in a later paragraph counts no things or
    times of the count before it when what is said of them is said of people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan agency opened 4 shelters in 2018.\n\nWomen and girls rescued from the "
            "boats are housed there. Twelve of them are minors.",
        )
    )
    assert found["12"].fields["unit"] != "shelter"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Pelmark traffickers were sentenced to 12 years in prison in 2019.\n\nTwo of "
            "them have since appealed against the ruling.",
        )
    )
    assert found["2"].fields["unit"] != "year"
