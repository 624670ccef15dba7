"""Numbers: every figure a press release states, as a draft observation.

Forms understood: digits with thousands separators ("1,336"), words ("Forty-seven",
"fifty-three"), scales ("2.5 million"), percentages ("80 per cent", "44%"), money ("3,000 US
dollars", "US$ 500"), ranges ("between 500 and 3,000"), qualifiers before the number ("some",
"more than", "over", "at least", "an estimated", and "estimates" earlier in the sentence),
and the numbers that are not observations: years and dates ("January 2008", "Since 2005"),
durations ("six months", "two-day"), ordinals, article numbers, pronouns ("one of the worst",
"the two organizations") and a number repeated by a definite phrase ("Of the 54 victims
assisted through January 2008": the 54 already stated, which gains a quote and a period).

Each number gets its unit from the noun it counts ("54 victims" -> person, "1,336 cases" ->
case, "13 different nationalities" -> nationality), a period from the sentence ("since 2005",
"through January 2008", "between January and August of that year", "over a period of six
months that year"), a frequency ("each year", "annually"), a place ("in Mexico"), an origin
("from Central America", "Mexican women"), an attribution ("according to X", "X reports that",
"results of recent X studies"), an actor ("X has provided assistance to"), what it is a share
of ("of them", "Of this total", "of traffickers"), and an indicator: the concept of the
indicators scheme whose label, definition and curated observations are nearest in words.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extraction.entities import Entities, Mention
from kg.extraction.knowledge import Knowledge
from kg.extraction.proposal import ConceptProposal, Item, Quote, slugify
from kg.extraction.text import Passage, Source, clause_around, fold, in_page_label

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_UNIT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
_WORDNUM = rf"(?:(?:{_TENS})(?:-(?:{_UNIT}))?|{_UNIT})"
_HUNDREDS = rf"{_WORDNUM}(?:\s+hundred(?:\s+(?:and\s+)?{_WORDNUM})?)?"  # 1 to 9999
# A number in words, its groups of hundreds each followed by a larger scale than the next:
# "two thousand five hundred", "one million two hundred thousand and five".
_WORDS = rf"{_HUNDREDS}(?:\s+(?:thousand|million|billion)\b(?:\s+(?:and\s+)?{_HUNDREDS})?)*"
# "a hundred volunteers", "a dozen NGOs", "half a dozen": numbers said with an article.
ARTICLE_NUMBERS = {
    "a dozen": 12, "half a dozen": 6, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
}  # fmt: skip
ARTICLE_NUMBER = re.compile(
    r"(?<![\w-])(?P<n>half a dozen|a dozen|a hundred|a thousand|a million|a billion)\b"
    r"(?!\s+(?:and|of\b|times|thanks|years|ways|reasons))",
    re.I,
)
NUMBER = re.compile(
    rf"(?:(?<![\w.,/-])|(?<=\d-))(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<words>{_WORDS}))"
    rf"(?:\s+(?P<scale>hundred|thousand|million|billion)\b|(?<=\d)(?P<suffix>(?-i:m|mn|bn|k))\b)?"
    rf"(?![\w])",
    re.I,
)
# "USD 2.5m", "€1.2bn", "5k": a scale written as a letter after the digits.
SUFFIX_SCALES = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.I)
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
DURATION_AFTER = re.compile(
    r"(?:\s*-\s*|\s+)(?P<unit>day|days|week|weeks|month|months|year|years|hour|hours|decade|"
    r"decades|minute|minutes)\b",
    re.I,
)
NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:article|articles|section|chapter|resolution|no\.|number|phase|agenda|room|level|"
    r"decree|page|paragraph|annex|item|grade|tel\.?|ext\.?)\s*$",
    re.I,
)
QUALIFIERS_BEFORE = (
    ("more-than", r"(?:more than|over|above|in excess of|upwards of|exceeding|beyond)"),
    ("at-least", r"(?:at least|a minimum of|no fewer than|no less than|not less than)"),
    (
        "approximately",
        r"(?:some|about|around|approximately|roughly|nearly|almost|close to|"
        r"circa|an average of|on average|approx\.)",
    ),  # fmt: skip
    ("estimated", r"(?:an estimated|estimated|est\.)"),
    ("less-than", r"(?:less than|fewer than|under|below)"),
    ("at-most", r"(?:up to|at most|a maximum of|no more than|as many as|as much as)"),
)
# "handed over 15 computers": a phrasal verb, no "more than".
HANDED_OVER = re.compile(
    r"\b(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|t[oa]ken?|took|pass(?:ed|es|ing)?|"
    r"give[ns]?|gave|sign(?:ed|s|ing)?)\s+over\s*$",
    re.I,
)
STOP = {
    "of", "in", "from", "to", "for", "with", "by", "at", "on", "per", "each", "who", "which",
    "that", "whom", "whose", "were", "are", "was", "is", "have", "has", "had", "will", "would",
    "could", "can", "may", "be", "been", "being", "as", "than", "or", "a", "an", "the", "and",
    "while", "but", "this", "these", "those", "its", "their", "his", "her", "into", "over",
    "during", "since", "through", "until", "between", "among", "including", "across", "along",
}  # fmt: skip
PEOPLE = {
    "victim", "person", "people", "individual", "woman", "man", "girl", "boy", "child", "minor",
    "adolescent", "youth", "migrant", "refugee", "participant", "expert", "legislator",
    "official", "officer", "student", "trafficker", "worker", "member", "delegate",
    "representative", "journalist", "survivor", "returnee", "deportee", "national", "citizen",
    "resident", "inhabitant", "detainee", "smuggler", "agent", "staff", "volunteer", "trainee",
    "judge", "prosecutor", "teacher", "leader", "beneficiary", "patient", "employee", "mother",
    "father", "parent", "adult", "baby", "infant", "teenager", "passenger", "seeker",
    "applicant", "casualty", "maker", "commissioner", "policeman", "guard", "prostitute",
    "immigrant", "emigrant", "displaced", "orphan", "villager", "farmer", "mexican",
    "guatemalan", "honduran", "salvadoran", "nicaraguan", "colombian", "american",
    "arrival", "police", "soldier", "nurse", "doctor", "lawyer", "fisherman",
    "fishermen", "asylum-seeker", "evacuee", "newcomer", "labourer", "laborer", "domestic",
    "respondent", "interviewee", "attendee", "spectator", "runner", "athlete", "pupil",
    "graduate", "seafarer", "sailor", "crew", "crewmember", "fisher", "jobseeker",
    "entrepreneur", "caregiver", "guardian", "relative", "sibling", "son", "daughter", "wife",
    "husband", "spouse", "widow", "elder", "pensioner", "tourist", "visitor", "traveller",
    "traveler", "pilgrim", "hostage", "captive", "prisoner", "inmate", "suspect", "offender",
    "perpetrator", "recruiter", "employer", "broker", "driver", "diplomat", "consul",
    "parliamentarian", "councillor", "staffer", "personnel", "trainer", "facilitator",
    "counsellor", "counselor", "psychologist", "teen", "youngster", "kid", "newborn",
    "toddler", "foreigner", "asylee", "idp", "escort", "dependant",
    "dependent", "household-member", "migrant-worker", "labour-migrant",
}  # fmt: skip
# A plural demonym counts people: "1,200 Ukrainians", "35 Cambodians", "80 Bangladeshis".
DEMONYM_PLURAL = re.compile(r"^[A-Z][a-zà-ÿ]+(?:ans|ians|eans|ese|is|ers|ns)$")
IRREGULAR = {
    "women": "woman", "men": "man", "children": "child", "people": "person", "persons": "person",
    "staff": "staff", "police": "police", "youth": "youth",
}  # fmt: skip
CURRENCIES = {"dollar": "us-dollar", "euro": "euro", "peso": "peso", "pound": "pound-sterling"}
ANNUAL = re.compile(
    r"\b(?:each|every|per|a)\s+year\b|\bannually\b|\byearly\b|\bper annum\b|\bannual\b", re.I
)
PLANNED = re.compile(
    r"\b(?:will|plans? to|aims? to|is expected to|are expected to|is to|are to)\b", re.I
)
ATTRIBUTION_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:also\s+|further\s+|recently\s+)?(?:reports?|reported|says|said|"
    r"states|stated|estimates?|estimated|confirms?|confirmed|indicates?|indicated|shows?|"
    r"showed|finds|found|notes|noted|calculates|calculated|counts|counted|recorded|"
    r"registered|figures|data|statistics|studies|study|survey|research|report)\b",
    re.I,
)
# A source named after its number: "..., IOM said", "..., UNHCR reported on Monday".
SAID_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+)?(?:(?:data|figures|statistics|estimates|records)"
    r"\s+(?:show|shows|showed|indicate|indicates|suggest|suggests)|said|says|reported|reports|"
    r"estimated|estimates|stated|states|announced|announces|noted|notes|warned|warns|"
    r"confirmed|confirms|added|adds|explained|explains)\b(?![^.;]*\bthat\b)",
    re.I,
)
ACTOR_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+|recently\s+|directly\s+|so far\s+|"
    r"now\s+)?(?:provided|assisted|identified|trained|helped|supported|rescued|returned|"
    r"reached|registered|served|protected|interviewed|resettled|given|offered|detected|"
    r"sheltered|repatriated|attended|treated|received)\b",
    re.I,
)
GROUP_IDS = (
    "young-girls-and-adolescents",
    "women-and-girls",
    "unaccompanied-minors",
    "women",
    "girls",
    "minors",
    "children",
    "men",
    "boys",
)
WORDS = re.compile(r"[a-záéíóúñü]+", re.I)
STOPWORDS = {
    "the", "a", "an", "of", "in", "to", "for", "and", "or", "from", "by", "with", "on", "at",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which",
    "who", "whom", "this", "these", "those", "their", "its", "it", "they", "them", "per",
    "cent", "percent", "some", "more", "than", "each", "year", "number", "share", "since",
}  # fmt: skip


INDICATOR_SURE = 0.4  # below this cosine the indicator is only a guess
# Words that say the same thing for the indicators ("gathered" are participants).
SYNONYMS = {
    "gathered": "participant", "attended": "participant", "participated": "participant",
    "assistance": "assisted", "assist": "assisted", "helped": "assisted",
    "kidnapping": "kidnapped", "kidnap": "kidnapped", "abducted": "kidnapped",
    "murder": "murdered", "killed": "murdered", "killing": "murdered", "massacre": "murdered",
    "trial": "tried", "prosecuted": "tried", "trained": "training", "train": "training",
    "identify": "identified", "identification": "identified", "found": "place",
    "presenting": "presenter", "present": "presenter", "nationality": "nationalities",
}  # fmt: skip


def singular(word: str) -> str:
    w = word.casefold()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def word_value(text: str) -> int:
    """The value of a number in words: "Forty-seven" 47, "two hundred and fifty" 250,
    "three hundred thousand" 300000, "one million two hundred thousand" 1200000."""
    total, current = 0, 0
    for part in re.split(r"[\s-]+", text.casefold()):
        if part in UNITS_WORDS:
            current += UNITS_WORDS[part]
        elif part in TENS_WORDS:
            current += TENS_WORDS[part]
        elif part == "hundred":
            current *= 100
        elif part in SCALES:  # thousand, million, billion: a group of hundreds ends
            total += current * SCALES[part]
            current = 0
    return total + current


def stem_words(text: str) -> list[str]:
    words = [w.casefold() for w in WORDS.findall(text) if w.casefold() not in STOPWORDS]
    return [singular(SYNONYMS.get(w, w)) for w in words]


# --------------------------------------------------------------------------------------------
# Indicators: the nearest concept in words
# --------------------------------------------------------------------------------------------


class IndicatorModel:
    """tf-idf vectors of each indicator: its label and definition and the quotes and labels of
    the curated observations that use it; a number's clause is compared by cosine."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.bags: dict[str, Counter] = {}
        self.units: dict[str, Counter] = {}
        for concept in knowledge.concepts.get("indicators", {}).values():
            self.bags[concept.id] = Counter(stem_words(f"{concept.label} {concept.definition}"))
            self.units[concept.id] = Counter()
        for document in knowledge.documents.values():
            for obs in document.get("observations") or []:
                indicator = obs.get("indicator")
                if indicator not in self.bags:
                    continue
                quotes = obs.get("quotes") or [obs.get("quote") or ""]
                self.bags[indicator].update(stem_words(" ".join([*quotes, obs.get("label", "")])))
                self.units[indicator][obs.get("unit")] += 1
        documents = len(self.bags) or 1
        df = Counter(w for bag in self.bags.values() for w in bag)
        self.idf = {w: math.log(1 + documents / n) for w, n in df.items()}
        self.vectors = {k: self._vector(bag) for k, bag in self.bags.items()}

    def _vector(self, bag: Counter) -> dict[str, float]:
        vec = {w: (1 + math.log(n)) * self.idf.get(w, 0.0) for w, n in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def by_unit(self, unit: str | None) -> str | None:
        """The indicator the curated observations use most for `unit`, or None."""
        if not unit:
            return None
        counts = [(n[unit], indicator) for indicator, n in self.units.items() if n[unit]]
        return max(counts)[1] if counts else None

    def predict(self, text: str, unit: str | None) -> tuple[str | None, float]:
        query = self._vector(Counter(stem_words(text)))
        best, best_score = None, 0.0
        for indicator, vec in self.vectors.items():
            score = sum(v * vec.get(w, 0.0) for w, v in query.items())
            units = self.units[indicator]
            if unit and units:
                score *= 0.6 + 0.4 * units[unit] / sum(units.values())
            if score > best_score:
                best, best_score = indicator, score
        return best, best_score


# --------------------------------------------------------------------------------------------
# Finding the numbers
# --------------------------------------------------------------------------------------------


@dataclass
class Found:
    passage: Passage
    start: int  # the number (and its percent sign / currency) in passage.text
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    words: bool = False
    percent: bool = False
    currency: str | None = None
    qualifiers: list[str] = field(default_factory=list)
    head: str | None = None  # the noun counted
    phrase: str = ""  # the noun phrase counted ("victims of trafficking")
    phrase_end: int = 0
    sentence: tuple[int, int] = (0, 0)
    clause: tuple[int, int] = (0, 0)
    item: Item | None = None
    definite: bool = False  # "the 54 victims"
    duration: str | None = None  # month, year, ...: a duration, the unit of time
    whole: Decimal | None = None  # "20 of the 32 states": the 32


def _number_matches(passage: Passage):
    for m in NUMBER.finditer(passage.text):
        digits, words = m.group("digits"), m.group("words")
        value = Decimal(digits.replace(",", "")) if digits else Decimal(word_value(words))
        if m.group("scale"):
            value *= SCALES[m.group("scale").casefold()]
        if m.group("suffix"):
            value *= SUFFIX_SCALES[m.group("suffix").casefold()]
        yield m, value, bool(words)


def find_numbers(passage: Passage) -> list[Found]:
    text = passage.text
    found: list[Found] = []
    shares = [m.span("f") for m, _, _ in _shares_in_n(text)]  # "one in eight": read as a share
    shares += [m.span() for m in ARTICLE_NUMBER.finditer(text)]  # "a hundred", "a dozen"
    for m, value, is_words in _number_matches(passage):
        start, end = m.span()
        if any(a <= start and end <= b for a, b in shares):
            continue
        before = text[max(0, start - 40) : start]
        after = text[end : end + 60]
        digits = m.group("digits") or ""
        # Dates: years, days of months, and numbers in names ("Article 5").
        year = digits and re.fullmatch(r"(1[89]|20)\d\d", digits) and not PERCENT.match(after)
        counted = re.match(r"\s+(?:[a-z]+\s+){0,2}(?:victims|persons|people|migrants)\b", after)
        if not counted and not re.search(rf"\b(?:in|since|by|of|from|until|{MONTH})\s+$", before):
            nxt = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+([a-z]+))?", after)
            counted = nxt and any(
                w and singular(w) in PEOPLE and w.endswith(("s", "men", "ren", "ple"))
                for w in nxt.groups()
            )
        if year and not counted:
            continue
        next_to_month = re.search(rf"\b(?:{MONTH}|{MONTH_SHORT})\s*$", before) or re.match(
            rf"\s*(?:st|nd|rd|th)?\s+(?:{MONTH}|{MONTH_SHORT})", after
        )
        if next_to_month and value <= 31:
            continue
        if NOT_A_COUNT_BEFORE.search(before) or before.endswith("+"):
            continue
        # Identifiers: "000", "(agreement 12)".
        if re.fullmatch(r"0\d+", digits) or (
            re.search(r"\(\w+\s+$", before) and after.startswith(")")
        ):
            continue
        if re.match(r"[.:]\d", text[end : end + 2]) or re.search(r"\d[.:]$", before[-2:]):
            continue  # times, telephone numbers
        if _not_a_statistic(text, start, end, before, after):
            continue
        if re.match(r"\s+(?:quarters?|thirds?|fifths?)\s+of\b", after, re.I):
            continue  # "three quarters of": a share, read by _fractions
        duration = DURATION_AFTER.match(after)
        if duration and not PERCENT.match(after):
            # A duration of its own ("remain six to eight months", "more than twenty
            # years") is a number; one that only dates another ("over the past ten years",
            # "a two-day workshop") is not.
            if _period_duration(text, start, before, after, duration):
                continue
            f = Found(passage, start, end, value, words=is_words)
            f.duration = singular(duration.group("unit"))
            f.head = f.phrase = duration.group("unit")
            f.phrase_end = end + duration.end()
            found.append(f)
            continue
        if re.match(r"\s*-?\s*(?:year|years)[\s-]+old\b", after, re.I):
            continue
        lowered_after = after.casefold()
        # Pronouns and small numbers that count nothing: "one of the", "the two organizations".
        # "about five per cent": a share; "13 trucks, including two carrying ...": a part.
        part = re.search(
            r"\b(?:including|of (?:them|which|whom)|among (?:them|whom|which))\s+$", before, re.I
        ) and re.search(r"\d[\d,]*\s+[a-z]+s\b", before[-40:])
        if is_words and value <= 10 and not PERCENT.match(after) and not part:
            if re.match(r"\s+of\b", lowered_after) or re.search(
                r"\b(?:the|these|those|its|their|all|both|every)\s+$", before.casefold()
            ):
                continue
            if value == 1 and not re.match(r"\s+(?:victim|person|woman|man|child|case)\b", after):
                continue
            if not re.match(
                r"\s+(?:[a-z-]+\s+){0,2}(?:[a-z]+s|people|children|women|men)\b|\s+(?:were|are|was)\b",
                after,
                re.I,
            ):
                continue
        percent = PERCENT.match(after)
        f = Found(passage, start, end, value, words=is_words)
        if percent:
            f.percent = True
            f.end = end + percent.end()
        currency = re.search(r"(?:US\s?\$|U\.S\.\s?\$|USD|\$|€|EUR)\s*$", before)
        coded = CODE_BEFORE.search(before)
        coded_after = CODE_AFTER.match(text, f.end)
        if currency:
            f.currency = "euro" if currency.group().strip() in ("€", "EUR") else "us-dollar"
            f.start = start - len(currency.group())
        elif coded and (unit := currency_unit(coded.group(1))):  # "ETB 500": ISO 4217
            f.currency = unit
            f.start = start - len(coded.group())
        elif coded_after and (unit := currency_unit(coded_after.group(1))):  # "15,000 ETB"
            f.currency = unit
            f.end = coded_after.end()
        f.definite = bool(re.search(r"\bthe\s+$", before.casefold()))
        found.append(f)
    found += _fractions(passage)
    found.sort(key=lambda f: f.start)
    return _ranges(passage, found)


# Three capitals before or after a number: perhaps an ISO 4217 code ("ETB 500", "15,000 ETB").
CODE_BEFORE = re.compile(r"\b([A-Z]{3})\s*$")
CODE_AFTER = re.compile(r"\s*([A-Z]{3})\b")
CURRENCY_UNITS = {"USD": "us-dollar", "EUR": "euro"}  # the units' ids in the concepts


@functools.lru_cache(maxsize=512)
def currency_unit(code: str) -> str | None:
    """The unit of an ISO 4217 code: "us-dollar" (USD), "euro" (EUR), else the currency's name
    ("ethiopian-birr" for ETB); None for no currency."""
    import pycountry

    if code in CURRENCY_UNITS:
        return CURRENCY_UNITS[code]
    currency = pycountry.currencies.get(alpha_3=code)
    return slugify(currency.name, 4) if currency is not None else None


FRACTIONS = {
    "half": 50, "a third": 33.3, "one third": 33.3, "one-third": 33.3, "two thirds": 66.7,
    "two-thirds": 66.7, "a quarter": 25, "one quarter": 25, "one-quarter": 25,
    "three quarters": 75, "three-quarters": 75, "a fifth": 20, "one fifth": 20,
}  # fmt: skip
FRACTION = re.compile(
    r"\b(?P<f>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True)) + r")"
    r"\s+of\b",
    re.I,
)


# "one in eight", "7 in 10", "three in every four": a share. ("one of every five" too; "two
# of three" is a pronoun and a number.)
ONE_IN = re.compile(
    rf"(?<![\w.,-])(?P<f>(?P<k>\d{{1,3}}|{_WORDNUM})\s+(?:in|of)\s+(?:every\s+)?"
    rf"(?P<n>\d{{1,3}}|{_WORDNUM}))\b(?!\s*(?:%|per|\d))",
    re.I,
)


def _shares_in_n(text: str):
    """The matches of ONE_IN that are shares, each with its part and whole: a part smaller
    than its whole, "of" only with "every" ("one of every five"), no year ("2 in 2015")."""
    for m in ONE_IN.finditer(text):
        k, n = m.group("k"), m.group("n")
        part = int(k) if k.isdigit() else word_value(k)
        whole = int(n) if n.isdigit() else word_value(n)
        if whole < 2 or not 0 < part < whole:
            continue
        if m.group("f").casefold().split()[1] == "of" and "every" not in m.group().casefold():
            continue  # "one of three": a pronoun, not a share
        yield m, part, whole


def _fractions(passage: Passage) -> list[Found]:
    """ "three quarters of all victims", "nearly half of the cases", "one in eight": a share
    in percent."""
    out = []
    for m, part, whole in _shares_in_n(passage.text):
        f = Found(passage, m.start("f"), m.end("f"), Decimal(str(round(100 * part / whole, 1))))
        f.percent = True
        out.append(f)
    for m in ARTICLE_NUMBER.finditer(passage.text):  # "a dozen NGOs": counted as a number
        if not re.match(r"\s+(?:[a-z-]+\s+){0,2}[A-Za-z]+s\b", passage.text[m.end() :]):
            continue
        f = Found(passage, m.start(), m.end(), Decimal(ARTICLE_NUMBERS[m.group("n").casefold()]))
        f.words = True
        out.append(f)
    for m in FRACTION.finditer(passage.text):
        if m.group("f").casefold() == "half" and re.search(
            r"\b(?:first|second|last|the)\s+$", passage.text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "the first half of 2010"
        f = Found(
            passage, m.start("f"), m.end("f"), Decimal(str(FRACTIONS[m.group("f").casefold()]))
        )
        f.percent = True
        out.append(f)
    return out


def _not_a_statistic(text: str, start: int, end: int, before: str, after: str) -> bool:
    """Markup, dates and ages written with digits: height="12", (17/01), 13-15 February,
    12/03/2010, "under the age of 18", "aged 15", a number cut off at the end of the text."""
    if re.search(r"[\w-]+\s*=\s*[\"']?$", before) or re.match(r"[\"']?\s*(?:px|pt|em)\b", after):
        return True
    if re.match(r"\s*/\s*\d{1,4}", after) or re.search(r"\d\s*/\s*$", before):
        return True
    if re.match(rf"\s*[-–]\s*\d{{1,2}}\s+{MONTH}", after):
        return True
    if re.search(r"\b(?:age|ages)\s+(?:of\s+)?$|\baged\s+(?:between\s+)?$", before, re.I):
        return True
    if re.search(r"\b[A-Z][a-z]+,\s+$", before) and re.match(r"\s*,", after):
        return True  # "Hassen, 22, was a farmer": an age in apposition to a name
    if re.search(
        r"\b(?:aged|ages|ages of|age of|between the ages of)\s+(?:between\s+)?\d{1,2}\s*"
        r"(?:to|and|-|\u2013)\s*$",
        before,
        re.I,
    ):
        return True  # "aged 14 to 17"
    if re.search(r"\b(?:under|below|over|above)\s+$", before, re.I) and re.match(
        r"\s*(?:years of age|years old)\b", after, re.I
    ):
        return True
    return end >= len(text) and not text[start:end].isalpha() and len(text) > 200


def _period_duration(text: str, start: int, before: str, after: str, duration) -> bool:
    """Whether a number of days, months or years only times something else."""
    if duration.group(0).lstrip().startswith("-") or re.match(r"-", after):
        return True  # "a two-day workshop", "a nine-month project": a field of the item
    if re.search(
        r"\b(?:continue|continues|run|runs|last|lasts|lasting|extend|extends|span|spans|"
        r"take|takes|will take)\s+(?:for\s+)?(?:(?:some|about|around|over|more than|nearly|"
        r"almost)\s+)?$",
        before,
        re.I,
    ):
        return True  # "will run for 18 months": the duration of a project or an event
    if re.search(
        r"\b(?:in force|in place|in operation|in existence|existed|operating|operated|"
        r"working|worked|active|present|established)\s+for\s+(?:(?:some|about|around|over|"
        r"more than|nearly|almost|at least)\s+)?$",
        before,
        re.I,
    ):
        return True  # "in force for more than 15 years": how long a law or a body has been
    if re.search(
        r"\b(?:past|last|next|first|coming|previous|recent|period of|within|in|after|"
        r"before|ago|every|each|per|than in|up to the)\s+(?:the\s+)?$",
        before,
        re.I,
    ):
        return True
    rest = after[duration.end() :]
    return bool(
        re.match(
            r"\s*(?:ago|later|earlier|after|before|since|old|of age|of (?:the|its|their))\b", rest
        )
    )


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


def _ranges(passage: Passage, found: list[Found]) -> list[Found]:
    """ "between 500 and 3,000": one range."""
    out: list[Found] = []
    skip = set()
    for i, f in enumerate(found):
        if i in skip:
            continue
        if i + 1 < len(found):
            g = found[i + 1]
            gap = passage.text[f.end : g.start].casefold()
            before = passage.text[max(0, f.start - 12) : f.start].casefold()
            # "an estimated 40,000 and 80,000 migrants": a range whose "between" is left out
            # (the first number counts nothing of its own, and both are of one size).
            loose = (
                gap.strip() == "and"
                and f.value is not None
                and g.value is not None
                and not f.duration
                and f.percent == g.percent
                and 0 < f.value < g.value <= 10 * f.value
                and not re.search(r"\b(?:in|of|from|to)\s+$", before)
            )
            if (
                (gap.strip() == "and" and before.rstrip().endswith("between"))
                or loose
                or (gap.strip() in ("to", "-", "\u2013") and before.rstrip().endswith("from"))
                or (gap.strip() in ("to", "-", "\u2013") and f.value < g.value and not f.duration)
            ):
                r = Found(passage, f.start, g.end, None, low=f.value, high=g.value)
                r.percent, r.currency = g.percent, g.currency or f.currency
                r.duration, r.head, r.phrase, r.phrase_end = (
                    g.duration,
                    g.head,
                    g.phrase,
                    g.phrase_end,
                )
                r.qualifiers = ["range"]
                out.append(r)
                skip.add(i + 1)
                continue
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------
# Describing each number
# --------------------------------------------------------------------------------------------


def noun_phrase(text: str, pos: int) -> tuple[str | None, str, int]:
    """(head noun, phrase, end) of the words counted after position `pos`."""
    words = list(re.finditer(r"[A-Za-zÀ-ÿ’'/-]+|[^\sA-Za-zÀ-ÿ]", text[pos : pos + 120]))
    collected = []
    for w in words[:6]:
        token = w.group()
        if not token[0].isalpha():
            break
        if token.casefold() in STOP:
            if token.casefold() == "and" and collected and len(words) > len(collected) + 1:
                nxt = words[len(collected) + 1].group()
                if singular(nxt) in PEOPLE or singular(nxt) == "adolescent":
                    collected.append(w)
                    continue
            break
        collected.append(w)
    head = None
    last_known = None
    for w in collected:  # the last of the nouns that follow each other ("child victims")
        s = singular(w.group())
        if (
            s in PEOPLE
            or s in CURRENCIES
            or s in KNOWN_UNIT_WORDS
            or DEMONYM_PLURAL.match(w.group())
        ):
            last_known = w
        elif last_known is not None:
            break
    if last_known is not None:
        head = last_known.group()
        collected = collected[: collected.index(last_known) + 1]
    else:
        plural = [w for w in collected if w.group().endswith("s") and w.group().islower()]
        if plural:
            head = plural[0].group()
            collected = collected[: collected.index(plural[0]) + 1]
    if head is None:
        return None, "", pos
    phrase_end = pos + collected[-1].end()
    # "victims of trafficking", "cases of human trafficking"
    m = re.match(
        r"\s+of\s+((?:[a-z-]+\s+){0,2}?(?:trafficking|exploitation|kidnapping))\b",
        text[phrase_end : phrase_end + 60],
    )
    if m:
        phrase_end += m.end()
    phrase = text[pos + collected[0].start() : phrase_end].strip()
    return head, phrase, phrase_end


def _counted_noun(words: str) -> tuple[str, str] | None:
    """ "unaccompanied, repatriated Mexican children and adolescents has increased": the
    noun counted after "the number of" (a person's noun or a plural), and the phrase."""
    found = list(re.finditer(r"[A-Za-zÀ-ÿ’'-]+", words))
    for k, w in enumerate(found):
        s = singular(w.group())
        if (
            s in PEOPLE
            or s in KNOWN_UNIT_WORDS
            or (w.group().endswith("s") and w.group().islower() and w.group() not in STOP)
        ):
            if w.group().casefold() in STOP:
                continue
            return w.group(), words[: w.end()].strip(" ,")
        if w.group().casefold() in STOP - {"and"} and k:
            break
    return None


# "victims of trafficking (VoTs)", "internally displaced persons (IDPs)": an abbreviation a
# text gives for the people or things it then counts.
ABBREVIATED = re.compile(r"(?P<phrase>(?:[a-z-]+\s+){0,4}[a-z-]+)\s*\((?P<short>[A-Za-z]{2,8})\)")
INITIALS_SKIP = {"of", "and", "the", "for", "in", "on", "to", "at"}


def abbreviated_nouns(source: Source) -> dict[str, str]:
    """abbreviation -> the noun it counts ("VoTs" -> "victims"), for abbreviations that are
    the initials of a lower-case phrase whose nouns are people or things counted."""
    out = {}
    for passage in source.body:
        for m in ABBREVIATED.finditer(passage.text):
            short = m.group("short")
            letters = short[:-1] if short.endswith("s") and len(short) > 2 else short
            words = m.group("phrase").split()
            for size in range(len(letters), len(words) + 1):
                phrase = words[-size:]
                initials = "".join(w[0] for w in phrase if w not in INITIALS_SKIP)
                firsts = "".join(w[0] for w in phrase)
                if letters.casefold() not in (initials, firsts):
                    continue
                head = next(
                    (w for w in phrase if singular(w) in PEOPLE or singular(w) in KNOWN_UNIT_WORDS),
                    None,
                )
                if head is not None:
                    out[short] = head
                break
    return out


KNOWN_UNIT_WORDS = {
    "case", "state", "jurisdiction", "nationality", "country", "household", "family",
    "shelter", "municipality", "organization", "project", "complaint", "investigation",
    "conviction", "arrest", "report", "kilometre", "kilometer", "community", "city",
    "organisation", "hotline", "committee", "entity", "school", "hospital", "clinic",
}  # fmt: skip
# British spellings of the units' names, as the concepts spell them.
UNIT_SPELLINGS = {"organisation": "organization"}


def unit_of(f: Found) -> tuple[str | None, float]:
    """(unit concept id, confidence in it)."""
    if f.percent:
        return "percent", 1.0
    if f.duration:
        return f.duration, 0.9
    if f.currency:
        return f.currency, 1.0
    if f.head is None:
        return None, 0.0
    s = singular(f.head)
    if s in CURRENCIES:
        return CURRENCIES[s], 0.95
    if s in PEOPLE or DEMONYM_PLURAL.match(f.head):
        return "person", 0.95
    if s in KNOWN_UNIT_WORDS:
        return UNIT_SPELLINGS.get(s, s), 0.9
    return slugify(s), 0.6


class NumberExtractor:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.indicators = IndicatorModel(knowledge)
        self.year_context: str | None = None  # the year the text last named

    def run(self, source: Source, entities: Entities) -> tuple[list[Item], list[ConceptProposal]]:
        items: list[Item] = []
        proposals: dict[tuple[str, str], ConceptProposal] = {}
        seen: dict[tuple, Item] = {}
        ids: set[str] = set()
        previous_paragraph_last: Item | None = None
        sentences_seen: set[tuple[str, int]] = set()
        abbreviated = abbreviated_nouns(source)
        self.year_context = None
        for passage in source.body:
            anchor: Item | None = None  # "Of the 54 victims ...": what later shares are of
            last_count: Item | None = previous_paragraph_last
            previous: Found | None = None
            for f in _part_of_whole(passage, find_numbers(passage)):
                if in_page_label(passage, f.start):
                    continue  # "DOI: 10.18356/...", "Related news: IOM Helps 500 ..."
                f.sentence = passage.sentence_at(f.start)
                # A sentence the page repeats (a headline again, a paragraph twice) states
                # its numbers once.
                said = (passage.text[f.sentence[0] : f.sentence[1]], f.start - f.sentence[0])
                if said in sentences_seen:
                    continue
                sentences_seen.add(said)
                f.clause = clause_around(passage.text, f.start, f.end, f.sentence)
                if not f.percent and not f.currency and not f.duration and not f.head:
                    f.head, f.phrase, f.phrase_end = noun_phrase(passage.text, f.end)
                if f.head is None and not f.percent and not f.currency:
                    # "316 VoTs", the text having said "victims of trafficking (VoTs)"
                    m = re.match(r"\s+([A-Za-z]{2,8})\b", passage.text[f.end :])
                    if m and m.group(1) in abbreviated:
                        f.head = abbreviated[m.group(1)]
                        f.phrase = m.group(1)
                        f.phrase_end = f.end + m.end()
                # "of which 434 were identified", "up to 1,000 in times of crisis": the noun
                # of the number before it in the sentence.
                if (
                    f.head is None
                    and not f.percent
                    and not f.currency
                    and previous is not None
                    and (
                        previous.sentence == f.sentence
                        or re.match(r"\s+of\s+the\b", passage.text[f.end : f.end + 10])
                        # "A further 300 were assisted.", "This year, 450 have been returned."
                        or re.search(
                            r"\b(?:a further|another|an additional|further)\s+$",
                            passage.text[max(0, f.start - 20) : f.start],
                            re.I,
                        )
                        or re.match(
                            r"\s+(?:were|are|was|have|has|had)\s+(?:already\s+|also\s+|now\s+)?"
                            r"(?:been\s+)?[a-z]+ed\b",
                            passage.text[f.end : f.end + 40],
                        )
                    )
                    and previous.head
                    and not previous.duration
                    and not re.match(
                        r"\s+(?:were|are|was)\s+(?:\w+\s+)?[a-z]+s\b",
                        passage.text[f.end : f.end + 40],
                    )
                ):
                    f.head, f.phrase = previous.head, previous.phrase
                if f.head is None and not f.percent and not f.currency:
                    # "The number of ... children ... increased from 7,100": what is counted.
                    m = re.search(
                        r"\bnumbers? of\s+((?:[\w’'-]+,?\s+){0,7}[\w’'-]+)",
                        passage.text[f.sentence[0] : f.start],
                    )
                    counted = _counted_noun(m.group(1)) if m else None
                    if counted:
                        f.head, f.phrase = counted
                previous = f
                key = (f.value, f.low, f.high, f.percent)
                # "Of the 54 victims assisted through January 2008": the 54 said before.
                same_noun = key in seen and singular(f.head or "") == singular(seen[key].head)
                # "USD 2.5 million" in the headline and again in the body: one number.
                restated = (
                    key in seen
                    and not f.percent
                    and (f.value or f.high or 0) >= 100
                    and (same_noun if f.head else f.currency is not None)
                    and (not f.currency or f.currency == seen[key].fields.get("unit"))
                )
                if restated and not f.definite:
                    seen[key].add_quote(passage, *f.clause)
                    continue
                if f.definite and same_noun and not f.percent:
                    whole = seen[key]
                    whole.add_quote(passage, *f.clause)
                    self._period(whole, f, passage, override=False)
                    if re.match(r"\s*of\s+the\s*$", passage.text[f.sentence[0] : f.start], re.I):
                        anchor = whole
                    continue
                item = self._describe(f, passage, entities, proposals, ids)
                if item is None:
                    continue
                self._share(item, f, passage, anchor, last_count, items)
                if re.match(r"\s*of\s+the\s*$", passage.text[f.sentence[0] : f.start], re.I):
                    anchor = item
                if not f.percent:
                    last_count = item
                    if anchor is None:
                        anchor = item
                items.append(item)
                seen.setdefault(key, item)
            previous_paragraph_last = last_count
            years = re.findall(r"\b(?:19|20)\d\d\b", passage.text)
            self.year_context = years[-1] if years else self.year_context
        for item in items:  # a share takes the period of its whole when it has none
            whole = next((w for w in items if w.id == item.fields.get("share_of")), None)
            guessed = any("is a guess" in w for w in item.why)  # not a whole the text names
            if (
                "period" not in item.fields
                and whole is not None
                and "period" in whole.fields
                and not guessed
            ):
                item.fields["period"] = whole.fields["period"]
        return items, list(proposals.values())

    # -- one number ------------------------------------------------------------------------

    def _describe(self, f: Found, passage: Passage, entities: Entities, proposals, ids):
        text = passage.text
        s0, s1 = f.sentence
        c0, c1 = f.clause
        clause = text[c0:c1]
        before_number = text[max(s0, f.start - 40) : f.start].casefold()
        notes: list[str] = []
        confidence = 0.95 - (0.05 if f.words else 0.0)
        # Qualifiers.
        qualifiers = list(f.qualifiers)
        # The longest wording before the number says it ("no fewer than" is at least, not
        # "fewer than").
        said = []
        for concept, pattern in QUALIFIERS_BEFORE:
            m = re.search(rf"\b{pattern}\s*$", before_number)
            if m:
                said.append((m.start(), concept))
        if said and re.search(HANDED_OVER, before_number):
            said = [x for x in said if x[1] != "more-than"]  # "handed over 15 computers"
        if said:
            concept = min(said)[1]
            if concept not in qualifiers:
                qualifiers.append(concept)
        if "estimated" not in qualifiers and re.search(r"\bestimat", text[s0 : f.start], re.I):
            qualifiers.append("estimated")
        if not qualifiers:
            qualifiers = ["exact"]
        # "Forty-seven were women": the noun is after the verb.
        if f.head is None and not f.percent and not f.currency:
            m = re.match(r"\s+(?:were|are|was|had been|have been)\s+", text[f.end :])
            if m:
                f.head, f.phrase, f.phrase_end = noun_phrase(text, f.end + m.end())
        unit, unit_confidence = unit_of(f)
        if unit is None:
            confidence -= 0.4
            notes.append("The extractor found no unit: give `unit`.")
        elif unit_confidence < 0.9:
            confidence -= 0.15
        item = Item("observations", "")
        # Value.
        if f.low is not None:
            item.fields["min"], item.fields["max"] = _number(f.low), _number(f.high)
        else:
            item.fields["value"] = _number(f.value)
            if f.percent and f.value < 0:
                return None
        # Label and id.
        label, slug = self._label(f, clause, text)
        item.fields["label"] = label
        # Indicator: the nearest in words.
        context = " ".join([clause, f.phrase or ""])
        if len(clause.split()) < 8:  # "Guatemala, 44%": the sentence says what is counted
            context += " " + text[s0:s1]
        indicator, score = self.indicators.predict(context, unit)
        by_unit = self.indicators.by_unit(unit) if indicator is None else None
        if by_unit is not None:
            # No indicator shares a word with it: the one most used for its unit, as a guess
            # to check (the number stays a draft item, not a suggestion for want of a concept).
            item.fields["indicator"] = by_unit
            confidence -= 0.35
            notes.append(
                f"indicator a guess: no indicator shares a word with it; {by_unit} is the one "
                f"most used for {unit}: check it, or add a new indicator to concepts.yaml"
            )
        elif indicator is None:
            proposal_id = slugify(f.phrase or label, 4)
            proposals.setdefault(
                ("indicators", proposal_id),
                ConceptProposal(
                    "indicators",
                    proposal_id,
                    (f.phrase or label).casefold(),
                    f"Number of {(f.phrase or label).casefold()}.",
                    clause,
                ),
            )
            item.fields["indicator"] = proposal_id
            item.new_concepts["indicator"] = ("indicators", proposal_id)
        else:
            item.fields["indicator"] = indicator
            if score < INDICATOR_SURE:
                confidence -= 0.35 if score < INDICATOR_SURE / 2 else 0.15
                notes.append(
                    f"indicator uncertain (nearest {indicator}, score {score:.2f}): check it, or "
                    "add a new indicator to concepts.yaml"
                )
        item.fields["unit"] = unit or "?"
        if unit and self.knowledge.concept("units", unit) is None:
            proposals.setdefault(
                ("units", unit),
                ConceptProposal(
                    "units", unit, unit.replace("-", " "), f"A count of {f.head or unit}.", clause
                ),
            )
            item.new_concepts["unit"] = ("units", unit)
        item.fields["qualifier"] = qualifiers
        for q in qualifiers:
            if self.knowledge.concept("qualifiers", q) is None:
                proposals.setdefault(
                    ("qualifiers", q),
                    ConceptProposal(
                        "qualifiers",
                        q,
                        q.replace("-", " "),
                        f"The number is stated as '{q.replace('-', ' ')}'.",
                        clause,
                    ),
                )
                item.new_concepts["qualifier"] = ("qualifiers", q)
        # Population and groups.
        self._population(item, f, clause, text)
        # Exploitation.
        exploitation = self._concepts_in("exploitation-types", clause)
        if exploitation:
            item.fields["exploitation"] = exploitation
        # Places: origin ("from X", "Mexican women") and the reference area ("in Mexico").
        origin, place = self._places(f, passage, entities)
        if origin:
            item.fields["origin"] = origin
        if place:
            item.fields["place"] = place
        # Time.
        self._period(item, f, passage, override=True)
        region = text[max(s0, self._previous_number_end(f, passage)) : c1]
        if ANNUAL.search(region):
            item.fields["frequency"] = "annual"
        # Who did it and who says so.
        actor = self._actor(f, passage, entities)
        if actor:
            item.fields["actor"] = actor
        attributed = self._attribution(f, passage, entities)
        if attributed:
            item.fields["attributed_to"] = attributed
        if PLANNED.search(text[c0 : f.start]):
            item.fields["status"] = "planned"
        item.add_quote(passage, *window(text, c0, max(c1, f.end), f.start, f.end))
        item.head = f.head or ""
        item.spans = [Quote(passage, f.start, f.end)]
        item.confidence = round(max(0.05, min(0.99, confidence)), 2)
        item.why = notes
        item.id = _unique(slug, ids)
        f.item = item
        return item

    def _label(self, f: Found, clause: str, text: str) -> tuple[str, str]:
        if f.percent:
            rest = text[f.end : f.clause[1]].strip(" ,;:)")
            rest = re.sub(r"^(?:of\s+(?:them|whom)\s*,?\s*)", "", rest)
            if re.match(r"(?:were|are|was|had|have|confirmed|said)\b", rest):
                label = f"Share who {rest}"
            elif rest.startswith("of "):
                label = f"Share {rest}"
            elif rest:
                label = f"Share: {rest}"
            else:
                before = re.sub(
                    r"[\s(]*\b(?:some|about|around|over|more than|nearly)?[\s(]*$",
                    "",
                    text[f.clause[0] : f.start],
                )
                words = f"{before} {text[f.end : f.clause[1]].strip(' ,;:()')}"
                label = f"Share: {words.strip(' ,;:()') or clause}"
            slug = "share-" + slugify(re.sub(r"^(?:who|of|were|are)\s+", "", rest) or clause, 4)
        elif f.low is not None:
            before = text[f.clause[0] : f.start].split()[-3:]
            label = " ".join([*before, text[f.start : f.end], f.phrase or ""]).strip()
            label = label[:1].upper() + label[1:]
            slug = slugify(f.phrase or clause, 4) + "-range"
        else:
            phrase = f.phrase or clause
            slug = slugify(phrase, 4)
            if f.phrase:
                # "assistance to 176 victims": what the number is the object of; "20,000
                # persons fall victim to ...": what is said of it.
                lead = re.search(
                    r"(\w+\s+(?:to|of|for))\s+(?:(?:some|about|over|more than|at least|"
                    r"nearly|an estimated|the)\s+)*$",
                    text[f.clause[0] : f.start],
                )
                rest = text[f.phrase_end : f.clause[1]].strip(" ,;:.")
                verb = re.match(r"(?:were|are|was|is|have|has|had|fall|fell|went|go)\b", rest)
                if verb:
                    who = "who" if unit_of(f)[0] == "person" else "that"
                    rest = f"{who} {rest}"
                phrase = " ".join(x for x in (lead.group(1) if lead else "", phrase, rest) if x)
            label = phrase[:1].upper() + phrase[1:]
        label = re.sub(r"\s+", " ", label).rstrip(" .")
        if len(label) > 90:
            label = label[:90].rsplit(" ", 1)[0].rstrip(" ,;") + "\u2026"
        return label, slug

    def _population(self, item: Item, f: Found, clause: str, text: str) -> None:
        groups = self.knowledge.concepts.get("population-groups", {})
        phrase = f.phrase
        if f.percent:
            m = re.match(
                r"\s*of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)", text[f.end : f.clause[1]]
            )
            phrase = m.group(1) if m else ""
        folded = fold(phrase or "")
        best = None
        for concept in groups.values():
            label = fold(concept.label)
            variants = {label, label.rstrip("s"), singular(label)}
            found = any(v and re.search(rf"\b{re.escape(v)}s?\b", folded) for v in variants)
            if found and (best is None or len(concept.label) > len(best.label)):
                best = concept
        victims = f.head and singular(f.head) in ("victim", "person", "people")
        if best is None and victims and "traffick" in fold(clause):
            best = groups.get("trafficking-victims")
        group_ids = [g for g in GROUP_IDS if g in groups]
        found_groups = []
        folded_clause = fold(clause)
        for g in group_ids:
            label = fold(groups[g].label)
            if re.search(rf"\b{re.escape(label)}\b", folded_clause) and not any(
                label in fold(groups[x].label) for x in found_groups
            ):
                found_groups.append(g)
        if best is not None and best.id not in group_ids:
            if (
                f.percent
                and re.match(r"\s*of\s+(?:the\s+)?", text[f.end : f.end + 10])
                and (not re.match(r"\s*of\s+(?:them|whom)", text[f.end : f.end + 12]))
            ):
                item.fields["share_of"] = best.id
            else:
                item.fields["population"] = best.id
        if found_groups:
            item.fields["group"] = found_groups

    def _concepts_in(self, scheme: str, clause: str) -> list[str]:
        folded = fold(clause).replace("labor", "labour")
        # "sexual and labour exploitation": both.
        folded = re.sub(
            r"\b(\w+) and (\w+) exploitation", r"\1 exploitation and \2 exploitation", folded
        )
        out = []
        for concept in self.knowledge.concepts.get(scheme, {}).values():
            forms = {fold(concept.label), concept.id.replace("-", " ")}
            if any(re.search(rf"\b{re.escape(form)}\b", folded) for form in forms):
                out.append(concept.id)
        # The narrower concept when both match on the same words ("forced labour" in
        # "domestic servitude and other forms of forced labour" stays).
        return out

    def _places(self, f: Found, passage: Passage, entities: Entities):
        text = passage.text
        c0, c1 = f.clause
        s0, s1 = f.sentence
        origin: list[str] = []
        place: str | None = None
        for m in entities.in_range(passage, s0, s1, "place"):
            inside_clause = c0 <= m.start and m.end <= c1
            preceding = text[max(s0, m.start - 60) : m.start]
            preps = list(PREPOSITION.finditer(preceding))
            last = preps[-1].group(1).casefold() if preps else None
            between = preceding[preps[-1].end() :] if preps else ""
            direct = last is not None and DIRECT.fullmatch(between) is not None
            if inside_clause and _is_demonym(m):
                # "3,000 Mexican women": where they come from; "13 Mexican states": where.
                if f.end <= m.start <= (f.phrase_end or f.end) or f.percent:
                    if f.head and singular(f.head) not in PEOPLE and not f.percent:
                        place = place or m.target
                    else:
                        origin.append(m.target)
                continue
            if not inside_clause and not (last in ("in", "within") and m.start > f.end):
                continue
            if last == "from" and direct:
                origin.append(m.target)
            elif last in ("in", "within", "along", "across", "throughout", "at") and direct:
                if place is None and not _is_demonym(m):
                    place = m.target
            elif (
                last in ("to", "into")
                and direct
                and re.search(
                    r"\b(?:trafficked|taken|sent|smuggled|moved|brought)\s+to\s+$",
                    text[max(s0, m.start - 25) : m.start],
                )
            ):
                place = place or m.target
        return list(dict.fromkeys(origin)), place

    def _previous_number_end(self, f: Found, passage: Passage) -> int:
        ends = [m.end() for m, _, _ in _number_matches(passage) if m.end() <= f.start]
        return max(ends) if ends else 0

    def _period(self, item: Item, f: Found, passage: Passage, override: bool) -> None:
        period = period_of(passage.text, f.sentence, f.clause, f.start, self.year_context)
        if period is None and override:
            period = _period_set_before(passage, f.sentence)
        if period and (override or "period" not in item.fields):
            item.fields["period"] = period

    def _actor(self, f: Found, passage: Passage, entities: Entities) -> str | None:
        c0, _ = f.clause
        best = None
        for m in entities.in_range(passage, c0, f.start, "organization"):
            if ACTOR_VERB.match(passage.text, m.end) and f.start - m.end < 90:
                best = m
        return best.target if best else None

    def _attribution(self, f: Found, passage: Passage, entities: Entities) -> list[str]:
        text = passage.text
        s0, s1 = f.sentence
        orgs = entities.in_range(passage, s0, s1, "organization")
        cues: list[tuple[int, Mention]] = []
        for m in re.finditer(r"according to\b", text[s0:s1], re.I):
            pos = s0 + m.start()
            # "according to the Global Report on ..., nearly half of the cases assisted by
            # IOM": an organization past the cited phrase's end is not its source.
            after = [
                o
                for o in orgs
                if o.start > pos
                and o.start - pos < 120
                and not re.search(r"[,;:]", text[pos : o.start])
            ]
            # "according to the UN's Economic Commission ...": the organization after the
            # possessive.
            while len(after) > 1 and re.match(r"[’']s\b", text[after[0].end : after[0].end + 2]):
                after = after[1:]
            if after:
                cues.append((pos, after[0], True))
        for o in orgs:
            if (
                ATTRIBUTION_VERB.match(text, o.end)
                or re.match(
                    r"[’']s\s+(?:(?:latest|new|recent|annual|global|\d{4})\s+){0,3}(?:[A-Z][\w-]*\s+){0,5}"
                    r"(?:report|study|survey|data|figures|statistics|estimates|research|analysis)\b",
                    text[o.end : o.end + 120],
                )
                or re.match(  # "IOM's Counter-Trafficking Data Collaborative includes data on"
                    r"[’']s\s+(?:[A-Z][\w-]*\s+){1,5}(?:includes|contains|holds|shows|records)\s+"
                    r"(?:data|figures|records)\b",
                    text[o.end : o.end + 120],
                )
                or re.match(  # "IOM's Missing Migrants Project recorded 412 deaths"
                    r"[’']s\s+(?:[A-Z][\w-]*\s+){1,6}(?:has\s+|have\s+)?(?:recorded|records|"
                    r"registered|registers|counted|counts|documented|documents|found|finds|"
                    r"shows?|showed|estimates?|estimated|reports?|reported|indicates?|indicated)\b",
                    text[o.end : o.end + 120],
                )
            ):
                cues.append((o.start, o, False))
            pre = text[max(s0, o.start - 60) : o.start]
            if re.search(
                r"\b(?:results|findings|figures|data|statistics|estimates|studies|study|report|"
                r"investigation|survey|analysis|assessment|research)\s+(?:(?:carried out|conducted|"
                r"published|compiled|released|made|done|undertaken)\s+)?(?:of|by|from)\s+"
                r"(?:(?:a|the|recent|an?)\s+)?(?:\d{4}\s+)?$",
                pre,
                re.I,
            ):
                cues.append((o.start, o, False))
        before = [c for c in cues if c[0] < f.start]
        according = [c for c in before if c[2]]
        if according:  # "according to X, ... Y recorded N": X is who the text cites
            before = according
        if before:
            return self._with_coordinated(max(before, key=lambda c: c[0])[1], orgs, text)
        c0, c1 = f.clause
        after = [c for c in cues if f.end <= c[0] <= c1]
        if not after:  # "94% of ... are ..., according to a dataset developed by X and Y."
            after = [
                c
                for c in cues
                if c[2] and f.end <= c[0] <= s1 and re.fullmatch(r"[^.;:]*,\s*", text[f.end : c[0]])
            ]
        if not after:  # "Some 500 migrants have died this year, IOM said on Tuesday."
            after = [
                c
                for c in cues
                if f.end <= c[0] <= s1
                and re.fullmatch(r"[^.;:“”\"]*,\s*(?:the\s+)?", text[f.end : c[0]])
                and SAID_AFTER.match(text, c[1].end)
            ]
        if not after:  # "At least 245 children were intercepted, said UNICEF."
            after = [
                (o.start, o, False)
                for o in orgs
                if f.end <= o.start <= s1
                and re.fullmatch(
                    r"[^.;:“”\"]*,\s*(?:said|says|reported|reports|announced|estimated|"
                    r"estimates|noted|warned)\s+(?:the\s+)?",
                    text[f.end : o.start],
                )
            ]
        return self._with_coordinated(after[0][1], orgs, text) if after else []

    def _with_coordinated(self, first: Mention, orgs: list[Mention], text: str) -> list[str]:
        """The organization and those joined to it ("developed by IOM and Microsoft"; "a
        report by IOM and UNICEF found": the cue is at the last of them)."""
        out = [first.target]
        chain, start = [], first.start
        for o in sorted(orgs, key=lambda o: -o.start):
            if o.end > start:
                continue
            if not re.fullmatch(
                r"\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?",
                text[o.end : start],
            ):
                break
            chain.insert(0, o)
            start = o.start
        if chain and re.search(r"\b(?:by|from)\s+(?:the\s+)?$", text[max(0, start - 30) : start]):
            out = [o.target for o in chain] + out
        end = first.end
        for o in sorted(orgs, key=lambda o: o.start):
            if o.start < end:
                continue
            if not re.fullmatch(
                r"\s*(?:\([^()]{1,20}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?",
                text[end : o.start],
            ):
                break
            out.append(o.target)
            end = o.end
        return list(dict.fromkeys(out))

    def _share(self, item, f, passage, anchor, last_count, items) -> None:
        text = passage.text
        after = text[f.end : f.end + 30].casefold()
        before = text[f.sentence[0] : f.start].casefold()
        whole = None
        sure = False
        if re.match(r"\s*(?:per cent\s*|%\s*)?of\s+(?:them|whom|which|those)\b", after) or re.match(
            r"^\s*of\s+(?:this|the)\s+total\b", before
        ):
            whole, sure = last_count, True
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


PREPOSITION = re.compile(r"\b(from|in|within|along|across|throughout|at|to|into)\b", re.I)
# Between a preposition and its place: other names of a list, "and", "primarily", brackets.
DIRECT = re.compile(r"\s*(?:(?:[A-Z][\w’'-]*|and|or|primarily|mainly|mostly|the|both|[,;(])\s*)*")


def window(text: str, c0: int, c1: int, start: int, end: int, before: int = 8, after: int = 14):
    """The clause [c0, c1) around a number at [start, end), cut to a few words either side
    when it is long; a cut before the number is made at "with", "such as", "that", ... when
    there is one."""
    words_before = list(re.finditer(r"\S+", text[c0:start]))
    if len(words_before) > before:
        cut = c0 + words_before[-before].start()
        joint = list(
            re.finditer(r"\b(?:with|such as|that|which|where|when|whom|of)\s", text[cut:start])
        )
        c0 = cut + joint[0].start() if joint else cut
    words_after = list(re.finditer(r"\S+", text[end:c1]))
    if len(words_after) > after:
        c1 = end + words_after[after - 1].end()
    return c0, c1


def _is_demonym(m: Mention) -> bool:
    return bool(re.search(r"(?:an|ese|ian|ish)s?$", m.text)) and not m.text.endswith("America")


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _unique(slug: str, ids: set[str]) -> str:
    slug = slug or "number"
    candidate, n = slug, 2
    while candidate in ids:
        candidate, n = f"{slug}-{n}", n + 1
    ids.add(candidate)
    return candidate


# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------

_M = {m: i + 1 for i, m in enumerate(MONTHS)}
_DATE = rf"(?:(?P<{{p}}m>{MONTH})\s+(?:of\s+)?)?(?P<{{p}}y>(?:19|20)\d\d)"
PERIOD_PATTERNS = (
    (
        "range",
        re.compile(
            rf"\bfrom\s+{_DATE.format(p='a')}\s+(?:to|until|through|till)\s+{_DATE.format(p='b')}",
            re.I,
        ),
    ),
    (
        "months",
        re.compile(
            rf"\bbetween\s+(?P<am>{MONTH})\s+and\s+(?P<bm>{MONTH})\s+(?:of\s+)?"
            rf"(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year)",
            re.I,
        ),
    ),
    (
        "years",
        re.compile(
            rf"\bbetween\s+(?:(?P<am>{MONTH})\s+)?(?P<ay>(?:19|20)\d\d)\s+and\s+"
            rf"(?:(?P<bm>{MONTH})\s+)?(?P<by>(?:19|20)\d\d)",
            re.I,
        ),
    ),
    (
        "since",
        re.compile(
            rf"\bsince\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?"
            rf"{_DATE.format(p='a')}",
            re.I,
        ),
    ),
    (
        "until",
        re.compile(
            rf"\b(?:through|until|till|up to|as of|by the end of|by)\s+"
            rf"{_DATE.format(p='b')}",
            re.I,
        ),
    ),
    (
        # "from January to June 2016", "between January and March 2017"
        "months",
        re.compile(
            rf"\bfrom\s+(?P<am>{MONTH})\s+(?:to|until|through|till)\s+(?P<bm>{MONTH})\s+"
            rf"(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year)",
            re.I,
        ),
    ),
    (
        # "2012-2015", "the period 2012–2015", "in 2014/2015"
        "years",
        re.compile(
            r"(?<![\w/-])(?P<ay>(?:19|20)\d\d)\s*[-\u2013\u2014/]\s*(?P<by>(?:19|20)\d\d)(?![\w/-])",
        ),
    ),
    (
        # "in the first half of 2017", "in the last quarter of 2015"
        "part",
        re.compile(
            r"\b(?:in|during|for|over)\s+the\s+(?P<which>first|second|last|third|fourth)\s+"
            r"(?P<part>half|quarter|semester|six months|three months)\s+of\s+"
            r"(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        # "as of 31 December 2015", "by 30 June 2016", "until March 31, 2016"
        "until",
        re.compile(
            rf"\b(?:through|until|till|up to|as of|as at|by)\s+(?P<bd>\d{{1,2}})\s+"
            rf"(?P<bm>{MONTH})\s+(?P<by>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    (
        "in",
        re.compile(
            rf"\b(?:in|during|for)\s+(?:the\s+)?(?:fiscal\s+|calendar\s+|financial\s+)?"
            rf"year\s+{_DATE.format(p='a')}\b",
            re.I,
        ),
    ),
    ("in", re.compile(rf"\b(?:in|during|for)\s+{_DATE.format(p='a')}\b", re.I)),
    (
        "duration",
        re.compile(
            rf"\b(?:over|during|in|for|within)\s+(?:a\s+period\s+of\s+|the\s+(?:past|last|first)\s+)"
            rf"(?P<n>\d+|{_WORDNUM})\s+(?P<u>months|years|weeks|days)"
            rf"(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|(?P<that>that|the same|this)\s+year))?",
            re.I,
        ),
    ),
)


def _date(month: str | None, year: str | None) -> str | None:
    if not year:
        return None
    return f"{year}-{_M[month.casefold()]:02d}" if month else year


# Time expressions whose year is said elsewhere: "since then" (the year named just before),
# "since February" (the year the text last named), "in the same period of 2018" (the months of
# the sentence's other period, in 2018).
SINCE_THEN = re.compile(r"\bsince\s+(?:then|that\s+(?:time|year|date))\b", re.I)
SINCE_MONTH = re.compile(
    rf"\bsince\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+)?(?P<m>{MONTH})\b"
    r"(?!,?\s+(?:of\s+)?(?:\d|(?:19|20)\d\d))",
    re.I,
)
SAME_PERIOD = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+same\s+(?:period|months?|time)\s+(?:of|in)\s+"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.I,
)


def _periods_said_elsewhere(text, s0, s1, found, year_context):
    """What SINCE_THEN, SINCE_MONTH and SAME_PERIOD say in [s0, s1), given the periods
    `found` there and the year the text last named before this passage."""
    out = []
    for m in SINCE_THEN.finditer(text, s0, s1):
        year = _year_before(text, s0, m.start()) or year_context
        if year:
            out.append((m.start(), m.end(), {"start": year}))
    for m in SINCE_MONTH.finditer(text, s0, s1):
        year = _year_before(text, s0, m.start()) or year_context
        if year:
            out.append((m.start(), m.end(), {"start": _date(m.group("m"), year)}))
    for m in SAME_PERIOD.finditer(text, s0, s1):
        year = m.group("y")
        other = next(
            (
                v
                for a, _, v in found
                if not a <= m.start("y") < a + 40
                and len(str(v.get("start", ""))) == 7
                and len(str(v.get("end", ""))) == 7
            ),
            None,
        )
        value = (
            {"start": year + other["start"][4:], "end": year + other["end"][4:]}
            if other
            else {"start": year, "end": year}
        )
        out.append((m.start(), m.end(), value))
    return out


def period_of(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    at: int,
    year_context: str | None = None,
):
    """The period a number at `at` refers to: from its clause, else the nearest expression
    before it in its sentence, else one after it. `year_context`: the year the text last
    named before this passage ("since February" is of that year)."""
    s0, s1 = sentence
    found = []
    for kind, pattern in PERIOD_PATTERNS:
        for m in pattern.finditer(text, s0, s1):
            value = _period_value(kind, m, text, s0)
            if value is not None:
                found.append((m.start(), m.end(), value))
    elsewhere = _periods_said_elsewhere(text, s0, s1, found, year_context)
    # "in the same period of 2018" holds the words "of 2018", read as a year of its own above
    spans = [(a, b) for a, b, _ in elsewhere]
    found = [x for x in found if not any(a <= x[0] < b for a, b in spans)]
    found = sorted(found + elsewhere, key=lambda x: x[0])
    if not found:
        return None
    c0, c1 = clause
    # "37,599 in 2006": an expression right after the number is its own.
    right_after = [
        x
        for x in found
        if at < x[0] and re.fullmatch(r"[\w%,. ]{0,25}?\s*", text[at : x[0]]) and x[0] - at < 30
    ]
    if right_after:
        found = right_after[:1]
    # A date of a start ("launched in 2009", "began in 2008") times that start, not the number.
    # ("The centre, built in 2010, now hosts ...", "IOM, which opened its office in
    # Honduras in 2001, has assisted ...": no period of the number either.)
    starts = [
        x
        for x in found
        if re.search(
            r"\b(?:launched|started|began|begun|founded|established|created|set up|"
            r"initiated|signed|opened|built|inaugurated|adopted|enacted|passed|approved|"
            r"ratified|introduced)(?:\s+[\w’'-]+){0,5}?\s+$",
            text[max(s0, x[0] - 60) : x[0]],
        )
    ]
    # "Since it was launched in 2012, ...": the start of the period.
    since = [
        x
        for x in starts
        if re.search(r"\bsince\s+(?:\S+\s+){0,4}$", text[max(s0, x[0] - 50) : x[0]], re.I)
    ]
    for x in since:
        starts.remove(x)
        found[found.index(x)] = (x[0], x[1], {"start": x[2].get("start") or x[2].get("end")})
    if starts:
        found = [x for x in found if x not in starts]
        if not found:
            return None
    in_clause = [x for x in found if c0 <= x[0] < c1]
    before = [x for x in found if x[1] <= at]
    chosen = in_clause or ([max(before, key=lambda x: x[1])] if before else found[:1])
    # Combine what the chosen expressions say ("from May 2005" ... "through January 2008").
    period: dict = {}
    for _, _, value in sorted(chosen, key=lambda x: x[0]):
        for key, v in value.items():
            period.setdefault(key, v)
    if not period:
        return None
    if set(period) == {"start", "end"} and period["start"] == period["end"]:
        return period["start"]
    return period


def _period_value(kind: str, m: re.Match, text: str, s0: int) -> dict | None:
    g = m.groupdict()
    if kind == "range":
        return {"start": _date(g["am"], g["ay"]), "end": _date(g["bm"], g["by"])}
    if kind == "months":
        year = g.get("y") or (_year_before(text, s0, m.start()) if g.get("that") else None)
        if not year:
            return None
        return {"start": _date(g["am"], year), "end": _date(g["bm"], year)}
    if kind == "years":
        if g["by"] < g["ay"]:
            return None
        return {"start": _date(g.get("am"), g["ay"]), "end": _date(g.get("bm"), g["by"])}
    if kind == "part":
        months = {"half": 6, "semester": 6, "six months": 6, "quarter": 3, "three months": 3}
        size = months[g["part"].casefold()]
        count = 12 // size
        index = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": count - 1}
        k = index[g["which"].casefold()]
        if k >= count:
            return None
        year = g["y"]
        return {"start": f"{year}-{k * size + 1:02d}", "end": f"{year}-{(k + 1) * size:02d}"}
    if kind == "since":
        return {"start": _date(g["am"], g["ay"])}
    if kind == "until":
        if g.get("bd"):
            return {"end": f"{_date(g['bm'], g['by'])}-{int(g['bd']):02d}"}
        return {"end": _date(g["bm"], g["by"])}
    if kind == "in":
        date = _date(g["am"], g["ay"])
        return {"start": date, "end": date}
    if kind == "duration":
        n = g["n"]
        count = int(n) if n.isdigit() else word_value(n)
        unit = {"months": "M", "years": "Y", "weeks": "W", "days": "D"}[g["u"].casefold()]
        value: dict = {"duration": f"P{count}{unit}"}
        year = g.get("y") or (_year_before(text, s0, m.start()) if g.get("that") else None)
        if year:
            value["start"] = value["end"] = year
        return value
    return None


def _year_before(text: str, s0: int, pos: int) -> str | None:
    """The year "that year" refers to: the last one named before, in this sentence or the
    one before it."""
    years = re.findall(r"\b(?:19|20)\d\d\b", text[max(0, s0 - 300) : pos])
    return years[-1] if years else None


FRONTED_TIME = re.compile(
    rf"^\s*(?:In|During|Throughout|Over the course of)\s+(?:(?:{MONTH})\s+(?:of\s+)?)?"
    rf"(?:19|20)\d\d(?:\s+alone)?\s*,"
)
TIME_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|today|yesterday|now|currently|this|last|next|since|until|year|years|"
    r"month|months|week|weeks|recently|so far|to date)\b",
    re.I,
)


def _period_set_before(passage: Passage, sentence: tuple[int, int]):
    """The period a sentence without a time of its own takes from the sentence just before it,
    when that one opens with it ("In 2013, over 18,000 migrants arrived. IOM Niger assisted
    9,300 of them."): a time set at a sentence's start holds for what follows."""
    s0, s1 = sentence
    if TIME_WORDS.search(passage.text[s0:s1]):
        return None
    before = [(a, b) for a, b in passage.sentences if b <= s0]
    if not before:
        return None
    a, b = before[-1]
    m = FRONTED_TIME.match(passage.text[a:b])
    if m is None:
        return None
    return period_of(passage.text, (a, a + m.end()), (a, a + m.end()), a + m.end())
