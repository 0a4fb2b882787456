"""Public tables of an operation, optionally restricted to one year."""

from __future__ import annotations

import pandas as pd

from dashboard.data import Operation


def table_names() -> list[str]:
    return Operation.table_names()


def table_for_year(operation: Operation, name: str, year: int | None) -> pd.DataFrame:
    """Rows of table ``name`` for ``year`` (all rows when ``year`` is None).

    Contributions have a date rather than a year: the year of the date counts.
    """
    frame = operation.table(name)
    if year is None:
        return frame.reset_index(drop=True)
    years = frame["date"].dt.year if name == "contributions" else frame["year"]
    return frame[years == year].reset_index(drop=True)
