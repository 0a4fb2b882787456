"""Write DataFrames with pandas' own writers; notes travel beside the numbers.

A CSV stays comment-free so any spreadsheet opens it cleanly; an Excel
workbook gets a ``notes`` sheet with the source, what an empty cell means and
what each column holds; a ZIP of CSVs gets a README.txt with the same.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import pandas as pd

from dashboard.data.dictionary import MISSING_NOTE, PILLAR_NOTE, TABLES

NOTES_SHEET = "notes"


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text, everything else as is."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    return export_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


ColumnDocs = Mapping[str, Mapping[str, str]]


def notes_lines(
    source: str, tables: Mapping[str, pd.DataFrame], column_docs: ColumnDocs = TABLES
) -> list[str]:
    """Source, conventions and column definitions, one line each."""
    lines = [f"Source: {source}", MISSING_NOTE, PILLAR_NOTE, "Amounts are in US dollars."]
    for name, frame in tables.items():
        lines.append("")
        lines.append(f"Table {name}:")
        described = column_docs.get(name, {})
        for column in frame.columns:
            lines.append(f"  {column}: {described.get(column, '')}".rstrip())
    return lines


def to_xlsx_bytes(
    tables: Mapping[str, pd.DataFrame], source: str, column_docs: ColumnDocs = TABLES
) -> bytes:
    """One sheet per table plus a notes sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables.items():
            export_frame(frame).to_excel(writer, sheet_name=name[:31], index=False)
        notes = pd.DataFrame({"notes": notes_lines(source, tables, column_docs)})
        notes.to_excel(writer, sheet_name=NOTES_SHEET, index=False)
    return buffer.getvalue()


def to_zip_bytes(tables: Mapping[str, pd.DataFrame], source: str) -> bytes:
    """One CSV per table plus README.txt."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", to_csv_bytes(frame))
        archive.writestr("README.txt", "\n".join(notes_lines(source, tables)) + "\n")
    return buffer.getvalue()
