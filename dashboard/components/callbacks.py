"""Callbacks declared beside their layout, registered on each app that is built.

``dash.callback`` hands its callbacks to the first app only, so a process that
builds several apps (tests, several workers' factories) would lose them.  A
``CallbackSet`` records declarations and registers them on any app; the
decorated function stays a plain function that tests can call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dash
from dash import Input, Output, State

from dashboard import ids


class CallbackSet:
    def __init__(self) -> None:
        self._server: list[tuple[tuple, dict, Callable]] = []
        self._client: list[tuple[str, tuple, dict]] = []

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Callable], Callable]:
        """Declare a server callback, as ``dash.callback`` would."""

        def record(function: Callable) -> Callable:
            self._server.append((args, kwargs, function))
            return function

        return record

    def url_writer(self, trigger: Input) -> Callable[[Callable], Callable]:
        """Declare a widget's callback that writes the URL's query:
        ``function(value, search, pathname)`` returns the new query, or raises
        ``PreventUpdate`` when the value is the view's (the widget reports its
        value when a drawn frame mounts it)."""
        return self.callback(
            Output(ids.URL, "search", allow_duplicate=True),
            trigger,
            State(ids.URL, "search"),
            State(ids.URL, "pathname"),
            prevent_initial_call=True,
        )

    def clientside(self, script: str, *args: Any, **kwargs: Any) -> None:
        self._client.append((script, args, kwargs))

    def register(self, app: dash.Dash) -> None:
        for args, kwargs, function in self._server:
            app.callback(*args, **kwargs)(function)
        for script, args, kwargs in self._client:
            app.clientside_callback(script, *args, **kwargs)
