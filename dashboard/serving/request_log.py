"""Request ids and the access log.

Every request gets an id: the client's ``X-Request-ID`` when it is a short
token (a proxy's id, so the proxy's log and ours agree), else a new random
one.  It is sent back in the ``X-Request-ID`` header of every answer, in the
body of error answers (``serving.errors``), and written in the request's
access-log line, so the id a user reports finds the line.

One line per request on the ``dashboard.access`` logger (stderr), written
after the answer is complete: id, method, path and query, status, time in
milliseconds, data version.  Nothing from the request body is logged, and the
address is cut to ``MAX_LOGGED_ADDRESS`` characters.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

import flask

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is kept only when it is this kind of token: nothing that could
# forge a log line or grow it without bound.
CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
MAX_LOGGED_ADDRESS = 300
LOG_FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"

access_log = logging.getLogger("dashboard.access")


def configure_logging() -> None:
    """The ``dashboard`` loggers write INFO and above to stderr, unless configured elsewhere."""
    logger = logging.getLogger("dashboard")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _not_a_request_line(record: logging.LogRecord) -> bool:
    return " - - [" not in record.getMessage()


def quiet_development_server() -> None:
    """Drop the development server's own line per request (``python -m dashboard``):
    the access log above has it, with the request id."""
    logging.getLogger("werkzeug").addFilter(_not_a_request_line)


def request_id() -> str:
    """The current request's id ("" outside a request)."""
    return flask.g.get("request_id", "") if flask.has_request_context() else ""


def elapsed_seconds() -> float:
    """Time since the current request began."""
    return time.perf_counter() - flask.g.get("request_started", time.perf_counter())


def _begin() -> None:
    flask.g.request_started = time.perf_counter()
    offered = flask.request.headers.get(REQUEST_ID_HEADER, "")
    flask.g.request_id = offered if CLIENT_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def _logged_address(request: flask.Request) -> str:
    query = request.query_string.decode("ascii", "replace")
    address = request.path + ("?" + query if query else "")
    address = address.encode("unicode_escape").decode("ascii")
    return address[:MAX_LOGGED_ADDRESS]


def _end(response: flask.Response) -> flask.Response:
    response.headers[REQUEST_ID_HEADER] = request_id()
    request = flask.request
    access_log.info(
        "%s %s %s %d %.1fms version=%s",
        request_id(),
        request.method,
        _logged_address(request),
        response.status_code,
        elapsed_seconds() * 1000,
        response.headers.get("X-Data-Version", "-"),
    )
    return response


def install(server: flask.Flask) -> None:
    """Install before anything else, so the line is written last and times everything."""
    configure_logging()
    server.before_request(_begin)
    server.after_request(_end)
