"""One Plotly template and one colour per pillar, used by every chart.

The pillar colours are from the Okabe-Ito palette, chosen to stay distinct
under the common colour-vision deficiencies.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE = "operation_dashboard"
PILLAR_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73", 4: "#CC79A7"}
BUDGET_COLOUR = "#0072B2"
EXPENDITURE_COLOUR = "#D55E00"
MUTED = "#9AA5B1"
DEFAULT_LEFT_MARGIN = 60
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

pio.templates[TEMPLATE] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": 13, "color": "#212529"},
        title={"x": 0, "xanchor": "left", "font": {"size": 16}},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": DEFAULT_LEFT_MARGIN, "r": 20, "t": 60, "b": 80},
        colorway=list(PILLAR_COLOURS.values()),
        xaxis={"showgrid": False, "linecolor": "#6c757d", "ticks": "outside"},
        yaxis={"gridcolor": "#e9ecef", "zerolinecolor": "#adb5bd"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
)


def source_line(source: str) -> str:
    return f"Source: {source}"


def finish(figure: go.Figure, title: str, source: str) -> go.Figure:
    """Apply the template, the title and the source line under the plot.

    The source line starts at the figure's left edge rather than the plot's,
    so it fits on a 375 px phone.
    """
    left_margin = figure.layout.margin.l
    left_margin = DEFAULT_LEFT_MARGIN if left_margin is None else left_margin
    figure.update_layout(
        template=TEMPLATE,
        title={"text": title},
        annotations=[
            *figure.layout.annotations,
            go.layout.Annotation(
                text=source_line(source),
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                xshift=4 - left_margin,
                yshift=-60,
                xanchor="left",
                yanchor="top",
                showarrow=False,
                font={"size": 10, "color": "#495057"},
            ),
        ],
    )
    return figure


def empty_figure(title: str, message: str, source: str) -> go.Figure:
    """A figure with no axes that says why there is nothing to plot."""
    figure = go.Figure()
    figure.update_layout(
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[
            go.layout.Annotation(
                text=message,
                xref="paper",
                yref="paper",
                x=0.5,
                y=0.5,
                showarrow=False,
                font={"size": 15, "color": "#495057"},
            )
        ],
    )
    return finish(figure, title, source)
