"""The frame's fixed parts around a page: the share button, the catalogue
hint, the note on quoted English, the all-data links, the words the browser's
scripts show, and the page-not-found view."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, translator
from dashboard.pages import PAGES
from dashboard.runtime import Catalogue
from dashboard.state.view import (
    CATALOGUE_PATH,
    OPERATION_PARAM,
    ViewState,
    language_param,
    view_search,
)


def catalogue_hint(view: ViewState, catalogue: Catalogue) -> html.P | None:
    """For a page of one operation, when the data holds several and the address
    names none: which one is shown, and where the others are."""
    if len(catalogue.ids) < 2 or dict(view.query).get(OPERATION_PARAM):
        return None
    _ = translator(view.lang)
    return html.P(
        [
            _("This dashboard holds {count} operations; this is {name}.").format(
                count=len(catalogue.ids), name=catalogue.meta(view.operation_id).name
            ),
            " ",
            dcc.Link(
                _("See every operation"),
                href=CATALOGUE_PATH + view_search(view, **{OPERATION_PARAM: None}),
            ),
        ],
        className="small mt-2 mb-0 catalogue-hint no-print",
    )


def client_messages(lang: str) -> dict[str, str]:
    """The words that the browser's own scripts show."""
    _ = translator(lang)
    return {
        "copied": _("Link copied."),
        "copy_failed": _("Could not copy; copy the address bar instead."),
        "not_drawn": _("The chart has not finished drawing; try again."),
        "saved": _("Chart saved as {format}."),
    }


def share_section(lang: str) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.Span(id=ids.COPY_STATUS, role="status", className="small text-body-secondary"),
            html.Button(
                _("Copy link"),
                id=ids.COPY_LINK,
                type="button",
                title=_("Copy a link to this view"),
                className="btn btn-outline-secondary btn-sm",
            ),
        ],
        id=ids.SHARE_SECTION,
        className="d-flex justify-content-end align-items-center gap-2 mt-3 no-print",
        **{"aria-label": _("Share this view")},
    )


def source_language_note(lang: str) -> html.P:
    """Pages quote the source (key-figure sentences, narratives, quotes) in the
    English it is written in; in another language a note says so."""
    _ = translator(lang)
    note = _(
        "Texts quoted from the source (key figures, narratives, quotes) are shown in "
        "English, the language of the source."
    )
    return html.P(
        note,
        id=ids.SOURCE_LANGUAGE_NOTE,
        hidden=lang == DEFAULT_LANGUAGE,
        className="small text-body-secondary source-language-note mt-2 mb-0",
    )


def all_data_section(view: ViewState) -> html.Section:
    """Links to every table of the operation in one file (the data API's bundle);
    the workbook's notes sheet follows the interface language."""
    _ = translator(view.lang)
    base = f"/api/v1/operations/{view.operation_id}/all?"
    language = {LANGUAGE_PARAM: view.lang} if language_param(view.lang) else {}
    return html.Section(
        [
            html.Span(_("All data of this operation:"), id=ids.ALL_DATA_LABEL, className="me-1"),
            html.A(
                _("Excel workbook"),
                id=ids.ALL_DATA_XLSX,
                href=base + urlencode({"format": "xlsx", **language}),
                className="me-2",
            ),
            html.A(
                _("CSV files (ZIP)"),
                id=ids.ALL_DATA_ZIP,
                href=base + urlencode({"format": "zip", **language}),
            ),
        ],
        id=ids.ALL_DATA_SECTION,
        className="small border-top pt-2 pb-4 no-print",
        **{"aria-label": _("Download all data")},
    )


def not_found(view: ViewState) -> html.Div:
    _ = translator(view.lang)
    shown = view.path[:80]
    return html.Div(
        [
            html.H1(_("Page not found"), className="h2"),
            html.P(
                _("There is no page at “{path}”. The dashboard's pages are:").format(path=shown)
            ),
            html.Ul(
                [
                    html.Li(dcc.Link(_(page.LABEL), href=page.PATH + view_search(view)))
                    for page in PAGES
                ]
            ),
        ]
    )
