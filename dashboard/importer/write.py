"""Build ``data/operations/<id>/`` from its source pages: all files or none.

An operation folder keeps the pages it was built from in ``sources/``; its
tables are a function of those pages alone (``history``).  Importing a page
adds it to the sources and rebuilds; removing one rebuilds from the rest.

Files are written to a staging folder beside the target, validated by the same
loader the dashboard uses, then swapped in by renaming.  Each page is first
checked on its own: a block whose tables fail validation is left out and
recorded, like a block the page could not read (``strict=True`` refuses the
new page instead).  Hand-curated files (``population_by_country.csv``, and
``location.json`` when no page has a map location) are carried over from the
existing folder, never overwritten.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import schema
from dashboard.data.errors import DataError
from dashboard.data.meta_file import (
    LOCATION_FILE,
    META_FILE,
    OPERATION_ID,
    SOURCE_FILE,
    SOURCES_DIR,
    read_meta,
)
from dashboard.data.model import OperationMeta
from dashboard.data.narratives_file import (
    NARRATIVES_DIR,
    narrative_file_name,
    render_narrative_file,
)
from dashboard.data.store import OPERATIONS_DIR, load_operation, operations_root
from dashboard.importer import narratives as narratives_block
from dashboard.importer.history import History, Source
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
} | {
    NARRATIVES_DIR: narratives_block.BLOCK,
    schema.NARRATIVE_SOURCES.file_name: narratives_block.BLOCK,
    LOCATION_FILE: LOCATION_BLOCK,
}


@dataclass(frozen=True)
class Imported:
    """Where an import wrote, the page as written (with what it left out), and the
    operation's history after it (None when the page was already a source)."""

    folder: Path
    page: ParsedPage
    history: History | None
    already: str | None = None


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_files(history: History, operation_id: str, folder: Path) -> None:
    folder.mkdir(parents=True)
    _write_json(folder / META_FILE, history.meta(operation_id))
    if history.location is not None:
        _write_json(folder / LOCATION_FILE, history.location)
    for table, spec in TABLE_SCHEMAS.items():
        schema.write_table(folder / spec.file_name, history.table(table), spec)
    narratives = history.table("narratives")
    schema.write_table(
        folder / schema.NARRATIVE_SOURCES.file_name, narratives, schema.NARRATIVE_SOURCES
    )
    (folder / NARRATIVES_DIR).mkdir()
    for (year, kind), sections in narratives.groupby(["year", "kind"], sort=True):
        (folder / NARRATIVES_DIR / narrative_file_name(year, kind)).write_text(
            render_narrative_file(list(zip(sections["section"], sections["body"], strict=True))),
            encoding="utf-8",
        )
    schema.write_table(folder / schema.REVISIONS.file_name, history.revisions, schema.REVISIONS)
    (folder / SOURCES_DIR).mkdir()
    for source in history.sources:
        (folder / SOURCES_DIR / source.file).write_bytes(source.raw)


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


def _repoint_curated(folder: Path, replaced: dict[str, str], pages: dict[str, bytes]) -> None:
    """Curated rows that quote a page which another page of its report year replaced name
    the new page instead, if their quote is in its text (else they still name the old one,
    and the loader refuses them: the quote has lost its page)."""
    path = folder / schema.POPULATION_BY_COUNTRY.file_name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    source, quote = header.index("source"), header.index("quote")
    texts = {new: " ".join(pages[new].decode("utf-8-sig").split()) for new in replaced.values()}
    for row in body:
        new = replaced.get(row[source])
        if new is not None and " ".join(row[quote].split()) in texts[new]:
            row[source] = new
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *body])
    path.write_text(out.getvalue(), encoding="utf-8")


def _checked_page(source: Source, scratch: Path, operation_id: str, strict: bool) -> Source:
    """``source`` with the blocks left out that fail validation on their own."""
    parsed = source.page
    left_out: set[str] = set()
    staged = scratch / OPERATIONS_DIR / operation_id
    while True:
        shutil.rmtree(staged, ignore_errors=True)
        checked = Source(source.file, source.raw, parsed)
        _write_files(History.of([checked]), operation_id, staged)
        _carry_curated(scratch, staged, True)
        try:
            load_operation(operation_id, data_dir=scratch)
        except DataError as error:
            problem = _page_problem(error, staged, parsed)
            if strict or problem.block not in FILE_BLOCKS.values() or problem.block in left_out:
                raise problem from None
            left_out.add(problem.block)
            parsed = parsed.without(problem.block, problem)
        else:
            return checked


def _page_problem(error: DataError, staged: Path, parsed: ParsedPage | None) -> PageError:
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
    if parsed is None:
        return PageError(
            "history",
            f"the source pages merged give data that does not validate: "
            f"{error.reason} (in {where})",
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


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PageError("page", f"cannot read {path}: {exc.strerror}") from None


def _parsed(file: str, raw: bytes, strict: bool = False) -> Source:
    return Source(file, raw, parse_page(decode_page(raw), strict=strict))


def rebuild(
    operation_id: str,
    data_dir: Path | str,
    pages: dict[str, bytes],
    *,
    new: str | None = None,
    strict: bool = False,
    replaced: dict[str, str] | None = None,
) -> History:
    """Replace ``operation_id``'s folder with the tables of ``pages`` (file name: bytes).

    Each page is read and checked on its own (``strict`` applies to the page
    named ``new`` only: the others were accepted before), then all are merged.
    ``replaced`` maps a page that left to the page of its report year that took
    its place (``_repoint_curated``).  Nothing is written unless the merged
    operation validates.
    """
    if not OPERATION_ID.match(operation_id):
        raise ValueError(
            f"operation id '{operation_id}' must be lower-case letters, digits and hyphens"
        )
    root = operations_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / operation_id
    staging_root = Path(tempfile.mkdtemp(prefix=".import-", dir=root))
    try:
        checked = [
            _checked_page(
                _parsed(file, raw, strict and file == new),
                staging_root / f"page-{number}",
                operation_id,
                strict and file == new,
            )
            for number, (file, raw) in enumerate(sorted(pages.items()))
        ]
        history = History.of(checked)
        staged = staging_root / OPERATIONS_DIR / operation_id
        _write_files(history, operation_id, staged)
        _carry_curated(target, staged, history.location is not None)
        if replaced:
            _repoint_curated(staged, replaced, pages)
        try:
            load_operation(operation_id, data_dir=staging_root)
        except DataError as error:
            raise _page_problem(error, staged, None) from None
        _swap(staged, target, staging_root / "previous")
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return history


def stored_pages(
    folder: Path, *, replace: bool = False
) -> tuple[OperationMeta | None, dict[str, bytes]]:
    """The operation in ``folder`` and its source pages (none for a new operation).

    A folder written without its sources (an older layout), or one whose
    ``operation.json`` does not read, is refused unless ``replace`` is given;
    then it is rebuilt from the new page alone.
    """
    if not folder.exists():
        return None, {}
    try:
        meta = read_meta(folder)
        return meta, {
            page.file: (folder / SOURCES_DIR / page.file).read_bytes() for page in meta.sources
        }
    except (DataError, OSError) as error:
        if replace:
            return None, {}
        raise PageError(
            "operation",
            f"the existing operation {folder} cannot be rebuilt from its source pages ({error}); "
            "import its pages again with --replace to start it anew",
        ) from None


def _refusal(
    meta: OperationMeta, stored: dict[str, bytes], new: Source, replace: bool, force: bool
) -> PageError | None:
    """Why ``new`` cannot join the operation's sources, if it cannot."""
    same_year = [page.file for page in meta.sources if page.report_year == new.report_year]
    if same_year and not replace:
        return PageError(
            "page",
            f"{new.file} and {same_year[0]} (already a source of {meta.id}) both have the "
            f"report year {new.report_year} but differ; use --replace to replace "
            f"{same_year[0]} with {new.file}",
        )
    if new.file in stored and new.file not in same_year:
        return PageError(
            "page",
            f"{meta.id} already has a different source page named {new.file}; rename the file",
        )
    if new.page.name != meta.name and not force:
        return PageError(
            "page",
            f"the page is of '{new.page.name}', but {meta.id} is '{meta.name}'; "
            "use --force to add it all the same",
        )
    return None


def import_page(
    page_path: Path | str,
    operation_id: str,
    data_dir: Path | str,
    *,
    strict: bool = False,
    replace: bool = False,
    force: bool = False,
) -> Imported:
    """Add the page file to ``operation_id``'s sources and rebuild the operation.

    The same page imported again changes nothing.  A page with the report year
    of a page the operation has is refused unless ``replace`` (it then takes
    that page's place); a page of another operation's name is refused unless
    ``force``.
    """
    path = Path(page_path)
    if not SOURCE_FILE.match(path.name):
        raise PageError(
            "page",
            f"'{path.name}' cannot be a source file name: rename it with letters, digits, "
            "spaces and . _ ( ) - only, starting with a letter or digit",
        )
    new = _parsed(path.name, _read(path), strict)
    folder = operations_root(data_dir) / operation_id
    meta, stored = (
        stored_pages(folder, replace=replace) if OPERATION_ID.match(operation_id) else (None, {})
    )
    for file, raw in stored.items():
        if raw == new.raw:
            return Imported(folder, new.page, None, already=file)
    replaced: set[str] = set()
    if meta is not None:
        refusal = _refusal(meta, stored, new, replace, force)
        if refusal is not None:
            raise refusal
        replaced = {p.file for p in meta.sources if p.report_year == new.report_year}
        stored = {file: raw for file, raw in stored.items() if file not in replaced}
    history = rebuild(
        operation_id,
        data_dir,
        {**stored, new.file: new.raw},
        new=new.file,
        strict=strict,
        replaced=dict.fromkeys(replaced, new.file),
    )
    page = next(source.page for source in history.sources if source.file == new.file)
    return Imported(folder, page, history)


def remove_source(operation_id: str, file: str, data_dir: Path | str) -> History:
    """Rebuild ``operation_id`` from its source pages other than ``file``."""
    folder = operations_root(data_dir) / operation_id
    if not (OPERATION_ID.match(operation_id) and folder.is_dir()):
        raise ValueError(f"no operation '{operation_id}' in {folder.parent}")
    _meta, stored = stored_pages(folder)
    if file not in stored:
        raise ValueError(
            f"{file} is not a source of {operation_id}; its sources are {', '.join(sorted(stored))}"
        )
    if len(stored) == 1:
        raise ValueError(
            f"{file} is the only source of {operation_id}; remove the folder {folder} "
            "to remove the operation"
        )
    return rebuild(operation_id, data_dir, {f: raw for f, raw in stored.items() if f != file})
