"""Read a layout in the JSON form Dash sends (a callback's answer, ``/_dash-layout``)."""

from __future__ import annotations

import json


def props_by_id(node, found: dict | None = None) -> dict:
    """The props of every component with an id in a layout's JSON, by id (a
    pattern-matching id as its sorted items)."""
    found = {} if found is None else found
    if isinstance(node, list):
        for child in node:
            props_by_id(child, found)
    elif isinstance(node, dict) and isinstance(node.get("props"), dict):
        props = node["props"]
        key = props.get("id")
        if key is not None:
            found[key if isinstance(key, str) else tuple(sorted(key.items()))] = props
        props_by_id(props.get("children"), found)
    return found


def texts(node) -> list[str]:
    """Every string in a layout JSON's tree of children."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [text for child in node for text in texts(child)]
    if isinstance(node, dict) and isinstance(node.get("props"), dict):
        return texts(node["props"].get("children"))
    return []


def first_frame(page_html: str) -> dict:
    """The frame the page's HTML carries for its address (``shell.index``)."""
    start = page_html.index('<script id="first-frame" type="application/json">')
    return json.loads(
        page_html[page_html.index(">", start) + 1 : page_html.index("</script>", start)]
    )
