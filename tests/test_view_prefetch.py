"""After a year switch, the page's views of the operation's other years are
computed in the background (``components.view_prefetch``)."""

from __future__ import annotations

import ctypes
import multiprocessing
import threading
import time

import pytest

from dashboard.components.view_cache import is_kept, page_values
from dashboard.components.view_prefetch import THREAD_NAME, prefetch_years
from dashboard.data import load_operation
from dashboard.state.view import ViewState

# The seed's years (its year list and budget table).
SEED_YEARS = range(2015, 2022)


@pytest.fixture(scope="module")
def operation():
    return load_operation("kazakhstan-mco")


def view(year: int) -> ViewState:
    return ViewState(
        path="/budget",
        operation_ids=("kazakhstan-mco",),
        year=year,
        lang="fr",
        filters=(),
        query=(("lang", "fr"), ("year", str(year))),
    )


def wait_until(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def counting_update(calls: list[int]):
    def update(view_state: ViewState, _operations) -> dict:
        calls.append(view_state.year)
        return {"year": view_state.year}

    return update


def test_the_other_years_of_the_page_are_kept_soon_after_a_switch(operation):
    calls: list[int] = []
    update = counting_update(calls)
    page_values(update, view(2019), [operation])
    prefetch_years(update, view(2019), [operation])
    others = [view(year) for year in SEED_YEARS if year != 2019]
    assert wait_until(lambda: all(is_kept(update, v, [operation]) for v in others))
    assert sorted(calls) == list(SEED_YEARS)  # each year computed once
    assert page_values(update, view(2016), [operation]) == {"year": 2016}
    assert sorted(calls) == list(SEED_YEARS)


def test_views_kept_already_are_not_computed_again(operation):
    calls: list[int] = []
    update = counting_update(calls)
    for year in SEED_YEARS:
        page_values(update, view(year), [operation])
    prefetch_years(update, view(2020), [operation])
    time.sleep(0.2)
    assert sorted(calls) == list(SEED_YEARS)


def test_a_view_that_fails_is_logged_and_the_others_are_still_computed(operation, caplog):
    def update(view_state: ViewState, _operations) -> dict:
        if view_state.year == 2017:
            raise ValueError("no 2017")
        return {"year": view_state.year}

    prefetch_years(update, view(2020), [operation])
    others = [view(year) for year in SEED_YEARS if year not in (2017, 2020)]
    assert wait_until(lambda: all(is_kept(update, v, [operation]) for v in others))
    assert not is_kept(update, view(2017), [operation])
    assert wait_until(lambda: "no 2017" in caplog.text)


def _prefetch_in_child(operation, results) -> None:
    update = counting_update([])
    prefetch_years(update, view(2020), [operation])
    others = [view(year) for year in SEED_YEARS if year != 2020]
    results.put(wait_until(lambda: all(is_kept(update, v, [operation]) for v in others)))


def test_a_forked_worker_computes_its_own_views(operation):
    """gunicorn forks its workers from a process whose thread does not follow them."""
    prefetch_years(counting_update([]), view(2015), [operation])  # the parent's thread
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_prefetch_in_child, args=(operation, results))
    child.start()
    child.join(60)
    assert results.get(timeout=5) is True


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_the_views_are_computed_after_their_thread_was_stopped(operation):
    """Dash's test server stops every thread started after it (as here), ours too."""
    prefetch_years(counting_update([]), view(2021), [operation])
    started = [thread for thread in threading.enumerate() if thread.name == THREAD_NAME]
    assert len(started) == 1
    for thread in started:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(SystemExit)
        )
    prefetch_years(counting_update([]), view(2021), [operation])  # wakes it: it stops
    for thread in started:
        thread.join(10)
        assert not thread.is_alive()
    update = counting_update([])
    prefetch_years(update, view(2021), [operation])
    others = [view(year) for year in SEED_YEARS if year != 2021]
    assert wait_until(lambda: all(is_kept(update, v, [operation]) for v in others))
