"""`kg extract`: rules on what a number counts (its unit and qualifier) written on the
sixteenth round, from the whole tune split's errors; one test per rule, on sentences composed
for it (the names of people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_general_head_is_named_with_the_noun_before_it(tmp_path, knowledge):
    """'23 house searches', 'six border posts', 'crisis centers': a head that says what a
    thing is only with the noun before it takes that noun into the unit; not an adjective
    ('14 regional centres'); a later number of the bare head ('some 35 centres') counts the
    compound the text said."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police of Zorvania made 23 house searches and the agency built six border posts "
            "near Pelmark.\n\nThe ministry also runs 14 regional centres and nine crisis "
            "centers.",
        )
    )
    assert found["23"].fields["unit"] == "house-search"
    assert found["6"].fields["unit"] == "border-post"
    assert found["9"].fields["unit"] == "crisis-centre"
    assert found["14"].fields["unit"] == "centre"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency said 17 detention centres are operational in Ostravia.\n\n"
            "Earlier reports spoke of some 35 centres.",
        )
    )
    assert found["17"].fields["unit"] == "detention-centre"
    assert found["35"].fields["unit"] == "detention-centre"


def test_a_verb_after_a_number_in_another_language_is_no_noun(tmp_path, knowledge):
    """'de los cuales 58 viajaban con sus familias y 41 lo hacían sin compañía', '11 pour
    délit commis': in Spanish, French or Portuguese a verb, pronoun or preposition after the
    number is no noun it counts (as 'were', 'for' in English): it counts what the number before it
    does; not '118 son menores' (the noun after the verb 'to be')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania rescató a 99 menores de edad, de los cuales 58 viajaban "
            "con sus familias y 41 lo hacían sin compañía.\n\nSe registraron 286 casos de trata, "
            "de los cuales 118 son menores.",
        )
    )
    assert found["58"].fields["unit"] == "person"
    assert found["41"].fields["unit"] == "person"
    assert found["118"].fields["unit"] == "person"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En 2016, un total de 274 infractions ont été enregistrées par la police de "
            "Zorvanie : 129 pour exploitation économique, 11 pour délit commis sous la "
            "contrainte.",
        )
    )
    assert found["11"].fields["unit"] == "offence"


def test_an_average_is_no_approximation(tmp_path, knowledge):
    """'an average of 475 people crossing each day': a mean, measured, is stated exactly (the
    gold's qualifiers: 'approximately' is 'some', 'about', 'nearly', 'around'); 'some 600' is
    approximate."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Arrivals into Zorvania keep rising, with an average of 475 people "
            "crossing the border each day. Some 600 refugees live in the Pelmark camp.",
        )
    )
    assert found["475"].fields["qualifier"] == ["exact"]
    assert found["600"].fields["qualifier"] == ["approximately"]


def test_members_suspects_arrests_and_cases_in_the_other_languages(tmp_path, knowledge):
    """'12 miembros de la organización', 'seis sujetos', 'cuatro capturas', '27 processos-crime':
    the nouns of people, arrests and criminal cases in Spanish, French and Portuguese."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania informó que en un operativo fueron detenidos 12 miembros de "
            "la organización y que aún hay pendientes 4 capturas. Seis sujetos quedaron en prisión "
            "preventiva.",
        )
    )
    assert found["12"].fields["unit"] == "person"
    assert found["4"].fields["unit"] == "arrest"
    assert found["6"].fields["unit"] == "person"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Segundo dados do Ministério Público de Zorvânia, há registo de 27 processos-crime "
            "ligados a redes de tráfico de pessoas.",
        )
    )
    assert found["27"].fields["unit"] == "case"


def test_of_these_after_a_number_in_another_language_sets_the_noun_after_it(tmp_path, knowledge):
    """'109 dessas crianças estavam ... e 11 por passadores': 'of these' between a number and
    its noun in Portuguese, Spanish or French ('de estas', 'de ces'): the noun after it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A polícia de Zorvânia resgatou 120 pessoas em 2023. 109 dessas crianças estavam "
            "acompanhadas pelos pais e 11 por passadores.",
        )
    )
    assert found["109"].fields["unit"] == "person"
    assert found["11"].fields["unit"] == "person"


def test_a_word_set_before_the_noun_is_not_what_a_number_counts(tmp_path, knowledge):
    """'23 potenciais vítimas de tráfico ..., 14 das quais menores': the word the other
    languages set before the noun ('potenciais', 'presuntos') is not what the number counts,
    nor what the number after it borrows."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "O Serviço de Fronteiras de Zorvânia sinalizou este ano 23 potenciais vítimas de "
            "tráfico de pessoas, 14 das quais menores, segundo um comunicado.",
        )
    )
    assert found["23"].fields["unit"] == "person"
    assert found["14"].fields["unit"] == "person"


def test_a_headlines_number_said_again_is_qualified_as_the_body_says(tmp_path, knowledge):
    """'Some 400 Trafficking Victims ... Counted' then 'identified 400 victims'; 'Agency Helped
    7,000 Victims' then 'Nearly 7,000 victims were helped': the headline rounds and shortens, the
    body's first sentence with the number says how it is qualified."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 400 Trafficking Victims Counted in Zorvania\n\nThe Zorvan Agency "
            "identified 400 victims of trafficking in Zorvania in the first half of the year.",
        )
    )
    assert found["400"].fields["qualifier"] == ["exact"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan Agency Helped 7,000 Victims of Trafficking\n\nNearly 7,000 victims of "
            "trafficking were helped by the Zorvan Agency in 115 countries in 2015.",
        )
    )
    assert found["7000"].fields["qualifier"] == ["approximately"]


def test_a_share_of_an_estimate_said_after_of_which_is_no_estimate(tmp_path, knowledge):
    """'it is estimated that 500,000 to 700,000 people are trafficked ..., of which 75% are
    female': the estimate's whole is estimated, the share said of it is not; 'of which an
    estimated 30%' is."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "According to the Zorvan Agency, it is estimated that 500,000 to 700,000 people are "
            "trafficked across borders every year, of which 75% are female. It is estimated "
            "that 1.3 million Pelmark nationals live abroad, of whom an estimated 30% are "
            "children.",
        )
    )
    assert "estimated" in found[("500000", "700000")].fields["qualifier"]
    assert found["75"].fields["qualifier"] == ["exact"]
    assert "estimated" in found["30"].fields["qualifier"]


def test_more_than_with_the_article_contracted_in_another_language(tmp_path, knowledge):
    """'más del 70% de las denuncias', 'moins du tiers': 'de' with the article, contracted, still
    says more than, less than."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "En Zorvania, el 64% de las víctimas fueron mujeres, y más del 70% de las denuncias "
            "correspondieron a explotación laboral.",
        )
    )
    assert found["70"].fields["qualifier"] == ["more-than"]
    assert found["64"].fields["qualifier"] == ["exact"]


def test_a_number_said_to_be_estimated_after_it_is_an_estimate(tmp_path, knowledge):
    """'more than 16,000 people are estimated to be trafficked each year': an estimate said
    in the passive after the number; not '300 people were arrested'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvania is a destination for victims in a country where more than 16,000 people "
            "are estimated to be trafficked each year. Last year 300 people were arrested.",
        )
    )
    assert sorted(found["16000"].fields["qualifier"]) == ["estimated", "more-than"]
    assert found["300"].fields["qualifier"] == ["exact"]


def test_an_aside_is_no_part_of_an_estimate_later_in_its_paragraph(tmp_path, knowledge):
    """'The report was released on Monday. The agency estimates that 70 per cent of girls
    arriving from Pelmark – whose numbers have grown from 1,210 in 2013 to 8,360 in 2015 –
    are victims': the aside's numbers are stated, not estimated, in a paragraph's second
    sentence as in its first."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency released its report on Monday. The agency estimates that 70 per "
            "cent of girls arriving from Pelmark – whose numbers have grown from 1,210 in 2013 "
            "to 8,360 in 2015 – are likely victims of exploitation.",
        )
    )
    assert found["70"].fields["qualifier"] == ["estimated"]
    assert found["1210"].fields["qualifier"] == ["exact"]
    assert found["8360"].fields["qualifier"] == ["exact"]


def test_a_preposition_ends_what_a_number_counts(tmp_path, knowledge):
    """'38 enquiries against human traffickers', '12 cases involving children': a preposition
    ends the noun phrase the number counts, as 'of' and 'for' do; the people after it are not
    what is counted."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Under the law the Zorvan authorities have opened 38 enquiries against human "
            "traffickers and recorded 12 cases involving children.",
        )
    )
    assert found["38"].fields["unit"] == "enquiry"
    assert found["12"].fields["unit"] == "case"


def test_a_verb_after_a_part_ends_what_it_counts(tmp_path, knowledge):
    """'For example, of the 31 cases ... examined as of 2017, 19 involved fake job offers':
    the verb after the number is no part of what it counts; it counts what its whole
    does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "For example, of the 31 cases of suspected trafficking that the Zorvan Border "
            "Service had examined as of 2017, 19 involved fake job offers made "
            "to the victims.",
        )
    )
    assert found["19"].fields["unit"] == "case"


def test_a_comma_after_a_plural_ends_what_a_number_counts(tmp_path, knowledge):
    """'monitored nearly 19,000 flights, positioning officers in hotspots': a plural noun
    then a comma ends the phrase (a clause or a list follows), unlike adjectives in a row
    ('118 vulnerable, stranded migrants'); ringleaders and law enforcers are people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency monitored nearly 19,000 flights, positioning officers in known "
            "hotspots. It assisted 118 vulnerable, stranded migrants. Ten suspected "
            "ringleaders, also irregular migrants, were arrested.",
        )
    )
    assert found["19000"].fields["unit"] == "flight"
    assert found["118"].fields["unit"] == "person"
    assert found["10"].fields["unit"] == "person"


def test_acronyms_of_people_count_people(tmp_path, knowledge):
    """'64 Distressed OFWs', '3,870 TCNs': overseas Filipino workers and third-country
    nationals, in the acronyms the releases use without spelling them out, are people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan consulate repatriated 64 distressed OFWs from Pelmark. Ostravia hosts "
            "3,870 TCNs and 1,936 Yemenis.",
        )
    )
    assert found["64"].fields["unit"] == "person"
    assert found["3870"].fields["unit"] == "person"


def test_an_amount_in_fcfa_is_in_cfa_francs(tmp_path, knowledge):
    """'une aide de 45 000 Fcfa', 'payés 50.000 FCFA chaque mois': the CFA
    franc, written by its initials after the amount."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Une fois à Zorvan, l'agence a donné à chacun des migrants de retour une aide de "
            "45 000 Fcfa pour couvrir leurs premiers frais.",
        )
    )
    assert found["45000"].fields["unit"] == "cfa-franc"


def test_of_them_counts_the_number_before_whose_sentence_names_a_year(tmp_path, knowledge):
    """'... des 3,9 millions de Zorvaniens ... en 2013. Plus de 350.000 d'entre eux sont
    toujours réfugiés': 'of them' counts what the number before it counts when that number
    is its sentence's only figure, a year being no figure."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La guerre a chassé de chez eux des 3,9 millions de Zorvaniens depuis 2013. Plus "
            "de 350.000 d'entre eux vivent encore dans des camps voisins.",
        )
    )
    assert found["350000"].fields["unit"] == "person"


def test_modifiers_joined_by_and_before_a_known_noun(tmp_path, knowledge):
    """'140 experts from 97 sending, transit and receiving countries': modifiers joined by
    commas and 'and' before a noun the rules know (countries, cases), as before people
    ('diplomatic and consular officials'): the number counts that noun."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan network comprises 140 experts from 97 sending, transit and receiving "
            "countries.",
        )
    )
    assert found["97"].fields["unit"] == "country"


def test_a_qualifier_before_the_article_of_a_multiple(tmp_path, knowledge):
    """'nearly a twelve-fold increase': a multiple said as a noun's modifier has its
    qualifier before the article, as a share has ('nearly a 9 percent increase')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Since January, more than 18,000 migrants have arrived in Zorvania, nearly a "
            "twelve-fold increase compared to the same period of last year.",
        )
    )
    assert found["12"].fields["qualifier"] == ["approximately"]


def test_a_verb_of_exceeding_before_a_number_in_another_language(tmp_path, knowledge):
    """'el número total superará los 3 millones', 'le nombre dépasse les 2 000': a verb of
    exceeding before the number says more than, as 'exceeds 300' does in English."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Si sigue el ritmo, el número total de migrantes zorvanos superará los 3 "
            "millones antes de diciembre.",
        )
    )
    assert found["3000000"].fields["qualifier"] == ["more-than"]


def test_a_change_in_an_estimates_sentence_is_no_estimate(tmp_path, knowledge):
    """'The agency estimates that there are currently 587,000 migrants in Zorvania, an
    increase of roughly 35,000 from last year': the estimate's number is estimated, the
    change against another time (or 'up from' its figure) is not."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency estimates that there are currently 587,000 migrants in "
            "Zorvania, an increase of roughly 35,000 from last year.",
        )
    )
    assert found["587000"].fields["qualifier"] == ["estimated"]
    assert found["35000"].fields["qualifier"] == ["approximately"]


def test_a_relative_clause_after_an_estimate_says_a_fact_of_its_own(tmp_path, knowledge):
    """'authorities estimate that dozens of families come each week to the valley, which
    yields approximately a fifth of all cocoa in the country': the relative clause's
    number is no part of the estimate."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan authorities estimate that dozens of families from rural villages "
            "come each week to the valley, which yields approximately 20 per cent of all cocoa "
            "in the country.",
        )
    )
    assert found["20"].fields["qualifier"] == ["approximately"]


def test_a_currency_named_with_its_other_spelling(tmp_path, knowledge):
    """'317,250,000 Qatari riyals': the Qatari rial, as ISO 4217 spells it, not the Saudi
    riyal the bare word would be."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "By March 2021, 317,250,000 Qatari riyals had been paid to compensate workers of "
            "the Zorvan Company, the agency said.",
        )
    )
    assert found["317250000"].fields["unit"] == "qatari-rial"


def test_a_part_with_its_share_in_brackets_counts_as_the_count_before(tmp_path, knowledge):
    """'384 victims were identified ... 98 (25.5%) exploited for labour, 47 (12%) trafficked
    for marriage': a number with its share in brackets and no noun of its own is a part of
    the count before it, and counts what that one does."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "In 2023 the Zorvan police identified 384 victims of trafficking. Of these, 203 "
            "(52.9%) were exploited sexually, 98 (25.5%) exploited for labour, and 47 (12%) "
            "trafficked for marriage.",
        )
    )
    assert found["98"].fields["unit"] == "person"
    assert found["47"].fields["unit"] == "person"
    assert found["98"].active


def test_people_by_their_age_or_where_they_hailed_from(tmp_path, knowledge):
    """'With regard to their age; 1 under the age of twenty, 27 under the age of
    twenty-five', 'Nearly 290 hailed from outside Zorvania': only people have ages and hail
    from places."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan shelter received 42 women this year. With regard to their age; 1 under "
            "the age of twenty, 27 under the age of twenty-five and 14 older. Nearly 290 "
            "hailed from outside Zorvania.",
        )
    )
    assert found["27"].fields["unit"] == "person"
    assert found["290"].fields["unit"] == "person"


def test_numbers_in_a_series_share_the_last_ones_noun(tmp_path, knowledge):
    """'repatriated 12, 13, and 14 people on 5, 6 and 7 August': the numbers of a series
    count what the last one counts."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan government repatriated 12, 13, and 14 people on three flights from "
            "Pelmark.",
        )
    )
    assert found["12"].fields["unit"] == "person"
    assert found["13"].fields["unit"] == "person"


def test_others_who_are_people(tmp_path, knowledge):
    """'4 others who had no travel papers': what is said after 'others' ('who', a verb only
    people undergo) is read as said after the number: people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan court heard that the papers were valid. 4 others who had no travel "
            "papers were also charged.",
        )
    )
    assert found["4"].fields["unit"] == "person"


def test_players_are_people(tmp_path, knowledge):
    """'About 28 key players including members of the coast guard': players are people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "About 28 key players including members of the Zorvan coast guard are attending "
            "the training.",
        )
    )
    assert found["28"].fields["unit"] == "person"


def test_a_length_in_figures_before_the_noun_is_an_adjective(tmp_path, knowledge):
    """'the second in a series of twelve 3-day national training workshops': the length written
    in figures between the number and its noun is an adjective of the noun."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Agency launched the second in a series of twelve 3-day national training "
            "workshops for border officials.",
        )
    )
    assert found["12"].fields["unit"] == "workshop"


def test_names_joined_by_and_before_a_known_noun(tmp_path, knowledge):
    """'19 East and Southern African countries', '31 Antigua and Barbuda government
    officials': names or adjectives joined by 'and' before a noun the rules know count that
    noun."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan minister headed a conference of 19 East and Southern African countries. "
            "On Monday, 31 Antigua and Barbuda government officials took part in the training.",
        )
    )
    assert found["19"].fields["unit"] == "country"
    assert found["31"].fields["unit"] == "person"


def test_a_count_after_a_preposition_of_place_in_another_language_is_no_antecedent(
    tmp_path, knowledge
):
    """'rescató a 251 personas en dos operativos: uno con 37 en un autobús y 214 en un
    camión': a number after 'en', 'dans', 'em' (in) says where, as one after 'in' does;
    the parts that follow count what the sentence's count before it counts."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "El instituto de Zorvania rescató a 251 personas en dos operativos: uno con 37 en "
            "un autobús y otro con 214 en un camión de carga.",
        )
    )
    assert found["37"].fields["unit"] == "person"
    assert found["214"].fields["unit"] == "person"


def test_a_with_clause_after_an_estimate_adds_a_figure_of_its_own(tmp_path, knowledge):
    """'It is estimated that about 690,000 Zorvanians reside in Pelmark, with about 380,000
    likely to have travelled there irregularly': the 'with' clause's number is no part of the
    estimate."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "It is estimated that about 690,000 Zorvanians currently reside in Pelmark, with "
            "about 380,000 likely to have travelled there through irregular means.",
        )
    )
    assert "estimated" in found["690000"].fields["qualifier"]
    assert found["380000"].fields["qualifier"] == ["approximately"]


def test_others_from_a_place_are_people(tmp_path, knowledge):
    """'the man, together with 9 others from Lorvania and two from Ostravia, were lodged':
    others from a place, with no count before them to borrow a noun from, are people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan investigation has shown that the man, together with 9 others from "
            "Lorvania and two from Ostravia, were lodged in a warehouse.",
        )
    )
    assert found["9"].fields["unit"] == "person"
    assert found["2"].fields["unit"] == "person"


def test_those_of_these_who_travelled_are_people(tmp_path, knowledge):
    """'Some 31,608 of these have travelled to Ostravia': 'of these' before what only people do
    (travel, arrive, die) makes the number's people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Since January, 148,275 people have made the crossing. Nearly two-thirds of "
            "these travelled from Pelmark to Zorvania. Some 31,608 of these have travelled to "
            "Ostravia.",
        )
    )
    assert found["31608"].fields["unit"] == "person"
