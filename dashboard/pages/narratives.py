"""Narratives of the selected year: the year-end report, then the plan, as on the source."""

from __future__ import annotations

from collections.abc import Mapping

from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import data_download
from dashboard.components.narrative_panel import narrative_documents
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.transforms import narratives as tf

PATH = "/narratives"
LABEL = "Narratives"
callbacks = CallbackSet()


class IDS:
    HEADING = "narratives-heading"
    CONTENT = "narratives-content"


def layout(operation: Operation, _query: Mapping[str, str] | None = None) -> html.Div:
    return html.Div(
        [
            html.H1("Narratives", id=IDS.HEADING, className="h2 mb-2"),
            html.P(
                f"What the {operation.meta.name} reports on the selected year, in the "
                "source's own words: the year-end report, written after the year, and the "
                "plan, written before it.",
                className="text-body-secondary narrative-intro",
            ),
            data_download("narratives", "the narratives of the year"),
            html.Div(id=IDS.CONTENT, className="narratives", **{"aria-live": "polite"}),
        ],
        className="narratives-page",
    )


@callbacks.callback(
    Output(IDS.HEADING, "children"),
    Output(IDS.CONTENT, "children"),
    Input(ids.YEAR, "data"),
    Input(ids.OPERATION, "data"),
    Input(ids.URL, "search"),
)
def show_narratives(year: int | None, operation_id: str | None, search: str | None) -> tuple:
    if year is None:
        raise PreventUpdate
    narratives = runtime.operation(operation_id).narratives
    documents = tf.documents_for(narratives, year)
    if not documents:
        content = empty_with_year_links(
            f"The source has no year-end report or plan for {year}.",
            "narratives",
            tf.years_with_narratives(narratives),
            PATH,
            search,
        )
    else:
        notes = [f"The source has no {name}." for name in tf.missing_documents(narratives, year)]
        content = narrative_documents(documents, notes)
    return f"Narratives, {year}", content
