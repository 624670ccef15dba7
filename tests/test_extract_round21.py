"""`kg extract`: rules of the twenty-first round. Counts said one after another that add up
exactly to a dated count before them are its parts, and take its time, whatever words they are
said in (the README's `period`: "the parts of a whole take the whole's period"). On sentences
composed for it (the names of places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources

WHOLE = "The Lorvan Defence Force apprehended 40 migrants near Port Zelen on 3 March 2019.\n\n"


def _periods(tmp_path, knowledge, body: str) -> dict[str, str | None]:
    found = observations(draft_of(tmp_path, knowledge, body))
    return {
        k: (str(v.fields["period"]) if "period" in v.fields else None) for k, v in found.items()
    }


def test_counts_adding_up_to_a_dated_count_take_its_time(tmp_path, knowledge):
    """'40 migrants on 3 March ... the migrants were 32 males, seven females and one minor':
    32 + 7 + 1 = 40, the parts of that whole, though "have since said" stops the period of
    the count before from being carried to a sentence of its own."""
    periods = _periods(
        tmp_path,
        knowledge,
        WHOLE + "Officials have since said that the migrants were 32 males, seven females and "
        "one minor.",
    )
    assert periods["40"] == "2019-03-03"
    assert (periods["32"], periods["7"], periods["1"]) == ("2019-03-03",) * 3


def test_counts_that_do_not_add_up_to_it_take_no_time_of_it(tmp_path, knowledge):
    """32 + 7 + 2 = 41: not the parts of the 40, and nothing else dates them."""
    periods = _periods(
        tmp_path,
        knowledge,
        WHOLE + "Officials have since said that the migrants were 32 males, seven females and "
        "two minors.",
    )
    assert (periods["32"], periods["7"], periods["2"]) == (None, None, None)


def test_a_count_of_another_unit_between_the_parts_does_not_break_them(tmp_path, knowledge):
    """'32 males on two boats, seven females and one minor': the boats are counted apart; the
    people still add up to the 40, and the boats take no time of them."""
    periods = _periods(
        tmp_path,
        knowledge,
        WHOLE + "Officials have since said that the migrants were 32 males on two boats, seven "
        "females and one minor.",
    )
    assert (periods["32"], periods["7"], periods["1"]) == ("2019-03-03",) * 3
    assert periods["2"] is None


def test_a_size_written_as_an_adjective_is_no_count(tmp_path, knowledge):
    """'a 40-ft sloop', 'a 12-metre boat', 'a 200-km stretch', 'a 20 to 30-meter-long vessel':
    the size of a thing, not a count of people; the counts beside them stay."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Lorvan Defence Force apprehended 124 migrants in 2018 after a 40-ft sloop was "
            "found off Port Zelen.\n\n"
            "In 2019 a 12-metre boat carrying 15 people capsized off a 200-km stretch of coast, "
            "and 61 people were crammed onto a 20 to 30-meter-long fishing vessel.",
        ),
    )
    assert {"124", "15", "61"} <= set(found)
    assert not {"40", "12", "200", "20", "30"} & set(found)


def test_a_source_named_after_what_kind_of_body_it_is(tmp_path, knowledge):
    """'..., the rights group Lorvan Watch said', '..., the agency for migrant protection
    Zelen Relief Foundation announced': what kind of body the source is, set before its name,
    does not hide it; 'the agency said' alone names no body."""
    found = {
        k: sources(v)
        for k, v in observations(
            draft_of(
                tmp_path,
                knowledge,
                "Police arrested a total of 75 persons in 2019, the rights group Lorvan Watch "
                "said.\n\n"
                "Police arrested a total of 73 persons in 2020, the agency for migrant "
                "protection Zelen Relief Foundation announced on Friday.\n\n"
                "Police arrested a total of 77 persons in 2021, the agency said.",
            )
        ).items()
    }
    assert found["75"] == ["new:organization:lorvan watch"]
    assert found["73"] == ["new:organization:zelen relief foundation"]
    assert found["77"] == []


def test_a_source_said_after_its_verb_by_its_press_note_or_spokesperson(tmp_path, knowledge):
    """Spanish, Portuguese and French name a source after the verb of saying by its press
    note or its spokesperson: '..., detalla una nota de prensa del Ministerio ...', '...,
    anunciou esta quinta-feira, o porta-voz do Comando ...', '..., a précisé lundi le
    porte-parole de la Gendarmerie ...': the body is the source."""
    for body, title, value, body_key in (
        (
            "En 2022 fueron rescatadas 83 víctimas de trata, detalla una nota de prensa del "
            "Ministerio de Protección de Lorvania.",
            "Un comunicado de prensa",
            "83",
            "new:organization:ministerio de proteccion de lorvania",
        ),
        (
            "Em 2022 foram detidos 84 cidadãos estrangeiros, anunciou esta quinta-feira, o "
            "porta-voz do Comando Provincial da Polícia de Zelen.",
            "Um comunicado de imprensa",
            "84",
            "new:organization:comando provincial da policia de zelen",
        ),
        (
            "En 2022, 85 personnes ont été arrêtées, a précisé lundi le porte-parole de la "
            "Gendarmerie de Lorvanie.",
            "Un communiqué de presse",
            "85",
            "new:organization:gendarmerie de lorvanie",
        ),
    ):
        found = observations(draft_of(tmp_path, knowledge, body, title=title))
        assert sources(found[value]) == [body_key], body


def test_a_source_named_by_who_speaks_for_it(tmp_path, knowledge):
    """'..., an official from the Ministry of X said', '..., a spokesperson for X said': the
    body the person speaks for is the source; 'officials in Lorvan said' names none."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police freed 3,455 children in 2010, an official from the Lorvan Ministry of "
            "Public Security said Friday.\n\n"
            "In 2019, 25 children were rescued, a spokesperson for the Lorvan Police Service "
            "said.\n\n"
            "In 2020, 28 children were rescued, officials in Lorvan said.",
        ),
    )
    assert sources(found["3455"]) == ["new:organization:lorvan ministry of public security"]
    assert sources(found["25"]) == ["new:organization:lorvan police service"]
    assert sources(found["28"]) == []


def test_member_states_and_states_parties_are_countries(tmp_path, knowledge):
    """'23 EU Member States', '40 States Parties to the convention': countries; '11 of
    Lorvania's 27 states': a country's states."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2017, 23 EU Member States joined the operation. The study covered 40 States "
            "Parties to the convention in 2018. In 2015, 11 of Lorvania's 27 states were "
            "visited.",
        ),
    )
    assert (found["23"].fields["unit"], found["40"].fields["unit"]) == ("country", "country")
    assert found["11"].fields["unit"] == "state"


def test_the_dead_counted_by_their_bodies_in_another_language_are_people(tmp_path, knowledge):
    """'11 corps ont été repêchés', 'se hallaron 12 cadáveres': the dead, counted as people
    (as 'six bodies' is in English)."""
    french = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2021, 11 corps ont été repêchés au large de Tanger.",
            title="Un communiqué de presse",
        )
    )
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2021 se hallaron 12 cadáveres en la costa.",
            title="Un comunicado de prensa",
        )
    )
    assert french["11"].fields["unit"] == spanish["12"].fields["unit"] == "person"


def test_the_day_of_an_event_a_time_is_counted_from_is_no_numbers_time(tmp_path, knowledge):
    """'Four and a half years after the earthquake that struck Lorvania on 12 January 2010,
    103,565 remain in camps': not of 12 January 2010; 'In 2014, 2,100 remain' keeps its year."""
    periods = _periods(
        tmp_path,
        knowledge,
        "Four and a half years after the earthquake that struck Lorvania on the 12th January "
        "2010, an estimated 103,565 displaced persons remain in camps.\n\n"
        "In 2014, some 2,100 displaced persons remained in camps in Port Zelen.",
    )
    assert periods["103565"] is None
    assert periods["2100"] == "2014"


def test_a_number_a_plan_aims_at_takes_no_time(tmp_path, knowledge):
    """'The team kicked off the exercise on 23 March 2009 and plans to register at least
    50,000 refugees': a plan's number, of no time; the team's 50 members take the day."""
    periods = _periods(
        tmp_path,
        knowledge,
        "A team of 50 civil servants kicked off the exercise on 23 March 2009 and plans to "
        "register at least 50,000 refugees in northern Lorvania.\n\n"
        "The project began on 1 June 2010 and will assist some 4,000 migrants.",
    )
    assert periods["50"] == "2009-03-23"
    assert periods["50000"] is None and periods["4000"] is None


def test_a_time_compared_with_before_the_numbers_clause_is_not_its_time(tmp_path, knowledge):
    """'... increased 28 per cent in 2009 over the previous year, with 33 victims ...': the 33
    are of 2009, not of the year compared with; 'Compared with 2018, 4,600 people reached the
    islands in 2019' keeps 2019."""
    periods = _periods(
        tmp_path,
        knowledge,
        "Trafficking cases in Lorvania increased 28 per cent in 2009 over the previous year, "
        "with 33 victims forced into prostitution.\n\n"
        "Compared with 2018, 4,600 people reached the islands in 2019.",
    )
    assert (periods["28"], periods["33"], periods["4600"]) == ("2009", "2009", "2019")


def test_the_time_of_a_figure_compared_with_after_up_from(tmp_path, knowledge):
    """'32,115 people landed on the islands, up from 29,130 in 2017': 2017 is the compared
    figure's time, not the 32,115's; 'In 2018, 15,814 entered, up from 5,577 in 2017' gives
    each its year."""
    periods = _periods(
        tmp_path,
        knowledge,
        "A total of 32,115 people landed on the Lorvan islands, up from 29,130 in 2017.\n\n"
        "In 2018, 15,814 migrants entered Lorvania by land, up from 5,577 in 2017.",
    )
    assert (periods["32115"], periods["29130"]) == (None, "2017")
    assert (periods["15814"], periods["5577"]) == ("2018", "2017")


def test_the_time_of_another_event_told_in_a_clause_apart_is_not_the_numbers(tmp_path, knowledge):
    """'The workshop, which followed a similar training in Lorvan in November 2016, was
    attended by 85 officers': November 2016 is the other training's; 'The workshop, held in
    Lorvan in November 2016, was attended by 86 officers' is of November 2016."""
    periods = _periods(
        tmp_path,
        knowledge,
        "The workshop, which followed a similar training in Lorvan in November 2016, was "
        "attended by approximately 85 police officers.\n\n"
        "The second workshop, held in Zelen in December 2017, was attended by 86 officers.",
    )
    assert (periods["85"], periods["86"]) == (None, "2017-12")


def test_a_quoted_list_then_its_source(tmp_path, knowledge):
    """'Officers seized "753 documents, 68 boats and 48 engines, and 66 vehicles," according
    to X': every number of the quote is X's, the quote closed after the comma."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            'In 2021 officers seized "753 forged travel documents, 68 inflatable boats and 48 '
            'engines, and 66 vehicles," according to the Lorvan News Agency.',
        )
    )
    for value in ("753", "68", "48", "66"):
        assert sources(found[value]) == ["new:organization:lorvan news agency"], value


def test_french_bodies_named_in_sentence_case(tmp_path, knowledge):
    """'la Police aux frontières (PAF)' (its acronym spelled with the connector's letter), 'la
    Marine royale', 'le Parquet fédéral', 'la Garde côtière': bodies, as French writes their
    names."""
    for body, name in (
        (
            "En 2025, la Police aux frontières (PAF) a interpellé 570 passeurs.",
            "Police aux frontières",
        ),
        ("En 2018, la Marine royale a porté secours à 37 migrants.", "Marine royale"),
        (
            "Le Parquet fédéral a annoncé que 27 personnes ont été arrêtées en 2024.",
            "Parquet fédéral",
        ),
        ("En 2023, la Garde côtière a secouru 12 migrants au large.", "Garde côtière"),
    ):
        draft = draft_of(tmp_path, knowledge, body, title="Un communiqué de presse")
        found = {m.text for m in draft.entities.mentions if m.kind == "organization"}
        assert name in found, body


# The review's counter-examples (/work/devset/review21, outside the repository): each rule
# above left alone where its words mean something else.


def _dated(tmp_path, knowledge, body: str) -> dict[str, str | None]:
    """The periods of a composed release dated 14 March 2022."""
    return _periods(tmp_path, knowledge, "Lorvan City, 14 March 2022 - " + body)


def test_a_count_of_what_happened_after_a_plan_verb_keeps_its_time(tmp_path, knowledge):
    periods = _dated(
        tmp_path,
        knowledge,
        "The coast guard will step up patrols after 40 migrants drowned off Port Zelen on 3 "
        "March 2019.\n\n"
        "Lorvan Relief will continue to assist the 300 migrants who arrived in Port Zelen in "
        "2019.\n\n"
        "The annual report will show that 1,200 victims were identified in 2020.\n\n"
        "The project aims to help the 5,000 families displaced by the floods in March 2021.",
    )
    assert (periods["40"], periods["300"]) == ("2019-03-03", "2019")
    assert (periods["1200"], periods["5000"]) == ("2020", "2021-03")


def test_over_a_time_with_no_change_is_that_time(tmp_path, knowledge):
    periods = _dated(
        tmp_path,
        knowledge,
        "Over the previous year, 3,000 victims were identified in Lorvania.\n\n"
        "Over the 2019-2020 financial year, 3,001 victims were identified.",
    )
    assert periods["3000"] == "2021"
    assert periods["3001"] == str({"start": "2019", "end": "2020"})


def test_a_time_said_after_the_number_of_an_event_counted_from_is_its_time(tmp_path, knowledge):
    periods = _dated(
        tmp_path,
        knowledge,
        "Six months after the reform police arrested 40 smugglers on 3 March 2019.",
    )
    assert periods["40"] == "2019-03-03"


def test_picked_up_from_is_no_comparison(tmp_path, knowledge):
    periods = _dated(
        tmp_path, knowledge, "Some 1,200 migrants were picked up from the sea in 2019."
    )
    assert periods["1200"] == "2019"


def test_counts_that_add_up_but_are_of_another_time_or_kind_are_no_parts(tmp_path, knowledge):
    """'Since its launch, the project has trained 15 officers and 10 judges', 'So far, 30
    have been returned and 10 will be resettled', 'over the past decade': not the parts of
    the dated count before them, though they add up to it."""
    periods = _dated(
        tmp_path,
        knowledge,
        "Police rescued 25 migrants near Port Zelen on 3 March 2019.\n\n"
        "Since its launch, the project has trained 15 border officers and 10 judges.\n\n"
        "Police arrested 12 suspected smugglers on 4 March 2019.\n\n"
        "The network is believed to have trafficked 8 women and 4 children to Europe over the "
        "past decade.",
    )
    assert (periods["15"], periods["10"]) == (None, None)
    assert (periods["8"], periods["4"]) == (None, None)


def test_a_group_of_people_rescued_by_a_body_is_not_the_body(tmp_path, knowledge):
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police arrested 75 persons in 2019, a group of survivors rescued by the Lorvan "
            "Coast Guard said.\n\n"
            "Police arrested 76 persons in 2019, the EU's border and coast guard agency Lorvan "
            "Frontier Watch said.",
        )
    )
    assert sources(found["75"]) == []
    assert sources(found["76"]) == ["new:organization:lorvan frontier watch"]


def test_more_of_the_same_shapes(tmp_path, knowledge):
    """The review's misses of the same shapes: '12 cuerpos' are people, the OSCE's
    'participating States' are countries, 'the 24-nautical-mile zone' is no count, and 'detalla
    un comunicado de prensa del X', 'a déclaré le porte-parole de X' name X."""
    english = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The 57 OSCE participating States met in 2021. In 2021, 17 migrants were held "
            "within the 24-nautical-mile zone.",
        )
    )
    assert english["57"].fields["unit"] == "country" and "24" not in english
    spanish = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2021 se recuperaron 12 cuerpos en la costa y fueron rescatadas 83 víctimas, "
            "detalla un comunicado de prensa del Ministerio de Protección de Lorvania.",
            title="Un comunicado de prensa",
        )
    )
    assert spanish["12"].fields["unit"] == "person"
    assert sources(spanish["83"]) == ["new:organization:ministerio de proteccion de lorvania"]
    french = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2022, 86 personnes ont été arrêtées, a déclaré le porte-parole de la Gendarmerie "
            "de Lorvanie.",
            title="Un communiqué de presse",
        )
    )
    assert sources(french["86"]) == ["new:organization:gendarmerie de lorvanie"]


def test_portuguese_feminine_demonyms_count_people(tmp_path, knowledge):
    """'cinco brasileiras e 4 paraguaias': women of those countries, people; 'três fronteiras'
    are borders."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Em 2013 foram resgatadas cinco brasileiras e 4 paraguaias na operação. Em 2014, "
            "três fronteiras foram fechadas.",
            title="Um comunicado de imprensa",
        )
    )
    assert found["5"].fields["unit"] == found["4"].fields["unit"] == "person"
    assert found["3"].fields.get("unit") != "person"
