"""Production mode: gunicorn with the repository's gunicorn.conf.py, on 127.0.0.1.

Years from the seed page (shared/seeds/000_5ad34c431927eea1.txt): 2015-2021
(lines 40-46).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import socket
import subprocess
from urllib.parse import urlparse

import psutil
from callback_requests import UPDATE, callback_outputs
from gunicorn_server import REPO, gunicorn, gunicorn_command

CALLBACK = {
    "inputs": [
        {"id": "year-select", "property": "value", "value": None},
        {"id": "url", "property": "search", "value": "?year=2019"},
    ],
    "state": [
        {"id": "url", "property": "pathname", "value": "/budget"},
        {"id": {"page": "/budget", "type": "drawn-view"}, "property": "data-view", "value": None},
    ],
}


def connection(base: str) -> http.client.HTTPConnection:
    url = urlparse(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=30)


def request(base: str, method: str, path: str, body=None, headers=None) -> tuple[int, dict, bytes]:
    conn = connection(base)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw_request(base: str, line: bytes) -> bytes:
    url = urlparse(base)
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(line + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.split(b"\r\n", 1)[0]


def budget_callback(base: str) -> tuple[int, dict]:
    """The budget page's heading callback, as the browser posts it, for 2019."""
    _status, _headers, page = request(base, "GET", "/_dash-dependencies")
    spec = next(d for d in json.loads(page) if d["output"].startswith("..budget-year-heading"))
    payload = {
        "output": spec["output"],
        "outputs": callback_outputs(spec["output"]),
        "inputs": CALLBACK["inputs"],
        "state": CALLBACK["state"],
        "changedPropIds": ["url.search"],
    }
    status, _headers, answer = request(
        base, "POST", UPDATE, json.dumps(payload), {"Content-Type": "application/json"}
    )
    return status, json.loads(answer) if status == 200 else {}


def test_gunicorn_serves_the_hardened_dashboard_on_localhost_only():
    with gunicorn(workers=2) as (base, _process):
        port = urlparse(base).port
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True)
        if listening.returncode == 0:
            local_addresses = [line.split()[3] for line in listening.stdout.decode().splitlines()]
            assert local_addresses == [f"127.0.0.1:{port}"]

        status, headers, page = request(base, "GET", "/", headers={"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        html = gzip.decompress(page).decode()
        config = json.loads(
            re.search(
                r'<script id="_dash-config" type="application/json">(.*?)</script>', html
            ).group(1)
        )
        # Debug off: no dev-tools UI, no prop checks, no hot reload.
        assert config["ui"] is False
        assert config["props_check"] is False
        assert "hot_reload" not in config

        status, _headers, health = request(base, "GET", "/healthz")
        assert (status, json.loads(health)["status"]) == (200, "ok")


def test_gunicorn_workers_survive_bad_requests_and_keep_serving():
    with gunicorn(workers=2) as (base, process):
        workers = {child.pid for child in psutil.Process(process.pid).children()}
        assert len(workers) == 2
        json_type = {"Content-Type": "application/json"}
        bad = [
            ("POST", UPDATE, "{not json", json_type),
            ("POST", UPDATE, "[1, 2]", json_type),
            ("POST", UPDATE, "{}", json_type),
            ("POST", UPDATE, json.dumps({**CALLBACK, "output": "nope.children"}), json_type),
            ("POST", UPDATE, "x=1", {"Content-Type": "application/x-www-form-urlencoded"}),
            ("GET", "/api/v1/operations/no-such-operation", None, {}),
            ("GET", "/api/v1/operations/kazakhstan-mco/budget?year=abc", None, {}),
        ]
        for method, path, payload, headers in bad:
            status, answer_headers, answer = request(base, method, path, payload, headers)
            assert 400 <= status < 500, (path, payload, status)
            assert answer_headers["Content-Type"] == "application/json"
            assert b"Traceback" not in answer

        # A body over the 1 MiB cap: refused before it is read.
        status, _headers, _answer = request(
            base, "POST", UPDATE, b"[" * (2 * 1024 * 1024), json_type
        )
        assert status == 413
        # Request lines gunicorn refuses: too long (limit_request_line), not UTF-8.
        status, _headers, _answer = request(base, "GET", "/?year=" + "9" * 10_000)
        assert status in (400, 414)
        assert raw_request(base, b"GET /\xc3\x28 HTTP/1.1").startswith(b"HTTP/1.1 400")
        status, _headers, _answer = request(base, "GET", "/budget?year=%ff%fe&lang=xx")
        assert status == 200

        assert {child.pid for child in psutil.Process(process.pid).children()} == workers
        status, answer = budget_callback(base)
        assert status == 200
        assert (
            answer["response"]["budget-year-heading"]["children"]
            == "Budget and expenditure in 2019"
        )
        assert request(base, "GET", "/budget?year=2019")[0] == 200


def test_gunicorn_refuses_to_start_on_broken_data_naming_the_file(data_copy, operation_dir):
    (operation_dir / "people_of_concern.csv").write_text(
        "year,total,source\n2018,lots,000_5ad34c431927eea1.txt\n", encoding="utf-8"
    )
    result = subprocess.run(
        [*gunicorn_command(), "dashboard.wsgi:server"],
        cwd=REPO,
        env={
            **os.environ,
            "DASHBOARD_DATA_DIR": str(data_copy),
            "DASHBOARD_BIND": "127.0.0.1:1",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "people_of_concern.csv, line 2, column 'total'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
