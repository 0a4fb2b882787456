"""Narrative sections stored as Markdown: one file per year and kind.

``narratives/2020-year-end.md`` holds the sections of the 2020 year-end report
in page order, each introduced by a ``## Heading`` line.  A body line that would
itself start with ``#`` is stored with a leading backslash, so it stays text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from dashboard.data.batch import TableBatch
from dashboard.data.errors import DataError, Problems
from dashboard.data.file_bytes import read_bytes
from dashboard.data.schema import NARRATIVE_KINDS

NARRATIVES_DIR = "narratives"
NARRATIVE_COLUMNS = ["year", "kind", "section", "order", "body"]
_FILE_NAME = re.compile(r"^(?P<year>\d{4})-(?P<kind>[a-z-]+)\.md$")
_HEADING = "## "


def narrative_file_name(year: int, kind: str) -> str:
    return f"{year}-{kind}.md"


def render_narrative_file(sections: list[tuple[str, str]]) -> str:
    """The Markdown text of one file from ``(section, body)`` pairs."""
    blocks = [f"{_HEADING}{section}\n\n{body.strip()}\n" for section, body in sections]
    return "\n".join(blocks)


def read_narratives(folders: list[Path], problems: Problems) -> TableBatch:
    """All sections of every narrative file, one folder per operation, as one table.

    A folder's first broken file goes to ``problems`` (folder ``i`` is operation
    ``i``) and the folder then contributes no sections.
    """
    rows: list[dict[str, object]] = []
    counts = []
    for index, folder in enumerate(folders):
        sections: list[dict[str, object]] = []
        try:
            for name in _file_names(folder):
                sections.extend(_read_one(folder, name))
        except DataError as error:
            problems.add(index, error)
            sections = []
        rows.extend(sections)
        counts.append(len(sections))
    frame = pd.DataFrame(rows, columns=NARRATIVE_COLUMNS).astype(
        {"year": "int64", "order": "int64", "kind": "str", "section": "str", "body": "str"}
    )
    return TableBatch(folders, frame, counts)


def _file_names(folder: Path) -> list[str]:
    """The names in ``folder`` in order, none if it is missing (an operation with no reports).

    Hidden names (``.DS_Store``, ``.ipynb_checkpoints``), which file browsers and
    notebooks leave behind, are not reports and are skipped.
    """
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(name for name in names if not name.startswith("."))


def _read_one(folder: Path, name: str) -> list[dict[str, object]]:
    """The sections of one file, in order; a ``DataError`` at its first problem, by line."""
    match = _FILE_NAME.match(name)
    if not match or match["kind"] not in NARRATIVE_KINDS:
        raise DataError(
            folder / name,
            f"file name must be YEAR-KIND.md with KIND one of {', '.join(NARRATIVE_KINDS)}",
        )
    try:
        # Bytes, then decode: text mode costs a third more over 16,000 files; same lines.
        lines = read_bytes(os.path.join(folder, name)).decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DataError(folder / name, f"not UTF-8 text ({exc})") from None
    except OSError as exc:
        raise DataError(folder / name, f"cannot be read ({exc.strerror})") from None
    headings = [number for number, line in enumerate(lines) if line.startswith(_HEADING)]
    for number in range(headings[0] if headings else len(lines)):
        if lines[number].strip():
            raise DataError(
                folder / name, "text before the first '## ' section heading", line=number + 1
            )
    if not headings:
        raise DataError(folder / name, "holds no '## ' section")
    rows: list[dict[str, object]] = []
    ends = [*headings[1:], len(lines)]
    for order, (heading, end) in enumerate(zip(headings, ends, strict=True), start=1):
        section = lines[heading][len(_HEADING) :].strip()
        if not section:
            raise DataError(folder / name, "section heading is empty", line=heading + 1)
        body = "\n".join(lines[heading + 1 : end]).strip()
        if not body:
            raise DataError(folder / name, f"section '{section}' has no text")
        rows.append(
            {
                "year": int(match["year"]),
                "kind": match["kind"],
                "section": section,
                "order": order,
                "body": body,
            }
        )
    return rows
