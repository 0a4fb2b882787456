"""The in-memory shape of one operation: metadata plus tidy DataFrames."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

import pandas as pd


@dataclass(frozen=True)
class MapCentre:
    latitude: float
    longitude: float
    zoom_level: float


@dataclass(frozen=True)
class SkippedBlock:
    """A block of the source page the importer left out, where it is and why."""

    block: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class SourcePage:
    """A page an operation was built from (kept in its ``sources/`` folder).

    ``file`` is the name every table row's ``source`` column gives; ``rows`` counts
    the rows of each table that come from this page after merging (newer pages
    win), and ``skipped`` the page's blocks the importer could not use.
    """

    file: str
    sha256: str
    report_year: int
    rows: Mapping[str, int] = field(default_factory=dict)
    skipped: tuple[SkippedBlock, ...] = ()


@dataclass(frozen=True)
class OperationMeta:
    """What an operation is: its id, name, countries and selectable years.

    ``description`` is the page's opening paragraph ("" when it has none);
    ``sources`` are the pages the tables come from, newest report year first.
    """

    id: str
    name: str
    countries: tuple[str, ...]
    years: tuple[int, ...]
    report_year: int
    source: str
    map_disclaimer: str
    map_centre: MapCentre | None
    description: str = ""
    sources: tuple[SourcePage, ...] = ()

    @property
    def skipped(self) -> tuple[SkippedBlock, ...]:
        """The blocks the importer left out, of every source page."""
        return tuple(block for source in self.sources for block in source.skipped)


@dataclass(frozen=True)
class Operation:
    """All tables of one operation, as read and validated from ``data/``.

    Column contracts (documented in the README):

    - ``budget``: year, pillar, budget_usd, expenditure_usd
    - ``people_of_concern``: year, total
    - ``population_by_type``: year, population_type, value
    - ``population_by_country``: year, country, population_type, value,
      qualifier, source_section, quote
    - ``key_figures``: year, kind, qualifier, value, unit, text, country
    - ``narratives``: year, kind, section, order, body
    - ``contributions``: date, date_label, donor, donor_type, country
    - ``revisions``: table, year, key, column, old_value, old_source, new_value,
      new_source

    Every table but ``revisions`` ends with ``source``, the file name of the page
    its row comes from (``OperationMeta.sources``).
    """

    meta: OperationMeta
    budget: pd.DataFrame
    people_of_concern: pd.DataFrame
    population_by_type: pd.DataFrame
    population_by_country: pd.DataFrame
    key_figures: pd.DataFrame
    narratives: pd.DataFrame
    contributions: pd.DataFrame
    revisions: pd.DataFrame

    @classmethod
    def table_names(cls) -> list[str]:
        """The names of the DataFrame attributes, in a stable order."""
        return [field.name for field in fields(cls) if field.name != "meta"]

    def table(self, name: str) -> pd.DataFrame:
        if name not in self.table_names():
            raise KeyError(name)
        return getattr(self, name)
