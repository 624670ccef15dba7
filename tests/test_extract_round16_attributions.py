"""`kg extract`: attribution rules written on the sixteenth round (from the whole tune split's
errors), one test per rule, on sentences composed for it (the names of bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def test_a_study_named_by_what_it_is_names_no_source(tmp_path, knowledge):
    """'The report said there were 3,400 ...': a sentence that names a study only by what it
    is ('the report', 'the investigations') names no body as the number's source, though the
    text names the study's authors before; by its title, or with its authors in the
    sentence, it does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Traffickers make $150 billion a year from forced labour in Pelmark, a new report "
            "by the Zorvan Labour Council said on Tuesday.\n\nThe pickers were mostly free, but "
            "the report said that about 3,400 people were still coerced.\n\nTraffickers earn "
            "close to $9,000 per victim, according to the report.\n\nThe Zorvan Labour Council "
            "report found that 1,250 children worked in the fields.",
        )
    )
    assert sources(found["3400"]) == []
    assert sources(found["9000"]) == []
    (council,) = sources(found["1250"])
    assert "zorvan labour council" in council
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Labour Council's Global Report on Forced Labour in Pelmark was released "
            "on Monday.\n\nAccording to the latest Global Report on Forced Labour, nearly 75 per "
            "cent of the victims are women.",
        )
    )
    assert sources(found["75"]) == ["new:organization:zorvan labour council"]


def test_a_body_that_counted_or_tracked_the_number_is_its_source(tmp_path, knowledge):
    """'a OIM contabilizou 8.421 entradas', 'the IOM tracked 5,732 migrants': the body that
    counted the number is its source, in the four languages, as 'recorded' and 'registró'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Em março, a OIM contabilizou 8.421 entradas de migrantes na fronteira de "
            "Zorvânia.\n\nEn abril, la OIM contabilizó 3.215 entradas en la frontera.\n\nIn "
            "its monthly report, the IOM tracked 5,732 migrants entering Pelmark during May.",
        )
    )
    assert sources(found["8421"]) == ["iom"]
    assert sources(found["3215"]) == ["iom"]
    assert sources(found["5732"]) == ["iom"]


def test_every_body_of_a_list_that_counted_the_number_is_its_source(tmp_path, knowledge):
    """'Dans le cadre d'un travail conjoint, le Groupe ... (GAEZ), le Service ... (SPM) et
    l'OIM ont enregistré 5 214 ...': each body of the list, a name known only by the acronym
    after it and each after an article and a comma, after a phrase that opens the sentence."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Dans le cadre d'un travail conjoint de monitoring, le Groupe d'Aide aux Exilés "
            "Zorvaniens (GAEZ), le Service Pastoral aux Migrants (SPM), le Réseau Frontalier "
            "Tomas Vell (RFTV) et l'Organisation Internationale pour les Migrations (OIM) ont "
            "enregistré durant le mois de mars 2016, 5,214 Zorvaniens en situation irrégulière.",
        )
    )
    listed = " ".join(sources(found["5214"]))
    assert "iom" in listed
    # (the network by its full name since its head word "Réseau" is known: round 17; the
    # group by its full name since "d'" joins a name: round 26)
    for body in (
        "groupe d'aide aux exiles zorvaniens",
        "service pastoral aux migrants",
        "reseau frontalier tomas vell",
    ):
        assert body in listed


def test_a_source_after_the_number_says_more_after_a_comma(tmp_path, knowledge):
    """'The number of children ... has increased five-fold since 2010, UNICEF said today,
    warning that ...': the source named after the number, though its sentence goes on with a
    clause on what else it said; not '..., IOM said that ...', which says another thing."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The number of children crossing Pelmark alone has risen to 4,300 since 2019, "
            "UNICEF said today, warning that many take dangerous routes.\n\nSome 2,100 "
            "migrants reached Zorvania in May, but IOM said that the route was closing.",
        )
    )
    assert sources(found["4300"]) == ["unicef"]
    assert sources(found["2100"]) == []


def test_a_body_named_by_a_word_of_its_name_is_the_source(tmp_path, knowledge):
    """'..., the UN's migration body said Tuesday', 'The migration agency said ...': the one body
    of the text whose name has that word ('migration'), named before or after; none when two
    bodies have it, or for a word that tells what kind of body it is ('the international
    agency')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 1,340 Zorvanian migrants stranded in Pelmark have returned home, the UN's "
            "migration body said Tuesday.\n\nThe International Organization for Migration (IOM) "
            "chartered three flights.\n\nThe migration agency said an earlier airlift had "
            "brought back more than 215 others.",
        )
    )
    assert sources(found["1340"]) == ["iom"]
    assert sources(found["215"]) == ["iom"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Migration Council and the International Organization for Migration "
            "met in March.\n\nThe migration agency said an earlier airlift had brought back "
            "more than 215 others.\n\nSome 410 people were returned, the international "
            "agency said.",
        )
    )
    assert sources(found["215"]) == []
    assert sources(found["410"]) == []  # a word for what kind of body it is


def test_the_other_verbs_of_saying_name_a_source(tmp_path, knowledge):
    """'UNHCR stressed that ...', '..., the UNHCR emphasized.', 'IOM believes that ...': verbs of
    saying and of opinion name the number's source as 'said' does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "UNHCR stressed that 4,100 refugees had crossed into Pelmark since May.\n\nSome "
            "2,750 people were intercepted at sea in June, an increase of 35%, the UNHCR "
            "emphasized.\n\nIOM believes that smuggling routes to Zorvania generate nearly "
            "US$3 billion a year.",
        )
    )
    unhcr = ["new:organization:united nations high commissioner for refugees"]
    assert sources(found["4100"]) == unhcr
    assert sources(found["2750"]) == unhcr
    assert sources(found["3000000000"]) == ["iom"]


def test_a_list_of_sources_ends_in_its_conjunction(tmp_path, knowledge):
    """'According to the Zorvan Refugee Council, IOM in Pelmark assisted 98 refugees': the comma
    closes the source's phrase, and the body after it is no part of a list of sources; 'the
    Council, UNICEF and IOM' is one."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "According to the Zorvan Refugee Council, IOM in Pelmark assisted 98 refugees in "
            "March.\n\nAccording to the Zorvan Refugee Council, UNICEF and IOM, 4,300 children "
            "crossed the border alone.",
        )
    )
    assert sources(found["98"]) == ["new:organization:zorvan refugee council"]
    council = "new:organization:zorvan refugee council"
    assert set(sources(found["4300"])) == {council, "unicef", "iom"}


def test_a_unit_named_with_the_body_it_is_of_is_a_source_too(tmp_path, knowledge):
    """'el Centro Operativo Anti-Fraude (COAF) del Ministerio de Seguridad, reporta 2.345
    casos': the unit that reports, and the body it is of."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En Zorvania, el Centro Operativo Anti-Fraude (COAF) del Ministerio de Seguridad, "
            "reporta 2.345 casos de trata de personas desde 2010.",
        )
    )
    listed = " ".join(sources(found["2345"]))
    assert "centro operativo anti-fraude" in listed
    assert "ministerio de seguridad" in listed


def test_a_distance_or_a_length_of_time_has_no_source(tmp_path, knowledge):
    """'IOM said that 13 people drowned some 120 kilometres south of X', 'children wait up to
    9 months, IOM said': a distance or a length of time places or times what the source
    tells; its count has the source, the measure none."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM said that at least 13 people drowned when their boat capsized some 120 kilometres "
            "south of Pelmark.\n\nChildren in Zorvania wait up to 9 months for a transfer, "
            "IOM said.",
        )
    )
    assert sources(found["13"]) == ["iom"]
    assert sources(found["120"]) == []
    assert sources(found["9"]) == []


def test_a_body_that_identified_that_is_the_source(tmp_path, knowledge):
    """'la Unidad ... identificó que cerca de 40.000 personas ...', 'IOM identified that 2,600
    ...': what the body found is its word; not 'IOM identified 320 victims' (what it did)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La OIM identificó que cerca de 43.000 personas han sido afectadas por las "
            "inundaciones en Zorvania.\n\nIOM identified that 2,600 migrants were stranded in "
            "Pelmark.",
        )
    )
    assert sources(found["43000"]) == ["iom"]
    assert sources(found["2600"]) == ["iom"]
