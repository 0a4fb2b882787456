"""Layouts that real Global Focus pages use, rebuilt from the seed at test time.

Each page text below is the seed with one layout of the real pages applied
(or several at once).  The expected numbers are read off the text by hand and
written here, never taken from the importer.
"""

from __future__ import annotations

import math

import pytest

from dashboard.importer import parse_page

SEED_BUDGET_START = "2020 {"
BACK = "<\u00a0Back\n"  # the seed's link back, with a no-break space
# A budget of an older page: a six-year window 2014-2019 reported in 2017, in USD millions.
OLD_BUDGET = (
    '2017 {"categories":[2014,2015,2016,2017,2018,2019],'
    '"budget":[6.5,4.25,2.75,1.5,0.75,0.5],"expenditure":[3.5,3,1.5,0.75,null,null]} '
    '{"categories":[2014,2015,2016,2017,2018,2019],'
    '"p1":[2.5,1.75,1.75,1,0.5,0.25],"p2":[1,0.5,1,0.5,0.25,0.25],'
    '"p3":[null,null,null,null,null,null],"p4":[3,2,null,null,null,null]} '
    '{"categories":[2014,2015,2016,2017,2018,2019],'
    '"p1":[1.5,1.25,1,0.5,null,null],"p2":[0.5,0.5,0.5,0.25,null,null],'
    '"p3":[null,null,null,null,null,null],"p4":[1.5,1.25,null,null,null,null]}'
)


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def budget_line(text: str) -> str:
    start = text.index(SEED_BUDGET_START)
    return text[start : text.index("\n", start)]


def with_old_budget(text: str, years: list[int]) -> str:
    """The seed with the older page's budget and a year list of ``years``."""
    text = replace(text, budget_line(text), OLD_BUDGET)
    start = text.index("  • 2015")
    end = text.index("\n\n", start)
    return text[:start] + "\n".join(f"  • {year}" for year in years) + text[end:]


def kind_years(page) -> list[tuple[int, str]]:
    return sorted(page.narratives)


def titles(page, year: int, kind: str) -> list[str]:
    return [title for title, _body in page.narratives[(year, kind)]]


SEED_YEAR_END = [
    "Operational context",
    "Population trends",
    "Key achievements",
    "Unmet needs",
    "Use of flexible funding (unearmarked or softly earmarked funding)",
]


# ---- the year list ------------------------------------------------------------------


def test_budget_window_wider_than_the_year_list(seed_text):
    page = parse_page(with_old_budget(seed_text, [2015, 2016, 2017, 2018, 2019]))
    assert page.report_year == 2017
    # Budgets reach back to 2014; the key figures of the seed add 2020 and 2021.
    assert page.years == [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]
    totals = page.budget_source_totals.set_index("year")
    assert totals.loc[2014, "budget_usd"] == 6_500_000.0
    assert math.isnan(totals.loc[2018, "expenditure_usd"])
    p4 = page.budget[(page.budget["pillar"] == 4) & (page.budget["year"] == 2015)].iloc[0]
    assert (p4["budget_usd"], p4["expenditure_usd"]) == (2_000_000.0, 1_250_000.0)
    assert page.skipped == []


def test_year_list_with_a_year_missing(seed_text):
    text = replace(seed_text, "  • 2016\n", "")
    page = parse_page(text)
    assert page.listed_years == [2015, 2017, 2018, 2019, 2020, 2021]
    # 2016 carries a budget, so it stays one of the operation's years.
    assert 2016 in page.years


def test_year_list_with_dashes_after_choose_a_year(seed_text):
    text = seed_text.replace("  • 20", "- 20")
    text = replace(text, "- 2015", "CHOOSE A YEAR\n- 2015")
    page = parse_page(text)
    assert page.listed_years == [2015, 2016, 2017, 2018, 2019, 2020, 2021]
    assert page.skipped == []


# ---- furniture between blocks ----------------------------------------------------------


def test_tab_labels_side_by_side_are_navigation(seed_text):
    text = replace(seed_text, "  • 2021\n\n", "  • 2021\n\nYear-end Overview\n\nPlan Overview\n\n")
    page = parse_page(text)
    assert kind_years(page) == [(2020, "plan"), (2020, "year-end")]
    assert titles(page, 2020, "year-end") == SEED_YEAR_END
    assert titles(page, 2020, "plan") == ["Working environment", "Key priorities"]
    assert page.description == ""


def test_a_tab_label_standing_alone_starts_its_part(seed_text):
    # "Unmet needs" under the plan tab is filed with the plan, whatever its title says.
    text = replace(seed_text, "Unmet needs\n", "Plan Overview\n\nUnmet needs\n")
    page = parse_page(text)
    assert titles(page, 2020, "year-end") == SEED_YEAR_END[:3]
    assert titles(page, 2020, "plan")[0] == "Unmet needs"


def test_chart_heading_and_related_links_are_not_data(seed_text):
    text = replace(
        seed_text,
        BACK,
        "Budgets and Expenditure for Kazakhstan Multi-Country Office\n\n" + BACK,
    )
    text = replace(
        text, "\nPeople of Concern", "\nLatest Updates and Related Links\nPeople of Concern"
    )
    page = parse_page(text)
    assert page.skipped == []
    assert len(page.key_figures) == 8
    assert page.budget_source_totals["year"].tolist() == [2016, 2017, 2018, 2019, 2020, 2021]


# ---- key figures -----------------------------------------------------------------------


def test_key_figures_with_qualifiers_keep_number_qualifier_and_unit(seed_text):
    text = replace(seed_text, "7,500 statelessness", ">7,500 statelessness")
    text = replace(text, "115 households", "over 115 households")
    text = replace(text, "74 refugees", "<74 refugees")
    text = replace(text, "70 households", "around 70 households")
    text = replace(text, "100% of targeted", "> 100% of targeted")
    figures = parse_page(text).key_figures
    assert figures[["qualifier", "value", "unit"]].values.tolist()[:4] == [
        ["over", 7500.0, "count"],
        ["over", 115.0, "count"],
        ["under", 74.0, "count"],
        ["around", 70.0, "count"],
    ]
    assert figures["text"].iloc[0] == "statelessness cases were resolved in Uzbekistan"
    assert figures[["qualifier", "value", "unit"]].values.tolist()[-1] == [
        "over",
        100.0,
        "percent",
    ]
    assert figures["qualifier"].iloc[4] == "exact"


@pytest.mark.parametrize(
    ("heading", "results"),
    [
        ("Key figures Panama", "2020 year-end figures"),
        ("KEY FIGURES", "2020 End-year results"),
        ("Key Figures", "2020 Year-End Figures"),
    ],
)
def test_heading_variants(seed_text, heading, results):
    text = replace(seed_text, "Key Figures\n", f"{heading}\n")
    text = replace(text, "2020 year-end results", results)
    figures = parse_page(text).key_figures
    assert figures["kind"].tolist() == ["result"] * 7 + ["plan"]
    assert figures["year"].tolist() == [2020] * 7 + [2021]


# ---- descriptions ----------------------------------------------------------------------

OPENING = (
    "UNHCR's Multi-Country Office in Almaty covers operations in Kazakhstan, "
    "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan."
)


def test_opening_paragraph_above_the_title_is_the_description(seed_text):
    text = replace(seed_text, "\n\nOperation: ", f"\n{OPENING}\n\nOperation: ")
    page = parse_page(text)
    assert page.description == OPENING
    assert page.countries == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert page.skipped == []


def test_the_office_seat_named_in_the_covers_sentence_is_covered_too(seed_text):
    opening = (
        "UNHCR's Multi-Country Office in Kazakhstan covers operations in "
        "Turkmenistan (since 2015) and Uzbekistan (until 2021)."
    )
    page = parse_page(replace(seed_text, "\n\nOperation: ", f"\n{opening}\n\nOperation: "))
    assert page.countries == ["KAZ", "TKM", "UZB"]


def test_opening_paragraph_after_the_year_list_is_the_description(seed_text):
    opening = "UNHCR’s office in Almaty covers activities in Kazakhstan and Uzbekistan."
    text = replace(seed_text, "  • 2021\n\n", f"  • 2021\n\n{opening}\n\n")
    page = parse_page(text)
    assert page.description == opening
    assert page.countries == ["KAZ", "UZB"]
    assert titles(page, 2020, "year-end") == SEED_YEAR_END


# ---- table renderings ------------------------------------------------------------------


def table_rendering(seed_text: str) -> str:
    """Key figures and totals as table rows, the budget JSON on lines of their own."""
    text = seed_text
    for figure in ("7,500", "115", "74", "70", "20", "14", "4"):
        start = text.index(f"\n{figure} ") + 1
        end = text.index("\n", start)
        text = text[:start] + text[start:end].replace(" ", " | ", 1) + " |" + text[end:]
    text = replace(text, "2020 year-end results\n", "2020 year-end results | |\n")
    text = replace(text, "2019 106,489", "2019 | 106,489 |")
    text = replace(text, "2018 88,419", "2018 | 88,419 |")
    line = budget_line(text)
    objects = line[len("2020 ") :].split("} {")
    split = "2020\n" + "}\n{".join(objects)
    text = replace(text, line, split)
    return text.replace("  • 20", "- 20")


def test_table_rendering_reads_all_its_numbers(seed_text):
    text = table_rendering(seed_text)
    assert "7,500 | statelessness" in text and "\n{" in text
    page = parse_page(text)
    assert page.skipped == []
    assert page.key_figures["value"].tolist() == [7500, 115, 74, 70, 20, 14, 4, 100]
    assert page.people_of_concern.values.tolist() == [[2018, 88419], [2019, 106489]]
    totals = page.budget_source_totals.set_index("year")
    assert totals.loc[2016, "budget_usd"] == 7_485_826.72
    assert totals.loc[2020, "expenditure_usd"] == 2_472_621.57
    assert page.listed_years == [2015, 2016, 2017, 2018, 2019, 2020, 2021]


def test_budget_json_split_over_two_lines_names_its_line_when_cut(seed_text):
    text = table_rendering(seed_text)
    start = text.index('{"categories":[2016,2017,2018,2019,2020,2021],"p1"')
    cut = text[:start] + '{"categories":[2016,2017' + text[text.index("\n", start) :]
    page = parse_page(cut)
    (problem,) = page.skipped
    assert problem.block == "budget"
    assert "JSON object 2 is truncated" in problem.reason
    assert cut.splitlines()[problem.line - 1].startswith('{"categories":[2016,2017')
    assert page.budget.empty and page.budget_source_totals.empty


# ---- plan and year-end -----------------------------------------------------------------


def test_a_plan_about_a_later_year_is_filed_as_that_years_plan(seed_text):
    # The page reports on 2017; its plan speaks of 2019 in the future tense.
    text = with_old_budget(seed_text, [2015, 2017, 2018, 2019])
    text = replace(text, "In 2020, UNHCR will provide", "In 2019, UNHCR will provide")
    text = text.replace("remain low in 2020", "remain low in 2019")
    text = text.replace("decrease to 450 in 2020", "decrease to 450 in 2019")
    text = text.replace("decrease considerably in 2020", "decrease considerably in 2019")
    text = text.replace("In 2020, UNHCR’s NGO partners", "In 2019, UNHCR’s NGO partners")
    page = parse_page(text)
    assert kind_years(page) == [(2017, "year-end"), (2019, "plan")]
    assert titles(page, 2019, "plan") == ["Working environment", "Key priorities"]


def test_a_plan_title_in_the_past_tense_is_the_year_end_report(seed_text):
    start = seed_text.index("Working environment\n")
    end = seed_text.index("Latest contributions")
    past = (
        "Working environment\n\n"
        "The State Migration Service continued to require asylum-seekers to apply in the "
        "capital in 2020.\n\n"
    )
    page = parse_page(seed_text[:start] + past + seed_text[end:])
    assert kind_years(page) == [(2020, "year-end")]
    assert titles(page, 2020, "year-end") == [*SEED_YEAR_END, "Working environment"]


# ---- combinations ----------------------------------------------------------------------


def test_every_layout_at_once(seed_text):
    text = table_rendering(seed_text)
    text = replace(text, "Key Figures\n", "Key figures Kazakhstan\n")
    text = replace(text, "7,500 | statelessness", ">7,500 | statelessness")
    text = replace(text, "- 2021\n\n", "- 2021\n\nYear-end Overview\n\nPlan Overview\n\n")
    text = replace(text, "- 2016\n", "")
    text = replace(text, "\n\nOperation: ", f"\n{OPENING}\n\nOperation: ")
    text = replace(text, BACK, "Budgets and Expenditure for Kazakhstan\n" + BACK)
    page = parse_page(text)
    assert page.skipped == []
    assert page.description == OPENING
    assert page.key_figures[["qualifier", "value"]].values.tolist()[0] == ["over", 7500.0]
    assert page.years == [2015, 2016, 2017, 2018, 2019, 2020, 2021]
    assert kind_years(page) == [(2020, "plan"), (2020, "year-end")]
    assert page.people_of_concern["total"].tolist() == [88419, 106489]
