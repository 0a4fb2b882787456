"""A page's values for a view, kept as the JSON the browser receives.

A page's ``update(view, operations)`` depends only on the view and the loaded
operations, whose tables never change while they are loaded.  So its values
are computed once per view and kept, already turned into the JSON values Dash
sends (figures and components as dicts): a repeated view costs only their
encoding.  The page's layout (a first load) and its update callback (a year or
filter switch) read the same entries.

Price tag: on gunicorn with 2 workers, the budget charts callback went from 418
to 1,145 requests/s (p99 51 -> 25 ms) when its outputs were first kept
(``python bench/bench_server.py``, second round in bench/HISTORY.md).  The
cache holds at most ``VIEW_CACHE_SIZE`` entries over all pages and operations
(a budget view is about 70 KiB).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from plotly.io.json import to_json_plotly

from dashboard.data import LoadedOperations, Operation
from dashboard.state.view import ViewState

Operations = Sequence[Operation] | LoadedOperations
Update = Callable[[ViewState, Operations], Mapping[str, Any]]
VIEW_CACHE_SIZE = 256

_entries: OrderedDict[tuple, tuple[list[weakref.ref], dict[str, Any]]] = OrderedDict()
_lock = threading.Lock()


def page_values(update: Update, view: ViewState, operations: Operations) -> dict[str, Any]:
    """``update(view, operations)`` as JSON values, from the cache when it has them.

    The entry is keyed on the operations' identity, so operations loaded again
    (another app, new data) start afresh.  Callers must not change the result.
    """
    key, held = _key(update, view, operations)
    with _lock:
        hit = _kept(key, held)
        if hit is not None:
            _entries.move_to_end(key)
            return hit
    values = {
        name: json.loads(to_json_plotly(value)) for name, value in update(view, operations).items()
    }
    with _lock:
        _entries[key] = ([weakref.ref(item) for item in held], values)
        _entries.move_to_end(key)
        while len(_entries) > VIEW_CACHE_SIZE:
            _entries.popitem(last=False)
    return values


def is_kept(update: Update, view: ViewState, operations: Operations) -> bool:
    """Whether ``page_values`` has the view's values without computing them."""
    key, held = _key(update, view, operations)
    with _lock:
        return _kept(key, held) is not None


def _key(update: Update, view: ViewState, operations: Operations) -> tuple[tuple, list]:
    # A page of every operation gets the loaded mapping itself: one object to key on.
    held = [operations] if isinstance(operations, Mapping) else list(operations)
    return (update, view, tuple(id(item) for item in held)), held


def _kept(key: tuple, held: list) -> dict[str, Any] | None:
    hit = _entries.get(key)
    if hit is not None and all(ref() is item for ref, item in zip(hit[0], held, strict=True)):
        return hit[1]
    return None
