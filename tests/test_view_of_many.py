"""The view of the pages of many operations: ``/compare?ops=`` and the catalogue's filters.

The data folder holds the seed's operation and synthetic copies of it
(``sparse_data.synthetic_operation``), made at test time.
"""

from __future__ import annotations

import pytest
from conftest import OPERATION_ID
from sparse_data import SYNTHETIC_OPERATIONS, many_operations, synthetic_operation

from dashboard.runtime import load_catalogue
from dashboard.state.view import read_view

SYNTHETIC = list(SYNTHETIC_OPERATIONS)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    data = many_operations(tmp_path_factory.mktemp("many"), 7)
    synthetic_operation(data, "synthetic-gap", "Synthetic Office Gap", "years-with-a-gap")
    return load_catalogue(data)


def test_compared_operations_are_read_in_order_once_each(catalogue):
    view = read_view("/compare", f"?ops=synthetic-c,{OPERATION_ID},synthetic-c", catalogue)
    assert view.operation_ids == ("synthetic-c", OPERATION_ID)
    assert view.notices == ()


def test_unknown_compared_operations_are_left_out_with_a_notice(catalogue):
    view = read_view("/compare", f"?ops=nowhere,{OPERATION_ID},synthetic-b", catalogue)
    assert view.operation_ids == (OPERATION_ID, "synthetic-b")
    assert view.notices == ("There is no operation “nowhere”; it is left out of the comparison.",)


def test_more_than_six_compared_operations_keep_the_first_six(catalogue):
    seven = [OPERATION_ID, *SYNTHETIC]
    view = read_view("/compare", "?ops=" + ",".join(seven), catalogue)
    assert view.operation_ids == tuple(seven[:6])
    assert view.notices == ("At most 6 operations can be compared; showing the first 6.",)


@pytest.mark.parametrize("search", ["", "?ops=", "?ops=,,", "?ops=nowhere"])
def test_no_usable_compared_operation_is_the_default_alone(catalogue, search):
    view = read_view("/compare", search, catalogue)
    assert view.operation_ids == (OPERATION_ID,)


def test_the_comparison_s_years_are_those_any_operation_covers(catalogue):
    # The gap copy covers 2016 and 2018-2021; the seed's year list is 2015-2021.
    view = read_view("/compare", f"?ops=synthetic-gap,{OPERATION_ID}&year=2015", catalogue)
    assert view.year == 2015 and view.notices == ()
    alone = read_view("/compare", "?ops=synthetic-gap,synthetic-gap&year=2015", catalogue)
    assert alone.year == 2020 and len(alone.notices) == 1


def test_catalogue_filters_are_read_and_unusable_ones_dropped(catalogue):
    view = read_view(
        "/operations", "?q=%20%20office%20%20b&country=KAZ&sort=-budget&page=2", catalogue
    )
    assert dict(view.filters) == {"q": "office b", "country": "KAZ", "sort": "-budget", "page": "2"}
    bad = read_view("/operations", "?q=%20&country=kaz&sort=size&page=0", catalogue)
    assert bad.filters == ()
    assert read_view("/operations", "?page=1", catalogue).filters == ()


def test_a_country_filter_elsewhere_is_the_operation_s_own(catalogue):
    assert read_view("/", "?country=TJK", catalogue).filters == ()
    assert read_view("/", "?country=KAZ", catalogue).filters == (("country", "KAZ"),)
