"""The view of the pages of many operations: ``/compare?ops=`` and the catalogue's filters.

The data folder holds the seed's operation and synthetic copies of it
(``sparse_data.synthetic_operation``), made at test time.
"""

from __future__ import annotations

import pytest
from conftest import OPERATION_ID
from dash import no_update
from dash.exceptions import PreventUpdate
from sparse_data import SYNTHETIC_OPERATIONS, many_operations, synthetic_operation

from dashboard.app import create_app
from dashboard.pages.compare import add_operation
from dashboard.runtime import load_catalogue
from dashboard.shell.routing import find_operation
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


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return create_app(data_dir=many_operations(tmp_path_factory.mktemp("finder"), 7))


@pytest.mark.parametrize(
    ("text", "search", "pathname", "address"),
    [
        # A name, in any case and spacing: the same page, at the operation's report year.
        (
            "Synthetic Office B",
            "?year=2019&lang=fr",
            "/budget",
            ("/budget", "?lang=fr&op=synthetic-b"),
        ),
        (
            "  synthetic  office c ",
            "?donor=private",
            "/contributions",
            ("/contributions", "?donor=private&op=synthetic-c"),
        ),
        # The default operation needs no ``op``.
        ("Kazakhstan Multi-Country Office", "?op=synthetic-b&year=2019", "/", ("/", "")),
        # Any other text searches the catalogue, in the view's language.
        ("Office", "?year=2019&lang=fr", "/budget", ("/operations", "?q=Office&lang=fr")),
    ],
)
def test_the_navbar_box_goes_to_the_operation_named_or_searches(
    app, text, search, pathname, address
):
    with app.server.app_context():
        assert find_operation(1, 0, text, search, pathname) == address


@pytest.mark.parametrize(
    ("text", "search"), [("", "?year=2019"), ("  ", ""), ("Synthetic Office B", "?op=synthetic-b")]
)
def test_an_empty_box_or_the_view_s_own_operation_changes_nothing(app, text, search):
    with app.server.app_context(), pytest.raises(PreventUpdate):
        find_operation(None, 1, text, search, "/")


def test_an_operation_added_by_name_joins_the_comparison_last(app):
    search = f"?ops={OPERATION_ID},synthetic-b&year=2019"
    with app.server.app_context():
        added = add_operation(1, 0, "synthetic office c", search, "/compare")
        assert added == (f"?ops={OPERATION_ID}%2Csynthetic-b%2Csynthetic-c&year=2019", "", "")
        assert add_operation(1, 0, "Synthetic Office B", search, "/compare") == (no_update, "", "")


def test_an_unknown_name_or_a_seventh_operation_gets_a_message(app):
    six = "?ops=" + ",".join([OPERATION_ID, *SYNTHETIC[:5]])
    with app.server.app_context():
        assert add_operation(1, 0, " Nowhere ", "?ops=synthetic-b", "/compare") == (
            no_update,
            " Nowhere ",
            "No operation is named “Nowhere”: choose a name from the suggestions.",
        )
        assert add_operation(0, 1, "Synthetic Office G", six, "/compare") == (
            no_update,
            "Synthetic Office G",
            "At most 6 operations can be compared: untick one first.",
        )
        french = add_operation(1, 0, "Nulle part", "?ops=synthetic-b&lang=fr", "/compare")
        assert french[2] == (
            "Aucune opération ne s'appelle « Nulle part » : "
            "choisissez un nom parmi les suggestions."
        )
