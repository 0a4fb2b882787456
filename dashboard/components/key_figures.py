"""Cards for key figures: the number as the source prints it and its sentence.

Plain ``html`` elements with Bootstrap's card classes, so a page can send them
as one ``data-markup`` block (``components.markup``).
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.wording.formatting import format_key_figure


def key_figure_cards(figures: pd.DataFrame, empty_message: str, lang: str) -> html.Div:
    """One card per figure, or ``empty_message`` when there are none.

    The sentences are the source's own words, in English: marked ``lang="en"``.
    """
    if figures.empty:
        return html.P(empty_message, className="text-body-secondary empty-state")
    return html.Ul(
        [
            html.Li(
                html.Div(
                    html.Div(
                        [
                            html.P(
                                format_key_figure(row.value, row.unit, row.qualifier, lang),
                                className="key-figure-value",
                            ),
                            html.P(row.text, lang="en", className="key-figure-text mb-0"),
                        ],
                        className="card-body",
                    ),
                    className="card h-100 key-figure",
                ),
                className="col",
            )
            for row in figures.itertuples()
        ],
        className="row row-cols-1 row-cols-sm-2 row-cols-lg-4 g-3 list-unstyled key-figures",
    )
