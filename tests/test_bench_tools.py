"""The benchmarks' own code: their statistics, their synthetic data, and two of them run end to end.

The README's results table is only as good as the commands behind it, so these
check that the commands still run on a fresh install and measure what they say.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from common import percentile, plotly_js_path  # noqa: E402
from synthetic import YEARS, write_operations  # noqa: E402

from dashboard.data import list_operations, load_operations  # noqa: E402


@given(
    st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=2, max_size=60),
    st.integers(min_value=1, max_value=99),
)
def test_percentile_is_the_inclusive_quantile(values: list[float], q: int) -> None:
    """Linear between closest ranks is what ``statistics.quantiles`` calls "inclusive"."""
    expected = statistics.quantiles(values, n=100, method="inclusive")[q - 1]
    assert percentile(values, q) == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_percentile_of_one_value_and_of_none() -> None:
    assert percentile([42.0], 95) == 42.0
    assert percentile([3.0, 1.0, 2.0], 100) == 3.0
    assert math.isnan(percentile([], 50))


def test_synthetic_operations_pass_the_data_rules(tmp_path: Path) -> None:
    """The generated folders load through the same validation as data/, with 8 years each."""
    ids = write_operations(tmp_path, 3)
    assert list_operations(tmp_path) == ids == [f"synthetic-{n:04d}" for n in range(3)]
    operations = load_operations(ids, tmp_path)
    for op_id in ids:
        operation = operations[op_id]
        assert operation.meta.source == "Synthetic benchmark data"
        assert sorted(operation.budget["year"].unique()) == YEARS
        assert operation.budget.groupby("year")["pillar"].nunique().eq(4).all()
        assert sorted(operation.narratives["year"].unique()) == YEARS


def _run_bench(script: str, *args: str, results: Path) -> dict:
    env = {**os.environ, "BENCH_RESULTS_DIR": str(results)}
    completed = subprocess.run(
        [sys.executable, f"bench/{script}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    name = script.removeprefix("bench_").removesuffix(".py")
    return json.loads((results / f"{name}.json").read_text(encoding="utf-8"))


def test_scale_benchmark_runs_on_one_synthetic_operation(tmp_path: Path) -> None:
    data_before = sorted(p.name for p in (REPO / "data" / "operations").iterdir())
    report = _run_bench(
        "bench_scale.py", "--sizes", "1", "--requests", "8", "--load-runs", "1", results=tmp_path
    )
    (size,) = report["sizes"]
    assert size["operations"] == 1
    assert size["years"] == len(YEARS)
    assert len(size["runs"]) == 1
    assert size["load_catalogue_s"] > 0
    assert size["worker_rss_mb"] > 0
    assert "budget-year-heading.children" in size["callbacks"]
    for latency in size["callbacks"].values():
        assert 0 < latency["p50_ms"] <= latency["p95_ms"]
    assert sorted(p.name for p in (REPO / "data" / "operations").iterdir()) == data_before


def test_transfer_benchmark_counts_the_plotly_file_the_app_serves(tmp_path: Path) -> None:
    plotly_file = plotly_js_path()
    report = _run_bench("bench_transfer.py", results=tmp_path)
    pages = {page["page"]: page for page in report["pages"]}
    assert set(pages) == {"/", "/budget", "/narratives", "/contributions"}
    for page in pages.values():
        assert page["plotly_decoded_bytes"] == plotly_file.stat().st_size
        assert 0 < page["plotly_wire_bytes"] < page["plotly_decoded_bytes"]
        assert page["wire_bytes"] == sum(r["wire_bytes"] for r in page["detail"])
        assert page["target_met"] == (page["wire_bytes"] <= 1.5 * 2**20)


def test_screenshots_command_writes_a_whole_page_png(tmp_path: Path) -> None:
    """``bench/screenshots.py`` on one page, language and width: a PNG as wide as
    the window and as tall as the whole page (taller than the window)."""
    one_page = ["--pages", "/budget", "--languages", "fr", "--widths", "375"]
    completed = subprocess.run(
        [sys.executable, "bench/screenshots.py", str(tmp_path / "shots"), *one_page],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    png = tmp_path / "shots" / "budget_fr_375.png"
    assert completed.stdout.split() == [str(png)]
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert width == 375 and height > 900


def test_callbacks_benchmark_times_a_recorded_request_and_its_parts(tmp_path: Path) -> None:
    from callback_requests import body

    from dashboard.app import create_app

    request = body(
        create_app(),
        "narratives-heading.children",
        "2020",
        "?year=2020",
        state=("/narratives", None),
    )
    bodies = tmp_path / "server.json"
    recorded = {"page": "/narratives", "callback": "narratives", "status": 200, "body": request}
    bodies.write_text(json.dumps({"callbacks": [recorded]}), encoding="utf-8")
    report = _run_bench(
        "bench_callbacks.py",
        "--requests",
        "20",
        "--rounds",
        "2",
        "--bodies",
        str(bodies),
        results=tmp_path,
    )
    (timed,) = report["callbacks"]
    parts = timed["us"]
    assert 0 < parts["callback function"] < parts["dispatch"] < parts["total"]
    hooks = {name: us for name, us in parts.items() if name.startswith(("before:", "after:"))}
    assert "before: _begin" in hooks and "after: _end" in hooks
    assert all(us > 0 for us in hooks.values())
    assert parts["dispatch"] + sum(hooks.values()) < parts["total"]
