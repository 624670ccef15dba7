"""A person given as a number's source, with a role in a named organization, credits that
organization (data/devset/README.md, Attributions): "said Ana Ruiz, X's head of mission",
"according to X spokesperson Ana Ruiz", "Ana Ruiz, director of X, said", "según Ana Ruiz,
jefa de misión de la OIM". Read by structure: the speaker of a reporting clause (its subject,
or the one named after its verb or after "according to"), the role set beside the name
(in apposition, before it, in brackets, "of X"), and the organization named in that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.entities import Mention
from kg.extraction.foreign_words import SPEECH_VERBS
from kg.extraction.people import PERSON_ROLES
from kg.extraction.source_cues import FOREIGN_SAID_THEN
from kg.extraction.text import fold

# The verbs of saying and reporting a speaker is the subject or the object of ("said", "told
# reporters", "a déclaré", "afirmó"), in the four languages
_SAY = (
    r"said|says|told|tells|added|adds|noted|notes|stated|states|explained|explains|reported|"
    r"reports|estimated|estimates|warned|warns|stressed|stresses|confirmed|confirms|"
    r"revealed|reveals|indicated|indicates|pointed\s+out|points\s+out|highlighted|"
    r"emphasi[sz]ed|disclosed|announced|announces|" + SPEECH_VERBS
)
# "Ana Ruiz, X's head of mission, said", "Ana Ruiz said": the verb after the speaker
# (not a participle of the person: "Ana Ruiz, an X nurse reported missing on Monday, was
# found", "told by police that ...", "said to have smuggled ...")
SAYS_AFTER = re.compile(
    rf"\s*,?\s*(?:has\s+|had\s+|have\s+)?(?:also\s+|further\s+)?(?:{_SAY})\b"
    r"(?!\s+(?:by|to\s+(?:be|have)|missing|dead|killed|injured|wounded|kidnapped|abducted|"
    r"detained|arrested|safe)\b)",
    re.I,
)
# "..., said Ana Ruiz", '...,” a déclaré Ana Ruiz', "..., agregó Ana Ruiz": the verb before
SAID_BEFORE = re.compile(
    rf"(?:\b(?:{_SAY})|\b(?:{FOREIGN_SAID_THEN}))\s+(?:(?:the|el|la|le|o|a)\s+|l['’])?$", re.I
)
# (a Spanish verb's "a" before the name is "to", who is told, not the speaker: "“...”, dijo a
# Ana Ruiz, jefa de misión de la X, un policía")
TO_WHOM = re.compile(r"(?:ó|dijo|sostuvo|expuso|ron)\s+a\s+$", re.I)
# A person set against the subject of the verb after them ("Police, not Ana Ruiz, X's head of
# mission, said", "rather than", "contradicting", "y no", "et non"): the verb is the subject's
SET_AGAINST = re.compile(
    r",\s*(?:(?:and|y|et|e)\s+)?(?:not|rather\s+than|instead\s+of|unlike|no|non|pas|não|"
    r"(?!citing\b|quoting\b|including\b)[a-z]+ing)\s+$",
    re.I,
)
# A clause the verb says without "that" ("..., Ana Ruiz, X's head of mission, said the
# shelters were full"): what it says, not the number before it
CLAUSE_SAID = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+press|the\s+media))?"
    r"\s+(?:the|a|an|its|their|his|her|this|these|those|some|many|most|conditions|shelters|"
    r"she|he|they|it|we)\b(?:\s+[\w-]+){0,3}?\s+(?:was|were|is|are|had|has|have|would|will|"
    r"could|remained|remain|remains)\b",
    re.I,
)
# A subordinate clause opening the sentence before the speaker ("While", "Although"; not
# "As", whose speaker is the source of the main clause: "As Ana Ruiz, X's director, noted, ...")
SUBORDINATE = re.compile(
    r"\s*(?:while|although|though|whereas|even\s+though|when|if|because|mientras|aunque|"
    r"cuando|alors\s+que|tandis\s+que|bien\s+que|quand|embora|enquanto|quando)\s+",
    re.I,
)
# "according to Ana Ruiz", "según", "selon", "segundo", "de acordo com"
# (right before the speaker or the role: not "According to police, Ana Ruiz, X's head of
# mission, was among 300 people evacuated", where the words cite another)
ACCORDING_BEFORE = re.compile(
    r"(?:\b(?:according\s+to|según|selon|segundo|de\s+acordo\s+com|de\s+acuerdo\s+con|"
    r"conforme)\s+|\bd['’]après\s+)"
    r"(?:(?:the|el|la|le|o|a)\s+|l['’])?"
    # (a rank or title before the name, its role in the body after it: "according to Deputy
    # Superintendent of Police Dilli Raj Panta, the chief of the X")
    r"(?:(?-i:[A-Z])[\w.-]*\s+(?:(?:of|de|del|du|da|do)\s+)?){0,5}$",
    re.I,
)
# The same words opening the name's own span, where the people's rule took them in ("Según
# Ana Ruiz" at a sentence's start)
ACCORDING_IN_NAME = re.compile(r"(?:Según|Selon|Segundo|Conforme)\s+")
# A role in apposition after the name, up to its comma or the verb ("Ana Ruiz, program manager
# at X's mission in Velnor,", "Ana Ruiz, Deputy of X added"; not a clause, "Ana Ruiz, who")
ROLE_AFTER = re.compile(
    r"\s*,\s*(?!\s*(?:who|which|that|and|or|but|as|while|where|when|whose|que|qui|quien|"
    r"y|et|e)\b)(?P<role>[^,;:.!?“”\"()\d]{2,120}?)"
    rf"(?=\s*(?:[,;:.!?)“”\"]|$)|\s+(?:has\s+|had\s+)?(?:{_SAY})\b)",
    re.I,
)
# "Ana Ruiz (X)", "Ana Ruiz of X", "Ana Ruiz, from X": the body the person is of
BODY_AFTER = re.compile(
    r"\s*(?:\((?P<bracket>[^()\d]{2,80})\)|,?\s+(?P<of>(?:of|from|at|with|de|del|du|da|do)\s+"
    r"(?:(?:the|el|la|le|o|a)\s+|l['’])?))",
    re.I,
)
# "Ana Ruiz of the X unit under the Y ministry said": the words after the body's name, up to
# the speaker's verb
ROLE_RUNS_ON = re.compile(
    rf"[^,;:.!?“”\"()\d]{{0,80}}?(?=\s*,?\s*(?:has\s+|had\s+)?(?:{_SAY})\b)", re.I
)
# The role before the name, from the last break before it ("X spokesperson Ana Ruiz", "the X
# officer in charge of Velnor, Ana Ruiz"; "said X's regional director, Ana Ruiz")
# (an acronym in brackets is part of it: "the X (XY) officer in charge of Velnor"; so are the
# branches a role is of, "X's deputy director (Intelligence/Operations) Deputy Commissioner")
_PART_IN_BRACKETS = r"[A-Za-z]{2,12}|(?-i:[A-Z][a-z]+(?:\s*/\s*[A-Z][a-z]+){1,3})"
ROLE_BEFORE = re.compile(
    rf"\s*(?P<role>(?:[^,;:.!?“”\"()\d]|\((?:{_PART_IN_BRACKETS})\)){{2,120}}?)\s*"
    r"(?P<comma>,)?\s*$"
)
# A role word, then the body it is of, its last words before a name ("manager of the X")
ROLE_OF_A_BODY = re.compile(r"(\S+)\s+(?:of|at|for|with)\s+(?:the\s+)?[A-Z][\w’'-]*$")
_BREAK = re.compile(
    rf"[,;:.!?“”\"]|\((?!(?:{_PART_IN_BRACKETS})\))|(?<![A-Za-z])\)|"
    rf"\b(?:{_SAY})\b|\b(?:according\s+to|según|selon|segundo)\b",
    re.I,
)


# A phrase before a name that is no role of the name's but a clause of its own ("After meeting
# IOM officials, Ana Ruiz said", "En una reunión con la OIM, Ana Ruiz dijo")
NOT_A_ROLE = re.compile(
    r"(?:after|before|while|when|during|in|at|on|with|following|despite|as|since|because|if|"
    r"although|though|upon|for|from|to|by|tras|después|durante|en|con|al|après|avant|pendant|"
    r"dans|avec|lors|após|depois|em|com|ao|"
    # ("Once X staff arrived, Ana Ruiz said", "Together with X officials, ...", "Alongside X
    # staff", "Junto a funcionarios de la X", "Aux côtés de responsables de l'X")
    r"once|together|alongside|beside|besides|amid|amidst|among|amongst|along|unless|whereas|"
    r"junto|aux|au|à|entre|"
    # (a caption's: "Ana Ruiz, pictured with X staff, said", "seated next to X officials")
    r"pictured|seated|standing|shown|photographed|flanked|surrounded|accompanied|seen|next|"
    # (not a role's own word: "Acting Head of X", "Managing Director of X")
    r"(?!(?:acting|managing|outgoing|incoming|founding|presiding|visiting|leading)\b)[\w-]+ing)\b",
    re.I,
)


# A clause inside the words beside a name ("Ana Ruiz, a researcher who studied IOM data"):
# what the person did, not a role in the body
RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|que|qui|quien|quienes|dont)\b", re.I)


@dataclass
class Speech:
    """A reporting clause whose speaker has a role in `body`: from `start` (the verb, "according
    to" or the speaker) to `end` (the speaker and role); `according` for "according to"; a
    verb with a clause of its own after it ("Ana Ruiz, X's director, said that") says what
    follows, not a number before it."""

    start: int
    end: int
    body: Mention
    according: bool
    claims: bool = False  # the speaker's verb says a clause of its own ("said that ...")
    # the verb before the speaker ('..., said Ana Ruiz, X's director'): it closes what was
    # said before it, not what the sentence goes on to tell after ('..." explained X's
    # director, because of the waters where 300 died')
    closes: bool = False
    # where a subordinate clause the speech is in ends ("While Ana Ruiz, X's director, said
    # the camp was calm, police reported 300 arrests": not past its comma)
    reach: int = 1 << 62


# A role the person held once ("a former official of X", "ex director de X") is no role in
# the body now (nor "antiga diretora da OIM", "a one-time X spokesperson", "previously X's
# head of mission", "X's head of mission until last year")
FORMER = re.compile(
    r"\b(?:former|retired|onetime|one-time|erstwhile|ex|antiguo|antigua|antigo|antiga|ancien|"
    r"ancienne|previously|formerly|until|hasta|jusqu|até|"
    # ("the sacked X chief", "X's ousted head of mission", "a past president of the X")
    r"sacked|ousted|dismissed|deposed|destituid[oa]|limogée?|demitid[oa]|exonerad[oa]|"
    r"past\s+(?:president|chair\w*|director|head|secretary|chief|leader))\b",
    re.I,
)


# Nor a role the person has not (yet) ("a candidate for X director-general", "a would-be X
# spokesperson"), nor another person's of whom the person is kin ("the wife of X's head of
# mission", "sister of X spokesperson Tomas Berend", "la hija de la directora de la X")
NOT_THEIRS = re.compile(
    r"\b(?:candidat[eoa]s?|candidats?|nominees?|applicants?|would-be|aspiring|hopefuls?)\b|"
    r"\b(?:wife|husband|son|daughter|mother|father|sister|brother|widow|widower|niece|nephew|"
    r"cousin|relative|friend|esposa|esposo|marido|hija|hijo|madre|padre|hermana|hermano|viuda|"
    r"viudo|épouse|mari|fille|fils|mère|père|sœur|frère|veuve|filha|filho|mãe|pai|irmã|irmão|"
    r"viúva)\s+(?:of|de|del|du|da|do|d['’])",
    re.I,
)


def _has_role_word(words: str) -> bool:
    if _not_held(words):
        return False
    folded = {w.rstrip("s") if len(w) > 4 else w for w in re.findall(r"[\w-]+", fold(words))}
    return bool(folded & PERSON_ROLES or {w + "s" for w in folded} & PERSON_ROLES)


# Words by which a role names a body it is not a role in: the body as an agent ("a survivor
# rescued by X", "directora de un albergue apoyado por la X", "un foyer financé par l'X"), a
# topic or an opponent ("an expert on X policy", "a researcher critical of X", "a lawyer
# suing X", "a journalist covering X operations"), or what the body runs ("director of an
# X-funded shelter"), or where another body's envoy is sent ("Velnor's ambassador to X",
# "embajadora de Velnor ante la X", "auprès de l'X")
OTHER_TIE = re.compile(
    r"\b(?:by|por|par(?!\s+int[ée]rim)|pelos?|pelas?|against|critical|contra|contre)\b"
    r"|\b(?:on|about|sobre|sur|(?!(?:heading|leading|managing|running|representing|chairing|"
    r"directing|coordinating)\b)[a-z]+ing|(?:ambassador|envoy|representative|delegate|"
    r"observer|emissary)s?\s+to|ante|auprès\s+d(?:e|u|es)?|junto\s+(?:a|à|ao|aos|às)|"
    # (a body under another: "del organismo adscrito a la Secretaría", "attached to the X")
    r"(?:adscrit[oa]s?|dependiente|vinculad[oa]|rattach[ée]e?|attached|subordinated?)\s+"
    r"(?:a|al|à|au|de|del|to))"
    r"\s+(?:(?:the|an?|el|la|los|las|le|les|o|a|os|as)\s+|l['’])?$",
    re.I,
)
RUN_BY_IT = re.compile(
    r"[-‐](?:[a-z]+ed|run|led|built|made)\b"
    # or an event the body holds ("Ana Ruiz at the IOM conference in Velnor said", "a
    # delegate at IOM's annual summit"): the person attends it
    r"|(?:[’']s)?\s+(?:[a-z-]+\s+){0,2}?(?:press\s+)?(?:conference|summit|forum|event|meeting|"
    r"workshop|seminar|launch|briefing|ceremony|hearing|session|round\s?table)s?\b"
)


GIVEN_BY_IT = re.compile(
    r"(?:[’']s)?\s+(?:[a-z-]+\s+)?(?:help|support|assistance|aid|funding|backing|lists?|care|"
    r"partners?|apoyo|ayuda|socios?|soutien|aide|partenaires?|apoio|ajuda|parceiros?)\b",
    re.I,
)


def _not_held(words: str) -> bool:
    return bool(FORMER.search(words) or NOT_THEIRS.search(words))


def _body_in(orgs: list[Mention], a: int, b: int, text: str) -> Mention | None:
    """The first organization named within [a, b) (its name may run on past b: "of the X");
    None where the role's words from a tie the person to it otherwise than by a role in it
    (OTHER_TIE, RUN_BY_IT)."""
    inside = [o for o in orgs if a <= o.start < b]
    if inside and (
        OTHER_TIE.search(text, a, inside[0].start) or RUN_BY_IT.match(text, inside[0].end)
    ):
        return None
    return inside[0] if inside else None


def _role_after(text: str, p: Mention, orgs: list[Mention]) -> tuple[Mention, int] | None:
    """The body of the role set after the name, and where the role ends."""
    m = BODY_AFTER.match(text, p.end)
    if m and m["bracket"]:
        body = _body_in(orgs, m.start("bracket"), m.end("bracket"), text)
        # (not a role held once: "Ana Ruiz (formerly of X)", "(ex-X)", "(wife of X's director)";
        # the body first or after a role, not a caption's "(pictured with X staff)", "(centre,
        # with X officials)")
        pre = text[m.start("bracket") : body.start] if body is not None else ""
        if (
            body is not None
            and body.end <= m.end()
            and not _not_held(m["bracket"])
            and (re.fullmatch(r"\s*(?:the\s+)?", pre, re.I) or _has_role_word(pre))
        ):
            return body, m.end()
    if m and m["of"]:
        body = _body_in(orgs, m.end(), m.end() + 1, text)
        # (not what the body gives, lists or works with: "Ana Ruiz, with UNICEF support,",
        # "with IOM's help", "from IOM's list of missing people", "of IOM's partner Casa Libre")
        if body is not None and not GIVEN_BY_IT.match(text, body.end):
            rest = ROLE_RUNS_ON.match(text, body.end)  # (and what follows it, up to the verb)
            return body, rest.end() if rest else body.end
    m = ROLE_AFTER.match(text, p.end)
    if (
        m
        and _has_role_word(m["role"])
        and not RELATIVE.search(m["role"])
        # (nor a clause of its own: "Ana Ruiz, speaking with X officials, said", "Ana Ruiz, in
        # a meeting with X officials, said"; but "in charge of X")
        and not (NOT_A_ROLE.match(m["role"]) and not re.match(r"in\s+charge\b", m["role"], re.I))
    ):
        body = _body_in(orgs, m.start("role"), m.end("role"), text)
        if body is not None:
            return body, max(m.end("role"), body.end)
    return None


# The words that open a role's complement after its head word ("officer in charge of X",
# "Head of X", "director for Velnor", "jefa de misión", "chargée des migrations")
COMPLEMENT_OPENS = {
    "of", "in", "for", "at", "to", "on", "with", "from", "de", "del", "da", "do", "das", "dos",
    "du", "des", "d", "en", "em", "no", "na", "pour", "para", "au", "aux", "a", "ante",
    "general", "regional", "adjoint", "adjointe", "adjunto", "adjunta",
    "in-charge",  # ("the Director General in-charge of the X")
}  # fmt: skip


# A rank set before a name after the role's comma, in the four languages ("the Brigadier",
# "le général de brigade", "el comisario principal", "o superintendente")
RANK_BEFORE_A_NAME = (
    r"(?i:(?:(?:the|le|la|el|o|a)\s+)?(?:(?:lieutenant|major|brigadier|police|vice|sub|"
    r"teniente|contra)[\s-]+)?(?:general|général|générale|colonel|coronel|commandant|comandante|"
    r"captain|capitaine|capitán|capitão|commissaire|comisario|comissário|inspector|inspecteur|"
    r"superintendent|superintendente|brigadier|commissioner|major|commodore|admiral)"
    r"(?:\s+(?:de\s+(?:brigade|division|police)|principal|chef|en\s+chef))?\s+)?"
    # (then a courtesy title or a rank's abbreviation: "..., Mr Frederick Baah", "..., COP
    # Bright Oduro", "..., DSP Dilli Raj Panta", "..., Supt. Jane Roe"; not any body's acronym:
    # "Officers of the X, KRT Ana Ruiz said"; a title whose full stop the sentences are cut
    # at, "Lic.", is read in no sentence with its name)
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Hon|Supt|Insp|Sgt|Capt|Lt|Col|Gen|Maj|Cdr|Lic|Licda|Ing|Sr|Sra|"
    r"Dra|Mme|Mlle|M|COP|DCOP|ACP|DCP|CP|DSP|ASP|SP|SSP|IGP|DIG|AIG|DPC|CSP)\.?\s+){0,2}"
)


def _role_before(text: str, s0: int, p: Mention, orgs: list[Mention]) -> tuple[Mention, int] | None:
    """The body of the role set before the name, and where the role starts."""
    at = p.start
    breaks = [b for b in _BREAK.finditer(text, s0, at)]
    # (a comma right before the name closes the role: "X's director, Ana Ruiz"; a rank may
    # come between: "le porte-parole de X, le général de brigade Jean Dupont")
    comma = re.search(rf",\s*{RANK_BEFORE_A_NAME}$", text[s0:at])
    if comma:
        at = s0 + comma.start()
        breaks = [b for b in breaks if b.end() <= at]
    a = breaks[-1].end() if breaks else s0
    # "IOM's Ana Ruiz said": the body's possessive alone, one of its people
    own = [o for o in orgs if a <= o.start and re.fullmatch(r"[’']s\s+", text[o.end : p.start])]
    if own and not NOT_A_ROLE.match(text[a : own[0].start].strip()):
        return own[0], own[0].start
    m = ROLE_BEFORE.fullmatch(text, a, at)
    if (
        m is None
        or not _has_role_word(m["role"])
        or NOT_A_ROLE.match(m["role"])
        or RELATIVE.search(m["role"])
    ):
        return None
    # (the role's last words before the name, when no comma sets it apart: "X spokesperson Ana
    # Ruiz", "X Chief of Mission Ana Ruiz"; not "X rescued Ana Ruiz", "X staff escorted Ana")
    words = m["role"].split()
    if not comma and not (
        _has_role_word(words[-1])
        or words[-1][:1].isupper()
        and _has_role_word(" ".join(words[-3:]))
        # ("..., Sub-regional manager of the X Ana Ruiz says": the role, then its body)
        or (of := ROLE_OF_A_BODY.search(m["role"])) is not None
        and _has_role_word(of[1])
    ):
        return None
    # (set apart by a comma, a noun phrase: what follows its last role word is its complement,
    # "the X officer in charge of Velnor, Ana Ruiz"; not a clause, "X staff fled the camp, Ana
    # Ruiz said", "X officials were absent, Ana Ruiz told reporters")
    heads = [i for i, w in enumerate(words) if _has_role_word(w)]
    tail = words[heads[-1] + 1 :] if heads else []
    if (
        comma
        and tail
        and not (tail[0][:1].isupper() or re.split(r"['’]", fold(tail[0]))[0] in COMPLEMENT_OPENS)
    ):
        return None
    # ("Velnor Red Cross volunteers and X spokesperson Ana Ruiz said": the role is the last of
    # the people coordinated, where it names a body)
    conj = [c.end() for c in re.finditer(r"\s(?:and|or|y|o|et|ou|e)\s", m["role"])]
    last = _body_in(orgs, m.start("role") + conj[-1], at, text) if conj else None
    if last is not None:
        return last, m.start("role") + conj[-1]
    body = _body_in(orgs, m.start("role"), at, text)
    return (body, m.start("role")) if body is not None else None


def speeches(text: str, s0: int, s1: int, people: list[Mention], orgs: list[Mention]):
    """The reporting clauses of the sentence [s0, s1) whose speaker has a role in a body."""
    out: list[Speech] = []
    for p in people:
        if not s0 <= p.start < s1:
            continue
        before, after = _role_before(text, s0, p, orgs), _role_after(text, p, orgs)
        for body, a, b in [
            *([(before[0], before[1], p.end)] if before else []),
            *([(after[0], p.start, after[1])] if after else []),
        ]:
            if ACCORDING_IN_NAME.match(p.text):
                out.append(Speech(p.start, b, body, True))
            elif cue := ACCORDING_BEFORE.search(text, max(s0, a - 80), a):
                out.append(Speech(cue.start(), b, body, True))
            elif (cue := SAID_BEFORE.search(text, max(s0, a - 40), a)) and not TO_WHOM.search(
                cue.group(0)
            ):
                out.append(Speech(cue.start(), b, body, False, closes=True))
            elif (says := SAYS_AFTER.match(text, b)) and not SET_AGAINST.search(
                text, max(s0, a - 40), a
            ):
                own = re.match(r"[^.;,]*\b(?:that|que|qu['’])", text[says.end() : s1])
                own = own or CLAUSE_SAID.match(text, says.end(), s1)
                comma = text.find(",", says.end(), s1)
                sub = SUBORDINATE.fullmatch(text, s0, a) or SUBORDINATE.match(text, s0, p.end)
                reach = comma if sub and comma >= 0 else 1 << 62
                out.append(Speech(a, b, body, False, bool(own), reach=reach))
    return out
