"""The data downloads beside every chart and table: CSV or Excel of the view's numbers."""

from __future__ import annotations

import dash
from dash import ALL, MATCH, Input, Output, State, ctx, dcc

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import DOWNLOAD, DOWNLOAD_BUTTON
from dashboard.exports.files import to_csv_bytes, to_xlsx_bytes
from dashboard.state.view import DONOR_PARAM, read_view
from dashboard.transforms import contributions
from dashboard.transforms.datasets import build_dataset

callbacks = CallbackSet()


@callbacks.callback(
    Output({"type": DOWNLOAD, "dataset": MATCH}, "data"),
    Input({"type": DOWNLOAD_BUTTON, "dataset": MATCH, "format": ALL}, "n_clicks"),
    State(ids.URL, "pathname"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def download_data(clicks: list[int | None], pathname: str | None, search: str | None) -> dict:
    """The numbers of the clicked button's dataset for the URL's view."""
    trigger = ctx.triggered_id
    if not trigger or not any(clicks):
        return dash.no_update
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    operation = catalogue.get(view.operation_id)
    donor_type = view.filter(DONOR_PARAM) or contributions.ALL
    dataset = build_dataset(trigger["dataset"], operation, view.year, donor_type)
    if trigger["format"] == "csv":
        payload = to_csv_bytes(dataset.frame)
    else:
        sheets, notes = {"data": dataset.frame}, {"data": dataset.columns}
        payload = to_xlsx_bytes(sheets, operation.meta.source, notes, lang=view.lang)
    return dcc.send_bytes(payload, dataset.file_name(operation.meta.id, trigger["format"]))
