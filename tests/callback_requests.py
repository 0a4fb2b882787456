"""Build the JSON body Dash's front end posts to ``/_dash-update-component``."""

from __future__ import annotations

import json
from typing import Any

import dash
from dash import ALL, ALLSMALLER, MATCH

UPDATE = "/_dash-update-component"


def output_key(app: dash.Dash, first_output: str) -> str:
    """The registered output string of the callback whose first output is ``first_output``."""
    for key, spec in app.callback_map.items():
        outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
        first = outputs[0]
        if f"{first.component_id}.{first.component_property}" == first_output:
            return key
    raise KeyError(first_output)


def _is_pattern(component_id: Any) -> bool:
    """A pattern-matching id (``{"type": ..., "path": ALL}``), as a dict or its JSON."""
    return isinstance(component_id, dict) or str(component_id).startswith("{")


def callback_outputs(output_key: str) -> list[dict]:
    """The outputs of a multi-output callback's key in ``/_dash-dependencies``
    (``..a.children...{"set":"/x","type":"y"}.data..``), as the browser describes them."""
    described = []
    for part in output_key.strip(".").split("..."):
        component_id, prop = part.rsplit(".", 1)
        if component_id.startswith("{"):
            component_id = json.loads(component_id)
        described.append({"id": component_id, "property": prop})
    return described


def _is_wildcard(component_id: Any) -> bool:
    """An output id that matches many components (an ``ALL`` in it), not one dict id."""
    return isinstance(component_id, dict) and any(
        value is ALL or value is MATCH or value is ALLSMALLER for value in component_id.values()
    )


def _entry(item: dict, value: Any) -> dict | list:
    """An input or state entry; a wildcard pattern's value is already the list of
    matched entries, and a dict id without a wildcard is sent as the dict."""
    component_id = item["id"]
    if _is_pattern(component_id):
        component_id = json.loads(component_id) if isinstance(component_id, str) else component_id
        if any(isinstance(part, list) for part in component_id.values()):
            return value
    return {"id": component_id, "property": item["property"], "value": value}


def body(app: dash.Dash, first_output: str, *values: Any, state: tuple = ()) -> dict:
    """A request for the callback with ``first_output``, giving its inputs ``values``.

    A pattern-matching input or state takes the list of entries it matched (``[]``
    for none); a wildcard output is sent as matching no component.
    """
    key = output_key(app, first_output)
    spec = app.callback_map[key]
    outputs = spec["output"] if isinstance(spec["output"], list) else [spec["output"]]
    described = [
        []
        if _is_wildcard(o.component_id)
        else {"id": o.component_id, "property": o.component_property}
        for o in outputs
    ]
    return {
        "output": key,
        "outputs": described if isinstance(spec["output"], list) else described[0],
        "inputs": [_entry(item, value) for item, value in zip(spec["inputs"], values, strict=True)],
        "state": [_entry(item, value) for item, value in zip(spec["state"], state, strict=True)],
        "changedPropIds": [f"{spec['inputs'][0]['id']}.{spec['inputs'][0]['property']}"],
    }
