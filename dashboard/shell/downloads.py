"""The data downloads beside every chart and table: CSV or Excel of the view's numbers."""

from __future__ import annotations

import dash
from dash import ALL, MATCH, Input, Output, State, ctx, dcc

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import DOWNLOAD, DOWNLOAD_BUTTON
from dashboard.exports.datasets import Dataset, build_dataset
from dashboard.exports.files import to_csv_bytes, to_xlsx_bytes
from dashboard.figures.comparison import MEASURES
from dashboard.i18n import gettext
from dashboard.pages import catalogue as catalogue_page
from dashboard.pages.compare import measure_dataset
from dashboard.state.view import DONOR_PARAM, ViewState, read_view
from dashboard.transforms import contributions
from dashboard.transforms.catalogue import CATALOGUE_COLUMNS
from dashboard.transforms.comparison import (
    COMPARISON_OF_YEAR_COLUMNS,
    chart_columns,
    comparison_by_year,
    comparison_of_year,
)

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
    name = trigger["dataset"]
    if name in DATASETS_OF_MANY:
        dataset, prefix, source = dataset_of_many(name, view, catalogue)
    else:
        operation = catalogue.get(view.operation_id)
        donor_type = view.filter(DONOR_PARAM) or contributions.ALL
        dataset = build_dataset(name, operation, view.year, donor_type)
        prefix, source = operation.meta.id, operation.meta.source
    if trigger["format"] == "csv":
        payload = to_csv_bytes(dataset.frame)
    else:
        sheets, notes = {"data": dataset.frame}, {"data": dataset.columns}
        payload = to_xlsx_bytes(sheets, source, notes, lang=view.lang)
    return dcc.send_bytes(payload, dataset.file_name(prefix, trigger["format"]))


# The datasets of the pages of many operations: the catalogue, the comparison's
# year table and each comparison chart's (by the measure it shows).
CHART_MEASURES = {measure_dataset(measure): measure for measure in MEASURES}
DATASETS_OF_MANY = ("catalogue", "comparison-of-year", *CHART_MEASURES)


def dataset_of_many(
    name: str, view: ViewState, catalogue: runtime.Catalogue
) -> tuple[Dataset, str, str]:
    """Dataset ``name`` of ``DATASETS_OF_MANY`` for the view, the start of its
    file name and its source: the catalogue's rows as filtered and sorted (every
    page of them), or the compared operations' figures."""
    source = gettext(view.lang, "UNHCR Global Focus")
    if name == "catalogue":
        frame = catalogue_page.shown_rows(view, catalogue.operations)
        return Dataset("operations", frame, CATALOGUE_COLUMNS), "all", source
    compared = catalogue.of(view.operation_ids)
    prefix = "compare_" + "_".join(view.operation_ids)
    if name in CHART_MEASURES:
        measure = CHART_MEASURES[name]
        columns = chart_columns(MEASURES[measure].column)
        frame = comparison_by_year(compared)[list(columns)]
        slug = f"{measure.replace('_', '-')}-by-year"
        return Dataset(slug, frame, columns), prefix, source
    frame = comparison_of_year(compared, view.year)
    return Dataset(str(view.year), frame, COMPARISON_OF_YEAR_COLUMNS), prefix, source
