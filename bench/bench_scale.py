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
- the update callbacks (input ``url.search``: bodies built from
  ``/_dash-dependencies``) of the budget and overview pages for the last
  synthetic operation (``?year=Y&op=<id>``), of the catalogue (``/operations``,
  a sort picked by the year) and of the comparison of the last and first
  operations (``/compare?ops=<last>,<first>&year=Y``), one connection, random
  years: p50/p95 latency.
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
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
from common import (
    REPO,
    callback_body,
    dash_dependencies,
    draw_frame,
    gunicorn,
    layout_ids,
    median,
    percentile,
    print_table,
    view_search,
    write_results,
)
from synthetic import YEARS, write_operations

COMMAND = "python bench/bench_scale.py"
CATALOGUE_SORTS = ("-budget", "name", "-people", "rate", "-change", "years", "countries", "-name")


def _one_operation(year: int, ids: list[str]) -> str:
    return view_search(year, ids[-1])


def _catalogue(year: int, _ids: list[str]) -> str:
    return f"?sort={CATALOGUE_SORTS[year % len(CATALOGUE_SORTS)]}"


def _comparison(year: int, ids: list[str]) -> str:
    return f"?ops={ids[-1]},{ids[0]}&year={year}"


# The pages measured, by the start of their update callback's outputs: path and
# the query of a view for a year and the synthetic ids.
CALLBACK_PAGES = {
    "..budget-": ("/budget", _one_operation),
    "..overview-": ("/", _one_operation),
    "..catalogue-": ("/operations", _catalogue),
    "..compare-": ("/compare", _comparison),
}

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


def callback_bodies(base: str, ids: list[str]) -> list[tuple[str, dict, object]]:
    """Bodies of the update callbacks of ``CALLBACK_PAGES`` (inputs the year menu
    and ``url.search``) with the query builder of each, as the browser posts them
    when the URL changes (back, forward, a link) to a view not drawn.  The
    components a wildcard output names come from the frame that ``draw_frame``
    draws."""
    dependencies = dash_dependencies(base)
    bodies = []
    for prefix, (path, query) in CALLBACK_PAGES.items():
        search = query(2020, ids)
        children, _key = draw_frame(base, path, search)
        values = {("url", "search"): search, ("url", "pathname"): path}
        for dep in dependencies:
            inputs = [(i["id"], i["property"]) for i in dep["inputs"]]
            if inputs != [("year-select", "value"), ("url", "search")]:
                continue
            if not dep["output"].startswith(prefix):
                continue
            body = callback_body(dep, values, layout_ids(children))
            if body is None:
                raise RuntimeError(f"the frame of {path} lacks an output of {dep['output']}")
            body["changedPropIds"] = ["url.search"]
            bodies.append((dep["output"].strip(".").split("...")[0], body, query))
    if not bodies:
        raise RuntimeError("no year-switch callback in /_dash-dependencies matches the benchmark")
    return bodies


def latencies(
    base: str, bodies: list[tuple[str, dict, object]], requests: int, ids: list[str]
) -> dict[str, list[float]]:
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    rng = random.Random(1)
    result: dict[str, list[float]] = {}
    for name, body, query in bodies:
        for _ in range(requests):
            body["inputs"][1]["value"] = query(rng.choice(YEARS), ids)
            payload = json.dumps(body)
            start = time.perf_counter()
            connection.request(
                "POST",
                "/_dash-update-component",
                body=payload,
                headers={"Content-Type": "application/json", "Accept-Encoding": "br"},
            )
            response = connection.getresponse()
            data = response.read()
            if response.status != 200 or not data:
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
                bodies = callback_bodies(base, ids)
                times = latencies(base, bodies, args.requests, ids)
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
                    per_callback.get("catalogue-text.value", worst)["p95_ms"],
                    per_callback.get("compare-chooser.value", worst)["p95_ms"],
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
            "catalogue p95 ms",
            "compare p95 ms",
            "slowest callback p95 ms",
        ],
        rows,
    )
    write_results("scale", COMMAND, {"sizes": results})


if __name__ == "__main__":
    main()
