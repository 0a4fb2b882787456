"""Callbacks declared beside their layout, registered on each app that is built.

``dash.callback`` hands its callbacks to the first app only, so a process that
builds several apps (tests, several workers' factories) would lose them.  A
``CallbackSet`` records declarations and registers them on any app; the
decorated function stays a plain function that tests can call.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import dash
from dash import ALL, ALLSMALLER, MATCH, Input, Output, State, dcc
from plotly.io.json import to_json_plotly

from dashboard import ids, runtime
from dashboard.data import Operation
from dashboard.transforms.cache import recent

YearView = Callable[[int | None, str | None, str | None], tuple]
# Outputs of remembered callbacks kept, over all callbacks, operations and
# arguments: a year view's are about 70 KiB (so at most some 18 MiB), and the
# shipped operation's 9 years in two languages take 90 for the year views.
VIEW_CACHE_SIZE = 256
WILDCARDS = (ALL, MATCH, ALLSMALLER)
# A year view's arguments, as the shell's components hold them.
YEAR_VIEW_ARGUMENTS = (
    Input(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    State(ids.LANG, "data"),
)


class CallbackSet:
    def __init__(self, name: str = "") -> None:
        """``name`` tells apart the year views of several sets (one per page)."""
        self._year_shown_id = {"type": ids.YEAR_SHOWN, "set": name}
        self._server: list[tuple[tuple, dict, Callable]] = []
        self._client: list[tuple[str, tuple, dict]] = []
        self._year_views: list[tuple[tuple[Output, ...], YearView]] = []
        # What ``prefill`` runs: outputs, the inputs and states whose values the
        # function takes (in order), and the function.
        self._prefilled: list[tuple[tuple[Output, ...], tuple[Input | State, ...], Callable]] = []

    def callback(
        self, *args: Any, remember: bool = False, **kwargs: Any
    ) -> Callable[[Callable], Callable]:
        """Declare a server callback.  With ``remember``, the function (which takes an
        ``operation_id``) must depend on nothing but its arguments and that
        operation's data: its outputs are then kept (see ``remembered``)."""

        def record(function: Callable) -> Callable:
            self._server.append((args, kwargs, remembered(function) if remember else function))
            return function

        return record

    def page_view(self, *args: Any) -> Callable[[Callable], Callable]:
        """Declare a remembered callback (see ``callback``) that fills part of a page
        from the shell's year, operation, language and address query and from the
        page's own inputs.

        The router fills its outputs when it renders the page (``prefill``), so
        the callback runs only when one of its inputs changes later: a first load
        shows the page without a request.
        """

        def record(function: Callable) -> Callable:
            view = remembered(function)
            outputs = tuple(arg for arg in args if isinstance(arg, Output))
            dependencies = tuple(arg for arg in args if isinstance(arg, Input | State))
            self._prefilled.append((outputs, dependencies, view))
            self._server.append((args, {"prevent_initial_call": True}, view))
            return function

        return record

    def year_view(self, *outputs: Output) -> Callable[[YearView], YearView]:
        """Declare ``function(year, operation_id, lang)`` as what fills ``outputs`` for
        the selected year (input: the year menu; state: the operation and language,
        whose changes re-render the whole page).

        The router fills these outputs itself when it renders a page (``prefill``),
        so the page's first charts arrive with its layout rather than one request
        later.  On a year change, all the year views of a set run as one callback
        (see ``register``).  The outputs depend on nothing else, so they are
        computed once per operation, year and language and then served from
        memory.
        """

        def record(function: YearView) -> YearView:
            view = remembered(function)
            self._year_views.append((outputs, view))
            self._prefilled.append((outputs, YEAR_VIEW_ARGUMENTS, view))
            return function

        return record

    def prefill(
        self, layout: Any, year: int, operation_id: str, lang: str, search: str = ""
    ) -> None:
        """Fill, in place, the outputs of every ``year_view`` and ``page_view``
        whose components ``layout`` holds, as the callbacks would for the shell's
        ``year``, ``operation_id``, ``lang`` and address query ``search``; a page's
        own inputs are read from ``layout``."""
        components = list(components_with_ids(layout))
        shell = {
            (ids.YEAR, "data"): year,
            (ids.OPERATION, "data"): operation_id,
            (ids.LANG, "data"): lang,
            (ids.URL, "search"): search,
        }

        def value(dependency: Input | State) -> Any:
            key = (dependency.component_id, dependency.component_property)
            if key in shell:
                return shell[key]
            (component,) = select(components, dependency.component_id)
            return getattr(component, dependency.component_property)

        for outputs, dependencies, function in self._prefilled:
            if all(select(components, output.component_id) for output in outputs):
                _fill(components, outputs, function(*map(value, dependencies)))

    def year_shown(self, year: int) -> list[dcc.Store]:
        """What a page of this set adds to its layout: a store that its year views,
        run as one callback, fill with the year they show.

        A callback that takes it as an input (the shell's, which writes the year to
        the URL) is held back by Dash until the year views have answered, so the
        browser handles the charts' answer first.  None without year views.
        """
        return [dcc.Store(id=self._year_shown_id, data=year)] if self._year_views else []

    def _all_year_views(
        self, menu_year: str | None, operation_id: str | None, lang: str | None
    ) -> tuple:
        """Every year view's outputs for the year menu's value (a year as text,
        checked by ``serving.callback_values``), then the year shown."""
        year = int(menu_year) if menu_year else None
        views = (view(year, operation_id, lang) for _outputs, view in self._year_views)
        return (*(value for outputs in views for value in outputs), year)

    def clientside(self, script: str, *args: Any, **kwargs: Any) -> None:
        self._client.append((script, args, kwargs))

    def register(self, app: dash.Dash) -> None:
        for args, kwargs, function in self._server:
            app.callback(*args, **kwargs)(function)
        if self._year_views:
            # One callback for all: each callback the browser runs costs Dash's
            # renderer some ten store updates, each a pass over the whole page.
            # Its input is the year menu itself rather than the year store, which
            # a clientside callback fills from the menu: the request then leaves
            # as soon as a year is picked, without waiting for that callback.
            outputs = [
                output for view_outputs, _view in self._year_views for output in view_outputs
            ]
            app.callback(
                *outputs,
                Output(self._year_shown_id, "data"),
                Input(ids.YEAR_SELECT, "value"),
                State(ids.OPERATION, "data"),
                State(ids.LANG, "data"),
                prevent_initial_call=True,
            )(self._all_year_views)
        for script, args, kwargs in self._client:
            app.clientside_callback(script, *args, **kwargs)


def remembered(function: Callable[..., tuple]) -> Callable[..., tuple]:
    """``function`` with its outputs kept, per operation and arguments, for the
    ``VIEW_CACHE_SIZE`` most recent calls.

    The data of a loaded operation never changes, so outputs that depend only on
    the arguments and the operation (found from the ``operation_id`` argument)
    can be reused.  They are kept as plain JSON values (figures and components
    turned into the dicts the browser receives), so a repeated call only encodes
    them.  A call that raises (``PreventUpdate`` for a missing year) keeps nothing.
    """
    position = list(inspect.signature(function).parameters).index("operation_id")

    @functools.wraps(function)
    def view(*args: Any) -> tuple:
        return _outputs_as_json(runtime.operation(args[position]), function, args)

    return view


@recent(VIEW_CACHE_SIZE)
def _outputs_as_json(_operation: Operation, function: Callable[..., tuple], args: tuple) -> tuple:
    """``function(*args)``'s outputs as JSON values; one cache for every remembered
    callback, so the memory they hold is bounded as a whole."""
    return tuple(json.loads(to_json_plotly(value)) for value in function(*args))


def fill(layout: Any, outputs: Sequence[Output], values: Sequence[Any]) -> None:
    """Apply a callback's answer to ``layout`` in place, as the browser would:
    each output's property on its component (a pattern-matching output: one value
    per matching component, in layout order); ``no_update`` leaves a property."""
    _fill(list(components_with_ids(layout)), outputs, values)


def matching(layout: Any, component_id: str | dict) -> list[Any]:
    """The components of ``layout`` with ``component_id`` (see ``select``)."""
    return select(list(components_with_ids(layout)), component_id)


def of_type(layout: Any, component_type: type) -> list[Any]:
    """Every component of ``component_type``, with an id, in ``layout``."""
    return [node for node in components_with_ids(layout) if isinstance(node, component_type)]


def _fill(components: list[Any], outputs: Sequence[Output], values: Sequence[Any]) -> None:
    """``fill`` on a tree's ``components``, collected once for all the outputs."""
    for output, value in zip(outputs, values, strict=True):
        if value is dash.no_update:
            continue
        targets = select(components, output.component_id)
        if isinstance(output.component_id, dict):
            for target, item in zip(targets, value, strict=True):
                setattr(target, output.component_property, item)
        else:
            (target,) = targets
            setattr(target, output.component_property, value)


def select(components: list[Any], component_id: str | dict) -> list[Any]:
    """Those of ``components`` with ``component_id``; in a dict id, a wildcard
    (``ALL``, ``MATCH``, ``ALLSMALLER``) matches any value."""

    def matches(candidate: Any) -> bool:
        if isinstance(component_id, str) or not isinstance(candidate, dict):
            return candidate == component_id
        return candidate.keys() == component_id.keys() and all(
            any(wanted is wildcard for wildcard in WILDCARDS) or candidate[key] == wanted
            for key, wanted in component_id.items()
        )

    return [component for component in components if matches(component.id)]


def components_with_ids(node: Any) -> Iterator[Any]:
    """Every component with an id in the tree under ``node``."""
    if isinstance(node, list | tuple):
        for child in node:
            yield from components_with_ids(child)
        return
    if not hasattr(node, "to_plotly_json"):
        return
    if getattr(node, "id", None) is not None:
        yield node
    yield from components_with_ids(getattr(node, "children", None))
