"""The comparison (``/compare``) in headless Chromium.

Operations: the seed's and synthetic copies (``sparse_data.SYNTHETIC_OPERATIONS``).
The seed's budget per year (line 37, the stated totals in USD) is test_catalogue_table's; B adds
300,000 USD of pillar 3 and 4 budget to every year; C has no 2015 or 2017 and no
people of concern.  The seed's people of concern: 88,419 in 2018, 106,489 in
2019; it gives no budget for 2015.
"""

from __future__ import annotations

from pathlib import Path
from urllib.request import urlopen

import pandas as pd
import pytest
from a11y import BLOCKING, PHONE, describe, repeated_ids, run_axe, wait_until_settled
from browser import assert_stayed_local, start
from selenium.webdriver.common.keys import Keys
from sparse_data import many_operations
from test_browser_downloads import click, wait_for_file
from test_catalogue_table import SEED_BUDGET

from dashboard.app import create_app

SEED = "kazakhstan-mco"
ADDED_TO_B = 300000.0
YEARS = range(2015, 2022)
NAMES = {
    SEED: "Kazakhstan Multi-Country Office",
    "synthetic-b": "Synthetic Office B",
    "synthetic-c": "Synthetic Office C",
}

TABLE_ROWS = """
const box = document.getElementById(arguments[0] + '-table');
return Array.from(box.querySelectorAll('tr')).map(
  (row) => Array.from(row.children).map((cell) => cell.textContent));
"""
TRACES = """
const plot = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
return plot && plot.data ? plot.data.map((trace) => [trace.name, trace.x, trace.y]) : null;
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return many_operations(tmp_path_factory.mktemp("compare"), 7)


def usd(amount: float | None) -> str:
    return "no data" if amount is None else f"USD {amount:,.2f}"


def expected_budget(operation_id: str, year: int) -> float | None:
    amount = SEED_BUDGET.get(year)
    if amount is None or (operation_id == "synthetic-c" and year == 2017):
        return None
    return amount + ADDED_TO_B if operation_id == "synthetic-b" else amount


def wait_for_traces(dash_duo, graph: str, count: int) -> list:
    dash_duo._wait_for(
        lambda driver: len(driver.execute_script(TRACES, graph) or []) == count,
        15,
        f"{count} lines in {graph}",
    )
    return dash_duo.driver.execute_script(TRACES, graph)


@pytest.mark.parametrize("compared", [[SEED, "synthetic-c"], [SEED, "synthetic-b", "synthetic-c"]])
def test_each_operation_s_budget_for_every_year_with_gaps(dash_duo, data, compared):
    start(dash_duo, create_app(data_dir=data), f"/compare?ops={','.join(compared)}&year=2019")
    traces = wait_for_traces(dash_duo, "compare-budget", len(compared))
    for operation_id, (name, years, amounts) in zip(compared, traces, strict=True):
        assert name == NAMES[operation_id]
        assert years == list(YEARS)
        assert amounts == [expected_budget(operation_id, year) for year in YEARS]
    # The chart's table: a row per year, a column per operation; gaps say "no data".
    rows = dash_duo.driver.execute_script(TABLE_ROWS, "compare-budget")
    assert rows[0] == ["Year", *(NAMES[operation_id] for operation_id in compared)]
    assert rows[1:] == [
        [str(year), *(usd(expected_budget(operation_id, year)) for operation_id in compared)]
        for year in YEARS
    ]
    summary = dash_duo.find_element("#compare-budget-summary").text
    for operation_id in compared:
        assert f"{NAMES[operation_id]}: {usd(expected_budget(operation_id, 2019))}" in summary
    assert_stayed_local(dash_duo)


def test_the_year_table_and_people_per_year(dash_duo, data):
    start(dash_duo, create_app(data_dir=data), f"/compare?ops={SEED},synthetic-c&year=2019")
    dash_duo.wait_for_text_to_equal("#compare-year-heading", "The operations in 2019")
    people = wait_for_traces(dash_duo, "compare-people", 2)
    assert people[0][2] == [None, None, None, 88419, 106489, None, None]
    assert people[1][2] == [None] * 7
    per_person = wait_for_traces(dash_duo, "compare-per-person", 2)
    assert per_person[0][2][4] == pytest.approx(5528849.17 / 106489)
    assert per_person[1][2] == [None] * 7
    cells = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#compare-year-table tbody tr'))"
        ".map((row) => Array.from(row.children).map((cell) => cell.textContent));"
    )
    assert [row[0] for row in cells] == [NAMES[SEED], NAMES["synthetic-c"]]
    assert cells[0][1:3] == [usd(5528849.17), "USD 2,872,971.63"]
    assert cells[0][8] == "106,489"
    assert cells[1][8] == "no data"
    assert_stayed_local(dash_duo)


@pytest.mark.parametrize(
    ("search", "notice", "lines"),
    [
        ("?ops=", None, 1),
        ("?ops=nowhere", "There is no operation “nowhere”", 1),
        (f"?ops={SEED},{SEED}", None, 1),
        (f"?ops={SEED},synthetic-b,{SEED}", None, 2),
        (
            "?ops=" + ",".join([SEED, *(f"synthetic-{x}" for x in "bcdefg")]),
            "At most 6 operations can be compared",
            6,
        ),
    ],
)
def test_unusable_choices_get_a_message_and_the_menu(dash_duo, data, search, notice, lines):
    start(dash_duo, create_app(data_dir=data), "/compare" + search)
    assert dash_duo.find_element("#compare-chooser")
    wait_for_traces(dash_duo, "compare-budget", lines)
    if lines < 2:
        dash_duo.wait_for_contains_text("#compare-advice", "Choose from 2 to 6 operations")
    else:
        assert dash_duo.find_element("#compare-advice").text == ""
    if notice:
        dash_duo.wait_for_contains_text("#year-notice", notice)
    assert_stayed_local(dash_duo)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_comparison_is_accessible_and_fits(dash_duo, data, width):
    start(dash_duo, create_app(data_dir=data), f"/compare?ops={SEED},synthetic-b")
    if width == "phone":
        dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
        dash_duo.driver.get(dash_duo.server_url + f"/compare?ops={SEED},synthetic-b&lang=fr")
    wait_until_settled(dash_duo.driver)
    wait_for_traces(dash_duo, "compare-rate", 2)
    dash_duo.driver.execute_script(
        "document.querySelectorAll('.table-toggle').forEach((button) => button.click());"
    )
    blocking = [v for v in run_axe(dash_duo.driver)["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], describe("/compare", blocking)
    assert repeated_ids(dash_duo.driver) == []
    if width == "phone":
        scroll_width = "return document.documentElement.scrollWidth"
        assert dash_duo.driver.execute_script(scroll_width) <= PHONE["width"]
    assert_stayed_local(dash_duo)


def test_adding_by_name_and_unticking_write_the_url(dash_duo, data):
    start(dash_duo, create_app(data_dir=data), f"/compare?ops={SEED}")
    dash_duo.wait_for_contains_text("#compare-advice", "Choose from 2 to 6 operations")
    names = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#compare-add-names option'))"
        ".map((option) => option.value);"
    )
    assert names[:3] == list(NAMES.values()) and len(names) == 7
    dash_duo.find_element("#compare-add").send_keys("Synthetic Office B", Keys.ENTER)
    dash_duo._wait_for(
        lambda driver: f"ops={SEED}%2Csynthetic-b" in driver.current_url, 10, "ops in the URL"
    )
    wait_for_traces(dash_duo, "compare-budget", 2)
    assert dash_duo.find_element("#compare-advice").text == ""
    assert dash_duo.find_element("#compare-add").get_attribute("value") == ""

    dash_duo.find_element("#compare-add").send_keys("Synthetic Office")
    dash_duo.find_element("#compare-add-button").click()
    dash_duo.wait_for_text_to_equal(
        "#compare-add-feedback",
        "No operation is named “Synthetic Office”: choose a name from the suggestions.",
    )
    assert f"ops={SEED}%2Csynthetic-b" in dash_duo.driver.current_url

    dash_duo.find_element(f'#compare-chooser input[value="{SEED}"] + label').click()
    dash_duo._wait_for(
        lambda driver: "ops=synthetic-b" in driver.current_url, 10, "ops without the seed's"
    )
    wait_for_traces(dash_duo, "compare-budget", 1)
    dash_duo.wait_for_contains_text("#compare-advice", "Choose from 2 to 6 operations")
    assert_stayed_local(dash_duo)


def test_the_data_downloads_are_the_compared_figures(dash_duo, data):
    ops = f"{SEED},synthetic-b"
    start(dash_duo, create_app(data_dir=data), f"/compare?ops={ops}&year=2019")
    wait_for_traces(dash_duo, "compare-budget", 2)
    folder = Path(dash_duo.download_path)
    click(dash_duo, "comparison-of-year", "csv")
    of_year = wait_for_file(folder, f"compare_{SEED}_synthetic-b_2019.csv")
    table = pd.read_csv(of_year).set_index("operation_id")
    assert table.index.tolist() == [SEED, "synthetic-b"]
    assert table["year"].tolist() == [2019, 2019]
    # Seed line 37, 2019: budget 5.52884917 (pillar 1 4.336318, pillar 2 1.19253117),
    # expenditure 2.87297163 USD millions; people of concern 106,489.
    seed = table.loc[SEED]
    assert [seed["budget_usd"], seed["expenditure_usd"]] == [5528849.17, 2872971.63]
    assert seed["execution_rate_percent"] == pytest.approx(2872971.63 / 5528849.17 * 100)
    assert [seed["pillar_1_budget_usd"], seed["pillar_2_budget_usd"]] == [4336318.0, 1192531.17]
    assert pd.isna(seed["pillar_3_budget_usd"]) and pd.isna(seed["pillar_4_budget_usd"])
    assert seed["people_of_concern"] == 106489
    added = table.loc["synthetic-b"]
    assert added["budget_usd"] == 5528849.17 + ADDED_TO_B
    assert [added["pillar_3_budget_usd"], added["pillar_4_budget_usd"]] == [100000.0, 200000.0]
    with urlopen(f"{dash_duo.server_url}/api/v1/compare?ops={ops}&year=2019&format=csv") as r:
        assert of_year.read_bytes() == r.read()

    # Each chart's data: its figure for every operation and year, gaps empty.
    click(dash_duo, "comparison-budget", "csv")
    budget = pd.read_csv(wait_for_file(folder, f"compare_{SEED}_synthetic-b_budget-by-year.csv"))
    assert list(budget.columns) == ["operation_id", "name", "year", "budget_usd"]
    assert budget["year"].tolist() == [*YEARS, *YEARS]
    for operation_id, rows in budget.groupby("operation_id"):
        expected = [expected_budget(operation_id, year) for year in YEARS]
        assert [None if pd.isna(v) else v for v in rows["budget_usd"]] == expected
    click(dash_duo, "comparison-people", "csv")
    people = pd.read_csv(wait_for_file(folder, f"compare_{SEED}_synthetic-b_people-by-year.csv"))
    seed_people = people[people["operation_id"] == SEED].set_index("year")["people_of_concern"]
    assert [seed_people[2018], seed_people[2019]] == [88419, 106489]
    assert seed_people.drop([2018, 2019]).isna().all()
    assert_stayed_local(dash_duo)
