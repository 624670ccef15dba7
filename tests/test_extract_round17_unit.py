"""`kg extract`: rules on what a number counts (its unit and qualifier) and on the numbers
found at all, written on the seventeenth round for constructions of the grammar rather than
for words of the tune releases; one test per rule, on sentences composed for it (the names of
people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_number_in_words_after_por_or_pour_is_a_number(tmp_path, knowledge):
    """'compuesta por seis chilenos', 'formée pour trois victimes': a number in words after
    'por' or 'pour' (by, for) is read; only the hundred of a share ('45 por ciento', 'pour
    cent') is not a number of its own."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania detuvo a una banda compuesta por seis chilenos y dos "
            "peruanos, el 45 por ciento de los detenidos del año.",
        )
    )
    assert found["6"].fields["unit"] == "person"
    assert "100" not in found and found["45"].fields["unit"] == "percent"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A quadrilha era formada por quatro brasileiros e três bolivianos, segundo a "
            "polícia de Zorvânia.",
        )
    )
    assert found["4"].fields["unit"] == "person"


def test_a_bound_before_a_noun_of_about_so_many_is_its_qualifier(tmp_path, knowledge):
    """'plus d'une centaine de migrants', 'más de una treintena de pasaportes': a noun that
    says about so many, bounded by the wording before it, takes that bound alone ('plus d''
    with its apostrophe too); 'près d'une vingtaine' stays about so many."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Plus d'une centaine de migrants ont été secourus au large de Zorvanie. Au moins "
            "une dizaine de victimes sont mineures.",
        )
    )
    assert found["100"].fields["qualifier"] == ["more-than"]
    assert found["10"].fields["qualifier"] == ["at-least"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania incautó más de una treintena de pasaportes y rescató a "
            "una veintena de migrantes.",
        )
    )
    assert found["30"].fields["qualifier"] == ["more-than"]
    assert found["20"].fields["qualifier"] == ["approximately"]


def test_a_fraction_of_a_whole_in_another_language_is_a_share(tmp_path, knowledge):
    """'plus de la moitié des victimes', 'près d'un quart des habitants', 'um terço das
    vítimas': a fraction said of a whole in French, Spanish or Portuguese is a share in
    percent, qualified by the wording before it; not 'un quart d'heure', nor a fraction whose
    figure follows in brackets ('la mitad de los casos (48%)': the figure is the number)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Selon la police de Zorvanie, plus de la moitié des victimes sont des femmes et "
            "près d'un quart des passeurs sont mineurs. L'audience a duré un quart d'heure.",
        )
    )
    assert found["50"].fields["unit"] == "percent"
    assert found["50"].fields["qualifier"] == ["more-than"]
    assert found["25"].fields["qualifier"] == ["approximately"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Um terço das vítimas resgatadas em Zorvânia eram crianças, e a metade dos casos "
            "(48%) envolvia exploração sexual.",
        )
    )
    assert found["33.3"].fields["unit"] == "percent"
    assert "50" not in found and "48" in found


def test_one_of_every_n_in_another_language_and_a_tenth_are_shares(tmp_path, knowledge):
    """'uno de cada cuatro reportes', 'dois em cada cinco', 'one tenth of': a share in
    percent, the whole's number no count of its own ('cuatro reportes')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Según el Consejo de Zorvania, uno de cada cuatro reportes de trata es por "
            "explotación laboral.\n\nOne tenth of the migrants held in Pelmark are children.",
        )
    )
    assert found["25"].fields["unit"] == "percent"
    assert "4" not in found
    assert found["10"].fields["unit"] == "percent"


def test_a_number_of_them_counts_what_the_count_before_counts(tmp_path, knowledge):
    """'eight of them after jumping', 'Seven of them left', 'Two of those arrested have':
    a number in words of those a pronoun points to is a count (not 'one of them said', a
    speaker), of what the count before it counts, in an earlier paragraph too; not of a sum
    of money said before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Last May, 14 migrants drowned off Pelmark, eight of them after jumping from the "
            "boat.\n\nThe Zorvan Agency sheltered 31 women in Ostrava.\n\nSeven of them left "
            "on Monday. One of them said she felt safe.",
        )
    )
    assert found["8"].fields["unit"] == "person"
    assert found["7"].fields["unit"] == "person" and found["7"].active
    assert "1" not in found
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency paid 900 euros for the tickets of the women.\n\nTwo of them "
            "received support from the agency.",
        )
    )
    assert found["2"].fields["unit"] != "euro"


def test_an_adverb_between_the_auxiliary_and_the_participle(tmp_path, knowledge):
    """'only 48 were officially registered', '40 had reportedly been freed': a number whose
    verb says what was done to it, an adverb between, counts what the number before does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Pelmark coast guard intercepted 150 migrants on a fishing boat. But only 48 "
            "were officially registered on its manifest.",
        )
    )
    assert found["48"].fields["unit"] == "person" and found["48"].active


def test_a_duration_that_only_times_an_event_is_no_number(tmp_path, knowledge):
    """'which lasted one week', 'spanned six days', 'for another two years', 'Throughout
    these five years', 'il y a 3 jours', 'deux jours auparavant', 'cinco meses después', a
    'Fifteen year-old' boy, 'children (below 16 years)': times of an event, a term, a time
    pointed to or an age, no statistic; a measured duration ('stayed six to eight months
    in the shelter') stays."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan police operation, which lasted one week, spanned six districts. The "
            "hotline will remain open for another two years. Throughout these five years, "
            "the agency rescued 340 children (below 16 years). Fifteen year-old Marek was "
            "among them. The victims stayed six to eight months in the shelter.",
        )
    )
    for value in ("1", "2", "5", "15", "16"):
        assert value not in found, value
    assert found[("6", "8")].fields["unit"] == "month"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Il y a 3 jours, la police de Zorvanie a secouru 45 migrants. Deux jours "
            "auparavant, 12 passeurs avaient été arrêtés.",
        )
    )
    assert "3" not in found and "2" not in found and found["45"].fields["unit"] == "person"


def test_a_range_opened_by_a_small_number_in_words(tmp_path, knowledge):
    """'between one and five years', 'between three and 12 years', 'seven to 12 weeks': a
    range whose first number is a small one in words, the noun said after the second; not
    'one or two' alone."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The fishermen freed in Pelmark had spent between three and 12 years on the boats. "
            "Others had been held in Zorvan jails for between one and five years.",
        )
    )
    assert found[("3", "12")].fields["unit"] == "year"
    assert found[("1", "5")].fields["unit"] == "year"
    assert "12" not in found and "5" not in found


def test_a_number_pointed_to_by_all_or_these_is_said_again(tmp_path, knowledge):
    """'44 participants attended ... All 44 officials', 'these 37 migrants': a number said
    before, pointed to again by 'all' or 'these' as by 'the', is one number; not 'As 120
    migrants' (English 'as', no Portuguese article)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "A total of 44 participants attended the Zorvan training in Pelmark.\n\nAll 44 "
        "officials received certificates.\n\nAs 120 migrants waited, 120 others left.",
    )
    fifty = [i for i in draft.observations if i.fields.get("value") == "44"]
    assert len(fifty) == 1 and len(fifty[0].quotes) == 2
    assert len([i for i in draft.observations if i.fields.get("value") == "120"]) == 2


def test_a_plural_possessor_after_a_number_is_what_it_counts(tmp_path, knowledge):
    """'four complainants’ allegations', "12 workers' wages": the plural that owns the noun
    after it is what the number counts."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The charges against the Zorvan recruiter stem from four complainants’ "
            "allegations. The inspectors recovered 12 workers' wages in Pelmark.",
        )
    )
    assert found["4"].fields["unit"] == "person"
    assert found["12"].fields["unit"] == "person"


def test_people_described_by_two_modifiers_joined_by_and(tmp_path, knowledge):
    """'4,600 state and private sector employees', '30 police and immigration
    officers': the people both modifiers describe, though the first is a noun counted on its
    own elsewhere ('13 states')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency trained over 4,600 state and private sector employees in "
            "Pelmark last year.",
        )
    )
    assert found["4600"].fields["unit"] == "person"


def test_ones_stands_for_the_plural_said_before_it(tmp_path, knowledge):
    """'extended existing shelters and opened six new ones', 'trucks, 4 larger ones': 'ones'
    counts the plural noun its sentence names before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency repaired the existing border shelters in Pelmark and opened "
            "six new ones. Police seized small boats, 4 larger ones among them.",
        )
    )
    assert found["6"].fields["unit"] == "shelter"
    assert found["4"].fields["unit"] == "boat"


def test_a_small_number_in_words_before_a_plural_with_accents(tmp_path, knowledge):
    """'tres víctimas', 'cuatro niñas', 'dos hondureñas', 'duas crianças': a small number in
    words before a plural noun is a count whatever letters the noun is written with; 'tres
    eran' (a verb 'to be' after it) too."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania rescató a tres víctimas y a cuatro niñas en Pelmark.",
        )
    )
    assert found["3"].fields["unit"] == "person"
    assert found["4"].fields["unit"] == "person"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A polícia de Zorvânia resgatou duas crianças em Pelmark.",
        )
    )
    assert found["2"].fields["unit"] == "person"


def test_small_numbers_by_their_places_in_another_language(tmp_path, knowledge):
    """'23 de Colombia, cuatro de Nicaragua, dos de Perú', 'dois da Guiné': a small number
    in words with the place its people come from counts what the list's first number does,
    as 'two from Achham' in English."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania rescató a 41 víctimas: 23 de Colombia, cuatro de "
            "Nicaragua y dos de Perú.",
        )
    )
    assert found["4"].fields["unit"] == "person"
    assert found["2"].fields["unit"] == "person"


def test_uno_is_a_number_in_spanish(tmp_path, knowledge):
    """'tres de Paraguay, uno de Cuba y uno de Brasil': 'uno' (no article, unlike 'un' and
    'una') is one, a count in a list of places; not 'uno de los detenidos' (one of them)."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "La policía de Zorvania rescató a 14 víctimas: 12 de Colombia, uno de Cuba y uno de "
        "Brasil. Uno de los detenidos es el líder de la red.",
    )
    ones = [i for i in draft.observations if i.fields.get("value") == "1"]
    assert len(ones) == 2 and all(i.fields["unit"] == "person" for i in ones)


def test_a_currency_named_in_full_before_a_number(tmp_path, knowledge):
    """'paid Ethiopian Birr 18,500', 'Indian Rupees 5,000': a currency's whole name (as ISO
    4217 writes it, perhaps in the plural) right before a number is its unit; not a name
    that is no currency ('United Nations 12')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Each of the Zorvan migrants paid Ethiopian Birr 18,500 to the smugglers, and the "
            "recruiters in Pelmark charged Indian Rupees 5,000 more.",
        )
    )
    assert found["18500"].fields["unit"] == "ethiopian-birr"
    assert found["5000"].fields["unit"] == "indian-rupee"


def test_a_superseded_currency_code_is_its_successor(tmp_path, knowledge):
    """'GHC 30,000': an ISO 4217 code withdrawn at a redenomination, which releases still
    write, is the currency that replaced it (the Ghana cedi, GHS)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "One of the Zorvan victims paid GHC 30,000 to a recruiter in Pelmark.",
        )
    )
    assert found["30000"].fields["unit"] == "ghana-cedi"
