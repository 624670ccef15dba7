"""Who speaks for a body: its people ("IOM staff reported that", "UNHCR spokesman X told
journalists that"), the body where it is ("IOM in Mexico said"), a clause of its own ("the ILO,
which adds that"), and one named as speaking for it ("the spokesperson for IOM, X, said").
"""

from __future__ import annotations

import re

# "IOM staff reported that", "UNHCR officials said": the organization's people speak for it
# (a verb of saying only: "IOM teams registered 300" is what IOM did, not its source).
PEOPLE_SAID = re.compile(
    # ("IOM’s tracking team in Djibouti noted the arrival of 1,561 migrants")
    # (a word on what the people do, not "UNHCR’s implementing partner staff")
    r"(?:[’']s(?:\s+(?:tracking|monitoring|field|protection|outreach|medical|mobile|health|"
    r"legal|emergency|own|local|rescue|assessment|response)){0,2})?"
    r"\s+(?:staff|officials|officers|teams?|spokesperson|spokesman|spokeswoman|experts|"
    r"researchers|monitors)\s+(?:on\s+the\s+ground\s+|in\s+the\s+field\s+|"
    r"(?:in|at)\s+(?:[A-Z][\w’'-]*\s+){1,3})?"
    # "UNHCR spokesman Tomas Velder told journalists in Pelmark that": the speaker's name
    r"(?:(?:[A-Z][\w’'-]+\s+){1,3}(?=(?:told|said|says|reported|noted|warned|estimated)))?"
    r"(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:reported|report|reports|said|say|says|"
    r"estimated|estimate|estimates|confirmed|confirm|noted|warned|told)\b",
    re.I,
)
# "IOM in Mexico said", "The Aviation Police at Entebbe International Airport said": a body
# that opens its sentence, where it is, its verb (not "a migrant assisted by IOM in X said")
IN_PLACE_SAID = re.compile(
    # ("The International Organization for Migration (IOM) in Lorvania records")
    r"\s*(?:\([A-Z]{2,10}\)\s*)?\s(?:in|at)\s+(?:[A-Z][\w’'-]*\s+){1,5}(?:has\s+|have\s+)?"
    r"(?:said|says|reported|reports|records|recorded|estimates|estimated|counted|registered)\b"
)
WHICH_SAYS = re.compile(
    r",\s+which\s+(?:also\s+)?(?:adds?|added|says?|said|notes?|noted|estimates?|estimated|"
    r"reports?|reported)\s+that\b",
    re.I,
)
# "the spokesperson for the International Organisation for Migration (IOM), Ana Velder,
# said that": one who speaks for the body, named after it, and the verb of saying.
SPEAKER_FOR = re.compile(
    # (not "a former official of UNHCR")
    r"(?<!former\s)(?<!ex-)\b(?:spokes(?:person|man|woman)|representative|head|director|chief|"
    r"official)\s+"
    r"(?:for|of|at)\s+(?:the\s+)?$",
    re.I,
)
SPEAKER_SAID = re.compile(
    # ("The head of IOM’s office in Libya, Federico Roe, said that")
    r"\s*(?:\([^)]*\)\s*)?(?:[’']s\s+(?:office|mission|team|delegation)\s+(?:in|to|at)\s+"
    r"(?:[A-Z][\w’'-]*\s*){1,3})?,\s*(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\s*,\s*"
    r"(?:has\s+|had\s+)?(?:also\s+)?(?:said|says|told|reported|noted|stated|estimated|explained)\b"
)
ITS_SPEAKER_SAID = re.compile(
    r"[’']s\s+(?:(?-i:[A-Z])[\w-]*\s+){0,3}(?:spokes(?:person|man|woman)|representative|head|"
    r"director|chief|coordinator)\b[^,;.]{0,40}" + SPEAKER_SAID.pattern,
    re.I,
)
