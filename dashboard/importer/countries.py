"""Country names, as UNHCR pages spell them, to ISO 3166 alpha-3 codes.

pycountry knows every country by its ISO 3166 names.  UNHCR pages follow the
United Nations' own list instead, and write the same countries in other ways:
"Iran (Islamic Republic of)" where ISO has "Iran, Islamic Republic of",
"Guinea Bissau" without a hyphen, "Côte d’Ivoire" with a typographic
apostrophe, "Trinidad & Tobago", "the Republic of Moldova".  Most of these
differences are removed by normalising both sides the same way (see
``_normalise``) and by reading an ISO name "Base, Qualifier of" also as
"Qualifier of Base" and "Base (Qualifier of)".  What remains, names ISO does
not record at all (former names, abbreviations), is the ALIASES table.

Kosovo has no ISO 3166 code.  UNHCR writes it "Kosovo (S/RES/1244 (1999))"; it
is left unresolved (None, and not named in running text) rather than given the
user-assigned code XKX, which maps and other ISO-based data would not know.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

# UNHCR spellings that no normalised pycountry name matches, each with its code.
ALIASES = {
    "Turkey": "TUR",  # the ISO short name until 2022
    "Russia": "RUS",
    "Holy See": "VAT",  # ISO: "Holy See (Vatican City State)"
    "Swaziland": "SWZ",  # the ISO short name until 2018
    "Cape Verde": "CPV",  # the ISO short name until 2013
    "the former Yugoslav Republic of Macedonia": "MKD",  # the UN name until 2019
    "Netherlands (Kingdom of the)": "NLD",  # the UN name since 2023
    "Dem. Rep. of the Congo": "COD",
    "USA": "USA",
}

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc\u0060\u00b4", "'"))
# Runs of white space, hyphens and dashes read as one space: "Guinea-Bissau"
# and "Guinea Bissau" are the same name.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")
# An ISO name with its qualifier after a comma: "Korea, Republic of".
_INVERTED = re.compile(r"(?P<base>[^,]+), (?P<qualifier>.+ of(?: the)?)")


def _normalise(text: str) -> str:
    """Casefolded, without accents, with plain apostrophes, "and" for "&", single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().replace("&", " and ")
    return _SEPARATORS.sub(" ", text).strip()


def _key(name: str) -> str:
    """The form a whole name is looked up by: normalised, without a leading "the"."""
    return re.sub(r"^the ", "", _normalise(name))


def _spellings(name: str) -> list[str]:
    inverted = _INVERTED.fullmatch(name)
    if not inverted:
        return [name]
    base, qualifier = inverted["base"], inverted["qualifier"]
    return [name, f"{qualifier} {base}", f"{base} ({qualifier})"]


@cache
def _names() -> dict[str, str]:
    """Every known spelling, as ``_key`` gives it, to its ISO3 code."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.update(dict.fromkeys(map(_key, _spellings(name)), country.alpha_3))
    names.update({_key(name): code for name, code in ALIASES.items()})
    return names


@cache
def _name_pattern() -> re.Pattern[str]:
    """Any known name at word boundaries; longer names first, so the longest one wins."""
    alternatives = sorted(_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


def country_code(name: str) -> str | None:
    """The ISO3 code of a country name, or None when it is not a country."""
    return _names().get(_key(name))


def countries_named_in(text: str) -> list[str]:
    """ISO3 codes of the countries a sentence names, in order of mention."""
    codes: list[str] = []
    for match in _name_pattern().finditer(_normalise(text)):
        code = _names()[match.group(1)]
        if code not in codes:
            codes.append(code)
    return codes
