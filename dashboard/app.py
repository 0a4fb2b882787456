"""The app shell: ``create_app`` builds the Dash app; ``server`` serves WSGI.

The URL is the state of the view: ``?year=2019&op=<id>``.  One callback keeps
the URL, the selectors and two stores (year, operation) in step, so a copied
link reproduces the view and back/forward restore the previous year.
"""

from __future__ import annotations

from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, State, ctx, dcc, html

from dashboard import api, ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import add_table_toggle
from dashboard.components.data_download import (
    DOWNLOAD,
    DOWNLOAD_BUTTON,
    IMAGE_BUTTON,
    IMAGE_STATUS,
    SAVE_IMAGE_SCRIPT,
)
from dashboard.components.navbar import navbar
from dashboard.exports.files import to_csv_bytes, to_xlsx_bytes
from dashboard.pages import PAGES, page_for
from dashboard.paths import assets_dir
from dashboard.server import harden
from dashboard.transforms.datasets import build_dataset
from dashboard.transforms.view_state import (
    read_query,
    resolve_operation,
    resolve_year,
    with_params,
)

PAGE_TITLE = "page-title"
COPY_STATUS = "copy-link-status"
callbacks = CallbackSet()
add_table_toggle(callbacks)


def create_app(data_dir: Path | str | None = None) -> dash.Dash:
    """Load and validate the data, then build the app around it."""
    catalogue = runtime.load_catalogue(data_dir)
    app = dash.Dash(
        __name__,
        assets_folder=str(assets_dir()),
        title="Operation dashboard",
        update_title=None,
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    runtime.install(app.server, catalogue)
    app.server.register_blueprint(api.blueprint)
    default = catalogue.get(None)
    app.layout = _shell(catalogue.ids)
    callbacks.register(app)
    for page in PAGES:
        page.callbacks.register(app)
    app.validation_layout = html.Div(
        [_shell(catalogue.ids), *(page.layout(default) for page in PAGES)]
    )
    harden(app)  # last: the CSP hashes every inline script registered above
    return app


def _shell(operation_ids: list[str]) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.YEAR),
            dcc.Store(id=ids.OPERATION),
            dcc.Store(id=PAGE_TITLE),
            html.A("Skip to content", href="#" + ids.PAGE_CONTENT, className="skip-link"),
            navbar([(page.PATH, page.LABEL) for page in PAGES], operation_ids),
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
                                "Copy link",
                                id=ids.COPY_LINK,
                                type="button",
                                title="Copy a link to this view",
                                className="btn btn-outline-secondary btn-sm",
                            ),
                        ],
                        className="d-flex justify-content-end align-items-center gap-2 mt-3"
                        " no-print",
                        **{"aria-label": "Share this view"},
                    ),
                    html.Main(id=ids.PAGE_CONTENT, className="py-3", tabIndex="-1"),
                    html.Section(
                        [
                            html.Span("All data of this operation: ", className="me-1"),
                            html.A("Excel workbook", id=ids.ALL_DATA_XLSX, className="me-2"),
                            html.A("CSV files (ZIP)", id=ids.ALL_DATA_ZIP),
                        ],
                        className="small border-top pt-2 pb-4 no-print",
                        **{"aria-label": "Download all data"},
                    ),
                ],
                fluid="xl",
            ),
            html.Footer(id=ids.PRINT_FOOTER, className="print-footer"),
        ]
    )


@callbacks.callback(
    Output(ids.URL, "search"),
    Output(ids.OPERATION_SELECT, "value"),
    Output(ids.YEAR_SELECT, "options"),
    Output(ids.YEAR_SELECT, "value"),
    Output(ids.OPERATION, "data"),
    Output(ids.YEAR, "data"),
    Output(ids.YEAR_NOTICE, "children"),
    Output(ids.YEAR_NOTICE, "is_open"),
    Output(ids.NAVBAR_TITLE, "children"),
    Output(ids.PRINT_FOOTER, "children"),
    Input(ids.URL, "search"),
    Input(ids.YEAR_SELECT, "value"),
    Input(ids.OPERATION_SELECT, "value"),
    State(ids.OPERATION, "data"),
    State(ids.YEAR, "data"),
)
def sync_view(
    search: str | None,
    selected_year: str | None,
    selected_operation: str | None,
    current_operation: str | None,
    current_year: int | None,
) -> tuple:
    """Keep URL, selectors and stores in step; the URL wins unless a selector moved."""
    catalogue = runtime.catalogue()
    new_search = search or ""
    if ctx.triggered_id == ids.YEAR_SELECT and selected_year:
        new_search = with_params(new_search, year=selected_year)
    elif ctx.triggered_id == ids.OPERATION_SELECT and selected_operation:
        chosen = None if selected_operation == catalogue.default_id else selected_operation
        new_search = with_params(new_search, op=chosen, year=None)
    query = read_query(new_search)
    operation_id, operation_notice = resolve_operation(
        query.get("op"), catalogue.ids, catalogue.default_id
    )
    meta = catalogue.get(operation_id).meta
    year, year_notice = resolve_year(query.get("year"), meta.years, meta.report_year)
    notices = [notice for notice in (operation_notice, year_notice) if notice]
    return (
        new_search if new_search != (search or "") else dash.no_update,
        operation_id,
        [{"label": str(y), "value": str(y)} for y in reversed(meta.years)],
        str(year),
        operation_id if operation_id != current_operation else dash.no_update,
        year if year != current_year else dash.no_update,
        " ".join(notices),
        bool(notices),
        meta.name,
        f"{meta.name} · {year} · Source: {meta.source}",
    )


@callbacks.callback(
    Output(ids.PAGE_CONTENT, "children"),
    Output(PAGE_TITLE, "data"),
    Input(ids.URL, "pathname"),
    Input(ids.OPERATION, "data"),
    State(ids.URL, "search"),
)
def route(pathname: str | None, operation_id: str | None, search: str | None) -> tuple:
    """Render the page of the path; the query sets its filters' starting values."""
    operation = runtime.operation(operation_id)
    page = page_for(pathname)
    if page is None:
        return _not_found(pathname), "Page not found"
    return page.layout(operation, read_query(search)), page.LABEL


def _not_found(pathname: str | None) -> html.Div:
    shown = (pathname or "")[:80]
    return html.Div(
        [
            html.H1("Page not found", className="h2"),
            html.P(f"There is no page at “{shown}”. The dashboard's pages are:"),
            html.Ul([html.Li(dcc.Link(page.LABEL, href=page.PATH)) for page in PAGES]),
        ]
    )


@callbacks.callback(
    Output({"type": ids.NAV_LINK, "path": ALL}, "href"),
    Output({"type": ids.NAV_LINK, "path": ALL}, "className"),
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
    State({"type": ids.NAV_LINK, "path": ALL}, "id"),
)
def keep_query_in_links(
    search: str | None, pathname: str | None, link_ids: list[dict]
) -> tuple[list[str], list[str]]:
    """Page links carry the current query, so the year persists across pages."""
    hrefs = [link["path"] + (search or "") for link in link_ids]
    classes = [
        "nav-link active" if link["path"] == (pathname or "/") else "nav-link" for link in link_ids
    ]
    return hrefs, classes


@callbacks.callback(
    Output({"type": DOWNLOAD, "dataset": MATCH}, "data"),
    Input({"type": DOWNLOAD_BUTTON, "dataset": MATCH, "format": ALL}, "n_clicks"),
    State(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def download_data(
    _clicks: list[int | None], year: int, operation_id: str, search: str | None
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
            {"data": dataset.frame}, operation.meta.source, {"data": dataset.columns}
        )
    return dcc.send_bytes(payload, dataset.file_name(operation.meta.id, trigger["format"]))


callbacks.clientside(
    SAVE_IMAGE_SCRIPT,
    Output({"type": IMAGE_STATUS, "graph": MATCH}, "children"),
    Input({"type": IMAGE_BUTTON, "graph": MATCH, "format": ALL}, "n_clicks"),
    prevent_initial_call=True,
)


callbacks.clientside(
    """
    async function(clicks) {
        if (!clicks) {
            return window.dash_clientside.no_update;
        }
        try {
            await navigator.clipboard.writeText(window.location.href);
            return "Link copied.";
        } catch (error) {
            return "Could not copy; copy the address bar instead.";
        }
    }
    """,
    Output(COPY_STATUS, "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    prevent_initial_call=True,
)


@callbacks.callback(
    Output(ids.ALL_DATA_XLSX, "href"),
    Output(ids.ALL_DATA_ZIP, "href"),
    Input(ids.OPERATION, "data"),
)
def link_all_data(operation_id: str | None) -> tuple[str, str]:
    """Links to every table of the operation in one file (the data API's bundle)."""
    base = f"/api/v1/operations/{runtime.operation(operation_id).meta.id}/all"
    return f"{base}?format=xlsx", f"{base}?format=zip"


@callbacks.callback(
    Output("navbar-collapse", "is_open"),
    Input("navbar-toggler", "n_clicks"),
    State("navbar-collapse", "is_open"),
    prevent_initial_call=True,
)
def toggle_navbar(_clicks: int, is_open: bool) -> bool:
    return not is_open


callbacks.clientside(
    """
    function(pageTitle, year, operationName) {
        const parts = [pageTitle, year, operationName].filter(Boolean);
        document.title = parts.join(" · ");
        return window.dash_clientside.no_update;
    }
    """,
    Output(PAGE_TITLE, "id"),
    Input(PAGE_TITLE, "data"),
    Input(ids.YEAR, "data"),
    Input(ids.NAVBAR_TITLE, "children"),
)
