"""Overview: the operation's name, key figures, map of countries and people of concern."""

from __future__ import annotations

from collections.abc import Mapping

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.chart import (
    chart_content,
    chart_figure,
    chart_outputs,
)
from dashboard.components.country_panel import (
    aria_pressed,
    country_buttons,
    country_panel,
    panel_prompt,
)
from dashboard.components.data_download import data_download
from dashboard.components.key_figures import key_figure_cards
from dashboard.data import Operation
from dashboard.figures.map import clicked_country, country_map, map_title
from dashboard.figures.people import breakdown_figure, trend_figure
from dashboard.figures.summaries import breakdown_summary, map_summary, trend_summary
from dashboard.i18n import N_, translator
from dashboard.transforms import chart_tables
from dashboard.transforms.countries import country_name
from dashboard.transforms.datasets import build_dataset
from dashboard.transforms.formatting import format_count
from dashboard.transforms.key_figures import naming_country, plan_after, results_for
from dashboard.transforms.people_of_concern import (
    breakdown_empty_message,
    breakdown_for,
    change_on_previous,
    describe_change,
    total_for,
    trend,
)
from dashboard.transforms.population import country_figures, country_shading_of
from dashboard.transforms.view_state import query_year, read_query, with_params

PATH = "/"
LABEL = N_("Overview")
callbacks = CallbackSet(PATH)


class IDS:
    URL = "overview-url"
    RESULTS_HEADING = "overview-results-heading"
    RESULTS = "overview-results"
    PLAN_HEADING = "overview-plan-heading"
    PLAN = "overview-plan"
    MAP_HEADING = "overview-map-heading"
    MAP = "overview-map"
    MAP_DISCLAIMER = "overview-map-disclaimer"
    COUNTRY_BUTTON = "overview-country-button"
    SELECTED_COUNTRY = "overview-selected-country"
    PANEL = "overview-country-panel"
    POC_HEADING = "overview-poc-heading"
    POC_YEAR = "overview-poc-year"
    POC_TOTAL = "overview-poc-total"
    POC_CHANGE = "overview-poc-change"
    POC_TREND = "overview-poc-trend"
    POC_BREAKDOWN = "overview-poc-breakdown"
    POC_BREAKDOWN_CHART = "overview-poc-breakdown-chart"


def _trend_filename(operation: Operation) -> str:
    years = sorted(int(year) for year in operation.people_of_concern["year"])
    span = f"{years[0]}-{years[-1]}" if years else "no-years"
    return f"{operation.meta.id}_people-of-concern_{span}"


def _key_figures_section(lang: str) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(id=IDS.RESULTS_HEADING, className="h4"),
            html.Div(id=IDS.RESULTS),
            html.H2(id=IDS.PLAN_HEADING, className="h4 mt-4"),
            html.Div(id=IDS.PLAN),
            html.Div(data_download("key-figures", _("the key figures"), lang), className="mt-3"),
        ],
        **{"aria-label": _("Key figures")},
    )


COUNTRY_PARAM = "country"


def _country(operation: Operation, query: Mapping[str, str] | None) -> str | None:
    """The covered country a URL asks for (``?country=TKM``), else None."""
    wanted = (query or {}).get(COUNTRY_PARAM)
    return wanted if wanted in operation.meta.countries else None


def _map_section(operation: Operation, country: str | None, year: int, lang: str) -> html.Section:
    """The map and the country list, with the panel of ``country`` in ``year``
    already filled in (``show_country`` updates it)."""
    _ = translator(lang)
    meta = operation.meta
    countries = [(code, country_name(code, lang)) for code in meta.countries]
    return html.Section(
        [
            html.H2(_("Where the operation works"), id=IDS.MAP_HEADING, className="h4"),
            # No ``data`` at all for no country: a store mounted with ``data=None``
            # reports a change (its memory holds nothing), and show_country would run.
            dcc.Store(id=IDS.SELECTED_COUNTRY, **({"data": country} if country else {})),
            dcc.Location(id=IDS.URL, refresh=False),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            chart_figure(
                                IDS.MAP,
                                f"{meta.id}_people-of-concern-by-country",
                                _("people of concern by country"),
                                "people-of-concern-by-country",
                                lang,
                                frame_class="map-frame",
                                one_year=True,
                            ),
                            html.P(
                                meta.map_disclaimer,
                                lang="en",
                                id=IDS.MAP_DISCLAIMER,
                                className="small text-body-secondary map-disclaimer",
                            ),
                        ],
                        lg=8,
                    ),
                    dbc.Col(
                        [
                            html.H3(_("Countries"), className="h6"),
                            country_buttons(countries, IDS.COUNTRY_BUTTON, country),
                            html.Div(
                                _panel(operation, country, year, lang),
                                id=IDS.PANEL,
                                role="region",
                                className="country-panel",
                                **{"aria-live": "polite", "aria-label": _("Country figures")},
                            ),
                        ],
                        lg=4,
                    ),
                ],
                className="g-3",
            ),
        ],
        className="mt-5",
        **{"aria-labelledby": IDS.MAP_HEADING},
    )


def _people_section(operation: Operation, lang: str) -> html.Section:
    _ = translator(lang)
    return html.Section(
        [
            html.H2(_("People of concern"), id=IDS.POC_HEADING, className="h4"),
            dbc.Row(
                [
                    dbc.Col(
                        dbc.Card(
                            dbc.CardBody(
                                [
                                    html.P(id=IDS.POC_YEAR, className="mb-1 fw-semibold"),
                                    html.P(id=IDS.POC_TOTAL, className="key-figure-value"),
                                    html.P(id=IDS.POC_CHANGE, className="mb-0"),
                                ]
                            ),
                            className="h-100 poc-card",
                        ),
                        md=4,
                    ),
                    dbc.Col(
                        chart_figure(
                            IDS.POC_TREND,
                            _trend_filename(operation),
                            _("people of concern per year"),
                            "people-of-concern",
                            lang,
                        ),
                        md=8,
                    ),
                ],
                className="g-3",
            ),
            html.H3(_("By population type"), className="h6 mt-4"),
            html.Div(id=IDS.POC_BREAKDOWN),
        ],
        className="mt-5",
        **{"aria-labelledby": IDS.POC_HEADING},
    )


def layout(operation: Operation, lang: str, query: Mapping[str, str] | None = None) -> html.Div:
    meta = operation.meta
    year = query_year(query or {}, meta.years, meta.report_year)
    return html.Div(
        [
            html.H1(meta.name, className="h2 mb-4"),
            _key_figures_section(lang),
            _map_section(operation, _country(operation, query), year, lang),
            _people_section(operation, lang),
        ]
    )


@callbacks.year_view(
    Output(IDS.RESULTS_HEADING, "children"),
    Output(IDS.RESULTS, "children"),
    Output(IDS.PLAN_HEADING, "children"),
    Output(IDS.PLAN, "children"),
)
def show_key_figures(year: int | None, operation_id: str, lang: str | None) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    _ = translator(lang)
    figures = runtime.operation(operation_id).key_figures
    return (
        _("{year} year-end results").format(year=year),
        key_figure_cards(
            results_for(figures, year),
            _("No year-end results for {year}.").format(year=year),
            lang,
        ),
        _("{year} planning figures").format(year=year + 1),
        key_figure_cards(
            plan_after(figures, year),
            _("No planning figures for {year}.").format(year=year + 1),
            lang,
        ),
    )


@callbacks.year_view(*chart_outputs(IDS.MAP))
def show_map(year: int | None, operation_id: str, lang: str | None) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    operation = runtime.operation(operation_id)
    meta = operation.meta
    shading = country_shading_of(operation, year, lang)
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
    table = chart_tables.country_table(shading, year, lang)
    return chart_content(figure, summary, table, lang)


@callbacks.callback(
    Output(IDS.SELECTED_COUNTRY, "data"),
    Output(IDS.URL, "search"),
    Input(IDS.MAP, "clickData"),
    Input({"type": IDS.COUNTRY_BUTTON, "country": ALL}, "n_clicks"),
    Input(IDS.URL, "search"),
    State(ids.OPERATION, "data"),
    prevent_initial_call=True,
)
def select_country(
    click_data: dict | None, _clicks: list, search: str | None, operation_id: str
) -> tuple:
    """The country last clicked, on the map or in the list, kept in the URL (``?country=``).

    The page has its own ``dcc.Location`` (see the contributions page).
    """
    if ctx.triggered_id == IDS.URL:
        return _country(runtime.operation(operation_id), read_query(search)), dash.no_update
    if isinstance(ctx.triggered_id, dict):
        if not any(_clicks):
            raise PreventUpdate
        country = ctx.triggered_id["country"]
    else:
        country = clicked_country(click_data)
    if country is None:
        raise PreventUpdate
    new_search = with_params(search, **{COUNTRY_PARAM: country})
    return country, (new_search if new_search != (search or "") else dash.no_update)


@callbacks.callback(
    Output(IDS.PANEL, "children"),
    Output({"type": IDS.COUNTRY_BUTTON, "country": ALL}, "aria-pressed"),
    Input(IDS.SELECTED_COUNTRY, "data"),
    Input(ids.YEAR, "data"),
    State(ids.OPERATION, "data"),
    State({"type": IDS.COUNTRY_BUTTON, "country": ALL}, "id"),
    State(ids.LANG, "data"),
    prevent_initial_call=True,
)
def show_country(
    country: str | None, year: int | None, operation_id: str, buttons: list, lang: str | None
) -> tuple:
    """The panel of the country selected, for the year; the layout comes with it
    filled in, so it runs only when either changes."""
    if year is None or lang is None:
        raise PreventUpdate
    pressed = [aria_pressed(button["country"], country) for button in buttons]
    return _panel(runtime.operation(operation_id), country, year, lang), pressed


def _panel(operation: Operation, country: str | None, year: int, lang: str) -> list | html.P:
    if country not in operation.meta.countries:
        return panel_prompt(lang)
    figures = country_figures(operation.population_by_country, year, country, lang)
    named = naming_country(results_for(operation.key_figures, year), country)
    return country_panel(country_name(country, lang), year, figures, named, lang)


@callbacks.year_view(
    Output(IDS.POC_YEAR, "children"),
    Output(IDS.POC_TOTAL, "children"),
    Output(IDS.POC_CHANGE, "children"),
    *chart_outputs(IDS.POC_TREND),
    Output(IDS.POC_BREAKDOWN, "children"),
)
def show_people(year: int | None, operation_id: str, lang: str | None) -> tuple:
    if year is None or lang is None:
        raise PreventUpdate
    _ = translator(lang)
    operation = runtime.operation(operation_id)
    people = operation.people_of_concern
    by_type = breakdown_for(operation.population_by_type, year)
    breakdown = (
        chart_figure(
            IDS.POC_BREAKDOWN_CHART,
            f"{operation.meta.id}_people-of-concern-by-type_{year}",
            _("people of concern by population type"),
            "population-by-type",
            lang,
            figure=breakdown_figure(by_type, year, operation.meta.source, lang),
            summary=breakdown_summary(by_type, year, lang),
            table=chart_tables.population_type_table(by_type, year, lang),
        )
        if not by_type.empty
        else html.P(
            breakdown_empty_message(operation.population_by_type, year, lang),
            className="empty-state",
        )
    )
    return (
        _("People of concern, {year}").format(year=year),
        format_count(total_for(people, year), lang),
        describe_change(change_on_previous(people, year), lang),
        *chart_content(
            trend_figure(trend(people), year, operation.meta.source, lang),
            trend_summary(trend(people), year, lang),
            chart_tables.people_trend_table(
                build_dataset("people-of-concern", operation, year, {}).frame, lang
            ),
            lang,
        ),
        breakdown,
    )
