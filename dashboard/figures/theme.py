"""One look and one colour per pillar, used by every chart.

The pillar colours are from the Okabe-Ito palette, chosen to stay distinct
under the common colour-vision deficiencies.

The look is registered as a Plotly template (``operation_dashboard``, for
notebooks), but each figure carries it spelled out in its layout, with the
template ``"none"``: plotly.js takes the template object of every new figure
for a change and draws the chart from scratch, which a year switch would
otherwise do for every chart.  Each layout also carries a ``datarevision``, a digest of
everything but its notes and shapes, so a figure whose data did not change is
updated in place (see ``finish``).  Price tag: ``Plotly.react`` of a budget
chart by year in a year switch fell from 26-31 to 11-14 ms (tenth round in
bench/HISTORY.md, ``python bench/bench_year_switch.py --pages / /budget``).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

import plotly.graph_objects as go
import plotly.io as pio
from babel.numbers import get_decimal_symbol, get_group_symbol

from dashboard.figures import text_fit
from dashboard.i18n import babel_locale, gettext

TEMPLATE = "operation_dashboard"
PILLAR_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73", 4: "#CC79A7"}
BUDGET_COLOUR = "#0072B2"
EXPENDITURE_COLOUR = "#D55E00"
MUTED = "#9AA5B1"
DEFAULT_LEFT_MARGIN = 60
DEFAULT_TOP_MARGIN = 60
FONT_SIZE = 13
TITLE_SIZE = 16
# Each line of a title after the first adds this much to the top margin.
TITLE_LINE_HEIGHT = 22
# Room beside the tick labels for a y-axis title and its gaps.
AXIS_TITLE_ROOM = 30
# The title hangs from the top of the figure, so lines added below it stay clear of the plot.
TITLE_POSITION = {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 14}}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

pio.templates[TEMPLATE] = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT, "size": FONT_SIZE, "color": "#212529"},
        title={"x": 0, "xanchor": "left", "font": {"size": TITLE_SIZE}},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": DEFAULT_LEFT_MARGIN, "r": 20, "t": DEFAULT_TOP_MARGIN, "b": 80},
        colorway=list(PILLAR_COLOURS.values()),
        xaxis={"showgrid": False, "linecolor": "#6c757d", "ticks": "outside"},
        yaxis={"gridcolor": "#e9ecef", "zerolinecolor": "#adb5bd"},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
)


# The template's layout, which ``finish`` writes under every figure's own layout.
THEME_LAYOUT = pio.templates[TEMPLATE].layout.to_plotly_json()
# Layout parts that ``Plotly.react`` compares item by item whatever the datarevision.
REDRAWN_ITEMS = ("annotations", "shapes")


def source_line(source: str, lang: str) -> str:
    return gettext(lang, "Source: {source}").format(source=source)


@cache
def separators(lang: str) -> str:
    """Plotly's ``layout.separators`` (decimal mark, then thousands separator) of
    ``lang``, from Babel: ``.,`` in English, ``,`` and a narrow space in French."""
    locale = babel_locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def to_figure(data: list[dict], layout: dict) -> go.Figure:
    """Wrap trace and layout dicts, already in plotly's JSON shape, in a ``go.Figure``.

    The builders write plain dicts and skip plotly's property-by-property
    validation, which cost more than everything else in a year switch did.
    ``tests/test_perf_figures.py`` checks that the validation would leave every
    figure unchanged.  Callers still get a ``go.Figure``.
    """
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def source_note(source: str, left_margin: float, lang: str) -> dict:
    """The source line under the plot, starting at the figure's left edge rather
    than the plot's, so it fits on a 375 px phone."""
    return {
        "text": source_line(source, lang),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xshift": 4 - left_margin,
        "yshift": -60,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 10, "color": "#495057"},
    }


def finish(data: list[dict], layout: dict, title: str, source: str, lang: str) -> go.Figure:
    """The figure of ``data`` and ``layout`` with the theme, the title, the source
    line, ``lang``'s number separators (for axes and hover text) and a datarevision.

    A title too wide for a phone is wrapped into lines, and the top margin grows
    by a line for each line added."""
    margin = layout.get("margin", {})
    left_margin = margin.get("l", DEFAULT_LEFT_MARGIN)
    lines = text_fit.wrap(title, TITLE_SIZE)
    top_margin = margin.get("t", DEFAULT_TOP_MARGIN) + TITLE_LINE_HEIGHT * (len(lines) - 1)
    layout = with_defaults(
        THEME_LAYOUT,
        {
            **layout,
            "margin": {**margin, "t": top_margin},
            "separators": separators(lang),
            "title": {**TITLE_POSITION, **layout.get("title", {}), "text": "<br>".join(lines)},
            "annotations": [
                *layout.get("annotations", []),
                source_note(source, left_margin, lang),
            ],
        },
    )
    # plotly's name for no template: plotly.py adds its default one to a layout
    # without, and plotly.js passes over a name, where it takes any template
    # object for a change.
    layout["template"] = "none"
    layout["datarevision"] = data_revision(data, layout)
    return to_figure(data, layout)


def with_defaults(defaults: dict, values: dict) -> dict:
    """``values`` over ``defaults``, nested dicts merged key by key (as a template applies)."""
    merged = dict(defaults)
    for key, value in values.items():
        default = merged.get(key)
        merged[key] = (
            with_defaults(default, value)
            if isinstance(value, dict) and isinstance(default, dict)
            else value
        )
    return merged


def data_revision(data: list[dict], layout: dict) -> str:
    """A digest of the traces and of the layout but its notes and shapes.

    With a ``datarevision``, ``Plotly.react`` takes the figure's arrays (bars,
    hover texts, tick values) as unchanged while it stays the same, and compares
    everything else, notes and shapes included, value by value.  A year switch
    that only moves the selected year's shapes and label (the budget charts by
    year) is then redrawn in place rather than from scratch; any other change
    gives a new digest.  plotly.js computes automatic axis ranges only when it
    draws a chart from scratch, so a chart whose notes or shapes change on
    their own must set its ranges (``budget._axes`` does).
    """
    rest = {key: value for key, value in layout.items() if key not in REDRAWN_ITEMS}
    text = json.dumps([data, rest], sort_keys=True, separators=(",", ":"), allow_nan=True)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def empty_figure(title: str, message: str, source: str, lang: str) -> go.Figure:
    """A figure with no axes that says why there is nothing to plot."""
    layout = {
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "annotations": [
            {
                "text": message,
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "font": {"size": 15, "color": "#495057"},
            }
        ],
    }
    return finish([], layout, title, source, lang)
