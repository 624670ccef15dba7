"""Days said relative to the day a release was written: "yesterday", "last night", "on
Friday", "early Tuesday morning", "este domingo", "ayer", "lundi", "hier", "na sexta-feira",
"ontem". Each is dated from the day the release states (data/devset/README.md, `period`):
"yesterday" is the day before, a weekday the last such day up to the day of writing (that
day itself when it is that weekday; "last Friday" said on a Friday, the week before).

A weekday followed by its date ("on Tuesday, August 23") is left to the readers of dates,
which read the longer expression. "Today" is read where a sentence says no other time
(event_times.today_of).
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extraction.figures import MONTH, MONTH_SHORT
from kg.extraction.foreign_words import _MONTH as FOREIGN_MONTH

# Weekday names, Monday first (datetime's weekday() numbers), in the four languages.
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
}  # fmt: skip

# The date that may follow a weekday, which then is no day to work out: ", 23 August", " (16
# August)", " 16 de agosto"
_DATE_AFTER = r"\s*,?\s*\(?\s*"
_DAY_NUMBER = r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
_ENGLISH_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# "on Friday", "last Friday", "this Friday", "late Tuesday", "early Tuesday morning", "on
# Thursday night" (the English names always capitalised; a bare "Friday" as
# a subject is too rare to read); not one its date follows ("on Tuesday, August 23")
ENGLISH = (
    rf"\b(?:(?P<en_last>[Ll]ast)|[Oo]n|[Tt]his|[Ee]arly|[Ll]ate|(?:[Ee]arly|[Ll]ate)\s+on)\s+"
    rf"(?P<en>{_ENGLISH_DAYS}){_PART}"
    rf"(?!{_DATE_AFTER}(?:{_DAY_NUMBER})?(?:{MONTH}|{MONTH_SHORT})(?![a-z]))"
)
# "el viernes", "Este domingo", "el pasado lunes", "el lunes pasado"; "le lundi", "lundi
# dernier", a bare "lundi" (French writes the day alone as a time); "na sexta-feira", "no
# domingo", "neste sábado", "no último domingo". The day in lower case, as these languages
# write it: "Santo Domingo" is a city.
FOREIGN = (
    r"(?:\b(?:[Ee]l|[Ee]ste|[Ee]sta|[Ll]e|[Cc]e|[Nn]a|[Nn]o|[Nn]este|[Nn]esta)\s+"
    r"(?:(?P<fd_last1>pasado|[úu]ltim[oa])\s+)?|(?<![\w-]))"
    r"(?P<fd>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|segunda-feira|ter[çc]a-feira|quarta-feira|"
    r"quinta-feira|sexta-feira)(?![\w-])"
    r"(?:\s+(?P<fd_last2>pasado|dernier|passad[oa]))?"
    rf"(?!{_DATE_AFTER}\d{{1,2}}(?:º|er)?\s+(?:de\s+)?{FOREIGN_MONTH})"
)
# "yesterday", "last night", "ayer", "anoche", "hier", "ontem": the day before the day of
# writing ("the day before yesterday", "anteayer", "avant-hier", "anteontem": two days
# before; "today" and its like are read where a sentence says no other time:
# event_times.TODAY)
# (not "Yesterday's tragedy follows shipwrecks in which 121 died": the day of that noun alone)
YESTERDAY = (
    r"\b(?P<before>(?:[Tt]he\s+)?day\s+before\s+yesterday|[Aa]nteayer|[Aa]ntier|"
    r"[Aa]vant-hier|[Aa]nteontem)\b|"
    r"\b(?P<yesterday>[Yy]esterday|[Ll]ast\s+night|[Aa]yer|[Aa]noche|[Hh]ier|[Oo]ntem)\b(?!['’]s)"
)

# A French weekday opening its sentence or following a dateline ("Lundi, la police a ..."),
# and the short Portuguese ones with a preposition ("na sexta (19)", "nesta terça,"; not "na
# segunda fase": a bracketed day, a comma or a part of the day must follow)
FRENCH_OPENING = (
    r"(?:(?<=^)|(?<=[.!?–—-]\s)|(?<=\n))(?P<fd2>Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)"
    r"(?=\s*,|\s+(?:matin|soir|dernier)\b)"
)
PORTUGUESE_SHORT = (
    r"\b(?:[Nn]a|[Nn]esta|[Nn]essa)\s+(?P<fd3>segunda|ter[çc]a|quarta|quinta|sexta)"
    r"(?=\s*\(\d{1,2}\)|\s*,|\s+(?:de\s+manh[ãa]|à\s+(?:tarde|noite)|passada)\b)"
)
WRITTEN_DAY = re.compile(rf"{ENGLISH}|{FOREIGN}|{FRENCH_OPENING}|{PORTUGUESE_SHORT}|{YESTERDAY}")

# The day something was said is no number's time: "said on Friday", "a press conference on
# Saturday", "police informed on its website on Thursday", "said Justin Forsyth yesterday in
# a news release", "el ministro informó este lunes", "a déclaré lundi".
_SAYING = (
    r"said|says|say|told|tells|informed|informs|announced|announces|stated|added|explained|"
    r"noted|warned|wrote|tweeted|posted|declared|confirmed|reported|revealed|reveals|"
    r"(?:press|news|media)\s+(?:conference|release|briefing)|statement|briefing|communiqu[ée]|"
    r"dijo|dijeron|declar[óo]|declararon|inform[óo]|informaron|anunci[óo]|anunciaron|"
    r"afirm[óo]|afirmaron|indic[óo]|indicaron|precis[óo]|señal[óo]|señalaron|comunicado|"
    r"publicad[oa]|publi[ée]e?|(?:a|ont)\s+(?:d[ée]clar[ée]|annonc[ée]|indiqu[ée]|affirm[ée]|"
    r"pr[ée]cis[ée]|rapport[ée]|r[ée]v[ée]l[ée])|disse|disseram|afirmou|afirmaram|anunciou|"
    r"anunciaram|informou|informaram|declarou|declararam"
)
# (the words between the saying and the day: a name or a title, no number: "said Justin
# Forsyth yesterday"; not "said 300 people died on Friday", the day of the deaths)
SAID_BEFORE = re.compile(rf"\b(?:{_SAYING})\b,?(?:\s+[^\s,.;:\d]+){{0,6}},?\s+$", re.I)
SAID_AFTER = re.compile(
    rf",?\s+(?:[^\s,.;:]+\s+){{0,2}}(?:{_SAYING})\b|\s+(?:in|at)\s+an?\s+(?:{_SAYING})\b", re.I
)
# A day to come or every such day: "next Friday", "every Monday", "el próximo lunes", "lundi
# prochain", "todos los lunes", "chaque lundi"; and one of the week before ("on Friday last
# week"): no day of the week of writing
NOT_THIS_WEEK_BEFORE = re.compile(
    r"\b(?:next|every|each|todos\s+los|todas\s+las|cada|chaque|tous\s+les|el\s+pr[óo]ximo|"
    r"la\s+pr[óo]xima|pr[óo]xim[oa]|no\s+pr[óo]ximo|na\s+pr[óo]xima|todas\s+as|todos\s+os)\s+$",
    re.I,
)
NOT_THIS_WEEK_AFTER = re.compile(
    r"\s+(?:prochain|pr[óo]ximo|que\s+vem|last\s+week|of\s+last\s+week|de\s+la\s+semana\s+"
    r"pasada|de\s+la\s+semaine\s+derni[èe]re|da\s+semana\s+passada)\b",
    re.I,
)


def _said_on(text: str, m: re.Match) -> bool:
    """Whether the day words at m date a saying, not what is said, or a day of another week."""
    return bool(
        SAID_BEFORE.search(text, max(0, m.start() - 80), m.start())
        or SAID_AFTER.match(text, m.end())
        or NOT_THIS_WEEK_BEFORE.search(text, max(0, m.start() - 20), m.start())
        or NOT_THIS_WEEK_AFTER.match(text, m.end())
    )


def written_days(text: str, s0: int, s1: int, today: str | None) -> list:
    """The days WRITTEN_DAY says in [s0, s1), dated from `today`, the day the release states
    it was written (YYYY-MM-DD; a month alone dates none of them): (start, end, value)."""
    if not today or len(today) < 10:
        return []
    written = dt.date.fromisoformat(today[:10])
    out = []
    for m in WRITTEN_DAY.finditer(text, s0, s1):
        if _said_on(text, m):
            continue
        if m["before"]:
            day = written - dt.timedelta(days=2)
        elif m["yesterday"]:
            day = written - dt.timedelta(days=1)
        else:
            name = (m["en"] or m["fd"] or m["fd2"] or m["fd3"]).casefold()
            if m["fd3"]:
                name += "-feira"
            weekday = WEEKDAYS.get(name, WEEKDAYS.get(_plain(name)))
            if weekday is None:
                continue
            back = (written.weekday() - weekday) % 7
            if back == 0 and (m["en_last"] or m["fd_last1"] or m["fd_last2"]):
                back = 7  # ("last Friday" said on a Friday: the week before)
            day = written - dt.timedelta(days=back)
        out.append((m.start(), m.end(), {"start": day.isoformat(), "end": day.isoformat()}))
    return out


def _plain(name: str) -> str:
    """A weekday's name without its accents ("miércoles", "terça-feira")."""
    return name.translate(str.maketrans("éáç", "eac"))
