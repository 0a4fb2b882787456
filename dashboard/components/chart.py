"""A Plotly graph as every page shows it: offline map data, named image downloads."""

from __future__ import annotations

import dash
import plotly.graph_objects as go
from dash import dcc


def graph_config(filename: str) -> dict:
    """Graph options: image downloads named after the chart, topojson from ``/assets``."""
    return {
        "displaylogo": False,
        "responsive": True,
        "topojsonURL": dash.get_asset_url("topojson/"),
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def chart(graph_id: str | dict, filename: str, figure: go.Figure | None = None) -> dcc.Graph:
    """A graph whose figure a callback fills; ``filename`` names its downloads."""
    return dcc.Graph(
        id=graph_id,
        figure=figure if figure is not None else go.Figure(),
        config=graph_config(filename),
        className="chart",
    )
