"""The operations a running app serves, loaded once when the app is created.

Every operation is read and validated up front, in one batch, rather than on
first request: a broken file must stop the start-up with its file, line and
column, not fail a user's request later.  (An operation's DataFrames are cut
from the batch when first asked for; see ``LoadedOperations``.)

The loaded tables are read-only; callbacks only read them, so any number of
workers serve the same answers.  New data replaces the whole catalogue
(``serving.live_data``); a request keeps the catalogue it began with.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import flask

from dashboard.data import (
    LoadedOperations,
    Operation,
    OperationMeta,
    list_operations,
    load_operations,
)
from dashboard.data.meta_file import SOURCES_DIR
from dashboard.data.store import operations_root
from dashboard.transforms.catalogue_view import operation_named

EXTENSION = "operation_dashboard"


@dataclass(frozen=True)
class Catalogue:
    operations: LoadedOperations
    # The data folder's digest (``serving.data_version``); "" when not from a folder.
    version: str = ""
    # Where the operations were read from: their source pages are read from it when asked for.
    data_dir: Path | None = None

    @property
    def ids(self) -> list[str]:
        return list(self.operations)

    @property
    def default_id(self) -> str:
        return self.ids[0]

    @cached_property
    def years(self) -> frozenset[int]:
        """Every year of any operation."""
        return frozenset(year for op_id in self.ids for year in self.operations.meta(op_id).years)

    def meta(self, operation_id: str) -> OperationMeta:
        return self.operations.meta(operation_id)

    def named(self, text: str) -> str | None:
        """The id of the operation whose name or id ``text`` is (``operation_named``)."""
        return operation_named(text, {op_id: self.meta(op_id).name for op_id in self.ids})

    def get(self, operation_id: str | None) -> Operation:
        if operation_id in self.operations:
            return self.operations[operation_id]
        return self.operations[self.default_id]

    def source_page(self, operation_id: str, file: str) -> bytes | None:
        """The stored bytes of one of the operation's source pages, if it lists ``file``
        and the file on disk is the page its tables were built from (same SHA-256)."""
        listed = {page.file: page.sha256 for page in self.meta(operation_id).sources}
        if file not in listed:
            return None
        path = operations_root(self.data_dir) / operation_id / SOURCES_DIR / file
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        return raw if hashlib.sha256(raw).hexdigest() == listed[file] else None

    def of(self, operation_ids: tuple[str, ...]) -> list[Operation]:
        """The operations a view names (``ViewState.operation_ids``), in its order."""
        return [self.operations[operation_id] for operation_id in operation_ids]


def load_catalogue(data_dir: Path | str | None) -> Catalogue:
    """Load and validate every operation; raise on the first broken file."""
    ids = list_operations(data_dir)
    if not ids:
        raise FileNotFoundError(f"no operations found under {operations_root(data_dir)}")
    return Catalogue(load_operations(ids, data_dir), data_dir=data_dir)


def install(server: flask.Flask, catalogue: Catalogue) -> None:
    server.extensions[EXTENSION] = catalogue


def catalogue() -> Catalogue:
    """The catalogue of the app serving the current request: the one installed
    when the request first asked, so all of a request is drawn from one version."""
    pinned = flask.g.get(EXTENSION)
    if pinned is None:
        pinned = flask.g.setdefault(EXTENSION, flask.current_app.extensions[EXTENSION])
    return pinned
