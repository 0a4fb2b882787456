"""Write a parsed page into ``data/operations/<id>/``: all files or none.

Files are written to a staging folder beside the target, validated by the same
loader the dashboard uses, then swapped in by renaming.  Hand-curated files
(``population_by_country.csv``, and ``location.json`` when the page has no
map location) are carried over from the existing folder, never overwritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from dashboard.data import schema
from dashboard.data.meta_file import LOCATION_FILE, META_FILE, OPERATION_ID
from dashboard.data.narratives_file import (
    NARRATIVES_DIR,
    narrative_file_name,
    render_narrative_file,
)
from dashboard.data.store import OPERATIONS_DIR, load_operation, operations_root
from dashboard.importer.page import PageError
from dashboard.importer.parse import ParsedPage, decode_page, parse_page

CURATED_FILES = (schema.POPULATION_BY_COUNTRY.file_name,)


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_files(parsed: ParsedPage, operation_id: str, folder: Path) -> None:
    folder.mkdir(parents=True)
    _write_json(folder / META_FILE, {"id": operation_id, **parsed.meta})
    if parsed.location is not None:
        _write_json(folder / LOCATION_FILE, parsed.location)
    tables = {
        schema.BUDGET: parsed.budget,
        schema.BUDGET_SOURCE_TOTALS: parsed.budget_source_totals,
        schema.PEOPLE_OF_CONCERN: parsed.people_of_concern,
        schema.POPULATION_BY_TYPE: parsed.population_by_type,
        schema.KEY_FIGURES: parsed.key_figures,
        schema.CONTRIBUTIONS: parsed.contributions,
    }
    for spec, frame in tables.items():
        schema.write_table(folder / spec.file_name, frame, spec)
    narratives = folder / NARRATIVES_DIR
    narratives.mkdir()
    for (year, kind), sections in sorted(parsed.narratives.items()):
        (narratives / narrative_file_name(year, kind)).write_text(
            render_narrative_file(sections), encoding="utf-8"
        )


def _carry_curated(previous: Path, folder: Path, page_has_location: bool) -> None:
    carried = list(CURATED_FILES) + ([] if page_has_location else [LOCATION_FILE])
    for name in carried:
        if (previous / name).is_file():
            shutil.copy2(previous / name, folder / name)
    if not (folder / schema.POPULATION_BY_COUNTRY.file_name).exists():
        header = ",".join(schema.POPULATION_BY_COUNTRY.column_names)
        (folder / schema.POPULATION_BY_COUNTRY.file_name).write_text(
            header + "\n", encoding="utf-8"
        )


def write_operation(parsed: ParsedPage, operation_id: str, data_dir: Path | str) -> Path:
    """Replace ``operation_id``'s folder with the parsed page; return the folder."""
    if not OPERATION_ID.match(operation_id):
        raise ValueError(
            f"operation id '{operation_id}' must be lower-case letters, digits and hyphens"
        )
    root = operations_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / operation_id
    staging_root = Path(tempfile.mkdtemp(prefix=".import-", dir=root))
    try:
        staged = staging_root / OPERATIONS_DIR / operation_id
        _write_files(parsed, operation_id, staged)
        _carry_curated(target, staged, parsed.location is not None)
        load_operation(operation_id, data_dir=staging_root)
        _swap(staged, target, staging_root / "previous")
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return target


def _swap(staged: Path, target: Path, backup: Path) -> None:
    if not target.exists():
        os.rename(staged, target)
        return
    os.rename(target, backup)
    try:
        os.rename(staged, target)
    except OSError:
        os.rename(backup, target)
        raise


def import_page(page_path: Path | str, operation_id: str, data_dir: Path | str) -> Path:
    """Parse the page file and write it as ``operation_id``."""
    path = Path(page_path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PageError("page", f"cannot read {path}: {exc.strerror}") from None
    parsed = parse_page(decode_page(raw))
    provenance = {"source_file": path.name, "source_sha256": hashlib.sha256(raw).hexdigest()}
    parsed = dataclasses.replace(parsed, meta={**parsed.meta, **provenance})
    return write_operation(parsed, operation_id, data_dir)
