"""``GET /healthz``: 200 when every operation's data is loaded, else 503."""

from __future__ import annotations

import flask

from dashboard import runtime

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
    return {"status": "ok", "operations": catalogue.ids}, 200


def install(server: flask.Flask) -> None:
    @server.get(HEALTH_PATH)
    def healthz() -> flask.Response:
        body, code = status()
        response = flask.jsonify(body)
        response.status_code = code
        response.headers["Cache-Control"] = "no-store"
        return response
