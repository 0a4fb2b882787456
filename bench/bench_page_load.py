"""Page load: the app's pages against the floor of the same charts on a static Plotly page.

    python bench/bench_page_load.py [--runs 10] [--pages / /budget ...]

Starts ``gunicorn -w 2 -b 127.0.0.1:PORT dashboard.wsgi:server`` and a static
server (the plotly.js the app loads, the map's topojson), both on
127.0.0.1, and drives headless Chromium.  A page is loaded when every
``.js-plotly-plot`` has ``_fullLayout``, its last ``Plotly.newPlot``/``react``
promise has resolved with the callback's figure (a title), no graph is
``.dash-graph--pending``, and the page's cards and headings are filled; the time
is ``performance.now()`` at that moment (milliseconds since navigation start),
taken in the page by a script installed before the page's own.

Cold: the browser's HTTP cache is cleared before the load.  Warm: the previous
load filled it.  The floor page draws the same figures (replayed from the
browser's callback requests) with ``Plotly.newPlot`` in divs of the same size.
Median of ``--runs`` loads each, interleaved.  Before measuring, each page is
loaded a few times so both workers hold their compressed static files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_pages import (
    START_YEAR,
    discover,
    figures_for,
    floor_session,
    load_spec,
    page_url,
    write_floor,
)
from common import (
    PAGES,
    clear_cache,
    install_harness,
    median,
    network_events,
    percentile,
    print_table,
    wait_ready,
    write_results,
)

COMMAND = "python bench/bench_page_load.py"


def load_once(driver, url: str, spec: dict, cold: bool) -> float:
    install_harness(driver, spec)
    driver.get("about:blank")
    if cold:
        clear_cache(driver)
    driver.get(url)
    result = wait_ready(driver)
    network_events(driver)  # drop the log, so it does not grow
    return result["t1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()

    rows, results = [], []
    with floor_session() as (base, static, folder, driver):
        for page in args.pages:
            found = discover(driver, base, page)
            graphs = found["graphs"]
            ids = [g["id"] for g in graphs]
            spec = load_spec(page, len(graphs))
            for _ in range(3):  # warm both workers' compressed static files
                load_once(driver, page_url(base, page), spec, cold=True)
            floor_url = None
            if graphs:
                figures = {START_YEAR: figures_for(base, found["posts"], ids, START_YEAR)}
                name = f"floor{page.replace('/', '_') or '_'}.html"
                floor_url = static + write_floor(folder, name, graphs, figures, START_YEAR)
                floor_spec = {"graphs": len(graphs), "texts": [], "titled": True}
                load_once(driver, floor_url, floor_spec, cold=True)
            times: dict[str, list[float]] = {}
            for _ in range(args.runs):
                for mode in ("cold", "warm"):
                    cold = mode == "cold"
                    times.setdefault(f"app {mode}", []).append(
                        load_once(driver, page_url(base, page), spec, cold)
                    )
                    if floor_url:
                        times.setdefault(f"floor {mode}", []).append(
                            load_once(driver, floor_url, floor_spec, cold)
                        )
            entry = {"page": page, "graphs": ids, "runs": args.runs}
            for mode in ("cold", "warm"):
                app = times[f"app {mode}"]
                floor = times.get(f"floor {mode}")
                ratio = median(app) / median(floor) if floor else None
                entry[mode] = {
                    "app_ms": app,
                    "floor_ms": floor,
                    "app_median_ms": median(app),
                    "app_p90_ms": percentile(app, 90),
                    "floor_median_ms": median(floor) if floor else None,
                    "ratio": ratio,
                }
                rows.append(
                    [
                        page,
                        mode,
                        len(ids),
                        median(app),
                        percentile(app, 90),
                        median(floor) if floor else "n/a (no chart)",
                        f"{ratio:.2f}x" if ratio else "n/a",
                        "yes" if ratio and ratio <= 1.3 else ("n/a" if not ratio else "NO"),
                    ]
                )
            results.append(entry)
            print(f"{page}: done", flush=True)
    print()
    print_table(
        [
            "page",
            "cache",
            "charts",
            "app median ms",
            "app p90 ms",
            "floor median ms",
            "app/floor",
            "<=1.3x",
        ],
        rows,
    )
    write_results("page_load", COMMAND, {"target_ratio": 1.3, "pages": results})


if __name__ == "__main__":
    main()
