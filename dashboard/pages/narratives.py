"""Narratives of the selected year: the year-end report, then the plan, as on the source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import Output, html

from dashboard.components.data_download import data_download
from dashboard.components.narrative_panel import narrative_documents
from dashboard.components.view_cache import page_values
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.i18n import N_, translator
from dashboard.state.view import ViewState
from dashboard.transforms import narratives as tf
from dashboard.wording import narratives as words

PATH = "/narratives"
LABEL = N_("Narratives")


class IDS:
    HEADING = "narratives-heading"
    CONTENT = "narratives-content"


UPDATES: dict[str, Output] = {
    "heading": Output(IDS.HEADING, "children"),
    "content": Output(IDS.CONTENT, "children"),
}


def update(view: ViewState, operations: Sequence[Operation]) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    _ = translator(view.lang)
    narratives = operations[0].narratives
    documents = tf.documents_for(narratives, view.year)
    if documents:
        notes = [
            _("The source has no {document}.").format(document=name)
            for name in words.missing_documents(narratives, view.year, view.lang)
        ]
        content = narrative_documents(documents, notes, view.lang)
    else:
        content = empty_with_year_links(
            _("The source has no year-end report or plan for {year}.").format(year=view.year),
            _("narratives"),
            tf.years_with_narratives(narratives),
            view,
        )
    return {"heading": _("Narratives, {year}").format(year=view.year), "content": content}


def layout(view: ViewState, operations: Sequence[Operation]) -> html.Div:
    _ = translator(view.lang)
    values = page_values(update, view, operations)
    return html.Div(
        [
            html.H1(values["heading"], id=IDS.HEADING, className="h2 mb-2"),
            html.P(
                _(
                    "What the {operation} reports on the selected year, in the source's own "
                    "words: the year-end report, written after the year, and the plan, "
                    "written before it."
                ).format(operation=operations[0].meta.name),
                className="text-body-secondary narrative-intro",
            ),
            data_download("narratives", _("the narratives of the year"), view.lang),
            html.Div(
                values["content"], id=IDS.CONTENT, className="narratives", **{"aria-live": "polite"}
            ),
        ],
        className="narratives-page",
    )
