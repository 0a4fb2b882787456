"""Budget transforms against the seed page.

Expected values are typed in from the seed text (shared/seeds/000_5ad34c431927eea1.txt,
line 37: budget JSON in USD millions; the year list on lines 40-46), never read
back from the code under test.  Percentages were worked out by hand from those
numbers (e.g. 2020: 2.4726215700000003 / 3.03404521 = 81.5%).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from conftest import DATA_DIR, OPERATION_ID
from seed_values import (
    BUDGET,
    EXPENDITURE,
    P1_BUDGET,
    P1_EXPENDITURE,
    P2_BUDGET,
    P2_EXPENDITURE,
    YEARS,
)

from dashboard.data import load_operation
from dashboard.transforms import budget as tf
from dashboard.wording import budget as budget_words


def usd(millions: float | None) -> float:
    return math.nan if millions is None else millions * 1_000_000


def same(actual: list[float], expected_millions: list[float | None]) -> bool:
    expected = [usd(value) for value in expected_millions]
    return len(actual) == len(expected) and all(
        (math.isnan(a) and math.isnan(e)) or a == pytest.approx(e, abs=0.006)
        for a, e in zip(actual, expected, strict=True)
    )


@pytest.fixture(scope="module")
def budget() -> pd.DataFrame:
    return load_operation(OPERATION_ID, data_dir=DATA_DIR).budget


def test_yearly_totals_are_the_seed_totals_with_the_2021_gap(budget):
    totals = tf.yearly_totals(budget)
    assert list(totals.columns) == ["year", "budget_usd", "expenditure_usd"]
    assert list(totals["year"]) == YEARS
    assert same(list(totals["budget_usd"]), BUDGET)
    assert same(list(totals["expenditure_usd"]), EXPENDITURE)
    # 2021 expenditure is a gap, not a zero.
    assert math.isnan(totals.loc[totals["year"] == 2021, "expenditure_usd"].item())


def test_yearly_totals_keep_a_year_without_any_figure_out():
    table = pd.DataFrame(
        {
            "year": [2015, 2016],
            "pillar": [1, 1],
            "budget_usd": [math.nan, 10.0],
            "expenditure_usd": [math.nan, 5.0],
        }
    )
    assert list(tf.yearly_totals(table)["year"]) == [2016]


def test_data_years_and_span(budget):
    # 2015 is selectable (seed line 40) but has no budget figures (line 37).
    assert tf.data_years(budget) == YEARS
    assert tf.year_span(YEARS) == "2016–2021"
    assert tf.year_span([2019]) == "2019"
    assert tf.year_span([]) == ""


def test_pillars_with_data_leave_out_empty_pillars(budget):
    # p3 and p4 are all null on seed line 37.
    assert tf.pillars_with_data(budget, tf.BUDGET) == [1, 2]
    assert tf.pillars_with_data(budget, tf.EXPENDITURE) == [1, 2]


def test_pillar_amounts_budget(budget):
    amounts = tf.pillar_amounts(budget, tf.BUDGET)
    assert list(amounts.columns) == ["year", "pillar", "label", "amount"]
    p1 = amounts[amounts["pillar"] == 1]
    p2 = amounts[amounts["pillar"] == 2]
    assert list(p1["year"]) == YEARS
    assert set(p1["label"]) == {"Refugee programme"}
    assert set(p2["label"]) == {"Stateless programme"}
    assert same(list(p1["amount"]), P1_BUDGET)
    assert same(list(p2["amount"]), P2_BUDGET)


def test_pillar_amounts_expenditure_keep_2021_as_a_gap(budget):
    amounts = tf.pillar_amounts(budget, tf.EXPENDITURE)
    assert same(list(amounts.loc[amounts["pillar"] == 1, "amount"]), P1_EXPENDITURE)
    assert same(list(amounts.loc[amounts["pillar"] == 2, "amount"]), P2_EXPENDITURE)
    assert amounts.loc[amounts["year"] == 2021, "amount"].isna().all()


def test_execution_rate():
    assert tf.execution_rate(3034045.21, 2472621.57) == pytest.approx(81.4958, abs=1e-3)
    assert tf.execution_rate(5282048.21, None) is None
    assert tf.execution_rate(5282048.21, math.nan) is None
    assert tf.execution_rate(None, 10.0) is None
    assert tf.execution_rate(0.0, 10.0) is None


@pytest.mark.parametrize(
    ("year", "rate"),
    # Seed line 37: expenditure / budget, by hand.
    [(2016, 44.58), (2017, 52.08), (2018, 49.52), (2019, 51.96), (2020, 81.50)],
)
def test_year_summary_execution_rate(budget, year, rate):
    summary = tf.year_summary(budget, year)
    index = YEARS.index(year)
    assert summary.budget_usd == pytest.approx(usd(BUDGET[index]), abs=0.006)
    assert summary.expenditure_usd == pytest.approx(usd(EXPENDITURE[index]), abs=0.006)
    assert summary.execution_rate == pytest.approx(rate, abs=0.01)
    assert summary.has_data


def test_year_summary_2021_has_no_expenditure_and_no_rate(budget):
    summary = tf.year_summary(budget, 2021)
    assert summary.budget_usd == pytest.approx(5282048.21, abs=0.006)
    assert summary.expenditure_usd is None
    assert summary.execution_rate is None


def test_year_summary_2015_is_empty(budget):
    summary = tf.year_summary(budget, 2015)
    assert summary == tf.YearSummary(2015, None, None, None)
    assert not summary.has_data


def test_pillar_split_2020(budget):
    split = tf.pillar_split(budget, 2020)
    assert list(split["pillar"]) == [1, 2]
    assert list(split["label"]) == ["Refugee programme", "Stateless programme"]
    assert same(list(split["budget_usd"]), [2.32328021, 0.710765])
    assert same(list(split["expenditure_usd"]), [1.8538385400000001, 0.61878303])
    # 2.32328021 / 3.03404521 and 0.710765 / 3.03404521; 1.85383854 / 2.32328021 ...
    assert list(split["budget_share"]) == pytest.approx([76.57, 23.43], abs=0.01)
    assert list(split["execution_rate"]) == pytest.approx([79.79, 87.06], abs=0.01)


def test_pillar_split_2021_has_budget_shares_and_no_rates(budget):
    split = tf.pillar_split(budget, 2021)
    assert same(list(split["budget_usd"]), [4.05028321, 1.231765])
    assert split["expenditure_usd"].isna().all()
    assert list(split["budget_share"]) == pytest.approx([76.68, 23.32], abs=0.01)
    assert split["execution_rate"].isna().all()


def test_pillar_split_2015_is_empty(budget):
    assert tf.pillar_split(budget, 2015).empty


def test_gap_notes(budget):
    assert budget_words.gap_notes(tf.yearly_totals(budget), "en") == [
        "2021: budget only, no expenditure reported"
    ]
    assert (
        budget_words.gap_note(2021, 5282048.21, None, "en")
        == "2021: budget only, no expenditure reported"
    )
    assert (
        budget_words.gap_note(2020, None, 10.0, "en")
        == "2020: expenditure only, no budget reported"
    )
    assert budget_words.gap_note(2020, 3034045.21, 2472621.57, "en") is None
    assert budget_words.gap_notes(tf.yearly_totals(budget), "fr") == [
        "2021 : budget seulement, aucune dépense déclarée"
    ]


def test_no_bar_note_only_for_a_year_without_figures(budget):
    assert budget_words.no_bar_note(budget, 2015, "en") == (
        "2015: no budget or expenditure reported (figures cover 2016–2021), "
        "so no bar is highlighted in the charts by year."
    )
    assert budget_words.no_bar_note(budget, 2021, "en") is None
    assert budget_words.no_bar_note(budget.iloc[0:0], 2015, "en") == (
        "2015: no budget or expenditure reported, so no bar is highlighted in the charts by year."
    )
