"""One- or two-sentence text alternatives of the charts, built from what they plot.

Each function takes the same frame as the chart's figure builder and returns
plain text, in the interface language, for screen readers and for anyone who
prefers words to bars.  A missing figure reads "no ... reported" or "no data",
never 0.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import N_, gettext, translator
from dashboard.transforms.budget import execution_rate, year_span
from dashboard.transforms.values import is_missing
from dashboard.wording.formatting import (
    format_count,
    format_percent,
    format_usd_millions,
    no_data,
)
from dashboard.wording.population_types import population_type_name

RATE_DECIMALS = 1
# Per measure of the charts by pillar ("Budget" / "Expenditure"): opening, nothing at
# all, nothing in the selected year.  Whole sentences, so each language can agree
# its words with the measure.
STACK_MESSAGES = {
    "Budget": (
        N_("Budget by pillar per year, {years}."),
        N_("No budget reported."),
        N_("No budget reported for {year}."),
    ),
    "Expenditure": (
        N_("Expenditure by pillar per year, {years}."),
        N_("No expenditure reported."),
        N_("No expenditure reported for {year}."),
    ),
}


def _join(items: list[str], last: str) -> str:
    """``["a", "b", "c"]`` -> ``a, b and c`` (``last`` is the translated "and"/"or")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def _sum(values: pd.Series) -> float | None:
    total = values.sum(min_count=1)
    return None if is_missing(total) else round(float(total), 2)


def budget_totals_summary(totals: pd.DataFrame, selected_year: int, lang: str) -> str:
    """For ``yearly_totals`` rows: the budget's range over the years, then the selected year."""
    _ = translator(lang)
    if totals.empty:
        return _("No budget or expenditure reported.")
    span = year_span([int(year) for year in totals["year"]])
    budgets = totals.dropna(subset=["budget_usd"])
    sentences = [_("Budget and expenditure per year, {years}.").format(years=span)]
    if not budgets.empty:
        high = budgets.loc[budgets["budget_usd"].idxmax()]
        low = budgets.loc[budgets["budget_usd"].idxmin()]
        sentences = [
            _(
                "Budget and expenditure per year, {years}: the budget ranges from "
                "{low} ({low_year}) to {high} ({high_year})."
            ).format(
                years=span,
                low=format_usd_millions(low["budget_usd"], lang),
                low_year=int(low["year"]),
                high=format_usd_millions(high["budget_usd"], lang),
                high_year=int(high["year"]),
            )
        ]
    row = totals[totals["year"] == selected_year]
    if row.empty:
        sentences.append(
            _("No budget or expenditure reported for {year}.").format(year=selected_year)
        )
        return " ".join(sentences)
    budget, spent = row["budget_usd"].iloc[0], row["expenditure_usd"].iloc[0]
    sentences.append(
        _("{year}: {spending}.").format(year=selected_year, spending=_spending(budget, spent, lang))
    )
    return " ".join(sentences)


def _spent(rate: float, lang: str) -> str:
    return gettext(lang, "{rate} spent").format(rate=format_percent(rate, RATE_DECIMALS, lang))


def _spending(budget: float | None, spent: float | None, lang: str) -> str:
    """``budget USD 3.03 M, expenditure USD 2.47 M (81.5% spent)``."""
    _ = translator(lang)
    parts = [
        _("no budget reported")
        if is_missing(budget)
        else _("budget {amount}").format(amount=format_usd_millions(budget, lang)),
        _("no expenditure reported")
        if is_missing(spent)
        else _("expenditure {amount}").format(amount=format_usd_millions(spent, lang)),
    ]
    rate = execution_rate(None if is_missing(budget) else budget, spent)
    text = ", ".join(parts)
    return text if rate is None else f"{text} ({_spent(rate, lang)})"


def pillar_stack_summary(
    amounts: pd.DataFrame, measure_name: str, selected_year: int, lang: str
) -> str:
    """For ``pillar_amounts`` rows of ``measure_name`` (``Budget`` or ``Expenditure``):
    the years shown, then the selected year by pillar."""
    _ = translator(lang)
    opening_message, nothing, nothing_in_year = STACK_MESSAGES[measure_name]
    if amounts.empty:
        return _(nothing)
    years = sorted(int(year) for year in amounts["year"].unique())
    opening = _(opening_message).format(years=year_span(years))
    rows = amounts[amounts["year"] == selected_year]
    total = _sum(rows["amount"])
    if total is None:
        return f"{opening} {_(nothing_in_year).format(year=selected_year)}"
    parts = [
        f"{_(row.label)} {format_usd_millions(row.amount, lang)} "
        f"({format_percent(row.amount / total * 100, RATE_DECIMALS, lang)})"
        for row in rows.itertuples()
        if not is_missing(row.amount)
    ]
    detail = _("{year}: {total}, of which {parts}.").format(
        year=selected_year,
        total=format_usd_millions(total, lang),
        parts=_join(parts, _("and")),
    )
    return f"{opening} {detail}"


def pillar_split_summary(split: pd.DataFrame, year: int, lang: str) -> str:
    """For ``pillar_split`` rows: e.g. "Budget 2020: USD 3.03 M, of which Refugee
    programme 76.6% ...; expenditure USD 2.47 M (81.5% spent)"."""
    _ = translator(lang)
    budget, spent = _sum(split["budget_usd"]), _sum(split["expenditure_usd"])
    if budget is None and spent is None:
        return _("No budget data for {year}.").format(year=year)
    shares = [
        f"{_(row.label)} {format_percent(row.budget_share, RATE_DECIMALS, lang)}"
        for row in split.itertuples()
        if not is_missing(row.budget_share)
    ]
    opening = (
        _("Budget {year}: no budget reported").format(year=year)
        if budget is None
        else _("Budget {year}: {amount}, of which {shares}").format(
            year=year, amount=format_usd_millions(budget, lang), shares=_join(shares, _("and"))
        )
    )
    if spent is None:
        return _("{opening}; no expenditure reported.").format(opening=opening)
    rate = execution_rate(budget, spent)
    spending = _("expenditure {amount}").format(amount=format_usd_millions(spent, lang))
    if rate is not None:
        spending += f" ({_spent(rate, lang)})"
    return _("{opening}; {spending}.").format(opening=opening, spending=spending)


def trend_summary(trend: pd.DataFrame, selected_year: int, lang: str) -> str:
    """For the yearly totals of people of concern (``year``, ``total``)."""
    _ = translator(lang)
    if trend.empty:
        return _("No totals of people of concern.")
    years = [int(year) for year in trend["year"]]
    figures = [
        _("{count} in {year}").format(count=format_count(total, lang), year=int(year))
        for year, total in trend[["year", "total"]].values
    ]
    text = _("People of concern per year: {figures}.").format(figures=_join(figures, _("and")))
    if selected_year not in years:
        text += " " + _("No total for {year}.").format(year=selected_year)
    return text


def map_summary(shading: pd.DataFrame, year: int, lang: str) -> str:
    """For ``country_shading`` rows: each covered country's people of concern."""
    _ = translator(lang)
    if shading["value"].isna().all():
        return _("No country figures for {year} for {countries}.").format(
            year=year, countries=_join(list(shading["name"]), _("or"))
        )
    parts = [f"{row.name} {row.label}" for row in shading.itertuples()]
    return _("People of concern named per country, {year}: {parts}.").format(
        year=year, parts="; ".join(parts)
    )


def breakdown_summary(breakdown: pd.DataFrame, year: int, lang: str) -> str:
    """For ``breakdown_for`` rows (``population_type``, ``value``), largest first."""
    _ = translator(lang)
    if breakdown.empty:
        return _("No breakdown by population type for {year}.").format(year=year)
    parts = [
        f"{population_type_name(kind, lang)} "
        f"{no_data(lang) if is_missing(value) else format_count(value, lang)}"
        for kind, value in breakdown[["population_type", "value"]].values
    ]
    return _("People of concern by population type, {year}: {parts}.").format(
        year=year, parts="; ".join(parts)
    )
