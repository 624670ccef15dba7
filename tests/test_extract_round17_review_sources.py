"""`kg extract`: faults a review found in the seventeenth round's rules on sources and on the
periods parts carry from their whole, one test per fault, on sentences composed for it (the
names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def test_a_verb_of_saying_with_its_own_clause_after_a_dash_is_no_source(tmp_path, knowledge):
    """'... rescued 300 migrants – UNICEF explained that it would send aid': what the body says
    is the clause after its verb, not the number before the dash (in Spanish too)."""
    for text in (
        "The coast guard rescued 300 migrants – UNICEF explained that it would send aid.",
        "La guardia costera rescató a 300 migrantes – la OIM destacó que enviará ayuda.",
    ):
        found = observations(draft_of(tmp_path, knowledge, text))
        assert sources(found["300"]) == [], text


def test_a_part_whose_sentence_says_a_relative_time_keeps_none(tmp_path, knowledge):
    """'In 2019, police rescued 300 victims. Last year, 43 of them testified': the 43 are of
    another time than the whole's, and take no period from it ('So far' too: a total to
    date; 'will': a time to come)."""
    for said in (
        "Last year, 43 of them testified in court.",
        "So far, 43 of them have called the hotline.",
        "Two years ago, 43 of them were rescued once already.",
        "The ministry plans new shelters. 43 of them will be resettled in Ostravia.",
    ):
        found = observations(
            draft_of(
                tmp_path,
                knowledge,
                f"In 2019, police in Pelmark rescued 300 victims of trafficking. {said}",
            )
        )
        assert found["300"].fields.get("period") == "2019"
        assert "period" not in found["43"].fields, said


def test_a_part_whose_sentence_names_another_year_keeps_none(tmp_path, knowledge):
    """'The ministry opened a hotline in 2022, and 43 of the victims called it': the part's own
    sentence is of 2022, not of the 2019 of the victims' rescue."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, police in Pelmark rescued 300 victims of trafficking. The ministry opened "
            "a hotline in 2022, and 43 of the victims called it within a month.",
        )
    )
    assert "period" not in found["43"].fields


def test_a_clause_of_its_own_after_a_part_ends_the_parts(tmp_path, knowledge):
    """'41 of them were children, and the office has hired 12 new inspectors': the 12 are no
    part of the victims, and take no period from them (nor after 'Of the victims, ...')."""
    for said in (
        "41 of them were children, and the office has hired 12 new inspectors.",
        "Of the victims, 58 per cent were men, and the office has hired 12 new inspectors.",
    ):
        found = observations(
            draft_of(
                tmp_path,
                knowledge,
                "Between March 2020 and May 2021, the Drelvan Labour Office identified 640 "
                f"victims of forced labour in Pelmark. {said}",
            )
        )
        assert "period" in (found.get("41") or found["58"]).fields
        assert "period" not in found["12"].fields, said


def test_citing_a_reason_is_no_source(tmp_path, knowledge):
    """'Police arrested 12 smugglers, citing evidence gathered by IOM': a reason the police
    give, not a body they cite for the number (as 'citing IOM figures', 'citing IOM.' are)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police arrested 12 smugglers, citing evidence gathered by IOM.\n\nThe ministry "
            "closed 3 shelters, citing a lack of funding from UNICEF.\n\nThe ministry said 300 "
            "migrants arrived in May, citing IOM.",
        )
    )
    assert sources(found["12"]) == []
    assert sources(found["3"]) == []
    assert sources(found["300"]) == ["iom"]


def test_the_un_agency_for_what_it_is_for_is_not_the_one_named_before(tmp_path, knowledge):
    """'IOM assisted 300 migrants. According to the UN agency for children, 40 ...': the words
    after 'agency' say which agency it is, not the IOM named before."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "IOM assisted 300 migrants in Pelmark. According to the UN agency for children, 40 "
            "of them were unaccompanied.",
        )
    )
    assert "iom" not in sources(found["40"])


def test_a_bodys_count_named_before_reaches_no_number_past_another_clause(tmp_path, knowledge):
    """'Cases documented by UNICEF are sent to the courts, which convicted 40 traffickers':
    the courts' number, not UNICEF's count; 'Las cifras de la OIM no incluyen a los 300
    migrantes ...': what IOM's figures leave out (as 'Of the deaths recorded by IOM, 300 were
    children' is IOM's)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Cases documented by UNICEF are sent to the courts, which convicted 40 traffickers "
            "in 2020.\n\nLas cifras de la OIM no incluyen a los 300 migrantes rescatados por la "
            "Armada.\n\nOf the 4,000 deaths recorded by IOM in 2019, 2,100 were men.",
        )
    )
    assert sources(found["40"]) == []
    assert sources(found["300"]) == []
    assert sources(found["2100"]) == ["iom"]


def test_a_verb_of_the_round_with_an_object_after_the_number_is_a_deed(tmp_path, knowledge):
    """'After 300 migrants drowned off Pelmark, IOM declared an emergency': what IOM did after
    the number, not its word on it (as '..., UNICEF pointed out.' is)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "After 300 migrants drowned off Pelmark, IOM declared an emergency.\n\nWhen 450 "
            "migrants arrived in May, UNHCR posted staff at the border.\n\nSome 520 migrants "
            "arrived in June, UNICEF pointed out.",
        )
    )
    assert sources(found["300"]) == []
    assert sources(found["450"]) == []
    assert sources(found["520"]) == ["unicef"]


def test_a_share_of_all_of_a_place_or_the_world_is_no_part(tmp_path, knowledge):
    """'Some 40% of the people in Pelmark live in poverty', after 300 people rescued from a
    factory in Ostravia in 2019: a background figure on all of Pelmark's people, not a part of
    the 300, and of no period (nor '10% of the children of the world')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, police rescued 300 people from a factory in Ostravia. Some 40% of the "
            "people in Pelmark live in poverty.\n\nIn 2020, police rescued 450 children from "
            "mines in Ostravia. Worldwide, 10% of the children of the world work.",
        )
    )
    assert "period" not in found["40"].fields
    assert "period" not in found["10"].fields


def test_a_bodys_tally_another_disputes_is_no_source_of_its_numbers(tmp_path, knowledge):
    """'The ministry disputed IOM's tally of 300 deaths, putting the number at 450': the 300 are
    IOM's count, the 450 the ministry's; 'The ministry questioned UNHCR's records, and police
    counted 450 arrivals': the police's count (as 'IOM's tally shows 300' is IOM's)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The ministry disputed IOM's tally of 300 deaths, putting the number at 450.\n\n"
            "The ministry questioned UNICEF's records, and police counted 520 arrivals.\n\n"
            "IOM's tally shows 610 deaths in 2019.",
        )
    )
    assert sources(found["300"]) == ["iom"]
    assert sources(found["450"]) == []
    assert sources(found["520"]) == []
    assert sources(found["610"]) == ["iom"]


def test_of_these_words_naming_another_thing_open_no_parts_of_the_count(tmp_path, knowledge):
    """'Of these three countries, Pelmark hosts 300 refugee camps', after 12,000 asylum claims of
    2017 to 2019: the camps are no part of the claims, and take no period from them (as
    'Of these three countries, Pelmark received 3,000 claims' are)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Between 2017 and 2019, Pelmark, Ostravia and Drelva received 12,000 asylum claims. "
            "Of these three countries, Pelmark hosts 300 refugee camps.",
        )
    )
    assert "period" not in found["300"].fields


def test_a_part_said_now_after_of_these_victims_keeps_no_period(tmp_path, knowledge):
    """'Of these victims, 58% are now back in their villages': a time of the part's own, not
    the 2017 to 2019 of the victims identified."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Between 2017 and 2019, police identified 640 victims. Of these victims, 58% are now "
            "back in their villages.",
        )
    )
    assert "period" not in found["58"].fields


def test_an_agency_of_a_body_other_than_the_un_is_not_the_body(tmp_path, knowledge):
    """'..., the EU agency said': an agency of the EU, not the EU (as '..., the UN agency said'
    is the one UN agency named before)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 300 migrants crossed the border in May, the EU agency said.\n\nIOM opened an "
            "office in Pelmark. Some 450 migrants crossed the border in June, the UN agency "
            "said.",
        )
    )
    assert sources(found["300"]) == []
    assert sources(found["450"]) == ["iom"]


def test_a_verb_of_the_round_reaches_no_number_of_another_subjects_clause(tmp_path, knowledge):
    """'The Ostravian Red Cross documented the abuse, and police arrested 12 suspects', 'UNICEF
    added that it was concerned, while police arrested 40 smugglers', 'La OIM destacó que ...,
    mientras la policía detuvo a 30': the police's numbers, not the body's word (as 'IOM
    documented 300 cases in 2019, and 40 of them involved children' is IOM's)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Ostravian Red Cross documented the abuse, and police arrested 12 suspects.\n\n"
            "UNICEF added that it was concerned, while police arrested 40 smugglers.\n\nLa OIM "
            "destacó que la situación es grave, mientras la policía detuvo a 30 traficantes.\n\n"
            "IOM documented 300 cases in 2019, and 45 of them involved children.",
        )
    )
    for value in ("12", "40", "30"):
        assert sources(found[value]) == [], value
    assert sources(found["45"]) == ["iom"]


def test_of_the_total_points_to_no_total_of_another_unit_than_the_counts_after(tmp_path, knowledge):
    """'a total of 3 million dollars in aid [2019]. This year, 300 migrants reached the border.
    Of the total, 60% were men': the men are no share of the dollars, and take no period from
    them."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2019, Pelmark received a total of 3 million dollars in aid. This year, 300 "
            "migrants reached the border. Of the total, 60% were men.",
        )
    )
    assert "period" not in found["60"].fields


def test_a_passive_count_after_another_numbers_clause_is_not_the_first_ones(tmp_path, knowledge):
    """'Llegaron 300 migrantes en mayo mientras 40 muertes fueron registradas por la OIM': IOM
    recorded the 40 deaths, not the 300 arrivals."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Llegaron 300 migrantes en mayo mientras 40 muertes fueron registradas por la OIM.",
        )
    )
    assert sources(found["300"]) == []
    assert sources(found["40"]) == ["iom"]


def test_the_searches_of_a_raid_are_no_data_of_the_police(tmp_path, knowledge):
    """'Durante los registros de la Policía Nacional de Ostravia, se detuvo a 30 personas': the
    searches of a raid, what the police did, not its records (as 'Los registros de la OIM
    muestran 300 llegadas' are IOM's)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Durante los registros de la Policía Nacional de Ostravia, se detuvo a 30 personas."
            "\n\nLos registros de la OIM muestran 300 llegadas en 2019.",
        )
    )
    assert sources(found["30"]) == []
    assert sources(found["300"]) == ["iom"]
