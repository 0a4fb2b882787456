"""The app factory: ``create_app`` loads the data and builds the Dash app around it.

How a request flows (README, "How a request flows"): the layout is the URL and
an empty frame (``shell.frame``); the page's HTML carries the frame drawn for
its address (``shell.index``), else the URL's callback draws it
(``shell.routing``); a year or filter switch updates the page in place.
"""

from __future__ import annotations

from pathlib import Path

import dash
from dash import html

from dashboard import api, runtime
from dashboard.components.callback_check import check_callbacks
from dashboard.pages import PAGES
from dashboard.paths import assets_dir
from dashboard.server import harden
from dashboard.serving import live_data, metrics, request_log
from dashboard.serving.scripts import PolyfillFreeDash
from dashboard.shell import browser, downloads, index, routing
from dashboard.shell.frame import app_layout, frame
from dashboard.state.view import read_view


def create_app(data_dir: Path | str | None = None) -> dash.Dash:
    """Load and validate the data, then build the app around it."""
    app = PolyfillFreeDash(
        __name__,
        assets_folder=str(assets_dir()),
        title="Operation dashboard",
        update_title=None,
        serve_locally=True,
        # Checked once here (``check_callbacks``) rather than in every browser,
        # which would need every page's layout sent inside each page.
        suppress_callback_exceptions=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        hooks=index.RENDERER_HOOKS,
    )
    index.install(app)
    request_log.install(app.server)
    catalogue = live_data.install(app.server, data_dir).catalogue
    metrics.install(app.server)
    app.server.register_blueprint(api.blueprint)
    app.layout = app_layout()
    for callbacks in (routing.callbacks, downloads.callbacks, browser.callbacks):
        callbacks.register(app)
    for page in PAGES:
        if hasattr(page, "callbacks"):
            page.callbacks.register(app)
    check_callbacks(app, _every_page(catalogue))
    harden(app)  # the CSP hashes every inline script registered above
    index.write_page_for_address(app)  # after compression, so it edits the plain HTML
    return app


def _every_page(catalogue: runtime.Catalogue) -> html.Div:
    """The layout with every page's frame in it, and the widgets a page draws
    once per item of its data (which the data may not have): what every
    callback's components are checked against."""
    views = [read_view(page.PATH, "", catalogue) for page in PAGES]
    examples = [
        widget
        for page in PAGES
        if hasattr(page, "widget_examples")
        for widget in page.widget_examples()
    ]
    return html.Div(
        [app_layout(), *(html.Div(frame(view, catalogue)) for view in views), *examples]
    )
