"""Country names, as UNHCR pages spell them, to ISO 3166 alpha-3 codes."""

from __future__ import annotations

import re
from functools import cache

import pycountry

# UNHCR spellings that differ from every name pycountry records.
ALIASES = {
    "Republic of Korea": "KOR",
    "Republic of Moldova": "MDA",
    "Iran (Islamic Republic of)": "IRN",
    "Netherlands": "NLD",
    "Türkiye": "TUR",
    "Turkey": "TUR",
    "United States": "USA",
    "Russia": "RUS",
    "Czech Republic": "CZE",
    "Holy See": "VAT",
}


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names[name.casefold()] = country.alpha_3
    names.update({name.casefold(): code for name, code in ALIASES.items()})
    return names


@cache
def _name_pattern() -> re.Pattern[str]:
    alternatives = sorted(_names(), key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(" + "|".join(re.escape(name) for name in alternatives) + r")(?!\w)",
        re.IGNORECASE,
    )


def country_code(name: str) -> str | None:
    """The ISO3 code of a country name, or None when it is not a country."""
    return _names().get(name.strip().casefold())


def countries_named_in(text: str) -> list[str]:
    """ISO3 codes of the countries a sentence names, in order of mention."""
    codes: list[str] = []
    for match in _name_pattern().finditer(text):
        code = _names()[match.group(1).casefold()]
        if code not in codes:
            codes.append(code)
    return codes
