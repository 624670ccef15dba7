"""The parts of a whole a sentence opens with: "Of the 300 complaints, 120 involved women",
"Of the total number of complaints, 131 ...", "Of these, 37 per cent ...", "Among the total
number recorded, 25% ...", "The remaining 9 per cent ...": of the whole's time, and counting
what it counts; and a number with no noun of its own ("Twelve were from Ecuador", "98
(25.5%) exploited for labour") counting what the count before it counts.
"""

from __future__ import annotations

import re

from kg.extraction.carried_periods import ITS_OWN_TIME
from kg.extraction.event_times import COMPARED
from kg.extraction.figures import Found
from kg.extraction.text import Passage
from kg.extraction.units import ACTS, flow_of, singular

# A sentence that opens with the whole its numbers are parts of: "Of the 300 complaints, 120
# involved women", "Of the total number of complaints, 163 involved", "De los 90 rescatados, 30".
OF_THE_WHOLE = re.compile(
    r"\s*(?:(?:Out\s+of|Of|Among|De|Des|Dos|Das|Entre)\s+"
    r"(?:the|los|las|these|those|this|ces|os|as|este|ese|esta|esa|cet|ce|este|esse)\s+"
    r"(?:(?P<number>[\d,.]+)\b|total\b(?:\s+number)?(?:\s+(?:of|de)\s+(?P<noun>\w+))?)"
    r"[^,;:()]{0,80}"
    # "Of these, 37 per cent ...", "Of them, 12 ...", "Of these migrants, 7 per cent",
    # "Parmi eux, 12 ...": the count said before
    r"|(?:Of|Among|De|Entre|Parmi|Dentre)\s+(?:these|them|those|ellos|ellas|estos|estas|ces|"
    r"eux|elles|eles|elas)(?P<words>(?:\s+[^\W\d_]+){0,2})\s*,"
    # "Del total, el 71.4% ...", "Do total, ...": the count said as a total
    r"|(?P<total>(?:Del|Do|Du)\s+total)\s*,"
    # "The remaining 9 per cent were exploited for other purposes": the rest of it
    r"|(?P<rest>The\s+remaining|Los\s+restantes|Las\s+restantes|Les\s+autres)\s+(?=\d))",
    re.I,
)
# "400 were children": a verb to be, which says what the part is
TO_BE = re.compile(r"\s+(?:were|was|are|is|fueron|eran|son|étaient|sont|foram|eram|são)\b", re.I)
# A verb right after the part's number: the part counts what the whole counts.
PART_VERB = re.compile(
    r"\s+(?:involved|involve|concerned|concern|related|relate|were|was|are|is|had|have|"
    r"included|include|came|come|remained|remain|corresponded|correspond|"
    r"involucraron|correspondieron|fueron|eran|son)\b",
    re.I,
)


def part_of_the_whole_before(item, f: Found, passage: Passage, anchor, last_count, items):
    """The numbers of a sentence opening with their whole ("Of the 300 complaints registered
    in 2020, 120 involved women", "Of the total number of complaints, 131 ...") are of its
    time when they say none of their own, and a number that a verb follows, with no noun of
    its own, counts what the whole counts ("120 involved women": complaints, not women)."""
    text, s0 = passage.text, f.sentence[0]
    opening = OF_THE_WHOLE.match(text, s0)
    if opening is None and MOST_OF_IT.match(text, s0):
        # (of the count the sentence before is about, not one it compares it with: "5,000
        # arrived in 2019, compared with 3,000 in 2018. Half of them were women")
        _period_of_the_sentence_before(item, f, passage, _main_count(last_count, items))
    if opening is None or opening.end() > f.start:
        return
    whole = anchor if opening.group("number") else _main_count(last_count, items)
    if opening["total"] or (
        not opening["number"] and not opening["noun"] and "total" in opening.group(0).casefold()
    ):
        # ("Un total de 1,940 migrantes ... Del total, el 71.4% ...": the count said as one)
        whole = _said_as_a_total(items, passage) or whole
    if noun := opening.group("noun"):  # the last count of the noun the opening names
        named = [x for x in items if x.fields.get("unit") == singular(noun)]
        whole = named[-1] if named else whole
    if whole is None or whole is item or not whole.spans:
        return
    if (
        opening["words"]
        and _names_another_thing(opening["words"], whole)
        and item.fields.get("unit") not in (None, "?", "percent", whole.fields.get("unit"))
    ):
        return  # ("Of these three countries, Pelmark hosts 300 camps", after 12,000 claims)
    said = whole.spans[0]
    # ("The remaining 9 per cent were ...": the share right after it, of the count before;
    # not "The remaining 40 shelters", nor "The remaining 5 per cent of the budget")
    if opening["rest"] and (
        not f.percent
        or opening.end() != f.start
        or re.match(r"\s*(?:per\s*cent|percent|%)?\s+of\b", passage.text[f.end :], re.I)
    ):
        return
    in_opening = any(
        span.passage is passage and s0 <= span.start < opening.end()
        for span in [*whole.spans, *whole.quotes]
    )
    if (opening.group("number") and not in_opening) or (
        said.passage is passage and said.start > f.start
    ):
        return  # (a whole said in the opening, or a total said before)
    # (not "Of these victims, 58% are now back in their villages": a time of its own)
    if (
        "period" not in item.fields
        and "period" in whole.fields
        and not ITS_OWN_TIME.search(text, *f.sentence)
    ):
        item.fields["period"] = whole.fields["period"]
    unit = whole.fields.get("unit")
    if f.percent or whole.fields.get("unit") == "percent":
        return whole  # (a share's unit is its own; a share is no whole)
    if (
        unit not in (None, "?", "percent", item.fields.get("unit"))
        and PART_VERB.match(text, f.end)
        # ("Of these returns, 400 were children": people, as the text counts them, not acts)
        and not (unit in ACTS and item.fields.get("unit") == "person" and TO_BE.match(text, f.end))
    ):
        item.fields["unit"] = unit
        if "unit" in whole.new_concepts:  # (a unit the draft proposes, proposed once)
            item.new_concepts["unit"] = whole.new_concepts["unit"]
    return whole


# How a count is said as a total: "A total of 2,783", "Un total de", "Au total,", "In total,".
AS_A_TOTAL = re.compile(
    r"\b(?:(?:a|un|une|um)\s+total\s+(?:of|de|d[’']|)|in\s+total|en\s+total|au\s+total|"
    r"no\s+total)\W*(?:(?:some|about|around|more\s+than|over|nearly|almost|unos|unas|"
    r"cerca\s+de|m[aá]s\s+de|plus\s+de|environ|mais\s+de|cerca\s+de)\s+)?$",
    re.I,
)


def _said_as_a_total(items, passage: Passage):
    """The last count of the passage or the three before said as a total ("A total of 2,783
    migrants were deported ..."), which "Of the total" and "Del total" point back to; none
    where a count of another unit (not the moves the people made: "310 retornos menos") is
    said after it ("a total of 3 million dollars in aid. 300 migrants reached the border. Of
    the total, 60% were men": which total is not said)."""
    units = set()
    for x in reversed(items):
        said = x.spans[0] if x.spans else None
        if said is None or x.fields.get("unit") == "percent":
            continue
        if said.passage.index < passage.index - 3:
            return None
        if AS_A_TOTAL.search(said.passage.text, max(0, said.start - 40), said.start):
            return x if units <= {flow_of(x.fields.get("unit"))} else None
        units.add(flow_of(x.fields.get("unit")))
    return None


# A sentence that opens with the greater part or a share of what was counted before: "The
# majority (395,084 individuals or 66%) were from Niger", "Almost three-quarters of these
# travelled", "La mayoría", "A maioria"; a share "of these" or "of them", not "of the
# participants" (a share says its own time or none).
MOST_OF_IT = re.compile(
    r"\s*(?:(?:(?:The|A)\s+(?:vast\s+|large\s+|great\s+)?majority|La\s+mayor[ií]a|"
    r"La\s+majorit[ée]|A\s+maioria)"
    # ("The majority of them", "La mayoría de ellos"; not "The majority of the participants
    # in the training": a share of another whole)
    r"(?:\s+of\s+(?:these|those|them)\b|\s+de\s+(?:ellos|ellas|estos|estas)\b|"
    r"\s+d[’']entre\s+(?:eux|elles)\b|\s+del[ae]s\b)?"
    r"(?!\s+(?:of|de|des|du|da|do|das|dos)\b|\s+d[’'])"
    r"|(?:(?:About|Approximately|Nearly|Almost|Some|Around|Over|"
    r"More\s+than|Roughly)\s+)?(?:most|half|a\s+third|two[\s-]thirds|a\s+quarter|"
    r"three[\s-]quarters|[\d.,]+\s*(?:%|per\s*cent|percent))\s+of\s+(?:these|those|them))\b",
    re.I,
)


def _period_of_the_sentence_before(item, f: Found, passage: Passage, count) -> None:
    """The numbers of such a sentence, saying no time of their own, are of the time of the
    count said in the sentence right before it, in its paragraph (the whole they are parts
    of): "There were 600,362 migrants identified between May-June 2020. The majority
    (395,084 individuals or 66%) were from Niger (21%)"."""
    if "period" in item.fields or count is None or "period" not in count.fields:
        return
    said = count.spans[0] if count.spans else None
    before = [x for x in passage.sentences if x[1] <= f.sentence[0]]
    if said is not None and said.passage is passage and before and before[-1][0] <= said.start:
        item.fields["period"] = count.fields["period"]


# What an opening's words name that is no part of a count of people: "Of these three
# countries,", "Entre estos dos países,"
NOT_COUNTED = {
    "country", "countries", "state", "year", "month", "day", "city", "cities", "region",
    "province", "route", "nationality", "nationalities", "país", "países", "pays", "año",
    "años", "année", "années", "ano", "anos",
}  # fmt: skip


def _names_another_thing(words: str, whole) -> bool:
    """Whether the words of "Of these <words>," name another thing than what the whole
    counts: not its unit nor its noun, where it counts things other than people, or a
    place or a time where it counts people."""
    last = words.split()[-1].casefold()
    unit = whole.fields.get("unit")
    head = whole.head.split()[-1].casefold() if whole.head else ""
    if singular(last) in (unit, singular(head)) or last == head:
        return False
    return unit not in (None, "?", "person", "percent") or last in NOT_COUNTED


def _main_count(count, items):
    """What "Of these," and "Among the total" point back to: the count said last, unless
    it is one compared with ("tracked 6,364 migrants during October, compared to 2,692 in
    September. Among the total number recorded, 25% ...", "assisted 1,200 victims, down from
    3,400 in 2019. Of these, 60 per cent ..."): then its sentence's first count."""
    if count is None or not count.spans:
        return count
    said = count.spans[0]
    before = said.passage.text[max(0, said.start - 40) : said.start]
    # (past an article or a qualifier: "down from some 3,400")
    before = re.sub(
        r"\s(?:the\s+)?(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?$", " ", before
    )
    if not COMPARED.search(before):
        return count
    s0, s1 = said.passage.sentence_at(said.start)
    same = [
        x
        for x in items
        if x.spans
        and x.spans[0].passage is said.passage
        and s0 <= x.spans[0].start < s1
        and x.fields.get("unit") == count.fields.get("unit")
    ]
    return min(same, key=lambda x: x.spans[0].start, default=count)


# A number that is its sentence's subject, without a noun: "Twelve were from Ecuador and one
# from Peru", after "... rescued 13 victims".
BARE_SUBJECT = re.compile(r"\s+(?:were|was|are|is|came|come|had|have|remain|remained)\b")


SHARE_AFTER = re.compile(
    r"\s*,?\s*\(\s*\d[\d.,]*\s*(?:%|per\s*cent|percent|por\s*ciento|pour\s*cent|por\s*cento)\s*\)"
)


def unit_of_the_count_before(item, f: Found, passage: Passage, last_count) -> None:
    """A number opening its sentence with no noun of its own ("Twelve were from Ecuador"),
    and the one joined to it ("and one from Peru"), count what the count before them counts."""
    if item.fields.get("unit") != "?" or last_count is None:
        return
    unit = last_count.fields.get("unit")
    if unit in (None, "?", "percent") or last_count.spans[0].passage is not passage:
        return
    text, s0 = passage.text, f.sentence[0]
    opens = re.fullmatch(r"\s*", text[s0 : f.start]) and BARE_SUBJECT.match(text, f.end)
    joined = re.search(r"\band\s+$", text[s0 : f.start]) and re.match(
        r"\s*[\w,.-]+" + BARE_SUBJECT.pattern, text[s0:]
    )
    # ("388 migrants in two operations: one with 54 in a bus, and 334 in a trailer")
    where = re.match(r"\s+(?:in|on|at|en|dans|em|no|na|sur)\s", text[f.end :])
    said = last_count.spans[0]
    same_sentence = s0 <= said.start < f.sentence[1] and unit == "person"
    # ("forced labour; 418 (17 per cent), sexual exploitation; 365 (14 per cent)": a part
    # with its share in brackets, of the count before)
    share = SHARE_AFTER.match(text, f.end)
    if (
        opens
        or (joined and re.match(r"\s+from\b", text[f.end :]))
        or (where and same_sentence)
        or share
    ):
        item.fields["unit"] = unit
        if "indicator" in item.new_concepts and last_count.fields.get("indicator"):
            # (and the indicator: not one named after "Twelve were from Ecuador")
            item.fields["indicator"] = last_count.fields["indicator"]
            item.new_concepts.pop("indicator")
            if "indicator" in last_count.new_concepts:
                item.new_concepts["indicator"] = last_count.new_concepts["indicator"]
        item.confidence = round(min(0.99, item.confidence + 0.4), 2)
        item.why = [w for w in item.why if "no unit" not in w]
