"""Key figures of a year: results of that year, planning targets of the next."""

from __future__ import annotations

import pandas as pd


def results_for(key_figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year-end results reported for ``year``, in page order."""
    return key_figures[(key_figures["year"] == year) & (key_figures["kind"] == "result")]


def plan_after(key_figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The planning targets set for the year after ``year``."""
    return key_figures[(key_figures["year"] == year + 1) & (key_figures["kind"] == "plan")]


def naming_country(key_figures: pd.DataFrame, country: str) -> pd.DataFrame:
    """Key figures whose sentence names ``country`` (ISO3)."""
    return key_figures[key_figures["country"] == country]
