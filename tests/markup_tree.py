"""Read a drawn block's JSON (``dashboard.components.markup``) as the browser draws it."""

from __future__ import annotations

import json
from typing import Any


def tree(source: str) -> Any:
    return json.loads(source)


def text(node: Any) -> str:
    """The text content of ``node`` (a block's JSON or a part of it)."""
    if isinstance(node, str) and node.lstrip().startswith(("{", "[")):
        node = json.loads(node)
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(text(child) for child in node)
    return text(node.get("c", []))


def elements(node: Any, tag: str) -> list[dict]:
    """Every element ``tag`` in ``node``, depth first."""
    if isinstance(node, str):
        return elements(json.loads(node), tag) if node.lstrip().startswith(("{", "[")) else []
    if isinstance(node, list):
        return [found for child in node for found in elements(child, tag)]
    return ([node] if node["t"] == tag else []) + elements(node.get("c", []), tag)


def text_nodes(node: Any, skip_lang: str | None = None) -> list[str]:
    """Every text of ``node``, in order, leaving out elements marked ``lang=skip_lang``."""
    if isinstance(node, str) and node.lstrip().startswith(("{", "[")):
        node = json.loads(node)
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [found for child in node for found in text_nodes(child, skip_lang)]
    if skip_lang is not None and node.get("a", {}).get("lang") == skip_lang:
        return []
    return text_nodes(node.get("c", []), skip_lang)
