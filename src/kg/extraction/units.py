"""What a number counts: the noun phrase after it and its unit ("54 victims" -> person,
"1,336 cases" -> case, "3,000 US dollars" -> us-dollar), with the abbreviations a release
defines ("unaccompanied minors (UAMs)").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extraction.compounds import a_device, adjectival, compound_unit, joined_to_a_known_noun
from kg.extraction.currencies import SPELLED_ALIKE, currency_names, currency_words
from kg.extraction.currencies import local_currency as local_currency  # (numbers reads them here)
from kg.extraction.currencies import local_dollar as local_dollar
from kg.extraction.foreign_nouns import COUNTED_AS_PEOPLE
from kg.extraction.foreign_words import BEFORE_THE_NOUN, unit_word
from kg.extraction.number_words import _WORDNUM
from kg.extraction.proposal import slugify
from kg.extraction.text import Source, fold

if TYPE_CHECKING:  # a Found is read, not made, here
    from kg.extraction.figures import Found


STOP = {
    "of", "in", "from", "to", "for", "with", "by", "at", "on", "per", "each", "who", "which",
    "that", "whom", "whose", "were", "are", "was", "is", "have", "has", "had", "will", "would",
    "could", "can", "may", "be", "been", "being", "as", "than", "or", "a", "an", "the", "and",
    "while", "but", "this", "these", "those", "its", "their", "his", "her", "into", "over",
    "during", "since", "through", "until", "between", "among", "including", "across", "along",
    "against", "after", "before", "within", "without", "towards", "toward",  # ("enquiries against")
    "via", "upon", "amid", "amongst", "despite", "involving", "concerning", "regarding",
    "involved", "concerned",  # ("Of the 26 cases, 22 involved false promises": cases)
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
    "police", "soldier", "nurse", "doctor", "lawyer", "fisherman",
    "fishermen", "asylum-seeker", "evacuee", "newcomer", "labourer", "laborer", "domestic",
    "respondent", "interviewee", "attendee", "spectator", "runner", "athlete", "pupil",
    "graduate", "seafarer", "sailor", "crew", "crewmember", "fisher", "jobseeker",
    "entrepreneur", "caregiver", "guardian", "relative", "sibling", "son", "daughter", "wife",
    "husband", "spouse", "widow", "elder", "pensioner", "tourist", "visitor", "traveller",
    "traveler", "pilgrim", "hostage", "captive", "prisoner", "inmate", "suspect", "offender",
    "perpetrator", "recruiter", "employer", "broker", "driver", "diplomat", "consul",
    "parliamentarian", "councillor", "staffer", "personnel", "trainer", "facilitator",
    "counsellor", "counselor", "psychologist", "teen", "youngster", "kid", "newborn",
    # people named by sex, trade or part in a case ("two females and five males", "17
    # frontline practitioners", "483 defendants")
    "female", "male", "practitioner", "defendant", "claimant", "complainant", "activist",
    "specialist",
    "advocate", "investigator", "inspector", "attorney", "magistrate", "minister", "mayor",
    "governor", "senator", "ambassador", "servant", "clerk", "ranger", "interpreter",
    "translator", "mediator", "mentor", "paralegal", "recruit", "combatant", "fighter",
    "kidnapper", "abductor", "exploiter", "pimp", "analyst", "researcher", "scientist",
    "technician", "physician", "surgeon", "midwife", "caseworker", "responder", "civilian",
    "peacekeeper", "juvenile", "toddler", "bride", "slave", "maid", "housemaid", "nanny",
    "miner", "herder", "nomad", "pastoralist", "coordinator", "panelist", "panellist",
    "frontliner", "labor-migrant", "survivor-leader",
    "foreigner", "asylee", "idp", "escort", "dependant",
    "dependent", "household-member", "migrant-worker", "labour-migrant",
    # "412 criminals", "22 community advisors", "12 consultants", "8 speakers"
    "criminal", "advisor", "adviser", "consultant", "lecturer", "professor", "scholar",
    "speaker", "presenter", "moderator", "instructor", "tutor", "educator", "organizer",
    "organiser", "cadet",
    # "102,000 cotton pickers", "140,000 irregular border crossers", "three fatalities"
    "picker", "crosser", "fatality", "professional", "entertainer", "overstayer", "harvester",
    "stowaway", "escapee", "runaway", "trader", "vendor", "hawker", "beggar", "porter",
    # "7 witnesses", "7 infiltrators", "two brothers"
    "witness", "infiltrator", "intruder", "fugitive", "brother", "sister", "cousin", "uncle",
    "aunt", "nephew", "niece", "grandparent", "grandmother", "grandfather", "grandchild",
    # "more than 900 governmental and non-governmental stakeholders", "470 Rohingya"
    "stakeholder", "rohingya", "roma", "yazidi", "uyghur", "uighur", "hmong", "tuareg",
    "ringleader", "enforcer", "player",  # ("Ten suspected ringleaders", "40 key players")
    # "11,000 violators of the residency system", "500 illegals", "20 expatriates", "3 corpses"
    "violator", "illegal", "expatriate", "candidate", "companion", "drifter", "corpse",
    "mobilizer", "mobiliser",
}  # fmt: skip
# Acts are counted as the text counts them (one person may cross, return or apply more than
# once): "17,007 returns" is return, "40,675 illegal crossings" crossing, "720 rescues" rescue
# (their head noun, below); where the text counts the people ("returned 8,000 migrants", "the
# return of 8,000 migrants") the people's noun is the head, and a death or an arrival counts
# people (foreign_nouns.COUNTED_AS_PEOPLE).
# The acts releases count ("17,007 returns", "the total deportations ... are 10,263"), and
# arrivals, which count people (above) but name what a count is of as acts do
ACTS = {
    "crossing", "return", "arrival", "entry", "exit", "departure", "application", "claim",
    "arrest", "detection", "interception", "rescue", "deportation", "removal", "expulsion",
    "repatriation", "apprehension", "encounter", "disembarkation", "landing", "admission",
    "evacuation", "relocation", "resettlement", "complaint", "referral", "request",
}  # fmt: skip
# The acts of people on the move: a count of them and a count of the people who made them
# count one flow ("1,450 migrants were returned ... 310 returns fewer").
MOVES = {
    "crossing", "return", "arrival", "entry", "exit", "departure", "deportation", "removal",
    "expulsion", "repatriation", "rescue", "interception", "disembarkation", "landing",
    "admission", "evacuation", "relocation", "resettlement",
}  # fmt: skip


def flow_of(unit: str | None) -> str | None:
    """The unit a count of `unit` is compared with: person for the moves of people."""
    return "person" if unit in MOVES else unit


# "40,675 illegal border crossings": acts, not the places "12 official border crossings" are
IRREGULAR_CROSSINGS = re.compile(
    r"\b(?:illegal|irregular|unauthori[sz]ed|unlawful|undocumented|clandestine)\s+"
    r"(?:(?:land|sea|border)\s+)?crossings?$",
    re.I,
)


# A plural demonym counts people: "1,200 Ukrainians", "35 Cambodians", "60 Bangladeshis".
# ("Filipinos", "Rohingyas", "Uzbeks", "Kazakhs", "Arabs", "Kurds": a people in the plural)
DEMONYM_PLURAL = re.compile(
    r"^(?:non-)?(?:[A-Z][a-zà-ÿ]+(?:ans|ians|eans|ese|is|ers|ns)|Filipin[oa]s|Rohingyas|"
    r"Latin[oa]s|Uzbeks|Tajiks|Kazakhs|Arabs|Kurds|Greeks|Czechs|Slovaks|Poles|Serbs|"
    r"Croats|Bosniaks|Roma)$"
)
IRREGULAR = {
    "women": "woman", "men": "man", "children": "child", "people": "person", "persons": "person",
    "staff": "staff", "police": "police", "youth": "youth", "meticais": "metical", "buses": "bus",
    "crises": "crisis", "analyses": "analysis", "diagnoses": "diagnosis", "theses": "thesis",
}  # fmt: skip
SAME_IN_BOTH_NUMBERS = {"species", "series", "aircraft", "sheep", "fish"}  # "five species"


def singular(word: str) -> str:
    w = word.casefold()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    # "serious", "status", "crisis": no plural ends so ("Somalis", "taxis" do), but for an
    # acronym's ("ICUs", "MoUs")
    acronym = word[:1].isupper() and not word[:-1].istitle()
    if w.endswith("s") and (acronym or not w.endswith(("ss", "us", "sis"))) and len(w) > 3:
        return w[:-1]
    return w


# Describing each number


def _noun_of_the_next_number(words: list[re.Match], k: int) -> re.Match | None:
    """The plural of people counted by the number after words[k] ("and one Russian
    citizens"), within three words of it, or None."""
    if k + 1 >= len(words) or not re.fullmatch(rf"\d+|{_WORDNUM}", words[k + 1].group(), re.I):
        return None
    for w in words[k + 2 : k + 5]:
        s = singular(w.group())
        if s in PEOPLE and s != w.group().casefold():
            return w
        if not w.group()[:1].isalpha():
            return None
    return None


SERIES = re.compile(r"(?:(?:,\s+\d[\d.,]*)+,?)?\s+(?:and|or)\s+\d[\d.,]*(?=\s+(?!times)[^\W\d])")
OF_ITS = re.compile(r"\s+of\s+(?:its|their|his|her|our)\s+(?=[a-z])(?![^.,;]{0,40}\d)")


SHARE_IN_BRACKETS = re.compile(
    r"\s*\(\s*\d{1,3}(?:[.,]\d+)?\s*(?:%|per\s*cent|percent|por\s+ciento|pour\s+cent|por\s+cento)"
    r"\s*\)"
)


def noun_phrase(text: str, pos: int) -> tuple[str | None, str, int]:
    """(head noun, phrase, end) of the words counted after position `pos` (past a note's
    mark: "9,000[2] migrants")."""
    if note := re.match(r"\[\d{1,3}\]", text[pos : pos + 6]):
        pos += note.end()
    # "829 (62%) women": past its share in brackets, to a plural (not "52 (23%) involved")
    if (share := SHARE_IN_BRACKETS.match(text, pos)) and re.match(
        r"\s+(?:[a-zà-ÿ-]+s|women|men|children|people)\b", text[share.end() : share.end() + 40]
    ):
        pos = share.end()
    # "a series of 20 5-day regional workshops": a length in figures is an adjective
    if long := re.match(r"\s+\d+-(?:hour|day|week|month|year)s?(?:-long)?\b", text[pos:]):
        pos += long.end()
    # "repatriated 8, 9, and 11 people" share the last one's noun (not "30, and 12 boats")
    if series := SERIES.match(text, pos):
        return noun_phrase(text, series.end())
    # "saw 60 of its officers visit ...": the noun after its owner (no whole said with figures)
    if owned := OF_ITS.match(text, pos):
        pos = owned.end()
    # (a number's digits one word: "63 Nepali and 21 Indian nationals")
    words = list(
        re.finditer(r"[A-Za-zÀ-ÿ’'/-]+|\d+(?:[.,]\d+)*|[^\sA-Za-zÀ-ÿ]", text[pos : pos + 120])
    )
    collected = []
    for k, w in enumerate(words[:7]):
        token = w.group()
        # "94 vulnerable, stranded Zorvani migrants": adjectives in a row (not "24,000
        # flights, positioning officers": a plural ends the phrase)
        adjective = (
            collected and singular(collected[-1].group()) == collected[-1].group().casefold()
        )
        if token == "," and adjective and all(c.group().islower() for c in collected):
            nxt = words[k + 1].group() if k + 1 < len(words) else ""
            if nxt.isalpha() and nxt.islower() and nxt.casefold() not in STOP:
                continue
        if not token[0].isalpha():
            break
        if token.casefold() in STOP and not adjectival(words, k):  # ("12 concerned countries")
            # "two Lorvanian and one Ostravian citizens": the noun both numbers count
            shared = _noun_of_the_next_number(words, k) if token.casefold() == "and" else None
            plural = any(singular(c.group()) != c.group().casefold() for c in collected)
            if collected and shared is not None and not plural:  # not "14 vehicles and two"
                return (
                    shared.group(),
                    text[pos + collected[0].start() : pos + shared.end()],
                    (pos + shared.end()),
                )
            if token.casefold() == "and" and collected and k + 1 < len(words):
                nxt = words[k + 1].group()
                after = singular(words[k + 2].group()) if k + 2 < len(words) else ""
                known = after in PEOPLE or not plural and after in KNOWN_UNIT_WORDS
                # ("state and private sector employees": a people's noun two words on)
                later = words[k + 3].group() if k + 3 < len(words) else ""
                known = known or (
                    k + 3 < len(words)
                    and words[k + 2].group().islower()
                    and singular(later) in PEOPLE
                    and singular(later) != later.casefold()
                    # (not a verb and its object: "built 30 last year and housed all victims")
                    and after not in STOP | {"all", "every", "some", "any", "no", "our", "your"}
                    and not nxt.endswith("ed")
                )
                if (
                    singular(nxt) in PEOPLE
                    or singular(nxt) == "adolescent"
                    # "diplomatic and consular officials", "source, transit and destination
                    # countries": adjectives of one noun
                    or nxt.replace("-", "").isalpha()
                    and nxt.islower()
                    and known
                    or not plural
                    and joined_to_a_known_noun(words, k)  # (not "14 vehicles and")
                ):
                    collected.append(w)
                    continue
            break
        collected.append(w)
        if re.fullmatch(r"[a-z]+s['’]", token):  # "four complainants’ allegations": who
            end = pos + w.end() - 1
            return token[:-1], text[pos + collected[0].start() : end].strip(), end
    head = None
    last_known = None
    for w in collected:  # the last of the nouns that follow each other ("child victims")
        s = singular(w.group())
        if (
            s in PEOPLE
            or s in currency_words()
            or s in KNOWN_UNIT_WORDS
            or DEMONYM_PLURAL.match(w.group())
            or _people_with_a_slash(w.group())
        ):
            last_known = w
        elif last_known is not None:
            break
    ands = [i for i, w in enumerate(collected) if w.group().casefold() == "and"]
    # ("4,600 state and private sector employees": the people both words describe; not
    # "12 shelters and social workers", a plural before "and" its own noun)
    people_after = [
        w
        for w in (collected[ands[-1] + 1 :] if ands else [])
        if singular(w.group()) in PEOPLE and singular(w.group()) != w.group().casefold()
    ]
    if ands and any(singular(w.group()) != w.group().casefold() for w in collected[: ands[-1]]):
        people_after = []
    if people_after:
        last_known = people_after[-1]
    if last_known is not None:
        # "10 country evaluation visits": a known noun that only modifies a plural after it
        k = collected.index(last_known)
        later = [
            w
            for w in collected[k + 1 : k + 3]
            if w.group().endswith("s") and w.group().islower() and len(w.group()) > 3
        ]
        # a plural modifies no noun after it ("12 Lorvanian workers well-paid jobs": workers)
        modifies = singular(last_known.group()) == last_known.group().casefold()
        between = collected[k + 1 : collected.index(later[0])] if later else []
        if later and modifies and all(w.group().islower() for w in between):
            last_known = later[0]
        head = last_known.group()
        collected = collected[: collected.index(last_known) + 1]
    else:
        plural = [
            w
            for w in collected
            if w.group().endswith("s")
            and fold(w.group()) not in BEFORE_THE_NOUN  # "potenciais"
            and singular(w.group()) != w.group().casefold()  # not "crisis" ("crisis centres")
            and (w.group().islower() or re.fullmatch(r"[A-Z]{2,6}s", w.group()))  # "12 NGOs"
        ]
        if plural:
            head = plural[0].group()
            collected = collected[: collected.index(plural[0]) + 1]
    if head is None:
        return None, "", pos
    phrase_end = pos + collected[-1].end()
    if head.casefold() == "ones" and (named := _plural_before(text, pos)):
        head = named  # "extended refugee settlements and established six new ones"
    # "victims of trafficking", "cases of human trafficking"
    m = re.match(
        r"\s+of\s+((?:[a-z-]+\s+){0,2}?(?:trafficking|exploitation|kidnapping))\b",
        text[phrase_end : phrase_end + 60],
    )
    if m:
        phrase_end += m.end()
    phrase = text[pos + collected[0].start() : phrase_end].strip()
    return head, phrase, phrase_end


def _plural_before(text: str, pos: int) -> str | None:
    """The last plural noun its sentence names before `pos`, which "ones" stands for."""
    before = re.split(r"[.;:!?]\s", text[max(0, pos - 200) : pos])[-1]
    before = re.sub(r"\S+\s*$", "", before)  # (not the number's own word)
    words = re.findall(r"\b[a-z][a-z-]+\b", before)
    plurals = [w for w in words if w not in STOP and w.endswith("s") and singular(w) != w]
    return plurals[-1] if plurals else None


def _people_with_a_slash(word: str) -> bool:
    """ "76 girls/children": people, each word a person's."""
    parts = [w for w in word.split("/") if w]
    return len(parts) > 1 and all(singular(w) in PEOPLE for w in parts)


def _counted_noun(words: str) -> tuple[str, str] | None:
    """ "unaccompanied, returned Ostravian children and adolescents has increased": the
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
# text gives for the people or things it then counts. The phrase begins where a word does
# (the matches are the same): tried from each letter of a run, a word of 20,000 letters or
# dashes took 10 s, one of 200,000 a quarter of an hour.
ABBREVIATED = re.compile(
    r"(?<![a-z-])(?P<phrase>(?:[a-z-]+\s+){0,4}[a-z-]+)\s*\((?P<short>[A-Za-z]{2,8})\)"
)
INITIALS_SKIP = {"of", "and", "the", "for", "in", "on", "to", "at"}


def abbreviated_nouns(source: Source) -> dict[str, tuple[str, str]]:
    """abbreviation -> (the noun it counts, the phrase it stands for) ("VoTs" -> ("victims",
    "victims of trafficking")), for abbreviations that are the initials of a lower-case
    phrase whose nouns are people or things counted."""
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
                    out[short] = (head, " ".join(phrase))
                break
    return out


# Plural acronyms that count organizations or people.
ACRONYM_UNITS = {
    "ngo": "organization", "cso": "organization", "cbo": "organization", "ingo": "organization",
    "idp": "person", "vot": "person", "uam": "person", "uasc": "person",
    # overseas Filipino workers, third-country nationals, persons with disabilities
    "ofw": "person", "tcn": "person", "pwd": "person",
}  # fmt: skip
KNOWN_UNIT_WORDS = {
    "case", "state", "jurisdiction", "nationality", "country", "household", "family",
    "shelter", "municipality", "organization", "project", "complaint", "investigation",
    "conviction", "arrest", "report", "kilometre", "kilometer", "community", "city",
    "organisation", "hotline", "committee", "entity", "school", "hospital", "clinic",
    "km", "mile", "metre", "meter", "nation", "kg", "kilogram", "kilogramme", "kilo", "tonne",
}  # fmt: skip
# British spellings of the units' names, as the concepts spell them; a distance by its symbol.
UNIT_SPELLINGS = {
    "organisation": "organization", "kilometre": "km", "kilometer": "km", "meter": "metre",
    "nation": "country", "kg": "kilogram", "kilogramme": "kilogram", "kilo": "kilogram",
}  # fmt: skip


# What a body of a person is said to be ("44 bodies", "12 lifeless bodies"), unlike a body of
# people ("14 government bodies", "three treaty bodies"): an organ, no person.
DEAD_BODY_WORDS = {
    "dead", "lifeless", "unidentified", "decomposed", "charred", "mutilated", "unclaimed",
    "more", "recovered", "drowned", "further", "additional", "other",
}  # fmt: skip


def _dead_bodies(f: Found) -> bool:
    if singular(f.head or "") != "body":
        return False
    before_head = re.findall(r"[\w’'-]+", f.phrase or "")[:-1]
    return all(w.casefold() in DEAD_BODY_WORDS for w in before_head)


AREA = re.compile(
    r"\b(?:square|sq\.?)\s+(?:(?P<m>met(?:re|er)s?)|(?P<km>kilomet(?:re|er)s?|km)|miles?)$", re.I
)


# States that are countries: an international body's members, a treaty's parties
MEMBER_STATES = re.compile(
    r"\bmember\s+states\b|\bstates\s+part(?:y|ies)\b|\bparticipating\s+states\b", re.I
)


# Pronouns a number's phrase may end at, in the four languages: no noun it counts
PRONOUNS = {"them", "these", "those", "ellos", "ellas", "estos", "estas", "eux", "elles",
            "eles", "elas"}  # fmt: skip


def unit_of(f: Found) -> tuple[str | None, float]:
    """(unit concept id, confidence in it)."""
    if f.percent:
        return "percent", 1.0
    if f.duration:
        return f.duration, 0.9
    if f.currency:
        return f.currency, 1.0
    if f.head is None or fold(f.head) in PRONOUNS:
        return None, 0.0  # ("15 de ellos", "300 of them": what the words before count)
    # ("327 casos", "86 candidats", "22 crianças"; "7 presuntos traficantes": the noun after
    # the words set before it, which the phrase stops at)
    phrase = f.phrase or ""
    if f.passage.language != "en" and re.match(r"(?:en|dans|em|no|na|sur|con|com)\s", phrase):
        return None, 0.0  # ("uno con 38 en un autobús": no noun of its own)
    noun = f.phrase_end and re.match(r"\s+([^\W\d_]+)", f.passage.text[f.phrase_end :])
    if phrase and fold(phrase.split()[-1]) in BEFORE_THE_NOUN and noun:
        phrase += " " + noun[1]
    # "13,000 square metres", "200 square kilometres", "50 sq km": an area
    if area := AREA.search(phrase):
        return "square-" + ("metre" if area["m"] else "km" if area["km"] else "mile"), 0.9
    if unit := unit_word(f.head, phrase, f.passage.language, f.passage.text[f.phrase_end :]):
        return unit, 0.9
    if getattr(f, "multiplier", False) or f.head.casefold() == "times":
        return "times", 0.95  # "more than doubled", "five times": a number of times
    s = singular(f.head)
    if s not in currency_words() and s[:-1] in currency_words() and s.endswith("e"):
        s = s[:-1]  # ("155 quetzales", "colones": a Spanish plural in -es)
    if f.head.casefold() in SAME_IN_BOTH_NUMBERS:
        return f.head.casefold(), 0.9
    if s in ACRONYM_UNITS:  # "12 NGOs", "400 IDPs"
        return ACRONYM_UNITS[s], 0.9
    if s in currency_words():
        # "19 million Canadian dollars": the currency the words before it name ("Qatari
        # riyals": the Qatari rial, as ISO 4217 spells it)
        words = re.findall(r"[\w’'-]+", f.phrase or "")
        named = " ".join(w.casefold() for w in words[-2:-1]) + " " + SPELLED_ALIKE.get(s, s)
        return currency_names().get(named, currency_words()[s]), 0.95
    # ("five human-traffickers", "12 co-workers": the last part of a compound says who)
    if (
        s.rpartition("-")[2] in PEOPLE  # (s itself, or the last part of its compound)
        and not a_device(s, f.phrase or "")  # ("20 DVD players")
        or DEMONYM_PLURAL.match(f.head)
        or _people_with_a_slash(f.head)
    ):
        return "person", 0.95
    if f.head.casefold() == "lives":  # "More than 450 lives have been saved"
        return "person", 0.9
    if s in COUNTED_AS_PEOPLE:
        return "person", 0.9
    if s == "crossing" and IRREGULAR_CROSSINGS.search(f.phrase or ""):
        return "crossing", 0.9  # (not the compound "border-crossing", a place)
    if _dead_bodies(f):
        return "person", 0.95
    if s == "state" and MEMBER_STATES.search(f"{phrase} {f.passage.text[f.phrase_end :][:12]}"):
        return "country", 0.9  # ("16 European member states", "40 States Parties")
    if s in KNOWN_UNIT_WORDS:
        if s == "mile" and re.search(r"\bnautical\s+\w+$", f.phrase or "", re.I):
            return "nautical-mile", 0.9
        return UNIT_SPELLINGS.get(s, s), 0.9
    return compound_unit(f.phrase or "", s) or slugify(s), 0.6  # ("house searches")
