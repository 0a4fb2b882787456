"""Read operations from a data folder: ``data/operations/<id>/``."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.data import schema
from dashboard.data.errors import DataError, OperationNotFound, Problems
from dashboard.data.loaded import LoadedOperations
from dashboard.data.meta_file import META_FILE, OPERATION_ID, read_meta
from dashboard.data.model import Operation
from dashboard.data.narratives_file import NARRATIVES_DIR, read_narratives
from dashboard.data.validate import (
    attach_sources,
    check_narrative_years,
    check_pillar_sums,
    check_sources,
    check_years,
)
from dashboard.paths import default_data_dir

OPERATIONS_DIR = "operations"
# The tables of an Operation, in the order they are read and checked.
TABLES = {
    "budget": schema.BUDGET,
    "people_of_concern": schema.PEOPLE_OF_CONCERN,
    "population_by_type": schema.POPULATION_BY_TYPE,
    "population_by_country": schema.POPULATION_BY_COUNTRY,
    "key_figures": schema.KEY_FIGURES,
    "contributions": schema.CONTRIBUTIONS,
    "revisions": schema.REVISIONS,
}


def operations_root(data_dir: Path | str | None = None) -> Path:
    return Path(data_dir if data_dir is not None else default_data_dir()) / OPERATIONS_DIR


def operation_folder(operation_id: str, data_dir: Path | str | None = None) -> Path:
    if not OPERATION_ID.match(operation_id):
        raise OperationNotFound(f"'{operation_id}' is not a valid operation id")
    return operations_root(data_dir) / operation_id


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector while reading.

    Reading keeps hundreds of thousands of row lists alive at once, none of them
    in a cycle, and each automatic collection walks them all again: a quarter of
    the loading time at 1,000 operations.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    return load_operations([operation_id], data_dir)[operation_id]


def load_operations(
    operation_ids: list[str], data_dir: Path | str | None = None
) -> LoadedOperations:
    """Read and validate several operations at once, which is much faster than one by one.

    The result maps each id to its ``Operation``, made when first looked up.

    Every id is checked first (``OperationNotFound``); then, if any file is
    broken, the ``DataError`` raised is the one ``load_operation`` raises for
    the first broken operation, so nothing is returned half-validated.
    """
    operation_ids = list(dict.fromkeys(operation_ids))
    folders = []
    for operation_id in operation_ids:
        folder = operation_folder(operation_id, data_dir)
        if not (folder / META_FILE).is_file():
            raise OperationNotFound(f"no operation '{operation_id}' in {folder.parent}")
        folders.append(folder)
    with _gc_paused():
        return _load(operation_ids, folders)


def _load(operation_ids: list[str], folders: list[Path]) -> LoadedOperations:
    problems = Problems()
    metas = []
    for index, folder in enumerate(folders):
        try:
            metas.append(read_meta(folder))
        except DataError as error:
            problems.add(index, error)
            metas.append(None)
    years = [meta.years if meta else None for meta in metas]
    batches = {
        name: schema.read_tables([folder / spec.file_name for folder in folders], spec, problems)
        for name, spec in TABLES.items()
    }
    for name, spec in TABLES.items():
        if "year" in spec.column_names:
            check_years(batches[name], years, problems)
    totals_spec = schema.BUDGET_SOURCE_TOTALS
    totals = schema.read_tables(
        [folder / totals_spec.file_name for folder in folders], totals_spec, problems
    )
    check_years(totals, years, problems)
    check_pillar_sums(totals, batches["budget"], problems)
    narratives = read_narratives([folder / NARRATIVES_DIR for folder in folders], problems)
    check_narrative_years(narratives, years, problems)
    sources_spec = schema.NARRATIVE_SOURCES
    narrative_sources = schema.read_tables(
        [folder / sources_spec.file_name for folder in folders], sources_spec, problems
    )
    narratives = attach_sources(narratives, narrative_sources, problems)
    sources = [tuple(page.file for page in meta.sources) if meta else None for meta in metas]
    for batch in [*batches.values(), totals, narratives]:
        check_sources(batch, sources, problems)
    problems.raise_first()
    return LoadedOperations(
        dict(zip(operation_ids, metas, strict=True)), {**batches, "narratives": narratives}
    )
