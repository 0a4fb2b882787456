"""The contributions page's values, computed as its callback does (no browser).

Seed: shared/seeds/000_5ad34c431927eea1.txt, lines 88-150 (18 contributions, all 2021).
"""

from __future__ import annotations

import page_views
import pytest
from dash import dcc
from dash.exceptions import PreventUpdate
from layout_tree import find
from markup_tree import elements, text

from dashboard.pages import contributions as page


@pytest.mark.parametrize(
    ("donor", "rows"), [("", 18), ("&donor=government", 4), ("&donor=private", 14)]
)
def test_2021_rows_per_filter(donor, rows):
    shown = page_views.update(page, "?year=2021" + donor)
    assert shown["heading"] == "Contributions in 2021"
    assert (
        shown["summary"] == "18 contributions in 2021: 4 from governments, 14 from private donors."
    )
    assert shown["no_data"] is None
    assert len(elements(elements(shown["table"], "tbody")[0], "tr")) == rows
    assert text(elements(shown["table"], "caption")[0]).endswith("in 2021, newest first")
    assert elements(shown["counts"], "tbody")


def test_the_filter_is_drawn_from_the_address():
    for search, value in (
        ("?year=2021", "all"),
        ("?donor=private", "private"),
        ("?donor=x", "all"),
    ):
        (radio,) = find(page_views.update(page, search)["filter"], page.dbc.RadioItems)
        assert radio.value == value


def test_2019_is_empty_and_links_to_2021():
    shown = page_views.update(page, "?year=2019")
    assert shown["summary"] == ""
    assert text(shown["counts"]) == "No contributions to count in 2019."
    assert text(shown["table"]) == ""
    assert "no contributions in 2019" in str(shown["no_data"])
    assert [link.href for link in find(shown["no_data"], dcc.Link)] == ["/contributions?year=2021"]


def test_the_empty_year_s_links_keep_the_donor_filter():
    no_data = page_views.update(page, "?year=2019&lang=en&donor=private")["no_data"]
    assert [link.href for link in find(no_data, dcc.Link)] == [
        "/contributions?year=2021&lang=en&donor=private"
    ]


def pick(donor: str, search: str) -> str:
    return page_views.call(page.pick_donor_type, donor, search, page.PATH)


def test_a_donor_type_picked_goes_to_the_address():
    assert pick("private", "?year=2021") == "?year=2021&donor=private"
    assert pick("all", "?year=2021&donor=private") == "?year=2021"


def test_the_filter_reporting_the_view_s_type_writes_nothing():
    """The filter reports its value when it is drawn: the view's type, which
    for a donor type that is not one is all donors."""
    shown = [("all", "?year=2021"), ("private", "?donor=private"), ("all", "?donor=x")]
    for donor, search in shown:
        with pytest.raises(PreventUpdate):
            pick(donor, search)
