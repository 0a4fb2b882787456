"""The view state: which page, operations, year, language and page filters.

The URL is the only place the view lives.  ``read_view`` is the one function
that reads it (and resolves unusable values, with a notice for the page to
show); ``view_search`` is the one function that writes a query string from a
view.  Everything the pages draw is a function of the ``ViewState``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import parse_qsl, urlencode

from dashboard.data import OperationMeta
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, LANGUAGES, gettext
from dashboard.transforms.comparison import MAX_COMPARED
from dashboard.transforms.contributions import ALL, DONOR_FILTERS

MAX_QUERY_LENGTH = 2048
YEAR_PARAM = "year"
OPERATION_PARAM = "op"
# The operations compared (``/compare?ops=a,b``), in order.
COMPARED_PARAM = "ops"
COUNTRY_PARAM = "country"
DONOR_PARAM = "donor"
# The catalogue's filters: text in a name or country, sort column, page of rows.
TEXT_PARAM = "q"
SORT_PARAM = "sort"
PAGE_PARAM = "page"

# The pages of many operations; every other page shows one.
CATALOGUE_PATH = "/operations"
COMPARE_PATH = "/compare"
# What the catalogue sorts by (``?sort=budget``, ``?sort=-budget`` for descending).
CATALOGUE_SORTS = (
    "name",
    "countries",
    "years",
    "budget",
    "expenditure",
    "rate",
    "people",
    "change",
)
MAX_TEXT_FILTER = 80


class OperationIndex(Protocol):
    """What ``read_view`` needs to know of the loaded operations."""

    @property
    def ids(self) -> list[str]: ...

    @property
    def default_id(self) -> str: ...

    def meta(self, operation_id: str) -> OperationMeta: ...


@dataclass(frozen=True)
class ViewState:
    """One view, resolved against the data: every field holds a usable value."""

    path: str
    operation_ids: tuple[str, ...]
    year: int
    lang: str
    # The page's own filters, resolved (``("country", "TKM")``); see ``FILTERS``.
    filters: tuple[tuple[str, str], ...] = ()
    # The address's parameters as given, first value of each: links keep them.
    query: tuple[tuple[str, str], ...] = ()
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def operation_id(self) -> str:
        """The first (today: the only) operation of the view."""
        return self.operation_ids[0]

    def filter(self, name: str) -> str | None:
        return dict(self.filters).get(name)

    @property
    def frame(self) -> tuple:
        """What, when it changes, redraws the whole frame (navbar, page) rather
        than the page's views in place: everything but the year and filters."""
        return (self.path, self.operation_ids, self.lang)


def _country(raw: str, meta: OperationMeta) -> str | None:
    return raw if raw in meta.countries else None


def _donor(raw: str, _meta: OperationMeta) -> str | None:
    return raw if raw in DONOR_FILTERS and raw != ALL else None


def _any_country(raw: str, _meta: OperationMeta) -> str | None:
    """An ISO 3166 alpha-3 code; the catalogue shows no row for one no operation covers."""
    return raw if len(raw) == 3 and raw.isascii() and raw.isalpha() and raw.isupper() else None


def _text(raw: str, _meta: OperationMeta) -> str | None:
    text = " ".join(raw.split())[:MAX_TEXT_FILTER]
    return text or None


def _sort(raw: str, _meta: OperationMeta) -> str | None:
    return raw if raw.removeprefix("-") in CATALOGUE_SORTS else None


def _page_number(raw: str, _meta: OperationMeta) -> str | None:
    return raw if raw.isascii() and raw.isdigit() and 1 < int(raw) < 10**6 else None


Filter = Callable[[str, OperationMeta], str | None]
# A page filter: its URL parameter and what makes a value usable (else: no
# filter), checked against the view's (first) operation.
FILTERS: dict[str, Filter] = {
    COUNTRY_PARAM: _country,
    DONOR_PARAM: _donor,
}
# The catalogue's filters are about every operation, not one.
CATALOGUE_FILTERS: dict[str, Filter] = {
    TEXT_PARAM: _text,
    COUNTRY_PARAM: _any_country,
    SORT_PARAM: _sort,
    PAGE_PARAM: _page_number,
}


def read_query(search: str | None) -> dict[str, str]:
    """Parameters of ``?a=1&b=2``: the first value of each wins; an oversized
    query is ignored."""
    if not search or len(search) > MAX_QUERY_LENGTH:
        return {}
    params: dict[str, str] = {}
    for key, value in parse_qsl(search.lstrip("?"), keep_blank_values=True):
        params.setdefault(key, value)
    return params


def read_view(pathname: str | None, search: str | None, operations: OperationIndex) -> ViewState:
    """The view the address asks for.  Unusable values fall back to the default
    (the first operation, its report year, English), each with a notice."""
    query = read_query(search)
    path = pathname or "/"
    lang, lang_notice = _language(query.get(LANGUAGE_PARAM))
    if path == COMPARE_PATH:
        operation_ids, operation_notice = _compared(query.get(COMPARED_PARAM), operations, lang)
    else:
        operation_ids, operation_notice = _operations(query.get(OPERATION_PARAM), operations, lang)
    metas = [operations.meta(operation_id) for operation_id in operation_ids]
    years = tuple(sorted({year for meta in metas for year in meta.years}))
    default_year = max(meta.report_year for meta in metas)
    year, year_notice = _year(query.get(YEAR_PARAM), years, default_year, lang)
    usable_filters = CATALOGUE_FILTERS if path == CATALOGUE_PATH else FILTERS
    filters = tuple(
        (name, value)
        for name, usable in usable_filters.items()
        if name in query and (value := usable(query[name], metas[0])) is not None
    )
    notices = tuple(notice for notice in (lang_notice, operation_notice, year_notice) if notice)
    return ViewState(
        path=path,
        operation_ids=operation_ids,
        year=year,
        lang=lang,
        filters=filters,
        query=tuple(query.items()),
        notices=notices,
    )


def view_search(current: ViewState | str | None, **changes: object) -> str:
    """The query string (``?a=1``, or empty) of ``current`` (a view, or an
    address's query string) with ``changes`` made; a change to None removes the
    parameter.  Every link and every widget that changes the view writes its
    address with this function."""
    query = current.query if isinstance(current, ViewState) else tuple(read_query(current).items())
    return _encode(_set(query, changes))


def in_year(view: ViewState, year: int) -> ViewState:
    """``view`` with ``year`` picked in the menu: the view ``read_view`` reads
    from ``view_search(view, year=year)``, without reading an address."""
    return replace(view, year=year, query=_set(view.query, {YEAR_PARAM: year}), notices=())


def language_param(lang: str) -> str | None:
    """The ``lang`` URL value: none for the default language, so plain links stay short."""
    return None if lang == DEFAULT_LANGUAGE else lang


def _set(query: tuple[tuple[str, str], ...], changes: Mapping[str, object]) -> tuple:
    params = dict(query)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return tuple(params.items())


def _encode(query: tuple[tuple[str, str], ...]) -> str:
    return "?" + urlencode(query) if query else ""


def _shown(raw: str, length: int) -> str:
    return raw if len(raw) <= length else raw[:length] + "…"


def _language(raw: str | None) -> tuple[str, str | None]:
    """The interface language and, for an unknown code, a notice in every language."""
    if raw is None or raw == "" or raw in LANGUAGES:
        return raw or DEFAULT_LANGUAGE, None
    return DEFAULT_LANGUAGE, " / ".join(
        gettext(lang, "“{code}” is not a language of this dashboard; showing {name}.").format(
            code=_shown(raw, 20), name=LANGUAGES[DEFAULT_LANGUAGE]
        )
        for lang in LANGUAGES
    )


def _operations(
    raw: str | None, operations: OperationIndex, lang: str
) -> tuple[tuple[str, ...], str | None]:
    """The operations of ``?op=a`` (or ``a,b``): known ids, in order, once each;
    none known is the default operation."""
    default = operations.default_id
    if raw is None or raw == "":
        return (default,), None
    wanted = list(dict.fromkeys(raw.split(",")))
    known = tuple(operation_id for operation_id in wanted if operation_id in operations.ids)
    unknown = [operation_id for operation_id in wanted if operation_id not in operations.ids]
    if not unknown:
        return known, None
    message = gettext(lang, "There is no operation “{value}”; showing {default}.")
    shown = known[0] if known else default
    return known or (default,), message.format(value=_shown(",".join(unknown), 40), default=shown)


def _compared(
    raw: str | None, operations: OperationIndex, lang: str
) -> tuple[tuple[str, ...], str | None]:
    """The operations of ``?ops=a,b``: known ids, in order, once each, at most
    ``MAX_COMPARED``; none known is the default operation alone (the page then
    asks for more)."""
    wanted = [value for value in dict.fromkeys((raw or "").split(",")) if value]
    known = tuple(operation_id for operation_id in wanted if operation_id in operations.ids)
    unknown = [operation_id for operation_id in wanted if operation_id not in operations.ids]
    notices = []
    if unknown:
        message = gettext(
            lang, "There is no operation “{value}”; it is left out of the comparison."
        )
        notices.append(message.format(value=_shown(",".join(unknown), 40)))
    if len(known) > MAX_COMPARED:
        message = gettext(
            lang, "At most {count} operations can be compared; showing the first {count}."
        )
        notices.append(message.format(count=MAX_COMPARED))
    return known[:MAX_COMPARED] or (operations.default_id,), " ".join(notices) or None


def _year(
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
