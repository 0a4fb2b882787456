"""Under gunicorn with 2 workers: new data reaches every worker, a killed worker costs nothing
after it, and /metrics adds up the workers (prometheus_client's multiprocess mode)."""

from __future__ import annotations

import os
import signal
import time
import urllib.request

import psutil
from gunicorn_server import gunicorn
from prometheus_client.parser import text_string_to_metric_families
from test_live_data import PEOPLE, changed_page, get, import_page, people_2019


def gauge_pids(base: str, name: str) -> dict[int, dict]:
    with urllib.request.urlopen(base + "/metrics", timeout=30) as response:
        text = response.read().decode()
    return {
        int(sample.labels["pid"]): sample.labels
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name and sample.value == 1
    }


def test_new_data_reaches_every_worker_and_a_killed_worker_is_replaced_with_it(
    data_copy, seed_text, tmp_path
):
    env = {"DASHBOARD_DATA_DIR": str(data_copy), "DASHBOARD_DATA_POLL_SECONDS": "0.2"}
    with gunicorn(workers=2, env=env) as (base, process):
        old = get(base + "/healthz")[1]
        import_page(changed_page(seed_text, tmp_path), data_copy)
        deadline = time.monotonic() + 20
        while True:
            versions = {
                pid: labels["version"]
                for pid, labels in gauge_pids(base, "dashboard_data_version_info").items()
            }
            workers = {child.pid for child in psutil.Process(process.pid).children()}
            if set(versions) == workers and old not in versions.values():
                break
            assert time.monotonic() < deadline, versions
            time.sleep(0.2)
        (new,) = set(versions.values())

        killed = min(workers)
        os.kill(killed, signal.SIGKILL)
        answers = [get(base + PEOPLE) for _ in range(20)]
        assert [(status, version) for status, version, _body in answers] == [(200, new)] * 20
        assert {people_2019(body) for _status, _version, body in answers} == {106500}

        deadline = time.monotonic() + 20
        while True:
            workers = {child.pid for child in psutil.Process(process.pid).children()}
            versions = gauge_pids(base, "dashboard_data_version_info")
            if len(workers) == 2 and set(versions) == workers:
                break
            assert time.monotonic() < deadline, (workers, versions)
            time.sleep(0.2)
        assert killed not in versions
        assert {labels["version"] for labels in versions.values()} == {new}
