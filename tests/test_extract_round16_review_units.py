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
