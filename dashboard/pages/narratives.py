"""Narratives of the selected year: the year-end report, then the plan, as on the source."""

from __future__ import annotations

from collections.abc import Mapping

from dash import Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import data_download
from dashboard.components.narrative_panel import narrative_documents
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.i18n import N_, translator
from dashboard.transforms import narratives as tf

PATH = "/narratives"
LABEL = N_("Narratives")
callbacks = CallbackSet(PATH)


class IDS:
    HEADING = "narratives-heading"
    CONTENT = "narratives-content"


def layout(operation: Operation, lang: str, _query: Mapping[str, str] | None = None) -> html.Div:
    _ = translator(lang)
    return html.Div(
        [
            html.H1(_("Narratives"), id=IDS.HEADING, className="h2 mb-2"),
            html.P(
                _(
                    "What the {operation} reports on the selected year, in the source's own "
                    "words: the year-end report, written after the year, and the plan, "
                    "written before it."
                ).format(operation=operation.meta.name),
                className="text-body-secondary narrative-intro",
            ),
            data_download("narratives", _("the narratives of the year"), lang),
            html.Div(id=IDS.CONTENT, className="narratives", **{"aria-live": "polite"}),
        ],
        className="narratives-page",
    )


@callbacks.page_view(
    Output(IDS.HEADING, "children"),
    Output(IDS.CONTENT, "children"),
    Input(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    State(ids.URL, "search"),
    State(ids.LANG, "data"),
)
def show_narratives(
    year: int | None, operation_id: str | None, search: str | None, lang: str | None
) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    _ = translator(lang)
    narratives = runtime.operation(operation_id).narratives
    documents = tf.documents_for(narratives, year)
    if not documents:
        content = empty_with_year_links(
            _("The source has no year-end report or plan for {year}.").format(year=year),
            _("narratives"),
            tf.years_with_narratives(narratives),
            PATH,
            search,
            lang,
        )
    else:
        notes = [
            _("The source has no {document}.").format(document=name)
            for name in tf.missing_documents(narratives, year, lang)
        ]
        content = narrative_documents(documents, notes, lang)
    return _("Narratives, {year}").format(year=year), content
