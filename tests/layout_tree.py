"""Search a Dash component tree returned by a layout or a callback."""

from __future__ import annotations


def find(node, kind) -> list:
    """Every component of type ``kind`` in ``node``'s tree (or list of trees), depth first."""
    if isinstance(node, list | tuple):
        return [found for child in node for found in find(child, kind)]
    found = [node] if isinstance(node, kind) else []
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            found.extend(find(child, kind))
    return found
