"""An operation with two yearly pages, in the browser: the year menu offers every
year of either page, the revised budget bar is starred, the revisions are listed
with both values and pages, and the Sources page lists and serves both pages, in
English and French, without serious axe violations.

The older page is a synthetic 2019 view of the seed (``history_pages``): the
figures expected are the seed's 2019 budget (line 37: 5.52884917 M) and the
snapshot's (4.2 M for pillar 1 instead of 4.336318 M, so 5.39253117 M).
"""

from __future__ import annotations

import shutil
import urllib.request

import pytest
from a11y import describe, run_axe, wait_until_settled
from browser import start
from conftest import DATA_DIR, OPERATION_ID, SEED
from history_pages import older_snapshot, write_page

from dashboard.app import create_app
from dashboard.importer import import_page

OLDER = "synthetic-2019.txt"
REVISED = {
    "en": f"2019 budget: USD 5.39 M in the 2019 page ({OLDER}), "
    f"USD 5.53 M in the 2020 page ({SEED.name})",
    "fr": f"Budget 2019 : 5,39 M USD dans la page 2019 ({OLDER}), "
    f"5,53 M USD dans la page 2020 ({SEED.name})",
}
STARS = """
const plot = document.querySelector('#budget-vs-expenditure .js-plotly-plot');
return plot.data.filter((trace) => trace.marker && trace.marker.symbol === 'star')
  .map((trace) => [trace.name, trace.x]);
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("history")
    shutil.copytree(DATA_DIR, root / "data")
    page = write_page(root, OLDER, older_snapshot(SEED.read_text(encoding="utf-8")))
    import_page(page, OPERATION_ID, root / "data")
    return root / "data"


def serious(driver, page: str) -> list[str]:
    found = [v for v in run_axe(driver)["violations"] if v["impact"] in ("serious", "critical")]
    return [describe(page, found)] if found else []


def test_two_yearly_pages_in_both_languages(dash_duo, data):
    start(dash_duo, create_app(data_dir=data))
    driver = dash_duo.driver
    failures = []
    for lang, suffix in (("en", ""), ("fr", "&lang=fr")):
        driver.get(f"{dash_duo.server_url}/budget?year=2019{suffix}")
        wait_until_settled(driver)
        menu = driver.find_element("css selector", "#year-select")
        options = menu.find_elements("tag name", "option")
        years = [value for o in options if (value := o.get_attribute("value"))]
        assert sorted(years) == [str(year) for year in range(2014, 2022)]  # 2014: older only
        stars = driver.execute_script(STARS)
        assert len(stars) == 1 and round(stars[0][1][0]) == 2019, stars
        items = [li.text for li in driver.find_elements("css selector", ".revisions-list li")]
        assert items == [REVISED[lang]]
        failures += serious(driver, f"/budget {lang}")

        driver.get(f"{dash_duo.server_url}/sources?year=2019{suffix}")
        wait_until_settled(driver)
        rows = driver.find_elements("css selector", "#sources-table tbody tr")
        cells = [
            [cell.text for cell in row.find_elements("css selector", "th, td")] for row in rows
        ]
        assert [(row[0], row[1]) for row in cells] == [(SEED.name, "2020"), (OLDER, "2019")]
        link = rows[1].find_element("css selector", "th a").get_attribute("href")
        with urllib.request.urlopen(link, timeout=10) as response:
            stored = data / "operations" / OPERATION_ID / "sources" / OLDER
            assert response.read() == stored.read_bytes()
        failures += serious(driver, f"/sources {lang}")
    assert failures == [], "\n".join(failures)
