"""Time the data layer and the importer on the shipped data.

    python bench/bench_data.py [--repeat N]

Prints the median and best wall time of: parsing the seed page, a full import
(parse, write, validate, swap) into a temporary folder, and load_operation.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dashboard.data import load_operation
from dashboard.importer import import_page, parse_page
from dashboard.paths import default_data_dir

OPERATION_ID = "kazakhstan-mco"


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    data_dir = default_data_dir()
    seed = next((data_dir / "operations" / OPERATION_ID / "sources").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        cases = {
            "parse_page(seed)": lambda: parse_page(text),
            "import_page(seed) into a new folder": lambda: import_page(
                seed, OPERATION_ID, Path(tempfile.mkdtemp(dir=scratch))
            ),
            "load_operation(kazakhstan-mco)": lambda: load_operation(OPERATION_ID, data_dir),
        }
        print(f"{'case':40} {'median ms':>10} {'best ms':>10}  (n={args.repeat})")
        for name, function in cases.items():
            median, best = timed(function, args.repeat)
            print(f"{name:40} {median * 1000:10.2f} {best * 1000:10.2f}")


if __name__ == "__main__":
    main()
