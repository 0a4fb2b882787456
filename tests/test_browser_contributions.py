"""The contributions page in headless Chromium, against the shipped data.

Expected values are typed in from the seed page
(shared/seeds/000_5ad34c431927eea1.txt, lines 88-150): 18 contributions on 10
dates in 2021, 4 from governments (Germany x3, Ireland), 14 from private donors.
"""

from __future__ import annotations

import datetime

from browser import assert_stayed_local, start
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app

# Dates as the source prints them, newest first (seed lines 89-136).
SEED_DATES = [
    "15-OCT-2021",
    "15-OCT-2021",
    "14-OCT-2021",
    "12-OCT-2021",
    "12-OCT-2021",
    "12-OCT-2021",
    "09-OCT-2021",
    "08-OCT-2021",
    "06-OCT-2021",
    "05-OCT-2021",
    "05-OCT-2021",
    "04-OCT-2021",
    "01-OCT-2021",
    "01-OCT-2021",
    "30-SEP-2021",
    "30-SEP-2021",
    "30-SEP-2021",
    "30-SEP-2021",
]
# Government donors (a country alone): seed lines 93, 103, 126, 135.
SEED_GOVERNMENT = [
    ["15-OCT-2021", "Germany", "Government", "Germany"],
    ["12-OCT-2021", "Ireland", "Government", "Ireland"],
    ["05-OCT-2021", "Germany", "Government", "Germany"],
    ["01-OCT-2021", "Germany", "Government", "Germany"],
]


def shown_date(printed: str) -> str:
    """A source date (``05-OCT-2021``) as the English page writes it (``5 Oct 2021``).

    British English (CLDR) abbreviates September as "Sept".
    """
    day = datetime.datetime.strptime(printed, "%d-%b-%Y")
    month = "Sept" if day.month == 9 else f"{day:%b}"
    return f"{day.day} {month} {day:%Y}"


def as_shown(rows: list[list[str]]) -> list[list[str]]:
    return [[shown_date(row[0]), *row[1:]] for row in rows]


READ_TABLE = """
const rows = (sel) => Array.from(document.querySelectorAll(sel + ' tbody tr'))
  .map((tr) => Array.from(tr.children).map((c) => c.textContent.trim()));
return {rows: rows('#contributions-table'), counts: rows('#contributions-counts')};
"""


def tables(dash_duo) -> dict:
    return dash_duo.driver.execute_script(READ_TABLE)


def choose_type(dash_duo, value: str, rows: int) -> dict:
    dash_duo.find_element(f"#contributions-type-filter input[value='{value}']").click()
    dash_duo._wait_for(lambda _: len(tables(dash_duo)["rows"]) == rows, None, f"{rows} rows")
    return tables(dash_duo)


def test_contributions_2021_filters_and_counts(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021")
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2021")
    dash_duo.wait_for_element("#contributions-table tbody tr")
    shown = tables(dash_duo)
    assert [row[0] for row in shown["rows"]] == [shown_date(date) for date in SEED_DATES]
    assert shown["rows"][2] == ["14 Oct 2021", "Private donors (Qatar)", "Private", "Qatar"]
    assert shown["rows"][0] == ["15 Oct 2021", "Private donors", "Private", ""]
    assert ["Germany", "Government", "3"] in shown["counts"]
    table = dash_duo.find_element("#contributions-table table")
    assert table.find_element("css selector", "caption").text.startswith("Contributions")
    assert "table-responsive" in table.find_element("xpath", "..").get_attribute("class")

    government = choose_type(dash_duo, "government", 4)
    assert government["rows"] == as_shown(SEED_GOVERNMENT)
    assert government["counts"] == [["Germany", "Government", "3"], ["Ireland", "Government", "1"]]
    private = choose_type(dash_duo, "private", 14)
    assert {row[2] for row in private["rows"]} == {"Private"}
    assert len(choose_type(dash_duo, "all", 18)["rows"]) == 18

    Select(dash_duo.find_element("#year-select")).select_by_value("2020")
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2020")
    dash_duo.wait_for_contains_text(
        "#contributions-no-data", "The source lists no contributions in 2020."
    )
    assert tables(dash_duo)["rows"] == []
    link = dash_duo.find_element("#contributions-no-data a.year-link")
    assert link.text == "2021"
    link.click()
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2021")
    dash_duo._wait_for(lambda _: len(tables(dash_duo)["rows"]) == 18, None, "18 rows")
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2021"
    assert_stayed_local(dash_duo)


def test_contributions_at_phone_width(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021")
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#contributions-table tbody tr")
    assert len(tables(dash_duo)["rows"]) == 18
    # The page does not scroll sideways; a wide table scrolls inside its wrapper.
    width = dash_duo.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 375
    assert_stayed_local(dash_duo)
