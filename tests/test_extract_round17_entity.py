"""`kg extract`: rules on organizations' names written on the seventeenth round (classes of
names the fresh releases missed: bodies' names in Spanish, Portuguese and French, acronyms,
lists), one test per rule, on sentences composed for it (the names of people, places and
bodies are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, new_of


def test_the_body_a_unit_is_of_in_spanish_portuguese_and_french(tmp_path, knowledge):
    """'la Brigada de Delitos Rurales de la Policía de Ventoria': a name opens with its head
    word, and the complement that opens with another head word is the body the unit is of, an
    organization of its own; the unit's own name is a name of the unit. Not 'de la Sociedad
    Civil', nor 'de la Nación' (no head word)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Participaron agentes de la Brigada de Delitos Rurales de la Policía de Ventoria y de "
        "la Red de Albergues de la Sociedad Civil.\n\n"
        "Os agentes da Divisão de Repressão ao Tráfico da Polícia Civil de Zorvânia resgataram "
        "14 trabalhadores.\n\n"
        "El Ministerio de Trabajo de la Nación firmó un acuerdo con la Fiscalía General de la "
        "República.",
    )
    found = mentions(draft, "organization")
    assert "Policía de Ventoria" in found
    assert "Polícia Civil de Zorvânia" in found
    assert "Sociedad Civil" not in found
    assert "Ministerio de Trabajo de la Nación" in found
    assert "Fiscalía General de la República" in found
    brigade = new_of(draft, "Brigada de Delitos Rurales de la Policía de Ventoria")
    assert "Brigada de Delitos Rurales" in brigade.alt_names
    division = new_of(draft, "Divisão de Repressão ao Tráfico da Polícia Civil de Zorvânia")
    assert "Divisão de Repressão ao Tráfico" in division.alt_names


def test_a_name_in_sentence_case_bounded_by_its_acronym(tmp_path, knowledge):
    """'l'Office central pour la répression de la traite des êtres humains (OCRTEH)': a name
    written in lower case after its head word ends where the acronym in brackets whose
    initials its words spell says; 'le Comité national de lutte contre la traite', with no
    acronym, is left alone (where it ends is not said)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Selon l'Office central pour la répression de la vente des personnes (OCRVP), 45 "
        "victimes ont été identifiées à Pelmark. Le Comité national de lutte contre la traite "
        "a parlé à la presse.",
    )
    found = mentions(draft, "organization")
    assert "Office central pour la répression de la vente des personnes" in found
    assert not any(name.startswith("Comité national") for name in found)
    assert "Office central" not in found


def test_a_name_in_sentence_case_by_its_adjectives_and_capitalized_complements(tmp_path, knowledge):
    """'la Gendarmerie nationale', 'le ministère des Affaires étrangères', 'l'ambassade de
    Zorvanie en Ostravie': a head word, the adjectives of a name after it, the complements
    whose noun is capitalized (and the place an embassy is in). Not 'le ministère' alone, nor
    'la Sociedad civil'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La Gendarmerie nationale a arrêté 12 passeurs. Des agents du ministère des Affaires "
        "étrangères et de l’ambassade de Zorvanie en Ostravie étaient présents. Le ministère a "
        "indiqué que la Sociedad civil et l’Union européenne ont aidé 40 victimes.",
    )
    found = mentions(draft, "organization")
    assert "Gendarmerie nationale" in found
    assert "ministère des Affaires étrangères" in found
    assert "ambassade de Zorvanie en Ostravie" in found
    assert "Union européenne" in found
    assert not any("ociedad" in name for name in found)


def test_a_complement_that_lists_its_words_in_spanish_portuguese_and_french(tmp_path, knowledge):
    """'la División de Muelles, Faros y Puestos Costeros': a comma inside a name's
    complement goes on with a short list of plain words, 'y' ('e', 'et') before its last, as
    'Bureau of Housing, Roads and Water' does; not a list of bodies with head words
    of their own ('la Policía de Ventoria, Gendarmería Nacional y Prefectura Naval')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Actuaron agentes de la División de Muelles, Faros y Puestos Costeros en Zorvania."
        "\n\nEl operativo contó con la Policía de Ventoria, Gendarmería Nacional y Prefectura "
        "Naval.",
    )
    found = mentions(draft, "organization")
    assert "División de Muelles, Faros y Puestos Costeros" in found
    assert "Faros y Puestos Costeros" not in found
    assert {"Policía de Ventoria", "Gendarmería Nacional", "Prefectura Naval"} <= set(found)


def test_and_inside_a_complement_before_a_known_organization_or_a_second_place(tmp_path, knowledge):
    """'the Government of Ostravia and Malawi': the second place is the elided name's own, and
    the name ends before 'and'; 'the Prosecutor's Office of Ostravia and USAID Safe Roads
    project': a known organization after 'and' begins another name. Not 'the Embassy of Bosnia
    and Herzegovina' (one place), nor 'the Regional Office for North America and the
    Caribbean'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The project was funded by the Government of Kenya and Malawi.\n\n"
        "Staff of the Prosecutor General's Office of Zambia and USAID Safe Roads project met "
        "in Lusaka.\n\n"
        "The Embassy of Bosnia and Herzegovina met the Zorvan Regional Office for North "
        "America and the Caribbean.",
    )
    found = mentions(draft, "organization")
    assert "Government of Kenya" in found
    assert "Government of Kenya and Malawi" not in found
    assert "Prosecutor General's Office of Zambia" in found
    assert "USAID" in found
    assert "Embassy of Bosnia and Herzegovina" in found
    assert "Zorvan Regional Office for North America and the Caribbean" in found


def test_a_point_of_the_compass_opening_a_body_name_at_a_sentence_start(tmp_path, knowledge):
    """'West Pelmark Police said': a sentence's first word that the text also writes in lower
    case ('the west of the county') is kept when it is a point of the compass opening a
    place's name before a body's head word."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "West Pelmark Police have rescued 17 workers in the west of the county.\n\n"
        "North Ostrava Border Service said 12 migrants were found in the north.",
    )
    found = mentions(draft, "organization")
    assert "West Pelmark Police" in found
    assert "North Ostrava Border Service" in found


def test_more_head_words_of_bodies_in_spanish_portuguese_and_french(tmp_path, knowledge):
    """'el Viceministerio de Defensa Social', 'a Guarda Costeira', 'le Réseau Solidaire
    ...', 'la Comisaría de la Familia': head words of bodies' names in the three languages."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Según el Observatorio de Seguridad del Viceministerio de Defensa Social, hubo 327 "
        "casos.\n\nA Guarda Costeira Zorvana resgatou 40 migrantes.\n\n"
        "Au total, 25 rapatriés ont été accueillis par le Réseau Solidaire Pelmarkois.\n\n"
        "La Comisaría de la Familia atendió a 12 víctimas.",
    )
    found = mentions(draft, "organization")
    assert "Viceministerio de Defensa Social" in found
    assert "Guarda Costeira Zorvana" in found
    assert "Réseau Solidaire Pelmarkois" in found
    assert "Comisaría de la Familia" in found


def test_the_unit_a_role_is_held_in_in_spanish_portuguese_and_french(tmp_path, knowledge):
    """'Encargada de la División de Acogida de la OIM', 'Director de la Unidad de Trata y
    Tráfico': the unit a role is of, after 'de' and its article, as after 'of the'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "“Seguiremos trabajando”, señaló Ana Ruiz, Encargada de la División de Acogida de la "
        "OIM.\n\nDijo Luis Pérez, Director de la Unidad de Trata y Tráfico de la Policía de "
        "Ventoria.",
    )
    found = mentions(draft, "organization")
    assert "División de Acogida" in found
    assert "Unidad de Trata y Tráfico" in found


def test_a_list_is_one_of_names_only_with_a_named_organization_in_it(tmp_path, knowledge):
    """'IOM, Bright Path and Cedar Hands': a list with a known organization (or one with a
    word of its own) makes the other names organizations; 'the Police Service, Marlow Keys
    and Ostrava Bay', whose only body is named by its kind (words that are head words),
    does not."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "The shelter was funded by IOM, Bright Path and Cedar Hands.\n\n"
        "Boats were seen by the Police Service, Marlow Keys and Ostrava Bay patrols.",
    )
    found = mentions(draft, "organization")
    assert "Cedar Hands" in found
    assert "Marlow Keys" not in found


def test_a_list_after_a_possessive_names_kinds_of_bodies(tmp_path, knowledge):
    """'representing their respective Immigration, Customs, Judiciary and Zorvan Police':
    after a possessive, a list names the kinds of bodies that took part, no bodies of its
    own."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In all, 65 officials took part, representing their respective Immigration, Customs, "
        "Intelligence and Zorvan Police Force.",
    )
    found = mentions(draft, "organization")
    assert "Customs" not in found
    assert "Intelligence" not in found


def test_a_name_in_sentence_case_after_capitalized_words_and_nouns_joined_by_y(tmp_path, knowledge):
    """'la Dirección Nacional de Control y Vigilancia comunitaria': the name's capitalized
    words, a complement of nouns joined by 'y', then the adjective of a name in lower case."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "En el operativo participaron agentes de la Dirección Nacional de Control y Vigilancia "
        "comunitaria y de la Policía de Ventoria.",
    )
    found = mentions(draft, "organization")
    assert "Dirección Nacional de Control y Vigilancia comunitaria" in found


def test_the_red_cross_and_a_known_organization_before_y_et_e(tmp_path, knowledge):
    """'l'OIM et de la Croix-Rouge', 'la OIM y la Cruz Roja Ventoriana': the Red Cross's
    names in the three languages, and a known organization before 'et', 'y', 'e' is a name
    of its own, the words after it another."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Les migrants ont été accueillis par des agents de l’OIM et de la Croix-Rouge à Pelmark."
        "\n\nLa OIM y la Cruz Roja Ventoriana atendieron a 30 personas.",
    )
    found = mentions(draft, "organization")
    assert "Croix-Rouge" in found
    assert "Cruz Roja Ventoriana" in found
    assert not any(name.startswith("OIM ") for name in found)


def test_an_embassy_is_named_with_and_without_the_place_it_is_in(tmp_path, knowledge):
    """'the Zorvan Embassy in Pelmark': a name of the embassy is 'Zorvan Embassy' too (readers
    name it either way); not 'Embassy' alone ('the Embassy in Pelmark')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Officials of the Zorvan Embassy in Pelmark and the Ostravian Consulate in Marlow "
        "issued 40 travel documents.",
    )
    assert "Zorvan Embassy" in new_of(draft, "Zorvan Embassy in Pelmark").alt_names
    assert "Ostravian Consulate" in new_of(draft, "Ostravian Consulate in Marlow").alt_names


def test_a_sentence_that_opens_with_its_verb_then_the_subject_s_article(tmp_path, knowledge):
    """'Informó el Ministerio de Seguridad de Ventoria que ...': a Spanish, Portuguese or
    French sentence that opens with its verb, then the article of its subject; the name
    begins after the article (no name holds one there)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Informó el Ministerio de Seguridad de Ventoria que 30 personas fueron rescatadas en "
        "la frontera.",
    )
    found = mentions(draft, "organization")
    assert "Ministerio de Seguridad de Ventoria" in found
    assert not any(name.startswith("Informó") for name in found)


def test_y_et_e_before_a_body_whose_head_word_is_second(tmp_path, knowledge):
    """'la Policía de Ventoria y la Cruz Roja', 'la Gendarmerie de Pelmark et la Croix-Rouge':
    two bodies joined, the second's head word its second word; not 'la Educación, la Ciencia
    y la Cultura'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Participaron la Policía de Ventoria y la Cruz Roja.",
    )
    found = mentions(draft, "organization")
    assert {"Policía de Ventoria", "Cruz Roja"} <= set(found)


def test_a_name_in_sentence_case_whose_lower_case_complements_end_at_a_clause_end(
    tmp_path, knowledge
):
    """'du Ministère de la protection sociale, ...', 'la Division de l'accueil des réfugiés de
    l'OIM.': a few complements in lower case right before a clause's end are the name's; not
    'la Brigade de protection des mineurs et ...' (where it ends is not said), nor 'a' (a
    verb) in 'la Marine nationale a secouru ...'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Des représentants du Ministère de la protection sociale, de la Brigade de protection "
        "des mineurs et de la Gendarmerie de Pelmark étaient présents. La Marine nationale a "
        "secouru 30 personnes, a déclaré Anh Lo, responsable de la Division de l’accueil des "
        "réfugiés de l’OIM.",
    )
    found = mentions(draft, "organization")
    assert "Ministère de la protection sociale" in found
    assert "Division de l’accueil des réfugiés de l’OIM" in found
    assert "Marine nationale" in found
    assert not any(name.startswith("Brigade") for name in found)
