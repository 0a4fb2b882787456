"""Harden the Flask server under a Dash app for production.

``harden(app)`` is called once at the end of ``create_app`` (after every
callback, including the clientside ones whose inline scripts the
Content-Security-Policy must allow by hash, has been registered).  It adds:

- security headers on every response (``serving.headers``);
- compression, with the compressed bytes of immutable static files kept per
  process (``serving.compression``, flask-compress), and long browser caching
  of fingerprinted ``/assets`` URLs;
- a request size cap and a check of the shape of every callback request
  (``serving.callback_guard``), so bad requests get a 4xx, never a 500;
- 4xx/5xx answers as JSON or a small HTML page, never a traceback
  (``serving.errors``);
- ``/healthz``, which checks that the data is loaded (``serving.health``).

Nothing here keeps per-user state: every response depends only on the request
and the read-only data it is served from (loaded at start, or since:
``serving.live_data``).
"""

from __future__ import annotations

import dash

from dashboard.serving import callback_guard, compression, errors, headers, health

# A callback request carries a few ids and small values; 1 MiB is far above
# any request the dashboard's own pages send and caps what a client can post.
MAX_REQUEST_BYTES = 1024 * 1024


def harden(app: dash.Dash, frame_ancestors: list[str] | None = None) -> None:
    """Install the production protections on ``app.server``.

    ``frame_ancestors``: origins allowed to embed the dashboard in a frame
    (default: the ``DASHBOARD_FRAME_ANCESTORS`` environment variable, else none).
    """
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers.install(app, frame_ancestors)
    compression.install(server)
    callback_guard.install(app)
    errors.install(app)
    health.install(server)
