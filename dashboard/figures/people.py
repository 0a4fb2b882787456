"""Charts of people of concern: the yearly trend and the breakdown by population type."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import text_fit, theme
from dashboard.i18n import N_, translator
from dashboard.transforms.budget import year_span
from dashboard.wording.population_types import population_type_name

HIGHLIGHT = "#0072B2"
OTHER_YEARS = theme.MUTED
HOVER = N_("%{x}: %{y:,} people of concern")
OUTLINE = "#212529"
SELECTED_LABEL = N_("selected")


def trend_title(years: list[int], lang: str) -> str:
    _ = translator(lang)
    if not years:
        return _("People of concern")
    return _("People of concern, {year}").format(year=year_span(years))


def trend_figure(trend: pd.DataFrame, selected_year: int, source: str, lang: str) -> go.Figure:
    """Bars of the yearly totals (``year``, ``total``); ``selected_year`` highlighted.

    Only years with a total are drawn; a selected year without one is named in
    an annotation instead of being drawn as 0.
    """
    _ = translator(lang)
    hover = _(HOVER) + "<extra></extra>"
    years = [int(year) for year in trend["year"]]
    title = trend_title(years, lang)
    if trend.empty:
        return theme.empty_figure(title, _("No totals of people of concern"), source, lang)
    selected = trend["year"] == selected_year
    traces = []
    others = trend[~selected]
    if not others.empty:
        traces.append(
            {
                "type": "bar",
                "name": _("Other years"),
                "x": others["year"].tolist(),
                "y": others["total"].tolist(),
                "marker": {"color": OTHER_YEARS},
                "hovertemplate": hover,
            }
        )
    if selected.any():
        total = int(trend.loc[selected, "total"].iloc[0])
        traces.append(
            {
                "type": "bar",
                "name": _("{year} (selected)").format(year=selected_year),
                "x": [selected_year],
                "y": [total],
                "marker": {"color": HIGHLIGHT, "line": {"color": OUTLINE, "width": 2}},
                "hovertemplate": hover,
            }
        )
        # Not by colour alone: the selected year's bar is also outlined and labelled.
        note = {
            "x": selected_year,
            "y": total,
            "text": _(SELECTED_LABEL),
            "showarrow": False,
            "yanchor": "bottom",
            "yshift": 2,
            "font": {"size": 12, "color": OUTLINE},
        }
    else:
        note = {
            "text": _("No total for {year}").format(year=selected_year),
            "xref": "paper",
            "yref": "paper",
            "x": 1,
            "y": 1,
            "xanchor": "right",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 12, "color": "#495057"},
        }
    # Headroom for the "selected" label above the tallest bar.
    top = float(trend["total"].max()) * 1.15
    # The title says what is counted; the axis gives the unit, beside labels as wide
    # as the largest tick's (grouped digits: "120,000").
    left = text_fit.label_margin([f"{int(top):,}"], theme.FONT_SIZE) + theme.AXIS_TITLE_ROOM
    layout = {
        "annotations": [note],
        "barmode": "overlay",
        "showlegend": False,
        "xaxis": {"title": {"text": _("Year")}, "tickmode": "array", "tickvals": years},
        "yaxis": {"title": {"text": _("Persons")}, "tickformat": ",d", "range": [0, top]},
        "margin": {"l": left, "r": 10, "t": 60, "b": 90},
    }
    return theme.finish(traces, layout, title, source, lang)


def breakdown_figure(breakdown: pd.DataFrame, year: int, source: str, lang: str) -> go.Figure:
    """Horizontal bars of ``population_type``/``value`` for ``year``, largest on top."""
    _ = translator(lang)
    title = _("People of concern by population type, {year}").format(year=year)
    if breakdown.empty:
        return theme.empty_figure(
            title, _("No breakdown by population type for {year}").format(year=year), source, lang
        )
    ordered = breakdown.sort_values("value")
    names = [population_type_name(kind, lang) for kind in ordered["population_type"]]
    labels = [text_fit.wrap_label(name, theme.FONT_SIZE) for name in names]
    bars = {
        "type": "bar",
        "x": ordered["value"].tolist(),
        "y": names,
        "orientation": "h",
        "marker": {"color": HIGHLIGHT},
        "hovertemplate": _("%{y}: %{x:,} persons") + "<extra></extra>",
    }
    layout = {
        "showlegend": False,
        "xaxis": {"title": {"text": _("Persons")}, "tickformat": ",d"},
        "yaxis": {
            "title": {"text": _("Population type")},
            "tickmode": "array",
            "tickvals": names,
            "ticktext": labels,
        },
        "margin": {"l": text_fit.label_margin(labels, theme.FONT_SIZE) + theme.AXIS_TITLE_ROOM},
    }
    return theme.finish([bars], layout, title, source, lang)
