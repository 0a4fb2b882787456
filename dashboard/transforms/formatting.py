"""Numbers as the dashboard prints them, matching the source page's style."""

from __future__ import annotations

import math

NO_DATA = "no data"


def is_missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_count(value: float | int | None) -> str:
    """``7500`` -> ``7,500``; decimals kept only when the figure has them."""
    if is_missing(value):
        return NO_DATA
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_percent(value: float | None, decimals: int = 0) -> str:
    """``100`` -> ``100%``; ``81.46`` with one decimal -> ``81.5%``."""
    if is_missing(value):
        return NO_DATA
    return f"{value:,.{decimals}f}%"


def format_key_figure(value: float, unit: str) -> str:
    return format_percent(value) if unit == "percent" else format_count(value)


def format_usd_millions(value: float | None) -> str:
    """US dollars as ``USD 7.49 M``."""
    if is_missing(value):
        return NO_DATA
    return f"USD {value / 1_000_000:,.2f} M"


def format_usd(value: float | None) -> str:
    """Exact US dollars, for hover text and tables: ``USD 7,485,826.72``."""
    if is_missing(value):
        return NO_DATA
    return f"USD {value:,.2f}"
