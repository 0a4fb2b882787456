"""People of concern per country: the qualifier of a sum and the years with figures.

The source names people of concern country by country in its narratives,
often with a qualifier ("over 3,900", "around 70,000").  A sum of several
figures keeps the least certain qualifier of its parts, so a sum is never
shown as more exact than what it adds up.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.transforms.values import AROUND, EXACT, OVER, UNDER


def combined_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum of figures.

    Any "around" part makes the sum approximate ("around"), and so do bounds
    both ways ("over" + "under": the sum is then neither a bound nor exact).
    Otherwise a sum with "over" parts is a lower bound ("over"), one with
    "under" parts an upper bound ("under").  Only a sum of exact figures is exact.
    """
    found = set(qualifiers)
    if AROUND in found or {OVER, UNDER} <= found:
        return AROUND
    for bound in (OVER, UNDER):
        if bound in found:
            return bound
    return EXACT


def years_with_country_figures(population_by_country: pd.DataFrame) -> list[int]:
    """The years for which the data names people of concern in some country."""
    return sorted(int(year) for year in population_by_country["year"].unique())
