"""`kg extract`: rules on the attributions of drafted numbers written on the eighteenth round
(a person given as the source with a role in a named organization credits it, and the reach of
a reporting clause), one test per rule, on sentences composed for it (the names of people,
places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def test_a_speaker_with_a_role_in_a_body_credits_the_body(tmp_path, knowledge):
    """'..., said Ana Ruiz, IOM's head of mission', 'According to UNICEF spokesperson Ana
    Ruiz, ...', 'Tomas Berend, director of the UNHCR office in Pelmark, said ...', 'según ...,
    jefa de misión de la OIM', 'Tomas Berend from the X department under the Y ministry said'
    (the department he is in); not a speaker without a role in a body, nor one whose role is
    a clause ('who visited ...'), nor 'officials said'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "More than 3,100 children were displaced in Velnor, said Ana Ruiz, IOM's head of "
            "mission.\n\nAccording to UNICEF spokesperson Mara Velde, 410 people were rescued."
            "\n\nTomas Berend, director of the UNHCR office in Pelmark, said 260 migrants "
            "arrived.\n\nSegún Lucía Paredes, jefa de misión de la OIM, 1.270 migrantes "
            "llegaron a Velnor.\n\nJonas Pekk from the Department for Combating Smuggling "
            "under the Ministry of Internal Affairs of Velnoria said that at least 58 women "
            "were exploited abroad.\n\nSome 720 migrants were rescued near Ostrava, Ana Ruiz "
            "said.\n\nDorin Vasek, who visited the IOM camp, said 830 families lived there."
            "\n\nOfficials said 940 people were missing.",
        )
    )
    assert sources(found["3100"]) == ["iom"]
    assert sources(found["410"]) == ["unicef"]
    assert len(sources(found["260"])) == 1 and "refugees" in sources(found["260"])[0]
    assert sources(found["1270"]) == ["iom"]
    assert sources(found["58"]) == ["new:organization:department for combating smuggling"]
    assert sources(found["720"]) == []
    assert sources(found["830"]) == []
    assert sources(found["940"]) == []


def test_a_speaker_s_role_is_a_noun_phrase_beside_the_name(tmp_path, knowledge):
    """The role is a noun phrase beside the name: not a clause of its own before it ('After
    meeting IOM officials, Ana Ruiz said', 'Speaking to UNICEF staff, ...'), nor a relative
    clause after it ('Ana Ruiz, who heads the IOM office, said') or inside it ('Ana Ruiz, a
    researcher who studied IOM data'); but a role's own words
    ('Acting Head of IOM in Velnor, Ana Ruiz, said') and a role set before the name with a
    comma after an opening phrase ('Meanwhile, the IOM officer in charge of Velnor, Ana Ruiz
    says')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "After meeting IOM officials, Ana Ruiz said 310 migrants arrived.\n\nSpeaking to "
            "UNICEF staff, Mara Velde said 420 children were missing.\n\nTomas Berend, who "
            "heads the IOM office in Velnor, said 530 migrants arrived.\n\nActing Head of IOM "
            "in Velnor, Jonas Pekk, said 640 migrants arrived.\n\nMeanwhile, the IOM officer in "
            "charge of Velnor, Lucia Marr says the office assisted 4,700 victims.\n\nSome 870 "
            "children were displaced, said Dorin Vasek, a researcher who studied IOM data.",
        )
    )
    assert sources(found["870"]) == []
    assert sources(found["310"]) == [] and sources(found["420"]) == []
    assert sources(found["530"]) == []
    assert sources(found["640"]) == ["iom"] and sources(found["4700"]) == ["iom"]


def test_a_speaker_named_after_a_quote_and_by_the_body_s_possessive(tmp_path, knowledge):
    """'"... 300 ...," Ana Ruiz, UNICEF Representative in Velnor, said': the quote's numbers
    (its comma before the closing mark); 'IOM's Ana Ruiz said', 'IOM Velnor Chief of Mission
    Ana Ruiz said', 'De acuerdo con ...', "D'après ..."; a verb of saying before the speaker
    closes what was said before it, not what the sentence tells after ('..." explained Ana
    Ruiz, IOM's head of mission, because of the waters where over 3,300 migrants have
    died')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "“We registered 310 children this month,” Ana Ruiz, UNICEF Representative in "
            "Velnor, said.\n\nIOM's Mara Velde said 420 migrants arrived in May.\n\nIOM Velnor "
            "Chief of Mission Tomas Berend said 530 migrants arrived.\n\nDe acuerdo con Lucía "
            "Paredes, directora de la OIM en Velnor, 1.640 migrantes llegaron.\n\nD'après "
            "Claire Dumas, directrice de l'OIM au Velnor, 1 750 migrants sont arrivés.\n\n“This "
            "strait is deadly,” explained Jonas Pekk, IOM's head of mission, because of the "
            "waters where over 3,860 migrants have died since 2006.",
        )
    )
    assert sources(found["310"]) == ["unicef"]
    assert sources(found["420"]) == ["iom"] and sources(found["530"]) == ["iom"]
    assert sources(found["1640"]) == ["iom"] and sources(found["1750"]) == ["iom"]
    assert sources(found["3860"]) == []
