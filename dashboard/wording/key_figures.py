"""Why a year shows no key figures."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import translator


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
