"""An operation with little data is still one the dashboard starts on and serves.

Each case copies the shipped data and takes something away (or, for pillars 3
and 4, adds synthetic rows): no countries, no budget, no people of concern, no
key figures, no narratives, no contributions, one year, years with a gap, and
all of these at once.  For each, the app must be built, and every page for
every year of the operation, in English and in French, must answer 200 both as
a first load and as a year picked in the menu (the page's update callback).
Where a block has nothing, the page says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import dash
import pytest
from callback_requests import UPDATE, body, callback_outputs
from conftest import OPERATION_ID
from layout_json import first_frame
from sparse_data import VARIATIONS, sparse_data

from dashboard.app import create_app
from dashboard.pages import PAGES

LANGUAGES = ("en", "fr")


@pytest.fixture(scope="module", params=list(VARIATIONS))
def sparse(request, tmp_path_factory) -> Iterator[tuple[str, dash.Dash]]:
    """The variation's name and the app built on its data, once per variation."""
    data = sparse_data(tmp_path_factory.mktemp(request.param), request.param)
    yield request.param, create_app(data_dir=data)


# ---- reading what is served -------------------------------------------------------------


def strings(node: Any) -> Iterator[str]:
    """Every string in a frame's JSON, with those of the blocks drawn from a
    ``data-markup`` attribute (JSON in a string)."""
    if isinstance(node, str):
        if node.startswith(("{", "[")):
            try:
                yield from strings(json.loads(node))
                return
            except ValueError:
                pass
        yield node
    elif isinstance(node, list):
        for child in node:
            yield from strings(child)
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)


def page_text(client, address: str) -> str:
    """Every string of the frame drawn for ``address``, one per line."""
    response = client.get(address)
    assert response.status_code == 200, address
    return "\n".join(strings(first_frame(response.get_data(as_text=True))))


def components(node: Any) -> Iterator[dict]:
    """The props of every component of a frame's JSON."""
    if isinstance(node, list):
        for child in node:
            yield from components(child)
    elif isinstance(node, dict) and isinstance(node.get("props"), dict):
        yield node["props"]
        yield from components(node["props"].get("children"))


def ids_in(frame: dict) -> set[str]:
    """The string ids of every component of a frame."""
    return {
        props["id"] for props in components(frame["children"]) if isinstance(props.get("id"), str)
    }


def matched(frame: dict, pattern: dict) -> list[dict]:
    """The dict ids of a frame's components that a pattern with ``ALL`` matches."""
    fixed = {key: value for key, value in pattern.items() if value != ["ALL"]}
    return [
        props["id"]
        for props in components(frame["children"])
        if isinstance(props.get("id"), dict)
        and props["id"].keys() == pattern.keys()
        and all(props["id"][key] == value for key, value in fixed.items())
    ]


def operation_years(app: dash.Dash) -> list[int]:
    response = app.server.test_client().get(f"/api/v1/operations/{OPERATION_ID}")
    return response.json["years"]


def year_switch(app: dash.Dash, page: Any, year: int, lang: str, frame: dict) -> dict:
    """The request the page drawn as ``frame`` sends when ``year`` is picked in its
    menu; an output with ``ALL`` names the components of the frame it matches, as
    the browser does."""
    first_output = next(iter(page.UPDATES.values()))
    search = "" if lang == "en" else f"?lang={lang}"
    request = body(
        app,
        f"{first_output.component_id}.{first_output.component_property}",
        str(year),
        search,
        state=(page.PATH, None),
    )
    for described, part in zip(
        request["outputs"], callback_outputs(request["output"]), strict=True
    ):
        if described == []:
            described.extend(
                {"id": component_id, "property": part["property"]}
                for component_id in matched(frame, part["id"])
            )
    return request


# ---- every page, every year, both languages ---------------------------------------------


def test_every_page_answers_for_every_year_and_language(sparse):
    name, app = sparse
    client = app.server.test_client()
    failed = []
    for page in PAGES:
        for year in operation_years(app):
            for lang in LANGUAGES:
                address = f"{page.PATH}?year={year}" + ("" if lang == "en" else f"&lang={lang}")
                loaded = client.get(address)
                if loaded.status_code != 200:
                    failed.append((address, loaded.status_code))
                    continue
                if not page.UPDATES:  # a page the year does not change (Sources)
                    continue
                frame = first_frame(loaded.get_data(as_text=True))
                switched = client.post(UPDATE, json=year_switch(app, page, year, lang, frame))
                if switched.status_code != 200:
                    failed.append((address, "year switch", switched.status_code))
    assert failed == [], name


# ---- what an empty block says -----------------------------------------------------------

# What a page says of a block the source page has nothing for, by block, page
# and language: "... on the source page", as the breakdown by population type
# says for the shipped data, or "... for any year".
MESSAGES: dict[str, tuple[str, dict[str, str]]] = {
    "map": (
        "/",
        {
            "en": "This operation names no country, so there is no map.",
            "fr": "Cette opération ne nomme aucun pays : il n'y a donc pas de carte.",
        },
    ),
    "budget": (
        "/budget",
        {"en": "No budget on the source page.", "fr": "Aucun budget sur la page source."},
    ),
    "people": (
        "/",
        {
            "en": "No totals of people of concern on the source page.",
            "fr": "Aucun total de personnes relevant de la compétence du HCR sur la page source.",
        },
    ),
    "results": (
        "/",
        {
            "en": "No year-end results on the source page.",
            "fr": "Aucun résultat de fin d'année sur la page source.",
        },
    ),
    "plan": (
        "/",
        {
            "en": "No planning figures on the source page.",
            "fr": "Aucun chiffre de planification sur la page source.",
        },
    ),
    "narratives": (
        "/narratives",
        {
            "en": "The source has no narratives for any year.",
            "fr": "La source ne contient pas de récits, quelle que soit l'année.",
        },
    ),
    "contributions": (
        "/contributions",
        {
            "en": "The source has no contributions for any year.",
            "fr": "La source ne contient pas de contributions, quelle que soit l'année.",
        },
    ),
}
# The blocks each variation leaves with nothing.  Cut to 2020, the shipped data
# has no people of concern (its totals are of 2018 and 2019), no plan (of 2021)
# and no contributions (of 2021).
EMPTY_BLOCKS: dict[str, set[str]] = {
    "no-countries": {"map"},
    "no-budget": {"budget"},
    "no-people": {"people"},
    "no-key-figures": {"results", "plan"},
    "no-narratives": {"narratives"},
    "no-contributions": {"contributions"},
    "one-year": {"people", "plan", "contributions"},
    "years-with-a-gap": set(),
    "pillars-3-and-4": set(),
    "nothing": set(MESSAGES),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_block_says_when_the_source_page_has_nothing_for_it(sparse, lang):
    name, app = sparse
    client = app.server.test_client()
    texts = {path: page_text(client, f"{path}?lang={lang}") for path, _ in MESSAGES.values()}
    said = {block for block, (path, message) in MESSAGES.items() if message[lang] in texts[path]}
    assert said == EMPTY_BLOCKS[name]


def shown_ids(node: Any) -> Iterator[str]:
    """The string ids of the components of a frame's JSON not inside a hidden one."""
    if isinstance(node, list):
        for child in node:
            yield from shown_ids(child)
    elif isinstance(node, dict) and not node.get("props", {"hidden": True}).get("hidden"):
        if isinstance(node["props"].get("id"), str):
            yield node["props"]["id"]
        yield from shown_ids(node["props"].get("children"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_countries_there_is_no_map(sparse, lang):
    name, app = sparse
    page = app.server.test_client().get(f"/?lang={lang}").get_data(as_text=True)
    frame = first_frame(page)
    shown = set(shown_ids(frame["children"]))
    has_countries = not {"map"} <= EMPTY_BLOCKS[name]
    assert ("overview-map" in shown) is has_countries
    assert ("overview-map-disclaimer" in shown) is has_countries
    assert bool(matched(frame, {"type": "overview-country-button", "country": ["ALL"]})) is (
        has_countries
    )
    graph = next(
        props for props in components(frame["children"]) if props.get("id") == "overview-map"
    )
    assert bool(graph["figure"]["data"]) is has_countries


def test_pillars_3_and_4_are_shown_when_the_data_has_them(sparse):
    name, app = sparse
    text = page_text(app.server.test_client(), "/budget")
    # The pillars' names (``dashboard.data.PILLARS``); the shipped data has pillars 1 and 2.
    for pillar in ("Reintegration projects", "IDP projects"):
        assert (pillar in text) is (name == "pillars-3-and-4")
