"""What a number counts when no noun follows it: the abbreviation a text gave ("316 VoTs"),
the noun of the number before it ("of which 434 were identified"), "the number of ...", "for
every ...", a verb only people undergo ("418 were liberated"), or the plural noun a sentence
names before a number that ends it ("Families in the camp, which hosts 18,230.")."""

from __future__ import annotations

import re

from kg.extraction.breakdowns import said_of_a_name, what_a_names_count_counts
from kg.extraction.carried_periods import A_COUNT, OF_IT_OPENING
from kg.extraction.figures import FROM_A_PLACE, Found
from kg.extraction.foreign_counts import OF_THESE, PASSIVE_AFTER, a_bare_participle, no_noun_after
from kg.extraction.foreign_words import LANGUAGES, UNIT_WORDS
from kg.extraction.named_before import (
    AGE_WORDS,
    NOT_PLURALS,
    PREDICATE,
    noun_before_a_final_number,
    people_its_subject_names,
)
from kg.extraction.text import Passage, clause_around, fold
from kg.extraction.units import ACTS, MOVES, PEOPLE, _counted_noun, noun_phrase, singular

FOR_EVERY = re.compile(r"\bfor\s+(?:every|each)\b", re.I)


PEOPLE_VERBS = re.compile(
    r"\s+(?:were|are|was|have\s+been|had\s+been|has\s+been|will\s+be|had|have)\s+"
    r"(?:already\s+|also\s+|now\s+|[a-z]+ly\s+)?(?:been\s+)?"
    r"(?:(?:freed|liberated|rescued|assisted|returned|arrested|detained|deported|"
    r"repatriated|killed|injured|trafficked|smuggled|displaced|evacuated|resettled|relocated|"
    r"trained|interviewed|exploited|reunited|sheltered|drowned|kidnapped|abducted|"
    r"murdered|convicted|sentenced|prosecuted|recruited|enslaved|born|hired|employed|"
    r"benefited|benefitted|participated|attended|graduated)\b"
    # verbs that things undergo too ("12 cases were identified", "3 reports were
    # released"): people only with what is said of people after them
    r"|identified\s+as\s+(?:(?:potential|presumed|possible|likely|child|adult|[a-z]+ing)\s+)?"
    r"(?:victims?|survivors?|minors?|children|migrants?|refugees?|traffickers?|smugglers?)\b"
    r"|released\s+(?:from\s+(?:detention|custody|prison|jail|captivity)|on\s+bail)\b"
    r"|charged\s+with\b"
    r"|received\s+(?:(?:[a-z-]+|and|,)\s+){0,3}(?:assistance|support|help|aid|care|"
    r"treatment|services|counselling|counseling|shelter|protection|training|grants?|cash)\b"
    r"|completed\s+(?:the|their|a|an)\s+(?:[a-z-]+\s+){0,2}(?:training|course|programme|"
    r"program|studies|internship|apprenticeship)\b)",
    re.I,
)


# "9,153 arrivals, 267 dead and 118 missing", "720 rescues ... and 159 rescued": people, by a
# state or what they underwent said right after the number, not what the number before it in
# the sentence counts; things go missing, are returned, detained or rescued too ("30 boats
# ..., 12 missing"): people so only after a count of the moves people make
PEOPLE_AFTER = re.compile(
    r"\s+(?:dead|injured|wounded|arrested|deported|killed|drowned|"
    # (boats and vehicles are detained, villages evacuated: "intercepted 30 boats, 12
    # detained in port")
    r"(?P<acts>missing|returned|rescued|detained|repatriated|evacuated))\b(?!-)"
)


# "400 were children", "150 were unaccompanied minors", "400 of them children": people, said
# after a part of a count of acts
PEOPLE_WERE = re.compile(
    r"\s+(?:were|are|was|of\s+them)\s+(?:(?P<noun>[a-z]+)\s+)?(?P<after>[a-z]+)\b"
)


def _people_said(were: re.Match) -> str | None:
    """The people's noun of "were children", "were unaccompanied minors", "of them women"
    (not the attribute of another noun: "were refugee returns")."""
    noun, after = were.group(1, 2)
    if noun in ("of", "by", "for", "from", "to", "with", "among"):
        return None  # ("400 were of women": returns of women)
    if singular(after) in PEOPLE:
        return after
    if noun and singular(noun) in PEOPLE and singular(after) == after.casefold():
        return noun  # ("were children in 2023")
    return None


# "fewer than 800 arrived in Lorvania", "the 267 who arrived": what people do, or "who".
PEOPLE_DO = re.compile(
    r"\s+(?:who\b|(?:have\s+|had\s+)?(?:arrived|died|drowned|fled|perished|escaped|survived|"
    r"migrated|crossed|disappeared|went\s+missing|remain\s+missing|are\s+missing|"
    r"hailed\s+from|travell?ed|(?:will\s+|would\s+)?(?:attend|attended|took\s+part|take\s+part)|"
    # ("while 41 reached the island of Pantelleria", "35 disembarked in Lampedusa")
    r"landed|disembarked|reached\s+(?:the\s+)?(?:island|coast|shores?|mainland|port))\b"
    # ("1 under the age of twenty, 27 under the age of twenty-five": only people have ages)
    r"|(?:(?:were|was|are|is)\s+)?(?:under|over|above|below)\s+the\s+age\s+of\b)",
    re.I,
)


# What only people undergo or do, said without an auxiliary ("486 Rohingya rescued", "left");
# what they do with one or alone ("arrived", "died") is PEOPLE_DO's.
BARE_PEOPLE_VERB = re.compile(
    r"\s+(?:rescued|arrested|deported|repatriated|trafficked|smuggled|displaced|evacuated|"
    r"resettled|left|live|lived|living|remain|remained)\b"
)


def _people_by_their_verb(text: str, end: int) -> tuple[str | None, str]:
    """ "418 were liberated", "900 arrived", "the 267 who arrived": people, by what only
    people undergo or do; "250 of them will attend": those of them."""
    if m := re.match(r"\s+of\s+(?:them|these|those|whom)\b", text[end : end + 20]):
        end += m.end()
    if PEOPLE_VERBS.match(text, end) or PEOPLE_DO.match(text, end):
        return "people", "people"
    return None, ""


PREPOSITION = r"(?:in|on|at|by|from|to|for|with|during|after|under|the|a|an|this|last)\b"
OF_THEM = re.compile(r"\s*Of\s+(?:them|these|those|whom)\b")
OF_THEM_AFTER = re.compile(
    # ("30 of these victims" says its own noun; "Three of these occurred", "Two of those
    # arrested": a verb or participle after them, not one of a noun: "these trafficked women were")
    r"\s+(?:of\s+them|of\s+(?:these|those)(?=\s*(?:[,;:.]|were|are|was|is|had|have|[a-z]+ed\b"
    rf"(?!\s+(?!{PREPOSITION})(?:[a-z-]+\s+)?[a-z]+\s+(?:were|are|was|is|had|have|received)))\b)|"
    r"d['’]entre\s+(?:eux|elles)|de\s+(?:ellos|ellas)|(?:deles|delas|dentre\s+(?:eles|elas)))\b",
    re.I,
)


def _alone_in_its_sentence(text: str, f: Found) -> bool:
    """Whether no other figure is said in the sentence of `f` ("them" is then what it counts:
    not in "45 victims rescued in 3 raids. Twelve of them ...")."""
    s0, s1 = f.sentence
    # (a year is no figure: "4,7 millions de Centrafricains ... en 2013. Plus de 600.000
    # d'entre eux")
    others = re.sub(r"\b(?:19|20)\d\d\b", "", text[s0 : f.start] + " " + text[f.end : s1])
    return not re.search(r"\d", others)


def people_named_in(text: str) -> bool:
    """Whether `text` names people in the plural ("police officers and judges")."""
    words = re.findall(r"[^\W\d_]+", text)
    return any(singular(w) in PEOPLE and singular(w) != w.casefold() for w in words)


def _others_named_since(text: str, previous: Found, f: Found) -> bool:
    """Whether people are named between the sentence of `previous`, a count of things, and
    `f`: those "them" then points to ("opened 4 shelters. It trained officers and judges.
    Three of them")."""
    things = singular(previous.head or "") not in PEOPLE | {"people"}
    return things and people_named_in(text[(previous.sentence or (0, 0))[1] : f.start])


def _people_named_before(text: str, f: Found) -> list[str]:
    """The people its sentence names before the number, in the plural ("migrants"), or else
    the acts ("Most deportations went to Zorvania (3,351)": deportations)."""
    words = re.findall(r"[^\W\d_]+", text[f.sentence[0] : f.start])
    people = [
        w
        for w in words
        if (singular(w) in PEOPLE and singular(w) != w.casefold())
        or (UNIT_WORDS.get(fold(w)) == "person" and w.casefold().endswith("s"))
    ]
    acts = [w.casefold() for w in words if singular(w) in ACTS and singular(w) != w.casefold()]
    return people or acts


# What a count of people is called before what it counts: "the number of", "the population of",
# "la cifra de", "el número de", "le nombre de", "o número de"
COUNT_OF = (
    r"(?:(?:numbers?|population|count|tally)\s+of|(?:cifra|número|numero|(?<!en\s)nombre)\s+de"
    r"(?:\s+(?:los|las|les|sus|ses|mis|nos|nuestros|nuestras|estos|estas|ces))?)"
)  # (not "en nombre de", on behalf of; an article or a possessive is no noun counted)
# What ends the clause of "the number of X" before a number of another clause.
OTHER_CLAUSE = re.compile(r"[;:]|\b(?:and|but|while|whereas|y|pero|et|mais|e|mas)\b", re.I)


def find_what_it_counts(
    f: Found, passage: Passage, previous: Found | None, abbreviated: dict[str, tuple[str, str]]
) -> None:
    """Set `f.head` and `f.phrase` (and `f.phrase_end`) to what the number counts, where the
    text lets us say it."""
    text = passage.text
    them = OF_THEM_AFTER.match(text, f.end)
    said_after = None
    others_end = f.end
    if not f.percent and not f.currency and not f.duration and not f.head:
        if (
            them
            and previous is not None
            and previous.head
            and not previous.percent
            and previous.sentence
            and _alone_in_its_sentence(text, previous)
            and not _others_named_since(text, previous, f)
        ):
            # "More than 450,000 of them", "Plus de 450.000 d'entre eux": of those the
            # number before counts
            f.head, f.phrase, f.phrase_end = previous.head, previous.phrase, them.end()
        elif (
            them
            and (named := OF_IT_OPENING.match(text, f.sentence[0], f.start))
            and (noun := named["noun"].split()[0]).casefold() not in A_COUNT
        ):
            # "De los sometimientos, 15 de ellos fueron en enero": those the opening names
            # (not "Of this number,": the count before, read above)
            f.head, f.phrase, f.phrase_end = noun, noun, them.end()
        else:
            f.head, f.phrase, f.phrase_end = noun_phrase(text, f.end)
            # (after a scale's word the noun follows its "de": "14 millones de pesos")
            phrase = re.sub(r"^(?:de|d['’])\s*", "", f.phrase) if f.scale > 1 else f.phrase
            if passage.language in LANGUAGES and no_noun_after(phrase, f.value or f.high):
                # ("64 viajaban", "27 das quais"): the rules below say what, else the words
                said_after = f.head, f.phrase, f.phrase_end
                f.head, f.phrase, f.phrase_end = None, "", f.end
        if (f.head or "").casefold() == "others" and f.phrase.casefold() == "others":
            # "26 bodies had been recovered and 20 others were missing": the noun before
            # (what is said after "others" is read as said after the number: "4 others who")
            others_end = f.phrase_end
            f.head, f.phrase, f.phrase_end = None, "", f.end
    if f.head is None and not f.percent and not f.currency:
        # "Six of the people were victims": those of whom it is a part
        if m := re.match(rf"\s+of\s+(?:the|these|those)\s+|{OF_THESE}", text[f.end : f.end + 20]):
            f.head, f.phrase, f.phrase_end = noun_phrase(text, f.end + m.end())
        # "Bali (nine), Riau (five)", "Nuevo León con 858; Chiapas, 729": see breakdowns
        elif said_of_a_name(text, f):
            named_since = previous is not None and people_named_in(text[previous.end : f.start])
            people = _people_named_before(text, f)
            found = what_a_names_count_counts(text, f, previous, people, named_since)
            f.head, f.phrase = found or (None, "")
    if f.head is None and not f.percent and not f.currency and FROM_A_PLACE.match(text, others_end):
        # "Of them, five were from Velna, three from Dorsk", "The migrants hailed from
        # several provinces, including 12 from East Nusa Tenggara": people, by where they are
        # from; what the number before it in its sentence counts ("3 boats from X and 2 from
        # Y"), else the people its sentence names before it, else those of the number before
        people = _people_named_before(text, f)
        if previous is not None and previous.head and previous.sentence == f.sentence:
            f.head, f.phrase = previous.head, previous.phrase
        elif people:
            f.head, f.phrase = people[-1], people[-1]
        elif (
            previous is not None
            and previous.head
            and (
                previous.sentence == f.sentence
                or OF_THEM.match(text, f.sentence[0])
                or re.match(r"\s+of\s+(?:them|these|those)\b", text[f.end :])
            )
        ):
            f.head, f.phrase = previous.head, previous.phrase
        elif others_end != f.end:  # ("the woman, together with 9 others from Ostravia")
            f.head, f.phrase = "people", "others"
    if (
        f.head is None
        and not f.percent
        and not f.currency
        and PREDICATE.search(text, f.sentence[0], f.start)
    ):
        # "the people arrested on charges of ... were 529.": the people its subject names
        people = people_its_subject_names(text, f)
        ages = AGE_WORDS.search(text, f.sentence[0], f.sentence[1])  # ("the oldest was 83")
        if people and not ages and re.match(r"\s*[.;,]", text[f.end :]):
            f.head, f.phrase = people, people
    if f.head is None and not f.percent and not f.currency:
        # "316 VoTs", the text having said "victims of trafficking (VoTs)"
        m = re.match(r"\s+([A-Za-z]{2,8})\b", text[f.end :])
        if m and m.group(1) in abbreviated:
            # the phrase it stands for says what is counted, for the indicator
            f.head, f.phrase = abbreviated[m.group(1)]
            f.phrase_end = f.end + m.end()
    if (
        f.head is None
        and not f.percent
        and not f.currency
        and previous is not None
        and previous.head  # (the head it would take from the number before it)
        and previous.sentence == f.sentence
        and (after := PEOPLE_AFTER.match(text, f.end))
        # (acts of people on the move: applications and complaints are returned and go
        # missing as things do, "1,200 applications, 300 rejected and 40 returned")
        and (not after["acts"] or singular(previous.head) in MOVES)
    ):
        f.head, f.phrase = "people", "people"
    if f.head is None and not f.percent and not f.currency and previous is not None:
        # "13,282 individuals arrived, bringing the total number of arrivals to 27,102": what
        # the number of ... said after the number before names, not what that number counts
        said = text[max(previous.end, f.sentence[0]) : f.start]
        m = re.search(rf"\b{COUNT_OF}\s+((?:[\w’'-]+,?\s+){{0,7}}[\w’'-]+)", said)
        # (the number the phrase is said of, not one of another clause: "a sign that the
        # number of people fleeing is rising; 400 were rejected")
        if m and not OTHER_CLAUSE.search(said, m.start(1)) and (counted := _counted_noun(m[1])):
            f.head, f.phrase = counted
    if (
        f.head is None
        and not f.percent
        and not f.currency
        and previous is not None
        and singular(previous.head or "") in ACTS
        and (were := PEOPLE_WERE.match(text, f.end))
        and (people := _people_said(were))
    ):
        # "3,000 returns, of which 400 were children", "720 rescues; 150 were children", "400
        # of them children": the people the acts were of, as the text counts them
        f.head, f.phrase = people, people
    # "of which 434 were identified", "up to 1,000 in times of crisis": the noun
    # of the number before it in the sentence.
    if (
        f.head is None
        and not f.percent
        and not f.currency
        and previous is not None
        and (
            previous.sentence == f.sentence
            or re.match(r"\s+of\s+the\b", text[f.end : f.end + 10])
            # "Seven of them left": of those the number before counts (not of people named since)
            or them
            and not _others_named_since(text, previous, f)
            or OF_THEM.match(text, f.sentence[0])  # "Of them, 4,700 requested asylum"
            # "A further 300 were assisted.", "This year, 450 have been returned."
            or re.search(
                r"\b(?:a further|another|an additional|further)\s+$",
                text[max(0, f.start - 20) : f.start],
                re.I,
            )
            or re.match(
                # (an adverb between: "only 48 were officially registered")
                r"\s+(?:were|are|was|have|has|had)\s+(?:already\s+|also\s+|now\s+|[a-z]+ly\s+)?"
                r"(?:been\s+)?[a-z]+ed\b",
                text[f.end : f.end + 40],
            )
            or PASSIVE_AFTER.match(text, f.end)
        )
        and previous.head
        and not previous.duration
        # "four times the arrivals of last year (38,882)": no number of times
        and not previous.multiplier
        and (previous.head or "").casefold() not in ("times", "time", "fold")
        and not re.match(
            r"\s+(?:were|are|was)\s+(?:\w+\s+)?[a-z]+s\b",
            text[f.end : f.end + 40],
        )
    ):
        f.head, f.phrase = previous.head, previous.phrase
    if f.head is None and not f.percent and not f.currency:
        # "The number of ... children ... increased from 7,100", "the population of refugees
        # in Uganda has more than doubled from 500,000": what is counted.
        m = re.search(
            rf"\b{COUNT_OF}\s+((?:[\w’'-]+,?\s+){{0,7}}[\w’'-]+)",
            text[f.sentence[0] : f.start],
        )
        counted = _counted_noun(m.group(1)) if m else None
        if counted:
            f.head, f.phrase = counted
    if f.head is None and not f.percent and not f.currency:
        # "for every case reported, at least 20 go unreported": a ratio's number
        # counts what its "for every" names.
        m = FOR_EVERY.search(text, f.sentence[0], f.start)
        if m is not None:
            head, phrase, _ = noun_phrase(text, m.end())
            if head is not None:
                f.head, f.phrase = head, phrase
    if f.head is None and not f.percent and not f.currency:
        # "brings to 548 the number of the Zorvani migrants who ...": what follows says it
        m = re.match(
            rf"\s+the\s+(?:total\s+)?{COUNT_OF}\s+((?:[\w’'-]+,?\s+){{0,6}}[\w’'-]+)",
            text[f.end :],
        )
        counted = _counted_noun(m.group(1)) if m else None
        if counted:
            f.head, f.phrase = counted
    if f.head is None and not f.percent and not f.currency:
        # "girls arriving from Nigeria, whose numbers have soared from 1,454": the noun the
        # "whose" is of
        before = text[f.sentence[0] : f.start]
        m = re.search(r"\bwhose\s+numbers?\b[^.;]*$", before)
        plurals = [
            w.group()
            for w in re.finditer(
                r"\b[a-z]+\b", before[max(0, m.start() - 160) : m.start()] if m else ""
            )
            if singular(w.group()) != w.group() and w.group() not in NOT_PLURALS
        ]
        if plurals:  # the nearest ("IOM estimates that 80 per cent of girls ..., whose")
            f.head, f.phrase = plurals[-1], plurals[-1]
    if f.head is None and not f.percent and not f.currency:
        # "when 418 were liberated", "as 40 had been rescued": only people are
        f.head, f.phrase = _people_by_their_verb(text, others_end)
    if f.head is None and not f.percent and not f.currency and not f.duration:
        # "486 Rohingya rescued", "17,000 Rohingya left": a people's name, by what people do
        m = re.match(r"\s+([A-Z][a-z]+)(?=\s)", text[f.end : f.end + 40])
        # (a people's name is no plural in -s: "12 Offices remained open" counts no people)
        if (
            m
            and singular(m.group(1)) == m.group(1).casefold()
            and (
                _people_by_their_verb(text, f.end + m.end())[0]
                or BARE_PEOPLE_VERB.match(text, f.end + m.end())
            )
        ):
            f.head, f.phrase, f.phrase_end = "people", m.group(1), f.end + m.end()
    if f.head is None and not f.percent and not f.currency:
        # "Families in the camp, which hosts 18,230.", "monthly asylum claims, as
        # they reached 9,076": a number that ends its clause counts the plural
        # noun its sentence names before it
        f.head, f.phrase = noun_before_a_final_number(text, f)
    # (a participle is none of the words: "56 sont rentrés", no "rentré" counted)
    if f.head is None and said_after is not None and not a_bare_participle(said_after[0] or ""):
        f.head, f.phrase, f.phrase_end = said_after


# A number after a preposition of place or time ("at IOM's seven transit centres", "during
# more than 300 raids") says where or when, not who: a later number's ellipsis ("an
# additional 1,400 await help", "85 were under 18") is of the sentence's count before it.
GOVERNED = re.compile(
    r"\b(?:at|in|across|during|within|throughout|through|between|among|on|into|under|"
    # ("388 migrantes en dos operativos: uno con 54 en un autobús")
    r"en|dans|em|durante|pendant|entre)\s+"
    r"(?:(?:the|its|their|his|her|los|las|les|os|as|sus|leurs|seus|suas)\s+)?"
    # a body's, before what it has ("at the Zorvan Agency's six centres"), not a place or a day
    # said first ("in Chiapas 30 migrants", "on Monday 30 migrants")
    r"(?:(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s?\s+)?"
    r"(?:(?:more\s+than|some|about|around|nearly|almost|at\s+least|up\s+to)\s+)?$"
)


def governed(text: str, f: Found) -> bool:
    """Whether a preposition of place or time governs the number (see GOVERNED)."""
    return GOVERNED.search(text, max(f.sentence[0], f.start - 60), f.start) is not None


def ellipsis_of(
    text: str, f: Found, previous: Found | None, counted_before: Found | None
) -> Found | None:
    """The number whose noun an ellipsis is of: the one before it, unless that one says where
    or when (`governed`) and its sentence counted another before it."""
    if (
        previous is not None
        and counted_before is not None
        and previous.sentence == counted_before.sentence
        # ("45 victims in 3 raids. Twelve of them were children": of the victims)
        and (previous.sentence == f.sentence or OF_THEM_AFTER.match(text, f.end))
        and governed(text, previous)
    ):
        return counted_before
    return previous


def _part_of_whole(passage: Passage, found: list[Found]) -> list[Found]:
    """ "20 of the country's 32 states": a part (20 states) of a whole that is no statistic
    of its own; the part counts what the whole counts."""
    out: list[Found] = []
    skip = None
    for i, f in enumerate(found):
        if f is skip:
            continue
        g = found[i + 1] if i + 1 < len(found) else None
        if g is not None and not f.percent and f.low is None and g.low is None:
            gap = passage.text[f.end : g.start]
            if re.fullmatch(
                r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’']+\s+){0,2}", gap
            ):
                head, phrase, phrase_end = noun_phrase(passage.text, g.end)
                if head is not None and f.value is not None and g.value and f.value <= g.value:
                    f.head, f.phrase, f.phrase_end = head, phrase, phrase_end
                    f.whole = g.value
                    skip = g
        out.append(f)
    return out


def _counts_what_it_reached(f: Found, after: list[Found], passage: Passage, abbreviated) -> None:
    """ "went from 120 to 340 beds": the value a change started from counts what the value it
    reached counts (the noun is said once, after the second)."""
    if not after or after[0].change != "to":
        return
    g = after[0]
    g.sentence = passage.sentence_at(g.start)
    g.clause = clause_around(passage.text, g.start, g.end, g.sentence)
    find_what_it_counts(g, passage, f, abbreviated)
    if g.head:
        f.head, f.phrase = g.head, g.phrase
        f.phrase_end = g.phrase_end if g.phrase_end > f.end else f.phrase_end


def share_of_whole(item, f: Found, passage: Passage, anchor, last_count, items) -> None:
    """What the number `f` (its `item`) is a share of: the count said just before ("of
    them"), the count of its paragraph's first sentence (`anchor`), a count of the noun it
    names ("45 per cent of the victims"); with a note when there is none for a share."""
    text = passage.text
    after = text[f.end : f.end + 30].casefold()
    before = text[f.sentence[0] : f.start].casefold()
    whole = None
    sure = False
    # "144 victims, of which 12 were Guyanese" (not "USD 40,000, of which 12 staff are paid")
    of_which = re.search(r"\bof\s+(?:which|whom)\s*,?\s*$", before)
    if (
        re.match(r"\s*(?:per cent\s*|%\s*)?of\s+(?:them|whom|which|those)\b", after)
        or re.match(r"^\s*of\s+(?:this|the)\s+total\b", before)
        or of_which
    ):
        whole, sure = last_count, True
        if of_which and whole and whole.fields.get("unit") != item.fields.get("unit"):
            # "65 cases, of which 42 involved women", "90 investigations, of which 30
            # concerned children": a verb after the number, which counts what the whole does
            verb = re.match(r"\s+(?:involved|concerned|related|targeted|affected)\s", after)
            if verb and whole.fields.get("unit") not in (None, "?", "percent") and not f.percent:
                item.fields["unit"] = whole.fields["unit"]
                item.new_concepts.pop("unit", None)  # (the whole's, a concept or proposed)
                if "unit" in whole.new_concepts:
                    item.new_concepts["unit"] = whole.new_concepts["unit"]
            else:
                whole = None
    elif f.percent and re.match(r"\s*of\s+the\s+(\w+)", after):
        noun = re.match(r"\s*of\s+the\s+(\w+)", after).group(1)
        for other in reversed(items):
            if other.fields.get("unit") != "percent" and fold(noun) in fold(
                other.fields.get("label", "")
            ):
                whole, sure = other, True
                break
    elif re.search(r"\b(?:a further|another|an additional)\s+$", before):
        pass  # "A further 300 were assisted": more of the same, not a part
    elif f.percent or (f.head and re.match(r"\s+(?:were|are)\b", text[f.end :])):
        whole = anchor
        if (
            whole is not None
            and not f.percent
            and whole.fields.get("unit") != item.fields.get("unit")
        ):
            whole = None
    if "share_of" in item.fields:
        return
    if whole is not None and whole is not item:
        item.fields["share_of"] = whole.id
        if not sure:
            item.why.append(
                f"share_of {whole.id} is a guess from the paragraph: check what the "
                "number is a share of."
            )
            item.confidence = round(item.confidence - 0.05, 2)
    elif f.percent:
        item.fields["note"] = (
            "kg extract found no whole for this share; give share_of, or say here why "
            "the text leaves it unstated."
        )


# A sentence that opens by pointing to the number said before it, then says what it holds:
# "This number accounts for 96 victims", "Of this figure, 142 ...", "These figures include"
THE_NUMBER_BEFORE = re.compile(
    r"\s*(?:(?:Of\s+)?(?:this|that|these|those)\s+(?:number|figure|total)s?"
    r"(?:\s*,|\s+(?:accounts?\s+for|account\s+for|includes?|included|comprises?|represents?|"
    r"consists?\s+of|covers?))"
    # "Of the total, 71.4% ...", "Del total, el 71.4% ...", "152 of the total belong to"
    # ("Of the total number of complaints, 163 ...", "Del total de denuncias, ...", "Del
    # total de migrantes rescatados, 709 son hombres", "Of the total deported Afghans, ...")
    r"|(?:(?:Out\s+)?of\s+the\s+total(?:\s+number)?(?:\s+of)?(?:\s+[\w-]+){0,3}|"
    r"Del\s+total(?:\s+de(?:\s+[\w-]+){1,3})?|Sur\s+ce\s+total|"
    r"Do\s+total(?:\s+de(?:\s+[\w-]+){1,3})?)\s*,"
    r"|[\d,.]+\s+of\s+the\s+total\b"
    # "This represents more than 45 deaths a month": the count before, said another way
    r"|(?P<restated>(?:This|That)\s+(?:represents|amounts\s+to|equals|is\s+equivalent\s+to)\b))",
    re.I,
)  # (not "These figures appeared the day after those according to which 2,500 ...")
# The number that says the count before another way comes right after the cue, alone or
# with its qualifier: not "This represents twice the 400 deaths recorded over the decade".
RESTATED_NUMBER = re.compile(
    r"\s+(?:(?:more|less|fewer)\s+than|over|under|some|about|around|almost|nearly|"
    r"approximately|at\s+least|roughly)?\s*"
)


def period_of_the_number_before(item, f: Found, passage: Passage, last_count, items) -> None:
    """ "... recorded 14 cases for 2022 thus far. This number accounts for 96 victims": a
    number of a sentence that points to the count before it, and says no time of its own, is
    of that count's time; not when the counts of that count's sentence are of several times
    ("210 cases in 2023, up from 150 in 2022. This number includes ...": which number?)."""
    if (
        last_count is None
        or "period" in item.fields
        or "period" not in last_count.fields
        or not last_count.spans
    ):
        return
    cue = THE_NUMBER_BEFORE.match(passage.text, f.sentence[0])
    if cue is None or (
        cue["restated"] and not RESTATED_NUMBER.fullmatch(passage.text, cue.end(), f.start)
    ):
        return
    said = last_count.spans[0]
    s0, s1 = said.passage.sentence_at(said.start)
    times = {
        str(other.fields.get("period"))
        for other in items
        if other.spans
        and other.spans[0].passage is said.passage
        and s0 <= other.spans[0].start < s1
        and other.fields.get("unit") != "percent"
    }
    if len(times) == 1:
        item.fields["period"] = last_count.fields["period"]
