"""Values the app's own stores can hold, checked before a callback sees them.

The year and operation stores hold only a year the operation covers (from the
URL or the year menu) and a known operation id; URL parts are strings.  A
request carrying anything else did not come from the dashboard's pages and is
refused with 400 instead of reaching the page callbacks.
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
    if component == ids.YEAR and prop == "data":
        years = {year for op in catalogue.operations.values() for year in op.meta.years}
        if isinstance(value, bool) or not isinstance(value, int) or value not in years:
            raise BadValue(f"'{ids.YEAR}' must be one of {min(years)}-{max(years)}")
    elif component == ids.OPERATION and prop == "data":
        if value not in catalogue.operations:
            raise BadValue(f"'{ids.OPERATION}' must be one of {', '.join(catalogue.ids)}")
    elif prop in URL_PROPERTIES and not isinstance(value, str):
        raise BadValue(f"'{component}.{prop}' must be a string")


def check_values(body: dict) -> None:
    """Raise ``BadValue`` when an input or state holds a value the app never sends."""
    for entry in _entries([*body.get("inputs", []), *body.get("state", [])]):
        _check(entry["id"], entry["property"], entry.get("value"))
