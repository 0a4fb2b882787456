"""People-of-concern charts and the overview callbacks that fill the page, on the seed data."""

from __future__ import annotations

import page_views
import pandas as pd
import pytest
from dash import dcc, html
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate
from layout_tree import find

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
    assert figure.layout.yaxis.title.text == "Persons"
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


def test_people_of_concern_for_every_year():
    # Seed lines 27-29 and the year list, lines 40-46.
    expected = {2015: "no data", 2018: "88,419", 2019: "106,489", 2020: "no data"}
    for year, total in expected.items():
        shown = page_views.update(overview, f"?year={year}")
        assert shown["poc_year"] == f"People of concern, {year}"
        assert shown["poc_total"] == total
        assert shown["trend_figure"].layout.title.text == "People of concern, 2018–2019"
        breakdown = text_of(shown["breakdown"])
        assert breakdown == "No breakdown by population type on the source page."
    change = page_views.update(overview, "?year=2019")["poc_change"]
    assert change == "Increase of +20.4% on 2018 (88,419)."


def test_the_country_panel_shows_the_address_s_country():
    shown = page_views.update(overview, "?year=2020&country=TKM")
    text = " ".join(text_of(shown["panel"]).split())
    assert shown["pressed"] == ["false", "true", "false"]  # Kazakhstan, Turkmenistan, Uzbekistan
    assert "Turkmenistan, 2020" in text
    assert "Stateless: over 3,900" in text  # seed line 58
    assert "refugees in Turkmenistan were legalized" in text  # seed line 21
    empty = text_of(page_views.update(overview, "?year=2018&country=UZB")["panel"])
    assert "No country figures for Uzbekistan in 2018 on the source page." in empty
    assert "0" not in empty.replace("2018", "")
    prompt = page_views.update(overview, "?year=2020")
    assert "Select a country" in text_of(prompt["panel"])
    assert prompt["pressed"] == ["false", "false", "false"]


def triggered(prop_id: str) -> None:
    """Make ``dash.ctx`` name ``prop_id`` as the input that changed, as Dash does."""
    context_value.set(AttributeDict(triggered_inputs=[{"prop_id": prop_id, "value": None}]))


def test_a_country_clicked_goes_to_the_address():
    triggered('{"country":"UZB","type":"overview-country-button"}.n_clicks')
    assert overview.pick_country(None, [0, 0, 1], "?year=2019") == "?year=2019&country=UZB"
    triggered("overview-map.clickData")
    click = {"points": [{"location": "KAZ"}]}
    assert overview.pick_country(click, [0, 0, 0], "?country=UZB") == "?country=KAZ"
    with pytest.raises(PreventUpdate):  # a click on the sea
        overview.pick_country({"points": []}, [0, 0, 0], "?country=UZB")


def test_map_keeps_one_file_name_and_its_save_buttons_add_the_year():
    figure = page_views.update(overview, "?year=2019")["map_figure"]
    layout = page_views.layout(overview, "?year=2019")
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
    assert holder.to_plotly_json()["props"]["data-image-year"] == "2019"
    assert figure.layout.title.text == "People of concern named per country, 2019"
