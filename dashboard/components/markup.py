"""Blocks of text that the browser draws from one attribute instead of Dash mounting them.

Every component Dash mounts costs its renderer a pass over the whole page, and
so does every store update while it is mounted.  A block that a year switch
replaces and that holds only text (the budget page's cards and pillar table,
each chart's "Show as table") would mount dozens.  Such a block is built from
``dash.html`` components as usual, then sent as JSON in the ``data-markup``
attribute of one holder ``Div``; ``assets/js/markup.js`` draws it with
``createElement``, ``textContent`` and a fixed set of tags and attributes, never
as HTML source.  Nothing in a block can have an id or a callback.

Price tag (``python bench/bench_renderer.py --pages / /budget``, third and
fourth rounds in bench/HISTORY.md): the chart tables as Dash components cost
165 store updates and about 100 ms of every ``/budget`` year switch; drawing
the budget cards and pillar table this way took that page's store updates per
switch from 120 to 72 and the time in them from 69 to 39 ms; drawing the
overview's key figure cards this way took that page from 188 components to
146 and its time in store updates per switch from 68-80 to 59-61 ms
(fourteenth round).  Dash mounts
components from JSON too, but each one as a component in its store: that is
the cost this module avoids.
"""

from __future__ import annotations

import json
import re
from typing import Any

from dash.development.base_component import Component

MARKUP = "data-markup"
# The tags and attributes a block may use; markup.js accepts the same.
TAGS = frozenset(
    ("caption", "div", "li", "p", "span", "table", "tbody", "td", "th", "thead", "time", "tr", "ul")
)
ATTRIBUTES = {
    "className": "class",
    "colSpan": "colspan",
    "dateTime": "datetime",
    "lang": "lang",
    "role": "role",
    "rowSpan": "rowspan",
    "scope": "scope",
    "tabIndex": "tabindex",
    "title": "title",
}
_PASSED_AS_IS = re.compile(r"(data|aria)-[a-z0-9-]+")


def markup(content: Any) -> str:
    """``content`` (html components, text, numbers, lists of them, None for nothing)
    as the JSON of a ``data-markup`` attribute: a text is a string, an element
    ``{"t": tag, "a": attributes, "s": style, "c": children}``."""
    return json.dumps(_node(content), ensure_ascii=False, separators=(",", ":"))


def _node(content: Any) -> Any:
    if content is None:
        return []
    if isinstance(content, str):
        return content
    if isinstance(content, int | float) and not isinstance(content, bool):
        return str(content)
    if isinstance(content, list | tuple):
        return [_node(child) for child in content]
    if isinstance(content, Component):
        return _element(content)
    raise TypeError(f"a drawn block cannot hold {type(content).__name__}")


def _element(component: Component) -> dict:
    tag = component._type.lower()
    if component._namespace != "dash_html_components" or tag not in TAGS:
        raise TypeError(f"a drawn block cannot hold {component._namespace}.{component._type}")
    props = {
        name: value
        for name, value in component.to_plotly_json()["props"].items()
        if value is not None
    }
    element: dict[str, Any] = {"t": tag}
    children = props.pop("children", None)
    style = props.pop("style", None)
    attributes = {_attribute(name): str(value) for name, value in props.items()}
    if attributes:
        element["a"] = attributes
    if style:
        element["s"] = {_kebab(name): str(value) for name, value in style.items()}
    if children is not None:
        element["c"] = _node(children if isinstance(children, list | tuple) else [children])
    return element


def _attribute(name: str) -> str:
    if name in ATTRIBUTES:
        return ATTRIBUTES[name]
    if _PASSED_AS_IS.fullmatch(name):
        return name
    raise TypeError(f"a drawn block cannot carry the property {name!r}")


def _kebab(name: str) -> str:
    """``backgroundColor`` as CSS names it, ``background-color``."""
    return re.sub(r"[A-Z]", lambda match: "-" + match.group().lower(), name)
