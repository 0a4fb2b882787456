"""A page's title and the sentence under it that says what the page shows."""

from __future__ import annotations

from dash import html


def page_heading(title: str, intro: str, heading_id: str | None = None) -> list:
    """The page's ``<h1>`` (with ``heading_id`` when a switch updates it) and
    its introduction."""
    heading = html.H1(title, className="h2 mb-2", **({"id": heading_id} if heading_id else {}))
    return [heading, html.P(intro, className="text-body-secondary")]
