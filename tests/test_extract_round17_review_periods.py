"""`kg extract`: faults the review of round 17's period rules found (a number's own period
lost, or a wrong one given, on sentences the round did not measure), one test per mend, on
sentences composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def _periods(tmp_path, knowledge, body: str) -> dict:
    return {
        k: it.fields.get("period")
        for k, it in observations(draft_of(tmp_path, knowledge, body)).items()
    }


def test_a_participle_right_after_what_is_counted_dates_the_count(tmp_path, knowledge):
    """'300 empleos creados en 2020', '1 200 dossiers ouverts en 2019', '500 casos abertos em
    2021': what was created or opened then, of that time; 'The 12 shelters open in 2020' is a
    state in 2020, no start (only 'open since 2015' is)."""
    found = _periods(
        tmp_path,
        knowledge,
        "En Zorvania se registraron 300 empleos creados en 2020 gracias al programa.\n\n"
        "Les autorités de Pelmark ont recensé 1 200 dossiers ouverts en 2019 pour traite.\n\n"
        "Foram registrados 500 casos abertos em 2021 pela polícia de Ostravia.\n\n"
        "The 12 shelters open in 2020 hosted 3,000 people in Pelmark.\n\n"
        "As 14 casas-abrigo criadas em 2017 atendem 260 mulheres por ano em Zorvania.\n\n"
        "Unos 40 refugios abiertos desde 2015 atienden a 9.000 personas en Ostravia.",
    )
    assert found["14"] == "2017"
    assert found["40"] is None
    assert found["300"] == "2020"
    assert found["1200"] == "2019"
    assert found["500"] == "2021"
    assert found["12"] == "2020"
    assert found["3000"] == "2020"


def test_while_of_what_was_going_on_is_no_later_part(tmp_path, knowledge):
    """'Some 300 migrants died while crossing the Sahara in 2019': 'while' and a gerund say
    when, not another part; nor is the Portuguese 'mais' of 'e mais 30 crianças' one."""
    found = _periods(
        tmp_path,
        knowledge,
        "Some 300 migrants died while crossing the Sahara in 2019.\n\n"
        "A polícia de Ostravia resgatou 120 vítimas, a maior parte mulheres, e mais 30 crianças "
        "em março de 2021.\n\n"
        "Some 410 migrants arrived in Zorvania, while in 2020 only 200 did.\n\n"
        "Some 520 migrants were rescued, while arriving boats brought 200 in 2019.",
    )
    assert found["520"] is None
    assert found["410"] is None
    assert found["300"] == "2019"
    assert found["120"] == "2021-03"


def test_frente_a_and_em_relacao_a_of_a_place_or_a_topic_compare_nothing(tmp_path, knowledge):
    """'frente a las costas de Libia en marzo de 2020' (off the coast), 'em relação ao
    tráfico de pessoas em 2020' (about): no comparison, the time is the number's."""
    found = _periods(
        tmp_path,
        knowledge,
        "Se rescató a 45 personas frente a las costas de Zorvania en marzo de 2020.\n\n"
        "Foram registradas 300 denúncias em relação ao tráfico de pessoas em 2020.\n\n"
        "La Fiscalía de Pelmark recibió 75 denuncias, un 12% más frente al mismo periodo de "
        "2020.\n\n"
        "La Fiscalía de Ostravia recibió 93 denuncias, un 9% más frente a lo registrado en "
        "2019.",
    )
    assert found["93"] is None
    assert found["45"] == "2020-03"
    assert found["300"] == "2020"
    assert found["75"] is None


def test_mas_then_the_que_of_a_clause_compares_nothing(tmp_path, knowledge):
    """'Se sumaron 500 migrantes más que cruzaron la frontera en enero de 2021': 500 more
    migrants who crossed then, not more than in January 2021."""
    found = _periods(
        tmp_path,
        knowledge,
        "Se sumaron 500 migrantes más que cruzaron a Pelmark en enero de 2021.\n\n"
        "La Fiscalía de Ostravia recibió 81 denuncias, un 12% más de lo que se registró en "
        "2020.",
    )
    assert found["81"] is None
    assert found["500"] == "2021-01"


def test_since_a_state_began_then_a_perfect_in_other_forms(tmp_path, knowledge):
    """'open since 2015, has to date assisted', 'has made', 'aberto desde 2015, já atendeu',
    'abierto desde 2007, ya atendió', 'ouvert depuis 2016, est venu en aide': counts from that
    start, as 'has assisted' does."""
    found = _periods(
        tmp_path,
        knowledge,
        "The Pelmark shelter, open since 2015, has to date assisted 3,000 women.\n\n"
        "The Zorvania office, open since 2014, has made 310 referrals.\n\n"
        "O abrigo de Ostravia, aberto desde 2013, já atendeu 2.500 mulheres.\n\n"
        "El albergue de Pelmark, abierto desde 2007, ya atendió a 900 personas.\n\n"
        "Le centre de Zorvania, ouvert depuis 2016, est venu en aide à 4 000 migrants.\n\n"
        "O abrigo de Pelmark, aberto desde 2012, já informou que atende 65 mulheres.",
    )
    assert found["3000"] == {"start": "2015"}
    assert found["310"] == {"start": "2014"}
    assert found["2500"] == {"start": "2013"}
    assert found["900"] == {"start": "2007"}
    assert found["4000"] == {"start": "2016"}
    assert found["65"] is None


def test_a_bracket_that_says_how_a_survey_was_made_dates_its_results(tmp_path, knowledge):
    """'The survey (conducted with 1,200 households in March 2021) found that 45% ...': the
    bracket's time is the survey's, and its results'."""
    found = _periods(
        tmp_path,
        knowledge,
        "The survey (conducted with 1,200 households in March 2021) found that 45% of migrants "
        "in Pelmark lacked food.",
    )
    assert found["45"] == "2021-03"


def test_days_and_years_in_brackets_are_no_number_of_their_own(tmp_path, knowledge):
    """'(del 1 al 15 de marzo de 2021)', '(du 1er au 15 mars 2021)', '(FY 2020/21)': days of
    a month and a fiscal year, no count; their time is the sentence's number's."""
    found = _periods(
        tmp_path,
        knowledge,
        "Durante la primera quincena (del 1 al 15 de marzo de 2021), llegaron 300 migrantes a "
        "Pelmark.\n\n"
        "Pendant la première quinzaine (du 1er au 15 mars 2021), 250 migrants sont arrivés à "
        "Zorvania.\n\n"
        "IOM assisted 3,000 migrants in Ostravia in the fiscal year (FY 2020/21).",
    )
    assert found["300"] == {"start": "2021-03-01", "end": "2021-03-15"}
    assert found["250"] == {"start": "2021-03-01", "end": "2021-03-15"}
    assert found["3000"] == {"start": "2020", "end": "2021"}


def test_an_aim_said_in_another_clause_makes_no_deadline(tmp_path, knowledge):
    """'The campaign, which will run until 2022, had reached 4,500 people by June 2021',
    'surpassed its goal, resettling 3,200 refugees by December 2019': a total reached by a
    date, the aim said in a clause the comma closes (not 'until 2022' instead)."""
    found = _periods(
        tmp_path,
        knowledge,
        "The campaign in Pelmark, which will run until 2022, had reached 4,500 people by June "
        "2021.\n\n"
        "The Zorvanian government surpassed its goal, resettling 3,200 refugees by December "
        "2019.\n\n"
        "By the end of 2020, the Ostravia programme, which aims to reach 10,000 people, had "
        "assisted 3,000.\n\n"
        "IOM Zorvania expected to assist 1,500 migrants by June 2021 but reached 1,750.\n\n"
        "Some 15,000 refugees, most of them from Zorvania, will be resettled in Pelmark by 2030."
        "\n\nOstravia aims, with help from IOM, to resettle 12,000 refugees by 2030.",
    )
    assert found["1750"] == {"end": "2021-06"}
    assert found["15000"] is None
    assert found["12000"] is None
    assert found["4500"] == {"end": "2021-06"}
    assert found["3200"] == {"end": "2019-12"}
    assert found["3000"] == {"end": "2020"}


def test_items_a_lead_in_opens_share_its_time(tmp_path, knowledge):
    """'In 2020, IOM in Pelmark: • assisted 300 migrants • returned 120 people': the items of
    a list opened by a lead-in that says the time are of that time."""
    found = _periods(
        tmp_path,
        knowledge,
        "In 2020, IOM in Pelmark: • assisted 300 migrants • returned 120 people to Zorvania."
        "\n\nHighlights: • 3,200 migrants arrived in Ostravia in 2019 • 35 percent of the "
        "children were sent back",
    )
    assert found["35"] is None
    assert found["300"] == "2020"
    assert found["120"] == "2020"


def test_a_when_clause_closed_by_a_perfect_leaves_the_span(tmp_path, knowledge):
    """'Since 2014 when the project began IOM has assisted 3,000 migrants': the number is the
    perfect's, from 2014 on, not of the 'when' clause."""
    found = _periods(
        tmp_path,
        knowledge,
        "Since 2014 when the project began IOM has assisted 3,000 migrants in Pelmark.",
    )
    assert found["3000"] == {"start": "2014"}


def test_updated_inside_a_sentence_or_a_bar_after_a_figure_is_no_byline(tmp_path, knowledge):
    """'The figures, updated on 12 March 2021, show that 3,000 migrants are stranded': the day
    the figures are of, not a byline's; 'Llegadas en enero de 2021 | 3.100 migrantes': a bar
    after a time inside a line is no masthead's."""
    found = _periods(
        tmp_path,
        knowledge,
        "The figures, updated on 12 March 2021, show that 3,000 migrants are stranded in "
        "Pelmark.\n\n"
        "Llegadas a Pelmark en enero de 2021 | 3.100 migrantes registrados.",
    )
    assert found["3000"] == "2021-03-12"
    assert found["3100"] == "2021-01"


def test_a_reported_clause_without_a_number_of_its_own_keeps_the_time(tmp_path, knowledge):
    """'Police rescued 45 victims, saying that the raid took place in March 2021', '...,
    señalando que el operativo se realizó en mayo de 2020': the reported clause dates the
    rescue; one holding a number of its own, a time from a start on ('adding that the ring
    had been active since 2018') or the time of something else ('saying that most of them had
    arrived there in 2019') does not."""
    found = _periods(
        tmp_path,
        knowledge,
        "Police in Pelmark rescued 45 victims, saying that the raid took place in March 2021.\n\n"
        "La policía de Ostravia rescató a 38 víctimas, señalando que el operativo se realizó en "
        "mayo de 2020.\n\n"
        "Police in Zorvania rescued 27 victims, adding that the ring had been active since "
        "2018.\n\n"
        "Police in Ostravia rescued 19 victims, saying that most of them had arrived there in "
        "2019.",
    )
    assert found["19"] is None
    assert found["45"] == "2021-03"
    assert found["38"] == "2020-05"
    assert found["27"] is None


def test_the_same_year_again_after_however_is_that_year(tmp_path, knowledge):
    """'Cases rose to 410 in 2021; however, in the same year 35 per cent of victims were never
    identified': the part set against the one before says it is of that time again."""
    found = _periods(
        tmp_path,
        knowledge,
        "Cases in Ostravia rose to 410 in 2021; however, in the same year 35 per cent of "
        "victims were never identified.\n\n"
        "La Fiscalía de Pelmark registró 111 casos en 2022; sin embargo, ese mismo año el 62% "
        "de las víctimas no fue identificado.",
    )
    assert found["35"] == "2021"
    assert found["62"] == "2022"


def test_a_de_after_a_comma_past_a_change_verb_is_no_from_figure(tmp_path, knowledge):
    """'El presupuesto aumentó, con una asignación de 3 millones de dólares a 12
    organizaciones en 2021': no change from a figure to another, 2021 is the allocation's."""
    found = _periods(
        tmp_path,
        knowledge,
        "El presupuesto de Pelmark aumentó, con una asignación de 3 millones de dólares a 12 "
        "organizaciones en 2021.",
    )
    assert found["3000000"] == "2021"


def test_a_round_or_edition_number_in_brackets_is_no_count_of_their_own(tmp_path, knowledge):
    """'La matriz (ronda 5, marzo de 2021) registró 3.000 desplazados', 'La matrice (5e cycle,
    mars 2021) a recensé 2 400 déplacés': the bracket's time is the round's, that of its
    counts."""
    found = _periods(
        tmp_path,
        knowledge,
        "La matriz de Pelmark (ronda 5, marzo de 2021) registró 3.000 desplazados.\n\n"
        "La matrice de Zorvania (5e cycle, mai 2021) a recensé 2 400 déplacés.",
    )
    assert found["3000"] == "2021-03"
    assert found["2400"] == "2021-05"
