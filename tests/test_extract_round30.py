"""`kg extract`: rules of the thirtieth round, on the times of figures. A year running into the
next ("2024-25") is no count; a change "from" a count is measured against that count's time;
"FY 2018" is a year; the fiscal year before; brackets holding another figure say that figure's
time, not the sentence's; a figure a change starts from is not of the time it changed to; a
day set at a sentence's start holds for the next; "respectively" pairs the figures with their
years. On sentences composed for it (the names of people and bodies are made up), each rule
with the sentences it must leave alone."""

from __future__ import annotations

import pytest

from composed import draft_of, mentions, observations, sources

FISCAL = {"start": "2024", "end": "2025"}


def _period(found, value):
    got = found[value].fields.get("period")
    if isinstance(got, dict):  # (the draft's span as its start and end only)
        got = {k: v for k, v in got.items() if k in ("start", "end")}
    return got


def test_the_second_year_of_a_year_running_into_the_next_is_no_count(tmp_path, knowledge):
    """ "the 2024-25 financial year", "in 2019/20": the "25" and the "20" are the years'
    ends, no counts; the figures of the sentence take both years."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police held a raid on Monday. In new figures covering the 2024-25 financial year, "
            "the Velnor police detailed 420 victims of trafficking. In 2019/20, 35 traffickers "
            "were convicted.",
        )
    )
    assert sorted(found) == ["35", "420"]
    assert _period(found, "420") == FISCAL
    assert _period(found, "35") == {"start": "2019", "end": "2020"}


@pytest.mark.parametrize(
    ("body", "value", "period"),
    [
        (
            "Police held a raid on Monday. In 2019, police rescued 420 victims of trafficking, "
            "an increase of 10 per cent from 382 in 2018.",
            "10",
            "2019",
        ),
        (
            "Police held a raid on Monday. Police rescued 420 victims of trafficking, an "
            "increase of 10 per cent from 382 in 2018.",
            "420",
            None,
        ),
        (
            "Police held a raid on Monday. Police rescued 420 victims of trafficking, a 10 per "
            "cent increase over the 382 rescued in 2018.",
            "420",
            None,
        ),
        # (the figure changed from keeps its year; a span "from ... to ..." is the change's)
        (
            "Police held a raid on Monday. Police rescued 420 victims of trafficking, an "
            "increase of 10 per cent from 382 in 2018.",
            "382",
            "2018",
        ),
        (
            "Police held a raid on Monday. The budget increased by 4.5% from 3.6 billion zorvs "
            "in 2018 to 3.8 billion zorvs in 2019.",
            "4.5",
            "dated",
        ),
        (
            "Police held a raid on Monday. The budget increased by 4.5% from 3.6 billion zorvs "
            "in 2018 to 3.8 billion zorvs in 2019.",
            "3600000000",
            "2018",
        ),
        # (a share's level "from" another share: the change's year, as it was)
        (
            "Police held a raid on Monday. The share of women rose by 10 per cent from 30 per "
            "cent in 2021.",
            "10",
            "2021",
        ),
    ],
)
def test_a_change_from_a_count_is_measured_against_that_count_s_time(
    tmp_path, knowledge, body, value, period
):
    """ "an increase of 10 per cent from 382 in 2018": 2018 is the time of the count the
    change is measured from, neither the change's nor the count's before it."""
    found = observations(draft_of(tmp_path, knowledge, body))
    if period == "dated":  # (of the span, not undated as a time compared with)
        assert _period(found, value) is not None
    else:
        assert _period(found, value) == period


def test_fy_and_a_year_is_that_year(tmp_path, knowledge):
    """ "in FY 2018", "In FY2017," are those fiscal years by their year, as "fiscal year
    2021" is; "FY2017" names no body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. In 2019, police rescued 420 victims, compared with 382 in "
        "FY 2018. In FY2017, 300 victims were rescued.",
    )
    found = observations(draft)
    assert _period(found, "382") == "2018"
    assert _period(found, "300") == "2017"
    assert mentions(draft, "organization") == {}


def test_the_previous_financial_year(tmp_path, knowledge):
    """ "the previous financial year" after "the 2024-25 financial year" in its sentence is
    2023-24; after a plain year, the year before; after a financial year said in another
    paragraph only, no year it could be said to be (not 2023, a calendar year)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police held a raid on Monday. In the 2024-25 financial year, 40 victims were "
            "rescued, up from 30 in the previous financial year. In 2019, police rescued 420 "
            "victims, up from 382 in the previous fiscal year.\n\nThe Velnor police also "
            "received 77 reports, up from 51 in the previous financial year.",
        )
    )
    assert _period(found, "30") == {"start": "2023", "end": "2024"}
    assert _period(found, "382") == "2018"
    assert _period(found, "51") is None


LIST = (
    "Police held a raid on Monday. In new figures covering the 2024-25 financial year, the "
    "police detailed 420 victims of trafficking, an increase of 10 per cent from 382 the "
    "previous year.\n\nThis encompassed:\n* 118 victims of forced marriage (up from 91 victims "
    "from the previous financial year);* 84 victims of servitude (up from 59 victims)."
)


def test_brackets_holding_another_figure_say_its_time_not_the_sentence_s(tmp_path, knowledge):
    """A list of parts each followed by the figure of the year before in brackets: the parts
    take the whole's time (the time words in the brackets are the bracketed figures'); the
    figures changed from do not, nor the time of the sentence compared with ("an increase of
    10 per cent from 382 the previous year": the 420's sentence gives the parts its own)."""
    found = observations(draft_of(tmp_path, knowledge, LIST))
    assert _period(found, "420") == FISCAL
    assert _period(found, "10") == FISCAL
    for value in ("118", "84"):
        assert _period(found, value) == FISCAL, value
    for value in ("91", "59"):
        assert _period(found, value) is None, value


@pytest.mark.parametrize(
    ("body", "dated", "undated"),
    [
        (
            "Police held a raid on Monday. In 2024, the police rescued 420 victims of "
            "trafficking. This encompassed 118 victims of forced marriage (up from 91 victims) "
            "and 84 victims of sexual servitude (up from 59 victims).",
            ("420", "118", "84"),
            ("91", "59"),
        ),
        # (a change from a figure its sentence dates keeps it)
        (
            "Police held a raid on Monday. In 2024, police rescued 420 victims, up from 382 the "
            "previous year.",
            ("420", "382"),
            (),
        ),
    ],
)
def test_a_figure_a_change_starts_from_is_not_of_the_time_it_changed_to(
    tmp_path, knowledge, body, dated, undated
):
    """ "118 victims (up from 91 victims)" after "In 2024, ...": the 91 is of an earlier time
    the text does not give, not 2024."""
    found = observations(draft_of(tmp_path, knowledge, body))
    for value in dated:
        assert _period(found, value) is not None, value
    for value in undated:
        assert _period(found, value) is None, value


def test_the_counts_of_a_whole_compared_with_a_figure_without_a_noun(tmp_path, knowledge):
    """ "420 reports, ... from 382 the previous year" then the reports' parts: the parts are
    of the 420's time (the figure compared with counts nothing named); "300 cases in 2019,
    against 250 cases in 2018" then "60 per cent of the cases": of which year's is not said."""
    found = observations(draft_of(tmp_path, knowledge, LIST))
    assert _period(found, "118") == FISCAL
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police held a raid on Monday. Police recorded 300 trafficking cases in 2019, "
            "against 250 cases in 2018. Sixty per cent of the cases involved women.",
        )
    )
    assert _period(found, "60") is None


@pytest.mark.parametrize(
    ("body", "period"),
    [
        (
            "LAREDO, 12 August 2022 – Police held a raid on Monday.\n\nOn August 11, Border "
            "Patrol agents discovered a stash house near Parra Lane. Working with the police, "
            "agents encountered 19 migrants inside the residence.",
            "2022-08-11",
        ),
        (
            "LAREDO, 12 August 2022 – Police held a raid on Monday.\n\nOn 11 August 2021, "
            "agents discovered a stash house near Parra Lane. Agents encountered 19 migrants "
            "inside the residence.",
            "2021-08-11",
        ),
        # (no day of the release's own: a day without its year dates nothing)
        (
            "Police held a raid on Monday.\n\nOn August 11, agents discovered a stash house "
            "near Parra Lane. Agents encountered 19 migrants inside the residence.",
            None,
        ),
        # (a standing figure after it: of no such day)
        (
            "LAREDO, 12 August 2022 – Police held a raid on Monday.\n\nOn 11 August 2021, "
            "agents discovered a stash house near Parra Lane. An estimated 19 migrants remain "
            "in such houses.",
            None,
        ),
    ],
)
def test_a_day_set_at_a_sentence_s_start_holds_for_the_next(tmp_path, knowledge, body, period):
    """ "On August 11, agents discovered a stash house. Agents encountered 19 migrants
    inside.": the 19 were found that day (the release's day gives its year)."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert _period(found, "19") == period


@pytest.mark.parametrize(
    "body",
    [
        "Police held a raid on Monday. Police rescued 165 and 200 victims in 2018 and 2019, "
        "respectively.",
        "Police held a raid on Monday. In 2018 and 2019, police rescued 165 and 200 victims "
        "respectively.",
    ],
)
def test_respectively_pairs_the_figures_with_their_years(tmp_path, knowledge, body):
    """ "165 and 200 victims in 2018 and 2019, respectively": two counts (no range from 165
    to 200), the first of 2018, the second of 2019, the years said after them or before."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert _period(found, "165") == {"start": "2018", "end": "2018"}
    assert _period(found, "200") == {"start": "2019", "end": "2019"}


def test_an_estimated_range_without_between_is_still_a_range(tmp_path, knowledge):
    """ "an estimated 30,000 and 60,000 migrants": one range, no "respectively" after it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police held a raid on Monday. The police said that an estimated 30,000 and 60,000 "
            "migrants crossed in 2019.",
        )
    )
    assert ("30000", "60000") in found


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        (
            "La policía hizo una redada el lunes en Honduras. Tres niños fueron rescatados, "
            "según la Comisión Interinstitucional Contra la Explotación Sexual Comercial y Trata "
            "de Personas (Cicesct), Ana Ruiz.",
            "Comisión Interinstitucional Contra la Explotación Sexual Comercial y Trata de "
            "Personas",
        ),
        (
            "Police held a raid on Monday. Mr Tomas Berend, Lagos Zonal Commander, Velnor Agency "
            "for Prohibition of Traffic In Persons and Other Related Matters, on Friday said it "
            "rescued 3 victims in 2014.",
            "Velnor Agency for Prohibition of Traffic In Persons and Other Related Matters",
        ),
    ],
)
def test_a_body_s_name_ending_in_capitalized_words_is_no_person(
    tmp_path, knowledge, body, body_name
):
    """The last words of a body's capitalized name, after its small words ("y Trata de
    Personas", "and Other Related Matters"), are no person's name, though a person's name or
    a verb of saying follows: the body is named whole and is the number's source; a role's
    words before it ("Lagos Zonal Commander") name no body."""
    draft = draft_of(tmp_path, knowledge, body)
    bodies = mentions(draft, "organization")
    assert body_name in bodies
    assert "Lagos Zonal Commander" not in bodies
    assert not set(mentions(draft, "person")) & {"Trata de Personas", "Related Matters"}
    assert sources(observations(draft)["3"]) == [bodies[body_name]]


def test_people_listed_with_places_in_brackets_are_still_people(tmp_path, knowledge):
    """ "Jane Doe (Zorvania), John Roe (Lorvia) and Ana Ruiz": each name opens its own run."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. The meeting was attended by Jane Doe (Zorvania), John "
        "Roe (Lorvia) and Ana Ruiz.",
    )
    assert {"Jane Doe", "John Roe", "Ana Ruiz"} <= set(mentions(draft, "person"))


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        (
            "La police a fait une descente lundi au Sénégal. Plus de 156 réseaux criminels ont "
            "été démantelés, indique un nouveau rapport du Ministère de l’Intérieur, présenté "
            "mercredi.",
            "Ministère de l’Intérieur",
        ),
        (
            "La police a fait une descente lundi au Sénégal. Au total, 156 migrants haïtiens ont "
            "foulé le sol haïtien, indique le rapport mensuel publié par le Groupe d’Appui aux "
            "Rapatriés (GARR).",
            "Groupe d’Appui aux Rapatriés",
        ),
        (
            "La policía hizo una redada el lunes en Honduras. Un total de 156 migrantes fueron "
            "rescatados, señala el informe anual elaborado por la Dirección de Migración.",
            "Dirección de Migración",
        ),
        (
            "La policía hizo una redada el lunes en Honduras. Un total de 156 migrantes fueron "
            "rescatados, señala el informe publicado ayer por la Dirección de Migración.",
            "Dirección de Migración",
        ),
    ],
)
def test_a_report_said_after_the_number_with_a_word_on_which_report(
    tmp_path, knowledge, body, body_name
):
    """ "..., indique un nouveau rapport du X", "..., indique le rapport mensuel publié par
    X", "..., señala el informe anual elaborado por X": X is the number's source."""
    draft = draft_of(tmp_path, knowledge, body)
    assert sources(observations(draft)["156"]) == [mentions(draft, "organization")[body_name]]


@pytest.mark.parametrize(
    ("body", "value", "period"),
    [
        (
            "La policía hizo una redada el lunes en Argentina. Entre 2020 y octubre de 2023, "
            "5.075 víctimas fueron rescatadas en Argentina.",
            "5075",
            {"start": "2020", "end": "2023-10"},
        ),
        (
            "La police a fait une descente lundi au Sénégal. Entre 2020 et octobre 2023, 5 075 "
            "victimes ont été secourues au Sénégal.",
            "5075",
            {"start": "2020", "end": "2023-10"},
        ),
        # (the list of years said last before the numbers, not the sentence's first year)
        (
            "La policía hizo una redada el lunes en Guatemala. El dato de deportados durante el "
            "2025 es menor que lo registrado durante 2023 y 2022, pues en esos años fueron "
            "retornadas 63,424 y 77,381 personas respectivamente.",
            "77381",
            {"start": "2022", "end": "2022"},
        ),
        (
            "Police held a raid on Monday. Since the beginning of 2018, 5,518 people were "
            "returned.",
            "5518",
            {"start": "2018-01"},
        ),
        (
            "La police a fait une descente lundi au Niger. Depuis le début de 2018, 5 518 "
            "personnes ont été refoulées au Niger.",
            "5518",
            {"start": "2018-01"},
        ),
        # (written that year: up to the day of writing, as "so far this year")
        (
            "GENEVA, 3 November 2021 – Police held a raid on Monday. Since the beginning of "
            "2021, 5,518 people were returned.",
            "5518",
            {"start": "2021-01", "end": "2021-11-03"},
        ),
        (
            "RABAT, 3 novembre 2021 - La police a fait une descente lundi au Maroc. Depuis le "
            "début de l’année 2021, 5 518 personnes ont été refoulées au Maroc.",
            "5518",
            {"start": "2021-01", "end": "2021-11-03"},
        ),
        (
            "RABAT, 3 novembre 2021 - La police a fait une descente lundi au Maroc. Depuis "
            "début 2021, 5 518 personnes ont été refoulées au Maroc.",
            "5518",
            {"start": "2021-01", "end": "2021-11-03"},
        ),
        (
            "GENEVA, 3 November 2021 – Police held a raid on Monday. Since the start of the year "
            "2021, 5,518 people were returned.",
            "5518",
            {"start": "2021-01", "end": "2021-11-03"},
        ),
        # (since a year alone: that year, no month)
        (
            "GENEVA, 3 November 2021 – Police held a raid on Monday. Since 2018, 5,518 people "
            "were returned.",
            "5518",
            {"start": "2018"},
        ),
    ],
)
def test_spans_from_a_year_and_from_a_year_s_beginning(tmp_path, knowledge, body, value, period):
    """ "Entre 2020 y octubre de 2023": from that year to that month; "since the beginning of
    2018", "depuis le début de 2018": from its January (up to the day of writing when written
    that year); "respectivamente" after the years said last."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert _period(found, value) == period


@pytest.mark.parametrize(
    ("body", "value", "period"),
    [
        # (a page dated to its month only: its days and months of that year, or the one before)
        (
            " date 2023-07 A polícia fez uma operação em Portugal na segunda-feira.\n\nA "
            "operação decorreu entre 10 e 17 de junho e contou com a participação de 132 "
            "elementos em Portugal.",
            "132",
            {"start": "2023-06-10", "end": "2023-06-17"},
        ),
        (
            " date 2023-01 Police held a raid on Monday.\n\nThe operation took place on 28 "
            "December and 132 officers were involved.",
            "132",
            "2022-12-28",
        ),
        # (days listed after "les", "los": both)
        (
            "La police a fait une descente lundi au Sénégal. Les 15 et 16 juin 2025, 132 "
            "personnes ont été arrêtées.",
            "132",
            {"start": "2025-06-15", "end": "2025-06-16"},
        ),
        (
            "La policía hizo una redada el lunes en España. Los 15 y 16 de junio de 2025 fueron "
            "detenidas 132 personas en España.",
            "132",
            {"start": "2025-06-15", "end": "2025-06-16"},
        ),
    ],
)
def test_days_without_their_year_on_a_page_dated_to_its_month(
    tmp_path, knowledge, body, value, period
):
    """ "entre 10 e 17 de junho" on a page of July 2023: June 2023 (the README's last such
    days up to the day of writing, the month's last day when the page gives no day); the
    figures of the days ("10") count nothing; "Les 15 et 16 juin 2025": both days."""
    found = observations(draft_of(tmp_path, knowledge, body))
    assert _period(found, value) == period
    assert "10" not in found and "15" not in found


def test_the_results_of_an_operation_in_another_language_are_of_its_days(tmp_path, knowledge):
    """ "Os resultados desta operação desencadearam a abertura de 86 novas investigações":
    the operation's results, of its days."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            " date 2023-07 A polícia fez uma operação em Portugal na segunda-feira.\n\nA "
            "operação da Europol decorreu entre 10 e 17 de junho e contou com a participação "
            "de 132 elementos em Portugal.\n\nOs resultados desta operação desencadearam a "
            "abertura de 86 novas investigações em Portugal.",
        )
    )
    assert _period(found, "86") == {"start": "2023-06-10", "end": "2023-06-17"}


def test_a_body_s_words_after_its_de_la_are_no_person(tmp_path, knowledge):
    """ "La Fiscalía Especializada Contra la Delincuencia Organizada, representada por el
    juez ...": "Delincuencia Organizada" ends the body's name, no person's, though a role
    follows it; the person after "representada por el juez" is one."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La policía hizo una redada el lunes en Panamá. La Fiscalía Especializada Contra la "
        "Delincuencia Organizada, representada por el juez Jorge Rovira Guerra, detuvo a seis "
        "colombianos en Panamá.",
    )
    assert "Fiscalía Especializada Contra la Delincuencia Organizada" in mentions(
        draft, "organization"
    )
    assert set(mentions(draft, "person")) == {"Jorge Rovira Guerra"}


def test_names_coordinated_with_and_stay_two(tmp_path, knowledge):
    """ "IOM and Jane Doe": a name after "and" is one of its own (only "de", "of", "la"
    carry a body's name on)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. The meeting brought together IOM and Jane Doe.",
    )
    assert "Jane Doe" in mentions(draft, "person")


@pytest.mark.parametrize(
    ("body", "person"),
    [
        (
            "La police a fait une descente lundi au Maroc. Abdelouafi Laftit a, par ailleurs, "
            "expliqué que 156 réseaux ont été démantelés au Maroc.",
            "Abdelouafi Laftit",
        ),
        (
            "La police a fait une descente lundi au Maroc. Abdelouafi Laftit a également "
            "déclaré que 156 réseaux ont été démantelés au Maroc.",
            "Abdelouafi Laftit",
        ),
        (
            "La police a fait une descente lundi au Sénégal. Le Juge Amadou Ndour a condamné 12 "
            "passeurs au Sénégal.",
            "Amadou Ndour",
        ),
    ],
)
def test_a_person_by_a_french_verb_after_an_aside_or_a_judge_s_title(
    tmp_path, knowledge, body, person
):
    """ "X a, par ailleurs, expliqué", "X a également déclaré": a person speaking; "le Juge
    X": a judge's title before a name, as "le ministre X"."""
    assert person in mentions(draft_of(tmp_path, knowledge, body), "person")


@pytest.mark.parametrize(
    ("body", "ministry"),
    [
        (
            "Police held a raid on Monday. The Velnor Ministry of Public Security launched a "
            "campaign. Lieutenant General Tomas Berend, Deputy Minister of Public Security, "
            "said that in the first half of this year, the authorities identified 82 people "
            "as victims of trafficking.",
            "Velnor Ministry of Public Security",
        ),
        (
            "La police a fait une descente lundi au Cameroun. Le ministère des Affaires "
            "sociales a lancé un plan. Selon la ministre des Affaires sociales, au cours de "
            "l'année 2022, ses services ont pris en charge 82 cas de traite au Cameroun.",
            "ministère des Affaires sociales",
        ),
        (
            "La policía hizo una redada el lunes en Bolivia. El Ministerio de Gobierno lanzó "
            "un plan. El ministro de Gobierno, Carlos Romero, informó que entre 2005 y 2016 se "
            "reportaron 82 casos de trata en Bolivia.",
            "Ministerio de Gobierno",
        ),
        # (the ministry of that portfolio, of two whose names begin with it)
        (
            "Police held a raid on Monday. The Ministry of Labour and the Ministry of Labour "
            "and Social Affairs met. The Minister of Labour said 82 people were rescued.",
            "Ministry of Labour",
        ),
    ],
)
def test_a_minister_speaks_for_the_ministry_the_release_names(tmp_path, knowledge, body, ministry):
    """ "X, Deputy Minister of Public Security, said", "selon la ministre des Affaires
    sociales", "el ministro de Gobierno, X, informó": the ministry of that portfolio, named in
    the release, is the number's source."""
    draft = draft_of(tmp_path, knowledge, body)
    assert sources(observations(draft)["82"]) == [mentions(draft, "organization")[ministry]]


@pytest.mark.parametrize(
    "body",
    [
        # (no ministry of that portfolio named)
        "Police held a raid on Monday. The Ministry of Health launched a plan. The Minister of "
        "Labour said 82 people were rescued.",
        "Police held a raid on Monday. The Prime Minister of Velnor said 82 people were rescued.",
    ],
)
def test_a_minister_of_no_ministry_named_credits_none(tmp_path, knowledge, body):
    """A minister whose ministry the release does not name ("the Minister of Labour" beside
    the Ministry of Health; a prime minister) credits no ministry."""
    assert sources(observations(draft_of(tmp_path, knowledge, body))["82"]) == []


def test_a_body_s_name_with_and_before_its_last_words_is_no_person(tmp_path, knowledge):
    """ "El Ministerio de Justicia y Derechos Humanos de la Nación informó": the words after
    "y" go on with the ministry's name, no person's; "IOM and Jane Doe" stay two."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La policía hizo una redada el lunes en Argentina. El Ministerio de Justicia y Derechos "
        "Humanos de la Nación informó que 82 víctimas fueron rescatadas en Argentina.",
    )
    body = "Ministerio de Justicia y Derechos Humanos de la Nación"
    assert mentions(draft, "person") == {}
    assert sources(observations(draft)["82"]) == [mentions(draft, "organization")[body]]


def test_a_role_in_a_body_under_another_speaks_for_neither(tmp_path, knowledge):
    """ "el comisionado del organismo adscrito a la Secretaría de Gobernación, X, informó":
    the person's body is the one attached to the Secretaría, which it does not name; "el
    titular de la Secretaría de Gobernación, X, informó": its head speaks for it (a
    person, no body listed after it)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La policía hizo una redada el lunes en México. El comisionado del organismo adscrito "
        "a la Secretaría de Gobernación, Ardelio Vargas Fosado, informó que la red cobraba "
        "cuotas de 5 mil dólares por persona en México. El titular de la Secretaría de "
        "Gobernación, Ana Ruiz Lemos, informó que 500 migrantes fueron rescatados en México.",
    )
    found = observations(draft)
    assert sources(found["5000"]) == []
    body = mentions(draft, "organization")["Secretaría de Gobernación"]
    assert sources(found["500"]) == [body]
    assert "Ana Ruiz Lemos" in mentions(draft, "person")


# A review's findings on the rules above, each mended (composed texts of its own)


@pytest.mark.parametrize(
    ("body", "value", "period"),
    [
        # (a fronted day that dates a saying, not what was done; another day after it)
        (
            "LAREDO, 12 August 2022 – Police held a raid on Monday.\n\nOn August 11, the Zorvan "
            "police announced the results of Operation Kestrel. Officers arrested 45 suspects.",
            "45",
            None,
        ),
        (
            "LAREDO, 12 August 2022 – Police held a raid on Monday.\n\nOn August 11, agents "
            "discovered a stash house near Parra Lane. The day before, agents had arrested 3 "
            "smugglers at the same place.",
            "3",
            "2022-08-10",  # (not the fronted day: the day before it, round 31)
        ),
        # (a change from a figure to another in a year: the change's year)
        (
            "Police held a raid on Monday. Arrivals fell 20 per cent from 5,000 to 4,000 in 2019.",
            "20",
            "2019",
        ),
        # (a change from a year's figure and another: the compared years, neither the number's)
        (
            "Police held a raid on Monday. In 2019, police rescued 420 victims, up 10 per cent "
            "from 382 in 2018 and 35 per cent from 311 in 2017.",
            "10",
            "2019",
        ),
        (
            "Police held a raid on Monday. In 2019, police rescued 420 victims, up 10 per cent "
            "from 382 in 2018 and 35 per cent from 311 in 2017.",
            "35",
            "2019",
        ),
        # (a year in a bracket is a source's, no other figure's)
        (
            "Police held a raid on Monday. In 2020, police rescued 50 victims of trafficking. The "
            "Zorvan shelter took in 300 migrants (Zorvan Aid, 2018).",
            "300",
            None,
        ),
        # (where people come from: no figure a change is measured from)
        (
            "Police held a raid on Monday. In 2024 police rescued 420 victims, 60 per cent from "
            "12 neighbouring countries.",
            "12",
            "2024",
        ),
        (
            "Police held a raid on Monday. In FY2024-25, police rescued 420 victims in Zorvania.",
            "420",
            {"start": "2024", "end": "2025"},
        ),
        # ("respectively" pairing another list than the years)
        (
            "Police held a raid on Monday. In 2018 and 2019, police rescued 165 women and 200 "
            "children in Zorvania and Lorvia, respectively.",
            "165",
            {"start": "2018", "end": "2019"},
        ),
        (
            "Police held a raid on Monday. Between 2018 and 2019, men and women accounted for 65 "
            "and 35 per cent of the victims, respectively.",
            "35",
            {"start": "2018", "end": "2019"},
        ),
        # (counted beyond the operation, or since it)
        (
            "Police held a raid on Monday. The operation, led by Zorvania, took place from 8 to "
            "14 April 2019 and 219 people were arrested. Following the operation, Zorvapol "
            "arrested 40 more suspects.",
            "40",
            None,
        ),
        (
            "La police a fait une descente lundi au Sénégal. L'opération Vautour a eu lieu du 8 "
            "au 14 avril 2019 et 219 personnes ont été arrêtées au Sénégal. Depuis cette "
            "opération, 40 suspects ont été arrêtés au Sénégal.",
            "40",
            None,
        ),
        # (a page dated to its month only: "this morning" is no day it gives)
        (
            " date 2023-07 Police held a raid in Zorvania.\n\nSimultaneous raids were carried out "
            "this morning in Zorvania. The operation led to 45 arrests.",
            "45",
            None,
        ),
    ],
)
def test_review_the_times_of_figures(tmp_path, knowledge, body, value, period):
    found = observations(draft_of(tmp_path, knowledge, body))
    assert _period(found, value) == period


def test_review_counts_ranges_and_names(tmp_path, knowledge):
    """A range before another clause's "respectively" stays a range; "TV5" is a body; "Remarks
    of Velna Moravi" names a person; a long list of numbers is read in linear time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police held a raid on Monday. In 2019, an estimated 30,000 and 60,000 migrants "
            "crossed into Zorvania, while 12 and 15 boats were seized in Lorvia and Velnor "
            "respectively.",
        )
    )
    assert ("30000", "60000") in found
    draft = draft_of(
        tmp_path,
        knowledge,
        "La police a fait une descente lundi au Sénégal. Selon TV5, 45 migrants ont été "
        "secourus au Sénégal.",
    )
    assert sources(observations(draft)["45"]) == [mentions(draft, "organization")["TV5"]]
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. Remarks of Velna Moravi, Zorvan Minister of Justice, on "
        "the rescue of 40 migrants.",
    )
    assert "Velna Moravi" in mentions(draft, "person")
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police held a raid on Monday. Speaking at the opening, Mayor of Suchiate Javier Cruz "
        "Aguilar said that 40 migrants were rescued.",
    )
    assert "Javier Cruz Aguilar" in mentions(draft, "person")


def test_days_listed_before_a_month_are_a_few():
    """The list form of a day before its month ("entre 10 e 17 de junho") reads up to seven
    days: a bound that keeps a long list of small numbers from being read again from each of
    them (quadratic time on 8,000 numbers, a review found)."""
    from kg.extraction.foreign_words import DAY_OF_A_MONTH

    match = DAY_OF_A_MONTH.search("entre 10, 11, 12 e 17 de junho")
    assert match is not None and match[0] == "10, 11, 12 e 17 de junho"
    match = DAY_OF_A_MONTH.search("1, 2, 3, 4, 5, 6, 7, 8, 9 de junho")
    assert match is not None and match[0] == "3, 4, 5, 6, 7, 8, 9 de junho"
