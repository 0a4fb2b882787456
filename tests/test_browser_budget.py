"""The budget page in headless Chromium, against the shipped data.

Expected texts are the seed's numbers (shared/seeds/000_5ad34c431927eea1.txt,
line 37, USD millions) rounded by hand to the page's style: "USD 5.53 M",
one-decimal percentages (2020: 2.4726215700000003 / 3.03404521 = 81.5%).
The selectable years are the seed's year list (lines 40-46).
"""

from __future__ import annotations

from browser import assert_stayed_local, start
from seed_values import YEARS
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait

from dashboard.app import create_app

P1 = "Refugee programme"
P2 = "Stateless programme"
NO_DATA = "no data"
# year -> (cards: budget, expenditure, execution rate; pillar rows:
#          pillar, budget, expenditure, share of budget, execution rate), seed line 37.
EXPECTED = {
    2015: ([], []),
    2016: (
        ["USD 7.49 M", "USD 3.34 M", "44.6%"],
        [
            [P1, "USD 5.38 M", "USD 2.03 M", "71.9%", "37.7%"],
            [P2, "USD 2.10 M", "USD 1.31 M", "28.1%", "62.1%"],
        ],
    ),
    2017: (
        ["USD 5.57 M", "USD 2.90 M", "52.1%"],
        [
            [P1, "USD 4.26 M", "USD 1.97 M", "76.5%", "46.2%"],
            [P2, "USD 1.31 M", "USD 0.93 M", "23.5%", "71.3%"],
        ],
    ),
    2018: (
        ["USD 5.52 M", "USD 2.73 M", "49.5%"],
        [
            [P1, "USD 4.41 M", "USD 2.03 M", "79.8%", "46.0%"],
            [P2, "USD 1.11 M", "USD 0.71 M", "20.2%", "63.5%"],
        ],
    ),
    2019: (
        ["USD 5.53 M", "USD 2.87 M", "52.0%"],
        [
            [P1, "USD 4.34 M", "USD 2.07 M", "78.4%", "47.8%"],
            [P2, "USD 1.19 M", "USD 0.80 M", "21.6%", "67.1%"],
        ],
    ),
    2020: (
        ["USD 3.03 M", "USD 2.47 M", "81.5%"],
        [
            [P1, "USD 2.32 M", "USD 1.85 M", "76.6%", "79.8%"],
            [P2, "USD 0.71 M", "USD 0.62 M", "23.4%", "87.1%"],
        ],
    ),
    2021: (
        ["USD 5.28 M", NO_DATA, NO_DATA],
        [
            [P1, "USD 4.05 M", NO_DATA, "76.7%", NO_DATA],
            [P2, "USD 1.23 M", NO_DATA, "23.3%", NO_DATA],
        ],
    ),
}
YEAR_CHARTS = ["budget-vs-expenditure", "budget-by-pillar", "expenditure-by-pillar"]

# What the page shows: texts, and per chart by year, as drawn, the years whose
# bars are framed and the years under a veil (their tick labels' centres against
# the shapes' boxes on screen).
READ_STATE = """
const texts = (sel) => Array.from(document.querySelectorAll(sel)).map((e) => e.textContent.trim());
const plot = (id) => document.querySelector('#' + id + ' .js-plotly-plot');
const highlight = (id) => {
  const gd = plot(id);
  if (!gd || !gd.data || !gd.data.length) return null;
  const ticks = Array.from(gd.querySelectorAll('.xtick text')).map((t) => {
    const box = t.getBoundingClientRect();
    return [Number(t.textContent), (box.left + box.right) / 2];
  });
  const nearest = (x) => ticks.reduce((best, tick) =>
    Math.abs(tick[1] - x) < Math.abs(best[1] - x) ? tick : best)[0];
  const framed = new Set(), veiled = new Set();
  for (const path of gd.querySelectorAll('.shapelayer path')) {
    const box = path.getBoundingClientRect();
    const style = getComputedStyle(path);
    if (box.width < 1) continue;
    if (parseFloat(style.strokeWidth) > 0 && box.height >= 1) {
      framed.add(nearest((box.left + box.right) / 2));
    } else if (parseFloat(style.opacity) < 1) {
      ticks.filter((t) => box.left < t[1] && t[1] < box.right).forEach((t) => veiled.add(t[0]));
    }
  }
  const sorted = (set) => Array.from(set).sort();
  return {framed: sorted(framed), veiled: sorted(veiled)};
};
const split = plot('budget-pillar-split');
return {
  heading: (document.getElementById('budget-year-heading') || {}).textContent,
  cards: texts('#budget-summary .budget-figure-value'),
  empty: texts('#budget-summary .budget-empty'),
  yearNotes: texts('#budget-year-notes li'),
  chartNotes: texts('#budget-chart-notes li'),
  rows: Array.from(document.querySelectorAll('#budget-pillar-table tbody tr'))
    .map((tr) => Array.from(tr.children).map((c) => c.textContent.trim())),
  split: split && split.layout.title ? {
    title: split.layout.title.text,
    y: split.data.length ? Array.from(split.data[0].y) : [],
    notes: (split.layout.annotations || []).map((a) => a.text),
  } : null,
  highlight: Object.fromEntries(arguments[0].map((id) => [id, highlight(id)])),
};
"""


def read_state(dash_duo) -> dict:
    return dash_duo.driver.execute_script(READ_STATE, YEAR_CHARTS)


def expected_state(year: int) -> dict:
    cards, rows = EXPECTED[year]
    has_data = year != 2015
    # 2021 expenditure is null on seed line 37; 2015 is not in its categories.
    gap = "2021: budget only, no expenditure reported"
    no_bar = (
        "2015: no budget or expenditure reported (figures cover 2016–2021), "
        "so no bar is highlighted in the charts by year."
    )
    on = [year] if has_data else []
    return {
        "heading": f"Budget and expenditure in {year}",
        "cards": cards,
        "empty": [] if has_data else ["No budget data for 2015."],
        "yearNotes": [gap] if year == 2021 else [],
        "chartNotes": [no_bar, gap] if year == 2015 else [gap],
        "rows": rows,
        "split": {
            "title": f"Split by pillar, {year} (USD)" if has_data else "Split by pillar, 2015",
            "y": [P1, P2] if has_data else [],
            "notes_has_empty_state": not has_data,
        },
        # The selected year's bars framed, the other years veiled, when the charts
        # have that year (seed line 37: 2016-2021); 2021 has no expenditure bar.
        "highlight": {
            chart: {
                "framed": [] if chart == "expenditure-by-pillar" and year == 2021 else on,
                "veiled": [other for other in YEARS if other != year] if has_data else [],
            }
            for chart in YEAR_CHARTS
        },
    }


def comparable(state: dict) -> dict:
    split = state.get("split")
    if split is not None:
        split = {
            "title": split["title"],
            "y": split["y"],
            "notes_has_empty_state": "No budget data for 2015" in split["notes"],
        }
    return {**state, "split": split}


def wait_for_year(dash_duo, year: int, timeout: float = 10) -> None:
    expected = expected_state(year)
    try:
        WebDriverWait(dash_duo.driver, timeout).until(
            lambda _driver: comparable(read_state(dash_duo)) == expected
        )
    except TimeoutException:
        actual = comparable(read_state(dash_duo))
        raise AssertionError(f"{year}: page shows\n{actual}\nexpected\n{expected}") from None


def test_budget_page_follows_every_year(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2019"
    # Exact dollars in the tooltip of an amount (seed line 37: 5.52884917 millions).
    budget_card = dash_duo.find_element("#budget-summary .budget-figure-value")
    assert budget_card.get_attribute("title") == "USD 5,528,849.17"

    year_select = Select(dash_duo.find_element("#year-select"))
    for year in [2015, 2016, 2017, 2018, 2019, 2020, 2021]:
        year_select.select_by_value(str(year))
        wait_for_year(dash_duo, year)
        assert f"year={year}" in dash_duo.driver.current_url

    # Wide screen: the charts sit two per row.
    boxes = chart_boxes(dash_duo)
    assert boxes[0]["top"] == boxes[1]["top"] and boxes[1]["left"] > boxes[0]["left"]
    assert boxes[2]["top"] == boxes[3]["top"] > boxes[0]["top"]
    assert_stayed_local(dash_duo)


def test_budget_page_on_a_phone(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    dash_duo.driver.get(dash_duo.server_url + "/budget?year=2020")
    wait_for_year(dash_duo, 2020, timeout=20)
    # One chart per row, each (nearly) the full width, and nothing wider than the screen.
    boxes = chart_boxes(dash_duo)
    assert [box["left"] for box in boxes] == [boxes[0]["left"]] * 4
    assert all(box["width"] >= 330 for box in boxes)
    assert [box["top"] for box in boxes] == sorted(box["top"] for box in boxes)
    assert dash_duo.driver.execute_script("return document.documentElement.scrollWidth") <= 375
    assert_stayed_local(dash_duo)


def chart_boxes(dash_duo) -> list[dict]:
    return dash_duo.driver.execute_script(
        """
        return ['budget-vs-expenditure', 'budget-pillar-split', 'budget-by-pillar',
                'expenditure-by-pillar'].map((id) => {
          const r = document.getElementById(id).getBoundingClientRect();
          return {left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width)};
        });
        """
    )


# The "Show as table" table of the pillar split, per year (seed line 37, exact
# dollars; shares and rates worked out by hand, e.g. 2019: 4.336318 / 5.52884917
# = 78.4%, 2.07222501 / 4.336318 = 47.8%).
SPLIT_ROWS = {
    2020: [
        [P1, "USD 2,323,280.21", "USD 1,853,838.54", "76.6%", "79.8%"],
        [P2, "USD 710,765.00", "USD 618,783.03", "23.4%", "87.1%"],
    ],
    2019: [
        [P1, "USD 4,336,318.00", "USD 2,072,225.01", "78.4%", "47.8%"],
        [P2, "USD 1,192,531.17", "USD 800,746.62", "21.6%", "67.1%"],
    ],
}
SPLIT_TABLE_JS = """
const holder = document.getElementById('budget-pillar-split-table');
const region = holder.querySelector('.table-responsive');
const empty = holder.querySelector('.empty-state');
if (!region) return {empty: empty ? empty.textContent : null};
const table = region.querySelector('table');
return {
  region: [region.getAttribute('role'), region.getAttribute('tabindex'),
           region.getAttribute('aria-label')],
  caption: table.querySelector('caption').textContent,
  headScopes: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
  rowScopes: [...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope')),
  rows: [...table.querySelectorAll('tbody tr')].map(
    (tr) => [...tr.children].map((cell) => cell.textContent)),
};
"""


def test_split_table_is_drawn_and_follows_the_year(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    wait_for_year(dash_duo, 2020, timeout=20)
    toggle = dash_duo.find_element('[aria-controls="budget-pillar-split-table"]')
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", toggle
    )
    toggle.click()
    dash_duo.wait_for_element("#budget-pillar-split-table .table-responsive")

    def table_rows(expected):
        WebDriverWait(dash_duo.driver, 10).until(
            lambda driver: driver.execute_script(SPLIT_TABLE_JS).get("rows") == expected
        )
        return dash_duo.driver.execute_script(SPLIT_TABLE_JS)

    shown = table_rows(SPLIT_ROWS[2020])
    assert "2020" in shown["caption"]
    assert shown["region"] == ["region", "0", shown["caption"]]
    assert shown["headScopes"] == ["col"] * 5 and shown["rowScopes"] == ["row", "row"]

    year_select = Select(dash_duo.find_element("#year-select"))
    year_select.select_by_value("2019")
    assert "2019" in table_rows(SPLIT_ROWS[2019])["caption"]
    # 2015: the seed has no budget by pillar.
    year_select.select_by_value("2015")
    WebDriverWait(dash_duo.driver, 10).until(
        lambda driver: (
            "2015: no figures" in (driver.execute_script(SPLIT_TABLE_JS).get("empty") or "")
        )
    )


def test_year_switch_redraws_only_the_highlight_of_the_charts_by_year(dash_duo):
    """The charts by year keep the data plotly.js computed for them (``calcdata``)
    across a year switch; the split by pillar, whose bars change, computes anew."""
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    charts = [*YEAR_CHARTS, "budget-pillar-split"]
    dash_duo.driver.execute_script(
        """window.__calcdata = Object.fromEntries(arguments[0].map((id) =>
             [id, document.querySelector('#' + id + ' .js-plotly-plot').calcdata]));""",
        charts,
    )
    Select(dash_duo.find_element("#year-select")).select_by_value("2018")
    wait_for_year(dash_duo, 2018)
    kept = dash_duo.driver.execute_script(
        """return Object.fromEntries(arguments[0].map((id) =>
             [id, document.querySelector('#' + id + ' .js-plotly-plot').calcdata
                  === window.__calcdata[id]]));""",
        charts,
    )
    assert kept == {**dict.fromkeys(YEAR_CHARTS, True), "budget-pillar-split": False}
    assert_stayed_local(dash_duo)
