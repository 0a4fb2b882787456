"""``/metrics``: an operator's counters, readable only from this machine or with a token."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from dashboard.app import create_app

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}
ELSEWHERE = {"REMOTE_ADDR": "10.0.0.7"}


@pytest.fixture(scope="module")
def app():
    return create_app()


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def count(values, name: str, **labels) -> float:
    return values.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_requests_by_family_and_show_the_data(app):
    client = app.server.test_client()
    before = samples(client.get("/metrics", environ_base=LOOPBACK).get_data(as_text=True))
    client.get("/budget")
    client.get("/api/v1/operations")
    client.get("/api/v1/operations/nowhere")
    client.get("/assets/css/10_app.css")
    response = client.get("/metrics", environ_base=LOOPBACK)
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    after = samples(response.get_data(as_text=True))
    for family, status in (("page", "2xx"), ("api", "2xx"), ("api", "4xx"), ("asset", "2xx")):
        labels = {"family": family, "status": status}
        grown = count(after, "dashboard_requests_total", **labels) - count(
            before, "dashboard_requests_total", **labels
        )
        assert grown == 1, (family, status)
    assert count(after, "dashboard_request_duration_seconds_count", family="page") >= 1
    version = client.get("/healthz").json["version"]
    assert count(after, "dashboard_data_version_info", version=version) == 1
    assert count(after, "dashboard_operations_loaded") == 1
    assert count(after, "dashboard_data_degraded") == 0
    assert count(after, "dashboard_data_loaded_timestamp_seconds") > 0
    names = {name for name, _labels in after}
    assert all(name.startswith("dashboard_") for name in names), names


def test_metrics_are_hidden_from_other_machines_and_proxied_requests(app):
    client = app.server.test_client()
    assert client.get("/metrics", environ_base=ELSEWHERE).status_code == 404
    proxied = client.get(
        "/metrics", environ_base=LOOPBACK, headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert proxied.status_code == 404
    assert "dashboard_" not in proxied.get_data(as_text=True)


def test_with_a_token_metrics_need_it(app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_METRICS_TOKEN", "t0ken-for-the-test")
    client = app.server.test_client()
    assert client.get("/metrics", environ_base=LOOPBACK).status_code == 404
    wrong = {"Authorization": "Bearer another"}
    assert client.get("/metrics", environ_base=ELSEWHERE, headers=wrong).status_code == 404
    right = {"Authorization": "Bearer t0ken-for-the-test"}
    assert client.get("/metrics", environ_base=ELSEWHERE, headers=right).status_code == 200
