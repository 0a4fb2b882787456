"""The numbers of a chart as a table of text: the "Show as table" view beside it.

Each function takes the frame of a dataset of ``transforms.datasets`` (what
the chart plots and the data buttons download) and returns a ``TextTable``:
a caption, column headings and rows of strings, exact amounts in full
(``USD 2,323,280.21``) and "no data" for a missing figure, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.transforms.budget import year_span
from dashboard.transforms.formatting import NO_DATA, format_count, format_percent, format_usd

RATE_DECIMALS = 1


@dataclass(frozen=True)
class TextTable:
    """``rows`` hold display strings; the first column names the row."""

    caption: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rows


def _years(frame: pd.DataFrame) -> str:
    return year_span([int(year) for year in frame["year"].unique()]) if len(frame) else ""


def budget_and_expenditure_table(frame: pd.DataFrame) -> TextTable:
    """Dataset ``budget-and-expenditure``: year, budget_usd, expenditure_usd."""
    return TextTable(
        f"Budget and expenditure per year, {_years(frame)}".rstrip(", "),
        ["Year", "Budget", "Expenditure"],
        [
            [str(int(row.year)), format_usd(row.budget_usd), format_usd(row.expenditure_usd)]
            for row in frame.itertuples()
        ],
    )


def by_pillar_table(frame: pd.DataFrame, measure: str, measure_name: str) -> TextTable:
    """Datasets ``budget-by-pillar`` / ``expenditure-by-pillar``: one row per year,
    one column per pillar (long rows year, pillar, pillar_name, ``measure``)."""
    pillars = (
        frame[["pillar", "pillar_name"]].drop_duplicates().sort_values("pillar")
        if len(frame)
        else pd.DataFrame(columns=["pillar", "pillar_name"])
    )
    # One pass over the rows instead of filtering the frame once per year.
    amounts = dict(
        zip(
            zip(frame["year"].tolist(), frame["pillar"].tolist(), strict=True),
            frame[measure].tolist(),
            strict=True,
        )
    )
    columns = pillars["pillar"].tolist()
    rows = [
        [str(year), *(format_usd(amounts.get((year, pillar))) for pillar in columns)]
        for year in sorted(int(y) for y in frame["year"].unique())
    ]
    return TextTable(
        f"{measure_name} by pillar per year, {_years(frame)}".rstrip(", "),
        ["Year", *pillars["pillar_name"]],
        rows,
    )


def split_table(frame: pd.DataFrame, year: int) -> TextTable:
    """Dataset ``budget-split-by-pillar``: the year's pillars with shares and rates."""
    return TextTable(
        f"Budget and expenditure by pillar, {year}",
        ["Pillar", "Budget", "Expenditure", "Share of budget", "Execution rate"],
        [
            [
                str(row.pillar_name),
                format_usd(row.budget_usd),
                format_usd(row.expenditure_usd),
                format_percent(row.budget_share_percent, RATE_DECIMALS),
                format_percent(row.execution_rate_percent, RATE_DECIMALS),
            ]
            for row in frame.itertuples()
        ],
    )


def people_trend_table(frame: pd.DataFrame) -> TextTable:
    """Dataset ``people-of-concern``: year, total."""
    return TextTable(
        f"People of concern per year, {_years(frame)}".rstrip(", "),
        ["Year", "People of concern"],
        [[str(int(row.year)), format_count(row.total)] for row in frame.itertuples()],
    )


def country_table(shading: pd.DataFrame, year: int) -> TextTable:
    """``population.country_shading`` rows: what the map shades, country by country."""
    return TextTable(
        f"People of concern named per country, {year}",
        ["Country", "People of concern", "Figures added up"],
        [
            [str(row.name), str(row.label), str(row.parts) or NO_DATA]
            for row in shading.itertuples()
        ],
    )


def population_type_table(frame: pd.DataFrame, year: int) -> TextTable:
    """Dataset ``population-by-type``: population_type, value, largest first."""
    return TextTable(
        f"People of concern by population type, {year}",
        ["Population type", "Persons"],
        [[str(row.population_type), format_count(row.value)] for row in frame.itertuples()],
    )
