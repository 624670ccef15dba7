"""Periods a number takes from another number of the release once every number has its own:
the parts of a whole are of the whole's time. A part is said in the whole's sentence ("arrested
120 people, of whom 80 were women", "rescató a 968 extranjeros, entre ellos 154 menores",
"dont 12 femmes", "186 vítimas, entre as quais 41 mulheres", "54 individuals inclusive of 44
males", "372 migrants (79% men)"), or after it, pointing back to it ("43 of them were sent to
Turkey", "more than 2,000 of these potential victims", "Of the potential victims, a quarter
were girls", "68 of the victims were residents of ...", "less than 9% of the victims").
Read after the whole numbers are dated, however late the whole took its time (from the body
for a headline's number, from a sentence after it), so that a part never stays undated when
its whole is not.
"""

from __future__ import annotations

import re

from kg.extraction.dated_days import YEAR
from kg.extraction.people import PERSON_ROLES
from kg.extraction.proposal import Item
from kg.extraction.units import singular

# What opens the parts after a whole: "of which", "of whom", "among them", "including",
# "inclusive of", and the same in Spanish, French and Portuguese; or a bracket.
PARTS_OPEN = re.compile(
    r"(?:,|\s)\s*(?:of\s+(?:which|whom)|among\s+(?:them|whom|these|those)|including|"
    r"inclusive\s+of|out\s+of\s+which|"
    r"entre\s+(?:ellos|ellas|los\s+cuales|las\s+cuales|quienes|eles|elas|os\s+quais|as\s+quais)|"
    r"de\s+(?:los|las)\s+cuales|incluidos|incluidas|incluyendo|dos\s+quais|das\s+quais|"
    r"incluindo|dont|parmi\s+(?:eux|elles|lesquels|lesquelles)|y\s+compris)\b"
    r"|\s*\(",
    re.I,
)
# Words between a whole's number and the opening of its parts: what it counts ("418
# offenders", "742 extranjeros de varios países"), no clause of its own.
WHOLE_NOUN = re.compile(r"[^\d;:.()]{0,80}?", re.I)
# A number pointing back to the count it is a part of, right after it: "43 of them", "2,000
# of these potential victims", "9% of the victims", "la mitad de ellos".
OF_IT = re.compile(
    r"\s*(?:per\s*cent|percent|por\s*ciento|pour\s*cent|por\s*cento|%)?\s*"
    r"(?:of|de|d[eo]s|das|d[’'])\s+(?:(?P<pronoun>(?:them|whom|ellos|ellas|eux|elles|eles|elas)\b|"
    r"(?:these|those)\b(?!\s+[^\W\d_]))|(?:the|these|those|los|las|les|ces|os|as|estos|estas|estes)\s+"
    r"(?P<noun>(?:[^\W\d_]+[\s-]){0,2}[^\W\d_]+))",
    re.I,
)
# A sentence opening with the whole its numbers are parts of: "Of the potential victims,",
# "Among the returnees,", "De las personas retornadas,".
OF_IT_OPENING = re.compile(
    r"\s*(?:Of|Among|Out\s+of|De|Entre|Parmi|Dentre)\s+(?:the|these|those|this|that|los|las|"
    r"estos|estas|este|esta|esa|ese|les|ces|cette|ce|os|as|estes|esse|essa)\s+"
    r"(?P<noun>(?:[^\W\d_]+[\s-]){0,2}[^\W\d_]+)\s*,",
    re.I,
)
# The words that name a count by what it is, not by what it counts ("Out of this number,",
# "De esta cifra,"): the count said last.
A_COUNT = {
    "number", "figure", "total", "amount", "sum", "cifra", "número", "numero", "nombre",
    "chiffre", "montant", "montante", "valor",
}  # fmt: skip
PASSAGES_BACK = 2  # a whole said in the paragraph, or the two before


def _said(item: Item):
    return item.spans[0] if item.spans else None


def _sentences(items: list[Item]):
    """The drafted numbers of each sentence, in text order."""
    by_sentence: dict[tuple[int, int], list[tuple[int, Item]]] = {}
    for item in items:
        said = _said(item)
        if said is None:
            continue
        s0, _ = said.passage.sentence_at(said.start)
        by_sentence.setdefault((id(said.passage), s0), []).append((said.start, item))
    for numbers in by_sentence.values():
        yield sorted(numbers, key=lambda x: x[0])


def _parts_in_the_sentence(items: list[Item]) -> list[tuple[Item, Item]]:
    """(part, whole) for the numbers said after the opening of the parts of a whole their
    sentence names before ("418 offenders, of which 305 are Lorvanian, 87 Ostravian"): the whole
    is the number right before that opening."""
    found = []
    for numbers in _sentences(items):
        whole: Item | None = None
        for k, (start, item) in enumerate(numbers):
            if k == 0:
                continue
            said = _said(numbers[k - 1][1])
            between = said.passage.text[said.end : start]
            if ";" in between:
                whole = None
            m = PARTS_OPEN.search(between)
            if m is not None and WHOLE_NOUN.fullmatch(between, 0, m.start()) is not None:
                prev = numbers[k - 1][1]
                whole = prev if prev.fields.get("unit") != "percent" else whole
            if whole is not None:
                found.append((item, whole))
    return found


def _noun_of(item: Item) -> str:
    return singular(item.head.split()[-1]) if item.head else ""


def _whole_named(items: list[Item], k: int, noun: str | None) -> Item | None:
    """The count before items[k], in its paragraph or the two before, that the words "of
    them" or "of the victims" point back to: the last count said before (not a share), or
    the last one counting what one of the words `noun` names."""
    part = _said(items[k])
    nouns = {singular(w) for w in re.findall(r"[^\W\d_]+", noun or "")}
    for x in reversed(items[:k]):
        said = _said(x)
        if said is None or said.passage.index < part.passage.index - PASSAGES_BACK:
            return None
        if (said.passage.index, said.start) > (part.passage.index, part.start):
            continue  # (a headline's part: the body's counts come after it)
        if x.fields.get("unit") == "percent":
            continue
        if noun is None or _noun_of(x) in nouns:
            return x
    return None


def _parts_pointing_back(items: list[Item], known: list[tuple[Item, Item]]) -> list:
    """(part, whole) for the numbers pointing back to a count said before them ("43 of them",
    "9% of the victims", "Of the potential victims, a quarter were girls"), and the numbers
    said after such a part in its sentence ("68 of the victims were residents of Azerbaijan,
    2 of Russia and 1 of Ukraine")."""
    order = {id(x): k for k, x in enumerate(items)}
    whole_of = {id(part): whole for part, whole in known}
    found = []
    for numbers in _sentences(items):
        whole: Item | None = None
        first = _said(numbers[0][1])
        s0, _ = first.passage.sentence_at(first.start)
        opening = OF_IT_OPENING.match(first.passage.text, s0)
        end = None
        for start, item in numbers:
            k = order[id(item)]
            said = _said(item)
            text = said.passage.text
            if end is not None and COMPARED_BETWEEN.search(text, end, start):
                whole = None  # ("12 per cent of them, compared with 8 per cent last year")
            if end is not None and NEW_CLAUSE.search(text, end, start):
                whole = opening = None  # ("41 of them were children, and the office has 12")
            end = said.end
            m = OF_IT.match(text, said.end)
            named = None
            if opening is not None and opening.end() <= start:
                noun = None if opening["noun"].casefold() in A_COUNT else opening["noun"]
                named = _whole_named(items, k, noun)
            elif m is not None:
                named = _whole_named(items, k, m["noun"])
            while named is not None and id(named) in whole_of and m is not None and m["pronoun"]:
                # ("68 of the victims were residents, 2 of Russia and 1 of Ukraine. 43 of them
                # were sent to Turkey": "them" are the victims, not the 1 said last)
                named = whole_of[id(named)]
            if named is not None and m is not None and m["noun"] and _beyond(text, m, named):
                named = whole = None  # ("40% of the people in Pelmark live in poverty")
            whole = named or whole
            if (
                whole is None
                or whole is item
                or ITS_OWN_TIME.search(text, *said.passage.sentence_at(start))
                or _said_of_another_time(item, whole)
            ):
                continue
            if _one_time_around(items, whole, item) and _not_more_than(item, whole):
                found.append((item, whole))
                whole_of[id(item)] = whole
    return found


def _not_more_than(part: Item, whole: Item) -> bool:
    """A count of people or things no greater than its whole's (a share always is): not
    "1,000 of them" after "10 shelters", which "them" cannot be the whole of."""
    if part.fields.get("unit") == "percent":
        return True
    try:
        return float(part.fields.get("value") or part.fields.get("max")) <= float(
            whole.fields.get("value") or whole.fields.get("max")
        )
    except (TypeError, ValueError):
        return False


# What compares a number with one of another time: not a part of the same whole.
COMPARED_BETWEEN = re.compile(
    r"\b(?:compared|than|against|versus|vs|from|up|down|comparado|frente|contra|contre|"
    r"par\s+rapport|comparativement|em\s+rela[cç][aã]o)\b",
    re.I,
)
# A part said of another time than its whole's: "Some 14,000 of them are now homeless".
ITS_OWN_TIME = re.compile(
    r"\b(?:now|currently|today|still|presently|at\s+present|ahora|hoy|actualmente|todav[ií]a|"
    r"aujourd[’']hui|actuellement|encore|agora|hoje|atualmente|ainda)\b",
    re.I,
)

# What makes "the victims", "the people" all of them, not those counted before: "of the world",
# "worldwide", "in Pelmark" (a place the whole's sentence does not name)
BEYOND = re.compile(
    r"\s+(?:(?:in|of|across|around|throughout)\s+the\s+(?:world|country|region)|worldwide|"
    r"globally|(?:del|du|do|en\s+el|no|dans\s+le)\s+(?:mundo|monde)|"
    r"(?:in|across|throughout|en|dans|au|em|no|na)\s+(?P<place>(?-i:[A-Z])[\w’'-]+))\b",
    re.I,
)


def _beyond(text: str, of_it: re.Match, whole: Item) -> bool:
    """Whether the words a number points back with ("of the people") name more than the
    whole said before: all of a place or of the world ("Some 40% of the people in Pelmark
    live in poverty", after "police rescued 300 people from a factory")."""
    beyond = BEYOND.search(text, of_it.start("noun"), of_it.end() + 40)
    if beyond is None or beyond.start() > of_it.end():
        return False
    said = _said(whole)
    return (
        not beyond["place"]
        or beyond["place"] not in said.passage.text[slice(*said.passage.sentence_at(said.start))]
    )


# A clause of its own after a part, with its own subject: "41 of them were children, and the
# office has hired 12 inspectors", "...; the office has 12" (not "and the remaining 20", "and 1
# of Ukraine", "; 2 from Russia": the whole's parts still)
NEW_CLAUSE = re.compile(
    r"(?:;|\b(?:and|but|while|whereas|y|pero|mientras|et|mais|alors\s+que|tandis\s+que|e|mas|"
    r"enquanto))\s+(?:(?:the|its|their|it|they|this|el|la|los|las|su|sus|le|les|son|sa|ses|il|"
    r"elle|ils|elles|o|a|os|as|seu|sua|seus|suas)\s+|l['’])"
    r"(?!\d)(?!(?:remaining|rest|other|others|restantes?|dem[aá]s|autres|restants?|outros|"
    r"outras)\b)",
    re.I,
)
# A time of the part's own sentence that is not the whole's: "Last year, 43 of them testified",
# "The ministry opened a hotline in 2022, and 43 of the victims called it", "So far, 43 of them
# have called it" (a total to date)
RELATIVE_TIME = re.compile(
    r"\b(?:(?:last|this|next|the\s+following|the\s+next)\s+(?:year|month|week)|later|"
    r"years?\s+on|since\s+then|so\s+far|to\s+date|thus\s+far|ago|previously|"
    # (a time to come: "Some 40 of them will be run by churches")
    r"will|shall|(?:is|are)\s+(?:expected|set|due|going)\s+to|van?\s+a|vont|v[aã]o|vai|ir[aã]o|"
    r"(?:el|este|esta)\s+(?:año|mes|semana)(?:\s+pasad[oa])?|hasta\s+(?:ahora|la\s+fecha)|"
    r"desde\s+entonces|m[aá]s\s+tarde|l['’]an(?:n[ée]e)?\s+(?:derni[eè]re?|pass[ée]e?)|"
    r"cette\s+ann[ée]e|depuis|plus\s+tard|jusqu['’][aà]\s+pr[ée]sent|"
    r"(?:no|este|neste)\s+(?:ano|m[eê]s)(?:\s+passado)?|desde\s+ent[aã]o|at[ée]\s+agora|"
    r"mais\s+tarde)\b",
    re.I,
)


def _said_of_another_time(part: Item, whole: Item) -> bool:
    """Whether the sentence of a part pointing back from another sentence than its whole's
    says a time of its own: a relative one ("last year", "since then", "so far") or a year
    not of the whole's period."""
    said, of = _said(part), _said(whole)
    sentence = said.passage.sentence_at(said.start)
    if of.passage is said.passage and of.passage.sentence_at(of.start) == sentence:
        return False
    words = said.passage.text[slice(*sentence)]
    period = str(whole.fields.get("period"))
    return bool(RELATIVE_TIME.search(words)) or any(y not in period for y in YEAR.findall(words))


def _one_time_around(items: list[Item], whole: Item, part: Item) -> bool:
    """Whether the counts of the whole's unit said from the sentence before the whole's to
    the part are of the whole's time or of none: not "1,786 cases since 2008. More than 400
    cases in 2024. 90% of the cases ...", where which count the share is of is not said."""
    said, end = _said(whole), _said(part)
    sentences = said.passage.sentences
    k = next((i for i, (a, b) in enumerate(sentences) if a <= said.start < b), 0)
    start = sentences[max(0, k - 1)][0]
    for x in items:
        at = _said(x)
        if at is None or x.fields.get("unit") != whole.fields.get("unit"):
            continue
        after_start = (at.passage.index, at.start) >= (said.passage.index, start)
        before_end = (at.passage.index, at.start) < (end.passage.index, end.start)
        if (
            after_start
            and before_end
            and x.fields.get("period") not in (None, whole.fields.get("period"))
        ):
            return False
    return True


def _parts_adding_up(items: list[Item]) -> list[tuple[Item, Item]]:
    """(part, whole) for two or more counts said one after another after a count of their
    unit that they add up to exactly ("apprehended 40 migrants on Tuesday. ... the migrants
    — 32 males, seven females and one minor"; "a boat carrying 120 people capsized on
    Sunday. Nine bodies were recovered, while 99 made it to shore. The remaining 12 are
    missing"): the parts of that whole, whatever words they are said in. The parts start at
    the first count of the unit after the whole, in its paragraph or the next two."""
    found = []
    for k, whole in enumerate(items):
        total, unit = _whole_value(whole), whole.fields.get("unit")
        at = _said(whole)
        if total is None or total < 3 or unit in (None, "percent", "times") or at is None:
            continue
        run, added = [], 0
        for x in items[k + 1 :]:
            said = _said(x)
            if said is None or said.passage.index > at.passage.index + PASSAGES_BACK:
                break
            if x.fields.get("unit") != unit:
                continue
            value = _whole_value(x)
            if value is None or added + value > total:
                break
            run.append(x)
            added += value
            if added == total:
                if len(run) > 1 and not any(_not_a_part(part, whole) for part in run):
                    found += [(part, whole) for part in run]
                break
    return found


# What says counts that add up to a whole are of another time or kind all the same: a time of
# their own ("Since its launch, the project has trained 15 ...", "So far, 30 have been
# returned and 10 will be resettled", "over the past decade", "Previously, two ...")
# (not "have since said")
ANOTHER_TIME_OF_PARTS = re.compile(
    r"(?i:\bsince)\s+(?:(?i:the|its|their|his|her|this|that|then)\b|[A-Z\d])"
    r"|(?i:\b(?:past|decades?|over\s+the\s+years)\b)"
)


def _not_a_part(part: Item, whole: Item) -> bool:
    """Whether a count that adds up with others to a whole is told as of another time (a
    time of its own, a period of its own) or counts people of a role ("15 border officers and
    10 judges" are not among "25 migrants")."""
    said = _said(part)
    words = said.passage.text[slice(*said.passage.sentence_at(said.start))]
    noun = _noun_of(part)
    return bool(
        "period" in part.fields
        or _said_of_another_time(part, whole)
        or ANOTHER_TIME_OF_PARTS.search(words)
        or (noun in PERSON_ROLES and noun != _noun_of(whole) and noun != "survivor")
    )


def _whole_value(item: Item) -> int | None:
    """A count's value when it is a whole number (the draft writes it as its digits)."""
    value = str(item.fields.get("value", ""))
    return int(value) if value.isdigit() else None


def periods_of_parts(items: list[Item], wholes: list[tuple[Item, Item]]) -> None:
    """Each number with no time of its own that is a part of a whole said before it takes
    the whole's time: in the whole's sentence, after the opening of its parts; in a sentence
    opening with its whole (`wholes`: "Of these, 37 per cent ...", read by
    parts.part_of_the_whole_before); pointing back to it. In text order (a part may be a
    whole in its turn)."""
    links = [*wholes, *_parts_in_the_sentence(items)]
    links += _parts_pointing_back(items, links)
    links += _parts_adding_up(items)
    order = {id(x): k for k, x in enumerate(items)}
    for part, whole in sorted(links, key=lambda link: order.get(id(link[0]), -1)):
        if "period" in part.fields or "period" not in whole.fields:
            continue
        if part.fields.get("unit") == "times":
            continue
        said = _said(part)  # ("..., of whom 1,200 are still in its shelters today")
        if said is not None and ITS_OWN_TIME.search(
            said.passage.text, *said.passage.sentence_at(said.start)
        ):
            continue
        part.fields["period"] = whole.fields["period"]
