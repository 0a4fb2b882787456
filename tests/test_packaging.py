"""A non-editable install finds its assets and data; the CLI serves on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

from conftest import OPERATION_ID

REPO = Path(__file__).resolve().parents[1]


def test_wheel_carries_assets_and_data(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("dashboard-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import dashboard, dashboard.paths as p, dashboard.data as d;"
        "print(dashboard.__file__);"
        "print((p.assets_dir() / 'css' / '00_bootstrap.min.css').is_file());"
        "print((p.assets_dir() / 'topojson' / 'asia_50m.json').is_file());"
        "print(any((p.assets_dir() / 'js').glob('00_plotly-*-partial.min.js')));"
        "print(d.list_operations());"
        f"print(d.load_operation('{OPERATION_ID}').meta.report_year)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("DASHBOARD_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(site))
    assert lines[1:] == ["True", "True", "True", f"['{OPERATION_ID}']", "2020"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_cli_serves_the_dashboard_on_localhost():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert '<html lang="en">' in body
        assert "/assets/css/00_bootstrap.min.css" in body
        listening = subprocess.run(
            ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True
        )
        if listening.returncode == 0:
            assert f"127.0.0.1:{port}" in listening.stdout
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_broken_data_stops_the_app_with_the_file_named(data_copy, operation_dir):
    (operation_dir / "people_of_concern.csv").write_text(
        "year,total,source\n2018,lots,000_5ad34c431927eea1.txt\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--data-dir", str(data_copy), "--port", "1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 1
    assert "people_of_concern.csv, line 2, column 'total'" in result.stderr
    assert "Traceback" not in result.stderr


def test_wsgi_server_is_a_flask_app():
    from dashboard.wsgi import server

    response = server.test_client().get("/")
    assert response.status_code == 200
