"""What the budget views say about missing figures: gaps, years without a bar."""

from __future__ import annotations

import pandas as pd

from dashboard.data import Operation
from dashboard.i18n import translator
from dashboard.transforms.budget import data_years, data_years_of, year_span
from dashboard.transforms.cache import per_operation
from dashboard.transforms.values import is_missing


def gap_note(
    year: int, budget_usd: float | None, expenditure_usd: float | None, lang: str
) -> str | None:
    """``2021: budget only, no expenditure reported`` when one of the two is missing."""
    _ = translator(lang)
    if is_missing(expenditure_usd) and not is_missing(budget_usd):
        return _("{year}: budget only, no expenditure reported").format(year=year)
    if is_missing(budget_usd) and not is_missing(expenditure_usd):
        return _("{year}: expenditure only, no budget reported").format(year=year)
    return None


def gap_notes(totals: pd.DataFrame, lang: str) -> list[str]:
    """A gap note for every year of ``yearly_totals`` that has only one of the figures."""
    notes = (
        gap_note(int(r.year), r.budget_usd, r.expenditure_usd, lang) for r in totals.itertuples()
    )
    return [note for note in notes if note]


def no_budget_message(years: list[int], year: int, lang: str) -> str:
    """Why ``year`` has no budget figures, given the years with a figure
    (``data_years``): the source page has none at all, or none for that year."""
    _ = translator(lang)
    if not years:
        return _("No budget on the source page.")
    return _("No budget data for {year}.").format(year=year)


def no_bar_note(budget: pd.DataFrame, year: int, lang: str) -> str | None:
    """Why the selected year has no bar in the charts by year, if it has none."""
    return no_bar_note_for(data_years(budget), year, lang)


def no_bar_note_for(years: list[int], year: int, lang: str) -> str | None:
    """``no_bar_note`` given the years with a figure (``data_years``)."""
    _ = translator(lang)
    if year in years:
        return None
    if not years:
        return _(
            "{year}: no budget or expenditure reported, "
            "so no bar is highlighted in the charts by year."
        ).format(year=year)
    return _(
        "{year}: no budget or expenditure reported (figures cover {years}), "
        "so no bar is highlighted in the charts by year."
    ).format(year=year, years=year_span(years))


@per_operation
def no_bar_note_of(operation: Operation, year: int, lang: str) -> str | None:
    """``no_bar_note`` of the operation's budget, from its cached yearly totals."""
    return no_bar_note_for(data_years_of(operation), year, lang)
