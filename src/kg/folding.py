"""How kg compares text: one folding for names, search and drafting.

`fold` ignores what a reader does not count as a difference: accents (NFKD, combining marks
dropped), case (Unicode case folding) and the typographic apostrophe (U+2019 read as ').
`fold_name` also ignores spacing, for names compared as identities.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`text` with accents, case and the typographic apostrophe ignored (Juárez: juarez)."""
    if text.isascii():  # no accent to drop: NFKD leaves ASCII as it is
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_name(name: str) -> str:
    """A name as compared for identity: `fold`, and every run of spaces one space."""
    return " ".join(fold(name).split())
