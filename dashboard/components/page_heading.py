"""A page's title and the sentence under it that says what the page shows."""

from __future__ import annotations

from dash import html


def page_heading(title: str, intro: str) -> list:
    """The page's ``<h1>`` and its introduction."""
    return [html.H1(title, className="h2 mb-2"), html.P(intro, className="text-body-secondary")]
