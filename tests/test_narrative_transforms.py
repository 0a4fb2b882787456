"""Narratives per year and kind, on the seed data and on small hand-made tables.

Expected values are typed in from the seed page
(shared/seeds/000_5ad34c431927eea1.txt): the 2020 year-end report's sections
are on lines 48-75, the 2020 plan's on lines 77-87.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.components.narrative_panel import narrative_body, narrative_document
from dashboard.data import load_operation
from dashboard.transforms.narratives import documents_for, narratives_for, years_with_narratives
from dashboard.wording.narratives import missing_documents, source_line

# Seed lines 48, 54, 62, 69, 73 (year-end report) and 77, 83 (plan).
YEAR_END_2020 = [
    "Operational context",
    "Population trends",
    "Key achievements",
    "Unmet needs",
    "Use of flexible funding (unearmarked or softly earmarked funding)",
]
PLAN_2020 = ["Working environment", "Key priorities"]


@pytest.fixture(scope="module")
def narratives() -> pd.DataFrame:
    return load_operation("kazakhstan-mco").narratives


def frame(rows: list[tuple[int, str, str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"year": y, "kind": k, "section": s, "order": o, "body": f"Text of {s}."}
            for y, k, s, o in rows
        ]
    )


def test_2020_sections_year_end_first_then_plan_in_order(narratives):
    rows = narratives_for(narratives, 2020)
    assert list(rows["section"]) == YEAR_END_2020 + PLAN_2020
    assert list(rows["kind"]) == ["year-end"] * 5 + ["plan"] * 2


def test_2020_documents_carry_their_source_lines(narratives):
    documents = documents_for(narratives, 2020)
    assert [source_line(d.year, d.kind, "en") for d in documents] == [
        "From the 2020 year-end report",
        "From the 2020 plan, written before the year began",
    ]
    assert [[s.heading for s in d.sections] for d in documents] == [YEAR_END_2020, PLAN_2020]


def test_key_achievements_keep_their_four_bullets(narratives):
    year_end = documents_for(narratives, 2020)[0]
    body = next(s.body for s in year_end.sections if s.heading == "Key achievements")
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(bullets) == 4  # seed lines 64-67
    assert bullets[1] == "- Kazakhstan approved statelessness determination procedures."


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2018, 2019, 2021])
def test_other_years_have_no_narratives(narratives, year):
    assert documents_for(narratives, year) == []
    assert narratives_for(narratives, year).empty
    assert missing_documents(narratives, year, "en") == []


def test_only_2020_has_narratives(narratives):
    assert years_with_narratives(narratives) == [2020]


def test_order_column_wins_over_row_order_and_kinds_are_ranked():
    table = frame(
        [
            (2019, "plan", "B plan", 2),
            (2019, "year-end", "Second", 2),
            (2019, "plan", "A plan", 1),
            (2019, "year-end", "First", 1),
            (2018, "year-end", "Other year", 1),
        ]
    )
    assert list(narratives_for(table, 2019)["section"]) == ["First", "Second", "A plan", "B plan"]
    assert years_with_narratives(table) == [2018, 2019]


def test_a_year_with_only_a_plan_names_the_missing_report():
    table = frame([(2021, "plan", "Working environment", 1)])
    assert [d.kind for d in documents_for(table, 2021)] == ["plan"]
    assert missing_documents(table, 2021, "en") == ["2021 year-end report"]


def test_source_lines():
    assert source_line(2019, "year-end", "en") == "From the 2019 year-end report"
    assert source_line(2019, "plan", "en") == "From the 2019 plan, written before the year began"


def test_bodies_render_as_markdown_without_html():
    body = narrative_body("&lt;b&gt;not bold&lt;/b&gt;\n\n- a bullet")
    assert body.dangerously_allow_html is False
    assert body.children == "&lt;b&gt;not bold&lt;/b&gt;\n\n- a bullet"


def test_document_panel_has_h2_source_line_and_h3_sections(narratives):
    panel = narrative_document(documents_for(narratives, 2020)[1], "en")
    heading, *sections = panel.children
    assert heading.children == "From the 2020 plan, written before the year began"
    assert [s.children[0].children for s in sections] == PLAN_2020
    assert [type(s.children[0]).__name__ for s in sections] == ["H3", "H3"]
