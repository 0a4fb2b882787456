"""Error answers: JSON for machines, a short HTML page for people, never a traceback.

A request to the callback endpoint that passed the shape check but made the
callback raise (a value of the wrong type, say) answers 400: the values came
from the client.  The traceback goes to the server log only.  Any other
unexpected error answers 500 with no detail.  The HTML page for people speaks
the request's language (``?lang=``, else Accept-Language).

Dash raises ``DependencyException`` for a script path it did not register
(``/_dash-component-suites/dash/nonexistent.js``, ``..%2F`` paths): that is a
client asking for something that is not there, so it answers 404 with no
traceback, rather than a 500 that writes one to the log on every request.
"""

from __future__ import annotations

import html

import dash
import flask
from dash.exceptions import DependencyException
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, N_, translator
from dashboard.serving.language import request_language
from dashboard.serving.request_log import request_id

JSON_PREFIXES = ("/_dash-", "/api/", "/healthz")
CALLBACK_ENDPOINT = "_dash-update-component"
# What the HTML page says per status: a title and one sentence.
STATUS_TEXTS = {
    400: (N_("Bad request"), N_("The request could not be understood.")),
    404: (N_("Not found"), N_("There is nothing at this address.")),
    405: (N_("Method not allowed"), N_("This address does not accept this kind of request.")),
    413: (N_("Request too large"), N_("The request is larger than the server accepts.")),
    500: (
        N_("Internal server error"),
        N_("Something went wrong on the server; please try again later."),
    ),
}
OTHER_STATUS = (N_("Error"), N_("The request could not be answered."))


def json_error(status: int, message: str) -> flask.Response:
    """``{"error": message, "request_id": ...}``: the id finds the request's log line."""
    response = flask.jsonify({"error": message, "request_id": request_id()})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def html_error(status: int, lang: str) -> flask.Response:
    """A short page saying what went wrong, in ``lang``, with a way back."""
    _ = translator(lang)
    name, message = STATUS_TEXTS.get(status, OTHER_STATUS)
    title = html.escape(f"{status} {_(name)}")
    dashboard_name = html.escape(_("Operation dashboard"))
    back = html.escape(_("Back to the dashboard"))
    reference = html.escape(_("Request id: {id}").format(id=request_id()))
    home = "/" if lang == DEFAULT_LANGUAGE else f"/?{LANGUAGE_PARAM}={lang}"
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} · {dashboard_name}</title></head>"
        f"<body><main><h1>{title}</h1><p>{html.escape(_(message))}</p><p>{reference}</p>"
        f'<p><a href="{home}">{back}</a></p></main></body></html>\n'
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
    return html_error(status, request_language())


def install(app: dash.Dash) -> None:
    server = app.server
    callback_path = app.config.routes_pathname_prefix + CALLBACK_ENDPOINT

    @server.errorhandler(Exception)
    def _handle(error: Exception) -> flask.Response:
        if isinstance(error, HTTPException):
            return _answer(error)
        if isinstance(error, DependencyException):
            return _answer(NotFound())
        request = flask.request
        if request.path == callback_path:
            server.logger.error(
                "callback request %s failed (request %s)",
                request.path,
                request_id(),
                exc_info=error,
            )
            return json_error(400, "the callback cannot be computed from the values sent")
        server.logger.error(
            "unexpected error on %s (request %s)", request.path, request_id(), exc_info=error
        )
        return _answer(InternalServerError())
