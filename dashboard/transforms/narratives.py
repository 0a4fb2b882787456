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


def years_with_narratives(narratives: pd.DataFrame) -> list[int]:
    """The years that have at least one narrative section, ascending."""
    return sorted(int(year) for year in narratives["year"].unique())
