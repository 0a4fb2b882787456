"""The map of the countries an operation covers, shaded by people of concern.

Drawn as a Plotly geo figure (choropleth by ISO3 code + one marker per
country) so it needs no tile server: the country shapes come from the
topojson files served from ``/assets/topojson/`` (see ``components.chart``).
Every trace carries the ISO3 code as the first item of ``customdata``;
``clicked_country`` reads it back from a click.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import theme
from dashboard.i18n import Translate, gettext, translator
from dashboard.wording.formatting import format_count

# Marker positions (latitude, longitude), map geometry rather than data: the
# planar centroid of each country's largest polygon in the shipped
# assets/topojson/asia_50m.json (plotly.js 4.1.1), rounded to 0.01 degree.
MARKER_POSITIONS: dict[str, tuple[float, float]] = {
    "AFG": (33.84, 66.03),
    "KAZ": (48.17, 67.30),
    "KGZ": (41.46, 74.52),
    "TJK": (38.52, 71.01),
    "TKM": (39.12, 59.39),
    "UZB": (41.78, 63.12),
}

# Where each marker's label sits; Uzbekistan's goes east so that it does not
# cover Turkmenistan's marker on a narrow screen.  Layout, not data.
LABEL_POSITIONS = {"UZB": "middle right"}
DEFAULT_LABEL_POSITION = "bottom center"

# The view around the centre at the source's zoom level 5: half the longitude
# and latitude spans shown, from the Caspian's eastern shore to the Altai and
# from Turkmenistan's southern border to Siberia.  Each zoom step halves them.
# The map keeps the view's shape, so a view about as tall as it is wide stays
# tall on a phone, where the width is what limits it.  Layout, not data.
HALF_SPANS_AT_ZOOM_5 = (13.5, 24.0)  # (latitude, longitude) degrees
SHADES = [[0.0, "#c6dbef"], [0.5, "#6baed6"], [1.0, "#2171b5"]]
NO_FIGURE_FILL = "#e9ecef"
BORDER = "#495057"
MARKER_COLOUR = "#D55E00"


def view_ranges(centre: tuple[float, float], zoom_level: float) -> tuple[list[float], list[float]]:
    """Latitude and longitude ranges of the view centred on ``centre`` at ``zoom_level``."""
    factor = 2 ** (zoom_level - 5)
    lat_half, lon_half = (half / factor for half in HALF_SPANS_AT_ZOOM_5)
    lat, lon = centre
    return (
        [max(lat - lat_half, -85.0), min(lat + lat_half, 85.0)],
        [lon - lon_half, lon + lon_half],
    )


def _hover(shading: pd.DataFrame, year: int, _: Translate) -> list[str]:
    texts = []
    for row in shading.itertuples():
        if math.isnan(row.value):
            detail = _("No country figures for {year}").format(year=year)
        elif row.types == 1:
            detail = f"{year}: {row.parts}"
        else:
            detail = "<br>".join(
                [
                    _("{year}: {label} people of concern").format(year=year, label=row.label),
                    _("Sum of {count} types: {parts}").format(count=row.types, parts=row.parts),
                ]
            )
        texts.append(f"<b>{row.name}</b><br>{detail}")
    return texts


def country_map(
    shading: pd.DataFrame,
    year: int,
    *,
    centre: tuple[float, float] | None,
    zoom_level: float,
    title: str,
    source: str,
    lang: str,
) -> go.Figure:
    """Shade the countries of ``shading`` (from ``wording.population.country_shading``).

    Countries with a figure share one logarithmic colour scale; countries
    without one are drawn in a neutral fill and say so on hover.  ``centre``
    is (latitude, longitude); without one the map fits the countries.
    """
    _ = translator(lang)
    hover = pd.Series(_hover(shading, year, _), index=shading.index)
    has_figure = shading["value"].notna()
    without, shaded = shading[~has_figure], shading[has_figure]
    traces = []
    if not without.empty:
        traces.append(_no_figure_trace(without, hover[~has_figure].tolist(), _))
    if not shaded.empty:
        traces.append(_shaded_trace(shaded, hover[has_figure].tolist(), year, _, lang))
    placed = shading[shading["country"].isin(list(MARKER_POSITIONS))]
    traces.append(_marker_trace(placed, hover[placed.index].tolist(), _))
    layout = {
        "geo": _geo(centre, zoom_level),
        "margin": {"l": 0, "r": 0, "t": 50, "b": 100},
        "showlegend": False,
        "clickmode": "event",
        "dragmode": False,
        "annotations": [] if not shaded.empty else [_no_figures_note(year, _)],
    }
    return theme.finish(traces, layout, title, source, lang)


def no_map() -> dict:
    """The figure of an operation that names no country: nothing to draw, so
    plotly.js fetches no map data for it."""
    return {"data": [], "layout": {}}


def _no_figure_trace(without: pd.DataFrame, hover: list[str], _: Translate) -> dict:
    """The covered countries without a figure, in a neutral fill."""
    return {
        "type": "choropleth",
        "name": _("No country figures"),
        "locationmode": "ISO-3",
        "locations": without["country"].tolist(),
        "z": [1] * len(without),
        "colorscale": [[0, NO_FIGURE_FILL], [1, NO_FIGURE_FILL]],
        "showscale": False,
        "marker": {"line": {"color": BORDER, "width": 1}},
        "customdata": [[code] for code in without["country"]],
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def log_scale(values: list[float]) -> tuple[list[float], list[int]]:
    """The base-10 logarithms of ``values`` (a value under 1, such as 0, is shaded as
    1) and the powers of ten that bound them, for the colour bar's ticks.

    Figures of a few thousand and of tens of thousands sit side by side in one
    operation (Turkmenistan's 3,921 and Uzbekistan's 70,014 people of concern
    in 2020): on a linear scale from 0 the smaller ones share one pale shade.
    """
    logs = [math.log10(max(value, 1.0)) for value in values]
    low, high = math.floor(min(logs)), math.ceil(max(logs))
    return logs, list(range(low, max(high, low + 1) + 1))


def _shaded_trace(
    shaded: pd.DataFrame, hover: list[str], year: int, _: Translate, lang: str
) -> dict:
    """The countries with a figure, shaded on a logarithmic scale (each power of
    ten one step of the colour bar); the hover gives the figures themselves."""
    logs, powers = log_scale(shaded["value"].tolist())
    return {
        "type": "choropleth",
        "name": _("People of concern, {year}").format(year=year),
        "locationmode": "ISO-3",
        "locations": shaded["country"].tolist(),
        "z": logs,
        "zmin": powers[0],
        "zmax": powers[-1],
        "colorscale": SHADES,
        "marker": {"line": {"color": BORDER, "width": 1}},
        # Horizontal, under the map, so the map keeps the full width on a phone.
        "colorbar": {
            "title": {"text": _("Persons (logarithmic scale)"), "side": "top"},
            "orientation": "h",
            "tickmode": "array",
            "tickvals": powers,
            "ticktext": [format_count(10**power, lang) for power in powers],
            "tickangle": 0,
            "thickness": 10,
            "len": 0.6,
            "x": 0.5,
            "xanchor": "center",
            "y": 0,
            "yanchor": "top",
            "ypad": 4,
        },
        "customdata": [[code] for code in shaded["country"]],
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _marker_trace(placed: pd.DataFrame, hover: list[str], _: Translate) -> dict:
    """A clickable marker and name per country that has a marker position."""
    codes = placed["country"].tolist()
    return {
        "type": "scattergeo",
        "name": _("Countries"),
        "mode": "markers+text",
        "lat": [MARKER_POSITIONS[code][0] for code in codes],
        "lon": [MARKER_POSITIONS[code][1] for code in codes],
        "text": placed["name"].tolist(),
        "textposition": [LABEL_POSITIONS.get(code, DEFAULT_LABEL_POSITION) for code in codes],
        "textfont": {"size": 12, "color": "#212529", "shadow": "0 0 3px white"},
        "marker": {
            "size": 14,
            "color": MARKER_COLOUR,
            "line": {"color": "white", "width": 2},
            "symbol": "circle",
        },
        "customdata": [[code] for code in codes],
        "hovertext": hover,
        "hovertemplate": "%{hovertext}<br><i>" + _("Click for details") + "</i><extra></extra>",
        "showlegend": False,
    }


def _geo(centre: tuple[float, float] | None, zoom_level: float) -> dict[str, Any]:
    """The map's geography: Asia at 1:50m, centred on ``centre`` or fitted to the countries."""
    geo: dict[str, Any] = {
        "scope": "asia",
        "resolution": 50,
        "showcountries": True,
        "countrycolor": "#adb5bd",
        "showland": True,
        # White land on a white background: the "asia" topojson stops at 55°N, so a
        # tinted land fill would end in a visible edge across northern Kazakhstan.
        "landcolor": "white",
        "bgcolor": "white",
        "showlakes": True,
        "lakecolor": "#d6eaf8",
        "showocean": True,
        "oceancolor": "#d6eaf8",
        "showframe": False,
        "showcoastlines": True,
        "coastlinecolor": "#adb5bd",
    }
    if centre is None:
        geo["fitbounds"] = "locations"
    else:
        lat_range, lon_range = view_ranges(centre, zoom_level)
        geo["center"] = {"lat": centre[0], "lon": centre[1]}
        geo["lataxis"] = {"range": lat_range}
        geo["lonaxis"] = {"range": lon_range}
        geo["projection"] = {"scale": 1}
    return geo


def _no_figures_note(year: int, _: Translate) -> dict:
    return {
        "text": _("No country figures for {year}").format(year=year),
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.98,
        "yanchor": "top",
        "showarrow": False,
        "bgcolor": "rgba(255,255,255,0.85)",
        "font": {"size": 14, "color": "#495057"},
    }


def map_title(year: int, lang: str) -> str:
    return gettext(lang, "People of concern named per country, {year}").format(year=year)


def clicked_country(click_data: dict | None) -> str | None:
    """The ISO3 code of the clicked country (marker or shape), if any."""
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    point = points[0]
    customdata = point.get("customdata")
    if isinstance(customdata, list) and customdata:
        return str(customdata[0])
    if isinstance(customdata, str):
        return customdata
    location = point.get("location")
    return str(location) if location else None
