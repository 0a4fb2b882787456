"""The country panel: a covered country's figures for a year, with their quotes.

Also the plain list of country buttons that opens the same panel without the
map, for keyboard and screen-reader users.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import gettext, translator
from dashboard.wording.formatting import format_key_figure
from dashboard.wording.population_types import population_type_name


def aria_pressed(code: str, pressed: str | None) -> str:
    """The ``aria-pressed`` value of country ``code``'s button when ``pressed`` is chosen."""
    return "true" if code == pressed else "false"


def country_buttons(
    countries: list[tuple[str, str]], button_type: str, pressed: str | None = None
) -> html.Ul:
    """One button per ``(iso3, name)``; ids are ``{"type": button_type, "country": iso3}``;
    the ``pressed`` country's is pressed (``aria-pressed``)."""
    return html.Ul(
        [
            html.Li(
                html.Button(
                    name,
                    id={"type": button_type, "country": code},
                    type="button",
                    n_clicks=0,
                    className="btn btn-outline-primary btn-sm country-button",
                    **{"aria-pressed": aria_pressed(code, pressed)},
                ),
            )
            for code, name in countries
        ],
        className="list-unstyled d-flex flex-wrap gap-2 mb-3 country-list",
    )


def panel_prompt(lang: str) -> html.P:
    return html.P(
        gettext(lang, "Select a country on the map or in the list to see its figures."),
        className="text-body-secondary mb-0",
    )


def _figure_groups(figures: pd.DataFrame, lang: str) -> list[html.Figure]:
    """Figures grouped by the quote they come from (in English, as the source), in data order."""
    _ = translator(lang)
    groups = []
    for quote, rows in figures.groupby("quote", sort=False):
        groups.append(
            html.Figure(
                [
                    html.Ul(
                        [
                            html.Li(
                                [
                                    _("{population_type}: ").format(
                                        population_type=population_type_name(
                                            row.population_type, lang
                                        )
                                    ),
                                    html.Span(row.label, className="country-figure-value"),
                                ],
                                className="country-figure",
                            )
                            for row in rows.itertuples()
                        ],
                        className="list-unstyled mb-1",
                    ),
                    html.Blockquote(
                        html.P(quote, className="mb-0"), lang="en", className="country-quote"
                    ),
                    html.Figcaption(
                        [
                            _("Source:"),
                            " “",
                            html.Span(rows["source_section"].iloc[0], lang="en"),
                            "”",
                        ],
                        className="small text-body-secondary",
                    ),
                ],
                className="mb-3",
            )
        )
    return groups


def country_panel(
    name: str, year: int, figures: pd.DataFrame, key_figures: pd.DataFrame, lang: str
) -> list:
    """Panel contents for country ``name`` in ``year``.

    ``figures``: rows of ``wording.population.country_figures`` (with ``label``);
    ``key_figures``: that year's results that name the country.
    """
    _ = translator(lang)
    people: list = (
        _figure_groups(figures, lang)
        if not figures.empty
        else [
            html.P(
                _("No country figures for {country} in {year} on the source page.").format(
                    country=name, year=year
                ),
                className="empty-state",
            )
        ]
    )
    results = (
        html.Ul(
            [
                html.Li(
                    [
                        html.Span(
                            format_key_figure(row.value, row.unit, row.qualifier, lang),
                            className="country-figure-value",
                        ),
                        " ",
                        html.Span(row.text, lang="en"),
                    ]
                )
                for row in key_figures.itertuples()
            ],
            className="list-unstyled mb-0",
        )
        if not key_figures.empty
        else html.P(
            _("No {year} year-end results name {country}.").format(year=year, country=name),
            className="empty-state mb-0",
        )
    )
    return [
        html.H3(f"{name}, {year}", className="h5"),
        html.H4(_("People of concern"), className="h6 mt-3"),
        *people,
        html.H4(
            _("{year} year-end results naming {country}").format(year=year, country=name),
            className="h6 mt-3",
        ),
        results,
    ]
