"""Refuse malformed requests to Dash's callback endpoint before Dash reads them.

Dash assumes the body its own front end sends; anything else (not JSON, a
list, missing fields, an output no callback has, inputs that do not match the
callback's) would raise inside Dash and answer 500.  This check answers 4xx
with a JSON ``{"error": ...}`` instead, naming what is wrong.  The values of
the shell's stores are checked too (``callback_values``).
"""

from __future__ import annotations

import json
from typing import Any

import dash
import flask

from dashboard.serving.callback_values import BadValue, check_values
from dashboard.serving.errors import json_error

ENDPOINT = "_dash-update-component"


class BadCallbackRequest(ValueError):
    """The body is not a callback request this app can answer."""


def _is_id(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, dict) and all(isinstance(key, str) for key in value)
    )


def _check_dependency(item: Any, spec: dict[str, str], where: str) -> None:
    """``item`` is the body's entry for the declared input/state ``spec``."""
    wildcard = spec["id"].startswith("{")
    entries = item if wildcard and isinstance(item, list) else [item]
    expected_keys = set(json.loads(spec["id"])) if wildcard else None
    for entry in entries:
        if not (isinstance(entry, dict) and _is_id(entry.get("id"))):
            raise BadCallbackRequest(f"{where} must be objects with an 'id' and a 'property'")
        if entry.get("property") != spec["property"]:
            raise BadCallbackRequest(f"{where}: expected property '{spec['property']}'")
        if wildcard:
            if not (isinstance(entry["id"], dict) and set(entry["id"]) == expected_keys):
                raise BadCallbackRequest(f"{where}: unknown component id")
        elif entry["id"] != spec["id"]:
            raise BadCallbackRequest(f"{where}: unknown component id '{str(entry['id'])[:80]}'")


def _check_list(body: dict, field: str, specs: list[dict[str, str]], required: bool) -> None:
    items = body.get(field, None if required else [])
    if not isinstance(items, list):
        raise BadCallbackRequest(f"'{field}' must be a list")
    if len(items) != len(specs):
        raise BadCallbackRequest(f"'{field}' must have {len(specs)} entries, not {len(items)}")
    for index, (item, spec) in enumerate(zip(items, specs, strict=True)):
        _check_dependency(item, spec, f"{field}[{index}]")


def check_body(body: Any, callback_map: dict[str, dict]) -> None:
    """Raise ``BadCallbackRequest`` unless ``body`` matches a registered callback."""
    if not isinstance(body, dict):
        raise BadCallbackRequest("the body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str):
        raise BadCallbackRequest("'output' must be a string")
    if output not in callback_map:
        raise BadCallbackRequest(f"no callback has the output '{output[:80]}'")
    outputs = body.get("outputs")
    output_items = outputs if isinstance(outputs, list) else [outputs]
    for item in output_items:
        entries = item if isinstance(item, list) else [item]
        for entry in entries:
            if not (isinstance(entry, dict) and _is_id(entry.get("id"))):
                raise BadCallbackRequest("'outputs' must be objects with an 'id' and a 'property'")
            if not isinstance(entry.get("property"), str):
                raise BadCallbackRequest("'outputs' must be objects with an 'id' and a 'property'")
    spec = callback_map[output]
    _check_list(body, "inputs", spec["inputs"], required=True)
    _check_list(body, "state", spec["state"], required=False)
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(prop, str) for prop in changed)):
        raise BadCallbackRequest("'changedPropIds' must be a list of strings")


def install(app: dash.Dash) -> None:
    path = app.config.routes_pathname_prefix + ENDPOINT

    @app.server.before_request
    def _guard_callback_requests() -> flask.Response | None:
        request = flask.request
        if request.path != path or request.method != "POST":
            return None
        if not request.is_json:
            return json_error(415, "callback requests must be application/json")
        body = request.get_json(silent=True)
        if body is None:
            return json_error(400, "the body is not valid JSON")
        try:
            check_body(body, app.callback_map)
            check_values(body)
        except (BadCallbackRequest, BadValue) as exc:
            return json_error(400, str(exc))
        return None
