"""``GET /metrics``: counters for an operator, in Prometheus' text format (prometheus_client).

What it shows, and nothing else (no process, platform or request details):

- ``dashboard_requests_total{family, status}``: answers by route family
  (``page``, ``callback``, ``api``, ``asset``, ``health``, ``metrics``) and
  status class (``2xx`` ... ``5xx``);
- ``dashboard_request_errors_total{family}``: answers with a 5xx status;
- ``dashboard_request_duration_seconds{family}``: a latency histogram;
- ``dashboard_data_version_info{version}`` (1 for the version served),
  ``dashboard_data_loaded_timestamp_seconds`` (when it was loaded: its age is
  ``time() - dashboard_data_loaded_timestamp_seconds``),
  ``dashboard_operations_loaded`` and ``dashboard_data_degraded`` (1 while newer
  data fails validation), one series per serving process (``pid`` label under
  gunicorn).

Who may read it: with ``DASHBOARD_METRICS_TOKEN`` set, a request carrying
``Authorization: Bearer <token>``; without it, only a request made on this
machine (127.0.0.1 or ::1) that did not come through a proxy (no
``X-Forwarded-*``, ``Forwarded`` or ``X-Real-IP`` header).  Anyone else gets
the same 404 as any unknown address.

Under gunicorn the workers are separate processes, so the counters use
prometheus_client's multiprocess mode: gunicorn.conf.py points
``PROMETHEUS_MULTIPROC_DIR`` at an empty folder before the app is loaded, each
worker writes its values there, ``/metrics`` (answered by any worker) adds
them up, and a worker's gauges are dropped when it exits.
"""

from __future__ import annotations

import hmac
import os

import flask
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from werkzeug.exceptions import NotFound

from dashboard.serving.live_data import LiveData, live_data
from dashboard.serving.request_log import elapsed_seconds

METRICS_PATH = "/metrics"
TOKEN_ENV = "DASHBOARD_METRICS_TOKEN"
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
LOOPBACK = frozenset({"127.0.0.1", "::1"})
PROXY_HEADERS = (
    "X-Forwarded-For",
    "X-Forwarded-Proto",
    "X-Forwarded-Host",
    "Forwarded",
    "X-Real-IP",
)
ASSET_PREFIXES = ("/assets/", "/_dash-component-suites/", "/_favicon.ico")
# From a cached asset (~1 ms) to a cold page of many operations (seconds).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REGISTRY = CollectorRegistry()
REQUESTS = Counter(
    "dashboard_requests",
    "Answers by route family and status class.",
    ["family", "status"],
    registry=REGISTRY,
)
ERRORS = Counter(
    "dashboard_request_errors", "Answers with a 5xx status.", ["family"], registry=REGISTRY
)
LATENCY = Histogram(
    "dashboard_request_duration_seconds",
    "Time from a request's start to its answer, by route family.",
    ["family"],
    buckets=LATENCY_BUCKETS,
    registry=REGISTRY,
)
VERSION = Gauge(
    "dashboard_data_version_info",
    "1 for the data version served (a digest of the data folder).",
    ["version"],
    multiprocess_mode="liveall",
    registry=REGISTRY,
)
LOADED_AT = Gauge(
    "dashboard_data_loaded_timestamp_seconds",
    "When the data version served was loaded (Unix time).",
    multiprocess_mode="liveall",
    registry=REGISTRY,
)
OPERATIONS = Gauge(
    "dashboard_operations_loaded",
    "Operations in the data served.",
    multiprocess_mode="liveall",
    registry=REGISTRY,
)
DEGRADED = Gauge(
    "dashboard_data_degraded",
    "1 while newer data in the folder fails validation and older data is served.",
    multiprocess_mode="liveall",
    registry=REGISTRY,
)
_shown_versions: set[str] = set()


def route_family(path: str) -> str:
    if path.endswith("/_dash-update-component"):
        return "callback"
    if path.startswith("/api/"):
        return "api"
    if path.startswith(ASSET_PREFIXES):
        return "asset"
    if path == METRICS_PATH:
        return "metrics"
    if path == "/healthz":
        return "health"
    return "page"


def _count(response: flask.Response) -> flask.Response:
    family = route_family(flask.request.path)
    REQUESTS.labels(family, f"{response.status_code // 100}xx").inc()
    LATENCY.labels(family).observe(elapsed_seconds())
    if response.status_code >= 500:
        ERRORS.labels(family).inc()
    return response


def _show_data(live: LiveData) -> None:
    """Set the data gauges of this process to what it serves.  Under gunicorn
    only from a worker's watch: the master's data is only the start-up copy."""
    catalogue = live.catalogue
    for version in _shown_versions - {catalogue.version}:
        VERSION.labels(version).set(0)
    _shown_versions.add(catalogue.version)
    VERSION.labels(catalogue.version).set(1)
    LOADED_AT.set(live.loaded_at)
    OPERATIONS.set(len(catalogue.ids))
    DEGRADED.set(1 if live.problem is not None else 0)


def _allowed(request: flask.Request) -> bool:
    token = os.environ.get(TOKEN_ENV)
    if token:
        offered = request.headers.get("Authorization", "")
        return hmac.compare_digest(offered.encode(), f"Bearer {token}".encode())
    proxied = any(header in request.headers for header in PROXY_HEADERS)
    return request.remote_addr in LOOPBACK and not proxied


def _exposition() -> bytes:
    if os.environ.get(MULTIPROCESS_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def install(server: flask.Flask) -> None:
    """Count every answer and serve /metrics.  Install right after ``request_log``
    and ``live_data``: Flask runs ``after_request`` functions last-installed
    first, so the time counted includes compression."""
    server.after_request(_count)
    live = live_data(server)
    live.listeners.append(_show_data)
    if not os.environ.get(MULTIPROCESS_ENV):
        _show_data(live)

    @server.get(METRICS_PATH)
    def metrics() -> flask.Response:
        if not _allowed(flask.request):
            raise NotFound()
        response = flask.Response(_exposition(), mimetype=CONTENT_TYPE_LATEST)
        response.headers["Cache-Control"] = "no-store"
        return response
