"""Errors raised by the data layer."""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """A data file is missing, unreadable or breaks a validation rule.

    The message names the file and, where there is one, the line and column of
    the first problem, so a person can open the file and fix it.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.reason = message
        where = str(self.path)
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")


class OperationNotFound(LookupError):
    """No operation with that id exists in the data folder."""
