"""`kg extract`: organizations of general knowledge (kg.extraction.world_organizations), the
bodies a release names without saying what they are. Each test drafts sentences composed for
it (the other names are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, new_of, observations, sources
from kg.extraction import world_organizations
from kg.extraction.lookup import world_organization_trie


def test_a_body_with_no_head_word_is_proposed_under_its_full_name(tmp_path, knowledge):
    """ "Interpol", "Save the Children": no "Ministry" or "Office", nothing around them says
    what they are; general knowledge does, and gives the full name, acronym and kind."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Interpol and Save the Children warned that 30 children were missing in Kasama.",
    )
    interpol = new_of(draft, "Interpol")
    assert interpol.name == "International Criminal Police Organization"
    assert interpol.acronym == "INTERPOL"
    assert interpol.classification == "intergovernmental-organization"
    assert new_of(draft, "Save the Children").name == "Save the Children"
    additions = draft.additions_yaml()
    assert "  - id: interpol\n" in additions
    assert "    classification: intergovernmental-organization\n" in additions


def test_the_body_a_text_names_with_the_same_acronym_is_that_one(tmp_path, knowledge):
    """ "Mexico's Commission for Refugee Assistance, COMAR, received ...": the text's own
    name and general knowledge's acronym are one body, with its kind and country."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Mexico's Commission for Refugee Assistance, COMAR, received 1,874 applications. "
        "COMAR opened two offices.",
    )
    found = mentions(draft, "organization")
    assert found["COMAR"] == found["Commission for Refugee Assistance"]
    comar = new_of(draft, "COMAR")
    assert comar.acronym == "COMAR" and comar.country == "mexico"
    assert comar.classification == "government-agency"


def test_a_national_body_is_not_another_countrys_namesake(tmp_path, knowledge):
    """ "the UK Border Force" is the United Kingdom's; "the Canadian Border Force" is not it."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The Canadian Border Force and the UK Border Force met in Dover.",
    )
    found = mentions(draft, "organization")
    assert found["Canadian Border Force"] != found["UK Border Force"]
    assert new_of(draft, "UK Border Force").name == "Border Force"


def test_a_parent_is_linked_only_when_the_text_names_it(tmp_path, knowledge):
    """Europol is an agency of the European Union: linked to it where the text names the
    Union too, and proposed alone where it does not."""
    draft = draft_of(
        tmp_path, knowledge, "Europol signed the plan with the European Union in Kasama."
    )
    europol = new_of(draft, "Europol")
    assert europol.name == "European Union Agency for Law Enforcement Cooperation"
    assert europol.part_of == "new:organization:european union"
    alone = draft_of(tmp_path, knowledge, "Europol signed the plan in Kasama.")
    assert new_of(alone, "Europol").part_of is None


def test_a_known_body_in_a_pictures_credit_or_a_longer_name_is_no_mention(tmp_path, knowledge):
    """ "© UNHCR/A. Doe" credits a picture; "the UNODC Regional Office for Zembia" is the
    office, a body of its own."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "© UNHCR/A. Doe\n\nThe UNODC Regional Office for Zembia trained 40 officers.",
    )
    found = mentions(draft, "organization")
    assert "UNHCR" not in found
    assert found["UNODC Regional Office for Zembia"].startswith("new:organization:unodc regional")


def test_the_reference_data_wins_and_gains_general_knowledges_wordings(tmp_path, knowledge):
    """A body the reference data has (the United States Department of State) is never
    proposed again; general knowledge's other wordings of it name the reference entry."""
    trie = world_organization_trie(knowledge)
    state = world_organizations.by_name()["United States Department of State"]
    assert all(
        entry.target is not state
        for surface in state.surfaces
        for _, _, entry in trie.matches(_tokens(surface))
    )
    draft = draft_of(tmp_path, knowledge, "The US State Department funded the shelter.")
    assert mentions(draft, "organization")["US State Department"] == "us-department-of-state"


def test_every_entry_is_well_formed():
    """Every kind is a concept the reference data defines, every parent an entry, and no
    wording names two entries."""
    orgs = world_organizations.organizations()
    kinds = {
        "intergovernmental-organization",
        "government-agency",
        "legislature",
        "national-human-rights-institution",
    }
    names = world_organizations.by_name()
    seen: dict[str, str] = {}
    for org in orgs:
        assert org.classification in kinds | {None}, org.name
        assert org.part_of is None or org.part_of in names, org.name
        assert org.iso3166 is None or len(org.iso3166) == 2, org.name
        for surface in org.surfaces:
            assert seen.setdefault(surface.casefold(), org.name) == org.name, surface


def _tokens(text: str):
    from kg.extraction.text import tokenize

    return tokenize(text)


def test_a_source_with_an_apposition_or_that_announced_the_number(tmp_path, knowledge):
    """ "Interpol, headquartered in Lyon, southeastern France, said in a statement that":
    the source past its apposition; "the Ruritanian Police announced on Monday that": a
    verb of announcing names a source too. A weekday after a name is no part of it."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Interpol, headquartered in Lyon, southeastern France, said in a statement that 1374 "
        "victims were found. The Ruritanian Police announced on Thursday that 163 people were "
        "arrested. The Ministry of Justice Friday opened 12 cases.",
    )
    found = observations(draft)
    assert sources(found["1374"]) == ["new:organization:international criminal police organization"]
    assert sources(found["163"]) == ["new:organization:ruritanian police"]
    assert "Ministry of Justice" in mentions(draft, "organization")


def test_an_acronym_said_once_and_never_spelt_out_is_a_suggestion(tmp_path, knowledge):
    """ "the KPA trained 40 officers ... KPA staff": an acronym the text uses twice names
    something it speaks of; "the CETS text" once, unexplained, is only suggested; "HE" (His
    Excellency) and "HQ" are no organizations."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The KPA trained 40 officers in Kasama. KPA staff met HE Jane Roe at UNODC HQ. The "
        "convention (CETS No. 197) entered into force.",
    )
    proposed = {new.name: new.confidence for new in draft.entities.new.values()}
    assert proposed["KPA"] >= 0.5
    assert proposed.get("CETS", 0) < 0.5
    assert "HE" not in proposed and "HQ" not in proposed


def test_a_head_word_after_according_to_the_is_a_name_the_text_writes_lower_case_too(
    tmp_path, knowledge
):
    """ "key ministry personnel" in lower case, then "According to the Ministry of National
    Security, there were 36 ...": the Ministry is a name, and the number's source."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The event also targets key ministry personnel.\n\nAccording to the Ministry of "
        "National Security, there were 23 reported cases.",
    )
    assert sources(observations(draft)["23"]) == ["new:organization:ministry of national security"]


def test_a_head_word_alone_beside_a_known_body_is_no_name(tmp_path, knowledge):
    """ "IOM and the Ministry signed", "work with the Secretariat and GRETA": a head
    word alone names a body by its kind, not by name: nothing to propose."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "IOM and the Ministry signed the plan. The members work with the Secretariat and GRETA.",
    )
    found = mentions(draft, "organization")
    assert "Ministry" not in found and "Secretariat" not in found
    assert found["IOM"] == "iom" and "GRETA" in found
