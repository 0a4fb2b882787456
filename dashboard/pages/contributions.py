"""Latest contributions of the selected year: who gave and when, newest first.

The source lists dates and donors, not amounts.  A donor-type filter narrows
both tables; the year comes from the menu bar.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.contribution_table import contributions_table, donor_counts_table
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.transforms import contributions as tf

PATH = "/contributions"
LABEL = "Contributions"
callbacks = CallbackSet()


class IDS:
    HEADING = "contributions-heading"
    TYPE_FILTER = "contributions-type-filter"
    SUMMARY = "contributions-summary"
    TABLE = "contributions-table"
    COUNTS_HEADING = "contributions-counts-heading"
    COUNTS = "contributions-counts"


def _type_filter() -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend("Donor type", className="form-label fs-6 fw-semibold mb-1"),
            dbc.RadioItems(
                id=IDS.TYPE_FILTER,
                options=[{"label": label, "value": value} for value, label in tf.TYPE_FILTERS],
                value=tf.ALL,
                inline=True,
            ),
        ],
        className="contributions-filter mb-3 no-print",
    )


def layout(operation: Operation) -> html.Div:
    return html.Div(
        [
            html.H1("Latest contributions", className="h2 mb-2"),
            html.P(
                "Contributions to the operation as the source lists them, newest first. "
                "The source gives the date and the donor, not the amount.",
                className="text-body-secondary",
            ),
            _type_filter(),
            dbc.Row(
                [
                    dbc.Col(
                        html.Section(
                            [
                                html.H2(id=IDS.HEADING, className="h4"),
                                html.P(id=IDS.SUMMARY, **{"aria-live": "polite"}),
                                html.Div(id=IDS.TABLE),
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


def _nothing_to_count(year: int) -> html.P:
    return html.P(
        f"No contributions to count in {year}.", className="empty-state text-body-secondary"
    )


@callbacks.callback(
    Output(IDS.HEADING, "children"),
    Output(IDS.SUMMARY, "children"),
    Output(IDS.TABLE, "children"),
    Output(IDS.COUNTS_HEADING, "children"),
    Output(IDS.COUNTS, "children"),
    Input(ids.YEAR, "data"),
    Input(ids.OPERATION, "data"),
    Input(IDS.TYPE_FILTER, "value"),
    Input(ids.URL, "search"),
)
def show_contributions(
    year: int | None, operation_id: str | None, donor_type: str | None, search: str | None
) -> tuple:
    if year is None:
        raise PreventUpdate
    contributions = runtime.operation(operation_id).contributions
    in_year = tf.contributions_in_year(contributions, year)
    heading, counts_heading = f"Contributions in {year}", f"Contributions per donor, {year}"
    if in_year.empty:
        empty = empty_with_year_links(
            f"The source lists no contributions in {year}.",
            "contributions",
            tf.years_with_contributions(contributions),
            PATH,
            search,
        )
        return heading, "", empty, counts_heading, _nothing_to_count(year)
    shown = tf.filter_by_type(in_year, donor_type)
    which = tf.filter_phrase(donor_type)
    if shown.empty:
        message = html.P(f"No contributions {which} in {year}.", className="empty-state")
        summary = tf.describe_totals(in_year, year)
        return heading, summary, message, counts_heading, _nothing_to_count(year)
    counts = tf.counts_per_donor(shown)
    return (
        heading,
        tf.describe_totals(in_year, year),
        contributions_table(
            tf.display_rows(shown), f"Contributions {which} in {year}, newest first"
        ),
        counts_heading,
        donor_counts_table(
            counts,
            f"Number of contributions per donor in {year}, {which}",
            tf.unnamed_private_note(counts),
        ),
    )
