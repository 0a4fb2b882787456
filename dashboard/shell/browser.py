"""Callbacks that run in the browser, with no server round trip.

- The address of a year picked in the menu (``data-address``, written by the
  page's update with its views: ``shell.routing``) goes to the URL, once the
  views are drawn.  Only when it differs from the URL's, so the URL is written
  once per pick and never by back/forward.
- Copy link, save a chart as an image, the table buttons, the navbar toggle.
"""

from __future__ import annotations

from dash import ALL, MATCH, Input, Output, State

from dashboard import ids
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import add_table_toggle
from dashboard.components.data_download import IMAGE_BUTTON, IMAGE_STATUS, SAVE_IMAGE_SCRIPT

callbacks = CallbackSet()
add_table_toggle(callbacks)

callbacks.clientside(
    """
    function(addresses, search) {
        const address = addresses[0];
        if (!address || address === search) {
            return window.dash_clientside.no_update;
        }
        return address;
    }
    """,
    Output(ids.URL, "search", allow_duplicate=True),
    Input({"type": ids.DRAWN_VIEW, "page": ALL}, "data-address"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)

callbacks.clientside(
    SAVE_IMAGE_SCRIPT,
    Output({"type": IMAGE_STATUS, "graph": MATCH}, "children"),
    Input({"type": IMAGE_BUTTON, "graph": MATCH, "format": ALL}, "n_clicks"),
    State(ids.CLIENT_MESSAGES, "data"),
    prevent_initial_call=True,
)

callbacks.clientside(
    """
    async function(clicks, messages) {
        if (!clicks) {
            return window.dash_clientside.no_update;
        }
        try {
            await navigator.clipboard.writeText(window.location.href);
            return messages.copied;
        } catch (error) {
            return messages.copy_failed;
        }
    }
    """,
    Output(ids.COPY_STATUS, "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    State(ids.CLIENT_MESSAGES, "data"),
    prevent_initial_call=True,
)

callbacks.clientside(
    """
    function(_clicks, isOpen) {
        return !isOpen;
    }
    """,
    Output(ids.NAVBAR_COLLAPSE, "is_open"),
    Input(ids.NAVBAR_TOGGLER, "n_clicks"),
    State(ids.NAVBAR_COLLAPSE, "is_open"),
    prevent_initial_call=True,
)
