"""People-of-concern charts and the overview callbacks that fill the page, on the seed data."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import dcc, html
from layout_tree import find

from dashboard import runtime
from dashboard.app import create_app
from dashboard.data import load_operation
from dashboard.figures import theme
from dashboard.figures.people import HIGHLIGHT, breakdown_figure, trend_figure
from dashboard.pages import overview
from dashboard.transforms.people_of_concern import trend

SOURCE = "UNHCR Global Focus, Kazakhstan Multi-Country Office"
OPERATION_ID = "kazakhstan-mco"


@pytest.fixture(scope="module")
def people():
    return trend(load_operation(OPERATION_ID).people_of_concern)


def test_trend_highlights_the_selected_year(people):
    figure = trend_figure(people, 2019, SOURCE, "en")
    others, selected = figure.data
    # Seed lines 28-29.
    assert (list(others.x), list(others.y)) == ([2018], [88_419])
    assert (list(selected.x), list(selected.y)) == ([2019], [106_489])
    assert selected.marker.color == HIGHLIGHT
    assert others.marker.color == theme.MUTED
    assert selected.name == "2019 (selected)"
    assert figure.layout.title.text == "People of concern, 2018–2019"
    assert figure.layout.yaxis.title.text == "People of concern (persons)"
    assert figure.layout.xaxis.title.text == "Year"
    assert list(figure.layout.xaxis.tickvals) == [2018, 2019]
    assert "%{y:,}" in selected.hovertemplate
    assert theme.source_line(SOURCE, "en") in [a.text for a in figure.layout.annotations]


def test_trend_for_a_year_without_a_total_draws_no_zero(people):
    figure = trend_figure(people, 2020, SOURCE, "en")
    (bars,) = figure.data
    assert list(bars.x) == [2018, 2019]
    assert 0 not in list(bars.y)
    assert "No total for 2020" in [a.text for a in figure.layout.annotations]


def test_trend_without_any_total():
    empty = pd.DataFrame({"year": pd.Series(dtype="int64"), "total": pd.Series(dtype="int64")})
    figure = trend_figure(empty, 2019, SOURCE, "en")
    assert figure.data == ()
    assert "No totals of people of concern" in [a.text for a in figure.layout.annotations]


def test_breakdown_bars_largest_on_top():
    # A breakdown as other Global Focus pages give it (DESIGN.md, section 1).
    by_type = pd.DataFrame(
        {
            "year": [2019, 2019, 2019],
            "population_type": ["Refugees", "Asylum-seekers", "Stateless"],
            "value": [538, 218, 105_732],
        }
    )
    figure = breakdown_figure(by_type, 2019, SOURCE, "en")
    (bars,) = figure.data
    assert bars.orientation == "h"
    # Plotly draws the first category at the bottom.
    assert list(bars.y) == ["Asylum-seekers", "Refugees", "Stateless"]
    assert list(bars.x) == [218, 538, 105_732]
    assert figure.layout.title.text == "People of concern by population type, 2019"
    assert figure.layout.xaxis.title.text == "Persons"


def text_of(component) -> str:
    """All text inside a Dash component tree."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(child) for child in component)
    return text_of(getattr(component, "children", None))


@pytest.fixture(scope="module")
def app():
    return create_app()


def test_show_people_callback_for_every_year(app):
    # Seed lines 27-29 and the year list, lines 40-46.
    expected = {2015: "no data", 2018: "88,419", 2019: "106,489", 2020: "no data"}
    with app.server.app_context():
        for year, total in expected.items():
            heading, shown, change, figure, *_text, breakdown = overview.show_people(
                year, OPERATION_ID, "en"
            )
            assert heading == f"People of concern, {year}"
            assert shown == total
            assert figure.layout.title.text == "People of concern, 2018–2019"
            assert text_of(breakdown) == "No breakdown by population type on the source page."
        _, _, change, *_rest = overview.show_people(2019, OPERATION_ID, "en")
    assert change == "Increase of +20.4% on 2018 (88,419)."


def test_show_country_callback(app):
    with app.server.app_context():
        panel, pressed = overview.show_country(
            "TKM",
            2020,
            OPERATION_ID,
            [{"country": "KAZ"}, {"country": "TKM"}, {"country": "UZB"}],
            "en",
        )
        empty, _ = overview.show_country("UZB", 2018, OPERATION_ID, [{"country": "UZB"}], "en")
        prompt, none_pressed = overview.show_country(
            None, 2020, OPERATION_ID, [{"country": "KAZ"}], "en"
        )
    text = " ".join(text_of(panel).split())
    assert pressed == ["false", "true", "false"]
    assert "Turkmenistan, 2020" in text
    assert "Stateless: over 3,900" in text  # seed line 58
    assert "refugees in Turkmenistan were legalized" in text  # seed line 21
    assert "No country figures for Uzbekistan in 2018 on the source page." in text_of(empty)
    assert "0" not in text_of(empty).replace("2018", "")
    assert "Select a country" in text_of(prompt)
    assert none_pressed == ["false"]


def test_map_keeps_one_file_name_and_its_save_buttons_add_the_year(app):
    with app.server.app_context():
        figure, _summary, _table = overview.show_map(2019, OPERATION_ID, "en")
        layout = overview.layout(runtime.operation(OPERATION_ID), "en")
    graph = next(node for node in find(layout, dcc.Graph) if node.id == overview.IDS.MAP)
    assert graph.config["toImageButtonOptions"]["filename"] == (
        "kazakhstan-mco_people-of-concern-by-country"
    )
    assert graph.config["topojsonURL"].endswith("/assets/topojson/")
    holder = next(
        node
        for node in find(layout, html.Figure)
        if node.to_plotly_json()["props"].get("aria-describedby") == "overview-map-summary"
    )
    assert holder.to_plotly_json()["props"]["data-image-year"] == "true"
    assert figure.layout.title.text == "People of concern named per country, 2019"
