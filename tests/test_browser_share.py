"""Shareable views: the URL carries the page, the year and each page's filters."""

from __future__ import annotations

from pathlib import Path

from browser import assert_stayed_local, start
from test_browser_downloads import wait_for_file

from dashboard.app import create_app


def wait_for_url(dash_duo, fragment: str) -> None:
    dash_duo._wait_for(lambda driver: fragment in driver.current_url, None, f"url has {fragment}")


def click(dash_duo, selector: str) -> None:
    """Click in place: charts above keep drawing and move the element."""
    element = dash_duo.wait_for_element(selector)
    dash_duo.driver.execute_script("arguments[0].click();", element)


def checked_donor_type(dash_duo) -> str:
    return dash_duo.driver.execute_script(
        "return document.querySelector('#contributions-type-filter input:checked').value;"
    )


def test_donor_type_filter_lives_in_the_url(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021&donor=government")
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2021")
    assert checked_donor_type(dash_duo) == "government"
    # Seed lines 93, 103, 126, 135: Germany three times and Ireland.
    dash_duo._wait_for(
        lambda _: len(dash_duo.find_elements("#contributions-table tbody tr")) == 4, None, "4 rows"
    )
    click(dash_duo, "#contributions-type-filter input[value='private']")
    wait_for_url(dash_duo, "donor=private")
    dash_duo._wait_for(
        lambda _: len(dash_duo.find_elements("#contributions-table tbody tr")) == 14, None, "14"
    )
    dash_duo.driver.back()
    wait_for_url(dash_duo, "donor=government")
    dash_duo._wait_for(lambda _: checked_donor_type(dash_duo) == "government", None, "restored")
    assert_stayed_local(dash_duo)


def test_selected_country_lives_in_the_url(dash_duo):
    start(dash_duo, create_app(), "/?year=2020&country=TKM")
    # Seed line 58: "over 3,900 stateless persons in Turkmenistan".
    dash_duo.wait_for_contains_text("#overview-country-panel", "over 3,900")
    click(dash_duo, '[id*=\'"country":"UZB"\']')
    wait_for_url(dash_duo, "country=UZB")
    # Seed line 60: "around 70,000 stateless persons".
    dash_duo.wait_for_contains_text("#overview-country-panel", "around 70,000")
    dash_duo.driver.back()
    wait_for_url(dash_duo, "country=TKM")
    dash_duo.wait_for_contains_text("#overview-country-panel", "over 3,900")
    assert_stayed_local(dash_duo)


def test_copy_link_copies_the_current_view(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021&donor=private")
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2021")
    dash_duo.driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    dash_duo.find_element("#copy-link").click()
    copied = dash_duo.driver.execute_async_script(
        "const done = arguments[0];"
        "setTimeout(() => navigator.clipboard.readText().then(done, e => done('error ' + e)), 500);"
    )
    assert copied == dash_duo.driver.current_url
    assert copied.endswith("/contributions?year=2021&donor=private")


def test_chart_image_buttons_save_png_and_svg(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    folder = Path(dash_duo.download_path)
    dash_duo.wait_for_element("#budget-by-pillar .main-svg")
    for file_format in ("svg", "png"):
        button = dash_duo.find_element(
            f'[id*=\'"graph":"budget-by-pillar"\'][id*=\'"format":"{file_format}"\']'
        )
        dash_duo.driver.execute_script("arguments[0].click();", button)
        path = wait_for_file(folder, f"kazakhstan-mco_budget-by-pillar_2016-2021.{file_format}")
        head = path.read_bytes()[:200]
        if file_format == "png":
            assert head.startswith(b"\x89PNG")
        else:
            assert b"<svg" in head
    assert_stayed_local(dash_duo)
