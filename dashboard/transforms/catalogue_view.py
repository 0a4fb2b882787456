"""The catalogue as a reader sorts and pages it (``/operations``).

Works on ``transforms.catalogue.operations_table``: a sort on one column with
missing figures always last, and pages of ``PAGE_SIZE`` rows (the text and
country filters, which read country names, are ``wording.catalogue``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
from pandas.api.types import is_string_dtype

PAGE_SIZE = 50
DEFAULT_SORT = "name"
# ``?sort=`` names (``state.view.CATALOGUE_SORTS``) and the columns they sort by.
SORT_COLUMNS: dict[str, list[str]] = {
    "name": ["name"],
    "countries": ["countries", "name"],
    "years": ["last_year", "first_year", "name"],
    "budget": ["budget_usd"],
    "expenditure": ["expenditure_usd"],
    "rate": ["execution_rate_percent"],
    "people": ["people_of_concern"],
    "change": ["people_change_percent"],
}


def codes(countries: str) -> list[str]:
    """The ISO codes of a ``countries`` cell ("KAZ, TKM")."""
    return [code for code in countries.split(", ") if code]


def sort_operations(table: pd.DataFrame, sort: str | None) -> pd.DataFrame:
    """``sort`` is a ``SORT_COLUMNS`` name, ``-name`` for descending; rows without
    the figure come last either way, then ties keep the catalogue's order."""
    key = sort or DEFAULT_SORT
    descending = key.startswith("-")
    columns = SORT_COLUMNS[key.removeprefix("-")]
    ascending = [not descending] + [True] * (len(columns) - 1)
    return table.sort_values(
        columns,
        ascending=ascending,
        na_position="last",
        kind="stable",
        key=lambda column: column.str.casefold() if is_string_dtype(column) else column,
    )


def page_count(rows: int) -> int:
    return max(1, math.ceil(rows / PAGE_SIZE))


def page_of(table: pd.DataFrame, page: int) -> pd.DataFrame:
    """Page ``page`` (from 1) of the rows; past the last page, the last page."""
    page = min(max(page, 1), page_count(len(table)))
    return table.iloc[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]


def operation_named(text: str, names: Mapping[str, str]) -> str | None:
    """The id of the operation (``names``: id to name) whose name or id ``text``
    is, in any case and spacing; None when none is."""
    wanted = " ".join(text.split()).casefold()
    for operation_id, name in names.items():
        if wanted in (operation_id, " ".join(name.split()).casefold()):
            return operation_id
    return None
