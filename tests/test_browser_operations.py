"""With several operations in data/, a selector appears and switches the whole view."""

from __future__ import annotations

from browser import assert_stayed_local, start
from conftest import SEED
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app
from dashboard.importer import import_page


def test_operation_selector_switches_operation(dash_duo, data_copy):
    import_page(SEED, "second-office", data_copy)
    start(dash_duo, create_app(data_dir=data_copy), "/budget?year=2019")
    selector = dash_duo.find_element("#operation-select")
    assert selector.is_displayed()
    options = [
        o.get_attribute("value") for o in Select(selector).options if o.get_attribute("value")
    ]
    assert options == ["kazakhstan-mco", "second-office"]
    Select(selector).select_by_value("second-office")
    dash_duo._wait_for(
        lambda driver: "op=second-office" in driver.current_url, None, "operation in the URL"
    )
    assert "year=" not in dash_duo.driver.current_url.split("?", 1)[1]
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2020")
    assert_stayed_local(dash_duo)


def test_selector_hidden_with_one_operation(dash_duo):
    start(dash_duo, create_app(), "/")
    assert not dash_duo.find_element("#operation-select").is_displayed()


def test_unknown_operation_in_url_shows_default_with_notice(dash_duo):
    start(dash_duo, create_app(), "/?op=nowhere")
    dash_duo.wait_for_contains_text("#year-notice", "There is no operation “nowhere”")
    dash_duo.wait_for_text_to_equal("h1", "Kazakhstan Multi-Country Office")
