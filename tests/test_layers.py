"""The package's layers import only downward (README, "Layout"), and
``transforms`` holds no interface text, URL or request."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
# Lowest first; a module may import its own layer and any layer before it.
LAYERS: list[set[str]] = [
    {"i18n", "paths", "ids"},
    {"data"},
    {"importer", "transforms"},
    {"wording"},
    {"state"},
    {"figures", "exports"},
    {"runtime"},
    {"serving", "components"},
    {"pages"},
    {"shell", "api", "server"},
    {"app"},
    {"wsgi", "cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
MODULES = sorted(PACKAGE.rglob("*.py"))
# What ``transforms`` may take from ``i18n``: the marker of the English column
# definitions its tables carry for the data dictionary (translated by the file
# writer), never a translation.
TRANSFORMS_FROM_I18N = {"N_"}
NOT_IN_TRANSFORMS = ("babel", "dash", "flask", "urllib", "dashboard.state", "dashboard.wording")


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in ``path``, ``from dashboard import x`` as
    ``dashboard.x``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [alias.name for alias in node.names]
            if node.module == "dashboard":
                found += [(f"dashboard.{name}", []) for name in names]
            else:
                found.append((node.module, names))
    return found


def test_every_module_belongs_to_a_layer():
    assert {_layer(path) for path in MODULES} - {"__init__"} <= set(RANK)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_downward(path):
    layer = _layer(path)
    if layer == "__init__":
        return
    upward = [
        module
        for module, _names in _imports(path)
        if module.startswith("dashboard.") and RANK[module.split(".")[1]] > RANK[layer]
    ]
    assert upward == [], f"{layer} imports a layer above it"


@pytest.mark.parametrize(
    "path",
    sorted(PACKAGE.joinpath("transforms").glob("*.py")),
    ids=lambda p: p.name,
)
def test_transforms_hold_no_interface_text_url_or_request(path):
    imports = _imports(path)
    banned = [
        m for m, _ in imports if any(m == b or m.startswith(f"{b}.") for b in NOT_IN_TRANSFORMS)
    ]
    assert banned == []
    from_i18n = {name for module, names in imports if module == "dashboard.i18n" for name in names}
    assert from_i18n <= TRANSFORMS_FROM_I18N
