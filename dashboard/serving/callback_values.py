"""Values the app's own stores can hold, checked before a callback sees them.

The year store and the year menu hold only a year the operations cover (a
number, a text), the operation store a known operation id; URL parts are
strings.  A request carrying anything else did not come from the dashboard's
pages and is refused with 400 instead of reaching the page callbacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dashboard import ids, runtime

URL_PROPERTIES = ("search", "pathname", "hash", "href")


class BadValue(ValueError):
    pass


def _entries(items: list) -> Iterator[dict]:
    for item in items:
        yield from item if isinstance(item, list) else [item]


def _check(component: Any, prop: str, value: Any) -> None:
    if value is None:
        return
    catalogue = runtime.catalogue()
    if (component, prop) in ((ids.YEAR, "data"), (ids.YEAR_SELECT, "value")):
        years = catalogue.years
        if _year_in(value, as_text=component == ids.YEAR_SELECT) not in years:
            raise BadValue(f"'{component}' must be one of {min(years)}-{max(years)}")
    elif component == ids.OPERATION and prop == "data":
        if value not in catalogue.operations:
            raise BadValue(f"'{ids.OPERATION}' must be one of {', '.join(catalogue.ids)}")
    elif prop in URL_PROPERTIES and not isinstance(value, str):
        raise BadValue(f"'{component}.{prop}' must be a string")


def _year_in(value: Any, as_text: bool) -> int | None:
    """The year ``value`` holds: a number in the year store, four digits in the menu."""
    if as_text:
        digits = isinstance(value, str) and len(value) == 4 and value.isascii()
        return int(value) if digits and value.isdigit() else None
    return value if type(value) is int else None


def check_values(body: dict) -> None:
    """Raise ``BadValue`` when an input or state holds a value the app never sends."""
    for entry in _entries([*body.get("inputs", []), *body.get("state", [])]):
        _check(entry["id"], entry["property"], entry.get("value"))
