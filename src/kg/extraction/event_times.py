"""The times a release gives by its events and its own day: the days an event is dated to,
which later (or earlier) sentences on that event take; the day the release states in its
first lines, and what "today" is then.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extraction.dated_days import month_number
from kg.extraction.figures import MONTH, MONTH_SHORT, Found
from kg.extraction.foreign_words import _MONTH as FOREIGN_MONTH
from kg.extraction.foreign_words import CAUGHT_VERB, MONTHS, OPERATION_NOUN
from kg.extraction.foreign_words import NOT_ITS_CATCH as NOT_ITS_CATCH_OTHER_LANGUAGES
from kg.extraction.pages import dateline_date
from kg.extraction.period_carry import ANOTHER_TIME, PERFECT, PLAN, STANDING
from kg.extraction.period_patterns import _date
from kg.extraction.periods import period_of
from kg.extraction.proposal import Item
from kg.extraction.relative_times import after_page_date
from kg.extraction.text import Passage

# Times set before a sentence, and the words that say one.
FRONTED_TIME = re.compile(
    # ("According to ONEV data, during the first half of 2019, 184 complaints ...")
    r"^\s*(?:(?:According\s+to|Según|Selon|Segundo|De\s+acuerdo\s+con)\s[^,.;]{1,80},\s*)?"
    r"(?:In|During|Throughout|Over\s+the|Between|From|En|Durante|Entre|Em|Pendant|Au\s+cours|"
    # ("This year, by 12 May 2023, ...", "As of 30 June 2024, ...": the day a count runs to)
    r"(?P<up_to>(?:This\s+year,\s*)?(?:By|As\s+of|As\s+at|Up\s+to)))\s"
    # (days, not counts, before the year: not "Between 200 and 300 arrived in 2019,")
    r"(?P<gap>(?:[^,.;\d]|\b\d{1,2}(?:st|nd|rd|th)?\b){0,60}?)(?<!\d)"
    r"(?:(?:19|20)\d\d\s*[-\u2013]\s*)?(?:19|20)\d\d"  # ("From 2004-2012, ...": years)
    r"(?:\s+alone)?\s*,",
    re.I,
)
# The words a fronted time may hold before its year: parts of a year, months, days ("the
# first half of", "el primer semestre de", "11th May to 2nd June"); not an event's ("a visit
# to the border in March 2021", "the aftermath of the earthquake that struck Haiti in").
TIME_GAP_WORDS = {
    "the", "first", "second", "third", "fourth", "last", "past", "early", "late", "mid",
    "whole", "entire", "same", "calendar", "fiscal", "financial", "combined", "half",
    "quarter", "semester", "months", "month", "weeks", "week", "period", "year", "years", "of",
    "to", "and", "until", "through", "from", "between", "el", "la", "los", "las", "primer",
    "primera", "segundo", "segunda", "tercer", "cuarto", "semestre", "trimestre", "mes",
    "meses", "año", "años", "de", "del", "y", "a", "al", "le", "premier", "première", "seconde",
    "mois", "année", "du", "au", "et", "o", "primeiro", "primeira", "ano", "anos", "do", "da",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "dos", "tres", "seis", "deux", "trois",
}  # fmt: skip


def _time_words_only(gap: str) -> bool:
    return all(
        w.casefold() in TIME_GAP_WORDS or w.casefold() in MONTHS or w[:1].isdigit()
        for w in re.findall(r"[^\W_]+", gap)  # ("16th": a day)
    )


TIME_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|today|yesterday|now|currently|since|until|year|years|"
    r"month|months|week|weeks|recently|so far|to date|"
    # "this morning", "last spring" (not "This intense activity")
    r"(?:this|last|next)\s+(?:[a-z]+\s+)?(?:morning|afternoon|evening|night|spring|summer|"
    r"autumn|fall|winter|quarter|semester|period|time|season|days?|decade|weekend|fortnight|"
    r"phase|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December))\b",
    re.I,
)


MONTH_CHARS, DAY_CHARS = len("2015-06"), len("2015-06-16")


def _dated_to(period, chars: int, open_ends: bool = False) -> bool:
    """Whether each value of a period is a date of `chars` characters or more (a month's, a
    day's); an open end (None) passes when `open_ends`."""
    if not period:
        return False
    values = period.values() if isinstance(period, dict) else [period]
    return all(open_ends if v is None else len(str(v)) >= chars for v in values)


DURING_THAT_EVENT = re.compile(
    r"\s*(?:During|Throughout|Over|At|In\s+the\s+course\s+of)\s+the\s+(?:[a-z-]+\s+)?"
    r"(?:(?:two|three|four|five|\d+)\s*-?\s*days?|(?:two|three|four|five|\d+)\s*-?\s*weeks?|"
    r"workshop|training|session|meeting|event|visit|operation|course|seminar|conference|forum|"
    r"campaign|mission)\b",
)


# A day set at a sentence's start, its year said or not ("On August 11, agents discovered a
# stash house.", "On 3 May 2019, ..."): a day the release's own day dates when it has no year
FRONTED_DAY = re.compile(
    rf"^\s*On\s+(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{MONTH})(?:,?\s+(?:19|20)\d\d)?\s*,",
    re.I,
)
# What the day of a fronted day's sentence is not the time of: its saying, publishing or
# signing ("On August 11, the police announced the results"), and a next sentence set on
# another day ("The day before, ...")
NOT_THE_DAY_S_ACTION = re.compile(
    r"\b(?:announced|announces|said|says|published|released|presented|launched|unveiled|"
    r"reported|signed|issued|held\s+a\s+press\s+conference)\b",
    re.I,
)
# A sentence set on the day after (or before) the one the sentence before is set on
A_DAY_FROM_THE_ONE_BEFORE = re.compile(
    r"\s*(?:(?:on\s+)?(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)|"
    r"the\s+day\s+after|(?:al|el)\s+d[íi]a\s+siguiente|un\s+d[íi]a\s+despu[ée]s|"
    r"le\s+lendemain|le\s+jour\s+suivant|(?:no|o)\s+dia\s+seguinte|"
    r"(?P<before>(?:on\s+)?the\s+(?:day\s+before|previous\s+day)|el\s+d[íi]a\s+anterior|"
    r"la\s+veille|no\s+dia\s+anterior))\b,?",
    re.I,
)
ANOTHER_DAY = re.compile(
    r"\s*(?:the\s+(?:day|night|week)\s+(?:before|after)|the\s+(?:next|following|previous)\s+"
    r"(?:day|night|week)|earlier|later|previously|that\s+night|hours\s+later)\b",
    re.I,
)


def _period_set_before(
    passage: Passage, sentence: tuple[int, int], previous: Passage | None = None,
    day: str | None = None,
):  # fmt: skip
    """The period a sentence without a time of its own takes from the sentence just before it,
    when that one opens with it ("In 2016, over 12,000 migrants arrived. IOM Lorvania assisted
    7,400 of them."): a time set at a sentence's start holds for what follows."""
    s0, s1 = sentence
    before = [(a, b) for a, b in passage.sentences if b <= s0]
    if DURING_THAT_EVENT.match(passage.text, s0):
        # "... was held on 16 and 17 June 2015. During the two days, 27 officials ...": the
        # time of the event the sentence before named (the paragraph before's last, when the
        # sentence opens its paragraph), when it dates it by its days or month: a year ("a
        # workshop in 2019") is not the time of the two days
        if before:
            a, b = before[-1]
            period = period_of(passage.text, (a, b), (a, b), b)
        elif previous is not None and previous.sentences:
            a, b = previous.sentences[-1]
            period = period_of(previous.text, (a, b), (a, b), b)
        else:
            return None
        return period if _dated_to(period, MONTH_CHARS, open_ends=True) else None
    if (step := A_DAY_FROM_THE_ONE_BEFORE.match(passage.text, s0)) and before:
        # "On 4 February, officers intercepted 14 women. The following day, ... 11": the day
        # after the one the sentence before is set on (and "the day before", the one before it)
        a, b = before[-1]
        said = period_of(passage.text, (a, b), (a, b), b, today=day)
        if not (isinstance(said, str) and len(said) == 10):
            return None
        after = -1 if step["before"] else 1
        return (dt.date.fromisoformat(said) + dt.timedelta(days=after)).isoformat()
    if TIME_WORDS.search(passage.text[s0:s1]):
        return None
    if not before:
        return None
    a, b = before[-1]
    if fronted_day := FRONTED_DAY.match(passage.text[a:b]):
        if (
            any(p.search(passage.text, s0, s1) for p in (STANDING, PERFECT, PLAN, ANOTHER_TIME))
            or NOT_THE_DAY_S_ACTION.search(passage.text, a, b)
            or ANOTHER_DAY.match(passage.text, s0)
        ):
            return None  # ("An estimated 5,000 migrants remain detained": of no such day)
        end = a + fronted_day.end()
        return period_of(passage.text, (a, end), (a, end), end, today=day)
    m = FRONTED_TIME.match(passage.text[a:b])
    if m is None or not _time_words_only(m["gap"]):
        return None
    if m["up_to"] and not re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", m["gap"]):
        # a day a count runs to, not a year: "By 2030, the government aims to resettle ..."
        # is a target, which the next sentence's count does not run to
        return None
    return period_of(passage.text, (a, a + m.end()), (a, a + m.end()), a + m.end())


# What a sentence names an event by ("the workshop", "the two-day session"); those taking part.
EVENT_NOUN = re.compile(
    r"\b(workshop|training|session|meeting|seminar|conference|forum|course|exercise|"
    r"operation|visit|mission|dialogue|consultation|roundtable|summit|raid|crackdown|"
    # "a joint action day", "The actions led to:" (not "actions to combat trafficking")
    r"action(?=s?\s+(?:days?|weeks?)\b)|(?<=\bthe\s)action(?=s\s+(?:led|resulted|included)\b)|"
    # "This joint operation, which took place between 3 and 9 March"
    r"(?:(?<=\bcoordinated\s)|(?<=\bconcerted\s)|(?<=\bjoint\s))action"
    # (not "concerted action against smugglers", "the joint action plan")
    r"(?!\s*(?:plan|programme|program|against|to|is|on|for|by)\b))s?\b",
    re.I,
)
ACTION_DAYS = re.compile(r"\baction\s+(?:days?|weeks?)\b", re.I)
# What a police operation is: what a sentence naming it or its outcome ("As a result, 23
# suspects were arrested") counts is of its days.
OPERATION = {"operation", "raid", "crackdown", "action"}
OUTCOME = re.compile(r"^\s*As\s+a\s+result\b", re.I)
# What an operation's sentences without a time of their own tell: its catch ("In total, 323
# potential victims were identified", "A further 164 persons were detained").
CAUGHT = re.compile(
    r"\b(?:(?:were|was|been|being)\s+(?:[a-z]+\s+)?(?:arrested|detained|rescued|identified|"
    r"seized|apprehended|intercepted|dismantled|checked|inspected|searched|opened|launched)|"
    r"(?:arrested|rescued|identified|seized|apprehended|intercepted|dismantled|inspected)\s+"
    r"(?:a\s+total\s+of\s+|a\s+|an\s+|the\s+|some\s+|more\s+than\s+|over\s+)?\d+|"
    r"arrests\s+were\s+made|"
    r"the\s+(?:arrests?|detentions?|rescues?|identification|seizures?|checking|inspections?|"
    r"launch|opening)\s+of|(?:resulted|results?)\s+in|led\s+to)\b",
    re.I,
)
# Another operation than the one dated: "In a separate operation", "Previous operations".
OTHER_OPERATION = re.compile(
    r"\b(?:separate|another|other|previous|earlier|similar|past|former|new|second)\s+"
    r"(?:[\w-]+\s+)?(?:operations?|raids?|crackdowns?)\b|"
    # ("in a separate investigation"; not "the launch of 100 new investigations", its outcome)
    r"\b(?:separate|another|other|previous|earlier|similar|past|former)\s+investigations?\b",
    re.I,
)
# What is counted since the operation, or beyond its catch ("40 more suspects"), is not of
# its days; its results are ("276 new investigations following this operation", "Os
# resultados desta operação desencadearam 86 novas investigações": of its days, as the
# README's `period` says of an operation's results and the gold files of both releases have)
AFTER_THE_OPERATION = re.compile(
    r"\b(?:since|desde|depuis)\s+(?:the|this|that|these|those|esta|este|esa|ese|cette|ce|"
    r"essa|esse|la|el|l['’]|a|o)\s*(?:[\w-]+\s+)?(?:operations?|raids?|crackdowns?|actions?|"
    r"operaci[oó]n|op[ée]ration|opera[çc][ãa]o)\b"
    # (or counted beyond it: "arrested 40 more suspects", "otros 40", "40 autres")
    r"|\b\d[\d,.]*\s+(?:more|further|additional|autres|otros|otras|outros|outras)\b"
    r"|\b(?:a\s+further|otr[oa]s|outr[oa]s)\s+\d",
    re.I,
)
TAKING_PART = re.compile(
    r"\b(?:participants?|attended|attendees|took\s+part|participated|brought\s+together|"
    r"gathered|involved)\b",
    re.I,
)


def _event_nouns(text: str) -> set[str]:
    """The events a sentence names (EVENT_NOUN), an operation named in another language too."""
    nouns = {m.group(1).casefold() for m in EVENT_NOUN.finditer(text)}
    return nouns | {"operation"} if OPERATION_NOUN.search(text) else nouns


def event_dates(
    passages: list[Passage], day: str | None = None
) -> list[tuple[int, int, set[str], dict | str, bool]]:
    """The days events are said to take place on, in text order: (passage index, sentence
    start, the event nouns of the sentence, the period, whether the sentence points back to an
    operation told before: ITS_DAYS), for the sentences that name an
    event and date it to the day ("a two-day workshop ... from 24 to 25 September 2024"), or
    to the release's `day` ("simultaneous raids were made this morning")."""
    found = []
    for passage in passages:
        for s0, s1 in passage.sentences:
            s0 = after_page_date(passage.text, s0)
            nouns = _event_nouns(passage.text[s0:s1])
            if not nouns:
                continue
            period = period_of(passage.text, (s0, s1), (s0, s1), s1, today=day)
            if _dated_to(period, DAY_CHARS):
                told = bool(ITS_DAYS.match(passage.text, s0))
                found.append((passage.index, s0, nouns, period, told))
            elif period is None and len(day or "") >= 10 and today_of(day, passage, (s0, s1)):
                found.append((passage.index, s0, nouns, day, False))
    return found


def event_period(records, passage: Passage, sentence: tuple[int, int]):
    """The days of the event a sentence with no time of its own speaks of, said before it:
    "The session was attended by 28 representatives", the text having dated "the second
    session" to the day; those who took part in an event it names by one of EVENT_NOUN's
    nouns ("The session was attended by 28"; not "The event was attended by 28": "event" is
    none of them), when the text dates one event only; a sentence on the one operation a text
    dates, naming it before or after its days are said ("219 people have been arrested in an
    operation ... The operation took place from June 3 to June 9") or telling its outcome
    ("As a result, 23 suspects were arrested"); not one on another operation ("In a separate
    operation")."""
    s0, s1 = sentence
    text = passage.text[s0:s1]
    if TIME_WORDS.search(ACTION_DAYS.sub("", text)):  # "The action week resulted in": a name
        return None
    if AFTER_THE_OPERATION.search(text):
        return None
    nouns = _event_nouns(text)
    operations = {str(r[3]): r[3] for r in records if r[2] & OPERATION}
    if (
        len(operations) == 1
        and (OUTCOME.search(text) or nouns & OPERATION or _after_it(records, passage, s0, text))
        and not OTHER_OPERATION.search(text)
    ):
        return next(iter(operations.values()))
    earlier = [r for r in records if (r[0], r[1]) < (passage.index, s0)]
    if not earlier:
        return None
    named = [r for r in earlier if nouns & r[2]]
    if named and re.search(
        r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(nouns)) + r")s?\b",
        text,
        re.I,
    ):
        return named[-1][3]
    # Those who took part in an event the sentence names by an EVENT_NOUN ("session",
    # "workshop"), in a text that dates one event only (whatever noun dated it); not in a
    # sentence naming none ("The event was attended by 28 participants": "event" is no
    # EVENT_NOUN; "it involved participants from six provinces"): no time, as the gold facts of
    # the whole tune split read them
    if nouns and not named and TAKING_PART.search(text) and len({str(r[3]) for r in earlier}) == 1:
        return earlier[-1][3]
    return None


# A sentence dating an operation the text has told before: "The operation took place on June
# 17-23, 2019", "This joint action ran from 3 to 9 March" (not "A joint operation", "The next
# operation"); the catch told in the paragraphs before it (TOLD_BEFORE) is of those days, unless
# its sentence cites figures of its own ("according to Eurostat", "Across Europe, ...").
ITS_DAYS = re.compile(
    r"\s*(?:The|This|That)\s+(?!(?:next|previous|last|following|future|new|second|other)\b)"
    r"(?:[\w-]+\s+){0,3}?(?:operation|action|raid|crackdown)s?\b(?!\s+of\b)",
    re.I,
)
TOLD_BEFORE, TOLD_AFTER = 2, 3
CITED_FIGURES = re.compile(
    r"\b(?:according\s+to|figures|statistics|data|across|worldwide|globally)\b", re.I
)

# What places a catch outside the operation's days: a report's figures, the world's, the
# years before, a body's record, the time before or after it.
NOT_ITS_CATCH = re.compile(
    r"\b(?:reports?|globally|worldwide|decades?|previous|earlier|before|after|annual|founded|"
    r"since|years|have\s+(?:\w+\s+)?(?:rescued|arrested|identified|detained)|has\s+(?:\w+\s+)?"
    r"(?:rescued|arrested|identified|detained))\b",
    re.I,
)


def _after_it(records, passage: Passage, s0: int, text: str) -> bool:
    """A sentence telling a catch after the one operation the text dates, within TOLD_AFTER
    paragraphs of the one that dates it, or before it, within TOLD_BEFORE, when that one
    points back to the operation (ITS_DAYS), in a text that dates nothing else to the day (not
    one on a report's, the world's, earlier or later figures)."""
    if len({str(r[3]) for r in records}) != 1:
        return False
    if not CAUGHT.search(text) and not CAUGHT_VERB.search(text):
        return False
    if NOT_ITS_CATCH.search(text) or NOT_ITS_CATCH_OTHER_LANGUAGES.search(text):
        return False
    if (records[0][0], records[0][1]) > (passage.index, s0):
        # (before the days, when the sentence dating them points back to the operation: "70
        # persons were arrested ... The operation took place on June 17-23, 2019.")
        told = records[0][4] and records[0][0] - passage.index <= TOLD_BEFORE
        return told and not CITED_FIGURES.search(text)
    return passage.index - records[0][0] <= TOLD_AFTER


# A time said by pointing back to the one said before: "rescued 1,623 children during that
# time", "47 raids during the 30-day period", "over the same period".
TIME_SAID_BEFORE = re.compile(
    r"\b(?:during|in|over|within|for|throughout)\s+(?:that|this|the\s+same)\s+"
    r"(?:time|period|months?|year|weeks?|days?)\b(?!\s+(?:last|of|in|during)\b)"
    r"|\b(?:during|in|over|within|throughout)\s+the\s+(?:\w+|\d+)[-\s](?:day|week|month)\s+"
    r"period\b",
    re.I,
)
# The same time a year before the one said before: "Last year, in the same period, ..."
A_YEAR_BEFORE = re.compile(
    r"\b(?:last|previous|past)\s+year\b|\bthe\s+year\s+before\b|\ba\s+year\s+(?:earlier|ago)\b",
    re.I,
)
COMPARED = re.compile(r"\b(?:than|compared\s+(?:to|with)|against|versus|from)\s*$", re.I)
SENTENCES_BACK = 4


def period_said_before(
    passage: Passage,
    sentence: tuple[int, int],
    previous: Passage | None,
    day: str | None,
    clause: tuple[int, int] | None = None,
):
    """The period of a sentence that points back to a time said before ("during that time"):
    that of the nearest sentence before it that says one, in its paragraph or the one
    before (up to SENTENCES_BACK sentences). `clause`: that of the number it is for."""
    s0, s1 = sentence
    m = TIME_SAID_BEFORE.search(passage.text, s0, s1)
    if m is None or COMPARED.search(passage.text, s0, m.start()):
        return None
    # ("Last year, in the same period, 218 engines were seized": not this one's; but in "During
    # the same period, 12 per cent ..., compared with 8 per cent last year" only the 8's)
    c0, c1 = clause or sentence
    if A_YEAR_BEFORE.search(passage.text, s0, m.start()) or A_YEAR_BEFORE.search(
        passage.text, c0, c1
    ):
        return None
    back = [(passage, x) for x in reversed(passage.sentences) if x[1] <= s0]
    if previous is not None:
        back += [(previous, x) for x in reversed(previous.sentences)]
    for p, (a, b) in back[:SENTENCES_BACK]:
        period = period_of(p.text, (a, b), (a, b), b, today=day)
        if period:
            return period
    return None


# A release's day, as its first lines state it: "22 May 2013 Press Release", "Dushanbe,
# Tajikistan, 24 September 2024 Nearly every ...", "May 22, 2013".
RELEASE_DAY = re.compile(
    # ("NEW YORK, 3rd May, 2014 (WAM) —": a day's ordinal, a comma before the year)
    rf"^(?:[A-Z][\w .’'-]{{1,40}},\s*){{0,3}}(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<m>{MONTH}),?|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)"
    rf"\s+(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# A day said in Spanish, French or Portuguese opening a release's line, alone or after its
# dateline's places ("Madrid, 3 de enero de 2023.-", "Paris, le 9 avril 2025 -", "Lisboa, 19
# de abril de 2018"; not "El 3 de enero de 2023, la policía ...", a day of the story)
FOREIGN_RELEASE_DAY = re.compile(
    # (each place's words capitalized, "de" between: not "El pasado viernes, 3 de mayo de
    # 2019," nor "Según la OIM, 12 de mayo de 2020 fue ...": a day of the story)
    r"^(?:[A-Z][\w.’'-]*(?:\s+(?:(?:de|del|do|da)\s+)?[A-Z][\w.’'-]*){0,4},\s*(?:le\s+)?){0,3}"
    rf"(?P<d>\d{{1,2}})(?:er|º)?(?:\s+de)?\s+(?P<m>(?i:{FOREIGN_MONTH}))(?:\s+(?:de|del))?\s+"
    r"(?P<y>(?:19|20)\d\d)\b(?=\s*(?:\.-|[-–—(.,]|$))",
)
# The day of writing, in the four languages ("la pasada madrugada": the small hours just gone)
TODAY = re.compile(
    # (not "hoy", "aujourd'hui", "hoje": as often "nowadays" as the day of writing)
    r"\b(?:today|this morning|earlier today|tonight|esta\s+ma[ñn]ana|esta\s+madrugada|"
    r"la\s+pasada\s+madrugada|ce\s+matin|esta\s+manh[ãa])\b",
    re.I,
)


FIRST_PASSAGES = 10  # a page's menus and headings may come before its date line


_MONTH_NAME = rf"(?:{MONTH}|{MONTH_SHORT})(?![a-z])"
# A weekday with its day and month in a story's first lines ("police said Thursday (Feb 13)",
# "on Tuesday, August 23"): the story's own days, against which a page's date is checked
WEEKDAY_WITH_DAY = re.compile(
    rf"\b(?P<w>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\(?(?:(?P<m1>{_MONTH_NAME})\.?\s+"
    rf"(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_NAME}))\b(?!,?\s+(?:19|20)\d\d)"
)
_WEEKDAY_NUMBER = {"Mon": 0, "Tues": 1, "Wednes": 2, "Thurs": 3, "Fri": 4, "Satur": 5, "Sun": 6}


def _story_days_agree(day: str, passages: list[Passage]) -> bool:
    """Whether the days a story's first passages name with their weekday, and no year, are
    days before `day`, the latest of them by no more than two months, in the year their
    weekday says (that of `day`, the one before or the one after): a site's banner ("Saturday,
    September 26, 2020" above a story of "Thursday (Feb 13)") is no day the story was written;
    a story recalling "On Tuesday, March 3" under "20 March 2020" keeps it, and so does one
    that recalls the year's incidents ("Saturday, January 5", "Saturday, February 16") under
    "2019-04-11". Only the days a story's sentences name count: a site's list of other stories
    beside its banner ("Most read: Friday, September 25: floods hit ...") is no part of it."""
    written = dt.date.fromisoformat(day)
    gaps = []
    for passage in passages[:FIRST_PASSAGES]:
        for m in WEEKDAY_WITH_DAY.finditer(passage.text):
            end = passage.text.find("\n", m.end())
            line = passage.text[m.end() : end if end >= 0 else len(passage.text)].rstrip()
            if not line.endswith((".", "!", "?", '"', "”", ")")):
                continue  # (a heading's line, or a link's: no sentence)
            month, number = month_number(m["m1"] or m["m2"]), int(m["d1"] or m["d2"])
            for year in (written.year, written.year - 1, written.year + 1):
                try:
                    said = dt.date(year, month, number)
                except ValueError:
                    continue  # (no such day: "31 June", a 29 February)
                if said.weekday() == _WEEKDAY_NUMBER[m["w"]]:
                    gaps.append((written - said).days)
                    break
    return all(gap >= 0 for gap in gaps) and (not gaps or min(gaps) <= 62)


def release_day(passages: list[Passage]) -> str | None:
    """The day a release is dated by a line of its first passages, or None: a line that
    opens with a day ("22 May 2013 Press Release"), else one that is a date or a dateline
    as `kg add` reads a page's ("2016-10-07", "Thursday, 15 Oct. 2009", "Posted: March 21,
    2017", "Geneva, 3 May 2019 -"; dateparser, day, month and year all required)."""
    first = passages[:FIRST_PASSAGES]
    for passage in first:
        m = RELEASE_DAY.match(passage.text.strip())
        foreign = None if m else FOREIGN_RELEASE_DAY.match(passage.text.strip())
        if m or foreign:
            day = (
                f"{_date(m['m'] or m['m2'], m['y'])}-{int(m['d'] or m['d2']):02d}"
                if m
                else f"{foreign['y']}-{MONTHS[foreign['m'].casefold()]:02d}-{int(foreign['d']):02d}"
            )
            try:  # (not "31st June": no day)
                day = dt.date.fromisoformat(day).isoformat()
                break
            except ValueError:
                pass
    else:
        lines = [line for p in first for line in p.text.splitlines() if line.strip()]
        day = dateline_date(lines[: 2 * FIRST_PASSAGES])
    return day if day is None or _story_days_agree(day, passages) else None


def today_of(day: str | None, passage: Passage, sentence: tuple[int, int]) -> str | None:
    """ "authorities today arrested 23 people": the release's day, when it states one."""
    if day is None or not TODAY.search(passage.text, *sentence):
        return None
    return day


POINTS_TO_A_NUMBER = re.compile(
    r"\b(?:this|that|these|those)\s+(?:numbers?|figures?|totals?|counts?)\s+(?:includes?|"
    r"included|accounts?\s+for|comprises?|covers?|represents?)\b",
    re.I,
)


def period_from_context(
    passage: Passage, sentence: tuple[int, int], before: Passage | None, list_period, records,
    day: str | None, clause: tuple[int, int] | None = None,
):  # fmt: skip
    """The period of a sentence that says no time of its own, from what is around it, in this
    order: a time set at the start of the sentence before ("In 2016, ..."), one it points back
    to ("during that time"), that of the sentence opening its list, the days of the event it
    speaks of, the release's day ("today"); none for a sentence pointing back to a number
    ("This number includes 40 ...": which number's time?)."""
    if POINTS_TO_A_NUMBER.search(passage.text, *sentence):
        return None
    return (
        _period_set_before(passage, sentence, before, day)
        or period_said_before(passage, sentence, before, day, clause)
        or list_period
        or event_period(records, passage, sentence)
        or today_of(day, passage, sentence)
    )


def period_of_its_whole(item: Item, f: Found, whole: Found | None, text: str) -> None:
    """ "carried 120 migrants (75 men, 30 women, ...)": the parts in brackets after a number
    are of its time when they have none of their own."""
    if whole is None or whole.item is None or "period" in item.fields:
        return
    opened, closed = text.rfind("(", 0, f.start), text.rfind(")", 0, f.start)
    inside = opened > closed and opened >= f.sentence[0]
    if inside and whole.sentence == f.sentence and "period" in whole.item.fields:
        item.fields["period"] = whole.item.fields["period"]


# A sentence that gives the time of the figures said before it: "The abovementioned data
# correspond to the period between June 2016 and March 15, 2017", "These figures cover 2019".
FIGURES_COVER = re.compile(
    r"\b(?:above-?\s?mentioned|above|these|those|the|such)\s+(?:data|figures|numbers|"
    r"statistics)\s+(?:correspond|refer|relate|cover|apply|are\s+for|date\s+from)\w*\b",
    re.I,
)


def period_said_after(passage: Passage, items: list[Item]) -> None:
    """The numbers of a paragraph's sentences before one that says what time they cover
    ("... with 1,117 voluntary returns. The abovementioned data correspond to the period
    between June 2016 and March 15, 2017.") are of that time, where they say none."""
    for a, b in passage.sentences:
        if not FIGURES_COVER.search(passage.text, a, b):
            continue
        period = period_of(passage.text, (a, b), (a, b), b)
        if period is None:
            continue
        for item in items:
            said = item.spans[0] if item.spans else None
            if (
                said is not None
                and said.passage is passage
                and said.start < a
                and "period" not in item.fields
                and item.fields.get("unit") != "times"
            ):
                item.fields["period"] = period
