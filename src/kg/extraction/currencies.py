"""Money: the currency a number is said in, by its sign before it ("€500", "NZ$4,000", "Rs
50,000"), its ISO 4217 code ("ETB 500", "15,000 ETB"), or its name after it ("3.6 billion
baht", "19 million Canadian dollars"), as the unit the concepts name it by ("us-dollar",
"euro", "ethiopian-birr"); and a dollar or a shared word ("dinars", "rupees") by the country
the release is from or names.
"""

from __future__ import annotations

import functools
import re

from kg.extraction.proposal import slugify
from kg.extraction.text import Source, fold

# Three capitals before or after a number: perhaps an ISO 4217 code ("ETB 500", "15,000 ETB").
# (not a word in capitals that is a code too: "ALL 12 shelters", "TOP 10", "SOS")
CODE_BEFORE = re.compile(r"\b(?!(?:ALL|TOP|CUP|SOS|TRY)\b)([A-Z]{3})\s*$")
CODE_AFTER = re.compile(r"\s*([A-Z]{3})\b")
# "52 000 Fcfa", "50.000 FCFA", "20 000 francs CFA": the CFA franc (of West or Central
# Africa: the text seldom says which, and the gold names it so)
CFA_AFTER = re.compile(r"\s*(?:F\s?CFA|francs?\s+CFA)\b", re.I)
CURRENCY_UNITS = {"USD": "us-dollar", "EUR": "euro"}  # the units' ids in the concepts
# A currency written before a number by its sign ("€500", "NZ$4,000", "RM20,000", "Rs 50,000",
# "₹20,000"): the sign -> its ISO 4217 code. "$" alone is the US dollar; a dollar of another
# country says so ("NZ$", "A$", "HK$"). "¥" (yen or yuan) and "R" (rand or real) say too
# little, and are left out.
CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "€": "EUR", "EUR": "EUR",
    "£": "GBP", "NZ$": "NZD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAN$": "CAD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "NT$": "TWD", "R$": "BRL",
    "J$": "JMD", "MX$": "MXN", "₹": "INR", "Rs": "rupee", "Rs.": "rupee", "₦": "NGN",
    "₱": "PHP", "฿": "THB", "₫": "VND", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₽": "RUB",
    "S/": "PEN", "S/.": "PEN", "RM": "MYR", "KSh": "KES", "Ksh": "KES", "GH₵": "GHS",
    "Tk": "BDT", "Rp": "IDR", "Rp.": "IDR",
    "Sh": "shilling", "Shs": "shilling",  # (Kenya's, Uganda's, Tanzania's, ...)
    "KD": "KWD", "BD": "BHD", "QR": "QAR", "Dh": "AED", "Dhs": "AED",  # (the Gulf's papers)
}  # fmt: skip
CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w$])(?:(?:US|U\.S\.|NZ|AU|CAN|CA|HK|SG|NT|MX)\s?|A|C|S|R|J)\$|(?<![\w$])\$|"
    r"€|£|₹|₦|₱|"
    r"฿|₫|₩|₺|₴|₽|GH₵|(?<![\w.])(?:USD|EUR|RM|KSh|Ksh|Rs\.?|Tk|Rp\.?|Shs?|KD|BD|QR|Dhs?|S/\.?))\s*$"
)


# A country whose own currency is a dollar, and its code: in a release from there, a "$" alone
# is that dollar ("The $7 million will be shared by three provincial ministries", from
# Ottawa). A release from anywhere else, the United States and Latin America's peso countries
# among them, keeps "$" for the US dollar.
LOCAL_DOLLARS = {
    "CA": "CAD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "SG": "SGD", "TW": "TWD", "FJ": "FJD",
    "JM": "JMD", "TT": "TTD", "GY": "GYD", "BS": "BSD", "BB": "BBD", "BZ": "BZD", "NA": "NAD",
    "SB": "SBD", "BN": "BND",
}  # fmt: skip


def local_dollar(source: Source) -> str | None:
    """The unit a "$" alone stands for in `source`: the dollar of the country its dateline
    names (the first of its first passages), if that country has a dollar of its own and the
    text does not write that dollar with its own sign."""
    from kg.extraction.spans import DATELINE
    from kg.extraction.world import capital_of, countries, country_of_city

    for passage in source.body[:4]:
        m = DATELINE.match(passage.text)
        if m is None:
            continue
        name = m.group("names").split("/")[0].strip()
        line = passage.text[: m.end() + 40].casefold()
        code = country_of_city(name) or next(
            (p.iso3166 for n, p, _ in countries() if n.casefold() == name.casefold()), None
        )
        if code not in LOCAL_DOLLARS:  # "SUVA, Fiji, ...": a town the gazetteer lacks
            code = next((p.iso3166 for n, p, _ in countries() if f", {n.casefold()}" in line), None)
        if code not in LOCAL_DOLLARS:
            return None
        # a city of that name elsewhere too ("Victoria", "Kingston", "Perth") says too little:
        # the country's capital, or the dateline naming the country, does not
        named = [n.casefold() for n, p, _ in countries() if p.iso3166 == code]
        if fold(name) != fold(capital_of(code) or "") and not any(n in line for n in named):
            return None
        # "NZ$6,500 ($3,800)": a text that writes its dollar's own sign keeps "$" for the US's
        signs = [s for s, c in CURRENCY_SIGNS.items() if c == LOCAL_DOLLARS[code]]
        text = "\n".join(p.text for p in source.passages)
        if any(re.search(rf"(?<![\w$]){re.escape(s)}\s?\d", text) for s in signs):
            return None
        return currency_unit(LOCAL_DOLLARS[code])
    return None


def sign_currency(sign: str) -> str:
    """The unit of a currency's sign before a number (a key of CURRENCY_SIGNS, spaces aside):
    a unit of the concepts, else the currency's name; "rupee" and "shilling" for those of
    several countries (the one the text names, `local_currency` says)."""
    code = CURRENCY_SIGNS[re.sub(r"\s", "", sign)]
    return code if code in ("rupee", "shilling") else currency_unit(code) or code


@functools.lru_cache(maxsize=512)
def currency_unit(code: str) -> str | None:
    """The unit of an ISO 4217 code: "us-dollar" (USD), "euro" (EUR), else the currency's name
    ("ethiopian-birr" for ETB); None for no currency."""
    import pycountry

    if code in CURRENCY_UNITS:
        return CURRENCY_UNITS[code]
    code = SUPERSEDED.get(code, code)
    currency = pycountry.currencies.get(alpha_3=code)
    return slugify(currency.name, 4) if currency is not None else None


# ISO 4217 codes withdrawn when their currency was redenominated, which releases still write
# ("GHC 30,000" in Ghana): the code that replaced them (not those that are abbreviations of
# English too: "STD", "AFA")
SUPERSEDED = {"GHC": "GHS", "ZMK": "ZMW", "MZM": "MZN", "VEF": "VES", "BYR": "BYN"}
CURRENCIES = {"dollar": "us-dollar", "euro": "euro", "peso": "peso", "pound": "pound-sterling"}
# The words of ISO 4217's currency names that name a currency after a number ("3.6 billion
# baht", "20,000 naira", "500,000 rupees"), from pycountry; not the ones that are words of
# English as well, nor metals and accounting units.
NOT_CURRENCY_WORDS = {
    "account", "day)", "involved", "purposes", "right)", "mark", "sol", "som", "sum", "oro",
    "gold", "silver", "platinum", "palladium", "fomento", "previsional", "won", "real",
    "colon", "sterling", "omani", "uruguayo", "soberano", "pula",
}  # fmt: skip


@functools.cache
def currency_words() -> dict[str, str]:
    """A currency's word -> its unit: the slug of the one currency whose name ends with it
    ("baht" -> "baht", "naira" -> "naira"), or the word itself where several share it
    ("rupee", "shilling"; CURRENCIES says which for "dollar", "euro", "peso", "pound")."""
    import pycountry

    owners: dict[str, set[str]] = {}
    for currency in pycountry.currencies:
        word = currency.name.split()[-1].casefold()
        if word.isalpha() and word not in NOT_CURRENCY_WORDS:
            owners.setdefault(word, set()).add(slugify(currency.name, 4))
    found = {w: (units.pop() if len(units) == 1 else w) for w, units in owners.items()}
    return {**found, **CURRENCIES}


@functools.cache
def _shared_currencies() -> dict[str, dict[str, str]]:
    """A currency word several currencies share -> {country code: unit}, each currency by the
    country its name begins with ("dinar": {"LY": "libyan-dinar", "TN": "tunisian-dinar",
    ...})."""
    import pycountry

    from kg.extraction.world import countries

    by_name = {fold(n): p.iso3166 for n, p, _ in countries() if p.iso3166}
    out: dict[str, dict[str, str]] = {}
    for currency in pycountry.currencies:
        *first, word = currency.name.split()
        code = by_name.get(fold(" ".join(first)))
        word = SPELLED_ALIKE.get(word.casefold(), word.casefold())
        if code and word.isalpha():
            out.setdefault(word, {})[code] = slugify(currency.name, 4)
    # (not "dollars": said of US dollars in texts on any country, "$" has its own rule; nor
    # "pounds": a British text names England or London, no country, and "pounds" weigh too)
    return {w: o for w, o in out.items() if len(o) > 1 and w not in ("dollar", "pound")}


# Currency words written either way: "582.4 million riyals" in a text on Qatar, whose ISO 4217
# name is "Qatari Rial".
SPELLED_ALIKE = {"riyal": "rial"}


def local_currency(unit: str, countries_named: set[str], bare: bool) -> str:
    """ "20 dinars", "Rs 500" in a text on Libya, on Pakistan: the currency of the one
    country the text names whose currency has that word, or `unit` when none or several do.
    `unit` is the word, or (`bare`: written without its country) one owner's currency read
    from it ("riyals": the Saudi riyal, in a text on Qatar the Qatari rial)."""
    if unit not in _shared_currencies() and not bare:
        return unit
    word = unit.rpartition("-")[2]
    owners = _shared_currencies().get(SPELLED_ALIKE.get(word, word), {})
    named = [owned for code, owned in owners.items() if code in countries_named]
    return named[0] if len(named) == 1 else unit


@functools.cache
def currency_names() -> dict[str, str]:
    """A currency's whole name, folded ("canadian dollar", "indian rupee") -> its unit."""
    import pycountry

    return {
        " ".join(currency.name.casefold().split()): slugify(currency.name, 4)
        for currency in pycountry.currencies
    }


@functools.cache
def currency_units() -> frozenset[str]:
    """Every unit a sum of money is drafted in ("us-dollar", "euro", "baht", "rupee", ...)."""
    words = {*currency_words().values(), *currency_names().values(), *CURRENCY_UNITS.values()}
    return frozenset(words | {"cfa-franc", "rupee", "shilling"})


# A currency's whole name before a number ("paid Ethiopian Birr 18,500", "Kenya Shillings
# 50,000", "Indian Rupees 5,000"): two words or three, the last perhaps in the plural.
NAME_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,2}[A-Za-z]+)\s*$")


def named_before(before: str) -> tuple[str, int] | None:
    """(unit, length of the name and the space after it) of a currency named in full right
    before a number, or None."""
    m = NAME_BEFORE.search(before)
    if m is None:
        return None
    words = m.group(1).split()
    for k in range(len(words) - 1):  # (the longest name first: "South Korean Won")
        name = " ".join(w.casefold() for w in words[k:])
        for form in (name, name.removesuffix("s")):
            if form in currency_names():
                return currency_names()[form], len(before) - m.start() - len(
                    " ".join(words[:k]) + (" " if k else "")
                )
    return None
