"""Charts of people of concern: the yearly trend and the breakdown by population type."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import theme

HIGHLIGHT = "#0072B2"
OTHER_YEARS = theme.MUTED
HOVER = "%{x}: %{y:,} people of concern<extra></extra>"
OUTLINE = "#212529"
SELECTED_LABEL = "selected"


def trend_title(years: list[int]) -> str:
    if not years:
        return "People of concern"
    if len(years) == 1:
        return f"People of concern, {years[0]}"
    return f"People of concern, {years[0]}–{years[-1]}"


def trend_figure(trend: pd.DataFrame, selected_year: int, source: str) -> go.Figure:
    """Bars of the yearly totals (``year``, ``total``); ``selected_year`` highlighted.

    Only years with a total are drawn; a selected year without one is named in
    an annotation instead of being drawn as 0.
    """
    years = [int(year) for year in trend["year"]]
    title = trend_title(years)
    if trend.empty:
        return theme.empty_figure(title, "No totals of people of concern", source)
    selected = trend["year"] == selected_year
    traces = []
    others = trend[~selected]
    if not others.empty:
        traces.append(
            {
                "type": "bar",
                "name": "Other years",
                "x": others["year"].tolist(),
                "y": others["total"].tolist(),
                "marker": {"color": OTHER_YEARS},
                "hovertemplate": HOVER,
            }
        )
    if selected.any():
        total = int(trend.loc[selected, "total"].iloc[0])
        traces.append(
            {
                "type": "bar",
                "name": f"{selected_year} (selected)",
                "x": [selected_year],
                "y": [total],
                "marker": {"color": HIGHLIGHT, "line": {"color": OUTLINE, "width": 2}},
                "hovertemplate": HOVER,
            }
        )
        # Not by colour alone: the selected year's bar is also outlined and labelled.
        note = {
            "x": selected_year,
            "y": total,
            "text": SELECTED_LABEL,
            "showarrow": False,
            "yanchor": "bottom",
            "yshift": 2,
            "font": {"size": 12, "color": OUTLINE},
        }
    else:
        note = {
            "text": f"No total for {selected_year}",
            "xref": "paper",
            "yref": "paper",
            "x": 1,
            "y": 1,
            "xanchor": "right",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 12, "color": "#495057"},
        }
    layout = {
        "annotations": [note],
        "barmode": "overlay",
        "showlegend": False,
        "xaxis": {"title": {"text": "Year"}, "tickmode": "array", "tickvals": years},
        "yaxis": {
            "title": {"text": "People of concern (persons)"},
            "tickformat": ",d",
            # Headroom for the "selected" label above the tallest bar.
            "range": [0, float(trend["total"].max()) * 1.15],
        },
        "margin": {"l": 70, "r": 10, "t": 60, "b": 90},
    }
    return theme.finish(traces, layout, title, source)


def breakdown_figure(breakdown: pd.DataFrame, year: int, source: str) -> go.Figure:
    """Horizontal bars of ``population_type``/``value`` for ``year``, largest on top."""
    title = f"People of concern by population type, {year}"
    if breakdown.empty:
        return theme.empty_figure(title, f"No breakdown by population type for {year}", source)
    ordered = breakdown.sort_values("value")
    bars = {
        "type": "bar",
        "x": ordered["value"].tolist(),
        "y": ordered["population_type"].tolist(),
        "orientation": "h",
        "marker": {"color": HIGHLIGHT},
        "hovertemplate": "%{y}: %{x:,} persons<extra></extra>",
    }
    layout = {
        "showlegend": False,
        "xaxis": {"title": {"text": "Persons"}, "tickformat": ",d"},
        "yaxis": {"title": {"text": "Population type"}, "automargin": True},
    }
    return theme.finish([bars], layout, title, source)
