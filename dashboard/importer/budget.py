"""The budget: ``YEAR {totals} {budget by pillar} {expenditure by pillar}``.

The three JSON objects follow the year on its line or, in table renderings, stand
on the lines after it.

Figures are USD millions with ``null`` for a year without a figure.  They are
stored in US dollars rounded to cents; a pillar row exists for each year and
pillar the page gives a value for.
"""

from __future__ import annotations

import json
import math
import re

import pandas as pd

from dashboard.importer.page import Line, PageError

BLOCK = "budget"
BUDGET_LINE = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*(?P<json>\{.*)?$")
JSON_LINE = re.compile(r'^\{\s*"categories"')
PILLAR_KEYS = ("p1", "p2", "p3", "p4")


BUDGET_COLUMNS = ["year", "pillar", "budget_usd", "expenditure_usd"]
TOTALS_COLUMNS = ["year", "budget_usd", "expenditure_usd"]


def empty_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(budget, budget_source_totals)`` of a page without a usable budget."""
    return pd.DataFrame(columns=BUDGET_COLUMNS), pd.DataFrame(columns=TOTALS_COLUMNS)


def is_budget_start(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` is a budget's year, with its JSON on it or on the next line."""
    match = BUDGET_LINE.match(lines[index].text)
    if not match:
        return False
    if match["json"]:
        return True
    following = next((line for line in lines[index + 1 :] if not line.blank), None)
    return following is not None and bool(JSON_LINE.match(following.text))


def parse_budget(lines: list[Line]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return ``(budget, budget_source_totals)`` from the year line and the lines after it."""
    line = lines[0]
    match = BUDGET_LINE.match(line.text)
    if not match:
        raise PageError(BLOCK, "expected 'YEAR {json} {json} {json}'", line.number)
    objects = _decode_objects(line, match.start("json")) if match["json"] else []
    for following in lines[1:]:
        if len(objects) == 3 or not following.text.startswith("{"):
            if not following.blank:
                break
            continue
        objects.extend(_decode_objects(following, 0, len(objects)))
    if len(objects) != 3:
        raise PageError(BLOCK, f"expected 3 JSON objects, found {len(objects)}", line.number)
    totals, by_pillar_budget, by_pillar_expenditure = objects
    years = _years(totals, line)
    total_budget = _series(totals, "budget", years, line)
    total_expenditure = _series(totals, "expenditure", years, line)
    rows = []
    for key_index, key in enumerate(PILLAR_KEYS, start=1):
        budget = _pillar(by_pillar_budget, key, years, line)
        expenditure = _pillar(by_pillar_expenditure, key, years, line)
        for year, amount, spent in zip(years, budget, expenditure, strict=True):
            if not (math.isnan(amount) and math.isnan(spent)):
                rows.append(
                    {
                        "year": year,
                        "pillar": key_index,
                        "budget_usd": amount,
                        "expenditure_usd": spent,
                    }
                )
    budget_table = pd.DataFrame(rows, columns=BUDGET_COLUMNS)
    totals_table = pd.DataFrame(
        {"year": years, "budget_usd": total_budget, "expenditure_usd": total_expenditure}
    )
    return budget_table.sort_values(["year", "pillar"]), totals_table


def _decode_objects(line: Line, start: int, before: int = 0) -> list[dict]:
    """The JSON objects of ``line`` from ``start``; ``before`` objects came on earlier lines."""
    decoder = json.JSONDecoder()
    text, position, objects = line.text, start, []
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise PageError(
                BLOCK,
                f"JSON object {before + len(objects) + 1} is truncated or malformed "
                f"({exc.msg} at column {exc.colno})",
                line.number,
            ) from None
        if not isinstance(value, dict):
            raise PageError(
                BLOCK, f"JSON value {before + len(objects) + 1} is not an object", line.number
            )
        objects.append(value)
        while position < len(text) and text[position].isspace():
            position += 1
    return objects


def _years(totals: dict, line: Line) -> list[int]:
    years = totals.get("categories")
    if not (
        isinstance(years, list)
        and years
        and all(isinstance(y, int) and not isinstance(y, bool) for y in years)
    ):
        raise PageError(BLOCK, "'categories' must be a non-empty list of years", line.number)
    if len(set(years)) != len(years):
        raise PageError(BLOCK, "'categories' repeats a year", line.number)
    return years


def _series(data: dict, key: str, years: list[int], line: Line) -> list[float]:
    """Values of ``data[key]`` in USD; NaN for null."""
    if data.get("categories", years) != years:
        raise PageError(BLOCK, "the JSON objects cover different years", line.number)
    values = data.get(key)
    if not isinstance(values, list) or len(values) != len(years):
        raise PageError(BLOCK, f"'{key}' must list one value per year ({len(years)})", line.number)
    dollars = []
    for value in values:
        if value is None:
            dollars.append(math.nan)
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise PageError(BLOCK, f"'{key}' holds {value!r}, not an amount", line.number)
        dollars.append(round(value * 1_000_000, 2))
    return dollars


def _pillar(data: dict, key: str, years: list[int], line: Line) -> list[float]:
    if key not in data:
        return [math.nan] * len(years)
    return _series(data, key, years, line)
