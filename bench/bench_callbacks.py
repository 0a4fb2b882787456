"""Callbacks in process: what one callback request costs, and where the time goes.

    python bench/bench_callbacks.py [--requests 1000] [--rounds 5] [--bodies FILE]

Replays the callback requests ``bench_server.py`` recorded from the browser
(``bench/results/server.json``, or ``--bodies``), each with the years
2015-2021 in turn, through Flask's test client: no network, no gunicorn and no
load generator sharing the cores, so two versions of the code can be compared
to a few microseconds (``bench_server.py``'s requests/s at saturation vary by a
third between runs of the same code).  Per callback, the best of ``--rounds``
rounds of ``--requests`` requests: microseconds per request in all, in Dash's
dispatch, in the callback function itself, and in each ``before_request`` and
``after_request`` function of the server.  The access log goes to a temporary
file, as under ``bench_server.py``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dash._callback
from browser_pages import with_year
from common import REPO, print_table, write_results

sys.path.insert(0, str(REPO))  # this checkout's package, also in a worktree of older code

COMMAND = "python bench/bench_callbacks.py"
YEARS = range(2015, 2022)
UPDATE = "/_dash-update-component"
HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "gzip, deflate, br, zstd"}

spent: defaultdict[str, float] = defaultdict(float)


def timed(label: str, function: Callable) -> Callable:
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    return run


def instrument(server) -> list[str]:
    """Time the server's request hooks, its dispatch and the callback functions."""
    hooks = []
    for kind, registry in (
        ("before", server.before_request_funcs),
        ("after", server.after_request_funcs),
    ):
        for index, hook in enumerate(registry.get(None, [])):
            label = f"{kind}: {getattr(hook, '__qualname__', repr(hook)).rsplit('.', 1)[-1]}"
            registry[None][index] = timed(label, hook)
            hooks.append(label)
    endpoint = next(
        name for name in server.view_functions if name.endswith("dash-update-component")
    )
    server.view_functions[endpoint] = timed("dispatch", server.view_functions[endpoint])
    dash._callback._invoke_callback = timed("callback function", dash._callback._invoke_callback)
    return hooks


def quiet_access_log(folder: str) -> None:
    handler = logging.FileHandler(Path(folder) / "access.log")
    logger = logging.getLogger("dashboard")
    if logger.handlers:
        handler.setFormatter(logger.handlers[0].formatter)
        logger.handlers[:] = [handler]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bodies", type=Path, default=REPO / "bench" / "results" / "server.json")
    args = parser.parse_args()
    if not args.bodies.exists():
        sys.exit(f"{args.bodies} not found: run `python bench/bench_server.py` first")
    recorded = json.loads(args.bodies.read_text(encoding="utf-8"))["callbacks"]

    from dashboard.app import create_app

    app = create_app(REPO / "data")
    hooks = instrument(app.server)
    client = app.server.test_client()
    columns = ["total", "dispatch", "callback function", *hooks]
    rows, results = [], []
    with tempfile.TemporaryDirectory(prefix="bench-callbacks-") as folder:
        quiet_access_log(folder)
        for entry in recorded:
            bodies = [json.dumps(with_year(entry["body"], year)) for year in YEARS]
            expected = entry.get("status") or 200
            for body in bodies * 3:  # every view computed and kept before timing
                status = client.post(UPDATE, data=body, headers=HEADERS).status_code
                if status != expected:
                    sys.exit(f"{entry['callback']} answered {status}, not {expected}")
            best: dict[str, float] | None = None
            for _ in range(args.rounds):
                spent.clear()
                start = time.perf_counter()
                for index in range(args.requests):
                    client.post(UPDATE, data=bodies[index % len(bodies)], headers=HEADERS)
                spent["total"] = time.perf_counter() - start
                if best is None or spent["total"] < best["total"]:
                    best = dict(spent)
            per_request = {name: best.get(name, 0.0) / args.requests * 1e6 for name in columns}
            results.append(
                {"page": entry["page"], "callback": entry["callback"], "us": per_request}
            )
            rows.append([entry["page"], entry["callback"][:40], *(per_request[c] for c in columns)])
    print_table(["page", "callback", *(f"{c} us" for c in columns)], rows)
    write_results(
        "callbacks",
        COMMAND,
        {"requests": args.requests, "rounds": args.rounds, "callbacks": results},
    )


if __name__ == "__main__":
    main()
