"""Scale: synthetic operations (1, 10, 100, 1,000 x 8 years) in a temporary data folder.

    python bench/bench_scale.py [--sizes 1 10 100 1000] [--requests 150] [--load-runs 3]

The operations are generated at run time (``bench/synthetic.py``) into a
temporary folder, never into ``data/``; ``DASHBOARD_DATA_DIR`` points the app
at it.  For each size:

- load: a fresh Python process times ``load_catalogue`` (read and validate
  every operation) and ``create_app`` (both), and reports its RSS; the median
  of ``--load-runs`` such processes is reported (every run is in the JSON);
- gunicorn ``-w 2 -b 127.0.0.1:PORT dashboard.wsgi:server``: seconds until it
  answers ``/healthz``, the RSS (and USS, the memory not shared with the
  preloaded master) of one worker after the requests below;
- the year-switch callbacks of the budget and overview pages (bodies built from
  ``/_dash-dependencies``) for the last synthetic operation, one connection,
  random years: p50/p95 latency.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
from common import (
    REPO,
    callback_outputs,
    gunicorn,
    median,
    percentile,
    print_table,
    write_results,
)
from synthetic import YEARS, write_operations

COMMAND = "python bench/bench_scale.py"
CALLBACK_PREFIXES = ("..budget-", "..overview-results", "..overview-map", "..overview-poc")
# The state a year-switch callback may also read, and the value the benchmark sends.
STATE_VALUES = {("interface-language", "data"): "en"}

LOAD_SCRIPT = """
import json, sys, time
start = time.perf_counter()
from dashboard.runtime import load_catalogue
imported = time.perf_counter()
catalogue = load_catalogue(sys.argv[1])
loaded = time.perf_counter()
from dashboard.app import create_app
app = create_app(sys.argv[1])
created = time.perf_counter()
import psutil
print(json.dumps({"import_s": imported - start, "load_catalogue_s": loaded - imported,
                  "create_app_s": created - loaded,
                  "rss_mb": psutil.Process().memory_info().rss / 2**20}))
"""


def callback_bodies(base: str, operation: str) -> list[tuple[str, dict]]:
    """Bodies of the page callbacks whose input is the year menu alone and whose state
    is the operation and language stores."""
    with urllib.request.urlopen(base + "/_dash-dependencies") as response:
        dependencies = json.load(response)
    values = {("operation-id", "data"): operation, **STATE_VALUES}
    bodies = []
    for dep in dependencies:
        inputs = [(i["id"], i["property"]) for i in dep["inputs"]]
        state = [(s["id"], s["property"]) for s in dep.get("state", [])]
        if inputs != [("year-select", "value")]:
            continue
        if not set(state) <= set(values):
            continue
        if not dep["output"].startswith(CALLBACK_PREFIXES):
            continue
        parts = dep["output"].strip(".").split("...")
        outputs = callback_outputs(dep["output"])
        body = {
            "output": dep["output"],
            "outputs": outputs,
            "inputs": [{"id": "year-select", "property": "value", "value": "2020"}],
            "changedPropIds": ["year-select.value"],
            "state": [
                {"id": id_, "property": prop, "value": values[id_, prop]} for id_, prop in state
            ],
        }
        bodies.append((parts[0], body))
    if not bodies:
        raise RuntimeError("no year-switch callback in /_dash-dependencies matches the benchmark")
    return bodies


def latencies(base: str, bodies: list[tuple[str, dict]], requests: int) -> dict[str, list[float]]:
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    rng = random.Random(1)
    result: dict[str, list[float]] = {}
    for name, body in bodies:
        for _ in range(requests):
            body["inputs"][0]["value"] = str(rng.choice(YEARS))
            payload = json.dumps(body)
            start = time.perf_counter()
            connection.request(
                "POST",
                "/_dash-update-component",
                body=payload,
                headers={"Content-Type": "application/json", "Accept-Encoding": "br"},
            )
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{name}: HTTP {response.status}")
            result.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    connection.close()
    return result


def load_in_fresh_processes(root: Path, runs: int) -> dict[str, object]:
    """The median of each ``LOAD_SCRIPT`` measure over ``runs`` fresh processes, and every run."""
    measured = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", LOAD_SCRIPT, str(root)],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for _ in range(runs)
    ]
    medians = {key: median([run[key] for run in measured]) for key in measured[0]}
    return {**medians, "runs": measured}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100, 1000])
    parser.add_argument("--requests", type=int, default=150)
    parser.add_argument("--load-runs", type=int, default=3)
    args = parser.parse_args()
    rows, results = [], []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-synthetic-") as scratch:
            root = Path(scratch)
            started = time.perf_counter()
            ids = write_operations(root, size)
            generated = time.perf_counter() - started
            loaded = load_in_fresh_processes(root, args.load_runs)
            started = time.perf_counter()
            with gunicorn(2, data_dir=root, timeout=600) as (base, process):
                ready = time.perf_counter() - started
                bodies = callback_bodies(base, ids[-1])
                times = latencies(base, bodies, args.requests)
                worker = psutil.Process(process.pid).children()[0]
                memory = worker.memory_full_info()
            per_callback = {
                name: {"p50_ms": percentile(v, 50), "p95_ms": percentile(v, 95)}
                for name, v in times.items()
            }
            worst = max(per_callback.values(), key=lambda v: v["p95_ms"])
            entry = {
                "operations": size,
                "years": len(YEARS),
                "generate_s": generated,
                **loaded,
                "gunicorn_ready_s": ready,
                "worker_rss_mb": memory.rss / 2**20,
                "worker_uss_mb": memory.uss / 2**20,
                "callbacks": per_callback,
            }
            results.append(entry)
            rows.append(
                [
                    size,
                    loaded["load_catalogue_s"],
                    loaded["create_app_s"],
                    ready,
                    entry["worker_rss_mb"],
                    entry["worker_uss_mb"],
                    per_callback.get("budget-year-heading.children", worst)["p95_ms"],
                    worst["p95_ms"],
                ]
            )
            print(f"{size} operations: done", flush=True)
    print()
    print_table(
        [
            "operations",
            "load_catalogue s",
            "create_app s",
            "gunicorn ready s",
            "worker RSS MB",
            "worker USS MB",
            "budget year switch p95 ms",
            "slowest callback p95 ms",
        ],
        rows,
    )
    write_results("scale", COMMAND, {"sizes": results})


if __name__ == "__main__":
    main()
