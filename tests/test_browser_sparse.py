"""An operation with a name, one year and nothing else, in headless Chromium.

The overview and the budget page draw, say what the source page does not give,
show no map, and log nothing to the console.  The messages are those of
``test_sparse_operations.MESSAGES``.
"""

from __future__ import annotations

from browser import assert_stayed_local, start
from sparse_data import sparse_data

from dashboard.app import create_app


def test_an_operation_with_nothing_but_a_name_and_a_year(dash_duo, tmp_path):
    start(dash_duo, create_app(data_dir=sparse_data(tmp_path, "nothing")), "/")
    dash_duo.wait_for_text_to_equal("#overview-results", "No year-end results on the source page.")
    dash_duo.wait_for_text_to_equal("#overview-plan", "No planning figures on the source page.")
    dash_duo.wait_for_contains_text(
        "#overview-map-heading + p", "This operation names no country, so there is no map."
    )
    assert not dash_duo.find_element("#overview-map").is_displayed()
    assert dash_duo.find_elements("#overview-map-disclaimer") == []
    dash_duo.wait_for_text_to_equal(
        "#overview-poc-change", "No totals of people of concern on the source page."
    )
    assert_stayed_local(dash_duo)

    dash_duo.driver.get(dash_duo.server_url + "/budget")
    dash_duo.wait_for_text_to_equal("#budget-summary", "No budget on the source page.")
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2020")
    assert_stayed_local(dash_duo)
