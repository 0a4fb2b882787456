"""Latest contributions of the selected year: who gave and when, newest first.

The source lists dates and donors, not amounts.  A donor-type filter narrows
both tables; the year comes from the menu bar.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.contribution_table import contributions_table, donor_counts_table
from dashboard.components.data_download import data_download
from dashboard.components.markup import MARKUP, markup
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.i18n import N_, gettext, translator
from dashboard.transforms import contributions as tf
from dashboard.transforms.view_state import read_query, with_params

PATH = "/contributions"
LABEL = N_("Contributions")
callbacks = CallbackSet(PATH)


class IDS:
    URL = "contributions-url"
    HEADING = "contributions-heading"
    TYPE_FILTER = "contributions-type-filter"
    SUMMARY = "contributions-summary"
    TABLE = "contributions-table"
    NO_DATA = "contributions-no-data"
    COUNTS_HEADING = "contributions-counts-heading"
    COUNTS = "contributions-counts"


def _type_filter(value: str, lang: str) -> html.Fieldset:
    _ = translator(lang)
    return html.Fieldset(
        [
            html.Legend(_("Donor type"), className="form-label fs-6 fw-semibold mb-1"),
            dbc.RadioItems(
                id=IDS.TYPE_FILTER,
                options=[{"label": _(label), "value": value} for value, label in tf.TYPE_FILTERS],
                value=value,
                inline=True,
            ),
        ],
        className="contributions-filter mb-3 no-print",
    )


def layout(operation: Operation, lang: str, query: Mapping[str, str] | None = None) -> html.Div:
    _ = translator(lang)
    return html.Div(
        [
            html.H1(_("Latest contributions"), className="h2 mb-2"),
            html.P(
                _(
                    "Contributions to the operation as the source lists them, newest first. "
                    "The source gives the date and the donor, not the amount."
                ),
                className="text-body-secondary",
            ),
            dcc.Location(id=IDS.URL, refresh=False),
            _type_filter(tf.donor_type_from_query(query), lang),
            dbc.Row(
                [
                    dbc.Col(
                        html.Section(
                            [
                                html.H2(id=IDS.HEADING, className="h4"),
                                html.P(id=IDS.SUMMARY, **{"aria-live": "polite"}),
                                html.Div(id=IDS.NO_DATA),
                                html.Div(id=IDS.TABLE),
                                data_download("contributions", _("the contributions listed"), lang),
                            ],
                            **{"aria-labelledby": IDS.HEADING},
                        ),
                        xs=12,
                        lg=7,
                    ),
                    dbc.Col(
                        html.Section(
                            [
                                html.H2(id=IDS.COUNTS_HEADING, className="h4"),
                                html.Div(id=IDS.COUNTS),
                                data_download(
                                    "contributions-per-donor",
                                    _("the contributions per donor"),
                                    lang,
                                ),
                            ],
                            **{"aria-labelledby": IDS.COUNTS_HEADING},
                        ),
                        xs=12,
                        lg=5,
                    ),
                ],
                className="g-4",
            ),
        ],
        className="contributions-page",
    )


@callbacks.callback(
    Output(IDS.URL, "search"),
    Output(IDS.TYPE_FILTER, "value"),
    Input(IDS.URL, "search"),
    Input(IDS.TYPE_FILTER, "value"),
    prevent_initial_call=True,
)
def sync_filter_with_url(search: str | None, donor_type: str) -> tuple:
    """The filter lives in the URL (``?donor=private``), so a copied link keeps it.

    The page has its own ``dcc.Location``: a callback may not take inputs from
    both the shell and a page that is not always in the layout.
    """
    if ctx.triggered_id == IDS.TYPE_FILTER:
        new_search = _with_donor_type(search, donor_type)
        return (new_search if new_search != (search or "") else dash.no_update), dash.no_update
    from_url = tf.donor_type_from_query(read_query(search))
    return dash.no_update, (from_url if from_url != donor_type else dash.no_update)


def _with_donor_type(search: str | None, donor_type: str) -> str:
    """``search`` with the donor filter's ``donor`` parameter (none for all donors)."""
    return with_params(search, **{tf.DONOR_PARAM: None if donor_type == tf.ALL else donor_type})


def _nothing_to_count(year: int, lang: str) -> str:
    return markup(
        html.P(
            gettext(lang, "No contributions to count in {year}.").format(year=year),
            className="empty-state text-body-secondary",
        )
    )


@callbacks.page_view(
    Output(IDS.HEADING, "children"),
    Output(IDS.SUMMARY, "children"),
    Output(IDS.NO_DATA, "children"),
    Output(IDS.TABLE, MARKUP),
    Output(IDS.COUNTS_HEADING, "children"),
    Output(IDS.COUNTS, MARKUP),
    Input(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    Input(IDS.TYPE_FILTER, "value"),
    State(ids.URL, "search"),
    State(ids.LANG, "data"),
)
def show_contributions(
    year: int | None,
    operation_id: str | None,
    donor_type: str | None,
    search: str | None,
    lang: str | None,
) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    _ = translator(lang)
    contributions = runtime.operation(operation_id).contributions
    in_year = tf.contributions_in_year(contributions, year)
    heading = _("Contributions in {year}").format(year=year)
    counts_heading = _("Contributions per donor, {year}").format(year=year)
    if in_year.empty:
        empty = empty_with_year_links(
            _("The source lists no contributions in {year}.").format(year=year),
            _("contributions"),
            tf.years_with_contributions(contributions),
            PATH,
            _with_donor_type(search, donor_type),
            lang,
        )
        return heading, "", empty, markup(None), counts_heading, _nothing_to_count(year, lang)
    shown = tf.filter_by_type(in_year, donor_type)
    which = tf.filter_phrase(donor_type, lang)
    summary = tf.describe_totals(in_year, year, lang)
    if shown.empty:
        message = html.P(
            _("No contributions {which} in {year}.").format(which=which, year=year),
            className="empty-state",
        )
        return (
            heading,
            summary,
            None,
            markup(message),
            counts_heading,
            _nothing_to_count(year, lang),
        )
    counts = tf.counts_per_donor(shown, lang)
    return (
        heading,
        summary,
        None,
        markup(
            contributions_table(
                tf.display_rows(shown, lang),
                _("Contributions {which} in {year}, newest first").format(which=which, year=year),
                lang,
            )
        ),
        counts_heading,
        markup(
            donor_counts_table(
                counts,
                _("Number of contributions per donor in {year}, {which}").format(
                    year=year, which=which
                ),
                lang,
                tf.unnamed_private_note(counts, lang),
            )
        ),
    )
