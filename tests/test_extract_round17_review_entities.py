"""`kg extract`: faults a reviewer found in round 17's rules on organizations' names, one test
per mend, on sentences composed for it (the names of people, places and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, mentions, observations, sources


def test_a_sentence_case_name_takes_no_place_or_time_after_it(tmp_path, knowledge):
    """'par la Marine au large des côtes.', 'la Police nationale à la frontière.', 'par la
    Marine pour les soigner.': 'à', 'au', 'aux' right after a name's own words say where or
    when, and a pronoun with a verb is no complement; none is the name's."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Les 45 migrants ont été interceptés par la Marine au large des côtes de Pelmark.\n\n"
        "Douze passeurs ont été arrêtés par la Police nationale à la frontière.\n\n"
        "Les 30 blessés ont été transférés par la Marine pour les soigner.",
    )
    found = mentions(draft, "organization")
    assert not any(" au " in name or " à " in name or " pour " in name for name in found)
    assert "Police nationale" in found


def test_the_red_cross_second_word_heads_no_place(tmp_path, knowledge):
    """'na Praia Vermelha', 'a Punta Roja': 'Roja', 'Rouge', 'Vermelha' head a body's name
    only after 'Cruz', 'Croix' ('la Cruz Roja')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "A Polícia Federal resgatou 45 pessoas na Praia Vermelha.\n\n"
        "Los 30 migrantes llegaron a Punta Roja y fueron atendidos por la Cruz Roja.",
    )
    found = mentions(draft, "organization")
    assert "Praia Vermelha" not in found
    assert "Punta Roja" not in found
    assert "Cruz Roja" in found


def test_a_sentence_opening_article_is_no_part_of_a_body_name(tmp_path, knowledge):
    """'La Corte Suprema de Justicia condenó ...', 'O Movimento dos ...': the capitalized
    article that opens a sentence before a body's head word is no part of its name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La Corte Suprema de Justicia condenó a 12 traficantes.\n\n"
        "O Movimento dos Trabalhadores Rurais reuniu 300 famílias.\n\n"
        "La Cruz Roja atendió a 300 migrantes.",
    )
    found = mentions(draft, "organization")
    assert "Corte Suprema de Justicia" in found
    assert "Movimento dos Trabalhadores Rurais" in found
    assert "Cruz Roja" in found
    assert not any(name.split()[0] in ("La", "O") for name in found)


def test_an_english_name_keeps_a_lower_case_article_after_its_first_word(tmp_path, knowledge):
    """'Puerto la Lima Police Station registered ...': in English a sentence does not open
    with a Spanish verb and its subject's article; the name holds the place's 'la'."""
    draft = draft_of(
        tmp_path, knowledge, "Puerto la Lima Police Station registered 30 cases in March."
    )
    assert "Puerto la Lima Police Station" in mentions(draft, "organization")


def test_a_commissioner_without_the_accent_is_no_police_station(tmp_path, knowledge):
    """'la Comisaria Europea de Interior, Ana Torres': 'Comisaria' without its accent is a
    woman commissioner, a role; 'la Comisaría de la Mujer' is a police station, a body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Según la Comisaria Europea de Interior, Ana Torres, 300 migrantes llegaron.\n\n"
        "La Comisaría de la Mujer de Lorvan atendió 120 denuncias.",
    )
    found = mentions(draft, "organization")
    assert not any(name.startswith("Comisaria ") for name in found)
    assert "Comisaría de la Mujer de Lorvan" in found


def test_a_lower_case_head_with_adjectives_only_names_no_body(tmp_path, knowledge):
    """'El consulado general informó ...', 'le ministère public': a head word in lower case
    and adjectives in lower case name a kind of body, not one body; 'le ministère de
    l'Intérieur' (a capitalized complement) is a name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "El consulado general informó que 300 migrantes fueron repatriados.\n\n"
        "Le ministère public a requis 12 ans de prison contre trois passeurs, selon le "
        "ministère de l'Intérieur.",
    )
    found = mentions(draft, "organization")
    assert "consulado general" not in found
    assert "ministère public" not in found
    assert "ministère de l'Intérieur" in found


def test_a_sentence_case_name_with_joined_adjectives_is_not_cut(tmp_path, knowledge):
    """'le ministère des Affaires étrangères et européennes': another adjective joined by
    'et' after the name's end leaves where it ends unsaid; not 'ministère des Affaires
    étrangères' cut short."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le ministère des Affaires étrangères et européennes a rapatrié 300 personnes.",
    )
    assert "ministère des Affaires étrangères" not in mentions(draft, "organization")


def test_a_given_name_and_a_surname_that_is_a_head_word_is_no_body(tmp_path, knowledge):
    """'Marie Cour, a spokesperson for IOM', 'IOM spokesperson Ana Junta said': a given name,
    then a surname that is one of the Spanish, French and Portuguese head words ('Cour',
    'Junta'), is no organization, and no source of the number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Marie Cour, a spokesperson for IOM, said 300 migrants arrived in Pelmark.\n\n"
        "IOM spokesperson Ana Junta said 120 children were registered.",
    )
    found = mentions(draft, "organization")
    assert "Marie Cour" not in found
    assert "Ana Junta" not in found
    items = observations(draft)
    assert sources(items["300"]) == ["iom"]
    assert sources(items["120"]) == ["iom"]


def test_an_indefinite_article_and_a_head_word_name_no_body(tmp_path, knowledge):
    """'Un Groupe de 45 migrants est arrivé', 'Una Junta de vecinos denunció': an indefinite
    article that opens a sentence, then a head word, is a group of people, no body."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Un Groupe de 45 migrants est arrivé à Pelmark.\n\n"
        "Una Junta de vecinos denunció que 30 familias fueron desalojadas.",
    )
    found = mentions(draft, "organization")
    assert "Un Groupe" not in found
    assert "Una Junta" not in found


def test_a_sentence_case_name_does_not_join_the_next_body_over_et(tmp_path, knowledge):
    """'le ministère de l'Intérieur et Frontex ont intercepté ...', 'le ministère de la Santé
    et Médecins du Monde': 'et' and a capitalized word where another body's name begins
    end the first name; two bodies, not one."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le ministère de l'Intérieur et Frontex ont intercepté 300 migrants.\n\n"
        "Selon le ministère de la Santé et Médecins du Monde, 120 migrants ont été soignés.",
    )
    found = mentions(draft, "organization")
    assert "ministère de l'Intérieur" in found
    assert "Frontex" in found
    assert "Médecins du Monde" in found
    assert not any(" et " in name for name in found)


def test_an_embassy_takes_no_place_after_the_spanish_a(tmp_path, knowledge):
    """'la embajada de Lorvan a Pelmark': the Spanish 'a' says where something goes, not
    where the embassy is ('à' in French does: 'le consulat de Lorvan à Pelmark')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La ayuda enviada por la embajada de Lorvan a Pelmark benefició a 300 familias.\n\n"
        "Le consulat de Lorvan à Tarsk a délivré 120 visas.",
    )
    found = mentions(draft, "organization")
    assert "embajada de Lorvan" in found
    assert "embajada de Lorvan a Pelmark" not in found
    assert "consulat de Lorvan à Tarsk" in found


def test_a_compound_second_word_opens_no_sentence_case_name(tmp_path, knowledge):
    """'par la Croix-Rouge nationale': 'Rouge', a head word after a hyphen, is the second
    word of a compound, not where a name opens ('Rouge nationale')."""
    draft = draft_of(
        tmp_path, knowledge, "Les 300 migrants ont été aidés par la Croix-Rouge nationale."
    )
    assert not any(name.startswith("Rouge") for name in mentions(draft, "organization"))


def test_the_red_cross_after_et_is_a_body_of_its_own(tmp_path, knowledge):
    """'du ministère de la Santé et de la Croix-Rouge': 'et de la Croix-Rouge' opens a name
    of its own though no head word is before it in the run ('Santé'); not one body 'Santé
    et de la Croix-Rouge'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Les agents du ministère de la Santé et de la Croix-Rouge ont aidé 300 migrants.",
    )
    found = mentions(draft, "organization")
    assert "Croix-Rouge" in found
    assert not any(" et " in name for name in found)


def test_a_sentence_case_name_with_a_joined_complement_is_not_cut(tmp_path, knowledge):
    """'le ministère de la Santé publique et de la Population': another complement joined by
    'et' whose noun heads no body leaves where the name ends unsaid; not 'ministère de la
    Santé publique' cut short ('et de l'OIM', 'et de la Croix-Rouge': bodies of their own)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le ministère de la Santé publique et de la Population a vacciné 300 migrants.\n\n"
        "Les agents du ministère de l'Intérieur et de l'OIM ont aidé 120 migrants.",
    )
    found = mentions(draft, "organization")
    assert "ministère de la Santé publique" not in found
    assert "ministère de l'Intérieur" in found


def test_a_sentence_case_name_ends_inside_no_compound(tmp_path, knowledge):
    """'le Mouvement international de la Croix-Rouge et du Croissant-Rouge': a name does not
    end at the hyphen of a compound ('Mouvement international de la Croix')."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le Mouvement international de la Croix-Rouge et du Croissant-Rouge a aidé 300 migrants.",
    )
    found = mentions(draft, "organization")
    assert not any(name.endswith("Croix") for name in found)


def test_a_sentence_case_kind_of_office_names_no_body(tmp_path, knowledge):
    """'Según la Oficina regional, ...', 'Selon le Bureau national, ...': a head word of a
    kind of office and adjectives that say only which kind name no one body, as 'the
    Regional Office' does not; no source of the number."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Según la Oficina regional, 300 migrantes llegaron a Lorvan.\n\n"
        "Selon le Bureau national, 120 migrants sont arrivés à Pelmark.",
    )
    found = mentions(draft, "organization")
    assert "Oficina regional" not in found
    assert "Bureau national" not in found


def test_the_known_body_ending_a_sentence_case_name_stays_named(tmp_path, knowledge):
    """'Selon la Division de l'aide aux migrants de l'OIM, ...': the acronym that ends the
    unit's name is the body it is of, named too (IOM), as in 'the Protection Division of
    UNHCR'."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Selon la Division de l'aide aux migrants de l'OIM, 300 migrants sont arrivés.",
    )
    found = mentions(draft, "organization")
    assert "Division de l'aide aux migrants de l'OIM" in found
    assert found.get("OIM") == "iom"


def test_a_sentence_case_name_takes_no_infinitive_after_para_or_pour(tmp_path, knowledge):
    """'citados por la Fiscalía para declarar.', 'convoqués par la Gendarmerie pour
    témoigner.': 'para', 'pour' and a verb say what for, no complement of the name ('la
    Oficina para la mujer' has one)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Los 30 migrantes fueron citados por la Fiscalía para declarar.\n\n"
        "Les 12 témoins ont été convoqués par la Gendarmerie pour témoigner.",
    )
    found = mentions(draft, "organization")
    assert not any(" para " in name or " pour " in name for name in found)


def test_an_office_on_duty_names_no_body(tmp_path, knowledge):
    """'a disposición del Juzgado de guardia', 'la Fiscalía de turno', 'à Delegacia de
    plantão': whichever office is on duty, no one body's name."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Los 3 detenidos pasaron a disposición del Juzgado de guardia.\n\n"
        "Los otros 5 fueron puestos a disposición de la Fiscalía de turno.\n\n"
        "Os 4 presos foram levados à Delegacia de plantão.",
    )
    assert mentions(draft, "organization") == {}


def test_the_body_a_sentence_case_unit_is_of_stays_named(tmp_path, knowledge):
    """'Selon la Brigade de recherches de la Gendarmerie de Lorvan, ...': the complement that
    opens with a body's head word names the body the unit is of, an organization too."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Selon la Brigade de recherches de la Gendarmerie de Lorvan, 12 passeurs ont été arrêtés.",
    )
    found = mentions(draft, "organization")
    assert "Brigade de recherches de la Gendarmerie de Lorvan" in found
    assert "Gendarmerie de Lorvan" in found


def test_the_red_crescent_second_word_still_heads_its_name(tmp_path, knowledge):
    """'selon le Croissant-Rouge', 'según la Media Luna Roja': 'Rouge', 'Roja' head the Red
    Crescent's name as the Red Cross's."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Selon le Croissant-Rouge, 300 migrants ont été aidés.\n\n"
        "Según la Media Luna Roja, 120 migrantes fueron atendidos.",
    )
    found = mentions(draft, "organization")
    assert "Croissant-Rouge" in found
    assert "Media Luna Roja" in found


def test_a_sentence_case_head_after_an_indefinite_article_names_no_body(tmp_path, knowledge):
    """'El gobierno creó una Comisión especial, ...', 'criou uma Comissão especial': a body
    of that kind, not one the text names."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "El gobierno creó una Comisión especial, que atendió a 300 víctimas.\n\n"
        "O governo criou uma Comissão especial, que atendeu 120 vítimas.",
    )
    assert mentions(draft, "organization") == {}


def test_a_body_of_the_place_said_before_names_no_body(tmp_path, knowledge):
    """'Según la Policía de la zona, ...', 'Selon la Police de la ville, ...': the police of
    a place the text named before, a body's kind, no name and no source."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Según la Policía de la zona, 300 migrantes cruzaron.\n\n"
        "Selon la Police de la ville, 120 migrants sont arrivés.",
    )
    assert mentions(draft, "organization") == {}


def test_a_sentence_first_word_is_no_sentence_case_head(tmp_path, knowledge):
    """'Inspección de rutina, realizada por ...', 'Groupe de migrants, 45 personnes ...': a
    sentence's first word is capitalized as such; with only lower-case words after it, it
    opens no name ('La Marine nationale a secouru ...' still does)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Inspección de rutina, realizada por la Policía de Lorvan, detectó 300 trabajadores.\n\n"
        "Groupe de migrants, 45 personnes sont arrivées à Pelmark hier. La Marine nationale a "
        "secouru 30 personnes.",
    )
    found = mentions(draft, "organization")
    assert "Inspección de rutina" not in found
    assert "Groupe de migrants" not in found
    assert "Marine nationale" in found


def test_a_sentence_case_name_with_complements_after_a_comma_is_not_cut(tmp_path, knowledge):
    """'le ministère de la Justice, des Libertés et des Droits de l'homme': a comma, then
    another complement whose noun heads no body, leaves where the name ends unsaid; not
    'ministère de la Justice' cut short."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "Le ministère de la Justice, des Libertés et des Droits de l'homme a recensé 300 cas.",
    )
    assert "ministère de la Justice" not in mentions(draft, "organization")
