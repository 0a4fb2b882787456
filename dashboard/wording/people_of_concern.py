"""What the people-of-concern views say: the change on the year before, empty breakdowns."""

from __future__ import annotations

import pandas as pd
from babel.numbers import get_minus_sign_symbol, get_plus_sign_symbol

from dashboard.i18n import babel_locale, translator
from dashboard.transforms.people_of_concern import (
    DECREASE,
    INCREASE,
    NO_CHANGE,
    YearChange,
    change_on_previous,
)
from dashboard.wording.formatting import format_count, format_percent


def signed_percent(value: float, lang: str) -> str:
    """``20.437`` -> ``+20.4%`` / ``+20,4 %``; ``-3.05`` -> ``-3.1%``; ``0`` -> ``0.0%``
    (a change that rounds to zero has no sign)."""
    text = format_percent(abs(value), 1, lang)
    if text == format_percent(0, 1, lang):
        return text
    locale = babel_locale(lang)
    sign = get_minus_sign_symbol(locale) if value < 0 else get_plus_sign_symbol(locale)
    return sign + text


def describe_change(change: YearChange, lang: str) -> str:
    """One sentence on the change, or why there is none to show."""
    _ = translator(lang)
    if change.total is None:
        return _("No total for {year}, so there is no change to show.").format(year=change.year)
    if change.previous_total is None:
        return _("No total for {year}, so there is nothing to compare with.").format(
            year=change.previous_year
        )
    values = {"year": change.previous_year, "total": format_count(change.previous_total, lang)}
    if change.direction == NO_CHANGE:
        return _("No change on {year} ({total}).").format(**values)
    if change.percent is None:  # up from 0: no percentage of 0
        return _("Increase on {year} ({total}).").format(**values)
    message = {
        INCREASE: _("Increase of {percent} on {year} ({total})."),
        DECREASE: _("Decrease of {percent} on {year} ({total})."),
    }[change.direction]
    return message.format(percent=signed_percent(change.percent, lang), **values)


def describe_year(people_of_concern: pd.DataFrame, year: int, lang: str) -> str:
    """``describe_change`` of ``year``, or that the source page gives no totals at all."""
    _ = translator(lang)
    if people_of_concern.empty:
        return _("No totals of people of concern on the source page.")
    return describe_change(change_on_previous(people_of_concern, year), lang)


def breakdown_empty_message(population_by_type: pd.DataFrame, year: int, lang: str) -> str:
    """Why there is no breakdown: none on the source page at all, or none for this year."""
    _ = translator(lang)
    if population_by_type.empty:
        return _("No breakdown by population type on the source page.")
    return _("No breakdown by population type for {year}.").format(year=year)
