"""`kg extract`: rules written on the fifteenth round (from the tune split's errors), one test
per rule, on sentences composed for it (the names of people and bodies are made up)."""

from __future__ import annotations

from composed import draft_of, observations, sources


def test_as_of_a_day_without_its_year_ends_at_that_day(tmp_path, knowledge):
    """'As of 3 May, nearly 210,000 refugees have fled': a total up to that day of the
    release's year; the figures in brackets after it are of the same day."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "12 May 2023\n\nAs of 3 May, nearly 210,000 refugees have fled Zorvania (over "
            "120,000 to Pelmark and almost 45,000 to Ostravia).\n\nAs at 28 April, the agency "
            "had USD 12.5 million available for its response.",
        )
    )
    assert found["210000"].fields.get("period") == {"end": "2023-05-03"}
    assert found["120000"].fields.get("period") == {"end": "2023-05-03"}
    assert found["12500000"].fields.get("period") == {"end": "2023-04-28"}


def test_the_catch_of_an_operation_dated_in_another_language_is_of_its_days(tmp_path, knowledge):
    """'la operación Ámbar, desarrollada entre el 6 y el 11 de abril de 2021' then 'se
    rescataron 41 víctimas' (and 'l'opération ... du 4 au 9 mars 2022' then 'ont été
    interpellés'): what the one operation the text dates caught is of its days; not a
    report's figures nor the years before."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania participó en la operación Ámbar, desarrollada entre el 6 y "
            "el 11 de abril de 2021.\n\nEn Zorvania se rescataron 41 víctimas de trata y se "
            "detuvo a 12 personas.\n\nSegún el informe anual, en los años anteriores se "
            "detuvo a 300 personas.",
        )
    )
    assert found["41"].fields.get("period") == {"start": "2021-04-06", "end": "2021-04-11"}
    assert found["12"].fields.get("period") == {"start": "2021-04-06", "end": "2021-04-11"}
    assert "period" not in found["300"].fields
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La police de Zorvanie a mené l'opération Ambre du 4 au 9 mars 2022.\n\nAu total, "
            "38 passeurs ont été interpellés à la frontière.",
        )
    )
    assert found["38"].fields.get("period") == {"start": "2022-03-04", "end": "2022-03-09"}
    # a count with a time of its own, a rescue operation, a court "saisi de" (referred)
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania participó en la operación Ámbar, desarrollada entre el 4 y "
            "el 9 de marzo de 2022.\n\nEl año pasado, 38 traficantes fueron detenidos.",
        )
    )
    assert "period" not in found["38"].fields
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Le HCR a lancé une opération de secours le 4 mars 2022.\n\nAu total, 38 000 "
            "réfugiés ont été identifiés dans le pays. Le tribunal a été saisi de 38 dossiers.",
        )
    )
    assert "period" not in found["38000"].fields and "period" not in found["38"].fields


def test_the_point_of_a_number_does_not_end_the_sentence_before_its_source(tmp_path, knowledge):
    """'... has more than doubled from 300,000 to more than 1.5 million, making it ..., says
    the Zorvan Refugee Council': the point in '1.5' is no sentence's end, so the numbers
    before it are the source's too."""
    draft = draft_of(
        tmp_path,
        knowledge,
        "In one year, the number of refugees in Zorvania has grown from 300,000 to more than "
        "1.5 million, making the country host to the largest refugee emergency in the region, "
        "says the Zorvan Refugee Council (ZRC).",
    )
    found = observations(draft)
    assert sources(found["300000"]) == ["new:organization:zorvan refugee council"]
    assert sources(found["1500000"]) == sources(found["300000"])


def test_a_quote_citing_a_source_is_its_speakers_word_too(tmp_path, knowledge):
    """'"Según las cifras de la Oficina Zorvana de Estadística, se rescataron 85 víctimas",
    señala el ministerio': the figures are the cited office's and the ministry's, the body
    of that word named before; in English too ('..., the ministry said')."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "El Ministerio de Seguridad de Zorvania presentó el balance.\n\n“Según las cifras de "
            "la Oficina Zorvana de Estadística, se rescataron 85 víctimas de trata”, señala el "
            "ministerio.",
        )
    )
    assert sorted(sources(found["85"])) == [
        "new:organization:ministerio de seguridad de zorvania",
        "new:organization:oficina zorvana de estadistica",
    ]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            'The Zorvan Ministry of Security presented its figures.\n\n"According to the '
            'Zorvan Statistics Office, 85 victims of trafficking were rescued," the ministry '
            "said.",
        )
    )
    assert sorted(sources(found["85"])) == [
        "new:organization:zorvan ministry of security",
        "new:organization:zorvan statistics office",
    ]


def test_the_ministry_of_two_named_is_neither(tmp_path, knowledge):
    """'The Ministry of Health and the Ministry of Security met ... "According to the
    Statistics Office, 85 victims ...," the ministry said': which ministry is not said."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Ministry of Health and the Zorvan Ministry of Security met on Monday."
            '\n\n"According to the Zorvan Statistics Office, 85 victims of trafficking were '
            'rescued," the ministry said.',
        )
    )
    assert sources(found["85"]) == ["new:organization:zorvan statistics office"]


def test_a_time_said_after_an_aside_closes_does_not_date_its_numbers(tmp_path, knowledge):
    """'The programme – which has a budget of € 1,200,000 – will run until June 2026': the
    time is of what the sentence goes on to say, not of the aside's number; a time said in
    the aside is still its own."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The programme – which has a total budget of € 1,200,000 – will run until June "
            "2026.\n\nThe shelter – which received 340 victims in 2022 – opened a second "
            "house.",
        )
    )
    assert "period" not in found["1200000"].fields
    assert found["340"].fields.get("period") == "2022"


def test_the_day_an_event_ended_is_only_the_end_of_its_time(tmp_path, knowledge):
    """'a three-week course ..., which ended on 14 June 2023' then '210 officers took part in
    this course': those who took part are of a time that ended that day, not of that day."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Police Academy concluded a three-week course on trafficking in persons, "
            "which ended on 14 June 2023. A total of 210 officers participated in this course.",
        )
    )
    assert found["210"].fields.get("period") == {"end": "2023-06-14"}


def test_an_estimate_said_of_one_number_is_not_of_those_after_it(tmp_path, knowledge):
    """'an estimated 14,000 Zorvanians ..., while 9,000 Pelmarkers ...': the second is no
    estimate; 'La fiscalía estima en 2.400 las personas ...' is one in Spanish, and 'estima
    que' is of the numbers after it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The director said an estimated 14,000 Zorvanian workers had gone missing, while "
            "9,000 Pelmarkian workers were in the same situation.",
        )
    )
    assert found["14000"].fields["qualifier"] == ["estimated"]
    assert found["9000"].fields["qualifier"] == ["exact"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La Fiscalía de Zorvania estima en 2.400 las personas que fueron trasladadas por la "
            "banda y ya se ha contactado con 80 víctimas.\n\nLa policía estima que 500 "
            "migrantes cruzaron la frontera.",
        )
    )
    assert found["2400"].fields["qualifier"] == ["estimated"]
    assert found["80"].fields["qualifier"] == ["exact"]
    assert found["500"].fields["qualifier"] == ["estimated"]
    # the verb is of every number its sentence says; "estime" the noun is no estimate
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan office estimated 25,000 people had left the country and 3,000 had "
            "returned.\n\nLe programme d'estime de soi de Zorvanie a accueilli 300 victimes.",
        )
    )
    assert found["3000"].fields["qualifier"] == ["estimated"]
    assert found["300"].fields["qualifier"] == ["exact"]


def test_a_range_of_years_or_a_closing_day_set_before_a_sentence_holds_for_the_next(
    tmp_path, knowledge
):
    """'From 2015-2019, 380 survivors were sent ... A total of 97 survivors were returned
    from six countries.' and 'This year, by 31 July 2023, the police had arrested 52
    smugglers. 30 smugglers were taken into custody.': the next sentence, saying no time of
    its own, is of the time set before."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "From 2015-2019, 380 survivors of exploitation were sent to the Zorvan centre. "
            "A total of 97 survivors were returned from six countries.\n\nThis year, by 31 "
            "July 2023, the Zorvan police had arrested 52 migrant smugglers. 30 migrant "
            "smugglers were taken into custody.",
        )
    )
    assert found["97"].fields.get("period") == {"start": "2015", "end": "2019"}
    assert found["30"].fields.get("period") == {"start": "2023-01-01", "end": "2023-07-31"}
    # a target by a year is no time a count runs to
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "By 2030, the Zorvan government aims to resettle 50,000 refugees. 12,000 refugees "
            "were resettled.",
        )
    )
    assert "period" not in found["12000"].fields


def test_a_source_named_after_its_verb_and_a_day_in_french_and_spanish(tmp_path, knowledge):
    """'..., a annoncé mardi 5 novembre l'Organisation internationale pour les migrations
    (OIM)': the day between the verb and the source, and the source's full name in capitals
    before the acronym in brackets."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Au moins 40 personnes sont mortes au large de la Zorvanie après le naufrage de "
            "leur bateau, a annoncé mardi 5 novembre l'Organisation internationale pour les "
            "migrations (OIM).",
        )
    )
    assert sources(found["40"]) == ["iom"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Al menos 40 personas murieron frente a las costas de Zorvania, informó el martes "
            "5 de noviembre la Organización Internacional para las Migraciones (OIM).",
        )
    )
    assert sources(found["40"]) == ["iom"]


def test_deaths_count_people(tmp_path, knowledge):
    """'at least 640 deaths on the route': what happened to each of 640 people, counted as
    people, as rescues and returns are."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan Migration Office recorded at least 640 deaths on the desert route.",
        )
    )
    assert found["640"].fields["unit"] == "person"


def test_this_represents_says_the_count_before_another_way(tmp_path, knowledge):
    """'... at least 900 people died on the route in 2021 and 2022. This represents more than
    35 deaths a month': the count before said another way, of its time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Data suggests that at least 900 people died crossing Zorvania in 2021 and 2022.\n\n"
            "This represents more than 35 deaths a month, the Zorvan Migration Office said.",
        )
    )
    assert found["35"].fields.get("period") == {"start": "2021", "end": "2022"}
    # another count in that sentence is not the one before said another way
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "At least 900 people died crossing Zorvania in 2021 and 2022.\n\nThis represents "
            "twice the 400 deaths recorded over the previous decade.",
        )
    )
    assert found["400"].fields.get("period") != {"start": "2021", "end": "2022"}


def test_a_quoted_phrase_between_a_number_and_its_source(tmp_path, knowledge):
    """'Some 40 migrants arrive on the island every day, “making it the busiest crossing in
    the region”, the Zorvan Migration Office (ZMO) said in a statement': the source of the
    number, past the quoted phrase."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Some 40 migrants arrive on the island every day, “making it the busiest crossing "
            "in the region”, the Zorvan Migration Office (ZMO) said in a statement.",
        )
    )
    assert sources(found["40"]) == ["new:organization:zorvan migration office"]


def test_buses_count_buses(tmp_path, knowledge):
    """'42 buses': the singular of 'buses' is 'bus'."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan police stopped and searched 42 buses at the border post.",
        )
    )
    assert found["42"].fields["unit"] == "bus"


def test_checkpoints_and_checks_in_spanish_and_french(tmp_path, knowledge):
    """'se instalaron 14 puestos de control' counts checkpoints (the phrase stops at
    'puestos'), 'unos 8.000 controles' checks; 'postes de contrôle' too."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Durante el operativo en Zorvania se instalaron 14 puestos de control y se "
            "realizaron unos 8.000 controles en las bases de datos.",
        )
    )
    assert found["14"].fields["unit"] == "checkpoint"
    assert found["8000"].fields["unit"] == "check"
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La police de Zorvanie a installé 9 postes de contrôle à la frontière.",
        )
    )
    assert found["9"].fields["unit"] == "checkpoint"


def test_a_part_of_which_said_with_a_verb_counts_what_its_whole_counts(tmp_path, knowledge):
    """'90 investigations, of which 30 concerned children': 30 investigations (the verb is no
    adjective of 'children'); 'of whom 80 were women' still counts people."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan police opened 90 investigations, of which 30 concerned children.\n\n"
            "The shelter hosted 120 victims, of whom 80 were women.",
        )
    )
    assert found["30"].fields["unit"] == "investigation"
    assert found["80"].fields["unit"] == "person"


def test_about_so_many_said_by_a_noun_of_the_number(tmp_path, knowledge):
    """'une trentaine de personnes', 'una decena de migrantes', 'uma centena de pessoas':
    about 30, 10 and 100 people; 'una cuarentena de 14 días' is a quarantine, no count."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La pirogue avait à son bord une trentaine de personnes au large de la Zorvanie.",
        )
    )
    assert found["30"].fields["unit"] == "person"
    assert found["30"].fields["qualifier"] == ["approximately"]
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "La policía de Zorvania detuvo a una decena de migrantes y los sometió a una "
            "cuarentena de catorce días.",
        )
    )
    assert found["10"].fields["qualifier"] == ["approximately"]
    assert "40" not in found
    found = observations(
        draft_of(tmp_path, knowledge, "A polícia resgatou uma centena de pessoas na Zorvânia.")
    )
    assert found["100"].fields["qualifier"] == ["approximately"]
    # a quarantine in French too; a multiple after the noun is no count of a hundred
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Ils ont été placés en quarantaine pendant une quarantaine de jours.\n\nUne "
            "centaine de milliers de personnes ont fui la Zorvanie.",
        )
    )
    assert "40" not in found and "100" not in found


def test_so_many_of_them_counts_what_the_number_before_counts(tmp_path, knowledge):
    """'the 2.1 million Zorvanians ... More than 300,000 of them are still refugees' (and
    'Plus de 300.000 d'entre eux sont toujours réfugiés'): people, as the number before
    counts, not the word after 'them'."""
    for text in (
        "Nearly half of the 2.1 million Zorvanians were forced to flee. More than 300,000 of "
        "them are still refugees abroad.",
        "Près de la moitié des 2,1 millions de Zorvaniens ont été forcés de fuir. Plus de "
        "300.000 d'entre eux sont toujours réfugiés à l'étranger.",
    ):
        found = observations(draft_of(tmp_path, knowledge, text))
        assert found["300000"].fields["unit"] == "person"
    # "them" of a sentence of two counts is not said: not the raids; "of these victims" says
    # its own noun
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan police rescued 45 victims in 3 raids. Twelve of them were children.\n\n"
            "The Zorvan shelter recorded 120 cases last year. 30 of these victims were children.",
        )
    )
    assert found["12"].fields["unit"] != "raid"
    assert found["30"].fields["unit"] == "person"


def test_a_day_of_a_month_without_its_year_counts_nothing(tmp_path, knowledge):
    """'a annoncé mardi 7 mai', 'un accord signé le 18 juin', 'el 9 de marzo': days,
    no counts."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Les 410 réfugiés ont été rapatriés dans le cadre d'un accord signé le 18 juin entre "
            "la Zorvanie et le HCR, a annoncé mardi 7 mai l'agence.",
        )
    )
    assert "410" in found
    assert "18" not in found and "7" not in found
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "El acuerdo firmado el 9 de marzo permitió el retorno de 85 migrantes a Zorvania.",
        )
    )
    assert "85" in found and "9" not in found


def test_small_numbers_in_words_of_a_list_of_yearly_counts(tmp_path, knowledge):
    """'There were five cases logged in 2015, two in 2016, and one was noted in 2017':
    each a count of cases in its year, though 'two' and 'one' have no noun of their own; not
    'two in 2016' with no count before it."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan police said there were five cases logged in 2015, two in 2016, and "
            "one was noted in 2017.",
        )
    )
    assert found["2"].fields["unit"] == "case"
    assert found["2"].fields.get("period") == "2016"
    assert found["1"].fields.get("period") == "2017"
    assert not draft_of(tmp_path, knowledge, "The minister met two in 2016.").observations
    # a year is no count, and an item that goes on past its year is no item of the list
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan shelter opened in 2015 as a pilot, and one was added in 2021.\n\nThe "
            "minister visited 12 countries in 2019 and met one in 2020 who had been trafficked.",
        )
    )
    assert "1" not in found


def test_a_day_something_closed_on_is_still_that_days(tmp_path, knowledge):
    """'The border closed on 3 March 2021, and 300 migrants were stranded': the day of the
    closing, not the end of a time."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "The Zorvan border closed on 3 March 2021, and 300 migrants were stranded there.",
        )
    )
    assert found["300"].fields.get("period") == "2021-03-03"


def test_the_words_after_a_post_and_a_day_after_such_as_stay_in_their_place(tmp_path, knowledge):
    """'Se crearon 14 puestos. De control se encargará ...': the words after the sentence's
    end do not make the posts checkpoints; 'such as at 3 May' sets no day a total runs to."""
    found = observations(
        draft_of(
            tmp_path,
            knowledge,
            "Se crearon 14 puestos. De control se encargará la policía de Zorvania.\n\n"
            "Partners such as at 3 May the Zorvan shelter hosted 40 victims.",
        )
    )
    assert found["14"].fields["unit"] != "checkpoint"
    assert "period" not in found["40"].fields
