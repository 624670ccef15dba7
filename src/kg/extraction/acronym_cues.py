"""What the words around a bare acronym say of it: that it names a body, where the text
neither spells it out nor writes it twice. An acronym alone may be anything (a programme's
"AVRR", a currency's "RM20", a city's name in capitals, "SOP"); the words beside it settle it
when they are those that only bodies take: its head or its kind after it ("the ZUDA
director", "Deputy ZPF Police Commissioner", "the ZNET network"), or an organization joined
to it by "and" or a comma ("developed by UNODC and ZILAN"), for
:meth:`kg.extraction.candidates.CandidateRules._classify`.
"""

from __future__ import annotations

import re

from kg.extraction.coordination import coordinated_with_organization
from kg.extraction.given_names import is_given_name
from kg.extraction.name_words import (
    EVENT_HEADS,
    LAW_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_HEADS,
    PROJECT_HEADS,
    STUDY_HEADS,
)
from kg.extraction.organizations import INITIALS_SKIP
from kg.extraction.text import Passage, fold

# A body's head or chief after its acronym ("the ZUDA director", "Deputy ZPF Police
# Commissioner"). Not its spokesman: "an ZPF spokesman said" makes the body the source of
# what he says, which kg.extraction.attributions decides for the acronyms it knows already;
# nor its officers or staff, which a unit's or a programme's acronym has too ("TIP officers").
_PEOPLE_AFTER = re.compile(
    r"\s+(?:(?:police|deputy|regional|senior|chief)\s+)?(?:commissioner|director|chief|head)\b",
    re.I,
)


# The kind of body after its acronym ("the ZNET network", "the ZUDA agency"); not "group",
# which a group of people takes too ("the LGBTI group").
_KIND_AFTER = re.compile(rf"\s+(?:{ORG_NOUNS.replace('|group', '')})\b", re.I)


# The kind of body right before its acronym ("Norway's social welfare agency ZAV", "state
# broadcaster ZRK", "the NGO ZOA", "el diario ZP"); not "group" ("a group" before a gang's
# initials), nor a company's ("the company MD": its managing director).
_KIND_BEFORE = re.compile(
    rf"\b(?:{re.sub(r'[|](?:group|company|corporation|firm)', '', ORG_NOUNS)}|broadcaster|"
    r"newspaper|news\s+agency|daily|agencia|agence|ag[êe]ncia|diario|jornal|journal|"
    r"organismo|organisme)\s+$",
    re.I,
)


# Acronyms of a field, a service or a programme that a body's head or kind may follow as
# well as a body's ("the HR director", "the GBV head", "the GSM network", "the AVRR
# director"): their people and kind are a body's department's, not a body's of that name.
FIELD_ACRONYMS = {
    "HR", "PR", "GBV", "SGBV", "WASH", "AVRR", "AVR", "GSM", "LGBT", "LGBTI", "LGBTQ",
    "LGBTIQ", "MHPSS", "CSR", "SRHR", "DTM", "CCCM", "NFI", "STI", "TB", "IT", "ICT",
}  # fmt: skip
# Countries' and regions' acronyms the world's names lack ("the KSA head of ...", "IOM DRC
# Chief", "the NCR police director"): a country's or a region's people and kind, no body's.
COUNTRY_ACRONYMS = {
    "DRC", "KSA", "RSA", "PRC", "CAR", "ROK", "ROC", "DPRK", "UAE", "BIH", "NCR", "BARMM",
    "ARMM", "CALABARZON", "MIMAROPA", "SOCCSKSARGEN", "KRI", "FATA", "KP", "NWFP",
}  # fmt: skip
# What a name joined to a body by "and" may be followed by as a name of its own: a stop, a
# preposition, a verb ("developed by UNODC and ZILAN for", "UNODC and ZILAN trained"); not
# a noun it qualifies ("UNICEF and GBV service providers", "IOM and AVRR partners").
_AFTER_A_NAME = {
    "for", "to", "in", "on", "at", "with", "by", "from", "of", "and", "or", "as", "under",
    "through", "will", "would", "have", "has", "had", "are", "were", "is", "was", "can",
    "also", "jointly", "together", "said", "say", "signed", "launched",
}  # fmt: skip


def acronym_names_a_body(passage: Passage, a: int, known_ranges) -> bool:
    """Whether the words around the acronym at token a say it names a body (not one of a
    field, nor one after an owner: "the company's ZR director", a department's)."""
    tokens = passage.tokens
    end = tokens[a].end
    owned = a and tokens[a - 1].key in ("’s", "'s", "s’", "s'")
    field = tokens[a].text.upper() in FIELD_ACRONYMS | COUNTRY_ACRONYMS
    # (nor a kind after "a": "a POGO company", "an MLM network", a kind of body; but "a ZUDA
    # director" is one of the body's)
    a_kind = a and tokens[a - 1].key in ("a", "an")
    before = passage.text[max(0, tokens[a].start - 30) : tokens[a].start]
    if not (field or owned) and (
        _PEOPLE_AFTER.match(passage.text, end)
        or _KIND_BEFORE.search(before)
        and _a_name_ends(tokens, a + 1)  # (not "the agency SIM cards")
        or not a_kind
        and _KIND_AFTER.match(passage.text, end)
    ):
        return True
    if field or not _a_name_ends(tokens, a + 1):
        return False  # ("UNICEF and GBV service providers")
    # (nor "training on ZPSS and IOM procedures": the body a noun's, after "and")
    joined = a + 1 < len(tokens) and tokens[a + 1].key in ("and", "&")
    body_after = next((kb for (ka, kb) in known_ranges if ka == a + 2), None)
    if joined and body_after is not None and not _a_name_ends(tokens, body_after):
        return False
    return coordinated_with_organization(passage, a, known_ranges)


def _a_name_ends(tokens, k: int) -> bool:
    """Whether a name may end before token k: not a noun it qualifies in lower case."""
    t = tokens[k] if k < len(tokens) else None
    return not (
        t is not None
        and t.is_word
        and t.text.islower()
        and t.key not in _AFTER_A_NAME
        and not t.key.endswith("ed")
    )


# The words before a name that make it the agent of an act or the source of what is told:
# "data released by the", "organized by", "according to the", "submitted to the", "por la".
_AGENT_BEFORE = re.compile(
    r"\b(?:by|according\s+to|submitted\s+to|por|par|pelo|pela|según|selon)\s+"
    r"(?:the\s+|la\s+|el\s+|le\s+|l[’']|o\s+|a\s+)?$",
    re.I,
)

# What only an agent does, said right after a name and its acronym in brackets: a saying, or
# an act in a perfect tense ("rescued", "registered", "recorded" alone may be passive: "the
# Internally Displaced Persons (IDP) registered in the camp", "... (WBR) recorded crossings")
_ACTS_AFTER = re.compile(
    r"\s+(?:said|says|stated|announced|(?:has|have|had)\s+(?:also\s+)?(?:rescued|arrested|"
    r"intercepted|apprehended|launched|organi[sz]ed))\b"
)
# The kind of body a name is set beside: "the border security force of India, " (the name
# and its acronym then closed by a comma: an apposition, not a clause's subject after it)
_PREPOSITION = re.compile(r"\b(?i:according|by|for|with|to|from|on|at|into|under|of|in)\b")
_KIND_BESIDE = re.compile(
    rf"\b(?i:{ORG_NOUNS}|force|service|unit)(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+[A-Z][\w-]*){0,3})?,\s+(?:the\s+)?$"
)

_KINDS = ORG_HEADS | PROJECT_HEADS | STUDY_HEADS | LAW_HEADS | EVENT_HEADS
# Verbs whose "by" gives a cause, not an agent ("displaced by the Velmar Armed Conflict").
_CAUSED = {
    "affected", "caused", "displaced", "hit", "impacted", "triggered", "driven", "fuelled",
    "fueled", "exacerbated", "worsened", "threatened", "killed", "injured", "devastated",
    "struck", "uprooted", "aggravated", "compounded", "plagued", "forced", "hampered",
}  # fmt: skip
# Things a name's acronym may spell that are no bodies: tools, statuses, registers.
_THINGS = {
    "matrix", "status", "tool", "toolkit", "database", "platform", "portal", "mechanism",
    "framework", "scheme", "card", "visa", "permit", "registry", "register", "hotline", "app",
    "tracker", "matriz", "matrice", "registro", "registre", "sistema", "système", "plataforma",
    "plateforme", "estatuto", "statut", "programme",
    # agreements, goals, rules and plans: "the Global Compact for Migration (GCM)", "the
    # Sustainable Development Goals (SDG)", "the Standard Operating Procedures (SOP)"
    "compact", "pact", "pacte", "pacto", "goal", "goals", "procedure", "procedures",
    "principles", "agenda", "strategy", "policy", "standards", "objectives", "agreement",
    "accord", "acuerdo", "acordo", "estrategia", "estratégia", "stratégie", "política",
    "politique", "plan", "plano", "objetivos", "objectifs",
    # acts and aid given: "the Voluntary Humanitarian Return (VHR)", "Emergency Cash
    # Assistance (ECA)"
    "return", "returns", "reintegration", "resettlement", "relocation", "assistance",
    # counts, figures and days: "the National Population Census (NPC)", "the Velmar
    # Migration Week (VMW)", "the Global Trafficking Barometer (GTB)"
    "census", "censo", "recensement", "statistics", "estadísticas", "statistiques",
    "estatísticas", "barometer", "indicators", "estimates", "poll", "encuesta", "enquête",
    "inquérito", "week", "day", "semana", "semaine", "día", "journée", "dia",
}  # fmt: skip


_THINGS = {fold(w) for w in _THINGS}  # (tokens' keys are folded: "systeme", "dia")


def spelled_out_agent(passage: Passage, a: int, b: int, acronym: str | None) -> bool:
    """ "data released by the Counter-Trafficking Data Velmar (CTDV)": a name with no head
    word that the acronym after it spells, letter by letter in order (the initials of its
    words, a hyphen's halves each giving one), where the words before make it the agent of an
    act or the source of what the text tells: a body's name, as a programme's or a
    flight's is not ("the Voluntary Humanitarian Return (VHR) flight")."""
    tokens = passage.tokens
    if acronym is None:
        return False
    # (or the subject of a saying or an act after it: "the Sashastra Seema Bal (SSB) has
    # rescued 30 women"; or set beside its kind: "India's border force, Sashastra Seema Bal
    # (SSB), rescued ...")
    closed = b + 2 < len(tokens) and tokens[b + 2].text == ")"
    acts = closed and _ACTS_AFTER.match(passage.text, tokens[b + 2].end)
    before = passage.text[max(0, tokens[a].start - 160) : tokens[a].start]  # (a name's reach)
    set_apart = closed and b + 3 < len(tokens) and tokens[b + 3].text == ","
    kind = _KIND_BESIDE.search(before) if set_apart else None
    # (the kind the clause's subject, no complement: not "According to the agency, X (X),")
    beside = kind and not _PREPOSITION.search(re.split(r"[.;:,]\s", before[: kind.start()])[-1])
    if not (acts or beside or _AGENT_BEFORE.search(before)):
        return False
    if tokens[b - 1].key.rstrip("s") in _KINDS - ORG_HEADS:
        return False  # "collected by the Velmar Migrant Survey (VMS)": a survey, no body
    k = a - 1 - (a >= 1 and tokens[a - 1].key in ("the", "la", "el", "le", "o", "a"))
    if k >= 1 and tokens[k].key == "by" and tokens[k - 1].key in _CAUSED:
        return False  # "affected by Gender-Based Violence (GBV)": a cause, no agent
    # "according to the Displacement Tracking Matrix (DTM)", "protected by the Temporary
    # Protected Status (TPS)", "según el Registro Único de Víctimas (RUV)": a tool, a status,
    # a register, its kind last or first (Spanish, French, Portuguese) or before a complement
    # ("the Global Compact for Migration (GCM)": its kind before its complement)
    if any(t.key in _THINGS for t in tokens[a:b]) or tokens[a].key in _KINDS - ORG_HEADS:
        return False
    if any(t.key in PLACE_HEADS | {"zone", "territory", "area"} for t in tokens[a:b]):
        return False  # "the Bangsamoro Autonomous Region in Muslim Mindanao (BARMM)": a place
    if is_given_name(tokens[a].text):
        return False  # "recruited by Maria Velder Ruiz (MVR)": a person's initials
    # "by the Voluntary Humanitarian Return (VHR) programme", "(TIP) unit": the name of a
    # kind of thing the word after the brackets says
    k = next((k for k in range(b, min(b + 8, len(tokens))) if tokens[k].text == ")"), None)
    kind = tokens[k + 1] if k is not None and k + 1 < len(tokens) else None
    if kind is not None and kind.text.islower() and kind.key.rstrip("s") in _KINDS | {"flight"}:
        return False
    name = passage.text[tokens[a].start : tokens[b - 1].end]
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in INITIALS_SKIP]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym.upper()
