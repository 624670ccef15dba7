"""`kg extract`: the review of round 17's rules on units and qualifiers, on sentences composed
for it (the names of people, bodies and places are made up): each test a sentence the round's
rules read wrong and the code before them read right."""

from __future__ import annotations

from composed import draft_of, observations


def test_a_number_in_words_before_de_and_a_month_is_a_day(tmp_path, knowledge):
    """'na Rua Sete de Setembro', 'no dia dois de Março de 2020': a number in words before
    'de' and a month in capitals is a day of a date or of a street's name, no people counted
    by where they come from ('tres de Paraguay')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A polícia de Zorvânia resgatou 45 trabalhadores numa oficina da Rua Sete de "
            "Setembro. Os migrantes chegaram no dia dois de Março de 2020.",
        )
    )
    assert found["45"].fields["unit"] == "person"
    assert "7" not in found and "2" not in found


def test_them_counts_no_things_when_people_are_said_of_them(tmp_path, knowledge):
    """'opened 4 shelters ... Twelve of them are minors', 'sentenced to 12 years ... Two of
    them have since appealed': a number of them in a later paragraph counts no things or
    times of the count before it when what is said of them is said of people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan agency opened 4 shelters in 2018.\n\nWomen and girls rescued from the "
            "boats are housed there. Twelve of them are minors.",
        )
    )
    assert found["12"].fields["unit"] != "shelter"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Pelmark traffickers were sentenced to 12 years in prison in 2019.\n\nTwo of "
            "them have since appealed against the ruling.",
        )
    )
    assert found["2"].fields["unit"] != "year"


def test_a_term_in_prison_in_brackets_is_no_age(tmp_path, knowledge):
    """'prison sentences (over 10 years)': a term in prison in brackets after 'over' is a
    number of years, no age as 'children (below 16 years)' is."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "A Zorvan court gave four traffickers long prison sentences (over 10 years).",
        )
    )
    assert found["10"].fields["unit"] == "year"


def test_an_average_the_past_tense_reports_is_measured(tmp_path, knowledge):
    """'On average, the journey took 14 days': a duration an average reports is measured,
    though the verb that says it is one that times an event ('which lasted one week')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "On average, the journey to Pelmark took 14 days, the Zorvan survey of 300 "
            "migrants found.",
        )
    )
    assert found["14"].fields["unit"] == "day"


def test_a_stay_before_a_verb_is_measured_in_another_language(tmp_path, knowledge):
    """'permanecieron seis meses antes de ser rescatadas', 'huit mois avant d'être
    identifiées': a duration before 'antes de', 'avant de' and a verb is how long something
    lasted, not a time 'before' ('deux jours avant', 'cinco meses antes de octubre')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Las víctimas de Zorvania permanecieron en promedio seis meses antes de ser "
            "rescatadas.",
        )
    )
    assert found["6"].fields["unit"] == "month"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Les victimes restent en moyenne huit mois avant d'être identifiées.",
        )
    )
    assert found["8"].fields["unit"] == "month"


def test_half_of_a_time_in_another_language_is_no_share(tmp_path, knowledge):
    """'durante la mitad del año', 'pendant la moitié de l'année', 'a la mitad del camino': a
    part of a time or of a way, no share of what is counted."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Durante la mitad del año, el albergue de Zorvania acogió a 45 niñas. Pendant la "
            "moitié de l'année, le centre de Pelmark a accueilli 30 filles.",
        )
    )
    assert "50" not in found
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Los 30 migrantes fueron abandonados a la mitad del camino hacia Pelmark.",
        )
    )
    assert "50" not in found


def test_a_participle_before_a_noun_after_of_these_is_no_verb(tmp_path, knowledge):
    """'Five of these trafficked women were Zorvan nationals': a participle that describes
    the noun after it ('these trafficked women') is no verb of 'these' ('Three of these
    occurred'); the number counts its own noun, not what the count before counts."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police searched 35 houses in Pelmark. Five of these trafficked women were Zorvan "
            "nationals.",
        )
    )
    assert found["5"].fields["unit"] == "person"


def test_the_two_in_another_language_count_nothing(tmp_path, knowledge):
    """'los dos países cooperarán', 'As duas instituições assinaram': a small number in
    words after an article, pointing to those said before ('the two countries'), counts
    nothing, though the plural after it is written with accents ('tres víctimas' still
    counts)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvania y Pelmark firmaron un memorando; los dos países cooperarán contra la "
            "trata. La policía rescató a tres víctimas.",
        )
    )
    assert "2" not in found and found["3"].fields["unit"] == "person"
    found = observations(
        draft_of(tmp_path, knowledge, "As duas instituições assinaram um acordo em Zorvânia.")
    )
    assert "2" not in found


def test_one_to_one_is_no_range(tmp_path, knowledge):
    """'held one to one sessions': a small number in words before 'to' and a number no larger
    opens no range ('between one and five years' does)."""
    found = observations(
        draft_of(
            tmp_path, knowledge, "Zorvan counsellors held one to one sessions with 45 survivors."
        )
    )
    assert "1" not in found and found["45"].fields["unit"] == "person"


def test_a_term_in_words_after_por_or_pour_is_no_number(tmp_path, knowledge):
    """'prorrogado por dois anos', 'prolongé pour deux ans': a number of years in words after
    'por' or 'pour' is the term of what was extended, as before the number after them was
    read ('compuesta por seis chilenos' counts)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "O projeto de Zorvânia foi prorrogado por dois anos e apoiou 300 vítimas. Le "
            "programme de Pelmark a été prolongé pour trois ans.",
        )
    )
    assert "2" not in found and "3" not in found
    assert found["300"].fields["unit"] == "person"


def test_a_room_is_no_quarter(tmp_path, knowledge):
    """'encerradas en un cuarto de la vivienda', 'trancadas em um quarto da casa': 'cuarto'
    and 'quarto' are a room, no share, unless of many ('um quarto das vítimas')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Las 12 víctimas estaban encerradas en un cuarto de la vivienda en Pelmark. As "
            "vítimas estavam trancadas em um quarto da casa, em Zorvânia.",
        )
    )
    assert "25" not in found
    found = observations(
        draft_of(tmp_path, knowledge, "Um quarto das vítimas resgatadas em Zorvânia eram crianças.")
    )
    assert found["25"].fields["unit"] == "percent"


def test_decades_in_words_in_another_language_are_a_time(tmp_path, knowledge):
    """'Há duas décadas', 'Il y a deux décennies', 'Durante tres décadas': a small number in
    words before decades is a time, no count, its plural's accents notwithstanding."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Há duas décadas, a OIM abriu o escritório de Zorvânia. Durante tres décadas, la "
            "OIM ha trabajado en Pelmark.",
        )
    )
    assert "2" not in found and "3" not in found


def test_a_plural_before_and_is_its_own_noun(tmp_path, knowledge):
    """'funded 12 shelters and social workers': a plural before 'and' is what the number
    counts, not the people after it ('4,600 state and private sector employees' are)."""
    found = observations(
        draft_of(tmp_path, knowledge, "IOM funded 12 shelters and social workers in Pelmark.")
    )
    assert found["12"].fields["unit"] == "shelter"


def test_them_counts_no_number_of_times(tmp_path, knowledge):
    """'Arrests ... tripled in 2019. \\n\\n Ten of them involved minors': a number of times
    before is no count that 'them' points to."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Arrests of traffickers in Zorvania tripled in 2019.\n\nTen of them involved minors.",
        )
    )
    assert found["10"].fields["unit"] != "times"


def test_them_points_to_the_people_named_since_the_count(tmp_path, knowledge):
    """'opened 4 shelters ... trained police officers and judges. Three of them received
    certificates': 'them' are the people named after the count of things, in its paragraph
    or a later one; 'opened 4 shelters. Two of them are in Pelmark' counts shelters."""
    for body in (
        "IOM opened 4 shelters in Zorvania in 2018. The agency also trained police officers "
        "and judges. Three of them received certificates.",
        "IOM opened 4 shelters in Zorvania in 2018.\n\nThe agency also trained police "
        "officers and judges. Three of them received certificates.",
    ):
        found = observations(draft_of(tmp_path, knowledge, body))
        assert found["3"].fields["unit"] != "shelter", body
    found = observations(
        draft_of(tmp_path, knowledge, "IOM opened 4 shelters in 2018. Two of them are in Pelmark.")
    )
    assert found["2"].fields["unit"] == "shelter"


def test_one_in_every_n_years_in_another_language_is_no_share(tmp_path, knowledge):
    """'Uno de cada cuatro años, la sequía afecta a 300.000 personas': one in so many years
    is how often, no share of people ('uno de cada cuatro era menor de edad' is)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Uno de cada cuatro años, la sequía afecta a 300.000 personas en Zorvania.",
        )
    )
    assert "25" not in found


def test_a_currency_named_before_a_number_of_times_or_people_is_no_money(tmp_path, knowledge):
    """'paid in Indian Rupees 3 times a month': a currency's name before a number that counts
    times or people says what was paid in, not that the number is money ('fined the agency
    Indian Rupees 50,000' is)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Wages were paid in Indian Rupees 3 times a month to 40 workers in Pelmark.",
        )
    )
    assert found["3"].fields["unit"] != "indian-rupee"


def test_there_are_months_of_waiting_and_another_average_are_measured(tmp_path, knowledge):
    """'il y a 3 mois d'attente' (there are three months of waiting), 'for another 14 months
    on average': durations measured, not 'il y a 3 jours' (ago) nor 'for another two years'
    (a term extended)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Dans le centre de Pelmark, il y a 3 mois d'attente pour un rendez-vous, selon 40 "
            "migrants interrogés.",
        )
    )
    assert found["3"].fields["unit"] == "month"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Zorvan victims interviewed in 2019 had been exploited for another 14 months on "
            "average after their first escape.",
        )
    )
    assert found["14"].fields["unit"] == "month"


def test_a_range_of_years_ago_opens_no_number(tmp_path, knowledge):
    """'From one to two years ago': a small number in words before a time ago is no range's
    first number, and no number ('between one and five years' is a range)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "From one to two years ago, 30 victims were identified in Zorvania.",
        )
    )
    assert "1" not in found and found["30"].fields["unit"] == "person"


def test_one_of_them_speaking_after_an_apposition_counts_nothing(tmp_path, knowledge):
    """'One of them, a 17-year-old Zorvan girl, told reporters': one of them who speaks, an
    apposition between, is a speaker, as 'one of them said', no count."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Police rescued 12 women in Pelmark. One of them, a 17-year-old Zorvan girl, told "
            "reporters she had been sold twice.",
        )
    )
    assert "1" not in found and found["12"].fields["unit"] == "person"


def test_an_estimate_of_about_so_many_stays_about(tmp_path, knowledge):
    """'Un estimado de una veintena de víctimas': an estimate is no bound, and a noun of about
    so many stays about so many ('plus d'une dizaine' is more than ten)."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Un estimado de una veintena de víctimas fue rescatado en Zorvania.",
        )
    )
    assert found["20"].fields["qualifier"] == ["approximately", "estimated"]
