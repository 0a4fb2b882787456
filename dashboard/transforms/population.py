"""People of concern per country: the figures a year has and what the map shades.

The source names people of concern country by country in its narratives,
often with a qualifier ("over 3,900", "around 70,000").  A sum of several
figures keeps the least certain qualifier of its parts, so a sum is never
shown as more exact than what it adds up.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.data import Operation
from dashboard.transforms.cache import per_operation
from dashboard.transforms.countries import country_name
from dashboard.transforms.formatting import NO_DATA, format_count, is_missing

EXACT = "exact"
OVER = "over"
AROUND = "around"

SHADING_COLUMNS = ["country", "name", "value", "qualifier", "label", "parts", "types"]


def qualified(value: float | int | None, qualifier: str) -> str:
    """``3900, "over"`` -> ``over 3,900``; an exact figure is the number alone."""
    if is_missing(value):
        return NO_DATA
    number = format_count(value)
    return number if qualifier == EXACT else f"{qualifier} {number}"


def combined_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum of figures.

    Any "around" part makes the sum approximate ("around"), which also covers
    "over" + "around" (the sum is then neither a bound nor exact).  Otherwise
    any "over" part makes the sum a lower bound ("over").  Only a sum of exact
    figures is exact.
    """
    found = set(qualifiers)
    if AROUND in found:
        return AROUND
    if OVER in found:
        return OVER
    return EXACT


def country_figures(population_by_country: pd.DataFrame, year: int, country: str) -> pd.DataFrame:
    """The figures of ``country`` (ISO3) for ``year``, each with its label ("over 3,900")."""
    rows = population_by_country[
        (population_by_country["year"] == year) & (population_by_country["country"] == country)
    ].copy()
    rows["label"] = [qualified(v, q) for v, q in zip(rows["value"], rows["qualifier"], strict=True)]
    return rows.reset_index(drop=True)


def years_with_country_figures(population_by_country: pd.DataFrame) -> list[int]:
    """The years for which the data names people of concern in some country."""
    return sorted(int(year) for year in population_by_country["year"].unique())


def country_shading(
    population_by_country: pd.DataFrame, year: int, countries: Iterable[str]
) -> pd.DataFrame:
    """One row per covered country: the sum of its figures for ``year``, or none.

    Columns: ``country`` (ISO3), ``name``, ``value`` (float, NaN when the data
    has no figure for that country and year - never 0), ``qualifier`` of the
    sum ("" when none), ``label`` ("over 3,921" or "no data"), ``parts`` (the
    figures summed, e.g. "Refugees 21 + Stateless over 3,900") and ``types``
    (how many population types were summed).
    """
    rows = []
    for country in countries:
        figures = country_figures(population_by_country, year, country)
        if figures.empty:
            rows.append((country, country_name(country), float("nan"), "", NO_DATA, "", 0))
            continue
        value = float(figures["value"].sum())
        qualifier = combined_qualifier(figures["qualifier"])
        parts = " + ".join(
            f"{kind} {label}"
            for kind, label in zip(figures["population_type"], figures["label"], strict=True)
        )
        rows.append(
            (
                country,
                country_name(country),
                value,
                qualifier,
                qualified(value, qualifier),
                parts,
                len(figures),
            )
        )
    frame = pd.DataFrame(rows, columns=SHADING_COLUMNS)
    return frame.astype({"value": "float64", "types": "int64"})


@per_operation
def country_shading_of(operation: Operation, year: int) -> pd.DataFrame:
    """``country_shading`` of the operation's covered countries, computed once per year."""
    return country_shading(operation.population_by_country, year, operation.meta.countries)
