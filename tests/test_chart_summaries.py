"""Text alternatives of the charts and their "Show as table" tables.

Expected texts are typed in from the seed page
(shared/seeds/000_5ad34c431927eea1.txt, also in data/operations/kazakhstan-mco/sources/): budget and
expenditure per pillar in USD millions on line 37, people of concern on lines
28-29, the 2020 country figures on lines 56-60.  Sums and percentages were
worked out by hand from those numbers and rounded to the page's style.
"""

from __future__ import annotations

import page_views
import pandas as pd
import pytest
from markup_tree import elements, text, tree

from dashboard.app import create_app
from dashboard.components.chart import chart_figure, table_markup
from dashboard.data import load_operation
from dashboard.exports.datasets import build_dataset
from dashboard.figures import summaries
from dashboard.pages import budget as budget_page
from dashboard.pages import overview
from dashboard.transforms import budget as tf
from dashboard.transforms.people_of_concern import breakdown_for, trend
from dashboard.wording import chart_tables
from dashboard.wording.population import country_shading

OPERATION_ID = "kazakhstan-mco"
P1, P2 = "Refugee programme", "Stateless programme"


@pytest.fixture(scope="module")
def operation():
    return load_operation(OPERATION_ID)


@pytest.fixture(scope="module")
def app():
    return create_app()


def dataset(operation, name: str, year: int) -> pd.DataFrame:
    return build_dataset(name, operation, year, {}).frame


# -- summaries -------------------------------------------------------------------------


def test_split_summary_2020(operation):
    split = tf.pillar_split(operation.budget, 2020)
    # 2.32328021 + 0.710765 = 3.03404521; 2.32328021 / 3.03404521 = 76.6%;
    # expenditure 1.85383854 + 0.61878303 = 2.47262157, 81.5% of the budget.
    assert summaries.pillar_split_summary(split, 2020, "en") == (
        f"Budget 2020: USD 3.03 M, of which {P1} 76.6% and {P2} 23.4%; "
        "expenditure USD 2.47 M (81.5% spent)."
    )


def test_split_summary_without_expenditure_or_budget(operation):
    # 2021: 4.05028321 + 1.231765 = 5.28204821, expenditure null (seed line 37).
    assert summaries.pillar_split_summary(tf.pillar_split(operation.budget, 2021), 2021, "en") == (
        f"Budget 2021: USD 5.28 M, of which {P1} 76.7% and {P2} 23.3%; no expenditure reported."
    )
    assert summaries.pillar_split_summary(tf.pillar_split(operation.budget, 2015), 2015, "en") == (
        "No budget data for 2015."
    )


def test_split_summary_2020_in_french(operation):
    """The same numbers (seed line 37) in French words and French number formats."""
    split = tf.pillar_split(operation.budget, 2020)
    assert summaries.pillar_split_summary(split, 2020, "fr") == (
        "Budget 2020 : 3,03 M USD, dont Programme pour les réfugiés 76,6 % et Programme pour "
        "les apatrides 23,4 % ; dépenses 2,47 M USD (81,5 % dépensés)."
    ).replace(" %", "\u00a0%")


def test_budget_totals_summary(operation):
    totals = tf.yearly_totals(operation.budget)
    # Highest budget 7.48582672 (2016), lowest 3.03404521 (2020).
    span = "Budget and expenditure per year, 2016–2021: the budget ranges from USD 3.03 M "
    span += "(2020) to USD 7.49 M (2016)."
    assert summaries.budget_totals_summary(totals, 2019, "en") == (
        # 2019: 5.52884917 and 2.87297163 = 52.0%.
        span + " 2019: budget USD 5.53 M, expenditure USD 2.87 M (52.0% spent)."
    )
    assert summaries.budget_totals_summary(totals, 2021, "en") == (
        span + " 2021: budget USD 5.28 M, no expenditure reported."
    )
    assert summaries.budget_totals_summary(totals, 2015, "en") == (
        span + " No budget or expenditure reported for 2015."
    )
    assert summaries.budget_totals_summary(totals.iloc[0:0], 2020, "en") == (
        "No budget or expenditure reported."
    )


def test_pillar_stack_summaries(operation):
    budget = tf.pillar_amounts(operation.budget, tf.BUDGET)
    spent = tf.pillar_amounts(operation.budget, tf.EXPENDITURE)
    assert summaries.pillar_stack_summary(budget, "Budget", 2020, "en") == (
        "Budget by pillar per year, 2016–2021. 2020: USD 3.03 M, of which "
        f"{P1} USD 2.32 M (76.6%) and {P2} USD 0.71 M (23.4%)."
    )
    # 1.85383854 / 2.47262157 = 75.0%.
    assert summaries.pillar_stack_summary(spent, "Expenditure", 2020, "en") == (
        "Expenditure by pillar per year, 2016–2021. 2020: USD 2.47 M, of which "
        f"{P1} USD 1.85 M (75.0%) and {P2} USD 0.62 M (25.0%)."
    )
    assert summaries.pillar_stack_summary(spent, "Expenditure", 2021, "en") == (
        "Expenditure by pillar per year, 2016–2021. No expenditure reported for 2021."
    )


def test_people_summaries(operation):
    people = trend(operation.people_of_concern)
    assert summaries.trend_summary(people, 2019, "en") == (
        "People of concern per year: 88,419 in 2018 and 106,489 in 2019."
    )
    assert summaries.trend_summary(people, 2020, "en") == (
        "People of concern per year: 88,419 in 2018 and 106,489 in 2019. No total for 2020."
    )
    assert (
        summaries.trend_summary(people.iloc[0:0], 2020, "en") == "No totals of people of concern."
    )


def test_map_summary_2020_and_a_year_without_figures(operation):
    countries = operation.meta.countries
    shading = country_shading(operation.population_by_country, 2020, countries, "en")
    # Kazakhstan 445 + 233 + 7,999 + 591 = 9,268; Turkmenistan 21 + over 3,900;
    # Uzbekistan 14 + around 70,000.
    assert summaries.map_summary(shading, 2020, "en") == (
        "People of concern named per country, 2020: Kazakhstan 9,268; "
        "Turkmenistan over 3,921; Uzbekistan around 70,014."
    )
    empty = country_shading(operation.population_by_country, 2015, countries, "en")
    assert summaries.map_summary(empty, 2015, "en") == (
        "No country figures for 2015 for Kazakhstan, Turkmenistan or Uzbekistan."
    )


def test_breakdown_summary():
    breakdown = pd.DataFrame(
        {"year": [2020, 2020], "population_type": ["Stateless", "Refugees"], "value": [70, 14]}
    )
    assert summaries.breakdown_summary(breakdown, 2020, "en") == (
        "People of concern by population type, 2020: Stateless 70; Refugees 14."
    )
    assert summaries.breakdown_summary(breakdown.iloc[0:0], 2015, "en") == (
        "No breakdown by population type for 2015."
    )


# -- tables ----------------------------------------------------------------------------


def test_budget_and_expenditure_table(operation):
    table = chart_tables.budget_and_expenditure_table(
        dataset(operation, "budget-and-expenditure", 2020), "en"
    )
    assert table.caption == "Budget and expenditure per year, 2016–2021"
    assert table.columns == ["Year", "Budget", "Expenditure"]
    assert table.rows[0] == ["2016", "USD 7,485,826.72", "USD 3,337,229.39"]
    assert table.rows[4] == ["2020", "USD 3,034,045.21", "USD 2,472,621.57"]
    assert table.rows[5] == ["2021", "USD 5,282,048.21", "no data"]


def test_by_pillar_tables(operation):
    budget = chart_tables.by_pillar_table(
        dataset(operation, "budget-by-pillar", 2020), tf.BUDGET, "Budget", "en"
    )
    assert budget.columns == ["Year", P1, P2]
    assert budget.rows[0] == ["2016", "USD 5,383,627.55", "USD 2,102,199.17"]
    assert budget.rows[3] == ["2019", "USD 4,336,318.00", "USD 1,192,531.17"]
    spent = chart_tables.by_pillar_table(
        dataset(operation, "expenditure-by-pillar", 2020), tf.EXPENDITURE, "Expenditure", "en"
    )
    assert spent.caption == "Expenditure by pillar per year, 2016–2021"
    assert spent.rows[4] == ["2020", "USD 1,853,838.54", "USD 618,783.03"]
    assert spent.rows[5] == ["2021", "no data", "no data"]


def test_split_table(operation):
    table = chart_tables.split_table(dataset(operation, "budget-split-by-pillar", 2020), 2020, "en")
    assert table.rows == [
        [P1, "USD 2,323,280.21", "USD 1,853,838.54", "76.6%", "79.8%"],
        [P2, "USD 710,765.00", "USD 618,783.03", "23.4%", "87.1%"],
    ]
    empty = chart_tables.split_table(dataset(operation, "budget-split-by-pillar", 2015), 2015, "en")
    assert empty.empty


def test_people_and_country_tables(operation):
    people = chart_tables.people_trend_table(dataset(operation, "people-of-concern", 2020), "en")
    assert people.rows == [["2018", "88,419"], ["2019", "106,489"]]
    shading = country_shading(operation.population_by_country, 2020, operation.meta.countries, "en")
    countries = chart_tables.country_table(shading, 2020, "en")
    assert countries.rows[1] == ["Turkmenistan", "over 3,921", "Refugees 21 + Stateless over 3,900"]
    none = country_shading(operation.population_by_country, 2019, ["TKM"], "en")
    assert chart_tables.country_table(none, 2019, "en").rows == [
        ["Turkmenistan", "no data", "no data"]
    ]
    by_type = chart_tables.population_type_table(
        breakdown_for(operation.population_by_type, 2020), 2020, "en"
    )
    assert by_type.empty  # the seed page has no breakdown by population type


# -- the component and the callbacks ---------------------------------------------------


def test_table_markup_holds_caption_headers_and_rows():
    table = chart_tables.people_trend_table(
        pd.DataFrame({"year": [2018, 2019], "total": [88419, 106489]}), "en"
    )
    block = tree(table_markup(table, "en"))
    assert block["t"] == "div"
    assert block["a"] == {
        "class": "table-responsive",
        "tabindex": "0",
        "role": "region",
        "aria-label": "People of concern per year, 2018–2019",
    }
    assert text(elements(block, "caption")) == "People of concern per year, 2018–2019"
    headers = elements(elements(block, "thead"), "th")
    assert [header["a"]["scope"] for header in headers] == ["col", "col"]
    rows = elements(elements(block, "tbody"), "tr")
    assert [text(cell) for cell in rows[0]["c"]] == ["2018", "88,419"]
    row_header = {"t": "th", "a": {"scope": "row", "class": "fw-normal"}, "c": ["2018"]}
    assert rows[0]["c"][0] == row_header
    empty = table_markup(
        chart_tables.population_type_table(
            pd.DataFrame(columns=["population_type", "value"]), 2015, "en"
        ),
        "en",
    )
    assert tree(empty) == {
        "t": "p",
        "a": {"class": "empty-state mb-0"},
        "c": ["People of concern by population type, 2015: no figures."],
    }


def test_table_markup_keeps_french_text_readable():
    table = chart_tables.people_trend_table(
        pd.DataFrame({"year": [2018, 2019], "total": [88419, 106489]}), "fr"
    )
    assert "2018–2019" in table_markup(table, "fr")  # not escaped as \u2013


def test_chart_figure_wires_summary_toggle_and_table(app):
    # The graph's config names the topojson URL, which needs a built app.
    values = {"c_figure": {"data": [], "layout": {}}, "c_summary": "", "c_table": ""}
    figure = chart_figure("c", "g", "file", "budget by pillar", "budget-by-pillar", "en", values)
    props = figure.to_plotly_json()["props"]
    assert props["aria-label"] == "Chart of budget by pillar"
    assert props["aria-describedby"] == "g-summary"
    _loading, caption, controls, box = figure.children
    assert caption.id == "g-summary"
    toggle = controls.children[0]
    toggle_props = toggle.to_plotly_json()["props"]
    assert toggle_props["aria-expanded"] == "false"
    assert toggle_props["aria-controls"] == "g-table"
    assert toggle.type == "button"
    assert box.hidden is True and box.children.id == "g-table"


def test_page_updates_fill_summary_and_table_with_the_figure():
    budget = page_views.update(budget_page, "?year=2020")
    assert budget["split_summary"].startswith("Budget 2020: USD 3.03 M")
    assert "USD 2,323,280.21" in text(budget["split_table"])
    budget = page_views.update(budget_page, "?year=2021")
    assert budget["totals_summary"].endswith("2021: budget USD 5.28 M, no expenditure reported.")
    assert budget["spent_pillars_summary"] == (
        "Expenditure by pillar per year, 2016–2021. No expenditure reported for 2021."
    )
    assert "Turkmenistan over 3,921" in page_views.update(overview, "?year=2020")["map_summary"]
    people = page_views.update(overview, "?year=2019")["trend_summary"]
    assert people == "People of concern per year: 88,419 in 2018 and 106,489 in 2019."
