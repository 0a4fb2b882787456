"""Rules that span tables: years in range, pillars adding up to the source totals."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.data.errors import DataError
from dashboard.data.schema import line_of

SUM_TOLERANCE_USD = 1.0


def check_years(path: Path, frame: pd.DataFrame, years: tuple[int, ...]) -> None:
    """Every ``year`` of ``frame`` must be one of the operation's years."""
    outside = frame.index[~frame["year"].isin(years)]
    if len(outside):
        row = int(outside[0])
        raise DataError(
            path,
            f"{frame['year'].iloc[row]} is outside the operation's years {min(years)}-{max(years)}",
            line=line_of(row),
            column="year",
        )


def check_pillar_sums(totals_path: Path, budget: pd.DataFrame, totals: pd.DataFrame) -> None:
    """Pillar rows of each year must add up to the totals the source stated."""
    sums = budget.groupby("year")[["budget_usd", "expenditure_usd"]].agg(
        lambda column: column.sum(min_count=1)
    )
    missing = sorted(set(budget["year"]) - set(totals["year"]))
    if missing:
        raise DataError(totals_path, f"no total for year {missing[0]}, which budget.csv has")
    for index, total in totals.iterrows():
        for column in ("budget_usd", "expenditure_usd"):
            stated = total[column]
            derived = sums[column].get(total["year"], float("nan"))
            if pd.isna(stated) and pd.isna(derived):
                continue
            if pd.isna(stated) or pd.isna(derived) or abs(stated - derived) > SUM_TOLERANCE_USD:
                raise DataError(
                    totals_path,
                    f"pillars of {total['year']} add up to {derived:.2f}, "
                    f"but the source total is {stated:.2f}",
                    line=line_of(int(index)),
                    column=column,
                )
