"""Who a number comes from ("according to X", "X reports that", "..., X said", "results of
recent X studies") and who acted on it ("X has assisted 300 ...").
"""

from __future__ import annotations

import re

from kg.extraction.entities import Entities, Mention
from kg.extraction.figures import Found
from kg.extraction.foreign_words import ACCORDING_TO, SAID
from kg.extraction.ministers import bodies_in
from kg.extraction.period_cuts import SAYING
from kg.extraction.periods import asides
from kg.extraction.source_cues import (
    CITING,
    COUNTED_BY,
    DATA_IN_BRACKETS,
    DOCUMENTED,
    ENGLISH_SAID,
    FOREIGN_SAID,
    FOREIGN_SAID_THEN,
    SAID_AFTER_MORE,
    SAYS_ITS_OWN,
    SOURCE_IN_BRACKETS,
    TALLY,
    WORK_OF,
    another_clause,
    as_one_list,
    tally_reaches,
    work_reaches,
)
from kg.extraction.source_lists import list_first, named_in_apposition, with_coordinated
from kg.extraction.source_verbs import (
    AS_REPORTED_BY,
    AS_SOURCE_SAID,
    ATTRIBUTION_VERB,
    FOUND_AFTER,
    QUOTE_ENDS,
    SAID_AFTER,
    SAID_BEFORE_SOURCE,
    SAID_SET_APART,
    SAID_THEN_SOURCE,
    SOURCE_NAMED,
    relayed_by,
    same_sentence,
)
from kg.extraction.speaker_roles import speeches
from kg.extraction.speakers import (
    IN_PLACE_SAID,
    ITS_SPEAKER_SAID,
    PEOPLE_SAID,
    SPEAKER_FOR,
    SPEAKER_SAID,
    WHICH_SAYS,
)
from kg.extraction.text import Passage, fold
from kg.extraction.un_agencies import UN_AGENCY_AFTER, un_agency_named_before

# A source named by what it is, not by its name: "according to the organization", "based on
# preliminary figures from the agency".
_BODY = r"organi[sz]ation|agency|ministry|office|body|department|force|service|police|commission"
ANAPHORIC_SOURCE = re.compile(
    r"\b(?:according\s+to|based\s+on|citing)\s+(?:(?:the|its)\s+)?(?:(?:[a-z]+\s+){0,2}"
    r"(?:figures|data|statistics|estimates|information|records)\s+(?:from|of|by)\s+)?"
    rf"the\s+(?P<head>{_BODY})\b"
    # "..., the ministry said"; "The agency stated that according to its newest figures"
    rf"|(?:(?P<comma>,)\s*|\b)the\s+(?P<said>{_BODY})\s+(?:has\s+|had\s+)?(?:said|says|reported|"
    r"announced|stated|added|noted|revealed|estimated)\b",
    re.I,
)
# "..., the UN's migration body said Friday", "The migration agency said": a body named by a
# word of its name ("migration"), the one body of the text whose name has it (not a word that
# tells what kind of body it is: "the news agency", "the government agency")
DESCRIBED_SOURCE = re.compile(
    r"(?P<comma>,\s*)?(?:the\s+)?(?:(?:UN|U\.N\.|United\s+Nations)(?:[’']s)?\s+)?"
    r"(?!(?:news|government|national|international|federal|state|local|regional|same|other|"
    r"public|private|main|partner)\b)"
    r"\b(?P<word>(?-i:[a-z]{4,}))\s+(?:agency|body|organi[sz]ation)\s+(?:has\s+)?"
    r"(?:said|says|reported|announced|stated|added|noted|estimated)\b",
    re.I,
)
# A body named by what it is after its verb and the number ("..., informó hoy esa entidad",
# "..., señaló la dependencia", "..., indicou o órgão", "..., a précisé le ministère")
FOREIGN_ANAPHOR = re.compile(
    r",\s*"
    + SAID_THEN_SOURCE
    + r"(?:(?:esa|esta|dicha|ese|este|dicho|essa|esse|cette|ce)\s+)?(?:(?P<any>entidad|"
    r"institución|dependencia|organismo|corporación|entidade|instituição|órgão|organisme|"
    r"institution)|(?P<named>ministerio|fiscalía|ministério|ministère|parquet))\b",
    re.I,
)
# What ends the clause a verb of saying governs ("..., while the coast guard rescued 500",
# "..., pero la fiscalía no acusó a nadie, informó la institución")
CLAUSE_BREAK = re.compile(
    r";|\b(?:but|while|whereas|although|though|pero|mientras|aunque|sin\s+embargo|enquanto|"
    r"embora|por[ée]m|tandis|alors\s+que|cependant|toutefois)\b",
    re.I,
)
# "..., revelou o SEF esta quinta-feira, acrescentando que oito pessoas ...", "..., said IOM,
# adding that 12 ...": what a source adds, after its verb and a comma, is its word too
ADDS = re.compile(
    rf"\s*(?:\([^()]*\)\s*)?[^,.;:()]{{0,40}},\s*{SAYING}\s+(?:that\b|que\b|qu['’])", re.I
)
# The comma after a source set apart ("En 2019, informó la OIM, 1.230 ..."), not before a
# clause of another subject ("..., said IOM, and police arrested eight"; "mais de" is
# Portuguese's "more than"), unless the source goes on saying ("..., said IOM, and added that")
SET_APART_AFTER = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,(?!\s*(?:and|but|while|y|e|et|pero|mais(?!\s+d[eoa]s?\b)|mas)\b"
    r"(?!\s+(?:(?:also|a|ha|has|também|también|aussi)\s+)?(?:add|not|said|stat|stress|explain|"
    r"point|precis|précis|añad|anad|agreg|señal|senal|explic|detall|acrescent|diss|afirm|"
    r"refer|ajout|indiqu|soulign)))",
    re.I,
)
# The close of a quote and the verb of saying before or after its speaker: '...”, señala el
# ministerio', '...," the ministry said', '... », a indiqué l'OIM'.
QUOTE_THEN_SAID = re.compile(
    r"[^“”\"«»]*(?:[”\"»]\s*,|,\s*[”\"])\s*(?:(?:said|says|added|noted|stated|reported)\s+|"
    + SAID_THEN_SOURCE
    + r"|(?=(?:the\s+)?(?:[\w’'-]+\s+){1,4}(?:said|says|added|noted|stated|reported)\b))",
    re.I,
)


def _head_word(head: str) -> re.Pattern:
    """The word a body is named by ("the organisation", "la policía"), as it is found in the
    folded names of the bodies named before (which write "organization" with a z)."""
    return re.compile(rf"\b{re.escape(fold(head).replace('organis', 'organiz'))}\b")


# A body named by what it is, in the four languages ("the ministry", "el ministerio", "la
# policía", "le ministère", "a polícia").
BODY_NAMED = re.compile(
    rf"(?:(?:the|el|la|le|l['’]|o|a)\s*)?(?P<head>{_BODY}|ministerio|organismo|organización|"
    r"agencia|oficina|policía|fiscalía|ministère|organisation|agence|ministério|organização|"
    r"agência|polícia)\b",
    re.I,
)
# "The GRETA report ... was published on 6 November 2018. It recorded that 65 cases ...": a
# sentence that opens with "It ... that" or "The report" and a verb of finding speaks for the
# body whose report (study, survey) is the subject of the sentence before it.
_FINDS = (
    r"(?:also\s+)?(?:has\s+)?(?:recorded|records|found|finds|noted|notes|showed|shows|"
    r"estimated|estimates|revealed|reveals|indicated|indicates|reported|reports|stated|states|"
    r"highlighted|highlights|documented|documents)"
)
_WORK = r"(?:report|study|survey|assessment|analysis)"
ITS_FINDINGS = re.compile(rf"\s*(?:It\s+{_FINDS}\s+that|The\s+{_WORK}\s+{_FINDS})\b")
# A body's report: "X report", "X (XY) report (PDF)", "X's 2018 report", "the X's latest study"
ITS_WORK = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:[’']s)?\s+(?:(?:latest|new|recent|annual|global|second|"
    rf"third|first|(?:19|20)\d\d)\s+)*{_WORK}\b",
    re.I,
)
ACTOR_VERB = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:has\s+|have\s+|had\s+)?(?:also\s+|recently\s+|directly\s+|so far\s+|"
    r"now\s+)?(?:provided|assisted|identified|trained|helped|supported|rescued|returned|"
    r"reached|registered|served|protected|interviewed|resettled|given|offered|detected|"
    r"sheltered|repatriated|attended|treated|received)\b",
    re.I,
)


# "GENEVA, May 14 (UNHCR)", "Bangkok, 3 May 2019 (IOM)": a dateline, then its agency
DATELINE_SOURCE = re.compile(
    r"\s*[A-Z][\w .’'-]{1,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+(?:19|20)\d\d)?)\s*\($"
)


# A possessive after a name, a plural's too ("the UN's", "the United Nations' ...")
POSSESSIVE_AFTER = re.compile(r"[’']s\b|(?<=s)[’'](?!\w)")
OWNS_A_LAW = re.compile(
    # ("... provided by 40 states parties to the Council of Europe Convention on ...")
    r"(?:[’']s)?\s+(?:[A-Z][\w-]*\s+){0,4}(?:Convention|Protocol|Law|Act|Treaty|Charter|"
    r"Directive)\b"
)
# News agencies whose dateline is their byline, not a source ("(Reuters) -", "(AFP) —")
WIRES = {"Reuters", "AP", "AFP", "Xinhua", "ANSA", "EFE", "dpa", "Bernama", "Antara", "Kyodo",
         "Yonhap", "PTI", "IANS", "UPI", "TASS", "AA", "KUNA", "WAM", "SPA", "APA"}  # fmt: skip


# A distance or a length of time places or times what the source tells, and is not its count
# ("ans", not "an", a word of English too)
MEASURE = re.compile(
    r"(?:kilomet(?:re|er)|km|mile|met(?:re|er)|month|year|week|day|hour|kilómetro|mes|año|día|"
    r"semana|hora|kilomètre|jour|semaine|heure|quilômetro|ano|dia)s?|meses|mois|ans",
    re.I,
)


class AttributionRules:
    """The attribution and actor rules of the NumberExtractor (a part of it)."""

    passage_before: Passage | None = None  # the passage read before (set as the text is read)

    def _actor(self, f: Found, passage: Passage, entities: Entities) -> str | None:
        c0, _ = f.clause
        best = None
        for m in entities.in_range(passage, c0, f.start, "organization"):
            if ACTOR_VERB.match(passage.text, m.end) and f.start - m.end < 90:
                best = m
        return best.target if best else None

    def _attribution(self, f: Found, passage: Passage, entities: Entities) -> list[str]:
        cited = self._cited(f, passage, entities)  # (and an outlet that relays it, after it)
        cited += [t for t in relayed_by(passage, f, entities) if t not in cited]
        if "united-nations" not in cited:
            return cited
        un = [
            m
            for m in entities.in_range(passage, *f.sentence, "organization")
            if m.target == "united-nations" and UN_AGENCY_AFTER.match(passage.text, m.end)
        ]
        if not un:
            return cited
        agency = un_agency_named_before(un[0], entities, self.knowledge, self._names_of)
        return [
            t for t in dict.fromkeys(agency if t == "united-nations" else t for t in cited) if t
        ]

    def _cited(self, f: Found, passage: Passage, entities: Entities) -> list[str]:
        text = passage.text
        s0, s1 = f.sentence
        if MEASURE.fullmatch(f.head or ""):  # ("some 160 kilometres south of Lampedusa")
            return []
        orgs = bodies_in(entities, passage, s0, s1)  # (a minister's ministry too)
        cues: list[tuple[int, Mention]] = []
        said: set[int] = set()  # where a body's verb names it (not a work of it: "data from X")
        claims: set[int] = set()  # where only a verb of the round's with its own clause does
        works: set[int] = set()  # where a data noun or a passive count of the round's does
        for m in [
            *re.finditer(r"according to\b", text[s0:s1], re.I),
            *AS_REPORTED_BY.finditer(text[s0:s1]),
            *ACCORDING_TO.finditer(text[s0:s1]),  # "según", "selon", "segundo"
            *CITING.finditer(text[s0:s1]),
        ]:
            pos = s0 + m.start()
            # "according to the Global Report on ..., nearly half of the cases assisted by
            # IOM": an organization past the cited phrase's end is not its source.
            after = [
                o
                for o in orgs
                if o.start > pos
                and o.start - pos < 120
                and (
                    not re.search(r"[,;:]", text[pos : o.start])
                    # "According to a recent study of one of our partners, the International
                    # Organization for Migration (IOM), more than 35,000": in apposition
                    or re.fullmatch(r"[^,;:]{0,90},\s*(?:the\s+)?", text[pos : o.start])
                    and re.match(r"\s*(?:\([^()]{1,12}\)\s*)?,", text[o.end :])
                )
                # ("according to its latest data more than 5.5 million Ukrainians have entered
                # the EU": the cited phrase ends before the number)
                and not pos < f.start < o.start
            ]
            # "according to the UN's Economic Commission ...": the organization after the
            # possessive.
            # (a plural's too: "the United Nations' International Organization for Migration")
            while len(after) > 1 and POSSESSIVE_AFTER.match(text, after[0].end):
                after = after[1:]
            # "according to information provided by the authorities in the 47 countries bound
            # by the Council of Europe’s Anti-trafficking Convention": a body's law, no source
            after = [o for o in after if not OWNS_A_LAW.match(text, o.end)]
            if after:
                cues.append((pos, after[0], True))
        for o in orgs:  # "GENEVA, May 14 (UNHCR) On average 700 refugees ...": a dateline's
            # agency, the source of its sentence (not a wire's: "TORONTO, Mar 9 (Reuters) -")
            after = re.match(r"\)\s*(?:[-\u2013\u2014]+\s*)?\w", text[o.end :])
            if DATELINE_SOURCE.match(text, s0, o.start) and after and o.text not in WIRES:
                cues.append((o.start, o, True))
        for o in orgs:  # "the spokesperson for IOM, Ana Velder, said that 140 ..."
            if (
                SPEAKER_FOR.search(text, max(s0, o.start - 40), o.start)
                and SPEAKER_SAID.match(text, o.end)
            ) or ITS_SPEAKER_SAID.match(text, o.end):  # "UNICEF Yemen's Representative, ..."
                cues.append((o.start, o, False))
        # "Ana Ruiz, X's head of mission, said", "according to X spokesperson Ana Ruiz": a
        # speaker with a role in a body speaks for it
        spoken = speeches(text, s0, s1, entities.in_range(passage, s0, s1, "person"), orgs)
        cues += [
            (s.start, s.body, s.according)
            for s in spoken
            if s.according or s.end <= f.start < s.reach and not s.closes
        ]
        for o in orgs:  # "As IOM reported, ...", "As the agency's survey noted, ..."
            if re.search(r"\b[Aa]s\s+(?:the\s+)?$", text[max(s0, o.start - 8) : o.start]) and (
                AS_SOURCE_SAID.match(text, o.end)
            ):
                cues.append((o.start, o, True))
        for o in orgs:
            if (
                ATTRIBUTION_VERB.match(text, o.end)
                or SAID.match(text, o.end)  # "la OIM informó", "l'OIM a indiqué"
                or FOREIGN_SAID.match(text, o.end)  # "la OIM destacó que", "a OIM divulgou"
                or ENGLISH_SAID.match(text, o.end)  # "UNICEF added that", "IOM pointed out"
                or PEOPLE_SAID.match(text, o.end)
                or WHICH_SAYS.match(text, o.end)  # "the ILO, which adds that 66.5% ..."
                # "En 2019, informó la OIM, 1.230 migrantes ...": the verb and its source set
                # between commas
                or SAID_SET_APART.search(text, max(s0, o.start - 60), o.start)
                # (not a clause of another subject after it: "..., said IOM, and police
                # arrested eight")
                and (SET_APART_AFTER.match(text, o.end) or ADDS.match(text, o.end))
                or IN_PLACE_SAID.match(text, o.end)
                and re.fullmatch(r"\s*(?:the\s+)?", text[s0 : o.start], re.I)
                or re.match(
                    r"[’']s\s+(?:(?:latest|new|recent|annual|global|\d{4})\s+){0,3}"
                    # "’s 2012 “Trafficking in Persons” (TiP) report"
                    r"(?:[“\"][^”\"]{1,80}[”\"]\s+(?:\([A-Za-z]{2,8}\)\s+)?|"
                    r"(?:[A-Z][\w-]*\s+){0,5})"
                    r"(?:report|study|survey|data|figures|statistics|estimates|research|analysis)\b",
                    text[o.end : o.end + 160],
                )
                # ("IOM's tally shows", "UNHCR's records show"; not "disputed IOM's tally, ...")
                or TALLY.match(text, o.end)
                and tally_reaches(text, s0, o, f.start)
                or re.match(  # "IOM's Counter-Trafficking Data Collaborative holds figures on"
                    r"[’']s\s+(?:[A-Z][\w-]*\s+){1,5}(?:includes|contains|holds|shows|records)\s+"
                    r"(?:data|figures|records)\b",
                    text[o.end : o.end + 120],
                )
                or re.match(  # "IOM's (latest) Missing Migrants Project recorded 412 deaths"
                    # ("X's (XY) Regional Report on the Capacities to Measure Trafficking in
                    # the Pacific Islands estimated": a title's small words between capitals)
                    # ("The IOM Displacement Tracking Matrix (DTM) recorded": its name and
                    # acronym, without the possessive)
                    r"(?:[’']s)?\s+(?:\([A-Z]{2,10}\)\s+)?"
                    r"(?:(?:latest|new|recent|annual|global|first|\d{4})\s+){0,3}"
                    r"[A-Z][\w-]*\s+(?:(?:[A-Z][\w-]*|on|of|the|to|in|and|for)\s+){0,14}"
                    r"(?:\([A-Z]{2,10}\)\s+)?(?:has\s+|have\s+)?(?:recorded|records|"
                    r"registered|registers|counted|counts|documented|documents|found|finds|"
                    r"shows?|showed|estimates?|estimated|reports?|reported|indicates?|indicated)\b",
                    text[o.end : o.end + 120],
                )
            ):
                cues.append((o.start, o, False))
                said.add(o.start)
                new = (ENGLISH_SAID.match(text, o.end) or FOREIGN_SAID.match(text, o.end)) and not (
                    ATTRIBUTION_VERB.match(text, o.end) or SAID.match(text, o.end)
                )
                if new or DOCUMENTED.match(text, o.end):  # (the round's verbs: not past a clause
                    works.add(o.start)  # of another subject, "..., and police arrested 12")
                if new and (ENGLISH_SAID.match(text, o.end) or SAYS_ITS_OWN.match(text, o.end)):
                    claims.add(o.start)
            pre = text[max(s0, o.start - 60) : o.start]
            if re.search(
                r"\b(?:results|findings|figures|data|statistics|estimates|studies|study|report|"
                r"tally|count|records|monitoring|tracking|"
                # ("The figures, published by UNHCR on Monday, show": set off by commas)
                r"investigation|survey|analysis|assessment|research)(?:,?\s+(?:carried out|"
                r"conducted|published|compiled|released|made|done|undertaken|shared|provided|"
                r"collected|gathered)\s+|\s+)(?:of|by|from)\s+"
                r"(?:(?:a|the|recent|an?)\s+)?(?:\d{4}\s+)?$",
                pre,
                re.I,
            ):
                cues.append((o.start, o, False))
                said.discard(o.start)
            elif WORK_OF.search(pre) or COUNTED_BY.search(pre):  # (the round's: not past a
                cues.append((o.start, o, False))  # negation or another clause, before it)
                said.discard(o.start)
                works.add(o.start)
        # ("Ana Ruiz from the X unit under the Y ministry said": the speaker's body is the
        # verb's, not another body named in the speaker's role)
        inner = {o.start for s in spoken for o in orgs if s.start <= o.start < s.end} - {
            s.body.start for s in spoken
        }
        cues = [c for c in cues if c[1].start not in inner]
        # "IOM estimates that 80 per cent of girls – whose numbers soared from 1,454 –": the
        # source of the sentence, not of the aside's numbers
        # (not "according to X", which speaks for the whole sentence)
        set_apart = [(a, b) for a, b in asides(text, s0, s1) if a < f.start < b]
        before = [
            c
            for c in cues
            if c[0] < f.start
            and (c[2] or not any(c[0] < a for a, _ in set_apart))
            and (c[0] not in works or work_reaches(text, c[1].end, f.start, orgs))
        ]
        according = [c for c in before if c[2]]
        # "according to X, ... Y recorded N": X is who the text cites (not a person's word
        # over what a speaker or a body says after it: "According to Ana Ruiz, X's head of
        # mission, 300 arrived, while Tomas Berend, Y's representative, said 400 ...")
        heard = {(s.start, s.body.start) for s in spoken if s.according}
        if according and not all((c[0], c[1].start) in heard for c in according):
            before = according
        if before:
            cited = with_coordinated(max(before, key=lambda c: c[0])[1], orgs, text, s0)
            # '"According to X's figures, 127 victims were rescued", the ministry said': the
            # figures are the speaker's word too
            speaker = self._speaker_after_the_quote(f, passage, entities) if according else None
            return list(dict.fromkeys([*cited, speaker])) if speaker else cited
        c0, c1 = f.clause
        # (a body and its verb after the number speak for it only past a comma: "..., IOM
        # said"; not "... detuvo a 300 personas y la OIM señaló la necesidad de ...")
        # (not a verb that says what follows it: "... rescued 300 – UNICEF explained that")
        after = [
            c
            for c in cues
            if f.end <= c[0] <= c1
            and c[0] not in claims
            and not (c[0] in works and another_clause(text, f.end, c[0]))
            and (
                c[0] not in said
                or re.search(
                    # (or a dash, a bracket: "... in 2019 — IOM said", "(IOM said)")
                    r"(?:,|\(|\s[–—-])\s*(?:the\s+|la\s+|el\s+|l['’]|le\s+|a\s+|o\s+)?$",
                    text[f.end : c[0]],
                )
            )
        ]
        if not after:  # "94% of ... are ..., according to a dataset developed by X and Y."
            after = [
                c
                for c in cues
                if c[2]
                and f.end <= c[0] <= s1
                # ("... in 2019 (according to IOM)", "... – according to IOM", 'seized "752
                # documents, 67 boats and 65 vehicles," according to MAP')
                and re.fullmatch(
                    r"[^.;:]*(?:,[”\"»]?|\(|\s[–—-])\s*", as_one_list(text[f.end : c[0]])
                )
            ]
        if not after:  # "Some 500 migrants have died this year, IOM said on Tuesday."
            # ("..., IOM and UNHCR said": from the first body of the list the verb is of)
            after = [
                (first.start, first, False)
                for o in orgs
                if f.end <= (first := list_first(o, orgs, text)).start <= s1
                and (
                    named := re.fullmatch(
                        SAID_BEFORE_SOURCE, as_one_list(text[f.end : first.start])
                    )
                )
                and (
                    # (an agency of a body is not the body: "..., the EU agency said"; the UN's
                    # is read from the one named before, UN_AGENCY_AFTER)
                    SAID_AFTER.match(text, o.end)
                    and (o.target == "united-nations" or not UN_AGENCY_AFTER.match(text, o.end))
                    or SAID_AFTER_MORE.match(text, o.end)
                    # "..., a survey by X found": what a study found, not "X found shelters"
                    or named.group("work")
                    and FOUND_AFTER.match(text, o.end)
                )
            ]
        if not after:  # "..., said Ana Ruiz, X's head of mission", "..., Ana Ruiz of X said"
            after = [
                (s.start, s.body, False)
                for s in spoken
                if not s.according
                and not s.claims
                and f.end <= s.start
                and re.fullmatch(
                    same_sentence('“”"«»') + rf"(?:,\s*[”\"»]|[”\"»]?,|{QUOTE_ENDS}|\s[–—-])\s*",
                    as_one_list(text[f.end : s.start]),
                )
            ][:1]
        if not after:  # "Some 1,330 migrants died in 2019 (IOM data)", "... (Source: IOM)"
            after = [
                (o.start, o, False)
                for o in orgs
                if f.end <= o.start <= s1
                and (label := SOURCE_IN_BRACKETS.fullmatch(text, f.end, o.start))
                and (data := DATA_IN_BRACKETS.match(text, o.end))
                and (label["label"] or data["data"])
            ]
        if not after:  # "At least 245 children were intercepted, said UNICEF."
            after = [
                (o.start, o, False)
                for o in orgs
                if f.end <= o.start <= s1
                and re.fullmatch(
                    # ('affected "more than 190,000 workers", says the ILO': after a quote)
                    same_sentence('“”"«»')
                    + rf"(?:[”\"»]?,|{QUOTE_ENDS})\s*"
                    + r"(?:(?:said|says|reported|reports|announced|estimated|"
                    r"estimates|noted|warned|indicates|indicated|adds|added|stated|explained|"
                    r"stressed|emphasi[sz]ed|highlighted|confirmed|revealed)\s+(?:(?:the|an?)\s+)?"
                    + SOURCE_NAMED
                    + "|"
                    + SAID_THEN_SOURCE
                    + "|"
                    + FOREIGN_SAID_THEN
                    + ")",
                    as_one_list(text[f.end : o.start]),
                )
            ]
        anaphor = ANAPHORIC_SOURCE.search(text, s0, s1)
        opens = (  # "The agency noted that ..." (not past "but the Ombudsman said")
            anaphor
            and anaphor["said"]
            and not text[s0 : anaphor.start()].strip()
            and not re.search(r"\bbut\b|;", text[anaphor.end() : f.start])
        )
        said_after = anaphor and anaphor["comma"] and anaphor.start() >= f.end
        if not after and anaphor and (anaphor["head"] or opens or said_after):
            # "..., based on preliminary figures from the organization", "..., the ministry
            # said": the body named last before it whose name has that word (that body alone:
            # not the others named with it)
            word = _head_word(anaphor["head"] or anaphor["said"])
            if called := self._named_last_before(entities, passage, anaphor.start(), word):
                return [called]
        told = None if after else FOREIGN_ANAPHOR.search(text, f.end, s1)
        if told and not CLAUSE_BREAK.search(text, f.end, told.start()):
            # "..., informó hoy esa entidad": the body named last before it (by that word of
            # its name: "..., señaló el ministerio")
            word = _head_word(told["named"]) if told["named"] else None
            if called := self._named_last_before(entities, passage, told.start(), word):
                return [called]
        for described in [] if after else DESCRIBED_SOURCE.finditer(text, s0, s1):
            # (opening the sentence, the number in the clause its verb governs: not "..., while
            # the coast guard rescued 500")
            at, broken = described.start(), CLAUSE_BREAK.search(text, described.end(), f.start)
            if not (at == s0 and not broken or described["comma"] and at >= f.end):
                continue
            word = re.compile(rf"(?<![\w-]){described['word'].casefold()}s?\b")
            called = {
                m.target
                for m in entities.mentions
                if m.kind == "organization" and word.search(fold(" ".join(self._names_of(m))))
            }
            if len(called) == 1:
                return list(called)
        if after:
            return with_coordinated(named_in_apposition(after[0][1], orgs, text), orgs, text, s0)
        return self._whose_work_the_sentence_before_names(f, passage, entities)

    def _speaker_after_the_quote(self, f: Found, passage: Passage, entities: Entities):
        """Who says the quote the number `f` is in, named after its closing mark ('...”,
        señala el ministerio', '...," the agency said'): a body by its name, or by the word
        for what it is, the one body of that word the text names before (of two ministries
        named, "the ministry" is neither)."""
        text, (s0, s1) = passage.text, f.sentence
        # (a quote opened before the number: its mark may stand before the sentence's start)
        opened = re.search(r"[“\"«][^”\"»]*$", text[max(0, s0 - 3) : f.start])
        m = QUOTE_THEN_SAID.match(text, f.end, s1) if opened else None
        if m is None:
            return None
        named = entities.in_range(passage, m.end(), s1, "organization")
        if named and named[0].start == m.end():
            return named[0].target
        body = BODY_NAMED.match(text, m.end(), s1)
        if body is None:
            return None
        word = _head_word(body["head"])
        earlier = [
            o
            for o in entities.mentions
            if o.kind == "organization"
            and (o.passage.index, o.start) < (passage.index, m.end())
            and word.search(fold(" ".join(self._names_of(o))))
        ]
        return earlier[0].target if len({o.target for o in earlier}) == 1 else None

    def _whose_work_the_sentence_before_names(
        self, f: Found, passage: Passage, entities: Entities
    ) -> list[str]:
        """ITS_FINDINGS: the body whose work (ITS_WORK) is the subject of the sentence before,
        in this passage or at the end of the one before."""
        s0, _ = f.sentence
        if not ITS_FINDINGS.match(passage.text, s0):
            return []
        earlier = [s for s in passage.sentences if s[1] <= s0]
        before = passage if earlier else self.passage_before
        if before is None or not before.sentences:
            return []
        a, b = earlier[-1] if earlier else before.sentences[-1]
        # (the subject: only "The" before it; not "The ministry commented on the UNHCR report")
        named = [
            o
            for o in entities.in_range(before, a, b, "organization")
            if ITS_WORK.match(before.text, o.end)
            and re.fullmatch(r"\s*(?:The\s+)?", before.text[a : o.start])
        ]
        return [named[0].target] if named else []

    def _named_last_before(
        self, entities: Entities, passage: Passage, at: int, word: re.Pattern | None
    ) -> str | None:
        """The body named last before `at` in the passage, else in a paragraph before ("...
        Frontex said. ... The agency noted"), whose name has `word` (any body when None)."""

        def so_named(m: Mention) -> bool:
            return word is None or bool(word.search(fold(" ".join(self._names_of(m)))))

        here = entities.in_range(passage, 0, at, "organization")
        called = [m for m in here if so_named(m)] or [
            m
            for m in entities.mentions
            if m.kind == "organization" and m.passage.index < passage.index and so_named(m)
        ]
        return called[-1].target if called else None

    def _names_of(self, mention: Mention) -> list[str]:
        """The words of a mention, and the names of what it names."""
        entity = self.knowledge.entities.get(mention.entity or "")
        new = [mention.new.name] if mention.new is not None else []
        return [mention.text, *new, *(entity.names if entity else ())]
