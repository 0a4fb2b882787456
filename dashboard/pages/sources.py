"""The source pages an operation was built from: report year, SHA-256, what each gave.

The page is the same for every year: it describes the operation's history, not a
year of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlencode

from dash import Output, html

from dashboard.components.scroll_table import scroll_table
from dashboard.data import Operation
from dashboard.data.model import SourcePage
from dashboard.i18n import N_, translator
from dashboard.state.view import LANGUAGE_PARAM, ViewState, language_param
from dashboard.wording.formatting import format_count

PATH = "/sources"
LABEL = N_("Sources")
# The tables counted per source, with their names in the table's header.
COUNTED = {
    "budget": N_("Budget rows"),
    "people_of_concern": N_("People of concern"),
    "key_figures": N_("Key figures"),
    "narratives": N_("Report sections"),
    "contributions": N_("Contributions"),
}


class IDS:
    HEADING = "sources-heading"
    TABLE = "sources-table"
    REVISIONS = "sources-revisions"


UPDATES: dict[str, Output] = {}


def update(view: ViewState, operations: Sequence[Operation]) -> dict[str, Any]:
    """Nothing changes with the year."""
    return {}


def _api(operation: Operation, path: str, lang: str) -> str:
    language = {LANGUAGE_PARAM: lang} if language_param(lang) else {}
    query = f"?{urlencode(language)}" if language else ""
    return f"/api/v1/operations/{operation.meta.id}/{path}{query}"


def _row(operation: Operation, page: SourcePage, lang: str) -> html.Tr:
    _ = translator(lang)
    link = html.A(page.file, href=_api(operation, f"sources/{quote(page.file)}", lang))
    skipped = len(page.skipped)
    return html.Tr(
        [
            html.Th(link, scope="row"),
            html.Td(str(page.report_year)),
            *(html.Td(format_count(page.rows.get(table, 0), lang)) for table in COUNTED),
            html.Td(_("{count} left out").format(count=skipped) if skipped else _("none")),
            html.Td(html.Code(page.sha256, className="sha256")),
        ]
    )


def _revisions(operation: Operation, lang: str) -> html.P:
    _ = translator(lang)
    count = len(operation.revisions)
    if not count:
        return html.P(
            _("No page gives a figure that another page gives otherwise."), id=IDS.REVISIONS
        )
    return html.P(
        [
            _("{count} values of older pages differ from those of newer pages: ").format(
                count=format_count(count, lang)
            ),
            html.A(_("revisions (CSV)"), href=_api(operation, "revisions?format=csv", lang)),
            ".",
        ],
        id=IDS.REVISIONS,
    )


def layout(view: ViewState, operations: Sequence[Operation]) -> html.Div:
    _ = translator(view.lang)
    operation = operations[0]
    header = [
        _("Page"),
        _("Report year"),
        *(_(name) for name in COUNTED.values()),
        _("Blocks left out"),
        _("SHA-256"),
    ]
    table = html.Table(
        [
            html.Caption(_("Rows each page gives, after newer pages have taken precedence")),
            html.Thead(html.Tr([html.Th(name, scope="col") for name in header])),
            html.Tbody([_row(operation, page, view.lang) for page in operation.meta.sources]),
        ],
        id=IDS.TABLE,
        className="table table-sm align-middle",
    )
    return html.Div(
        [
            html.H1(
                _("Sources of the {operation}").format(operation=operation.meta.name),
                id=IDS.HEADING,
                className="h2 mb-2",
            ),
            html.P(
                _(
                    "Every figure of this operation comes from one of these pages of UNHCR "
                    "Global Focus. Where pages give the same figure, the page with the latest "
                    "report year gives it; older pages add the years and items newer pages "
                    "no longer show. Each page can be downloaded as it was imported."
                ),
                className="text-body-secondary",
            ),
            scroll_table(table, _("Source pages")),
            _revisions(operation, view.lang),
        ],
        className="sources-page",
    )
