"""Load test: simulated users against gunicorn on 127.0.0.1, for a bounded time.

    python bench/load.py [--users 50] [--duration 60] [--workers 2] [--url URL]

Without ``--url`` it starts gunicorn with the repository's gunicorn.conf.py on
a free port of 127.0.0.1 and stops it at the end; with ``--url`` it targets
that server, which must be on 127.0.0.1 or localhost.  Each simulated user
keeps one connection and loops, with a think time between actions (default
1-5 s, ``--think MIN MAX``):
open a page (the HTML, Dash's layout and dependencies, and ``draw_frame``, the
callback that draws the frame with the page; the static files only on its
first visit, as a browser caches them), switch to another year (the callbacks
that follow ``?year=`` in the URL: ``draw_frame``, ``update_frame`` and the
page's update callback), download a CSV (the dashboard's download callback),
call the API.  Users start at 5 per second.  Prints requests/s, latency
percentiles per kind of request, errors, CPU use, and the memory of each
gunicorn worker.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import FRAME_OUTPUT, callback_body, frame_of, gunicorn, layout_ids, matching
from load_client import Session

OPERATION = "kazakhstan-mco"
YEARS = list(range(2015, 2022))
PAGES = ["/", "/budget", "/narratives", "/contributions"]
DOWNLOADS = {"/": "key-figures", "/budget": "expenditure-by-pillar"}
DOWNLOADS |= {"/narratives": "narratives", "/contributions": "contributions"}
SPAWN_INTERVAL = 0.2  # users start at 5 per second, as a load tool's spawn rate
API_TABLES = ["budget", "key_figures", "contributions", "people_of_concern"]


class Recorder:
    """Latencies (seconds) and errors per kind of request, shared by the user threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []

    def add(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1
                if len(self.examples) < 5:
                    self.examples.append(f"{kind}: {detail}")


class User:
    def __init__(
        self,
        base: str,
        recorder: Recorder,
        dependencies: list[dict],
        seed: int,
        think: tuple[float, float],
    ) -> None:
        self.think = think
        self.session = Session(base)
        self.recorder = recorder
        # The server callbacks; the browser runs the clientside ones itself.
        self.dependencies = [d for d in dependencies if not d.get("clientside_function")]
        self.random = random.Random(seed)
        self.static: list[str] = []
        self.path = "/"
        self.year = 2020
        # The frame the browser shows: its components' ids and its ``data-frame``.
        self.ids: list = layout_ids([])
        self.drawn: str | None = None

    def call(self, kind: str, method: str, path: str, body: object = None) -> bytes:
        start = time.perf_counter()
        try:
            status, data = self.session.request(method, path, body)
            ok, detail = status < 400, f"{status} {path}"
        except OSError as exc:
            data, ok, detail = b"", False, f"{type(exc).__name__} {path}"
        self.recorder.add(kind, time.perf_counter() - start, ok, detail)
        if ok and data and isinstance(body, dict) and body.get("output") == FRAME_OUTPUT:
            children, self.drawn = frame_of(data)  # the browser now shows this frame
            self.ids = layout_ids(children)
        return data

    def callbacks(self, kind: str, changed: tuple[str, str] | None) -> None:
        """The server callbacks the browser posts when ``changed`` (a component's
        property) changes, or on a first load (None: those without
        ``prevent_initial_call``), for the frame it shows: each one whose outputs
        are in the frame (``draw_frame`` always; the shown page's update callback)."""
        values = {
            ("url", "search"): f"?year={self.year}",
            ("url", "pathname"): self.path,
            ("frame", "data-frame"): self.drawn,
        }
        for dependency in self.dependencies:
            inputs = [(item["id"], item["property"]) for item in dependency["inputs"]]
            if changed is None and dependency.get("prevent_initial_call"):
                continue
            if changed is not None and changed not in inputs:
                continue
            body = callback_body(dependency, values, self.ids)
            if body is not None:
                self.call(kind, "POST", "/_dash-update-component", body)

    def open_page(self) -> None:
        """A first load: the HTML, Dash's layout (the URL and an empty frame) and
        dependencies, then ``draw_frame`` draws the frame with the page."""
        self.path = self.random.choice(PAGES)
        html = self.call("page html", "GET", f"{self.path}?year={self.year}").decode()
        if not self.static:
            self.static = re.findall(
                r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"', html
            )
            for url in self.static:
                self.call("static (first visit)", "GET", url)
        self.call("dash layout", "GET", "/_dash-layout")
        self.call("dash layout", "GET", "/_dash-dependencies")
        self.ids, self.drawn = layout_ids([]), None
        self.callbacks("callback", None)

    def switch_year(self) -> None:
        """The year menu writes ``?year=`` into the URL (in the browser); the server
        callbacks that follow the URL run: ``draw_frame`` (204: the frame shows
        the page already), ``update_frame`` and the page's update callback."""
        self.year = self.random.choice([y for y in YEARS if y != self.year])
        self.callbacks("callback", ("url", "search"))

    def download_csv(self) -> None:
        dataset = DOWNLOADS[self.path]
        dependency = next(d for d in self.dependencies if d["output"].startswith('{"dataset"'))
        button = {"type": "data-download-button", "dataset": dataset}
        buttons = matching({**button, "format": ["ALL"]}, self.ids)
        if {**button, "format": "csv"} not in buttons:
            self.recorder.add("csv download", 0.0, False, f"no CSV button for {dataset}")
            return
        body = {
            "output": dependency["output"],
            "outputs": {"id": {"dataset": dataset, "type": "data-download"}, "property": "data"},
            "inputs": [
                [
                    {
                        "id": id_,
                        "property": "n_clicks",
                        "value": 1 if id_["format"] == "csv" else None,
                    }
                    for id_ in buttons
                ]
            ],
            "state": [
                {"id": "url", "property": "pathname", "value": self.path},
                {"id": "url", "property": "search", "value": f"?year={self.year}"},
            ],
            "changedPropIds": [
                json.dumps({**button, "format": "csv"}, separators=(",", ":"), sort_keys=True)
                + ".n_clicks"
            ],
        }
        data = self.call("csv download", "POST", "/_dash-update-component", body)
        if data and b'"filename"' not in data:
            self.recorder.add("csv download", 0.0, False, "no file in the answer")

    def call_api(self) -> None:
        table = self.random.choice(API_TABLES)
        self.call("api", "GET", f"/api/v1/operations/{OPERATION}/{table}?year={self.year}")

    def run(self, stop_at: float) -> None:
        actions = [self.switch_year, self.switch_year, self.download_csv, self.call_api]
        actions.append(self.open_page)
        self.open_page()
        while time.monotonic() < stop_at:
            time.sleep(self.random.uniform(*self.think))
            if time.monotonic() >= stop_at:
                break
            self.random.choice(actions)()
        self.session.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def worker_memory(master: psutil.Process) -> list[tuple[int, float, float]]:
    """(pid, RSS MiB, USS MiB) of each worker: USS is memory the worker alone holds."""
    rows = []
    for child in master.children():
        info = child.memory_full_info()
        rows.append((child.pid, info.rss / 2**20, info.uss / 2**20))
    return rows


def report(recorder: Recorder, seconds: float, memory: list, users: int, cpu: str) -> str:
    everything = [value for values in recorder.latency.values() for value in values]
    errors = sum(recorder.errors.values())
    lines = [
        f"{users} users, {seconds:.0f} s: {len(everything)} requests, "
        f"{len(everything) / seconds:.1f} requests/s, {errors} errors",
        cpu,
        "",
        "| requests | count | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    kinds = [*sorted(recorder.latency), "all"]
    for kind in kinds:
        values = everything if kind == "all" else recorder.latency[kind]
        errs = errors if kind == "all" else recorder.errors[kind]
        lines.append(
            f"| {kind} | {len(values)} | {percentile(values, 0.5):.0f} | "
            f"{percentile(values, 0.95):.0f} | {percentile(values, 0.99):.0f} | "
            f"{max(values) * 1000:.0f} | {errs} |"
        )
    if memory:
        lines += ["", "| worker | RSS MiB | USS MiB |", "| --- | ---: | ---: |"]
        lines += [f"| {pid} | {rss:.0f} | {uss:.0f} |" for pid, rss, uss in memory]
    if recorder.examples:
        lines += ["", "first errors: " + "; ".join(recorder.examples)]
    return "\n".join(lines)


def cpu_seconds(processes: list[psutil.Process]) -> float:
    return sum(p.cpu_times().user + p.cpu_times().system for p in processes)


def run(
    base: str,
    users: int,
    duration: float,
    master: psutil.Process | None,
    think: tuple[float, float],
) -> str:
    deps_session = Session(base)
    _status, data = deps_session.request("GET", "/_dash-dependencies")
    deps_session.close()
    dependencies = json.loads(data)
    recorder = Recorder()
    stop_at = time.monotonic() + duration
    started = time.monotonic()
    workers = master.children() if master else []
    me = psutil.Process()
    cpu_before = (cpu_seconds(workers), cpu_seconds([me]))
    threads = [
        threading.Thread(
            target=User(base, recorder, dependencies, seed, think).run, args=(stop_at,)
        )
        for seed in range(users)
    ]
    for thread in threads:
        thread.start()
        time.sleep(SPAWN_INTERVAL)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    memory = worker_memory(master) if master else []
    server_cpu = cpu_seconds(workers) - cpu_before[0]
    client_cpu = cpu_seconds([me]) - cpu_before[1]
    cpu = (
        f"CPU used: gunicorn workers {server_cpu / elapsed:.0%} of one core, "
        f"this load generator {client_cpu / elapsed:.0%} (think time {think[0]}-{think[1]} s)"
    )
    load = ", ".join(f"{value:.1f}" for value in psutil.getloadavg())
    cpu += f"; load average at the end {load} on {psutil.cpu_count()} cores"
    return report(recorder, elapsed, memory, users, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (at most 600)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--url", help="an already running server on 127.0.0.1")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 5.0),
        metavar=("MIN", "MAX"),
        help="seconds a user waits between actions (default 1 5)",
    )
    args = parser.parse_args()
    duration = min(args.duration, 600.0)
    if args.url:
        if urlparse(args.url).hostname not in ("127.0.0.1", "localhost"):
            parser.error("--url must be on 127.0.0.1 or localhost")
        print(run(args.url.rstrip("/"), args.users, duration, None, tuple(args.think)))
        return 0
    with gunicorn(args.workers) as (base, process):
        print(f"gunicorn with {args.workers} workers at {base}", flush=True)
        print(run(base, args.users, duration, psutil.Process(process.pid), tuple(args.think)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
