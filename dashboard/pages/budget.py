"""Budget and expenditure: the selected year's totals and pillar split, and all years.

The charts by year always show every year with figures; the selected year is
highlighted in them.  A year switch only refreshes figures and text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Output, html

from dashboard.components import budget_summary
from dashboard.components.chart import chart_content, chart_figure, chart_outputs
from dashboard.components.markup import MARKUP, markup
from dashboard.components.page_heading import page_heading
from dashboard.components.revisions_list import revisions_list
from dashboard.components.view_cache import page_values
from dashboard.data import Operation
from dashboard.exports.datasets import build_dataset
from dashboard.figures import summaries
from dashboard.figures.budget import (
    budget_vs_expenditure_figure,
    pillar_split_figure,
    pillar_stack_figure,
)
from dashboard.i18n import N_, translator
from dashboard.state.view import ViewState
from dashboard.transforms import budget as tf
from dashboard.transforms.revisions import revised_totals
from dashboard.wording import budget as budget_words
from dashboard.wording import chart_tables as tables

PATH = "/budget"
LABEL = N_("Budget")


class IDS:
    YEAR_HEADING = "budget-year-heading"
    SUMMARY = "budget-summary"
    YEAR_NOTES = "budget-year-notes"
    PILLAR_TABLE = "budget-pillar-table"
    CHARTS_HEADING = "budget-charts-heading"
    CHART_NOTES = "budget-chart-notes"
    REVISIONS_HEADING = "budget-revisions-heading"
    TOTALS_GRAPH = "budget-vs-expenditure"
    SPLIT_GRAPH = "budget-pillar-split"
    BUDGET_PILLARS_GRAPH = "budget-by-pillar"
    EXPENDITURE_PILLARS_GRAPH = "expenditure-by-pillar"


# What a year switch changes in place (see ``update``).
UPDATES: dict[str, Output] = {
    "year_heading": Output(IDS.YEAR_HEADING, "children"),
    "summary": Output(IDS.SUMMARY, MARKUP),
    "year_notes": Output(IDS.YEAR_NOTES, MARKUP),
    "pillar_table": Output(IDS.PILLAR_TABLE, MARKUP),
    **chart_outputs("split", IDS.SPLIT_GRAPH, one_year=True),
    **chart_outputs("totals", IDS.TOTALS_GRAPH),
    **chart_outputs("budget_pillars", IDS.BUDGET_PILLARS_GRAPH),
    **chart_outputs("spent_pillars", IDS.EXPENDITURE_PILLARS_GRAPH),
    "chart_notes": Output(IDS.CHART_NOTES, MARKUP),
}


def update(view: ViewState, operations: Sequence[Operation]) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    operation = operations[0]
    return {
        **_selected_year(operation, view.year, view.lang),
        **_charts_by_year(operation, view.year, view.lang),
    }


def _selected_year(operation: Operation, year: int, lang: str) -> dict[str, Any]:
    _ = translator(lang)
    summary = tf.year_summary_of(operation, year)
    split = tf.pillar_split_of(operation, year)
    note = budget_words.gap_note(year, summary.budget_usd, summary.expenditure_usd, lang)
    split_data = _dataset("budget-split-by-pillar", operation, year)
    no_budget = budget_words.no_budget_message(tf.data_years_of(operation), year, lang)
    return {
        "year_heading": _("Budget and expenditure in {year}").format(year=year),
        "summary": markup(budget_summary.summary_cards(summary, no_budget, lang)),
        "year_notes": markup(budget_summary.notes([note] if note else [])),
        "pillar_table": markup(budget_summary.pillar_table(split, year, lang)),
        **chart_content(
            "split",
            pillar_split_figure(split, year, operation.meta.source, lang),
            summaries.pillar_split_summary(split, year, lang),
            tables.split_table(split_data, year, lang),
            lang,
            year=year,
        ),
    }


def _charts_by_year(operation: Operation, year: int, lang: str) -> dict[str, Any]:
    totals = tf.totals_of(operation)
    no_bar = budget_words.no_bar_note_of(operation, year, lang)
    totals_data = _dataset("budget-and-expenditure", operation, year)
    revised = revised_totals(operation)
    return {
        **chart_content(
            "totals",
            budget_vs_expenditure_figure(
                totals,
                year,
                operation.meta.source,
                lang,
                revised=set(zip(revised["year"], revised["measure"], strict=True)),
            ),
            summaries.budget_totals_summary(totals, year, lang),
            tables.budget_and_expenditure_table(totals_data, lang),
            lang,
        ),
        **_pillar_chart("budget_pillars", operation, tf.BUDGET, "Budget", year, lang),
        **_pillar_chart("spent_pillars", operation, tf.EXPENDITURE, "Expenditure", year, lang),
        "chart_notes": markup(
            budget_summary.notes(
                [*([no_bar] if no_bar else []), *budget_words.gap_notes(totals, lang)]
            )
        ),
    }


def _dataset(name: str, operation: Operation, year: int) -> pd.DataFrame:
    return build_dataset(name, operation, year).frame


def _pillar_chart(
    chart: str, operation: Operation, measure: str, name: str, year: int, lang: str
) -> dict[str, Any]:
    """Figure, summary and table of the budget (or expenditure) by pillar."""
    amounts = tf.pillar_amounts_of(operation, measure)
    slug = f"{name.lower()}-by-pillar"
    return chart_content(
        chart,
        pillar_stack_figure(amounts, name, year, operation.meta.source, lang),
        summaries.pillar_stack_summary(amounts, name, year, lang),
        tables.by_pillar_table(_dataset(slug, operation, year), measure, name, lang),
        lang,
    )


def layout(view: ViewState, operations: Sequence[Operation]) -> html.Div:
    _ = translator(view.lang)
    values = page_values(update, view, operations)
    return html.Div(
        [
            *page_heading(
                _("Budget and expenditure"),
                _(
                    "Amounts in US dollars; hover or tap an amount for the exact figure. "
                    "The year chosen in the menu bar is highlighted in the charts."
                ),
            ),
            html.Section(
                [
                    html.H2(values["year_heading"], id=IDS.YEAR_HEADING, className="h4"),
                    html.Div(id=IDS.SUMMARY, className="mb-3", **{MARKUP: values["summary"]}),
                    html.Div(id=IDS.YEAR_NOTES, **{MARKUP: values["year_notes"]}),
                    html.Div(id=IDS.PILLAR_TABLE, **{MARKUP: values["pillar_table"]}),
                ],
                className="mb-4",
                **{"aria-labelledby": IDS.YEAR_HEADING},
            ),
            _charts_section(operations[0], view.lang, values),
        ],
        className="budget-page",
    )


def _charts_section(operation: Operation, lang: str, values: dict[str, Any]) -> html.Section:
    _ = translator(lang)
    op_id = operation.meta.id
    span = tf.year_span(tf.data_years_of(operation))
    files = span.replace("–", "-")
    charts = (
        (
            "totals",
            IDS.TOTALS_GRAPH,
            "budget-and-expenditure",
            _("budget and expenditure per year"),
        ),
        ("split", IDS.SPLIT_GRAPH, "budget-split-by-pillar", _("the year's split by pillar")),
        ("budget_pillars", IDS.BUDGET_PILLARS_GRAPH, "budget-by-pillar", _("budget by pillar")),
        (
            "spent_pillars",
            IDS.EXPENDITURE_PILLARS_GRAPH,
            "expenditure-by-pillar",
            _("expenditure by pillar"),
        ),
    )
    columns = [
        dbc.Col(
            chart_figure(
                name,
                graph_id,
                f"{op_id}_{dataset}" + ("" if name == "split" or not files else f"_{files}"),
                what,
                dataset,
                lang,
                values,
                one_year=name == "split",
            ),
            xs=12,
            lg=6,
            className="budget-chart-col",
        )
        for name, graph_id, dataset, what in charts
    ]
    return html.Section(
        [
            html.H2(
                _("Charts, {years}").format(years=span) if span else _("Charts"),
                id=IDS.CHARTS_HEADING,
                className="h4",
            ),
            html.Div(id=IDS.CHART_NOTES, **{MARKUP: values["chart_notes"]}),
            dbc.Row(columns, className="g-4"),
            revisions_list(revised_totals(operation), IDS.REVISIONS_HEADING, lang),
        ],
        **{"aria-labelledby": IDS.CHARTS_HEADING},
    )
