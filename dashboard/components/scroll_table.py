"""A table that may scroll sideways on a narrow screen, usable with the keyboard.

Bootstrap's ``.table-responsive`` box scrolls when the table is wider than the
screen; a scrolling box must be focusable (``tabindex="0"``) so that keyboard
users can scroll it, and then it needs a name (``role="region"``).
"""

from __future__ import annotations

from dash import html


def scroll_table(table, label: str) -> html.Div:
    """``table`` (an ``html.Table``, or a ``dbc.Table`` without ``responsive``) in a
    named, focusable scroll box."""
    return html.Div(
        table,
        className="table-responsive",
        tabIndex="0",
        role="region",
        **{"aria-label": label},
    )
