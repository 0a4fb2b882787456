"""The budget page's layout and callbacks, called directly (no browser).

Expected values from the seed page (shared/seeds/000_5ad34c431927eea1.txt):
budget JSON on line 37 (USD millions), year list on lines 40-46.
"""

from __future__ import annotations

import pytest
from dash import dcc, html
from layout_tree import find
from markup_tree import elements, text, tree

from dashboard import runtime
from dashboard.app import create_app
from dashboard.pages import budget as page
from dashboard.state.view import read_view


@pytest.fixture(scope="module")
def catalogue():
    """The app's operations, inside its context (a chart's options name the app's
    asset URLs)."""
    app = create_app()
    with app.server.app_context():
        yield runtime.catalogue()


def values(catalogue, search: str) -> dict:
    """The page's values for ``/budget`` + ``search``, as its callback computes them."""
    view = read_view(page.PATH, search, catalogue)
    return page.update(view, catalogue.of(view.operation_ids))


def graphs(component) -> dict[str, dcc.Graph]:
    return {graph.id: graph for graph in find(component, dcc.Graph)}


def test_layout_names_the_downloads_after_operation_what_and_years(catalogue):
    view = read_view(page.PATH, "", catalogue)
    layout = page.layout(view, catalogue.of(view.operation_ids))
    files = {
        graph_id: graph.config["toImageButtonOptions"]["filename"]
        for graph_id, graph in graphs(layout).items()
    }
    assert files == {
        "budget-vs-expenditure": "kazakhstan-mco_budget-and-expenditure_2016-2021",
        "budget-pillar-split": "kazakhstan-mco_budget-split-by-pillar",
        "budget-by-pillar": "kazakhstan-mco_budget-by-pillar_2016-2021",
        "expenditure-by-pillar": "kazakhstan-mco_expenditure-by-pillar_2016-2021",
    }


def test_the_values_are_the_page_s_updates_by_name(catalogue):
    assert set(values(catalogue, "?year=2020")) == set(page.UPDATES)


def test_selected_year_2020(catalogue):
    shown = values(catalogue, "?year=2020")
    assert shown["year_heading"] == "Budget and expenditure in 2020"
    assert "81.5%" in text(shown["summary"])  # 2.4726215700000003 / 3.03404521
    assert "76.6%" in text(shown["pillar_table"])  # pillar 1 share: 2.32328021 / 3.03404521
    assert elements(shown["year_notes"], "li") == []
    assert shown["split_figure"].layout.title.text == "Split by pillar, 2020 (USD)"
    assert shown["split_year"] == "2020"


def test_selected_year_2015_is_an_empty_state(catalogue):
    shown = values(catalogue, "?year=2015")
    assert tree(shown["summary"])["a"]["class"] == "text-body-secondary empty-state budget-empty"
    assert text(shown["summary"]) == "No budget data for 2015."
    assert shown["split_figure"].data == ()


def test_selected_year_2021_notes_the_missing_expenditure(catalogue):
    notes = values(catalogue, "?year=2021")["year_notes"]
    assert [text(item) for item in elements(notes, "li")] == [
        "2021: budget only, no expenditure reported"
    ]


def test_charts_by_year_for_2015_say_why_nothing_is_highlighted(catalogue):
    # Each chart comes with its summary and table (see test_chart_summaries).
    shown = values(catalogue, "?year=2015")
    assert list(shown["totals_figure"].data[0].x) == [2016, 2017, 2018, 2019, 2020, 2021]
    assert [text(item) for item in elements(shown["chart_notes"], "li")] == [
        "2015: no budget or expenditure reported (figures cover 2016–2021), "
        "so no bar is highlighted in the charts by year.",
        "2021: budget only, no expenditure reported",
    ]
    assert shown["budget_pillars_figure"].layout.title.text == "Budget by pillar, 2016–2021 (USD)"
    assert (
        shown["spent_pillars_figure"].layout.title.text == "Expenditure by pillar, 2016–2021 (USD)"
    )


def test_the_layout_comes_with_the_view_s_year_filled_in(catalogue):
    """The first charts come with the page, not from a callback one request later."""
    view = read_view(page.PATH, "?year=2021&lang=fr", catalogue)
    content = page.layout(view, catalogue.of(view.operation_ids))
    figures = {graph_id: graph.figure for graph_id, graph in graphs(content).items()}
    # The figures are the JSON the browser receives.
    assert figures["budget-pillar-split"]["layout"]["title"]["text"] == (
        "Répartition par pilier, 2021 (USD)"
    )
    assert figures["budget-vs-expenditure"]["layout"]["title"]["text"] == (
        "Budget et dépenses, 2016–2021 (USD)"
    )
    # Seed: 2021 has a budget and no expenditure; the split shows 2021's two pillars.
    assert figures["budget-pillar-split"]["data"][0]["x"] == pytest.approx([4.05028321, 1.231765])
    heading = next(node for node in find(content, html.H2) if node.id == page.IDS.YEAR_HEADING)
    assert heading.children == "Budget et dépenses en 2021"


def test_an_unknown_year_in_the_url_renders_the_report_year(catalogue):
    view = read_view(page.PATH, "?year=1900", catalogue)
    content = page.layout(view, catalogue.of(view.operation_ids))
    heading = next(node for node in find(content, html.H2) if node.id == page.IDS.YEAR_HEADING)
    assert heading.children == "Budget and expenditure in 2020"  # seed line 14: 2020 results
