"""The frame around every page, drawn for one view.

The app's layout is only the URL and an empty frame (``app_layout``): the
page's HTML carries the frame drawn for its address (``shell.index``), and the
URL's callback (``shell.routing``) draws it when the page, operations or
language change.  The
frame (navbar, notices, the page, footer) is drawn whole when the page, the
operations or the language change; a year or filter switch changes only
``IN_PLACE`` in it, and the page's own ``UPDATES``.
"""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Output, dcc, html

from dashboard import ids
from dashboard.components.navbar import navbar, year_select
from dashboard.components.view_cache import Operations
from dashboard.i18n import LANGUAGE_PARAM, LANGUAGES, translator
from dashboard.pages import PAGES, page_for
from dashboard.runtime import Catalogue
from dashboard.shell.frame_sections import (
    all_data_section,
    catalogue_hint,
    client_messages,
    not_found,
    share_section,
    source_language_note,
)
from dashboard.state.view import (
    CATALOGUE_PATH,
    COMPARE_PATH,
    COMPARED_PARAM,
    OPERATION_PARAM,
    ViewState,
    language_param,
    view_search,
)


def app_layout() -> html.Div:
    """The layout Dash serves: the URL, and the frame that its callback draws."""
    return html.Div([dcc.Location(id=ids.URL, refresh=False), html.Div(id=ids.FRAME)])


def frame_key(view: ViewState) -> str:
    """What a drawn frame shows (``data-frame``): the view's page, operations, language."""
    return json.dumps(view.frame, separators=(",", ":"))


def view_key(view: ViewState) -> str:
    """What a drawn part of the frame shows, within the frame ``frame_key``
    names (the ``data-view`` of the document meta, for ``IN_PLACE``, and of the
    page's ``drawn-view``, for its views): the view's year, filters, address
    parameters (the links keep them) and notices."""
    return json.dumps([view.year, view.filters, view.query, view.notices], separators=(",", ":"))


def drawn_view_id(path: str) -> dict[str, str]:
    """The id of the hidden element that says what the page at ``path`` shows
    (``data-view``).  One per page, so that a page's update callback has no
    output in another page's frame (Dash then leaves it alone)."""
    return {"type": ids.DRAWN_VIEW, "page": path}


# What a year or filter switch changes in the frame, besides the page's own views.
IN_PLACE: dict[str, Output] = {
    "year": Output(ids.YEAR_SELECT, "value"),
    "notice": Output(ids.YEAR_NOTICE, "children"),
    "notice_open": Output(ids.YEAR_NOTICE, "is_open"),
    "page_links": Output({"type": ids.NAV_LINK, "path": ALL}, "href"),
    "language_links": Output({"type": ids.LANG_LINK, "lang": ALL}, "href"),
    "footer": Output(ids.PRINT_FOOTER, "children"),
    "title": Output(ids.DOCUMENT_META, "data-title"),
    "shown": Output(ids.DOCUMENT_META, "data-view"),
}


def page_operations(page: ModuleType | None, view: ViewState, catalogue: Catalogue) -> Operations:
    """What ``page`` draws: every loaded operation for a page that says so
    (``ALL_OPERATIONS``), else the view's."""
    if getattr(page, "ALL_OPERATIONS", False):
        return catalogue.operations
    return catalogue.of(view.operation_ids)


def of_many(view: ViewState) -> bool:
    """Whether the view's page is about several operations (the catalogue, the comparison)."""
    return view.path in (CATALOGUE_PATH, COMPARE_PATH)


def page_link(page: ModuleType, view: ViewState) -> str:
    """The menu's link to ``page`` from the view: the comparison starts from the
    view's operation, and a page of one operation from the first compared."""
    if page.PATH == COMPARE_PATH and not of_many(view):
        return page.PATH + view_search(view, **{COMPARED_PARAM: view.operation_id})
    if view.path == COMPARE_PATH and page.PATH != CATALOGUE_PATH:
        return page.PATH + view_search(
            view, **{OPERATION_PARAM: view.operation_id, COMPARED_PARAM: None}
        )
    return page.PATH + view_search(view)


def _about(view: ViewState, catalogue: Catalogue) -> tuple[str, str]:
    """What the view is about and its source, for the title and the printed footer."""
    _ = translator(view.lang)
    if view.path == CATALOGUE_PATH:
        return _("All operations"), _("UNHCR Global Focus")
    if view.path == COMPARE_PATH:
        names = [catalogue.meta(operation_id).name for operation_id in view.operation_ids]
        return ", ".join(names), _("UNHCR Global Focus")
    meta = catalogue.meta(view.operation_id)
    return meta.name, meta.source


def in_place_values(view: ViewState, catalogue: Catalogue) -> dict[str, Any]:
    """The values of ``IN_PLACE`` for the view."""
    _ = translator(view.lang)
    name, source = _about(view, catalogue)
    page = page_for(view.path)
    footer = _("{operation} · {year} · Source: {source}")
    return {
        "year": str(view.year),
        "notice": " ".join(view.notices),
        "notice_open": bool(view.notices),
        "page_links": [page_link(page, view) for page in PAGES],
        "language_links": [
            view.path + view_search(view, **{LANGUAGE_PARAM: language_param(lang)})
            for lang in LANGUAGES
        ],
        "footer": footer.format(operation=name, year=view.year, source=source),
        "title": " · ".join((_(page.LABEL) if page else _("Page not found"), str(view.year), name)),
        "shown": view_key(view),
    }


def frame(view: ViewState, catalogue: Catalogue) -> list:
    """Everything but the URL, drawn for the view."""
    _ = translator(view.lang)
    values = in_place_values(view, catalogue)
    page = page_for(view.path)
    pages = [
        (other.PATH, _(other.LABEL), href, other is page)
        for other, href in zip(PAGES, values["page_links"], strict=True)
    ]
    operations = page_operations(page, view, catalogue)
    years = sorted(
        {year for operation_id in view.operation_ids for year in catalogue.meta(operation_id).years}
    )
    many = of_many(view)
    return [
        html.Div(
            id=ids.DOCUMENT_META,
            hidden=True,
            **{"data-title": values["title"], "data-lang": view.lang, "data-view": values["shown"]},
        ),
        *(
            [html.Div(id=drawn_view_id(page.PATH), hidden=True, **{"data-view": view_key(view)})]
            if page
            else []
        ),
        dcc.Store(id=ids.CLIENT_MESSAGES, data=client_messages(view.lang)),
        html.A(
            _("Skip to content"),
            id=ids.SKIP_LINK,
            href="#" + ids.PAGE_CONTENT,
            className="skip-link",
        ),
        navbar(
            _("UNHCR operations") if many else catalogue.meta(view.operation_id).name,
            pages,
            year_select(years, view.year),
            None if many else [catalogue.meta(op_id).name for op_id in catalogue.ids],
            values["language_links"],
            view.lang,
            year_shown=view.path != CATALOGUE_PATH,
        ),
        dbc.Container(
            [
                dbc.Alert(
                    values["notice"],
                    id=ids.YEAR_NOTICE,
                    color="warning",
                    is_open=values["notice_open"],
                    dismissable=True,
                    className="mt-3",
                ),
                share_section(view.lang),
                None if many else catalogue_hint(view, catalogue),
                source_language_note(view.lang),
                html.Main(
                    page.layout(view, operations) if page else not_found(view),
                    id=ids.PAGE_CONTENT,
                    className="py-3",
                    tabIndex="-1",
                ),
                None if many else all_data_section(view),
            ],
            fluid="xl",
        ),
        html.Footer(values["footer"], id=ids.PRINT_FOOTER, className="print-footer"),
    ]
