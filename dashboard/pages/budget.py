"""Budget and expenditure: the selected year's totals and pillar split, and all years.

The charts by year always show every year with figures; the selected year is
highlighted in them.  A year switch only refreshes figures and text.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Output, html
from dash.exceptions import PreventUpdate

from dashboard import runtime
from dashboard.components import budget_summary
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import chart_content, chart_figure, chart_outputs
from dashboard.components.markup import MARKUP, markup
from dashboard.data import Operation
from dashboard.figures import summaries
from dashboard.figures.budget import (
    budget_vs_expenditure_figure,
    pillar_split_figure,
    pillar_stack_figure,
)
from dashboard.i18n import N_, translator
from dashboard.transforms import budget as tf
from dashboard.transforms import chart_tables as tables
from dashboard.transforms.datasets import build_dataset

PATH = "/budget"
LABEL = N_("Budget")
callbacks = CallbackSet(PATH)


class IDS:
    YEAR_HEADING = "budget-year-heading"
    SUMMARY = "budget-summary"
    YEAR_NOTES = "budget-year-notes"
    PILLAR_TABLE = "budget-pillar-table"
    CHARTS_HEADING = "budget-charts-heading"
    CHART_NOTES = "budget-chart-notes"
    TOTALS_GRAPH = "budget-vs-expenditure"
    SPLIT_GRAPH = "budget-pillar-split"
    BUDGET_PILLARS_GRAPH = "budget-by-pillar"
    EXPENDITURE_PILLARS_GRAPH = "expenditure-by-pillar"


def layout(operation: Operation, lang: str, _query: Mapping[str, str] | None = None) -> html.Div:
    _ = translator(lang)
    op_id = operation.meta.id
    span = tf.year_span(tf.data_years_of(operation))
    files = span.replace("–", "-")
    column = {"xs": 12, "lg": 6, "className": "budget-chart-col"}
    return html.Div(
        [
            html.H1(_("Budget and expenditure"), className="h2 mb-2"),
            html.P(
                _(
                    "Amounts in US dollars; hover or tap an amount for the exact figure. "
                    "The year chosen in the menu bar is highlighted in the charts."
                ),
                className="text-body-secondary",
            ),
            html.Section(
                [
                    html.H2(id=IDS.YEAR_HEADING, className="h4"),
                    html.Div(id=IDS.SUMMARY, className="mb-3"),
                    html.Div(id=IDS.YEAR_NOTES),
                    html.Div(id=IDS.PILLAR_TABLE),
                ],
                className="mb-4",
                **{"aria-labelledby": IDS.YEAR_HEADING},
            ),
            html.Section(
                [
                    html.H2(
                        _("Charts, {years}").format(years=span) if span else _("Charts"),
                        id=IDS.CHARTS_HEADING,
                        className="h4",
                    ),
                    html.Div(id=IDS.CHART_NOTES),
                    dbc.Row(
                        [
                            dbc.Col(
                                chart_figure(
                                    IDS.TOTALS_GRAPH,
                                    f"{op_id}_budget-and-expenditure_{files}",
                                    _("budget and expenditure per year"),
                                    "budget-and-expenditure",
                                    lang,
                                ),
                                **column,
                            ),
                            dbc.Col(
                                chart_figure(
                                    IDS.SPLIT_GRAPH,
                                    f"{op_id}_budget-split-by-pillar",
                                    _("the year's split by pillar"),
                                    "budget-split-by-pillar",
                                    lang,
                                    one_year=True,
                                ),
                                **column,
                            ),
                            dbc.Col(
                                chart_figure(
                                    IDS.BUDGET_PILLARS_GRAPH,
                                    f"{op_id}_budget-by-pillar_{files}",
                                    _("budget by pillar"),
                                    "budget-by-pillar",
                                    lang,
                                ),
                                **column,
                            ),
                            dbc.Col(
                                chart_figure(
                                    IDS.EXPENDITURE_PILLARS_GRAPH,
                                    f"{op_id}_expenditure-by-pillar_{files}",
                                    _("expenditure by pillar"),
                                    "expenditure-by-pillar",
                                    lang,
                                ),
                                **column,
                            ),
                        ],
                        className="g-4",
                    ),
                ],
                **{"aria-labelledby": IDS.CHARTS_HEADING},
            ),
        ],
        className="budget-page",
    )


@callbacks.year_view(
    Output(IDS.YEAR_HEADING, "children"),
    Output(IDS.SUMMARY, MARKUP),
    Output(IDS.YEAR_NOTES, MARKUP),
    Output(IDS.PILLAR_TABLE, MARKUP),
    *chart_outputs(IDS.SPLIT_GRAPH),
)
def show_selected_year(year: int | None, operation_id: str | None, lang: str | None) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    _ = translator(lang)
    operation = runtime.operation(operation_id)
    summary = tf.year_summary_of(operation, year)
    split = tf.pillar_split_of(operation, year)
    note = tf.gap_note(year, summary.budget_usd, summary.expenditure_usd, lang)
    return (
        _("Budget and expenditure in {year}").format(year=year),
        markup(budget_summary.summary_cards(summary, lang)),
        markup(budget_summary.notes([note] if note else [])),
        markup(budget_summary.pillar_table(split, year, lang)),
        *chart_content(
            pillar_split_figure(split, year, operation.meta.source, lang),
            summaries.pillar_split_summary(split, year, lang),
            tables.split_table(_dataset("budget-split-by-pillar", operation, year), year, lang),
            lang,
        ),
    )


@callbacks.year_view(
    *chart_outputs(IDS.TOTALS_GRAPH),
    *chart_outputs(IDS.BUDGET_PILLARS_GRAPH),
    *chart_outputs(IDS.EXPENDITURE_PILLARS_GRAPH),
    Output(IDS.CHART_NOTES, MARKUP),
)
def show_years(year: int | None, operation_id: str | None, lang: str | None) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    operation = runtime.operation(operation_id)
    source = operation.meta.source
    totals = tf.totals_of(operation)
    no_bar = tf.no_bar_note_of(operation, year, lang)
    return (
        *chart_content(
            budget_vs_expenditure_figure(totals, year, source, lang),
            summaries.budget_totals_summary(totals, year, lang),
            tables.budget_and_expenditure_table(
                _dataset("budget-and-expenditure", operation, year), lang
            ),
            lang,
        ),
        *_pillar_chart(operation, tf.BUDGET, "Budget", year, lang),
        *_pillar_chart(operation, tf.EXPENDITURE, "Expenditure", year, lang),
        markup(budget_summary.notes([*([no_bar] if no_bar else []), *tf.gap_notes(totals, lang)])),
    )


def _dataset(name: str, operation: Operation, year: int) -> pd.DataFrame:
    return build_dataset(name, operation, year, {}).frame


def _pillar_chart(operation: Operation, measure: str, name: str, year: int, lang: str) -> tuple:
    """Figure, summary and table of the budget (or expenditure) by pillar."""
    amounts = tf.pillar_amounts_of(operation, measure)
    slug = f"{name.lower()}-by-pillar"
    return chart_content(
        pillar_stack_figure(amounts, name, year, operation.meta.source, lang),
        summaries.pillar_stack_summary(amounts, name, year, lang),
        tables.by_pillar_table(_dataset(slug, operation, year), measure, name, lang),
        lang,
    )
