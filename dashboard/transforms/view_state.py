"""The view a URL asks for: which operation and year, checked against the data."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext

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


def requested_location(referrer: str | None, host: str) -> tuple[str, str, str] | None:
    """The path, query (``?...`` or empty) and address of ``referrer`` when it is
    a page of this site (``host``, as in the request's Host header), else None."""
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        return None
    search = "?" + parts.query if parts.query else ""
    return parts.path or "/", search, referrer


def _shown(raw: str, length: int) -> str:
    return raw if len(raw) <= length else raw[:length] + "…"


def resolve_language(raw: str | None) -> tuple[str, str | None]:
    """The interface language and, for an unknown code, a notice (in English and French)."""
    if raw is None or raw == "" or raw in LANGUAGES:
        return raw or DEFAULT_LANGUAGE, None
    shown = _shown(raw, 20)
    return DEFAULT_LANGUAGE, " / ".join(
        gettext(lang, "“{code}” is not a language of this dashboard; showing {name}.").format(
            code=shown, name=LANGUAGES[DEFAULT_LANGUAGE]
        )
        for lang in LANGUAGES
    )


def resolve_year(
    raw: str | None, years: tuple[int, ...], default: int, lang: str
) -> tuple[int, str | None]:
    """The year to show and, when ``raw`` was unusable, a notice saying so."""
    if raw is None or raw == "":
        return default, None
    if raw.isascii() and raw.isdigit() and int(raw) in years:
        return int(raw), None
    message = gettext(
        lang,
        "“{value}” is not a year this operation reports on ({first}–{last}); showing {default}.",
    )
    return default, message.format(
        value=_shown(raw, 20), first=min(years), last=max(years), default=default
    )


def query_year(query: Mapping[str, str], years: tuple[int, ...], default: int) -> int:
    """The year a page's query shows: its ``year`` when usable, else ``default``
    (``resolve_year`` without the notice)."""
    return resolve_year(query.get("year"), years, default, DEFAULT_LANGUAGE)[0]


def resolve_operation(
    raw: str | None, operations: list[str], default: str, lang: str
) -> tuple[str, str | None]:
    """The operation to show and, for an unknown id, a notice."""
    if raw is None or raw == "" or raw == default:
        return default, None
    if raw in operations:
        return raw, None
    message = gettext(lang, "There is no operation “{value}”; showing {default}.")
    return default, message.format(value=_shown(raw, 40), default=default)
