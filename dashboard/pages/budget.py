"""Budget and expenditure: the selected year's totals and pillar split, and all years.

The charts by year always show every year with figures; the selected year is
highlighted in them.  A year switch only refreshes figures and text.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash_bootstrap_components as dbc
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components import budget_summary
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import chart, graph_config
from dashboard.components.data_download import data_download
from dashboard.data import Operation
from dashboard.figures.budget import (
    budget_vs_expenditure_figure,
    pillar_split_figure,
    pillar_stack_figure,
)
from dashboard.transforms import budget as tf

PATH = "/budget"
LABEL = "Budget"
callbacks = CallbackSet()


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


def layout(operation: Operation, _query: Mapping[str, str] | None = None) -> html.Div:
    op_id = operation.meta.id
    span = tf.year_span(tf.data_years(operation.budget))
    files = span.replace("–", "-")
    column = {"xs": 12, "lg": 6, "className": "budget-chart-col"}
    return html.Div(
        [
            html.H1("Budget and expenditure", className="h2 mb-2"),
            html.P(
                "Amounts in US dollars; hover or tap an amount for the exact figure. "
                "The year chosen in the menu bar is highlighted in the charts.",
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
                        f"Charts, {span}" if span else "Charts",
                        id=IDS.CHARTS_HEADING,
                        className="h4",
                    ),
                    html.Div(id=IDS.CHART_NOTES),
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    chart(
                                        IDS.TOTALS_GRAPH, f"{op_id}_budget-and-expenditure_{files}"
                                    ),
                                    data_download(
                                        "budget-and-expenditure",
                                        "budget and expenditure per year",
                                        IDS.TOTALS_GRAPH,
                                    ),
                                ],
                                **column,
                            ),
                            dbc.Col(
                                [
                                    chart(IDS.SPLIT_GRAPH, f"{op_id}_budget-split-by-pillar"),
                                    data_download(
                                        "budget-split-by-pillar",
                                        "the year's split by pillar",
                                        IDS.SPLIT_GRAPH,
                                    ),
                                ],
                                **column,
                            ),
                            dbc.Col(
                                [
                                    chart(
                                        IDS.BUDGET_PILLARS_GRAPH,
                                        f"{op_id}_budget-by-pillar_{files}",
                                    ),
                                    data_download(
                                        "budget-by-pillar",
                                        "budget by pillar",
                                        IDS.BUDGET_PILLARS_GRAPH,
                                    ),
                                ],
                                **column,
                            ),
                            dbc.Col(
                                [
                                    chart(
                                        IDS.EXPENDITURE_PILLARS_GRAPH,
                                        f"{op_id}_expenditure-by-pillar_{files}",
                                    ),
                                    data_download(
                                        "expenditure-by-pillar",
                                        "expenditure by pillar",
                                        IDS.EXPENDITURE_PILLARS_GRAPH,
                                    ),
                                ],
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


@callbacks.callback(
    Output(IDS.YEAR_HEADING, "children"),
    Output(IDS.SUMMARY, "children"),
    Output(IDS.YEAR_NOTES, "children"),
    Output(IDS.PILLAR_TABLE, "children"),
    Output(IDS.SPLIT_GRAPH, "figure"),
    Output(IDS.SPLIT_GRAPH, "config"),
    Input(ids.YEAR, "data"),
    Input(ids.OPERATION, "data"),
)
def show_selected_year(year: int | None, operation_id: str | None) -> tuple:
    if year is None:
        raise PreventUpdate
    operation = runtime.operation(operation_id)
    summary = tf.year_summary(operation.budget, year)
    split = tf.pillar_split(operation.budget, year)
    note = tf.gap_note(year, summary.budget_usd, summary.expenditure_usd)
    return (
        f"Budget and expenditure in {year}",
        budget_summary.summary_cards(summary),
        budget_summary.notes([note] if note else []),
        budget_summary.pillar_table(split, year),
        pillar_split_figure(split, year, operation.meta.source),
        graph_config(f"{operation.meta.id}_budget-split-by-pillar_{year}"),
    )


@callbacks.callback(
    Output(IDS.TOTALS_GRAPH, "figure"),
    Output(IDS.BUDGET_PILLARS_GRAPH, "figure"),
    Output(IDS.EXPENDITURE_PILLARS_GRAPH, "figure"),
    Output(IDS.CHART_NOTES, "children"),
    Input(ids.YEAR, "data"),
    Input(ids.OPERATION, "data"),
)
def show_years(year: int | None, operation_id: str | None) -> tuple:
    if year is None:
        raise PreventUpdate
    operation = runtime.operation(operation_id)
    budget, source = operation.budget, operation.meta.source
    totals = tf.yearly_totals(budget)
    no_bar = tf.no_bar_note(budget, year)
    return (
        budget_vs_expenditure_figure(totals, year, source),
        pillar_stack_figure(tf.pillar_amounts(budget, tf.BUDGET), "Budget", year, source),
        pillar_stack_figure(tf.pillar_amounts(budget, tf.EXPENDITURE), "Expenditure", year, source),
        budget_summary.notes([*([no_bar] if no_bar else []), *tf.gap_notes(totals)]),
    )
