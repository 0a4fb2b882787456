"""Read operations from a data folder: ``data/operations/<id>/``."""

from __future__ import annotations

from pathlib import Path

from dashboard.data import schema
from dashboard.data.errors import DataError, OperationNotFound
from dashboard.data.meta_file import META_FILE, OPERATION_ID, read_meta
from dashboard.data.model import Operation
from dashboard.data.narratives_file import NARRATIVES_DIR, read_narratives
from dashboard.data.validate import check_pillar_sums, check_years
from dashboard.paths import default_data_dir

OPERATIONS_DIR = "operations"


def operations_root(data_dir: Path | str | None = None) -> Path:
    return Path(data_dir if data_dir is not None else default_data_dir()) / OPERATIONS_DIR


def operation_folder(operation_id: str, data_dir: Path | str | None = None) -> Path:
    if not OPERATION_ID.match(operation_id):
        raise OperationNotFound(f"'{operation_id}' is not a valid operation id")
    return operations_root(data_dir) / operation_id


def list_operations(data_dir: Path | str | None = None) -> list[str]:
    """The ids of the operations in ``data_dir`` (default: the shipped data)."""
    root = operations_root(data_dir)
    if not root.is_dir():
        return []
    return sorted(
        path.name
        for path in root.iterdir()
        if (path / META_FILE).is_file() and OPERATION_ID.match(path.name)
    )


def load_operation(operation_id: str, data_dir: Path | str | None = None) -> Operation:
    """Read and validate one operation.

    Raises ``OperationNotFound`` for an unknown id and ``DataError`` (naming
    file, line and column) for a file that is missing or breaks a rule.
    """
    folder = operation_folder(operation_id, data_dir)
    if not (folder / META_FILE).is_file():
        raise OperationNotFound(f"no operation '{operation_id}' in {folder.parent}")
    meta = read_meta(folder)
    tables = {
        "budget": schema.BUDGET,
        "people_of_concern": schema.PEOPLE_OF_CONCERN,
        "population_by_type": schema.POPULATION_BY_TYPE,
        "population_by_country": schema.POPULATION_BY_COUNTRY,
        "key_figures": schema.KEY_FIGURES,
        "contributions": schema.CONTRIBUTIONS,
    }
    frames = {
        name: schema.read_table(folder / spec.file_name, spec) for name, spec in tables.items()
    }
    for name, spec in tables.items():
        if "year" in spec.column_names:
            check_years(folder / spec.file_name, frames[name], meta.years)
    totals_path = folder / schema.BUDGET_SOURCE_TOTALS.file_name
    totals = schema.read_table(totals_path, schema.BUDGET_SOURCE_TOTALS)
    check_years(totals_path, totals, meta.years)
    check_pillar_sums(totals_path, frames["budget"], totals)
    narratives = read_narratives(folder / NARRATIVES_DIR)
    outside = sorted(set(narratives["year"]) - set(meta.years))
    if outside:
        raise DataError(
            folder / NARRATIVES_DIR, f"year {outside[0]} is outside the operation's years"
        )
    return Operation(meta=meta, narratives=narratives, **frames)
