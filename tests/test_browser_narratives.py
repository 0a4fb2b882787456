"""The narratives page in headless Chromium, against the shipped data.

Expected headings are typed in from the seed page
(shared/seeds/000_5ad34c431927eea1.txt): the 2020 year-end report on lines
48-75, the 2020 plan on lines 77-87; no other year has narratives.
"""

from __future__ import annotations

from browser import assert_stayed_local, start
from selenium.webdriver.support.ui import Select

from dashboard.app import create_app
from dashboard.data import load_operation

YEAR_END = "From the 2020 year-end report"
PLAN = "From the 2020 plan, written before the year began"
# Document line -> section headings, in page order (seed lines 48-87).
SEED_2020 = [
    [
        YEAR_END,
        [
            "Operational context",
            "Population trends",
            "Key achievements",
            "Unmet needs",
            "Use of flexible funding (unearmarked or softly earmarked funding)",
        ],
    ],
    [PLAN, ["Working environment", "Key priorities"]],
]
# Seed lines 64-67, the first words of each bullet.
ACHIEVEMENTS = [
    "Kazakhstan and Turkmenistan implemented",
    "Kazakhstan approved statelessness",
    "Uzbekistan enacted a new citizenship law",
    "Kazakhstan approved the new rules",
]
READ_DOCUMENTS = """
return Array.from(document.querySelectorAll('#narratives-content article')).map((a) => [
  a.querySelector('h2').textContent.trim(),
  Array.from(a.querySelectorAll('section > h3')).map((h) => h.textContent.trim()),
]);
"""
READ_ACHIEVEMENTS = """
const h = Array.from(document.querySelectorAll('#narratives-content h3'))
  .find((e) => e.textContent.trim() === 'Key achievements');
return Array.from(h.parentElement.querySelectorAll('ul > li')).map((li) => li.textContent.trim());
"""


def documents(dash_duo) -> list:
    return dash_duo.driver.execute_script(READ_DOCUMENTS)


def wait_for_year(dash_duo, year: int) -> None:
    dash_duo.wait_for_text_to_equal("#narratives-heading", f"Narratives, {year}")


def data_layer_sections(year: int) -> list[str]:
    table = load_operation("kazakhstan-mco").narratives
    return list(table.loc[table["year"] == year, "section"])


def test_narratives_of_every_year(dash_duo):
    start(dash_duo, create_app(), "/narratives?op=kazakhstan-mco&year=2020")
    wait_for_year(dash_duo, 2020)
    dash_duo.wait_for_element("#narratives-content article")
    assert documents(dash_duo) == SEED_2020
    bullets = dash_duo.driver.execute_script(READ_ACHIEVEMENTS)
    assert len(bullets) == 4
    assert [b[: len(start)] for b, start in zip(bullets, ACHIEVEMENTS, strict=True)] == ACHIEVEMENTS
    # Bodies render as text, no raw Markdown markers.
    assert "- Kazakhstan" not in dash_duo.find_element("#narratives-content").text
    # The list of sections beside the documents jumps to a section, keeping the year.
    dash_duo.find_element(".narrative-contents a[href$='-key-priorities']").click()
    dash_duo._wait_for(
        lambda d: d.current_url.endswith("#narrative-2020-plan-key-priorities"), None, "hash"
    )
    assert documents(dash_duo) == SEED_2020

    for year in range(2015, 2022):
        Select(dash_duo.find_element("#year-select")).select_by_value(str(year))
        wait_for_year(dash_duo, year)
        shown = [h for _, headings in documents(dash_duo) for h in headings]
        assert sorted(shown) == sorted(data_layer_sections(year))
        if year == 2020:
            assert documents(dash_duo) == SEED_2020
        else:
            assert shown == []
            dash_duo.wait_for_contains_text(
                "#narratives-content", f"The source has no year-end report or plan for {year}."
            )
            link = dash_duo.find_element("#narratives-content a.year-link")
            assert link.text == "2020"
            assert link.get_attribute("href").endswith("/narratives?op=kazakhstan-mco&year=2020")

    # Last year shown is 2021: its link leads to 2020, like choosing it in the menu.
    dash_duo.find_element("#narratives-content a.year-link").click()
    wait_for_year(dash_duo, 2020)
    dash_duo._wait_for(lambda d: d.current_url.endswith("year=2020"), None, "url year=2020")
    assert dash_duo.find_element("#year-select").get_attribute("value") == "2020"
    assert documents(dash_duo) == SEED_2020
    assert_stayed_local(dash_duo)


def test_narratives_at_phone_width(dash_duo):
    start(dash_duo, create_app(), "/narratives?year=2020")
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#narratives-content article")
    assert documents(dash_duo) == SEED_2020
    width = dash_duo.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 375
    assert_stayed_local(dash_duo)
