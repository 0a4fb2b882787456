"""Charts that compare operations year by year: one line per operation.

Each operation keeps one colour and one marker shape in every chart (its
place in the comparison), so a reader who cannot tell the colours apart can
still follow the shapes.  A year an operation has no figure for is a gap in
its line, never a zero; the selected year is a shaded band.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import theme
from dashboard.i18n import N_, translator
from dashboard.wording.formatting import format_count, format_percent, format_usd, no_data

# Okabe-Ito colours and distinct marker shapes, one pair per compared operation.
OPERATION_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
OPERATION_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
SELECTED_BAND = "rgba(0, 114, 178, 0.10)"


def _usd(value: float | None, lang: str) -> str:
    return format_usd(value, lang)


def _percent(value: float | None, lang: str) -> str:
    return format_percent(value, 1, lang)


@dataclass(frozen=True)
class Measure:
    """A column of ``transforms.comparison.comparison_by_year`` drawn as a chart."""

    column: str
    title: str
    axis: str
    hover: str
    formatted: Callable[[float | None, str], str]


MEASURES: dict[str, Measure] = {
    "budget": Measure("budget_usd", N_("Budget per year"), N_("USD"), "%{y:,.0f}", _usd),
    "expenditure": Measure(
        "expenditure_usd", N_("Expenditure per year"), N_("USD"), "%{y:,.0f}", _usd
    ),
    "rate": Measure(
        "execution_rate_percent",
        N_("Execution rate per year (expenditure / budget)"),
        N_("%"),
        "%{y:.1f}%",
        _percent,
    ),
    "people": Measure(
        "people_of_concern", N_("People of concern per year"), N_("people"), "%{y:,}", format_count
    ),
    "per_person": Measure(
        "budget_per_person_usd",
        N_("Budget per person of concern per year"),
        N_("USD per person"),
        "%{y:,.0f}",
        _usd,
    ),
}


def _values(frame: pd.DataFrame, column: str) -> list[float | None]:
    return [None if pd.isna(value) else float(value) for value in frame[column]]


def comparison_figure(
    by_year: pd.DataFrame, measure: str, year: int, source: str, lang: str
) -> go.Figure:
    """Lines of ``measure`` per operation over the years of ``by_year``
    (``comparison_by_year``), ``year`` shaded."""
    _ = translator(lang)
    chosen = MEASURES[measure]
    traces = []
    for place, (operation_id, rows) in enumerate(by_year.groupby("operation_id", sort=False)):
        name = str(rows["name"].iloc[0])
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "legendgroup": operation_id,
                "x": [int(value) for value in rows["year"]],
                "y": _values(rows, chosen.column),
                "connectgaps": False,
                "line": {"color": OPERATION_COLOURS[place], "width": 2},
                "marker": {"color": OPERATION_COLOURS[place], "symbol": OPERATION_SYMBOLS[place]},
                "hovertemplate": f"%{{x}}: {chosen.hover}<extra>{name}</extra>",
            }
        )
    years = sorted({int(value) for value in by_year["year"]})
    layout = {
        "xaxis": {"tickmode": "array", "tickvals": years, "title": {"text": _("Year")}},
        "yaxis": {"title": {"text": _(chosen.axis)}, "rangemode": "tozero"},
        "shapes": [
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": year - 0.5,
                "x1": year + 0.5,
                "y0": 0,
                "y1": 1,
                "fillcolor": SELECTED_BAND,
                "line": {"width": 0},
                "layer": "below",
            }
        ],
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
        "margin": {"b": 120},
        "hovermode": "x unified",
    }
    return theme.finish(traces, layout, _(chosen.title), source, lang)


def comparison_summary(by_year: pd.DataFrame, measure: str, year: int, lang: str) -> str:
    """The chart in words: each operation's figure in the selected year."""
    _ = translator(lang)
    chosen = MEASURES[measure]
    rows = by_year[by_year["year"] == year]
    figures = [
        _("{operation}: {value}").format(
            operation=name, value=chosen.formatted(_value(value), lang)
        )
        for name, value in zip(rows["name"], rows[chosen.column], strict=True)
    ]
    return _("{measure} in {year}. {figures}.").format(
        measure=_(chosen.title), year=year, figures="; ".join(figures) or no_data(lang)
    )


def _value(value: object) -> float | None:
    return None if pd.isna(value) else float(value)
