"""The figure builders write plotly JSON directly, skipping plotly's validation:
every figure they build for the shipped data must pass that validation unchanged."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from conftest import DATA_DIR, OPERATION_ID

from dashboard.data import load_operation
from dashboard.figures import budget, people
from dashboard.figures.map import country_map, map_title
from dashboard.transforms import budget as tf
from dashboard.transforms.people_of_concern import trend
from dashboard.transforms.population import country_shading_of

YEARS = range(2014, 2023)  # the operation's years and one either side
# The seed has no breakdown by population type; this one is from the design notes.
BREAKDOWN = pd.DataFrame(
    {"population_type": ["Refugees", "Asylum-seekers", "Stateless"], "value": [538, 218, 105732]}
)


@pytest.fixture(scope="module")
def operation():
    return load_operation(OPERATION_ID, data_dir=DATA_DIR)


def figures(operation, year: int) -> list[go.Figure]:
    source = operation.meta.source
    no_rows = operation.budget.iloc[0:0]
    shading = country_shading_of(operation, year, "en")
    return [
        budget.budget_vs_expenditure_figure(tf.totals_of(operation), year, source, "en"),
        budget.pillar_stack_figure(
            tf.pillar_amounts_of(operation, tf.BUDGET), "Budget", year, source, "en"
        ),
        budget.pillar_stack_figure(
            tf.pillar_amounts(no_rows, tf.EXPENDITURE), "Expenditure", year, source, "en"
        ),
        budget.pillar_split_figure(tf.pillar_split_of(operation, year), year, source, "en"),
        people.trend_figure(trend(operation.people_of_concern), year, source, "en"),
        people.breakdown_figure(operation.population_by_type, year, source, "en"),
        people.breakdown_figure(BREAKDOWN, year, source, "en"),
        country_map(
            shading,
            year,
            centre=(48.0, 67.0),
            zoom_level=5,
            title=map_title(year, "en"),
            source=source,
            lang="en",
        ),
        country_map(
            shading,
            year,
            centre=None,
            zoom_level=5,
            title=map_title(year, "en"),
            source=source,
            lang="en",
        ),
    ]


@pytest.mark.parametrize("year", YEARS)
def test_figures_pass_plotly_validation_unchanged(operation, year):
    for figure in figures(operation, year):
        written = figure.to_plotly_json()
        validated = go.Figure(written)  # raises on any property plotly does not know
        assert validated.to_plotly_json() == written
