"""`kg extract`: rules on the sources of drafted numbers written on the seventeenth round (from
the whole tune split's errors and the constructions of sourcing in four languages), one test
per rule, on sentences composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def _sources(tmp_path, knowledge, body: str) -> dict:
    return {k: sources(v) for k, v in observations(draft_of(tmp_path, knowledge, body)).items()}


def test_showed_up_is_no_verb_of_finding(tmp_path, knowledge):
    """'UNICEF and the police showed up at a farm to free 25 workers': who came, not a source
    ('UNICEF data showed 130 ...' still is)."""
    found = _sources(
        tmp_path,
        knowledge,
        "Just before UNICEF showed up at a farm near Pelmark to free 25 bonded workers, the "
        "owner fled.\n\nUNICEF showed that 130 children worked on the farms of Pelmark.",
    )
    assert found["25"] == []
    assert found["130"] == ["unicef"]


def test_a_bodys_data_named_in_spanish_french_and_portuguese(tmp_path, knowledge):
    """'Datos del Acnur muestran', 'Les données de l'OIM montrent', 'Dados da OIM mostram',
    'un rapport de l'OIT publié lundi révèle': the body whose data say the number, as 'data
    from X' in English (not a report named by its year: 'el informe de 2019')."""
    found = _sources(
        tmp_path,
        knowledge,
        "Datos de Unicef muestran que 6.789 niños solicitaron asilo en Pelmark en 2021.\n\n"
        "Les données de l'OIM montrent que 6 912 migrants ont été interceptés au Pelmark.\n\n"
        "Dados da OIM mostram que 6.891 migrantes foram assistidos em 2020.\n\n"
        "Un rapport de l'Unicef publié lundi révèle que 2 456 enfants travaillent au Pelmark."
        "\n\nSegún el informe de 2019, 3.321 migrantes cruzaron Pelmark.",
    )
    assert found["6789"] == ["unicef"]
    assert found["6912"] == ["iom"]
    assert found["6891"] == ["iom"]
    assert found["2456"] == ["unicef"]
    assert found["3321"] == []


def test_a_count_in_the_passive_names_its_maker(tmp_path, knowledge):
    """'4,567 deaths were recorded by IOM', 'casos registrados por la OIM', 'migrants recensés
    par l'OIM': the body that counted them; not the agent of what was done ('rescued by IOM',
    'detenidos por la policía', 'identifiées par l'OIM')."""
    found = _sources(
        tmp_path,
        knowledge,
        "At least 4,567 deaths were recorded by IOM on the Zorvane route in 2021.\n\n"
        "Un total de 1.234 casos fueron registrados por Unicef en Pelmark en 2019.\n\n"
        "Quelque 2 345 migrants ont été recensés par l'OIM au Pelmark en 2020.\n\n"
        "Some 300 victims were rescued by IOM and the police in Pelmark in 2019.\n\n"
        "Les 6 543 victimes identifiées par l'OIM au Pelmark ont reçu une aide.",
    )
    assert found["4567"] == ["iom"]
    assert found["1234"] == ["unicef"]
    assert found["2345"] == ["iom"]
    assert found["300"] == []
    assert found["6543"] == []


def test_a_source_the_speaker_cites(tmp_path, knowledge):
    """'..., the ministry said, citing IOM data': the body cited, as 'according to'."""
    found = _sources(
        tmp_path,
        knowledge,
        "More than 3,567 migrants have arrived in Pelmark so far this year, the ministry said, "
        "citing UNICEF data.",
    )
    assert found["3567"] == ["unicef"]


def test_a_body_that_documented_or_published_its_figures(tmp_path, knowledge):
    """'UNICEF documented 9,123 grave violations' (a count the body made, as 'recorded'); 'The
    figures, published by IOM on Monday, show' (the work set off by commas)."""
    found = _sources(
        tmp_path,
        knowledge,
        "UNICEF documented 9,123 grave violations against children in Pelmark in 2018.\n\n"
        "The figures, published by IOM on Monday, show that 7,123 people arrived by sea.",
    )
    assert found["9123"] == ["unicef"]
    assert found["7123"] == ["iom"]


def test_a_speaker_after_a_quote_closed_without_a_comma_or_by_a_statement(tmp_path, knowledge):
    """'... this month.” said UNICEF', '... 9,800.”the IOM emphasized': the speaker named after
    a quote closed by its full stop; '..., said a statement from UNICEF', '..., a press release
    of IOM said': the body whose statement it is."""
    found = _sources(
        tmp_path,
        knowledge,
        "“The number of arrivals in Pelmark has reached 8,700 this month.”said UNICEF in a "
        "statement.\n\n“We counted 9,800 people at the Zorvane border.”the IOM emphasized."
        "\n\nSome 2,900 migrants were intercepted off Pelmark in 2021, said a statement from "
        "UNICEF.\n\nAmong the returnees, 640 came from Zorvane, a press release of IOM said.",
    )
    assert found["8700"] == ["unicef"]
    assert found["9800"] == ["iom"]
    assert found["2900"] == ["unicef"]
    assert found["640"] == ["iom"]


def test_the_un_agency_is_the_one_agency_of_the_un_named_before(tmp_path, knowledge):
    """'UNICEF opened an office ... according to the UN agency': UNICEF, not the UN; with two
    agencies of the UN named before ('IOM and UNICEF'), or none, no source ('the UN agency'
    is not the UN); 'the United Nations said' is the UN."""
    found = _sources(
        tmp_path,
        knowledge,
        "UNICEF opened a new office in Pelmark. Almost 1,230 children crossed the desert, "
        "according to the UN agency.",
    )
    assert found["1230"] == ["unicef"]
    found = _sources(
        tmp_path,
        knowledge,
        "IOM and UNICEF opened offices in Pelmark. Some 3,340 migrants returned home in May, "
        "the UN agency said.\n\nSome 5,340 migrants returned home in June, the United Nations "
        "said.",
    )
    assert found["3340"] == []
    assert found["5340"] == ["united-nations"]


def test_a_verb_of_saying_and_its_source_set_between_commas(tmp_path, knowledge):
    """'En 2019, informó la OIM, 1.230 migrantes ...', 'In 2019, said UNICEF, 3,450 ...': the
    source set between commas before the number it speaks for."""
    found = _sources(
        tmp_path,
        knowledge,
        "En 2019, informó la OIM, 1.230 migrantes fueron retornados a Pelmark.\n\n"
        "En el año 2018, detalló Unicef, se atendió a 2.340 niños en Zorvane.\n\n"
        "In 2020, said UNICEF, 3,450 children were vaccinated in Ostravia.",
    )
    assert found["1230"] == ["iom"]
    assert found["2340"] == ["unicef"]
    assert found["3450"] == ["unicef"]


def test_a_list_of_semicolons_closed_by_and_is_the_sources_one_list(tmp_path, knowledge):
    """'1,100 came from A; 1,200 from B; and 1,300 from C, said UNICEF': each number of the
    list is UNICEF's; not past a semicolon that closes a clause of its own ('2,100 were women;
    2,200 were men, according to IOM')."""
    found = _sources(
        tmp_path,
        knowledge,
        "Among the returnees, 1,100 came from Pelmark; 1,200 from Zorvane; and 1,300 from "
        "Ostravia, said UNICEF.\n\nOf the victims, 2,100 were women; 2,200 were men, according "
        "to IOM.",
    )
    assert found["1100"] == ["unicef"]
    assert found["1200"] == ["unicef"]
    assert found["1300"] == ["unicef"]
    assert found["2100"] == []
    assert found["2200"] == ["iom"]


def test_based_on_a_bodys_data_cites_it_and_a_bodys_convention_does_not(tmp_path, knowledge):
    """'..., based on figures from UNICEF': the body cited, as 'according to' (not 'based on
    IOM guidelines', no data); 'Based on information provided by states parties to the Council
    of Europe Convention ...': a body's convention, no source."""
    found = _sources(
        tmp_path,
        knowledge,
        "Some 2,230 migrants arrived in Pelmark in 2020, based on figures from UNICEF.\n\n"
        "The 310 shelters of Pelmark were built based on IOM guidelines.\n\n"
        "Based on information provided by states parties to the Council of Europe Convention "
        "on Action against Trafficking in Human Beings, the study lists 12 forms of online "
        "recruitment.",
    )
    assert found["2230"] == ["unicef"]
    assert found["310"] == []
    assert found["12"] == []


def test_a_bodys_named_work_without_the_possessive(tmp_path, knowledge):
    """'The IOM Displacement Tracking Matrix (DTM) recorded 1,210 arrivals': the body whose
    tool it is, as 'IOM's Displacement Tracking Matrix recorded'."""
    found = _sources(
        tmp_path,
        knowledge,
        "The IOM Displacement Tracking Matrix (DTM) recorded 1,210 arrivals in Pelmark in May.",
    )
    assert found["1210"] == ["iom"]


def test_the_verbs_of_saying_and_counting_in_spanish_french_and_portuguese(tmp_path, knowledge):
    """'La OIM destacó que', 'L'Unicef a souligné que', 'A OIM divulgou que', 'L'OIM estime
    que' (a body's verb before what it says), '..., agregó la OIM', '..., a déclaré l'OIM'
    (after it); not what the body did ('La OIM asistió a', 'L'OIM a aidé'), nor a 'que' that
    opens a clause on another ('destacó la labor de la policía, que rescató a ...')."""
    found = _sources(
        tmp_path,
        knowledge,
        "La OIM destacó que 1.770 migrantes fueron asistidos en Pelmark en 2019.\n\n"
        "L'Unicef a souligné que 1 220 enfants étaient séparés de leurs familles.\n\n"
        "A OIM divulgou que 2.660 migrantes foram assistidos em 2020.\n\n"
        "L'OIM estime que 3 660 migrants sont bloqués au Pelmark.\n\n"
        "Un total de 3.220 migrantes fueron retornados a Zorvane, agregó la OIM.\n\n"
        "Quelque 1 330 migrants sont arrivés au Pelmark en mai, a déclaré l'Unicef.\n\n"
        "La OIM asistió a 2.345 migrantes en Ostravia en 2019.\n\n"
        "L'OIM a aidé 4 567 migrants au Pelmark.\n\n"
        "La OIM destacó la labor de la Policía Nacional de Zorvane, que rescató a 1.234 "
        "víctimas.",
    )
    assert found["1770"] == ["iom"]
    assert found["1220"] == ["unicef"]
    assert found["2660"] == ["iom"]
    assert found["3660"] == ["iom"]
    assert found["3220"] == ["iom"]
    assert found["1330"] == ["unicef"]
    assert found["2345"] == []
    assert found["4567"] == []
    assert found["1234"] == []


def test_more_english_verbs_of_saying_before_and_after_the_number(tmp_path, knowledge):
    """'UNICEF added that', 'IOM pointed out that', 'UNICEF wrote on X that' (with what the
    body says: not 'UNICEF added 300 beds'); '..., IOM pointed out', '..., UNICEF told
    reporters', '..., a UNICEF report says', '..., UNICEF's Pelmark office said'."""
    found = _sources(
        tmp_path,
        knowledge,
        "UNICEF added that 1,110 children had been reunited with their families.\n\n"
        "IOM pointed out that 1,220 migrants were stranded in Pelmark.\n\n"
        "UNICEF wrote on X that 1,660 children had crossed into Zorvane.\n\n"
        "UNICEF added 300 beds to the Pelmark clinic in 2019.\n\n"
        "Some 3,220 migrants are stranded in Ostravia, IOM pointed out.\n\n"
        "Some 3,440 children are at risk in Pelmark, UNICEF told reporters.\n\n"
        "Some 3,770 children work on farms in Zorvane, a UNICEF report says.\n\n"
        "Some 3,880 children are out of school, UNICEF's Pelmark office said.",
    )
    assert found["1110"] == ["unicef"]
    assert found["1220"] == ["iom"]
    assert found["1660"] == ["unicef"]
    assert found["300"] == []
    assert found["3220"] == ["iom"]
    assert found["3440"] == ["unicef"]
    assert found["3770"] == ["unicef"]
    assert found["3880"] == ["unicef"]


def test_a_source_after_the_number_in_brackets_or_as_a_list_of_bodies(tmp_path, knowledge):
    """'... in 2019 (according to IOM)', '... (UNICEF data)', '... (Source: IOM)' (not the
    acronym of a name: 'assisted by the agency (IOM)'), and '..., IOM and UNICEF said in a
    joint statement': each body of the list."""
    found = _sources(
        tmp_path,
        knowledge,
        "Some 1,220 migrants died in Pelmark in 2019 (according to IOM).\n\n"
        "Some 1,330 children crossed Zorvane in 2019 (UNICEF data).\n\n"
        "Some 1,440 migrants died in Ostravia in 2019 (Source: IOM).\n\n"
        "Some 1,550 migrants were assisted by the agency (IOM) in Pelmark in 2020.\n\n"
        "Some 2,440 children died in Zorvane in 2019, IOM and UNICEF said in a joint "
        "statement.",
    )
    assert found["1220"] == ["iom"]
    assert found["1330"] == ["unicef"]
    assert found["1440"] == ["iom"]
    assert found["1550"] == []
    assert found["2440"] == ["iom", "unicef"]


def test_a_body_and_its_verb_after_the_number_speak_for_it_only_past_a_comma(tmp_path, knowledge):
    """'Some 410 migrants reached Pelmark, IOM reported', '... in 2019 — UNICEF said': the
    body's; 'La Policía de Zorvane detuvo a 3.456 personas y la OIM señaló la necesidad de
    ...', 'The police arrested 520 smugglers and UNICEF noted the need to ...': a clause of
    the body's own, not the number's source."""
    found = _sources(
        tmp_path,
        knowledge,
        "Some 410 migrants reached Pelmark in May, IOM reported.\n\n"
        "Some 430 migrants died off Zorvane in 2019 — UNICEF said.\n\n"
        "La Policía Nacional de Zorvane detuvo a 3.456 personas y la OIM señaló la necesidad "
        "de proteger a las víctimas.\n\n"
        "The Ostravia police arrested 520 smugglers and UNICEF noted the need to protect the "
        "children.",
    )
    assert found["410"] == ["iom"]
    assert found["430"] == ["unicef"]
    assert found["3456"] == []
    assert found["520"] == []


def test_a_bodys_own_count_by_its_possessive_or_by(tmp_path, knowledge):
    """'IOM's tally shows', 'UNICEF's records show', 'IOM's database lists', 'monitoring
    by IOM found': the body's own count; not 'UNICEF's monitoring teams rescued 300', what
    its people did."""
    found = _sources(
        tmp_path,
        knowledge,
        "IOM's tally shows 1,110 deaths on the Zorvane route in 2019.\n\n"
        "UNICEF's records show 1,440 children in the camps of Pelmark.\n\n"
        "IOM's database lists 1,880 cases of forced labour in Ostravia.\n\n"
        "Monitoring by IOM found 1,550 migrants stranded at the Pelmark border.\n\n"
        "UNICEF's monitoring teams rescued 300 children in Zorvane in 2020.",
    )
    assert found["1110"] == ["iom"]
    assert found["1440"] == ["unicef"]
    assert found["1880"] == ["iom"]
    assert found["1550"] == ["iom"]
    assert found["300"] == []
