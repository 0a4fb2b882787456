"""Copies of the shipped data with one operation made sparse, built at test time.

Each variation takes something away from the shipped operation (or, for
pillars 3 and 4, adds synthetic rows) and leaves data that loads: see
``VARIATIONS``.  Nothing here is written to ``data/``.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import DATA_DIR, OPERATION_ID

EMPTY_TABLES = {
    "budget": ("budget.csv", "budget_source_totals.csv"),
    "people": ("people_of_concern.csv", "population_by_type.csv", "population_by_country.csv"),
    "key_figures": ("key_figures.csv",),
    "contributions": ("contributions.csv",),
}
YEAR_TABLES = (
    "budget.csv",
    "budget_source_totals.csv",
    "people_of_concern.csv",
    "population_by_type.csv",
    "population_by_country.csv",
    "key_figures.csv",
)
# Pillar 3 and 4 amounts written by the test only: round, and plainly not the seed's.
SYNTHETIC_PILLARS = {3: (100000.0, 50000.0), 4: (200000.0, 20000.0)}
# The source the synthetic rows name: no page, a name that says so.
SYNTHETIC_SOURCE = "synthetic-pillars-3-and-4.txt"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def _write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _keep_rows(path: Path, keep: Callable[[dict[str, str]], bool]) -> None:
    header, rows = _rows(path)
    _write_rows(path, header, [row for row in rows if keep(row)])


def _edit_meta(folder: Path, **changes: Any) -> None:
    path = folder / "operation.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**meta, **changes}, indent=2) + "\n", encoding="utf-8")


def _empty(folder: Path, *names: str) -> None:
    for name in names:
        _keep_rows(folder / name, lambda _row: False)


def _remove_narratives(folder: Path) -> None:
    for path in (folder / "narratives").glob("*.md"):
        path.unlink()
    _empty(folder, "narrative_sources.csv")


def _no_countries(folder: Path) -> None:
    _edit_meta(folder, countries=[])
    (folder / "location.json").unlink()


def _keep_years(folder: Path, years: list[int], report_year: int) -> None:
    """The operation's years become ``years``; rows, contributions and reports of
    other years go."""
    _edit_meta(folder, years=years, report_year=report_year)
    for name in YEAR_TABLES:
        _keep_rows(folder / name, lambda row: int(row["year"]) in years)
    _keep_rows(folder / "contributions.csv", lambda row: int(row["date"][:4]) in years)
    _keep_rows(folder / "narrative_sources.csv", lambda row: int(row["year"]) in years)
    for path in (folder / "narratives").glob("*.md"):
        if int(path.name[:4]) not in years:
            path.unlink()


def _pillars_3_and_4(folder: Path) -> None:
    """Synthetic pillar 3 and 4 rows for every budget year, added to the stated totals
    as well, so the pillars still add up to them (``data.validate.check_pillar_sums``);
    a year without expenditure keeps none."""
    meta = json.loads((folder / "operation.json").read_text(encoding="utf-8"))
    synthetic = {"file": SYNTHETIC_SOURCE, "sha256": "none: made by the test", "report_year": 2020}
    _edit_meta(folder, sources=[*meta["sources"], synthetic])
    header, budget = _rows(folder / "budget.csv")
    totals_header, totals = _rows(folder / "budget_source_totals.csv")
    assert sorted({row["year"] for row in budget}) == [row["year"] for row in totals]
    for total in totals:
        spent_reported = total["expenditure_usd"] != ""
        for pillar, (budget_usd, spent_usd) in SYNTHETIC_PILLARS.items():
            budget.append(
                {
                    "year": total["year"],
                    "pillar": str(pillar),
                    "budget_usd": str(budget_usd),
                    "expenditure_usd": str(spent_usd) if spent_reported else "",
                    "source": SYNTHETIC_SOURCE,
                }
            )
            total["budget_usd"] = _plus(total["budget_usd"], budget_usd)
            if spent_reported:
                total["expenditure_usd"] = _plus(total["expenditure_usd"], spent_usd)
            total["source"] = SYNTHETIC_SOURCE
    _write_rows(folder / "budget.csv", header, budget)
    _write_rows(folder / "budget_source_totals.csv", totals_header, totals)


def _plus(amount: str, added: float) -> str:
    return str(round(float(amount) + added, 2))


def _nothing(folder: Path) -> None:
    """An operation with a name and one year, and nothing else (not even a
    narratives folder)."""
    _no_countries(folder)
    _keep_years(folder, [2020], 2020)
    for names in EMPTY_TABLES.values():
        _empty(folder, *names)
    shutil.rmtree(folder / "narratives")
    _empty(folder, "narrative_sources.csv")


VARIATIONS: dict[str, Callable[[Path], None]] = {
    "no-countries": _no_countries,
    "no-budget": lambda folder: _empty(folder, *EMPTY_TABLES["budget"]),
    "no-people": lambda folder: _empty(folder, *EMPTY_TABLES["people"]),
    "no-key-figures": lambda folder: _empty(folder, *EMPTY_TABLES["key_figures"]),
    "no-narratives": _remove_narratives,
    "no-contributions": lambda folder: _empty(folder, *EMPTY_TABLES["contributions"]),
    "one-year": lambda folder: _keep_years(folder, [2020], 2020),
    "years-with-a-gap": lambda folder: _keep_years(folder, [2016, 2018, 2019, 2020, 2021], 2020),
    "pillars-3-and-4": _pillars_3_and_4,
    "nothing": _nothing,
}


def sparse_data(root: Path, variation: str) -> Path:
    """A copy of the shipped data with ``variation`` applied to its operation."""
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    VARIATIONS[variation](data / "operations" / OPERATION_ID)
    return data


def synthetic_operation(data: Path, operation_id: str, name: str, *variations: str) -> Path:
    """A synthetic operation in the data folder ``data``: a copy of the shipped
    operation as ``operation_id``, named ``name``, with ``variations`` applied."""
    folder = data / "operations" / operation_id
    shutil.copytree(data / "operations" / OPERATION_ID, folder)
    _edit_meta(folder, id=operation_id, name=name, source=f"Synthetic data: {name}")
    for variation in variations:
        VARIATIONS[variation](folder)
    return folder


# Synthetic operations beside the seed's, for the pages of many operations:
# id -> (name, variations).  B adds pillar 3 and 4 amounts to every year; C
# names no country and has no 2015 or 2017; D to G are plain copies.
SYNTHETIC_OPERATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "synthetic-b": ("Synthetic Office B", ("pillars-3-and-4",)),
    "synthetic-c": ("Synthetic Office C", ("no-countries", "years-with-a-gap", "no-people")),
    **{f"synthetic-{letter}": (f"Synthetic Office {letter.upper()}", ()) for letter in "defg"},
}


def many_operations(root: Path, count: int) -> Path:
    """A copy of the shipped data with the first ``count - 1`` ``SYNTHETIC_OPERATIONS``."""
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    for operation_id, (name, variations) in list(SYNTHETIC_OPERATIONS.items())[: count - 1]:
        synthetic_operation(data, operation_id, name, *variations)
    return data
