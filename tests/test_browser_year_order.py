"""A year switch in headless Chromium: one round trip before the views.  The
year picked goes to the page's update alone, which answers with the views and
the address; the browser then writes it to the URL, and only then the frame's
update (year menu, links, title) is sent, with the URL's frame callback and the
page's update, which find the frame and the views drawn and answer "no update"
(HTTP 204).
"""

from __future__ import annotations

from browser import start
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_browser_budget import wait_for_year

from dashboard.app import create_app

# Logs, in order, each callback request sent and answered, named by its first output.
RECORD_CALLBACKS = """
window.__callbacks = [];
window.__statuses = {};
const send = window.fetch;
window.fetch = function (url, options) {
  if (!String(url).includes('/_dash-update-component')) {
    return send.apply(this, arguments);
  }
  const first = JSON.parse(options.body).output.replace(/^\\.\\./, '').split('.')[0];
  window.__callbacks.push(['sent', first]);
  return send.apply(this, arguments).then((response) => {
    window.__callbacks.push(['answered', first]);
    (window.__statuses[first] = window.__statuses[first] || []).push(response.status);
    return response;
  });
};
"""


def pick_year(dash_duo, path: str, year: int, page_output: str) -> list[list[str]]:
    """The callback log of picking ``year``, once both updates have been answered."""
    dash_duo.driver.execute_script(RECORD_CALLBACKS)
    Select(dash_duo.find_element("#year-select")).select_by_value(str(year))
    WebDriverWait(dash_duo.driver, 10).until(
        lambda driver: f"{path}?year={year}" in driver.current_url
    )
    for first in (page_output, "year-select", "frame"):
        WebDriverWait(dash_duo.driver, 10).until(
            lambda driver, first=first: (
                ["answered", first] in driver.execute_script("return window.__callbacks")
            )
        )
    return dash_duo.driver.execute_script("return [window.__callbacks, window.__statuses]")


def assert_views_first(record: list, page_output: str) -> None:
    log, statuses = record
    assert log[:2] == [["sent", page_output], ["answered", page_output]]
    assert statuses[page_output][0] == 200 and set(statuses[page_output][1:]) <= {204}
    assert statuses["year-select"] == [200]
    assert statuses["frame"] == [204]


def test_budget_year_switch_draws_the_views_in_one_round_trip(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    wait_for_year(dash_duo, 2020, timeout=20)
    assert_views_first(
        pick_year(dash_duo, "/budget", 2018, "budget-year-heading"), "budget-year-heading"
    )
    wait_for_year(dash_duo, 2018)
    assert dash_duo.driver.title.startswith("Budget · 2018 · ")
    assert (
        dash_duo.find_element("a.nav-link.active")
        .get_attribute("href")
        .endswith("/budget?year=2018")
    )


def test_overview_year_switch_draws_the_views_in_one_round_trip_country_panel_included(dash_duo):
    start(dash_duo, create_app(), "/?year=2020&country=TKM")
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2020", timeout=20)
    log = pick_year(dash_duo, "/", 2019, "overview-results-heading")
    assert_views_first(log, "overview-results-heading")
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2019")
    # Seed line 58 is 2020's; Turkmenistan has no figure named for 2019.
    dash_duo.wait_for_contains_text("#overview-country-panel", "Turkmenistan, 2019")
