"""Latest contributions: the selected year's rows, the donor-type filter, totals per type.

The source lists dates and donors only (no amounts).
"""

from __future__ import annotations

import pandas as pd

ALL = "all"
GOVERNMENT = "government"
PRIVATE = "private"
OTHER = "other"
DONOR_TYPES = (GOVERNMENT, PRIVATE, OTHER)
# The values of the donor-type filter (``?donor=``); ``ALL`` keeps every row.
DONOR_FILTERS = (ALL, GOVERNMENT, PRIVATE)


def contributions_in_year(contributions: pd.DataFrame, year: int) -> pd.DataFrame:
    """Contributions dated in ``year``, newest first (source order within a date)."""
    rows = contributions[contributions["date"].dt.year == year]
    return rows.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def filter_by_type(contributions: pd.DataFrame, donor_type: str | None) -> pd.DataFrame:
    """Rows of ``donor_type``; ``all`` (or None / an unknown value) keeps every row."""
    if donor_type not in DONOR_TYPES:
        return contributions.reset_index(drop=True)
    return contributions[contributions["donor_type"] == donor_type].reset_index(drop=True)


def type_totals(contributions: pd.DataFrame) -> dict[str, int]:
    """Number of contributions per donor type, in ``DONOR_TYPES`` order, zeros left out."""
    counts = contributions["donor_type"].value_counts()
    return {kind: int(counts[kind]) for kind in DONOR_TYPES if kind in counts.index}


def years_with_contributions(contributions: pd.DataFrame) -> list[int]:
    """The years that have at least one dated contribution, ascending."""
    return sorted(int(year) for year in contributions["date"].dt.year.dropna().unique())
