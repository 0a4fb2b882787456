"""People of concern per country as the map and its panel say them: qualified
figures ("over 3,900"), country names and the parts of each sum."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.data import Operation
from dashboard.transforms.cache import per_operation
from dashboard.transforms.population import combined_qualifier
from dashboard.transforms.values import is_missing
from dashboard.wording.countries import country_name
from dashboard.wording.formatting import format_count, no_data, qualified_text
from dashboard.wording.population_types import population_type_name

SHADING_COLUMNS = ["country", "name", "value", "qualifier", "label", "parts", "types"]


def qualified(value: float | int | None, qualifier: str, lang: str) -> str:
    """``3900, "over"`` -> ``over 3,900`` / ``plus de 3 900``; an exact figure is the
    number alone."""
    if is_missing(value):
        return no_data(lang)
    return qualified_text(format_count(value, lang), qualifier, lang)


def country_figures(
    population_by_country: pd.DataFrame, year: int, country: str, lang: str
) -> pd.DataFrame:
    """The figures of ``country`` (ISO3) for ``year``, each with its label ("over 3,900")
    in ``lang``."""
    rows = population_by_country[
        (population_by_country["year"] == year) & (population_by_country["country"] == country)
    ].copy()
    rows["label"] = [
        qualified(v, q, lang) for v, q in zip(rows["value"], rows["qualifier"], strict=True)
    ]
    return rows.reset_index(drop=True)


def country_shading(
    population_by_country: pd.DataFrame, year: int, countries: Iterable[str], lang: str
) -> pd.DataFrame:
    """One row per covered country: the sum of its figures for ``year``, or none,
    with its text in ``lang``.

    Columns: ``country`` (ISO3), ``name``, ``value`` (float, NaN when the data
    has no figure for that country and year - never 0), ``qualifier`` of the
    sum ("" when none), ``label`` ("over 3,921" or "no data"), ``parts`` (the
    figures summed, e.g. "Refugees 21 + Stateless over 3,900") and ``types``
    (how many population types were summed).
    """
    rows = []
    for country in countries:
        name = country_name(country, lang)
        figures = country_figures(population_by_country, year, country, lang)
        if figures.empty:
            rows.append((country, name, float("nan"), "", no_data(lang), "", 0))
            continue
        value = float(figures["value"].sum())
        qualifier = combined_qualifier(figures["qualifier"])
        parts = " + ".join(
            f"{population_type_name(kind, lang)} {label}"
            for kind, label in zip(figures["population_type"], figures["label"], strict=True)
        )
        rows.append(
            (
                country,
                name,
                value,
                qualifier,
                qualified(value, qualifier, lang),
                parts,
                len(figures),
            )
        )
    frame = pd.DataFrame(rows, columns=SHADING_COLUMNS)
    return frame.astype({"value": "float64", "types": "int64"})


@per_operation
def country_shading_of(operation: Operation, year: int, lang: str) -> pd.DataFrame:
    """``country_shading`` of the operation's covered countries, computed once per year
    and language."""
    return country_shading(operation.population_by_country, year, operation.meta.countries, lang)
