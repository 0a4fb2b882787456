"""Choosing each selectable year changes the overview's key figures to what the page gives."""

from __future__ import annotations

from browser import assert_stayed_local, start
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app

# Seed lines 14-23: results of 2020, planning figures for 2021; no other year has any.
RESULTS = {2020: ["7,500", "115", "74", "70", "20", "14", "4"]}
PLANS = {2021: ["100%"]}


def values(dash_duo, section: str) -> list[str]:
    return [e.text for e in dash_duo.find_elements(f"#overview-{section} .key-figure-value")]


def test_key_figures_for_every_year(dash_duo):
    start(dash_duo, create_app(), "/")
    for year in range(2015, 2022):
        Select(dash_duo.find_element("#year-select")).select_by_value(str(year))
        dash_duo.wait_for_text_to_equal("#overview-results-heading", f"{year} year-end results")
        dash_duo.wait_for_text_to_equal("#overview-plan-heading", f"{year + 1} planning figures")
        expected_results = RESULTS.get(year, [])
        expected_plan = PLANS.get(year + 1, [])
        dash_duo._wait_for(
            lambda _, r=expected_results, p=expected_plan: (
                values(dash_duo, "results") == r and values(dash_duo, "plan") == p
            ),
            None,
            f"key figures of {year}",
        )
        if not expected_results:
            assert dash_duo.find_element("#overview-results").text == (
                f"No year-end results for {year}."
            )
    assert_stayed_local(dash_duo)
