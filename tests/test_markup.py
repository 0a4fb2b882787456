"""Drawn blocks: what a block may hold, and that text stays text."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pytest
from dash import dcc, html
from markup_tree import text, tree

from dashboard.components.markup import markup


def test_text_stays_text_and_styles_are_css_names():
    block = tree(
        markup(
            html.P(
                ["<b>not bold</b>", 42, html.Span(style={"backgroundColor": "#0072bc"})],
                className="note",
                **{"aria-hidden": "true", "data-label": "Budget"},
            )
        )
    )
    assert block == {
        "t": "p",
        "a": {"class": "note", "aria-hidden": "true", "data-label": "Budget"},
        "c": ["<b>not bold</b>", "42", {"t": "span", "s": {"background-color": "#0072bc"}}],
    }
    assert text(block) == "<b>not bold</b>42"


def test_nothing_and_lists_are_blocks_too():
    assert tree(markup(None)) == []
    assert tree(markup([html.Li("a"), "b"])) == [{"t": "li", "c": ["a"]}, "b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (html.A("link", href="javascript:alert(1)"), "dash_html_components.A"),
        (html.Script("alert(1)"), "dash_html_components.Script"),
        (dbc.Card("card"), "dash_bootstrap_components.Card"),
        (dcc.Graph(), "dash_core_components.Graph"),
        (html.Div(id="x"), "property 'id'"),
        (html.Button("b", n_clicks=0), "dash_html_components.Button"),
        (html.Div(hidden=True), "property 'hidden'"),
        (html.P({"a": 1}), "dict"),
    ],
)
def test_blocks_refuse_what_the_browser_would_not_draw(content, message):
    with pytest.raises(TypeError, match=message):
        markup(content)


def test_the_language_of_a_text_is_kept():
    """Key figures' sentences are the source's English in a French page."""
    assert tree(markup(html.P("60 refugees", lang="en"))) == {
        "t": "p",
        "a": {"lang": "en"},
        "c": ["60 refugees"],
    }
