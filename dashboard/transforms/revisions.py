"""The figures a newer source page revised: older and newer value, with each page's report year."""

from __future__ import annotations

import pandas as pd

from dashboard.data import Operation
from dashboard.transforms.cache import per_operation

REVISED_COLUMNS = [
    "year",
    "measure",
    "old_usd",
    "old_source",
    "old_report_year",
    "new_usd",
    "new_source",
    "new_report_year",
]
# The yearly totals the budget page shows: budget_usd or expenditure_usd.
TOTALS_TABLE = "budget_source_totals"


def _amount(text: str) -> float:
    return float(text) if text else float("nan")


@per_operation
def revised_totals(operation: Operation) -> pd.DataFrame:
    """The yearly budget and expenditure totals an older page gave otherwise (``REVISED_COLUMNS``),
    by year and measure; an empty value (no figure) is NaN."""
    report_years = {page.file: page.report_year for page in operation.meta.sources}
    rows = operation.revisions[operation.revisions["table"] == TOTALS_TABLE]
    frame = pd.DataFrame(
        {
            "year": rows["year"].astype("int64"),
            "measure": rows["column"],
            "old_usd": rows["old_value"].map(_amount).astype("float64"),
            "old_source": rows["old_source"],
            "old_report_year": rows["old_source"].map(report_years).astype("int64"),
            "new_usd": rows["new_value"].map(_amount).astype("float64"),
            "new_source": rows["new_source"],
            "new_report_year": rows["new_source"].map(report_years).astype("int64"),
        },
        columns=REVISED_COLUMNS,
    )
    return frame.sort_values(["year", "measure", "old_report_year"]).reset_index(drop=True)
