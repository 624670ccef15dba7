"""`kg extract`: rules on the period of drafted numbers written on the seventeenth round (from
the tune split's numbers given a period that is not theirs), one test per rule, on sentences
composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_time_compared_with_is_not_the_numbers_in_four_languages(tmp_path, knowledge):
    """'41% par rapport au mois de mars 2019', 'un 12% más que en 2020', '20% a mais do que em
    2018', 'almost the same as the total of the first four months of 2019 (3,512)': the time
    after the comparison is the compared figure's, not the number's said before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Il s'agit d'une hausse de 41% par rapport au mois de mars 2019 où 2,310 retours "
            "avaient été enregistrés à Pelmark.\n\n"
            "La Fiscalía de Zorvania recibió 75 denuncias, un 12% más que en 2020.\n\n"
            "Foram resgatadas 64 vítimas em Ostravia, 20% a mais do que em 2018.\n\n"
            "Some 3,480 migrants reached Ostravia this spring, almost the same as the total "
            "recorded there in the first four months of 2019 (3,512).",
        )
    )
    assert "period" not in found["41"].fields
    assert found["2310"].fields.get("period") == "2019-03"
    assert "period" not in found["75"].fields
    assert "period" not in found["12"].fields
    assert "period" not in found["64"].fields
    assert "period" not in found["3480"].fields
    assert found["3512"].fields["period"]["start"] == "2019-01"
    assert found["3512"].fields["period"]["end"] == "2019-04"

