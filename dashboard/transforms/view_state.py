"""The view a URL asks for: which operation and year, checked against the data."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

MAX_QUERY_LENGTH = 2048


def read_query(search: str | None) -> dict[str, str]:
    """Query parameters of ``?a=1&b=2`` (first value wins; oversized queries ignored)."""
    if not search or len(search) > MAX_QUERY_LENGTH:
        return {}
    params: dict[str, str] = {}
    for key, value in parse_qsl(search.lstrip("?"), keep_blank_values=True):
        params.setdefault(key, value)
    return params


def with_params(search: str | None, **params: object) -> str:
    """``search`` with ``params`` set (None removes one), as ``?a=1&b=2``."""
    query = read_query(search)
    for key, value in params.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return "?" + urlencode(query) if query else ""


def resolve_year(raw: str | None, years: tuple[int, ...], default: int) -> tuple[int, str | None]:
    """The year to show and, when ``raw`` was unusable, a notice saying so."""
    if raw is None or raw == "":
        return default, None
    shown = raw if len(raw) <= 20 else raw[:20] + "…"
    if raw.isascii() and raw.isdigit() and int(raw) in years:
        return int(raw), None
    return default, (
        f"“{shown}” is not a year this operation reports on "
        f"({min(years)}–{max(years)}); showing {default}."
    )


def resolve_operation(
    raw: str | None, operations: list[str], default: str
) -> tuple[str, str | None]:
    """The operation to show and, for an unknown id, a notice."""
    if raw is None or raw == "" or raw == default:
        return default, None
    if raw in operations:
        return raw, None
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    return default, f"There is no operation “{shown}”; showing {default}."
