"""Downloads in the browser: chart data as CSV and Excel, chart images with their names.

The files are parsed back and compared, number by number, with values typed
in from the seed page (line 37: USD millions; people of concern lines 28-29).
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pandas as pd
from browser import assert_stayed_local, start
from conftest import SEED
from seed_values import P1_BUDGET, P2_BUDGET, YEARS
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app


def wait_for_file(folder: Path, name: str, timeout: float = 15) -> Path:
    path = folder / name
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0 and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.2)
    raise AssertionError(
        f"{name} was not downloaded; found {sorted(p.name for p in folder.iterdir())}"
    )


def click(dash_duo, dataset: str, file_format: str) -> None:
    selector = f'[id*=\'"dataset":"{dataset}"\'][id*=\'"format":"{file_format}"\']'
    button = dash_duo.wait_for_element(selector)
    # Charts above the button keep drawing and move it, so click it in place.
    dash_duo.driver.execute_script("arguments[0].click();", button)


def test_budget_by_pillar_csv_and_excel(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    folder = Path(dash_duo.download_path)
    click(dash_duo, "budget-by-pillar", "csv")
    csv = pd.read_csv(wait_for_file(folder, "kazakhstan-mco_budget-by-pillar_2016-2021.csv"))
    assert list(csv.columns) == ["year", "pillar", "pillar_name", "budget_usd", "source"]
    assert set(csv["source"]) == {SEED.name}
    for pillar, seed in ((1, P1_BUDGET), (2, P2_BUDGET)):
        rows = csv[csv["pillar"] == pillar]
        assert rows["year"].tolist() == YEARS
        assert rows["budget_usd"].tolist() == [round(v * 1e6, 2) for v in seed]

    click(dash_duo, "budget-split-by-pillar", "xlsx")
    book = wait_for_file(folder, "kazakhstan-mco_budget-split-by-pillar_2020.xlsx")
    sheets = pd.read_excel(book, sheet_name=None, engine="openpyxl")
    assert list(sheets) == ["data", "notes"]
    split = sheets["data"].set_index("pillar")
    assert split.loc[1, "budget_usd"] == 2323280.21
    assert split.loc[2, "expenditure_usd"] == 618783.03
    assert round(split.loc[1, "budget_share_percent"], 1) == 76.6  # 2.32328021 / 3.03404521
    notes = "\n".join(sheets["notes"]["notes"].fillna(""))
    assert "Source: UNHCR Global Focus, Kazakhstan Multi-Country Office" in notes
    assert "not zero" in notes and "Pillars: 1 refugee programme" in notes
    assert_stayed_local(dash_duo)


def test_selection_changes_the_downloaded_numbers(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2021")
    folder = Path(dash_duo.download_path)
    click(dash_duo, "budget-split-by-pillar", "csv")
    split = pd.read_csv(wait_for_file(folder, "kazakhstan-mco_budget-split-by-pillar_2021.csv"))
    assert split["budget_usd"].tolist() == [4050283.21, 1231765.0]
    assert split["expenditure_usd"].isna().all()  # null in the seed: an empty cell, not 0


def test_a_chart_of_one_year_saves_under_the_selected_year(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    folder = Path(dash_duo.download_path)
    Select(dash_duo.find_element("#year-select")).select_by_value("2019")
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2019")
    dash_duo.wait_for_element("#budget-pillar-split .main-svg")
    button = dash_duo.wait_for_element(
        '[id*=\'"graph":"budget-pillar-split"\'][id*=\'"format":"png"\']'
    )
    dash_duo.driver.execute_script("arguments[0].click();", button)
    image = wait_for_file(folder, "kazakhstan-mco_budget-split-by-pillar_2019.png")
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert_stayed_local(dash_duo)


def test_people_of_concern_csv_and_chart_image_name(dash_duo):
    start(dash_duo, create_app(), "/?year=2019")
    folder = Path(dash_duo.download_path)
    click(dash_duo, "people-of-concern", "csv")
    people = pd.read_csv(wait_for_file(folder, "kazakhstan-mco_people-of-concern_2018-2019.csv"))
    assert people.values.tolist() == [[2018, 88419, SEED.name], [2019, 106489, SEED.name]]

    dash_duo.wait_for_element("#overview-poc-trend .main-svg")
    dash_duo.driver.execute_script(
        "document.querySelector('#overview-poc-trend .modebar-btn[data-title^=\"Download\"]')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}));"
    )
    image = wait_for_file(folder, "kazakhstan-mco_people-of-concern_2018-2019.png")
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert_stayed_local(dash_duo)


def test_contributions_csv_follows_the_donor_filter(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021&donor=government")
    folder = Path(dash_duo.download_path)
    click(dash_duo, "contributions", "csv")
    rows = pd.read_csv(wait_for_file(folder, "kazakhstan-mco_contributions_2021_government.csv"))
    # Seed lines 89-135: Germany on 15-OCT, 05-OCT and 01-OCT-2021, Ireland on 12-OCT-2021.
    assert rows[["date_label", "donor", "country"]].values.tolist() == [
        ["15-OCT-2021", "Germany", "DEU"],
        ["12-OCT-2021", "Ireland", "IRL"],
        ["05-OCT-2021", "Germany", "DEU"],
        ["01-OCT-2021", "Germany", "DEU"],
    ]
    assert rows["date"].tolist() == ["2021-10-15", "2021-10-12", "2021-10-05", "2021-10-01"]
    click(dash_duo, "contributions-per-donor", "xlsx")
    book = wait_for_file(folder, "kazakhstan-mco_contributions-per-donor_2021_government.xlsx")
    counts = pd.read_excel(book, sheet_name="data", engine="openpyxl")
    assert counts[["donor", "contributions"]].values.tolist() == [["Germany", 3], ["Ireland", 1]]
    assert_stayed_local(dash_duo)


def test_whole_operation_links_download_every_table(dash_duo):
    start(dash_duo, create_app(), "/narratives?year=2020")
    folder = Path(dash_duo.download_path)
    link = dash_duo.wait_for_element("#all-data-zip[href]")
    assert link.get_attribute("href").endswith("/api/v1/operations/kazakhstan-mco/all?format=zip")
    dash_duo.driver.execute_script("arguments[0].click();", link)
    archive = zipfile.ZipFile(wait_for_file(folder, "kazakhstan-mco_all-tables.zip"))
    people = pd.read_csv(archive.open("people_of_concern.csv"))
    # seed lines 28-29
    assert people.values.tolist() == [[2018, 88419, SEED.name], [2019, 106489, SEED.name]]
    assert "README.txt" in archive.namelist()
    dash_duo.driver.execute_script("arguments[0].click();", dash_duo.find_element("#all-data-xlsx"))
    book = wait_for_file(folder, "kazakhstan-mco_all-tables.xlsx")
    assert len(pd.read_excel(book, sheet_name="contributions", engine="openpyxl")) == 18
    assert_stayed_local(dash_duo)
