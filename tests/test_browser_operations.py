"""With several operations in data/, a box in the navbar finds one by name and shows it."""

from __future__ import annotations

from browser import assert_stayed_local, start
from selenium.webdriver.common.keys import Keys
from sparse_data import many_operations

from dashboard.app import create_app

NAMES = ["Kazakhstan Multi-Country Office", "Synthetic Office B", "Synthetic Office C"]
NAMES_LIST = """
return Array.from(document.querySelectorAll('#operation-find-names option')).map((o) => o.value);
"""


def test_the_operation_box_finds_an_operation_by_name(dash_duo, tmp_path):
    start(dash_duo, create_app(data_dir=many_operations(tmp_path, 3)), "/budget?year=2019")
    box = dash_duo.find_element("#operation-find")
    assert box.is_displayed() and box.get_attribute("list") == "operation-find-names"
    # The suggestions the browser narrows as one types: every operation's name.
    assert dash_duo.driver.execute_script(NAMES_LIST) == NAMES
    box.send_keys("synthetic office b", Keys.ENTER)
    dash_duo._wait_for(
        lambda driver: "op=synthetic-b" in driver.current_url, None, "operation in the URL"
    )
    assert "year=" not in dash_duo.driver.current_url.split("?", 1)[1]
    # The same page, at the report year of the copy of the seed (seed lines 40-46: 2020).
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2020")
    dash_duo.wait_for_text_to_equal("#navbar-title", "Synthetic Office B")

    # Part of a name searches the catalogue.
    dash_duo.find_element("#operation-find").send_keys("synthetic")
    dash_duo.find_element("#operation-find-button").click()
    dash_duo._wait_for(
        lambda driver: "/operations?q=synthetic" in driver.current_url, None, "the catalogue"
    )
    dash_duo.wait_for_text_to_equal("#catalogue-count", "2 of 3 operations")
    assert_stayed_local(dash_duo)


def test_the_box_is_hidden_with_one_operation(dash_duo):
    start(dash_duo, create_app(), "/")
    assert not dash_duo.find_element("#operation-find").is_displayed()


def test_unknown_operation_in_url_shows_default_with_notice(dash_duo):
    start(dash_duo, create_app(), "/?op=nowhere")
    dash_duo.wait_for_contains_text("#year-notice", "There is no operation “nowhere”")
    dash_duo.wait_for_text_to_equal("h1", "Kazakhstan Multi-Country Office")
