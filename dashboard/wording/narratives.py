"""The names of a year's narrative documents and the line that says where each comes from."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import translator
from dashboard.transforms.narratives import KINDS, YEAR_END


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


def missing_documents(narratives: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Names of the documents (of ``KINDS``) the year lacks, when it has at least one.

    A year with no narratives at all returns ``[]``: the page's empty state covers it.
    """
    present = set(narratives.loc[narratives["year"] == year, "kind"])
    if not present:
        return []
    return [document_name(year, kind, lang) for kind in KINDS if kind not in present]
