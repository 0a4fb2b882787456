"""The figure builders write plotly JSON directly, skipping plotly's validation:
every figure they build for the shipped data must pass that validation unchanged."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from conftest import DATA_DIR, OPERATION_ID

from dashboard.data import load_operation
from dashboard.figures import budget, people, theme
from dashboard.figures.map import country_map, map_title
from dashboard.transforms import budget as tf
from dashboard.transforms.people_of_concern import trend
from dashboard.wording.population import country_shading_of

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
        validated = go.Figure(written).to_plotly_json()  # raises on any unknown property
        # Validation turns the template's name, "none", into the empty template it names.
        assert written["layout"].pop("template") == "none"
        assert (
            validated["layout"].pop("template")
            == go.Figure(layout={"template": "none"}).layout.template.to_plotly_json()
        )
        assert validated == written


def _paths(tree: dict, prefix: tuple = ()) -> list[tuple]:
    """The key paths of the leaves of nested dicts."""
    return [
        path
        for key, value in tree.items()
        for path in (_paths(value, (*prefix, key)) if isinstance(value, dict) else [(*prefix, key)])
    ]


def test_every_figure_spells_out_the_theme(operation):
    """The registered template's settings are in every layout (or the figure's own)."""
    template = pio.templates[theme.TEMPLATE].layout.to_plotly_json()
    for figure in figures(operation, 2020):
        layout = figure.to_plotly_json()["layout"]
        for path in _paths(template):
            value = layout
            for key in path:
                value = value[key]
            assert value is not None, path
        assert layout["font"]["family"] == template["font"]["family"]


def test_datarevision_follows_the_data(operation):
    source = operation.meta.source

    def totals(year: int, lang: str) -> go.Figure:
        return budget.budget_vs_expenditure_figure(tf.totals_of(operation), year, source, lang)

    assert totals(2019, "en").layout.datarevision == totals(2020, "en").layout.datarevision
    assert totals(2019, "en").layout.datarevision != totals(2019, "fr").layout.datarevision
    split = [
        budget.pillar_split_figure(tf.pillar_split_of(operation, year), year, source, "en")
        for year in (2019, 2020)
    ]
    assert split[0].layout.datarevision != split[1].layout.datarevision
