"""The app shell's navbar: operation name, page links, operation and year selectors."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids


def navbar(pages: list[tuple[str, str]], operation_ids: list[str]) -> dbc.Navbar:
    """``pages`` are ``(path, label)`` pairs in menu order."""
    links = [
        dbc.NavItem(
            dcc.Link(
                label, href=path, id={"type": ids.NAV_LINK, "path": path}, className="nav-link"
            )
        )
        for path, label in pages
    ]
    operation_select = html.Div(
        [
            dbc.Label("Operation", html_for=ids.OPERATION_SELECT, className="visually-hidden"),
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
            dbc.Label("Year", html_for=ids.YEAR_SELECT, className="me-2 mb-0 text-white"),
            dbc.Select(id=ids.YEAR_SELECT, options=[], className="year-select"),
        ],
        className="d-flex align-items-center ms-auto me-2 order-lg-last",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                html.Span(id=ids.NAVBAR_TITLE, className="navbar-brand text-wrap"),
                year_select,
                dbc.NavbarToggler(id="navbar-toggler", n_clicks=0),
                dbc.Collapse(
                    [
                        dbc.Nav(links, navbar=True, className="me-auto"),
                        html.Div(operation_select, className="d-flex py-2"),
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
