"""WSGI entry point: ``gunicorn dashboard.wsgi:server``.

Reads the data folder from ``DASHBOARD_DATA_DIR`` (default: the shipped data).
"""

from dashboard.app import create_app

app = create_app()
server = app.server
