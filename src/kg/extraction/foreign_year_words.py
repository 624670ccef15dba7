"""The words of Spanish, French and Portuguese before a year that say a time of it, for
:data:`kg.extraction.foreign_words.TIMES`: its start ("desde el inicio del año 2025", "depuis
le début de l'année 2025", "desde o início de 2025": from the year's start on, as "since the
beginning of 2025") and its course ("en lo que va del año 2025", "a lo largo de 2025", "au
cours de l'année 2025", "ao longo de 2025": the year, as "in 2025"); and for
:mod:`kg.extraction.periods`, months counted from a year's start or end ("los primeros ocho
meses de 2017", "les neuf premiers mois de 2025").
"""

from __future__ import annotations

import re

from kg.folding import fold

# Neither is read before a range of years, which TIMES reads as such ("A lo largo de 2023 y
# 2024", "Desde el inicio de 2020 hasta finales de 2023").
_NOT_A_RANGE = (
    r"(?=\s*(?:19|20)\d\d(?!\d)(?!\s*(?:a|al|à|au|y|et|e|hasta|jusqu['’]à|até|-|\u2013)\s*"
    r"(?:el\s+|(?:finales|fines|fin|finais|la\s+fin)\s+(?:de|del|do)\s+)?(?:19|20)\d\d))"
)
# After "desde", "depuis": the year's start.
# ("depuis début 2021": the French start without its article and "de")
YEARS_START = (
    r"(?:(?:el\s+)?(?:inicios?|principios?|comienzos?|le\s+d[ée]but|o\s+in[íi]cio)\s+(?:del?|do)\s+"
    r"(?:(?:l['’])?(?:año|ann[ée]e|ano)\s+(?:de\s+)?)?|d[ée]but\s+)" + _NOT_A_RANGE
)
# The year's course, before the year itself.
YEARS_IN = (
    r"(?:"
    r"en\s+lo\s+que\s+va\s+del?(?:\s+año)?|a\s+lo\s+largo\s+del?(?:\s+año)?|"
    r"(?:au\s+cours|tout\s+au\s+long)\s+de(?:\s+l['’]ann[ée]e)?|ao\s+longo\s+d[eo](?:\s+ano\s+de)?"
    r")" + _NOT_A_RANGE
)
# Months counted from a year's start or end: "los primeros ocho meses de 2017", "les neuf
# premiers mois de 2025", "os primeiros seis meses de 2024", "los últimos tres meses del año 2019"
MONTHS_OF_A_YEAR = re.compile(
    r"\b(?:(?P<which>primer[oa]s|primeir[oa]s|[úu]ltim[oa]s)\s+(?P<n1>\w+)\s+meses"
    r"|(?P<n2>\w+)\s+(?P<which2>premiers|derniers)\s+mois)"
    r"\s+(?:del?|do)\s+(?:(?:l['’])?(?:año|ann[ée]e|ano)\s+(?:de\s+)?)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.I,
)


def months_of_a_year(text: str, s0: int, s1: int) -> list[tuple[int, int, dict]]:
    """The months MONTHS_OF_A_YEAR says in [s0, s1), as "the first eight months of 2017" is
    read in English: (start, end, {"duration": "P8M", "start": "2017-01", "end": "2017-08"})."""
    from kg.extraction.foreign_words import _VALUES  # (foreign_words reads this module)

    out = []
    for m in MONTHS_OF_A_YEAR.finditer(text, s0, s1):
        word = m["n1"] or m["n2"]
        count = int(word) if word.isdigit() else _VALUES.get(fold(word))
        if count is None or not 1 <= count <= 12:
            continue
        first = 1 if fold(m["which"] or m["which2"]).startswith(("prem", "prim")) else 13 - count
        year = m["y"]
        value = {"duration": f"P{count}M", "start": f"{year}-{first:02d}"}
        value["end"] = f"{year}-{first + count - 1:02d}"
        out.append((m.start(), m.end(), value))
    return out
