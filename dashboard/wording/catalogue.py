"""The catalogue as a reader searches it: operation names, ISO codes and country
names in the reader's language and in English."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.transforms.catalogue_view import codes
from dashboard.wording.countries import country_name


def country_names(countries: str, lang: str) -> str:
    return ", ".join(country_name(code, lang) for code in codes(countries))


def _searchable(row_countries: str, name: str, lang: str) -> str:
    names = {country_names(row_countries, lang), country_names(row_countries, DEFAULT_LANGUAGE)}
    return " ".join([name, row_countries, *names]).casefold()


def filter_operations(
    table: pd.DataFrame, text: str | None, country: str | None, lang: str
) -> pd.DataFrame:
    """The rows whose name or countries contain ``text`` (any case) and that
    cover ``country`` (an ISO code)."""
    keep = pd.Series(True, index=table.index)
    if country:
        keep &= table["countries"].map(lambda cell: country in codes(cell))
    if text:
        needle = text.casefold()
        found = [
            needle in _searchable(countries, name, lang)
            for countries, name in zip(table["countries"], table["name"], strict=True)
        ]
        keep &= pd.Series(found, index=table.index, dtype=bool)
    return table[keep]
