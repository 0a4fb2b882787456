"""Every operation of the data folder in one table: ``/operations``.

One row per operation: its name (a link to its overview), countries, the
years it covers, and for the latest year that has them its budget,
expenditure, execution rate, people of concern and their change on the year
before.  The text and country filters, the sort and the page of rows live in
the URL (``?q=``, ``?country=``, ``?sort=``, ``?page=``) like the year does.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import data_download
from dashboard.components.page_heading import page_heading
from dashboard.components.scroll_table import scroll_table
from dashboard.components.view_cache import page_values
from dashboard.data import LoadedOperations
from dashboard.i18n import LANGUAGE_PARAM, N_, translator
from dashboard.state.view import (
    CATALOGUE_PATH,
    COUNTRY_PARAM,
    OPERATION_PARAM,
    PAGE_PARAM,
    SORT_PARAM,
    TEXT_PARAM,
    ViewState,
    language_param,
    read_view,
    view_search,
)
from dashboard.transforms import catalogue_view as tf
from dashboard.transforms.catalogue import operations_table
from dashboard.wording import catalogue as search
from dashboard.wording.countries import country_name
from dashboard.wording.formatting import format_count, format_percent, format_usd, no_data
from dashboard.wording.people_of_concern import signed_percent

PATH = CATALOGUE_PATH
LABEL = N_("Operations")
# The page shows every loaded operation, not the view's (see ``pages``).
ALL_OPERATIONS = True
callbacks = CallbackSet()
# The country menu's "every country": dbc.Select shows an option valued "" as
# an empty placeholder, and no ISO code is lower case.
EVERY_COUNTRY = "all"


class IDS:
    TEXT = "catalogue-text"
    COUNTRY = "catalogue-country"
    COUNT = "catalogue-count"
    TABLE = "catalogue-table"
    PAGES = "catalogue-pages"


UPDATES: dict[str, Output] = {
    "text": Output(IDS.TEXT, "value"),
    "country": Output(IDS.COUNTRY, "value"),
    "count": Output(IDS.COUNT, "children"),
    "table": Output(IDS.TABLE, "children"),
    "pages": Output(IDS.PAGES, "children"),
}

# Column headings and the ``?sort=`` name of each column, in table order.
COLUMNS = (
    (N_("Operation"), "name"),
    (N_("Countries"), "countries"),
    (N_("Years"), "years"),
    (N_("Budget"), "budget"),
    (N_("Expenditure"), "expenditure"),
    (N_("Execution rate"), "rate"),
    (N_("People of concern"), "people"),
    (N_("Change on the year before"), "change"),
)


def shown_rows(view: ViewState, operations: LoadedOperations) -> pd.DataFrame:
    """Every row the view's filters keep, in its sort order (all pages)."""
    table = operations_table(operations)
    kept = search.filter_operations(
        table, view.filter(TEXT_PARAM), view.filter(COUNTRY_PARAM), view.lang
    )
    return tf.sort_operations(kept, view.filter(SORT_PARAM))


def update(view: ViewState, operations: LoadedOperations) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    _ = translator(view.lang)
    rows = shown_rows(view, operations)
    page = min(int(view.filter(PAGE_PARAM) or 1), tf.page_count(len(rows)))
    if rows.empty:
        table: Any = html.P(
            _("No operation matches these filters."), className="empty-state text-body-secondary"
        )
    else:
        table = _table(tf.page_of(rows, page), view)
    return {
        "text": view.filter(TEXT_PARAM) or "",
        "country": view.filter(COUNTRY_PARAM) or EVERY_COUNTRY,
        "count": _("{shown} of {total} operations").format(
            shown=format_count(len(rows), view.lang), total=format_count(len(operations), view.lang)
        ),
        "table": table,
        "pages": _page_links(view, page, tf.page_count(len(rows))),
    }


def _sort_header(label: str, key: str, view: ViewState) -> html.Th:
    """A column heading that sorts by the column, ascending, then descending."""
    current = view.filter(SORT_PARAM) or tf.DEFAULT_SORT
    state = "ascending" if current == key else "descending" if current == "-" + key else "none"
    following = "-" + key if state == "ascending" else key
    arrow = {"ascending": " ▲", "descending": " ▼", "none": ""}[state]
    href = PATH + view_search(view, **{SORT_PARAM: following, PAGE_PARAM: None})
    return html.Th(
        dcc.Link([label, html.Span(arrow, **{"aria-hidden": "true"})], href=href),
        scope="col",
        **{"aria-sort": state},
    )


def _overview_link(operation_id: str, lang: str) -> str:
    return "/" + view_search(
        None, **{OPERATION_PARAM: operation_id, LANGUAGE_PARAM: language_param(lang)}
    )


def _years(first: Any, last: Any) -> str:
    if pd.isna(first):
        return ""
    return str(first) if first == last else f"{first}–{last}"


def _with_year(text: str, year: Any, lang: str) -> str:
    """A figure and the year it is of: ``USD 1,000 (2020)``; "no data" alone."""
    if text == no_data(lang):
        return text
    return f"{text} ({year})"


def _cells(row: Any, lang: str) -> list[Any]:
    rate = row.execution_rate_percent
    change = row.people_change_percent
    return [
        html.Th(dcc.Link(row.name, href=_overview_link(row.operation_id, lang)), scope="row"),
        ", ".join(country_name(code, lang) for code in tf.codes(row.countries)) or no_data(lang),
        _years(row.first_year, row.last_year),
        _with_year(format_usd(_value(row.budget_usd), lang), row.budget_year, lang),
        _with_year(format_usd(_value(row.expenditure_usd), lang), row.budget_year, lang),
        format_percent(_value(rate), 1, lang),
        _with_year(format_count(_value(row.people_of_concern), lang), row.people_year, lang),
        no_data(lang) if pd.isna(change) else signed_percent(float(change), lang),
    ]


def _value(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


def _table(rows: pd.DataFrame, view: ViewState) -> html.Div:
    _ = translator(view.lang)
    caption = _("Operations, their latest budget year and their latest people of concern")
    body = [
        html.Tr([cell if isinstance(cell, html.Th) else html.Td(cell) for cell in cells])
        for cells in (_cells(row, view.lang) for row in rows.itertuples(index=False))
    ]
    table = html.Table(
        [
            html.Caption(caption, className="visually-hidden"),
            html.Thead(html.Tr([_sort_header(_(label), key, view) for label, key in COLUMNS])),
            html.Tbody(body),
        ],
        className="table table-sm table-hover catalogue-table align-middle",
    )
    return scroll_table(table, caption)


def _page_links(view: ViewState, page: int, pages: int) -> Any:
    """Previous / next links and where the page is, when there is more than one page."""
    if pages == 1:
        return None
    _ = translator(view.lang)

    def link(label: str, target: int) -> Any:
        number = None if target == 1 else target
        href = PATH + view_search(view, **{PAGE_PARAM: number})
        return dcc.Link(label, href=href, className="btn btn-outline-secondary btn-sm")

    return html.Nav(
        [
            link(_("Previous page"), page - 1) if page > 1 else None,
            html.Span(_("Page {page} of {pages}").format(page=page, pages=pages), className="mx-2"),
            link(_("Next page"), page + 1) if page < pages else None,
        ],
        className="d-flex align-items-center gap-2 my-2",
        **{"aria-label": _("Pages of the table")},
    )


def _filters(view: ViewState, operations: LoadedOperations, values: dict[str, Any]) -> html.Div:
    _ = translator(view.lang)
    covered = sorted(
        {code for code in operations_table(operations)["countries"] for code in tf.codes(code)},
        key=lambda code: country_name(code, view.lang),
    )
    return html.Div(
        [
            html.Div(
                [
                    html.Label(_("Find an operation or a country"), htmlFor=IDS.TEXT),
                    dcc.Input(
                        id=IDS.TEXT,
                        type="search",
                        value=values["text"],
                        debounce=True,
                        className="form-control",
                        autoComplete="off",
                    ),
                ],
                className="catalogue-filter",
            ),
            html.Div(
                [
                    html.Label(_("Country"), htmlFor=IDS.COUNTRY),
                    dbc.Select(
                        id=IDS.COUNTRY,
                        options=[{"label": _("Every country"), "value": EVERY_COUNTRY}]
                        + [
                            {"label": country_name(code, view.lang), "value": code}
                            for code in covered
                        ],
                        value=values["country"],
                    ),
                ],
                className="catalogue-filter",
            ),
        ],
        className="catalogue-filters d-flex flex-wrap gap-3 mb-3 no-print",
    )


@callbacks.url_writer(Input(IDS.TEXT, "value"))
def pick_text(text: str | None, search: str | None, pathname: str | None) -> str:
    """Text typed in the filter (sent on Enter or leaving the box) goes to the URL (``?q=``)."""
    return _write_filter(TEXT_PARAM, text, search, pathname)


@callbacks.url_writer(Input(IDS.COUNTRY, "value"))
def pick_country(country: str | None, search: str | None, pathname: str | None) -> str:
    """A country picked (or cleared) goes to the URL (``?country=``)."""
    chosen = None if country == EVERY_COUNTRY else country
    return _write_filter(COUNTRY_PARAM, chosen, search, pathname)


def _write_filter(name: str, value: str | None, search: str | None, pathname: str | None) -> str:
    """The URL with filter ``name`` set to ``value`` (back to the first page);
    nothing when it is the view's already (the widget reports it when drawn)."""
    view = read_view(pathname, search, runtime.catalogue())
    if view.path != PATH or (value or None) == view.filter(name):
        raise PreventUpdate
    return view_search(view, **{name: value or None, PAGE_PARAM: None})


def layout(view: ViewState, operations: LoadedOperations) -> html.Div:
    _ = translator(view.lang)
    values = page_values(update, view, operations)
    return html.Div(
        [
            *page_heading(
                _("Operations"),
                _(
                    "Every operation of this dashboard, with its figures for the latest year "
                    "that has them. Select a name to open the operation; sort by any column."
                ),
            ),
            _filters(view, operations, values),
            html.P(values["count"], id=IDS.COUNT, role="status", className="mb-2"),
            html.Div(values["table"], id=IDS.TABLE),
            html.Div(values["pages"], id=IDS.PAGES),
            data_download("catalogue", _("the operations shown"), view.lang),
        ],
        className="catalogue-page",
    )
