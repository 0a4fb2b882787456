"""The app shell's navbar: operation name, page links, selectors and the language switch.

Drawn for one view: its words in the view's language, the view's year in the
year menu, links that keep the view's address.
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.components.operation_finder import operation_finder
from dashboard.i18n import LANGUAGES, translator


def language_switch(hrefs: Sequence[str], lang: str) -> html.Div:
    """One link per language, each named in its own language."""
    return html.Div(
        [
            dcc.Link(
                html.Span(name, lang=code),
                href=href,
                id={"type": ids.LANG_LINK, "lang": code},
                className="nav-link px-2 active" if code == lang else "nav-link px-2",
            )
            for (code, name), href in zip(LANGUAGES.items(), hrefs, strict=True)
        ],
        role="group",
        className="d-flex language-switch",
        **{"aria-label": "Language / Langue"},
    )


def year_select(years: Sequence[int], year: int) -> dbc.Select:
    """The year menu showing ``year``, newest year first.  A callback writes the
    year picked to the URL; the menu shows the URL's year (``shell.frame``)."""
    return dbc.Select(
        id=ids.YEAR_SELECT,
        options=[{"label": str(option), "value": str(option)} for option in reversed(years)],
        value=str(year),
        className="year-select",
    )


def operation_search(names: Sequence[str], lang: str) -> html.Div:
    """The box that finds another operation by name (``shell.routing.find_operation``);
    hidden with fewer than two."""
    _ = translator(lang)
    return html.Div(
        operation_finder(
            ids.OPERATION_FIND,
            names,
            _("Find an operation"),
            _("Go"),
            label_hidden=True,
            button_color="light",
        ),
        hidden=len(names) < 2,
        className="me-2 navbar-operation-finder",
    )


def navbar(
    title: str,
    pages: Sequence[tuple[str, str, str, bool]],
    year_menu: dbc.Select,
    operation_names: Sequence[str] | None,
    language_hrefs: Sequence[str],
    lang: str,
    *,
    year_shown: bool = True,
) -> dbc.Navbar:
    """``pages``: (path, label, href, active) in menu order; ``operation_names``:
    every operation's name, or None on a page of many operations;
    ``year_shown`` False on a page the year does not change (the catalogue)."""
    _ = translator(lang)
    links = [
        dbc.NavItem(
            dcc.Link(
                label,
                href=href,
                id={"type": ids.NAV_LINK, "path": path},
                className="nav-link active" if active else "nav-link",
            )
        )
        for path, label, href, active in pages
    ]
    finder = None if operation_names is None else operation_search(operation_names, lang)
    year_menu_box = html.Div(
        [
            dbc.Label(
                _("Year"),
                id=ids.YEAR_LABEL,
                html_for=ids.YEAR_SELECT,
                className="me-2 mb-0 text-white",
            ),
            year_menu,
        ],
        # Bootstrap's d-flex would win over a ``hidden`` attribute.
        className="d-flex align-items-center ms-auto me-2 order-xl-last"
        if year_shown
        else "d-none",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                html.Span(
                    title, id=ids.NAVBAR_TITLE, lang="en", className="navbar-brand text-wrap"
                ),
                year_menu_box,
                dbc.NavbarToggler(id=ids.NAVBAR_TOGGLER, n_clicks=0),
                dbc.Collapse(
                    [
                        dbc.Nav(links, navbar=True, className="me-auto"),
                        html.Div(
                            [finder, language_switch(language_hrefs, lang)],
                            className="d-flex py-2",
                        ),
                    ],
                    id=ids.NAVBAR_COLLAPSE,
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        # The links, the operation box and the languages fit on one line from 1200 px;
        # narrower windows open them from the menu button.
        expand="xl",
        className="app-navbar",
    )
