"""Overview: the operation's name, key figures, map of countries and people of concern."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import chart_content, chart_figure, chart_outputs
from dashboard.components.country_panel import (
    aria_pressed,
    country_buttons,
    country_panel,
    panel_prompt,
)
from dashboard.components.data_download import data_download
from dashboard.components.key_figures import key_figure_cards
from dashboard.components.markup import MARKUP, markup
from dashboard.components.view_cache import page_values
from dashboard.data import Operation
from dashboard.exports.datasets import build_dataset
from dashboard.figures.map import clicked_country, country_map, map_title, no_map
from dashboard.figures.people import breakdown_figure, trend_figure
from dashboard.figures.summaries import breakdown_summary, map_summary, trend_summary
from dashboard.i18n import N_, gettext, translator
from dashboard.state.view import COUNTRY_PARAM, ViewState, view_search
from dashboard.transforms.key_figures import naming_country, plan_after, results_for
from dashboard.transforms.people_of_concern import breakdown_for, total_for, trend
from dashboard.wording import chart_tables
from dashboard.wording.countries import country_name
from dashboard.wording.formatting import format_count
from dashboard.wording.key_figures import no_plan_message, no_results_message
from dashboard.wording.people_of_concern import breakdown_empty_message, describe_year
from dashboard.wording.population import country_figures, country_shading_of

PATH = "/"
LABEL = N_("Overview")
callbacks = CallbackSet()


class IDS:
    RESULTS_HEADING = "overview-results-heading"
    RESULTS = "overview-results"
    PLAN_HEADING = "overview-plan-heading"
    PLAN = "overview-plan"
    MAP_HEADING = "overview-map-heading"
    MAP = "overview-map"
    MAP_DISCLAIMER = "overview-map-disclaimer"
    COUNTRY_BUTTON = "overview-country-button"
    PANEL = "overview-country-panel"
    POC_HEADING = "overview-poc-heading"
    POC_YEAR = "overview-poc-year"
    POC_TOTAL = "overview-poc-total"
    POC_CHANGE = "overview-poc-change"
    POC_TREND = "overview-poc-trend"
    POC_BREAKDOWN = "overview-poc-breakdown"
    POC_BREAKDOWN_CHART = "overview-poc-breakdown-chart"


# What a year or country switch changes in place (see ``update``).
UPDATES: dict[str, Output] = {
    "results_heading": Output(IDS.RESULTS_HEADING, "children"),
    "results": Output(IDS.RESULTS, MARKUP),
    "plan_heading": Output(IDS.PLAN_HEADING, "children"),
    "plan": Output(IDS.PLAN, MARKUP),
    **chart_outputs("map", IDS.MAP, one_year=True),
    "panel": Output(IDS.PANEL, "children"),
    "pressed": Output({"type": IDS.COUNTRY_BUTTON, "country": ALL}, "aria-pressed"),
    "poc_year": Output(IDS.POC_YEAR, "children"),
    "poc_total": Output(IDS.POC_TOTAL, "children"),
    "poc_change": Output(IDS.POC_CHANGE, "children"),
    **chart_outputs("trend", IDS.POC_TREND),
    "breakdown": Output(IDS.POC_BREAKDOWN, "children"),
}


def update(view: ViewState, operations: Sequence[Operation]) -> dict[str, Any]:
    """The values of ``UPDATES`` for the view."""
    operation = operations[0]
    return {
        **_key_figures(operation, view.year, view.lang),
        **_map(operation, view.year, view.lang),
        **_country(operation, view.filter(COUNTRY_PARAM), view.year, view.lang),
        **_people(operation, view.year, view.lang),
    }


def _key_figures(operation: Operation, year: int, lang: str) -> dict[str, Any]:
    _ = translator(lang)
    figures = operation.key_figures
    no_results = no_results_message(figures, year, lang)
    no_plan = no_plan_message(figures, year, lang)
    return {
        "results_heading": _("{year} year-end results").format(year=year),
        "results": markup(key_figure_cards(results_for(figures, year), no_results, lang)),
        "plan_heading": _("{year} planning figures").format(year=year + 1),
        "plan": markup(key_figure_cards(plan_after(figures, year), no_plan, lang)),
    }


def _map(operation: Operation, year: int, lang: str) -> dict[str, Any]:
    """The map and its text; for an operation that names no country, its graph
    stays in the page (the page's callbacks write to it), empty and hidden, and
    its summary says there is no country to map."""
    meta = operation.meta
    shading = country_shading_of(operation, year, lang)
    table = chart_tables.country_table(shading, year, lang)
    if not meta.countries:
        return chart_content("map", no_map(), _no_map_message(lang), table, lang, year=year)
    centre = meta.map_centre
    figure = country_map(
        shading,
        year,
        centre=(centre.latitude, centre.longitude) if centre else None,
        zoom_level=centre.zoom_level if centre else 5,
        title=map_title(year, lang),
        source=meta.source,
        lang=lang,
    )
    summary = map_summary(shading, year, lang)
    return chart_content("map", figure, summary, table, lang, year=year)


def _no_map_message(lang: str) -> str:
    return gettext(lang, "This operation names no country, so there is no map.")


def _country(operation: Operation, country: str | None, year: int, lang: str) -> dict[str, Any]:
    """The panel of the selected country (``?country=``) and the buttons' state."""
    pressed = [aria_pressed(code, country) for code in operation.meta.countries]
    if not pressed:
        return {"panel": None, "pressed": pressed}
    if country is None:
        return {"panel": panel_prompt(lang), "pressed": pressed}
    figures = country_figures(operation.population_by_country, year, country, lang)
    named = naming_country(results_for(operation.key_figures, year), country)
    panel = country_panel(country_name(country, lang), year, figures, named, lang)
    return {"panel": panel, "pressed": pressed}


def _people(operation: Operation, year: int, lang: str) -> dict[str, Any]:
    _ = translator(lang)
    people = operation.people_of_concern
    trend_table = build_dataset("people-of-concern", operation, year).frame
    return {
        "poc_year": _("People of concern, {year}").format(year=year),
        "poc_total": format_count(total_for(people, year), lang),
        "poc_change": describe_year(people, year, lang),
        **chart_content(
            "trend",
            trend_figure(trend(people), year, operation.meta.source, lang),
            trend_summary(trend(people), year, lang),
            chart_tables.people_trend_table(trend_table, lang),
            lang,
        ),
        "breakdown": _breakdown(operation, year, lang),
    }


def _breakdown(operation: Operation, year: int, lang: str) -> html.Figure | html.P:
    """The chart of the year's people of concern by population type, if any."""
    by_type = breakdown_for(operation.population_by_type, year)
    if by_type.empty:
        message = breakdown_empty_message(operation.population_by_type, year, lang)
        return html.P(message, className="empty-state")
    source = operation.meta.source
    chart = chart_content(
        "breakdown",
        breakdown_figure(by_type, year, source, lang),
        breakdown_summary(by_type, year, lang),
        chart_tables.population_type_table(by_type, year, lang),
        lang,
    )
    return chart_figure(
        "breakdown",
        IDS.POC_BREAKDOWN_CHART,
        f"{operation.meta.id}_people-of-concern-by-type_{year}",
        gettext(lang, "people of concern by population type"),
        "population-by-type",
        lang,
        chart,
    )


@callbacks.callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(IDS.MAP, "clickData"),
    Input({"type": IDS.COUNTRY_BUTTON, "country": ALL}, "n_clicks"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def pick_country(click_data: dict | None, clicks: list, search: str | None) -> str:
    """The country clicked, on the map or in the list, goes to the URL (``?country=``)."""
    if isinstance(ctx.triggered_id, dict):
        country = ctx.triggered_id["country"] if any(clicks) else None
    else:
        country = clicked_country(click_data)
    if country is None:
        raise PreventUpdate
    new_search = view_search(search, **{COUNTRY_PARAM: country})
    if new_search == (search or ""):
        raise PreventUpdate
    return new_search


def layout(view: ViewState, operations: Sequence[Operation]) -> html.Div:
    values = page_values(update, view, operations)
    meta = operations[0].meta
    # The page's own opening paragraph, in the page's language (English).
    description = (
        [html.P(meta.description, lang="en", className="lead")] if meta.description else []
    )
    return html.Div(
        [
            html.H1(meta.name, className="h2 mb-4"),
            *description,
            _key_figures_section(view.lang, values),
            _map_section(operations[0], view, values),
            _people_section(operations[0], view.lang, values),
        ]
    )


def _key_figures_section(lang: str, values: dict[str, Any]) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(values["results_heading"], id=IDS.RESULTS_HEADING, className="h4"),
            html.Div(id=IDS.RESULTS, **{MARKUP: values["results"]}),
            html.H2(values["plan_heading"], id=IDS.PLAN_HEADING, className="h4 mt-4"),
            html.Div(id=IDS.PLAN, **{MARKUP: values["plan"]}),
            html.Div(data_download("key-figures", _("the key figures"), lang), className="mt-3"),
        ],
        **{"aria-label": _("Key figures")},
    )


def _map_section(operation: Operation, view: ViewState, values: dict[str, Any]) -> html.Section:
    """The map and the country list, with the panel of the view's country."""
    _ = translator(view.lang)
    meta = operation.meta
    chart = chart_figure(
        "map",
        IDS.MAP,
        f"{meta.id}_people-of-concern-by-country",
        _("people of concern by country"),
        "people-of-concern-by-country",
        view.lang,
        values,
        frame_class="map-frame",
        one_year=True,
        zoomable=False,
    )
    panel = html.Div(
        values["panel"],
        id=IDS.PANEL,
        role="region",
        className="country-panel",
        **{"aria-live": "polite", "aria-label": _("Country figures")},
    )
    if not meta.countries:
        return _section_without_map(view.lang, [chart, panel])
    disclaimer = html.P(
        meta.map_disclaimer,
        lang="en",
        id=IDS.MAP_DISCLAIMER,
        className="small text-body-secondary map-disclaimer",
    )
    countries = [(code, country_name(code, view.lang)) for code in meta.countries]
    country_list = [
        html.H3(_("Countries"), className="h6"),
        country_buttons(countries, IDS.COUNTRY_BUTTON, view.filter(COUNTRY_PARAM)),
        panel,
    ]
    row = dbc.Row(
        [dbc.Col([chart, disclaimer], lg=8), dbc.Col(country_list, lg=4)], className="g-3"
    )
    return _map_section_with(view.lang, [row])


def _section_without_map(lang: str, hidden: list[Component]) -> html.Section:
    """The section of an operation that names no country: a sentence saying so,
    and the map's graph and panel, which the page's callbacks write to, hidden."""
    return _map_section_with(
        lang,
        [
            html.P(_no_map_message(lang), className="empty-state text-body-secondary"),
            html.Div(hidden, hidden=True),
        ],
    )


def _map_section_with(lang: str, content: list[Component]) -> html.Section:
    heading = gettext(lang, "Where the operation works")
    return html.Section(
        [html.H2(heading, id=IDS.MAP_HEADING, className="h4"), *content],
        className="mt-5",
        **{"aria-labelledby": IDS.MAP_HEADING},
    )


def widget_examples() -> list[Component]:
    """A country button: the page draws one per country, and an operation may
    name none, so the callbacks' check (``app.create_app``) is given one."""
    return [country_buttons([("", "")], IDS.COUNTRY_BUTTON)]


def _people_section(operation: Operation, lang: str, values: dict[str, Any]) -> html.Section:
    _ = translator(lang)
    years = sorted(int(year) for year in operation.people_of_concern["year"])
    span = f"{years[0]}-{years[-1]}" if years else "no-years"
    card = dbc.Card(
        dbc.CardBody(
            [
                html.P(values["poc_year"], id=IDS.POC_YEAR, className="mb-1 fw-semibold"),
                html.P(values["poc_total"], id=IDS.POC_TOTAL, className="key-figure-value"),
                html.P(values["poc_change"], id=IDS.POC_CHANGE, className="mb-0"),
            ]
        ),
        className="poc-card",
    )
    trend_chart = chart_figure(
        "trend",
        IDS.POC_TREND,
        f"{operation.meta.id}_people-of-concern_{span}",
        _("people of concern per year"),
        "people-of-concern",
        lang,
        values,
    )
    return html.Section(
        [
            html.H2(_("People of concern"), id=IDS.POC_HEADING, className="h4"),
            dbc.Row([dbc.Col(card, md=4), dbc.Col(trend_chart, md=8)], className="g-3"),
            html.H3(_("By population type"), className="h6 mt-4"),
            html.Div(values["breakdown"], id=IDS.POC_BREAKDOWN),
        ],
        className="mt-5",
        **{"aria-labelledby": IDS.POC_HEADING},
    )
