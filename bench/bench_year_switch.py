"""Year switch: choosing a year in ``#year-select`` until every chart and card shows it.

    python bench/bench_year_switch.py [--switches 50] [--pages / /budget ...]

gunicorn (2 workers) and headless Chromium on 127.0.0.1, as in
``bench_page_load.py``.  The clock starts when the browser dispatches the
select's ``change`` event (a capturing listener in the page, so WebDriver's own
latency is not counted) and stops at the first moment every chart has finished
a new ``Plotly.react`` (its promise resolved) and every year heading of the
page names the new year.  The menu writes ``?year=`` into the URL; the server
callbacks that follow it (``draw_frame``, ``update_frame``, the page's update)
are inside the clock.  Before each switch the benchmark waits, off the clock,
until Dash has no callback left running (the last switch's navbar update).
The floor: a static page holding every year's figures that calls
``Plotly.react`` on the same graphs with the next year's figures (no server
round trip, no React), timed the same way.  The bare Dash
reference (``bare_dash.py``) switches the same figures with one callback in a
Dash app with nothing else: what Dash alone costs.  The years cycle through
all the operation's years, so every switch changes the year.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_pages import (
    START_YEAR,
    bare_dash,
    bare_switch_spec,
    discover,
    figures_for,
    floor_session,
    page_url,
    select_year,
    switch_spec,
    write_floor,
)
from common import (
    PAGES,
    install_harness,
    network_events,
    percentile,
    print_table,
    wait_idle,
    wait_ready,
    write_results,
)

COMMAND = "python bench/bench_year_switch.py"
YEARS = [2021, 2019, 2018, 2017, 2016, 2015, 2020]  # every year once per cycle


def year_sequence(count: int) -> list[int]:
    return [YEARS[i % len(YEARS)] for i in range(count)]


def select_switches(driver, url: str, spec: dict, years: list[int]) -> list[float]:
    """Switch years with ``#year-select`` on the page at ``url``."""
    install_harness(driver, spec)
    driver.get(url)
    wait_ready(driver)
    times = []
    for year in years:
        wait_idle(driver)  # the previous load's or switch's trailing callbacks
        driver.execute_script("window.__bench.arm(arguments[0])", year)
        select_year(driver, year)
        result = wait_ready(driver)
        times.append(result["t1"] - result["t0"])
        network_events(driver)
    return times


def floor_switches(driver, url: str, graphs: int, years: list[int]) -> list[float]:
    install_harness(driver, {"graphs": graphs, "texts": [], "titled": True})
    driver.get(url)
    wait_ready(driver)
    times = []
    for year in years:
        driver.execute_script("window.__switch(arguments[0])", year)
        result = wait_ready(driver)
        times.append(result["t1"] - result["t0"])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=50)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    years = year_sequence(args.switches)

    rows, results = [], []
    with floor_session() as (base, static, folder, driver):
        for page in args.pages:
            found = discover(driver, base, page)
            graphs = found["graphs"]
            ids = [g["id"] for g in graphs]
            app_url, app_spec = page_url(base, page), switch_spec(page, len(graphs))
            select_switches(driver, app_url, app_spec, YEARS)  # warm-up cycle
            app = select_switches(driver, app_url, app_spec, years)
            floor = bare = None
            if graphs:
                figures = {
                    year: figures_for(base, page, ids, year) for year in {*YEARS, START_YEAR}
                }
                name = f"switch{page.replace('/', '_') or '_'}.html"
                url = static + write_floor(folder, name, graphs, figures, START_YEAR)
                floor_switches(driver, url, len(graphs), YEARS)  # warm-up cycle
                floor = floor_switches(driver, url, len(graphs), years)
                with bare_dash(folder, graphs, figures, START_YEAR) as bare_base:
                    bare_spec = bare_switch_spec(len(graphs))
                    select_switches(driver, bare_base + "/", bare_spec, YEARS)  # warm-up
                    bare = select_switches(driver, bare_base + "/", bare_spec, years)
            app_p95 = percentile(app, 95)
            floor_p95 = percentile(floor, 95) if floor else None
            ratio = app_p95 / floor_p95 if floor_p95 else None
            met = app_p95 < 150 and (ratio is None or ratio <= 2)
            results.append(
                {
                    "page": page,
                    "graphs": ids,
                    "switches": len(app),
                    "app_ms": app,
                    "floor_ms": floor,
                    "bare_dash_ms": bare,
                    "bare_dash_p50_ms": percentile(bare, 50) if bare else None,
                    "bare_dash_p95_ms": percentile(bare, 95) if bare else None,
                    "app_p50_ms": percentile(app, 50),
                    "app_p95_ms": app_p95,
                    "floor_p50_ms": percentile(floor, 50) if floor else None,
                    "floor_p95_ms": floor_p95,
                    "ratio_p95": ratio,
                    "target_met": met,
                }
            )
            rows.append(
                [
                    page,
                    len(ids),
                    percentile(app, 50),
                    app_p95,
                    percentile(bare, 50) if bare else "n/a",
                    percentile(bare, 95) if bare else "n/a",
                    percentile(floor, 50) if floor else "n/a",
                    floor_p95 if floor else "n/a",
                    f"{ratio:.2f}x" if ratio else "n/a",
                    "yes" if met else "NO",
                ]
            )
            print(f"{page}: done", flush=True)
    print()
    print_table(
        [
            "page",
            "charts",
            "app p50 ms",
            "app p95 ms",
            "bare Dash p50 ms",
            "bare Dash p95 ms",
            "floor p50 ms",
            "floor p95 ms",
            "p95 app/floor",
            "<150ms & <=2x",
        ],
        rows,
    )
    write_results(
        "year_switch", COMMAND, {"target_p95_ms": 150, "target_ratio": 2, "pages": results}
    )


if __name__ == "__main__":
    main()
