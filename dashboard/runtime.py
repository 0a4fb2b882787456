"""The operations a running app serves, loaded once when the app is created.

The loaded tables are read-only; callbacks only read them, so any number of
workers serve the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import flask

from dashboard.data import Operation, list_operations, load_operation
from dashboard.data.store import operations_root

EXTENSION = "operation_dashboard"


@dataclass(frozen=True)
class Catalogue:
    operations: dict[str, Operation]

    @property
    def ids(self) -> list[str]:
        return list(self.operations)

    @property
    def default_id(self) -> str:
        return self.ids[0]

    def get(self, operation_id: str | None) -> Operation:
        if operation_id in self.operations:
            return self.operations[operation_id]
        return self.operations[self.default_id]


def load_catalogue(data_dir: Path | str | None) -> Catalogue:
    """Load and validate every operation; raise on the first broken file."""
    ids = list_operations(data_dir)
    if not ids:
        raise FileNotFoundError(f"no operations found under {operations_root(data_dir)}")
    return Catalogue({op_id: load_operation(op_id, data_dir) for op_id in ids})


def install(server: flask.Flask, catalogue: Catalogue) -> None:
    server.extensions[EXTENSION] = catalogue


def catalogue() -> Catalogue:
    """The catalogue of the app serving the current request."""
    return flask.current_app.extensions[EXTENSION]


def operation(operation_id: str | None) -> Operation:
    return catalogue().get(operation_id)
