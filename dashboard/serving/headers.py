"""Security headers on every response, set by flask-talisman.

The Content-Security-Policy allows scripts only from this server plus Dash's
inline scripts (the renderer start-up and the clientside callbacks) by their
SHA-256 hashes: no ``'unsafe-inline'`` and no ``'unsafe-eval'`` for scripts.
Styles allow ``'unsafe-inline'``: plotly.js injects ``<style>`` elements and
inline style attributes when it draws, and Dash sets style attributes from
component props.  Images allow ``data:`` and ``blob:`` (plotly's image
export and the map).  Everything else, fetches included (callbacks, the map's
topojson, downloads), goes to this server only.
"""

from __future__ import annotations

import os

import dash
from flask_talisman import Talisman

FRAME_ANCESTORS_ENV = "DASHBOARD_FRAME_ANCESTORS"
REFERRER_POLICY = "same-origin"


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


def install(app: dash.Dash, frame_ancestors: list[str] | None = None) -> Talisman:
    ancestors = frame_ancestors if frame_ancestors is not None else frame_ancestors_from_env()
    return Talisman(
        app.server,
        content_security_policy=content_security_policy(app, ancestors),
        # TLS is the reverse proxy's job; the app itself listens on 127.0.0.1.
        # HSTS is still sent on requests the proxy marks as HTTPS.
        force_https=False,
        # X-Frame-Options cannot list origins: send DENY unless framing is configured,
        # then rely on CSP frame-ancestors alone.
        frame_options=None if ancestors else "DENY",
        referrer_policy=REFERRER_POLICY,
        session_cookie_secure=False,
        x_content_type_options=True,
    )
