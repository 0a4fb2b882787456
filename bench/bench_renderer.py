"""Dash renderer work per year switch: store updates, by kind, and the time spent in them.

    python bench/bench_renderer.py [--switches 28] [--pages / /budget ...]

Dash's renderer keeps the page in a Redux store; every update (a callback
requested, executing, stored; a component mounted, which dispatches
``RESET_COMPONENT_STATE``; a loading flag) makes every mounted component check
its props, so the cost of a year switch grows with updates x components.  This
benchmark wraps the store's ``dispatch`` in the page (gunicorn with 2 workers,
headless Chromium, as ``bench_year_switch.py``) and counts, per switch, the
updates and the milliseconds spent inside them, which include the synchronous
React renders they cause.  Counts are exact; times vary with the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_year_switch import YEARS, year_sequence
from browser_pages import discover, page_url, select_year, switch_spec
from common import (
    PAGES,
    chrome,
    gunicorn,
    install_harness,
    print_table,
    wait_idle,
    wait_ready,
    write_results,
)

COMMAND = "python bench/bench_renderer.py"
WRAP_DISPATCH = """
const store = window.store;
const dispatch = store.dispatch;
window.__updates = {};
store.dispatch = function (action) {
  const started = performance.now();
  try {
    return dispatch.apply(this, arguments);
  } finally {
    const kind = (action && action.type) || "thunk";
    const entry = window.__updates[kind] || (window.__updates[kind] = [0, 0]);
    entry[0] += 1;
    entry[1] += performance.now() - started;
  }
};
"""
COUNT_COMPONENTS = """
let count = 0;
(function walk(node) {
  if (Array.isArray(node)) { node.forEach(walk); return; }
  if (node && typeof node === "object") {
    if (node.type && node.namespace) count += 1;
    Object.values(node).forEach((value) => {
      if (value && typeof value === "object") walk(value);
    });
  }
})(window.store.getState().layout);
return count;
"""


def page_switches(driver, base: str, page: str, switches: int) -> dict:
    graphs = len(discover(driver, base, page, settle=1.0)["graphs"])
    install_harness(driver, switch_spec(page, graphs))
    driver.get(page_url(base, page))
    wait_ready(driver)
    for year in YEARS:  # warm-up cycle
        wait_idle(driver)
        driver.execute_script("window.__bench.arm(arguments[0])", year)
        select_year(driver, year)
        wait_ready(driver)
    wait_idle(driver)
    driver.execute_script(WRAP_DISPATCH)
    per_switch = []
    for year in year_sequence(switches):
        driver.execute_script("window.__bench.arm(arguments[0]); window.__updates = {};", year)
        select_year(driver, year)
        wait_ready(driver)
        # Let the callbacks that follow the charts (the navbar's) finish.
        wait_idle(driver, quiet_ms=300)
        per_switch.append(driver.execute_script("return window.__updates"))
    kinds = sorted({kind for updates in per_switch for kind in updates})
    return {
        "page": page,
        "components": driver.execute_script(COUNT_COMPONENTS),
        "switches": len(per_switch),
        "updates": statistics.median(sum(u[0] for u in s.values()) for s in per_switch),
        "update_ms": statistics.median(sum(u[1] for u in s.values()) for s in per_switch),
        "by_kind": {
            kind: {
                "updates": statistics.median(s.get(kind, [0, 0])[0] for s in per_switch),
                "ms": statistics.median(s.get(kind, [0, 0])[1] for s in per_switch),
            }
            for kind in kinds
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--switches", type=int, default=28)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    results = []
    with gunicorn(2) as (base, _process):
        driver = chrome()
        try:
            for page in args.pages:
                results.append(page_switches(driver, base, page, args.switches))
                print(f"{page}: done", flush=True)
        finally:
            driver.quit()
    rows = []
    for entry in results:
        top = sorted(entry["by_kind"].items(), key=lambda item: -item[1]["ms"])[:3]
        rows.append(
            [
                entry["page"],
                entry["components"],
                entry["updates"],
                entry["update_ms"],
                ", ".join(f"{kind} {v['updates']:.0f} ({v['ms']:.0f} ms)" for kind, v in top),
            ]
        )
    print()
    print_table(
        ["page", "components", "store updates", "ms in them", "largest kinds (median)"], rows
    )
    write_results("renderer", COMMAND, {"pages": results})


if __name__ == "__main__":
    main()
