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


class Problems:
    """The first problem of each operation in a batch loaded together.

    Operations are validated together, one rule at a time over all of them (a
    rule over 1,000 operations is one pandas call, not 1,000).  The rules run in
    the order a single operation is checked in, and each operation keeps only
    the first problem found for it, so the error raised is the one loading the
    operations one by one would raise: that of the first broken operation, at
    its first broken file, line and column.
    """

    def __init__(self) -> None:
        self._first: dict[int, DataError] = {}

    def add(self, operation: int, error: DataError) -> None:
        """Record ``error`` for the ``operation``-th operation unless it already has one."""
        self._first.setdefault(operation, error)

    def raise_first(self) -> None:
        """Raise the problem of the first operation that has one."""
        if self._first:
            raise self._first[min(self._first)]
