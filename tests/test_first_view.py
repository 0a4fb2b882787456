"""A page's first view: the URL's callback draws the frame and the page for the
address, filled in, in one answer; the layout is the same for every address.

Expected values: the seed's years (lines 40-46) and its report year 2020;
``?year=2019`` picks 2019.
"""

from __future__ import annotations

import json
import time

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate
from layout_json import props_by_id, texts
from markup_tree import elements, text
from plotly.io.json import to_json_plotly

from dashboard.app import create_app
from dashboard.components.view_cache import is_kept
from dashboard.pages import budget
from dashboard.runtime import catalogue
from dashboard.shell.routing import draw_frame, find_operation, page_views, update_frame
from dashboard.state.view import read_view

YEARS = ["2021", "2020", "2019", "2018", "2017", "2016", "2015"]


@pytest.fixture(scope="module")
def app():
    return create_app()


def drawn(app, path: str, search: str = "") -> dict:
    """The props, by id, of every component of the frame drawn for the address."""
    with app.server.app_context():
        children, key = draw_frame(path, search, None)
    assert json.loads(key)[0] == path
    return props_by_id(json.loads(to_json_plotly(children)))


def test_the_layout_is_the_same_for_every_address_and_no_header_changes_it(app):
    client = app.server.test_client()
    first = client.get("/_dash-layout").data
    for referer in ("http://localhost/budget?year=2019", "http://example.org/"):
        assert client.get("/_dash-layout", headers={"Referer": referer}).data == first
    layout = json.loads(first)
    url, frame = layout["props"]["children"]
    assert url["props"]["id"] == "url" and frame["props"] == {"children": None, "id": "frame"}


def first_frame(app, address: str) -> dict:
    """The frame the page's HTML carries for ``address`` (``shell.index``)."""
    page = app.server.test_client().get(address).get_data(as_text=True)
    start = page.index('<script id="first-frame" type="application/json">')
    text = page[page.index(">", start) + 1 : page.index("</script>", start)]
    assert "<" not in text  # nothing in it can end the script element
    return json.loads(text)


def test_the_page_carries_the_frame_drawn_for_its_address(app):
    carried = first_frame(app, "/budget?year=2019")
    assert json.loads(carried["key"])[0] == "/budget"
    props = props_by_id(carried["children"])
    assert props["year-select"]["value"] == "2019"
    assert props["budget-year-heading"]["children"] == "Budget and expenditure in 2019"
    # What the URL's callback draws for the same address: the same frame, so
    # it finds the frame drawn and changes nothing.
    children, key = drawn_raw(app)
    assert carried == json.loads(to_json_plotly({"children": children, "key": key}))


def test_an_address_s_text_in_the_first_frame_cannot_end_its_script(app):
    carried = first_frame(app, "/budget?op=</script><script>alert(1)</script>")
    notice = props_by_id(carried["children"])["year-notice"]["children"]
    assert "</script><script>" in notice


def drawn_raw(app) -> tuple:
    with app.server.app_context():
        return draw_frame("/budget", "?year=2019", None)


def test_the_budget_page_comes_filled_in_for_its_address(app):
    props = drawn(app, "/budget", "?year=2019&lang=fr")
    assert props["year-select"]["value"] == "2019"
    assert [option["value"] for option in props["year-select"]["options"]] == YEARS
    budget_link = props[(("path", "/budget"), ("type", "nav-link"))]
    assert budget_link["href"] == "/budget?year=2019&lang=fr"
    assert budget_link["className"] == "nav-link active"
    assert props["year-notice"]["is_open"] is False
    assert props["document-meta"]["data-lang"] == "fr"
    assert " · 2019 · " in props["document-meta"]["data-title"]
    for graph in ("budget-pillar-split", "budget-vs-expenditure", "budget-by-pillar"):
        assert props[graph]["figure"]["data"], graph
    assert "2019" in props["budget-pillar-split"]["figure"]["layout"]["title"]["text"]
    assert props["budget-year-heading"]["children"] == "Budget et dépenses en 2019"
    assert props["budget-pillar-split-figure"]["data-image-year"] == "2019"


def test_a_bad_year_in_the_address_shows_the_report_year_with_a_notice(app):
    props = drawn(app, "/", "?year=1999")
    assert props["year-select"]["value"] == "2020"
    assert props["year-notice"]["is_open"] is True
    assert "1999" in props["year-notice"]["children"]
    assert "2020" in props["overview-results-heading"]["children"]


def test_an_unknown_page_comes_as_not_found(app):
    props = drawn(app, "/no-such-page")
    assert props["document-meta"]["data-title"].startswith("Page not found")
    assert "Page not found" in texts(props["page-content"]["children"])


def test_the_overview_comes_with_the_country_of_its_address_shown(app):
    props = drawn(app, "/", "?year=2020&country=TKM")
    # Seed line 58: "over 3,900 stateless persons in Turkmenistan" (2020).
    assert any("over 3,900" in text for text in texts(props["overview-country-panel"]["children"]))
    pressed = {
        dict(key)["country"]: value["aria-pressed"]
        for key, value in props.items()
        if isinstance(key, tuple) and dict(key)["type"] == "overview-country-button"
    }
    assert pressed == {"KAZ": "false", "TKM": "true", "UZB": "false"}


def test_with_no_country_the_overview_asks_for_one(app):
    props = drawn(app, "/", "?year=2020&country=FRA")
    panel = texts(props["overview-country-panel"]["children"])
    assert panel == ["Select a country on the map or in the list to see its figures."]


def test_the_narratives_come_with_the_year_s_documents(app):
    """Seed lines 48-87: the 2020 year-end report, then the 2020 plan."""
    props = drawn(app, "/narratives", "?year=2020")
    assert props["narratives-heading"]["children"] == "Narratives, 2020"
    shown = texts(props["narratives-content"]["children"])
    assert "Key achievements" in shown and "Working environment" in shown
    # Seed line 65, a bullet of the key achievements' Markdown.
    assert any("Kazakhstan approved statelessness determination procedures" in t for t in shown)


def test_the_contributions_come_filtered_as_their_address_says(app):
    """Seed lines 93, 103, 126, 135: Germany x3 and Ireland gave as governments in 2021."""
    props = drawn(app, "/contributions", "?year=2021&donor=government")
    assert props["contributions-type-filter"]["value"] == "government"
    assert props["contributions-heading"]["children"] == "Contributions in 2021"
    rows = elements(props["contributions-table"]["data-markup"], "tr")[1:]
    assert [text(row["c"][1]) for row in rows] == ["Germany", "Ireland", "Germany", "Germany"]
    counts = text(props["contributions-counts"]["data-markup"])
    assert "Germany" in counts and "Ireland" in counts and "Private" not in counts


def test_a_year_or_filter_switch_updates_the_frame_drawn_in_place(app):
    with app.server.app_context():
        children, key = draw_frame("/budget", "?year=2019", None)
        shown = props_by_id(json.loads(to_json_plotly(children)))["document-meta"]["data-view"]
        with pytest.raises(PreventUpdate):
            draw_frame("/budget", "?year=2017&country=KAZ", key)
        values = update_frame("?year=2017&country=KAZ", "/budget", key, shown, "2019")
        assert values["year"] == "2017"
        assert " · 2017 · " in values["title"]
        # The URL reporting the address the frame was drawn for changes nothing.
        with pytest.raises(PreventUpdate):
            update_frame("?year=2019", "/budget", key, shown, "2019")
        # A notice is part of what the frame shows: an unusable year resolves
        # to the report year (2020) with a notice, and the frame shows it.
        year_2020 = update_frame("?year=2020", "/budget", key, shown, "2019")
        with_notice = update_frame("?year=1850", "/budget", key, year_2020["shown"], "2020")
        assert with_notice["notice_open"] and "1850" in with_notice["notice"]
        # A menu showing the year already (it was picked there) is left alone:
        # setting it would ask the page's update again.
        assert update_frame("?year=2017", "/budget", key, shown, "2017")["year"] is no_update
        # Another language is a new frame: drawn anew, not updated in place.
        assert draw_frame("/budget", "?year=2017&lang=fr", key)[1] != key
        with pytest.raises(PreventUpdate):
            update_frame("?year=2017&lang=fr", "/budget", key, shown, "2017")


def test_the_operation_box_mounting_writes_nothing(app):
    """Dash runs the box's callback when a drawn frame mounts it (no Enter, no
    click, nothing typed): the URL must keep its year and operation."""
    with app.server.app_context():
        for search in ("?year=2019", "?op=nowhere&year=2019", "?op=kazakhstan-mco"):
            with pytest.raises(PreventUpdate):
                find_operation(None, 0, "", search, "/budget")


def test_a_year_picked_in_the_menu_draws_its_views_and_gives_the_address_to_write(app):
    """The seed's budget years include 2019 and 2017; the address keeps ``donor``."""
    with app.server.app_context():
        _children, _key = draw_frame("/budget", "?year=2019&donor=government", None)
        drawn = page_views(budget, None, "?year=2019&donor=government", "/budget", None)["drawn"]
        values = page_views(budget, "2017", "?year=2019&donor=government", "/budget", drawn)
    assert values["year_heading"] == "Budget and expenditure in 2017"
    assert values["address"] == "?year=2017&donor=government"
    assert values["drawn"] != drawn


def test_views_already_drawn_are_not_sent_again(app):
    """The URL written after a pick, and the menu set to the year it shows,
    ask the page's update again: both answer with nothing (HTTP 204)."""
    with app.server.app_context():
        drawn = page_views(budget, None, "?year=2017", "/budget", None)["drawn"]
        for picked, search in ((None, "?year=2017"), ("2017", "?year=2017")):
            with pytest.raises(PreventUpdate):
                page_views(budget, picked, search, "/budget", drawn)
        # Back to 2019 (back button): the URL's view, and no address to write.
        values = page_views(budget, None, "?year=2019", "/budget", drawn)
    assert values["year_heading"] == "Budget and expenditure in 2019"
    assert values["address"] == ""


def test_leaving_the_page_leaves_its_views_to_the_next_frame(app):
    with app.server.app_context(), pytest.raises(PreventUpdate):
        page_views(budget, None, "?year=2017", "/narratives", None)


def test_after_a_year_picked_the_pages_other_years_are_kept_soon(app):
    """The seed's years are 2015-2021 (its year list and budget table)."""
    with app.server.app_context():
        drawn = page_views(budget, None, "?year=2019&lang=fr", "/budget", None)["drawn"]
        page_views(budget, "2018", "?year=2019&lang=fr", "/budget", drawn)
        loaded = catalogue()
        views = [read_view("/budget", f"?year={y}&lang=fr", loaded) for y in YEARS]
        operations = loaded.of(views[0].operation_ids)
        deadline = time.monotonic() + 20
        while not all(is_kept(budget.update, v, operations) for v in views):
            assert time.monotonic() < deadline, "not computed in the background"
            time.sleep(0.01)
