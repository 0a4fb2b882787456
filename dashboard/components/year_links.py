"""An empty state for a year without data that links to the years that have some.

The links keep the view's address (page, operation, filters...) and change only
``year``, so following one is the same as choosing that year in the menu bar.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import translator
from dashboard.state.view import YEAR_PARAM, ViewState, view_search


def empty_with_year_links(message: str, what: str, years: list[int], view: ViewState) -> html.Div:
    """``message`` and "The source has <what> for 2020, 2021." with the years as links.

    ``what`` is already in the view's language ("contributions").
    """
    _ = translator(view.lang)
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
                    href=view.path + view_search(view, **{YEAR_PARAM: year}),
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
