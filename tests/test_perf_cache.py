"""Derived tables cached per operation: the same numbers as computing them afresh,
computed once, never shared in a way a caller could change, and forgotten with
the operation."""

from __future__ import annotations

import gc
import weakref

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import DATA_DIR, OPERATION_ID
from dash import html
from dash.exceptions import PreventUpdate

from dashboard.components.view_cache import VIEW_CACHE_SIZE, page_values
from dashboard.data import load_operation
from dashboard.state.view import ViewState
from dashboard.transforms import budget as tf
from dashboard.transforms import cache
from dashboard.wording import budget as budget_words
from dashboard.wording.population import country_shading, country_shading_of

YEARS = range(2014, 2023)  # the operation's years and one either side


@pytest.fixture
def operation():
    return load_operation(OPERATION_ID, data_dir=DATA_DIR)


def test_cached_budget_tables_equal_the_uncached_ones(operation):
    budget = operation.budget
    pd.testing.assert_frame_equal(tf.totals_of(operation), tf.yearly_totals(budget))
    assert tf.data_years_of(operation) == tf.data_years(budget) == [*range(2016, 2022)]
    for measure in tf.MEASURES:
        pd.testing.assert_frame_equal(
            tf.pillar_amounts_of(operation, measure), tf.pillar_amounts(budget, measure)
        )
    for year in YEARS:
        pd.testing.assert_frame_equal(
            tf.pillar_split_of(operation, year), tf.pillar_split(budget, year)
        )
        assert tf.year_summary_of(operation, year) == tf.year_summary(budget, year)
        assert budget_words.no_bar_note_of(operation, year, "en") == budget_words.no_bar_note(
            budget, year, "en"
        )


def test_cached_shading_equals_the_uncached_one(operation):
    for year in YEARS:
        pd.testing.assert_frame_equal(
            country_shading_of(operation, year, "en"),
            country_shading(operation.population_by_country, year, operation.meta.countries, "en"),
        )


def test_computed_once_per_operation_and_arguments(operation):
    calls = []

    @cache.per_operation
    def count(op, year):
        calls.append(year)
        return year * 2

    assert [count(operation, 2020), count(operation, 2020), count(operation, 2019)] == [
        4040,
        4040,
        4038,
    ]
    assert calls == [2020, 2019]
    other = load_operation(OPERATION_ID, data_dir=DATA_DIR)
    count(other, 2020)
    assert calls == [2020, 2019, 2020]


def test_a_caller_changing_a_cached_frame_does_not_change_the_cache(operation):
    totals = tf.totals_of(operation)
    totals["budget_usd"] = 0.0
    totals.insert(0, "extra", 1)
    totals.loc[0, "year"] = 1900
    pd.testing.assert_frame_equal(tf.totals_of(operation), tf.yearly_totals(operation.budget))


class Result:
    """A value that can be watched with a weak reference."""


def test_an_operation_is_forgotten_when_it_is_garbage_collected():
    @cache.per_operation
    def remember(_op):
        return Result()

    operation = load_operation(OPERATION_ID, data_dir=DATA_DIR)
    first = remember(operation)
    assert remember(operation) is first
    watched = weakref.ref(first)
    del operation, first
    gc.collect()
    assert watched() is None


def test_odd_arguments_cannot_grow_the_cache_without_limit(operation):
    @cache.per_operation
    def result(_op, _year):
        return Result()

    watched = [weakref.ref(result(operation, year)) for year in range(cache.MAX_ENTRIES * 3)]
    assert sum(ref() is not None for ref in watched) <= cache.MAX_ENTRIES


def view(year: int) -> ViewState:
    return ViewState(path="/", operation_ids=(OPERATION_ID,), year=year, lang="en")


def test_page_values_are_computed_once_per_view_and_operation_and_answer_json(operation):
    calls = []

    def update(shown, operations):
        calls.append((operations[0].meta.id, shown.year))
        if shown.year is None:
            raise PreventUpdate
        label = f"{operations[0].meta.id} {shown.year} {shown.lang}"
        return {"text": html.P(label), "chart": go.Figure({"data": [{"y": [shown.year]}]})}

    first = page_values(update, view(2020), [operation])
    assert page_values(update, view(2020), [operation]) is first
    assert first["text"]["props"]["children"] == f"{OPERATION_ID} 2020 en"
    assert first["chart"]["data"][0]["y"] == [2020]
    other = load_operation(OPERATION_ID, data_dir=DATA_DIR)
    page_values(update, view(2020), [other])  # another operation object: computed afresh
    assert calls == [(OPERATION_ID, 2020), (OPERATION_ID, 2020)]
    for _attempt in range(2):  # a refusal is not kept
        with pytest.raises(PreventUpdate):
            page_values(update, view(None), [operation])
    assert len(calls) == 4


def test_page_values_keep_at_most_the_latest_views(operation):
    calls = []

    def update(shown, _operations):
        calls.append(shown.year)
        return {"year": shown.year}

    years = range(VIEW_CACHE_SIZE + 1)
    for year in years:
        page_values(update, view(year), [operation])
    page_values(update, view(VIEW_CACHE_SIZE), [operation])  # the newest: kept
    page_values(update, view(0), [operation])  # the oldest: gone
    assert calls == [*years, 0]


def test_page_values_do_not_keep_an_operation_alive():
    operation = load_operation(OPERATION_ID, data_dir=DATA_DIR)
    watched = weakref.ref(operation)
    page_values(lambda _view, _operations: {"r": 1}, view(2020), [operation])
    del operation
    gc.collect()
    assert watched() is None
