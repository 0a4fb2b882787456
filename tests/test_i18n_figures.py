"""No English in what the chart callbacks send to a French page, hover text included.

The browser scan (``test_browser_i18n``) reads what is drawn; hover text, the
trace names and the exact amounts behind the bars are in the page only while
hovered.  Here the callbacks of the overview and budget pages are called for
every year, in French, and every text they return is scanned: figure titles,
axis titles, annotations, trace names, hover templates and hover data, chart
tables, notes and sentences.  Text marked ``lang="en"`` (the source's own
words) is left out, as on the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import page_views
import plotly.graph_objects as go
import pytest
from english_scan import english_found
from markup_tree import text_nodes

from dashboard.app import create_app
from dashboard.figures.theme import separators
from dashboard.pages import budget, overview

YEARS = range(2014, 2023)  # the operation's years and one either side
# Figure properties that hold text a reader sees.
TEXT_KEYS = {"text", "name", "hovertemplate", "hovertext", "customdata", "ticktext"}
COMPONENT_TEXT_PROPS = ("aria-label", "title")


def texts(value, key: str | None = None) -> Iterator[str]:
    """The reader-facing strings of a callback's output (figures, components, text)."""
    if isinstance(value, go.Figure):
        yield from texts(value.to_plotly_json())
    elif hasattr(value, "to_plotly_json"):
        props = value.to_plotly_json()["props"]
        if props.get("lang") == "en":
            return
        yield from texts(props.get("children"), "text")
        yield from (
            props[name] for name in COMPONENT_TEXT_PROPS if isinstance(props.get(name), str)
        )
        if "figure" in props:
            yield from texts(props["figure"])
    elif isinstance(value, str):
        if key in TEXT_KEYS and value.lstrip().startswith(("{", "[")):
            yield from text_nodes(value, skip_lang="en")  # a drawn block (data-markup)
        elif key in TEXT_KEYS:
            yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from texts(item, name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item, key)


@pytest.fixture(scope="module")
def app():
    return create_app()


def outputs(year: int, lang: str) -> list:
    """Every value of the budget page and the overview, the overview once per country."""
    search = f"?year={year}&lang={lang}"
    found = [*page_views.update(budget, search).values()]
    for country in ("KAZ", "TKM", "UZB"):  # the countries the operation covers
        found.extend(page_views.update(overview, f"{search}&country={country}").values())
    return found


@pytest.mark.parametrize("year", YEARS)
def test_french_charts_tables_and_notes_have_no_english(app, year):
    with app.server.app_context():
        text = " ".join(texts(outputs(year, "fr"), "text"))
    assert not english_found(text), sorted(set(english_found(text)))


def test_the_scan_reads_hover_text(app):
    """The same scan of the English outputs finds the hover text's English: it is not blind."""
    with app.server.app_context():
        found = english_found(" ".join(texts(outputs(2020, "en"), "text")))
    assert "Share of budget" in found  # the hover of the year's split by pillar
    assert "Click for details" in found  # the hover of the map's markers


def test_figures_use_the_language_s_number_separators(app):
    with app.server.app_context():
        french = [item for item in outputs(2020, "fr") if isinstance(item, go.Figure)]
        english = [item for item in outputs(2020, "en") if isinstance(item, go.Figure)]
    assert {figure.layout.separators for figure in english} == {".,"}
    # French: a decimal comma and a narrow no-break space between thousands (7 500).
    assert {figure.layout.separators for figure in french} == {",\u202f"}
    assert separators("fr") == ",\u202f"
