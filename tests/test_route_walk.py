"""Every route the server has, asked for things it does not have: never a 5xx, never a traceback.

The routes come from Flask's ``url_map`` (Dash's, the API, assets, health), so a
route added later is walked too.  Each gets unknown sub-paths, encoded ``..``
segments, an over-long path and every method it does not accept.
"""

from __future__ import annotations

import logging
import re

import pytest

METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
# A value for each URL converter, so a rule becomes a path.
SAMPLE_VALUES = {"path": "unknown/sub", "string": "unknown", "default": "unknown"}
CONVERTER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?\w+>")
TAILS = (
    "/unknown/sub-path.js",
    "/..%2F..%2Fpyproject.toml",
    "/%2e%2e/%2e%2e/setup.py",
    "/..%252F..%252Fetc/passwd",
    "/dash/..%2F..%2F__init__.py",
    "/" + "a" * 3000,
)


def _concrete(rule: str) -> str:
    return CONVERTER.sub(lambda match: SAMPLE_VALUES.get(match.group(1) or "default"), rule)


def _requests(app) -> list[tuple[str, str]]:
    asked = []
    for rule in app.server.url_map.iter_rules():
        path = _concrete(rule.rule).rstrip("/")
        for tail in TAILS:
            asked.append(("GET", path + tail))
        asked.append(("GET", _concrete(rule.rule)))
        asked.extend((method, path or "/") for method in METHODS if method not in rule.methods)
    return asked


@pytest.fixture(scope="module")
def app():
    from dashboard.app import create_app

    return create_app()


def test_dash_s_unknown_scripts_are_404_without_a_traceback(app, caplog):
    client = app.server.test_client()
    with caplog.at_level(logging.INFO):
        for path in (
            "/_dash-component-suites/dash/nonexistent.js",
            "/_dash-component-suites/dash/..%2F..%2Fsetup.py",
            "/_dash-component-suites/not-a-package/x.js",
        ):
            assert client.get(path).status_code == 404, path
    assert not [record for record in caplog.records if record.exc_info], caplog.text


def test_every_route_answers_below_500_to_what_it_does_not_have(app, caplog):
    client = app.server.test_client()
    asked = _requests(app)
    assert len(asked) > 100  # Dash's routes, the API's and /healthz
    failures = []
    with caplog.at_level(logging.INFO):
        for method, path in asked:
            status = client.open(path, method=method).status_code
            if status >= 500:
                failures.append((method, path[:80], status))
    assert failures == []
    tracebacks = [record.getMessage() for record in caplog.records if record.exc_info]
    assert tracebacks == []
