"""Check, once when the app is built, that every callback fits the layout.

Dash's renderer can make this check in the browser, against a validation layout
sent inside every page (some 50 KB of JSON here, serialised on every request
and walked by the renderer before the first view).  Made here instead, a
callback that names a component or property no page has stops the app from
starting, with the callback named, and the pages carry nothing for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ALLSMALLER, MATCH, dcc, html

WILDCARDS = (ALL, MATCH, ALLSMALLER)
LIBRARIES = {
    "dash_html_components": html,
    "dash_core_components": dcc,
    "dash_bootstrap_components": dbc,
}
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
    """Every component with an id in the tree under ``node``; parts of the tree
    already in the JSON form Dash sends (a page's cached values) are made
    components again."""
    if isinstance(node, list | tuple):
        for child in node:
            yield from components_with_ids(child)
        return
    if isinstance(node, dict) and node.get("namespace") in LIBRARIES:
        node = getattr(LIBRARIES[node["namespace"]], node["type"])(**node["props"])
    if not hasattr(node, "to_plotly_json"):
        return
    if getattr(node, "id", None) is not None:
        yield node
    yield from components_with_ids(getattr(node, "children", None))
