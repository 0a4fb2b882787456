"""Column schemas of the operation tables and the CSV reader that enforces them.

Every table is stored as a CSV file read with all cells as text, then each
column is converted by its declared kind.  The first cell that does not
convert is reported with its file, line and column, instead of a traceback
from inside pandas.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.data.errors import DataError
from dashboard.i18n import N_

PILLARS: dict[int, str] = {
    1: N_("Refugee programme"),
    2: N_("Stateless programme"),
    3: N_("Reintegration projects"),
    4: N_("IDP projects"),
}
KEY_FIGURE_KINDS = ("result", "plan")
KEY_FIGURE_UNITS = ("count", "percent")
NARRATIVE_KINDS = ("year-end", "plan")
DONOR_TYPES = ("government", "private", "other")
QUALIFIERS = ("exact", "over", "around")


def _int(text: str) -> int:
    if not text.strip().lstrip("-").isdigit():
        raise ValueError(f"'{text}' is not a whole number")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"'{text}' is not a finite number")
    return value


def _optional_float(text: str) -> float:
    return math.nan if text == "" else _float(text)


def _date(text: str) -> date:
    return date.fromisoformat(text)


def _text(text: str) -> str:
    return text


def _required_text(text: str) -> str:
    if not text.strip():
        raise ValueError("is empty")
    return text


def _iso3(text: str) -> str:
    if text and not (len(text) == 3 and text.isalpha() and text.isupper()):
        raise ValueError(f"'{text}' is not an ISO 3166 alpha-3 code")
    return text


def _choice(options: tuple) -> Callable[[str], object]:
    def convert(text: str) -> object:
        for option in options:
            if text == str(option):
                return option
        raise ValueError(f"'{text}' is not one of {', '.join(map(str, options))}")

    return convert


@dataclass(frozen=True)
class Column:
    name: str
    convert: Callable[[str], object]
    dtype: str


@dataclass(frozen=True)
class TableSchema:
    """The file name, ordered columns and unique key of one table."""

    file_name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


INT = ("int64", _int)
FLOAT = ("float64", _float)
OPTIONAL_FLOAT = ("float64", _optional_float)
TEXT = ("str", _text)
REQUIRED_TEXT = ("str", _required_text)
ISO3 = ("str", _iso3)
DATE = ("datetime64[ns]", _date)


def _col(name: str, kind: tuple[str, Callable[[str], object]]) -> Column:
    return Column(name, kind[1], kind[0])


def _choice_col(name: str, options: tuple, dtype: str = "str") -> Column:
    return Column(name, _choice(options), dtype)


BUDGET = TableSchema(
    "budget.csv",
    (
        _col("year", INT),
        _choice_col("pillar", tuple(PILLARS), "int64"),
        _col("budget_usd", OPTIONAL_FLOAT),
        _col("expenditure_usd", OPTIONAL_FLOAT),
    ),
    ("year", "pillar"),
)
BUDGET_SOURCE_TOTALS = TableSchema(
    "budget_source_totals.csv",
    (
        _col("year", INT),
        _col("budget_usd", OPTIONAL_FLOAT),
        _col("expenditure_usd", OPTIONAL_FLOAT),
    ),
    ("year",),
)
PEOPLE_OF_CONCERN = TableSchema(
    "people_of_concern.csv",
    (_col("year", INT), _col("total", INT)),
    ("year",),
)
POPULATION_BY_TYPE = TableSchema(
    "population_by_type.csv",
    (_col("year", INT), _col("population_type", REQUIRED_TEXT), _col("value", INT)),
    ("year", "population_type"),
)
POPULATION_BY_COUNTRY = TableSchema(
    "population_by_country.csv",
    (
        _col("year", INT),
        _col("country", ISO3),
        _col("population_type", REQUIRED_TEXT),
        _col("value", INT),
        _choice_col("qualifier", QUALIFIERS),
        _col("source_section", REQUIRED_TEXT),
        _col("quote", REQUIRED_TEXT),
    ),
    ("year", "country", "population_type"),
)
KEY_FIGURES = TableSchema(
    "key_figures.csv",
    (
        _col("year", INT),
        _choice_col("kind", KEY_FIGURE_KINDS),
        _col("value", FLOAT),
        _choice_col("unit", KEY_FIGURE_UNITS),
        _col("text", REQUIRED_TEXT),
        _col("country", ISO3),
    ),
    ("year", "kind", "text"),
)
CONTRIBUTIONS = TableSchema(
    "contributions.csv",
    (
        _col("date", DATE),
        _col("date_label", REQUIRED_TEXT),
        _col("donor", REQUIRED_TEXT),
        _choice_col("donor_type", DONOR_TYPES),
        _col("country", ISO3),
    ),
    (),
)

NON_NEGATIVE = {
    BUDGET.file_name: ("budget_usd", "expenditure_usd"),
    BUDGET_SOURCE_TOTALS.file_name: ("budget_usd", "expenditure_usd"),
    PEOPLE_OF_CONCERN.file_name: ("total",),
    POPULATION_BY_TYPE.file_name: ("value",),
    POPULATION_BY_COUNTRY.file_name: ("value",),
    KEY_FIGURES.file_name: ("value",),
}


def line_of(row_index: int) -> int:
    """The 1-based file line of a data row (line 1 is the header)."""
    return row_index + 2


def read_table(path: Path, schema: TableSchema) -> pd.DataFrame:
    """Read ``path`` as ``schema``: exact header, typed columns, unique key."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise DataError(path, "file is missing") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(path, f"not a readable UTF-8 CSV file ({exc})") from None
    if not rows:
        raise DataError(path, "file is empty; expected a header line", line=1)
    header, body = rows[0], rows[1:]
    if header != schema.column_names:
        raise DataError(
            path,
            f"header is {','.join(header)!r}; expected {','.join(schema.column_names)!r}",
            line=1,
        )
    values: dict[str, list[object]] = {name: [] for name in schema.column_names}
    for index, row in enumerate(body):
        if len(row) != len(header):
            raise DataError(
                path,
                f"has {len(row)} cells; expected {len(header)}",
                line=line_of(index),
            )
        for column, cell in zip(schema.columns, row, strict=True):
            try:
                values[column.name].append(column.convert(cell))
            except ValueError as exc:
                raise DataError(path, str(exc), line=line_of(index), column=column.name) from None
    frame = pd.DataFrame(
        {
            column.name: pd.Series(values[column.name], dtype=column.dtype)
            for column in schema.columns
        }
    )
    _check_non_negative(path, frame, NON_NEGATIVE.get(schema.file_name, ()))
    _check_unique(path, frame, schema.key)
    return frame


def _check_non_negative(path: Path, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    for column in columns:
        negative = frame.index[frame[column] < 0]
        if len(negative):
            row = int(negative[0])
            raise DataError(
                path,
                f"{frame[column].iloc[row]} is negative",
                line=line_of(row),
                column=column,
            )


def _check_unique(path: Path, frame: pd.DataFrame, key: tuple[str, ...]) -> None:
    if not key:
        return
    duplicated = frame.index[frame.duplicated(list(key))]
    if len(duplicated):
        row = int(duplicated[0])
        shown = ", ".join(f"{name}={frame[name].iloc[row]}" for name in key)
        raise DataError(
            path,
            f"duplicate row for {shown}",
            line=line_of(row),
            column=key[-1],
        )


def write_table(path: Path, frame: pd.DataFrame, schema: TableSchema) -> None:
    """Write ``frame`` in the stored CSV form (used by the importer)."""
    out = frame[schema.column_names].copy()
    for column in schema.columns:
        if column.dtype.startswith("datetime"):
            out[column.name] = pd.to_datetime(out[column.name]).dt.strftime("%Y-%m-%d")
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
