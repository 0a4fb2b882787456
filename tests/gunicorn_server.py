"""Run the dashboard under gunicorn with the repository's gunicorn.conf.py, on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn_command() -> list[str]:
    return [sys.executable, "-m", "gunicorn", "-c", str(REPO / "gunicorn.conf.py")]


@contextlib.contextmanager
def gunicorn(
    workers: int = 2, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``(base_url, process)`` once ``/healthz`` answers and every worker is up."""
    port = free_port()
    environment = {
        **os.environ,
        "DASHBOARD_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        **(env or {}),
    }
    process = subprocess.Popen(
        [*gunicorn_command(), "dashboard.wsgi:server"],
        cwd=REPO,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=5):
                    break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(process.stdout.read().decode()) from None
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        while len(psutil.Process(process.pid).children()) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError(f"fewer than {workers} workers started")
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
