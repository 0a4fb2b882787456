"""The numbers of a chart as a table of text: the "Show as table" view beside it.

Each function takes the frame of a dataset of ``exports.datasets`` (what
the chart plots and the data buttons download) and returns a ``TextTable``:
a caption, column headings and rows of strings, exact amounts in full
(``USD 2,323,280.21``) and "no data" for a missing figure, never 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from dashboard.i18n import N_, translator
from dashboard.transforms.budget import year_span
from dashboard.wording.formatting import format_count, format_percent, format_usd, no_data
from dashboard.wording.population_types import population_type_name

RATE_DECIMALS = 1
# Caption of the tables by pillar per measure name ("Budget" / "Expenditure"),
# with the years and without (an empty table).
BY_PILLAR_CAPTIONS = {
    "Budget": (N_("Budget by pillar per year, {years}"), N_("Budget by pillar per year")),
    "Expenditure": (
        N_("Expenditure by pillar per year, {years}"),
        N_("Expenditure by pillar per year"),
    ),
}


@dataclass(frozen=True)
class TextTable:
    """``rows`` hold display strings; the first column names the row."""

    caption: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.rows


def _caption(frame: pd.DataFrame, with_years: str, without_years: str, lang: str) -> str:
    """``with_years`` filled with the frame's year span, or ``without_years`` if it has none."""
    _ = translator(lang)
    if not len(frame):
        return _(without_years)
    return _(with_years).format(years=year_span([int(year) for year in frame["year"].unique()]))


def budget_and_expenditure_table(frame: pd.DataFrame, lang: str) -> TextTable:
    """Dataset ``budget-and-expenditure``: year, budget_usd, expenditure_usd."""
    _ = translator(lang)
    return TextTable(
        _caption(
            frame,
            N_("Budget and expenditure per year, {years}"),
            N_("Budget and expenditure per year"),
            lang,
        ),
        [_("Year"), _("Budget"), _("Expenditure")],
        [
            [
                str(int(row.year)),
                format_usd(row.budget_usd, lang),
                format_usd(row.expenditure_usd, lang),
            ]
            for row in frame.itertuples()
        ],
    )


def by_pillar_table(frame: pd.DataFrame, measure: str, measure_name: str, lang: str) -> TextTable:
    """Datasets ``budget-by-pillar`` / ``expenditure-by-pillar``: one row per year,
    one column per pillar (long rows year, pillar, pillar_name, ``measure``);
    ``measure_name`` is "Budget" or "Expenditure"."""
    _ = translator(lang)
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
        [str(year), *(format_usd(amounts.get((year, pillar)), lang) for pillar in columns)]
        for year in sorted(int(y) for y in frame["year"].unique())
    ]
    return TextTable(
        _caption(frame, *BY_PILLAR_CAPTIONS[measure_name], lang),
        [_("Year"), *(_(name) for name in pillars["pillar_name"])],
        rows,
    )


def split_table(frame: pd.DataFrame, year: int, lang: str) -> TextTable:
    """Dataset ``budget-split-by-pillar``: the year's pillars with shares and rates."""
    _ = translator(lang)
    return TextTable(
        _("Budget and expenditure by pillar, {year}").format(year=year),
        [_("Pillar"), _("Budget"), _("Expenditure"), _("Share of budget"), _("Execution rate")],
        [
            [
                _(str(row.pillar_name)),
                format_usd(row.budget_usd, lang),
                format_usd(row.expenditure_usd, lang),
                format_percent(row.budget_share_percent, RATE_DECIMALS, lang),
                format_percent(row.execution_rate_percent, RATE_DECIMALS, lang),
            ]
            for row in frame.itertuples()
        ],
    )


def people_trend_table(frame: pd.DataFrame, lang: str) -> TextTable:
    """Dataset ``people-of-concern``: year, total."""
    _ = translator(lang)
    return TextTable(
        _caption(
            frame,
            N_("People of concern per year, {years}"),
            N_("People of concern per year"),
            lang,
        ),
        [_("Year"), _("People of concern")],
        [[str(int(row.year)), format_count(row.total, lang)] for row in frame.itertuples()],
    )


def country_table(shading: pd.DataFrame, year: int, lang: str) -> TextTable:
    """``population.country_shading`` rows (in ``lang``): what the map shades, country
    by country."""
    _ = translator(lang)
    return TextTable(
        _("People of concern named per country, {year}").format(year=year),
        [_("Country"), _("People of concern"), _("Figures added up")],
        [
            [str(row.name), str(row.label), str(row.parts) or no_data(lang)]
            for row in shading.itertuples()
        ],
    )


def population_type_table(frame: pd.DataFrame, year: int, lang: str) -> TextTable:
    """Dataset ``population-by-type``: population_type, value, largest first."""
    _ = translator(lang)
    return TextTable(
        _("People of concern by population type, {year}").format(year=year),
        [_("Population type"), _("Persons")],
        [
            [population_type_name(str(row.population_type), lang), format_count(row.value, lang)]
            for row in frame.itertuples()
        ],
    )


def comparison_table(
    by_year: pd.DataFrame,
    column: str,
    caption: str,
    formatted: Callable[[float | None, str], str],
    lang: str,
) -> TextTable:
    """``comparison.comparison_by_year`` rows: one row per year, one column per
    operation (in the comparison's order) holding ``column`` as ``formatted`` writes it."""
    _ = translator(lang)
    names = dict(zip(by_year["operation_id"], by_year["name"], strict=True))
    rows = []
    for year, in_year in by_year.groupby("year", sort=True):
        figures = dict(zip(in_year["operation_id"], in_year[column], strict=True))
        cells = [figures.get(operation_id) for operation_id in names]
        rows.append(
            [str(int(year))]
            + [formatted(None if pd.isna(value) else float(value), lang) for value in cells]
        )
    return TextTable(caption, [_("Year"), *names.values()], rows)
