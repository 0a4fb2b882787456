"""Write DataFrames with pandas' own writers; notes travel beside the numbers.

A CSV stays comment-free so any spreadsheet opens it cleanly; an Excel
workbook gets a ``notes`` sheet with the source, what an empty cell means and
what each column holds; a ZIP of CSVs gets a README.txt with the same.

Only the notes follow the reader's language (``lang``).  The numbers, the values,
the column names, the sheet names and the file names stay English whatever the
language: they are machine-readable, the same as the data API answers, and the
downloads are checked byte for byte against the data.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import pandas as pd

from dashboard.data.dictionary import MISSING_NOTE, PILLAR_NOTE, TABLES
from dashboard.i18n import translator

NOTES_SHEET = "notes"


def export_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text, everything else as is."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """The same bytes in every language (see the module's docstring)."""
    return export_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


ColumnDocs = Mapping[str, Mapping[str, str]]


def notes_lines(
    source: str,
    tables: Mapping[str, pd.DataFrame],
    column_docs: ColumnDocs = TABLES,
    *,
    lang: str,
) -> list[str]:
    """Source, conventions and column definitions in ``lang``, one line each.

    ``column_docs`` holds English messages (see ``dashboard.data.dictionary``); a
    description the catalog does not know is written in English.
    """
    _ = translator(lang)
    lines = [
        _("Source: {source}").format(source=source),
        _(MISSING_NOTE),
        _(PILLAR_NOTE),
        _("Amounts are in US dollars."),
    ]
    for name, frame in tables.items():
        lines.append("")
        lines.append(_("Table {name}:").format(name=name))
        described = column_docs.get(name, {})
        for column in frame.columns:
            description = _(described[column]) if column in described else ""
            line = _("{column}: {description}").format(column=column, description=description)
            lines.append(f"  {line}".rstrip())
    return lines


def to_xlsx_bytes(
    tables: Mapping[str, pd.DataFrame],
    source: str,
    column_docs: ColumnDocs = TABLES,
    *,
    lang: str,
) -> bytes:
    """One sheet per table plus a notes sheet written in ``lang``."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in tables.items():
            export_frame(frame).to_excel(writer, sheet_name=name[:31], index=False)
        notes = pd.DataFrame({NOTES_SHEET: notes_lines(source, tables, column_docs, lang=lang)})
        notes.to_excel(writer, sheet_name=NOTES_SHEET, index=False)
    return buffer.getvalue()


def to_zip_bytes(tables: Mapping[str, pd.DataFrame], source: str, *, lang: str) -> bytes:
    """One CSV per table plus README.txt written in ``lang``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", to_csv_bytes(frame))
        readme = "\n".join(notes_lines(source, tables, lang=lang)) + "\n"
        archive.writestr("README.txt", readme)
    return buffer.getvalue()
