"""WSGI entry point: ``gunicorn dashboard.wsgi:server``.

Reads the data folder from ``DASHBOARD_DATA_DIR`` (default: the shipped data).
Broken data stops the process with one line naming the file, line and column,
before any worker starts.
"""

import sys

from dashboard.app import create_app
from dashboard.data import DataError
from dashboard.serving.health import HEALTH_PATH

try:
    app = create_app()
except (DataError, FileNotFoundError) as exc:
    sys.exit(f"error: cannot start: {exc}")
server = app.server
# Dash finishes setting itself up on a worker's first request, while the
# worker's other threads may already serve the page's scripts (and fail).  One
# request here, before gunicorn forks its workers (preload), sets up all of them.
server.test_client().get(HEALTH_PATH)
