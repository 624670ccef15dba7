"""The words of Spanish, French and Portuguese releases that the drafting rules read beside
their English ones: what a number counts ("327 casos", "123 candidats", "22 crianças"), how it
is qualified ("más de", "plus de", "pelo menos"), when it was ("de enero a junio de 2024", "le
13 octobre 2025", "em setembro de 2019", "desde 2017") and who says it ("según datos del
Observatorio", "selon l'OIM", "la Policía informó").

Migration in Mexico and Latin America, West and Central Africa, Haiti, Brazil and Lusophone
Africa is often reported in these languages only. The rules keep their English grammar; these
are the words they need to read the three others' numbers. Each word here means the same in
any of the four languages' texts it may appear in, so none needs the text's language to be
known first.
"""

from __future__ import annotations

import re

from kg.folding import fold

LANGUAGES = ("es", "fr", "pt")  # the languages besides English whose words the rules read
# English's commonest words: a text of which they make one word in thirty is English, and
# the language model is not loaded for it (the seeds, most releases).
_ENGLISH = frozenset(("the", "of", "and", "to", "in", "is", "was", "for", "that", "with"))


def language_of(text: str) -> str:
    """The language a release is written in: "en", or one of LANGUAGES as py3langid
    identifies it among those four (a release in another language is read as English)."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].casefold())
    if not words or sum(w in _ENGLISH for w in words) * 30 >= len(words):
        return "en"
    from py3langid.langid import rank  # (its model loads in about a second, once)

    return next(code for code, _ in rank(text) if code in ("en", *LANGUAGES))


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
    detido detidos passageiro passageiros trabalhadores refugiados migrantes
    retorno retornos retour retours rapatriement rapatriements repatriacion repatriaciones
    repatriacao repatriacoes deportacion deportaciones expulsion expulsions rescate rescates
    mexicanos hondurenos guatemaltecos salvadorenos nicaraguenses venezolanos haitianos
    cubanos colombianos ecuatorianos centroamericanos haitiens guineens senegalais maliens
    ivoiriens camerounais nigeriens nigerians congolais burkinabes brasileiros angolanos
    mocambicanos
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
    ("day", "dia dias jour jours"),
    ("us-dollar", "dolar dolares"),
    ("euro", "euros"),
):
    UNIT_WORDS.update(dict.fromkeys(_words.split(), _unit))


def unit_word(head: str | None, phrase: str | None) -> str | None:
    """The unit a Spanish, French or Portuguese noun after a number counts in, or None: the
    phrase's first word, as these languages set the noun before what describes it ("200 cas
    liés à la traite", "64 individus ont été interpellés"), or its last."""
    first = re.match(r"[^\W\d_]+", phrase or "")
    for word in (first and first.group(), head):
        if word and fold(word) in UNIT_WORDS:
            return UNIT_WORDS[fold(word)]
    return None


# "un hombre de 46 años", "des enfants âgés de 8 à 14 ans", "entre oito e 14 anos": ages (and
# the spans of a law or project), no counts; a prison term is one ("10 años de prisión").
AGES = re.compile(
    r"(?<![\w.,])\d{1,3}\s+(?:años|anos|ans)\b(?!\s+(?:de\s+)?(?:cárcel|prisión|prisão|prison|"
    r"réclusion|reclusión|reclusão))",
    re.I,
)


# The wordings before a number that qualify it, by qualifier (lower case, as the rules compare
# them); added to the English ones.
QUALIFIERS = {
    "more-than": r"más de|plus de|mais de|por encima de",
    "at-least": r"al menos|por lo menos|au moins|pelo menos|ao menos",
    "approximately": r"alrededor de|cerca de|aproximadamente|unos|unas|casi|environ|près de|"
    r"presque|quelque|quase|por volta de|en torno a",
    "estimated": r"un estimado de|unos estimados|estimadamente",
    "less-than": r"menos de|moins de",
    "at-most": r"hasta|jusqu['’]à|até|no más de|como máximo",
}

# "139 son menores": the noun counted after a verb "to be".
TO_BE = r"son|eran|fueron|sont|étaient|são|eram|foram"

MONTHS = {
    **dict.fromkeys(("enero", "janvier", "janeiro"), 1),
    **dict.fromkeys(("febrero", "février", "fevereiro"), 2),
    **dict.fromkeys(("marzo", "mars", "março"), 3),
    **dict.fromkeys(("abril", "avril"), 4),
    **dict.fromkeys(("mayo", "mai", "maio"), 5),
    **dict.fromkeys(("junio", "juin", "junho"), 6),
    **dict.fromkeys(("julio", "juillet", "julho"), 7),
    **dict.fromkeys(("agosto", "août"), 8),
    **dict.fromkeys(("septiembre", "setiembre", "septembre", "setembro"), 9),
    **dict.fromkeys(("octubre", "octobre", "outubro"), 10),
    **dict.fromkeys(("noviembre", "novembre", "novembro"), 11),
    **dict.fromkeys(("diciembre", "décembre", "dezembro"), 12),
}
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_OF = r"(?:\s+(?:de|del|do|d['’]))?\s+"  # "junio de 2024", "juin 2024", "junho de 2024"
_DAY_OF = r"(?:\s+de)?\s+"  # "25 de septiembre", "13 octobre"
_TO = r"\s*(?:a|al|à|au|y|et|e|hasta|jusqu['’]à|até|-|\u2013)\s*"

# Times said in words of the three languages, longest first: a span of months of one year, a
# day, a span of years, a start, a month, a year, a half or quarter of a year.
TIMES = re.compile(
    rf"\b(?:(?:de|desde|entre|du|d['’]|do)\s+)?(?P<m1>{_MONTH}){_TO}(?P<m2>{_MONTH}){_OF}"
    rf"(?P<y1>{_YEAR})"
    rf"|\b(?P<d>\d{{1,2}})(?:er|º)?{_DAY_OF}(?P<dm>{_MONTH}){_OF}(?P<dy>{_YEAR})"
    rf"|\b(?:de|desde|entre|du|do)\s+(?P<a>{_YEAR}){_TO}(?P<b>{_YEAR})"
    rf"|\b(?:desde|depuis|dès)\s+(?:(?P<sm>{_MONTH}){_OF})?(?P<sy>{_YEAR})"
    rf"|\b(?P<mm>{_MONTH}){_OF}(?P<my>{_YEAR})"
    rf"|\b(?:en|em|durante|durant|pendant|no\s+ano\s+de|en\s+el\s+año)\s+(?P<y>{_YEAR})"
    rf"|\b(?:el\s+|le\s+|o\s+)?(?P<part>primer|premier|primeiro|segundo|second|deuxième)\s+"
    rf"(?P<kind>semestre|trimestre){_OF}(?P<py>{_YEAR})",
    re.I,
)


def _month(name: str) -> int:
    return MONTHS[name.casefold()]


def foreign_times(text: str, s0: int, s1: int) -> list[tuple[int, int, dict]]:
    """The times TIMES says in [s0, s1): (start, end, {"start": ..., "end": ...})."""
    out = []
    for m in TIMES.finditer(text, s0, s1):
        g = m.groupdict()
        if g["m1"]:
            y = g["y1"]
            value = {"start": f"{y}-{_month(g['m1']):02d}", "end": f"{y}-{_month(g['m2']):02d}"}
        elif g["d"]:
            if not 1 <= int(g["d"]) <= 31:
                continue
            day = f"{g['dy']}-{_month(g['dm']):02d}-{int(g['d']):02d}"
            value = {"start": day, "end": day}
        elif g["a"]:
            value = {"start": g["a"], "end": g["b"]}
        elif g["sy"]:
            value = {"start": f"{g['sy']}-{_month(g['sm']):02d}" if g["sm"] else g["sy"]}
        elif g["mm"]:
            month = f"{g['my']}-{_month(g['mm']):02d}"
            value = {"start": month, "end": month}
        elif g["y"]:
            value = {"start": g["y"], "end": g["y"]}
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


def day_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` says a day of a month in words of the three languages ("le 13 octobre
    2025", "el 25 de septiembre de 2025"): the day's figures count nothing."""
    return [m.span() for m in TIMES.finditer(text) if m["d"]]


# "según datos del Observatorio ...", "selon l'OIM", "segundo a polícia", "de acuerdo con la
# OIM": the source set before what it says. ("segundo" only where no article makes it "the
# second": "el segundo informe".)
ACCORDING_TO = re.compile(
    r"\b(?:según|de\s+acuerdo\s+(?:con|a)|conforme\s+a|selon|d['’]après|de\s+acordo\s+com|"
    r"(?<!\bo\s)(?<!\bel\s)(?<!\ba\s)segundo)\b",
    re.I,
)
# "..., la OIM informó", "l'OIM a indiqué que", "a polícia disse": a source's verb of saying.
SAID = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:ha\s+|han\s+|a\s+|ont\s+|tem\s+)?"
    r"(?:informó|informa|informado|reportó|reporta|señaló|señala|indicó|indica|dijo|afirmó|"
    r"afirma|estima|estimó|registró|registra|reveló|precisó|detalló|"
    r"indiqué|indique|annoncé|annonce|déclaré|déclare|estimé|rapporte|rapporté|précisé|"
    r"précise|recensé|enregistré|"
    r"informou|disse|afirmou|indicou|revelou|registou|registrou|anunciou|estimou)\b",
    re.I,
)
