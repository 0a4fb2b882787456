"""Faults under load: gunicorn with 2 workers, simulated users, and three faults in turn.

    python bench/bench_faults.py [--users 50] [--step 15] [--poll 1]

The data folder is a temporary copy of ``data/`` (never ``data/`` itself),
served with ``DASHBOARD_DATA_DIR``.  The users are ``bench/load.py``'s (open
pages, switch years, download CSV, call the API), all started before the
first step, and a probe asks the API for the 2019 people of concern and the
overview page of 2019 every 0.1 s.  Each step lasts ``--step`` seconds and
ends by itself:

1. **import**: a changed page is imported into the served folder by the
   importer (``dashboard.importer.import_page``, what ``python -m dashboard
   import`` runs; the seed page with "2019 106,489" changed
   to 106,500, written at run time as ``synthetic-changed-page.txt``);
2. **broken data**: ``people_of_concern.csv`` is replaced by a broken one (a
   2019 total that is not a number), then after half the step by a valid
   synthetic one (2019: 106,522);
3. **kill -9** of one worker.

For each step: requests, errors, p99, the time from the change until every
answer shows the new version (the last answer with an older one), answers
with an older version after the first with the newer one (the two workers
poll independently), and answers that mix versions: an answer whose 2019
people of concern (API) or whose page text is not the one of the version its
``X-Data-Version`` names.  For the kill: the time until the replacement worker
has loaded the data (its gauge in ``/metrics``), and the errors, which can
only be the requests in flight on the killed worker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, gunicorn, percentile, write_results
from load import SPAWN_INTERVAL, Recorder, User
from load_client import Session

from dashboard.importer import import_page

COMMAND = "python bench/bench_faults.py"
OPERATION = "kazakhstan-mco"
SEED = REPO / "data" / "operations" / "kazakhstan-mco" / "sources" / "000_5ad34c431927eea1.txt"
SEED_LINE, CHANGED_LINE = "2019 106,489", "2019 106,500"
PEOPLE = f"/api/v1/operations/{OPERATION}/people_of_concern?year=2019"
OVERVIEW = "/?year=2019"
# The 2019 people of concern each step's data gives, as the pages print it.
FIXED_TOTAL = 106522
PRINTED = {106489: "106,489", 106500: "106,500", FIXED_TOTAL: "106,522"}


class Answers:
    """Every answer's time, version and success, and what the probe read per version."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rows: list[tuple[float, str | None, bool, float]] = []
        self.probed: dict[str, set] = {}

    def add(self, version: str | None, ok: bool, seconds: float) -> None:
        with self.lock:
            self.rows.append((time.monotonic(), version, ok, seconds))

    def probe(self, version: str, what: object) -> None:
        with self.lock:
            self.probed.setdefault(version, set()).add(what)


class VersionedSession(Session):
    """A user's connection that reports each answer's data version."""

    def __init__(self, base: str, answers: Answers) -> None:
        super().__init__(base)
        self.answers = answers

    def request(self, method: str, path: str, body: object = None) -> tuple[int, bytes]:
        start = time.perf_counter()
        self.version = None
        try:
            status, data = super().request(method, path, body)
        except OSError:
            self.answers.add(None, False, time.perf_counter() - start)
            raise
        self.answers.add(self.version, status < 400, time.perf_counter() - start)
        return status, data

    def _connect(self):
        connection = super()._connect()
        original = connection.getresponse

        def getresponse():
            response = original()
            self.version = response.getheader("X-Data-Version")
            return response

        connection.getresponse = getresponse
        return connection


def versioned_user(base, recorder, dependencies, seed, think, answers) -> User:
    user = User(base, recorder, dependencies, seed, think)
    user.session = VersionedSession(base, answers)
    return user


def get(base: str, path: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.headers["X-Data-Version"], response.read()


def probe(base: str, answers: Answers, stop: threading.Event) -> None:
    """Read the 2019 people of concern from the API and the overview page, per version."""
    while not stop.is_set():
        try:
            version, body = get(base, PEOPLE)
            (row,) = json.loads(body)["rows"]
            answers.probe(version, ("api", row["total"]))
            version, body = get(base, OVERVIEW)
            page = body.decode()
            answers.probe(
                version, ("page", tuple(sorted(t for t in PRINTED if PRINTED[t] in page)))
            )
        except OSError:
            pass
        time.sleep(0.1)


def worker_versions(base: str) -> dict[int, str]:
    """Each live worker's data version, from /metrics (asked from this machine)."""
    with urllib.request.urlopen(base + "/metrics", timeout=30) as response:
        text = response.read().decode()
    versions = {}
    for line in text.splitlines():
        if line.startswith("dashboard_data_version_info{") and line.endswith(" 1.0"):
            labels = dict(
                part.split("=", 1)
                for part in line[line.index("{") + 1 : line.index("}")].split(",")
            )
            versions[int(labels["pid"].strip('"'))] = labels["version"].strip('"')
    return versions


def step_report(
    answers: Answers, start: float, end: float, changed_at: float, old: str | None, new: str | None
) -> dict:
    rows = [row for row in answers.rows if start <= row[0] < end]
    times = [seconds for _at, _version, _ok, seconds in rows]
    report = {
        "requests": len(rows),
        "errors": sum(1 for _at, _version, ok, _s in rows if not ok),
        "p99_ms": round(percentile(times, 99) * 1000, 1) if times else None,
    }
    if new is not None and new != old:
        last_old = max((at for at, version, _ok, _s in rows if version == old), default=changed_at)
        first_new = min((at for at, version, _ok, _s in rows if version == new), default=None)
        report["seconds_until_every_answer_new"] = round(max(last_old - changed_at, 0.0), 2)
        report["old_answers_after_first_new"] = sum(
            1 for at, version, _ok, _s in rows if version == old and first_new and at > first_new
        )
    report["versions_seen"] = sorted({version for _at, version, _ok, _s in rows if version})
    return report


def mixed_answers(answers: Answers, expected: dict[str, int]) -> int:
    """Probe answers whose figure is not their version's: the API's total and the page's text."""
    mixed = 0
    for version, seen in answers.probed.items():
        total = expected.get(version)
        for kind, value in seen:
            right = (total,) if kind == "page" else total
            if value != right:
                mixed += 1
    return mixed


def write_people(path: Path, total_2019: str) -> None:
    """people_of_concern.csv with the given 2019 total, written whole then renamed in."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [lines[0]] + [
        f"2019,{total_2019}" if line.startswith("2019,") else line for line in lines[1:]
    ]
    temporary = path.with_name(".people.tmp")
    temporary.write_text("\n".join(rows) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def wait_until(condition, timeout: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--step", type=float, default=15.0, help="seconds per step (at most 120)")
    parser.add_argument("--poll", type=float, default=1.0, help="DASHBOARD_DATA_POLL_SECONDS")
    args = parser.parse_args()
    step = min(args.step, 120.0)
    folder = Path(tempfile.mkdtemp(prefix="synthetic-faults-"))
    data = folder / "data"
    shutil.copytree(REPO / "data", data)
    people_file = data / "operations" / OPERATION / "people_of_concern.csv"
    page = folder / "synthetic-changed-page.txt"
    seed = SEED.read_text(encoding="utf-8")
    page.write_text(seed.replace(SEED_LINE, CHANGED_LINE), encoding="utf-8")
    env = {"DASHBOARD_DATA_POLL_SECONDS": str(args.poll)}
    answers, recorder, stop = Answers(), Recorder(), threading.Event()
    results: dict[str, object] = {
        "users": args.users,
        "step_seconds": step,
        "poll_seconds": args.poll,
    }
    try:
        with gunicorn(2, data_dir=data, env=env) as (base, process):
            master = psutil.Process(process.pid)
            first, _body = get(base, PEOPLE)
            expected = {first: 106489}
            dependencies = json.loads(get(base, "/_dash-dependencies")[1])
            stop_users_at = time.monotonic() + args.users * SPAWN_INTERVAL + 3 * step + 5
            threads = [
                threading.Thread(
                    target=versioned_user(
                        base, recorder, dependencies, seed_, (1.0, 5.0), answers
                    ).run,
                    args=(stop_users_at,),
                )
                for seed_ in range(args.users)
            ]
            for thread in threads:
                thread.start()
                time.sleep(SPAWN_INTERVAL)
            prober = threading.Thread(target=probe, args=(base, answers, stop))
            prober.start()
            time.sleep(2)

            # 1. import a changed page
            start = time.monotonic()
            import_page(page, OPERATION, data, replace=True)  # the seed's report year
            changed_at = time.monotonic()
            wait_until(
                lambda: (
                    len(set(worker_versions(base).values()) - {first}) == 1
                    and first not in worker_versions(base).values()
                ),
                step,
            )
            imported = get(base, PEOPLE)[0]
            expected[imported] = 106500
            time.sleep(max(0.0, start + step - time.monotonic()))
            results["1 import"] = step_report(
                answers, start, start + step, changed_at, first, imported
            )

            # 2. a broken file dropped in, then fixed
            start = time.monotonic()
            write_people(people_file, "not-a-number")
            degraded_after = wait_until(
                lambda: get(base, "/healthz")[1].find(b'"degraded"') >= 0, step / 2
            )
            time.sleep(max(0.0, start + step / 2 - time.monotonic()))
            write_people(people_file, str(FIXED_TOTAL))
            fixed_at = time.monotonic()
            wait_until(lambda: imported not in worker_versions(base).values(), step / 2)
            fixed = get(base, PEOPLE)[0]
            expected[fixed] = FIXED_TOTAL
            time.sleep(max(0.0, start + step - time.monotonic()))
            broken_rows = [row for row in answers.rows if start <= row[0] < fixed_at]
            report = step_report(answers, start, start + step, fixed_at, imported, fixed)
            report["seconds_until_healthz_degraded"] = degraded_after and round(degraded_after, 2)
            report["answers_while_broken_not_the_last_good_version"] = sum(
                1 for _at, version, ok, _s in broken_rows if ok and version != imported
            )
            results["2 broken then fixed"] = report

            # 3. kill -9 of one worker
            start = time.monotonic()
            killed = min(child.pid for child in master.children())
            os.kill(killed, signal.SIGKILL)
            replaced = wait_until(
                lambda: (
                    len(worker_versions(base)) == 2
                    and killed not in worker_versions(base)
                    and set(worker_versions(base).values()) == {fixed}
                ),
                step,
            )
            time.sleep(max(0.0, start + step - time.monotonic()))
            report = step_report(answers, start, start + step, start, None, None)
            report["seconds_until_replacement_serves"] = replaced and round(replaced, 2)
            results["3 kill -9 one worker"] = report

            stop.set()
            prober.join()
            for thread in threads:
                thread.join()
            results["answers_mixing_versions"] = mixed_answers(answers, expected)
            results["probe_answers"] = {
                version: sorted(map(str, seen)) for version, seen in answers.probed.items()
            }
            # load.py's users' own checks of what they were sent (not HTTP errors).
            results["load_client_notes"] = recorder.examples
    finally:
        stop.set()
        shutil.rmtree(folder, ignore_errors=True)
    print_results(results)
    write_results("faults", COMMAND, results)
    return 0


def print_results(results: dict) -> None:
    users, step, poll = results["users"], results["step_seconds"], results["poll_seconds"]
    print(f"{users} users, {step:.0f} s per step, poll {poll} s")
    for name, report in results.items():
        if isinstance(report, dict) and "requests" in report:
            details = ", ".join(f"{key} {value}" for key, value in report.items())
            print(f"{name}: {details}")
    print(f"answers mixing versions: {results['answers_mixing_versions']}")
    print(f"notes of load.py's users (not HTTP errors): {results['load_client_notes']}")


if __name__ == "__main__":
    sys.exit(main())
