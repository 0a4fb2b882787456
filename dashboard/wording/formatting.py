"""Numbers, money and dates as the dashboard prints them, in the reader's language.

Babel applies each locale's conventions (English ``7,500`` and ``USD 7.49 M``,
French ``7 500`` and ``7,49 M USD``); the catalog decides where the currency
code goes.
"""

from __future__ import annotations

import datetime
import functools

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, parse_pattern

from dashboard.i18n import N_, babel_locale, gettext
from dashboard.transforms.values import EXACT, is_missing

NO_DATA = N_("no data")
# How a figure the source qualifies reads, per qualifier of the data.
QUALIFIED = {
    "over": N_("over {number}"),
    "under": N_("under {number}"),
    "around": N_("around {number}"),
}


def no_data(lang: str) -> str:
    return gettext(lang, NO_DATA)


def format_count(value: float | int | None, lang: str) -> str:
    """``7500`` -> ``7,500`` / ``7 500``; decimals kept only when the figure has them."""
    if is_missing(value):
        return no_data(lang)
    pattern = "#,##0" if float(value).is_integer() else "#,##0.##"
    return _decimal(value, pattern, lang)


def format_percent(value: float | None, decimals: int, lang: str) -> str:
    """``100`` -> ``100%`` / ``100 %``; ``81.46`` with one decimal -> ``81.5%`` / ``81,5 %``."""
    if is_missing(value):
        return no_data(lang)
    locale = babel_locale(lang)
    pattern = parse_pattern(locale.percent_formats[None].pattern)
    pattern.frac_prec = (decimals, decimals)
    return pattern.apply(value / 100, locale)


def qualified_text(number: str, qualifier: str, lang: str) -> str:
    """``"3,900", "over"`` -> ``over 3,900`` / ``plus de 3 900``; exact: the number alone."""
    if qualifier == EXACT:
        return number
    return gettext(lang, QUALIFIED[qualifier]).format(number=number)


def format_key_figure(value: float, unit: str, qualifier: str, lang: str) -> str:
    """A key figure as the source qualifies it: ``over 6,000``, ``100%``, ``under 50``."""
    number = format_percent(value, 0, lang) if unit == "percent" else format_count(value, lang)
    return qualified_text(number, qualifier, lang)


def _amount(value: float, lang: str) -> str:
    return _decimal(value, "#,##0.00", lang)


def _decimal(value: float | int, pattern: str, lang: str) -> str:
    # 0.0 and -0.0 are one key to a cache but Babel prints them differently.
    if value == 0:
        return format_decimal(value, format=pattern, locale=babel_locale(lang))
    return _remembered_decimal(value, pattern, lang)


@functools.lru_cache(maxsize=4096)
def _remembered_decimal(value: float | int, pattern: str, lang: str) -> str:
    """Babel's ``format_decimal``, remembered: a page prints the same few amounts in its
    charts, tables and summaries (the budget page's eight years: 1,696 calls, 122 values;
    ninth round in bench/HISTORY.md, ``python bench/bench_scale.py``)."""
    return format_decimal(value, format=pattern, locale=babel_locale(lang))


def format_usd_millions(value: float | None, lang: str) -> str:
    """US dollars in millions: ``USD 7.49 M`` / ``7,49 M USD``."""
    if is_missing(value):
        return no_data(lang)
    return gettext(lang, "USD {amount} M").format(amount=_amount(value / 1_000_000, lang))


def format_usd(value: float | None, lang: str) -> str:
    """Exact US dollars, for hover text and tables: ``USD 7,485,826.72``."""
    if is_missing(value):
        return no_data(lang)
    return gettext(lang, "USD {amount}").format(amount=_amount(value, lang))


def format_date(value: datetime.date, lang: str) -> str:
    """``15 Oct 2021`` / ``15 oct. 2021``."""
    return babel_format_date(value, format="medium", locale=babel_locale(lang))
