"""Candidate names by rule: runs of capitalized words, split at their connectors and
classified by their head word and by context (a place, a person, an organization, a
declared thing), for :class:`kg.extraction.entities.Recognizer`.
"""

from __future__ import annotations

from kg.extraction.acronym_cues import acronym_names_a_body, spelled_out_agent
from kg.extraction.body_units import (
    one_persons_role,
    parent_of_a_unit,
    people_in_the_plural,
    units_in_role,
)
from kg.extraction.coordination import (
    connects,
    coordinated_after_of,
    coordinated_with_organization,
    second_name_after_foreign_and,
)
from kg.extraction.given_names import is_given_name
from kg.extraction.name_ends import (
    a_name_ends_before_and_the,
    a_starter,
    ends_a_name,
    two_names_at_e,
)
from kg.extraction.name_heads import heads_of_a_body
from kg.extraction.name_words import (
    ACRONYM_STOP,
    ALL_HEADS,
    ARTICLES,
    COMPLEMENT_OPENERS,
    CONNECTORS,
    DONE_BY,
    EVENT_HEADS,
    GENERIC_NAMES,
    GROUPS_OF_PEOPLE,
    LAW_HEADS,
    MAX_NAME_TOKENS,
    MEMBERS_OF_A_BODY,
    MONTHS,
    ORG_HEADS,
    ORG_LAST_WORDS,
    PLACE_SENSITIVE_CONNECTORS,
    PROJECT_HEADS,
    ROLE_HEADS,
    SPLIT_HEADS,
    STUDY_HEADS,
    SUBJECT_ARTICLES,
    _joins_a_name,
    after_a_title,
    body_after_a_role,
    cited_as_a_source,
    connectors_end_a_name,
    is_connector,
    lead_word,
    leads_a_name,
    opens_with_a_common_noun,
    place_in_the_name,
)
from kg.extraction.organizations import (
    COMPLEMENTS,
    _continues_a_complement,
    _listed_with_organizations,
    _organization_before_role,
    _typed_organizations,
)
from kg.extraction.people import (
    _name_after_role,
    _person_context,
    looks_like_person,
)
from kg.extraction.place_candidates import PlaceRules, regions_named
from kg.extraction.sentence_case_names import sentence_case_names
from kg.extraction.spans import (
    Span,
    _acronym_after,
    _currency_of_a_number,
    _in_a_credit,
    _in_a_menu,
    _is_name_word,
    _sentence_starts,
    known_organization,
)
from kg.extraction.text import Passage


class CandidateRules(PlaceRules):
    """The rules that find new names in a passage (a part of the Recognizer)."""

    def _candidates(
        self, passage: Passage, known: list[Span], lowercase: frozenset[str]
    ) -> list[Span]:
        tokens = passage.tokens
        starts = _sentence_starts(passage)
        known_here = [s for s in known if s.passage is passage]
        place_starts = {s.a for s in known_here if s.kind == "place"} | regions_named(passage)
        place_ends = {s.a: s.b for s in known_here if s.kind == "place"}
        known_ranges = {(s.a, s.b): s for s in known_here}
        known_starts = {s.a for s in known_here}
        runs = []
        i = 0
        while i < len(tokens):
            if not _is_name_word(tokens[i]):
                i += 1
                continue
            j = i + 1
            has_conn = False
            while j < len(tokens) and j - i < MAX_NAME_TOKENS:
                t = tokens[j]
                if (
                    t.text in ("-", "\u2013")
                    and not t.space_before
                    and j + 1 < len(tokens)
                    and not tokens[j + 1].space_before
                    and tokens[j + 1].is_word
                    # ("IOM-trained Border Police", "EU-funded X": who did it, then another name)
                    and not (tokens[j + 1].text.islower() and tokens[j + 1].key in DONE_BY)
                ):
                    j += 2
                    continue
                if t.text in ("'s", "’s") or (
                    # "Migrant Workers’ Affairs": a plural's possessive inside a name (not
                    # "Foreign Affairs’ Office", what a body owns, nor "Honduras' National
                    # Police", a place's)
                    t.text in ("'", "’")
                    and not t.space_before
                    and tokens[j - 1].key.endswith("s")
                    and j not in place_ends.values()
                    and j + 1 < len(tokens)
                    and _is_name_word(tokens[j + 1])
                    # ("the Farmers’ Union": people's, before a head word too)
                    and (
                        tokens[j + 1].key not in ORG_HEADS
                        or people_in_the_plural(tokens[j - 1].key)
                    )
                ):
                    j += 1
                    continue
                if ends_a_name(tokens, j):  # "The Department of Justice Friday commemorates"
                    break
                if _is_name_word(t):
                    j += 1
                    continue
                k = j
                while k < len(tokens) and connects(tokens, k, j):
                    k += 1
                if k > j and k < len(tokens) and _is_name_word(tokens[k]):
                    if (
                        any(tokens[x].key in PLACE_SENSITIVE_CONNECTORS for x in range(j, k))
                        and k in place_starts
                        # "United Nations Office at Nairobi (UNON)", "Embassy of Myanmar in
                        # Malaysia": the place is part of the name
                        and not place_in_the_name(tokens, i, j, place_ends.get(k, k))
                    ):
                        break
                    # ("In Mauritania the Government": a place, then "the"; not "Break the Chain")
                    the_after_a_place = tokens[j].text == "the" and j in place_ends.values()
                    if connectors_end_a_name(tokens, i, j, k) or the_after_a_place:
                        break
                    has_conn = has_conn or any(tokens[x].key in COMPLEMENTS for x in range(j, k))
                    j = k
                    continue
                if t.text == "," and has_conn and _continues_a_complement(tokens, j, known_starts):
                    j += 1
                    continue
                break
            runs.append((i, j))
            i = j
        out: list[Span] = []
        unnamed: list[tuple[int, int]] = []  # names the rules could not classify
        for a, b in runs:
            if _in_a_menu(passage, a, b) or _in_a_credit(passage, a):
                continue
            for a2, b2 in self._split(passage, a, b, starts, lowercase, known_ranges):
                span = self._classify(passage, a2, b2, known_ranges)
                if span is not None:
                    out += [span, *parent_of_a_unit(passage, a2, b2, known_ranges)]
                elif (a2, b2) not in known_ranges:
                    unnamed.append((a2, b2))
                # "the SIDA Migrant Protection Programme": the donor or manager in front.
                # "Chief of UNHCR's Protection Unit": the organization inside a role.
                if span is not None and span.kind == "role":
                    out += units_in_role(passage, a2, b2, known_ranges, self._classify)
                    out += _organization_before_role(passage, a2, b2, known_ranges)
                    for k in range(a2, b2):
                        if tokens[k].is_acronym and (k, k + 1) not in known_ranges:
                            inner = self._classify(passage, k, k + 1, known_ranges)
                            if inner is not None and inner.kind == "organization":
                                out.append(inner)
                if (
                    span is not None
                    and span.kind in ("project", "campaign", "event")
                    and b2 - a2 > 1
                    and tokens[a2].is_acronym
                    and (a2, a2 + 1) not in known_ranges
                    # "EU-funded HIJRA AMINA Programme": the text names who funds it
                    and not (a2 and tokens[a2 - 1].key in DONE_BY)
                ):
                    donor = self._classify(passage, a2, a2 + 1, known_ranges)
                    if donor is not None and donor.kind == "organization":
                        donor.confidence = 0.55
                        out.append(donor)
        out += self._place_lists(passage, known_here)
        out += _listed_with_organizations(passage, unnamed, out, known_here, starts, lowercase)
        out += _typed_organizations(passage, known_here, out)
        # "la Marine nationale", "l'Office central ... (OCR)"
        bodies = {s.a for s in [*out, *known_here] if s.kind == "organization"}
        out += sentence_case_names(passage, bodies)
        # A name cut off by the end of a text that stops mid-sentence is a suggestion only.
        if passage.text[-1:].isalnum() and len(passage.text) > 80:
            for span in out:
                if span.end == len(passage.text) and span.kind in ("organization", "person"):
                    span.confidence = min(span.confidence, 0.45)
        return out

    def _split(self, passage, a, b, starts, lowercase, known_ranges):
        tokens = passage.tokens
        # Sentence-opening words in lower case elsewhere are no names; not an article's head word
        after_article = False
        while (
            a < b
            and a in starts
            and not tokens[a].is_acronym
            and (
                a_starter(tokens, a, b, passage.language)
                or tokens[a].key in lowercase
                and not (
                    after_article
                    and tokens[a].key in ALL_HEADS
                    and a + 2 < b
                    and tokens[a + 1].key in COMPLEMENT_OPENERS
                )
                # "Border Force worked with ...", the text saying "the border" too: a word
                # before the head word of a two-word name
                and not (a + 2 == b and tokens[a + 1].key in ORG_HEADS)
                # "West Yorkshire Police said", "North Kivu Police": a point of the compass
                # that opens a place's name, before a body's head word
                and not (
                    tokens[a].key in {"north", "south", "east", "west"}
                    and b - a >= 3
                    and tokens[b - 1].key in ORG_HEADS
                )
            )
        ):
            after_article = tokens[a].key in ARTICLES
            a += 1
            while a < b and (is_connector(tokens[a]) or not tokens[a].is_word):
                # "According to the Ministry of Public Safety": an article skipped too
                after_article = after_article or tokens[a].key in ARTICLES
                a += 1
            starts = starts | {a}
        # "Officials of the Ministry ...": a sentence's first word that is no head word of a
        # name, before "of", "from", ..., is a common noun.
        if (
            a in starts
            and opens_with_a_common_noun(tokens, a, b)
            and (a, a + 1) not in known_ranges
        ):
            a += 1
            while a < b and (is_connector(tokens[a]) or not tokens[a].is_word):
                a += 1
        # "Colaboraron la Policía de Ventoria ...", "Informó el Ministerio ...": a sentence that
        # opens with its verb, then the subject's article (no name holds an article there;
        # not in English: "Puerto la Cruz Police Station")
        if (
            a in starts
            and a + 2 < b
            and tokens[a + 1].key in SUBJECT_ARTICLES
            and passage.language in ("es", "fr", "pt")
        ):
            a += 2 if tokens[a + 1].text.islower() and tokens[a].key not in ALL_HEADS else 0
        while a < b and leads_a_name(tokens, a, b):
            a += 1  # "the local NGO Casa Esperanza", "09:42 By Agência Brasil": the name after
        a = body_after_a_role(tokens, after_a_title(tokens, a, b), b)
        while b > a and (is_connector(tokens[b - 1]) or not tokens[b - 1].is_word):
            b -= 1
        if a >= b:
            return []
        # "the Embassy of Canada and Honduras' National Police": the place before a possessive
        # apostrophe owns the next name, and is no part of this one.
        if b < len(tokens) and tokens[b].text in ("'", "’") and tokens[b - 1].key.endswith("s"):
            owner = next(
                (ka for (ka, kb), k in known_ranges.items() if kb == b and k.kind == "place"), None
            )
            if owner is not None and owner > a + 1 and tokens[owner - 1].key == "and":
                return self._split(passage, a, owner - 1, starts, lowercase, known_ranges)
        # "UNODC Executive Director Ghada Waly", "IOM Director General for Operations Jane
        # Doe": a role, then the person's name.
        person = _name_after_role(tokens, a, b, known_ranges)
        if person is not None:
            p0, p1 = person
            self.role_persons.add((passage.index, p0, p1))
            rest = self._split(passage, p1, b, starts, set(), known_ranges) if p1 < b else []
            return [(a, p0), (p0, p1), *rest]
        # "Main Border Crimes Department at the Ministry of Internal Affairs": a unit, then
        # the body it is at (not "United Nations Office at Nairobi")
        for p in range(a + 1, b - 2):
            if (
                tokens[p].key == "at"
                and tokens[p + 1].key == "the"
                and tokens[p + 2].key in (ORG_HEADS)
                and {t.key for t in tokens[a:p]} & SPLIT_HEADS
            ):
                return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                    passage, p + 2, b, starts, lowercase, known_ranges
                )
        # "the Youth Institute and the Public Defender's Office": two names, each with a head
        # word and an article of its own (before any possessive inside the second is read).
        for p in range(a + 1, b - 2):
            if (
                tokens[p].key == "and"
                and tokens[p + 1].key == "the"
                and {t.key for t in tokens[a:p]} & SPLIT_HEADS
                and {t.key for t in tokens[p + 2 : b]} & ORG_HEADS
                and any(t.text in ("'s", "’s") for t in tokens[p + 2 : b])
            ):
                return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                    passage, p + 2, b, starts, lowercase, known_ranges
                )
        # "the Child Labour Supervisors of the Ministry of Labour": people of a body, named
        # by their role in the plural; the body after "of" is the name.
        for p in range(a + 1, b - 1):
            body = [t.key for t in tokens[p + 1 : b]]
            body = body[: body.index("and")] if "and" in body else body
            role = [t.key for t in tokens[a:p]]  # or one person's: "Acting Head of the ..."
            one = one_persons_role(tokens, a, p)
            one = one and "of" not in body  # "Head of the X Section of the Y": below
            if (
                tokens[p].key == "of"
                and (people_in_the_plural(tokens[p - 1].key) or one)
                and (one or not set(role) & ORG_HEADS)
                and set(body) & ORG_HEADS  # not "the Sisters of the Good Shepherd"
            ):
                k = p + 1 + (tokens[p + 1].key == "the")
                return self._split(passage, k, b, starts, set(), known_ranges) if k < b else []
        # "Jane Doe, National Programme Officer IOM Nepal" (a signature's two lines in one
        # passage): a role's head word, then a known organization, which begins a name.
        for p in range(a + 1, b):
            if tokens[p - 1].key in ROLE_HEADS and any(
                ka == p and k.kind == "organization" for (ka, _), k in known_ranges.items()
            ):
                return [(a, p)] + self._split(passage, p, b, starts, lowercase, known_ranges)
        # "the Ministry of Education and Ministry of Women Affairs": the same head word again
        # after "and" begins a second name.
        if tokens[a].key in ORG_HEADS:
            for p in range(a + 2, b - 1):
                if tokens[p].key == "and" and tokens[p + 1].key == tokens[a].key:
                    return self._split(passage, a, p, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, lowercase, known_ranges)
                    )
        # A possessive after a known name or an acronym ends that name: "Mexico's National
        # ...", "... and Mexico's Ministry"; so does one between two names with head words
        # ("the Ministry of the Interior's Anti-Trafficking Unit", "... Government's Report").
        for p in range(a + 1, b):
            # (a plural's too, after a known name: "the United Nations' International ...")
            plural = tokens[p].text in ("'", "’") and tokens[p - 1].key.endswith("s")
            if tokens[p].text in ("'s", "’s") or plural and (a, p) in known_ranges:
                left = (a, p)
                if left in known_ranges or (p - a == 1 and tokens[a].is_acronym):
                    head = [left] if left not in known_ranges else []
                    return head + self._split(passage, p + 1, b, starts, set(), known_ranges)
                # "Head of UNODC's Human Trafficking ... Section": a role, then a unit of the
                # organization the possessive names.
                if (
                    tokens[p - 1].is_acronym
                    and {t.key for t in tokens[p + 1 : b]} & ORG_HEADS
                    and tokens[a].key in ROLE_HEADS
                ):
                    return self._split(passage, a, p, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
                place = next(
                    (ka for (ka, kb), k in known_ranges.items() if kb == p and k.kind == "place"),
                    None,
                )
                if place is not None and place > a:
                    return self._split(passage, a, place, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
                left_keys = {t.key for t in tokens[a:p]}
                right_keys = {t.key for t in tokens[p + 1 : b]}
                # "Secretariat against ... of the Vice President's Office": a unit of an office
                # that a possessive names; the office is one name, possessive and all.
                of = [q for q in range(a + 1, p) if tokens[q].key == "of"]
                if of and left_keys & SPLIT_HEADS and tokens[b - 1].key in ORG_HEADS:
                    q = of[-1]
                    owner = q + 1 + (tokens[q + 1].key == "the")
                    if (
                        owner < p
                        and all(_is_name_word(t) for t in tokens[owner:p])
                        and not {t.key for t in tokens[owner:p]} & ORG_HEADS
                        and {t.key for t in tokens[a:q]} & SPLIT_HEADS
                        # a name complete before "of" ("Secretariat against ... in Persons"),
                        # not a head whose complement the "of" begins ("Ministry of the ...")
                        and any(t.key in CONNECTORS and t.text.islower() for t in tokens[a:q])
                    ):
                        self.possessive_offices.add((passage.index, owner, b))
                        return self._split(passage, a, q, starts, lowercase, known_ranges) + [
                            (owner, b)
                        ]
                if left_keys & SPLIT_HEADS and right_keys & (ORG_HEADS | STUDY_HEADS):
                    return self._split(passage, a, p, starts, lowercase, known_ranges) + (
                        self._split(passage, p + 1, b, starts, set(), known_ranges)
                    )
        # "US Department of State Bureau of Population, ...": a known organization ends the
        # run, and what is before it is a name with a head word of its own.
        for (ka, kb), known in known_ranges.items():
            if (
                kb == b
                and a < ka
                and known.kind == "organization"
                and {t.key for t in tokens[a:ka]} & (ORG_HEADS | STUDY_HEADS)
                and ka - a >= 2
            ):
                return self._split(passage, a, ka, starts, lowercase, known_ranges)
        # "A and B": two names, unless "and" is inside a complement ("Commission for Latin
        # America and the Caribbean") or B's head makes "A and B ..." one name ("Children and
        # Family Institute").
        for p in range(a + 1, b - 1):
            # "l'OIM et de la Croix-Rouge": a known organization, then "y", "et", "e"
            known_left = known_ranges.get((a, p))
            if tokens[p].key in ("y", "et", "e") and known_left and known_organization(known_left):
                k = p + 1
                while k < b and (is_connector(tokens[k]) or not tokens[k].is_word):
                    k += 1
                return self._split(passage, k, b, starts, lowercase, known_ranges)
            second = second_name_after_foreign_and(tokens, a, p, b)
            if second is not None:  # ("la Fiscalía ... y la Dijín de la Policía", "FAO et UNIC")
                left = self._split(passage, a, p, starts, lowercase, known_ranges)
                return left + self._split(passage, second, b, starts, lowercase, known_ranges)
            if tokens[p].key != "and" and not two_names_at_e(tokens, a, p, b):
                continue
            before = [t.key for t in tokens[a:p]]
            # "the Ministry of Labour and the National Institute for Women": two names, each
            # with a head word of its own, the second with its own article (or the words after
            # "and the" qualify a common noun: "... and the Sudanese embassy").
            if (
                tokens[p + 1].key == "the"
                and (set(before) & SPLIT_HEADS or p - a >= 2)
                and a_name_ends_before_and_the(tokens, p, b, known_ranges.get((p + 2, b)))
                and p + 2 < b
            ):
                return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                    passage, p + 2, b, starts, lowercase, known_ranges
                )
            if any(k in ("of", "for", "to", "on", "against") for k in before):
                coordinated = coordinated_after_of(p, b, known_ranges)
                if coordinated is not None and {t.key for t in tokens[a:p]} & ORG_HEADS:
                    rest = self._split(passage, p + 1, b, starts, lowercase, known_ranges)
                    left = self._split(passage, a, p, starts, lowercase, known_ranges)
                    return left + (rest if coordinated == "organization" else [])
                continue
            left_known = any(ka <= a and p <= kb for ka, kb in known_ranges) or all(
                tokens[x].is_acronym for x in range(a, p)
            )
            right_heads = {t.key for t in tokens[p + 1 : b]} & (ORG_HEADS | LAW_HEADS | EVENT_HEADS)
            left_heads = set(before) & (ORG_HEADS | LAW_HEADS | EVENT_HEADS)
            # "..., World Vision and Catholic Relief Services": the last two names of a list.
            listed = a >= 2 and tokens[a - 1].text == "," and _is_name_word(tokens[a - 2])
            if right_heads and not left_heads and not left_known and not listed:
                continue
            return self._split(passage, a, p, starts, lowercase, known_ranges) + self._split(
                passage, p + 1, b, starts, lowercase, known_ranges
            )
        return [(a, b)]

    def _classify(self, passage: Passage, a: int, b: int, known_ranges) -> Span | None:
        tokens = passage.tokens
        if (a, b) in known_ranges:
            return None
        if (passage.index, a, b) in self.role_persons:
            return Span(passage, a, b, "rule", "person", confidence=0.7)
        if (passage.index, a, b) in self.possessive_offices:
            return Span(passage, a, b, "rule", "organization", confidence=0.6)
        # A known organization's name that the rules would only lengthen without a head word
        # of its own ("US State Department Bureau of Population, Refugees and Migration").
        for (ka, kb), span in known_ranges.items():
            if ka == a and kb < b and span.kind == "organization":
                extra = {t.key for t in tokens[kb:b]}
                if not extra & (ORG_HEADS | EVENT_HEADS | LAW_HEADS | PROJECT_HEADS):
                    return None
        keys = [t.key for t in tokens[a:b]]
        words = set(keys)
        acronym = _acronym_after(tokens, b)
        first_word = lead_word(tokens[a:b])  # ("Executive Director of": its head word)
        if (
            len(keys) >= 3
            and keys[0].endswith("ing")
            and keys[0] not in ALL_HEADS
            and keys[1] not in ALL_HEADS  # not "Training Centre for Border Guards"
            and keys[-1] not in ORG_HEADS | ORG_LAST_WORDS
        ):
            # "Strengthening Local Groups to Combat Forced Labour": a title
            # (a project's, a report's) that opens with what it does, no body's name
            return None
        if {first_word, keys[0]} & ROLE_HEADS and len(keys) > 1:  # "IOM Head of Office", "Chief of"
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if keys[-1] in ROLE_HEADS and len(keys) > 1:  # "the Resource Centre Director"
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if is_given_name(tokens[a].text) and self._person_by_context(passage, a, b, known_ranges):
            return Span(passage, a, b, "rule", "person", confidence=0.6)  # "Bill Blair said"
        # (not "National Drug Law Enforcement Agency": a body's head last; but "Law on the
        # State Border Service", a law of a body)
        law = words & LAW_HEADS or {"plan", "action"} <= words
        if law and (keys[-1] not in ORG_HEADS or {"on", "of", "about"} & words):
            return Span(passage, a, b, "rule", "law", confidence=0.7)
        if words & PROJECT_HEADS or {"trust", "fund"} <= words:  # a trust fund is a fund
            return Span(passage, a, b, "rule", "project", confidence=0.6)
        if "campaign" in words:
            return Span(passage, a, b, "rule", "campaign", confidence=0.6)
        # "Operation Aidant": an operation's name (not "Operation Blessing International")
        if keys[0] == "operation" and b - a >= 2 and keys[-1] not in ORG_LAST_WORDS | ORG_HEADS:
            return Span(passage, a, b, "rule", "event", confidence=0.65, acronym=acronym)
        if words & EVENT_HEADS:
            head = next(k for k in keys if k in EVENT_HEADS)
            after = keys[keys.index(head) + 1 :]
            if (
                head == "congress"
                and after[:1] != ["on"]
                and b - a >= 2
                and not (tokens[a - 1].key in ("second", "first", "third") if a else False)
            ):
                return Span(passage, a, b, "rule", "organization", confidence=0.6, acronym=acronym)
            if b - a >= 2:
                return Span(passage, a, b, "rule", "event", confidence=0.65, acronym=acronym)
            return None
        # "Terra Viva International"; not "Coordinator of Terra Viva International", a role.
        if keys[-1] in ORG_LAST_WORDS and b - a >= 2 and not words & ROLE_HEADS:
            return Span(passage, a, b, "rule", "organization", confidence=0.65, acronym=acronym)
        # (not "na Praia Vermelha", "Marie Cour", "Un Groupe de 45 ...": see name_heads.py)
        if heads_of_a_body(tokens, a, b) and b - a >= 2:
            if acronym is None and (
                " ".join(keys) in GENERIC_NAMES or MEMBERS_OF_A_BODY.fullmatch(" ".join(keys))
            ):
                return None
            if keys[0] in GROUPS_OF_PEOPLE and keys[1] == "of":
                return None  # "Members of Parliament": people, not a body
            return Span(passage, a, b, "rule", "organization", confidence=0.7, acronym=acronym)
        if words & ROLE_HEADS:
            return Span(passage, a, b, "rule", "role", confidence=0.6)
        if b - a == 1 and tokens[a].is_acronym:
            plain = tokens[a].text.replace(".", "").upper()
            fiscal = plain[:2] == "FY" and plain[2:].isdigit()  # ("FY2017": a fiscal year)
            if plain in ACRONYM_STOP or plain in self.phrase_acronyms or fiscal:
                return None
            if "." in tokens[a].text and len(plain) <= 2:
                return None  # "N.V. (initials changed)": a person's initials
            if _currency_of_a_number(tokens, a):
                return None
            # an acronym the text neither spells out nor says again is a suggestion ("HQ"); one
            # it uses twice, cites as a source ("According to INEI data") or says a body's, is
            again = self.acronym_counts.get(tokens[a].text, 0) >= 2
            cited = cited_as_a_source(passage.text, tokens[a].start, tokens[a].end)
            cited = cited or acronym_names_a_body(passage, a, known_ranges)
            confidence = 0.5 if again or cited else 0.45
            return Span(passage, a, b, "rule", "organization", confidence=confidence)
        if words & MONTHS:
            return None
        if self._person_by_context(passage, a, b, known_ranges):
            return Span(passage, a, b, "rule", "person", confidence=0.6)
        place = self._place_by_context(passage, a, b, known_ranges)
        if place is not None:
            return place
        if b - a == 1 and coordinated_with_organization(passage, a, known_ranges):
            return Span(passage, a, b, "rule", "organization", confidence=0.6)
        if spelled_out_agent(passage, a, b, acronym):
            return Span(passage, a, b, "rule", "organization", confidence=0.6, acronym=acronym)
        return None

    def _person_by_context(self, passage, a, b, known_ranges) -> bool:
        tokens = passage.tokens
        for (ka, kb), span in known_ranges.items():
            if (
                a <= ka
                and kb <= b
                and (
                    span.kind == "organization"
                    or (  # (a city's or a people's name may be a person's: "Thai Truong")
                        span.kind == "place"
                        and not (span.entry is not None and span.entry.gazetteer)
                        and not (span.entry is not None and span.entry.demonym and ka == a)
                    )
                )
            ):
                return False  # "Radio America": a known name inside is no person's
        if not 2 <= b - a <= 4 or any(
            not (t.is_word or _joins_a_name(tokens, k)) or t.is_acronym
            for k, t in enumerate(tokens[a:b], a)
        ):  # ("Park Chu-Ung": a hyphen inside a name)
            return False
        if any(
            t.key in CONNECTORS and t.key not in ("de", "del", "da", "la", "le")
            for t in tokens[a:b]
        ):
            return False
        if not looks_like_person(tokens, a, b):
            return False
        return _person_context(passage, a, b)
