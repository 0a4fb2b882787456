"""The country map: shading, hover, markers and offline geo settings, on the seed data."""

from __future__ import annotations

import json
import math

import pytest

from dashboard.data import load_operation
from dashboard.figures.map import MARKER_POSITIONS, clicked_country, country_map, view_ranges
from dashboard.figures.theme import source_line
from dashboard.paths import assets_dir
from dashboard.wording.population import country_shading

SOURCE = "UNHCR Global Focus, Kazakhstan Multi-Country Office"


@pytest.fixture(scope="module")
def operation():
    return load_operation("kazakhstan-mco")


def build(operation, year: int):
    shading = country_shading(operation.population_by_country, year, operation.meta.countries, "en")
    return country_map(
        shading,
        year,
        centre=(48.0, 67.0),
        zoom_level=5.0,
        title=f"Map {year}",
        source=SOURCE,
        lang="en",
    )


def traces(figure, kind: str) -> list:
    return [trace for trace in figure.data if trace.type == kind]


def test_geo_is_offline_ready_asia_50m_centred_on_the_operation(operation):
    geo = build(operation, 2020).layout.geo
    assert geo.scope == "asia"
    assert geo.resolution == 50
    assert (geo.center.lat, geo.center.lon) == (48.0, 67.0)
    assert list(geo.lataxis.range) == [34.5, 61.5]
    assert list(geo.lonaxis.range) == [43.0, 91.0]


def test_zoom_narrows_the_view():
    lat_range, lon_range = view_ranges((48.0, 67.0), 6.0)
    assert lat_range == [41.25, 54.75]
    assert lon_range == [55.0, 79.0]


def test_2020_shades_every_country_with_its_summed_figure(operation):
    figure = build(operation, 2020)
    (shaded,) = traces(figure, "choropleth")
    assert shaded.locationmode == "ISO-3"
    assert list(shaded.locations) == ["KAZ", "TKM", "UZB"]
    # Seed lines 56, 58, 60.
    # Shaded on a base-10 logarithmic scale from 1,000 to 100,000.
    sums = [445 + 233 + 7_999 + 591, 21 + 3_900, 14 + 70_000]
    assert list(shaded.z) == pytest.approx([math.log10(value) for value in sums])
    assert (shaded.zmin, shaded.zmax) == (3, 5)
    assert list(shaded.colorbar.ticktext) == ["1,000", "10,000", "100,000"]
    assert shaded.colorbar.title.text == "Persons (logarithmic scale)"
    assert "over 3,921 people of concern" in shaded.hovertext[1]
    assert "Sum of 2 types: Refugees 21 + Stateless over 3,900" in shaded.hovertext[1]
    assert "around 70,014 people of concern" in shaded.hovertext[2]
    assert [item[0] for item in shaded.customdata] == ["KAZ", "TKM", "UZB"]
    assert not [a for a in figure.layout.annotations if a.text.startswith("No country figures")]


def test_small_figures_are_shaded_apart(operation):
    """On a linear scale from 0 Kazakhstan's 9,268 and Turkmenistan's 3,921 (seed
    lines 56, 58) would be 13% and 6% of Uzbekistan's 70,014 (line 60): one pale
    shade.  On the map they lie far apart on the colour scale."""
    (shaded,) = traces(build(operation, 2020), "choropleth")
    kaz, tkm, uzb = ((z - shaded.zmin) / (shaded.zmax - shaded.zmin) for z in shaded.z)
    assert tkm < kaz - 0.15 and kaz < uzb - 0.3


def test_2019_shades_kazakhstan_and_leaves_the_others_unshaded(operation):
    figure = build(operation, 2019)
    unshaded, shaded = traces(figure, "choropleth")
    assert list(shaded.locations) == ["KAZ"]
    assert list(shaded.z) == [pytest.approx(math.log10(574 + 195 + 7_156 + 534))]  # lines 79-80
    assert list(unshaded.locations) == ["TKM", "UZB"]
    assert unshaded.showscale is False
    assert all("No country figures for 2019" in text for text in unshaded.hovertext)


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2018, 2021])
def test_years_without_figures_draw_countries_unshaded_and_say_so(operation, year):
    figure = build(operation, year)
    (unshaded,) = traces(figure, "choropleth")
    assert list(unshaded.locations) == ["KAZ", "TKM", "UZB"]
    assert unshaded.showscale is False
    assert all(text.endswith(f"No country figures for {year}") for text in unshaded.hovertext)
    notes = [a.text for a in figure.layout.annotations]
    assert f"No country figures for {year}" in notes


def test_one_clickable_marker_per_country_inside_it(operation):
    figure = build(operation, 2020)
    (markers,) = traces(figure, "scattergeo")
    assert list(markers.text) == ["Kazakhstan", "Turkmenistan", "Uzbekistan"]
    assert [item[0] for item in markers.customdata] == ["KAZ", "TKM", "UZB"]
    # Rough extents of each country (degrees), so a marker sits on its country.
    extents = {"KAZ": (40.5, 55.5, 46.5, 87.5), "TKM": (35, 43, 52, 67), "UZB": (37, 46, 56, 74)}
    for lat, lon, code in zip(markers.lat, markers.lon, ["KAZ", "TKM", "UZB"], strict=True):
        south, north, west, east = extents[code]
        assert south < lat < north and west < lon < east, code
    assert "Click for details" in markers.hovertemplate


def test_title_and_source_line(operation):
    figure = build(operation, 2020)
    assert figure.layout.title.text == "Map 2020"
    assert source_line(SOURCE, "en") in [a.text for a in figure.layout.annotations]


def test_without_a_centre_the_map_fits_the_countries(operation):
    shading = country_shading(operation.population_by_country, 2020, operation.meta.countries, "en")
    figure = country_map(
        shading, 2020, centre=None, zoom_level=5, title="t", source=SOURCE, lang="en"
    )
    assert figure.layout.geo.fitbounds == "locations"


def test_marker_positions_and_countries_exist_in_the_shipped_topojson():
    topojson = json.loads((assets_dir() / "topojson" / "asia_50m.json").read_text())
    codes = {g.get("id") for g in topojson["objects"]["countries"]["geometries"]}
    assert set(MARKER_POSITIONS) <= codes
    assert {"KAZ", "TKM", "UZB"} <= codes


def test_clicked_country_from_a_marker_or_a_shape():
    marker = {"points": [{"lat": 39.12, "lon": 59.39, "customdata": ["TKM"]}]}
    shape = {"points": [{"location": "UZB", "customdata": ["UZB"], "z": 70014}]}
    assert clicked_country(marker) == "TKM"
    assert clicked_country(shape) == "UZB"
    assert clicked_country({"points": [{"location": "KAZ"}]}) == "KAZ"
    assert clicked_country(None) is None
    assert clicked_country({"points": []}) is None
