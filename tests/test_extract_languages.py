"""`kg extract` on releases in Spanish, French and Portuguese: the words of those languages the
rules read (src/kg/extraction/foreign_words.py), one test per rule, on sentences composed for
it (the names of people and bodies are made up)."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources
from kg.extraction.foreign_words import foreign_times, language_of, unit_word


@pytest.mark.parametrize(
    ("said", "period"),
    [
        ("de febrero a julio de 2023", {"start": "2023-02", "end": "2023-07"}),
        ("entre janvier et juin 2024", {"start": "2024-01", "end": "2024-06"}),
        ("de janeiro a junho de 2024", {"start": "2024-01", "end": "2024-06"}),
        ("el 25 de septiembre de 2025", {"start": "2025-09-25", "end": "2025-09-25"}),
        ("le 13 octobre 2025", {"start": "2025-10-13", "end": "2025-10-13"}),
        ("le 1er novembre 2017", {"start": "2017-11-01", "end": "2017-11-01"}),
        ("em 3 de março de 2019", {"start": "2019-03-03", "end": "2019-03-03"}),
        ("De 2013 à 2017", {"start": "2013", "end": "2017"}),
        ("entre 2017 e 2019", {"start": "2017", "end": "2019"}),
        ("desde marzo de 2015", {"start": "2015-03"}),
        ("depuis 2017", {"start": "2017"}),
        ("durante el mes de octubre de 2015", {"start": "2015-10", "end": "2015-10"}),
        ("en septembre 2015", {"start": "2015-09", "end": "2015-09"}),
        ("em 2020", {"start": "2020", "end": "2020"}),
        ("en 2023", {"start": "2023", "end": "2023"}),
        ("el primer semestre de 2024", {"start": "2024-01", "end": "2024-06"}),
        ("le deuxième trimestre 2022", {"start": "2022-04", "end": "2022-06"}),
        ("del 10 al 16 de febrero de 2014", {"start": "2014-02-10", "end": "2014-02-16"}),
        ("du 3 au 9 juin 2024", {"start": "2024-06-03", "end": "2024-06-09"}),
        ("De maio de 2016 a outubro de 2021", {"start": "2016-05", "end": "2021-10"}),
        ("entre Fevereiro de 2015 a Setembro de 2018", {"start": "2015-02", "end": "2018-09"}),
    ],
)
def test_times_said_in_spanish_french_or_portuguese_are_read(said, period):
    text = f"Las autoridades de Zorvania registraron 50 casos {said}."
    assert [value for _, _, value in foreign_times(text, 0, len(text))] == [period]


def test_a_year_right_after_a_number_is_its_own():
    """'con 94 casos en 2020 en comparación con los 152 de 2019': 'de 2019' is the 152's."""
    text = "con 94 casos en 2020 en comparación con los 152 de 2019"
    found = foreign_times(text, 0, len(text))
    assert [(text[a:b], value) for a, b, value in found] == [
        ("en 2020", {"start": "2020", "end": "2020"}),
        ("de 2019", {"start": "2019", "end": "2019"}),
    ]


def test_a_day_that_no_month_has_is_no_time():
    text = "le 45 octobre 2025"
    assert foreign_times(text, 0, len(text)) == []


@pytest.mark.parametrize(
    ("head", "phrase", "unit"),
    [
        ("trata", "casos de trata", "case"),
        ("liés", "cas liés à la traite", "case"),
        ("interpellés", "individus ont été interpellés", "person"),
        ("crianças", "crianças", "person"),
        ("varones", "varones", "person"),
        ("volontaires", "retours volontaires", "return"),  # (acts: README, `unit`)
        ("pays", "pays différents", "country"),
        ("traficantes", "presuntos traficantes", "person"),  # (an adjective before the noun)
        ("venezolanos", "venezolanos", "person"),  # (a demonym)
        ("semanas", "semanas", "week"),  # (no demonym: weeks)
        ("ciudades", "ciudades", "city"),
        ("pour", "infractions pour traite", "offence"),
        ("workers", "trafficked workers", None),  # an English noun: the English rules' own
    ],
)
def test_the_noun_a_number_counts_is_its_phrase_s_first_word_in_these_languages(head, phrase, unit):
    assert unit_word(head, phrase, "es") == unit


def test_a_word_shaped_like_a_demonym_is_no_person_in_an_english_release():
    """'250,000 meticais' in an English release: a currency, not people."""
    assert unit_word("meticais", "meticais", "en") is None
    assert unit_word("namibianos", "namibianos", "en") is None
    assert unit_word("namibianos", "namibianos", "pt") == "person"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Según datos del Observatorio de Zorvania, se registraron 286 casos de trata de "
            "personas en el primer semestre del año, la mayoría de ellos en zonas rurales.",
            "es",
        ),
        (
            "Selon les autorités de Zorvanie, plus de 200 cas liés à la traite des personnes "
            "ont été enregistrés au cours des cinq dernières années dans le pays.",
            "fr",
        ),
        (
            "Segundo a polícia de Zorvânia, foram resgatadas mais de 140 crianças e jovens "
            "que tinham sido exploradas por redes de tráfico de pessoas.",
            "pt",
        ),
        (
            "The police of Zorvania said that 286 cases of trafficking in persons were "
            "recorded in the first half of the year, most of them in rural areas.",
            "en",
        ),
    ],
)
def test_a_release_s_language_is_identified(text, language):
    assert language_of(text) == language


def test_a_spanish_release_s_numbers_get_their_unit_qualifier_time_and_source(tmp_path, knowledge):
    """'Según datos de la OIM, de febrero a julio de 2023 se registraron más de 286 casos de
    trata, de los cuales 118 son menores de 18 años': a count of cases, more than, of
    February to July 2023, by IOM; 139 people, of the same time; 18 is an age, no count."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Según datos de la Organización Internacional para las Migraciones (OIM), de febrero a "
        "julio de 2023 se registraron más de 286 casos de trata en Zorvania, de los cuales "
        "118 son menores de 18 años. Un hombre de 46 años fue detenido.",
        title="Zorvania registra más de 286 casos de trata",
    )
    found = observations(draft)
    cases = found["286"].fields
    assert (cases["unit"], cases["qualifier"]) == ("case", ["more-than"])
    assert cases["period"] == {"start": "2023-02", "end": "2023-07"}
    assert sources(found["286"]) == ["iom"]
    minors = found["118"].fields
    assert (minors["unit"], minors["period"]) == ("person", {"start": "2023-02", "end": "2023-07"})
    assert "18" not in found and "46" not in found  # ages


def test_a_french_release_s_day_is_no_count_and_its_countries_are_places(tmp_path, knowledge):
    """'Le 13 octobre 2025, la Marine a secouru 87 candidats à l'émigration ... au large du
    Cameroun': 123 people of that day (13 is the day's), and Cameroun is Cameroon."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le 13 octobre 2025, la Marine zorvanaise a secouru au large du Cameroun une pirogue "
        "transportant 87 candidats à l’émigration irrégulière. Selon la Marine, environ 40 "
        "d’entre eux venaient de Libye.",
        title="La Marine zorvanaise secourt 87 candidats à l’émigration",
    )
    found = observations(draft)
    assert "13" not in found
    rescued = found["87"].fields
    assert (rescued["unit"], rescued["period"]) == ("person", "2025-10-13")
    assert found["40"].fields["qualifier"] == ["approximately"]
    places = mentions(draft, "place")
    assert "Cameroun" in places and "Libye" in places


def test_a_portuguese_release_s_qualifier_and_month_are_read(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Pelo menos 46 pessoas foram detidas em setembro de 2019 na província de Zorvânia, "
        "disse a polícia. Os menores, entre oito e 14 anos, foram entregues às famílias.",
        title="Polícia detém 46 pessoas em Zorvânia",
    )
    found = observations(draft)
    detained = found["46"].fields
    assert (detained["unit"], detained["qualifier"], detained["period"]) == (
        "person",
        ["at-least"],
        "2019-09",
    )
    assert "14" not in found  # an age


def test_another_language_s_country_names_are_not_read_in_an_english_release(tmp_path, knowledge):
    """'Maurice' is Mauritius in French and a given name in English."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Maurice Dolvan, the director of the Zorvan Shelter, said that the shelter had "
        "hosted 120 migrants in 2023 and that most of them were women and children.",
    )
    assert "Maurice" not in mentions(draft, "place")


@pytest.mark.parametrize(
    ("language", "said", "value"),
    [
        ("es", "91.952 personas", "91952"),
        ("es", "3,4 millones de personas", "3400000"),
        ("es", "75 mil pesos", "75000"),
        ("es", "siete detenidos", "7"),
        ("es", "treinta y dos migrantes", "32"),
        ("es", "dos mil quinientos migrantes", "2500"),
        ("fr", "Trente-huit enfants", "38"),
        ("fr", "quatre-vingt-quatre femmes", "84"),
        ("fr", "11 240 hommes", "11240"),
        ("fr", "6,415 haïtiens", "6415"),  # (thousands set apart as in English)
        ("fr", "deux cents migrants", "200"),
        ("pt", "R$ 3 milhões", "3000000"),
        ("pt", "vinte e dois migrantes", "22"),
        ("pt", "1.083 pessoas", "1083"),
    ],
)
def test_numbers_are_read_as_each_language_writes_them(language, said, value):
    from decimal import Decimal

    from kg.extraction.foreign_words import NUMBERS, number_value

    found = [number_value(m) for m in NUMBERS[language].finditer(said)]
    assert found == [Decimal(value)]


def test_a_word_that_is_a_number_in_one_language_only_is_read_in_that_one():
    """'dos' is two in Spanish and 'of the' in Portuguese; 'un' is an article."""
    from kg.extraction.foreign_words import NUMBERS

    assert [m.group() for m in NUMBERS["pt"].finditer("a maioria dos migrantes")] == []
    assert [m.group() for m in NUMBERS["es"].finditer("dos migrantes y un hombre")] == ["dos"]


def test_a_spanish_release_s_numbers_in_words_and_with_their_scale_are_counted(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "La policía de Zorvania detuvo a siete personas y rescató a 1.083 migrantes en 2023, "
        "y el fondo recibió 3,4 millones de dólares.",
        title="Zorvania rescata a 1.083 migrantes",
    )
    found = observations(draft)
    assert found["7"].fields["unit"] == "person"
    assert (found["1083"].fields["unit"], found["1083"].fields["period"]) == ("person", "2023")
    assert "3400000" in found or "3400000.0" in found


def test_two_bodies_joined_by_y_or_et_are_two(tmp_path, knowledge):
    """'la Gendarmería Zorvana y de la División Trata de Personas', 'la Guardia Zorvana y la
    Organización Internacional Zorvan Rescue': two bodies; 'la Educación, la Ciencia y la
    Cultura' goes on (no body's head after 'y la')."""
    orgs = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Agentes de la Gendarmería Zorvana y de la División Trata de Personas de la Policía "
            "de Zorvania rescataron a siete mujeres. La Guardia Zorvana y la Organización "
            "Internacional Zorvan Rescue participaron en el operativo.",
            title="Rescatan a siete mujeres en Zorvania",
        ),
        "organization",
    )
    assert "División Trata de Personas de la Policía de Zorvania" in orgs
    assert "Organización Internacional Zorvan Rescue" in orgs
    assert not any(" y " in name for name in orgs)


def test_world_regions_are_read_by_their_names_in_the_release_s_language(tmp_path, knowledge):
    """'Centroamérica', 'América Latina' (CLDR's names of the UN M49 regions); 'Afrique
    centrale' is that region, not 'Afrique'."""
    from kg.extraction import foreign_places

    spanish = {surface: place.name for surface, place, _ in foreign_places.countries_in("es")}
    assert spanish["Centroamérica"] == "Central America"
    assert spanish["América Latina"] == spanish["Latinoamérica"] == "Latin America"
    french = {surface: place.name for surface, place, _ in foreign_places.countries_in("fr")}
    assert french["Afrique centrale"] == "Middle Africa"
    places = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Unos 5.000 migrantes de Centroamérica cruzan cada día hacia América Latina del "
            "sur, según la Organización Internacional para las Migraciones.",
            title="Migrantes de Centroamérica",
        ),
        "place",
    )
    assert "Centroamérica" in places


def test_people_are_found_by_the_roles_and_verbs_of_speech_of_their_language(tmp_path, knowledge):
    """'Euphrasie Dolvan, responsable nationale de ...', '"...", a déclaré Ramata Zorva-Ly':
    a role in apposition and a verb of speech in French, as in English."""
    people = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Euphrasie Dolvan, responsable nationale de l'Initiative zorvane, avait indiqué en "
            "2019 que le problème allait s'aggraver. \"C'est un nombre important\", a déclaré "
            "Ramata Zorva-Ly, ministre de la Femme.",
            title="Le travail des enfants en Zorvanie",
        ),
        "person",
    )
    assert {"Euphrasie Dolvan", "Ramata Zorva-Ly"} <= set(people)


@pytest.mark.parametrize(
    ("language", "said", "values"),
    [
        ("es", "El 45 por ciento de las víctimas", ["45"]),  # a share's words, no hundred
        ("fr", "45 pour cent des victimes", ["45"]),
        ("pt", "45 por cento das vítimas", ["45"]),
        ("es", "1.5 millones de personas y 12.5 por ciento", ["1500000", "12.5"]),
        ("es", "1,250.50 pesos", ["1250.50"]),
        ("es", "rescató a 2 mil 500 migrantes y a 1 millón 200 mil personas", ["2500", "1200000"]),
        ("es", "entre cinco y seis personas", ["5", "6"]),  # two numbers, not 11
        ("fr", "entre cinq et six passeurs", ["5", "6"]),
        ("fr", "vingt et un migrants", ["21"]),
    ],
)
def test_numbers_as_mexico_and_the_others_write_them(language, said, values):
    from decimal import Decimal

    from kg.extraction.foreign_words import NUMBERS, number_value

    found = [number_value(m) for m in NUMBERS[language].finditer(said)]
    assert found == [Decimal(v) for v in values]


def test_nouns_shaped_like_demonyms_are_not_people():
    """'15 empresas', '12 oficinas', '40 locais', '35 entretiens': things, not people."""
    for word in ("empresas", "oficinas", "locais", "hospitais", "entretiens", "maquinas"):
        assert unit_word(word, word, "es") != "person", word


def test_an_article_before_an_acronym_is_no_part_of_the_body_s_name(tmp_path, knowledge):
    """'La OIM informó que 800 personas ...': IOM, the number's source."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La OIM informó que 800 personas fueron rescatadas en Zorvania en 2023.",
        title="Rescatan a 800 personas en Zorvania",
    )
    assert mentions(draft, "organization") == {"OIM": "iom"}
    assert sources(observations(draft)["800"]) == ["iom"]


def test_given_names_and_words_are_not_read_as_countries(tmp_path, knowledge):
    """'Mauricio Rentería', 'Guadalupe Hernández': Spanish given names that ISO 3166's
    translations also give countries (Mauritius, Guadeloupe)."""
    places = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Mauricio Rentería y Guadalupe Hernández, de la Fiscalía de Zorvania, presentaron "
            "los 40 casos registrados en 2023.",
            title="Fiscalía de Zorvania presenta 40 casos",
        ),
        "place",
    )
    assert not {"Mauricio", "Guadalupe"} & set(places)


def test_a_point_on_a_road_is_no_count(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía capturó a dos presuntos traficantes en el kilómetro 27.5 de la "
            "autopista de Zorvania.",
            title="Capturan a dos presuntos traficantes",
        )
    )
    assert "27.5" not in found and found["2"].fields["unit"] == "person"


def test_a_short_english_brief_naming_a_spanish_body_is_english():
    brief = (
        "Chiapas: Instituto Nacional de Migración rescues 34 migrants\n\nInstituto Nacional de "
        "Migración agents rescued 34 migrants, twelve minors, near Tapachula, Chiapas. Fourteen "
        "were Hondurans, 1.5 per cent Cubans."
    )
    assert language_of(brief) == "en"
