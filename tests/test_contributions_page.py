"""The contributions page's callback, called directly (no browser).

Seed: shared/seeds/000_5ad34c431927eea1.txt, lines 88-150 (18 contributions, all 2021).
"""

from __future__ import annotations

import pytest
from dash import dcc
from layout_tree import find
from markup_tree import elements, text

from dashboard.app import create_app
from dashboard.pages import contributions as page


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.mark.parametrize(("donor_type", "rows"), [("all", 18), ("government", 4), ("private", 14)])
def test_2021_rows_per_filter(app, donor_type, rows):
    with app.server.app_context():
        heading, summary, no_data, table, _, counts = page.show_contributions(
            2021, "kazakhstan-mco", donor_type, "?year=2021", "en"
        )
    assert heading == "Contributions in 2021"
    assert summary == "18 contributions in 2021: 4 from governments, 14 from private donors."
    assert no_data is None
    assert len(elements(elements(table, "tbody")[0], "tr")) == rows
    assert text(elements(table, "caption")[0]).endswith("in 2021, newest first")
    assert elements(counts, "tbody")


def test_2019_is_empty_and_links_to_2021(app):
    with app.server.app_context():
        _, summary, no_data, table, _, counts = page.show_contributions(
            2019, "kazakhstan-mco", "all", "?year=2019", "en"
        )
    assert summary == ""
    assert text(counts) == "No contributions to count in 2019."
    assert text(table) == ""
    assert "no contributions in 2019" in str(no_data)
    assert [link.href for link in find(no_data, dcc.Link)] == ["/contributions?year=2021"]


def test_the_empty_year_s_links_keep_the_donor_filter(app):
    """The filter's own value counts, not the address: the callback may run
    before the address has the new filter in it."""
    with app.server.app_context():
        _, _, no_data, _, _, _ = page.show_contributions(
            2019, "kazakhstan-mco", "private", "?year=2019&lang=en", "en"
        )
    assert [link.href for link in find(no_data, dcc.Link)] == [
        "/contributions?year=2021&lang=en&donor=private"
    ]
