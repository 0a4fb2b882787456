"""Budget and expenditure of the selected year."""

from __future__ import annotations

from dash import html

from dashboard.components.callbacks import CallbackSet
from dashboard.data import Operation

PATH = "/budget"
LABEL = "Budget"
callbacks = CallbackSet()


def layout(operation: Operation) -> html.Div:
    return html.Div([html.H1("Budget and expenditure", className="h2 mb-4")])
