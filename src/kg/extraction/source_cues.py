"""Words that name an organization as the source of a number, beside the older rules'
(attributions.py): the nouns of a body's data in Spanish, French and Portuguese ("datos de la
OIM", "les chiffres publiés par le HCR", "dados da OIM"), a count passed back to the body that
made it ("4,000 deaths were recorded by IOM"), and a source cited ("citing IOM data").
"""

from __future__ import annotations

import re

from kg.extraction.entities import Mention
from kg.extraction.foreign_words import APPOSITION
from kg.extraction.written_days import WEEKDAYS

# A body's data, report or survey, and the word that joins its name: "datos del Acnur
# muestran", "un informe reciente de la OIM", "les données de l'OIM", "les chiffres publiés
# par le HCR", "dados divulgados pela OIM", "um relatório do Unicef" (as English "data from X",
# "figures released by X"; a name must follow at once: not "el informe de 2019")
WORK_OF = re.compile(
    # (not the searches of a raid: "Durante los registros de la Policía, se detuvo a 30")
    r"\b(?:datos|cifras|estad[íi]sticas|informe|estudio|encuesta|"
    r"(?<!durante los )(?<!tras los )(?<!varios )registros|donn[ée]es|"
    r"chiffres|statistiques|rapport|[ée]tude|enqu[êe]te|dados|n[úu]meros|estat[íi]sticas|"
    r"relat[óo]rio|estudo|pesquisa|levantamento)"
    # ("datos recientes de", "les derniers chiffres de": a word on which data)
    r"(?:\s+(?:m[áa]s\s+|plus\s+|mais\s+)?(?:recientes?|r[ée]cents?|recentes?|nuevos?|"
    r"nouveaux?|novos?|[úu]ltimos?|oficiales|officiels|oficiais|preliminares|préliminaires|"
    r"anual|annuel))?"
    r"(?:\s+(?:publicad[oa]s?|divulgad[oa]s?|difundid[oa]s?|presentad[oa]s?|elaborad[oa]s?|"
    r"recopilad[oa]s?|proporcionad[oa]s?|fornecid[oa]s?|publi[ée]e?s?|diffus[ée]e?s?|"
    r"compil[ée]e?s?|fourni(?:e?s)?))?"
    r"\s+(?:(?:por|par|del?|du|des|d[oa]s?|pel[oa]s?)\s+(?:(?:el|la|los|las|le|les|o|a|os|as)\s+|"
    r"l['’])?|d['’])$",
    re.I,
)
# A count said in the passive, its maker named after "by": "4,567 deaths were recorded by IOM",
# "casos registrados por la OIM", "migrants recensés par l'OIM", "entradas contabilizadas pela
# OIM" (the verbs of counting and reporting the active rules read as a source's: not the
# agent of what was done to the people, "rescued by", "identified by", "detenidos por")
COUNTED_BY = re.compile(
    r"\b(?:(?:recorded|documented|counted|reported|estimated)\s+by\s+(?:the\s+)?|"
    r"(?:registrad|contabilizad|documentad|reportad|registad)[oa]s?\s+(?:por\s+(?:el|la)?|"
    r"pel[oa])\s*|(?:recens|enregistr|comptabilis|document)[ée]e?s?\s+par\s+(?:le\s+|la\s+|l['’])?)$",
    re.I,
)
# "..., the ministry said, citing IOM data", "..., based on figures from UNHCR": the body the
# speaker cites, as "according to" (not "based on IOM's guidelines": only its data)
# (citing a body's data, or the body alone to its clause's end: "citing IOM.", "citing the
# World Health Organization,"; not a reason, "citing evidence gathered by IOM", "citing a
# warning from the WHO")
_DATA = (
    r"(?:data|figures|statistics|estimates|information|records|reports?|surveys?|stud(?:y|ies)|"
    r"numbers|tally|count|datos|cifras|estad[íi]sticas|informes?|registros|donn[ée]es|chiffres|"
    r"statistiques|rapports?|dados|n[úu]meros|estat[íi]sticas|relat[óo]rios?)\b"
)
CITING = re.compile(
    r"\b(?:(?:citing|citando|citant)(?=\s+(?:[\w’'-]+\s+){0,4}" + _DATA + r"|"
    r"\s+(?:(?:the|el|la|le|les|o|a)\s+|l['’])?(?-i:[A-Z])[\w’'-]*"
    r"(?:\s+(?:(?:of|for|on|de|del|des|du|da|do|pour|para)\s+)?(?-i:[A-Z])[\w’'-]*)*"
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:[.,;)]|$))|"
    r"based\s+on(?=\s+(?:[\w’'-]+\s+){0,4}(?:data|figures|statistics|"
    r"estimates|information|records|reports?|surveys?)\b))\b",
    re.I,
)


def as_one_list(words: str) -> str:
    """What lies between a number and the source named after it, the semicolons of a list read
    as its commas: "1,100 came from A; 1,200 from B; and 1,300 from C, said X" is one list that
    X gives (a semicolon not closed by "; and" still ends the source's clause)."""
    if re.search(r";\s+(?:and|y|et|e)\s", words):
        return words.replace(";", ",")
    return words


# The verbs by which a body says or counts, in Spanish, French and Portuguese, each in the
# forms a release writes them (past, present, perfect): "la OIM destacó que", "l'Unicef a
# souligné que", "a OIM divulgou que", "..., agregó la OIM", "..., a déclaré l'OIM".
_SPEAK = (
    r"informó|informaron|señaló|señalaron|indicó|indicaron|dijo|dijeron|afirmó|afirmaron|"
    r"aseguró|aseguraron|destacó|destacaron|agregó|agregaron|añadió|añadieron|explicó|"
    r"explicaron|precisó|detalló|detallaron|subrayó|reveló|revelaron|reportó|reportaron|"
    r"advirtió|advirtieron|anunció|anunciaron|confirmó|confirmaron|declaró|manifestó|"
    r"puntualizó|refirió|comunicó|sostuvo|apuntó|expuso|dio\s+a\s+conocer|"
    r"informa|señala|indica|dice|afirma|asegura|destaca|agrega|añade|explica|precisa|detalla|"
    r"subraya|revela|reporta|advierte|anuncia|confirma|declara|apunta|"
    r"(?:ha|han)\s+(?:informado|señalado|indicado|dicho|afirmado|asegurado|destacado|revelado|"
    r"reportado|advertido|anunciado|confirmado|declarado)|"
    r"(?:a|ont)\s+(?:déclaré|indiqué|souligné|précisé|affirmé|annoncé|révélé|rapporté|signalé|"
    r"confirmé|expliqué|ajouté|noté|relevé|averti|fait\s+savoir)|"
    r"déclare|indique|souligne|précise|affirme|annonce|révèle|rapporte|signale|confirme|"
    r"explique|ajoute|note|relève|avertit|fait\s+savoir|"
    r"informou|informaram|disse|disseram|afirmou|afirmaram|indicou|revelou|anunciou|destacou|"
    r"divulgou|apontou|apontaram|explicou|acrescentou|ressaltou|salientou|sublinhou|confirmou|"
    r"declarou|alertou|relatou|reportou|diz|divulga|aponta|acrescenta|ressalta|salienta|"
    r"alerta|relata|adiantou|referiu|adianta|refere|"
    # (what a body reports as a wrong: "..., denunció el jueves Médicos Sin Fronteras")
    r"denunció|denunciaron|denuncia|(?:a|ont)\s+dénoncé|dénonce|denunciou"
)
_COUNT = (
    r"estimó|estimaron|calculó|registró|registraron|contabilizó|documentó|estima|calcula|"
    r"registra|contabiliza|documenta|(?:ha|han)\s+(?:estimado|registrado|contabilizado|"
    r"documentado)|(?:a|ont)\s+(?:estimé|recensé|enregistré|comptabilisé|documenté|dénombré|"
    r"compté)|estime|recense|enregistre|comptabilise|dénombre|registou|registrou|registraram|"
    r"estimou|contabilizou|documentou|regista"
)
# After the body's name: a verb of counting, or of saying with what it says ("que", "qu'", a
# colon), maybe past a few words ("informó este lunes que", "a indiqué dans un communiqué
# qu'"): not "la OIM destacó la labor de la policía, que rescató a 300"
FOREIGN_SAID = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?{APPOSITION},?\s*(?:también\s+|aussi\s+|também\s+)?"
    rf"(?:(?:{_SPEAK})(?=\s+(?:[^\s,.;:]+\s+){{0,4}}(?:que\b|qu['’])|\s*:)|(?:{_COUNT})\b)",
    re.I,
)
# The same verbs of saying with what the body says after them, a clause of its own: after a
# number, what it says next, not the number's source ("... rescued 300 migrants – la OIM
# destacó que enviará ayuda")
SAYS_ITS_OWN = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:también\s+|aussi\s+|também\s+)?"
    rf"(?:{_SPEAK})(?=\s+(?:[^\s,.;:]+\s+){{0,4}}(?:que\b|qu['’])|\s*:)",
    re.I,
)
# Before the body's name, after what it says: "..., agregó la OIM", "..., a déclaré l'OIM",
# "..., destacou a OIM", "..., précise le HCR", maybe past the day it said it ("informó este
# viernes la ...", "denunció el jueves ...", "a annoncé mercredi 9 avril le parquet")
_WEEKDAY = "|".join(sorted((d for d in WEEKDAYS if not d.endswith("day")), key=len, reverse=True))
FOREIGN_SAID_THEN = (
    rf"(?:{_SPEAK}|{_COUNT})\s+(?:(?:hoy|ayer|hier|aujourd['’]hui|hoje|ontem|"
    r"(?:este|esta|neste|nesta|ce|cette)\s+\w+|"
    rf"(?:(?:el|le|la|na|no)\s+)?(?:{_WEEKDAY})(?:\s+\d{{1,2}}(?:er)?(?:\s+de)?\s+[a-zéû]+)?)\s+)?"
    r"(?:(?:el|la|los|las|le|les|o|a|os|as)\s+|l['’])?"
)


# The English verbs of saying the older lists lack ("UNICEF added that", "IOM pointed out
# that", "UNHCR wrote on X that"), with what the body says after them (not "IOM added 300
# beds", "UNICEF recalled the staff")
_SAY_MORE = (
    r"add(?:s|ed)|points?\s+out|pointed\s+out|explain(?:s|ed)|wr(?:ote|ites)|recall(?:s|ed)|"
    r"acknowledg(?:es|ed)|underlin(?:es|ed)|mention(?:s|ed)|observ(?:es|ed)|informed|"
    r"tweeted|posted|specifi(?:es|ed)|clarifi(?:es|ed)|reiterat(?:es|ed)|affirm(?:s|ed)|"
    r"assert(?:s|ed)|declar(?:es|ed)|caution(?:s|ed)|recount(?:s|ed)|detail(?:s|ed)"
)
ENGLISH_SAID = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:{_SAY_MORE})"
    r"(?=\s+(?:[^\s,.;:]+\s+){0,4}that\b|\s*:)",
    re.I,
)
# After the number: "..., UNICEF pointed out", "..., UNICEF told reporters", "..., UNICEF’s
# latest report shows", "..., a UNICEF report says", "..., UNICEF's Pelmark office said"
# (not "..., IOM said that ...", whose clause is another claim)
SAID_AFTER_MORE = re.compile(
    r"(?:[’']s)?\s*(?:(?:latest|new|recent|annual|global|(?-i:[A-Z])[\w-]*)\s+){0,2}"
    r"(?:(?:report|study|survey|data|figures|statistics|office|mission|statement)\s+)?"
    r"(?:has\s+|have\s+)?"
    # (the verbs that also name a deed only with no object after them: "..., UNICEF pointed
    # out.", "..., IOM posted on X"; not "After 300 migrants drowned, IOM declared an
    # emergency", "..., IOM posted staff at the port")
    rf"(?:(?:{_SAY_MORE})(?=\s*(?:[.,;:!?”\"»)]|$)|\s+(?:on|in|at|to|this|last|yesterday|today|"
    r"earlier|during|after|before|while|when|as|from|via|through|citing|adding|noting|saying)\b)|"
    r"told\s+\w+|said|says|reported|reports|showed|shows|indicated|indicates|"
    # (not "found": "..., the X Foundation found shelters", what it did)
    r"noted|notes|stated|states|estimated|estimates|revealed|reveals)\b"
    r"(?![^.;,]*\bthat\b)",
    re.I,
)


# A source in brackets after its number: "1,330 migrants died in 2019 (IOM data)", "(Source:
# IOM)", "(fuente: OIM)"; a label or a word of data is needed (not "assisted by the agency
# (IOM)", the name's acronym)
SOURCE_IN_BRACKETS = re.compile(
    r"[^.;:()]*\(\s*(?P<label>(?:sources?|fuentes?|fontes?)\s*:\s*)?(?:the\s+)?", re.I
)
DATA_IN_BRACKETS = re.compile(
    r"\s*(?P<data>data|figures|estimates|statistics|datos|cifras|données|chiffres|dados)?\s*\)",
    re.I,
)


# What ends the reach of a body's data or count named before a number by the words above
# ("los casos registrados por la OIM", "les données de l'OIM"): a negation ("Las cifras de la
# OIM no incluyen a los 300 ..."), a semicolon, a clause of another subject ("Cases documented
# by UNICEF are sent to the courts, which convicted 40", "..., and the coast guard rescued
# 1,200"; not "Of the deaths recorded by IOM in 2019, which ...", nor "by IOM and the ILO")
_NEGATION = re.compile(
    r"\b(?:not|never|no|nunca|jamais|pas|não|n['’](?=\w))"
    r"(?!\s+(?:less|fewer|more|menos|m[aá]s|moins|plus|mais)\b)",
    re.I,
)
_RELATIVE = re.compile(r",\s*(?:which|who|where|que|quien(?:es)?|donde|qui|où|onde)\b", re.I)
_AND_THE = re.compile(
    r"(?:,\s+(?:and|but|while|whereas|y|pero|mientras|et|mais|e|mas)\s+(?!\d)|"
    r"\s+(?:and|but|while|y|pero|mientras|et|mais|e|mas)\s+"
    r"(?:(?:the|el|la|los|las|le|les|o|a|os|as)\s+|l['’])(?!\d))",
    re.I,
)
# The round's verb of counting in English ("IOM documented 300 cases"), read as the others above
DOCUMENTED = re.compile(r"\s*(?:has\s+|have\s+|had\s+)?(?:also\s+)?document(?:s|ed)\b")


def work_reaches(text: str, start: int, end: int, orgs: list[Mention]) -> bool:
    """Whether a body's data or count named before a number, its name ending at `start`, is
    the source of the number at `end`."""
    gap = text[start:end]
    if ";" in gap or _NEGATION.search(gap):
        return False
    relative = _RELATIVE.search(gap)
    if relative and len(gap[: relative.start()].split()) >= 4:
        return False
    return all(
        any(o.start == m.end() for o in orgs)
        for m in _AND_THE.finditer(text, start)  # (a number right after: "..., and 40 were")
        if m.end() <= end
    )


# A body's own count by its possessive: "IOM's tally shows", "UNHCR's records show", "the ILO's
# database lists" (not "UNICEF's monitoring teams rescued 300": what its people did)
TALLY = re.compile(
    r"[’']s\s+(?:(?:latest|new|recent|annual|global|\d{4})\s+){0,3}(?:[A-Z][\w-]*\s+){0,5}"
    r"(?:tally|count|records|database|findings|numbers|calculations|projections)\b"
)


def tally_reaches(text: str, s0: int, body: Mention, end: int) -> bool:
    """Whether a body's own count named by its possessive is the source of the number at
    `end`: the count opens its sentence ("IOM's tally shows", "In 2019, UNHCR's records
    show"), or the number is said with it ("The ministry disputed IOM's tally of 300
    deaths"; not "..., putting the number at 450", "... UNHCR's records, and police counted
    450")."""
    if re.fullmatch(r"(?:[^,;:]{0,60},\s*)?(?:the\s+)?", text[s0 : body.start], re.I):
        return True
    return body.end <= end and not re.search(r"[,;:]", text[body.end : end])


# A clause of another number between a number and a body's count after it: "Llegaron 300
# migrantes en mayo mientras 40 muertes fueron registradas por la OIM" (the 40 are IOM's)
_ANOTHER_CLAUSE = re.compile(
    r"\b(?:while|whereas|but|mientras|pero|alors\s+que|tandis\s+que|mais|enquanto|mas)\b\D*\d",
    re.I,
)


def another_clause(text: str, start: int, end: int) -> bool:
    """Whether a clause of another number opens between `start` (a number's end) and `end`."""
    return _ANOTHER_CLAUSE.search(text, start, end) is not None
