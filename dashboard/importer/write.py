"""Write a parsed page into ``data/operations/<id>/``: all files or none.

Files are written to a staging folder beside the target, validated by the same
loader the dashboard uses, then swapped in by renaming.  A block whose tables
fail validation is left out and recorded, like a block the page could not
read (``strict=True`` refuses the page instead).  Hand-curated files
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
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import schema
from dashboard.data.errors import DataError
from dashboard.data.meta_file import LOCATION_FILE, META_FILE, OPERATION_ID
from dashboard.data.narratives_file import (
    NARRATIVES_DIR,
    narrative_file_name,
    render_narrative_file,
)
from dashboard.data.store import OPERATIONS_DIR, load_operation, operations_root
from dashboard.importer import narratives as narratives_block
from dashboard.importer.page import PageError
from dashboard.importer.parse import (
    BLOCK_TABLES,
    LOCATION_BLOCK,
    ParsedPage,
    decode_page,
    parse_page,
)

CURATED_FILES = (schema.POPULATION_BY_COUNTRY.file_name,)
TABLE_SCHEMAS = {
    "budget": schema.BUDGET,
    "budget_source_totals": schema.BUDGET_SOURCE_TOTALS,
    "people_of_concern": schema.PEOPLE_OF_CONCERN,
    "population_by_type": schema.POPULATION_BY_TYPE,
    "key_figures": schema.KEY_FIGURES,
    "contributions": schema.CONTRIBUTIONS,
}
# The page block each written file comes from.
FILE_BLOCKS = {
    TABLE_SCHEMAS[table].file_name: block
    for block, tables in BLOCK_TABLES.items()
    for table in tables
} | {NARRATIVES_DIR: narratives_block.BLOCK, LOCATION_FILE: LOCATION_BLOCK}


@dataclass(frozen=True)
class Imported:
    """Where an import wrote, and the page as written (with what it left out)."""

    folder: Path
    page: ParsedPage


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_files(parsed: ParsedPage, operation_id: str, folder: Path) -> None:
    folder.mkdir(parents=True)
    _write_json(folder / META_FILE, {"id": operation_id, **parsed.meta})
    if parsed.location is not None:
        _write_json(folder / LOCATION_FILE, parsed.location)
    for table, spec in TABLE_SCHEMAS.items():
        schema.write_table(folder / spec.file_name, getattr(parsed, table), spec)
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


def write_operation(
    parsed: ParsedPage, operation_id: str, data_dir: Path | str, *, strict: bool = False
) -> Imported:
    """Replace ``operation_id``'s folder with the parsed page."""
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
        parsed = _stage_valid(parsed, operation_id, staged, target, strict)
        _swap(staged, target, staging_root / "previous")
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return Imported(target, parsed)


def _stage_valid(
    parsed: ParsedPage, operation_id: str, staged: Path, previous: Path, strict: bool
) -> ParsedPage:
    """Write ``parsed`` into ``staged`` until the loader accepts it, leaving out failing blocks."""
    left_out: set[str] = set()
    while True:
        shutil.rmtree(staged, ignore_errors=True)
        _write_files(parsed, operation_id, staged)
        _carry_curated(previous, staged, parsed.location is not None)
        try:
            load_operation(operation_id, data_dir=staged.parent.parent)
        except DataError as error:
            problem = _page_problem(error, staged, parsed)
            if strict or problem.block not in FILE_BLOCKS.values() or problem.block in left_out:
                raise problem from None
            left_out.add(problem.block)
            parsed = parsed.without(problem.block, problem)
        else:
            return parsed


def _page_problem(error: DataError, staged: Path, parsed: ParsedPage) -> PageError:
    """A validation error as a problem of the page's block, naming no staging path."""
    relative = error.path.relative_to(staged) if error.path.is_relative_to(staged) else error.path
    name = relative.parts[0] if relative.parts else ""
    where = str(relative)
    if error.line is not None:
        where += f" line {error.line}"
    if error.column is not None:
        where += f", column '{error.column}'"
    if name in CURATED_FILES:
        return PageError(
            "curated data",
            f"{error.reason} (in {where}, kept from the operation's folder: fix or remove it)",
        )
    block = FILE_BLOCKS.get(name, "data")
    return PageError(block, f"{error.reason} (in {where})", parsed.block_lines.get(block))


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


def import_page(
    page_path: Path | str, operation_id: str, data_dir: Path | str, *, strict: bool = False
) -> Imported:
    """Parse the page file and write it as ``operation_id``."""
    path = Path(page_path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PageError("page", f"cannot read {path}: {exc.strerror}") from None
    parsed = parse_page(decode_page(raw), strict=strict)
    provenance = {"source_file": path.name, "source_sha256": hashlib.sha256(raw).hexdigest()}
    return write_operation(
        dataclasses.replace(parsed, provenance=provenance), operation_id, data_dir, strict=strict
    )
