"""What "drawn" means for each page, and the two references it is compared with.

The floor of a page draws the same figures (the JSON the app's callbacks
return: the frame that ``draw_frame`` draws for the page and year) in divs of
the same size, with the same plotly.js the app's pages load (``plotly_js_path``), from
a static server on 127.0.0.1: the least any Plotly page can do.

The bare Dash reference (``bare_dash.py``) shows the same figures in a Dash app
with nothing else: a year select, a heading and the graphs, one callback.  It
is the least any Dash page can do, so it separates what Dash itself costs from
what this app adds.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from common import (
    REPO,
    chrome,
    components,
    draw_frame,
    gunicorn,
    install_harness,
    network_events,
    plotly_js_path,
    static_server,
    view_search,
    wait_ready,
)

START_YEAR = 2020
# Text that must be filled before a page counts as loaded; with ``yearTexts`` a
# year switch also waits until each of them names the new year.
TEXTS: dict[str, list[list[str]]] = {
    "/": [
        ["#overview-results-heading", ""],
        ["#overview-results", ""],
        ["#overview-poc-year", ""],
        ["#overview-poc-total", ""],
    ],
    "/budget": [["#budget-year-heading", ""], ["#budget-summary", ""]],
    "/narratives": [["#narratives-heading", ""], ["#narratives-content", ""]],
    "/contributions": [["#contributions-heading", ""], ["#contributions-counts-heading", ""]],
}
# Of those, the ones that always name the selected year.
YEAR_TEXTS: dict[str, list[list[str]]] = {
    "/": [["#overview-results-heading", ""], ["#overview-poc-year", ""]],
    "/budget": [["#budget-year-heading", ""]],
    "/narratives": [["#narratives-heading", ""]],
    "/contributions": [["#contributions-heading", ""], ["#contributions-counts-heading", ""]],
}
GRAPHS_JS = """
return [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
  const box = gd.getBoundingClientRect();
  return {id: gd.closest('.dash-graph') ? gd.closest('.dash-graph').id : gd.id,
          width: Math.round(box.width), height: Math.round(box.height)};
});
"""


def load_spec(page: str, graphs: int, year: int = START_YEAR) -> dict:
    texts = [
        [selector, str(year) if [selector, ""] in YEAR_TEXTS[page] else text]
        for selector, text in TEXTS[page]
    ]
    return {"graphs": graphs, "texts": texts, "titled": True}


def switch_spec(page: str, graphs: int) -> dict:
    return {"graphs": graphs, "texts": YEAR_TEXTS[page], "titled": True, "yearTexts": True}


def page_url(base: str, page: str, year: int = START_YEAR) -> str:
    return f"{base}{page}?year={year}"


def discover(driver, base: str, page: str, settle: float = 2.5) -> dict:
    """Load ``page`` once: its graphs (id, size)."""
    install_harness(driver, load_spec(page, 0))
    driver.get(page_url(base, page))
    wait_ready(driver)
    time.sleep(settle)  # let every callback and lazy chunk finish
    graphs = driver.execute_script(GRAPHS_JS)
    network_events(driver)  # drop the log, so it does not grow
    return {"page": page, "graphs": graphs}


def select_year(driver, year: int) -> None:
    """Choose ``year`` in the year menu (``#year-select``).  A year switch draws the
    menu anew (the navbar's ``update_frame``), so it is looked up every time."""
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("css selector", "#year-select")).select_by_value(str(year))


def with_year(body: dict, year: int) -> dict:
    """A recorded callback request with the view's year (``?year=`` in the URL's
    query, and the year menu's value if the request holds it) replaced by ``year``,
    and nothing drawn (the page's and the frame's ``data-view``), so that every
    replay is answered in full."""
    body = copy.deepcopy(body)

    def entries(items: list) -> list[dict]:
        flat: list[dict] = []
        for item in items:
            flat.extend(item if isinstance(item, list) else [item])
        return flat

    for entry in entries(body.get("inputs", [])) + entries(body.get("state", [])):
        component = entry.get("id")
        key = (
            component.get("type") if isinstance(component, dict) else component,
            entry["property"],
        )
        if key == ("year-select", "value"):
            entry["value"] = str(year)
        elif key in (("drawn-view", "data-view"), ("document-meta", "data-view")):
            entry["value"] = None
        elif key == ("url", "search"):
            value = entry.get("value") or ""
            entry["value"] = (
                re.sub(r"year=\d+", f"year={year}", value)
                if "year=" in value
                else (f"{value}&year={year}" if value.startswith("?") else f"?year={year}")
            )
    return body


def figures_for(base: str, page: str, graph_ids: list[str], year: int) -> list[dict]:
    """The figure (and config) of each graph of ``page`` for ``year``, as the app
    serves them: the frame that ``draw_frame`` draws for the page at that year
    (the frame a first load carries in its HTML) holds the page's charts."""
    children, _key = draw_frame(base, page, view_search(year))
    found = {
        props["id"]: props
        for props in components(children)
        if "figure" in props and isinstance(props.get("id"), str)
    }
    missing = [graph_id for graph_id in graph_ids if graph_id not in found]
    if missing:
        raise RuntimeError(f"the frame of {page} at {year} holds no figure for {missing}")
    return [
        {"figure": found[graph_id]["figure"], "config": found[graph_id].get("config")}
        for graph_id in graph_ids
    ]


DEFAULT_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "topojsonURL": "/assets/topojson/",
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}

FLOOR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title>
<script src="/plotly.min.js"></script></head>
<body style="margin:0">
%DIVS%
<script>
const GRAPHS = %GRAPHS%;
const FIGURES = %FIGURES%;
function draw(year, fn) {
  FIGURES[year].forEach((item, i) => {
    const f = item.figure;
    fn(document.getElementById("g" + i), f.data || [], f.layout || {},
       Object.assign({}, %CONFIG%, item.config || {}));
  });
}
draw("%START%", Plotly.newPlot);
window.__switch = (year) => {
  window.__bench.arm(year);
  window.__bench.t0 = performance.now();
  draw(String(year), Plotly.react);
};
</script></body></html>
"""


def write_floor(
    folder: Path, name: str, graphs: list[dict], figures: dict[int, list[dict]], start: int
) -> str:
    """Write ``folder/name`` drawing ``figures[start]``; ``__switch(year)`` reacts to another."""
    divs = "\n".join(
        f'<div id="g{i}" style="width:{g["width"]}px;height:{g["height"]}px"></div>'
        for i, g in enumerate(graphs)
    )
    html = (
        FLOOR_PAGE.replace("%DIVS%", divs)
        .replace("%GRAPHS%", json.dumps(graphs))
        .replace("%CONFIG%", json.dumps(DEFAULT_CONFIG))
        .replace("%START%", str(start))
        .replace("%FIGURES%", json.dumps({str(y): f for y, f in figures.items()}))
    )
    (folder / name).write_text(html, encoding="utf-8")
    return "/" + name


def prepare_static(folder: Path) -> None:
    """The app's plotly.js and the map's topojson, as the app serves them."""
    shutil.copy(plotly_js_path(), folder / "plotly.min.js")
    shutil.copytree(REPO / "assets" / "topojson", folder / "assets" / "topojson")


BARE_HEADING = "#bare-year"


def bare_load_spec(graphs: int, year: int = START_YEAR) -> dict:
    return {"graphs": graphs, "texts": [[BARE_HEADING, str(year)]], "titled": True}


def bare_switch_spec(graphs: int) -> dict:
    return {"graphs": graphs, "texts": [[BARE_HEADING, ""]], "titled": True, "yearTexts": True}


@contextlib.contextmanager
def bare_dash(
    folder: Path, graphs: list[dict], figures: dict[int, list[dict]], start: int
) -> Iterator[str]:
    """gunicorn (2 workers) serving ``bare_dash.py`` with ``figures``; yields its base URL."""
    spec = folder / "bare-dash.json"
    content = {"graphs": graphs, "start": start, "figures": {str(y): f for y, f in figures.items()}}
    spec.write_text(json.dumps(content), encoding="utf-8")
    with gunicorn(
        2, target="bare_dash:server", env={"BARE_DASH_FIGURES": str(spec)}, health="/"
    ) as (base, _process):
        yield base


def url_path(url: str) -> str:
    parsed = urlparse(url)
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


@contextlib.contextmanager
def floor_session() -> Iterator[tuple[str, str, Path, object]]:
    """gunicorn with 2 workers, a static server for the floor pages and a Chromium.

    Yields ``(app base URL, static base URL, static folder, driver)``.
    """
    with (
        tempfile.TemporaryDirectory(prefix="bench-floor-") as scratch,
        gunicorn(2) as (base, _process),
    ):
        folder = Path(scratch)
        prepare_static(folder)
        with static_server(folder) as static:
            driver = chrome()
            try:
                yield base, static, folder, driver
            finally:
                driver.quit()
