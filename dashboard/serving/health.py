"""``GET /healthz``: what data is served, its version, and whether newer data was refused.

- 200 ``{"status": "ok", "version", "loaded_at", "operations"}``: every
  operation's data is loaded.
- 200 ``{"status": "degraded", ..., "degraded": {"file", "line", "column",
  "error"}}``: the data folder changed and the new files fail validation; the
  last good data (``version``) is still served (``serving.live_data``).
- 503 ``{"status": "error", "error"}``: no data, or an operation without its
  years or budget.  (Broken data at start-up stops the server before it
  listens, so once serving there is always good data.)
"""

from __future__ import annotations

import flask

from dashboard import runtime
from dashboard.serving.live_data import EXTENSION as LIVE_DATA

HEALTH_PATH = "/healthz"


def status() -> tuple[dict[str, object], int]:
    try:
        catalogue = runtime.catalogue()
    except KeyError:
        return {"status": "error", "error": "no data loaded"}, 503
    operations = catalogue.operations
    problems = [
        op_id
        for op_id in operations
        if not operations.meta(op_id).years or not operations.row_count(op_id, "budget")
    ]
    if not catalogue.operations or problems:
        return {"status": "error", "error": f"data missing for {problems or 'all operations'}"}, 503
    body: dict[str, object] = {"status": "ok", "version": catalogue.version}
    live = flask.current_app.extensions.get(LIVE_DATA)
    if live is not None:
        body["loaded_at"] = round(live.loaded_at, 3)
        if live.problem is not None:
            body["status"] = "degraded"
            body["degraded"] = live.problem.as_dict()
    return body | {"operations": catalogue.ids}, 200


def install(server: flask.Flask) -> None:
    @server.get(HEALTH_PATH)
    def healthz() -> flask.Response:
        body, code = status()
        response = flask.jsonify(body)
        response.status_code = code
        response.headers["Cache-Control"] = "no-store"
        return response
