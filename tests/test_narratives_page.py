"""The narratives page's values, computed as its callback does (no browser).

Seed: shared/seeds/000_5ad34c431927eea1.txt; narratives on lines 48-87, for 2020 only.
"""

from __future__ import annotations

import page_views
from dash import dcc, html
from layout_tree import find

from dashboard.pages import narratives as page


def test_2020_shows_both_documents():
    shown = page_views.update(page, "?year=2020")
    content = shown["content"]
    assert shown["heading"] == "Narratives, 2020"
    assert [a.children[0].children for a in find(content, html.Article)] == [
        "From the 2020 year-end report",
        "From the 2020 plan, written before the year began",
    ]
    assert len(find(content, dcc.Markdown)) == 7  # seed lines 48-87: 5 + 2 sections
    contents = find(content, html.Nav)[0]
    assert len(find(contents, html.A)) == 2 + 7  # a link per document and per section


def test_empty_year_links_to_2020_keeping_the_query():
    content = page_views.update(page, "?op=kazakhstan-mco&year=2018")["content"]
    assert "no year-end report or plan for 2018" in str(content)
    links = find(content, dcc.Link)
    assert [(link.children, link.href) for link in links] == [
        ("2020", "/narratives?op=kazakhstan-mco&year=2020")
    ]
