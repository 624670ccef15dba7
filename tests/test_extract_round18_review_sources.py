"""`kg extract`: faults found in review of round 18's rules on attributions by a speaker's role
(a person given as a number's source with a role in a named organization credits it), one test
per fault, on sentences composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def test_a_role_held_once_credits_no_body_in_any_wording(tmp_path, knowledge):
    """A former role in Portuguese ('antiga diretora da OIM', 'O antigo diretor da OIM'), 'a
    one-time X spokesperson', 'previously X's head of mission', 'X's head of mission until
    last year': no role in the body now."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Cerca de 420 migrantes chegaram, disse Ana Ruiz, antiga diretora da OIM.\n\nO "
            "antigo diretor da OIM, Tomás Berend, disse que 470 migrantes chegaram.\n\nSome 460 "
            "migrants arrived, said Mara Velde, a one-time IOM spokesperson.\n\nSome 450 "
            "migrants arrived, said Lucia Marr, previously IOM's head of mission.\n\nSome 440 "
            "migrants arrived, said Jonas Pekk, IOM's head of mission until last year.",
        )
    )
    for value in ("420", "470", "460", "450", "440"):
        assert sources(found[value]) == [], value


def test_a_role_that_names_a_body_otherwise_than_as_its_own_credits_none(tmp_path, knowledge):
    """The body as an agent of the role's words ('a survivor rescued by IOM', 'directora de un
    albergue apoyado por la OIM', 'un foyer financé par l'OIM', 'um abrigo apoiado pela
    OIM'), as a topic or an opponent ('an expert on UNHCR policy', 'a researcher critical of
    IOM', 'a lawyer suing IOM', 'a journalist covering UNICEF operations'), or as what runs
    the place of the role ('director of an IOM-funded shelter'): no role in the body; but a
    role in it ('a lawyer for IOM', 'directrice par intérim de l'OIM')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 310 migrants were stranded, said Ana Ruiz, a survivor rescued by IOM.\n\nUnos "
            "710 migrantes llegaron, dijo Lucía Paredes, directora de un albergue apoyado por "
            "la OIM.\n\nQuelque 720 migrants sont arrivés, a déclaré Claire Dumas, directrice "
            "d'un foyer financé par l'OIM.\n\nCerca de 730 migrantes chegaram, disse Rita "
            "Lobo, diretora de um abrigo apoiado pela OIM.\n\nSome 360 migrants arrived, said "
            "Mara Velde, an expert on UNHCR policy.\n\nSome 330 migrants were stranded, said "
            "Tomas Berend, a researcher critical of IOM.\n\nSome 320 migrants were stranded, "
            "said Jonas Pekk, a lawyer suing IOM.\n\nDorin Vasek, a journalist covering UNICEF "
            "operations, said 340 children were missing.\n\nSome 750 migrants arrived, said "
            "Lucia Marr, director of an IOM-funded shelter.\n\nSome 840 migrants arrived, said "
            "Ivo Sand, a lawyer for IOM.\n\nQuelque 870 migrants sont arrivés, a déclaré Léa "
            "Morel, directrice par intérim de l'OIM.",
        )
    )
    for value in ("310", "710", "720", "730", "360", "330", "320", "340", "750"):
        assert sources(found[value]) == [], value
    assert sources(found["840"]) == ["iom"] and sources(found["870"]) == ["iom"]


def test_a_person_cited_by_according_to_does_not_speak_for_a_later_speaker(tmp_path, knowledge):
    """'According to Ana Ruiz, IOM's head of mission, 300 arrived, while Tomas Berend,
    UNICEF's representative, said 400 children ...': the later number is Tomas Berend's, as is
    'mientras Tomás Berend, representante de UNICEF, dijo que ...'; and 'According to Ana
    Ruiz, IOM's head of mission, UNHCR recorded ...' is UNHCR's record, as before."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "According to Ana Ruiz, IOM's head of mission, 1,120 migrants arrived, while Tomas "
            "Berend, UNICEF's representative, said 1,130 children were missing.\n\nSegún Lucía "
            "Paredes, jefa de misión de la OIM, 1.140 migrantes llegaron, mientras Jonas Pekk, "
            "representante de UNICEF, dijo que 1.150 niños desaparecieron.\n\nAccording to "
            "Mara Velde, IOM's head of mission, UNHCR recorded 1,110 arrivals.",
        )
    )
    assert sources(found["1120"]) == ["iom"] and sources(found["1140"]) == ["iom"]
    assert sources(found["1130"]) == ["unicef"] and sources(found["1150"]) == ["unicef"]
    assert sources(found["1110"]) != ["iom"]


def test_a_role_beside_the_name_is_no_clause_nor_an_event_nor_a_role_held_once(tmp_path, knowledge):
    """A body in brackets after the name given as a role held once ('Ana Ruiz (formerly of
    IOM)', '(ex-IOM)'), an event the body holds ('Ana Ruiz at the IOM conference in Velnor
    said', 'a delegate at IOM's annual summit'), and a clause of its own beside the name ('Ana
    Ruiz, speaking with IOM officials, said', 'in a meeting with UNHCR officials'): no role in
    the body; but 'in charge of the IOM office', 'Ana Ruiz (IOM)', 'at the IOM office'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ana Ruiz (formerly of IOM) said 1,210 migrants arrived.\n\nMara Velde (ex-IOM) "
            "said 1,220 migrants arrived.\n\nTomas Berend at the IOM conference in Velnor said "
            "1,230 migrants arrived.\n\nJonas Pekk, speaking with IOM officials, said 1,240 "
            "migrants arrived.\n\nLucia Marr, a delegate at IOM's annual summit, said 1,250 "
            "migrants arrived.\n\nDorin Vasek, in a meeting with UNICEF officials, said 1,280 "
            "children were missing.\n\nIvo Sand, in charge of the IOM office in Velnor, said "
            "1,290 migrants arrived.\n\nLea Morel (IOM) said 1,295 migrants arrived.\n\nRita "
            "Lobo at the IOM office in Velnor said 1,296 migrants arrived.",
        )
    )
    for value in ("1210", "1220", "1230", "1240", "1250", "1280"):
        assert sources(found[value]) == [], value
    for value in ("1290", "1295", "1296"):
        assert sources(found[value]) == ["iom"], value


def test_a_role_before_the_name_is_the_last_of_the_people_coordinated(tmp_path, knowledge):
    """'Velnor Red Cross volunteers and IOM spokesperson Ana Ruiz said': the spokesperson's
    body, not the first body of the coordination (which kept IOM from the draft)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Velnor Red Cross volunteers and IOM spokesperson Ana Ruiz said 1,320 migrants "
            "arrived.",
        )
    )
    assert sources(found["1320"]) == ["iom"]


def test_a_role_not_yet_held_or_another_person_s_credits_no_body(tmp_path, knowledge):
    """A role the person has not yet ('a candidate for IOM director-general', 'a would-be IOM
    spokesperson') and a role of the person's kin ('the wife of IOM's head of mission', 'the
    daughter of a UNICEF teacher', 'sister of IOM spokesperson Tomas Berend', 'hija de la
    directora de la OIM'): no role of the speaker's in the body."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 1,710 migrants arrived, said Ana Ruiz, a candidate for IOM director-general."
            "\n\nMara Velde, a would-be IOM spokesperson, said 1,730 migrants arrived.\n\nLucia "
            "Marr, the wife of IOM's head of mission, said 1,740 migrants arrived.\n\nDorin "
            "Vasek, the daughter of a UNICEF teacher, said 1,750 children were missing.\n\nIvo "
            "Sand, sister of IOM spokesperson Tomas Berend, said 1,770 migrants arrived.\n\n"
            "Unos 1.790 migrantes llegaron, dijo Rita Lobo, hija de la directora de la OIM.",
        )
    )
    for value in ("1710", "1730", "1740", "1750", "1770", "1790"):
        assert sources(found[value]) == [], value


def test_according_to_cites_the_speaker_only_right_before_the_speaker(tmp_path, knowledge):
    """'According to police, Ana Ruiz, IOM's head of mission, was among 1,810 people
    evacuated': the words cite the police, and the person with a role in a body is one of
    those counted, no source (so 'Según la policía, ...', 'according to police who spoke to
    Ana Ruiz, IOM's head of mission', 'According to witnesses, smugglers held Ana Ruiz, a
    UNICEF nurse, ...'); but 'according to Ana Ruiz, IOM's head of mission'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "According to police, Ana Ruiz, IOM's head of mission, was among 1,810 people "
            "evacuated.\n\nSegún la policía, Lucía Paredes, jefa de misión de la OIM, estaba "
            "entre las 1.820 personas evacuadas.\n\nSome 1,830 migrants arrived, according to "
            "police who spoke to Mara Velde, IOM's head of mission.\n\nAccording to witnesses, "
            "smugglers held Tomas Berend, a UNICEF nurse, with 1,840 migrants.\n\nSome 1,850 "
            "migrants arrived, according to Jonas Pekk, IOM's head of mission.",
        )
    )
    for value in ("1810", "1820", "1830", "1840"):
        assert sources(found[value]) == [], value
    assert sources(found["1850"]) == ["iom"]


def test_a_spanish_verb_s_a_before_the_name_is_who_is_told(tmp_path, knowledge):
    """'“Llegaron 1.950 migrantes”, dijo a Ana Ruiz, jefa de misión de la OIM, un policía':
    the person with a role in the body is told, not the speaker; but 'dijo Ana Ruiz, jefa de
    misión de la OIM' and Portuguese 'disse a diretora da OIM, Ana Ruiz' (an article)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "“Llegaron 1.950 migrantes”, dijo a Ana Ruiz, jefa de misión de la OIM, un policía "
            "de Velnor.\n\nUnos 1.960 migrantes llegaron, explicó a Lucía Paredes, jefa de "
            "misión de la OIM, el ministro.\n\n“Llegaron 1.965 migrantes”, dijo Mara Velde, "
            "jefa de misión de la OIM.\n\nCerca de 1.975 migrantes chegaram, disse a diretora "
            "da OIM, Rita Lobo.",
        )
    )
    assert sources(found["1950"]) == [] and sources(found["1960"]) == []
    assert sources(found["1965"]) == ["iom"] and sources(found["1975"]) == ["iom"]


def test_a_verb_of_saying_as_the_person_s_participle_makes_no_speaker(tmp_path, knowledge):
    """'Ana Ruiz, an IOM nurse reported missing on Monday, was found alive with 2,010 other
    migrants' (a victim), 'told by police that ...' (who is told), 'an IOM worker said to have
    smuggled 2,050 migrants' (a suspect): the person says nothing; but 'told reporters'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ana Ruiz, an IOM nurse reported missing on Monday, was found alive with 2,010 "
            "other migrants.\n\nMara Velde, IOM's head of mission, reported missing on Monday, "
            "was among 2,030 people evacuated.\n\nLucia Marr, IOM's head of mission, told by "
            "police that 2,040 migrants had died, called for calm.\n\nTomas Berend, an IOM "
            "worker said to have smuggled 2,050 migrants, was arrested.\n\nJonas Pekk, IOM's "
            "head of mission, told reporters 2,060 migrants had arrived.",
        )
    )
    for value in ("2010", "2030", "2040", "2050"):
        assert sources(found[value]) == [], value
    assert sources(found["2060"]) == ["iom"]


def test_an_envoy_to_a_body_has_no_role_in_it(tmp_path, knowledge):
    """'Velnor's ambassador to IOM', 'Velnor's permanent representative to the United
    Nations', 'Velnor's envoy to the IOM council', 'directora de Velnor ante la OIM',
    'directrice du Velnor auprès de l'OIM': another's envoy to the body, no role in it; but
    'the EU's envoy to IOM' (the EU's) and 'UNICEF Representative to Velnor'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 2,510 migrants arrived, said Ana Ruiz, Velnor's ambassador to IOM.\n\nSome "
            "2,520 migrants arrived, said Mara Velde, Velnor's permanent representative to the "
            "United Nations.\n\nSome 2,560 migrants arrived, said Tomas Berend, Velnor's envoy "
            "to the IOM council.\n\nUnos 2.530 migrantes llegaron, dijo Lucía Paredes, "
            "directora de Velnor ante la OIM.\n\nQuelque 2 540 migrants sont arrivés, a déclaré "
            "Claire Dumas, directrice du Velnor auprès de l'OIM.\n\nSome 2,580 migrants "
            "arrived, said Jonas Pekk, UNICEF Representative to Velnor.",
        )
    )
    for value in ("2510", "2520", "2560", "2530", "2540"):
        assert sources(found[value]) == [], value
    assert sources(found["2580"]) == ["unicef"]


def test_a_body_after_of_or_with_is_not_the_speaker_s_for_what_it_gives(tmp_path, knowledge):
    """'Ana Ruiz, with UNICEF support, said', 'with IOM's help', 'from IOM's list of missing
    people', 'of IOM's partner Casa Libre' (Casa Libre's, as before): what the body gives,
    lists or works with, no role in it; but 'of IOM's Velnor office', 'de la OIM'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ana Ruiz, with UNICEF support, said 2,610 children were missing.\n\nMara Velde, "
            "with IOM's help, said 2,620 migrants arrived.\n\nTomas Berend, from IOM's list of "
            "missing people, said 2,630 migrants arrived.\n\nJonas Pekk, of IOM's partner Casa "
            "Libre, said 2,640 migrants arrived.\n\nLucia Marr of IOM's Velnor office said 2,680 "
            "migrants arrived.\n\nLucía Paredes, de la OIM, dijo que 2.690 migrantes llegaron.",
        )
    )
    for value in ("2610", "2620", "2630"):
        assert sources(found[value]) == [], value
    assert "iom" not in sources(found["2640"])
    assert sources(found["2680"]) == ["iom"] and sources(found["2690"]) == ["iom"]


def test_a_person_set_against_the_verb_s_subject_is_not_its_speaker(tmp_path, knowledge):
    """'Police, not Ana Ruiz, IOM's head of mission, said', 'rather than', 'contradicting':
    the verb is the police's, and they are no named body; but 'In Velnor, Ana Ruiz, IOM's
    head of mission, said' and 'Several officials, including Ana Ruiz, ..., said'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police, not Ana Ruiz, IOM's head of mission, said 2,840 migrants died.\n\nPolice, "
            "rather than Mara Velde, IOM's head of mission, said 2,880 migrants died.\n\n"
            "Police, contradicting Tomas Berend, IOM's head of mission, said 2,890 migrants "
            "died.\n\nIn Velnor, Jonas Pekk, IOM's head of mission, said 2,896 migrants died."
            "\n\nSeveral officials, including Lucia Marr, IOM's head of mission, said 3,860 "
            "migrants arrived.",
        )
    )
    for value in ("2840", "2880", "2890"):
        assert sources(found[value]) == [], value
    assert sources(found["2896"]) == ["iom"] and sources(found["3860"]) == ["iom"]


def test_a_phrase_of_company_or_time_before_the_name_is_no_role(tmp_path, knowledge):
    """'Once IOM staff arrived, Ana Ruiz said', 'Together with IOM officials, ...', 'Alongside
    UNICEF staff, ...', 'Aux côtés de responsables de l'OIM, ...', 'Ana Ruiz, together with
    IOM officials, said': who the person is with, or when, not a role in the body."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Once IOM staff arrived, Ana Ruiz said 3,010 migrants were waiting.\n\nTogether "
            "with IOM officials, Mara Velde said 3,020 migrants were waiting.\n\nAlongside "
            "UNICEF staff, Tomas Berend said 3,030 children were waiting.\n\nAux côtés de "
            "responsables de l'OIM, Claire Dumas a déclaré que 3 080 migrants attendaient.\n\n"
            "Jonas Pekk, together with IOM officials, said 3,090 migrants were waiting.",
        )
    )
    for value in ("3010", "3020", "3030", "3080", "3090"):
        assert sources(found[value]) == [], value


def test_a_role_lost_credits_no_body(tmp_path, knowledge):
    """'the sacked IOM chief', 'IOM's ousted head of mission', 'a past president of the IOM
    Staff Association', 'la destituida jefa de la OIM': a role held no more; but 'IOM's head
    of mission for the past year'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 3,110 migrants arrived, said Ana Ruiz, the sacked IOM chief.\n\nMara Velde, "
            "IOM's ousted head of mission, said 3,120 migrants arrived.\n\nSome 3,130 migrants "
            "arrived, said Tomas Berend, a past president of the IOM Staff Association.\n\nUnos "
            "3.170 migrantes llegaron, dijo Lucía Paredes, la destituida jefa de la OIM.\n\n"
            "Jonas Pekk, IOM's head of mission for the past year, said 3,180 migrants arrived.",
        )
    )
    for value in ("3110", "3120", "3130", "3170"):
        assert sources(found[value]) == [], value
    assert sources(found["3180"]) == ["iom"]


def test_a_clause_before_a_comma_and_the_name_is_no_role(tmp_path, knowledge):
    """'IOM staff fled the camp, Ana Ruiz said, ...', 'UNICEF officials visited the camp, Ana
    Ruiz said', 'IOM officials were absent, Ana Ruiz told reporters, ...': a clause of its own
    before the comma, not a role set apart; but 'the IOM officer in charge of Velnor, Lucia
    Marr says', 'La jefa de misión de la OIM, Ana Ruiz, dijo'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM staff fled the camp, Ana Ruiz said, leaving 3,700 migrants alone.\n\nUNICEF "
            "officials visited the camp, Mara Velde said 3,710 children were there.\n\nIOM "
            "officials were absent, Tomas Berend told reporters, and 3,720 migrants waited.\n\n"
            "Meanwhile, the IOM officer in charge of Velnor, Lucia Marr says the office assisted "
            "4,700 victims.\n\nLa jefa de misión de la OIM, Lucía Paredes, dijo que 3.740 "
            "migrantes llegaron.",
        )
    )
    for value in ("3700", "3710", "3720"):
        assert sources(found[value]) == [], value
    assert sources(found["4700"]) == ["iom"] and sources(found["3740"]) == ["iom"]


def test_a_caption_in_brackets_after_the_name_is_no_role(tmp_path, knowledge):
    """'Ana Ruiz (pictured with UNICEF staff) said', '(centre, with IOM officials)', '(in
    blue, next to IOM staff)': where the person stands, not a role in the body; but '(IOM)',
    '(head of IOM Velnor)', '(spokesperson, UNICEF)'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ana Ruiz (pictured with UNICEF staff) said 3,910 children were missing.\n\nMara "
            "Velde (centre, with IOM officials) said 3,920 migrants arrived.\n\nTomas Berend "
            "(in blue, next to IOM staff) said 3,950 migrants arrived.\n\nJonas Pekk (IOM) said "
            "3,940 migrants arrived.\n\nLucia Marr (head of IOM Velnor) said 3,960 migrants "
            "arrived.\n\nIvo Sand (spokesperson, UNICEF) said 3,970 children were missing.",
        )
    )
    for value in ("3910", "3920", "3950"):
        assert sources(found[value]) == [], value
    assert sources(found["3940"]) == ["iom"] and sources(found["3960"]) == ["iom"]
    assert sources(found["3970"]) == ["unicef"]


def test_a_caption_set_apart_by_commas_is_no_role(tmp_path, knowledge):
    """'Ana Ruiz, pictured with IOM staff, said', 'seated next to UNICEF officials', 'Pictured
    with IOM staff, Ana Ruiz said': where the person stands, not a role in the body; but
    'appointed IOM's head of mission in May'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ana Ruiz, pictured with IOM staff, said 4,010 migrants arrived.\n\nMara Velde, "
            "seated next to UNICEF officials, said 4,020 children were missing.\n\nPictured "
            "with IOM staff, Tomas Berend said 4,060 migrants arrived.\n\nJonas Pekk, appointed "
            "IOM's head of mission in May, said 4,050 migrants arrived.",
        )
    )
    for value in ("4010", "4020", "4060"):
        assert sources(found[value]) == [], value
    assert sources(found["4050"]) == ["iom"]


def test_a_speaker_in_an_opening_subordinate_clause_does_not_reach_past_it(tmp_path, knowledge):
    """'While Ana Ruiz, IOM's head of mission, said the camp was calm, police reported 4,160
    arrests', 'Although ..., 4,180 migrants fled': the number is in the main clause, not in
    what the person said; but 'When Ana Ruiz, ..., said 4,200 migrants arrived, ...' and 'As
    Ana Ruiz, IOM's head of mission, noted, 4,130 migrants arrived'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "While Ana Ruiz, IOM's head of mission, said the camp was calm, police reported "
            "4,160 arrests.\n\nAlthough Mara Velde, IOM's head of mission, said the camp was "
            "calm, 4,180 migrants fled.\n\nWhen Tomas Berend, IOM's head of mission, said 4,200 "
            "migrants arrived, police counted fewer.\n\nAs Jonas Pekk, IOM's head of mission, "
            "noted, 4,130 migrants arrived.",
        )
    )
    assert sources(found["4160"]) == [] and sources(found["4180"]) == []
    assert sources(found["4200"]) == ["iom"] and sources(found["4130"]) == ["iom"]


def test_a_speaker_after_the_number_who_says_a_clause_of_their_own(tmp_path, knowledge):
    """'Police arrested 610 migrants on Monday, Ana Ruiz, IOM's head of mission, said the
    shelters were full' (and 'told reporters the shelters were full'): she says a clause of
    her own, not the number; but '..., Ana Ruiz, IOM's head of mission, said on Tuesday' and
    '..., told reporters'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police arrested 610 migrants on Monday, Ana Ruiz, IOM's head of mission, said the "
            "shelters were full.\n\nPolice arrested 612 migrants on Monday, Mara Velde, IOM's "
            "head of mission, told reporters the shelters were full.\n\nPolice arrested 611 "
            "migrants on Monday, Tomas Berend, IOM's head of mission, said on Tuesday.\n\nSome "
            "617 migrants arrived, Jonas Pekk, IOM's head of mission, told reporters.",
        )
    )
    assert sources(found["610"]) == [] and sources(found["612"]) == []
    assert sources(found["611"]) == ["iom"] and sources(found["617"]) == ["iom"]
