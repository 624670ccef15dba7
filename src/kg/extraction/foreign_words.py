"""The words of Spanish, French and Portuguese releases that the drafting rules read beside
their English ones: what a number counts ("327 casos", "86 candidats", "22 crianças"), how it
is qualified ("más de", "plus de", "pelo menos"), when it was ("de enero a mayo de 2022", "le
13 octobre 2025", "em setembro de 2019", "desde 2017") and who says it ("según datos del
Observatorio", "selon l'OIM", "la Policía informó").

Migration in Mexico and Latin America, West and Central Africa, Haiti, Brazil and Lusophone
Africa is often reported in these languages only. The rules keep their English grammar; these
are the words they need to read the three others' numbers. Most of them mean the same in any
of the four languages' texts they may appear in and are read in every text; those that do not
(numbers in words and figures, plural demonyms, countries' names) only in a text of their
language (`language_of`).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from kg.extraction.foreign_nouns import english_unit
from kg.extraction.foreign_year_words import YEARS_IN, YEARS_START
from kg.folding import fold

LANGUAGES = ("es", "fr", "pt")  # the languages besides English whose words the rules read
# The commonest words of English and of the three others: a text where English's are one
# word in thirty, or outnumber the others', is English, and the language model is not loaded
# for it (the seeds, most releases; a brief that names "Instituto Nacional de Migración").
_ENGLISH_WORDS = """the of and to in is was were for that with on by at from as are has have had
    its their this it be been after who which near"""
_OTHER_WORDS = """de la el los las y en que del por con para un una se al les des et le du est
    dans une sur pour au aux qui os as da do dos das em não com uma pelo pela"""
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_OTHERS = frozenset(_OTHER_WORDS.split())


def language_of(text: str) -> str:
    """The language a release is written in: "en", or one of LANGUAGES as py3langid
    identifies it among those four (a release in another language is read as English)."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].casefold())
    english = sum(w in _ENGLISH for w in words)
    if not words or english * 30 >= len(words) or english > sum(w in _OTHERS for w in words):
        return "en"
    from py3langid.langid import rank  # (its model loads in about a second, once)

    return next(code for code, _ in rank(text) if code in ("en", *LANGUAGES))


def warm() -> None:
    """Load the language model now (a process that drafts many releases: start-up, not the
    first release in another language)."""
    from py3langid.langid import rank

    rank("Las autoridades rescataron a las víctimas")


# What one counted thing is, by the noun after the number, singular or plural (folded: case
# and accents ignored). People first: the releases count people most.
_PEOPLE = """
    persona personas migrante migrantes victima victimas nino ninos nina ninas adolescente
    adolescentes menor menores mujer mujeres hombre hombres varon varones refugiado refugiados
    refugiada refugiadas solicitante solicitantes trabajador trabajadores trabajadora
    trabajadoras connacional connacionales extranjero extranjeros extranjera extranjeras
    detenido detenidos detenida detenidas sospechoso sospechosos tratante tratantes traficante
    traficantes retornado retornados repatriado repatriados deportado deportados rescatado
    rescatados participante participantes funcionario funcionarios funcionarias joven jovenes
    individuo individuos ciudadano ciudadanos ciudadanas habitante habitantes pasajero
    pasajeros indocumentado indocumentados familiares integrante integrantes
    personne personnes migrants migrante victime victimes enfant enfants femme femmes homme
    hommes mineur mineurs mineures refugie refugies refugiee refugiees demandeur demandeurs
    candidat candidats rapatrie rapatries ressortissant ressortissants passager passagers
    trafiquant trafiquants passeur passeurs individu individus jeune jeunes fille filles
    garcon garcons travailleur travailleurs travailleuse travailleuses participants suspect
    suspects policier policiers fonctionnaire fonctionnaires eleve eleves
    pessoa pessoas vitima vitimas crianca criancas mulher mulheres homem homens menino meninos
    menina meninas jovem jovens cidadao cidadaos estrangeiro estrangeiros suspeito suspeitos
    detido detidos passageiro passageiros trabalhadores
    mexicanos hondurenos guatemaltecos salvadorenos nicaraguenses venezolanos haitianos
    cubanos colombianos ecuatorianos centroamericanos haitiens guineens senegalais maliens
    ivoiriens camerounais nigeriens nigerians congolais burkinabes brasileiros angolanos
    mocambicanos inmigrante inmigrantes emigrante emigrantes adulto adultos adulte adultes
    desplazado desplazados deplace deplaces deslocado deslocados extracontinentales bebe bebes
    arrestado arrestados arrestada arrestadas capturado capturados capturada capturadas
    aprehendido aprehendidos conductor conductores chofer choferes cidada cidadas
    rapariga raparigas resgatado resgatados resgatada resgatadas preso presos imigrante imigrantes
    interpelle interpelles detida detidas estrangeiras survivante survivantes
"""
UNIT_WORDS: dict[str, str] = {word: "person" for word in _PEOPLE.split()}
for _unit, _words in (
    ("case", "caso casos cas"),
    ("complaint", "denuncia denuncias plainte plaintes"),
    ("investigation", "investigacion investigaciones enquete enquetes investigacao investigacoes"),
    ("arrest", "arresto arrestos detencion detenciones arrestation arrestations detencao"),
    ("country", "pais paises pays"),
    ("family", "familia familias famille familles"),
    ("organization", "organizacion organizaciones organisation organisations organizacao"),
    ("km", "kilometro kilometros kilometre kilometres quilometro quilometros"),
    ("month", "mes meses mois"),
    ("city", "ciudad ciudades ville villes cidade cidades"),
    ("municipality", "municipio municipios municipalite municipalites"),
    ("offence", "infraccion infracciones infraction infractions delito delitos infracao"),
    ("day", "dia dias jour jours"),
    ("us-dollar", "dolar dolares"),
    ("euro", "euros"),
    ("brazilian-real", "reais"),
    # ("dos operativos", "dos acciones", "un autobús", "cuatro cartuchos")
    ("operation", "operativo operativos operacion operaciones operacao operacoes accion acciones"),
    ("vehicle", "vehiculo vehiculos vehicule vehicules veiculo veiculos autobus autobuses"),
    ("shelter", "albergue albergues refugio refugios abrigo abrigos foyer foyers"),
    ("mobile-phone", "telefono telefonos celular celulares telephone telephones"),
    ("home", "vivienda viviendas domicilio domicilios casa casas maison maisons"),
    ("company", "empresa empresas entreprise entreprises"),
    ("kilogram", "kilo kilos kilogramo kilogramos kilogramme kilogrammes quilo quilos"),
    ("hour", "hora horas heure heures"),
    ("week", "semana semanas semaine semaines"),
    ("year", "ano anos annee annees ans"),
    # (nouns the domain's figures count, as the English gold names them; not the words
    # English spells alike: "40 province officials" counts officials)
    ("flight", "vuelo vuelos voo voos"),  # (not "vol": a flight or a theft)
    ("continent", "continente continentes"),
    ("boat", "embarcacion embarcaciones barco barcos bateau bateaux barque barques lancha lanchas"),
    ("shipwreck", "naufragio naufragios naufrage naufrages"),
    ("state", "estado estados etat etats"),
    ("region", "regiones regiao regioes"),
    ("province", "provincia provincias"),
    ("passport", "pasaporte pasaportes passeport passeports passaporte passaportes"),
    ("project", "proyecto proyectos projet projets projeto projetos"),
    ("report", "informe informes rapport rapports relatorio relatorios"),
    ("nationality", "nacionalidad nacionalidades nationalite nationalites nacionalidade"),
    ("village", "aldea aldeas aldeia aldeias"),
    ("check", "control controles controle controles"),  # ("48.000 controles", "contrôles")
    # (police officers, soldiers: people)
    (
        "person",
        "policia policias agente agentes elementos oficiales gendarme gendarmes "
        "policier policiers militares soldados soldats "
        # (survivors, infants)
        "sobreviviente sobrevivientes superviviente supervivientes survivant survivants "
        "sobrevivente sobreviventes nourrisson nourrissons lactante lactantes "
        # (members, fellow nationals, suspects, prosecutors: "15 miembros de esta banda")
        "miembro miembros membre membres membro membros compatriota compatriotas compatriote "
        "compatriotes sujeto sujetos fiscales procureurs procuradores",
    ),
    ("arrest", "captura capturas"),  # ("cuatro capturas")
    ("case", "processo processos"),  # ("24 processos-crime": criminal cases)
):
    UNIT_WORDS.update(dict.fromkeys(_words.split(), _unit))


# A checkpoint, named by a post and what it is for ("doce puestos de control", "postes de
# contrôle", "postos de controle"): not "puestos de trabajo", jobs.
CHECKPOINTS = {
    f"{post} de {check}"
    for post in ("puesto", "puestos", "punto", "puntos", "poste", "postes", "posto", "postos")
    for check in ("control", "controle")
}
# "5 capturas de pantalla", "capturas de tela": screenshots, no arrests ("cuatro capturas").
SCREENSHOTS = {f"{c} de {s}" for c in ("captura", "capturas") for s in ("pantalla", "tela")}
# Words before the noun in these languages ("presuntos traficantes", "otras 20 personas",
# "potenciais vítimas"; the elided "d'" of "millions d'euros"): the noun is the next word.
_BEFORE_THE_NOUN = """
    presunto presuntos presunta presuntas supuesto supuestos supuestas posible posibles
    potencial potenciales potenciais potentiel potentiels otro otros otra otras autre autres
    outro outros outra outras nuevo nuevos nuevas nouveau nouveaux nouvelles novo novos novas
    presumes presumees presumidos alegados d l"""
BEFORE_THE_NOUN = frozenset(_BEFORE_THE_NOUN.split())
# Plural demonyms as the three languages write them, in lower case ("venezolanos",
# "hondureños", "guatemaltecos", "franceses", "haïtiens", "namibianos"): people.
DEMONYM = re.compile(r"[a-z]{3,}(?:an[oa]s|en[oa]s|enses|eses|ec[oa]s|iens|iennes|eiras|aias)")
_NOT_DEMONYMS = """
    humanos humanas ancianos vecinos hermanos jamais semanas semaines centaines dizaines
    douzaines certaines certains prochains prochaines humains humaines caminos destinos
    terrenos veranos intereses ventanas mananas quotidiens anciens terrains meticais reais
    entretiens liens biens moyens gardiens primeiras carteiras fronteiras bandeiras maneiras
"""
NOT_DEMONYMS = frozenset(_NOT_DEMONYMS.split())


def unit_word(
    head: str | None, phrase: str | None, language: str = "en", after: str = ""
) -> str | None:
    """The unit a Spanish, French or Portuguese noun after a number counts in, or None: the
    phrase's first word, as these languages set the noun before what describes it ("200 cas
    liés à la traite", "64 individus ont été interpellés"), or its last; a plural demonym
    of those languages in a release written in one of them. `after`: the text after the
    phrase."""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", phrase or "")[:3]]
    while len(words) > 1 and words[0] in BEFORE_THE_NOUN:
        words = words[1:]
    # (the phrase may stop at the noun: "puestos" before "de control")
    # (the words of its own sentence: not "Se crearon 14 puestos. De control se encargará")
    following = [fold(w) for w in re.findall(r"[^\W\d_]+", re.split(r"[.;:]", after[:30])[0])][:2]
    if " ".join((words + following)[:3]) in CHECKPOINTS:
        return "checkpoint"
    if " ".join((words + following)[:3]) in SCREENSHOTS:
        return None
    foreign = language in LANGUAGES
    for k, word in enumerate((words[0] if words else None, fold(head) if head else None)):
        if word in UNIT_WORDS:
            return UNIT_WORDS[word]
        # the other nouns the field counts, in English ("cuatro cartuchos": cartridge), by
        # their lemma; the phrase's own noun first ("6 425 retour de migrants": return)
        said = (words + following)[:3] if k == 0 else [word]
        if foreign and word and (unit := english_unit(said)):
            return unit
    if foreign and words and DEMONYM.fullmatch(words[0]) and words[0] not in NOT_DEMONYMS:
        return "person"
    return None


# "un hombre de 46 años", "des enfants âgés de 8 à 14 ans", "entre sete e 13 anos": ages (and
# the spans of a law or project), no counts; a prison term is one ("10 años de prisión").
AGES = re.compile(
    r"(?<![\w.,])\d{1,3}\s+(?:años|anos|ans)\b(?!\s+(?:de\s+)?(?:cárcel|prisión|prisão|prison|"
    r"réclusion|reclusión|reclusão))",
    re.I,
)


# The wordings before a number that qualify it, by qualifier (lower case, as the rules compare
# them); added to the English ones.
# ("más del 90%", "plus du tiers", "mais do que": "de" with the article, contracted)
QUALIFIERS = {
    "more-than": r"más del?|plus d(?:[eu]|['’])|mais (?:do que|d[eoa])|por encima del?|"
    # ("la cifra total superará los 3 millones": exceeds, as English's "exceeds 300")
    r"supera(?:n|rá|rán|ron|ba|ban)?(?:\s+(?:los|las))?|superó(?:\s+(?:los|las))?|"
    r"dépass(?:e|ent|era|ait|é)(?:\s+les)?|ultrapass(?:a|am|ou|aram|ará)(?:\s+(?:os|as))?",
    "at-least": r"al menos|por lo menos|au moins|pelo menos|ao menos",
    "approximately": r"alrededor del?|cerca del?|aproximadamente|unos|unas|casi|environ|"
    r"près d(?:[eu]|['’])|presque|quelque|quase|por volta d[eoa]|en torno al?",
    "estimated": r"un estimado de|unos estimados|estimadamente",
    "less-than": r"menos del?|moins d(?:[eu]|['’])",
    "at-most": r"hasta|jusqu['’]à|até|no más de|como máximo",
}

# Those verbs of exceeding say "more than" only of a count, their subject ("la cifra total
# ... superará los 5 millones", "le nombre ... dépasse les 300"), not of what passed it ("los
# migrantes superaron 3 controles", "le camion a dépassé 2 barrages").
EXCEEDING = re.compile(r"\b(?:supera\w*|superó|dépass\w*|ultrapass\w*)(?:\s+\w{2,3})?\s*$")
A_COUNT = re.compile(
    r"\b(?:cifras?|n[úu]meros?|total|nombre|chiffres?|quantidade|cantidad|bilan|balance)\b"
)

# "92 son menores": the noun counted after a verb "to be".
TO_BE = r"son|eran|fueron|sont|étaient|são|eram|foram"

MONTHS = {
    **dict.fromkeys(("enero", "janvier", "janeiro"), 1), **dict.fromkeys(("abril", "avril"), 4),
    **dict.fromkeys(("febrero", "février", "fevereiro"), 2), **dict.fromkeys(("agosto", "août"), 8),
    **dict.fromkeys(("marzo", "mars", "março"), 3), **dict.fromkeys(("mayo", "mai", "maio"), 5),
    **dict.fromkeys(("junio", "juin", "junho"), 6),
    **dict.fromkeys(("julio", "juillet", "julho"), 7),
    **dict.fromkeys(("septiembre", "setiembre", "septembre", "setembro"), 9),
    **dict.fromkeys(("octubre", "octobre", "outubro"), 10),
    **dict.fromkeys(("noviembre", "novembre", "novembro"), 11),
    **dict.fromkeys(("diciembre", "décembre", "dezembro"), 12),
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_OF = r"(?:\s+(?:de|del|do|d['’]))?\s+"  # "mayo de 2022", "mai 2022", "maio de 2022"
_DAY_OF = r"(?:\s+de)?\s+"  # "25 de septiembre", "13 octobre"
_TO = r"\s*(?:a|al|à|au|y|et|e|hasta|jusqu['’]à|até|-|\u2013)\s*"

# Times said in words of the three languages, longest first: a span of months of one year, a
# day, a span of years, a start, a month, a year, a half or quarter of a year.
TIMES = re.compile(
    # (the first month left out: "entre 2020 y octubre de 2023", from the year's start)
    rf"\b(?:de|desde|entre|du|do)\s+(?:(?P<am>{_MONTH}){_OF})?(?P<ay>{_YEAR}){_TO}"
    rf"(?P<bm>{_MONTH}){_OF}(?P<by>{_YEAR})"
    # ("del 29 de noviembre al 3 de diciembre de 2021", "du 29 novembre au 3 décembre 2021":
    # days of two months, the first month's year that of the second, or the one before)
    rf"|\b(?:del?|du|desde|entre(?:\s+el)?|do)\s+(?P<e1>\d{{1,2}})(?:er|º)?{_DAY_OF}"
    rf"(?P<em1>{_MONTH})(?:{_OF}(?P<ey1>{_YEAR}))?{_TO}(?:el\s+|le\s+|o\s+)?"
    rf"(?P<e2>\d{{1,2}})(?:er|º)?{_DAY_OF}(?P<em2>{_MONTH}){_OF}(?P<ey2>{_YEAR})"
    rf"|\b(?:del?|du|desde|entre(?:\s+el)?|do|les|los|os)\s+(?P<d1>\d{{1,2}})(?:er|º)?{_TO}"
    r"(?:el\s+|le\s+|o\s+)?"
    rf"(?P<d2>\d{{1,2}}){_DAY_OF}(?P<ddm>{_MONTH}){_OF}(?P<ddy>{_YEAR})"
    rf"|\b(?:(?:de|desde|entre|du|d['’]|do)\s+)?(?P<m1>{_MONTH}){_TO}(?:en\s+|em\s+)?(?P<m2>{_MONTH}){_OF}"
    rf"(?P<y1>{_YEAR})"
    rf"|\b(?P<d>\d{{1,2}})(?:er|º)?{_DAY_OF}(?P<dm>{_MONTH}){_OF}(?P<dy>{_YEAR})"
    # ("entre 2009 y 2014", "entre finais de 2016 e 2018", "del 2009 al 2014"; "del 2009 y 2014": 2)
    rf"|\b(?:(?P<among>entre(?:\s+el)?|de)|del|desde(?:\s+el)?|du|do)\s+(?P<a>{_YEAR})"
    rf"(?(among){_TO}|(?!\s*(?:y|e|et)\s){_TO})(?:el\s+)?(?P<b>{_YEAR})"
    rf"|\b(?:desde|depuis|dès)\s+(?:{YEARS_START})?(?:(?P<sm>{_MONTH}){_OF})?(?P<sy>{_YEAR})"
    rf"|\b(?P<mm>{_MONTH}){_OF}(?P<my>{_YEAR})"
    rf"|\b(?:en|em|durante|durant|pendant|no\s+ano\s+de|(?:en|durante)\s+el\s+año|{YEARS_IN}|"
    # ("Para el año 2018, fueron rescatadas 24", "Pour l'année 2019", "Para o ano de 2021")
    rf"para\s+el\s+año|pour\s+l['’]année|para\s+o\s+ano(?:\s+de)?|en\s+l['’]an)\s+(?P<y>{_YEAR})"
    # ("los 137 de 2019": a year right after a number is its own)
    rf"|(?<=\d\s)de\s+(?P<ny>{_YEAR})"
    rf"|\b(?:el\s+|le\s+|o\s+)?(?P<part>primer|premier|primeiro|segundo|second|deuxième)\s+"
    rf"(?P<kind>semestre|trimestre){_OF}(?:l['’]ann[ée]e\s+|(?:el\s+)?año\s+|o\s+ano\s+)?(?P<py>{_YEAR})",
    re.I,
)


def _month(name: str) -> int:
    return MONTHS[name.casefold()]


def foreign_times(text: str, s0: int, s1: int) -> list[tuple[int, int, dict]]:
    """The times TIMES says in [s0, s1): (start, end, {"start": ..., "end": ...})."""
    out = []
    for m in TIMES.finditer(text, s0, s1):
        g = m.groupdict()
        if g["ay"]:
            value = {
                "start": f"{g['ay']}-{_month(g['am']):02d}" if g["am"] else g["ay"],
                "end": f"{g['by']}-{_month(g['bm']):02d}",
            }
        elif g["e1"]:
            m1, m2, y2 = _month(g["em1"]), _month(g["em2"]), int(g["ey2"])
            y1 = int(g["ey1"]) if g["ey1"] else y2 - (m1 > m2)
            try:  # ("del 29 de febrero de 2023": no such day)
                first = dt.date(y1, m1, int(g["e1"]))
                last = dt.date(y2, m2, int(g["e2"]))
            except ValueError:
                continue
            value = {"start": first.isoformat(), "end": last.isoformat()}
        elif g["d1"]:
            month = f"{g['ddy']}-{_month(g['ddm']):02d}"
            if not 1 <= int(g["d1"]) < int(g["d2"]) <= 31:
                continue
            value = {"start": f"{month}-{int(g['d1']):02d}", "end": f"{month}-{int(g['d2']):02d}"}
        elif g["m1"]:
            y = g["y1"]
            value = {"start": f"{y}-{_month(g['m1']):02d}", "end": f"{y}-{_month(g['m2']):02d}"}
        elif g["d"]:
            if not 1 <= int(g["d"]) <= 31:
                continue
            day = f"{g['dy']}-{_month(g['dm']):02d}-{int(g['d']):02d}"
            value = {"start": day, "end": day}
        elif g["a"]:
            value = {"start": g["a"], "end": g["b"]}
        elif g["sy"]:  # ("depuis le début de 2018": its January)
            began = re.search(YEARS_START, m[0], re.I) and not g["sm"]
            value = {"start": f"{g['sy']}-{_month(g['sm']):02d}" if g["sm"] else g["sy"]}
            value = {"start": f"{g['sy']}-01"} if began else value
        elif g["mm"]:
            month = f"{g['my']}-{_month(g['mm']):02d}"
            value = {"start": month, "end": month}
        elif g["y"] or g["ny"]:
            value = {"start": g["y"] or g["ny"], "end": g["y"] or g["ny"]}
        else:
            first = g["part"].casefold() in ("primer", "premier", "primeiro")
            months = 6 if g["kind"].casefold() == "semestre" else 3
            end = months if first else 2 * months
            value = {
                "start": f"{g['py']}-{end - months + 1:02d}",
                "end": f"{g['py']}-{end:02d}",
            }
        out.append((m.start(), m.end(), value))
    return out


# "en el kilómetro 27.5 de la autopista", "km 45": a point on a road, no count
ROAD_MARKER = re.compile(
    r"\b(?:kil[óo]metro|quil[óô]metro|kilom[èe]tre|kilometre|km)\s+\d+(?:[.,]\d+)?", re.I
)


# A day of a month without its year ("mardi 6 mai", "signé le 17 mars", "el 6 de
# febrero", "em 4 de novembro").
# (days listed before their month too: "entre 10 e 17 de junho", "les 15 et 16 juin")
DAY_OF_A_MONTH = re.compile(
    r"(?<![\w.,])\d{1,2}(?:er|º)?(?:(?:\s*,\s*|\s+(?:y|e|et|a|al|au|à)\s+(?:el\s+|le\s+|o\s+)?)"
    rf"\d{{1,2}}(?:er|º)?){{0,6}}{_DAY_OF}{_MONTH}\b",  # (a few days: not a long list's numbers)
    re.I,
)


def not_counts(text: str) -> list[tuple[int, int]]:
    """Where `text` says a day of a month in words of the three languages ("le 13 octobre
    2025", "el 25 de septiembre de 2025", "mardi 6 mai"), an age (AGES) or a point on a
    road (ROAD_MARKER): their figures count nothing."""
    return [m.span() for m in TIMES.finditer(text) if m["d"] or m["d1"]] + [
        m.span() for pattern in (AGES, ROAD_MARKER, DAY_OF_A_MONTH) for m in pattern.finditer(text)
    ]


# The heads of people's roles ("Euphrasie Aka, coordinatrice régionale de ...", "Carola
# Arraya, directora general de ..."), folded; not "secretaria" and "coordinadora", which head
# bodies' names too (Secretaría de ..., Coordinadora ...).
_ROLES = """
    director directora directeur directrice diretor diretora ministro ministra ministre
    coordinador coordinateur coordinatrice coordenador coordenadora jefe jefa chef chefe
    portavoz vocero vocera porte-parole porta-voz presidenta presidente comisionado comisionada
    commissaire comissario procurador procuradora procureur representante representant
    subdirector subdirectora alcalde alcaldesa maire prefeito gobernador
    gobernadora gouverneur governador delegado delegada delegue comandante commandant
    secretario secretaire encargado encargada responsable asesor asesora conseiller
    conseillere assessor assessora especialista juez jueza juge juiz juiza titular
    magistrado magistrada magistrat
"""
ROLES = frozenset(_ROLES.split())
# Verbs of speech before or after a person's name ('"...", a déclaré Ramata Diallo', "dijo
# Carola Arraya", "explicou Alves Mate")
SPEECH_VERBS = (
    r"dijo|afirmó|señaló|explicó|indicó|aseguró|declaró|agregó|añadió|destacó|precisó|confirmó|"
    # ("a, par ailleurs, expliqué", "a également déclaré": a word or an aside before the verb)
    r"subrayó|comentó|manifestó|expresó|sostuvo|a(?:\s*,[^,.;]{1,25},|\s+(?:également|aussi|"
    r"notamment|encore|ensuite|enfin))?\s+(?:déclaré|indiqué|expliqué|précisé|affirmé|souligné|"
    r"ajouté|annoncé|confirmé|rappelé|révélé|signalé|relevé|fait\s+savoir)|déclare|explique|"
    r"souligne|disse|afirmou|explicou|referiu|acrescentou|declarou|sublinhou|salientou|confirmou|"
    # (a report's verbs, as the English "reported", "announced")
    r"informó|detalló|anunció|reveló|reportó|advirtió|puntualizó|informou|revelou|anunciou|"
    r"detalhou|adiantou"
)

# A police operation in the three languages ("la operación Turquesa", "l'opération", "a
# operação"), and the verbs that tell what it caught ("se detuvo a 216 personas", "se
# rescataron 127 víctimas", "ont été interpellés", "foram resgatadas"): the catch of the one
# operation a text dates to its days is of those days, as in English.
OPERATION_NOUN = re.compile(
    r"\b(?:[Oo]peraci[oó]n|[Oo]perativo|[Oo]p[ée]ration|[Oo]pera[çc][ãa]o)(?:es|s|ões)?\b"
    # a police operation: by its name, what it is or whose ("la operación Turquesa",
    # "l'opération policière", "a operação da Europol"), not "une opération de secours", "una
    # operación de paz"
    r"(?:(?=\s+(?:[«\"“]?[A-ZÁÉÍÓÚÑ]|polic|conjunt|conjoint|internacional|international|"
    r"denominad|baptis|(?:d[aeo]l?|du|de\s+la|de\s+l['’])\s*[A-ZÁÉÍÓÚÑ]))"
    # (or the one told before: "esta operación", "cette opération", "desta operação")
    r"|(?<=[Ee]sta\soperación)|(?<=[Cc]ette\sopération)|(?<=[Dd]esta\soperação)"
    r"|(?<=[Dd]icha\soperación))"
)
CAUGHT_VERB = re.compile(
    r"\bse\s+(?:identific|rescat|detuv|detuvo|detect|arrest|aprehend|incaut|liber|desarticul)"
    r"\w*|\b(?:fueron|han\s+sido|ont\s+été|a\s+été|foram|fora)\s+(?:\w+\s+)?"
    r"(?:detenid|rescatad|identificad|arrestad|aprehendid|liberad|incautad|arrêté|interpellé|"
    # ("saisis", "saisies": seized; not "le tribunal a été saisi de", referred to)
    r"secouru|identifié|libéré|saisi[es]|presos|presas|detid|resgatad|identificad|apreendid|"
    r"libertad)\w*",
    re.I,
)
# What places a catch outside the operation's days, as NOT_ITS_CATCH in English: a report's
# figures, the world's, the years before, what followed.
NOT_ITS_CATCH = re.compile(
    r"\b(?:informes?|rapports?|relatórios?|a\s+nivel\s+mundial|en\s+todo\s+el\s+mundo|"
    r"dans\s+le\s+monde|no\s+mundo|anteriores?|antérieur\w*|desde|depuis|años|années|anos|"
    r"después|après|depois|tras|"
    # a time of its own, as TIME_WORDS in English ("El año pasado, 38 traficantes fueron
    # detenidos", "L'an dernier", "durante el último año", "en 2021")
    r"año|l['’]an|un\s+an|année|ano|mes|mois|mês|semana|semaine|ayer|hier|ontem|(?:19|20)\d\d)\b",
    re.I,
)

# "según datos del Observatorio ...", "selon l'OIM", "segundo a polícia", "de acuerdo con la
# OIM": the source set before what it says. ("segundo" only where no article makes it "the
# second": "el segundo informe".)
ACCORDING_TO = re.compile(
    r"\b(?:según|de\s+acuerdo\s+(?:con|a)|conforme\s+a|selon|d['’]après|de\s+acordo\s+com|"
    r"(?<!\bo\s)(?<!\bel\s)(?<!\ba\s)segundo)\b",
    re.I,
)
# "..., la OIM informó", "l'OIM a indiqué que", "a polícia disse": a source's verb of saying
# (past an apposition: "La OIM, el organismo de la ONU para la migración, informó")
APPOSITION = (
    r"(?:,\s+(?:(?:el|la|le|o|a|un|una|um|uma|une)\s+|l['’]\s*)"
    r"(?:(?!\s(?:y|e|et)\s)[^.;:,“”\"«»]){1,80},)?"
)
SAID = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?{APPOSITION},?\s*(?:ha\s+|han\s+|a\s+|ont\s+|tem\s+)?"
    r"(?:informó|informa|informado|reportó|reporta|señaló|señala|indicó|indica|dijo|afirmó|"
    r"afirma|estima|estimó|registró|registra|reveló|precisó|detalló|anunció|anunciado|"
    r"indiqué|indique|annoncé|annonce|déclaré|déclare|estimé|rapporte|rapporté|précisé|"
    r"précise|recensé|enregistré|"
    r"informou|disse|afirmou|indicou|revelou|registou|registrou|anunciou|estimou|"
    # "a OIM contabilizou 9.318 entradas", "la OIM contabilizó", "l'OIM a comptabilisé": a
    # count the body made, as "registró" and "enregistré"
    r"contabilizó|contabiliza|contabilizou|comptabilisé|comptabilise|"
    # ("la Unidad ... identificó que cerca de medio millón de personas": what it found, not
    # whom it identified)
    r"identificó(?=\s+que\b)|identificou(?=\s+que\b)|identifié(?=\s+que\b))\b",
    re.I,
)

# Numbers as the three languages write them: "91.952", "2,8 millones", "13 530", a scale
# after them ("R$ 3 milhões"), and in words ("siete", "trente-huit", "vinte e dois"): each
# language's own ("dos" is two in Spanish, "of the" in Portuguese); not "un", "une", "um".
_WORDS = {
    # ("uno de Cuba": "uno" is no article, unlike "un", "una", "une", "um")
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco treinta cuarenta cincuenta sesenta setenta ochenta noventa "
    "cien ciento doscientos trescientos cuatrocientos quinientos mil",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize vingt vingts trente quarante cinquante soixante cent cents mille",
    "pt": "dois duas três quatro cinco seis sete oito nove dez onze doze treze catorze "
    "quatorze quinze dezesseis dezasseis dezessete dezassete dezoito dezenove dezanove vinte "
    "trinta quarenta cinquenta sessenta setenta oitenta noventa cem cento duzentos "
    "trezentos quatrocentos quinhentos mil",
}
_VALUES = {
    "dos": 2, "dois": 2, "duas": 2, "deux": 2, "tres": 3, "trois": 3, "cuatro": 4, "quatre": 4,
    "quatro": 4, "cinco": 5, "cinq": 5, "seis": 6, "six": 6, "siete": 7, "sept": 7, "sete": 7,
    "ocho": 8, "huit": 8, "oito": 8, "nueve": 9, "neuf": 9, "nove": 9, "diez": 10, "dix": 10,
    "dez": 10, "once": 11, "onze": 11, "doce": 12, "douze": 12, "doze": 12, "trece": 13,
    "treize": 13, "treze": 13, "catorce": 14, "quatorze": 14, "catorze": 14, "quince": 15,
    "quinze": 15, "dieciseis": 16, "seize": 16, "dezesseis": 16, "dezasseis": 16,
    "diecisiete": 17, "dezessete": 17, "dezassete": 17, "dieciocho": 18, "dezoito": 18,
    "diecinueve": 19, "dezenove": 19, "dezanove": 19, "veinte": 20, "vingt": 20, "vingts": 20,
    "vinte": 20, "veintiuno": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "treinta": 30, "trente": 30, "trinta": 30, "cuarenta": 40,
    "quarante": 40, "quarenta": 40, "cincuenta": 50, "cinquante": 50, "cinquenta": 50,
    "sesenta": 60, "soixante": 60, "sessenta": 60, "setenta": 70, "ochenta": 80, "oitenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "cent": 100, "cents": 100, "cem": 100,
    "cento": 100, "doscientos": 200, "duzentos": 200, "trescientos": 300, "trezentos": 300,
    "cuatrocientos": 400, "quatrocentos": 400, "quinientos": 500, "quinhentos": 500,
    "mil": 1000, "mille": 1000,
}  # fmt: skip
SCALES = {"mil": 1000, "mille": 1000, "millón": 10**6, "millones": 10**6, "milhão": 10**6,
          "milhões": 10**6, "million": 10**6, "millions": 10**6, "milliard": 10**9,
          "milliards": 10**9, "bilhão": 10**9, "bilhões": 10**9, "mil millones": 10**9}  # fmt: skip
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True)).replace(" ", r"\s+")


_TENS = {"es": "veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa",
         "fr": "vingt|trente|quarante|cinquante|soixante",
         "pt": "vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa"}  # fmt: skip


def _number_pattern(language: str) -> re.Pattern:
    words = sorted(_WORDS[language].split(), key=len, reverse=True)
    # ("por ciento", "pour cent", "por mil": a share's words, no hundred; but "compuesta por
    # seis chilenos", "pour trois victimes": a number after "by" or "for")
    per = [
        w for w in words if w in ("cien", "ciento", "cento", "cem", "cent", "cents", "mil", "mille")
    ]
    other = [w for w in words if w not in per]
    word = "(?:(?<!por )(?<!pour )(?:" + "|".join(per) + ")|" + "|".join(other) + ")"
    unit = "(?:" + "|".join(w for w in words if _VALUES.get(fold(w), 99) < 10) + "|un|une|uno|um)"
    # "trente-huit", "treinta y dos", "vinte e um", "vingt et un": a ten and a unit; not "cinco
    # y seis" (two numbers)
    ten_and_unit = rf"(?:{_TENS[language]})\s+(?:y|et|e)\s+{unit}"
    return re.compile(
        # "91.952" and "1.083" (thousands), "1.5" and "12.5" (decimals, as Mexico writes them),
        # "2,5" (a decimal comma), "1,250.50", "13 530"
        r"(?<![\w.,/-])(?:(?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])"
        r"|\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d{1,2}(?![\d.])|\d+,\d+"
        r"|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)"
        rf"|(?P<words>(?:{ten_and_unit}|{word})(?:\s*-\s*(?:{word}|{unit})|\s+{word})*))"
        rf"(?:\s+(?:de\s+)?(?P<scale>{_SCALE})\b"
        # "2 mil 500", "1 millón 200 mil": the rest after a scale, as Mexico writes it
        r"(?:\s+(?P<rest>\d{1,3})(?![\d.,])(?:\s+(?P<rest_scale>mil)\b)?)?)?(?![\w])",
        re.I,
    )


NUMBERS = {language: _number_pattern(language) for language in LANGUAGES}


# About so many, said by a noun of the number: "une trentaine de personnes", "una decena de
# migrantes", "uma centena de pessoas" (not "cuarentena", "quarantaine", "quincena" nor
# "quinzaine", as often a quarantine and a fortnight).
ABOUT_NUMBERS = {
    "dizaine": 10, "douzaine": 12, "vingtaine": 20, "trentaine": 30, "cinquantaine": 50,
    "soixantaine": 60, "centaine": 100, "decena": 10, "docena": 12, "veintena": 20,
    "treintena": 30, "centenar": 100, "dezena": 10, "duzia": 12, "vintena": 20, "centena": 100,
}  # fmt: skip
ABOUT_A_NUMBER = re.compile(
    r"(?<![\w-])(?:une|una|un|uma)\s+(?P<n>[^\W\d_]+)\s+(?:de\s+|d['’])"
    # a noun counted, not a multiple ("une centaine de milliers de personnes": 100,000)
    r"(?!(?:milliers|millions?|milliards?|miles|millares|millones|milhares|milhões|mil)\b)"
    r"(?=[^\W\d_])",
    re.I,
)


# The articles that are "one" inside a number in words ("vingt et un", "vinte e um")
_ONE = {"un": 1, "une": 1, "uno": 1, "um": 1}


def number_value(m: re.Match) -> Decimal:
    """The value NUMBERS' match `m` says."""
    if digits := m["digits"]:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
            # ("5,914 haïtiens", "1,250.50 pesos": English thousands, as Mexico writes them too)
            digits = digits.replace(",", "")
        elif not re.fullmatch(r"\d+\.\d{1,2}", digits):  # (not "1.5 millones", "12.5")
            digits = re.sub(r"[.\s\u00a0\u202f]", "", digits).replace(",", ".")
        value = Decimal(digits)
    else:
        total, current = 0, 0
        for part in (fold(w) for w in re.split(r"[\s-]+", m["words"])):
            n = _ONE.get(part, _VALUES.get(part))
            if n is None:
                continue  # (y, et, e)
            if n == 100 and current:  # "deux cents", "quatre-vingt": a multiplier
                current *= 100
            elif n == 20 and part.startswith("vingt") and current == 4:
                current = 80
            elif n == 1000:
                total, current = (total + (current or 1)) * 1000, 0
            else:
                current += n
        value = Decimal(total + current)
    if m["scale"]:
        value *= SCALES[" ".join(m["scale"].casefold().split())]
    if m["rest"]:  # ("2 mil 500": 2500; "1 millón 200 mil": 1200000)
        value += Decimal(m["rest"]) * (1000 if m["rest_scale"] else 1)
    return value
