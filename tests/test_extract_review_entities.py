"""`kg extract`: names that earlier general rules misread (issue 15, a review of the rules):
one test per case, each on sentences composed for it (the names are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, new_of


def test_an_acronym_between_commas_in_a_list_is_no_name_of_the_name_before(tmp_path, knowledge):
    """ "the Ministry of Health, UNICEF, local authorities and IOM": a list, so UNICEF is not
    the Ministry's acronym; "the Refugee Board, RB, registered ...": an apposition."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Ministry of Health, UNICEF, local authorities and IOM met in Kasama. The "
        "Zembla Refugee Board, ZRB, registered the arrivals.",
    )
    found = mentions(draft, "organization")
    assert found["Ministry of Health"].startswith("new:")
    assert found["UNICEF"] == "unicef"
    assert new_of(draft, "Zembla Refugee Board").acronym == "ZRB"


def test_an_english_acronym_is_not_one_countrys_body_of_that_name(tmp_path, knowledge):
    """ "the MFA" in a release on another country is no more Mexico's Ministry of Foreign
    Affairs than any other's; "la OIM" spells a known name in Spanish, so it is IOM."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The MFA said it would host the next meeting. The OIM office in Kasama opened in May.",
    )
    found = mentions(draft, "organization")
    assert found["MFA"].startswith("new:")
    assert found["OIM"] == "iom"


def test_a_ministry_without_its_country_beside_another_country_is_not_merged(tmp_path, knowledge):
    """ "the Italian Ministry of the Interior" then, in a paragraph on Libya, "the Ministry
    of the Interior": maybe Libya's, so not merged; in a paragraph that names no other
    country, the same body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Italian Ministry of the Interior funded the programme.\n\nIn Libya, the Ministry "
        "of the Interior runs detention centres.",
    )
    assert new_of(draft, "Ministry of the Interior").name == "Ministry of the Interior"
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Italian Ministry of the Interior funded the programme.\n\nThe Ministry of the "
        "Interior runs reception centres.",
    )
    assert new_of(draft, "Ministry of the Interior").name == "Italian Ministry of the Interior"


def test_a_person_after_and_a_portfolio(tmp_path, knowledge):
    """ "The Minister of Labour and Amina Kolade, IOM Chief of Mission,": "and" ends the
    portfolio before a person's name and her role; "the Minister of Fisheries and Marine
    Resources said" (a given name, "Marine", in a portfolio) and "Journey To Safety" (an
    exhibition's title) name no one."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Minister of Labour and Amina Kolade, IOM Chief of Mission, opened the workshop. "
        "The Minister of Fisheries and Marine Resources said more must be done. The "
        "exhibition, Journey To Safety, opened in Kasama.",
    )
    assert set(mentions(draft, "person")) == {"Amina Kolade"}


def test_names_the_text_types_as_organizations_are_kept_though_their_words_are_common(
    tmp_path, knowledge
):
    """ "Safe Haven and Open Doors, both nonprofit organizations": names, though the text
    writes "a safe haven" and "open doors" too; "the NGO Open Arms" likewise."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Safe Haven and Open Doors, both nonprofit organizations, support the shelters. The "
        "NGO Open Arms helps too. The shelters are a safe haven, with open doors and open "
        "arms for all.",
    )
    assert {"Safe Haven", "Open Doors", "Open Arms"} <= set(mentions(draft, "organization"))


def test_a_list_of_names_is_no_lost_headline(tmp_path, knowledge):
    """A first paragraph with no full stop, all capitals, that lists bodies ("Partners:
    ...", or three commas) names organizations; a lost headline does not."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Partners: Ministry of Health, Lumen Clinic, Open Doors Network\n\nThe programme "
        "opened in Kasama.",
    )
    assert {"Lumen Clinic", "Open Doors Network"} <= set(mentions(draft, "organization"))


def test_kinds_of_state_and_a_hospital_on_a_mount_are_no_places(tmp_path, knowledge):
    """ "the Islamic State", "every Member State", "Mount Zion Hospital": no places; "Borno
    State", "Mount Elgon": places."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Fighters of the Islamic State attacked the village, and every Member State "
        "condemned it. Doctors at Mount Zion Hospital treated the victims. Others fled to "
        "Borno State and to Mount Elgon.",
    )
    places = mentions(draft, "place")
    assert not {"Islamic State", "Member State", "Mount Zion Hospital"} & set(places)
    assert {"Borno State", "Mount Elgon"} <= set(places)


def test_a_place_listed_last_in_a_sentence_and_no_place_beside_countries(tmp_path, knowledge):
    """ "in Lusaka, Kabwe and Mporokoso.": the last name too, before the full stop; a name
    listed with countries is no country (every country is known), and may be no place:
    "funding from Canada, Japan and Unilever"."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The project runs in Lusaka, Kabwe and Mporokoso. It has funding from Canada, Japan "
        "and Unilever.",
    )
    places = mentions(draft, "place")
    assert "Mporokoso" in places and "Unilever" not in places


def test_a_signature_a_role_then_a_known_organizations_office(tmp_path, knowledge):
    """ "Jane Doe, National Programme Officer IOM Nepal" (a signature's lines in one
    passage, below the release's first paragraphs): the role ends at its head word; "IOM
    Nepal" is the organization she is of."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Migrants returned home this week.\n\n" * 9
        + "Dorcas Mwale, National Programme Officer IOM Zambia\n\nThe group arrived on Tuesday.",
    )
    assert "IOM Zambia" in mentions(draft, "organization")
    (membership,) = [i for i in draft.items if i.section == "memberships"]
    quote = membership.quotes[0]
    assert quote.passage.text[quote.start : quote.end].startswith("Dorcas Mwale")
    assert membership.fields["organization"] == f"new:{new_of(draft, 'IOM Zambia').key}"


def test_a_headline_repeated_below_the_pages_dates_names_no_organization(tmp_path, knowledge):
    """A page's headline again after its date lines ("Kasama's Progress Exceeds Board
    Criteria For Upgrade"): its capitals name no organization."""
    headline = "Zembla's Anti-Trafficking Progress Exceeds Lumen Board Criteria For Upgrade"
    draft = draft_of(
        tmp_path,
        knowledge,
        f"{headline}\n\n15 Jun 2014\n\n26 Nov 2022\n\n9,106 views\n\nNo. 159/2557\n\n"
        f"{headline}\n\nZembla has worked closely with its partners this year.",
    )
    assert not [o for o in mentions(draft, "organization") if "Criteria" in o]


def test_a_known_name_before_a_description_of_its_agency_names_the_agency(tmp_path, knowledge):
    """ "The UN refugee agency said": one of the UN's agencies, not the UN (nor a new "UN");
    "The UN said": the UN."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The UN refugee agency on Tuesday said it was saddened. The UN said the talks went well.",
    )
    said = [m for m in draft.entities.mentions if m.text == "UN"]
    assert [(m.entity, m.passage.text[m.end : m.end + 5]) for m in said] == [
        ("united-nations", " said")
    ]


def test_the_acronym_of_a_topic_names_no_organization(tmp_path, knowledge):
    """ "to counter Trafficking in Human Beings (THB)": a subject's acronym; "the Migration
    Policy Institute (MPI)": an organization's, by its head word."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The project helps officials counter Trafficking in Human Beings (THB) with the "
        "Migration Policy Institute (MPI). Officials discussed ways to fight THB.",
    )
    found = mentions(draft, "organization")
    assert "THB" not in found and "Trafficking in Human Beings" not in found
    assert {"Migration Policy Institute", "MPI"} <= set(found)


def test_people_of_a_body_named_by_their_role_in_the_plural(tmp_path, knowledge):
    """ "Child Labour Supervisors of the Ministry of Labour": people; the Ministry is the
    name; "the Sisters of the Good Shepherd" (no head word after "of"): a name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The training reached 40 Child Labour Supervisors of the Ministry of Labour and "
        "Employment. They met the Sisters of the Good Shepherd and the Friends of the Earth "
        "Network.",
    )
    found = mentions(draft, "organization")
    assert "Ministry of Labour and Employment" in found
    assert "Sisters of the Good Shepherd" in found
    assert not [o for o in found if o.startswith("Child Labour")]


def test_a_title_that_opens_with_what_it_does_is_no_organization(tmp_path, knowledge):
    """ "Empowering Village Councils to Prevent Forced Labour": a project's
    title; "the Training Centre for Border Guards": a body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The project Empowering Village Councils to Prevent Forced Labour "
        "started in May with the Training Centre for Border Guards.",
    )
    found = mentions(draft, "organization")
    assert "Training Centre for Border Guards" in found
    assert not [o for o in found if o.startswith("Empowering")]


def test_a_name_before_a_country_is_a_town_only_where_a_place_can_be(tmp_path, knowledge):
    """ "With the support of Europol, UK, French and German police" and "Eurojust, UK Home
    Office officers": no towns; "in Kasama, Zambia" and "the town of Mongu, Zambia": towns."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "With the support of Zemlapol, UK, French and German police arrested 18 people. "
        "Zemjust, UK Home Office officers and others joined. Shelters opened in Kasama, "
        "Zambia and in the town of Mongu, Zambia.",
    )
    places = mentions(draft, "place")
    assert not {"Zemlapol", "Zemjust"} & set(places)
    assert {"Kasama", "Mongu"} <= set(places)


def test_a_known_name_opening_a_conventions_name_is_no_mention(tmp_path, knowledge):
    """ "the United Nations Convention against Transnational Organized Crime": the law, not
    the United Nations; "the United Nations said": the UN."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "States implement the United Nations Convention against Transnational Organized "
        "Crime. The United Nations said more must be done.",
    )
    said = [m for m in draft.entities.mentions if m.entity == "united-nations"]
    assert [m.passage.text[m.end : m.end + 5] for m in said] == [" said"]


def test_a_name_after_the_in_a_list_is_no_other_name_of_the_one_before(tmp_path, knowledge):
    """ "Lorvan Police, the Zorvan Organised Crime Agency (ZOCA), Pelmark Police ...": three
    bodies of a list; "IOM, the UN Migration Agency, Ostravian Police ...": a description."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Officers, Lorvan Police, the Zorvan Organised Crime Agency (ZOCA), Pelmark Police and "
        "the Federal Police joined forces.",
    )
    assert new_of(draft, "Zorvan Organised Crime Agency") is not new_of(draft, "Lorvan Police")


def test_the_island_or_region_of_a_name_is_a_place(tmp_path, knowledge):
    """ "the Greek island of Crete", "the region of Mesoamerica": places (regions)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Six survivors were taken to the Greek island of Crete. In the region of Zembla, "
        "more movements are seen.",
    )
    assert {"Crete", "Zembla"} <= set(mentions(draft, "place"))
    assert new_of(draft, "Crete").type == "region"


def test_an_adjective_of_a_language_or_of_several_countries_names_no_territory(tmp_path, knowledge):
    """ "French and American police": no French Southern Territories, no Northern Mariana
    Islands (the adjectives name languages and big countries); "Indian": India."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "French and American police arrested 18 people. Indian and Norwegian officers helped.",
    )
    named = {m.text: (m.new.name if m.new else m.entity) for m in draft.entities.mentions}
    assert "French" not in named and "American" not in named
    assert named["Indian"] == "India" and named["Norwegian"] == "Norway"


def test_a_country_ties_a_bare_name_to_it_only_as_its_setting(tmp_path, knowledge):
    """ "The Colombian Ministry of Labour ..." then "The Ministry of Labour said 5,000
    Venezuelans found work": the same body (a nationality ties nothing)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Colombian Ministry of Labour launched a job fair in Cucuta.\n\nThe Ministry of "
        "Labour said 5,000 Venezuelans found work.",
    )
    assert new_of(draft, "Ministry of Labour").name == "Colombian Ministry of Labour"


def test_a_headline_after_a_country_and_a_colon(tmp_path, knowledge):
    """ "Zembla: Migrant Response Centre In Kasama Assists Stranded Migrants" (a lost
    headline): its capitals name no organization."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Zembla: Migrant Response Centre In Kasama Assists Stranded Migrants\n\nThe centre "
        "opened in 2011.",
    )
    assert not [o for o in mentions(draft, "organization") if "Assists" in o]


def test_an_acronym_in_apposition_before_a_clause_and_a_list_with_a_final_comma(
    tmp_path, knowledge
):
    """ "the Zembla Refugee Commission, ZRC, received support from the government and
    UNHCR": the name's acronym; "The Ministry of Health, UNICEF, local authorities, and
    IOM": a list."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Zembla Refugee Commission, ZRC, received support from the government and UNHCR. "
        "The Ministry of Health, UNICEF, local authorities, and IOM met in Kasama.",
    )
    assert new_of(draft, "Zembla Refugee Commission").acronym == "ZRC"
    assert mentions(draft, "organization")["UNICEF"] == "unicef"
    assert mentions(draft, "organization")["Ministry of Health"].startswith("new:")


def test_names_typed_by_a_plural_or_a_singular_kind_after_them(tmp_path, knowledge):
    """ "Safe Haven and Open Doors, both local charities", "Open Arms, a local charity":
    names, though the text writes their words in lower case too."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Safe Haven and Open Doors, both local charities, run shelters. Open Arms, a local "
        "charity, helps too. The shelters are a safe haven, with open doors and open arms.",
    )
    assert {"Safe Haven", "Open Doors", "Open Arms"} <= set(mentions(draft, "organization"))


def test_a_contracting_state_is_no_place(tmp_path, knowledge):
    draft = draft_of(
        tmp_path,
        knowledge,
        "Each Contracting State and each Requesting State shall report, said Borno State.",
    )
    places = mentions(draft, "place")
    assert "Contracting State" not in places and "Requesting State" not in places


def test_topics_members_of_a_body_and_a_countrys_government_listed_with_bodies(tmp_path, knowledge):
    """In lists beside organizations: "Human Trafficking" and "Children" are topics, "EU
    Member States" the members of a body, "the Zembian government" a country's government
    ("Zembian" is no name of a body); "Tamba Relief" beside them stays an organization. A
    download's size ("(768.57 KB)") is no acronym of a body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The actions were carried out in cooperation with EU Member States, UNICEF and Tamba "
        "Relief. The report of IOM, Human Trafficking, and Children were published with "
        "UNICEF. IOM and the Tajik government opened a shelter. Download English "
        "(768.57 KB) or Download Spanish (739.61 KB).\n\nRELATED 'State of Zembia' admitted to "
        "Interpol as a new member\n\nSome 40 traffickers were arrested.",
    )
    found = mentions(draft, "organization")
    assert found["Tamba Relief"].startswith("new:")
    assert not {"EU Member States", "Human Trafficking", "Children", "Tajik", "KB"} & set(found)
    assert "RELATED" not in found  # a page's label


def test_datelines_after_a_byline_or_before_a_colon_and_provinces_of_china(tmp_path, knowledge):
    """A news report's dateline: "By Jane Doe and John Roe WELLINGTON (Reuters) -" (a
    byline before it, whose last name is no part of the city's) and "Bangkok: Some 260
    ..."; "Yunnan", which ISO 3166-2 writes "Yunnan Sheng", is a province of China. A label
    before a colon is no place."""
    for body, place in (
        ("By Jane Doe and John Roe WELLINGTON (Reuters) - A court in New Zealand found a "
         "man guilty of trafficking 15 workers.", "WELLINGTON"),
        ("Bangkok: Some 260 people were rescued from scam centres, Thailand's army said.",
         "Bangkok"),
        ("Police from Yunnan in southwest China said 20 suspects were arrested.", "Yunnan"),
    ):  # fmt: skip
        found = mentions(draft_of(tmp_path, knowledge, body), "place")
        assert found[place].startswith("new:place:"), body
    found = mentions(
        draft_of(tmp_path, knowledge, "Contact: Jane Doe. Some 20 people were rescued in Peru."),
        "place",
    )
    assert set(found) == {"Peru"}


def test_a_person_by_an_age_in_apposition_or_a_laureate(tmp_path, knowledge):
    """ "Zorvek Moana, a 46-year-old Zembian citizen, was found guilty" and "police arrested
    Qilan Torre, 52, at the border": an age in apposition says a person; so does "Nobel peace
    laureate Ushmer Devka" before the name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Zorvek Moana, a 46-year-old Zembian citizen, was found guilty of trafficking. Police "
        "arrested Qilan Torre, 52, at the border. Nobel peace laureate Ushmer Devka founded the "
        "Tamba movement.",
    )
    found = mentions(draft, "person")
    assert {"Zorvek Moana", "Qilan Torre", "Ushmer Devka"} <= set(found)


def test_a_persons_role_of_a_body_is_no_part_of_the_bodys_name(tmp_path, knowledge):
    """ "Jane Doe, Acting Head of the Zembian Directorate for Priority Crime Investigation,
    said": the body is the Directorate, not "Acting Head of the ..."; "the Minister of
    Foreign Affairs" names no body (no head word after "of")."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Jane Doe, Acting Head of the Zembian Directorate for Priority Crime Investigation, "
        "said 9 victims were rescued. The Minister of Foreign Affairs welcomed them.",
    )
    found = mentions(draft, "organization")
    assert "Zembian Directorate for Priority Crime Investigation" in found
    assert not [name for name in found if name.startswith(("Acting", "Head", "Minister"))]
