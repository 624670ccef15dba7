"""The words that say what a capitalized name is: head words ("Institute" names an
organization, "Law" a law), titles and roles before a person's name, connectors inside a
name, and the words of place names.
"""

from __future__ import annotations

import re

from kg.extraction import foreign_words
from kg.extraction.body_forms import COMPANY_FORMS

ORG_HEADS = {
    "institute", "institution", "ministry", "commission", "office", "bureau", "department",
    "government", "organization", "organisation", "committee", "council", "fund", "agency",
    "senate", "secretariat", "university", "association", "foundation", "police", "court",
    "network", "union", "federation", "centre", "center", "service", "services", "authority",
    "parliament", "assembly", "embassy", "consulate", "bank", "coalition", "alliance", "church",
    "board", "corporation", "company", "tribunal", "directorate", "administration", "chamber",
    "army", "navy", "command", "system", "procuraduria", "secretaria", "instituto", "comision",
    "red", "branch", "section", "division", "ombudsman", "prosecutor's", "battalion",
    "observatory", "forces", "force", "unit", "cross", "crescent", "society", "group", "team",
    # heads of Spanish, Portuguese and French names ("Casa del Migrante", "Fiscalía ...")
    "casa", "pastoral", "fundacion", "asociacion", "consejo", "ministerio", "direccion",
    "oficina", "servicio", "centro", "albergue", "fiscalia", "defensoria", "observatorio",
    "coordinadora", "organizacion", "sociedad", "agencia", "unidad", "policia", "iglesia",
    "ministere", "agence", "comite", "conseil", "fondation", "associacao",
    "fundacao", "servico", "superintendence", "superintendency", "inspectorate", "airlines",
    "airways", "guard", "coastguard", "gendarmerie", "league", "guardia", "gendarmeria",
    "departamento", "direction", "organizacao", "comando", "brigada", "unidade", "divisao",
    # the same heads in Spanish, Portuguese and French ("el Gobierno de Canadá", "la Embajada
    # de ...", "o Governo", "l'Armée de l'Air")
    "gobierno", "governo", "gouvernement", "embajada", "embaixada", "ambassade", "consulado",
    "consulat", "procuradoria", "prefeitura", "prefectura", "alcaldia", "municipalidad",
    "ejercito", "exercito", "armee", "armada", "comissao", "conselho", "autoridad",
    "autoridade", "autorite", "universidad", "universidade", "universite", "sindicato",
    "federacion", "secretariado", "institut", "direcao", "grupo",
}  # fmt: skip
BODY_HEADS_ES_FR_PT = {
    # vice-ministries, sub-offices, police stations, coordinations, inspectorates, guards,
    # courts, forces, movements and networks ("el Viceministerio de Vivienda Rural", "la
    # Comisaría de la Mujer", "a Guarda Costeira", "le Réseau ...", "le Groupe d'Appui ...")
    "viceministerio", "subsecretaria", "subdireccion", "comisaria", "delegacia", "coordinacion",
    "coordenacao", "inspeccion", "inspecao", "inspetoria", "guarda", "carabineros", "juzgado",
    "corte", "cour", "fuerza", "forca", "capitania", "colectivo", "collectif", "movimiento",
    "movimento", "mouvement", "rede", "reseau", "groupe", "brigade", "patronato", "junta",
    # the Red Cross's second word ("la Cruz Roja", "la Croix-Rouge", "a Cruz Vermelha")
    "roja", "rouge", "vermelha",
}  # fmt: skip
ORG_HEADS |= BODY_HEADS_ES_FR_PT
EVENT_HEADS = {
    "congress", "conference", "forum", "summit", "workshop", "seminar", "meeting",
    "symposium", "roundtable", "consultation", "dialogue", "festival", "fair", "expo",
    "colloquium", "encounter", "encuentro", "congreso",
}  # fmt: skip
LAW_HEADS = {
    "law", "act", "protocol", "constitution", "reform", "treaty", "code", "decree", "bill",
    "legislation", "convention", "charter", "declaration", "amendment", "regulation", "ley",
}  # fmt: skip
PROJECT_HEADS = {"programme", "program", "project", "initiative", "programa", "proyecto"}
# Last words that end only organizations' names ("Amnesty International", "Golden Star Ltd").
ORG_LAST_WORDS = {"international", "internationalis", "worldwide"} | COMPANY_FORMS
# Head words that make each side of "X and the Y" a name of its own.
SPLIT_HEADS = {
    "institute", "ministry", "commission", "office", "bureau", "department", "government",
    "organization", "organisation", "committee", "council", "fund", "agency", "secretariat",
    "university", "association", "foundation", "police", "court", "embassy", "consulate",
    "unit", "directorate", "procuraduria", "secretaria", "instituto", "comision", "senate",
    "congress", "parliament", "network", "coalition", "federation", "programme", "program",
    "branch", "section", "division", "authority", "service", "administration", "inspectorate",
}  # fmt: skip
ROLE_HEADS = {
    "chief", "director", "head", "minister", "secretary", "coordinator", "officer", "president",
    "representative", "spokesperson", "spokesman", "spokeswoman", "ambassador", "commissioner",
    "commissioners", "manager", "chair", "chairman", "chairperson", "chairwoman", "governor",
    "mayor", "senator", "deputy", "advisor", "adviser", "consultant", "expert", "experts",
    "specialist", "inspector", "superintendent",
} | foreign_words.ROLES  # fmt: skip
# Words before a role's head word ("Acting Head", "Deputy Regional Director").
ROLE_MODIFIERS = {
    "acting", "deputy", "assistant", "senior", "former", "interim", "vice", "executive",
    "regional", "national", "general", "associate", "principal", "joint", "special", "resident",
}  # fmt: skip

# A report's title ending in its author's name ("Special Report on ... of the National Human
# Rights Commission") is no name of an organization.
STUDY_HEADS = {
    "report", "survey", "study", "review", "assessment", "index", "atlas", "dataset",
    "handbook", "guidelines", "yearbook", "outlook",
}  # fmt: skip
ALL_HEADS = ORG_HEADS | EVENT_HEADS | LAW_HEADS | PROJECT_HEADS | ROLE_HEADS | {"campaign"}
PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "president", "minister", "ambassador",
    "director", "senator", "governor", "mayor", "secretary", "commissioner", "judge", "father",
    "sister", "bishop",
}  # fmt: skip
# Lower-case particles inside a person's name ("María José de la Cruz", "Pieter van der Berg").
NAME_PARTICLES = {
    "de", "del", "della", "der", "den", "van", "von", "da", "das", "do", "dos", "du", "la",
    "le", "di", "bin", "ibn", "ben", "y", "e", "al", "el", "ter", "zu",
}  # fmt: skip
# Titles before a name ("Mr. John Doe", "Dr Jane Doe"), and roles written before it in lower
# or title case ("IOM counter-trafficking specialist Jane Doe", "Ambassador John Doe").
#
# Ranks written short before a name ("CP Yemi Ajayi": Commissioner of Police; "Sgt.", "Col")
RANKS = {
    "cp", "acp", "dcp", "sp", "asp", "dsp", "csp", "ssp", "igp", "aig", "dig", "insp", "sgt",
    "cpl", "lt", "col", "capt", "maj", "brig", "gen", "cop",
}  # fmt: skip
NAME_TITLES = PERSON_TITLES | RANKS | {
    "mrs", "miss", "sir", "dame", "lady", "hon", "honourable", "sr", "sra",
    "h.e.", "s.e.", "excellency",  # "H.E. Jane Doe", "His Excellency John Doe"
}  # fmt: skip

SPEECH = re.compile(
    r"\b(?:said|says|explains|explained|added|adds|stated|states|noted|notes|told|"
    r"stressed|stresses|emphasized|declared|according to)\b",
    re.I,
)
# Spanish, French and Portuguese bodies' connectors ("Organización Internacional para las
# Migraciones", "Service Jésuite aux Migrants", "Organisation Internationale pour les
# Migrations", Portuguese "Serviço de Migração e Estrangeiros", "Combate ao Tráfico") that are
# names' words too, in capitals ("Pará", "Les Cayes")
FOREIGN_CONNECTORS = {"para", "contra", "pour", "aux", "les", "e", "ao", "aos"}
CONNECTORS = {
    "of", "for", "and", "the", "to", "in", "on", "against", "de", "del", "la", "las", "los",
    "el", "y", "&", "da", "do", "dos", "das", "du", "des", "et", "at",
} | FOREIGN_CONNECTORS  # fmt: skip


def is_connector(token) -> bool:
    """A connector inside a name; another language's only in lower case ("the Office of Pará",
    "Les Cayes": a name's word, not "para" or "les")."""
    return token.key in CONNECTORS and (token.key not in FOREIGN_CONNECTORS or token.text.islower())


PLACE_SENSITIVE_CONNECTORS = {"in", "at", "to", "from", "en"}
# "Officials of the Ministry": a common noun before one of these ("Pastoral de Movilidad
# Humana": a name before another language's).
ENGLISH_CONNECTORS = {"of", "for", "to", "in", "on", "against", "at", "and", "the"}
# Words that start sentences and are no names.
STARTERS = {
    "since", "of", "in", "according", "following", "although", "also", "during", "however",
    "while", "when", "where", "what", "if", "this", "that", "these", "those", "the", "a", "an",
    "it", "its", "there", "their", "our", "we", "they", "he", "she", "his", "her", "as", "at",
    "by", "for", "from", "on", "to", "with", "after", "before", "between", "each", "every",
    "many", "most", "more", "some", "all", "both", "other", "such", "no", "not", "only",
    "further", "furthermore", "moreover", "meanwhile", "therefore", "thus", "yet", "but", "and",
    "or", "so", "today", "yesterday", "tomorrow", "recently", "last", "next", "first", "second",
    "one", "two", "three", "about", "over", "under", "until", "through", "throughout", "among",
    "despite", "given", "including", "new", "significant", "common", "data", "television",
    "organized", "criminal", "large", "major", "main", "key",
    # the other languages' words that open a sentence and no name ("Según la Organización
    # ...", "Selon l'OIM"; not "El", "La", "Segundo": of names too)
    # (as tokens' keys are: without accents)
    "segun", "selon", "durante", "desde", "ademas", "tambien", "tras", "despues", "pendant",
    "depuis", "apres", "lors", "ainsi", "cependant", "toutefois", "apos", "alem", "conforme",
}  # fmt: skip
ACRONYM_STOP = {
    "US", "USA", "UK", "IT", "TV", "AM", "PM", "OK", "ID", "HIV", "AIDS", "COVID", "CEO",
    "GDP", "ICT", "SMS", "PDF", "NGO", "NGOS", "FAQ", "DNA", "II", "III", "IV", "VI", "VII",
    # titles, places of a headquarters or an address, currencies, times and references:
    # "HE Margaret Adamson", "UNODC HQ", "Washington, DC", "USD", "GMT", "ISBN"
    "HE", "HRH", "HQ", "DC", "USD", "EUR", "GBP", "GMT", "UTC", "CET", "EST", "URL", "PHD",
    "ISBN", "ISSN", "DOI", "FY", "AI", "NB", "PS", "VIP", "CCTV", "GPS", "IP",
    # sizes and kinds of a download ("Download English (512.34 KB)"), measures
    "KB", "MB", "GB", "TB", "KM", "KG", "HTML", "HTTP", "HTTPS", "WWW", "DOC", "DOCX", "XLS",
    "XLSX", "PPT", "JPG", "PNG", "MP3", "MP4", "RSS",
    # a page's buttons and section labels in capitals ("RELATED", "READ MORE", "VIDEO")
    # (not HOME, SHARE, LIVE: names of organizations too)
    "RELATED", "MORE", "READ", "MENU", "NEWS", "TAGS", "PRINT", "EMAIL", "TWEET", "BACK",
    "NEXT", "PREVIOUS", "SEARCH", "LOGIN", "DOWNLOAD", "VIDEO", "PHOTO", "PHOTOS", "AUDIO",
    "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE",
}  # fmt: skip
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}  # fmt: skip
# Capitalized words that make a name an organization's, a place's, an event's or a title's,
# never a person's ("According to Human Rights Watch", "said Global Report").
NOT_PERSON_WORDS = ALL_HEADS | STUDY_HEADS | MONTHS | COMPANY_FORMS | {
    "human", "rights", "watch", "international", "national", "united", "nations", "world",
    "global", "day", "migration", "refugee", "refugees", "children", "development", "affairs",
    "foreign", "security", "justice", "health", "labour", "labor", "protection",
    "trafficking", "persons", "relief", "republic", "kingdom", "states", "state", "union",
    "european", "african", "american", "asian", "northern", "southern", "eastern", "western",
    "central", "north", "south", "east", "west", "general", "public", "social", "welfare",
    "women", "youth", "family", "education", "interior", "defence", "defense", "finance",
    "economy", "trade", "media", "press", "news", "information", "statement", "message",
    "photo", "video", "read", "more", "contact", "email", "tel", "phone", "mobile", "fax",
    "twitter", "facebook", "instagram", "page", "home", "site", "migrants", "migrant",
    "victims", "crime", "drugs", "internet", "online", "covid", "agenda", "goal", "goals",
    "sustainable", "emergency", "response", "plan", "strategy", "action", "week",
    # a site's links and bylines ("Skip To Content", "Jane Doe\nPublished on ..."), and
    # capitalized function words, which no one's name holds
    "skip", "content", "published", "posted", "updated", "share", "print", "menu", "search",
    "to", "with", "from", "process",
    "year", "mission", "operations", "partners", "partner", "partnership", "platform",
    "data", "research", "shelter", "house", "centre", "center", "school", "hospital",
    "camp", "island", "islands", "river", "sea", "ocean", "gulf", "bay", "lake", "mount",
    "province", "region", "city", "county", "district", "valley", "border", "embassy",
    "the", "and", "for", "of", "this", "that", "these", "those", "our", "their", "its",
    "all", "new", "today", "we", "it", "they", "he", "she", "his", "her", "radio", "tv",
    "television", "times", "post", "herald", "tribune", "journal", "channel", "magazine",
    "daily", "weekly", "gazette", "chronicle", "observer", "telegraph", "monitor", "courier",
    "street", "avenue", "road", "square", "park", "bridge", "station", "airport", "beach",
    "hall", "tower", "building", "plaza", "highway", "route", "desert", "gap", "pass",
    # a body's part before a name ("Director FIA Gujranwala Zone Abdul Qadir Qamar said"; not
    # "wing", "sector", "lodge": surnames too)
    "zone", "circle", "hotel", "harbour", "harbor", "republique", "mundial", "rohingya",
}  # fmt: skip
# Names of regions of a country that are words as well ("Centre", "Nord", "Central"): a place
# only as part of a longer name.
GENERIC_PLACE_WORDS = {
    "centre", "center", "central", "centro", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "nord", "sud", "est", "ouest", "capital", "coast",
    "lakes", "islands", "mountains", "plateau", "littoral", "interior", "oriente", "occidente",
}  # fmt: skip
DEMONYM_ONLY = 0.45  # below the draft's bar: a suggestion
# People of a body, before its name in the other languages ("Agentes de la Policía ...")
STAFF = {"agentes", "agents", "personal", "miembros", "membres", "membros", "efectivos",
         "elementos", "oficiales", "funcionarios", "fonctionnaires", "integrantes"}  # fmt: skip
GROUPS_OF_PEOPLE = {
    "members", "representatives", "officials", "staff", "delegates", "officers", "experts",
    "employees", "volunteers", "leaders", "heads", "peoples",
}  # fmt: skip
# Capitalized phrases that name a kind of body, not a body ("Civil Society", "the Private
# Sector"): no organizations.
GENERIC_NAMES = {
    "civil society", "private sector", "public sector", "international community",
    "member states", "security forces", "law enforcement", "local authorities",
    "government", "the government", "state", "the state",
}  # fmt: skip
# Words of a release's subject and of a site's sections: a capitalized phrase of these alone
# ("Human Trafficking", "Trafficking in Persons", "Children", "Press", "News Centre") is a
# topic, a group or a heading, not a body, even listed beside organizations.
SUBJECT_WORDS = {
    "human", "humans", "trafficking", "smuggling", "persons", "person", "people", "beings",
    "children", "child", "women", "men", "girls", "boys", "youth", "refugees", "refugee",
    "migrants", "migrant", "migration", "asylum", "victims", "survivors", "labour", "labor",
    "forced", "exploitation", "slavery", "modern", "sexual", "press", "news", "media",
    "centre", "center", "room", "newsroom", "releases", "release", "stories", "public",
    "relations", "information", "in", "of", "and", "the", "for", "against", "on",
}  # fmt: skip
# "EU Member States", "OSCE participating States", "States Parties": the members of a body.
MEMBERS_OF_A_BODY = re.compile(
    r"(?:[a-z]+\s+){0,2}(?<!of\s)(?:member\s+states?|member\s+countries|participating\s+states?|"
    r"states?\s+parties|state\s+party|contracting\s+states?)"
)
CITY_STARTS = {"san", "santa", "santo", "ciudad", "puerto", "port", "saint", "st", "villa", "fort"}
LIST_OF_PLACES = re.compile(
    r"\b(?:the\s+)?(?P<what>states|provinces|departments|cities|towns|municipalities|"
    r"state|province|department|city|town|municipality|border town|border city|village|port|"
    r"island|islands|region|district)"
    r"\s+of\s+",
    re.I,
)
PLACE_TYPE_OF = {
    "states": "state", "state": "state", "provinces": "state", "province": "state",
    "departments": "state", "department": "state", "cities": "city", "city": "city",
    "towns": "city", "town": "city", "municipalities": "city", "municipality": "city",
    "border town": "city", "border city": "city", "village": "city", "port": "city",
    "island": "region", "islands": "region", "region": "region", "district": "region",
}  # fmt: skip
# The kinds of a country's subdivisions, as the last word of a name or before "of".
SUBDIVISION_WORDS = {
    "province", "district", "region", "county", "territory", "governorate", "prefecture",
    "state", "municipality", "oblast", "canton",
}  # fmt: skip
# The kinds of organization a common noun names ("the NGO X", "X, a foundation").
ORG_NOUNS = (
    r"agency|organi[sz]ation|ngo|ong|cso|non-governmental organi[sz]ation|foundation|association|"
    r"network|charity|company|corporation|firm|institution|cooperative|union|consortium|"
    r"think tank|group"
)
# Their plurals ("charities", "agencies", "NGOs").
ORG_NOUNS_PLURAL = "|".join(
    noun[:-1] + "ies" if noun.endswith("y") else noun + "s" for noun in ORG_NOUNS.split("|")
)
# "Lumen Verde, a local charity", "Ponte Azul is a grassroots organisation", "X, which is a
# network of ...": a name the text says is an organization, with the kind after it. A name
# begins where a word does: tried from each capital of a word ("AaAa...", 10,000 letters),
# each try reading the word to its end, one word took 8 s.
NAME_IS_TYPE = re.compile(
    rf"(?<![\w’'-])"
    rf"(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:de|del|la|of|for|the|and)\s+)*[A-Z][\w’'-]+){{0,4}})"
    rf"(?:,\s+(?:which|that)\s+is|,|\s+is)\s+(?:a|an|one)\s+"
    rf"(?:(?!(?:of|the|for|in|and|with|to|on|at|by|from)\b)[a-z-]+\s+){{0,3}}"
    rf"(?i:{ORG_NOUNS})s?\b(?!\s+(?:leader|member|head|director|officer|worker|staff)s?\b)"
)
# "Lumen Verde and Ponte Azul, both U.S. nonprofit organizations", "..., two local NGOs":
# two names the text says are organizations, with the kind after them.
_NAME = r"[A-Z][\w’'-]+(?:\s+(?:(?:de|del|la|of|for|the|and)\s+)*[A-Z][\w’'-]+){0,4}"
NAMES_ARE_TYPES = re.compile(
    rf"(?<![\w’'-])(?P<first>{_NAME})\s+and\s+(?P<second>{_NAME}),\s+(?:both|two|all|each)\s+"
    rf"(?:(?!(?:of|the|for|in|and|with|to|on|at|by|from)\b)[\w.-]+\s+){{0,3}}"
    rf"(?i:{ORG_NOUNS_PLURAL})\b"
)
# "the NGO Svitlo Dnia": the kind of organization just before a name.
ORG_NOUN_BEFORE = re.compile(rf"\b(?i:{ORG_NOUNS})\s+$")
# An age in apposition after a name says a person: "Jane Doe, a 46-year-old citizen, ...",
# "John Roe, 52, was arrested".
AGE_IN_APPOSITION = re.compile(
    r",\s+(?:(?:a|an)\s+\d{1,2}[-\s]year[-\s]old\b|\d{1,2}\s*(?:,|\)|years?\s+old\b))"
)
# The last word of a place's name that says what kind of place it is ("Mtwapa Town").
PLACE_HEADS = {
    "town", "city", "ward", "district", "county", "province", "state", "village", "region",
    "municipality", "department", "island", "islands", "camp", "port", "valley", "coast",
}  # fmt: skip


def connectors_end_a_name(tokens, i: int, j: int, k: int) -> bool:
    """Whether the lower-case connectors tokens[j:k] between the name words tokens[i:j] and
    tokens[k] end the name: "the Border Service of Ruritania and of Interpol" (two complements,
    not one name), "the Ministry of Foreign Affairs the Embassies" (a "the" after a body's
    name, with no word that takes one), "the Ministry on August 22", "... of Iraq in October" (a
    date; not "the Fourth of July Committee")."""
    connectors = [t.key for t in tokens[j:k]]
    joined = connectors[:1] == ["and"] and connectors[1:2] and connectors[1] in JOINED_COMPLEMENT
    lone_the = connectors == ["the"] and any(t.key in ORG_HEADS for t in tokens[i:j])
    date = tokens[k].key in MONTHS and (
        connectors[-1] in ("in", "on", "since", "from", "until", "by", "during", "through")
        or k + 1 < len(tokens)
        and tokens[k + 1].text[:1].isdigit()
    )
    # "the Aviation Police at Pelmark International Airport": a body, then where it is
    at_a_site = connectors == ["at"] and any(t.key == "airport" for t in tokens[k : k + 5])
    # "the Direction of the National Guard on Facebook": where it said so, no part of it
    on_a_site = connectors[-1:] == ["on"] and tokens[k].key in SOCIAL_MEDIA
    # "la Gendarmería Nacional y de la División Trata de Personas", "la Guardia Nacional y la
    # Organización Internacional O.U.R. Rescue": two bodies joined (not "la Educación, la
    # Ciencia y la Cultura", no body's head after it)
    two_bodies = (
        connectors[:1] in (["y"], ["et"], ["e"])
        # (the head word first, or second: "y la Cruz Roja", "et de la Croix-Rouge")
        and (
            tokens[k].key in ORG_HEADS
            or k + 2 < len(tokens)
            and tokens[k + 1 + (tokens[k + 1].text == "-")].key in ORG_HEADS
            and tokens[k + 1 + (tokens[k + 1].text == "-")].text[:1].isupper()
        )
        and (any(t.key in ORG_HEADS for t in tokens[i:j]) or red_cross(tokens, k))
    )  # (the Red Cross is a body of its own: "du ministère de la Santé et de la Croix-Rouge")
    return bool(joined) or lone_the or date or at_a_site or on_a_site or two_bodies


SOCIAL_MEDIA = {"facebook", "twitter", "x", "instagram", "youtube", "telegram", "tiktok",
                "linkedin", "whatsapp"}  # fmt: skip


# "and of": two complements of the words before a name
JOINED_COMPLEMENT = {"of", "for", "in", "on", "at", "to", "from", "with"}


def continues_a_body(tokens, i: int) -> bool:
    """Whether the name word at `i` goes on a body's name after "and", "of" or "for" ("the
    Ministry of Fisheries and Marine Resources": "Marine" is no given name here): a head word
    of a body is in the capitalized run before the connector."""
    if i < 2 or tokens[i - 1].key not in ("and", "of", "for", "&"):
        return False
    for k in range(i - 2, max(-1, i - 14), -1):
        if not (tokens[k].text[:1].isupper() or tokens[k].key in ("of", "for", "and", "the")):
            return False
        if tokens[k].key in ORG_HEADS:
            return True
    return False


def heads_a_name(tokens, start: int, end: int) -> bool:
    """Whether capitalized words from `start` reach a body's head word before `end`
    ("Environmental Protection Division")."""
    for k in range(start, end):
        if tokens[k].key in ORG_HEADS and tokens[k].text[:1].isupper():
            return k > start
        if not (tokens[k].is_word and tokens[k].text[:1].isupper()):
            return False
    return False


def opens_with_a_common_noun(tokens, a: int, b: int) -> bool:
    """Whether a run's first word, at a sentence's start, is a common noun (no acronym nor
    head word) before "of", "and" ... ("Officials of the Ministry"; not "The Housing and Water
    Protection Division"), or people of a body before "de", "da" ("Agentes de la Policía")."""
    if a + 2 >= b or tokens[a].is_acronym or tokens[a].key in ALL_HEADS:
        return False
    word, k = tokens[a + 1], a + 3 if a + 3 < b and tokens[a + 2].key in ARTICLES else a + 2
    if word.key in ENGLISH_CONNECTORS:
        return word.text.islower() and not (word.key == "and" and heads_a_name(tokens, a + 2, b))
    return tokens[a].key in STAFF and word.key in COMPLEMENT_OPENERS and tokens[k].key in ORG_HEADS


def body_after_a_role(tokens, a: int, b: int) -> int:
    """Where the name of a body begins in tokens[a:b] that a role held in it opens: "Head of
    Office for IOM Sierra Leone" (a title's office), "Senior Regional Advisor on Child
    Protection in the UNICEF Regional Office for ..." (a role, then "in the" body); `a` when
    no role opens it."""
    if a >= 2 and [t.key for t in tokens[a - 2 : a + 1]] == ["head", "of", "office"]:
        return a + 2
    # (the role's head after up to three words: "Senior Ministerial Adviser at the ...")
    k = next((i for i in range(a, min(b, a + 4)) if tokens[i].key in ROLE_HEADS), b)
    if k < b and not any(t.key in ORG_HEADS or not t.is_word for t in tokens[a:k]):
        for j in range(k + 1, b - 2):
            if tokens[j].key in ("in", "at") and tokens[j + 1].key == "the":
                return j + 2
    return a


# Titles before a person's name that are no part of it ("the Honourable Bill Blair": not a
# bill; "Mr Bill Blair").
TITLES_BEFORE_A_NAME = {
    "mr", "mrs", "ms", "dr", "hon", "honourable", "honorable", "sir", "dame", "magistrate",
    "judge",
} | RANKS  # fmt: skip


def after_a_title(tokens, a: int, b: int) -> int:
    """Where a name begins in tokens[a:b] after a title of a person ("Honourable", "Mr."),
    when two words or more follow it."""
    if a < b and tokens[a].key.rstrip(".") in TITLES_BEFORE_A_NAME:
        k = a + 1 + (a + 1 < b and tokens[a + 1].text == ".")
        if tokens[a].key.rstrip(".") in RANKS | {"magistrate", "judge"} and any(
            t.key in ALL_HEADS or t.key in CONNECTORS for t in tokens[k : min(b, k + 2)]
        ):
            return a  # "ACP Observatory on Migration": a body's name, no rank and a person's
        if b - k >= 2:
            return k
    return a


# Words that say what kind of body or unit a name is, and nothing of which one: a name of
# these alone ("the Regional Office", "the Training Centre", "the National Committee") is a
# body the text names by its kind, not by its name (unlike "the Anti-Trafficking Section").
GENERIC_WORDS = {
    "regional", "national", "information", "training", "news", "liaison", "partnership",
    "attaché", "attache", "coordinating", "field", "technical", "main", "country", "local",
    "central", "general", "public", "press", "media", "head", "sub-regional", "subregional",
    "global", "new", "joint", "special", "permanent", "executive", "administrative", "steering",
    "working",
}  # fmt: skip


GENERIC_HEADS = {
    "office", "centre", "center", "unit", "team", "committee", "section", "division", "desk",
    "branch", "secretariat", "group", "network", "service", "services",
}  # fmt: skip


def generic_name(name: str) -> bool:
    """Whether every word of a name says only what kind of body it is."""
    words = [w.casefold() for w in re.findall(r"[\w’'-]+", name)]
    words = [w for w in words if w not in CONNECTORS]
    # (not a country's one body of its kind: "the National Police", "the National Gendarmerie")
    return (
        bool(words) and words[-1] in GENERIC_HEADS and all(w in GENERIC_WORDS for w in words[:-1])
    )


def lead_word(tokens) -> str:
    """The first word of a name that is no acronym and no role's modifier ("Executive" of
    "Executive Director of the ...": its head word leads)."""
    return next((t.key for t in tokens if not t.is_acronym and t.key not in ROLE_MODIFIERS), "")


# Participles after a hyphen that say who did something ("IOM-trained", "EU-funded").
DONE_BY = {
    "funded", "trained", "led", "run", "backed", "supported", "sponsored", "organized",
    "organised", "owned", "managed", "financed", "based", "hosted", "operated", "founded",
}  # fmt: skip


def _joins_a_name(tokens: list, k: int) -> bool:
    """Whether tokens[k] is a hyphen between two parts of a name, no space around it."""
    return (
        tokens[k].text == "-"
        and not tokens[k].space_before
        and k + 1 < len(tokens)
        and not tokens[k + 1].space_before
    )


def _acronym_spells(tokens: list, a: int, b: int) -> bool:
    """Whether "(ACRONYM)" right after [a, b) spells the initials of its words, connectors
    left out ("United Nations Office at Nairobi (UNON)")."""
    if b + 2 >= len(tokens) or tokens[b].text != "(" or not tokens[b + 1].is_acronym:
        return False
    initials = "".join(t.key[0] for t in tokens[a:b] if t.is_word and t.key not in CONNECTORS)
    return len(initials) >= 3 and initials == tokens[b + 1].text.replace(".", "").casefold()


# What is named by where it is: "Embassy of the Republic of Ostravia in Lorvania", "IOM
# Office in Monrovia" (not "the Immigration Agency in Zamiin-Uud": an agency is where it acts)
LOCATED = {"embassy", "embassies", "consulate", "consulate-general", "mission", "delegation"}
LEADING_ARTICLES = {"the", "a", "an"}
LEADING_WORDS = {"the", "a", "an", "by", "of"}  # never the first word of a new name
# No name is longer (the longest have some 15 words); a run is split in quadratic time.
MAX_NAME_TOKENS = 40
NAME_TYPE_WORDS = {"NGO", "NGOs", "CSO", "CSOs", "ONG", "ONGs"}  # "the CSO X": what it is
# The head words of a public body's name in Spanish, French and Portuguese, which an article
# before them is no part of ("El Ministerio del Interior"; not places such as "El Centro" or
# "La Unión", whose head is no body's)
INSTITUTION_HEADS = {
    "ministerio", "ministere", "direccion", "direction", "direcao", "fiscalia", "defensoria",
    "procuraduria", "secretaria", "policia", "police", "gendarmeria", "gendarmerie", "comision",
    "commission", "consejo", "conseil", "oficina", "instituto", "institut", "organizacion",
    "organisation", "organizacao", "agencia", "agence", "servicio", "servico", "departamento",
    "comite", "fundacion", "fondation", "fundacao", "asociacion", "association", "associacao",
    "coordinadora", "observatorio", "superintendencia", "tribunal", "guardia",
}  # fmt: skip
# Spanish, French and Portuguese articles, never the first word of an acronym's name
ARTICLES_BEFORE_AN_ACRONYM = {"la", "el", "los", "las", "le", "les", "l", "o", "os"}
ARTICLES = LEADING_ARTICLES | ARTICLES_BEFORE_AN_ACRONYM
# The articles of a subject after its verb ("Informó la Policía ...", "Participou o ...").
SUBJECT_ARTICLES = {"la", "el", "los", "las", "le", "les", "o", "os", "as"}
# The words a head word's complement opens with: after an article, a head word so followed
# is a name's, though the text writes it in lower case too ("The Government of Canada" and
# "whole-of-government"; "El Ministerio del Interior informó" and "señala el ministerio")
COMPLEMENT_OPENERS = {"of", "for", "de", "del", "du", "des", "do", "da", "dos", "das"}


def red_cross(tokens, k: int) -> bool:
    """Whether "Cruz Roja", "Croix-Rouge", "Cruz Vermelha" begins at `k`."""
    k += 1 + (k + 1 < len(tokens) and tokens[k + 1].text == "-")
    return k < len(tokens) and tokens[k].key in ("roja", "rouge", "vermelha")


def leads_a_name(tokens, a: int, b: int) -> bool:
    """Whether tokens[a] comes before a new name in the run [a, b) and is no part of it: "the",
    "by", "NGO" ("the local NGO Casa Esperanza"), and an article before an acronym ("La OIM
    informó", "El ACNUR", "L'OIM") or before the head word of a body's name ("El Ministerio
    del Interior informó", "Le Conseil de l'Europe": not "El Salvador", "La Paz")."""
    t = tokens[a]
    return (
        t.key in LEADING_WORDS
        or t.text in NAME_TYPE_WORDS
        or t.key in ARTICLES_BEFORE_AN_ACRONYM
        and a + 1 < b
        and (
            tokens[a + 1].is_acronym
            # ("La Corte Suprema ...", "Los Carabineros", "La Cruz Roja": the article at a
            # sentence's start is capitalized, and no part of the name)
            or tokens[a + 1].key in INSTITUTION_HEADS | BODY_HEADS_ES_FR_PT | {"cruz", "croix"}
            and tokens[a + 1].text[:1].isupper()
            and (tokens[a + 1].key not in ("cruz", "croix") or red_cross(tokens, a + 1))
        )
    )


def place_in_the_name(tokens: list, a: int, j: int, b: int) -> bool:
    """Whether the place after the connector at tokens[j] is part of the name [a, j): the name
    is of an embassy, a consulate, a mission or an office (its last word before the place), or
    "(ACRONYM)" after the place spells the initials of the whole ([a, b))."""
    return _located(tokens, a, j) or _acronym_spells(tokens, a, b)


def _located(tokens: list, a: int, j: int) -> bool:
    """Whether the name [a, j) is of an embassy, consulate, mission or office and the word
    at tokens[j] says where it is ("in", "at", "to")."""
    located = any(t.key in LOCATED for t in tokens[a:j]) or tokens[j - 1].key == "office"
    # (the name says whose: not "The Embassy in Malaysia said")
    whose = [t for t in tokens[a:j] if t.key not in LEADING_ARTICLES]
    return located and len(whose) >= 2 and tokens[j].key in ("in", "at", "to")


# "the American Embassy in Dili", "the Ethiopian Consulate in Juba": a mission abroad, then
# the place it is in (readers name it either way).
EMBASSY_IN = re.compile(
    r"^(.*\b(?:Embassy|Consulate|Consulate-General|High Commission))\s+in\s+[A-Z]"
)


def embassy_without_its_place(name: str) -> str | None:
    """The name of an embassy or a consulate written before "in" and the place it is in,
    when that name holds more than the head word (not "Embassy in Dili")."""
    m = EMBASSY_IN.match(name)
    return m.group(1) if m and " " in m.group(1) else None


def located_in(place, organization) -> bool:
    """Whether the span `place` ends the span `organization`, the place it is in (not a
    place a name holds otherwise: the Caribbean of the "Economic Commission for Latin America
    and the Caribbean")."""
    return (
        organization.kind == "organization"
        and organization.b == place.b
        and _located(place.passage.tokens, organization.a, place.a - 1)
    )


SOURCE_AFTER = re.compile(r"\s+(?:data|figures|statistics|study|survey|report|estimates)\b")


def cited_as_a_source(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is cited as a source: "According to INEI data, ...",
    "according to SSB study"."""
    return bool(
        re.search(r"\baccording\s+to\s+(?:the\s+)?$", text[max(0, start - 20) : start], re.I)
        or SOURCE_AFTER.match(text, end)
    )
