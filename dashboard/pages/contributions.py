"""Latest contributions of the selected year: who gave and when, newest first.

The source lists dates and donors, not amounts.  A donor-type filter narrows
both tables; it lives in the URL (``?donor=private``) like the year.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard import runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.contribution_table import contributions_table, donor_counts_table
from dashboard.components.data_download import data_download
from dashboard.components.markup import MARKUP, markup
from dashboard.components.page_heading import page_heading
from dashboard.components.view_cache import page_values
from dashboard.components.year_links import empty_with_year_links
from dashboard.data import Operation
from dashboard.i18n import N_, gettext, translator
from dashboard.state.view import DONOR_PARAM, ViewState, read_view, view_search
from dashboard.transforms import contributions as tf
from dashboard.wording import contributions as words

PATH = "/contributions"
LABEL = N_("Contributions")
callbacks = CallbackSet()


class IDS:
    FILTER_BOX = "contributions-filter-box"
    TYPE_FILTER = "contributions-type-filter"
    HEADING = "contributions-heading"
    SUMMARY = "contributions-summary"
    TABLE = "contributions-table"
    NO_DATA = "contributions-no-data"
    COUNTS_HEADING = "contributions-counts-heading"
    COUNTS = "contributions-counts"


UPDATES: dict[str, Output] = {
    "filter": Output(IDS.FILTER_BOX, "children"),
    "heading": Output(IDS.HEADING, "children"),
    "summary": Output(IDS.SUMMARY, "children"),
    "no_data": Output(IDS.NO_DATA, "children"),
    "table": Output(IDS.TABLE, MARKUP),
    "counts_heading": Output(IDS.COUNTS_HEADING, "children"),
    "counts": Output(IDS.COUNTS, MARKUP),
}


def _type_filter(donor_type: str, lang: str) -> html.Fieldset:
    """The donor-type radio buttons, showing ``donor_type``.  Drawn from the URL
    (not set by a callback), so the buttons and the URL cannot disagree."""
    _ = translator(lang)
    return html.Fieldset(
        [
            html.Legend(_("Donor type"), className="form-label fs-6 fw-semibold mb-1"),
            dbc.RadioItems(
                id=IDS.TYPE_FILTER,
                options=[
                    {"label": _(words.FILTER_LABELS[value]), "value": value}
                    for value in tf.DONOR_FILTERS
                ],
                value=donor_type,
                inline=True,
            ),
        ],
        className="contributions-filter mb-3 no-print",
    )


def update(view: ViewState, operations: Sequence[Operation]) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    _ = translator(view.lang)
    donor_type = view.filter(DONOR_PARAM) or tf.ALL
    contributions = operations[0].contributions
    in_year = tf.contributions_in_year(contributions, view.year)
    return {
        "filter": _type_filter(donor_type, view.lang),
        "heading": _("Contributions in {year}").format(year=view.year),
        "summary": "" if in_year.empty else words.describe_totals(in_year, view.year, view.lang),
        "counts_heading": _("Contributions per donor, {year}").format(year=view.year),
        **_listing(view, contributions, in_year, donor_type),
    }


def _listing(view: ViewState, contributions: Any, in_year: Any, donor_type: str) -> dict[str, Any]:
    """The no-data note, the table and the counts: the year's contributions of
    the donor type, or why there are none."""
    _ = translator(view.lang)
    year, lang = view.year, view.lang
    if in_year.empty:
        no_data = _("The source lists no contributions in {year}.").format(year=year)
        years = tf.years_with_contributions(contributions)
        return {
            "no_data": empty_with_year_links(no_data, _("contributions"), years, view),
            "table": markup(None),
            "counts": _nothing_to_count(year, lang),
        }
    shown = tf.filter_by_type(in_year, donor_type)
    which = words.filter_phrase(donor_type, lang)
    if shown.empty:
        message = _("No contributions {which} in {year}.").format(which=which, year=year)
        table = html.P(message, className="empty-state")
        return {"no_data": None, "table": markup(table), "counts": _nothing_to_count(year, lang)}
    return {"no_data": None, **_tables(shown, year, which, lang)}


def _tables(shown: Any, year: int, which: str, lang: str) -> dict[str, str]:
    _ = translator(lang)
    counts = words.counts_per_donor(shown, lang)
    rows_caption = _("Contributions {which} in {year}, newest first")
    counts_caption = _("Number of contributions per donor in {year}, {which}")
    return {
        "table": markup(
            contributions_table(
                words.display_rows(shown, lang), rows_caption.format(which=which, year=year), lang
            )
        ),
        "counts": markup(
            donor_counts_table(
                counts,
                counts_caption.format(year=year, which=which),
                lang,
                words.unnamed_private_note(counts, lang),
            )
        ),
    }


def _nothing_to_count(year: int, lang: str) -> str:
    message = gettext(lang, "No contributions to count in {year}.").format(year=year)
    return markup(html.P(message, className="empty-state text-body-secondary"))


@callbacks.url_writer(Input(IDS.TYPE_FILTER, "value"))
def pick_donor_type(donor_type: str, search: str | None, pathname: str | None) -> str:
    """A donor type picked in the filter goes to the URL (``?donor=``, none for
    all).  The filter also reports the view's type when it is drawn: that
    changes nothing."""
    view = read_view(pathname, search, runtime.catalogue())
    if donor_type == (view.filter(DONOR_PARAM) or tf.ALL):
        raise PreventUpdate
    return view_search(view, **{DONOR_PARAM: None if donor_type == tf.ALL else donor_type})


def layout(view: ViewState, operations: Sequence[Operation]) -> html.Div:
    _ = translator(view.lang)
    values = page_values(update, view, operations)
    return html.Div(
        [
            *page_heading(
                _("Latest contributions"),
                _(
                    "Contributions to the operation as the source lists them, newest first. "
                    "The source gives the date and the donor, not the amount."
                ),
            ),
            html.Div(values["filter"], id=IDS.FILTER_BOX),
            dbc.Row(
                [
                    dbc.Col(_rows_section(view.lang, values), xs=12, lg=7),
                    dbc.Col(_counts_section(view.lang, values), xs=12, lg=5),
                ],
                className="g-4",
            ),
        ],
        className="contributions-page",
    )


def _rows_section(lang: str, values: dict[str, Any]) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(values["heading"], id=IDS.HEADING, className="h4"),
            html.P(values["summary"], id=IDS.SUMMARY, **{"aria-live": "polite"}),
            html.Div(values["no_data"], id=IDS.NO_DATA),
            html.Div(id=IDS.TABLE, **{MARKUP: values["table"]}),
            data_download("contributions", _("the contributions listed"), lang),
        ],
        **{"aria-labelledby": IDS.HEADING},
    )


def _counts_section(lang: str, values: dict[str, Any]) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(values["counts_heading"], id=IDS.COUNTS_HEADING, className="h4"),
            html.Div(id=IDS.COUNTS, **{MARKUP: values["counts"]}),
            data_download("contributions-per-donor", _("the contributions per donor"), lang),
        ],
        **{"aria-labelledby": IDS.COUNTS_HEADING},
    )
