"""The verbs and phrases by which a sentence names the organization it takes a number from,
before the number ("X reported", "as reported by X") or after it ("..., X said", "..., said X"),
and how much of a sentence lies between a number and a source named after it.
"""

from __future__ import annotations

import re

from kg.extraction.foreign_words import _MONTH

# "..., informaron hoy el organismo de la ONU para los refugiados (Acnur) y la OIM", "...,
# a indiqué l'OIM", "..., informou a Polícia Federal", "..., refere um comunicado do SEF": the
# verb of saying before its source, after the comma that closes what the source says.
SAID_THEN_SOURCE = (
    r"(?:informó|informaron|indicó|indicaron|señaló|señalaron|dijo|dijeron|reportó|"
    r"señala|informa|indica|detalla|afirma|explica|"  # (the present of a report's verb)
    r"reportaron|afirmó|afirmaron|detalló|detallaron|precisó|explicó|aseguró|anunció|"
    r"anunciaron|estimó|estimaron|a\s+indiqué|ont\s+indiqué|a\s+annoncé|ont\s+annoncé|"
    r"a\s+précisé|a\s+déclaré|ont\s+déclaré|indique|précise|informou|informaram|disse|afirmou|"
    r"anunciou|indicou|revelou|revela|referiu|refere|adiantou|adianta|detalha|detalhou)"
    r"\s+(?:(?:hoy|ayer|est[ea]\s+[\w-]+|el\s+(?:lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo)|hier|aujourd['’]hui|hoje|ontem|nesta\s+[\w-]+|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))"
    # ("a annoncé mardi 6 mai l'OIM", "informó el martes 6 de mayo la OIM")
    rf"(?:\s+\d{{1,2}}(?:er)?(?:\s+de)?\s+{_MONTH})?,?\s+)?"
    r"(?:(?:el|la|los|las|le|les|l['’]|o|a|os|as|una|un|une|um|uma)\s*)?"
    # (a body's press note or spokesperson: "detalla una nota de prensa del Ministerio",
    # "anunciou o porta-voz do Comando Provincial", "a précisé le porte-parole de l'OIM")
    # (and a word on which report, a maker after "par": "indique un nouveau rapport du
    # ministère", "indique le rapport mensuel publié par le GARR")
    r"(?:(?i:(?:nouveau|nouvel|dernier|récent|nuevo|último|reciente|novo|recente)\s+)?"
    r"(?i:(?:nota|comunicado|communiqué)(?:\s+de\s+(?:prensa|imprensa|presse))?|informe|"
    r"reporte|rapport|relatório|portavoz|porta-voz|vocero|vocera|porte-parole)\s+"
    r"(?i:(?:mensuel|annuel|mensual|anual|reciente|récent|recente)\s+)?"
    r"(?i:(?:publi[ée]e?|publicad[oa]|divulgad[oa]|elaborad[oa])\s+"
    r"(?:(?:ayer|hoy|hier|aujourd['’]hui|ontem|hoje)\s+)?)?"
    r"(?:de\s+la|de\s+l['’]|del|de|do|da|du|des|(?:par|por|pel[oa])(?:\s+(?:le|la|el)\b|"
    r"\s+l['’])?)\s*)?"
    # (a source named by what it is, its name in brackets: "el organismo de la ONU ... (Acnur)",
    # "l'Organisation internationale pour les migrations (OIM)")
    r"(?:(?i:organismo|agencia|oficina|organización|institución|entidad|órgano|agence|"
    r"organisme|bureau|office|órgão|agência|organização|organisation)\b[^,.;:()]{0,60}\()?"
)

ATTRIBUTION_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?"
    # ("IOM staff based in Obock ... are reporting that", "IOM's team has learned that": the
    # body's people speak for it)
    r"(?:(?:[’']s\s+)?(?:staff|teams?|officials|personnel|workers)\s+"
    r"(?:(?:based|stationed|deployed|working)\s+(?:in|at|on)\s+[^.;:,“”\"]{1,40})?)?"
    # "Interpol, headquartered in Lyon, southeastern France, said ...", "IOM, the UN migration
    # agency, estimates": an apposition in lower case between the source and its verb (not
    # the next name of a list: ", and UNICEF said")
    r"(?:,\s+(?!(?:and|or|but|while|as|who|which|that|with)\b)(?-i:[a-z])[^.;:,“”\"]{0,60}"
    r"(?:,\s+(?-i:[a-z])[^.;:,“”\"]{0,40})?,\s*"
    # "Zorvan Aid, which shelters families in Lorvania and the region, said": a clause on
    # what the source does
    r"|,\s+which\s+(?-i:[a-z])[^.;:,“”\"]{0,100},\s*)?"
    # "X early this year said", "X on Tuesday reported": when, between the source and its verb
    r",?\s*(?:(?:on\s+[A-Z][a-z]+day|(?:last|this)\s+(?:week|month|year)|(?:early|earlier|late|"
    r"later)\s+this\s+(?:week|month|year)|yesterday|today|earlier|on\s+(?:Facebook|Twitter|X|"
    r"Instagram|Telegram|YouTube|TikTok|LinkedIn))\s+)?"
    r"(?:has\s+|have\s+|had\s+|are\s+|is\s+)?"
    r"(?:also\s+|further\s+|recently\s+|earlier\s+|previously\s+)?"
    # ("A UNHCR quarterly review published today estimates", "the ILO's annual survey")
    r"(?:(?:periodic|annual|latest|new|global|recent|regional|quarterly|monthly|first)\s+){0,2}"
    r"(?:reports?|reported|says|said|states|stated|estimates?|estimated|confirms?|confirmed|"
    # "The ILO also published a second report showing 41 million workers ..."
    r"(?:released|published|issued)\s+(?:a|an|its|the)\s+(?:[a-z-]+\s+){0,3}(?:report|study|"
    r"survey|analysis|data|figures|estimates)|"
    # ("the IOM counted 4,817 migrants entering Ostravia": a count the body made)
    r"records|recorded|tracks|tracked|documents|documented|"
    r"announces|announced|details|detailed|reporting|(?:learned|learnt)(?=\s+that\b)|"
    r"indicates?|indicated|shows?(?!\s+up\b)|showed(?!\s+up\b)|finds|found|notes|noted|calculates|calculated|counts|"
    r"counted|warns|warned|reveals|revealed|discloses|disclosed|"
    # (the other verbs of saying: "UNHCR stressed that 40% ...", "IOM told reporters 300 ...",
    # '... 68%," the UNHCR emphasized'; not "stressed the need to protect 300 children")
    r"told|(?:stresses|stressed|emphasi[sz]es|emphasi[sz]ed|highlights|highlighted)"
    r"(?=\s+that\b|\s*[.,;:])|"
    # "X claimed that ...", not "claimed 300 lives", "concluded an agreement"
    r"(?:claims|claimed|concludes|concluded|believes|believed|identified)(?=\s+that\b)|"
    r"projects|projected|predicts|predicted|figures|data|statistics|studies|study|survey|"
    r"research|report|"
    # "UNODC puts the number of victims at 5,400"
    r"puts?\s+(?:the\s+)?(?:number|figure|total|toll|count|estimate))\b",
    re.I,
)
# "As reported by X, ...", "As X noted, ...": a source set before what it says.
AS_REPORTED_BY = re.compile(
    r"\bas\s+(?:reported|stated|noted|estimated|documented|shown|indicated|recorded)\s+by\s+",
    re.I,
)
AS_SOURCE_SAID = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:reported|reports|noted|notes|said|says|stated|states|"
    r"estimated|estimates|documented|found|warned|pointed out)\b"
)
# "..., the latest report by the National Commission (NC) has revealed": what of a source
# may come between the comma after a number and the source's name.
SOURCE_NAMED = (
    r"(?P<work>(?:(?:latest|new|recent|annual|national|first|\d{4})\s+){0,3}"
    # ("..., a statement from X said", "..., said a press release of X")
    r"(?:report|study|survey|data|figures|statistics|research|analysis|estimates?|statement|"
    r"(?:press\s+)?release|communiqu[ée])\s+"
    r"(?:(?:published|released|compiled|issued|conducted|carried\s+out)\s+)?"
    r"(?:by|of|from)\s+(?:the\s+)?)?"
)
FOUND_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+)?(?:found|finds)\b")


def same_sentence(quotes: str) -> str:
    """What a sentence says between a number and its source: no end of a sentence nor of a
    quote (`quotes`), but the point of a number ("from 500,000 to more than 1.25 million,
    making Uganda ..., says X") and a quote opened and closed there ("more than 70 deaths a
    month, “making it one of the most dangerous crossings”, UNHCR said"; straight or angled
    quotes around a few words too: 'personas que necesitan "protección internacional",
    informó la Defensoría')."""
    # (each kind of quote only where `quotes` keeps it out of the plain characters: else the
    # two ways to read one would backtrack without end)
    straight = '|"[^".;]{1,60}"' if '"' in quotes else ""
    angled = "|«[^«».;]{1,60}»" if "«" in quotes and "»" in quotes else ""
    return rf"(?:[^.;:{quotes}]|(?<=\d)[.:](?=\d)|“[^“”]*”{straight}{angled})*"


SAID_SET_APART = re.compile(
    r",\s*(?:(?:said|reported|noted|added|stated|estimated)\s+(?:the\s+)?|"
    + SAID_THEN_SOURCE
    + r")$",
    re.I,
)
# A quote closed by the end of its sentence, no comma after it ('... in 2022.”said X', '...
# 68%.”the UNHCR emphasized'): the speaker named after it all the same
QUOTE_ENDS = r"[.!?][”\"»]"
# ('"... 17,793 irregular migrants," Interpol reported': a quote's end around the comma)
# ("..., the EU police agency Europol said", "..., the UN refugee agency UNHCR reported",
# "..., the agency for law enforcement cooperation Europol announced", "..., the rights group
# Lorvan Watch said": what kind of body the source is, set before its name; or who speaks
# for it)
SAID_OF_THE_BODY_BEFORE = (
    r"(?:(?:[A-Z][\w.-]*(?:[’']s)?|[a-z][\w-]*)\s+){0,6}?"
    r"(?i:agency|body|organi[sz]ation|watchdog|charity|group|network|coalition|bureau|NGO)"
    # ("the agency for law enforcement cooperation X"; not "a group of survivors rescued by X":
    # who speaks is no body)
    r"(?:\s+(?:for|of|on)(?:\s+(?!by\b|from\b)[a-z][\w-]*(?<!ed)){1,4})?\s+"
    # ("..., an official from the Ministry of X said", "..., a spokesperson for X said")
    r"|(?:senior\s+|top\s+|local\s+)?(?:officials?|spokesperson|spokes(?:wo)?man|"
    r"representatives?|sources?)\s+(?:from|for|of|at|with|in)\s+(?:the\s+)?"
)
SAID_BEFORE_SOURCE = (
    same_sentence('“”"')
    + rf"(?:,\s*[”\"]|[”\"]?,|{QUOTE_ENDS})\s*(?:(?:the|an?)\s+)?(?:{SAID_OF_THE_BODY_BEFORE})?"
    + SOURCE_NAMED
)
# A source named after its number: "..., IOM said", "..., UNHCR reported on Monday".
SAID_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?"
    # "..., the UNHCR spokesman said", "..., the Xinhua news agency reported"
    r"(?:(?:spokesperson|spokesman|spokeswoman|staff|officials?|officers?|news\s+agency|"
    r"newspaper|daily|agency|body)\s+(?:in\s+the\s+(?:region|field|country)\s+)?)?"
    # ("..., UNICEF, Save the Children and other entities said in a statement")
    r"(?:and\s+(?:other|several|partner|their)\s+(?:[a-z]+\s+)?(?:entities|organi[sz]ations|"
    r"agencies|partners|groups|bodies|NGOs)\s+)?"
    r"(?:has\s+|have\s+)?(?:(?:data|figures|statistics|estimates|records)"
    r"\s+(?:show|shows|showed|indicate|indicates|suggest|suggests)|said|says|reported|reports|"
    r"estimated|estimates|stated|states|announced|announces|noted|notes|warned|warns|"
    r"confirmed|confirms|added|adds|explained|explains|revealed|reveals|disclosed|discloses|"
    r"stressed|stresses|emphasi[sz]ed|emphasi[sz]es|highlighted|highlights|"
    r"showed|shows|informs|informed(?=\s*[.;]))\b"
    # (not "..., IOM said that ...", whose clause is another claim; but "..., UNICEF said
    # today, warning that ...": a clause of the source's after its verb)
    r"(?![^.;,]*\bthat\b)",
    re.I,
)


# A news outlet that relays what a sentence says, at its end: "..., NHRC claimed that over
# 16,000 ..., Xinhua news agency reported.", "..., TOLO News reported.", "..., reported The
# Rising Nepal." (a source besides the one the sentence cites)
RELAYED_BY = re.compile(
    r",\s*(?:(?:the\s+)?(?P<a>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})\s+"
    r"(?:(?:news\s+agency|newspaper|daily|agency)\s+)?reported"
    r"|reported\s+(?:the\s+)?(?P<b>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4}))"
    r"(?:\s+(?:on\s+[A-Z]\w+day|yesterday|today))?\s*[.;]?\s*$"
)


def relayed_by(passage, f, entities) -> list[str]:
    """The outlets RELAYED_BY says relay the sentence of the number f, after it."""
    m = RELAYED_BY.search(passage.text, f.end, f.sentence[1])
    if m is None:
        return []
    a, b = m.span("a") if m["a"] else m.span("b")
    return [o.target for o in entities.in_range(passage, a, b, "organization")]
