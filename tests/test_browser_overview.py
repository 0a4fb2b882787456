"""The overview page in headless Chromium, against the shipped data."""

from __future__ import annotations

from browser import assert_stayed_local, start

from dashboard.app import create_app


def test_overview_shows_name_and_2020_key_figures(dash_duo):
    start(dash_duo, create_app())
    dash_duo.wait_for_text_to_equal("h1", "Kazakhstan Multi-Country Office")
    dash_duo.wait_for_text_to_equal("#overview-results-heading", "2020 year-end results")
    values = [e.text for e in dash_duo.find_elements("#overview-results .key-figure-value")]
    texts = [e.text for e in dash_duo.find_elements("#overview-results .key-figure-text")]
    # Seed lines 15-21, in page order.
    assert values == ["7,500", "115", "74", "70", "20", "14", "4"]
    assert texts[0] == "statelessness cases were resolved in Uzbekistan"
    assert texts[-1] == "refugees in Turkmenistan were legalized"
    plan = [e.text for e in dash_duo.find_elements("#overview-plan .key-figure-value")]
    assert plan == ["100%"]
    assert_stayed_local(dash_duo)


def test_year_in_url_selects_the_year(dash_duo):
    start(dash_duo, create_app(), "/?year=2021")
    dash_duo.wait_for_text_to_equal("#overview-results-heading", "2021 year-end results")
    dash_duo.wait_for_text_to_equal("#overview-results", "No year-end results for 2021.")
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2021"
    assert_stayed_local(dash_duo)
