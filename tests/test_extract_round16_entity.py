"""`kg extract`: rules for organizations and people written on the sixteenth round (from the
whole tune split's errors), one test per rule, on sentences composed for it (the names of
people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, mentions


def organizations(draft) -> set[str]:
    return set(mentions(draft, "organization"))


def test_a_portuguese_name_goes_on_after_e_and_ao(tmp_path, knowledge):
    """'o Serviço de Vistos e Fronteiras', 'o Centro de Apoio ao Migrante': Portuguese 'e'
    (and) and 'ao' (to the) in lower case join a body's name, as 'y' and 'para' do."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "Em Zorvânia, o Serviço de Vistos e Fronteiras deteve 12 suspeitos, e o Centro de "
            "Apoio ao Migrante acolheu 30 vítimas.",
        )
    )
    assert "Serviço de Vistos e Fronteiras" in found
    assert "Centro de Apoio ao Migrante" in found
    assert "Serviço de Vistos" not in found


def test_a_known_name_holds_the_shorter_known_name_it_begins_with(tmp_path, knowledge):
    """'IOM – UN Migration', 'la OIM (ONU Migración)': the known name of IOM holds 'UN' as
    one of its words, which is no mention of the United Nations; a known parent with a head
    word of its own still is ('US Department of State Bureau of ...')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The International Organization for Migration (IOM) – UN Migration, returned 20 "
        "people to Zorvania.\n\nLa OIM (ONU Migración) asistió a 15 personas en Pelmark.",
    )
    found = mentions(draft, "organization")
    assert found["UN Migration"] == found["ONU Migración"] == "iom"
    assert "UN" not in found and "ONU" not in found


def test_an_organizations_office_in_a_city_is_named_by_the_city(tmp_path, knowledge):
    """'IOM Nairobi trained 40 officers', 'funded by IOM Kuala Lumpur': a known acronym, then a
    city, is that organization's office, as 'IOM Zorvania' is its office in a country; so is
    'the IOM Mission in the Czech Republic' (the longest place, not the people's 'Czech').
    Not a dateline's city after a title's last word."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "IOM Nairobi trained 40 border officers, with a grant managed by IOM Kuala Lumpur."
            "\n\nThe IOM Mission in the Czech Republic assisted 12 victims, and the UNICEF "
            "Kenya Office 30 children.",
        ),
        "organization",
    )
    assert "UNICEF Kenya Office" in found
    assert found["IOM Nairobi"].startswith("new:")
    assert "IOM Kuala Lumpur" in found
    assert "IOM Mission in the Czech Republic" in found
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Forty migrants returned home with the support of IOM Geneva - The ministry "
            "thanked the 12 officers.",
        ),
        "organization",
    )
    assert "IOM Geneva" not in found


def test_a_government_or_embassy_named_in_spanish_portuguese_or_french(tmp_path, knowledge):
    """'el Gobierno de Zorvania', 'o Governo de Pelmark', 'la Embajada de Ostravia': the head
    words of a body in another language make its name an organization's, as 'Government of'
    and 'Embassy of' do in English."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "La OIM, en alianza con el Gobierno de Zorvania y la Embajada de Ostravia, asistió "
            "a 40 migrantes.\n\nO projeto contou com o apoio do Governo de Pelmark e 12 "
            "vítimas foram atendidas.",
        )
    )
    assert {"Gobierno de Zorvania", "Embajada de Ostravia", "Governo de Pelmark"} <= found


def test_a_name_ends_before_and_the_words_that_qualify_a_noun(tmp_path, knowledge):
    """'with the Zorvan Ministry of Foreign Affairs and the Pelmark embassy': the capitalized
    word after 'and the' qualifies the noun after it, so the ministry's name ends before
    'and', and that word is no organization of a list; a place after 'and the' inside a
    complement stays in the name ('Office for Central Europe and the Balkans is')."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "The return of 40 migrants was organized with the Zorvan Ministry of Foreign "
            "Affairs and the Pelmark embassy in Tripoli.\n\nThe Zorvan Regional Office for "
            "Central Europe and the Balkans is assisting 12 more.",
        )
    )
    assert "Zorvan Ministry of Foreign Affairs" in found
    assert not any("Pelmark" in name for name in found)
    assert "Zorvan Regional Office for Central Europe and the Balkans" in found


def test_a_courtesy_title_and_the_name_after_it_are_no_organization_of_a_list(tmp_path, knowledge):
    """'..., the head of the Zorvan Workers Union, Ms. Amphone Pelkar, and the ILO': the
    name after 'Ms.' is a person's, not an organization listed with the ILO; nor is 'Ms'
    itself after an office's name ('the District Welfare Office, Ms. Helen Pelkar')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The meeting of 40 delegates was opened by the head of the Zorvan Workers Union, Ms. "
        "Amphone Pelkar, and the ILO.\n\nIt was closed by the head of the District Welfare "
        "Office, Ms. Helen Pelkar.",
    )
    found = organizations(draft)
    assert "Amphone Pelkar" not in found and "Ms" not in found
    assert "Amphone Pelkar" in mentions(draft, "person")


def test_a_given_name_with_a_quoted_initial_is_a_persons(tmp_path, knowledge):
    """'detuvieron a Rodrigo “T” y Marela “S”': a report that withholds the surnames of the
    people arrested names them by a given name and a quoted initial; the others of the same
    passage too ('Zurdel “P”'), but not 'el Plan “B”'."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Los agentes detuvieron a Rodrigo “T”, de 41 años, Zurdel “P” y Marela “S”, quienes "
            "tenían cautivos a 12 migrantes. El Plan “B” de la policía funcionó.",
        ),
        "person",
    )
    assert {"Rodrigo “T”", "Zurdel “P”", "Marela “S”"} <= set(found)
    assert not any("Plan" in name for name in found)


def test_a_head_word_that_begins_a_compound_in_lower_case_makes_no_organization(
    tmp_path, knowledge
):
    """'Cross-cutting (Global)', a site's menu: 'Cross' is a head word only as a name's word
    ('the Zorvan Red Cross'), not as the first part of a compound in lower case."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "Our Work\n\nCross-cutting (Global)\n\nThe Zorvan Red Cross assisted 30 migrants.",
        )
    )
    assert "Cross-cutting" not in found
    assert "Zorvan Red Cross" in found


def test_a_peoples_adjective_of_two_words_is_no_persons_name(tmp_path, knowledge):
    """'86 Sierra Leonean returnees': the adjective of Sierra Leone, of two words, is a
    people's (as 'Guatemalan' is), not a person's name that begins with a given name."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "IOM welcomed home 86 Sierra Leonean returnees who had been stuck in Zorvania.",
        ),
        "person",
    )
    assert "Sierra Leonean" not in found


def test_a_name_after_a_preposition_of_place_is_no_persons_by_its_given_name(tmp_path, knowledge):
    """'a van stopped near Marela Falls': a name that nothing but its first word (a given
    name) makes a person's is a place's after 'near', 'in', 'through'; a person named with a
    verb of speech stays one."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "Police stopped a van carrying 15 migrants near Marela Falls on Tuesday.\n\n"
            "Migrants crossed through Rodrigo Pass in large numbers.\n\n"
            "Marela Pelkar said 15 migrants were rescued.",
        ),
        "person",
    )
    assert "Marela Falls" not in found and "Rodrigo Pass" not in found
    assert "Marela Pelkar" in found


def test_a_listed_name_of_words_the_text_writes_in_lower_case_is_no_organization(
    tmp_path, knowledge
):
    """'the Zorvan Drugs Office, Crime and Pelmark Aid': listed with organizations, a name of
    words the text also writes in lower case ('crime') names a kind of thing, not a body;
    another of the list stays an organization."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "The training on organized crime was given to 40 officers by the Zorvan Drugs "
            "Office, Crime and Pelmark Aid.",
        )
    )
    assert "Crime" not in found
    assert "Pelmark Aid" in found


def test_a_peoples_plural_possessive_goes_on_into_a_bodys_name(tmp_path, knowledge):
    """'the Zorvan Peoples’ Commission': a people's plural possessive before a head word is
    part of the body's name, as 'the Farmers’ Union' is, not a name of its own."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "The training of 40 officials gathered the Ministry of Labour, the Zorvan Peoples’ "
            "Commission and the Zorvan Forestry Commission.",
        )
    )
    assert "Zorvan Peoples’ Commission" in found
    assert "Zorvan Peoples" not in found


def test_a_news_outlet_named_before_the_kind_of_medium_it_is(tmp_path, knowledge):
    """'reported Zorvan Courier newspaper', 'Pelmark news agency reported', 'the Ostra Today
    website': a news outlet's name before the kind of medium it is; not one word before
    'newspaper' or 'website' ('a Zorvan newspaper', 'the agency's Country website')."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "About 300 women were rescued, reported Zorvan Courier newspaper.\n\n"
            "Some 6,500 people are trafficked every year, Pelmark news agency reported.\n\n"
            "According to the Ostra Today website, 12 suspects were arrested.\n\n"
            "A Zorvan newspaper and the agency's Country website said 40 were freed.",
        )
    )
    assert {"Zorvan Courier", "Pelmark", "Ostra Today"} <= found
    assert "Country" not in found and "Zorvan" not in found


def test_the_outlet_a_source_line_credits(tmp_path, knowledge):
    """'Source: Zorvan Herald', '12-05-2020 | Fonte: Pelmarkop': a page's source line credits
    the news outlet the report comes from, in English, Portuguese or Spanish."""
    found = organizations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 300 migrants returned home last month, officials said.\n\nSource: Zorvan "
            "Herald\n\n12-05-2020 | Fonte: Pelmarkop",
        )
    )
    assert {"Zorvan Herald", "Pelmarkop"} <= found


def test_a_newspaper_told_after_the_in_lower_case(tmp_path, knowledge):
    """'Jeff Pelkar told the Chinese-language Liberty Times': a newspaper's name after 'the'
    (and an adjective) is an organization's, though its first word is a given name; not a
    person's name after 'told'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "About 40 workers went missing, Director-General Jeff Pelkar told the Chinese-language "
        "Liberty Times. He told Jane Roe that 12 were found.",
    )
    assert "Liberty Times" in organizations(draft)
    assert "Jane Roe" not in organizations(draft)


def test_a_role_a_comma_and_the_name_at_the_end_of_a_sentence(tmp_path, knowledge):
    """'... was attended by the EU Commissioner for Cooperation and Development, Nevan
    Mimco.': the name after a role and a comma is a person's at the sentence's end too."""
    found = mentions(
        draft_of(
            tmp_path,
            knowledge,
            "The launch of the EUR 25 million programme was attended by the EU Commissioner for "
            "Cooperation and Development, Nevan Mimco. Some 40 officials took part.",
        ),
        "person",
    )
    assert "Nevan Mimco" in found


def test_an_inspector_general_of_a_police_is_a_role_not_a_body(tmp_path, knowledge):
    """'Inspector-General of Police, Kayode Pelkar, commended ...': an inspector is a role,
    like a director or a commissioner, so the name is no organization's, and the name after
    it a person's."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The suspects freed 46 victims.\n\nInspector-General of Police, Kayode Pelkar, "
        "commended the swift collaboration of the two forces.",
    )
    assert not any("Inspector" in name for name in organizations(draft))
    assert "Kayode Pelkar" in mentions(draft, "person")
