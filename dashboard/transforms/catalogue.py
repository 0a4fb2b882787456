"""Every loaded operation in one table: what ``/operations`` lists.

Computed once per set of loaded operations, from the frames that hold every
operation's rows together (``LoadedOperations.batch``) rather than operation
by operation: cutting 1,000 operations' tables to list them would cost more
than the rest of the page.  A figure an operation does not give is NA, never 0.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

import pandas as pd

from dashboard.data import LoadedOperations, list_operations, load_operations
from dashboard.i18n import N_
from dashboard.transforms.comparison import rate

CATALOGUE_COLUMNS: dict[str, str] = {
    "operation_id": N_("Identifier of the operation in this dashboard."),
    "name": N_("Name of the operation, as on its Global Focus page."),
    "countries": N_("ISO 3166 alpha-3 codes of the countries the operation covers."),
    "first_year": N_("First year the operation's page covers."),
    "last_year": N_("Last year the operation's page covers."),
    "budget_year": N_("Latest year with a budget: the year of the next three columns."),
    "budget_usd": N_("Budget of that year, all pillars, in US dollars."),
    "expenditure_usd": N_("Expenditure of that year, all pillars, in US dollars."),
    "execution_rate_percent": N_(
        "Expenditure as a percentage of budget; empty where either figure is missing."
    ),
    "people_year": N_("Latest year with a total of people of concern."),
    "people_of_concern": N_("People of concern in that year (the operation's total)."),
    "people_change_percent": N_(
        "Change of the people of concern on the year before, in percent; empty where "
        "the year before has no total or a total of 0."
    ),
}

_tables: dict[int, pd.DataFrame] = {}
_lock = threading.Lock()


def operations_table(operations: LoadedOperations) -> pd.DataFrame:
    """One row per operation, in the mapping's order (``CATALOGUE_COLUMNS``).
    Callers must not change the table: it is kept while ``operations`` lives."""
    key = id(operations)
    with _lock:
        table = _tables.get(key)
        if table is None:
            table = _tables[key] = _build(operations)
            weakref.finalize(operations, _tables.pop, key, None)
    return table


def load_catalogue(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every operation of ``data_dir`` (default: the shipped data) in one table,
    sorted by id: ``operations_table`` in one call, for a notebook.  The
    table is the caller's own copy."""
    return operations_table(load_operations(list_operations(data_dir), data_dir)).copy()


def _latest(frame: pd.DataFrame, has_figure: pd.Series) -> pd.DataFrame:
    """The latest year's row per operation (``position``) among rows ``has_figure``."""
    return frame[has_figure].sort_values(["position", "year"]).groupby("position").tail(1)


def _build(operations: LoadedOperations) -> pd.DataFrame:
    ids = list(operations)
    metas = [operations.meta(operation_id) for operation_id in ids]
    table = pd.DataFrame(
        {
            "operation_id": ids,
            "name": [meta.name for meta in metas],
            "countries": [", ".join(meta.countries) for meta in metas],
            "first_year": pd.array([min(m.years, default=None) for m in metas], dtype="Int64"),
            "last_year": pd.array([max(m.years, default=None) for m in metas], dtype="Int64"),
        }
    )
    budget = operations.batch("budget")
    totals = (
        budget.frame.assign(position=budget.file_index)
        .groupby(["position", "year"])[["budget_usd", "expenditure_usd"]]
        .sum(min_count=1)
        .round(2)
        .reset_index()
    )
    latest_budget = _latest(totals, totals["budget_usd"].notna()).set_index("position")
    table["budget_year"] = latest_budget["year"].reindex(table.index).astype("Int64")
    for column in ("budget_usd", "expenditure_usd"):
        table[column] = latest_budget[column].reindex(table.index).astype("Float64")
    table["execution_rate_percent"] = rate(table["budget_usd"], table["expenditure_usd"])

    people_batch = operations.batch("people_of_concern")
    people = people_batch.frame[["year", "total"]].assign(position=people_batch.file_index)
    latest_people = _latest(people, people["total"].notna()).set_index("position")
    table["people_year"] = latest_people["year"].reindex(table.index).astype("Int64")
    table["people_of_concern"] = latest_people["total"].reindex(table.index).astype("Int64")
    before = people.assign(year=people["year"] + 1).set_index(["position", "year"])["total"]
    keys = pd.MultiIndex.from_arrays([table.index, table["people_year"].fillna(-1)])
    previous = pd.Series(before.reindex(keys).to_numpy(), index=table.index).astype("Float64")
    current = table["people_of_concern"].astype("Float64")
    change = (current - previous) / previous * 100
    table["people_change_percent"] = change.where(previous.notna() & (previous != 0))
    return table[list(CATALOGUE_COLUMNS)]
