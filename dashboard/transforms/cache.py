"""Derived tables computed once per loaded operation.

An ``Operation``'s tables are read-only once loaded, and the app keeps the same
``Operation`` object for its lifetime, so a table derived from it (yearly
totals, a year's split) can be computed on the first request and reused by
every later one.  The cache is keyed on the object's identity (a frozen
dataclass of DataFrames cannot be hashed) and forgets an operation when it is
garbage-collected, so an operation loaded again (another app, a test) starts
afresh.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd

from dashboard.data import Operation

P = ParamSpec("P")
R = TypeVar("R")

# Arguments per operation and function (years, measures) that one operation keeps;
# a bound, so odd arguments cannot grow the cache without limit.
MAX_ENTRIES = 256
_MISSING = object()


def per_operation(
    function: Callable[Concatenate[Operation, P], R],
) -> Callable[Concatenate[Operation, P], R]:
    """Memoise ``function(operation, *args)`` while ``operation`` lives.

    ``args`` must be hashable.  A DataFrame result is handed out as a copy
    (microseconds for these small tables), so a caller that changes it does
    not change the cached table.
    """
    entries: dict[int, dict[Hashable, object]] = {}
    lock = threading.Lock()

    def forget(key: int) -> None:
        entries.pop(key, None)

    @functools.wraps(function)
    def cached(operation: Operation, *args: P.args, **kwargs: P.kwargs) -> R:
        key = id(operation)
        results = entries.get(key)
        if results is None:
            with lock:
                results = entries.get(key)
                if results is None:
                    results = entries[key] = {}
                    weakref.finalize(operation, forget, key)
        arg_key = (args, tuple(sorted(kwargs.items())))
        result = results.get(arg_key, _MISSING)
        if result is _MISSING:
            if len(results) >= MAX_ENTRIES:
                results.clear()
            result = results[arg_key] = function(operation, *args, **kwargs)
        return result.copy() if isinstance(result, pd.DataFrame) else result

    return cached
