"""A page's first view comes with its layout, filled in for the address that asks.

The renderer fetches ``/_dash-layout`` from the page, so the request's Referer
names the page.  Expected values: the seed's years (lines 40-46) and its
report year 2020; ``?year=2019`` picks 2019.
"""

from __future__ import annotations

import pytest
from markup_tree import elements, text

from dashboard.app import create_app

YEARS = ["2021", "2020", "2019", "2018", "2017", "2016", "2015"]
SITE = "http://localhost"


@pytest.fixture(scope="module")
def client():
    return create_app().server.test_client()


def layout(client, referer: str | None) -> dict:
    response = client.get("/_dash-layout", headers={"Referer": referer} if referer else {})
    assert response.status_code == 200
    return response.get_json()


def props_by_id(node, found: dict | None = None) -> dict:
    """The props of every component with an id in a layout's JSON, by id (a
    pattern-matching id as its sorted items)."""
    found = {} if found is None else found
    if isinstance(node, list):
        for child in node:
            props_by_id(child, found)
    elif isinstance(node, dict) and isinstance(node.get("props"), dict):
        props = node["props"]
        key = props.get("id")
        if key is not None:
            found[key if isinstance(key, str) else tuple(sorted(key.items()))] = props
        props_by_id(props.get("children"), found)
    return found


def test_the_budget_page_comes_filled_in_for_its_address(client):
    props = props_by_id(layout(client, SITE + "/budget?year=2019&lang=fr"))
    assert props["selected-year"]["data"] == 2019
    assert props["year-select"]["value"] == "2019"
    assert [option["value"] for option in props["year-select"]["options"]] == YEARS
    assert props["interface-language"]["data"] == "fr"
    assert props["operation-id"]["data"] == "kazakhstan-mco"
    # Every address property set: the dcc.Location reports nothing when it mounts.
    url = props["url"]
    assert (url["pathname"], url["search"], url["hash"]) == ("/budget", "?year=2019&lang=fr", "")
    assert url["href"] == SITE + "/budget?year=2019&lang=fr"
    budget_link = props[(("path", "/budget"), ("type", "nav-link"))]
    assert budget_link["href"] == "/budget?year=2019&lang=fr"
    assert budget_link["className"] == "nav-link active"
    assert props["year-notice"]["is_open"] is False
    assert props["document-meta"]["data-lang"] == "fr"
    assert " · 2019 · " in props["document-meta"]["data-title"]
    for graph in ("budget-pillar-split", "budget-vs-expenditure", "budget-by-pillar"):
        assert props[graph]["figure"]["data"], graph
    assert "2019" in props["budget-pillar-split"]["figure"]["layout"]["title"]["text"]
    assert "2019" in props["budget-year-heading"]["children"]


def test_a_bad_year_in_the_address_shows_the_report_year_with_a_notice(client):
    props = props_by_id(layout(client, SITE + "/?year=1999"))
    assert props["selected-year"]["data"] == 2020
    assert props["year-notice"]["is_open"] is True
    assert "1999" in props["year-notice"]["children"]
    assert "2020" in props["overview-results-heading"]["children"]


def test_an_unknown_page_comes_as_not_found(client):
    props = props_by_id(layout(client, SITE + "/no-such-page"))
    assert props["document-meta"]["data-title"].startswith("Page not found")
    assert props["page-content"]["children"]


@pytest.mark.parametrize("referer", [None, "http://example.org/budget?year=2019"])
def test_without_this_site_s_address_the_shell_comes_empty(client, referer):
    props = props_by_id(layout(client, referer))
    assert props["page-content"].get("children") is None
    assert props["selected-year"].get("data") is None
    assert props["url"].get("search") is None and props["url"].get("pathname") is None


def test_no_cache_hands_one_page_s_layout_to_another(client):
    response = client.get("/_dash-layout", headers={"Referer": SITE + "/budget"})
    assert response.headers["Cache-Control"] == "no-store"
    assert "Referer" in response.headers["Vary"]


def texts(node) -> list[str]:
    """Every string in a layout JSON's tree of children."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [text for child in node for text in texts(child)]
    if isinstance(node, dict) and isinstance(node.get("props"), dict):
        return texts(node["props"].get("children"))
    return []


def test_the_overview_comes_with_the_country_of_its_address_shown(client):
    props = props_by_id(layout(client, SITE + "/?year=2020&country=TKM"))
    assert props["overview-selected-country"]["data"] == "TKM"
    # Seed line 58: "over 3,900 stateless persons in Turkmenistan" (2020).
    assert any("over 3,900" in text for text in texts(props["overview-country-panel"]["children"]))
    pressed = {
        dict(key)["country"]: value["aria-pressed"]
        for key, value in props.items()
        if isinstance(key, tuple) and dict(key)["type"] == "overview-country-button"
    }
    assert pressed == {"KAZ": "false", "TKM": "true", "UZB": "false"}
    # The page's own dcc.Location too has every address property set.
    url = props["overview-url"]
    assert (url["pathname"], url["search"], url["hash"]) == ("/", "?year=2020&country=TKM", "")
    assert url["href"] == SITE + "/?year=2020&country=TKM"


def test_with_no_country_the_overview_s_store_holds_no_data(client):
    """A store mounted with ``data: null`` reports a change and runs the panel's callback."""
    props = props_by_id(layout(client, SITE + "/?year=2020"))
    assert "data" not in props["overview-selected-country"]
    assert props["overview-country-panel"]["children"]["props"]["children"].startswith("Select a")


def test_the_narratives_come_with_the_year_s_documents(client):
    """Seed lines 48-87: the 2020 year-end report, then the 2020 plan."""
    props = props_by_id(layout(client, SITE + "/narratives?year=2020"))
    assert props["narratives-heading"]["children"] == "Narratives, 2020"
    shown = texts(props["narratives-content"]["children"])
    assert "Key achievements" in shown and "Working environment" in shown
    # Seed line 65, a bullet of the key achievements' Markdown.
    assert any("Kazakhstan approved statelessness determination procedures" in t for t in shown)


def test_the_contributions_come_filtered_as_their_address_says(client):
    """Seed lines 93, 103, 126, 135: Germany x3 and Ireland gave as governments in 2021."""
    props = props_by_id(layout(client, SITE + "/contributions?year=2021&donor=government"))
    assert props["contributions-type-filter"]["value"] == "government"
    assert props["contributions-heading"]["children"] == "Contributions in 2021"
    rows = elements(props["contributions-table"]["data-markup"], "tr")[1:]
    assert [text(row["c"][1]) for row in rows] == ["Germany", "Ireland", "Germany", "Germany"]
    counts = text(props["contributions-counts"]["data-markup"])
    assert "Germany" in counts and "Ireland" in counts and "Private" not in counts
