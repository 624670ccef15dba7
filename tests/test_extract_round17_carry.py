"""`kg extract`: rules of the seventeenth round on the time a number takes from the whole it is
a part of (data/devset/README.md, `period`: "the parts of a whole take the whole's period"),
one test per rule, on sentences composed for it (the names of people, places and bodies are
made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_the_parts_said_after_their_whole_in_its_sentence_take_its_time(tmp_path, knowledge):
    """'The agency assisted 9,300 people, of whom 62% were women': the whole took its year
    from the sentence before ('In 2016, ...'), and its parts, a share among them, take it too
    once the whole has it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2016, over 18,000 migrants arrived in Pelmark. The agency assisted 9,300 "
            "people, of whom 62% were women and 1,200 were children.",
        )
    )
    assert found["9300"].fields.get("period") == "2016"
    assert found["62"].fields.get("period") == "2016"
    assert found["1200"].fields.get("period") == "2016"


def test_numbers_pointing_back_to_a_dated_count_take_its_time(tmp_path, knowledge):
    """'41 of them', 'Of the victims, 58 per cent ...': parts of the 640 victims identified
    between March 2020 and May 2021, of that time; not 'Some 90 of them are now back' (a time
    of its own), nor a share of 'the cases' when two counts of cases of two years come before
    it (which one is not said); nor '300 of them' after '12 shelters' (no whole of 300)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Between March 2020 and May 2021, the Drelvan Labour Office identified 640 victims "
            "of forced labour in Pelmark.\n\nThe office also noted that 41 of them were "
            "children, 12 of whom were under ten. Of the victims, 58 per cent were men and 42 "
            "per cent were women.\n\nSome 90 of them are now back in their home villages.",
        )
    )
    spring = {"start": "2020-03", "end": "2021-05"}
    for value in ("41", "12", "58", "42"):
        assert found[value].fields.get("period") == spring, value
    assert "period" not in found["90"].fields
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, 300 cases were opened in Zorvania, against 250 cases in 2018. 60 per "
            "cent of the cases concerned sexual exploitation.",
        )
    )
    assert "period" not in found["60"].fields
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2020 the Drelvan shelters hosted 640 victims, 120 of them children. The network "
            "ran 12 shelters in 2020. Its staff said 300 of them came from the capital.",
        )
    )
    assert found["120"].fields.get("period") == "2020"
    assert "period" not in found["300"].fields


def test_of_the_total_points_to_the_count_said_as_a_total(tmp_path, knowledge):
    """'Un total de 1,450 migrantes ... entre el 3 y el 28 de abril de 2024 ... 310 retornos
    menos. Del total, el 61% eran hombres': the shares are of the count said as a total, of
    its days, not of the difference said last."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Un total de 1,450 migrantes fueron retornados a Zorvania entre el 3 y el 28 de "
            "abril de 2024, según la Oficina Consular de Pelmark.\n\nLa cifra representa una "
            "baja respecto al mismo mes del año anterior, es decir, 310 retornos menos.\n\n"
            "Del total, el 61% eran hombres y el 39% mujeres.",
        )
    )
    april = {"start": "2024-04-03", "end": "2024-04-28"}
    assert found["61"].fields.get("period") == april
    assert found["39"].fields.get("period") == april


def test_of_this_number_points_to_the_count_said_last(tmp_path, knowledge):
    """'Out of this number, 21,000 people (25 per cent) ...', 'De esta cifra, 210 ...': a
    count named by what it is ('number', 'cifra'), not by what it counts, is the count said
    last, and its parts are of its year."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvanian border posts recorded 84,300 entries of migrants in 2019. Out of this "
            "number, 21,000 people (25 per cent) entered through Pelmark.\n\nDe acuerdo con la "
            "Fiscalía de Zorvania, en 2021 se registraron 640 denuncias por trata. De esta "
            "cifra, 210 correspondieron a explotación laboral.",
        )
    )
    assert found["21000"].fields.get("period") == "2019"
    assert found["25"].fields.get("period") == "2019"
    assert found["210"].fields.get("period") == "2021"
