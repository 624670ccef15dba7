"""Times a sentence says that are not a number's own (periods.py reads them): those in
brackets that hold a number of their own, deadlines of what is aimed at, other items of a
bulleted list, other parts of a sentence, other events (a time compared with, one told in a
clause apart, the day a time is counted from), a plan's target; the start of a state ("open
since 2015") and the perfect that makes it the start of a count ("has assisted")."""

from __future__ import annotations

import re

from kg.extraction.dated_days import DATED_DAYS
from kg.extraction.figures import MONTH, MONTH_SHORT
from kg.extraction.foreign_words import _MONTH as FOREIGN_MONTH
from kg.extraction.relative_times import DATED_LINE, PAGE_DATE

LATER_PART = re.compile(
    # ("while" or "mientras" of what was going on then, "died while crossing the desert in
    # 2019", "murieron mientras cruzaban el desierto en 2019", is no other part; nor is the
    # Portuguese "mais" of "e mais 30 crianças em março de 2021", without a comma; ", while"
    # is another part whatever follows)
    r";|,\s*(?:but|while|whereas|pero|mais|mientras|tandis)\s+"
    r"|\s+(?:but|whereas|pero|tandis|while(?!\s+\w+ing\b)|"
    r"mientras(?!\s+(?:se\s+)?\w+(?:aban|ía|ían|aba|ando|iendo)\b))\s+",
    re.I,
)
# ("4 traffickers were charged, he added, saying that in 2020 1,083 children had been
# rescued", "affirmant qu'en 2020", "afirmando que en 2020": another report's time)
# The gerunds of saying of the four languages ("adding that", "acrescentando que")
SAYING = (
    r"(?:saying|adding|noting|stating|affirmant|ajoutant|pr[ée]cisant|indiquant|afirmando|"
    r"a[ñn]adiendo|agregando|indicando|se[ñn]alando|precisando|dizendo|acrescentando|"
    r"sublinhando|referindo)"
)
REPORTED = re.compile(rf",\s*{SAYING}\s+(?:that\b|que\b|qu['’])?", re.I)


def a_later_part(text: str, at: int, x: tuple, s1: int) -> bool:
    """Whether a part of the sentence opens between the number at `at` and the time x said
    after it: after "but", "while" or a semicolon, or a reported clause that holds a number of
    its own, a time from a start on ("adding that the ring had been active since 2018") or a
    time of something else ("saying that most had arrived in 2019"); not "rescued 45 victims,
    saying that the raid took place on 3 March 2021", the raid that rescued them."""
    if LATER_PART.search(text, at, x[0]):
        return True
    m = REPORTED.search(text, at, x[0])
    return m is not None and (
        _holds_a_count(text[m.end() : s1])
        or SINCE_WORD.match(text, x[0]) is not None
        or set(x[2]) == {"start"}
        or not THE_EVENT.search(text, m.end(), x[0])
    )


# What a reported clause says of the event the number counts ("saying that the raid took place
# in March 2021", "señalando que el operativo se realizó en mayo de 2020")
THE_EVENT = re.compile(
    r"\b(?:raid|operation|rescue|intervention|operativo|operaci[óo]n|redada|allanamiento|"
    r"rescate|op[ée]ration|descente|sauvetage|opera[çc][ãa]o|resgate|batida|took\s+place|"
    r"happened|was\s+carried\s+out|tuvo\s+lugar|se\s+realiz[óo]|a\s+eu\s+lieu|ocorreu|"
    r"foi\s+realizad[oa])\b",
    re.I,
)


def _holds_a_count(words: str) -> bool:
    return A_COUNT.search(A_DAY.sub(" ", DATED_DAYS.sub(" ", words))) is not None


# "...; however, in the same year 35 per cent ...": a part that says it is of the time said
# before it
SAME_TIME_AGAIN = re.compile(
    r"\b(?:(?:in\s+)?(?:the\s+same|that(?:\s+same)?)\s+(?:year|month|period)|"
    r"(?:en\s+)?(?:el\s+mismo|ese(?:\s+mismo)?)\s+(?:a[ñn]o|mes|per[íi]odo)|"
    r"(?:la\s+m[êe]me|cette)\s+ann[ée]e(?:-l[àa])?|(?:le\s+m[êe]me|ce)\s+mois(?:-l[àa])?|"
    r"(?:no|nesse|naquele)\s+(?:mesmo\s+)?(?:ano|m[êe]s|per[íi]odo))\b",
    re.I,
)


SINCE_WORD = re.compile(r"(?:since|desde|depuis)\b", re.I)
# A verb in a perfect tense, of what has been done up to now, in the four languages
PERFECT = re.compile(
    # ("has to date assisted", "have so far made", "has had")
    r"\b(?:has|have)\s+(?:(?:already|so\s+far|thus\s+far|to\s+date|now|since|since\s+then|"
    r"in\s+total|together|also|been)\s+)*(?:\w+(?:ed|en|t)|made|had|done|paid|held|run|won|"
    r"become|come|fed|led|found|kept|met|sent|spent|built|brought|taught)\b|"
    r"\b(?:ha|han)\s+(?:\w+\s+)?\w+(?:ado|ido|to|cho)\b|"
    # (French "a accueilli", lower case: not the Spanish "a" of "a migrantes de Haiti")
    r"\b(?:a|ont)\s+(?:déjà\s+)?(?-i:[a-zéèêàâîôûç]{2,}(?:é|i|u|is|it))\b|"
    r"\b(?:est|sont)\s+(?:déjà\s+)?(?:venue?s?|passée?s?|intervenue?s?)\b|"
    r"\b(?:tem|têm)\s+\w+(?:ado|ido)\b|"
    # "ya atendió a 900", "já atendeu 3.000": the preterite of what has been done by now
    # (not a verb of saying: "já informou que atende 60")
    r"\b(?:ya|já)\s+(?:\w+\s+)?\w+(?:ó|aron|ieron|ou|eu|iu|aram|eram|iram)\b(?!\s+que\b)",
    re.I,
)

# Words of a state that began at a time ("open since 2015", "operativo desde 2011") ...
A_STATE = re.compile(
    r"(?:open|operating|operational|in\s+operation|in\s+force|operativ[oa]s?|funcionan?|"
    r"en\s+funcionamiento|en\s+vigor|en\s+vigueur|em\s+vigor)\b",
    re.I,
)
# ... and the participles of a start ("ouvert en 2016", "creado en 2005")
A_PARTICIPLE = re.compile(
    r"(?:ouverte?s?|cr[ée]{2}e?s?|fond[ée]e?s?|fundad[oa]s?|cread[oa]s?|abiert[oa]s?|"
    r"abert[oa]s?|criad[oa]s?|inaugurad[oa]s?)\b",
    re.I,
)
# A number and up to four words of what it counts
NUMBER_AND_NOUN = re.compile(r"\d[\d.,\s\u00a0\u202f]*%?\s+(?:[^\W\d_][\w'’-]*\s+){0,4}")


def no_start(text: str, verb: re.Match, when: int, at: int) -> bool:
    """Whether a start verb found before the time at `when` dates no start: a state said of a
    time not opened by "since" ("The 12 shelters open in 2020 hosted ..." is of 2020), or a
    participle right after the number and what it counts ("300 empleos creados en 2020",
    "1 200 dossiers ouverts en 2019": what was created or opened then)."""
    since = re.search(r"\b(?:since|desde|depuis)\b", text[verb.start() : when + 7], re.I)
    if A_STATE.match(text, verb.start()):
        return not since
    # (not "300 refugios abiertos desde 2015", open since then)
    return bool(
        not since
        and A_PARTICIPLE.match(text, verb.start())
        and at < verb.start()
        and NUMBER_AND_NOUN.fullmatch(text, at, verb.start())
    )


# Brackets that hold a number that is no year ("(152 in the same period last year)").
BRACKET = re.compile(r"\([^()]*\)")
A_COUNT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d[\d.,]*")


# ("(1 January to 30 June 2023)", "(1 to 31 March 2021)", "(del 1 al 15 de marzo de 2021)",
# "(du 1er au 15 mars 2021)": days of a month, no count; "(FY 2020/21)": years)
_MONTHS = rf"(?:{MONTH}|{MONTH_SHORT}|{FOREIGN_MONTH})"
A_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º)?\s*(?:-|–|to|and|al|a|au|y|et|e)\s*"
    rf"(?=\d{{1,2}}(?:st|nd|rd|th|er|º)?\s+(?:of\s+|de\s+)?{_MONTHS}\b)|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º)?\s+(?:of\s+|de\s+)?{_MONTHS}\b|"
    rf"\b(?:{MONTH}|{MONTH_SHORT})\.?\s+\d{{1,2}}\b|"
    r"\b(?:19|20)\d\d\s*[/–-]\s*\d\d\b",
    re.I,
)
# The noun of a survey or operation whose bracket says how it was made, and when ("The survey
# (of 1,200 households in March 2021) found that 45% ..."): its time is the survey's
AN_EVENT = re.compile(
    r"\b(?:survey|study|census|assessment|poll|operation|raid|campaign|mission|encuesta|"
    r"estudio|censo|operativo|operaci[óo]n|campaña|misi[óo]n|enqu[êe]te|[ée]tude|recensement|"
    r"op[ée]ration|campagne|pesquisa|estudo|inqu[ée]rito|opera[çc][ãa]o|campanha|miss[ãa]o)\s*$",
    re.I,
)


# The number of a round, wave or edition, and ordinals ("(ronda 5, marzo de 2021)", "(2nd
# edition, March 2021)"): no count
A_RANK = re.compile(
    r"\b(?:round|ronda|rodada|cycle|ciclo|phase|fase|wave|ola|vague|onda|edition|"
    r"[ée]dition|edici[óo]n|edi[çc][ãa]o|no\.|n[°º]|num\.|núm\.)\s*\d+\b|"
    r"\b\d+(?:st|nd|rd|th|er|e|ème|º|ª)\b",
    re.I,
)


def brackets_with_a_number(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in BRACKET.finditer(text, s0, s1)
        if A_COUNT.search(A_RANK.sub(" ", A_DAY.sub(" ", DATED_DAYS.sub(" ", m.group()))))
        and not AN_EVENT.search(text, s0, m.start())
    ]


# A time said as a deadline ("by 2030", "by the end of May 2019", "d'ici 2030", "para
# 2030", "até 2030") ...
DEADLINE = re.compile(r"(?:by|d['’]ici(?:\s+(?:à|a))?|para|até)\b", re.I)
# ... of a number aimed at, planned or asked for, in the words around it
AIMED_AT = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|plan(?:s|ned|ning)?|seek(?:s|ing)?|target(?:s|ed|ing)?|"
    r"intend(?:s|ed)?|goal|objective|envisag(?:e|es|ed|ing)|pledg(?:e|es|ed)|commit(?:s|ted)?\s+to|"
    r"will|would|shall|expect(?:s|ed)?\s+to|hop(?:e|es|ed)\s+to|ask(?:s|ed|ing)?\s+for|"
    r"appeal(?:s|ed)?\s+for|call(?:s|ed)?\s+for|to\s+be\s+(?:made|reached|achieved)|"
    r"meta|objetivo|pretende|prev[ée]|planea|busca|vise|pr[ée]voit|objectif|compte|"
    r"planeja|pretende)\b",
    re.I,
)


def _aims_at(text: str, aim: re.Match, x: tuple, at: int) -> bool:
    """Whether the aim word is of the number's own clause: no "but" between them, nor a comma
    before what was done ("By 2030, the government aims to resettle 15,000"; not "the
    programme, which aims to reach 10,000 people, had assisted 3,000", "surpassed its goal,
    resettling 3,200 refugees by December 2019", nor across "but")."""
    g0, g1 = (aim.end(), at) if aim.start() < at else (at, aim.start())
    if g0 <= x[0] and x[1] <= g1:
        gaps = [text[g0 : x[0]].rstrip().rstrip(","), text[x[1] : g1].lstrip().lstrip(",")]
    else:
        gaps = [text[g0:g1]]
    # (nor "expected to assist 3,000 by June 2021 but reached 3,500"; an aside after the
    # number is no other clause: "15,000 refugees, most of them Syrians, will be resettled")
    # (a comma, then a verb of what was done: "which aims to reach 10,000, had assisted",
    # "its goal, resettling"; not "aims, with the support of IOM, to resettle 15,000")
    done = (
        r"[,;]\s+(?:\w+\s+){0,2}?(?:had|has|have|was|were|\w+ed|\w+ing|hab[íi]an?|"
        r"avai(?:t|ent)|tinham?)\b"
    )
    breaks = r"\b(?:but|yet|pero|mais|mas)\b" + ("" if at < aim.start() else "|" + done)
    return not any(re.search(breaks, gap, re.I) for gap in gaps)


def a_deadline(text: str, s0: int, s1: int, x: tuple, at: int) -> bool:
    """Whether the time x is a deadline of the number at `at`: said with "by" (or its like)
    where the words between them or just before them say the number is aimed at."""
    if not DEADLINE.match(text, x[0]):
        return False
    # (not the words after both: "By 2015 IOM had assisted 3,000, and it will go on")
    a, b = max(s0, min(x[0], at) - 40), min(s1, max(x[1], at + 1))
    return any(_aims_at(text, m, x, at) for m in AIMED_AT.finditer(text, a, b))


def bullet_of(text: str, sentence: tuple[int, int], at: int) -> tuple[int, int]:
    """The part of a sentence between list bullets ("•") that holds `at`: items of a list run
    together without a full stop say each their own time ("... 26,000 by June. • 16,000
    children were apprehended in Mexico in the first six months of 2016."); not the items of
    a list a lead-in opens ("In 2020, IOM: • assisted 300 migrants • returned 120"), which
    share its time."""
    s0, s1 = sentence
    first = text.find("\u2022", s0, s1)
    before = text.rfind("\u2022", s0, at)
    after = text.find("\u2022", at, s1)
    end = after if after >= 0 else s1
    if (
        0 <= first <= before
        and text[s0:first].rstrip().endswith(":")
        # (items before it that say their own year: "Highlights: • 3,200 arrived in 2019 • 35
        # percent were sent back" is of no year)
        and not re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[first:before])
    ):
        return s0, end
    return (before + 1 if before >= 0 else s0), end


# A byline's day ("Publié le 12 mai 2019", "By Ana Ruiz | Published 3 May 2021", "Last
# updated: 12 March 2021"): at the head of its line or after a separator; not "The figures,
# updated on 12 March 2021, show that 3,000 ...", the day the figures are of
BYLINE = re.compile(
    r"(?:[^\n]*[|•·—–]\s*)?[\W_]*(?:(?:last|date|derni[èe]re|[úu]ltima)\s+)?"
    r"(?:published|posted|updated|publi[ée]e?|mis\s+[àa]\s+jour|publicad[oa]|actualizad[oa]|"
    r"atualizad[oa])(?:\s+(?:on|le|el|em|o|a))?\s*:?\s*",
    re.I,
)
# A masthead's day, at the head of its line (after a place perhaps), then a bar ("29 de
# mayo de 2022 | Noticias de Ostravia ..."); not "Llegadas en enero de 2021 | 3.100 migrantes"
MASTHEAD_HEAD = re.compile(
    r"[\W_]*(?:(?:[A-ZÀ-Ý][\w'’.-]*|de|del|da|do|of)\s*){0,5},?\s*|[\W_]*", re.UNICODE
)


def a_byline(text: str, s0: int, x: tuple) -> bool:
    """Whether the time x is the day a page was published, in its byline or masthead."""
    head = text[max(s0, text.rfind("\n", 0, x[0]) + 1) : x[0]]
    if BYLINE.fullmatch(head):
        # (a day: "Published in 2019, the report has documented 300 cases" is of 2019)
        return len(str(x[2].get("start") or x[2].get("end"))) == 10
    return bool(MASTHEAD_HEAD.fullmatch(head) and re.match(r"[ \t]*\|", text[x[1] :]))


def in_a_dateline(text: str, s0: int, x: tuple) -> bool:
    """Whether the time x is the day of a dateline that opens the passage ("Lima, 22 de
    octubre de 2025 – Al menos 215 ...", "Dakar, le 5 mai 2021 –"): the day of writing, no
    number's time (a place, a comma, the day, a dash)."""
    if text[:s0].strip() and not PAGE_DATE.fullmatch(text[:s0]):
        return False  # (the passage's first sentence only)
    line = DATED_LINE.match(text, s0)
    day = len(str(x[2].get("start") or x[2].get("end") or "")) == 10  # (not "In Peru, in 2023 –")
    return bool(line and day and x[1] <= line.end() and "," in text[s0 : x[0]])


# "Four and a half years after the earthquake that struck Haiti on 12 January 2010, 103,565
# remain in camps": the day of the event a time is counted from, not the number's time
COUNTED_FROM_AN_EVENT = re.compile(
    r"\b[\w-]+\s+(?:and\s+a\s+half\s+)?(?:years?|months?|weeks?|decades?)\s+(?:after|since)\s+"
    r"(?:the|a|an)\s[^,;.]{0,80}$",
    re.I,
)
# The words of a change ("increased", "up", "fell"), and those that say a time is the one
# compared with ("over the previous year", "compared with 2018", "than in 2020")
_CHANGE = (
    r"increase[sd]?|rise|rose|risen|up|down|fell|fallen|drop(?:ped)?|decrease[sd]?|"
    r"decline[sd]?|grew|grown|jump(?:ed)?|surge[sd]?"
)
COMPARED_BEFORE = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|than|against|versus)"
    # ("over" after a change only: not "Over the previous year, 3,000 were identified")
    rf"|\b(?:{_CHANGE})\b[^,;.]{{0,40}}\bover)"
    r"\s+(?:in\s+)?(?:the\s+)?$",
    re.I,
)
# A change by a figure after the number, then the year compared with: "26,800 submissions,
# a 45 per cent increase over 2008", "6,200 claims, up 29 per cent from 2008", "compared to
# 2008" (not "picked up on 3 May 2023", "broke down on Tuesday": no change, a day)
_BY_A_FIGURE = r"\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)"
COMPARED_AFTER = re.compile(
    rf"(?:\b(?:compared\s+(?:with|to)|than|against|versus)"
    rf"|\b(?:{_CHANGE})\s+(?:by\s+)?(?:(?:some|about|around|nearly|almost)\s+)?{_BY_A_FIGURE}"
    rf"\s+(?:over|from|on)|{_BY_A_FIGURE}\s+(?:{_CHANGE})\s+(?:over|from|on))"
    r"\s+(?:in\s+)?(?:the\s+)?$",
    re.I,
)
# A number a plan aims at: of no time (the README's `period`: "a plan, target or forecast has
# none"), whatever time its sentence says for what was done ("kicked off the exercise on Monday
# and plan to register at least 50,000 refugees")
_ABOUT = r"(?:(?:at\s+least|up\s+to|some|about|around|nearly|more\s+than|over)\s+)?"
# (the words between the verb and the number: not a clause or a definite group of its own,
# "will step up patrols after 40 migrants drowned", "aims to help the 5,000 families
# displaced in March 2021": a count of what happened)
_PLAN_WORDS = (
    r"(?:(?!(?:the|these|those|that|who|which|after|when|since|because|as|whose)\b)"
    r"[a-z-]+\s+)"
)
PLANNED = re.compile(
    r"\b(?:plans?|planned|planning|aims?|aimed|aiming|intends?|intended|seeks?|hopes?|"
    rf"expects?|expected|targets?|targeted|wants?)\s+to\s+{_PLAN_WORDS}{{1,5}}{_ABOUT}$"
    rf"|\bwill\s+{_PLAN_WORDS}{{1,4}}{_ABOUT}$",
    re.I,
)
OTHER_EVENT_CLAUSE = re.compile(
    r",\s*(?:which|who)\s+[^,;]{0,40}?\b(?:similar|previous|earlier|former|prior|another|"
    r"first|second)\b[^,;]{0,100},",
    re.I,
)


def a_plans_number(text: str, s0: int, at: int) -> bool:
    """Whether the number at `at` is what a plan aims at ("plans to register at least 50,000",
    "will assist some 4,000"): of no time."""
    return bool(PLANNED.search(text, max(s0, at - 70), at))


# "up from 1,200 the year before": the year before the one the sentence names.
YEAR_BEFORE = re.compile(
    r"\b(?:the\s+year\s+before|the\s+(?:previous|preceding|prior)\s+(?:financial\s+|fiscal\s+)?"
    r"year|"
    r"a\s+year\s+(?:earlier|before)|"
    # ("frente a los 250 del año anterior", "face aos 203 no ano anterior", "contre 136
    # l'année précédente", "203 um ano antes", "un an plus tôt")
    r"(?:(?:el|del|en\s+el|no|do|o)\s+)?a[ñn]o\s+anterior|l['’]ann[ée]e\s+pr[ée]c[ée]dente|"
    r"u[nm]\s+a[ñn]o\s+antes|un\s+an\s+(?:plus\s+t[ôo]t|auparavant))\b",
    re.I,
)
# "266 cases this year, by 9 May (152 in the same period last year)", "for same month last year
# when 512 migrants arrived": the sentence's other period, a year earlier; so "the same month
# of the previous year", "el mismo mes del año anterior", "le même mois de l'année
# précédente", "o mesmo período do ano passado"
_SAME_SPAN = (
    r"(?:period|time|months?|mes|m[eê]s|mois|per[íi]odo|p[ée]riode|trimestre|semestre|"
    r"quarter)"
)
SAME_PERIOD_LAST_YEAR = re.compile(
    r"\b(?:(?:in|during|over|for|at|by)\s+)?(?:the\s+)?same\s+(?:period|time|months?)\s+"
    r"(?:of\s+|in\s+)?(?:last\s+year|the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+"
    r"before)\b|\blast\s+year,?\s+(?:in|during|over|for)\s+the\s+same\s+(?:period|time|months?)\b"
    rf"|\b(?:mism[oa]|mesm[oa]|m[êe]me)\s+{_SAME_SPAN}\s+(?:del?|do|de\s+l['’])\s*"
    r"(?:a[ñn]o|ann[ée]e)\s+(?:anterior|pasado|passado|pr[ée]c[ée]dente|derni[èe]re)\b",
    re.I,
)
# A year before said inside the same span of it, which SAME_PERIOD_LAST_YEAR reads whole
SAME_SPAN_OF = re.compile(rf"\b(?:mism[oa]|mesm[oa]|m[êe]me)\s+{_SAME_SPAN}\s+(?:de\s+)?$", re.I)


# The words that compare with a figure after them (period_carry.COMPARED_FIGURE reads them
# before a dated figure); "than" after a qualifier is none ("more than 300 adults")
THAN = (
    r"(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!greater\s)(?<!over\s)(?<!rather\s)(?<!younger\s)"
    r"(?<!older\s)than"
)
COMPARING = (
    r"compared\s+(?:with|to)|versus|vs\.?|contre|frente\s+a|face\s+a|"
    r"comparad[oa]s?\s+(?:con|com|a)|en\s+comparaci[oó]n\s+con|em\s+compara[çc][ãa]o\s+(?:com|a)|"
    r"par\s+rapport\s+(?:à|aux?)|compar[ée]e?s?\s+(?:à|aux?|avec)"
)
# The figure compared with between the number and a time after it, whose time that is ("6,616
# cases were registered, far higher than the 5,788 registered in 2018", "an increase of 72.8
# percent on the 92 cases recorded in 2016", "frente a los 203 de 2018"; a figure's own
# thousands separators aside; "against" compares only right before its figure: not "cases
# against 337 defendants in 2018")
_FIGURE_THEN = (
    r"\s+(?:(?:the|los|las|les|os|as|aux?|some|about|around|nearly|almost|approximately)\s+)"
    r"{0,2}\d"
)
_SAME_CLAUSE = r"(?:[^,;.:]|(?<=\d)[.,](?=\d))*$"
COMPARED_FIGURE_AFTER = re.compile(rf"\b(?:{COMPARING}|{THAN})" + _FIGURE_THEN + _SAME_CLAUSE, re.I)
# A word of comparison in the other languages right before the time compared with ("frente al
# año anterior", "face ao ano anterior", "par rapport à 2023", "respecto a 2023")
COMPARED_TIME = re.compile(
    rf"\b(?:{COMPARING}|respecto\s+a|en\s+relaci[oó]n\s+a|em\s+rela[çc][ãa]o\s+a)(?:l|o|os)?\s+"
    r"(?:(?:la|el|le|o|l['’]|de|del|do|du)\s*)?$",
    re.I,
)
# After "N per cent from" a figure, what makes it no figure a change is measured from: a
# share ("from 30 per cent"), the start of a span ("from 5,000 to 4,000 in 2019": the change's
# year), where people come from ("60 per cent from 12 countries")
NOT_A_BASE = (
    r"(?!\s*(?:%|per\s*cent\b|percent\b)|\s+to\s|(?:\s+[a-z-]+){0,2}\s+(?:countries|"
    r"nationalities|nations|regions|states|provinces|districts)\b)"
)
# (a change's figure, the number's own or one after it, "on" or "over" the one compared, right
# after it or its noun: "72.8 percent on the 92", "420 victims, a 45 percent increase over the
# 300"; "from" a count: "an increase of 10 per cent from 382 in 2018-19"; not "20 percent of
# over 300", nor "from" a share, the level the change started at: "rose to 40 per cent from 30
# per cent in 2021" is the change's year)
CHANGE_ON_A_FIGURE = re.compile(
    rf"(?<![\d.,]){_BY_A_FIGURE}(?:\s+(?:increase|rise|drop|decrease|decline|jump|growth|fall))?"
    rf"\s+(?:(?:over|on){_FIGURE_THEN}|from{_FIGURE_THEN}[\d.,]*+{NOT_A_BASE})" + _SAME_CLAUSE,
    re.I,
)


# The time of a figure a change is measured from, said before the number ("..., up 10 per cent
# from 382 in 2018 and 35 per cent from 311 in 2017"): that figure's, not a later number's
A_FIGURE_S_TIME = re.compile(
    rf"{_BY_A_FIGURE}(?:\s+(?:{_CHANGE}))?\s+(?:from|over|on)\s+(?:the\s+)?\d[\d.,]*"
    r"(?:\s+[^\W\d]+){0,3}?\s+(?:in\s+|during\s+)?$",
    re.I,
)


def _compared_after(text: str, x: tuple, at: int) -> bool:
    """Whether the time x after the number at `at` is a year compared with (COMPARED_AFTER),
    no day and no span's start ("rose from 2008 to 2010"), or the year before ("grew 62
    percent over the previous year"), or the time of a figure compared with."""
    if re.match(r"\s*(?:(?:to|until|through)\s|[-\u2013]\s*\d|and\s+(?:19|20)\d\d)", text[x[1] :]):
        return False  # (the span's start: "by 4.53% from 3.6 billion in 2018 to 3.8 billion")
    if COMPARED_FIGURE_AFTER.search(text, at, x[0]) or CHANGE_ON_A_FIGURE.search(text, at, x[0]):
        return True
    lead = re.match(r"(?:over|from|on)\s+", text[x[0] : x[1]], re.I)  # (a time read with it)
    end = x[0] + (lead.end() if lead else 0)
    said = text[end : x[1]].strip()
    if not (re.fullmatch(r"(?:19|20)\d\d", said) or YEAR_BEFORE.fullmatch(said)):
        return False  # (a year only, no day)
    # (the number the change's figure: "grew 62 percent over the previous year"; a word of
    # comparison right before the time: "un aumento del 60,6% frente al año anterior")
    return bool(
        COMPARED_AFTER.search(text, max(at, x[0] - 60), end)
        or re.fullmatch(rf"{_BY_A_FIGURE}\s+(?:over|from|on)\s+(?:in\s+)?", text[at:end], re.I)
        or COMPARED_TIME.search(text, max(at, x[0] - 40), end)
    )


def of_another_event(text: str, s0: int, s1: int, x: tuple, at: int) -> bool:
    """Whether the time x of a sentence is that of another event than the number at `at`
    counts: the time compared with, said before the number's clause ("increased 28 per cent
    in 2009 over the previous year, with 33 victims") or after it ("a 45 per cent increase
    over 2008"); one told in a clause set apart by commas ("The workshop, which followed a
    similar training in November 2016, was attended by 85"); the day of an event a time is
    counted from ("four and a half years after the earthquake that struck Haiti on 12 January
    2010, 103,565 remain")."""
    before = x[1] <= at
    if before and "," in text[x[1] : at] and COMPARED_BEFORE.search(text, max(s0, x[0] - 80), x[0]):
        return True
    if before and A_FIGURE_S_TIME.search(text, max(s0, x[0] - 80), x[0]):
        return True  # ("up 10 per cent from 382 in 2018 and 35 per cent from ...": the 382's)
    if x[0] > at and _compared_after(text, x, at):
        return True  # ("..., up 29 per cent from 2008": the time compared with, after it)
    if before and COUNTED_FROM_AN_EVENT.search(text, max(s0, x[0] - 120), x[0]):
        return True
    return any(
        m.start() <= x[0] < m.end() and not m.start() <= at < m.end()
        for m in OTHER_EVENT_CLAUSE.finditer(text, s0, s1)
    )
