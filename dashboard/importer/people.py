"""The "People of Concern" block: yearly totals and an optional breakdown by type."""

from __future__ import annotations

import json
import re

import pandas as pd

from dashboard.importer.numbers import YEAR_TOTAL, parse_number
from dashboard.importer.page import CHART_END, FURNITURE, Line, PageError

BLOCK = "people of concern"
HEADING = re.compile(r"^People of Concern", re.IGNORECASE)
# The change on the year before, as the page's chart header prints it.
IGNORED = re.compile(r"^(?:Increase in|Decrease in|\d{4}|\d+(?:\.\d+)?%)$", re.IGNORECASE)


PEOPLE_COLUMNS = ["year", "total"]
BY_TYPE_COLUMNS = ["year", "population_type", "value"]


def empty_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(people_of_concern, population_by_type)`` of a page without them."""
    return pd.DataFrame(columns=PEOPLE_COLUMNS), pd.DataFrame(columns=BY_TYPE_COLUMNS)


def parse_people(lines: list[Line], operation_name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(people_of_concern, population_by_type)``; the block ends with its chart."""
    totals: list[dict[str, int]] = []
    breakdown: list[list[object]] | None = None
    breakdown_line = 0
    for line in lines:
        text = line.text
        if totals and CHART_END.match(text):
            break
        if line.blank or IGNORED.match(text) or FURNITURE.match(text) or text == operation_name:
            continue
        total = YEAR_TOTAL.match(text)
        if total:
            totals.append({"year": int(total["year"]), "total": int(parse_number(total["number"]))})
        elif text.startswith("["):
            breakdown, breakdown_line = _breakdown(text, line.number), line.number
        else:
            raise PageError(BLOCK, f"cannot read {text[:60]!r}", line.number)
    if not totals:
        raise PageError(BLOCK, "no 'YEAR NUMBER' totals found", lines[0].number if lines else None)
    people = pd.DataFrame(totals, columns=PEOPLE_COLUMNS).sort_values("year")
    if people["year"].duplicated().any():
        raise PageError(BLOCK, "a year has two totals", lines[0].number)
    by_type = pd.DataFrame(
        [
            {"year": int(people["year"].max()), "population_type": name, "value": value}
            for name, value in (breakdown or [])
        ],
        columns=BY_TYPE_COLUMNS,
    )
    if by_type["population_type"].duplicated().any():
        raise PageError(BLOCK, "the breakdown names a population type twice", breakdown_line)
    return people.reset_index(drop=True), by_type


def _breakdown(text: str, number: int) -> list[list[object]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PageError(
            BLOCK, f"breakdown is not valid JSON ({exc.msg} at column {exc.colno})", number
        ) from None
    valid = isinstance(data, list) and all(
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and isinstance(item[1], int)
        and not isinstance(item[1], bool)
        and item[1] >= 0
        for item in data
    )
    if not valid:
        raise PageError(BLOCK, "breakdown must be a list of [type, count] pairs", number)
    return data
