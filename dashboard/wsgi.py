"""WSGI entry point: ``gunicorn dashboard.wsgi:server``.

Reads the data folder from ``DASHBOARD_DATA_DIR`` (default: the shipped data).
Broken data stops the process with one line naming the file, line and column,
before any worker starts.
"""

import sys

from dashboard.app import create_app
from dashboard.data import DataError

try:
    app = create_app()
except (DataError, FileNotFoundError) as exc:
    sys.exit(f"error: cannot start: {exc}")
server = app.server
