"""The budget page's layout and callbacks, called directly (no browser).

Expected values from the seed page (shared/seeds/000_5ad34c431927eea1.txt):
budget JSON on line 37 (USD millions), year list on lines 40-46.
"""

from __future__ import annotations

import pytest
from dash import dcc, html
from layout_tree import find
from markup_tree import elements, text, tree

from dashboard.app import create_app
from dashboard.pages import budget as page


@pytest.fixture(scope="module")
def app():
    return create_app()


def graphs(component) -> dict[str, dcc.Graph]:
    return {graph.id: graph for graph in find(component, dcc.Graph)}


def test_layout_names_the_downloads_after_operation_what_and_years(app):
    from dashboard import runtime

    with app.server.app_context():
        layout = page.layout(runtime.operation("kazakhstan-mco"), "en")
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


def test_selected_year_2020(app):
    with app.server.app_context():
        heading, cards, notes, table, split, _summary, _table = page.show_selected_year(
            2020, "kazakhstan-mco", "en"
        )
    assert heading == "Budget and expenditure in 2020"
    assert "81.5%" in text(cards)  # 2.4726215700000003 / 3.03404521
    assert "76.6%" in text(table)  # pillar 1 share: 2.32328021 / 3.03404521
    assert elements(notes, "li") == []
    assert split.layout.title.text == "Split by pillar, 2020 (USD)"


def test_selected_year_2015_is_an_empty_state(app):
    with app.server.app_context():
        _heading, cards, _notes, _table, split, *_rest = page.show_selected_year(
            2015, "kazakhstan-mco", "en"
        )
    assert tree(cards)["a"]["class"] == "text-body-secondary empty-state budget-empty"
    assert text(cards) == "No budget data for 2015."
    assert split.data == ()


def test_selected_year_2021_notes_the_missing_expenditure(app):
    with app.server.app_context():
        _heading, _cards, notes, *_rest = page.show_selected_year(2021, "kazakhstan-mco", "en")
    assert [text(item) for item in elements(notes, "li")] == [
        "2021: budget only, no expenditure reported"
    ]


def test_charts_by_year_for_2015_say_why_nothing_is_highlighted(app):
    with app.server.app_context():
        # Each chart comes with its summary and table (see test_chart_summaries).
        outputs = page.show_years(2015, "kazakhstan-mco", "en")
    totals, by_pillar, spent_by_pillar, notes = outputs[0], outputs[3], outputs[6], outputs[9]
    assert list(totals.data[0].x) == [2016, 2017, 2018, 2019, 2020, 2021]
    assert [text(item) for item in elements(notes, "li")] == [
        "2015: no budget or expenditure reported (figures cover 2016–2021), "
        "so no bar is highlighted in the charts by year.",
        "2021: budget only, no expenditure reported",
    ]
    assert by_pillar.layout.title.text == "Budget by pillar, 2016–2021 (USD)"
    assert spent_by_pillar.layout.title.text == "Expenditure by pillar, 2016–2021 (USD)"


def test_the_router_renders_the_page_with_the_url_s_year_filled_in(app):
    """The first charts come with the page, not from a callback one request later."""
    from dashboard.app import route

    with app.server.app_context():
        content = route("/budget", "kazakhstan-mco", "fr", "?year=2021&lang=fr")
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


def test_an_unknown_year_in_the_url_renders_the_report_year(app):
    from dashboard.app import route

    with app.server.app_context():
        content = route("/budget", "kazakhstan-mco", "en", "?year=1900")
    heading = next(node for node in find(content, html.H2) if node.id == page.IDS.YEAR_HEADING)
    assert heading.children == "Budget and expenditure in 2020"  # seed line 14: 2020 results
