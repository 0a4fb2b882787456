"""The page text as numbered lines, and the error that points into it.

Real pages come in several renderings of the same content.  Lines are
normalised here so the block readers see one shape:

- bullets are ``•`` or, in table renderings, ``-`` / ``*`` followed by a space;
- a table row (``300 | legal counselling ... |``) becomes its cells joined by a
  space (``300 legal counselling ...``); a separator row (``|---|---|``) is blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^\s*(?:\u2022|[-*](?=\s))\s*")
_SEPARATOR_ROW = re.compile(r"^[\s|:\-]*$")


class PageError(ValueError):
    """The page cannot be read; names the block and the 1-based line."""

    def __init__(self, block: str, message: str, line: int | None = None) -> None:
        self.block = block
        self.line = line
        self.reason = message
        where = f"line {line}, " if line is not None else ""
        super().__init__(f"{where}{block}: {message}")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    bullet: bool

    @property
    def blank(self) -> bool:
        return not self.text


def _table_cells(text: str) -> str:
    """A table row's cells joined by a space; other text as it is."""
    if not (text.startswith("|") or text.endswith("|")):
        return text
    if _SEPARATOR_ROW.match(text):
        return ""
    cells = (cell.strip() for cell in text.strip("|").split("|"))
    return " ".join(cell for cell in cells if cell)


class Page:
    """Lines with surrounding space removed, bullets split off and table rows flattened."""

    def __init__(self, text: str) -> None:
        self.lines: list[Line] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            bullet = BULLET.match(raw)
            stripped = raw[bullet.end() :] if bullet else raw
            self.lines.append(Line(number, _table_cells(stripped.strip()), bool(bullet)))

    def __len__(self) -> int:
        return len(self.lines)

    def find(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> int | None:
        """Index of the first line in ``[start, end)`` whose text matches."""
        stop = len(self.lines) if end is None else end
        for index in range(start, stop):
            if pattern.search(self.lines[index].text):
                return index
        return None

    def between(self, start: int, end: int) -> list[Line]:
        return self.lines[start:end]

    def next_text(self, index: int) -> int | None:
        """Index of the first non-blank line after ``index``."""
        for following in range(index + 1, len(self.lines)):
            if not self.lines[following].blank:
                return following
        return None


def unread(block: str, lines: list[Line]) -> list[PageError]:
    """One problem per run of consecutive lines that no reader could place."""
    problems = []
    runs: list[list[Line]] = []
    for line in lines:
        if runs and line.number - runs[-1][-1].number <= 2:
            runs[-1].append(line)
        else:
            runs.append([line])
    for run in runs:
        first, last = run[0], run[-1]
        quote = repr(first.text[:40])
        message = (
            f"lines {first.number}-{last.number} ({quote} ...) belong to no block"
            if last is not first
            else f"{quote} belongs to no block"
        )
        problems.append(PageError(block, message, first.number))
    return problems


# The line that closes a chart on the page.
CHART_END = re.compile(r"^Loading\s*\.*$", re.IGNORECASE)
# Page furniture: loading notes, links, tabs and chart headings that carry no data.
FURNITURE = re.compile(
    r"^(?:Loading\s*\.*|<\s*Back|Choose a year|Year-end Overview|Plan Overview"
    r"|Budgets? and Expenditures? for\b.*|Latest Updates and Related Links"
    r"|By clicking on the icons on the map\b.*|Latest update of camps and office locations\b.*)$",
    re.IGNORECASE,
)
# An opening paragraph: words that do not start with a figure and end like a sentence.
PROSE = re.compile(r"^\D.*\s\S+\s\S+\s.*[.!?)]$")
