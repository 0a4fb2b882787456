"""Request ids: in the header of every answer, in error bodies and pages, and in the access log."""

from __future__ import annotations

import logging
import re

import pytest
from callback_requests import UPDATE

from dashboard.app import create_app

ACCESS = "dashboard.access"


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def access_lines(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == ACCESS]


def test_an_error_answer_carries_the_request_id_its_log_line_has(client, caplog):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        response = client.get("/api/v1/operations/nowhere")
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert response.status_code == 404
    assert response.json["request_id"] == request_id
    (line,) = access_lines(caplog)
    assert line.startswith(f"{request_id} GET /api/v1/operations/nowhere 404 ")


def test_the_error_page_for_people_shows_the_request_id(client):
    response = client.put("/budget", headers={"Accept": "text/html"})
    assert response.status_code == 405
    assert f"Request id: {response.headers['X-Request-ID']}" in response.get_data(as_text=True)


def test_a_proxy_s_request_id_is_kept_and_an_unusable_one_replaced(client, caplog):
    with caplog.at_level(logging.INFO, logger=ACCESS):
        kept = client.get("/healthz", headers={"X-Request-ID": "proxy-0123456789"})
        replaced = client.get("/healthz", headers={"X-Request-ID": "forged id=admin status=200"})
    assert kept.headers["X-Request-ID"] == "proxy-0123456789"
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["X-Request-ID"])
    first, second = access_lines(caplog)
    assert first.startswith("proxy-0123456789 GET /healthz 200 ")
    assert "forged" not in second


def test_the_access_log_has_no_request_body(client, caplog):
    marker = "secret-body-text-7f3a"
    with caplog.at_level(logging.DEBUG):
        response = client.post(UPDATE, json={"output": marker, "inputs": [], "state": []})
    assert response.status_code == 400
    assert response.json["request_id"] == response.headers["X-Request-ID"]
    assert marker not in caplog.text
    (line,) = access_lines(caplog)
    assert f"POST {UPDATE} 400 " in line
