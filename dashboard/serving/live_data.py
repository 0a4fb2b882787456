"""New data while serving: watch the data folder, validate a new version whole, swap it in.

Each serving process polls its data folder every ``DASHBOARD_DATA_POLL_SECONDS``
(default 1) with ``folder_signature`` (``os.stat`` only).  When it changed, the
whole folder is loaded and validated as at start-up, in the background, while
requests are served from the data in place.  Only a folder that loads without
a problem, and that did not change while it was read (its digest, the version,
is the same before and after), replaces the served catalogue: one assignment,
so a request sees the old catalogue or the new one, never a mix
(``runtime.catalogue`` hands a request the catalogue current when it began).

While an import is under way (its hidden staging folder is in ``operations/``)
nothing is loaded: the importer renames the old folder away and the new one
in, and between the two renames the operation would be missing.

Data that fails validation is not served: the process keeps the last good
catalogue, ``degraded`` names the file, line and column, and the log says so
once per process and problem (again only when the problem changes or is
fixed).

Under gunicorn each worker watches for itself: ``watch`` runs in
``post_worker_init`` (gunicorn.conf.py), first checking the folder before the
worker takes a request, so a worker forked after new data arrived (a crashed
or recycled one) never serves the older data the master loaded at start.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import flask

from dashboard import runtime
from dashboard.data import DataError
from dashboard.paths import default_data_dir
from dashboard.serving.data_version import folder_digest, folder_signature, import_under_way

POLL_ENV = "DASHBOARD_DATA_POLL_SECONDS"
DEFAULT_POLL_SECONDS = 1.0
EXTENSION = "live_data"
VERSION_HEADER = "X-Data-Version"
# How often start-up retries a folder that changed while it was read.
START_ATTEMPTS = 5

logger = logging.getLogger("dashboard.data")


class FolderChanged(Exception):
    """The data folder changed while it was read: read it again later."""


@dataclass(frozen=True)
class Problem:
    """Why the data folder's current files are not served."""

    file: str
    line: int | None
    column: str | None
    error: str

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


def _problem(error: Exception, data_dir: Path) -> Problem:
    if isinstance(error, DataError):
        path = error.path
        if path.is_relative_to(data_dir):
            path = path.relative_to(data_dir)
        return Problem(str(path), error.line, error.column, error.reason)
    return Problem(".", None, None, str(error).replace(str(data_dir), "<data folder>"))


def load_version(data_dir: Path) -> runtime.Catalogue:
    """Load and validate the folder; its catalogue carries the folder's digest as version.

    Raises ``FolderChanged`` when the folder changed (or an import started)
    while it was read, ``DataError`` or ``FileNotFoundError`` for broken data.
    """
    before = folder_digest(data_dir)
    catalogue = runtime.load_catalogue(data_dir)
    if import_under_way(data_dir) or folder_digest(data_dir) != before:
        raise FolderChanged(str(data_dir))
    return dataclasses.replace(catalogue, version=before)


class LiveData:
    """The data an app serves: its folder, version, and the problem keeping newer data out."""

    def __init__(self, server: flask.Flask, data_dir: Path) -> None:
        self.server = server
        self.data_dir = data_dir
        self.problem: Problem | None = None
        self.loaded_at = time.time()
        self.listeners: list[Callable[[LiveData], None]] = []
        self._signature = folder_signature(data_dir)
        self._lock = threading.Lock()
        self._watching_pid: int | None = None

    @property
    def catalogue(self) -> runtime.Catalogue:
        return self.server.extensions[runtime.EXTENSION]

    def start(self) -> None:
        """Load the folder for the first time; broken data raises (the server does not start)."""
        for _attempt in range(START_ATTEMPTS):
            self._signature = folder_signature(self.data_dir)
            try:
                runtime.install(self.server, load_version(self.data_dir))
                break
            except FolderChanged:
                time.sleep(self.poll_seconds())
        else:
            raise FolderChanged(f"{self.data_dir} kept changing while it was read")
        self.loaded_at = time.time()

    @staticmethod
    def poll_seconds() -> float:
        return float(os.environ.get(POLL_ENV, DEFAULT_POLL_SECONDS))

    def check(self) -> bool:
        """Serve the folder's data if it changed and is valid; whether the version changed."""
        with self._lock:
            signature = folder_signature(self.data_dir)
            if signature == self._signature or import_under_way(self.data_dir):
                return False
            try:
                catalogue = load_version(self.data_dir)
            except FolderChanged:
                return False
            except (DataError, FileNotFoundError) as error:
                self._signature = signature
                self._keep_serving(_problem(error, self.data_dir))
                return False
            self._signature = signature
            if self.problem is not None:
                logger.warning("data valid again (version %s)", catalogue.version)
                self.problem = None
            changed = catalogue.version != self.catalogue.version
            if changed:
                runtime.install(self.server, catalogue)
                self.loaded_at = time.time()
                logger.info(
                    "data version %s loaded: %d operations", catalogue.version, len(catalogue.ids)
                )
            for listener in self.listeners:
                listener(self)
            return changed

    def _keep_serving(self, problem: Problem) -> None:
        if problem != self.problem:
            where = problem.file
            if problem.line is not None:
                where += f", line {problem.line}"
            if problem.column is not None:
                where += f", column '{problem.column}'"
            logger.error(
                "new data not loaded, still serving version %s: %s: %s",
                self.catalogue.version,
                where,
                problem.error,
            )
        self.problem = problem
        for listener in self.listeners:
            listener(self)

    def watch(self) -> None:
        """Check the folder now, then every poll interval in a daemon thread of this process."""
        if self._watching_pid == os.getpid():
            return
        self._watching_pid = os.getpid()
        self._lock = threading.Lock()  # a fork copies a lock in whatever state it was
        self.check()
        for listener in self.listeners:
            listener(self)
        threading.Thread(target=self._poll, name="data-watch", daemon=True).start()

    def _poll(self) -> None:
        while True:
            time.sleep(self.poll_seconds())
            try:
                self.check()
            except Exception:
                logger.exception("checking the data folder failed")


def install(server: flask.Flask, data_dir: Path | str | None) -> LiveData:
    """Load the data (raises on broken data) and put the data version on every response."""
    live = LiveData(server, Path(data_dir) if data_dir is not None else default_data_dir())
    live.start()
    server.extensions[EXTENSION] = live
    server.before_request(_pin_catalogue)
    server.after_request(_version_header)
    return live


def live_data(server: flask.Flask) -> LiveData:
    return server.extensions[EXTENSION]


def watch(server: flask.Flask) -> None:
    """Watch ``server``'s data folder from this process (once per process)."""
    live_data(server).watch()


def _pin_catalogue() -> None:
    if runtime.EXTENSION in flask.current_app.extensions:
        runtime.catalogue()


def _version_header(response: flask.Response) -> flask.Response:
    if runtime.EXTENSION in flask.current_app.extensions:
        response.headers[VERSION_HEADER] = runtime.catalogue().version
    return response
