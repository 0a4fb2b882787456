"""Overview: the operation's name and key figures of the selected year."""

from __future__ import annotations

from dash import Input, Output, html

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.key_figures import key_figure_cards
from dashboard.data import Operation
from dashboard.transforms.key_figures import plan_after, results_for

PATH = "/"
LABEL = "Overview"
callbacks = CallbackSet()


class IDS:
    RESULTS_HEADING = "overview-results-heading"
    RESULTS = "overview-results"
    PLAN_HEADING = "overview-plan-heading"
    PLAN = "overview-plan"


def layout(operation: Operation) -> html.Div:
    return html.Div(
        [
            html.H1(operation.meta.name, className="h2 mb-4"),
            html.Section(
                [
                    html.H2(id=IDS.RESULTS_HEADING, className="h4"),
                    html.Div(id=IDS.RESULTS),
                    html.H2(id=IDS.PLAN_HEADING, className="h4 mt-4"),
                    html.Div(id=IDS.PLAN),
                ],
                **{"aria-label": "Key figures"},
            ),
        ]
    )


@callbacks.callback(
    Output(IDS.RESULTS_HEADING, "children"),
    Output(IDS.RESULTS, "children"),
    Output(IDS.PLAN_HEADING, "children"),
    Output(IDS.PLAN, "children"),
    Input(ids.YEAR, "data"),
    Input(ids.OPERATION, "data"),
)
def show_key_figures(year: int, operation_id: str) -> tuple:
    figures = runtime.operation(operation_id).key_figures
    return (
        f"{year} year-end results",
        key_figure_cards(results_for(figures, year), f"No year-end results for {year}."),
        f"{year + 1} planning figures",
        key_figure_cards(plan_after(figures, year), f"No planning figures for {year + 1}."),
    )
