"""New data while serving: a refresh seen old-then-new, broken data kept out.

The changed page is the seed page with one figure changed (synthetic, made in
the test's temporary folder): people of concern in 2019, "2019 106,489" on the
seed page (line 28), becomes 106,500.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import OPERATION_ID
from gunicorn_server import REPO, free_port

from dashboard import runtime
from dashboard.app import create_app
from dashboard.serving.live_data import live_data

PEOPLE = f"/api/v1/operations/{OPERATION_ID}/people_of_concern"
OVERVIEW = "/?year=2019"
SEED_LINE = "2019 106,489"
CHANGED_LINE = "2019 106,500"


def changed_page(seed_text: str, folder: Path) -> Path:
    assert seed_text.count(SEED_LINE) == 1
    page = folder / "synthetic-changed-people.txt"
    page.write_text(seed_text.replace(SEED_LINE, CHANGED_LINE), encoding="utf-8")
    return page


def import_page(page: Path, data_dir: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "import",
            str(page),
            "--id",
            OPERATION_ID,
            "--data-dir",
            str(data_dir),
            # The changed page has the seed's report year: it takes the seed's place.
            "--replace",
        ],
        check=True,
        capture_output=True,
        cwd=REPO,
    )


def people_2019(body: bytes) -> int:
    rows = json.loads(body)["rows"]
    return next(row["total"] for row in rows if row["year"] == 2019)


def get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers["X-Data-Version"], response.read()


def test_a_refresh_while_a_client_polls_shows_old_then_new_and_never_a_mix(
    data_copy, seed_text, tmp_path
):
    port = free_port()
    env = {**os.environ, "DASHBOARD_DATA_POLL_SECONDS": "0.2"}
    server = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--port", str(port), "--data-dir", str(data_copy)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    seen: list[tuple[str, str, object]] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            _status, version, body = get(base + PEOPLE)
            seen.append((version, "api", people_2019(body)))
            _status, version, body = get(base + OVERVIEW)
            page = body.decode()
            seen.append((version, "page", ("106,489" in page, "106,500" in page)))

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(base + "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        poller = threading.Thread(target=poll)
        poller.start()
        time.sleep(1)
        import_page(changed_page(seed_text, tmp_path), data_copy)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (not seen or seen[-1][2] != (False, True)):
            time.sleep(0.1)
        time.sleep(0.5)
        stop.set()
        poller.join(timeout=30)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    versions = list(dict.fromkeys(version for version, _kind, _value in seen))
    assert len(versions) == 2, versions
    old, new = versions
    assert [version for version, _kind, _value in seen] == sorted(
        (version for version, _kind, _value in seen), key=versions.index
    )
    by_version = {(version, kind): set() for version in versions for kind in ("api", "page")}
    for version, kind, value in seen:
        by_version[version, kind].add(value)
    assert by_version == {
        (old, "api"): {106489},
        (old, "page"): {(True, False)},
        (new, "api"): {106500},
        (new, "page"): {(False, True)},
    }


def _break_budget(data_dir: Path) -> tuple[str, int]:
    """Append a row with one cell to the budget file; its name and the broken line."""
    budget = data_dir / "operations" / OPERATION_ID / "budget.csv"
    text = budget.read_text(encoding="utf-8")
    budget.write_text(text + "2020\n", encoding="utf-8")
    return f"operations/{OPERATION_ID}/budget.csv", text.count("\n") + 1


def test_broken_data_is_not_served_and_healthz_names_the_file(data_copy, caplog):
    app = create_app(data_copy)
    client = app.server.test_client()
    live = live_data(app.server)
    good = client.get("/healthz").json["version"]
    budget = data_copy / "operations" / OPERATION_ID / "budget.csv"
    original = budget.read_bytes()
    file_name, line = _break_budget(data_copy)
    with caplog.at_level(logging.INFO, logger="dashboard"):
        assert live.check() is False
        health = client.get("/healthz")
        answers = [client.get(PEOPLE) for _ in range(3)]
        os.utime(budget, ns=(time.time_ns(), time.time_ns() + 10**9))  # touched, still broken
        live.check()
    assert health.status_code == 200
    assert health.json["status"] == "degraded"
    assert health.json["version"] == good
    degraded = health.json["degraded"]
    assert (degraded["file"], degraded["line"]) == (file_name, line)
    assert all(answer.status_code == 200 for answer in answers)
    assert {answer.headers["X-Data-Version"] for answer in answers} == {good}
    said = [record for record in caplog.records if record.name == "dashboard.data"]
    assert len(said) == 1 and file_name in said[0].getMessage()
    assert f"line {line}" in said[0].getMessage()

    budget.write_bytes(original)
    live.check()
    health = client.get("/healthz")
    assert health.json["status"] == "ok" and "degraded" not in health.json
    assert health.json["version"] == good  # the same files: the same version


def test_every_answer_carries_the_version_of_the_data_it_was_drawn_from(data_copy, seed_text):
    app = create_app(data_copy)
    client = app.server.test_client()
    before = client.get(PEOPLE)
    import_page(changed_page(seed_text, data_copy.parent), data_copy)
    assert client.get(PEOPLE).headers["X-Data-Version"] == before.headers["X-Data-Version"]
    assert live_data(app.server).check() is True
    after = client.get(PEOPLE)
    assert re.fullmatch(r"[0-9a-f]{16}", after.headers["X-Data-Version"])
    assert after.headers["X-Data-Version"] != before.headers["X-Data-Version"]
    assert (people_2019(before.data), people_2019(after.data)) == (106489, 106500)
    assert client.get("/healthz").json["version"] == after.headers["X-Data-Version"]


def test_a_request_keeps_the_data_it_began_with_when_new_data_is_swapped_in(data_copy):
    first = create_app(data_copy).server
    newer = create_app(data_copy).server.extensions[runtime.EXTENSION]
    with first.test_request_context(PEOPLE):
        began_with = runtime.catalogue()
        runtime.install(first, newer)
        assert runtime.catalogue() is began_with
    with first.test_request_context(PEOPLE):
        assert runtime.catalogue() is newer


def test_nothing_is_loaded_while_an_import_is_staged_or_the_folder_changes_under_the_reader(
    data_copy, seed_text, monkeypatch
):
    app = create_app(data_copy)
    live = live_data(app.server)
    served = live.catalogue.version
    staging = data_copy / "operations" / ".import-synthetic"
    (staging / "operations").mkdir(parents=True)
    import_page(changed_page(seed_text, data_copy.parent), data_copy)
    assert live.check() is False and live.catalogue.version == served
    long_ago = time.time() - 3600  # left by an importer killed midway: not an import under way
    os.utime(staging, (long_ago, long_ago))

    load_catalogue = runtime.load_catalogue

    def changed_while_read(data_dir):
        catalogue = load_catalogue(data_dir)
        (data_dir / "synthetic-arriving.txt").write_text("x", encoding="utf-8")
        return catalogue

    monkeypatch.setattr(runtime, "load_catalogue", changed_while_read)
    assert live.check() is False and live.catalogue.version == served
    monkeypatch.setattr(runtime, "load_catalogue", load_catalogue)
    assert live.check() is True
    with app.server.test_client() as client:
        assert people_2019(client.get(PEOPLE).data) == 106500
