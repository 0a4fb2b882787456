"""A first load in headless Chromium: the page's HTML carries the frame drawn
for its address (``shell.index``), so no callback answer changes anything: the
URL's callbacks, which run when the URL reports the address, find it drawn and
answer "no update" (HTTP 204); the address and history stay.  Without that
frame in the page (a cached or edited page), the URL's callback draws it: one
answer.

Expected budget figures: the seed's (see test_browser_budget.py).
"""

from __future__ import annotations

import time

from browser import assert_stayed_local, start
from test_browser_budget import wait_for_year
from test_browser_contributions import choose_type, tables

from dashboard.app import create_app
from dashboard.shell import index

# Callback answers that changed something (204: nothing to update).
CALLBACK_REQUESTS = """
return performance.getEntriesByType('resource')
  .filter((entry) => entry.name.includes('/_dash-update-component'))
  .filter((entry) => entry.responseStatus !== 204).length;
"""


# Where each request for the layout, the callbacks' list and the graphs' code came from.
STARTUP_REQUESTS = """
return performance.getEntriesByType('resource')
  .filter((entry) => /\\/(_dash-layout|_dash-dependencies|async-graph\\.js)$/.test(entry.name))
  .map((entry) => [entry.name.split('/').pop(), entry.initiatorType]);
"""

SCRIPT_PATHS = """
return Array.from(document.scripts, (script) => script.src)
  .filter(Boolean)
  .map((src) => new URL(src).pathname);
"""


def callback_requests(dash_duo, address: str) -> int:
    """Callback answers that changed the page, once the widgets' reports are in;
    the address is still the one loaded."""
    time.sleep(1)  # a callback a mounted component started would have been sent by now
    assert dash_duo.driver.current_url == dash_duo.server_url + address
    return dash_duo.driver.execute_script(CALLBACK_REQUESTS)


def test_first_load_draws_the_view_with_no_callback_answer(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    assert dash_duo.driver.title.startswith("Budget · 2019 · ")
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2019"
    assert (
        dash_duo.find_element("a.nav-link.active")
        .get_attribute("href")
        .endswith("/budget?year=2019")
    )
    assert callback_requests(dash_duo, "/budget?year=2019") == 0
    assert_stayed_local(dash_duo)


def test_a_page_without_its_first_frame_is_drawn_by_the_url_callback(dash_duo):
    app = create_app()
    app.server.after_request_funcs[None].remove(index._write_first_frame)
    start(dash_duo, app, "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2019"
    assert callback_requests(dash_duo, "/budget?year=2019") == 1
    assert_stayed_local(dash_duo)


def test_first_load_of_the_overview_changes_nothing_after_it_either(dash_duo):
    """The country buttons and the map report nothing when they mount, and the
    country panel comes filled in."""
    start(dash_duo, create_app(), "/?year=2020&country=TKM")
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2020", timeout=20)
    # Seed line 58: "over 3,900 stateless persons in Turkmenistan".
    dash_duo.wait_for_contains_text("#overview-country-panel", "over 3,900")
    assert callback_requests(dash_duo, "/?year=2020&country=TKM") == 0
    dash_duo.driver.get(dash_duo.server_url + "/?year=2020")
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2020", timeout=20)
    dash_duo.wait_for_contains_text("#overview-country-panel", "Select a country")
    assert callback_requests(dash_duo, "/?year=2020") == 0
    assert_stayed_local(dash_duo)


def test_pages_without_charts_come_drawn_on_a_first_load(dash_duo):
    """Their views come filled in for the address, the donor filter included;
    choosing another donor type asks the server again."""
    start(dash_duo, create_app(), "/narratives?year=2020")
    dash_duo.wait_for_text_to_equal("#narratives-heading", "Narratives, 2020", timeout=20)
    # Seed line 65, the 2020 year-end report's key achievements.
    dash_duo.wait_for_contains_text("#narratives-content", "approved statelessness determination")
    assert callback_requests(dash_duo, "/narratives?year=2020") == 0
    dash_duo.driver.get(dash_duo.server_url + "/contributions?year=2021&donor=government")
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2021", timeout=20)
    # Seed lines 93, 103, 126, 135: four contributions from governments in 2021.
    dash_duo._wait_for(lambda _: len(tables(dash_duo)["rows"]) == 4, None, "4 rows")
    assert callback_requests(dash_duo, "/contributions?year=2021&donor=government") == 0
    assert len(choose_type(dash_duo, "private", 14)["rows"]) == 14  # seed: 14 private
    assert callback_requests(dash_duo, "/contributions?year=2021&donor=private") > 0
    assert_stayed_local(dash_duo)


def test_the_layout_and_graph_code_are_requested_once_by_the_page_preloads(dash_duo):
    """The page's preload links start these requests, and the renderer and the
    graphs' loader take their answers rather than asking again."""
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    requests = dash_duo.driver.execute_script(STARTUP_REQUESTS)
    assert sorted(requests) == [
        ["_dash-dependencies", "link"],
        ["_dash-layout", "link"],
        ["async-graph.js", "link"],
    ]


def test_the_page_runs_without_the_babel_polyfill(dash_duo):
    """Dash's bundles still find the one thing they used from it, the global
    ``regeneratorRuntime`` (set by dash-bootstrap-components' bundle): the
    lazy-loaded graphs draw, with no error logged."""
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    scripts = dash_duo.driver.execute_script(SCRIPT_PATHS)
    assert any("dash_renderer" in path for path in scripts)
    assert not [path for path in scripts if "polyfill" in path]
    assert dash_duo.driver.execute_script("return typeof regeneratorRuntime.wrap") == "function"
    assert_stayed_local(dash_duo)
