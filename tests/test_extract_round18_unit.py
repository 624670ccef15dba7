"""`kg extract`: rules on the unit of drafted numbers written on the eighteenth round (the
README's `unit` made precise: acts are counted as the text counts them, and the noun is English
whatever the release's language), one test per rule, on sentences composed for it (the names of
people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_acts_are_counted_as_the_text_counts_them(tmp_path, knowledge):
    """'41,300 irregular border crossings', '8,200 voluntary returns', '450 rescues', 'the
    total deportations ... are 10,263': the act is the unit; 'returned 8,000 migrants', 'the
    return of 2,100 Zorvanians', '70 deaths', '5,400 arrivals' (reported as people), '267 dead
    and 118 missing' after a count of rescues, '159 rescued': people; '12 official border
    crossings': places."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Pelmark Border Office recorded 41,300 irregular border crossings in 2023.\n\n"
            "Ostravia registered 8,200 voluntary returns last year, and the police returned "
            "8,000 migrants to Zorvania.\n\n"
            "The agency assisted the return of 2,100 Zorvanians and counted 70 deaths.\n\n"
            "The coast had 450 rescues, and the hills had 159 rescued and 62 inspections.\n\n"
            "This week the total deportations from Velna are approximately 10,263.\n\n"
            "At the same time last year, there were 9,153 rescues, 267 dead and 118 missing.\n\n"
            "The islands saw 5,400 arrivals.\n\n"
            "Migrants used 12 official border crossings.",
        )
    )
    unit = {value: item.fields.get("unit") for value, item in found.items()}
    assert unit["41300"] == "crossing"
    assert unit["8200"] == "return"
    assert unit["8000"] == "person"
    assert unit["2100"] == "person"
    assert unit["70"] == "person"
    assert unit["450"] == "rescue"
    assert unit["159"] == "person"
    assert unit["10263"] == "deportation"
    assert unit["9153"] == "rescue"
    assert unit["5400"] == "person"
    assert unit["267"] == "person"
    assert unit["118"] == "person"
    assert unit["12"] == "border-crossing"


def test_of_the_total_after_a_count_of_the_moves_the_people_made(tmp_path, knowledge):
    """'Un total de 2.400 migrantes fueron retornados ... 300 retornos menos. Del total, el 60%
    eran hombres': the count of the returns (a unit of its own now) counts the same flow as the
    people returned, and leaves the total the share is of."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Un total de 2.400 migrantes fueron retornados a Ostravia entre el 2 y el 27 de "
            "marzo de 2023, según la Oficina de Velna.\n\nLa cifra representa una baja respecto "
            "al mismo mes del año anterior, es decir, 300 retornos menos.\n\n"
            "Del total, el 60% eran hombres.",
        )
    )
    assert found["300"].fields["unit"] == "return"
    assert found["60"].fields.get("period") == {"start": "2023-03-02", "end": "2023-03-27"}


def test_the_nouns_of_spanish_french_and_portuguese_are_given_in_english(tmp_path, knowledge):
    """'cuatro cartuchos', 'dos pistolas', '18 actas de nacimiento', '3.100 ingresos', '1.200
    salidas', '6 425 retour de migrants', 'Deux escadrons', '3 points frontaliers', '12
    passaportes', '3 armas de fogo', '40 entradas', '25 voluntarias': the English noun, by the
    lemma and what follows it; a noun the lexicon does not hold keeps the rules' reading."""
    units = [
        {value: item.fields.get("unit") for value, item in observations(draft).items()}
        for draft in (
            draft_of(tmp_path, knowledge, text)
            for text in (
                "La policía de Zorvania incautó cuatro cartuchos de caza, dos pistolas y 18 "
                "actas de nacimiento en una vivienda de Velna. Se registraron 3.100 ingresos y "
                "1.200 salidas en la frontera, y 25 voluntarias apoyaron a la Fundación Lorva "
                "con 7 zambombas.",
                "Deux escadrons de gendarmerie ont été déployés à Lorvel en octobre. Les "
                "autorités de Zorvanie ont enregistré 6 425 retour de migrants par 3 points "
                "frontaliers officiels.",
                "A polícia de Ostrávia apreendeu 12 passaportes e 3 armas de fogo numa casa de "
                "Pelmar, e registou 40 entradas de migrantes na fronteira durante o mês de março. "
                "Foram resgatadas 27 trabalhadoras.",
            )
        )
    ]
    spanish, french, portuguese = units
    assert spanish["4"] == "cartridge"
    assert spanish["2"] == "pistol"
    assert spanish["18"] == "birth-certificate"
    assert spanish["3100"] == "entry"
    assert spanish["1200"] == "exit"
    assert spanish["25"] == "person"
    assert spanish["7"] == "zambomba"  # (no English noun known: the word's own)
    assert french["2"] == "squadron"
    assert french["6425"] == "return"
    assert french["3"] == "border-crossing"
    assert portuguese["12"] == "passport"
    assert portuguese["3"] == "firearm"
    assert portuguese["40"] == "entry"
    assert portuguese["27"] == "person"  # (a person's noun in the feminine)


def test_the_number_of_what_is_said_after_the_number_before(tmp_path, knowledge):
    """'13,282 individuals were returned ..., bringing the total number of returns to 27,102',
    'raising the number of arrests this year to 340', 'The number of applications since January
    is 4,100' after a count of migrants: what 'the number of' names, not what the number before
    counts; 'the number of people aboard them was 2,300' after 40 boats: people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Another 13,282 individuals were returned from June to September, bringing the total "
            "number of returns to Zorvania to 27,102.\n\nPolice arrested 12 smugglers on "
            "Monday, raising the number of arrests this year to 340.\n\nIn May, 300 migrants "
            "applied for asylum in Velna. The number of applications since January is "
            "4,100.\n\nOfficials counted 40 boats, and the number of people aboard them was 2,300.",
        )
    )
    unit = {value: item.fields.get("unit") for value, item in found.items()}
    assert unit["13282"] == "person"
    assert unit["27102"] == "return"
    assert unit["12"] == "person"
    assert unit["340"] == "arrest"
    assert unit["4100"] == "application"
    assert unit["40"] == "boat"
    assert unit["2300"] == "person"


def test_missing_or_returned_after_a_count_of_things_are_those_things(tmp_path, knowledge):
    """'Of the 30 boats ..., 12 missing and 18 returned': things go missing and are returned
    too, so these count people only after a count of acts ('9,153 rescues, 267 dead and 118
    missing'); 'raided 40 brothels, and 12 arrested' are people (only people are arrested)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Of the 30 boats that left Velna, 12 missing and 18 returned.\n\n"
            "Police raided 40 brothels in Zorvania, and 15 arrested were minors.",
        )
    )
    unit = {value: item.fields.get("unit") for value, item in found.items()}
    assert unit["12"] == "boat"
    assert unit["18"] == "boat"
    assert unit["15"] == "person"


def test_a_count_in_brackets_after_a_name_counts_the_acts_named_before(tmp_path, knowledge):
    """'Most deportations went to Zorvania (3,351), Ostravia (1,872)': the acts its sentence
    names before, when it names no people ('Migrants who made 300 crossings came from Velna
    (120)': the migrants); 'Returns' opening a sentence is no people's name in -ns."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Most deportations went to Zorvania (3,351), Ostravia (1,872) and Velna (899).\n\n"
            "Returns from Dorsk (4,100) outnumbered those from Pelmark (2,300).\n\n"
            "Migrants who made 300 crossings came from Lorvel (120) and Tesk (180).",
        )
    )
    unit = {value: item.fields.get("unit") for value, item in found.items()}
    assert unit["3351"] == unit["1872"] == "deportation"
    assert unit["4100"] == unit["2300"] == "return"
    assert unit["120"] == unit["180"] == "person"


def test_a_participle_after_to_be_is_no_noun_in_these_languages(tmp_path, knowledge):
    """'31 víctimas ...; 19 fueron atendidas': a participle after 'fueron' is no noun the
    number counts, so the rules read around it (the victims); '45 fueron detenidos' keeps its
    people's noun; 'incautó 40 armas; 12 fueron registradas': the weapons."""
    units = [
        {value: item.fields.get("unit") for value, item in observations(draft).items()}
        for draft in (
            draft_of(tmp_path, knowledge, text)
            for text in (
                "Para el año 2020, fueron rescatadas 31 víctimas en Velna; 19 fueron atendidas "
                "por explotación sexual.",
                "En Zorvania, 139 son menores y 45 fueron detenidos.",
                "La policía de Zorvania incautó 40 armas; 12 fueron registradas en Velna.",
            )
        )
    ]
    assert units[0]["19"] == "person"
    assert units[1]["45"] == "person"
    assert units[2]["12"] == "weapon"
