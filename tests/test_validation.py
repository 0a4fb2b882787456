"""Each validation rule rejects a crafted broken file, naming file, line and column."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import OPERATION_ID

from dashboard.data import DataError, OperationNotFound, load_operation


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text to replace, replacement, expected line, expected column, words in the message)
CASES = {
    "type": ("budget.csv", "2017,1,4258920.57", "20x7,1,4258920.57", 4, "year", "whole number"),
    "float": ("budget.csv", "2017,1,4258920.57", "2017,1,lots", 4, "budget_usd", "lots"),
    "unique key": (
        "budget.csv",
        "2016,2,2102199.17",
        "2016,1,2102199.17",
        3,
        "pillar",
        "duplicate",
    ),
    "pillar range": (
        "budget.csv",
        "2016,2,2102199.17",
        "2016,5,2102199.17",
        3,
        "pillar",
        "one of 1, 2, 3, 4",
    ),
    "negative money": (
        "budget.csv",
        "2020,2,710765.0,618783.03",
        "2020,2,710765.0,-618783.03",
        11,
        "expenditure_usd",
        "negative",
    ),
    "pillar sum": (
        "budget.csv",
        "2018,1,4406660.94",
        "2018,1,4406690.94",
        4,
        "budget_usd",
        "add up",
    ),
    "year range": ("people_of_concern.csv", "2018,88419", "1999,88419", 2, "year", "outside"),
    "enum": (
        "key_figures.csv",
        "2020,result,exact,7500.0,count",
        "2020,result,exact,7500.0,people",
        2,
        "unit",
        "count, percent",
    ),
    "iso3": (
        "contributions.csv",
        "Germany,government,DEU",
        "Germany,government,Deutschland",
        3,
        "country",
        "ISO 3166",
    ),
    "date": ("contributions.csv", "2021-10-15,15-OCT", "2021-13-15,15-OCT", 2, "date", "month"),
    "cell count": (
        "people_of_concern.csv",
        "2019,106489,",
        "2019,106489,7,",
        3,
        None,
        "4 cells; expected 3",
    ),
    "header": ("people_of_concern.csv", "year,total", "year,people", 1, None, "header"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule_names_file_line_and_column(case, data_copy, operation_dir):
    file_name, old, new, line, column, words = CASES[case]
    replace_in(operation_dir / file_name, old, new)
    with pytest.raises(DataError) as error:
        load_operation(OPERATION_ID, data_dir=data_copy)
    expected_file = "budget_source_totals.csv" if case == "pillar sum" else file_name
    assert error.value.path.name == expected_file
    if case != "pillar sum":
        assert error.value.line == line
        assert error.value.column == column
    else:
        # The first year whose pillars no longer add up: 2018 is line 4 of the totals.
        assert (error.value.line, error.value.column) == (4, "budget_usd")
    assert words in str(error.value)
    assert str(error.value).startswith(str(operation_dir / expected_file))


def test_missing_file(data_copy, operation_dir):
    (operation_dir / "key_figures.csv").unlink()
    with pytest.raises(DataError, match=r"key_figures\.csv: file is missing"):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_broken_json(data_copy, operation_dir):
    replace_in(operation_dir / "operation.json", '"report_year": 2020', '"report_year": 2020,,')
    with pytest.raises(DataError, match=r"operation.json, line \d+: invalid JSON"):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_report_year_outside_years(data_copy, operation_dir):
    replace_in(operation_dir / "operation.json", '"report_year": 2020', '"report_year": 2030')
    with pytest.raises(DataError, match="column 'report_year'"):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_non_utf8_csv(data_copy, operation_dir):
    (operation_dir / "people_of_concern.csv").write_bytes(b"year,total\n2018,\xff\n")
    with pytest.raises(DataError, match=r"people_of_concern\.csv: not a readable UTF-8"):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_narrative_file_rules(data_copy, operation_dir):
    narratives = operation_dir / "narratives"
    (narratives / "2020-plan.md").rename(narratives / "2020-draft.md")
    with pytest.raises(DataError, match=r"2020-draft\.md: file name must be YEAR-KIND\.md"):
        load_operation(OPERATION_ID, data_dir=data_copy)
    (narratives / "2020-draft.md").write_text("stray text\n## Heading\n\nbody\n", encoding="utf-8")
    (narratives / "2020-draft.md").rename(narratives / "2020-plan.md")
    with pytest.raises(DataError, match=r"2020-plan.md, line 1: text before the first"):
        load_operation(OPERATION_ID, data_dir=data_copy)


# (text of 2020-plan.md, expected message: its line where the problem has one)
NARRATIVE_CASES = {
    "text after blank lines, before any heading": (
        "\n\n  \nstray\n## Heading\n\nbody\n",
        r"2020-plan\.md, line 4: text before the first '## ' section heading",
    ),
    "empty heading": (
        "## First\n\nbody\n\n##   \nmore\n",
        r"2020-plan\.md, line 5: section heading is empty",
    ),
    "section without text, before an empty heading": (
        "## First\n\n  \n## \nmore\n",
        r"2020-plan\.md: section 'First' has no text",
    ),
    "last section without text": (
        "## First\n\nbody\n## Last\n\n",
        r"2020-plan\.md: section 'Last' has no text",
    ),
    "no heading": ("\n   \n", r"2020-plan\.md: holds no '## ' section"),
    "empty file": ("", r"2020-plan\.md: holds no '## ' section"),
}


@pytest.mark.parametrize("text, message", NARRATIVE_CASES.values(), ids=NARRATIVE_CASES)
def test_narrative_text_rules(data_copy, operation_dir, text, message):
    (operation_dir / "narratives" / "2020-plan.md").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_narrative_sections_keep_their_order_text_and_line_breaks(data_copy, operation_dir):
    text = "\n## One\r\n\r\nfirst line\r\nsecond line\n\n## Two\n  indented\n\n"
    (operation_dir / "narratives" / "2020-plan.md").write_text(text, encoding="utf-8", newline="")
    replace_in(operation_dir / "narrative_sources.csv", "Working environment", "One")
    replace_in(operation_dir / "narrative_sources.csv", "Key priorities", "Two")
    narratives = load_operation(OPERATION_ID, data_dir=data_copy).narratives
    plan = narratives[(narratives["year"] == 2020) & (narratives["kind"] == "plan")]
    assert plan[["section", "order", "body"]].values.tolist() == [
        ["One", 1, "first line\nsecond line"],
        ["Two", 2, "indented"],
    ]


def test_hidden_files_beside_the_narratives_are_skipped(data_copy, operation_dir):
    before = load_operation(OPERATION_ID, data_dir=data_copy).narratives
    narratives = operation_dir / "narratives"
    (narratives / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (narratives / ".ipynb_checkpoints").mkdir()
    (narratives / ".ipynb_checkpoints" / "2020-plan-checkpoint.md").write_text("draft\n")
    after = load_operation(OPERATION_ID, data_dir=data_copy).narratives
    pd.testing.assert_frame_equal(after, before)
    assert len(after) > 0


def test_non_utf8_narrative(data_copy, operation_dir):
    (operation_dir / "narratives" / "2020-plan.md").write_bytes(b"## Heading\n\n\xff\n")
    with pytest.raises(DataError, match=r"2020-plan\.md: not UTF-8 text"):
        load_operation(OPERATION_ID, data_dir=data_copy)


@pytest.mark.parametrize(
    "name", ["budget.csv", "location.json", "narratives/2020-plan.md"], ids=lambda name: name
)
def test_a_folder_in_a_files_place(data_copy, operation_dir, name):
    path = operation_dir / name
    path.unlink()
    path.mkdir()
    with pytest.raises(DataError, match=rf"{re.escape(name)}: cannot be read \(Is a directory\)"):
        load_operation(OPERATION_ID, data_dir=data_copy)


def test_unknown_and_invalid_operation_ids(data_copy):
    with pytest.raises(OperationNotFound):
        load_operation("nowhere", data_dir=data_copy)
    with pytest.raises(OperationNotFound):
        load_operation("../../etc", data_dir=data_copy)
