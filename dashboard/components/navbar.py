"""The app shell's navbar: operation name, page links, selectors and the language switch.

Its words are filled in by the shell's ``translate_shell`` callback, so a
language switch relabels the navbar without rebuilding it.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.i18n import LANGUAGES


def language_switch() -> html.Div:
    """One link per language, each named in its own language."""
    return html.Div(
        [
            dcc.Link(
                html.Span(name, lang=code),
                href="?lang=" + code,
                id={"type": ids.LANG_LINK, "lang": code},
                className="nav-link px-2",
            )
            for code, name in LANGUAGES.items()
        ],
        role="group",
        className="d-flex language-switch",
        **{"aria-label": "Language / Langue"},
    )


def navbar(paths: list[str], operation_ids: list[str]) -> dbc.Navbar:
    """``paths`` are the pages' paths in menu order; labels come from the shell."""
    links = [
        dbc.NavItem(
            dcc.Link(href=path, id={"type": ids.NAV_LINK, "path": path}, className="nav-link")
        )
        for path in paths
    ]
    operation_select = html.Div(
        [
            dbc.Label(
                id=ids.OPERATION_LABEL, html_for=ids.OPERATION_SELECT, className="visually-hidden"
            ),
            dbc.Select(
                id=ids.OPERATION_SELECT,
                options=[{"label": op_id, "value": op_id} for op_id in operation_ids],
                value=operation_ids[0],
            ),
        ],
        hidden=len(operation_ids) < 2,
        className="me-2",
    )
    year_select = html.Div(
        [
            dbc.Label(
                id=ids.YEAR_LABEL, html_for=ids.YEAR_SELECT, className="me-2 mb-0 text-white"
            ),
            dbc.Select(id=ids.YEAR_SELECT, options=[], className="year-select"),
        ],
        className="d-flex align-items-center ms-auto me-2 order-lg-last",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                html.Span(id=ids.NAVBAR_TITLE, lang="en", className="navbar-brand text-wrap"),
                year_select,
                dbc.NavbarToggler(id="navbar-toggler", n_clicks=0),
                dbc.Collapse(
                    [
                        dbc.Nav(links, navbar=True, className="me-auto"),
                        html.Div([operation_select, language_switch()], className="d-flex py-2"),
                    ],
                    id="navbar-collapse",
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        className="app-navbar",
    )
