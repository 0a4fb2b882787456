"""Callbacks that run in the browser: no server round trip.

- The year menu writes the year picked to the URL.  This one widget writes the
  URL in the browser rather than through ``state.view.view_search`` on the
  server: a year switch is the common case, and a server callback first would
  put a second round trip before the charts' (the page views then wait for the
  new URL).  It sets only ``year``, keeping every other parameter as it is, as
  ``view_search`` would, and only when the year differs from the one the page
  shows (the menu's ``data-year``): the menu reports its value when it is drawn
  or set from the URL too, and that must not write the URL.
- Copy link, save a chart as an image, the table buttons, the navbar toggle.
"""

from __future__ import annotations

from dash import ALL, MATCH, Input, Output, State

from dashboard import ids
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import add_table_toggle
from dashboard.components.data_download import IMAGE_BUTTON, IMAGE_STATUS, SAVE_IMAGE_SCRIPT
from dashboard.state.view import YEAR_PARAM

callbacks = CallbackSet()
add_table_toggle(callbacks)

callbacks.clientside(
    """
    function(value, shown, search) {
        if (!value || value === shown) {
            return window.dash_clientside.no_update;
        }
        const params = new URLSearchParams(search || "");
        params.set("{year}", value);
        return "?" + params.toString();
    }
    """.replace("{year}", YEAR_PARAM),
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.YEAR_SELECT, "value"),
    State(ids.YEAR_MENU, "data-year"),
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
