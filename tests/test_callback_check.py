"""Every callback is checked against every page's layout when the app is built,
so pages need not carry a validation layout for the browser to check."""

from __future__ import annotations

import dash
import pytest
from dash import ALL, MATCH, Input, Output, State, dcc, html

from dashboard.app import create_app
from dashboard.components.callback_check import (
    CallbackLayoutMismatch,
    check_callbacks,
    dependency_key_parts,
)

LAYOUT = html.Div(
    [
        dcc.Store(id="store"),
        html.Div(id="out"),
        html.Button(id={"type": "button", "index": 1}),
        html.Button(id={"type": "button", "index": 2}),
    ]
)


def app_with(*dependencies, **kwargs) -> dash.Dash:
    app = dash.Dash(__name__)
    app.callback(*dependencies, **kwargs)(lambda *args: None)
    return app


def test_callbacks_that_fit_the_layout_pass():
    check_callbacks(
        app_with(
            Output("out", "children"),
            Output("out", "data-year"),  # a wildcard attribute of html components
            Input({"type": "button", "index": ALL}, "n_clicks"),
            State("store", "data"),
        ),
        LAYOUT,
    )
    check_callbacks(
        app_with(
            Output({"type": "button", "index": MATCH}, "children"),
            Output("out", "children", allow_duplicate=True),
            Input({"type": "button", "index": MATCH}, "n_clicks"),
            prevent_initial_call=True,
        ),
        LAYOUT,
    )


@pytest.mark.parametrize(
    ("dependency", "message"),
    [
        (Input("nowhere", "data"), "no component has the id 'nowhere'"),
        (State("store", "value"), "Store 'store' has no property 'value'"),
        (Input({"type": "link", "index": ALL}, "n_clicks"), "no component has the id"),
    ],
)
def test_a_callback_naming_what_no_page_has_is_refused_with_its_name(dependency, message):
    with pytest.raises(CallbackLayoutMismatch, match=message) as raised:
        check_callbacks(app_with(Output("out", "children"), dependency), LAYOUT)
    assert "callback out.children" in str(raised.value)


def test_several_outputs_read_from_the_callback_key():
    key = '..a.children...{"set":"/x","type":"y"}.data...b.figure@1f2e..'
    assert dependency_key_parts(key) == [
        {"id": "a", "property": "children"},
        {"id": {"set": "/x", "type": "y"}, "property": "data"},
        {"id": "b", "property": "figure"},
    ]


def test_the_dashboard_s_pages_carry_no_validation_layout():
    """Its callbacks passed the check while the app was built."""
    page = create_app().server.test_client().get("/budget").get_data(as_text=True)
    assert "validation_layout" not in page
    assert '"suppress_callback_exceptions":true' in page.replace(" ", "")
