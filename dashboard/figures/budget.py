"""Budget charts: budget against expenditure, stacks by pillar, the selected year's split.

Bars are drawn in USD millions (axis "USD millions") and hovered in exact
dollars.  A missing figure is a ``None`` in the trace - no bar - and a note on
the chart, never a zero.  In the charts by year the selected year is the one
in full colour with an outline and a "selected" label; the other years are
lighter.  All three are layout items (``_highlight``: a white veil over the
other years, a frame round each of the year's bars), the same number whatever
the year, so a year switch leaves the traces as they were and plotly.js
redraws only those items (see ``theme.data_revision``).
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import text_fit, theme
from dashboard.i18n import N_, Translate, translator
from dashboard.transforms.budget import year_span
from dashboard.transforms.values import is_missing
from dashboard.wording.formatting import format_percent, format_usd

OTHER_OPACITY = 0.4  # how much of a bar of another year shows through the veil
SELECTED_LINE_WIDTH = 2.5
OUTLINE_COLOUR = "#212529"
SELECTED_LABEL = N_("selected")
NOTE_COLOUR = "#495057"
BAR_GAP = 0.2  # grouped bars: each of 2 bars is 0.4 wide, centred at year -/+ 0.2
GROUP_OFFSET = (1 - BAR_GAP) / 4
HALF_BAR = (1 - BAR_GAP) / 2  # half the width of a year's bars, grouped or stacked
SPLIT_KEY = N_("Light bar: budget · dark bar: expenditure")
HEADROOM = 1.18  # room above the tallest bar for the "selected" label
Y_AXIS_TITLE = N_("USD millions")
BUDGET_NAME = N_("Budget")
EXPENDITURE_NAME = N_("Expenditure")
NO_BUDGET = N_("no budget reported")
NO_EXPENDITURE = N_("no expenditure reported")
# Per measure of the charts by pillar ("Budget" / "Expenditure"): the title, the
# title and message of an empty chart, and the note on a year without a bar.
# Whole messages, so each language can agree its words with the measure.
STACK_MESSAGES = {
    "Budget": (
        N_("Budget by pillar, {years} (USD)"),
        N_("Budget by pillar (USD)"),
        N_("No budget reported."),
        NO_BUDGET,
    ),
    "Expenditure": (
        N_("Expenditure by pillar, {years} (USD)"),
        N_("Expenditure by pillar (USD)"),
        N_("No expenditure reported."),
        NO_EXPENDITURE,
    ),
}
# Room above the plot for the title and a legend that wraps to two rows on a phone.
TOP_MARGIN = 100


def budget_vs_expenditure_figure(
    totals: pd.DataFrame,
    selected_year: int,
    source: str,
    lang: str,
    revised: Collection[tuple[int, str]] = (),
) -> go.Figure:
    """Grouped bars of budget and expenditure per year (``yearly_totals`` rows); a star
    marks each bar of ``revised`` (year, ``budget_usd`` or ``expenditure_usd``), a figure
    an older source page gave otherwise."""
    _ = translator(lang)
    years = [int(year) for year in totals["year"]]
    if not years:
        return theme.empty_figure(
            _("Budget and expenditure (USD)"),
            _("No budget or expenditure reported."),
            source,
            lang,
        )
    traces, notes, frames = [], [], []
    measures = (
        ("budget_usd", BUDGET_NAME, NO_BUDGET, theme.BUDGET_COLOUR, -GROUP_OFFSET),
        (
            "expenditure_usd",
            EXPENDITURE_NAME,
            NO_EXPENDITURE,
            theme.EXPENDITURE_COLOUR,
            GROUP_OFFSET,
        ),
    )
    for column, name, gap, colour, offset in measures:
        amounts = totals[column].tolist()
        traces.append(_bar(years, amounts, _(name), colour, lang))
        notes.extend(
            _gap_note(year + offset, _(gap))
            for year, amount in zip(years, amounts, strict=True)
            if is_missing(amount)
        )
        amount = dict(zip(years, amounts, strict=True)).get(selected_year)
        left = selected_year + offset - GROUP_OFFSET
        frames.append((left, left + 2 * GROUP_OFFSET, 0.0, amount))
        marked = [
            (year + offset, amount)
            for year, amount in zip(years, amounts, strict=True)
            if (year, column) in revised and not is_missing(amount)
        ]
        if marked:
            traces.append(_revised_marker(marked, _(name), lang))
    peaks = totals[["budget_usd", "expenditure_usd"]].max(axis=1, skipna=True)
    layout = {
        "annotations": [
            *notes,
            _selected_label(dict(zip(years, peaks, strict=True)), selected_year, _),
        ],
        "shapes": _highlight(years, selected_year, frames),
        "barmode": "group",
        "bargap": BAR_GAP,
        "bargroupgap": 0,
        **_axes(years, peaks.max(skipna=True), _),
    }
    title = _("Budget and expenditure, {years} (USD)").format(years=year_span(years))
    return theme.finish(traces, layout, title, source, lang)


def pillar_stack_figure(
    amounts: pd.DataFrame, measure_name: str, selected_year: int, source: str, lang: str
) -> go.Figure:
    """Bars per year stacked by pillar (``pillar_amounts`` rows); ``measure_name``
    is "Budget" or "Expenditure" and names the chart and the gap notes."""
    _ = translator(lang)
    title, empty_title, nothing, gap = STACK_MESSAGES[measure_name]
    # One pass over the rows, in year order, rather than filtering the frame per pillar.
    rows = sorted(
        zip(
            amounts["year"].tolist(),
            amounts["pillar"].tolist(),
            amounts["label"].tolist(),
            amounts["amount"].tolist(),
            strict=True,
        ),
        key=lambda row: row[0],
    )
    years = sorted({int(row[0]) for row in rows})
    pillars = sorted({int(row[1]) for row in rows})
    if not years or not pillars:
        return theme.empty_figure(_(empty_title), _(nothing), source, lang)
    names: dict[int, str] = {}
    by_pillar: dict[int, dict[int, float]] = {pillar: {} for pillar in pillars}
    for year, pillar, label, amount in rows:
        by_pillar[pillar][year] = amount
        if pillar not in names and not pd.isna(label):
            names[pillar] = _(str(label))
    traces = [
        _bar(
            years,
            [by_pillar[pillar].get(year) for year in years],
            names[pillar],
            theme.PILLAR_COLOURS[pillar],
            lang,
        )
        for pillar in pillars
    ]
    stacks = amounts.groupby("year")["amount"].sum(min_count=1).reindex(years)
    notes = [_gap_note(year, _(gap)) for year, total in stacks.items() if is_missing(total)]
    frames, base = [], 0.0
    for pillar in pillars:
        amount = by_pillar[pillar].get(selected_year)
        frames.append((selected_year - HALF_BAR, selected_year + HALF_BAR, base, amount))
        base += 0.0 if is_missing(amount) else float(amount)
    layout = {
        "annotations": [*notes, _selected_label(stacks.to_dict(), selected_year, _)],
        "shapes": _highlight(years, selected_year, frames),
        "barmode": "stack",
        "bargap": BAR_GAP,
        "legend": {"traceorder": "normal"},
        **_axes(years, stacks.max(skipna=True), _),
    }
    return theme.finish(traces, layout, _(title).format(years=year_span(years)), source, lang)


def pillar_split_figure(split: pd.DataFrame, year: int, source: str, lang: str) -> go.Figure:
    """The selected year by pillar (``pillar_split`` rows): each pillar's budget as
    a light bar with its expenditure as a dark bar inside it."""
    _ = translator(lang)
    if split.empty:
        return theme.empty_figure(
            _("Split by pillar, {year}").format(year=year),
            _("No budget data for {year}").format(year=year),
            source,
            lang,
        )
    labels = [_(label) for label in split["label"]]
    wrapped = [text_fit.wrap_label(label, theme.FONT_SIZE) for label in labels]
    colours = [theme.PILLAR_COLOURS[int(pillar)] for pillar in split["pillar"]]
    hover = [
        "<br>".join(
            [
                f"<b>{label}</b>",
                _("Budget: {amount}").format(amount=format_usd(row.budget_usd, lang)),
                _("Expenditure: {amount}").format(amount=format_usd(row.expenditure_usd, lang)),
                _("Share of budget: {share}").format(
                    share=format_percent(row.budget_share, 1, lang)
                ),
                _("Execution rate: {rate}").format(
                    rate=format_percent(row.execution_rate, 1, lang)
                ),
            ]
        )
        for label, row in zip(labels, split.itertuples(), strict=True)
    ]
    traces = [
        {
            "type": "bar",
            "name": name,
            "orientation": "h",
            "y": labels,
            "x": _millions(split[column]),
            "width": width,
            "marker": {"color": colours, "opacity": opacity},
            "customdata": hover,
            "hovertemplate": "%{customdata}<extra></extra>",
        }
        for column, name, opacity, width in (
            ("budget_usd", _(BUDGET_NAME), 0.35, 0.7),
            ("expenditure_usd", _(EXPENDITURE_NAME), 1.0, 0.35),
        )
    ]
    notes = [
        {
            "x": 0,
            "y": label,
            "text": _(NO_EXPENDITURE),
            "showarrow": False,
            "xanchor": "left",
            "xshift": 4,
            "font": {"size": 11, "color": NOTE_COLOUR},
        }
        for label, row in zip(labels, split.itertuples(), strict=True)
        if is_missing(row.expenditure_usd) and not is_missing(row.budget_usd)
    ]
    layout = {
        "annotations": notes,
        "barmode": "overlay",
        "showlegend": False,
        "title": {"subtitle": {"text": _(SPLIT_KEY)}},
        "xaxis": {"title": {"text": _(Y_AXIS_TITLE)}, "rangemode": "tozero"},
        # Pillar names in lines that leave a phone's chart room for its bars.
        "yaxis": {
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": labels,
            "ticktext": wrapped,
        },
        "margin": {"t": 90, "l": text_fit.label_margin(wrapped, theme.FONT_SIZE)},
    }
    title = _("Split by pillar, {year} (USD)").format(year=year)
    return theme.finish(traces, layout, title, source, lang)


def _bar(years: list[int], amounts: list[float], name: str, colour: str, lang: str) -> dict:
    """One measure or pillar per year; the same whichever year is selected."""
    return {
        "type": "bar",
        "name": name,
        "x": years,
        "y": _millions(amounts),
        "customdata": [format_usd(amount, lang) for amount in amounts],
        "hovertemplate": f"{name}, %{{x}}<br>%{{customdata}}<extra></extra>",
        "marker": {"color": colour},
    }


def _revised_marker(marked: list[tuple[float, float]], name: str, lang: str) -> dict:
    """Stars on top of the bars (x, amount in USD) whose figure a newer page revised."""
    _ = translator(lang)
    label = _("Revised by a newer page")
    return {
        "type": "scatter",
        "mode": "markers",
        "name": f"{label}: {name}",
        "x": [x for x, _amount in marked],
        "y": _millions([amount for _x, amount in marked]),
        "customdata": [format_usd(amount, lang) for _x, amount in marked],
        "hovertemplate": f"{label}<br>{name}: %{{customdata}}<extra></extra>",
        "marker": {"symbol": "star", "size": 13, "color": "#212529", "line": {"width": 0}},
    }


def _highlight(
    years: list[int], selected_year: int, frames: list[tuple[float, float, float, object]]
) -> list[dict]:
    """The selected year's shapes: a veil over the years before it and one over the
    years after it, then a frame round each of its bars (``frames``: left, right,
    base and amount in USD, one per trace).

    A shape with nothing to show has no width or no line rather than being left
    out or hidden, so every year has the same shapes with the same ``visible``:
    plotly.js draws the whole chart again when an item appears or disappears.
    """
    shown = selected_year in years
    first, last = years[0] - 0.5, years[-1] + 0.5
    veils = [
        (first, selected_year - 0.5 if shown else first),
        (selected_year + 0.5 if shown else last, last),
    ]
    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": left,
            "x1": right,
            "y0": 0,
            "y1": 1,
            "fillcolor": "white",
            "opacity": 1 - OTHER_OPACITY,
            "line": {"width": 0},
            "layer": "above",
        }
        for left, right in veils
    ]
    for left, right, base, amount in frames:
        drawn = shown and not is_missing(amount)
        top = base + (float(amount) if drawn else 0.0)
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": left,
                "x1": right,
                "y0": base / 1_000_000,
                "y1": top / 1_000_000,
                "line": {"color": OUTLINE_COLOUR, "width": SELECTED_LINE_WIDTH if drawn else 0},
                "layer": "above",
            }
        )
    return shapes


def _millions(amounts) -> list[float | None]:
    """USD -> USD millions; a missing figure becomes ``None`` so no bar is drawn."""
    return [None if is_missing(amount) else float(amount) / 1_000_000 for amount in amounts]


def _gap_note(x: float, text: str) -> dict:
    """A note standing upright in the empty slot of a bar that has no figure."""
    return {
        "x": x,
        "y": 0,
        "text": text,
        "textangle": -90,
        "showarrow": False,
        "yanchor": "bottom",
        "font": {"size": 11, "color": NOTE_COLOUR},
    }


def _selected_label(peaks: dict, selected_year: int, _: Translate) -> dict:
    """The "selected" label above the selected year's bars; empty if it has none
    (kept, like the shapes, so that every year has the same items)."""
    peak = peaks.get(selected_year)
    return {
        "x": selected_year,
        "y": 0.0 if is_missing(peak) else float(peak) / 1_000_000,
        "text": "" if is_missing(peak) else _(SELECTED_LABEL),
        "showarrow": False,
        "yanchor": "bottom",
        "yshift": 2,
        "font": {"size": 12, "color": OUTLINE_COLOUR},
    }


def _axes(years: list[int], peak: float, _: Translate) -> dict:
    """Layout of the charts by year: title position, a year per tick, USD millions.

    Both ranges are fixed (the x range is the one plotly.js would compute): a year
    switch redraws only the highlight, and plotly.js computes an automatic range
    only when it draws the whole chart.
    """
    top = 1.0 if is_missing(peak) or peak <= 0 else peak / 1_000_000 * HEADROOM
    return {
        "margin": {"t": TOP_MARGIN},
        "xaxis": {
            "title": {"text": _("Year")},
            "range": [years[0] - 0.5, years[-1] + 0.5],
            "tickmode": "array",
            "tickvals": years,
            "ticktext": [str(year) for year in years],
        },
        "yaxis": {"title": {"text": _(Y_AXIS_TITLE)}, "range": [0, top], "tickformat": ",.1f"},
    }
