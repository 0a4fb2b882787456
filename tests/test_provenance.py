"""Every hand-curated number is quoted from the seed page."""

from __future__ import annotations

import hashlib
import json
import re

import pandas as pd
from conftest import DATA_DIR, OPERATION_ID

from dashboard.data import load_operation

QUALIFIER_WORDS = {"over": "over ", "around": "around ", "exact": ""}


def _curated() -> pd.DataFrame:
    return load_operation(OPERATION_ID, data_dir=DATA_DIR).population_by_country


def test_every_quote_is_in_the_seed(seed_text):
    for quote in _curated()["quote"]:
        assert quote in seed_text, quote


def test_every_number_appears_in_its_quote_with_its_qualifier():
    for row in _curated().itertuples():
        printed = f"{QUALIFIER_WORDS[row.qualifier]}{row.value:,}"
        assert re.search(rf"(?<![\d,]){re.escape(printed)}(?![\d,])", row.quote), row


def test_sections_and_years_follow_the_documents(seed_text):
    curated = _curated()
    assert set(zip(curated["source_section"], curated["year"], strict=True)) == {
        ("Population trends", 2020),
        ("Working environment", 2019),
    }


def test_projections_and_non_statements_are_not_counts():
    values = set(_curated()["value"])
    # "will probably decrease to 450" and "up to 100 ... estimated to arrive" (line 79)
    assert 450 not in values and 100 not in values
    # "no new asylum claims were recorded" (line 58) is not a zero count.
    assert 0 not in values


def test_shipped_operation_names_the_source_it_was_imported_from():
    folder = DATA_DIR / "operations" / OPERATION_ID
    meta = json.loads((folder / "operation.json").read_text())
    (source,) = meta["sources"]
    page = folder / "sources" / source["file"]
    assert hashlib.sha256(page.read_bytes()).hexdigest() == source["sha256"]
    assert (source["file"], source["report_year"]) == ("000_5ad34c431927eea1.txt", 2020)
