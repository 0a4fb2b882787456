"""Tables of contributions: one row per contribution, and the number per donor.

Both are drawn blocks (``components.markup``): a year switch replaces them
whole, and the year with contributions has some 150 cells.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.scroll_table import scroll_table
from dashboard.i18n import translator


def _header(columns: list[tuple[str, str]]) -> html.Thead:
    return html.Thead(
        html.Tr([html.Th(name, scope="col", className=align or None) for name, align in columns])
    )


def contributions_table(rows: pd.DataFrame, caption: str, lang: str) -> html.Div:
    """Rows from ``wording.contributions.display_rows``: date, donor, type, country."""
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(
                        html.Time(row.date_label, dateTime=row.date.strftime("%Y-%m-%d")),
                        className="text-nowrap",
                    ),
                    html.Th(row.donor, scope="row", className="fw-normal"),
                    html.Td(row.donor_type),
                    html.Td(row.country),
                ]
            )
            for row in rows.itertuples()
        ]
    )
    _ = translator(lang)
    columns = [(_("Date"), ""), (_("Donor"), ""), (_("Donor type"), ""), (_("Country"), "")]
    table = html.Table(
        [html.Caption(caption), _header(columns), body],
        className="table table-sm table-striped contributions-table caption-top mb-0",
    )
    return scroll_table(table, caption)


def donor_counts_table(
    counts: pd.DataFrame, caption: str, lang: str, note: str | None = None
) -> html.Div:
    """Counts from ``wording.contributions.counts_per_donor``, with an optional note."""
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(row.donor, scope="row", className="fw-normal"),
                    html.Td(row.donor_type),
                    html.Td(str(row.contributions), className="text-end"),
                ]
            )
            for row in counts.itertuples()
        ]
    )
    _ = translator(lang)
    columns = [(_("Donor"), ""), (_("Donor type"), ""), (_("Contributions"), "text-end")]
    table = scroll_table(
        html.Table(
            [html.Caption(caption), _header(columns), body],
            className="table table-sm donor-counts-table caption-top mb-0",
        ),
        caption,
    )
    notes = [html.P(note, className="small text-body-secondary mt-2 mb-0")] if note else []
    return html.Div([table, *notes])
