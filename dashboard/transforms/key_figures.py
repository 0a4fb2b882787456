"""Key figures of a year: results of that year, planning targets of the next."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import translator


def results_for(key_figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The year-end results reported for ``year``, in page order."""
    return key_figures[(key_figures["year"] == year) & (key_figures["kind"] == "result")]


def plan_after(key_figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The planning targets set for the year after ``year``."""
    return key_figures[(key_figures["year"] == year + 1) & (key_figures["kind"] == "plan")]


def naming_country(key_figures: pd.DataFrame, country: str) -> pd.DataFrame:
    """Key figures whose sentence names ``country`` (ISO3)."""
    return key_figures[key_figures["country"] == country]


def no_results_message(key_figures: pd.DataFrame, year: int, lang: str) -> str:
    """Why ``year`` shows no results: the source page has none at all, or none for it."""
    _ = translator(lang)
    if not (key_figures["kind"] == "result").any():
        return _("No year-end results on the source page.")
    return _("No year-end results for {year}.").format(year=year)


def no_plan_message(key_figures: pd.DataFrame, year: int, lang: str) -> str:
    """Why the year after ``year`` shows no targets: the source page has none at
    all, or none for it."""
    _ = translator(lang)
    if not (key_figures["kind"] == "plan").any():
        return _("No planning figures on the source page.")
    return _("No planning figures for {year}.").format(year=year + 1)
