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
The bare Dash reference (``bare_dash.py``, also on gunicorn) shows them in
``dcc.Graph`` components of an app with nothing else: what Dash alone costs.
Median of ``--runs`` loads each, interleaved.  Before measuring, each page is
loaded a few times so both workers hold their compressed static files.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_pages import (
    START_YEAR,
    bare_dash,
    bare_load_spec,
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
            with contextlib.ExitStack() as stack:
                urls = {"app": (page_url(base, page), spec)}
                if graphs:
                    figures = {START_YEAR: figures_for(base, page, ids, START_YEAR)}
                    name = f"floor{page.replace('/', '_') or '_'}.html"
                    floor_url = static + write_floor(folder, name, graphs, figures, START_YEAR)
                    urls["floor"] = (
                        floor_url,
                        {"graphs": len(graphs), "texts": [], "titled": True},
                    )
                    bare = stack.enter_context(bare_dash(folder, graphs, figures, START_YEAR))
                    urls["bare Dash"] = (bare + "/", bare_load_spec(len(graphs)))
                    for url, url_spec in list(urls.values())[1:]:
                        for _ in range(3):
                            load_once(driver, url, url_spec, cold=True)
                times = {(kind, mode): [] for kind in urls for mode in ("cold", "warm")}
                for _ in range(args.runs):
                    for mode in ("cold", "warm"):
                        for kind, (url, url_spec) in urls.items():
                            times[kind, mode].append(
                                load_once(driver, url, url_spec, mode == "cold")
                            )
            entry = {"page": page, "graphs": ids, "runs": args.runs}
            for mode in ("cold", "warm"):
                app = times["app", mode]
                floor = times.get(("floor", mode))
                bare = times.get(("bare Dash", mode))
                ratio = median(app) / median(floor) if floor else None
                entry[mode] = {
                    "app_ms": app,
                    "floor_ms": floor,
                    "bare_dash_ms": bare,
                    "app_median_ms": median(app),
                    "app_p90_ms": percentile(app, 90),
                    "floor_median_ms": median(floor) if floor else None,
                    "bare_dash_median_ms": median(bare) if bare else None,
                    "ratio": ratio,
                    "bare_dash_ratio": median(bare) / median(floor) if floor else None,
                }
                rows.append(
                    [
                        page,
                        mode,
                        len(ids),
                        median(app),
                        percentile(app, 90),
                        median(bare) if bare else "n/a",
                        median(floor) if floor else "n/a (no chart)",
                        f"{ratio:.2f}x" if ratio else "n/a",
                        f"{median(bare) / median(floor):.2f}x" if floor else "n/a",
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
            "bare Dash median ms",
            "floor median ms",
            "app/floor",
            "bare Dash/floor",
            "<=1.3x",
        ],
        rows,
    )
    write_results("page_load", COMMAND, {"target_ratio": 1.3, "pages": results})


if __name__ == "__main__":
    main()
