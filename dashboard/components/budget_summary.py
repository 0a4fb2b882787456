"""The selected year's budget in words: total cards, pillar table and notes.

Amounts read as ``USD 7.49 M``; the exact dollars are in each amount's
tooltip (``title``).  A missing figure reads "no data", never 0.  Only
``dash.html`` components, so that the page can send them as drawn blocks
(``components.markup``).
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.scroll_table import scroll_table
from dashboard.figures import theme
from dashboard.i18n import translator
from dashboard.transforms.budget import YearSummary
from dashboard.wording.formatting import format_percent, format_usd, format_usd_millions

RATE_DECIMALS = 1


def summary_cards(summary: YearSummary, empty_message: str, lang: str) -> html.Div:
    """Budget, expenditure and execution rate of the year, or ``empty_message``."""
    _ = translator(lang)
    if not summary.has_data:
        return html.P(empty_message, className="text-body-secondary empty-state budget-empty")
    cards = [
        (
            _("Budget"),
            format_usd_millions(summary.budget_usd, lang),
            format_usd(summary.budget_usd, lang),
        ),
        (
            _("Expenditure"),
            format_usd_millions(summary.expenditure_usd, lang),
            format_usd(summary.expenditure_usd, lang),
        ),
        (
            _("Execution rate"),
            format_percent(summary.execution_rate, RATE_DECIMALS, lang),
            _("Expenditure as a share of the budget"),
        ),
    ]
    return html.Ul(
        [
            html.Li(
                html.Div(
                    html.Div(
                        [
                            html.P(label, className="budget-figure-label mb-1"),
                            html.P(value, title=exact, className="budget-figure-value mb-0"),
                        ],
                        className="card-body",
                    ),
                    className="card h-100",
                ),
                className="col",
            )
            for label, value, exact in cards
        ],
        className="row row-cols-1 row-cols-sm-3 g-3 list-unstyled budget-summary-cards",
    )


def pillar_table(split: pd.DataFrame, year: int, lang: str) -> html.Div:
    """Each pillar's budget, expenditure, share of the budget and execution rate.

    Renders nothing for a year without figures: ``summary_cards`` already says so.
    """
    if split.empty:
        return html.Div(className="budget-pillar-table-empty")
    _ = translator(lang)
    budget, spent = _("Budget"), _("Expenditure")
    share, rate = _("Share of budget"), _("Execution rate")
    header = html.Thead(
        html.Tr(
            [
                html.Th(_("Pillar"), scope="col"),
                *(
                    html.Th(name, scope="col", className="text-end")
                    for name in (budget, spent, share, rate)
                ),
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th([_swatch(row.pillar), _(row.label)], scope="row"),
                    _amount_cell(row.budget_usd, budget, lang),
                    _amount_cell(row.expenditure_usd, spent, lang),
                    _cell(format_percent(row.budget_share, RATE_DECIMALS, lang), share),
                    _cell(format_percent(row.execution_rate, RATE_DECIMALS, lang), rate),
                ]
            )
            for row in split.itertuples()
        ]
    )
    caption = _("Budget and expenditure by pillar, {year}").format(year=year)
    table = html.Table(
        [html.Caption(caption), header, body],
        className="table table-sm budget-pillar-table caption-top mb-0",
    )
    return scroll_table(table, caption)


def notes(items: list[str]) -> html.Ul:
    """Short notes on gaps in the figures; an empty list renders nothing visible."""
    return html.Ul([html.Li(item) for item in items], className="budget-notes small mb-2")


def _cell(text: str, label: str, **props) -> html.Td:
    """A cell that carries its column name, shown beside it on phones (see 20_budget.css)."""
    return html.Td(text, className="text-end", **{"data-label": label}, **props)


def _amount_cell(amount: float, label: str, lang: str) -> html.Td:
    return _cell(format_usd_millions(amount, lang), label, title=format_usd(amount, lang))


def _swatch(pillar: int) -> html.Span:
    """The pillar's chart colour, so the table reads as the legend of the charts."""
    return html.Span(
        className="pillar-swatch",
        style={"backgroundColor": theme.PILLAR_COLOURS[int(pillar)]},
        **{"aria-hidden": "true"},
    )
