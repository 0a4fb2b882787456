"""The catalogue's table (``operations_table``): a row per operation, NA for a missing figure.

Expected values are the seed page's, by hand, and those of synthetic operations
made at test time from a copy of the shipped one with hand-chosen changes
(``add_synthetic_operations``).  The helpers here also make the data of
``test_comparison_table`` and ``test_api_compare``.
"""

from __future__ import annotations

import csv
import gc
import math
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA_DIR, OPERATION_ID, REPO
from sparse_data import synthetic_operation

from dashboard.data import load_operations
from dashboard.transforms import catalogue
from dashboard.transforms.budget import yearly_totals
from dashboard.transforms.catalogue import CATALOGUE_COLUMNS, load_catalogue, operations_table
from dashboard.transforms.people_of_concern import change_on_previous

sys.path.insert(0, str(REPO / "bench"))
from synthetic import write_operations

MONEY = ("budget_usd", "expenditure_usd")
# Seed line 37 ("budget" series, USD millions): 2016 ... 2021; 2021 has no expenditure.
SEED_BUDGET = {
    2016: 7485826.72,
    2017: 5567284.42,
    2018: 5520373.23,
    2019: 5528849.17,
    2020: 3034045.21,
    2021: 5282048.21,
}
# Seed line 37 ("expenditure" series): the years before 2021.
SEED_EXPENDITURE = {
    2016: 3337229.39,
    2017: 2899567.85,
    2018: 2733759.77,
    2019: 2872971.63,
    2020: 2472621.57,
}
# Seed line 37, pillar budgets of 2020: p1 2.32328021, p2 0.710765 (USD millions).
SEED_PILLARS_2020 = {1: 2323280.21, 2: 710765.0}
# Seed lines 28-29: people of concern 2019 106,489 and 2018 88,419.
SEED_PEOPLE = {2018: 88419, 2019: 106489}
# Seed lines 40-46: the selectable years.
SEED_YEARS = list(range(2015, 2022))
# Hand-chosen figures of the synthetic operations.
SPENT_2021 = 1000000.0
ZERO_PEOPLE_2019 = 500


def rewrite_csv(path: Path, change: Callable[[dict[str, str]], dict[str, str] | None]) -> None:
    """Rewrite the CSV at ``path`` row by row: ``change`` gives the new row, or None to drop it."""
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        header, rows = list(reader.fieldnames or []), list(reader)
    kept = [new for row in rows if (new := change(dict(row))) is not None]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


def edit_budget(folder: Path, change: Callable[[dict[str, str]], dict[str, str]]) -> None:
    """``change`` applied to the pillar rows and to the stated totals alike."""
    rewrite_csv(folder / "budget.csv", change)
    rewrite_csv(folder / "budget_source_totals.csv", change)


def doubled(row: dict[str, str]) -> dict[str, str]:
    for column in MONEY:
        if row[column]:
            row[column] = f"{float(row[column]) * 2:.2f}"
    return row


def spent_in_2021(row: dict[str, str]) -> dict[str, str]:
    """Pillar 1 (and so the total) of 2021 spends ``SPENT_2021``; pillar 2 stays without."""
    if row["year"] == "2021" and row.get("pillar", "1") == "1":
        row["expenditure_usd"] = f"{SPENT_2021:.2f}"
    return row


def zero_in_2021(row: dict[str, str]) -> dict[str, str]:
    if row["year"] == "2021":
        row.update(budget_usd="0.0", expenditure_usd="0.0")
    return row


def people_zero_then_some(row: dict[str, str]) -> dict[str, str]:
    """2018: 0 people of concern; 2019: ``ZERO_PEOPLE_2019``."""
    row["total"] = {"2018": "0", "2019": str(ZERO_PEOPLE_2019)}[row["year"]]
    return row


def add_synthetic_operations(data: Path) -> None:
    """Synthetic operations beside the seed's in the data folder ``data``.

    - ``synthetic-b``: every budget and expenditure doubled; no people of concern in 2019.
    - ``synthetic-spent``: 2021 spends ``SPENT_2021`` on pillar 1.
    - ``synthetic-zero``: 2021 budget and expenditure 0; 0 people in 2018, 500 in 2019.
    - ``synthetic-gap``: covers 2016 and 2018-2021 only, with their rows.
    - ``synthetic-one``: covers 2020 only.
    - ``synthetic-empty``: no countries, budget or people of concern.
    """
    folder = synthetic_operation(data, "synthetic-b", "Synthetic Office B")
    edit_budget(folder, doubled)
    rewrite_csv(
        folder / "people_of_concern.csv", lambda row: None if row["year"] == "2019" else row
    )
    edit_budget(synthetic_operation(data, "synthetic-spent", "Synthetic Spent"), spent_in_2021)
    folder = synthetic_operation(data, "synthetic-zero", "Synthetic Zero")
    edit_budget(folder, zero_in_2021)
    rewrite_csv(folder / "people_of_concern.csv", people_zero_then_some)
    synthetic_operation(data, "synthetic-gap", "Synthetic Gap", "years-with-a-gap")
    synthetic_operation(data, "synthetic-one", "Synthetic One", "one-year")
    synthetic_operation(
        data, "synthetic-empty", "Synthetic Empty", "no-countries", "no-budget", "no-people"
    )


def synthetic_data(root: Path) -> Path:
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    add_synthetic_operations(data)
    return data


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return synthetic_data(tmp_path_factory.mktemp("catalogue"))


ORDER = [
    "synthetic-b",
    OPERATION_ID,
    "synthetic-spent",
    "synthetic-zero",
    "synthetic-gap",
    "synthetic-one",
    "synthetic-empty",
]


@pytest.fixture(scope="module")
def table(data) -> pd.DataFrame:
    return operations_table(load_operations(ORDER, data)).set_index("operation_id")


def test_rows_follow_the_mapping_s_order_with_the_documented_columns(data):
    frame = operations_table(load_operations(ORDER, data))
    assert frame["operation_id"].tolist() == ORDER
    assert list(frame.columns) == list(CATALOGUE_COLUMNS)
    assert frame.dtypes.astype(str).to_dict() == {
        "operation_id": "str",
        "name": "str",
        "countries": "str",
        "first_year": "Int64",
        "last_year": "Int64",
        "budget_year": "Int64",
        "budget_usd": "Float64",
        "expenditure_usd": "Float64",
        "execution_rate_percent": "Float64",
        "people_year": "Int64",
        "people_of_concern": "Int64",
        "people_change_percent": "Float64",
    }


def test_the_seed_s_row(table):
    row = table.loc[OPERATION_ID]
    assert row["name"] == "Kazakhstan Multi-Country Office"  # seed line 1
    assert row["countries"] == "KAZ, TKM, UZB"  # operation.json (imported from the seed)
    assert (row["first_year"], row["last_year"]) == (SEED_YEARS[0], SEED_YEARS[-1])
    assert row["budget_year"] == 2021
    assert row["budget_usd"] == SEED_BUDGET[2021]
    assert row["expenditure_usd"] is pd.NA  # null in the seed: no figure, not 0
    assert row["execution_rate_percent"] is pd.NA
    assert row["people_year"] == 2019
    assert row["people_of_concern"] == SEED_PEOPLE[2019]
    change = (SEED_PEOPLE[2019] - SEED_PEOPLE[2018]) / SEED_PEOPLE[2018] * 100
    assert row["people_change_percent"] == pytest.approx(change)  # about +20.4%


def test_load_catalogue_reads_a_data_folder_in_one_call(data, table):
    frame = load_catalogue(data)
    assert frame["operation_id"].tolist() == sorted(ORDER)
    assert frame.set_index("operation_id").loc[ORDER].equals(table)
    # The shipped data holds the seed's operation alone (seed line 1: its name).
    shipped = load_catalogue()
    assert shipped["operation_id"].tolist() == [OPERATION_ID]
    assert shipped["name"].tolist() == ["Kazakhstan Multi-Country Office"]
    assert shipped["budget_usd"].tolist() == [SEED_BUDGET[2021]]
    shipped.loc[0, "name"] = "changed"  # the caller's copy
    assert load_catalogue()["name"].tolist() == ["Kazakhstan Multi-Country Office"]


def test_a_doubled_copy_without_its_latest_people_total(table):
    row = table.loc["synthetic-b"]
    assert row["budget_usd"] == 2 * SEED_BUDGET[2021]
    assert row["expenditure_usd"] is pd.NA
    # Its 2019 total is gone: the latest is 2018's, and 2017 has none to compare with.
    assert (row["people_year"], row["people_of_concern"]) == (2018, SEED_PEOPLE[2018])
    assert row["people_change_percent"] is pd.NA


def test_execution_rate_of_the_latest_budget_year(table):
    row = table.loc["synthetic-spent"]
    assert (row["budget_year"], row["budget_usd"]) == (2021, SEED_BUDGET[2021])
    assert row["expenditure_usd"] == SPENT_2021
    assert row["execution_rate_percent"] == pytest.approx(SPENT_2021 / SEED_BUDGET[2021] * 100)


def test_a_zero_budget_has_no_rate_and_a_zero_total_no_change(table):
    row = table.loc["synthetic-zero"]
    # A budget of 0 is a figure: 2021 is still the latest budget year.
    assert (row["budget_year"], row["budget_usd"], row["expenditure_usd"]) == (2021, 0.0, 0.0)
    assert row["execution_rate_percent"] is pd.NA
    assert (row["people_year"], row["people_of_concern"]) == (2019, ZERO_PEOPLE_2019)
    assert row["people_change_percent"] is pd.NA  # no percentage of 0


def test_missing_figures_are_na_not_zero(table):
    row = table.loc["synthetic-empty"]
    assert row["countries"] == ""
    assert (row["first_year"], row["last_year"]) == (SEED_YEARS[0], SEED_YEARS[-1])
    for column in list(CATALOGUE_COLUMNS)[5:]:
        assert row[column] is pd.NA, column


def test_years_of_an_operation_with_a_gap_and_of_one_year(table):
    gap, one = table.loc["synthetic-gap"], table.loc["synthetic-one"]
    assert (gap["first_year"], gap["last_year"], gap["budget_year"]) == (2016, 2021, 2021)
    assert (one["first_year"], one["last_year"], one["budget_year"]) == (2020, 2020, 2020)
    assert one["budget_usd"] == SEED_BUDGET[2020]
    assert one["expenditure_usd"] == SEED_EXPENDITURE[2020]
    rate = SEED_EXPENDITURE[2020] / SEED_BUDGET[2020] * 100
    assert one["execution_rate_percent"] == pytest.approx(rate)  # about 81.5%
    assert one["people_of_concern"] is pd.NA  # the seed has no 2020 total


def test_the_table_is_made_once_per_loaded_set(data):
    loaded = load_operations(ORDER, data)
    first = operations_table(loaded)
    assert operations_table(loaded) is first
    assert operations_table(load_operations(ORDER, data)) is not first
    key = id(loaded)
    del loaded
    gc.collect()
    assert key not in catalogue._tables


@pytest.fixture(scope="module")
def thousand(tmp_path_factory) -> tuple[list[str], object]:
    root = tmp_path_factory.mktemp("thousand")
    ids = write_operations(root, 1000)
    return ids, load_operations(ids, root)


def test_a_thousand_operations_without_cutting_one(thousand):
    ids, loaded = thousand
    frame = operations_table(loaded)
    assert loaded._made == {}  # computed from the shared frames, no Operation made
    assert frame.shape == (1000, len(CATALOGUE_COLUMNS))
    assert frame["operation_id"].tolist() == ids
    # bench/synthetic.py writes every table for 2014-2021 and three countries.
    assert (frame["countries"] == "KAZ, TKM, UZB").all()
    for column in ("budget_year", "people_year", "last_year"):
        assert (frame[column] == 2021).all(), column
    assert frame[["budget_usd", "expenditure_usd", "people_of_concern"]].notna().all().all()


@pytest.mark.parametrize("position", [0, 499, 999])
def test_a_thousand_operations_agree_with_the_per_operation_rules(thousand, position):
    ids, loaded = thousand
    row = operations_table(loaded).iloc[position]
    operation = loaded[ids[position]]
    totals = yearly_totals(operation.budget).set_index("year").loc[2021]
    assert row["budget_usd"] == totals["budget_usd"]
    assert row["expenditure_usd"] == totals["expenditure_usd"]
    rate = totals["expenditure_usd"] / totals["budget_usd"] * 100
    assert row["execution_rate_percent"] == pytest.approx(rate)
    change = change_on_previous(operation.people_of_concern, 2021)
    assert row["people_of_concern"] == change.total
    assert math.isclose(row["people_change_percent"], change.percent)
