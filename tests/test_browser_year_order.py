"""A year switch in headless Chromium: the page's charts are answered first, and only
then do the address, the links and the other readers of the year follow.

Each callback the browser handles costs Dash's renderer passes over the page, so
the year views' answer must not wait behind the URL callback's.
"""

from __future__ import annotations

from browser import start
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_browser_budget import wait_for_year

from dashboard.app import create_app

# Logs, in order, each callback request sent and answered, named by its first output.
RECORD_CALLBACKS = """
window.__callbacks = [];
const send = window.fetch;
window.fetch = function (url, options) {
  if (!String(url).includes('/_dash-update-component')) {
    return send.apply(this, arguments);
  }
  const first = JSON.parse(options.body).output.replace(/^\\.\\./, '').split('.')[0];
  window.__callbacks.push(['sent', first]);
  return send.apply(this, arguments).then((response) => {
    window.__callbacks.push(['answered', first]);
    return response;
  });
};
"""


def pick_year(dash_duo, path: str, year: int) -> list[list[str]]:
    """The callback log of picking ``year``, once the address shows it."""
    dash_duo.driver.execute_script(RECORD_CALLBACKS)
    Select(dash_duo.find_element("#year-select")).select_by_value(str(year))
    WebDriverWait(dash_duo.driver, 10).until(
        lambda driver: driver.current_url.endswith(f"{path}?year={year}")
    )
    WebDriverWait(dash_duo.driver, 10).until(
        lambda driver: ["answered", "url"] in driver.execute_script("return window.__callbacks")
    )
    return dash_duo.driver.execute_script("return window.__callbacks")


def test_budget_year_switch_answers_the_charts_before_the_url_callback_runs(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    wait_for_year(dash_duo, 2020, timeout=20)
    log = pick_year(dash_duo, "/budget", 2018)
    assert log.index(["answered", "budget-year-heading"]) < log.index(["sent", "url"])
    wait_for_year(dash_duo, 2018)
    assert dash_duo.driver.title.startswith("Budget · 2018 · ")
    assert (
        dash_duo.find_element("a.nav-link.active")
        .get_attribute("href")
        .endswith("/budget?year=2018")
    )


def test_overview_year_switch_answers_the_charts_before_the_country_panel(dash_duo):
    start(dash_duo, create_app(), "/?year=2020")
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2020", timeout=20)
    log = pick_year(dash_duo, "/", 2019)
    answered = log.index(["answered", "overview-results-heading"])
    assert answered < log.index(["sent", "url"])
    assert answered < log.index(["sent", "overview-country-panel"])
    dash_duo.wait_for_text_to_equal("#overview-poc-year", "People of concern, 2019")
