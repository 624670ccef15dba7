"""Periods a number takes from the time frame its release has just set, when its own sentence
gives none: a sentence that goes on from the count before it ("Of these, 20% were children",
"Overall, 50 per cent of the victims ...", "Del total, el 86% son hombres", "Parmi ces
migrants, 4% sont des femmes", "Dentre eles, 35 mulheres") tells more of the operation, survey
or period the sentences just before dated, and its numbers are of that time (the README's
`period`: the results of an operation dated earlier take the operation's time); so does one
whose subject is that count ("This group comprised 87% men", "Este grupo ..."), and one
opening with that time ("During the same period,", "Durante el mismo período,"). In text
order, so that a count dated so dates the sentence going on from it.

Only the time of the nearest dated number before it, in its paragraph or the one before, and
only when the sentence says no time of its own (a year, "last year", "so far", "since",
"every year", "today"), is no standing or world figure ("globally", "an estimated"), no change
between two times ("fell by 12 per cent from the year before"), no plan ("will", "plans to")
and no one's own story ("my brother paid"). A period so taken is never in the
number's sentence: the draft flags it (draft_yaml.PERIOD_FROM_CONTEXT).

A model over many weak cues (tense, reporting words, distance, how many times the release
dates) was tried for the wider case of any number after a dated one: cross-validated over the
tune releases it gave more spurious periods than right ones, whatever its threshold; the
opening that ties a sentence to the one before is the cue that carries.
"""

from __future__ import annotations

import re

from kg.extraction.carried_periods import A_COUNT, NEW_CLAUSE, OF_IT_OPENING, _noun_of, _said
from kg.extraction.carried_periods import ITS_OWN_TIME as STILL
from kg.extraction.dated_days import YEAR
from kg.extraction.foreign_nouns import COUNTED_AS_PEOPLE, english_unit
from kg.extraction.foreign_words import UNIT_WORDS
from kg.extraction.number_words import MONTH
from kg.extraction.period_cuts import A_COUNT as A_FIGURE
from kg.extraction.proposal import Item
from kg.extraction.text import fold
from kg.extraction.units import PEOPLE, singular

# A sentence going on from the count said before it: a part of it ("Of these", "Among them",
# "Del total", "Parmi ces"), or all of it again ("Overall", "In total"). Not a sentence adding
# another fact ("In addition, the institute has 35 offices"): a standing one as often as not.
GOING_ON = re.compile(
    # ("Overall," or "Overall 45 per cent": not the adjective of another thing, "Overall
    # unemployment stands at")
    # ("Among" so: not "Among other measures,", another fact added, as "In addition")
    r"\s*(?:Of\s+(?:these|them|those|the|this)|Among(?!\s+others?\b)|Overall(?=\s*,|\s+\d)|"
    r"In\s+total|Of\s+the\s+total|"
    r"Del\s+total|De\s+(?:estos|estas|ellos|ellas|las|los)|En\s+total|"
    r"Entre\s+(?:ellos|ellas|estos|estas|eles|elas|estes)|"
    r"Parmi(?!\s+(?:d['’]|les\s+)autres\b)|Au\s+total|No\s+total|"
    r"D[oa]s\s+quais|Dentre(?!\s+outr[oa]s\b)|"
    # (the count before as the subject: "This group comprised 87% men", "Of this number,",
    # "Este grupo", "Ce groupe", "Esse grupo")
    r"(?:Of\s+)?(?:This|That)\s+(?:group|number|total)|(?:De\s+)?(?:Este|Ese|Esta|Esa)\s+(?:grupo|"
    r"n[uú]mero|total|cifra)|(?:Ce|Sur\s+ce)\s+(?:groupe|nombre|total)|(?:Desse|Deste|Esse|"
    r"Este)\s+(?:grupo|n[uú]mero|total))\b(?!\s+(?:of|de|du|des|do|da)\b)",
    re.I,
)
# A count right after the opening: "Of the 712 people", "Del total de 500".
OWN_COUNT = re.compile(
    r"\s+(?:(?:the|its|their|these|those|de|los|las|sus|les|ses|leurs|des|os|as|seus|suas)\s+)?"
    r"(?:[^\W\d_][\w-]*['’]s?\s+)?\d",  # (a possessive: "Of the country's 12 million people")
    re.I,
)
# "Overall,", "In total,": all of the count again; a share of it ("Overall, 50 per cent of the
# victims were ..."), not a standing total ("Overall, Pelmark hosts 2 million refugees").
ALL_OF_IT = re.compile(r"\s*(?:Overall|In\s+total|En\s+total|Au\s+total|No\s+total)\b", re.I)
# A sentence opening with the time said before it: "During the same period,", "In that period,",
# "Durante el mismo período,", "Au cours de la même période,", "No mesmo período,"; or the
# words it reports opening so ("Jane Doe a expliqué qu'au cours de la même période, 28 102 ...")
THAT_PERIOD = re.compile(
    r"(?:[^.;:\d]{0,160}?(?:\bthat|\bque|\bqu['’]))?"
    r"\s*(?:(?:During|In|Over|Throughout|Within)\s+(?:(?:the|this|that)\s+same\s+"
    r"(?:period|time|months?|weeks?)|(?:the|this|that)\s+period|(?:this|that)\s+time|"
    r"(?:these|those)\s+(?:months|weeks))|"
    r"(?:En|Durante)\s+(?:el\s+mismo|ese|este|dicho)\s+per[ií]odo|"
    r"(?:Au\s+cours\s+de|Pendant|Durant|Sur)\s+(?:la\s+m[eê]me|cette)\s+p[ée]riode|"
    r"(?:No|Nesse|Neste|Durante\s+o|Durante\s+esse|Durante\s+este)\s+(?:mesmo\s+)?"
    r"per[ií]odo)\s*,",
    re.I,
)
# A time of the sentence's own, or a figure of no one dated time: "last year", "so far",
# "since", "every year", "globally", "an estimated", "currently", "will".
ITS_OWN_TIME = re.compile(
    r"\b(?:(?:last|past|previous|next|this|coming)\s+(?:\w+\s+)?(?:year|years|decade|months?|"
    r"weeks?|days?)|ago|today|yesterday|now|currently|to\s+date|so\s+far|thus\s+far|since|"
    r"(?:every|each|per|a)\s+(?:year|month|week|day)|annually|yearly|monthly|weekly|daily|"
    r"globally|worldwide|(?:the|in\s+the)\s+world|world['’]s|estimated|will|"
    # (a comparison of two times: "fell by 20 per cent compared with the year before"; a
    # plan: "plans to open 3 centres")
    r"compared|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!greater\s)(?<!rather\s)than|versus|"
    # (the count of another time it is compared with: "This number is down from 3,100",
    # "double the 1,200 recorded during the winter", "contra 250 no inquérito anterior")
    r"(?:up|down)\s+from|(?:double|twice|triple|treble|half)\s+(?:the|that|as)|"
    r"(?:le|el|o)\s+(?:double|doble|dobro)|(?:against|contra|contre|frente\s+a)\s+"
    r"(?:(?:the|los|las|les|os|as)\s+)?\d+|"
    r"previous\s+(?:\w+\s+)?(?:report|survey|study|assessment|round|edition|period|quarter)|"
    r"anterior(?:es)?|pr[ée]c[ée]dente?s?|(?<!ces\s)(?<!ce\s)(?<!cette\s)derni[eè]re?s?|"
    r"(?:the\s+|a\s+)?(?:year|month|week)\s+(?:before|earlier)|increased?|decreased?|rose|"
    r"fell|grew|dropped|declined|aumento|aument[oó]|disminuy[oó]|disminuci[oó]n|hausse|baisse|"
    r"augment[ée]|diminu[ée]|queda|cresceu|caiu|plans?\s+to|aims?\s+to|intends?\s+to|"
    r"planea|pretende|pr[ée]voit|planeja|va\s+a|van\s+a|vont|expected|projected|forecast|"
    r"by\s+the\s+end|esperad[oa]s?|prev[ée]|pr[ée]vu|previst[oa]s?|"
    # (what may be: "This number could double to 5,000 by June", "may rise to 3,000")
    r"(?:is|are)\s+(?:set|due|going|on\s+track)\s+to|"
    r"(?:could|might|(?-i:may)|would|likely\s+to|"
    r"podr[ií]an?|pourrai(?:t|ent)|poderi(?:a|am)|poder[aã]o)\s+(?:\w+\s+)?(?:reach|rise|grow|"
    r"double|triple|increase|exceed|climb|top|surpass|hit|llegar|alcanzar|aumentar|duplicarse|"
    r"superar|atteindre|doubler|augmenter|d[ée]passer|chegar|atingir|aumentar|dobrar|ultrapassar)|"
    r"respecto|comparad[oa]|par\s+rapport|comparativement|em\s+rela[cç][aã]o|"
    r"al\s+(?:año|mes)|par\s+(?:an|mois)|por\s+(?:m[eê]s|ano)|del\s+mundo|du\s+monde|"
    r"do\s+mundo|"
    r"hace|hoy|ayer|actualmente|hasta\s+(?:ahora|la\s+fecha)|desde|cada\s+año|al\s+año|"
    r"(?:el|este|esta)\s+(?:año|mes|semana)|en\s+el\s+mundo|estimad[oa]s?|lo\s+que\s+va|"
    r"il\s+y\s+a|aujourd['’]hui|hier|actuellement|depuis|jusqu['’]|chaque\s+ann[ée]e|"
    r"(?:cette|l['’])\s*ann[ée]e|dans\s+le\s+monde|estim[ée]e?s?|"
    r"h[aá]\s+\d+|hoje|ontem|atualmente|at[ée]\s+(?:agora|hoje)|cada\s+ano|"
    r"(?:este|neste|no)\s+(?:ano|m[eê]s)|no\s+mundo|estimad[oa]s?)\b",
    re.I,
)
# A number the sentence says is not of the count: "This number does not include 300 people".
NOT_OF_IT = re.compile(
    # ("This total excludes 300", "excluye a", "exclut", "exclui")
    r"\b(?:not|n['’]t|exclu\w*|except|excepto|sin\s+contar|no\s+incluye|ne\s+\w+\s+pas|"
    r"n['’]\w+\s+pas|hors|n[aã]o)\b",
    re.I,
)
# A clause telling what a body named in the sentence has or runs: a standing fact, not of
# the count ("This group was assisted by the Velna Red Cross, which runs 12 shelters").
WHAT_IT_HAS = re.compile(
    r",\s*(?:which|who|que|qui)\s+(?:also\s+|currently\s+)?(?:has|have|runs|run|hosts|host|"
    r"operates|operate|employs|employ|manages|manage|houses|owns|tiene|tienen|gestiona|opera|"
    r"cuenta\s+con|compte|g[eè]re|dispose\s+de|poss[eè]de|tem|t[eê]m|conta\s+com|gere)\b",
    re.I,
)
# Words of one who speaks of himself: a testimony, not a count of the release.
FIRST_PERSON = re.compile(r"\b(?:I|my|me|we|our|mi|yo|je|j['’]|mon|ma|eu|meu|minha)\b")
PARAGRAPHS_BACK = 1  # the dated number in the number's paragraph or the one before
THAT_PERIOD_BACK = 4  # ("During the same period": a period said some paragraphs before)


def _own_sentence(item: Item) -> str:
    said = _said(item)
    return said.passage.text[slice(*said.passage.sentence_at(said.start))]


def words_about(item: Item) -> str:
    """The number's sentence without the brackets that hold another count than it (not a
    year or a date alone: "(Zorvan Aid, 2018)" is a source's): what they say is of the
    figure inside them ("118 reports of forced marriage (up from 91 reports
    the previous year); 84 reports of ...": the 118 and the 84 are not of the year before)."""
    said = _said(item)
    a, b = said.passage.sentence_at(said.start)
    return BRACKET.sub(
        lambda m: (
            " " * len(m[0])
            if A_FIGURE.search(m[0]) and not a + m.start() <= said.start < a + m.end()
            else m[0]
        ),
        said.passage.text[a:b],
    )


BRACKET = re.compile(r"\([^()]*\)")


def _sentence_of(item: Item) -> tuple:
    said = _said(item)
    return (said.passage.index, said.passage.sentence_at(said.start))


def _told_again(count: Item, before: Item) -> bool:
    """Whether a count opening a sentence ("Of the 712 people rescued,") tells again the one
    said before it ("more than 700 people"): of its unit and near its value; not another
    ("Among its 80 staff," after 2,400 arrivals)."""
    if count.fields.get("unit") != before.fields.get("unit"):
        return False
    try:
        a = float(count.fields.get("value") or count.fields.get("max"))
        b = float(before.fields.get("value") or before.fields.get("max"))
    except (TypeError, ValueError):
        return False
    return b > 0 and abs(a - b) <= 0.2 * b


# A sentence opening with a whole named at more length than OF_IT_OPENING reads ("Among the
# countries of the region,", "Of the migrants who arrived by sea,"), or after a possessive.
LONG_OPENING = re.compile(
    r"\s*(?:Of|Among|Out\s+of|De|Entre|Parmi|Dentre)\s+(?:the|these|those|this|that|los|las|"
    r"estos|estas|este|esta|esa|ese|les|ces|cette|ce|os|as|estes|esse|essa|"
    # (a possessive: "Among its partners,", "Among Pelmark's neighbours,")
    r"its|their|sus|ses|leurs|seus|suas|[^\W\d_][\w-]*['’]s?)\s+"
    r"(?P<noun>[^\W\d_][^,;:.]{0,80}?)\s*,",
    re.I,
)


def _another_whole(words: str, before: Item) -> bool:
    """Whether the whole a sentence opens with at length is another than the count said
    before it: neither its noun nor, for a count of people, people ("Among the countries of
    the region, Pelmark hosts 2 million refugees" after 2,400 arrivals; not "Of the migrants
    who arrived by sea, 40 per cent ...")."""
    opening = LONG_OPENING.match(words)
    if opening is None:
        return False
    words = re.findall(r"[^\W\d_]+", opening["noun"])
    nouns = {singular(w) for w in words}
    if _noun_of(before) in nouns or nouns & A_COUNT:
        return False
    people = nouns & (PEOPLE | COUNTED_AS_PEOPLE) or any(
        english_unit([fold(w)]) == "person" or UNIT_WORDS.get(fold(w)) == "person"
        for w in words  # ("De los migrantes que llegaron por mar,")
    )
    return before.fields.get("unit") != "person" or not people


# "This group" as a sentence's subject, and the bodies a sentence before may name instead of a
# count ("The Velna Task Force was set up by the ministry. This group has 30 members.").
A_GROUP = re.compile(
    r"\s*(?:(?:Of\s+)?(?:This|That)\s+group|(?:De\s+)?(?:Este|Ese)\s+grupo|Ce\s+groupe|"
    r"(?:Desse|Deste|Esse|Este)\s+grupo)\b",
    re.I,
)
A_BODY = re.compile(
    r"\b(?:task\s+force|team|committee|network|council|coalition|alliance|group|unit|board|"
    r"commission|panel|gang|ring|cartel|organi[sz]ation|association|equipo|comit[eé]|red|"
    r"grupo|banda|[ée]quipe|r[ée]seau|groupe|comiss[aã]o|rede)\b",
    re.I,
)


def _a_body_just_named(said) -> bool:
    """Whether the sentence right before that of `said`, in its paragraph, names a body and no
    number: what "This group" is then (not "2,400 arrivals. Most came by sea. This group
    included 300 children")."""
    sentences = said.passage.sentences
    k = next((i for i, (a, b) in enumerate(sentences) if a <= said.start < b), 0)
    if k == 0:
        return False
    text = said.passage.text[slice(*sentences[k - 1])]
    return bool(A_BODY.search(text)) and not re.search(r"\d", text)


MONTHS = MONTH.strip("(?:)").split("|")


def _another_year_since(before: Item, said, months: bool = True) -> bool:
    """Whether a year or month (`months`) not of the period of `before` is said after its
    sentence and before the sentence of `said` (in their paragraphs): a time "During this
    period" may name instead ("In 2019, 300 arrived. ... The campaign ran for 18 months from
    June 2020.")."""
    b = _said(before)
    start = said.passage.sentence_at(said.start)[0]
    after_it = b.passage.sentence_at(b.start)[1]
    if b.passage is said.passage:
        between = said.passage.text[after_it:start]
    else:
        between = b.passage.text[after_it:] + " " + said.passage.text[:start]
    period = str(before.fields.get("period"))
    # (a month too: "The survey was conducted in May. During this period," after March 2022)
    said_months = re.findall(rf"\b{MONTH}\b", between) if months else []
    return any(
        y not in period
        for y in YEAR.findall(between) + [f"-{MONTHS.index(m) + 1:02d}" for m in said_months]
    )


# A sentence that points back to a number ("This number includes 40 ...", "These figures
# appeared the day after ...", "This represents"): which number, the rules above decide.
POINTS_TO_NUMBERS = re.compile(
    r"\b(?:this|that|these|those)\s+(?:numbers?|figures?|totals?|counts?|data)\b|"
    r"\b(?:this|that)\s+represents\b",
    re.I,
)


def left_to_the_rules(item: Item) -> bool:
    """Whether the number's sentence is one the rules above decide, carried or not, so that no
    other reading (period_carry's model) dates it: one that goes on from the count before it,
    opens with the period said before, points back to a number, says a time of its own, is
    said in the first person, or says it is not of the count before."""
    words = words_about(item)
    return bool(
        GOING_ON.match(words)
        or THAT_PERIOD.match(words)
        or A_GROUP.match(words)
        or POINTS_TO_NUMBERS.search(words)
        or YEAR.search(words)
        or ITS_OWN_TIME.search(words)
        or STILL.search(words)
        or FIRST_PERSON.search(words)
        or NOT_OF_IT.search(words)
        or WHAT_IT_HAS.search(words)
    )


def periods_going_on(items: list[Item]) -> None:
    """Each number with no period, in a body sentence that goes on from the one before it,
    takes the period of the number said last before it (in its paragraph or the one before)
    when that one is dated and the sentence says no time of its own; in a sentence opening
    with "During the same period", of the dated number said last, some paragraphs back."""
    placed = sorted(
        (x for x in items if _said(x) is not None and _said(x).passage.kind != "title"),
        key=lambda x: (_said(x).passage.index, _said(x).start),
    )
    for k, item in enumerate(placed):
        if item.fields.get("period") or item.fields.get("unit") == "times":
            continue
        words = _own_sentence(item)
        that_period = THAT_PERIOD.match(words)
        going_on = GOING_ON.match(words)
        # (the words after "... a expliqué qu'au cours de la même période,": the time of the
        # speech before them, "Intervenant aujourd'hui", is none of the number's)
        rest = words[that_period.end() :] if that_period else words
        if not (going_on or that_period) or YEAR.search(rest):
            continue
        if ITS_OWN_TIME.search(rest) or STILL.search(rest) or FIRST_PERSON.search(rest):
            continue
        said = _said(item)
        sentence = _sentence_of(item)
        if NOT_OF_IT.search(said.passage.text, sentence[1][0], said.start):
            continue  # ("This number does not include 300 people who arrived by air")
        if NEW_CLAUSE.search(said.passage.text, sentence[1][0], said.start):
            continue  # ("Of the victims, 58% were men, and the office has hired 12 inspectors")
        if WHAT_IT_HAS.search(said.passage.text, sentence[1][0], said.start):
            continue  # ("..., the Velna Red Cross, which runs 12 shelters in the country")
        # the number said last before the sentence: what "these", "the total" are, or the
        # time "in addition" goes on from; undated, it is no time to take ("2018 data show
        # that, until 9 February, 6,049 returned. Of these, 647 ...": not an older year's)
        # ("During the same period,": the period said last, whatever was counted since)
        before = next(
            (
                x
                for x in reversed(placed[:k])
                if _sentence_of(x) != sentence and (x.fields.get("period") or not that_period)
            ),
            None,
        )
        if before is None or not before.fields.get("period"):
            continue
        # ("210 cases in 2023, up from 150 in 2022. This number includes 40 ...": which?)
        times = {
            str(x.fields.get("period"))
            for x in placed
            if _sentence_of(x) == _sentence_of(before) and x.fields.get("period")
        }
        if len(times) > 1:
            continue
        # "Of the 712 people rescued, 85 ...": a count of its own opens the sentence, the
        # one said before told again (its unit), not another ("Of the 90 migrants rescued"
        # after "80 complaints were filed in 2019")
        own = next(x for x in placed if _sentence_of(x) == sentence)
        if going_on and OWN_COUNT.match(words, going_on.end()) and not _told_again(own, before):
            continue
        if ALL_OF_IT.match(words) and (
            item.fields.get("unit") != "percent"
            # ("Overall, 40 per cent of Pelmark's 12 million inhabitants": a share of the
            # count its sentence says, not of the one before)
            or any(
                x.fields.get("unit") != "percent" and not _told_again(x, before)
                for x in placed
                if _sentence_of(x) == sentence
            )
        ):
            continue
        # "Of these victims,": what the count before counted; not "Of these three
        # countries, Pelmark hosts 300 camps" after 12,000 claims
        named = OF_IT_OPENING.match(words)
        if named and named["noun"].casefold() not in A_COUNT:
            nouns = {singular(w) for w in re.findall(r"[^\W\d_]+", named["noun"])}
            if _noun_of(before) not in nouns:
                continue
        elif (
            not named
            and going_on
            and not OWN_COUNT.match(words, going_on.end())
            and _another_whole(words, before)
        ):
            continue  # ("Among the countries of the region, Pelmark hosts 2 million")
        if A_GROUP.match(words) and _a_body_just_named(said):
            continue  # ("The Velna Task Force was set up ... This group has 30 members.")
        if that_period and _another_year_since(before, said):
            continue  # ("The campaign ran for 18 months from June 2020. During this period,")
        back = PARAGRAPHS_BACK if not that_period else THAT_PERIOD_BACK
        if _said(before).passage.index < said.passage.index - back:
            continue
        # (in text order: "During the same period, 1,910 returned. This group comprised
        # 87% men": the group is the 1,910, of the period it has just taken)
        item.fields["period"] = before.fields["period"]
