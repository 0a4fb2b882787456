"""A Plotly graph as every page shows it, with its text alternative and its table.

``chart`` is the bare graph (offline map data, named image downloads).
``chart_figure`` wraps it for every reader: a ``<figure>`` named after the
chart and described by a one- or two-sentence summary (its figcaption, built
by ``figures.summaries``), a spinner while the figure
updates (the graph keeps its place, so nothing jumps), the download buttons,
and a "Show as table" disclosure button (``aria-expanded``/``aria-controls``)
that reveals the same numbers as a table.

The table is drawn by the browser from one attribute (``components.markup``)
rather than mounted as Dash components: a year switch on the budget page used
to mount some 140 table cells, which took about 90 ms of the switch (a count of
its store dispatches).

A page's ``update`` fills the figure, the summary and the table together:
``chart_outputs(name, graph_id)`` names them as outputs and ``chart_content``
gives their values; its layout draws the chart with the same values.  The
button's clientside callback is registered once per app with
``add_table_toggle``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import dash
import plotly.graph_objects as go
from dash import MATCH, Input, Output, State, dcc, html

from dashboard.components.callbacks import CallbackSet
from dashboard.components.data_download import data_download
from dashboard.components.markup import MARKUP, markup
from dashboard.components.scroll_table import scroll_table
from dashboard.i18n import gettext, translator
from dashboard.wording.chart_tables import TextTable

TABLE_BOX = "chart-table-box"
TABLE_TOGGLE = "chart-table-toggle"

TOGGLE_SCRIPT = """
function(_clicks, expanded) {
    const open = expanded !== "true";
    return [!open, open ? "true" : "false"];
}
"""


def toolbar_buttons(zoomable: bool) -> list[list[str]]:
    """The chart toolbar's buttons: the image download, and for a chart one can zoom
    by dragging, the button that resets its axes.

    plotly.js's full toolbar (zoom, pan, zoom in and out, autoscale, ...) put about
    eight Tab stops in every chart, some forty before a keyboard user reached the
    first download of the budget page; the same actions are a drag or a double
    click on the chart, and every chart has its own image and data buttons.
    """
    return [["toImage", "resetScale2d"]] if zoomable else [["toImage"]]


def graph_config(filename: str, lang: str, *, zoomable: bool = True) -> dict:
    """Graph options: image downloads named after the chart, topojson from ``/assets``,
    the toolbar in the interface language with the ``toolbar_buttons`` only (so
    none of plotly.js 4's "Share chart", which would send the chart to a server
    elsewhere)."""
    return {
        "locale": lang,
        "displaylogo": False,
        "showSendToCloud": False,
        "responsive": True,
        "topojsonURL": dash.get_asset_url("topojson/"),
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtons": toolbar_buttons(zoomable),
    }


def chart(
    graph_id: str | dict, filename: str, lang: str, figure: Any, *, zoomable: bool = True
) -> dcc.Graph:
    """A graph showing ``figure``; ``filename`` names its downloads; ``zoomable`` for
    a chart with axes one can zoom (not a map)."""
    return dcc.Graph(
        id=graph_id,
        figure=figure,
        config=graph_config(filename, lang, zoomable=zoomable),
        className="chart",
    )


def summary_id(graph_id: str) -> str:
    return f"{graph_id}-summary"


def table_id(graph_id: str) -> str:
    return f"{graph_id}-table"


def _spinner(lang: str) -> html.Div:
    return html.Div(
        [
            html.Span(className="spinner-border text-primary", **{"aria-hidden": "true"}),
            html.Span(gettext(lang, "Updating the chart"), className="visually-hidden"),
        ],
        role="status",
        className="chart-spinner",
    )


def _table_toggle(graph_id: str, what: str, lang: str) -> html.Button:
    """A disclosure button; CSS shows "Show as table" or "Hide table" from ``aria-expanded``."""
    _ = translator(lang)
    return html.Button(
        [
            html.Span(_("Show as table"), className="when-closed"),
            html.Span(_("Hide table"), className="when-open"),
            html.Span(f": {what}", className="visually-hidden"),
        ],
        id={"type": TABLE_TOGGLE, "graph": graph_id},
        type="button",
        n_clicks=0,
        className="btn btn-outline-secondary btn-sm table-toggle",
        **{"aria-expanded": "false", "aria-controls": table_id(graph_id)},
    )


def table_markup(table: TextTable, lang: str) -> str:
    """A ``TextTable`` as a drawn block (``components.markup``): a table with a
    caption, column headers and row headers, or the message saying it has no
    figures."""
    rows = tuple(tuple(row) for row in table.rows)
    return _drawn_table(table.caption, tuple(table.columns), rows, lang)


# A chart by year shows the same table whichever year is selected: draw each once.
@functools.lru_cache(maxsize=256)
def _drawn_table(
    caption: str, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], lang: str
) -> str:
    if not rows:
        message = gettext(lang, "{caption}: no figures.").format(caption=caption)
        return markup(html.P(message, className="empty-state mb-0"))
    header = html.Thead(
        html.Tr(
            [
                html.Th(name, scope="col", className="text-end" if position else None)
                for position, name in enumerate(columns)
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(row[0], scope="row", className="fw-normal"),
                    *(html.Td(cell, className="text-end") for cell in row[1:]),
                ]
            )
            for row in rows
        ]
    )
    element = html.Table(
        [html.Caption(caption), header, body],
        className="table table-sm chart-data-table caption-top mb-0",
    )
    return markup(scroll_table(element, caption))


def chart_figure(
    name: str,
    graph_id: str,
    filename: str,
    what: str,
    dataset: str | None,
    lang: str,
    values: Mapping[str, Any],
    *,
    frame_class: str = "",
    one_year: bool = False,
    zoomable: bool = True,
) -> html.Figure:
    """The graph ``graph_id`` of ``what`` ("budget by pillar") with its summary, the
    downloads of ``dataset`` and its table, filled with ``values`` (the
    ``chart_content`` of chart ``name``, as a page's ``update`` returns it).

    A chart of the selected year only (``one_year``) keeps one ``filename`` in its
    config, and its Save buttons add the year (``data-image-year``): plotly.js
    draws a chart from scratch, twice, when its config changes, which a year
    switch would do.  A chart one cannot zoom (the map) has no reset button
    (``zoomable``).
    """
    frame_classes = f"chart-frame {frame_class}".strip()
    graph = chart(graph_id, filename, lang, values[f"{name}_figure"], zoomable=zoomable)
    loading = dcc.Loading(
        html.Div(graph, className=frame_classes),
        target_components={graph_id: "figure"},
        custom_spinner=_spinner(lang),
        delay_show=150,
        overlay_style={"visibility": "visible", "opacity": 0.5},
        parent_className="chart-loading",
    )
    downloads = data_download(dataset, what, lang, graph_id) if dataset else html.Div()
    return html.Figure(
        [
            loading,
            html.Figcaption(
                values[f"{name}_summary"], id=summary_id(graph_id), className="chart-summary"
            ),
            html.Div(
                [_table_toggle(graph_id, what, lang), downloads],
                className="chart-controls no-print d-flex flex-wrap align-items-start gap-2",
            ),
            html.Div(
                html.Div(id=table_id(graph_id), **{MARKUP: values[f"{name}_table"]}),
                id={"type": TABLE_BOX, "graph": graph_id},
                hidden=True,
                className="chart-table",
            ),
        ],
        id=figure_id(graph_id),
        className="chart-figure mb-0",
        # Not role="img" on the graph: plotly's toolbar buttons inside it are focusable.
        **{
            "aria-label": gettext(lang, "Chart of {what}").format(what=what),
            "aria-describedby": summary_id(graph_id),
            **({"data-image-year": values[f"{name}_year"]} if one_year else {}),
        },
    )


def figure_id(graph_id: str) -> str:
    return f"{graph_id}-figure"


def chart_outputs(name: str, graph_id: str, *, one_year: bool = False) -> dict[str, Output]:
    """The figure, summary and table of the ``chart_figure`` ``name`` (and, for a
    chart of one year, the year its image files are named after), as named
    outputs of a page's ``update``."""
    outputs = {
        f"{name}_figure": Output(graph_id, "figure"),
        f"{name}_summary": Output(summary_id(graph_id), "children"),
        f"{name}_table": Output(table_id(graph_id), MARKUP),
    }
    if one_year:
        outputs[f"{name}_year"] = Output(figure_id(graph_id), "data-image-year")
    return outputs


def chart_content(
    name: str,
    figure: go.Figure,
    summary: str,
    table: TextTable,
    lang: str,
    year: int | None = None,
) -> dict[str, Any]:
    """Values for ``chart_outputs(name, ...)``; ``year`` for a chart of one year."""
    values = {
        f"{name}_figure": figure,
        f"{name}_summary": summary,
        f"{name}_table": table_markup(table, lang),
    }
    if year is not None:
        values[f"{name}_year"] = str(year)
    return values


def add_table_toggle(callbacks: CallbackSet) -> None:
    """Declare the "Show as table" buttons' callback on ``callbacks``; once per app."""
    callbacks.clientside(
        TOGGLE_SCRIPT,
        Output({"type": TABLE_BOX, "graph": MATCH}, "hidden"),
        Output({"type": TABLE_TOGGLE, "graph": MATCH}, "aria-expanded"),
        Input({"type": TABLE_TOGGLE, "graph": MATCH}, "n_clicks"),
        State({"type": TABLE_TOGGLE, "graph": MATCH}, "aria-expanded"),
        prevent_initial_call=True,
    )
