"""The catalogue (``/operations``) with three operations, in headless Chromium.

The seed's operation and two synthetic copies (``sparse_data.SYNTHETIC_OPERATIONS``):
B adds 100,000 + 200,000 USD of pillar 3 and 4 budget to every year, C names no
country, has no people of concern and no 2015 or 2017.  Expected figures are the
seed's (line 37: the 2021 budget of 4,050,283.21 + 1,231,765.00 USD, no 2021
expenditure; people of concern 88,419 in 2018 and 106,489 in 2019, +20.4%).
"""

from __future__ import annotations

from pathlib import Path
from urllib.request import urlopen

import pandas as pd
import pytest
from a11y import BLOCKING, PHONE, describe, repeated_ids, run_axe, wait_until_settled
from browser import assert_stayed_local, start
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from sparse_data import many_operations
from test_browser_downloads import click, wait_for_file

from dashboard.app import create_app

SEED_NAME = "Kazakhstan Multi-Country Office"
SEED_COUNTRIES = "Kazakhstan, Turkmenistan, Uzbekistan"
SEED_BUDGET_2021 = "USD 5,282,048.21 (2021)"
NO_DATA = "no data"
PEOPLE = "106,489 (2019)"
# Row cells: name, countries, years, budget, expenditure, rate, people, change.
ROWS = {
    SEED_NAME: [
        SEED_NAME,
        SEED_COUNTRIES,
        "2015–2021",
        SEED_BUDGET_2021,
        NO_DATA,
        NO_DATA,
        PEOPLE,
        "+20.4%",
    ],
    "Synthetic Office B": [
        "Synthetic Office B",
        SEED_COUNTRIES,
        "2015–2021",
        "USD 5,582,048.21 (2021)",
        NO_DATA,
        NO_DATA,
        PEOPLE,
        "+20.4%",
    ],
    "Synthetic Office C": [
        "Synthetic Office C",
        NO_DATA,
        "2016–2021",
        SEED_BUDGET_2021,
        NO_DATA,
        NO_DATA,
        NO_DATA,
        NO_DATA,
    ],
}

ROW_TEXTS = """
return Array.from(document.querySelectorAll('#catalogue-table tbody tr')).map(
  (row) => Array.from(row.children).map((cell) => cell.textContent));
"""


@pytest.fixture
def app(tmp_path):
    return create_app(data_dir=many_operations(tmp_path, 3))


def rows(dash_duo) -> list[list[str]]:
    return dash_duo.driver.execute_script(ROW_TEXTS)


def wait_for_names(dash_duo, names: list[str]) -> None:
    dash_duo._wait_for(
        lambda _driver: [row[0] for row in rows(dash_duo)] == names,
        10,
        f"rows {names}",
    )


def test_the_catalogue_shows_each_operation_s_figures(dash_duo, app):
    start(dash_duo, app, "/operations")
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office B", "Synthetic Office C"])
    assert rows(dash_duo) == list(ROWS.values())
    dash_duo.wait_for_text_to_equal("#catalogue-count", "3 of 3 operations")
    link = dash_duo.find_element("#catalogue-table tbody tr:nth-child(2) a")
    assert link.get_attribute("href").endswith("/?op=synthetic-b")
    assert_stayed_local(dash_duo)


def test_sorting_and_filtering_live_in_the_url(dash_duo, app):
    start(dash_duo, app, "/operations")
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office B", "Synthetic Office C"])
    every = Select(dash_duo.find_element("#catalogue-country")).first_selected_option
    assert every.text == "Every country"
    budget = "#catalogue-table th:nth-child(4) a"
    dash_duo.find_element(budget).click()
    dash_duo._wait_for(lambda d: "sort=budget" in d.current_url, 10, "sort in URL")
    # Ascending: the two equal budgets keep the catalogue's order, B's larger one last.
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office C", "Synthetic Office B"])
    dash_duo.find_element(budget).click()
    dash_duo._wait_for(lambda d: "sort=-budget" in d.current_url, 10, "descending in URL")
    wait_for_names(dash_duo, ["Synthetic Office B", SEED_NAME, "Synthetic Office C"])
    header = dash_duo.find_element("#catalogue-table th:nth-child(4)")
    assert header.get_attribute("aria-sort") == "descending"

    box = dash_duo.find_element("#catalogue-text")
    box.send_keys("office c", Keys.ENTER)
    dash_duo._wait_for(lambda d: "q=office+c" in d.current_url, 10, "text in URL")
    wait_for_names(dash_duo, ["Synthetic Office C"])
    dash_duo.wait_for_text_to_equal("#catalogue-count", "1 of 3 operations")

    # The address reproduces the view: sorted, filtered by country.
    dash_duo.driver.get(dash_duo.server_url + "/operations?country=KAZ&sort=-name")
    wait_for_names(dash_duo, ["Synthetic Office B", SEED_NAME])
    dash_duo.wait_for_text_to_equal("#catalogue-count", "2 of 3 operations")
    menu = Select(dash_duo.find_element("#catalogue-country"))
    assert menu.first_selected_option.text == "Kazakhstan"
    menu.select_by_visible_text("Every country")
    dash_duo._wait_for(lambda d: "country=" not in d.current_url, 10, "no country in URL")
    wait_for_names(dash_duo, ["Synthetic Office C", "Synthetic Office B", SEED_NAME])
    dash_duo.driver.get(dash_duo.server_url + "/operations?q=nothing+like+it")
    dash_duo.wait_for_text_to_equal("#catalogue-table", "No operation matches these filters.")
    assert_stayed_local(dash_duo)


def test_the_navbar_leads_to_the_catalogue_and_the_overview_says_so(dash_duo, app):
    start(dash_duo, app, "/")
    dash_duo.wait_for_contains_text(
        ".catalogue-hint", f"This dashboard holds 3 operations; this is {SEED_NAME}."
    )
    dash_duo.find_element('#navbar-collapse a[href^="/operations"]').click()
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office B", "Synthetic Office C"])
    dash_duo.find_element("#catalogue-table tbody tr:nth-child(3) a").click()
    dash_duo.wait_for_text_to_equal("h1", "Synthetic Office C")
    assert dash_duo.find_elements(".catalogue-hint") == []
    assert_stayed_local(dash_duo)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_catalogue_is_accessible_and_fits(dash_duo, app, width):
    start(dash_duo, app, "/operations")
    if width == "phone":
        dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        dash_duo.driver.get(dash_duo.server_url + "/operations?lang=fr")
    wait_until_settled(dash_duo.driver)
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office B", "Synthetic Office C"])
    blocking = [v for v in run_axe(dash_duo.driver)["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], describe("/operations", blocking)
    assert repeated_ids(dash_duo.driver) == []
    if width == "phone":
        scroll_width = "return document.documentElement.scrollWidth"
        assert dash_duo.driver.execute_script(scroll_width) <= PHONE["width"]
    assert_stayed_local(dash_duo)


def test_the_catalogue_s_data_is_every_row_the_filters_keep(dash_duo, app):
    start(dash_duo, app, "/operations?country=KAZ&sort=-budget")
    wait_for_names(dash_duo, ["Synthetic Office B", SEED_NAME])
    folder = Path(dash_duo.download_path)
    click(dash_duo, "catalogue", "csv")
    shown = wait_for_file(folder, "all_operations.csv")
    table = pd.read_csv(shown).set_index("operation_id")
    assert table.index.tolist() == ["synthetic-b", "kazakhstan-mco"]
    seed = table.loc["kazakhstan-mco"]
    assert seed["countries"] == "KAZ, TKM, UZB"
    assert [seed["first_year"], seed["last_year"], seed["budget_year"]] == [2015, 2021, 2021]
    assert seed["budget_usd"] == 5282048.21  # 4,050,283.21 + 1,231,765.00
    assert pd.isna(seed["expenditure_usd"]) and pd.isna(seed["execution_rate_percent"])
    assert [seed["people_year"], seed["people_of_concern"]] == [2019, 106489]
    assert seed["people_change_percent"] == pytest.approx((106489 - 88419) / 88419 * 100)
    assert table.loc["synthetic-b", "budget_usd"] == 5282048.21 + 100000 + 200000

    # Without filters the file is every operation, byte for byte the data API's.
    shown.unlink()
    dash_duo.driver.get(dash_duo.server_url + "/operations")
    wait_for_names(dash_duo, [SEED_NAME, "Synthetic Office B", "Synthetic Office C"])
    click(dash_duo, "catalogue", "csv")
    every = wait_for_file(folder, "all_operations.csv").read_bytes()
    with urlopen(dash_duo.server_url + "/api/v1/catalogue?format=csv") as response:
        assert every == response.read()
    assert pd.read_csv(shown)["operation_id"].tolist() == [
        "kazakhstan-mco",
        "synthetic-b",
        "synthetic-c",
    ]
    assert_stayed_local(dash_duo)
