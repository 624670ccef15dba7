"""`kg extract` on general patterns of English press releases (issue 15, drafts that
generalise): one test per rule, each on sentences composed for it (none comes from a real
release, and the names are made up)."""

from __future__ import annotations

from composed import DATA, draft_of, mentions, observations, sources
from kg.extraction.extract import extract


def organizations(draft) -> set[str]:
    return set(mentions(draft, "organization"))


# -- numbers ---------------------------------------------------------------------------------


def test_a_part_in_words_of_a_whole_in_figures(tmp_path, knowledge):
    """ "Seven of the 12 posts": the part counts what the whole counts, and the whole is no
    statistic of its own; "one of the two" stays a pronoun."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Nine of the 40 victims were minors. One of the two shelters closed in the winter.",
    )
    found = observations(draft)
    assert found["9"].fields["unit"] == "person"
    assert "40" not in found and "1" not in found and "2" not in found


def test_a_clause_with_its_own_relative_time_takes_no_later_date(tmp_path, knowledge):
    """ "Last year, 4,500 ...; in the first half of 2022, 2,100 ...": the first number is of
    last year, not of 2022; a date after a semicolon is not borrowed either."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Last year, 4,500 people were returned home; between January and June 2022, 2,100 "
        "more were returned. A total of 1,200 families were assisted; the project ends in 2025.",
    )
    found = observations(draft)
    assert "period" not in found["4500"].fields
    assert found["2100"].fields["period"] == {"start": "2022-01", "end": "2022-06"}
    assert "period" not in found["1200"].fields


# -- attributions ----------------------------------------------------------------------------


def test_a_source_set_before_what_it_says_by_as(tmp_path, knowledge):
    """ "As reported by X, ...", "As X noted, ...": X is the source of the numbers after."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "As reported by IOM, 640 migrants crossed the border in May 2020. As UNICEF noted, 45 "
        "per cent of the children had no birth certificate.",
    )
    found = observations(draft)
    assert sources(found["640"]) == ["iom"]
    assert sources(found["45"]) == ["unicef"]


def test_a_source_that_has_warned_or_whose_latest_tool_counts(tmp_path, knowledge):
    """ "X has warned that up to N", "X's latest Tracking Tool counts N": the auxiliary and
    the adjectives before the named tool do not hide the source."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM has warned that up to 3,000 migrants could be stranded at the coast. UNICEF’s "
        "latest Child Displacement Monitor counts 12,000 displaced children.",
    )
    found = observations(draft)
    assert sources(found["3000"]) == ["iom"]
    assert sources(found["12000"]) == ["unicef"]


# -- organizations ---------------------------------------------------------------------------


def test_a_name_ending_in_international_is_an_organization(tmp_path, knowledge):
    """ "Terra Viva International" is an organization even at a sentence's start; "Programme
    Officer of Terra Viva International" is a role."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Terra Viva International is pleased to announce a new hotline for survivors. “It "
        "will save lives,” said Jane Roe, Programme Officer of Terra Viva International.",
    )
    found = organizations(draft)
    assert "Terra Viva International" in found
    assert not any("Officer" in name for name in found)


def test_a_name_the_text_says_is_an_organization(tmp_path, knowledge):
    """ "X, a local charity", "X, a grassroots organisation founded in ...": the kind after
    the name; not "Y, a group leader", nor a country that "is a country of origin"."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The shelter is run by Lumen Verde, a local charity. Ponte Azul, a grassroots "
        "organisation founded in 2001, runs the hotline. Mexico is a country of origin and "
        "transit. Jane Roe, a group leader in the village, spoke to the press.",
    )
    found = organizations(draft)
    assert {"Lumen Verde", "Ponte Azul"} <= found
    assert not found & {"Mexico", "Jane Roe"}


def test_a_list_after_a_ministry_is_not_its_complement(tmp_path, knowledge):
    """ "the Ministry of Interior, UNHCR, IOM and Safe Harbour": four names, not one; "the
    Bureau of Asylum, Refugees and Return" stays one name (a complement of plain words)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The meeting brought together the Ministry of Interior, UNHCR, IOM and Safe Harbour. "
        "Officials of the Bureau of Asylum, Refugees and Return attended as well.",
    )
    found = organizations(draft)
    assert {"Ministry of Interior", "UNHCR", "IOM", "Safe Harbour"} <= found
    assert "Bureau of Asylum, Refugees and Return" in found


def test_the_names_of_a_list_with_organizations_and_the_before_its_last(tmp_path, knowledge):
    """ "the Ruritanian Red Cross, Bright Path, Safe Harbour, and the Ministry of Health": the
    unnamed members are organizations; a member that begins with a given name is not."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Representatives of the Ruritanian Red Cross, Bright Path, Safe Harbour, and the "
        "Ministry of Health met on Monday. The panel heard UNHCR, IOM and Maria Lopez.",
    )
    found = organizations(draft)
    assert {"Ruritanian Red Cross", "Bright Path", "Safe Harbour", "Ministry of Health"} <= found
    assert "Maria Lopez" not in found


def test_the_year_before_the_one_the_sentence_names(tmp_path, knowledge):
    """ "In 2016, ... 1,900 ..., up from 1,200 the year before": 1,200 is of 2015."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2016, the hotline assisted more than 1,900 victims, up from 1,200 the year before. "
        "The shelters hosted 450 women in 2019, against 380 in the previous year.",
    )
    found = observations(draft)
    assert (found["1900"].fields["period"], found["1200"].fields["period"]) == ("2016", "2015")
    assert (found["450"].fields["period"], found["380"].fields["period"]) == ("2019", "2018")


def test_a_ratio_counts_what_its_for_every_names(tmp_path, knowledge):
    """ "for every reported case ..., at least 20 that are not reported": 20 cases."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Experts estimate that for every reported case of forced labour, there are at least 20 "
        "that are never reported.",
    )
    found = observations(draft)
    assert found["20"].fields["unit"] == "case"
    assert found["20"].active


def test_the_name_before_a_role_held_in_an_organization(tmp_path, knowledge):
    """ "Bright Path Executive Director Jane Roe": Bright Path is an organization; not the
    words before a government's title ("Ruritanian Foreign Minister"), nor a campaign."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The shelter is full, Bright Path Executive Director Jane Roe said on Monday. "
        "Ruritanian Foreign Minister John Smith and the Blue Heart Campaign Director spoke.",
    )
    found = organizations(draft)
    assert "Bright Path" in found
    assert not any("Ruritanian" in name or "Campaign" in name for name in found)


def test_a_share_said_as_n_out_of_m_and_a_telephone_number(tmp_path, knowledge):
    """ "Two out of three victims": a share (66.7 per cent), not three people; the groups of
    a telephone number ("1-800-555-0199") count nothing."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Two out of three victims were women. The hotline, 1-800-555-0199, is open day and night.",
    )
    found = observations(draft)
    assert found["66.7"].fields["unit"] == "percent"
    assert not {"3", "555", "800", "199"} & set(found)
    assert ("1", "800") not in found


def test_and_of_joins_two_complements_not_one_name(tmp_path, knowledge):
    """ "officers of the Border Guard Service of Ruritania and of the Coast Guard": two
    organizations, not one name running over "and of"."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Officers of the Border Guard Service of Ruritania and of the Coast Guard took part.",
    )
    found = organizations(draft)
    assert "Border Guard Service of Ruritania" in found
    assert not any("and of" in name for name in found)


def test_a_range_whose_scale_is_said_once_and_a_scale_glued_to_its_digits(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Between 1.4 and 2.1 million Zembian women work abroad. The agency estimates that over "
        "$12billion of wages a year are withheld.",
    )
    found = observations(draft)
    assert ("1400000", "2100000") in found
    assert found["12000000000"].fields["unit"] == "us-dollar"
    assert found["12000000000"].fields["qualifier"] == ["estimated", "more-than"] or set(
        found["12000000000"].fields["qualifier"]
    ) == {"estimated", "more-than"}


def test_a_number_of_times_said_in_words(tmp_path, knowledge):
    """ "more than doubled", "to at least double", "a three-fold rise": unit `times`; "five
    times more than 93": 93 takes no "more than"; "double rooms" counts nothing."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Arrests in Zembia more than doubled in 2019. The agency expects the number of "
        "unaccompanied children to at least double. Prosecutions saw a three-fold rise. "
        "The courts heard 480 cases in 2019, five times more than 93 cases in 2018. "
        "The shelter has 12 double rooms.",
    )
    found = observations(draft)
    assert found["2"].fields["unit"] == "times"
    assert found["3"].fields["unit"] == "times"
    assert found["93"].fields["qualifier"] == ["exact"]
    assert found["93"].fields["period"] == "2018"  # its own date, right after what it counts
    assert found["480"].fields["period"] == "2019"
    assert [k for k in found if k in ("1", "4")] == []


def test_a_value_then_and_a_value_now_are_no_range(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Between 2014 and 2019, the number of asylum claims registered in Zembia jumped from "
        "1,845 to 52,617. The shelter hosts from 20 to 30 women.",
    )
    found = observations(draft)
    assert found["1845"].fields["period"] == "2014"
    assert found["52617"].fields["period"] == "2019"
    assert found["1845"].fields["unit"] == found["52617"].fields["unit"] == "claim"
    assert ("20", "30") in found  # no change said: a range


def test_people_named_by_sex_or_trade_count_as_persons(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police arrested seven nationals, two females and five males. The workshop trained 17 "
        "frontline practitioners, and 483 defendants were prosecuted.",
    )
    found = observations(draft)
    assert {found[v].fields["unit"] for v in ("2", "5", "17", "483")} == {"person"}


def test_a_number_near_no_indicator_gets_a_new_one_not_a_guess(tmp_path, knowledge):
    """ "17,943 new asylum applications from victims" shares one word with an indicator
    (victims assisted): the draft names a new indicator after what is counted rather than
    state the nearest one."""
    draft = draft_of(
        tmp_path, knowledge, "Police registered 17,943 new asylum applications from victims."
    )
    item = observations(draft)["17943"]
    assert item.new_concepts["indicator"][0] == "indicators"
    assert "application" in item.fields["indicator"]
    assert item.confidence >= 0.5


def test_notes_ages_and_project_lengths_are_no_statistics(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Arrivals into Europe(1) grew. The average age of arrival is now 13-15.(2) The fund "
        "supports projects lasting up to two years. Some 40 children were helped.",
    )
    assert set(observations(draft)) == {"40"}


def test_a_number_only_the_headline_states(tmp_path, knowledge):
    path = tmp_path / "952_composed.txt"
    path.write_text(
        "Nearly 50 Migrants Drown off the Zembian Coast\n\nAt least 12 people survived, and "
        "the search goes on.\n",
        encoding="utf-8",
    )
    found = observations(extract(path, DATA, knowledge))
    assert found["50"].fields["qualifier"] == ["approximately"]
    assert found["12"].fields["qualifier"] == ["at-least"]


def test_a_source_whose_staff_report_or_whose_long_titled_report_estimates(tmp_path, knowledge):
    """ "IOM staff reported that 37 ...": the organization's people speak for it; "UNODC's
    Regional Report on the Capacities to Measure Trafficking in the Zembian Islands estimated
    that 0.4 per cent": a report's title with small words between its capitals."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM staff reported that 37 migrants had drowned, 30 men and 7 women. In 2023, UNODC’s "
        "Regional Report on the Capacities to Measure Trafficking in the Zembian Islands "
        "estimated that 0.4 per cent of the population was exploited.",
    )
    found = observations(draft)
    assert sources(found["37"]) == sources(found["30"]) == ["iom"]
    # UNODC, new here: proposed under its full name (general knowledge)
    assert [s.rsplit(":", 1)[-1] for s in sources(found["0.4"])] == [
        "united nations office on drugs and crime"
    ]


def test_words_in_capitals_that_open_a_paragraph_are_no_organizations(tmp_path, knowledge):
    """A dateline's town in capitals ("KALIMBO, Ruritania —") and a label ("VIDEO:") are no
    acronyms of organizations."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "KALIMBO, Ruritania — Police freed 12 women in Kalimbo on Monday.\n\n"
        "VIDEO: a reporter visits the shelter in Kalimbo.",
    )
    assert not {"KALIMBO", "VIDEO"} & organizations(draft)


def test_an_acronym_of_a_place_or_of_a_topic_is_no_organization(tmp_path, knowledge):
    """ "the Central African Republic (CAR)": the place's initials; "Forced Labour Practices
    (FLP)", the text writing "forced labour practices" too: a topic. "the Office at Kalimbo
    (OAK)" stays an organization's acronym."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Migrants from the Central African Republic (CAR) reach the coast. A survey of Forced "
        "Labour Practices (FLP) found that forced labour practices are common. The United "
        "Nations Office at Kalimbo (UNOK) hosted the meeting, and UNOK will report in May.",
    )
    found = organizations(draft)
    assert not {"CAR", "FLP", "Forced Labour Practices"} & found
    assert "UNOK" in found


def test_a_capitalized_phrase_the_text_writes_in_lower_case_is_no_name(tmp_path, knowledge):
    """ "ASEAN and Smuggling of Migrants: a Review", the text saying "smuggling" and
    "migrants" in lower case too: no organization "Smuggling of Migrants"."""
    draft = draft_of(
        tmp_path,
        knowledge,
        'IOM launched the report "ASEAN and Smuggling of Migrants" on Monday. The smuggling of '
        "migrants grew in the region, the report found.",
    )
    assert "Smuggling of Migrants" not in organizations(draft)


def test_a_government_named_after_the_article_and_a_portfolio_that_goes_on(tmp_path, knowledge):
    """ "The Government of Ruritania is working ...", the text writing "whole-of-government"
    too: still a name; "Minister for Women and Gender Equality, announced": the portfolio goes
    on after "and", no person "Gender Equality"; "Skip To Content": no person."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Skip To Content\n\nToday, Jane Roe, Minister for Women and Gender Equality, announced "
        "funds for a whole-of-government approach. The Government of Ruritania is working with "
        "partners.",
    )
    assert "Government of Ruritania" in organizations(draft)
    people = {m.text for m in draft.entities.mentions if m.kind == "person"}
    assert people == {"Jane Roe"}


def places(draft) -> set[str]:
    return set(mentions(draft, "place"))


def test_a_subdivision_named_with_its_type_and_a_city_of_an_unnamed_country(tmp_path, knowledge):
    """ "the Kalimbo Province", "the Autonomous Region of Kalimbo": places with a type word;
    "at a briefing in Geneva": a city whose country the text does not name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The training took place in the Kalimbo Province and the Autonomous Region of Zumba, "
        "the agency told reporters at a briefing in Geneva.",
    )
    found = places(draft)
    assert {"Kalimbo Province", "Autonomous Region of Zumba", "Geneva"} <= found


def test_a_border_in_lower_case_is_the_known_one_only_where_its_country_is_named(
    tmp_path, knowledge
):
    """The reference data's "northern border" lies within Mexico: in a text on Ruritania
    that never names Mexico, "the northern border" is not it."""
    draft = draft_of(
        tmp_path, knowledge, "Police patrol the northern border of Ruritania day and night."
    )
    assert "mexico-northern-border" not in {m.entity for m in draft.entities.mentions}
    draft = draft_of(
        tmp_path, knowledge, "Migrants wait in Mexico along the northern border for weeks."
    )
    assert "mexico-northern-border" in {m.entity for m in draft.entities.mentions}


def test_a_first_paragraph_read_as_the_headline_is_body(tmp_path, knowledge):
    """A page whose headline was lost: its first paragraph, far longer than any headline,
    holds names as any paragraph does ("the Ruritanian Government"); "the Kalimbo Process"
    (an intergovernmental forum) names no person."""
    path = tmp_path / "953_composed.txt"
    path.write_text(
        "Over two days, the Regional Support Office of the Kalimbo Process, the International "
        "Organization for Migration and the Ruritanian Government came together to train "
        "officials on the identification of victims of trafficking in persons in the region.\n\n"
        "Some 40 officers took part.\n",
        encoding="utf-8",
    )
    draft = extract(path, DATA, knowledge)
    assert "Ruritanian Government" in organizations(draft)
    assert not [m for m in draft.entities.mentions if m.kind == "person"]


def test_organizations_typed_together_inside_a_role_or_spelt_by_their_acronym(tmp_path, knowledge):
    """ "Lumen Verde and Ponte Azul, both U.S. nonprofit organizations"; "Director of
    Department of Operations and Emergencies" (a unit with its own "of" and "and", no places
    "Operations" and "Emergencies"); "the United Nations Office at Kalimbo (UNOK)": one name
    through "at" and the place, its acronym spelling it."""
    draft = draft_of(
        tmp_path,
        knowledge,
        '"The crossing is deadly," said Jane Roe, Director of Department of Operations and '
        "Emergencies. Lumen Verde and Ponte Azul, both U.S. nonprofit organizations, helped. "
        "The training was hosted by the United Nations Office at Kalimbo (UNOK).",
    )
    found = organizations(draft)
    assert {
        "Lumen Verde",
        "Ponte Azul",
        "Department of Operations and Emergencies",
        "United Nations Office at Kalimbo",
    } <= found
    assert not {"Operations", "Emergencies"} & places(draft)


def test_the_period_a_number_is_compared_with_is_not_its_own(tmp_path, knowledge):
    """ "23 per cent more than in the first quarter of 2016": 2016 dates what 23 per cent is
    compared with; "compared with 210 in the same period of 2018": 2018 is 210's own."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In the first quarter of 2017, the office registered 18,415 asylum applications. This "
        "was 23 per cent more than in the first quarter of 2016. The shelter received 340 "
        "women in 2019, compared with 210 in the same period of 2018.",
    )
    found = observations(draft)
    assert "2016" not in str(found["23"].fields.get("period"))
    assert found["210"].fields["period"] == "2018"


def test_an_acronym_in_apposition_or_spelling_a_name_with_its_country_and_connector(
    tmp_path, knowledge
):
    """ "Guatemala's Commission for Refugee Aid, CORA, registered": the acronym in apposition;
    "DFFI funds ..." and later "the UK Department for Foreign Investment": one
    organization (the country's abbreviation left out, "for" giving its letter); "the Ministry
    of Health, UNICEF, and IOM": a list, no acronym."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2021, Guatemala's Commission for Refugee Aid, CORA, registered 1,874 new asylum "
        "applications. DFFI funds the project of the UK Department for Foreign Investment. "
        "The Ministry of Health, UNICEF, and IOM met in May.",
    )
    new = {n.name: n for n in draft.entities.new.values() if n.kind == "organization"}
    assert new["Commission for Refugee Aid"].acronym == "CORA"
    assert "CORA" not in new and "DFFI" not in new
    assert new["Ministry of Health"].acronym != "UNICEF"


def test_a_name_joined_by_an_ampersand_and_an_acronym_of_a_programme(tmp_path, knowledge):
    """ "the Department of Justice & Attorney General": one name; "the Safe Routes Support
    (SRS) Programme": the acronym names a programme, no organization."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM and the Department of Justice & Attorney General trained 40 officers under the "
        "Safe Routes Support (SRS) Programme.",
    )
    found = organizations(draft)
    assert "Department of Justice & Attorney General" in found
    assert "SRS" not in found


def test_a_number_without_its_noun_counts_people_by_their_verb_or_the_noun_before(
    tmp_path, knowledge
):
    """ "when 418 were liberated": people; "Refugees in the settlement, which hosts 17,382, ...";
    "monthly asylum claims, as they reached 6,143": the plural noun the sentence names first."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "More people were freed than last year, when 418 were liberated. Refugees in the "
        "settlement, which hosts 17,382, reported kidnappings. June set a record for monthly "
        "asylum claims, as they reached 6,143.",
    )
    found = observations(draft)
    assert found["418"].fields["unit"] == "person"
    assert found["17382"].fields["unit"] == "person"
    assert found["6143"].fields["unit"] == "claim"


def test_known_organizations_by_an_acronym_in_apposition_or_in_another_language(
    tmp_path, knowledge
):
    """ "The UN Migration Agency, IOM, expanded": IOM of the reference data, not a new one;
    "la OIM" (a Spanish caption): the initials of IOM's Spanish name; "the EU Emergency Trust
    Fund for Africa (EUTF)": a fund; "the Ministry of Education and Ministry of Health": two."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The UN Migration Agency, IOM, expanded its shelters. Foto: OIM. The return was funded by "
        "the EU Emergency Trust Fund for Africa (EUTF). Officials of the Ministry of Education "
        "and Ministry of Health attended.",
    )
    by_text = {m.text: m for m in draft.entities.mentions if m.kind == "organization"}
    assert by_text["UN Migration Agency"].entity == "iom"
    assert by_text["OIM"].entity == "iom"
    assert "EUTF" not in by_text
    assert {"Ministry of Education", "Ministry of Health"} <= set(by_text)


def test_a_source_whose_spokesman_speaks_or_whose_quoted_report_counts(tmp_path, knowledge):
    """ "..., the UNHCR spokesman said"; "UNHCR spokesman Jan Roe told journalists that";
    "The US State Department’s 2012 “Trafficking in Persons” (TiP) report ... 11,500"; a
    "UNODC project" keeps UNODC an organization."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The coast guard has rescued 118 people, the UNHCR spokesman said. UNHCR spokesman Jan "
        "Roe told journalists that at least 17 had drowned. The US State Department’s 2012 "
        "“Trafficking in Persons” (TiP) report estimated that 11,500 people were trafficked. "
        "A United Nations Office on Drugs and Crime (UNODC) project, SAFEWAY, began. According "
        "to data collected by UNODC, 71 per cent of the victims are women.",
    )
    found = observations(draft)

    def named(value):
        return [s.rsplit(":", 1)[-1] for s in sources(found[value])]

    assert named("118") == named("17") == ["united nations high commissioner for refugees"]
    assert named("11500") == ["us-department-of-state"]
    assert named("71") == ["united nations office on drugs and crime"]  # (UNODC), new here


def test_a_part_named_by_its_compass_point_and_towns_listed_with_a_known_one(tmp_path, knowledge):
    """ "migrants from Eastern Europe": a place of its own, not Europe; "in Ashford, Dover
    and Kalimbo", one a known town: the others are places too; not "Ghanaian and Namibian
    nationals", nor "March" of a date."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Police found migrants from Eastern Europe at 7 addresses in Ashford, Dover and "
        "Kalimbo in the United Kingdom. IOM assisted Ghanaian and Namibian nationals in Accra, "
        "Ghana, March 11.",
    )
    found = places(draft)
    assert {"Eastern Europe", "Ashford", "Dover", "Kalimbo"} <= found
    assert not {"Europe", "March"} & found
    new_places = {n.name for n in draft.entities.new.values() if n.kind == "place"}
    assert "Ghanaian" not in new_places  # Ghana's adjective, not a town of the list


def test_numbers_with_spaced_thousands_people_by_what_they_do_and_acronym_plurals(
    tmp_path, knowledge
):
    """ "Over 200 000 calls" (not "0 800 77777", a telephone number); "fewer than 1,000
    arrived", "the 287 who arrived": people; "40 states parties ..., 14 NGOs": organizations,
    not states; "44 bodies": people; "During the two days": no statistic; "four times the
    arrivals of last year (26,519)": 26,519 counts no times."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The hotline, 0 800 77777, has received over 200 000 calls. Fewer than 1,000 arrived "
        "in Italy, a rise from the 287 who arrived in 2013. The study drew on 40 states "
        "parties, 14 NGOs and two companies. The coast guard recovered 44 bodies. During the "
        "two days, 27 officials met. Arrivals reached almost four times the number recorded "
        "last year (26,519).",
    )
    found = observations(draft)
    assert found["200000"].fields["unit"] == "call"
    assert "800" not in found and "77777" not in found
    assert found["1000"].fields["unit"] == found["287"].fields["unit"] == "person"
    assert found["14"].fields["unit"] == "organization"
    assert found["44"].fields["unit"] == "person"
    assert not [i for i in found.values() if i.fields.get("unit") == "day"]
    assert found["26519"].fields["unit"] != "times"


def test_a_number_dated_by_the_day_or_days_its_sentence_names(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "On 29 June 2017, IOM helped 37 migrants return home. A workshop on 16 and 17 June "
        "2015 trained 27 officials. Some 120 migrants flew home on November 8, 2018.",
    )
    found = observations(draft)
    assert found["37"].fields["period"] == "2017-06-29"
    assert found["27"].fields["period"] == {"start": "2015-06-16", "end": "2015-06-17"}
    assert found["120"].fields["period"] == "2018-11-08"


def test_a_speaker_named_last_and_named_again_by_the_surname(tmp_path, knowledge):
    """'..." said IOM programme officer, Tirta Wulan.': the speaker ends the sentence;
    "added Van der Berg" after "Pieter Van der Berg": one person."""
    draft = draft_of(
        tmp_path,
        knowledge,
        '"We want to go home," said IOM counter-trafficking programme officer, Tirta Wulan. '
        '"It is hard," said Pieter Van der Berg, IOM sub-coordinator. "We help," added Van '
        "der Berg.",
    )
    people = {m.text: m.new.name for m in draft.entities.mentions if m.kind == "person"}
    assert people["Tirta Wulan"] == "Tirta Wulan"
    assert people["Van der Berg"] == "Pieter Van der Berg"


def test_organizations_after_a_participle_with_a_quoted_name_or_their_country_left_out(
    tmp_path, knowledge
):
    """ "the IOM-trained Border Police": "Border Police", IOM apart; "the EU-funded SAFE
    ROUTES Programme": no organization "SAFE"; "the International Center “La Strada”": the
    quote is the name's; "Border Force worked with"; "the Italian Ministry of the Interior"
    and later "the Ministry of the Interior": one."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The IOM-trained Border Police patrol the border under the EU-funded SAFE ROUTES "
        "Programme. The hotline is run by the International Center “La Strada”. Border Force "
        "worked with the police. The project is co-financed by the Italian Ministry of the "
        "Interior. The Ministry of the Interior counted 1,200 arrivals.",
    )
    found = organizations(draft)
    assert {"Border Police", "International Center “La Strada”", "Border Force"} <= found
    assert not {"IOM-trained Border Police", "SAFE"} & found
    ministries = {n.name for n in draft.entities.new.values() if "Interior" in n.name}
    assert len(ministries) == 1


def test_parts_in_brackets_and_a_sentence_about_the_event_take_its_time(tmp_path, knowledge):
    """ "In 2016, the charter carried 95 migrants (58 men and 37 women)": the parts of 2016
    too; "... held on 9 and 10 May 2013.\\n\\nDuring the two days, 27 officials met": the
    event's days, from the paragraph before."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2016, the charter carried 95 migrants (58 men and 37 women) to Lagos. A session "
        "was held in Kalimbo on 9 and 10 May 2013.\n\nDuring the two days, 27 operational "
        "officials discussed ways to fight trafficking.",
    )
    found = observations(draft)
    assert found["58"].fields["period"] == found["37"].fields["period"] == "2016"
    assert found["27"].fields["period"] == {"start": "2013-05-09", "end": "2013-05-10"}


def test_more_numbers_that_count_people_and_numbers_that_count_nothing(tmp_path, knowledge):
    """ "118 vulnerable, stranded migrants"; "brings to 642 the number of migrants";
    "girls ..., whose numbers have grown from 1,210"; "12,000 have received assistance";
    "nearly half the men"; not "for 15 years" of an activity, "to mark 15 years of supporting",
    nor "From autumn 2019 thousands of families"."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "A group of 118 vulnerable, stranded migrants arrived in Addis Ababa. Their arrival "
        "brings to 642 the number of migrants repatriated. Most girls arriving from Nigeria, "
        "whose numbers have grown from 1,210 in 2013, are victims. The agency has been "
        "assisting victims in the country for 15 years, and 12,000 have received medical "
        "assistance. Nearly half the men were from Lorvan Province. To mark 15 years of supporting "
        "victims, officials met. From autumn 2019 thousands of families have been stranded.",
    )
    found = observations(draft)
    for value in ("118", "642", "1210", "12000"):
        assert found[value].fields["unit"] == "person", value
    assert found["642"].fields["unit"] == "person"
    assert found["50"].fields["unit"] == "percent"
    assert "15" not in found and "2019" not in found and "2019000" not in found


def test_a_number_the_headline_states_and_the_body_restates_is_one(tmp_path, knowledge):
    """ "IOM and Partners Rescue 20 Children from Trafficking" then "20 children ... were
    freed": one; "86 migrants ... and 64 from Ostravia. The 64 returnees ...": one."""
    path = tmp_path / "954_composed.txt"
    path.write_text(
        "News\n\nIOM and Partners Rescue 20 Children from Trafficking\n\n20 children victims "
        "of trafficking were freed by IOM from the fishing industry. This week, IOM "
        "assisted 86 migrants to return from Lorvania and 64 from Ostravia. The 64 returnees were "
        "evacuated by boat.\n",
        encoding="utf-8",
    )
    draft = extract(path, DATA, knowledge)
    values = [i.fields.get("value") for i in draft.observations]
    assert values.count("20") == 1 and values.count("64") == 1


def test_a_headline_in_the_body_a_lake_and_people_of_a_role(tmp_path, knowledge):
    """A headline the ingest left in the body ("Skip to main content" taken for the title)
    names no organization by its capitals; "Lake Kalimbo": a place; "36 Divisional
    Secretaries": no person."""
    path = tmp_path / "955_composed.txt"
    path.write_text(
        "Skip to main content\n\nUN Agency Issues Report on Arrivals of Exploited Migrants, "
        "Chiefly from Nigeria\n\nRome — Children were rescued from the fishing industry on "
        "Lake Kalimbo, while 36 Divisional Secretaries attend the programme.\n",
        encoding="utf-8",
    )
    draft = extract(path, DATA, knowledge)
    found = organizations(draft)
    assert not [o for o in found if "Report" in o or o == "Chiefly"]
    assert "Lake Kalimbo" in places(draft)
    assert not [m for m in draft.entities.mentions if m.kind == "person"]


def test_who_registered_a_number_did_it_and_is_not_its_source(tmp_path, knowledge):
    """ "the Commission registered 1,874 applications": what the Commission did (an actor),
    not a source the text cites; "the Commission reported 1,874": its source."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In 2021, UNHCR registered 1,874 new asylum applications. In 2022, UNHCR reported "
        "3,100 new applications.",
    )
    found = observations(draft)
    assert sources(found["1874"]) == []
    assert [s.rsplit(":", 1)[-1] for s in sources(found["3100"])] == [
        "united nations high commissioner for refugees"
    ]
