"""Yearly totals of people of concern, their change on the year before, and breakdowns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

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


def trend(people_of_concern: pd.DataFrame) -> pd.DataFrame:
    """The years the data has a total for, oldest first."""
    return people_of_concern.sort_values("year").reset_index(drop=True)


def breakdown_for(population_by_type: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year's people of concern by population type, largest first."""
    rows = population_by_type[population_by_type["year"] == year]
    return rows.sort_values("value", ascending=False).reset_index(drop=True)
