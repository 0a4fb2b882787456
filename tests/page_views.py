"""A page's values and layout for an address, as its callbacks compute them (no browser)."""

from __future__ import annotations

import functools
from types import ModuleType
from typing import Any

import dash

from dashboard import runtime
from dashboard.app import create_app
from dashboard.state.view import read_view


@functools.cache
def app() -> dash.Dash:
    """One app on the shipped data (a chart's options name the app's asset URLs)."""
    return create_app()


def update(page: ModuleType, search: str = "") -> dict[str, Any]:
    """``page.update`` for the view of ``page.PATH`` + ``search``: the values of its
    ``UPDATES`` by name, figures and components as built (not yet JSON)."""
    with app().server.app_context():
        catalogue = runtime.catalogue()
        view = read_view(page.PATH, search, catalogue)
        return page.update(view, catalogue.of(view.operation_ids))


def layout(page: ModuleType, search: str = "") -> Any:
    """``page.layout`` for the view of ``page.PATH`` + ``search``."""
    with app().server.app_context():
        catalogue = runtime.catalogue()
        view = read_view(page.PATH, search, catalogue)
        return page.layout(view, catalogue.of(view.operation_ids))


def call(callback: Any, *args: Any) -> Any:
    """``callback(*args)`` as the app serving the shipped data runs it."""
    with app().server.app_context():
        return callback(*args)
