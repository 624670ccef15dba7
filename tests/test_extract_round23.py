"""`kg extract`: rules of the twenty-third round, from 24 fresh releases read as they came. A
name with no head word is a body's when its acronym follows it and the sentence says it acts
or sets it beside the kind of body it is; the word for an NGO in Spanish, Portuguese and French
types the name after it; Portuguese billions; "la cifra de" says what is counted; a role's
holder named after its body. On sentences composed for it (the names of places and bodies are
made up), each rule with the sentences a review found it must leave alone."""

from __future__ import annotations

import pytest

from composed import draft_of, observations


def _bodies(tmp_path, knowledge, body: str) -> list[str]:
    draft = draft_of(tmp_path, knowledge, body)
    return sorted({m.text for m in draft.entities.mentions if m.kind == "organization"})


@pytest.mark.parametrize(
    "sentence",
    [
        "The Sashastra Velma Bal (SVB) said 30 women were rescued at the border.",
        "The Sashastra Velma Bal (SVB) has arrested 12 traffickers.",
        "Nepal's border security force, Sashastra Velma Bal (SVB), rescued 30 women.",
    ],
)
def test_a_name_its_acronym_spells_that_acts_or_is_set_beside_its_kind(
    tmp_path, knowledge, sentence
):
    """A name of no head word whose initials the acronym after it spells is a body's when it
    speaks or acts ("said", "has arrested") or stands beside the kind of body it is ("Nepal's border
    security force, ..."), as it already was after "by" or "according to"."""
    assert _bodies(tmp_path, knowledge, sentence) == ["SVB", "Sashastra Velma Bal"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Voluntary Humanitarian Return (VHR) helped 30 women go home.",  # no act of a body
        "Under its scheme, Voluntary Humanitarian Return (VHR), 30 women went home.",
        "The Temporary Protected Status (TPS) was granted to 30 women.",
        # (review: a past participle after the brackets is no act; a clause is no apposition)
        "The Internally Displaced Persons (IDP) registered in the camp number 300.",
        "The Western Balkans Route (WBR) recorded 12,000 crossings in May.",
        "According to the agency, Gender-Based Violence (GBV), is rising in 30 camps.",
    ],
)
def test_a_spelt_out_name_that_neither_acts_nor_is_set_beside_a_body_is_none(
    tmp_path, knowledge, sentence
):
    """A programme's or a status's name spelt out before its acronym stays no body's: the
    sentence neither makes it an agent nor says it is one."""
    spelt_out = sentence.split(" (")[0].split()[-3:]
    assert not any(" ".join(spelt_out) in body for body in _bodies(tmp_path, knowledge, sentence))


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        (
            "O tráfico de pessoas movimenta cerca de 32 bilhões de dólares por ano.",
            "32000000000",
            "us-dollar",
        ),
        ("O esquema movimentou 1 bilhão de dólares em Lorvânia.", "1000000000", "us-dollar"),
    ],
)
def test_billions_in_portuguese(tmp_path, knowledge, sentence, value, unit):
    """ "32 bilhões de dólares", "1 bilhão de dólares" (Brazil): a thousand millions, the
    currency after them its unit (not a "bilhoe" of 32)."""
    found = observations(draft_of(tmp_path, knowledge, sentence, "Um comunicado"))
    assert found[value].fields["unit"] == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "La cifra de mujeres víctimas permaneció estable (3.415 en 2011 frente a 3.404 en 2008).",
        "El número de mujeres víctimas permaneció estable (3.415 en 2011 frente a 3.404 en 2008).",
        "Le nombre de femmes victimes est resté stable (3 415 en 2011 contre 3 404 en 2008).",
        "La cifra de las víctimas permaneció estable (3.415 en 2011 frente a 3.404 en 2008).",
    ],
)
def test_the_number_of_in_spanish_and_french_says_what_is_counted(tmp_path, knowledge, sentence):
    """ "la cifra de mujeres víctimas (3.415 en 2011 ...)": the numbers in brackets count the
    women that "la cifra de", "el número de", "le nombre de" names, as "the number of" does."""
    found = observations(draft_of(tmp_path, knowledge, sentence, "Un comunicado"))
    assert [
        (found[v].fields["unit"], str(found[v].fields["period"])) for v in ("3415", "3404")
    ] == [
        ("person", "2011"),
        ("person", "2008"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Así lo informó el comisionado del organismo adscrito a la Secretaría de Gobernación, "
        "Ardelio Zorvic Fosado.",
        "The report was presented by the director of the Lorvan Migration Service, Ardelio Zorvic.",
    ],
)
def test_the_name_after_a_role_of_a_body_and_a_comma_is_its_holders(tmp_path, knowledge, sentence):
    """ "el comisionado del organismo adscrito a la Secretaría X, Ardelio Zorvic Fosado": the
    name after the body holds the role the words before it name; it is no second body listed
    beside the first."""
    draft = draft_of(tmp_path, knowledge, sentence, "Un comunicado")
    bodies = {m.text for m in draft.entities.mentions if m.kind == "organization"}
    assert not any(name.startswith("Ardelio") for name in bodies)


def test_a_qualifier_that_qualifies_no_role_is_part_of_the_bodys_name(tmp_path, knowledge):
    """ "Lorvan Special Branch Deputy Director Cheong Koon Kock": "Special" qualifies no role
    here ("Special Representative" it would); the body before the role is "Lorvan Special
    Branch", and the person after it is its deputy director."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Lorvan Special Branch Deputy Director Cheong Koon Kock said 77 people were arrested.",
    )
    found = {(m.text, m.kind) for m in draft.entities.mentions}
    assert {("Lorvan Special Branch", "organization"), ("Cheong Koon Kock", "person")} <= found


@pytest.mark.parametrize(
    "sentence",
    [
        "Lorvan Special Economic Zone Director Ana Zorvic said 77 people were arrested.",
        "Lorvan National Park Director Ana Zorvic said 77 people were arrested.",
    ],
)
def test_a_qualifier_before_no_bodys_head_word_makes_no_body(tmp_path, knowledge, sentence):
    """ "Lorvan Special Economic Zone Director X" (review): the words before the role name a
    place, no body; a qualifier is kept in a body's name only before a body's head word."""
    assert _bodies(tmp_path, knowledge, sentence) == []


def test_a_body_joined_by_and_after_a_role_of_another_stays_a_body(tmp_path, knowledge):
    """ "The head of UNHCR and Bright Path signed ...": two bodies joined by "and", not a body
    and the holder of its role (that one is set apart by a comma)."""
    body = "The head of UNHCR and Bright Path signed the agreement covering 300 victims."
    assert "Bright Path" in _bodies(tmp_path, knowledge, body)


@pytest.mark.parametrize(
    "sentence",
    [
        "Selon l'ONG espagnole Caminando Zorvas, 778 personnes sont mortes en mer.",
        "Según la ONG Caminando Zorvas, 778 personas murieron en el mar.",
        "Segundo a ONG Caminando Zorvas, 778 pessoas morreram no mar.",
    ],
)
def test_a_name_after_ong_is_a_bodys(tmp_path, knowledge, sentence):
    """ "l'ONG espagnole X", "la ONG X", "a ONG X": the kind of body before the name (in
    French with its adjective after it) makes the name a body's, as "the NGO X" does."""
    draft = draft_of(tmp_path, knowledge, sentence, "Un communiqué")
    bodies = {m.text for m in draft.entities.mentions if m.kind == "organization"}
    assert bodies == {"Caminando Zorvas"}


def test_unodcs_brazilian_name_is_unodc_not_the_un(tmp_path, knowledge):
    """ "Escritório das Nações Unidas sobre Drogas e Crimes", as Brazil's press writes it (the
    office's own name ends in "Crime"): UNODC, not the United Nations inside its name."""
    body = "O plano teve o apoio do Escritório das Nações Unidas sobre Drogas e Crimes em Brasília."
    draft = draft_of(tmp_path, knowledge, body, "Um comunicado")
    bodies = {m.target for m in draft.entities.mentions if m.kind == "organization"}
    assert bodies == {"new:organization:united nations office on drugs and crime"}
