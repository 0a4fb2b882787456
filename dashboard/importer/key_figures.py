"""The "Key figures" block: a results list and a planning list, each under a year."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.importer.countries import countries_named_in
from dashboard.importer.numbers import FIGURE, parse_number
from dashboard.importer.page import Line, PageError

BLOCK = "key figures"
RESULTS_HEADER = re.compile(
    r"^(?P<year>\d{4})\s+(?:year-end results|year-end figures|end-year results)$", re.IGNORECASE
)
PLAN_HEADER = re.compile(r"^(?P<year>\d{4})\s+planning figures$", re.IGNORECASE)
COLUMNS = ["year", "kind", "value", "unit", "text", "country"]


def parse_key_figures(lines: list[Line]) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    year: int | None = None
    kind: str | None = None
    for line in lines:
        if line.blank:
            continue
        if "|" in line.text:
            raise PageError(
                BLOCK,
                "figures are rendered as a pipe table, which carries no usable list",
                line.number,
            )
        header = RESULTS_HEADER.match(line.text) or PLAN_HEADER.match(line.text)
        if header:
            year = int(header["year"])
            kind = "result" if header.re is RESULTS_HEADER else "plan"
            continue
        figure = FIGURE.match(line.text)
        if not figure:
            raise PageError(BLOCK, f"cannot read {line.text[:60]!r} as 'NUMBER text'", line.number)
        if year is None:
            raise PageError(
                BLOCK, "a figure comes before any results or planning heading", line.number
            )
        text = figure["text"].strip()
        countries = countries_named_in(text)
        rows.append(
            {
                "year": year,
                "kind": kind,
                "value": parse_number(figure["number"]),
                "unit": "percent" if figure["percent"] else "count",
                "text": text,
                "country": countries[0] if countries else "",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
