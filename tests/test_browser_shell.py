"""The app shell: the year lives in the URL, persists across pages, survives history."""

from __future__ import annotations

import pytest
from browser import assert_stayed_local, start
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app

HEADING = "#overview-results-heading"
BUDGET_HEADING = "#budget-year-heading"


def selected_year(dash_duo) -> str:
    return dash_duo.find_element("#year-select").get_attribute("value")


def wait_for_url(dash_duo, fragment: str) -> None:
    dash_duo.wait_for_element("body")
    dash_duo._wait_for(lambda driver: fragment in driver.current_url, None, f"url {fragment}")


@pytest.fixture
def app():
    return create_app()


def test_year_persists_across_pages_and_history(dash_duo, app):
    start(dash_duo, app)
    dash_duo.wait_for_text_to_equal(HEADING, "2020 year-end results")
    Select(dash_duo.find_element("#year-select")).select_by_value("2019")
    wait_for_url(dash_duo, "?year=2019")
    dash_duo.wait_for_text_to_equal(HEADING, "2019 year-end results")

    dash_duo.find_element("a.nav-link[href='/budget?year=2019']").click()
    wait_for_url(dash_duo, "/budget?year=2019")
    dash_duo.wait_for_text_to_equal(BUDGET_HEADING, "Budget and expenditure in 2019")
    assert selected_year(dash_duo) == "2019"

    Select(dash_duo.find_element("#year-select")).select_by_value("2017")
    wait_for_url(dash_duo, "/budget?year=2017")
    dash_duo.wait_for_text_to_equal(BUDGET_HEADING, "Budget and expenditure in 2017")
    dash_duo.driver.back()
    wait_for_url(dash_duo, "/budget?year=2019")
    dash_duo._wait_for(lambda _: selected_year(dash_duo) == "2019", None, "year 2019 restored")
    dash_duo.wait_for_text_to_equal(BUDGET_HEADING, "Budget and expenditure in 2019")
    dash_duo.driver.back()
    wait_for_url(dash_duo, "/?year=2019")
    dash_duo.wait_for_text_to_equal(HEADING, "2019 year-end results")
    dash_duo.driver.forward()
    wait_for_url(dash_duo, "/budget?year=2019")
    assert_stayed_local(dash_duo)


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?year=99999999999999999999"])
def test_bad_year_shows_default_with_notice(dash_duo, app, query):
    start(dash_duo, app, "/" + query)
    dash_duo.wait_for_text_to_equal(HEADING, "2020 year-end results")
    dash_duo.wait_for_contains_text("#year-notice", "showing 2020")
    assert selected_year(dash_duo) == "2020"
    assert_stayed_local(dash_duo)


def test_picking_a_year_after_a_bad_one_fixes_the_url_and_clears_the_notice(dash_duo, app):
    start(dash_duo, app, "/budget?op=kazakhstan-mco&year=abc")
    dash_duo.wait_for_contains_text("#year-notice", "showing 2020")
    Select(dash_duo.find_element("#year-select")).select_by_value("2018")
    # The other parameters keep their place; only the year changes.
    wait_for_url(dash_duo, "/budget?op=kazakhstan-mco&year=2018")
    dash_duo.wait_for_text_to_equal(BUDGET_HEADING, "Budget and expenditure in 2018")
    dash_duo._wait_for(
        lambda driver: not driver.find_elements("css selector", "#year-notice"),
        None,
        "the notice closed",
    )
    assert dash_duo.find_element("a.nav-link[href='/?op=kazakhstan-mco&year=2018']")
    assert_stayed_local(dash_duo)


def test_unknown_page_says_so_with_links(dash_duo, app):
    start(dash_duo, app, "/no-such-page")
    dash_duo.wait_for_text_to_equal("h1", "Page not found")
    assert dash_duo.find_element("#page-content a[href='/budget']")
    assert dash_duo.driver.title.startswith("Page not found")
    assert_stayed_local(dash_duo)
