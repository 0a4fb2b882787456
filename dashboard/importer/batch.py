"""Import many pages in one run, each on its own, and summarise what came of each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dashboard.data.errors import DataError
from dashboard.importer.ids import operation_id_for
from dashboard.importer.page import PageError
from dashboard.importer.parse import ParsedPage, decode_page, parse_page
from dashboard.importer.write import Imported, import_page

# What refuses one page without stopping the others (a PageError is a ValueError).
REFUSALS = (DataError, ValueError, OSError)


@dataclass(frozen=True)
class PageOutcome:
    """One page of a run: the id it was imported as (when known) and the import or refusal."""

    page: Path
    operation_id: str | None
    imported: Imported | None = None
    error: Exception | None = None

    @property
    def status(self) -> str:
        if self.imported is None:
            return "refused"
        if self.imported.already is not None:
            return "already a source"
        return "imported partly" if self.imported.page.skipped else "imported"


def pages_in(paths: Iterable[Path]) -> list[Path]:
    """The pages named: a file as it is, a folder as its ``*.txt`` files sorted by name."""
    pages: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (page for page in path.glob("*.txt") if page.is_file())
            pages.extend(sorted(found, key=lambda page: page.name))
        else:
            pages.append(path)
    return pages


def _page_name(path: Path, strict: bool) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PageError("page", f"cannot read {path}: {exc.strerror}") from None
    return parse_page(decode_page(raw), strict=strict).name


def import_pages(
    pages: Sequence[Path],
    data_dir: Path | str,
    *,
    operation_id: str | None = None,
    strict: bool = False,
    replace: bool = False,
    force: bool = False,
) -> Iterator[PageOutcome]:
    """Import each page with ``import_page``, in order, yielding one outcome per page.

    A page goes to ``operation_id`` when given, else to the id its operation's
    name gives (``operation_id_for``); pages of one operation (its yearly
    pages) join its history.  A refused page writes nothing and does not stop
    the others.  Exceptions other than refusals propagate.
    """
    for page in pages:
        page_id = operation_id
        try:
            page_id = page_id or operation_id_for(_page_name(page, strict))
            imported = import_page(
                page, page_id, data_dir, strict=strict, replace=replace, force=force
            )
        except REFUSALS as error:
            yield PageOutcome(page, page_id, error=error)
        else:
            yield PageOutcome(page, page_id, imported=imported)


def _years(years: list[int]) -> str:
    if not years:
        return "no years"
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}-{last}"


def _contents(page: ParsedPage) -> str:
    """What a page gave, in one short line."""
    sections = sum(len(found) for found in page.narratives.values())
    text = (
        f"{_years(page.years)}: {len(page.budget)} budget rows, "
        f"{len(page.key_figures)} key figures, {sections} narrative sections, "
        f"{len(page.contributions)} contributions"
    )
    left_out = dict.fromkeys(error.block for error in page.skipped)
    return f"{text}; left out: {', '.join(left_out)}" if left_out else text


def summary_table(outcomes: Sequence[PageOutcome]) -> str:
    """One aligned row per page (file, id, status, what it gave or why it was refused)."""
    rows = [("page", "operation id", "status", "imported / reason")]
    for outcome in outcomes:
        detail = (
            _contents(outcome.imported.page) if outcome.imported is not None else str(outcome.error)
        )
        if outcome.imported is not None and outcome.imported.already is not None:
            detail = f"the same page as {outcome.imported.already}; nothing changed"
        rows.append((str(outcome.page), outcome.operation_id or "-", outcome.status, detail))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  "
        + row[3]
        for row in rows
    ]
    imported = [outcome for outcome in outcomes if outcome.imported is not None]
    partly = sum(outcome.status == "imported partly" for outcome in imported)
    refused = len(outcomes) - len(imported)
    lines.append(
        f"{len(outcomes)} pages: {len(imported)} imported"
        + (f" ({partly} partly)" if partly else "")
        + (f", {refused} refused (nothing written for them)" if refused else "")
    )
    return "\n".join(lines)
