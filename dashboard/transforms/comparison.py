"""Several operations' figures side by side: the tables of ``/compare``.

Every year any of the operations covers has a row per operation; a figure an
operation does not give is missing (NA), never 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.data import Operation
from dashboard.i18n import N_
from dashboard.transforms.budget import BUDGET, EXPENDITURE, pillar_amounts_of, totals_of

# How many operations a comparison shows: fewer compares nothing, more is unreadable.
MIN_COMPARED = 2
MAX_COMPARED = 6

PILLARS = (1, 2, 3, 4)
COUNTS = ("people_of_concern", "key_figures")
IDENTITY_COLUMNS: dict[str, str] = {
    "operation_id": N_("Identifier of the operation in this dashboard."),
    "name": N_("Name of the operation, as on its Global Focus page."),
    "year": N_("Year."),
}
FIGURE_COLUMNS: dict[str, str] = {
    "budget_usd": N_("Budget of the year, all pillars, in US dollars."),
    "expenditure_usd": N_("Expenditure of the year, all pillars, in US dollars."),
    "execution_rate_percent": N_(
        "Expenditure as a percentage of budget; empty where either figure is missing."
    ),
}
PEOPLE = N_("People of concern of the year (the operation's total).")
COMPARISON_BY_YEAR_COLUMNS: dict[str, str] = {
    **IDENTITY_COLUMNS,
    **FIGURE_COLUMNS,
    "people_of_concern": PEOPLE,
    "budget_per_person_usd": N_(
        "The operation's whole budget of the year (all pillars) divided by the people "
        "of concern it reports for the year, in US dollars; empty where either is "
        "missing or the count is 0. It is not spending per person: a budget also "
        "serves other people and activities, and what the count of people of "
        "concern covers differs between operations."
    ),
}
COMPARISON_OF_YEAR_COLUMNS: dict[str, str] = {
    **IDENTITY_COLUMNS,
    **FIGURE_COLUMNS,
    # One message per pillar: the notes translate a definition as it stands, unformatted.
    "pillar_1_budget_usd": N_("Budget of pillar 1 (refugee programme) in the year, in US dollars."),
    "pillar_2_budget_usd": N_(
        "Budget of pillar 2 (stateless programme) in the year, in US dollars."
    ),
    "pillar_3_budget_usd": N_(
        "Budget of pillar 3 (reintegration projects) in the year, in US dollars."
    ),
    "pillar_4_budget_usd": N_("Budget of pillar 4 (IDP projects) in the year, in US dollars."),
    "people_of_concern": PEOPLE,
    "key_figures": N_("Number of key figures (results and planning figures) of the year."),
}


def chart_columns(column: str) -> dict[str, str]:
    """The columns of one chart's data (a ``COMPARISON_BY_YEAR_COLUMNS`` figure):
    which operation, which year, and ``column``."""
    return {**IDENTITY_COLUMNS, column: COMPARISON_BY_YEAR_COLUMNS[column]}


def rate(budget: pd.Series, expenditure: pd.Series) -> pd.Series:
    """Expenditure in percent of budget; NA where either is missing or the budget is 0
    (the rule of ``transforms.budget.execution_rate``)."""
    usable = budget.notna() & expenditure.notna() & (budget != 0)
    return (expenditure / budget * 100).where(usable).astype("Float64")


def _people(operation: Operation) -> pd.Series:
    people = operation.people_of_concern
    return pd.Series(people["total"].to_numpy(), index=people["year"].to_numpy(), dtype="Int64")


def comparison_by_year(operations: Sequence[Operation]) -> pd.DataFrame:
    """One row per operation and year (the union of their years): budget,
    expenditure, execution rate, people of concern and budget per person."""
    years = sorted({year for operation in operations for year in operation.meta.years})
    parts = []
    for operation in operations:
        totals = totals_of(operation).set_index("year").reindex(years)
        people = _people(operation).reindex(years)
        budget = totals[BUDGET].astype("Float64")
        part = pd.DataFrame(
            {
                "operation_id": operation.meta.id,
                "name": operation.meta.name,
                "year": years,
                "budget_usd": budget.to_numpy(),
                "expenditure_usd": totals[EXPENDITURE].astype("Float64").to_numpy(),
                "execution_rate_percent": rate(budget, totals[EXPENDITURE]).to_numpy(),
                "people_of_concern": people.to_numpy(),
            }
        )
        usable = part["budget_usd"].notna() & part["people_of_concern"].notna()
        usable &= part["people_of_concern"].fillna(0) > 0
        per_person = part["budget_usd"] / part["people_of_concern"].astype("Float64")
        part["budget_per_person_usd"] = per_person.where(usable)
        parts.append(part)
    return _frame(parts, COMPARISON_BY_YEAR_COLUMNS)


def comparison_of_year(operations: Sequence[Operation], year: int) -> pd.DataFrame:
    """One row per operation: the year's budget, expenditure, execution rate,
    budget per pillar, people of concern and number of key figures."""
    rows = []
    for operation in operations:
        totals = totals_of(operation).set_index("year")
        budget = totals[BUDGET].get(year)
        expenditure = totals[EXPENDITURE].get(year)
        pillars = pillar_amounts_of(operation, BUDGET)
        in_year = pillars[pillars["year"] == year].set_index("pillar")["amount"]
        rows.append(
            {
                "operation_id": operation.meta.id,
                "name": operation.meta.name,
                "year": year,
                "budget_usd": budget,
                "expenditure_usd": expenditure,
                **{f"pillar_{pillar}_budget_usd": in_year.get(pillar) for pillar in PILLARS},
                "people_of_concern": _people(operation).get(year),
                "key_figures": int((operation.key_figures["year"] == year).sum()),
            }
        )
    frame = pd.DataFrame(
        rows, columns=[c for c in COMPARISON_OF_YEAR_COLUMNS if c != "execution_rate_percent"]
    )
    money = ["budget_usd", "expenditure_usd", *(f"pillar_{p}_budget_usd" for p in PILLARS)]
    frame = frame.astype({column: "Float64" for column in money})
    frame["execution_rate_percent"] = rate(frame["budget_usd"], frame["expenditure_usd"])
    return _frame([frame], COMPARISON_OF_YEAR_COLUMNS)


def _frame(parts: list[pd.DataFrame], columns: dict[str, str]) -> pd.DataFrame:
    """The parts as one table of ``columns``: counts as Int64, amounts as Float64."""
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(columns))
    types = {
        column: "int64" if column == "year" else "Int64" if column in COUNTS else "Float64"
        for column in columns
        if column not in ("operation_id", "name")
    }
    return frame[list(columns)].astype(types)
