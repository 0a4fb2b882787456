"""The view state: what a URL asks for, resolved against the data, and written back.

Expected values from the seed page (shared/seeds/000_5ad34c431927eea1.txt): the
year list 2015-2021 (lines 40-46), the report year 2020 (line 14, "2020
year-end results"), the covered countries Kazakhstan, Turkmenistan and
Uzbekistan.
"""

from __future__ import annotations

import dataclasses

import pytest
from conftest import DATA_DIR, OPERATION_ID

from dashboard.runtime import load_catalogue
from dashboard.state.view import ViewState, in_year, read_query, read_view, view_search

YEARS = (2015, 2016, 2017, 2018, 2019, 2020, 2021)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(DATA_DIR)


def test_read_query_first_value_wins_and_oversized_is_ignored():
    assert read_query("?year=2019&year=2018&op=x") == {"year": "2019", "op": "x"}
    assert read_query("") == {}
    assert read_query(None) == {}
    assert read_query("?year=" + "9" * 5000) == {}


def test_an_empty_address_is_the_default_view(catalogue):
    view = read_view(None, None, catalogue)
    assert (view.path, view.operation_ids, view.year, view.lang) == (
        "/",
        (OPERATION_ID,),
        2020,
        "en",
    )
    assert view.filters == () and view.notices == ()


def test_a_usable_address_is_read_as_given(catalogue):
    view = read_view("/budget", "?year=2019&lang=fr&op=" + OPERATION_ID, catalogue)
    assert (view.path, view.operation_id, view.year, view.lang) == (
        "/budget",
        OPERATION_ID,
        2019,
        "fr",
    )
    assert view.notices == ()


@pytest.mark.parametrize(
    "bad", ["abc", "1800", "99999999999999999999", "２０１９", "-2019", "2019.0"]
)
def test_an_unusable_year_is_the_report_year_with_a_notice(catalogue, bad):
    view = read_view("/", f"?year={bad}", catalogue)
    assert view.year == 2020
    (notice,) = view.notices
    assert "showing 2020" in notice and "(2015–2021)" in notice


def test_every_year_of_the_year_list_is_usable(catalogue):
    assert [read_view("/", f"?year={year}", catalogue).year for year in YEARS] == list(YEARS)


def test_an_unknown_operation_or_language_is_the_default_with_a_notice(catalogue):
    view = read_view("/", "?op=zzz&lang=xx", catalogue)
    assert view.operation_ids == (OPERATION_ID,) and view.lang == "en"
    language, operation = view.notices
    assert "“xx”" in language and "Français" not in language
    assert "“zzz”" in operation and OPERATION_ID in operation


def test_a_list_of_operations_keeps_the_known_ones_once(catalogue):
    view = read_view("/", f"?op={OPERATION_ID},{OPERATION_ID}", catalogue)
    assert view.operation_ids == (OPERATION_ID,) and view.notices == ()
    view = read_view("/", f"?op=nowhere,{OPERATION_ID}", catalogue)
    assert view.operation_ids == (OPERATION_ID,)
    assert "“nowhere”" in view.notices[0]


def test_page_filters_keep_only_usable_values(catalogue):
    view = read_view("/", "?country=TKM&donor=private", catalogue)
    assert view.filter("country") == "TKM" and view.filter("donor") == "private"
    view = read_view("/", "?country=FRA&donor=all", catalogue)
    assert view.filters == ()
    assert read_view("/", "?donor=nobody", catalogue).filter("donor") is None


def test_the_frame_is_the_page_operations_and_language_not_the_year_or_filters(catalogue):
    first = read_view("/budget", "?year=2019", catalogue)
    assert first.frame == read_view("/budget", "?year=2017&country=KAZ", catalogue).frame
    assert first.frame != read_view("/budget", "?lang=fr", catalogue).frame
    assert first.frame != read_view("/", "?year=2019", catalogue).frame


def test_view_search_changes_only_what_it_is_asked_to(catalogue):
    view = read_view("/budget", "?year=2019&op=x&other=1", catalogue)
    assert view_search(view) == "?year=2019&op=x&other=1"
    assert view_search(view, year=2020) == "?year=2020&op=x&other=1"
    assert view_search(view, year=None, op=None) == "?other=1"
    assert view_search("?year=2019", year=None) == ""
    assert view_search(None, year=2018) == "?year=2018"


def test_a_view_is_immutable_and_hashable(catalogue):
    view = read_view("/", "?year=2019", catalogue)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.year = 2018  # type: ignore[misc]
    assert hash(view) == hash(read_view("/", "?year=2019", catalogue))
    assert isinstance(view, ViewState)


@pytest.mark.parametrize(
    "search",
    ["", "?year=2019", "?lang=fr&year=2016&donor=government", "?country=TKM&utm=x&year=abc"],
)
def test_in_year_is_the_view_of_the_address_with_that_year_picked(catalogue, search):
    """The seed's years are 2015-2021 (its year list and budget table)."""
    view = read_view("/contributions", search, catalogue)
    for year in (2015, 2018, 2021):
        picked = read_view("/contributions", view_search(view, year=year), catalogue)
        assert in_year(view, year) == picked
        assert in_year(view, year).year == year
