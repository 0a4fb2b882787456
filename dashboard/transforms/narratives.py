"""Narrative documents of a year: the year-end report first, then the plan.

The ``narratives`` table holds one row per section (year, kind, section, order,
body).  A year can have a year-end report (written after the year) and a plan
(written before it); both are shown for the selected year, each with a line
naming the document, so a reader knows whether a sentence is a result or an
intention.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import translator

YEAR_END = "year-end"
PLAN = "plan"
KINDS = (YEAR_END, PLAN)


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True)
class NarrativeDocument:
    """One document of one year with its sections in source order."""

    year: int
    kind: str
    sections: tuple[Section, ...]


def source_line(year: int, kind: str, lang: str) -> str:
    """The line that names where a document comes from (``kind`` is one of ``KINDS``)."""
    _ = translator(lang)
    if kind == YEAR_END:
        return _("From the {year} year-end report").format(year=year)
    return _("From the {year} plan, written before the year began").format(year=year)


def document_name(year: int, kind: str, lang: str) -> str:
    """``2020 year-end report`` / ``2020 plan``."""
    _ = translator(lang)
    if kind == YEAR_END:
        return _("{year} year-end report").format(year=year)
    return _("{year} plan").format(year=year)


def narratives_for(narratives: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year's sections: year-end report first, then the plan, each in ``order``."""
    rows = narratives[narratives["year"] == year].copy()
    rank = {kind: position for position, kind in enumerate(KINDS)}
    rows["_rank"] = rows["kind"].map(rank).fillna(len(KINDS))
    rows = rows.sort_values(["_rank", "kind", "order"], kind="stable")
    return rows.drop(columns="_rank").reset_index(drop=True)


def documents_for(narratives: pd.DataFrame, year: int) -> list[NarrativeDocument]:
    """The year's documents in reading order (year-end report, then plan)."""
    rows = narratives_for(narratives, year)
    documents: list[NarrativeDocument] = []
    for kind in dict.fromkeys(rows["kind"]):
        part = rows[rows["kind"] == kind]
        sections = tuple(
            Section(str(s), str(b)) for s, b in zip(part["section"], part["body"], strict=True)
        )
        documents.append(NarrativeDocument(int(year), str(kind), sections))
    return documents


def missing_documents(narratives: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Names of the documents (of ``KINDS``) the year lacks, when it has at least one.

    A year with no narratives at all returns ``[]``: the page's empty state covers it.
    """
    present = set(narratives.loc[narratives["year"] == year, "kind"])
    if not present:
        return []
    return [document_name(year, kind, lang) for kind in KINDS if kind not in present]


def years_with_narratives(narratives: pd.DataFrame) -> list[int]:
    """The years that have at least one narrative section, ascending."""
    return sorted(int(year) for year in narratives["year"].unique())
