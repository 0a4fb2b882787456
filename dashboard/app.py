"""The app shell: ``create_app`` builds the Dash app; ``server`` serves WSGI.

The URL is the state of the view: ``?year=2019&op=<id>``.  One callback keeps
the selectors and the stores (year, operation, language) in step with it, and a
year picked in the menu is written to it, so a copied link reproduces the view
and back/forward restore the previous year.  A first load gets the view already
filled in with the layout (``_layout``), so no callback runs before it shows.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import dash
import dash_bootstrap_components as dbc
import flask
from dash import ALL, MATCH, Input, Output, State, ctx, dcc, html

from dashboard import api, ids, runtime
from dashboard.components.callback_check import check_callbacks
from dashboard.components.callbacks import CallbackSet, fill, matching, of_type
from dashboard.components.chart import add_table_toggle
from dashboard.components.data_download import (
    DOWNLOAD,
    DOWNLOAD_BUTTON,
    IMAGE_BUTTON,
    IMAGE_STATUS,
    SAVE_IMAGE_SCRIPT,
)
from dashboard.components.navbar import navbar
from dashboard.data import Operation
from dashboard.exports.files import to_csv_bytes, to_xlsx_bytes
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, LANGUAGES, translator
from dashboard.pages import PAGES, page_for
from dashboard.paths import assets_dir
from dashboard.server import harden
from dashboard.serving.scripts import PolyfillFreeDash
from dashboard.transforms.datasets import build_dataset
from dashboard.transforms.view_state import (
    query_year,
    read_query,
    requested_location,
    resolve_language,
    resolve_operation,
    resolve_year,
    with_params,
)

# Carries the document's title and language (data-title, data-lang), which
# assets/js/document_meta.js applies: no clientside callback on every year switch.
DOCUMENT_META = "document-meta"
CLIENT_MESSAGES = "client-messages"
COPY_STATUS = "copy-link-status"
callbacks = CallbackSet()
add_table_toggle(callbacks)


def create_app(data_dir: Path | str | None = None) -> dash.Dash:
    """Load and validate the data, then build the app around it."""
    catalogue = runtime.load_catalogue(data_dir)
    app = PolyfillFreeDash(
        __name__,
        assets_folder=str(assets_dir()),
        title="Operation dashboard",
        update_title=None,
        serve_locally=True,
        # Checked once here (``check_callbacks``) rather than in every browser,
        # which would need every page's layout sent inside each page.
        suppress_callback_exceptions=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1).replace(
        "{%css%}", "{%css%}" + _preloads(app.config.requests_pathname_prefix), 1
    )
    runtime.install(app.server, catalogue)
    app.server.register_blueprint(api.blueprint)
    default = catalogue.get(None)
    app.layout = functools.partial(_layout, catalogue.ids)
    callbacks.register(app)
    for page in PAGES:
        page.callbacks.register(app)
    check_callbacks(app, _every_page(catalogue.ids, default))
    harden(app)  # last: the CSP hashes every inline script registered above
    app.server.after_request(_declare_page_language)
    app.server.after_request(_keep_layout_to_its_page)
    return app


def _every_page(operation_ids: list[str], operation: Operation) -> html.Div:
    """The shell with every page in it, as ``route`` renders them: what every
    callback's components are checked against."""
    year = operation.meta.report_year
    return html.Div(
        [
            _shell(operation_ids),
            *(page.layout(operation, DEFAULT_LANGUAGE) for page in PAGES),
            *(store for page in PAGES for store in page.callbacks.year_shown(year)),
        ]
    )


# dcc.Graph's code, which its bundle fetches only when the first graph mounts
# (and, having no fingerprint in its URL, asks the server again on every load).
GRAPH_CHUNK = "_dash-component-suites/dash/dcc/async-graph.js"


def _preloads(prefix: str) -> str:
    """Links that start, with the page, the requests Dash makes only once its
    scripts have loaded and run: the layout and the callbacks' list, which the
    renderer fetches (``as="fetch"`` and ``crossorigin="anonymous"`` match its
    same-origin ``fetch``), and the graphs' code."""
    fetches = "".join(
        f'\n<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin="anonymous">'
        for name in ("_dash-layout", "_dash-dependencies")
    )
    return fetches + f'\n<link rel="preload" href="{prefix}{GRAPH_CHUNK}" as="script">'


def _declare_page_language(response: flask.Response) -> flask.Response:
    """Serve the page with ``<html lang>`` of its ``?lang=``, before any script runs.

    Registered after compression so that it runs first, on the plain HTML.
    """
    lang = flask.request.args.get(LANGUAGE_PARAM)
    if lang in LANGUAGES and lang != DEFAULT_LANGUAGE and response.mimetype == "text/html":
        html_text = response.get_data(as_text=True)
        response.set_data(html_text.replace('<html lang="en">', f'<html lang="{lang}">', 1))
    return response


def _keep_layout_to_its_page(response: flask.Response) -> flask.Response:
    """The layout is filled in for the page that asks (``_layout``): no cache may
    hand one page's layout to another."""
    if flask.request.path.endswith("/_dash-layout"):
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Referer")
    return response


def _layout(operation_ids: list[str]) -> html.Div:
    """The shell and, when the request says which page asks, that page's view.

    Dash's renderer fetches the layout from the page, so the request's Referer
    is the page's address (``serving.headers`` sets a same-origin
    Referrer-Policy).  The layout then comes as the callbacks would leave it,
    its charts drawn at once, with no callback run first.  Without a Referer
    (an extension may drop it) the shell comes empty, its ``dcc.Location``
    finds no address and sets one, and that starts the callbacks instead.
    """
    shell = _shell(operation_ids)
    if not flask.has_request_context():  # Dash checks the layout when it is set
        return shell
    location = requested_location(flask.request.referrer, flask.request.host)
    if location is not None:
        _fill_view(shell, *location)
    return shell


def _fill_view(shell: html.Div, pathname: str, search: str, href: str) -> None:
    """Fill ``shell`` in place with the view at ``pathname`` and ``search``."""
    link_ids = [link.id for link in matching(shell, {"type": ids.NAV_LINK, "path": ALL})]
    lang_ids = [link.id for link in matching(shell, {"type": ids.LANG_LINK, "lang": ALL})]
    view = resolve_view(search, search, pathname, None, None, link_ids, lang_ids)
    fill(
        shell,
        (
            *VIEW_OUTPUTS,
            *SHELL_TEXT_OUTPUTS,
            *ALL_DATA_OUTPUTS,
            Output(ids.YEAR, "data"),
            Output(ids.YEAR_SELECT, "value"),
            Output(ids.PAGE_CONTENT, "children"),
        ),
        (
            *view.outputs,
            *translate_shell(view.lang, link_ids),
            *link_all_data(view.operation_id, view.lang),
            view.year,
            str(view.year),
            route(pathname, view.operation_id, view.lang, search),
        ),
    )
    # Every address property set, so no dcc.Location (the shell's, a page's own)
    # finds anything to report when it mounts: a report would start callbacks.
    for location in of_type(shell, dcc.Location):
        location.pathname, location.search, location.href, location.hash = (
            pathname,
            search,
            href,
            "",
        )


def _shell(operation_ids: list[str]) -> html.Div:
    """The frame around every page; ``translate_shell`` fills in its words."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.YEAR),
            dcc.Store(id=ids.OPERATION),
            dcc.Store(id=ids.LANG),
            html.Div(id=DOCUMENT_META, hidden=True),
            dcc.Store(id=CLIENT_MESSAGES),
            html.A(id=ids.SKIP_LINK, href="#" + ids.PAGE_CONTENT, className="skip-link"),
            navbar([page.PATH for page in PAGES], operation_ids),
            dbc.Container(
                [
                    dbc.Alert(
                        id=ids.YEAR_NOTICE,
                        color="warning",
                        is_open=False,
                        dismissable=True,
                        className="mt-3",
                    ),
                    html.Section(
                        [
                            html.Span(
                                id=COPY_STATUS, role="status", className="small text-body-secondary"
                            ),
                            html.Button(
                                id=ids.COPY_LINK,
                                type="button",
                                className="btn btn-outline-secondary btn-sm",
                            ),
                        ],
                        id=ids.SHARE_SECTION,
                        className="d-flex justify-content-end align-items-center gap-2 mt-3"
                        " no-print",
                    ),
                    html.P(
                        id=ids.SOURCE_LANGUAGE_NOTE,
                        hidden=True,
                        className="small text-body-secondary source-language-note mt-2 mb-0",
                    ),
                    html.Main(id=ids.PAGE_CONTENT, className="py-3", tabIndex="-1"),
                    html.Section(
                        [
                            html.Span(id=ids.ALL_DATA_LABEL, className="me-1"),
                            html.A(id=ids.ALL_DATA_XLSX, className="me-2"),
                            html.A(id=ids.ALL_DATA_ZIP),
                        ],
                        id=ids.ALL_DATA_SECTION,
                        className="small border-top pt-2 pb-4 no-print",
                    ),
                ],
                fluid="xl",
            ),
            html.Footer(id=ids.PRINT_FOOTER, className="print-footer"),
        ]
    )


SHELL_TEXT_OUTPUTS = (
    Output(ids.SKIP_LINK, "children"),
    Output(ids.YEAR_LABEL, "children"),
    Output(ids.OPERATION_LABEL, "children"),
    Output({"type": ids.NAV_LINK, "path": ALL}, "children"),
    Output(ids.SHARE_SECTION, "aria-label"),
    Output(ids.COPY_LINK, "children"),
    Output(ids.COPY_LINK, "title"),
    Output(ids.ALL_DATA_SECTION, "aria-label"),
    Output(ids.ALL_DATA_LABEL, "children"),
    Output(ids.ALL_DATA_XLSX, "children"),
    Output(ids.ALL_DATA_ZIP, "children"),
    Output(CLIENT_MESSAGES, "data"),
    Output(ids.SOURCE_LANGUAGE_NOTE, "children"),
    Output(ids.SOURCE_LANGUAGE_NOTE, "hidden"),
)


@callbacks.callback(
    *SHELL_TEXT_OUTPUTS,
    Input(ids.LANG, "data"),
    State({"type": ids.NAV_LINK, "path": ALL}, "id"),
    prevent_initial_call=True,
)
def translate_shell(lang: str | None, link_ids: list[dict]) -> tuple:
    """The shell's words in the interface language.

    Pages quote the source (key-figure sentences, narratives, quotes) in the
    English it is written in; in another language a note says so.
    """
    lang = lang or DEFAULT_LANGUAGE
    _ = translator(lang)
    labels = {page.PATH: _(page.LABEL) for page in PAGES}
    return (
        _("Skip to content"),
        _("Year"),
        _("Operation"),
        [labels[link["path"]] for link in link_ids],
        _("Share this view"),
        _("Copy link"),
        _("Copy a link to this view"),
        _("Download all data"),
        _("All data of this operation:"),
        _("Excel workbook"),
        _("CSV files (ZIP)"),
        {
            "copied": _("Link copied."),
            "copy_failed": _("Could not copy; copy the address bar instead."),
            "not_drawn": _("The chart has not finished drawing; try again."),
            "saved": _("Chart saved as {format}."),
        },
        _(
            "Texts quoted from the source (key figures, narratives, quotes) are shown in "
            "English, the language of the source."
        ),
        lang == DEFAULT_LANGUAGE,
    )


VIEW_OUTPUTS = (
    Output(ids.URL, "search"),
    Output(ids.OPERATION_SELECT, "value"),
    Output(ids.YEAR_SELECT, "options"),
    Output(ids.OPERATION, "data"),
    Output(ids.LANG, "data"),
    Output(ids.YEAR_NOTICE, "children"),
    Output(ids.YEAR_NOTICE, "is_open"),
    Output(ids.NAVBAR_TITLE, "children"),
    Output(ids.PRINT_FOOTER, "children"),
    Output(DOCUMENT_META, "data-title"),
    Output(DOCUMENT_META, "data-lang"),
    Output({"type": ids.NAV_LINK, "path": ALL}, "href"),
    Output({"type": ids.NAV_LINK, "path": ALL}, "className"),
    Output({"type": ids.LANG_LINK, "lang": ALL}, "href"),
    Output({"type": ids.LANG_LINK, "lang": ALL}, "className"),
)


class View(NamedTuple):
    """The view a URL asks for, and ``VIEW_OUTPUTS``' values for it."""

    year: int
    operation_id: str
    lang: str
    outputs: tuple


@callbacks.callback(
    *VIEW_OUTPUTS,
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
    Input(ids.OPERATION_SELECT, "value"),
    State(ids.OPERATION, "data"),
    State(ids.YEAR, "data"),
    State(ids.LANG, "data"),
    State({"type": ids.NAV_LINK, "path": ALL}, "id"),
    State({"type": ids.LANG_LINK, "lang": ALL}, "id"),
    prevent_initial_call=True,
)
def sync_view(
    search: str | None,
    pathname: str | None,
    selected_operation: str | None,
    current_operation: str | None,
    current_year: int | None,
    current_lang: str | None,
    link_ids: list[dict],
    lang_ids: list[dict],
) -> tuple:
    """Keep selectors, stores and links in step with the URL, or the URL with the
    operation menu.  One callback rather than several, because every callback the
    browser runs costs Dash's renderer a few passes over the whole page.

    The year store and menu are set with ``set_props``, not declared outputs, and
    only when the year changes: Dash would otherwise hold back every callback that
    reads the year (the page's charts) until this one answers, on each year pick.
    """
    new_search = search or ""
    if ctx.triggered_id == ids.OPERATION_SELECT and selected_operation:
        default_id = runtime.catalogue().default_id
        chosen = None if selected_operation == default_id else selected_operation
        new_search = with_params(new_search, op=chosen, year=None)
    view = resolve_view(
        search or "", new_search, pathname, current_operation, current_lang, link_ids, lang_ids
    )
    if view.year != current_year:
        dash.set_props(ids.YEAR, {"data": view.year})
        dash.set_props(ids.YEAR_SELECT, {"value": str(view.year)})
    return view.outputs


def resolve_view(
    search: str,
    new_search: str,
    pathname: str | None,
    current_operation: str | None,
    current_lang: str | None,
    link_ids: list[dict],
    lang_ids: list[dict],
) -> View:
    """The view of ``new_search`` at ``pathname``, the browser being at ``search``
    and showing ``current_operation`` in ``current_lang`` (None: nothing yet)."""
    catalogue = runtime.catalogue()
    query = read_query(new_search)
    lang, lang_notice = resolve_language(query.get(LANGUAGE_PARAM))
    operation_id, operation_notice = resolve_operation(
        query.get("op"), catalogue.ids, catalogue.default_id, lang
    )
    meta = catalogue.get(operation_id).meta
    year, year_notice = resolve_year(query.get("year"), meta.years, meta.report_year, lang)
    notices = [notice for notice in (lang_notice, operation_notice, year_notice) if notice]
    page = page_for(pathname)
    _ = translator(lang)
    # What only an operation or language change alters is sent only then: every
    # output sent makes the browser re-render, and a year switch is the common case.
    same_frame = operation_id == current_operation and lang == current_lang
    outputs = (
        new_search if new_search != search else dash.no_update,
        dash.no_update if same_frame else operation_id,
        dash.no_update
        if same_frame
        else [{"label": str(y), "value": str(y)} for y in reversed(meta.years)],
        operation_id if operation_id != current_operation else dash.no_update,
        lang if lang != current_lang else dash.no_update,
        " ".join(notices),
        bool(notices),
        dash.no_update if same_frame else meta.name,
        _("{operation} · {year} · Source: {source}").format(
            operation=meta.name, year=year, source=meta.source
        ),
        " · ".join((_(page.LABEL) if page else _("Page not found"), str(year), meta.name)),
        lang,
        *_links(new_search, pathname or "/", lang, link_ids, lang_ids),
    )
    return View(year, operation_id, lang, outputs)


# A year picked in the menu goes straight to the year store and the URL, in the
# browser.  The page's year views read the menu itself; the store's readers
# (downloads, the country panel, contributions, narratives) get the year here
# without a round trip.  Dash holds back a callback while any running callback
# could still change one of its inputs, so ``sync_view``, which the new URL
# starts, declares no output that those callbacks read: it runs alongside them
# for the links, footer, title and notices.
callbacks.clientside(
    """
    function(value, _shown, year, search) {
        const noUpdate = window.dash_clientside.no_update;
        const picked = parseInt(value, 10);
        if (!value || picked === year) {
            return [noUpdate, noUpdate];
        }
        const params = new URLSearchParams(search || "");
        params.set("year", String(picked));
        return [picked, "?" + params.toString()];
    }
    """,
    Output(ids.YEAR, "data"),
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.YEAR_SELECT, "value"),
    Input({"type": ids.YEAR_SHOWN, "set": ALL}, "data"),
    State(ids.YEAR, "data"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)


@callbacks.callback(
    Output(ids.PAGE_CONTENT, "children"),
    Input(ids.URL, "pathname"),
    Input(ids.OPERATION, "data"),
    Input(ids.LANG, "data"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def route(
    pathname: str | None, operation_id: str | None, lang: str | None, search: str | None
) -> list:
    """Render the page of the path, its year's figures and text already filled in;
    the query sets its filters' starting values and its year (as ``sync_view``
    resolves it)."""
    operation = runtime.operation(operation_id)
    lang = lang or DEFAULT_LANGUAGE
    page = page_for(pathname)
    if page is None:
        return [_not_found(pathname, search, lang)]
    query = read_query(search)
    meta = operation.meta
    year = query_year(query, meta.years, meta.report_year)
    content = page.layout(operation, lang, query)
    page.callbacks.prefill(content, year, meta.id, lang, search or "")
    return [content, *page.callbacks.year_shown(year)]


def _not_found(pathname: str | None, search: str | None, lang: str) -> html.Div:
    _ = translator(lang)
    shown = (pathname or "")[:80]
    return html.Div(
        [
            html.H1(_("Page not found"), className="h2"),
            html.P(
                _("There is no page at “{path}”. The dashboard's pages are:").format(path=shown)
            ),
            html.Ul(
                [
                    html.Li(dcc.Link(_(page.LABEL), href=page.PATH + (search or "")))
                    for page in PAGES
                ]
            ),
        ]
    )


def _links(
    search: str, path: str, lang: str, link_ids: list[dict], lang_ids: list[dict]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Page links carry the current query, so year and language persist across pages.

    The language links keep the page and its filters and change only ``lang``.
    """
    hrefs = [link["path"] + search for link in link_ids]
    classes = ["nav-link active" if link["path"] == path else "nav-link" for link in link_ids]
    lang_hrefs = [
        path + with_params(search, **{LANGUAGE_PARAM: _lang_param(link["lang"])})
        for link in lang_ids
    ]
    lang_classes = [
        "nav-link px-2 active" if link["lang"] == lang else "nav-link px-2" for link in lang_ids
    ]
    return hrefs, classes, lang_hrefs, lang_classes


def _lang_param(lang: str) -> str | None:
    """The ``lang`` URL value: none for the default language, so plain links stay short."""
    return None if lang == DEFAULT_LANGUAGE else lang


@callbacks.callback(
    Output({"type": DOWNLOAD, "dataset": MATCH}, "data"),
    Input({"type": DOWNLOAD_BUTTON, "dataset": MATCH, "format": ALL}, "n_clicks"),
    State(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    State(ids.LANG, "data"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def download_data(
    _clicks: list[int | None], year: int, operation_id: str, lang: str | None, search: str | None
) -> dict:
    """The numbers of the clicked button's dataset for the current selection."""
    trigger = ctx.triggered_id
    if not trigger or not any(_clicks):
        return dash.no_update
    operation = runtime.operation(operation_id)
    dataset = build_dataset(trigger["dataset"], operation, year, read_query(search))
    if trigger["format"] == "csv":
        payload = to_csv_bytes(dataset.frame)
    else:
        payload = to_xlsx_bytes(
            {"data": dataset.frame},
            operation.meta.source,
            {"data": dataset.columns},
            lang=lang or DEFAULT_LANGUAGE,
        )
    return dcc.send_bytes(payload, dataset.file_name(operation.meta.id, trigger["format"]))


callbacks.clientside(
    SAVE_IMAGE_SCRIPT,
    Output({"type": IMAGE_STATUS, "graph": MATCH}, "children"),
    Input({"type": IMAGE_BUTTON, "graph": MATCH, "format": ALL}, "n_clicks"),
    State(CLIENT_MESSAGES, "data"),
    State(ids.YEAR, "data"),
    prevent_initial_call=True,
)


callbacks.clientside(
    """
    async function(clicks, messages) {
        if (!clicks) {
            return window.dash_clientside.no_update;
        }
        try {
            await navigator.clipboard.writeText(window.location.href);
            return messages.copied;
        } catch (error) {
            return messages.copy_failed;
        }
    }
    """,
    Output(COPY_STATUS, "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    State(CLIENT_MESSAGES, "data"),
    prevent_initial_call=True,
)


ALL_DATA_OUTPUTS = (Output(ids.ALL_DATA_XLSX, "href"), Output(ids.ALL_DATA_ZIP, "href"))


@callbacks.callback(
    *ALL_DATA_OUTPUTS,
    Input(ids.OPERATION, "data"),
    Input(ids.LANG, "data"),
    prevent_initial_call=True,
)
def link_all_data(operation_id: str | None, lang: str | None) -> tuple[str, str]:
    """Links to every table of the operation in one file (the data API's bundle).

    The workbook's notes sheet follows the interface language.
    """
    base = f"/api/v1/operations/{runtime.operation(operation_id).meta.id}/all"
    language = _lang_param(lang or DEFAULT_LANGUAGE)
    return tuple(
        base + with_params(None, format=file_format, **{LANGUAGE_PARAM: language})
        for file_format in ("xlsx", "zip")
    )


@callbacks.callback(
    Output("navbar-collapse", "is_open"),
    Input("navbar-toggler", "n_clicks"),
    State("navbar-collapse", "is_open"),
    prevent_initial_call=True,
)
def toggle_navbar(_clicks: int, is_open: bool) -> bool:
    return not is_open
