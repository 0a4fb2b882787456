"""Narratives of the selected year."""

from __future__ import annotations

from dash import html

from dashboard.components.callbacks import CallbackSet
from dashboard.data import Operation

PATH = "/narratives"
LABEL = "Narratives"
callbacks = CallbackSet()


def layout(operation: Operation) -> html.Div:
    return html.Div([html.H1("Narratives", className="h2 mb-4")])
