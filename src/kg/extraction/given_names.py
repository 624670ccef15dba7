"""Given names, for people the text names without a role or a verb of speech beside them.

"Roberto Alvarado opened the meeting": nothing around the name says it is a person's, but its
first part is a given name. The names are those of Faker's person providers (MIT licence: lists
of common given names of some eighty locales, drawn from census and registry data), read from
its modules, not generated; only names in the Latin script are kept, since the releases are in
English. A given name is evidence, not proof ("Grace", "Victoria", "Jordan" are words and
places too): :mod:`kg.extraction.entities` uses it only for a run of two to four capitalized
name parts that nothing else claims.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from kg.folding import fold

# Fields of a person provider that hold given names (a list, or a mapping name -> weight).
GIVEN_NAME_FIELDS = ("first_names", "first_names_male", "first_names_female")
# Latin letters with their accents (Latin-1 Supplement, Latin Extended-A and -B).
LATIN_END = 0x250
# Locales whose given names are written in another script: not read (a quarter of the time).
OTHER_SCRIPTS = {
    "ar", "bg", "bn", "el", "fa", "gu", "he", "hi", "hy", "ja", "ka", "ko", "mk", "mr", "ne",
    "or", "ru", "si", "ta", "th", "uk", "zh",
}  # fmt: skip


def _latin(name: str) -> bool:
    if not name or not name[0].isupper():
        return False
    return name.isascii() or max(map(ord, name)) < LATIN_END


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name of Faker's person providers in the Latin script, folded (case and
    accents): "jose" for "José"."""
    import faker.providers.person as people

    out: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        if module.name.partition("_")[0] in OTHER_SCRIPTS:
            continue
        provider = getattr(
            importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None
        )
        for name in GIVEN_NAME_FIELDS:
            listed = vars(provider).get(name) if provider is not None else None
            if isinstance(listed, dict):
                listed = list(listed)
            if not isinstance(listed, list | tuple):
                continue
            out.update(
                (n.casefold() if n.isascii() else fold(n))
                for n in listed
                if isinstance(n, str) and _latin(n)
            )
    # One letter or two ("Le", "Li") are too often something else.
    return frozenset(n for n in out if len(n) > 2)


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()
