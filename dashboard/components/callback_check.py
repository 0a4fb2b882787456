"""Check, once when the app is built, that every callback fits the layout.

Dash's renderer can make this check in the browser, against a validation layout
sent inside every page (some 50 KB of JSON here, serialised on every request
and walked by the renderer before the first view).  Made here instead, a
callback that names a component or property no page has stops the app from
starting, with the callback named, and the pages carry nothing for it.
"""

from __future__ import annotations

import json
from typing import Any

import dash

from dashboard.components.callbacks import WILDCARDS, components_with_ids, select

WILDCARD_BY_NAME = {str(wildcard): wildcard for wildcard in WILDCARDS}


class CallbackLayoutMismatch(ValueError):
    """A callback names a component or property that no page's layout has."""


def dependency_key_parts(key: str) -> list[dict]:
    """The ``{"id", "property"}`` items of a callback's output key in
    ``app.callback_map`` and ``/_dash-dependencies`` (``a.children``, or
    ``..a.children...{"set":"/x","type":"y"}.data..`` for several outputs);
    a pattern-matching id comes back as a dict with Dash's wildcards."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    described = []
    for part in parts:
        component_id, prop = part.rsplit(".", 1)
        # An output another callback shares (``allow_duplicate``) ends in ``@hash``.
        described.append({"id": _as_id(component_id), "property": prop.split("@")[0]})
    return described


def check_callbacks(app: dash.Dash, layout: Any) -> None:
    """Raise ``CallbackLayoutMismatch`` listing every output, input and state of
    ``app``'s callbacks whose id matches no component of ``layout`` (every page's
    layout), or whose property that component does not have."""
    components = list(components_with_ids(layout))
    problems = []
    for key, spec in app.callback_map.items():
        for dependency in [*dependency_key_parts(key), *spec["inputs"], *spec["state"]]:
            problem = _problem(components, _as_id(dependency["id"]), dependency["property"])
            if problem:
                problems.append(f"callback {key}: {problem}")
    if problems:
        raise CallbackLayoutMismatch("\n".join(problems))


def _as_id(component_id: str | dict) -> str | dict:
    """A dependency's id as a string, or as a dict with Dash's wildcards
    (``callback_map`` keeps a pattern-matching id as JSON, a wildcard as
    ``["ALL"]``)."""
    if isinstance(component_id, dict) or not component_id.startswith("{"):
        return component_id
    return {
        key: WILDCARD_BY_NAME[value[0]] if isinstance(value, list) else value
        for key, value in json.loads(component_id).items()
    }


def _problem(components: list[Any], component_id: str | dict, prop: str) -> str | None:
    found = select(components, component_id)
    if not found:
        return f"no component has the id {component_id!r}"
    for component in found:
        wildcard = any(prop.startswith(prefix) for prefix in component._valid_wildcard_attributes)
        if prop not in component._prop_names and not wildcard:
            return f"{type(component).__name__} {component_id!r} has no property {prop!r}"
    return None
