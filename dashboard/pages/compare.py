"""Operations side by side: ``/compare?ops=a,b[,...]&year=YYYY``.

Two to six operations, added by name (a box whose suggestions narrow as one
types), unticked to remove, and kept in the URL with the year.  Charts over
the years any of them covers (budget, expenditure, execution rate, people of
concern, budget per person of concern), the selected year shaded, and a
table of the selected year.  Fewer than two chosen: the page says so above
the chooser and shows what it has.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import chart_content, chart_figure, chart_outputs
from dashboard.components.data_download import data_download
from dashboard.components.markup import MARKUP, markup
from dashboard.components.operation_finder import finder_inputs, operation_finder
from dashboard.components.page_heading import page_heading
from dashboard.components.scroll_table import scroll_table
from dashboard.components.view_cache import page_values
from dashboard.data import LoadedOperations
from dashboard.figures.comparison import MEASURES, comparison_figure, comparison_summary
from dashboard.i18n import N_, translator
from dashboard.state.view import (
    COMPARE_PATH,
    COMPARED_PARAM,
    ViewState,
    read_view,
    view_search,
)
from dashboard.transforms.comparison import (
    MAX_COMPARED,
    MIN_COMPARED,
    comparison_by_year,
    comparison_of_year,
)
from dashboard.wording.chart_tables import comparison_table
from dashboard.wording.formatting import format_count, format_percent, format_usd

PATH = COMPARE_PATH
LABEL = N_("Compare")
# The page gets every loaded operation (its menu lists them all; see ``pages``).
ALL_OPERATIONS = True
SOURCE = N_("UNHCR Global Focus")
callbacks = CallbackSet()


class IDS:
    CHOOSER = "compare-chooser"
    CHOOSER_LABEL = "compare-chooser-label"
    ADD = "compare-add"
    ADD_FEEDBACK = "compare-add-feedback"
    ADVICE = "compare-advice"
    YEAR_HEADING = "compare-year-heading"
    YEAR_TABLE = "compare-year-table"


def graph_id(measure: str) -> str:
    return f"compare-{measure.replace('_', '-')}"


def measure_dataset(measure: str) -> str:
    """The download name of a chart's data (``shell.downloads.CHART_MEASURES``)."""
    return f"comparison-{measure.replace('_', '-')}"


UPDATES: dict[str, Output] = {
    "chooser": Output(IDS.CHOOSER, "value"),
    "chooser_options": Output(IDS.CHOOSER, "options"),
    "advice": Output(IDS.ADVICE, "children"),
    "year_heading": Output(IDS.YEAR_HEADING, "children"),
    "year_table": Output(IDS.YEAR_TABLE, MARKUP),
    **{
        name: output
        for measure in MEASURES
        for name, output in chart_outputs(measure, graph_id(measure)).items()
    },
}

PER_PERSON_NOTE = N_(
    "Budget per person of concern is the operation's whole budget for the year divided "
    "by the people of concern it reports for that year. It is not what was spent on "
    "each person: budgets also pay for work that reaches people outside these counts, "
    "and operations count people of concern in different ways."
)


def update(view: ViewState, operations: LoadedOperations) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    _ = translator(view.lang)
    compared = [operations[operation_id] for operation_id in view.operation_ids]
    by_year = comparison_by_year(compared)
    chosen = _chosen(view)
    values: dict[str, Any] = {
        "chooser": chosen,
        "chooser_options": [
            {"label": operations.meta(operation_id).name, "value": operation_id}
            for operation_id in chosen
        ],
        "advice": _advice(len(chosen), view.lang),
        "year_heading": _("The operations in {year}").format(year=view.year),
        "year_table": markup(_year_table(comparison_of_year(compared, view.year), view)),
    }
    for measure, chosen_measure in MEASURES.items():
        caption = _("{measure}, per operation").format(measure=_(chosen_measure.title))
        values.update(
            chart_content(
                measure,
                comparison_figure(by_year, measure, view.year, _(SOURCE), view.lang),
                comparison_summary(by_year, measure, view.year, view.lang),
                comparison_table(
                    by_year, chosen_measure.column, caption, chosen_measure.formatted, view.lang
                ),
                view.lang,
            )
        )
    return values


def _chosen(view: ViewState) -> list[str]:
    """The operations the address names and the view compares (none when the
    address names none: the view then holds the default operation alone)."""
    named = dict(view.query).get(COMPARED_PARAM, "").split(",")
    return [operation_id for operation_id in view.operation_ids if operation_id in named]


def _advice(chosen: int, lang: str) -> Any:
    if chosen >= MIN_COMPARED:
        return None
    _ = translator(lang)
    return dbc.Alert(
        _("Choose from {least} to {most} operations to compare them side by side.").format(
            least=MIN_COMPARED, most=MAX_COMPARED
        ),
        color="info",
        className="mb-3",
    )


def _year_table(year_rows: pd.DataFrame, view: ViewState) -> html.Div:
    """The selected year's figures, one row per operation."""
    _ = translator(view.lang)
    lang = view.lang
    caption = _("Budget, expenditure and people of concern of each operation in {year}").format(
        year=view.year
    )
    headings = [
        _("Operation"),
        _("Budget"),
        _("Expenditure"),
        _("Execution rate"),
        *(_("Pillar {number} budget").format(number=number) for number in range(1, 5)),
        _("People of concern"),
        _("Key figures"),
    ]
    rows = []
    for row in year_rows.itertuples(index=False):
        pillars = [
            format_usd(_number(getattr(row, f"pillar_{number}_budget_usd")), lang)
            for number in range(1, 5)
        ]
        cells = [
            format_usd(_number(row.budget_usd), lang),
            format_usd(_number(row.expenditure_usd), lang),
            format_percent(_number(row.execution_rate_percent), 1, lang),
            *pillars,
            format_count(_number(row.people_of_concern), lang),
            format_count(_number(row.key_figures), lang),
        ]
        rows.append(html.Tr([html.Th(row.name, scope="row"), *map(html.Td, cells)]))
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(heading, scope="col") for heading in headings])),
            html.Tbody(rows),
        ],
        className="table table-sm compare-year-table",
    )
    return scroll_table(table, caption)


def _number(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


@callbacks.url_writer(Input(IDS.CHOOSER, "value"))
def pick_operations(chosen: list[str] | None, search: str | None, pathname: str | None) -> str:
    """The operations left ticked go to the URL (``?ops=a,b``), in their order."""
    view = read_view(pathname, search, runtime.catalogue())
    if view.path != PATH or list(chosen or []) == _chosen(view):
        raise PreventUpdate
    return view_search(view, **{COMPARED_PARAM: ",".join(chosen or []) or None})


@callbacks.callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Output(IDS.ADD, "value"),
    Output(IDS.ADD_FEEDBACK, "children"),
    *finder_inputs(IDS.ADD),
    State(ids.URL, "search"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def add_operation(
    _submitted: int | None,
    _clicked: int | None,
    text: str | None,
    search: str | None,
    pathname: str | None,
) -> tuple[Any, str, str]:
    """The operation named in the box joins the comparison, last; a name no
    operation has, or a seventh operation, gets a message instead."""
    if not (text or "").strip():
        raise PreventUpdate
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    _ = translator(view.lang)
    found = catalogue.named(text)
    chosen = _chosen(view)
    if found is None:
        message = _("No operation is named “{text}”: choose a name from the suggestions.")
        return no_update, text, message.format(text=text.strip())
    if found in chosen:
        return no_update, "", ""
    if len(chosen) >= MAX_COMPARED:
        message = _("At most {count} operations can be compared: untick one first.")
        return no_update, text, message.format(count=MAX_COMPARED)
    return view_search(view, **{COMPARED_PARAM: ",".join([*chosen, found])}), "", ""


def _chooser(view: ViewState, operations: LoadedOperations, values: dict[str, Any]) -> html.Div:
    _ = translator(view.lang)
    return html.Div(
        [
            html.P(
                _("Operations to compare ({least} to {most})").format(
                    least=MIN_COMPARED, most=MAX_COMPARED
                ),
                id=IDS.CHOOSER_LABEL,
                className="form-label fw-semibold mb-1",
            ),
            html.Div(
                dbc.Checklist(
                    id=IDS.CHOOSER,
                    options=values["chooser_options"],
                    value=values["chooser"],
                    inline=True,
                ),
                role="group",
                className="mb-2",
                **{"aria-labelledby": IDS.CHOOSER_LABEL},
            ),
            operation_finder(
                IDS.ADD,
                [operations.meta(operation_id).name for operation_id in operations],
                _("Add an operation"),
                _("Add"),
            ),
            html.P(id=IDS.ADD_FEEDBACK, role="status", className="small text-danger mt-1 mb-0"),
        ],
        className="compare-chooser mb-3 no-print",
    )


def layout(view: ViewState, operations: LoadedOperations) -> html.Div:
    _ = translator(view.lang)
    values = page_values(update, view, operations)
    charts = [
        dbc.Col(
            chart_figure(
                measure,
                graph_id(measure),
                f"compare_{measure}",
                _(chosen.title).lower(),
                measure_dataset(measure),
                view.lang,
                values,
            ),
            xs=12,
            xl=6,
        )
        for measure, chosen in MEASURES.items()
    ]
    return html.Div(
        [
            *page_heading(
                _("Compare operations"),
                _(
                    "Operations side by side over the years any of them covers. A year "
                    "an operation has no figure for is a gap in its line, not a zero."
                ),
            ),
            _chooser(view, operations, values),
            html.Div(values["advice"], id=IDS.ADVICE),
            dbc.Row(charts, className="g-4"),
            html.P(_(PER_PERSON_NOTE), className="small text-body-secondary mt-2"),
            html.Section(
                [
                    html.H2(values["year_heading"], id=IDS.YEAR_HEADING, className="h4 mt-4"),
                    html.Div(id=IDS.YEAR_TABLE, **{MARKUP: values["year_table"]}),
                    data_download("comparison-of-year", _("the operations in the year"), view.lang),
                ],
                **{"aria-labelledby": IDS.YEAR_HEADING},
            ),
        ],
        className="compare-page",
    )
