"""Server: requests/s and latency of each page's year-switch callbacks on gunicorn, 2 workers.

    python bench/bench_server.py [--duration 8] [--connections 8]

Starts ``gunicorn -w 2 -b 127.0.0.1:PORT dashboard.wsgi:server`` (with the
repository's gunicorn.conf.py: gthread, 4 threads, preload).  The callback
requests are the browser's own: headless Chromium opens each page, switches the
year once, and the ``/_dash-update-component`` bodies it sends are recorded
from its network log: the page's update callback and the shell's
``update_frame`` (200) and ``draw_frame`` (204: the frame drawn already shows
the page; replayed expecting 204).  Each callback is then replayed with a
random year (``?year=`` in ``url.search``, 2015-2021): first by one
connection (latency without queueing), then by ``--connections`` keep-alive
connections from two load processes (throughput at saturation; latency then
includes queueing).  The load processes run on the same 2 cores as the
server, so their CPU share is reported too.  Response sizes are the JSON body
and its Brotli form (what a browser receives).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import multiprocessing
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))


import psutil
from browser_pages import discover, select_year, switch_spec, with_year
from common import (
    PAGES,
    callback_posts_with_urls,
    chrome,
    gunicorn,
    install_harness,
    network_events,
    percentile,
    print_table,
    wait_idle,
    wait_ready,
    write_results,
)

COMMAND = "python bench/bench_server.py"
YEARS = list(range(2015, 2022))
ACCEPT = "gzip, deflate, br, zstd"  # what Chromium sends


def record_switches(base: str) -> dict[str, list[dict]]:
    """Per page: the callback requests the browser sends when switching 2020 -> 2019
    (the menu writes ``?year=2019`` into the URL; ``draw_frame``, ``update_frame``
    and the page's update callback follow it), with the status each got."""
    driver = chrome()
    recorded: dict[str, list[dict]] = {}
    try:
        for page in PAGES:
            found = discover(driver, base, page, settle=1.0)
            install_harness(driver, switch_spec(page, len(found["graphs"])))
            driver.get(f"{base}{page}?year=2020")
            wait_ready(driver)
            time.sleep(1.0)
            wait_idle(driver)
            network_events(driver)
            driver.execute_script("window.__bench.arm(2019)")
            select_year(driver, 2019)
            wait_ready(driver)
            time.sleep(1.0)
            wait_idle(driver)
            recorded[page] = callback_posts_with_urls(network_events(driver))
    finally:
        driver.quit()
    return recorded


def callback_name(body: dict) -> str:
    """A short name: the callback's first output, e.g. ``budget-vs-expenditure.figure``."""
    outputs = body["outputs"]
    first = outputs[0] if isinstance(outputs, list) else outputs
    if isinstance(first, list):
        first = first[0] if first else {"id": "?", "property": "?"}
    component = first["id"] if isinstance(first["id"], str) else first["id"].get("type", "?")
    more = f" (+{len(outputs) - 1})" if isinstance(outputs, list) and len(outputs) > 1 else ""
    return f"{component}.{first['property']}{more}"


def _worker(args: tuple) -> tuple[list[float], int]:
    """One load process: ``threads`` keep-alive connections for ``duration`` seconds.
    An answer other than ``expected`` (the status the browser got) is an error."""
    import threading

    base, path, bodies, threads, duration, seed, expected = args
    url = urlparse(base)
    stop_at = time.perf_counter() + duration
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def run(index: int) -> None:
        rng = random.Random(seed * 100 + index)
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        headers = {"Content-Type": "application/json", "Accept-Encoding": ACCEPT}
        mine = []
        while time.perf_counter() < stop_at:
            body = bodies[rng.randrange(len(bodies))]
            start = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == expected
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    errors[0] += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return latencies, errors[0]


def server_cpu(master: psutil.Process) -> float:
    """CPU seconds of gunicorn's master and workers, including workers it has replaced
    (gunicorn.conf.py recycles a worker after about 2,000 requests)."""
    times = master.cpu_times()
    total = times.user + times.system + times.children_user + times.children_system
    for child in master.children():
        with contextlib.suppress(psutil.NoSuchProcess):
            total += sum(child.cpu_times()[:2])
    return total


def load(
    base: str,
    path: str,
    bodies: list[bytes],
    connections: int,
    duration: float,
    server: psutil.Process,
    expected: int = 200,
) -> dict:
    processes = 1 if connections == 1 else 2
    per_process = max(1, connections // processes)
    cpu_before = server_cpu(server)
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        parts = pool.map(
            _worker,
            [
                (base, path, bodies, per_process, duration, seed, expected)
                for seed in range(processes)
            ],
        )
    elapsed = time.perf_counter() - started
    cpu_after = server_cpu(server)
    latencies = [x for part in parts for x in part[0]]
    errors = sum(part[1] for part in parts)
    ms = [x * 1000 for x in latencies]
    return {
        "connections": connections,
        "requests": len(ms),
        "errors": errors,
        "rps": len(ms) / duration,
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
        "server_cpu_s_per_request": (cpu_after - cpu_before) / max(1, len(ms)),
        "wall_s": elapsed,
    }


def sizes(base: str, path: str, body: dict) -> tuple[int, int]:
    """(JSON bytes, Brotli bytes) of one response."""
    url = urlparse(base)
    result = []
    for encoding in ("identity", "br"):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        connection.request(
            "POST",
            path,
            body=json.dumps(body),
            headers={"Content-Type": "application/json", "Accept-Encoding": encoding},
        )
        result.append(len(connection.getresponse().read()))
        connection.close()
    return result[0], result[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    rows, results = [], []
    with gunicorn(2) as (base, process):
        recorded = record_switches(base)
        server = psutil.Process(process.pid)
        seen: set[str] = set()
        for page, posts in recorded.items():
            for post in posts:
                name = callback_name(post["body"])
                if name in seen:  # the shell's callbacks run on every page: measure once
                    continue
                seen.add(name)
                kind = "shell" if not name.startswith(page.strip("/") or "overview") else "page"
                # A page's update answers 200 with its views.  The shell's callbacks
                # answer as they did in the browser: ``draw_frame`` with 204 (the
                # frame drawn already shows the page), ``update_frame`` with 200.
                if kind == "page" and post["status"] != 200:
                    raise RuntimeError(f"{name} answered {post['status']} in the browser")
                expected = post["status"] or 200
                bodies = [json.dumps(with_year(post["body"], y)).encode() for y in YEARS]
                raw, compressed = sizes(base, post["path"], with_year(post["body"], 2020))
                single = load(base, post["path"], bodies, 1, args.duration / 2, server, expected)
                busy = load(
                    base, post["path"], bodies, args.connections, args.duration, server, expected
                )
                met = busy["rps"] >= 500 and busy["p99_ms"] < 50
                results.append(
                    {
                        "page": page,
                        "callback": name,
                        "kind": kind,
                        "status": expected,
                        "body": post["body"],
                        "response_bytes": raw,
                        "response_bytes_br": compressed,
                        "one_connection": single,
                        "saturated": busy,
                        "target_met": met,
                    }
                )
                rows.append(
                    [
                        page if kind == "page" else f"(shell, {page})",
                        name,
                        single["p50_ms"],
                        single["p99_ms"],
                        busy["rps"],
                        busy["p50_ms"],
                        busy["p99_ms"],
                        busy["server_cpu_s_per_request"] * 1000,
                        raw,
                        compressed,
                        busy["errors"] + single["errors"],
                        "yes" if met else "NO",
                    ]
                )
                print(f"{name}: {busy['rps']:.0f} req/s", flush=True)
    print()
    print_table(
        [
            "page",
            "callback",
            "1 conn p50 ms",
            "1 conn p99 ms",
            f"req/s @{args.connections}",
            "p50 ms",
            "p99 ms",
            "server CPU ms/req",
            "resp bytes",
            "resp br bytes",
            "errors",
            ">=500/s & p99<50",
        ],
        rows,
    )
    write_results(
        "server",
        COMMAND,
        {
            "workers": 2,
            "connections": args.connections,
            "duration_s": args.duration,
            "callbacks": results,
        },
    )


if __name__ == "__main__":
    main()
