"""The page text as numbered lines, and the error that points into it."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^\s*\u2022\s*")


class PageError(ValueError):
    """The page cannot be read; names the block and the 1-based line."""

    def __init__(self, block: str, message: str, line: int | None = None) -> None:
        self.block = block
        self.line = line
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


class Page:
    """Lines with trailing space removed and bullets split off."""

    def __init__(self, text: str) -> None:
        self.lines: list[Line] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.strip()
            bullet = bool(BULLET.match(raw))
            if bullet:
                stripped = BULLET.sub("", raw).strip()
            self.lines.append(Line(number, stripped, bullet))

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
