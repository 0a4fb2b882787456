"""An empty state for a year without data that links to the years that have some.

The links keep the current query string (operation, ...) and change only
``year``, so following one is the same as choosing that year in the menu bar.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.transforms.view_state import with_params


def year_href(path: str, search: str | None, year: int) -> str:
    """``/narratives`` + the current query with ``year`` replaced."""
    return path + with_params(search, year=year)


def empty_with_year_links(
    message: str, what: str, years: list[int], path: str, search: str | None
) -> html.Div:
    """``message`` and "<what> are available for: 2020, 2021." as links."""
    if not years:
        pointer: list = [f"The source has no {what} for any year."]
    else:
        links: list = []
        for position, year in enumerate(years):
            if position:
                links.append(", ")
            links.append(
                dcc.Link(
                    str(year),
                    href=year_href(path, search, year),
                    className="year-link",
                    title=f"Show {what} of {year}",
                )
            )
        pointer = [f"The source has {what} for ", *links, "."]
    return html.Div(
        [
            html.P(message, className="empty-state mb-1"),
            html.P(pointer, className="year-links mb-0"),
        ],
        className="empty-year text-body-secondary",
        role="status",
    )
