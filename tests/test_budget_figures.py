"""Budget figure builders, fed with tables typed in from the seed page.

Seed: shared/seeds/000_5ad34c431927eea1.txt, line 37 (USD millions; null = no
figure).  The inputs are built here from those literals, in the shapes the
transforms document, so these tests do not depend on the transforms.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from seed_values import (
    BUDGET,
    EXPENDITURE,
    P1_BUDGET,
    P1_EXPENDITURE,
    P2_BUDGET,
    P2_EXPENDITURE,
    YEARS,
)

from dashboard.figures import theme
from dashboard.figures.budget import (
    OTHER_OPACITY,
    SELECTED_LINE_WIDTH,
    budget_vs_expenditure_figure,
    pillar_split_figure,
    pillar_stack_figure,
)

SOURCE = "UNHCR Global Focus, Kazakhstan Multi-Country Office"
# Seed line 37, USD millions.


def dollars(millions: list[float | None]) -> list[float]:
    return [math.nan if m is None else round(m * 1_000_000, 2) for m in millions]


def totals() -> pd.DataFrame:
    return pd.DataFrame(
        {"year": YEARS, "budget_usd": dollars(BUDGET), "expenditure_usd": dollars(EXPENDITURE)}
    )


def pillar_amounts(p1: list, p2: list) -> pd.DataFrame:
    rows = []
    for index, year in enumerate(YEARS):
        rows.append((year, 1, "Refugee programme", dollars([p1[index]])[0]))
        rows.append((year, 2, "Stateless programme", dollars([p2[index]])[0]))
    return pd.DataFrame(rows, columns=["year", "pillar", "label", "amount"])


def split_2020() -> pd.DataFrame:
    # Seed line 37, 2020 column; shares and rates by hand (2.32328021 / 3.03404521 ...).
    return pd.DataFrame(
        {
            "pillar": [1, 2],
            "label": ["Refugee programme", "Stateless programme"],
            "budget_usd": dollars([2.32328021, 0.710765]),
            "expenditure_usd": dollars([1.8538385400000001, 0.61878303]),
            "budget_share": [76.57, 23.43],
            "execution_rate": [79.79, 87.06],
        }
    )


def texts(figure) -> list[str]:
    return [annotation.text for annotation in figure.layout.annotations if annotation.text]


def veils(figure) -> list[tuple[float, float]]:
    """The x spans of the white veils (dimming the other years) that have a width."""
    return [
        (shape.x0, shape.x1)
        for shape in figure.layout.shapes
        if shape.yref == "paper" and shape.x1 > shape.x0
    ]


def frames(figure) -> list[tuple[float, float, float, float]]:
    """The outlined boxes (x0, x1, y0, y1 in USD millions) that have a line."""
    return [
        (shape.x0, shape.x1, shape.y0, shape.y1)
        for shape in figure.layout.shapes
        if shape.yref == "y" and shape.line.width
    ]


def approx_millions(expected: list[float | None]):
    return [None if value is None else pytest.approx(value, abs=1e-8) for value in expected]


# --- budget against expenditure -------------------------------------------------------------


def test_budget_vs_expenditure_bars_are_the_seed_totals():
    figure = budget_vs_expenditure_figure(totals(), 2019, SOURCE, "en")
    budget, expenditure = figure.data
    assert (budget.type, budget.name, expenditure.name) == ("bar", "Budget", "Expenditure")
    assert list(budget.x) == YEARS
    assert list(budget.y) == approx_millions(BUDGET)
    assert list(expenditure.y) == approx_millions(EXPENDITURE)
    assert figure.layout.barmode == "group"
    assert budget.marker.color == theme.BUDGET_COLOUR
    assert expenditure.marker.color == theme.EXPENDITURE_COLOUR


def test_budget_vs_expenditure_titles_and_units():
    figure = budget_vs_expenditure_figure(totals(), 2019, SOURCE, "en")
    assert figure.layout.title.text == "Budget and expenditure, 2016–2021 (USD)"
    assert figure.layout.yaxis.title.text == "USD millions"
    assert f"Source: {SOURCE}" in texts(figure)


def test_budget_vs_expenditure_hover_is_exact_dollars():
    figure = budget_vs_expenditure_figure(totals(), 2019, SOURCE, "en")
    budget, expenditure = figure.data
    assert budget.customdata[0] == "USD 7,485,826.72"
    assert expenditure.customdata[4] == "USD 2,472,621.57"
    assert expenditure.customdata[5] == "no data"
    assert "%{customdata}" in budget.hovertemplate


def test_budget_vs_expenditure_highlights_the_selected_year():
    figure = budget_vs_expenditure_figure(totals(), 2019, SOURCE, "en")
    # The years before and after 2019 are veiled, letting 40% of their colour through.
    assert veils(figure) == [(2015.5, 2018.5), (2019.5, 2021.5)]
    assert {shape.opacity for shape in figure.layout.shapes if shape.yref == "paper"} == {
        1 - OTHER_OPACITY
    }
    # A frame round each 2019 bar (budget left of the year, expenditure right), seed line 37.
    (budget, expenditure) = frames(figure)
    assert budget == pytest.approx((2018.6, 2019.0, 0.0, 5.52884917))
    assert expenditure == pytest.approx((2019.0, 2019.4, 0.0, 2.87297163))
    assert {shape.line.width for shape in figure.layout.shapes if shape.yref == "y"} == {
        SELECTED_LINE_WIDTH
    }
    selected = [a for a in figure.layout.annotations if a.text == "selected"]
    assert len(selected) == 1
    assert selected[0].x == 2019
    # Above the taller bar of 2019: the budget, 5.52884917 millions (seed line 37).
    assert selected[0].y == pytest.approx(5.52884917)


def test_budget_vs_expenditure_2021_expenditure_is_a_gap_with_a_note():
    figure = budget_vs_expenditure_figure(totals(), 2021, SOURCE, "en")
    expenditure = figure.data[1]
    assert expenditure.y[5] is None
    notes = [a for a in figure.layout.annotations if a.text == "no expenditure reported"]
    assert len(notes) == 1
    # In the expenditure slot of 2021 (right half of the group).
    assert 2021 < notes[0].x < 2021.5
    assert notes[0].y == 0


def test_budget_vs_expenditure_2015_highlights_nothing():
    figure = budget_vs_expenditure_figure(totals(), 2015, SOURCE, "en")
    for trace in figure.data:
        assert list(trace.x) == YEARS
    assert veils(figure) == [] and frames(figure) == []
    assert "selected" not in texts(figure)


@pytest.mark.parametrize("build", ["totals", "budget stack", "expenditure stack"])
def test_charts_by_year_change_only_their_highlight_with_the_year(build):
    """A year switch must leave the traces, the datarevision and the number of notes
    and shapes as they were: plotly.js then redraws only the highlight."""

    def figure(year: int):
        if build == "totals":
            return budget_vs_expenditure_figure(totals(), year, SOURCE, "en")
        p1, p2 = (
            (P1_BUDGET, P2_BUDGET) if build == "budget stack" else (P1_EXPENDITURE, P2_EXPENDITURE)
        )
        name = "Budget" if build == "budget stack" else "Expenditure"
        return pillar_stack_figure(pillar_amounts(p1, p2), name, year, SOURCE, "en")

    first = figure(2014)
    for year in range(2015, 2023):
        other = figure(year)
        assert other.to_plotly_json()["data"] == first.to_plotly_json()["data"]
        assert other.layout.datarevision == first.layout.datarevision
        assert len(other.layout.shapes) == len(first.layout.shapes)
        assert len(other.layout.annotations) == len(first.layout.annotations)
        # Appearing or disappearing items make plotly.js draw the whole chart.
        assert all(
            item.visible is None for item in (*other.layout.shapes, *other.layout.annotations)
        )
    assert figure(2019).layout.xaxis.range == (2015.5, 2021.5)


def test_budget_vs_expenditure_without_data_is_an_empty_state():
    empty = pd.DataFrame({"year": [], "budget_usd": [], "expenditure_usd": []})
    figure = budget_vs_expenditure_figure(empty, 2019, SOURCE, "en")
    assert figure.data == ()
    assert "No budget or expenditure reported." in texts(figure)


# --- stacks by pillar --------------------------------------------------------------------------


def test_budget_by_pillar_stacks_the_seed_pillars():
    figure = pillar_stack_figure(pillar_amounts(P1_BUDGET, P2_BUDGET), "Budget", 2020, SOURCE, "en")
    assert figure.layout.barmode == "stack"
    assert [trace.name for trace in figure.data] == ["Refugee programme", "Stateless programme"]
    assert [trace.marker.color for trace in figure.data] == [
        theme.PILLAR_COLOURS[1],
        theme.PILLAR_COLOURS[2],
    ]
    assert list(figure.data[0].y) == approx_millions(P1_BUDGET)
    assert list(figure.data[1].y) == approx_millions(P2_BUDGET)
    assert figure.data[0].customdata[0] == "USD 5,383,627.55"
    assert figure.layout.title.text == "Budget by pillar, 2016–2021 (USD)"
    assert figure.layout.yaxis.title.text == "USD millions"


def test_budget_by_pillar_highlights_the_selected_year():
    figure = pillar_stack_figure(pillar_amounts(P1_BUDGET, P2_BUDGET), "Budget", 2020, SOURCE, "en")
    assert veils(figure) == [(2015.5, 2019.5), (2020.5, 2021.5)]
    # Pillar 1 from 0, pillar 2 on top of it (seed line 37, 2020).
    assert frames(figure) == [
        pytest.approx((2019.6, 2020.4, 0.0, 2.32328021)),
        pytest.approx((2019.6, 2020.4, 2.32328021, 3.03404521)),
    ]
    (selected,) = [a for a in figure.layout.annotations if a.text == "selected"]
    # On top of the 2020 stack: the 2020 budget total, 3.03404521 millions.
    assert (selected.x, selected.y) == (2020, pytest.approx(3.03404521))


def test_expenditure_by_pillar_2021_is_a_gap_with_a_note():
    amounts = pillar_amounts(P1_EXPENDITURE, P2_EXPENDITURE)
    figure = pillar_stack_figure(amounts, "Expenditure", 2021, SOURCE, "en")
    assert list(figure.data[0].y) == approx_millions(P1_EXPENDITURE)
    assert list(figure.data[1].y) == approx_millions(P2_EXPENDITURE)
    assert figure.data[0].y[5] is None and figure.data[1].y[5] is None
    notes = [a for a in figure.layout.annotations if a.text == "no expenditure reported"]
    assert [(note.x, note.y) for note in notes] == [(2021, 0)]
    # The other years are veiled though 2021 has no bar; no frame, no "selected" label.
    assert veils(figure) == [(2015.5, 2020.5)]
    assert frames(figure) == []
    assert "selected" not in texts(figure)
    assert figure.layout.title.text == "Expenditure by pillar, 2016–2021 (USD)"


def test_stack_keeps_a_pillar_colour_when_only_that_pillar_has_data():
    amounts = pd.DataFrame(
        {"year": [2020], "pillar": [2], "label": ["Stateless programme"], "amount": [710765.0]}
    )
    figure = pillar_stack_figure(amounts, "Budget", 2020, SOURCE, "en")
    assert [trace.marker.color for trace in figure.data] == [theme.PILLAR_COLOURS[2]]


# --- the selected year's split -----------------------------------------------------------------


def test_split_2020_by_pillar():
    figure = pillar_split_figure(split_2020(), 2020, SOURCE, "en")
    budget, expenditure = figure.data
    assert budget.orientation == "h"
    assert list(budget.y) == ["Refugee programme", "Stateless programme"]
    assert list(budget.x) == approx_millions([2.32328021, 0.710765])
    assert list(expenditure.x) == approx_millions([1.8538385400000001, 0.61878303])
    assert list(budget.marker.color) == [theme.PILLAR_COLOURS[1], theme.PILLAR_COLOURS[2]]
    assert figure.layout.title.text == "Split by pillar, 2020 (USD)"
    assert figure.layout.xaxis.title.text == "USD millions"
    hover = budget.customdata[0]
    assert "Budget: USD 2,323,280.21" in hover
    assert "Expenditure: USD 1,853,838.54" in hover
    assert "Share of budget: 76.6%" in hover
    assert "Execution rate: 79.8%" in hover


def test_split_2021_notes_missing_expenditure():
    split = pd.DataFrame(
        {
            "pillar": [1, 2],
            "label": ["Refugee programme", "Stateless programme"],
            "budget_usd": dollars([4.05028321, 1.231765]),
            "expenditure_usd": [math.nan, math.nan],
            "budget_share": [76.68, 23.32],
            "execution_rate": [math.nan, math.nan],
        }
    )
    figure = pillar_split_figure(split, 2021, SOURCE, "en")
    assert list(figure.data[1].x) == [None, None]
    assert texts(figure).count("no expenditure reported") == 2
    assert "Execution rate: no data" in figure.data[0].customdata[0]


def test_split_2015_is_an_empty_state():
    empty = split_2020().iloc[0:0]
    figure = pillar_split_figure(empty, 2015, SOURCE, "en")
    assert figure.data == ()
    assert figure.layout.xaxis.visible is False
    assert "No budget data for 2015" in texts(figure)
    assert figure.layout.title.text == "Split by pillar, 2015"
