"""An empty state for a year without data that links to the years that have some.

The links keep the current query string (operation, ...) and change only
``year``, so following one is the same as choosing that year in the menu bar.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import translator
from dashboard.transforms.view_state import with_params


def year_href(path: str, search: str | None, year: int) -> str:
    """``/narratives`` + the current query with ``year`` replaced."""
    return path + with_params(search, year=year)


def empty_with_year_links(
    message: str, what: str, years: list[int], path: str, search: str | None, lang: str
) -> html.Div:
    """``message`` and "The source has <what> for 2020, 2021." with the years as links.

    ``what`` is already in ``lang`` ("contributions").
    """
    _ = translator(lang)
    if not years:
        pointer: list = [_("The source has no {what} for any year.").format(what=what)]
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
                    title=_("Show {what} of {year}").format(what=what, year=year),
                )
            )
        before, after = (
            _("The source has {what} for {years}.").format(what=what, years="\0").split("\0")
        )
        pointer = [before, *links, after]
    return html.Div(
        [
            html.P(message, className="empty-state mb-1"),
            html.P(pointer, className="year-links mb-0"),
        ],
        className="empty-year text-body-secondary",
        role="status",
    )
