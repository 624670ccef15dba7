"""The words of Spanish, French and Portuguese before a year that say a time of it, for
:data:`kg.extraction.foreign_words.TIMES`: its start ("desde el inicio del año 2025", "depuis
le début de l'année 2025", "desde o início de 2025": from the year's start on, as "since the
beginning of 2025") and its course ("en lo que va del año 2025", "a lo largo de 2025", "au
cours de l'année 2025", "ao longo de 2025": the year, as "in 2025")."""

from __future__ import annotations

# After "desde", "depuis": the year's start.
YEARS_START = (
    r"(?:el\s+)?(?:inicios?|principios?|comienzos?|le\s+d[ée]but|o\s+in[íi]cio)\s+(?:del?|do)\s+"
    r"(?:(?:l['’])?(?:año|ann[ée]e|ano)\s+(?:de\s+)?)?"
)
# The year's course, before the year itself.
YEARS_IN = (
    r"en\s+lo\s+que\s+va\s+del?(?:\s+año)?|a\s+lo\s+largo\s+del?(?:\s+año)?|"
    r"(?:au\s+cours|tout\s+au\s+long)\s+de(?:\s+l['’]ann[ée]e)?|ao\s+longo\s+de(?:\s+ano\s+de)?"
)
