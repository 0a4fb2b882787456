"""A box that finds an operation by name, for lists too long to scroll.

A text input whose suggestions (an HTML ``datalist`` of every name) narrow as
one types, and a button; Enter does what the button does.  Native controls,
so the keyboard and screen readers get the browser's own behaviour: Dash 4's
searchable ``dcc.Dropdown`` fails axe (aria-hidden-focus,
label-content-name-mismatch).
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import Input, State, dcc, html


def button_id(input_id: str) -> str:
    return f"{input_id}-button"


def finder_inputs(input_id: str) -> list[Input | State]:
    """A callback's arguments for the box ``input_id``: Enter in it, its button,
    then the text typed."""
    return [
        Input(input_id, "n_submit"),
        Input(button_id(input_id), "n_clicks"),
        State(input_id, "value"),
    ]


def operation_finder(
    input_id: str,
    names: Sequence[str],
    label: str,
    button: str,
    *,
    label_hidden: bool = False,
    button_color: str = "primary",
) -> html.Div:
    """The labelled box ``input_id`` suggesting ``names``, and its button (``button_id``)."""
    names_id = f"{input_id}-names"
    return html.Div(
        [
            dbc.Label(
                label,
                html_for=input_id,
                className="visually-hidden" if label_hidden else "form-label fw-semibold mb-1",
            ),
            dbc.InputGroup(
                [
                    dcc.Input(
                        id=input_id,
                        type="search",
                        list=names_id,
                        value="",
                        autoComplete="off",
                        className="form-control",
                    ),
                    dbc.Button(button, id=button_id(input_id), color=button_color, n_clicks=0),
                ],
                size="sm",
            ),
            html.Datalist([html.Option(value=name) for name in names], id=names_id),
        ],
        className="operation-finder",
    )
