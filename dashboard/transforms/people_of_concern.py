"""Yearly totals of people of concern, their change on the year before, and breakdowns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from babel.numbers import get_minus_sign_symbol, get_plus_sign_symbol

from dashboard.i18n import babel_locale, translator
from dashboard.transforms.formatting import format_count, format_percent

INCREASE = "Increase"
DECREASE = "Decrease"
NO_CHANGE = "No change"


@dataclass(frozen=True)
class YearChange:
    """A year's total against the year before; ``None`` where the data has no figure."""

    year: int
    total: int | None
    previous_year: int
    previous_total: int | None

    @property
    def percent(self) -> float | None:
        """Change in percent of the previous total (unrounded)."""
        if self.total is None or not self.previous_total:
            return None
        return (self.total - self.previous_total) / self.previous_total * 100

    @property
    def direction(self) -> str | None:
        if self.total is None or self.previous_total is None:
            return None
        if self.total > self.previous_total:
            return INCREASE
        if self.total < self.previous_total:
            return DECREASE
        return NO_CHANGE


def total_for(people_of_concern: pd.DataFrame, year: int) -> int | None:
    """The total of ``year``, or None when the data has none (never 0 for missing)."""
    rows = people_of_concern.loc[people_of_concern["year"] == year, "total"]
    return None if rows.empty else int(rows.iloc[0])


def change_on_previous(people_of_concern: pd.DataFrame, year: int) -> YearChange:
    return YearChange(
        year=year,
        total=total_for(people_of_concern, year),
        previous_year=year - 1,
        previous_total=total_for(people_of_concern, year - 1),
    )


def signed_percent(value: float, lang: str) -> str:
    """``20.437`` -> ``+20.4%`` / ``+20,4 %``; ``-3.05`` -> ``-3.1%``; ``0`` -> ``0.0%``
    (a change that rounds to zero has no sign)."""
    text = format_percent(abs(value), 1, lang)
    if text == format_percent(0, 1, lang):
        return text
    locale = babel_locale(lang)
    sign = get_minus_sign_symbol(locale) if value < 0 else get_plus_sign_symbol(locale)
    return sign + text


def describe_change(change: YearChange, lang: str) -> str:
    """One sentence on the change, or why there is none to show."""
    _ = translator(lang)
    if change.total is None:
        return _("No total for {year}, so there is no change to show.").format(year=change.year)
    if change.previous_total is None:
        return _("No total for {year}, so there is nothing to compare with.").format(
            year=change.previous_year
        )
    values = {"year": change.previous_year, "total": format_count(change.previous_total, lang)}
    if change.direction == NO_CHANGE:
        return _("No change on {year} ({total}).").format(**values)
    if change.percent is None:  # up from 0: no percentage of 0
        return _("Increase on {year} ({total}).").format(**values)
    message = {
        INCREASE: _("Increase of {percent} on {year} ({total})."),
        DECREASE: _("Decrease of {percent} on {year} ({total})."),
    }[change.direction]
    return message.format(percent=signed_percent(change.percent, lang), **values)


def describe_year(people_of_concern: pd.DataFrame, year: int, lang: str) -> str:
    """``describe_change`` of ``year``, or that the source page gives no totals at all."""
    _ = translator(lang)
    if people_of_concern.empty:
        return _("No totals of people of concern on the source page.")
    return describe_change(change_on_previous(people_of_concern, year), lang)


def trend(people_of_concern: pd.DataFrame) -> pd.DataFrame:
    """The years the data has a total for, oldest first."""
    return people_of_concern.sort_values("year").reset_index(drop=True)


def breakdown_for(population_by_type: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year's people of concern by population type, largest first."""
    rows = population_by_type[population_by_type["year"] == year]
    return rows.sort_values("value", ascending=False).reset_index(drop=True)


def breakdown_empty_message(population_by_type: pd.DataFrame, year: int, lang: str) -> str:
    """Why there is no breakdown: none on the source page at all, or none for this year."""
    _ = translator(lang)
    if population_by_type.empty:
        return _("No breakdown by population type on the source page.")
    return _("No breakdown by population type for {year}.").format(year=year)
