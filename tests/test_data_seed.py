"""Every figure of the seed page arrives in the shipped tables.

Expected values are typed in from the seed text (line numbers cite
shared/seeds/000_5ad34c431927eea1.txt), never read back from our own output.
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

from dashboard.data import list_operations, load_operation

SEED_YEARS = YEARS
SEED_PILLAR_BUDGET = {1: P1_BUDGET, 2: P2_BUDGET}
SEED_PILLAR_EXPENDITURE = {1: P1_EXPENDITURE, 2: P2_EXPENDITURE}


@pytest.fixture(scope="module")
def operation():
    return load_operation(OPERATION_ID, data_dir=DATA_DIR)


def usd(millions: float | None) -> float:
    return math.nan if millions is None else round(millions * 1_000_000, 2)


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_list_operations_finds_the_shipped_operation():
    assert list_operations(DATA_DIR) == [OPERATION_ID]


def test_meta(operation):
    meta = operation.meta
    assert meta.id == OPERATION_ID
    assert meta.name == "Kazakhstan Multi-Country Office"  # line 4
    assert meta.countries == ("KAZ", "TKM", "UZB")  # named by key figures, lines 15-21
    assert meta.years == (2015, 2016, 2017, 2018, 2019, 2020, 2021)  # lines 40-46
    assert meta.report_year == 2020  # line 37 "2020 {...}"
    assert meta.map_disclaimer.startswith("The boundaries and names shown")  # line 9
    assert (meta.map_centre.latitude, meta.map_centre.longitude) == (48.0, 67.0)


def test_every_pillar_cell(operation):
    budget = operation.budget.set_index(["year", "pillar"])
    assert budget.index.is_unique
    assert sorted(budget.index) == [(y, p) for y in SEED_YEARS for p in (1, 2)]
    for pillar in (1, 2):
        for i, year in enumerate(SEED_YEARS):
            row = budget.loc[(year, pillar)]
            assert row["budget_usd"] == usd(SEED_PILLAR_BUDGET[pillar][i]), (year, pillar)
            assert same(row["expenditure_usd"], usd(SEED_PILLAR_EXPENDITURE[pillar][i]))


def test_totals_derived_by_groupby_match_the_page(operation):
    totals = operation.budget.groupby("year")[["budget_usd", "expenditure_usd"]].sum(min_count=1)
    for i, year in enumerate(SEED_YEARS):
        assert abs(totals.loc[year, "budget_usd"] - usd(BUDGET[i])) < 0.01
        expected = usd(EXPENDITURE[i])
        actual = totals.loc[year, "expenditure_usd"]
        assert (math.isnan(expected) and math.isnan(actual)) or abs(actual - expected) < 0.01


def test_budget_column_types(operation):
    budget = operation.budget
    assert budget["year"].dtype == "int64"
    assert budget["pillar"].dtype == "int64"
    assert budget["budget_usd"].dtype == "float64"
    assert budget["expenditure_usd"].dtype == "float64"
    assert 2015 not in set(budget["year"])  # no budget data for 2015


def test_people_of_concern(operation):
    people = operation.people_of_concern.set_index("year")["total"]
    assert people.to_dict() == {2018: 88419, 2019: 106489}  # lines 28-29
    assert operation.population_by_type.empty
    assert list(operation.population_by_type.columns) == [
        "year",
        "population_type",
        "value",
        "source",
    ]


def test_key_figures(operation):
    figures = operation.key_figures
    results = figures[figures["kind"] == "result"]
    assert (results["year"] == 2020).all()
    # Lines 15-21.
    assert list(zip(results["value"], results["unit"], results["country"], strict=True)) == [
        (7500.0, "count", "UZB"),
        (115.0, "count", "KAZ"),
        (74.0, "count", "KAZ"),
        (70.0, "count", "KAZ"),
        (20.0, "count", "TKM"),
        (14.0, "count", "UZB"),
        (4.0, "count", "TKM"),
    ]
    assert results["text"].iloc[0] == "statelessness cases were resolved in Uzbekistan"
    plan = figures[figures["kind"] == "plan"]
    # Line 23.
    assert plan[["year", "value", "unit", "country"]].values.tolist() == [
        [2021, 100.0, "percent", ""]
    ]
    assert plan["text"].iloc[0] == (
        "of targeted households will have their basic needs met through "
        "multi-purpose cash assistance"
    )


def test_narratives(operation):
    narratives = operation.narratives.sort_values(["kind", "order"])
    year_end = narratives[narratives["kind"] == "year-end"]
    plan = narratives[narratives["kind"] == "plan"]
    assert (narratives["year"] == 2020).all()
    assert list(year_end["section"]) == [
        "Operational context",  # line 48
        "Population trends",  # line 54
        "Key achievements",  # line 62
        "Unmet needs",  # line 69
        "Use of flexible funding (unearmarked or softly earmarked funding)",  # line 73
    ]
    assert list(plan["section"]) == ["Working environment", "Key priorities"]  # lines 77, 83
    achievements = year_end.set_index("section").loc["Key achievements", "body"]
    bullets = [line for line in achievements.splitlines() if line.startswith("- ")]
    assert len(bullets) == 4  # lines 64-67
    assert bullets[1] == "- Kazakhstan approved statelessness determination procedures."
    context = year_end.set_index("section").loc["Operational context", "body"]
    assert context.startswith("Following the COVID-19 outbreak, borders of all Central Asian")


def test_contributions(operation):
    contributions = operation.contributions
    assert len(contributions) == 18
    assert contributions["date"].dtype.kind == "M"
    assert contributions["date"].nunique() == 10
    government = contributions[contributions["donor_type"] == "government"]
    assert sorted(zip(government["donor"], government["date_label"], strict=True)) == [
        ("Germany", "01-OCT-2021"),  # line 135
        ("Germany", "05-OCT-2021"),  # line 126
        ("Germany", "15-OCT-2021"),  # line 93
        ("Ireland", "12-OCT-2021"),  # line 103
    ]
    private = contributions[contributions["donor_type"] == "private"]
    assert len(private) == 14
    assert sorted(c for c in private["country"] if c) == [
        "BRA",
        "CHE",
        "ITA",
        "JPN",
        "PHL",
        "QAT",
        "USA",
    ]
    first = contributions.iloc[0]
    assert first["date"] == pd.Timestamp("2021-10-15")
    assert first["date_label"] == "15-OCT-2021"
    qatar = contributions[contributions["country"] == "QAT"].iloc[0]
    assert (qatar["date_label"], qatar["donor_type"]) == ("14-OCT-2021", "private")
