"""Security headers on every response.

The Content-Security-Policy allows scripts only from this server plus Dash's
inline scripts (the renderer start-up and the clientside callbacks) by their
SHA-256 hashes: no ``'unsafe-inline'`` and no ``'unsafe-eval'`` for scripts.
Styles allow ``'unsafe-inline'``: plotly.js injects ``<style>`` elements and
inline style attributes when it draws, and Dash sets style attributes from
component props.  Images allow ``data:`` and ``blob:`` (plotly's image
export and the map).  Everything else, fetches included (callbacks, the map's
topojson, downloads), goes to this server only.

The headers are the same for every answer, so they are written once, when
the app is built, and copied onto each response.  They are the ones
flask-talisman sent before (same names, values and conditions), without its
work per request: it rebuilt the policy from its options for every answer.
Price tag: 39 -> 11 us of a ~560 us callback request in process (the
``/narratives`` update; ``python bench/bench_callbacks.py``, bench/HISTORY.md,
fifteenth round).
"""

from __future__ import annotations

import os

import dash
import flask

FRAME_ANCESTORS_ENV = "DASHBOARD_FRAME_ANCESTORS"
REFERRER_POLICY = "same-origin"
# Sent only on a request that arrived over HTTPS (TLS is the reverse proxy's
# job: it marks such requests with X-Forwarded-Proto).
STRICT_TRANSPORT_SECURITY = "max-age=31556926; includeSubDomains"


def frame_ancestors_from_env() -> list[str]:
    """Origins from ``DASHBOARD_FRAME_ANCESTORS`` (space-separated), or none."""
    return os.environ.get(FRAME_ANCESTORS_ENV, "").split()


def content_security_policy(app: dash.Dash, frame_ancestors: list[str]) -> dict[str, list[str]]:
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": frame_ancestors or ["'none'"],
    }


def security_headers(app: dash.Dash, frame_ancestors: list[str]) -> dict[str, str]:
    """The headers every answer carries.  X-Frame-Options cannot list origins:
    DENY unless framing is configured, then CSP ``frame-ancestors`` alone."""
    policy = content_security_policy(app, frame_ancestors)
    sent = {
        "Permissions-Policy": "browsing-topics=()",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "; ".join(
            f"{directive} {' '.join(sources)}" for directive, sources in policy.items()
        ),
        "Referrer-Policy": REFERRER_POLICY,
    }
    return sent if frame_ancestors else {"X-Frame-Options": "DENY", **sent}


def _over_https(request: flask.Request) -> bool:
    return request.is_secure or request.headers.get("X-Forwarded-Proto") == "https"


def install(app: dash.Dash, frame_ancestors: list[str] | None = None) -> None:
    ancestors = frame_ancestors if frame_ancestors is not None else frame_ancestors_from_env()
    sent = security_headers(app, ancestors)

    @app.server.after_request
    def _add_security_headers(response: flask.Response) -> flask.Response:
        response.headers.update(sent)
        if _over_https(flask.request):
            response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
        return response
