"""The yearly totals a newer source page revised, as sentences under the budget charts."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import N_, translator
from dashboard.wording.formatting import format_usd, format_usd_millions, no_data

MEASURES = {"budget_usd": N_("{year} budget"), "expenditure_usd": N_("{year} expenditure")}


def _amount(value: float, lang: str) -> html.Span:
    if pd.isna(value):
        return html.Span(no_data(lang))
    return html.Span(format_usd_millions(value, lang), title=format_usd(value, lang))


def revisions_list(revised: pd.DataFrame, heading_id: str, lang: str) -> html.Section | None:
    """One line per revised figure (``transforms.revisions.revised_totals`` rows), older page
    first: "2019 budget: USD 5.40 M in the 2019 page, USD 5.52 M in the 2020 page"."""
    if revised.empty:
        return None
    _ = translator(lang)
    names = {measure: _(text) for measure, text in MEASURES.items()}
    items = [
        html.Li(
            [
                # French sets a space before the colon.
                _("{what}:").format(what=names[row.measure].format(year=row.year)),
                " ",
                _amount(row.old_usd, lang),
                " ",
                _("in the {year} page").format(year=row.old_report_year),
                html.Span(f" ({row.old_source})", className="text-body-secondary"),
                ", ",
                _amount(row.new_usd, lang),
                " ",
                _("in the {year} page").format(year=row.new_report_year),
                html.Span(f" ({row.new_source})", className="text-body-secondary"),
            ]
        )
        for row in revised.itertuples()
    ]
    return html.Section(
        [
            html.H2(_("Revised figures"), id=heading_id, className="h5 mt-4"),
            html.P(
                _(
                    "A newer source page gives these figures otherwise; the charts show the "
                    "newer value and mark it with a star."
                ),
                className="text-body-secondary",
            ),
            html.Ul(items, className="revisions-list"),
        ],
        className="revisions",
        **{"aria-labelledby": heading_id},
    )
