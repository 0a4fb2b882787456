"""The comparison's tables: every operation on every year any of them covers, NA for no figure.

Expected values are the seed page's, by hand (``test_catalogue_table``'s
constants name their lines), and those of the synthetic operations made there.
"""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import OPERATION_ID
from test_catalogue_table import (
    SEED_BUDGET,
    SEED_EXPENDITURE,
    SEED_PEOPLE,
    SEED_PILLARS_2020,
    SEED_YEARS,
    ZERO_PEOPLE_2019,
    synthetic_data,
)

from dashboard.data import load_operations
from dashboard.transforms.budget import execution_rate
from dashboard.transforms.comparison import (
    COMPARISON_BY_YEAR_COLUMNS,
    COMPARISON_OF_YEAR_COLUMNS,
    MAX_COMPARED,
    MIN_COMPARED,
    comparison_by_year,
    comparison_of_year,
)

IDS = [OPERATION_ID, "synthetic-b", "synthetic-zero", "synthetic-gap", "synthetic-one"]
# Seed lines 15-21: 7 year-end results of 2020; line 23: 1 planning figure of 2021.
SEED_KEY_FIGURES = {2020: 7, 2021: 1}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return load_operations(IDS, synthetic_data(tmp_path_factory.mktemp("comparison")))


def rows(frame: pd.DataFrame) -> dict[tuple[str, int], pd.Series]:
    return {(row["operation_id"], row["year"]): row for _, row in frame.iterrows()}


def test_two_to_six_operations_are_compared():
    assert (MIN_COMPARED, MAX_COMPARED) == (2, 6)


def test_by_year_has_every_operation_on_the_union_of_their_years(loaded):
    operations = [loaded["synthetic-one"], loaded["synthetic-gap"]]
    frame = comparison_by_year(operations)
    assert list(frame.columns) == list(COMPARISON_BY_YEAR_COLUMNS)
    # synthetic-gap covers 2016 and 2018-2021, synthetic-one 2020: 2015 and 2017 are nobody's.
    years = [2016, 2018, 2019, 2020, 2021]
    assert frame["operation_id"].tolist() == ["synthetic-one"] * 5 + ["synthetic-gap"] * 5
    assert frame["year"].tolist() == years * 2
    assert frame["name"].tolist() == ["Synthetic One"] * 5 + ["Synthetic Gap"] * 5
    by_key = rows(frame)
    for year in (2016, 2018, 2019, 2021):  # years synthetic-one does not cover
        for column in list(COMPARISON_BY_YEAR_COLUMNS)[3:]:
            assert by_key["synthetic-one", year][column] is pd.NA, (year, column)
    assert by_key["synthetic-one", 2020]["budget_usd"] == SEED_BUDGET[2020]
    assert by_key["synthetic-gap", 2016]["budget_usd"] == SEED_BUDGET[2016]
    assert by_key["synthetic-gap", 2018]["people_of_concern"] == SEED_PEOPLE[2018]


def test_an_operation_s_own_gap_year_is_na(loaded):
    frame = comparison_by_year([loaded[OPERATION_ID], loaded["synthetic-gap"]])
    assert frame["year"].unique().tolist() == SEED_YEARS
    row = rows(frame)["synthetic-gap", 2017]
    for column in list(COMPARISON_BY_YEAR_COLUMNS)[3:]:
        assert row[column] is pd.NA, column


def test_by_year_figures_of_the_seed_and_its_doubled_copy(loaded):
    frame = comparison_by_year([loaded[OPERATION_ID], loaded["synthetic-b"]])
    assert frame.dtypes.astype(str).to_dict() == {
        "operation_id": "str",
        "name": "str",
        "year": "int64",
        "budget_usd": "Float64",
        "expenditure_usd": "Float64",
        "execution_rate_percent": "Float64",
        "people_of_concern": "Int64",
        "budget_per_person_usd": "Float64",
    }
    by_key = rows(frame)
    for year in SEED_YEARS[1:]:
        seed, double = by_key[OPERATION_ID, year], by_key["synthetic-b", year]
        assert seed["budget_usd"] == SEED_BUDGET[year]
        assert double["budget_usd"] == 2 * SEED_BUDGET[year]
        if year in SEED_EXPENDITURE:
            assert seed["expenditure_usd"] == SEED_EXPENDITURE[year]
            rate = SEED_EXPENDITURE[year] / SEED_BUDGET[year] * 100
            assert seed["execution_rate_percent"] == pytest.approx(rate)
            assert double["execution_rate_percent"] == pytest.approx(rate)
        else:
            assert seed["expenditure_usd"] is pd.NA  # 2021: null in the seed
            assert seed["execution_rate_percent"] is pd.NA
    for column in list(COMPARISON_BY_YEAR_COLUMNS)[3:]:  # 2015: nothing on the seed page
        assert by_key[OPERATION_ID, 2015][column] is pd.NA, column


def test_budget_per_person_only_where_both_figures_are(loaded):
    by_key = rows(comparison_by_year([loaded[OPERATION_ID], loaded["synthetic-b"]]))
    for year, people in SEED_PEOPLE.items():
        assert by_key[OPERATION_ID, year]["people_of_concern"] == people
        per_person = by_key[OPERATION_ID, year]["budget_per_person_usd"]
        assert per_person == pytest.approx(SEED_BUDGET[year] / people)
    # Budget but no people of concern (2016, 2017, 2020, 2021): no figure, not 0.
    for year in (2016, 2017, 2020, 2021):
        assert by_key[OPERATION_ID, year]["people_of_concern"] is pd.NA
        assert by_key[OPERATION_ID, year]["budget_per_person_usd"] is pd.NA
    # synthetic-b's 2019 total was removed: NA there, not 0.
    assert by_key["synthetic-b", 2019]["people_of_concern"] is pd.NA
    assert by_key["synthetic-b", 2019]["budget_per_person_usd"] is pd.NA
    per_person_2018 = 2 * SEED_BUDGET[2018] / SEED_PEOPLE[2018]
    assert by_key["synthetic-b", 2018]["budget_per_person_usd"] == pytest.approx(per_person_2018)


def test_zero_people_and_a_zero_budget_give_no_ratio(loaded):
    by_key = rows(comparison_by_year([loaded["synthetic-zero"], loaded[OPERATION_ID]]))
    assert by_key["synthetic-zero", 2018]["people_of_concern"] == 0
    assert by_key["synthetic-zero", 2018]["budget_per_person_usd"] is pd.NA
    per_person = SEED_BUDGET[2019] / ZERO_PEOPLE_2019
    assert by_key["synthetic-zero", 2019]["budget_per_person_usd"] == pytest.approx(per_person)
    zero = by_key["synthetic-zero", 2021]
    assert (zero["budget_usd"], zero["expenditure_usd"]) == (0.0, 0.0)
    assert zero["execution_rate_percent"] is pd.NA


def test_execution_rate_follows_the_single_year_rule(loaded):
    operations = [loaded[operation_id] for operation_id in IDS]
    frame = comparison_by_year(operations)
    for _, row in frame.iterrows():
        budget, spent = (
            None if row[c] is pd.NA else row[c] for c in ("budget_usd", "expenditure_usd")
        )
        want = execution_rate(budget, spent)
        got = row["execution_rate_percent"]
        assert (got is pd.NA) if want is None else got == pytest.approx(want), tuple(row)


def test_of_year_for_the_seed_and_the_doubled_copy(loaded):
    frame = comparison_of_year([loaded["synthetic-b"], loaded[OPERATION_ID]], 2020)
    assert list(frame.columns) == list(COMPARISON_OF_YEAR_COLUMNS)
    assert frame["operation_id"].tolist() == ["synthetic-b", OPERATION_ID]
    assert frame["year"].tolist() == [2020, 2020]
    double, seed = (row for _, row in frame.iterrows())
    assert seed["budget_usd"] == SEED_BUDGET[2020]
    assert seed["expenditure_usd"] == SEED_EXPENDITURE[2020]
    assert seed["execution_rate_percent"] == pytest.approx(
        SEED_EXPENDITURE[2020] / SEED_BUDGET[2020] * 100
    )
    for pillar, amount in SEED_PILLARS_2020.items():
        assert seed[f"pillar_{pillar}_budget_usd"] == amount
        assert double[f"pillar_{pillar}_budget_usd"] == 2 * amount
    for pillar in (3, 4):  # null in the seed
        assert seed[f"pillar_{pillar}_budget_usd"] is pd.NA
    assert seed["people_of_concern"] is pd.NA  # the seed has no 2020 total
    assert seed["key_figures"] == SEED_KEY_FIGURES[2020]
    assert double["key_figures"] == SEED_KEY_FIGURES[2020]


def test_of_year_counts_key_figures_and_leaves_missing_years_empty(loaded):
    frame = comparison_of_year([loaded[OPERATION_ID], loaded["synthetic-one"]], 2019)
    seed, one = (row for _, row in frame.iterrows())
    assert seed["people_of_concern"] == SEED_PEOPLE[2019]
    assert seed["key_figures"] == 0  # a true count: the seed has no key figures of 2019
    for column in list(COMPARISON_OF_YEAR_COLUMNS)[3:-1]:  # synthetic-one covers 2020 only
        assert one[column] is pd.NA, column
    plan = comparison_of_year([loaded[OPERATION_ID], loaded["synthetic-one"]], 2021)
    assert plan["key_figures"].tolist() == [SEED_KEY_FIGURES[2021], 0]
    assert plan.dtypes["key_figures"] == "Int64"
    assert plan.dtypes["people_of_concern"] == "Int64"


def test_column_definitions_are_whole_messages():
    """The download notes translate a definition as it stands: no placeholder left in it."""
    for columns in (COMPARISON_BY_YEAR_COLUMNS, COMPARISON_OF_YEAR_COLUMNS):
        for column, definition in columns.items():
            assert "{" not in definition, column
    per_person = COMPARISON_BY_YEAR_COLUMNS["budget_per_person_usd"]
    assert "whole budget" in per_person
    assert "not spending per person" in per_person
