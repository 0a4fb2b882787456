"""One- or two-sentence text alternatives of the charts, built from what they plot.

Each function takes the same frame as the chart's figure builder and returns
plain text for screen readers and for anyone who prefers words to bars.  A
missing figure reads "no ... reported" or "no data", never 0.
"""

from __future__ import annotations

import pandas as pd

from dashboard.transforms.budget import execution_rate, year_span
from dashboard.transforms.formatting import (
    NO_DATA,
    format_count,
    format_percent,
    format_usd_millions,
    is_missing,
)

RATE_DECIMALS = 1


def _and(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sum(values: pd.Series) -> float | None:
    total = values.sum(min_count=1)
    return None if is_missing(total) else round(float(total), 2)


def budget_totals_summary(totals: pd.DataFrame, selected_year: int) -> str:
    """For ``yearly_totals`` rows: the budget's range over the years, then the selected year."""
    if totals.empty:
        return "No budget or expenditure reported."
    years = [int(year) for year in totals["year"]]
    budgets = totals.dropna(subset=["budget_usd"])
    sentences = [f"Budget and expenditure per year, {year_span(years)}."]
    if not budgets.empty:
        high = budgets.loc[budgets["budget_usd"].idxmax()]
        low = budgets.loc[budgets["budget_usd"].idxmin()]
        sentences = [
            f"Budget and expenditure per year, {year_span(years)}: the budget ranges from "
            f"{format_usd_millions(low['budget_usd'])} ({int(low['year'])}) to "
            f"{format_usd_millions(high['budget_usd'])} ({int(high['year'])})."
        ]
    row = totals[totals["year"] == selected_year]
    if row.empty:
        sentences.append(f"No budget or expenditure reported for {selected_year}.")
        return " ".join(sentences)
    budget, spent = row["budget_usd"].iloc[0], row["expenditure_usd"].iloc[0]
    sentences.append(f"{selected_year}: {_spending(budget, spent)}.")
    return " ".join(sentences)


def _spending(budget: float | None, spent: float | None) -> str:
    """``budget USD 3.03 M, expenditure USD 2.47 M (81.5% spent)``."""
    parts = [
        "no budget reported" if is_missing(budget) else f"budget {format_usd_millions(budget)}",
        "no expenditure reported"
        if is_missing(spent)
        else f"expenditure {format_usd_millions(spent)}",
    ]
    rate = execution_rate(None if is_missing(budget) else budget, spent)
    text = ", ".join(parts)
    return text if rate is None else f"{text} ({format_percent(rate, RATE_DECIMALS)} spent)"


def pillar_stack_summary(amounts: pd.DataFrame, measure_name: str, selected_year: int) -> str:
    """For ``pillar_amounts`` rows: the years shown, then the selected year by pillar."""
    measure = measure_name.lower()
    if amounts.empty:
        return f"No {measure} reported."
    years = sorted(int(year) for year in amounts["year"].unique())
    opening = f"{measure_name} by pillar per year, {year_span(years)}."
    rows = amounts[amounts["year"] == selected_year]
    total = _sum(rows["amount"])
    if total is None:
        return f"{opening} No {measure} reported for {selected_year}."
    parts = [
        f"{row.label} {format_usd_millions(row.amount)} "
        f"({format_percent(row.amount / total * 100, RATE_DECIMALS)})"
        for row in rows.itertuples()
        if not is_missing(row.amount)
    ]
    return f"{opening} {selected_year}: {format_usd_millions(total)}, of which {_and(parts)}."


def pillar_split_summary(split: pd.DataFrame, year: int) -> str:
    """For ``pillar_split`` rows: e.g. "Budget 2020: USD 3.03 M, of which Refugee
    programme 76.6% ...; expenditure USD 2.47 M (81.5% spent)"."""
    budget, spent = _sum(split["budget_usd"]), _sum(split["expenditure_usd"])
    if budget is None and spent is None:
        return f"No budget data for {year}."
    shares = [
        f"{row.label} {format_percent(row.budget_share, RATE_DECIMALS)}"
        for row in split.itertuples()
        if not is_missing(row.budget_share)
    ]
    opening = (
        f"Budget {year}: no budget reported"
        if budget is None
        else f"Budget {year}: {format_usd_millions(budget)}, of which {_and(shares)}"
    )
    if spent is None:
        return f"{opening}; no expenditure reported."
    rate = execution_rate(budget, spent)
    spending = f"expenditure {format_usd_millions(spent)}"
    if rate is not None:
        spending += f" ({format_percent(rate, RATE_DECIMALS)} spent)"
    return f"{opening}; {spending}."


def trend_summary(trend: pd.DataFrame, selected_year: int) -> str:
    """For the yearly totals of people of concern (``year``, ``total``)."""
    if trend.empty:
        return "No totals of people of concern."
    years = [int(year) for year in trend["year"]]
    figures = [
        f"{format_count(total)} in {int(year)}" for year, total in trend[["year", "total"]].values
    ]
    text = f"People of concern per year: {_and(figures)}."
    if selected_year not in years:
        text += f" No total for {selected_year}."
    return text


def map_summary(shading: pd.DataFrame, year: int) -> str:
    """For ``country_shading`` rows: each covered country's people of concern."""
    if shading["value"].isna().all():
        return f"No country figures for {year} for {_or(list(shading['name']))}."
    parts = [f"{row.name} {row.label}" for row in shading.itertuples()]
    return f"People of concern named per country, {year}: {'; '.join(parts)}."


def _or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def breakdown_summary(breakdown: pd.DataFrame, year: int) -> str:
    """For ``breakdown_for`` rows (``population_type``, ``value``), largest first."""
    if breakdown.empty:
        return f"No breakdown by population type for {year}."
    parts = [
        f"{kind} {NO_DATA if is_missing(value) else format_count(value)}"
        for kind, value in breakdown[["population_type", "value"]].values
    ]
    return f"People of concern by population type, {year}: {'; '.join(parts)}."
