"""A page's views of its other years, computed in the background after a year switch.

A year switch to a view that ``components.view_cache`` does not keep yet waits
for the page's update: on the seed, a ``/budget`` answer took 31 ms instead
of 4 (gunicorn, one request at a time), and every gunicorn worker computes
its own.  So when a reader switches the year of a page, the same page's views
of the operation's other years (same language, filters and address) are
queued, and one thread per process computes those not kept yet, one at a
time; the reader's next switches find them kept.

Price tag: year switch p95 on ``/budget`` 108.9 and 125.2 ms before, 94.5
and 93.5 after (1.75-1.94x the bare Dash reference before, 1.32-1.33x after);
``/`` 129.5 and 137.9 -> 115.3 and 124.9 ms
(``python bench/bench_year_switch.py --pages / /budget``, alternating; fourteenth
round in bench/HISTORY.md).  The price: one thread per process and CPU for
views a reader may not ask for (about 25 ms each on the seed's ``/budget``).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence

from dashboard.components.view_cache import Update, is_kept, page_values
from dashboard.data import Operation
from dashboard.state.view import ViewState, in_year

logger = logging.getLogger(__name__)
Job = tuple[Update, list[ViewState], Sequence[Operation]]
THREAD_NAME = "view-prefetch"

_queue: queue.SimpleQueue[Job] = queue.SimpleQueue()
_thread: threading.Thread | None = None
_lock = threading.Lock()


def prefetch_years(update: Update, view: ViewState, operations: Sequence[Operation]) -> None:
    """Queue ``update``'s views of ``view`` in the operations' other years that
    are not kept yet."""
    years = sorted({year for operation in operations for year in operation.meta.years})
    views = [in_year(view, year) for year in years if year != view.year]
    missing = [other for other in views if not is_kept(update, other, operations)]
    if missing:
        _jobs().put((update, missing, list(operations)))


def _jobs() -> queue.SimpleQueue[Job]:
    """This process's queue, with a thread running to empty it: started on first
    use, and again when it is gone (threads do not survive a fork, so a
    gunicorn worker starts its own; a test server's stop ends its threads)."""
    global _queue, _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _queue = queue.SimpleQueue()
            _thread = threading.Thread(
                target=_compute, args=(_queue,), name=THREAD_NAME, daemon=True
            )
            _thread.start()
        return _queue


def _compute(jobs: queue.SimpleQueue[Job]) -> None:
    while True:
        update, views, operations = jobs.get()
        for view in views:
            try:
                page_values(update, view, operations)
            except Exception:  # the same view, asked for, reports it to its reader
                logger.exception("could not compute %s in the background", view)
