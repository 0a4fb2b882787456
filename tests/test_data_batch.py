"""Loading many operations at once gives what loading them one by one gives.

``load_operations`` validates every operation's files together; these tests
check that its tables and its errors (file, line, column) are exactly those of
``load_operation`` on each operation alone, whichever operations are broken.
"""

from __future__ import annotations

import json
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
import seed_values
from conftest import OPERATION_ID

from dashboard.data import DataError, Operation, load_operation, load_operations
from dashboard.runtime import load_catalogue

COPIES = ("copy-a", "copy-b", "copy-c")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def several(data_copy: Path) -> Path:
    """The data folder with the seed operation and three copies of it under other ids."""
    root = data_copy / "operations"
    for copy in COPIES:
        shutil.copytree(root / OPERATION_ID, root / copy)
        meta_path = root / copy / "operation.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["id"] = copy
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return data_copy


def operation_file(data_dir: Path, operation_id: str, name: str) -> Path:
    return data_dir / "operations" / operation_id / name


def test_tables_equal_those_loaded_one_by_one(several):
    replace_in(operation_file(several, "copy-b", "budget.csv"), "2016,2,", "2016,3,")
    ids = [OPERATION_ID, *COPIES]
    together = load_operations(ids, several)
    assert list(together) == ids
    for operation_id in ids:
        alone = load_operation(operation_id, several)
        assert together[operation_id].meta == alone.meta
        for name in alone.table_names():
            frame = together[operation_id].table(name)
            pd.testing.assert_frame_equal(frame, alone.table(name), check_exact=True)
            assert frame.index.equals(pd.RangeIndex(len(frame)))
    assert 3 in set(together["copy-b"].budget["pillar"])
    assert 3 not in set(together["copy-a"].budget["pillar"])


def test_each_id_once_and_each_operation_made_once(several):
    loaded = load_operations(["copy-a", OPERATION_ID, "copy-a"], several)
    assert list(loaded) == ["copy-a", OPERATION_ID]
    assert len(loaded) == 2
    assert "copy-b" not in loaded
    assert repr(loaded) == f"<LoadedOperations copy-a, {OPERATION_ID}>"
    with pytest.raises(KeyError):
        loaded["copy-b"]
    barrier = threading.Barrier(8)

    def look_up(_: int) -> Operation:
        barrier.wait()
        return loaded["copy-a"]

    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(look_up, range(8)))
    assert all(operation is loaded["copy-a"] for operation in found)
    alone = load_operation("copy-a", several)
    for name in alone.table_names():
        pd.testing.assert_frame_equal(loaded["copy-a"].table(name), alone.table(name))


def test_meta_and_row_counts_without_the_tables(several):
    # Seed line 37: a budget for pillars 1 and 2 in each year.
    seed_budget_rows = 2 * len(seed_values.YEARS)
    loaded = load_operations([OPERATION_ID, "copy-a"], several)
    for operation_id in loaded:
        assert loaded.meta(operation_id) == load_operation(operation_id, several).meta
        assert loaded.row_count(operation_id, "budget") == seed_budget_rows
        for name in Operation.table_names():
            assert loaded.row_count(operation_id, name) == len(loaded[operation_id].table(name))


def test_a_long_mapping_shows_five_ids_and_counts_the_rest(several):
    root = several / "operations"
    for copy in ("copy-d", "copy-e"):
        shutil.copytree(root / "copy-a", root / copy)
        replace_in(root / copy / "operation.json", '"copy-a"', f'"{copy}"')
    loaded = load_operations(sorted(path.name for path in root.iterdir()), several)
    assert repr(loaded) == "<LoadedOperations copy-a, copy-b, copy-c, copy-d, copy-e and 1 more>"


def test_changing_one_operations_table_leaves_the_others_alone(several):
    together = load_operations([OPERATION_ID, "copy-a"], several)
    budget = together[OPERATION_ID].budget
    budget.loc[0, "budget_usd"] = -1.0
    assert together["copy-a"].budget.loc[0, "budget_usd"] > 0
    assert load_operation(OPERATION_ID, several).budget.loc[0, "budget_usd"] > 0


def error_of(call) -> DataError:
    with pytest.raises(DataError) as error:
        call()
    return error.value


def test_the_first_broken_operation_is_reported_even_if_its_problem_is_checked_later(several):
    # copy-a breaks a narrative (checked last); copy-b the first file read (budget.csv).
    replace_in(operation_file(several, "copy-a", "narratives/2020-plan.md"), "## ", "stray\n## ")
    replace_in(operation_file(several, "copy-b", "budget.csv"), "2017,1,", "20x7,1,")
    error = error_of(lambda: load_operations(["copy-a", "copy-b"], several))
    assert error.path == operation_file(several, "copy-a", "narratives/2020-plan.md")
    assert error.line == 1
    error = error_of(lambda: load_operations(["copy-b", "copy-a"], several))
    assert (error.path.name, error.line, error.column) == ("budget.csv", 4, "year")
    assert "copy-b" in str(error)


def test_a_broken_operation_among_many_stops_the_catalogue(several):
    replace_in(operation_file(several, "copy-c", "key_figures.csv"), ",count,", ",people,")
    error = error_of(lambda: load_catalogue(several))
    assert error.path == operation_file(several, "copy-c", "key_figures.csv")
    assert (error.line, error.column) == (2, "unit")


# Each case breaks copy-a twice: (edits, file, line and column reported).
TWO_PROBLEMS = {
    "earlier line wins over the rule that runs first": (
        [
            ("budget.csv", "2016,2,2102199.17", "2016,2,x,1"),
            ("budget.csv", "2018,1,", "2018,1,-"),
        ],
        ("budget.csv", 3, None, "has 6 cells; expected 5"),
    ),
    "leftmost bad cell of a line": (
        [("budget.csv", "2017,1,4258920.57", "20x7,9,lots")],
        ("budget.csv", 4, "year", "whole number"),
    ),
    "file read first": (
        [
            ("contributions.csv", "Germany,government,DEU", "Germany,government,Deutschland"),
            ("budget.csv", "2016,2,", "2016,5,"),
        ],
        ("budget.csv", 3, "pillar", "one of"),
    ),
}


@pytest.mark.parametrize("case", sorted(TWO_PROBLEMS))
def test_first_problem_within_one_operation(several, case):
    edits, (file_name, line, column, words) = TWO_PROBLEMS[case]
    for name, old, new in edits:
        replace_in(operation_file(several, "copy-a", name), old, new)
    together = error_of(lambda: load_operations([OPERATION_ID, "copy-a", "copy-b"], several))
    alone = error_of(lambda: load_operation("copy-a", several))
    assert str(together) == str(alone)
    assert (together.path.name, together.line, together.column) == (file_name, line, column)
    assert words in str(together)


UNHOLDABLE = {
    "whole number": (
        ("people_of_concern.csv", "2018,88419", "2018,99999999999999999999"),
        ("total", "'99999999999999999999' is too large for a 64-bit whole number"),
    ),
    "date": (
        ("contributions.csv", "2021-10-15,15-OCT", "9999-10-15,15-OCT"),
        ("date", "'9999-10-15' is outside the dates 1677-09-22 to 2262-04-11"),
    ),
}


@pytest.mark.parametrize("case", sorted(UNHOLDABLE))
def test_values_pandas_cannot_hold_are_reported_not_a_traceback(data_copy, operation_dir, case):
    (file_name, old, new), (column, reason) = UNHOLDABLE[case]
    replace_in(operation_dir / file_name, old, new)
    error = error_of(lambda: load_operation(OPERATION_ID, data_copy))
    assert (error.path.name, error.line, error.column, error.reason) == (
        file_name,
        2,
        column,
        reason,
    )


def test_pillar_sum_message_names_the_year_as_a_whole_number(data_copy, operation_dir):
    replace_in(operation_dir / "budget.csv", "2018,1,4406660.94", "2018,1,4406690.94")
    error = error_of(lambda: load_operation(OPERATION_ID, data_copy))
    assert "pillars of 2018 add up to 5520403.23, but the source total is 5520373.23" in str(error)


def test_narrative_year_outside_the_operation(data_copy, operation_dir):
    narratives = operation_dir / "narratives"
    (narratives / "2020-plan.md").rename(narratives / "2031-plan.md")
    error = error_of(lambda: load_operation(OPERATION_ID, data_copy))
    assert error.path == narratives
    assert "year 2031 is outside the operation's years" in str(error)


def test_each_operation_is_checked_against_its_own_years(several):
    meta_path = operation_file(several, "copy-a", "operation.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["years"] = [year for year in meta["years"] if year != 2016]
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    error = error_of(lambda: load_operations([OPERATION_ID, "copy-a"], several))
    assert error.path == operation_file(several, "copy-a", "budget.csv")
    assert (error.line, error.column) == (2, "year")
    assert "2016 is outside the operation's years 2015-2021" in str(error)


def test_a_broken_metadata_file_is_reported_before_the_next_operations_tables(several):
    replace_in(operation_file(several, "copy-a", "operation.json"), '"id"', '"id",,')
    replace_in(operation_file(several, "copy-b", "budget.csv"), "2017,1,", "20x7,1,")
    error = error_of(lambda: load_operations(["copy-a", "copy-b"], several))
    assert error.path == operation_file(several, "copy-a", "operation.json")
    assert "invalid JSON" in str(error)
