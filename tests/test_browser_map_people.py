"""The overview's map, country panel and people-of-concern card in headless Chromium."""

from __future__ import annotations

from browser import assert_stayed_local, start
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from dashboard.app import create_app

MAP = "#overview-map .js-plotly-plot"
PANEL = "#overview-country-panel"


def wait_for_map(dash_duo, shapes: int = 3) -> None:
    """Until plotly.js has laid out the geo figure and drawn the country shapes."""
    WebDriverWait(dash_duo.driver, 20).until(
        lambda driver: driver.execute_script(
            "const g = document.querySelector(arguments[0]);"
            "return !!(g && g._fullLayout && g._fullLayout.geo) &&"
            " document.querySelectorAll('#overview-map path.choroplethlocation').length"
            " === arguments[1] && document.querySelectorAll('#overview-map path.point')"
            ".length === 3;",
            MAP,
            shapes,
        )
    )


def geo_layout(dash_duo) -> dict:
    return dash_duo.driver.execute_script(
        "const geo = document.querySelector(arguments[0])._fullLayout.geo;"
        "return {scope: geo.scope, resolution: geo.resolution,"
        " lat: geo.center.lat, lon: geo.center.lon,"
        " topojsonURL: document.querySelector(arguments[0])._context.topojsonURL};",
        MAP,
    )


def loaded_topojson(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(name => name.includes('topojson'));"
    )


def click_marker(dash_duo, index: int, x_offset: int = 0) -> None:
    """A real mouse click at a marker of the map (``x_offset`` pixels to its right)."""
    point = dash_duo.find_elements("#overview-map path.point")[index]
    ActionChains(dash_duo.driver).move_to_element_with_offset(point, x_offset, 0).click().perform()


def select_year(dash_duo, year: int) -> None:
    Select(dash_duo.find_element("#year-select")).select_by_value(str(year))


def test_map_panel_and_people_of_concern_for_every_year(dash_duo):
    start(dash_duo, create_app(), "/?year=2020")
    wait_for_map(dash_duo)
    geo = geo_layout(dash_duo)
    assert (geo["scope"], geo["resolution"], geo["lat"], geo["lon"]) == ("asia", 50, 48, 67)
    assert geo["topojsonURL"] == "/assets/topojson/"
    assert [url.split("/", 3)[-1] for url in loaded_topojson(dash_duo)] == [
        "assets/topojson/asia_50m.json"
    ]
    dash_duo.wait_for_contains_text(
        "#overview-map-disclaimer",
        "do not imply official endorsement or acceptance by the United Nations",  # seed line 9
    )

    # Markers are in the order of operation.meta.countries: KAZ, TKM, UZB.
    click_marker(dash_duo, 1)
    dash_duo.wait_for_contains_text(f"{PANEL} h3", "Turkmenistan, 2020")
    panel = dash_duo.find_element(PANEL).text
    # Seed line 58.
    assert "Refugees: 21" in panel
    assert "Stateless: over 3,900" in panel
    assert "there are over 3,900 stateless persons in Turkmenistan" in panel
    # Seed lines 19 and 21: the 2020 results that name Turkmenistan.
    assert "20 refugees received multipurpose cash assistance in Turkmenistan" in panel
    assert "4 refugees in Turkmenistan were legalized" in panel
    assert "Uzbekistan" not in panel

    # The shape of Kazakhstan, well away from any marker.
    click_marker(dash_duo, 0, x_offset=80)
    dash_duo.wait_for_contains_text(f"{PANEL} h3", "Kazakhstan, 2020")
    # Seed line 56.
    assert "Stateless: 7,999" in dash_duo.find_element(PANEL).text

    # The country list opens the same panels.
    buttons = {b.text: b for b in dash_duo.find_elements(".country-button")}
    assert list(buttons) == ["Kazakhstan", "Turkmenistan", "Uzbekistan"]
    buttons["Uzbekistan"].click()
    dash_duo.wait_for_contains_text(f"{PANEL} h3", "Uzbekistan, 2020")
    assert "Stateless: around 70,000" in dash_duo.find_element(PANEL).text  # seed line 60
    buttons["Turkmenistan"].click()
    dash_duo.wait_for_contains_text(f"{PANEL} h3", "Turkmenistan, 2020")
    assert dash_duo.find_element(PANEL).text == panel
    assert buttons["Turkmenistan"].get_attribute("aria-pressed") == "true"
    assert buttons["Uzbekistan"].get_attribute("aria-pressed") == "false"

    # People of concern for every selectable year (seed lines 27-29, 40-46).
    expected = {
        2015: "no data",
        2016: "no data",
        2017: "no data",
        2018: "88,419",
        2019: "106,489",
        2020: "no data",
        2021: "no data",
    }
    for year, total in expected.items():
        select_year(dash_duo, year)
        dash_duo.wait_for_text_to_equal("#overview-poc-year", f"People of concern, {year}")
        dash_duo.wait_for_text_to_equal("#overview-poc-total", total)
        if year == 2019:
            dash_duo.wait_for_text_to_equal(
                "#overview-poc-change", "Increase of +20.4% on 2018 (88,419)."
            )
        if year == 2018:
            dash_duo.wait_for_text_to_equal(
                "#overview-poc-change", "No total for 2017, so there is nothing to compare with."
            )
            # The open panel follows the year: no country figures, never 0.
            dash_duo.wait_for_contains_text(f"{PANEL} h3", "Turkmenistan, 2018")
            assert (
                "No country figures for Turkmenistan in 2018" in dash_duo.find_element(PANEL).text
            )
    dash_duo.wait_for_text_to_equal(
        "#overview-poc-breakdown", "No breakdown by population type on the source page."
    )
    assert_stayed_local(dash_duo)


def test_phone_width_map_and_country_list(dash_duo):
    start(dash_duo, create_app(), "/?year=2020")
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    dash_duo.driver.refresh()
    wait_for_map(dash_duo)
    width = dash_duo.driver.execute_script("return document.documentElement.scrollWidth;")
    assert width <= 375
    map_box = dash_duo.find_element(MAP).rect
    assert 300 <= map_box["width"] <= 375
    button = next(b for b in dash_duo.find_elements(".country-button") if b.text == "Turkmenistan")
    # As a keyboard user would: focus the button and press Enter.
    button.send_keys(Keys.ENTER)
    dash_duo.wait_for_contains_text(PANEL, "Stateless: over 3,900")  # seed line 58
    assert_stayed_local(dash_duo)
