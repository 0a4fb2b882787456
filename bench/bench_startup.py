"""Startup: ``python -m dashboard`` on the shipped data until it serves, and its imports.

    python bench/bench_startup.py [--runs 5]

Starts ``python -m dashboard --port PORT`` (127.0.0.1) ``--runs`` times and
times the spawn until ``GET /`` answers 200; then, in fresh processes, the
phases (importing ``dashboard.app``, ``create_app``) and
``python -X importtime -c "import dashboard.app"``'s largest cumulative imports.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, free_port, median, print_table, wait_for, write_results

COMMAND = "python bench/bench_startup.py"
PHASES = """
import json, time
t0 = time.perf_counter()
import dashboard.app
t1 = time.perf_counter()
app = dashboard.app.create_app()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "create_app_s": t2 - t1}))
"""


def serve_once() -> float:
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", 60, process)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def import_times() -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) from ``-X importtime``, largest cumulative first."""
    stderr = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import dashboard.app"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append((name.strip(), int(self_us), int(cumulative)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    serve = [serve_once() for _ in range(args.runs)]
    phases = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", PHASES], cwd=REPO, check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    ]
    imports = import_times()
    top_level = sorted((r for r in imports if "." not in r[0]), key=lambda r: -r[2])[:12]
    total_import = max(r[2] for r in imports)
    print_table(
        ["measure", "median s", "runs"],
        [
            ["python -m dashboard: spawn until GET / is 200", median(serve), len(serve)],
            ["import dashboard.app", median([p["import_s"] for p in phases]), len(phases)],
            [
                "create_app() (load data, build layout)",
                median([p["create_app_s"] for p in phases]),
                len(phases),
            ],
        ],
    )
    print()
    print_table(
        ["top-level package (-X importtime)", "cumulative ms", "self ms"],
        [[name, cum / 1000, own / 1000] for name, own, cum in top_level],
    )
    write_results(
        "startup",
        COMMAND,
        {
            "serve_s": serve,
            "serve_median_s": median(serve),
            "target_s": 2.0,
            "target_met": median(serve) < 2.0,
            "phases": phases,
            "import_total_ms": total_import / 1000,
            "top_imports": [
                {"module": n, "self_ms": s / 1000, "cumulative_ms": c / 1000}
                for n, s, c in top_level
            ],
        },
    )


if __name__ == "__main__":
    main()
