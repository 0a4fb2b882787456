"""An operation's tables from every source page it has: the newer page wins, key by key.

Global Focus shows an operation as of one report year; its pages of several
years overlap.  For each table, a row's key (``TABLE_KEYS``) decides which page
gives it: the page with the latest report year that has the key.  Older pages
add the keys the newer ones lack.  Where an older page gives another value for
a key a newer page also gives, the older value is kept in ``revisions``.

The result depends on the set of pages only, never on the order they were
imported in: pages are taken newest report year first, and an operation never
holds two pages of one report year (the importer refuses the second).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

import numpy as np
import pandas as pd

from dashboard.data.schema import REVISIONS
from dashboard.importer.parse import ParsedPage

# The key of each table: a row's key picks the page its values come from.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "budget": ("year", "pillar"),
    "budget_source_totals": ("year",),
    "people_of_concern": ("year",),
    "population_by_type": ("year", "population_type"),
    "key_figures": ("year", "kind", "text"),
    "narratives": ("year", "kind", "section"),
    "contributions": ("date", "donor", "country"),
}
# How merged rows are ordered (stable, so a page's own order stays within a key).
_ORDER: dict[str, tuple[list[str], bool]] = {
    "budget": (["year", "pillar"], True),
    "contributions": (["date"], False),
    "narratives": ([], True),
}


@dataclass(frozen=True)
class Source:
    """A source page as stored: its file name and bytes, and what was read from it."""

    file: str
    raw: bytes
    page: ParsedPage

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @property
    def report_year(self) -> int:
        return self.page.report_year


def narrative_frame(page: ParsedPage) -> pd.DataFrame:
    """The page's narrative sections as rows: year, kind, section, body (page order)."""
    rows = [
        (year, kind, section, body)
        for (year, kind), sections in sorted(page.narratives.items())
        for section, body in sections
    ]
    return pd.DataFrame(rows, columns=["year", "kind", "section", "body"]).astype(
        {"year": "int64", "kind": "str", "section": "str", "body": "str"}
    )


def _table(page: ParsedPage, name: str) -> pd.DataFrame:
    return narrative_frame(page) if name == "narratives" else getattr(page, name)


def _text(value: object) -> str:
    """A value as the CSV files write it ("" for no value)."""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _key_text(names: tuple[str, ...], key: tuple[Hashable, ...]) -> str:
    return ", ".join(f"{name}={_text(value)}" for name, value in zip(names, key, strict=True))


def _year_of(names: tuple[str, ...], key: tuple[Hashable, ...]) -> int:
    value = dict(zip(names, key, strict=True)).get("year", key[0])
    return value.year if isinstance(value, date) else int(value)


def merge_table(name: str, sources: list[Source]) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """The table of ``sources`` (newest first) merged key by key, and the older values
    that differ from the kept ones (rows of ``revisions``)."""
    key = TABLE_KEYS[name]
    kept: list[pd.DataFrame] = []
    winners: dict[tuple[Hashable, ...], tuple[str, dict[str, object]]] = {}
    revisions: list[dict[str, object]] = []
    for source in sources:
        frame = _table(source.page, name).assign(source=source.file)
        records = frame.to_dict("records")
        keys = [tuple(record[column] for column in key) for record in records]
        is_new = [row_key not in winners for row_key in keys]
        for row_key, record, new in zip(keys, records, is_new, strict=True):
            if not new:
                revisions.extend(_revised(name, key, row_key, record, *winners[row_key]))
        for row_key, record, new in zip(keys, records, is_new, strict=True):
            if new:
                winners.setdefault(row_key, (source.file, record))
        kept.append(frame[np.array(is_new, dtype=bool)])
    merged = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame()
    columns, ascending = _ORDER.get(name, (["year"], True))
    if columns:
        merged = merged.sort_values(columns, ascending=ascending, kind="stable")
    return merged.reset_index(drop=True), revisions


def _revised(
    table: str,
    key: tuple[str, ...],
    row_key: tuple[Hashable, ...],
    old: dict[str, object],
    new_source: str,
    new: dict[str, object],
) -> list[dict[str, object]]:
    """One revision per value column where ``old`` (an older page's row) differs from ``new``."""
    found = []
    for column, old_value in old.items():
        if column in key or column == "source":
            continue
        old_text, new_text = _text(old_value), _text(new[column])
        if old_text != new_text:
            found.append(
                {
                    "table": table,
                    "year": _year_of(key, row_key),
                    "key": _key_text(key, row_key),
                    "column": column,
                    "old_value": old_text,
                    "old_source": old["source"],
                    "new_value": new_text,
                    "new_source": new_source,
                }
            )
    return found


@dataclass(frozen=True)
class History:
    """An operation's tables merged from its source pages (``sources``, newest first)."""

    sources: tuple[Source, ...]

    @classmethod
    def of(cls, sources: list[Source]) -> History:
        if not sources:
            raise ValueError("an operation needs at least one source page")
        return cls(tuple(sorted(sources, key=lambda source: -source.report_year)))

    @cached_property
    def _merged(self) -> dict[str, tuple[pd.DataFrame, list[dict[str, object]]]]:
        return {name: merge_table(name, list(self.sources)) for name in TABLE_KEYS}

    def table(self, name: str) -> pd.DataFrame:
        """A merged table (``TABLE_KEYS``), each row with the ``source`` it comes from."""
        return self._merged[name][0]

    @cached_property
    def revisions(self) -> pd.DataFrame:
        rows = [row for _frame, found in self._merged.values() for row in found]
        frame = pd.DataFrame(rows, columns=REVISIONS.column_names)
        return frame.sort_values(["table", "year", "key", "column", "old_source"]).reset_index(
            drop=True
        )

    @property
    def newest(self) -> ParsedPage:
        return self.sources[0].page

    @property
    def location(self) -> dict[str, float] | None:
        """The map location of the newest page that has one."""
        return next((s.page.location for s in self.sources if s.page.location), None)

    def _first(self, field: str) -> str:
        """The newest page's non-empty ``field`` ("" when no page has one)."""
        return next((getattr(s.page, field) for s in self.sources if getattr(s.page, field)), "")

    def rows_from(self, file: str) -> dict[str, int]:
        """How many rows of each table come from the source page ``file``."""
        return {name: int((self.table(name)["source"] == file).sum()) for name in TABLE_KEYS}

    def meta(self, operation_id: str) -> dict[str, object]:
        """The content of ``operation.json``."""
        newest = self.newest
        added = {c for s in self.sources[1:] for c in s.page.countries} - set(newest.countries)
        years = sorted({year for source in self.sources for year in source.page.years})
        return {
            "id": operation_id,
            "name": newest.name,
            "description": self._first("description"),
            "countries": [*newest.countries, *sorted(added)],
            "years": years,
            "report_year": newest.report_year,
            "source": f"UNHCR Global Focus, {newest.name}",
            "map_disclaimer": self._first("map_disclaimer"),
            "sources": [
                {
                    "file": source.file,
                    "sha256": source.sha256,
                    "report_year": source.report_year,
                    "rows": self.rows_from(source.file),
                    "skipped": [
                        {"block": error.block, "line": error.line, "reason": error.reason}
                        for error in source.page.skipped
                    ],
                }
                for source in self.sources
            ],
        }
