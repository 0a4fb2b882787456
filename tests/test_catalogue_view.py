"""Filtering, sorting and paging the catalogue (``transforms.catalogue_view``).

The table is written by hand here: names, countries and figures are made up
for the test (synthetic), so each rule can be seen at work.
"""

from __future__ import annotations

import pandas as pd

from dashboard.transforms import catalogue_view as tf
from dashboard.wording import catalogue as search

TABLE = pd.DataFrame(
    {
        "operation_id": ["a", "b", "c", "d"],
        "name": ["Synthetic Office Almaty", "synthetic office Dakar", "Synthetic Bureau", "Zeta"],
        "countries": ["KAZ, UZB", "SEN", "", "TUR"],
        "first_year": pd.array([2015, 2016, 2017, 2015], dtype="Int64"),
        "last_year": pd.array([2021, 2020, 2021, 2019], dtype="Int64"),
        "budget_usd": pd.array([100.0, None, 300.0, 200.0], dtype="Float64"),
        "people_of_concern": pd.array([None, 5, 7, None], dtype="Int64"),
    }
)


def ids(table: pd.DataFrame) -> list[str]:
    return table["operation_id"].tolist()


def test_text_matches_names_codes_and_country_names_in_any_case():
    assert ids(search.filter_operations(TABLE, "office", None, "en")) == ["a", "b"]
    assert ids(search.filter_operations(TABLE, "uzb", None, "en")) == ["a"]
    assert ids(search.filter_operations(TABLE, "senegal", None, "en")) == ["b"]
    # French names, and the English ones from the French interface.
    assert ids(search.filter_operations(TABLE, "Ouzbékistan", None, "fr")) == ["a"]
    assert ids(search.filter_operations(TABLE, "Uzbekistan", None, "fr")) == ["a"]
    assert ids(search.filter_operations(TABLE, "nothing", None, "en")) == []


def test_country_filter_keeps_operations_covering_it():
    assert ids(search.filter_operations(TABLE, None, "UZB", "en")) == ["a"]
    assert ids(search.filter_operations(TABLE, "office", "SEN", "en")) == ["b"]
    assert ids(search.filter_operations(TABLE, None, "TJK", "en")) == []


def test_sorting_puts_missing_figures_last_both_ways():
    assert ids(tf.sort_operations(TABLE, "budget")) == ["a", "d", "c", "b"]
    assert ids(tf.sort_operations(TABLE, "-budget")) == ["c", "d", "a", "b"]
    assert ids(tf.sort_operations(TABLE, "-people")) == ["c", "b", "a", "d"]


def test_names_sort_without_regard_to_case_and_years_by_last_then_first():
    assert ids(tf.sort_operations(TABLE, None)) == ["c", "a", "b", "d"]
    assert ids(tf.sort_operations(TABLE, "-name")) == ["d", "b", "a", "c"]
    assert ids(tf.sort_operations(TABLE, "years")) == ["d", "b", "a", "c"]


def test_pages_of_fifty_rows():
    big = pd.DataFrame({"operation_id": [str(n) for n in range(120)]})
    assert tf.page_count(0) == 1 and tf.page_count(50) == 1 and tf.page_count(51) == 2
    assert ids(tf.page_of(big, 1)) == [str(n) for n in range(50)]
    assert ids(tf.page_of(big, 3)) == [str(n) for n in range(100, 120)]
    assert ids(tf.page_of(big, 9)) == ids(tf.page_of(big, 3))


def test_an_operation_is_named_by_its_whole_name_or_id_in_any_case_and_spacing():
    names = dict(zip(TABLE["operation_id"], TABLE["name"], strict=True))
    assert tf.operation_named("Synthetic Office Almaty", names) == "a"
    assert tf.operation_named("  SYNTHETIC  office   dakar ", names) == "b"
    assert tf.operation_named("c", names) == "c"
    # Part of a name is a search, not a name.
    assert tf.operation_named("Synthetic Office", names) is None
    assert tf.operation_named("Zet", names) is None
