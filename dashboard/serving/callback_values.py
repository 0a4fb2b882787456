"""Values the app's own components can hold, checked before a callback sees them.

URL parts are strings.  A request carrying anything else did not come from the
dashboard's pages and is refused with 400 instead of reaching the page
callbacks.  (Values within a string, such as an unknown year in the query, are
resolved with a notice by ``state.view.read_view``.)
"""

from __future__ import annotations

from collections.abc import Iterator

URL_PROPERTIES = ("search", "pathname", "hash", "href")


class BadValue(ValueError):
    pass


def _entries(items: list) -> Iterator[dict]:
    for item in items:
        yield from item if isinstance(item, list) else [item]


def check_values(body: dict) -> None:
    """Raise ``BadValue`` when an input or state holds a value the app never sends."""
    for entry in _entries([*body.get("inputs", []), *body.get("state", [])]):
        value = entry.get("value")
        if entry["property"] in URL_PROPERTIES and value is not None and not isinstance(value, str):
            raise BadValue(f"'{entry['id']}.{entry['property']}' must be a string")
