"""Error answers: JSON for machines, a short HTML page for people, never a traceback.

A request to the callback endpoint that passed the shape check but made the
callback raise (a value of the wrong type, say) answers 400: the values came
from the client.  The traceback goes to the server log only.  Any other
unexpected error answers 500 with no detail.
"""

from __future__ import annotations

import html

import dash
import flask
from werkzeug.exceptions import HTTPException, InternalServerError

JSON_PREFIXES = ("/_dash-", "/api/", "/healthz")
CALLBACK_ENDPOINT = "_dash-update-component"


def json_error(status: int, message: str) -> flask.Response:
    response = flask.jsonify({"error": message})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def html_error(status: int, title: str, message: str) -> flask.Response:
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · Operation dashboard</title></head>"
        f"<body><main><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p>"
        '<p><a href="/">Back to the dashboard</a></p></main></body></html>\n'
    )
    response = flask.Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def _wants_json(request: flask.Request) -> bool:
    if request.path.startswith(JSON_PREFIXES):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _answer(error: HTTPException) -> flask.Response:
    status = error.code or 500
    message = error.description or error.name
    if _wants_json(flask.request):
        return json_error(status, f"{error.name}: {message}")
    return html_error(status, f"{status} {error.name}", message)


def install(app: dash.Dash) -> None:
    server = app.server
    callback_path = app.config.routes_pathname_prefix + CALLBACK_ENDPOINT

    @server.errorhandler(Exception)
    def _handle(error: Exception) -> flask.Response:
        if isinstance(error, HTTPException):
            return _answer(error)
        request = flask.request
        if request.path == callback_path:
            server.logger.error("callback request %s failed", request.path, exc_info=error)
            return json_error(400, "the callback cannot be computed from the values sent")
        server.logger.error("unexpected error on %s", request.path, exc_info=error)
        return _answer(InternalServerError())
