"""`kg extract`: rules of the twenty-sixth round, from 24 fresh releases read as they came. A
city of the gazetteer after the prepositions of Spanish, French and Portuguese; a company's
name by its form ("Ltd", "(Pty) Ltd"); people named as who was arrested, accused or
identified, or in apposition to a common noun for a person. On sentences composed for it (the
names of people and bodies are made up; a gazetteer's cities are real), each rule with the
sentences it must leave alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources


@pytest.mark.parametrize(
    ("body", "cities"),
    [
        (
            "La Fiscalía ejecutó tres allanamientos en las ciudades de Riobamba y Ambato. La "
            "trata de personas en Ecuador es un delito grave.",
            {"Riobamba", "Ambato"},
        ),
        (
            "A Polícia Federal cumpriu mandados em Ubatuba e nas cidades de Jundiaí e Santos. "
            "O Brasil reforça o combate ao tráfico de pessoas.",
            {"Ubatuba", "Jundiaí", "Santos"},
        ),
        (
            "La gendarmerie a mené des perquisitions à Thiès et dans les villes de Kaolack et "
            "Ziguinchor. Le Sénégal renforce la lutte contre la traite.",
            {"Thiès", "Kaolack", "Ziguinchor"},
        ),
    ],
)
def test_a_city_after_a_preposition_of_the_texts_language(tmp_path, knowledge, body, cities):
    """ "en las ciudades de Riobamba y Ambato", "em Ubatuba", "à Thiès": a city of the
    gazetteer where the text's own language puts a place."""
    places = mentions(draft_of(tmp_path, knowledge, body), "place")
    assert cities <= set(places)


def test_the_foreign_prepositions_do_not_place_a_city_in_english(tmp_path, knowledge):
    """In English, "de" and "e" put no place: "Maria de Santos" is the speaker's name."""
    body = (
        "Police in Brazil rescued 12 women, said the coordinator of the shelter, Maria de "
        "Santos. Brazil has stepped up its response."
    )
    places = mentions(draft_of(tmp_path, knowledge, body), "place")
    assert "Santos" not in places


@pytest.mark.parametrize(
    ("body", "company"),
    [
        (
            "The court fined the business entity (Lumen Vale (Pty) Ltd.) R300 000.",
            "Lumen Vale (Pty) Ltd",
        ),
        (
            "The group operated Lucky Orvan (Pty) Ltd in Village Deep, Johannesburg.",
            "Lucky Orvan (Pty) Ltd",
        ),
        ("Police raided Golden Veltra Ltd in Bangkok on Monday.", "Golden Veltra Ltd"),
        ("The vessel belonged to Ocean Pelmar Inc., a firm in Taiwan.", "Ocean Pelmar Inc"),
    ],
)
def test_a_company_is_named_with_its_form(tmp_path, knowledge, body, company):
    """ "Lumen Vale (Pty) Ltd", "Golden Veltra Ltd": a company's form ends its name and makes it
    a body's, not a person's (a given name first: "Lucky", "Golden")."""
    draft = draft_of(tmp_path, knowledge, body)
    assert company in mentions(draft, "organization")
    assert not mentions(draft, "person")


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (
            "The two arrested are Dawa Norbu Lhamo and Pemba Lhamo of Dolakha.",
            {"Dawa Norbu Lhamo", "Pemba Lhamo"},
        ),
        (
            "Police identified the suspects as Tashi Norbu Lhamo and Pemba Lhamo.",
            {"Tashi Norbu Lhamo", "Pemba Lhamo"},
        ),
        ("The accused, Dawa Norbu Lhamo, was remanded for seven days.", {"Dawa Norbu Lhamo"}),
        ("Dawa Norbu Lhamo, a local trafficker, was arrested on Monday.", {"Dawa Norbu Lhamo"}),
        (
            "Según la fiscalía, el imputado, Orlando Vasquel Trinor, fue detenido.",
            {"Orlando Vasquel Trinor"},
        ),
    ],
)
def test_people_named_as_who_was_arrested_or_identified(tmp_path, knowledge, body, people):
    """ "The two arrested are X and Y", "identified the suspects as X", "The accused, X,", "X, a
    local trafficker,": a name the sentence gives as a person's."""
    assert people <= set(mentions(draft_of(tmp_path, knowledge, body), "person"))


@pytest.mark.parametrize(
    "body",
    [
        # (a group named so)
        "The gang, identified as Velno Axe, operated in the port.",
        # (one word: a nationality, not a name)
        "Police identified them as Nigerians.",
        # (the noun is an adjective of another: "a national NGO")
        "Casa Velora, a national NGO, said it assisted the women.",
    ],
)
def test_no_person_named_so_without_a_persons_name(tmp_path, knowledge, body):
    assert not mentions(draft_of(tmp_path, knowledge, body), "person")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The director of the NGO Velkado, Ana Rovel, said the country was ranked.", "Velkado"),
        ("Le directeur de l’ONG Velkado a rappelé que le pays est classé.", "Velkado"),
        ("Victims were sheltered by the local NGO Feniksa in Tirana.", "Feniksa"),
    ],
)
def test_a_one_word_name_after_the_word_ngo(tmp_path, knowledge, body, name):
    """ "the NGO Velkado", "l'ONG Velkado": only a body's name follows the word, of one word
    too."""
    assert name in mentions(draft_of(tmp_path, knowledge, body), "organization")


@pytest.mark.parametrize(
    "body",
    ["The NGO Sunday said it helped 40 women.", "The agency Velkado said it helped 40 women."],
)
def test_no_one_word_name_after_a_weekday_or_another_kind(tmp_path, knowledge, body):
    """ "The NGO Sunday said": a date; "The agency Velkado": a kind other names follow too."""
    assert not mentions(draft_of(tmp_path, knowledge, body), "organization")


def test_al_joins_a_spanish_bodys_name(tmp_path, knowledge):
    """ "la Oficina de Atención al Migrante": "al" (a + el) inside the name."""
    body = "Las autoridades inauguraron la Oficina de Atención al Migrante en la ciudad."
    assert "Oficina de Atención al Migrante" in mentions(
        draft_of(tmp_path, knowledge, body), "organization"
    )


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("En lo que va del año 2025, se han registrado 78 víctimas.", "2025"),
        ("Durante el año 2025, se han registrado 78 víctimas.", "2025"),
        ("A lo largo de 2024 se registraron 78 víctimas.", "2024"),
        ("Au cours de l'année 2024, 78 victimes ont été identifiées.", "2024"),
        ("Ao longo de 2024, foram registradas 78 vítimas.", "2024"),
        ("Desde inicios de 2025 se registraron 78 víctimas.", ("2025-01", None)),
        ("Depuis le début de l'année 2025, 78 victimes ont été enregistrées.", ("2025-01", None)),
        ("Desde o início de 2025, foram registradas 78 vítimas.", ("2025-01", None)),
    ],
)
def test_a_year_said_with_its_course_or_start(tmp_path, knowledge, sentence, period):
    """ "en lo que va del año 2025", "au cours de l'année 2024": the year, as "in 2025" is;
    "desde inicios de 2025", "depuis le début de l'année 2025": from its January on, as
    "since the beginning of the year" (data/devset/README.md, `period`)."""
    item = observations(draft_of(tmp_path, knowledge, sentence))["78"]
    shown = item.fields.get("period")
    if isinstance(shown, dict):
        shown = (shown.get("start"), shown.get("end"))
    assert str(shown) == str(period)


@pytest.mark.parametrize(
    ("sentence", "value", "months"),
    [
        ("En los primeros ocho meses de 2017, 31.705 migrantes retornaron.", "31705",
         ("2017-01", "2017-08")),
        ("Sur les neuf premiers mois de 2025, 147 affaires ont été recensées.", "147",
         ("2025-01", "2025-09")),
        ("Nos primeiros seis meses de 2024, foram registrados 147 casos.", "147",
         ("2024-01", "2024-06")),
        ("En los últimos tres meses del año 2019 se registraron 40 casos.", "40",
         ("2019-10", "2019-12")),
    ],
)  # fmt: skip
def test_months_counted_from_a_years_start_or_end(tmp_path, knowledge, sentence, value, months):
    """ "los primeros ocho meses de 2017": January to August, as "the first eight months of
    2017" is read."""
    period = observations(draft_of(tmp_path, knowledge, sentence))[value].fields["period"]
    assert (period["start"], period["end"]) == months


def test_a_share_of_that_figure_takes_its_months(tmp_path, knowledge):
    """ "De esa cifra, 28.594 fueron hombres": a part of the count before, of its time."""
    body = (
        "Según datos del Observatorio, las personas retornadas en los primeros ocho meses de "
        "2017 fueron 31.705. De esa cifra, 28.594 fueron adultos."
    )
    period = observations(draft_of(tmp_path, knowledge, body))["28594"].fields["period"]
    assert (period["start"], period["end"]) == ("2017-01", "2017-08")


# The review's texts: what the rules must leave alone.
@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        # ("al" and "au" between two bodies join neither)
        ("El caso pasó de la Fiscalía General del Estado al Ministerio del Interior.",
         "organization", "Fiscalía General del Estado al Ministerio del Interior"),
        ("Le dossier est passé de la Police Nationale au Parquet de Dakar.",
         "organization", "Police Nationale au Parquet de Dakar"),
        # (one word after "NGO" before a noun it qualifies)
        ("The charity Christmas appeal raised funds for the shelter.", "organization",
         "Christmas"),
        ("The NGO Facebook page showed the figures.", "organization", "Facebook"),
        # (a body, after "of", is no person's)
        ("Pelmark Trust, the employer of the accused, paid the fine.", "person", "Pelmark Trust"),
        # (a site named so)
        ("Police named the shelter as Safe Haven.", "person", "Safe Haven"),
        # (the personal "a", "et" before a given name; "del" inside a name)
        ("La policía rescató a Victoria en Cuenca. Ecuador lucha contra la trata.", "place",
         "Victoria"),
        ("Elle a parlé à Florence et à Nancy. La France lutte contre la traite.", "place",
         "Nancy"),
        ("Las víctimas estaban en el albergue Virgen del Carmen. México lucha contra la trata.",
         "place", "Carmen"),
    ],
)  # fmt: skip
def test_the_rules_leave_alone(tmp_path, knowledge, body, kind, name):
    assert name not in mentions(draft_of(tmp_path, knowledge, body), kind)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("A lo largo de 2023 y 2024 se registraron 78 víctimas.", ("2023", "2024")),
        ("Desde el inicio de 2020 hasta 2023 se registraron 78 víctimas.", ("2020", "2023")),
    ],
)
def test_a_range_of_years_stays_a_range(tmp_path, knowledge, sentence, period):
    """ "A lo largo de 2023 y 2024": the two years, not the first."""
    found = observations(draft_of(tmp_path, knowledge, sentence))["78"].fields["period"]
    assert (found["start"], found["end"]) == period


def test_a_persons_name_after_the_object_of_identified(tmp_path, knowledge):
    """ "identified the group's leader as X": the leader is a person, the group is not named."""
    body = "Police identified the group's leader as Dawa Norbu Lhamo."
    assert "Dawa Norbu Lhamo" in mentions(draft_of(tmp_path, knowledge, body), "person")


@pytest.mark.parametrize(
    ("body", "people"),
    [
        ("Los detenidos son Orlando Vasquel y Marta Trinor, según la policía.",
         {"Orlando Vasquel", "Marta Trinor"}),
        ("Os presos são Orlando Vasquel e Marta Trinor.", {"Orlando Vasquel", "Marta Trinor"}),
        ("Les suspects sont Orlando Vasquel et Marta Trinor.",
         {"Orlando Vasquel", "Marta Trinor"}),
    ],
)  # fmt: skip
def test_the_arrested_named_in_the_other_languages(tmp_path, knowledge, body, people):
    """ "Los detenidos son X y Y": two people, as "The two arrested are X and Y"; a given name
    after "y" begins the second (not "Ortega y Gasset", one surname)."""
    assert set(mentions(draft_of(tmp_path, knowledge, body), "person")) == people


def test_a_compound_surname_with_y_stays_one_name(tmp_path, knowledge):
    body = "El filósofo José Ortega y Gasset dijo que no."
    assert "José Ortega y Gasset" in mentions(draft_of(tmp_path, knowledge, body), "person")


def test_a_count_after_a_days_date_is_not_joined_to_its_day(tmp_path, knowledge):
    """ "2023-01-31 331 migrants": the day's 31 and the count 331 are no "31 331"."""
    body = "On 2023-01-31 331 migrants were intercepted and returned to Pelmark, IOM said."
    found = observations(draft_of(tmp_path, knowledge, body))
    assert "331" in found and "31331" not in found


def test_a_day_listed_before_a_count_does_not_take_the_counts_digits(tmp_path, knowledge):
    """ "4,292 on November 1st and 3,787 on November 2nd": "1st and 3" is no span of days."""
    body = (
        "GENEVA, 3 November 2015 – Some 4,292 arrived on November 1st and 3,787 on November "
        "2nd, IOM said."
    )
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["4292"].fields["period"] == "2015-11-01"
    assert found["3787"].fields["period"] == "2015-11-02"


def test_a_roles_field_before_a_persons_name_is_no_person(tmp_path, knowledge):
    """ "el director general de Trata y Tráfico de Personas, Marcelo Elio,": the name before the
    person's is the role's field, no other person of a list."""
    body = (
        "Por su parte, el director general de Trata y Tráfico de Personas, Marcelo Elio, "
        "manifestó que los casos crecen."
    )
    assert set(mentions(draft_of(tmp_path, knowledge, body), "person")) == {"Marcelo Elio"}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # (a role written with a hyphen, its complement in lower case or elided)
        ("Le porte-parole de la direction de la garde nationale, Houssemeddine Velkani, a "
         "indiqué que des unités étaient là.", {"Houssemeddine Velkani"}),
        ("Le porte-parole de l'OIM, Houssemeddine Velkani, a dit que des unités étaient là.",
         {"Houssemeddine Velkani"}),
        # (a sentence opening with "Pour")
        ("Pour Pauline Irène Velkova, la ministre des Affaires sociales, il faut rester en "
         "alerte.", {"Pauline Irène Velkova"}),
        # (a title before a place's name)
        ("The service arrested a human trafficker Mrs. Asia Velkova at its control post.",
         {"Asia Velkova"}),
        # (named as the arrested or convicted, in a list with "et")
        ("Identifiés sous les noms de Kebir Velkani et Mahamat Tougoï Velk, les trois présumés "
         "étaient à bord.", {"Kebir Velkani", "Mahamat Tougoï Velk"}),
        ("Los miembros de la red condenados fueron Quelinton Novas Velk y Deivi Tamar Velkani.",
         {"Quelinton Novas Velk", "Deivi Tamar Velkani"}),
        # (a name part after "O’")
        ("The judge sentenced Seamus O’Brien Velk, 52, to life.", {"Seamus O’Brien Velk"}),
    ],
)  # fmt: skip
def test_people_of_the_second_fresh_batch(tmp_path, knowledge, body, people):
    """The shapes of people's names in the releases 857 to 880 (names made up)."""
    assert set(mentions(draft_of(tmp_path, knowledge, body), "person")) == people


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Le Ministère des Velkans de l’Extérieur et de l’Intégration Africaine a accueilli les "
         "migrants.", "Ministère des Velkans de l’Extérieur et de l’Intégration Africaine"),
        ("The suspects were handed to the National Drug Law Enforcement Agency, the official "
         "said.", "National Drug Law Enforcement Agency"),
    ],
)  # fmt: skip
def test_a_bodys_name_through_an_elision_or_a_law_word(tmp_path, knowledge, body, name):
    """ "de l’Extérieur": an elided article inside a name; "... Law Enforcement Agency": a
    body's head last, no law's name."""
    assert name in mentions(draft_of(tmp_path, knowledge, body), "organization")


@pytest.mark.parametrize(
    ("body", "value", "source"),
    [
        ("More than 90 people are to be taken in for hearings, the DIICOT informs.", "90",
         "new:organization:diicot"),
        ("Police arrested 2,900 people, Al-Velnaa daily reported yesterday quoting police "
         "sources.", "2900", "new:organization:al-velnaa"),
        ("Police arrested 2,900 people, the Kuwait Times reported.", "2900",
         "new:organization:kuwait times"),
    ],
)  # fmt: skip
def test_a_source_after_the_number_in_more_shapes(tmp_path, knowledge, body, value, source):
    """ "..., the DIICOT informs.", "..., Al-Velnaa daily reported yesterday quoting ...", "...,
    the Kuwait Times reported." (an outlet whose name begins with a place's)."""
    assert sources(observations(draft_of(tmp_path, knowledge, body))[value]) == [source]


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        ("By comparison, 19 and 15 cases were registered in 2013 and 2014 respectively.",
         {"19": "2013", "15": "2014"}),
        ("The figures were 1,200, 1,500 and 1,900 people in 2016, 2017 and 2018, respectively.",
         {"1200": "2016", "1500": "2017", "1900": "2018"}),
        ("Se registraron 19 y 15 casos en 2013 y 2014, respectivamente.", {"15": "2014"}),
    ],
)  # fmt: skip
def test_numbers_and_years_listed_respectively(tmp_path, knowledge, sentence, periods):
    """ "19 and 15 cases ... in 2013 and 2014 respectively": each number its own year."""
    found = observations(draft_of(tmp_path, knowledge, sentence))
    for value, year in periods.items():
        assert found[value].fields["period"] in (year, {"start": year, "end": year})


@pytest.mark.parametrize(
    ("sentence", "value", "months"),
    [
        ("Au premier trimestre de l’année 2021, ce sont 374 enfants qui ont été interceptés.",
         "374", ("2021-01", "2021-03")),
        ("En mars et en avril 2021, l’OIM a assisté 94 migrants à Gao.", "94",
         ("2021-03", "2021-04")),
    ],
)  # fmt: skip
def test_french_quarters_and_two_months(tmp_path, knowledge, sentence, value, months):
    """ "Au premier trimestre de l’année 2021", "En mars et en avril 2021"."""
    period = observations(draft_of(tmp_path, knowledge, sentence))[value].fields["period"]
    assert (period["start"], period["end"]) == months


# The second review's texts: what the rules must leave alone.
@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        # (an elided article after "et" begins another body)
        ("Le Ministère de la Justice et l’OIM ont formé les agents.", "organization",
         "Ministère de la Justice et l"),
        # (a law of a body is a law)
        ("The Law on the State Border Service was adopted in 2019.", "organization",
         "Law on the State Border Service"),
        # (one surname after "e" or "y")
        ("Ana Lemos e Silva disse que não.", "person", "Ana Lemos"),
        ("Luis Mora y Paz dijo que no.", "person", "Luis Mora"),
        # (one name after "sous le nom de": a campaign's)
        ("La campagne connue sous le nom de Main Tendue a commencé.", "person", "Main Tendue"),
        # (the article "L’" is no name's part)
        ("Marie Dubois et L’Abri Solidaire ont aidé.", "person", "L’Abri Solidaire"),
    ],
)  # fmt: skip
def test_the_second_review_leaves_alone(tmp_path, knowledge, body, kind, name):
    assert name not in mentions(draft_of(tmp_path, knowledge, body), kind)


def test_a_list_after_of_keeps_its_first_person_without_a_role(tmp_path, knowledge):
    """ "The testimonies of X and Y, a nurse": no role before "of", X is the list's first."""
    body = "The testimonies of Kalu Nnamdi and Adaeze Okafor, a nurse, were heard."
    assert "Kalu Nnamdi" in mentions(draft_of(tmp_path, knowledge, body), "person")


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        ("Il a précisé, dans une déclaration à la radio Velna fm, que 137 migrants ont été "
         "arrêtés.", "Velna fm"),
        ("The figures were given, - quotes KazVel a press conference on Wednesday.", "KazVel"),
        ("He told the broadcaster Velna TV on Monday that 40 people were held.", "Velna TV"),
    ],
)  # fmt: skip
def test_an_outlet_named_after_its_kind(tmp_path, knowledge, body, outlet):
    """ "à la radio Velna fm", "quotes KazVel", "the broadcaster Velna TV": the kind of medium
    before the name says it is an outlet's."""
    assert outlet in mentions(draft_of(tmp_path, knowledge, body), "organization")


def test_a_persons_name_after_a_medium_stays_a_persons(tmp_path, knowledge):
    body = "Il a parlé à la radio Jean Dupont, hier."
    assert "Jean Dupont" not in mentions(draft_of(tmp_path, knowledge, body), "organization")


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("In 2014, 74 cases were revealed, said the head of mission of the International "
         "Organization for Migration (IOM) in Kazakhstan, Kyrgyzstan, Turkmenistan and "
         "Uzbekistan Deyan Velkovich.", "Deyan Velkovich"),
        ("The budget was 1.3 million tenge, - said the senior officer of the Human "
         "Anti-Trafficking Committee of the criminal police of MIA RK Shynar Velkbaeva.",
         "Shynar Velkbaeva"),
    ],
)  # fmt: skip
def test_a_role_with_a_long_complement_before_the_name(tmp_path, knowledge, body, person):
    """A role's complement of many words, an acronym in brackets and a list of places, then
    the name: "the head of mission of the IOM (IOM) in A, B, C and D Jane Doe"."""
    assert person in mentions(draft_of(tmp_path, knowledge, body), "person")


def test_a_later_time_opening_its_own_part_of_the_clause(tmp_path, knowledge):
    """ "In 2017 approximately 200 cases were noted and in 2018 this number ... amounts to
    365": the time of the part the number is in, not the first of the clause."""
    body = (
        "In 2017 approximately 200 such cases were noted and in 2018 this number has "
        "increased by 75 per cent and amounts to 365 offences."
    )
    found = observations(draft_of(tmp_path, knowledge, body))
    assert found["200"].fields["period"] == "2017"
    assert found["75"].fields["period"] == "2018"
