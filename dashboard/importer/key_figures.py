"""The "Key figures" block: a results list and a planning list, each under a year.

A figure is ``NUMBER text``, ``NUMBER% text`` or either with a qualifier before
the number (``>6,000``, ``<50``, ``over 1,200``, ``around 300``); the
qualifier is kept beside the number, never folded into it.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.importer.countries import countries_named_in
from dashboard.importer.numbers import FIGURE, parse_number, qualifier_of
from dashboard.importer.page import FURNITURE, Line, PageError

BLOCK = "key figures"
HEADING = re.compile(r"^Key figures\b", re.IGNORECASE)
RESULTS_HEADER = re.compile(
    r"^(?P<year>(?:19|20)\d{2})\s+(?:year-end|end-year)\s+(?:results|figures)$", re.IGNORECASE
)
PLAN_HEADER = re.compile(r"^(?P<year>(?:19|20)\d{2})\s+planning figures$", re.IGNORECASE)
COLUMNS = ["year", "kind", "qualifier", "value", "unit", "text", "country"]


def results_year(lines: list[Line]) -> int | None:
    """The year of the block's first results heading, if it has one."""
    for line in lines:
        header = RESULTS_HEADER.match(line.text)
        if header:
            return int(header["year"])
    return None


def parse_key_figures(lines: list[Line]) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    year: int | None = None
    kind: str | None = None
    for line in lines:
        if line.blank or FURNITURE.match(line.text):
            continue
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
                "qualifier": qualifier_of(figure["qualifier"]),
                "value": parse_number(figure["number"]),
                "unit": "percent" if figure["percent"] else "count",
                "text": text,
                "country": countries[0] if countries else "",
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
