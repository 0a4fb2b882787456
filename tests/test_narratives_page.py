"""The narratives page's callback, called directly (no browser).

Seed: shared/seeds/000_5ad34c431927eea1.txt; narratives on lines 48-87, for 2020 only.
"""

from __future__ import annotations

import pytest
from dash import dcc, html
from layout_tree import find

from dashboard.app import create_app
from dashboard.pages import narratives as page


@pytest.fixture(scope="module")
def app():
    return create_app()


def test_2020_shows_both_documents(app):
    with app.server.app_context():
        heading, content = page.show_narratives(2020, "kazakhstan-mco", "?year=2020", "en")
    assert heading == "Narratives, 2020"
    assert [a.children[0].children for a in find(content, html.Article)] == [
        "From the 2020 year-end report",
        "From the 2020 plan, written before the year began",
    ]
    assert len(find(content, dcc.Markdown)) == 7  # seed lines 48-87: 5 + 2 sections
    contents = find(content, html.Nav)[0]
    assert len(find(contents, html.A)) == 2 + 7  # a link per document and per section


def test_empty_year_links_to_2020_keeping_the_query(app):
    with app.server.app_context():
        _, content = page.show_narratives(
            2018, "kazakhstan-mco", "?op=kazakhstan-mco&year=2018", "en"
        )
    assert "no year-end report or plan for 2018" in str(content)
    links = find(content, dcc.Link)
    assert [(link.children, link.href) for link in links] == [
        ("2020", "/narratives?op=kazakhstan-mco&year=2020")
    ]
