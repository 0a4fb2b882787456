"""The import report: what a page gave, table by table, and what was left out."""

from __future__ import annotations

from dashboard.importer.history import History
from dashboard.importer.parse import ParsedPage


def _years(years: list[int]) -> str:
    return ", ".join(map(str, years)) if years else "none"


def import_report(page: ParsedPage) -> str:
    """Counts per table, so a page that gave 0 of something shows at once, then the skips."""
    figures = page.key_figures["kind"].value_counts()
    sections = sum(len(found) for found in page.narratives.values())
    rows = [
        ("report year", str(page.report_year)),
        ("years", _years(page.years)),
        ("countries", ", ".join(page.countries) or "none"),
        ("description", "yes" if page.description else "none"),
        (
            "budget",
            f"{len(page.budget)} pillar rows for {len(page.budget_source_totals)} years "
            f"({_years(sorted(page.budget_source_totals['year'].astype(int)))})",
        ),
        ("people of concern", f"{len(page.people_of_concern)} yearly totals"),
        ("population by type", f"{len(page.population_by_type)} rows"),
        (
            "key figures",
            f"{figures.get('result', 0)} results, {figures.get('plan', 0)} planning figures",
        ),
        (
            "narratives",
            f"{sections} sections in {len(page.narratives)} documents "
            f"({', '.join(f'{year} {kind}' for year, kind in sorted(page.narratives)) or 'none'})",
        ),
        ("contributions", f"{len(page.contributions)} rows"),
    ]
    width = max(len(name) for name, _value in rows)
    lines = [f"  {name.ljust(width)}  {value}" for name, value in rows]
    if page.skipped:
        lines.append(f"  left out ({len(page.skipped)}):")
        lines.extend(f"    - {error}" for error in page.skipped)
    else:
        lines.append("  left out: nothing")
    return "\n".join(lines)


def history_report(history: History) -> str:
    """The operation after an import or removal: its source pages and the values revised."""
    pages = ", ".join(f"{source.report_year} ({source.file})" for source in history.sources)
    revised = history.revisions
    tables = ", ".join(
        f"{count} in {table}"
        for table, count in revised["table"].value_counts().sort_index().items()
    )
    lines = [
        f"  sources ({len(history.sources)})  {pages}",
        f"  revisions  {len(revised)} values an older page gives otherwise"
        + (f" ({tables})" if tables else ""),
    ]
    return "\n".join(lines)
