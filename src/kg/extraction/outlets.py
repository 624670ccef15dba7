"""The news outlets a report comes from or a speaker talks to, by the words around their
names ("reported state-run Al-Ahram", "told the Liberty Times", "El Universal newspaper",
"Source: HaïtiLibre"), for :mod:`kg.extraction.organizations`."""

from __future__ import annotations

import re

from kg.extraction.name_words import ALL_HEADS

# The news outlet a report comes from, or a speaker talks to (organizations.py).
_OUTLET = r"(?P<name>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4})"
REPORTS_NAME = re.compile(  # ("reported state-run Al-Ahram.")
    rf"(?:,|\s)\s*(?:reports|reported)\s+"
    rf"(?:(?:the\s+)?(?!(?:in|from|to|at|by|on|for|with|of|across|near)\b)[a-z][\w-]*\s+){{0,2}}"
    rf"(?:The\s+)?"
    rf"(?!The\b){_OUTLET}(?=\s*(?:[.;]|,\s*(?:citing|quoting|adding)\b|$))"
)
# A newspaper's name after "the" in lower case ("told the Chinese-language Liberty Times")
_PAPER = (
    r"(?:[A-Z][\w’'&-]*\s+){1,3}(?:Times|News|Post|Herald|Tribune|Journal|Gazette|Star|"
    r"Observer|Telegraph|Guardian|Monitor|Chronicle|Express|Mail|Courier)\b"
)
TOLD_NAME = re.compile(  # ("who spoke to Morning Lantern shortly after ...")
    rf"\b(?:told|spoke\s+(?:to|with)|speaking\s+(?:to|with)|in\s+an\s+interview\s+with)\s+"
    rf"(?:The\s+|the\s+(?:[A-Za-z]+-[a-z]+\s+)?(?={_PAPER}))?"
    rf"(?!The\b){_OUTLET}(?=\s+(?:shortly|this|last|on|in|that|after|about)\b|[.,;])"
)
NAME_REPORTS = re.compile(  # ("..., Al-Anbaa daily reported yesterday quoting police sources.")
    rf"(?:^|(?<=[.;,]\s))(?:[Tt]he\s+)?(?!The\b){_OUTLET}\s+(?:(?:daily|newspaper|weekly)\s+)?"
    r"(?:reports|reported)(?=\s*[.,;]|\s+(?:yesterday|today|on\s+[A-Z]\w+day|quoting|citing)\b)"
)
# "El Universal newspaper", "the Times Live website", "Xinhua news agency": an outlet's name,
# then its medium (one word only before "news agency": not "a Portuguese newspaper"; "X daily
# newspaper", not "Pelmark daily arrivals"; no first word a weekday, a preposition: "On Monday")
_MEDIUM = r"(?:daily\s+)?newspaper|news\s+(?:agency|website|portal|site)|broadcaster|website"
_WORD = r"(?:[A-Z][\w’'-]*|\d+\.[a-z]+)"
_FIRST = r"(?!(?:The|An?|On|In|At|By|For|From|With|Every|Each|Last|This|(?<!he\s)[A-Z]\w+day)\b)"
MEDIA_TYPED = re.compile(
    rf"(?<![\w’'.-]){_FIRST}(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}}(?=\s+(?:{_MEDIUM})\b)"
    rf"|{_WORD}(?=\s+news\s+agency\b))"
)
# A newspaper's name opening its sentence, then what it reported ("Kaieteur News had earlier
# reported that ...", "The Pelmark Times reported on Monday that")
PAPER_REPORTED = re.compile(
    rf"(?:^|(?<=[.;]\s))(?:The\s+)?(?P<name>{_PAPER})\s+(?:has\s+|had\s+)?"
    r"(?:earlier\s+|previously\s+|also\s+|first\s+)?(?:reports|reported)\b"
)
LETTERS_REPORTED = re.compile(  # ("The LVT reported yesterday that": an outlet's letters)
    r"(?:^|(?<=[.;,]\s))(?:The\s+)?(?P<name>[A-Z]{2,6})\s+(?:reports|reported)\s+"
    r"(?:yesterday\s+|today\s+|on\s+[A-Z][a-z]+day\s+)?that\b"
)
# "Source: HaïtiLibre", "| Fonte: Angop": the outlet a page's source line credits
SOURCE_LINE = re.compile(
    r"(?:^|\|\s*)(?:Source|Fonte|Fuente)\s*:\s*"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*(?=$|\|)"
)
# The news outlets a report comes from or a speaker talks to (organizations.py).
# A medium's kind, then its name: "dans une déclaration à la radio Mosaique FM", "told the
# broadcaster Velna TV", "en declaraciones a la emisora Radio Velna", "quotes KazTag", "à
# agência Lusa", "à televisão privada STV" (the name before a stop, a comma or a time; not
# "the radio station in Velna")
MEDIUM_THEN_NAME = re.compile(
    r"\b(?:(?:(?:la\s+)?radio|(?:la\s+)?cha[îi]ne|(?:la\s+)?t[ée]l[ée]vision|televis[ãi][oó]n?|"
    r"(?:la\s+|l['’])?(?:agencia|agence|ag[êe]ncia)|radio\s+station|broadcaster|"
    r"television\s+channel|TV\s+channel|(?:la\s+)?emisora|(?:el\s+)?diario|"
    r"(?:le\s+)?quotidien|(?:o\s+)?jornal)(?:\s+(?:privada|privado|pública|público|estatal|"
    r"nacional|privée|publique|nationale|oficial|officielle))?|quotes|quoted)\s+"
    r"(?P<name>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|fm|FM|tv|TV)){0,3})"
    r"(?=\s*(?:[.,;:]|on\s+[A-Z]\w+day|$|\s+(?:a|o|on|in|that|qu[ei]|le|el|que)\s))"
)
# A newspaper named by one word after "The", opening its sentence, then what it reported
# ("The Nation reported that 38 officers ...", "The Hindu reports that"): not a body's head,
# a role or a document ("The Ministry reported that", "The Minister reported")
_NOT_A_PAPER = ALL_HEADS | {
    "report", "study", "survey", "statement", "document", "data", "minister", "spokesperson",
    "spokesman", "president", "official", "officer", "prosecutor", "director", "team", "group",
    "government", "authorities", "police", "army", "navy", "court", "judge", "victim",
    "rapporteur", "ombudsperson", "ombudsman", "prosecution", "mission", "secretary", "chairman",
    "governor", "commissioner", "coroner", "registrar", "vatican", "defence", "defense",
}  # fmt: skip
_NOT_A_PAPER_WORD = "|".join(sorted(w.capitalize() for w in _NOT_A_PAPER if w.isalpha()))
ONE_WORD_PAPER = re.compile(
    rf"(?:^|(?<=[.;]\s))The\s+(?!(?:{_NOT_A_PAPER_WORD})\b)(?P<name>[A-Z][a-z]{{2,}})\s+"
    r"(?:has\s+|had\s+)?(?:also\s+|earlier\s+)?(?:reports|reported)\s+(?:that|on|yesterday|today)\b"
)
OUTLETS = (
    NAME_REPORTS, REPORTS_NAME, TOLD_NAME, LETTERS_REPORTED, MEDIA_TYPED, SOURCE_LINE,
    PAPER_REPORTED, MEDIUM_THEN_NAME, ONE_WORD_PAPER,
)  # fmt: skip
