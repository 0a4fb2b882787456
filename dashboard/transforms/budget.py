"""Budget and expenditure: yearly totals, pillar amounts, the selected year's split.

Everything is derived from the tidy ``budget`` table (year, pillar, budget_usd,
expenditure_usd; NaN = no figure).  A year or pillar whose figures are all
missing stays missing (``sum(min_count=1)``): a gap is never turned into a 0.
Sums are rounded to cents, so adding pillars does not print ``...0000003``.

The ``*_of(operation)`` functions give the same tables for a loaded
operation, computed once per operation and year (``transforms.cache``): a
year switch then reads them instead of grouping the budget again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.data import PILLARS, Operation
from dashboard.transforms.cache import per_operation
from dashboard.transforms.values import is_missing

BUDGET = "budget_usd"
EXPENDITURE = "expenditure_usd"
MEASURES = (BUDGET, EXPENDITURE)


def yearly_totals(budget: pd.DataFrame) -> pd.DataFrame:
    """One row per year with a figure: year, budget_usd, expenditure_usd (NaN = none)."""
    totals = (
        budget.groupby("year", sort=True)[list(MEASURES)]
        .sum(min_count=1)
        .round(2)
        .dropna(how="all")
        .reset_index()
    )
    return totals.astype({"year": "int64", BUDGET: "float64", EXPENDITURE: "float64"})


def data_years(budget: pd.DataFrame) -> list[int]:
    """The years that have at least one budget or expenditure figure, ascending
    (the years of ``yearly_totals``, without adding anything up)."""
    with_figure = budget[list(MEASURES)].notna().any(axis=1)
    return sorted(int(year) for year in budget.loc[with_figure, "year"].unique())


def year_span(years: list[int]) -> str:
    """``[2016, ..., 2021]`` -> ``2016–2021``; one year -> ``2016``; none -> ``""``."""
    if not years:
        return ""
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def pillars_with_data(budget: pd.DataFrame, measure: str) -> list[int]:
    """Pillars that have at least one figure for ``measure``, in pillar order."""
    present = budget.loc[budget[measure].notna(), "pillar"].unique()
    return sorted(int(pillar) for pillar in present)


def pillar_amounts(budget: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``measure`` per year and pillar, for the pillars that have data.

    Columns: year, pillar, label, amount.  Every year with any figure (budget
    or expenditure) gets a row per pillar, so a year without ``measure`` shows
    as NaN amounts - a gap on the chart, not a missing category.
    """
    years = data_years(budget)
    pillars = pillars_with_data(budget, measure)
    grid = pd.MultiIndex.from_product([years, pillars], names=["year", "pillar"])
    amounts = (
        budget.groupby(["year", "pillar"])[measure]
        .sum(min_count=1)
        .round(2)
        .reindex(grid)
        .rename("amount")
        .reset_index()
    )
    amounts.insert(2, "label", amounts["pillar"].map(PILLARS))
    return amounts.astype({"year": "int64", "pillar": "int64", "amount": "float64"})


def execution_rate(budget_usd: float | None, expenditure_usd: float | None) -> float | None:
    """Expenditure as a percentage of budget; None when either figure is missing."""
    if is_missing(budget_usd) or is_missing(expenditure_usd) or budget_usd == 0:
        return None
    return expenditure_usd / budget_usd * 100


@dataclass(frozen=True)
class YearSummary:
    """The selected year's totals; None marks a figure the source does not give."""

    year: int
    budget_usd: float | None
    expenditure_usd: float | None
    execution_rate: float | None

    @property
    def has_data(self) -> bool:
        return self.budget_usd is not None or self.expenditure_usd is not None


def year_summary(budget: pd.DataFrame, year: int) -> YearSummary:
    return summary_from_totals(yearly_totals(budget), year)


def summary_from_totals(totals: pd.DataFrame, year: int) -> YearSummary:
    """The ``YearSummary`` of ``year`` from the ``yearly_totals`` table."""
    row = totals[totals["year"] == year]
    budget_usd = _value(row[BUDGET]) if not row.empty else None
    expenditure_usd = _value(row[EXPENDITURE]) if not row.empty else None
    return YearSummary(
        year, budget_usd, expenditure_usd, execution_rate(budget_usd, expenditure_usd)
    )


def pillar_split(budget: pd.DataFrame, year: int) -> pd.DataFrame:
    """The selected year by pillar, for the pillars with a figure that year.

    Columns: pillar, label, budget_usd, expenditure_usd, budget_share (percent
    of the year's total budget) and execution_rate (percent); NaN = no figure.
    """
    rows = budget[budget["year"] == year].dropna(subset=list(MEASURES), how="all")
    split = (
        rows.groupby("pillar", sort=True)[list(MEASURES)].sum(min_count=1).round(2).reset_index()
    )
    total_budget = split[BUDGET].sum(min_count=1)
    split.insert(1, "label", split["pillar"].map(PILLARS))
    split["budget_share"] = split[BUDGET] / total_budget * 100 if total_budget else math.nan
    rates = (execution_rate(b, e) for b, e in zip(split[BUDGET], split[EXPENDITURE], strict=True))
    split["execution_rate"] = [math.nan if rate is None else rate for rate in rates]
    return split.astype(
        {
            "pillar": "int64",
            BUDGET: "float64",
            EXPENDITURE: "float64",
            "budget_share": "float64",
            "execution_rate": "float64",
        }
    )


@per_operation
def totals_of(operation: Operation) -> pd.DataFrame:
    """``yearly_totals`` of the operation's budget."""
    return yearly_totals(operation.budget)


def data_years_of(operation: Operation) -> list[int]:
    """``data_years`` of the operation's budget."""
    return [int(year) for year in totals_of(operation)["year"]]


@per_operation
def pillar_amounts_of(operation: Operation, measure: str) -> pd.DataFrame:
    """``pillar_amounts`` of the operation's budget."""
    return pillar_amounts(operation.budget, measure)


@per_operation
def year_summary_of(operation: Operation, year: int) -> YearSummary:
    """``year_summary`` of the operation's budget, from its cached yearly totals."""
    return summary_from_totals(totals_of(operation), year)


@per_operation
def pillar_split_of(operation: Operation, year: int) -> pd.DataFrame:
    """``pillar_split`` of the operation's budget."""
    return pillar_split(operation.budget, year)


def _value(column: pd.Series) -> float | None:
    value = float(column.iloc[0])
    return None if math.isnan(value) else value
