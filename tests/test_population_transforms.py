"""People of concern: per-country figures, map shading and yearly totals, on the seed data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.data import load_operation
from dashboard.transforms.people_of_concern import (
    YearChange,
    breakdown_for,
    change_on_previous,
    total_for,
    trend,
)
from dashboard.transforms.population import combined_qualifier, years_with_country_figures
from dashboard.wording.people_of_concern import (
    breakdown_empty_message,
    describe_change,
    signed_percent,
)
from dashboard.wording.population import country_figures, country_shading, qualified

COUNTRIES = ("KAZ", "TKM", "UZB")


@pytest.fixture(scope="module")
def operation():
    return load_operation("kazakhstan-mco")


def shading_by_country(operation, year: int) -> dict[str, dict]:
    frame = country_shading(operation.population_by_country, year, COUNTRIES, "en")
    return {row["country"]: row for row in frame.to_dict("records")}


def test_qualified_figures_read_as_the_source_prints_them():
    assert qualified(445, "exact", "en") == "445"  # seed line 56
    assert qualified(3900, "over", "en") == "over 3,900"  # seed line 58
    assert qualified(70000, "around", "en") == "around 70,000"  # seed line 60
    assert qualified(float("nan"), "exact", "en") == "no data"
    # French: the qualifier in words, the number grouped with a narrow no-break space.
    assert qualified(3900, "over", "fr") == "plus de 3\u202f900"
    assert qualified(70000, "around", "fr") == "environ 70\u202f000"
    assert qualified(float("nan"), "exact", "fr") == "pas de données"


def test_a_sum_is_as_uncertain_as_its_least_certain_part():
    assert combined_qualifier(["exact", "exact"]) == "exact"
    assert combined_qualifier(["exact", "over"]) == "over"
    assert combined_qualifier(["exact", "around"]) == "around"
    assert combined_qualifier(["over", "around"]) == "around"
    assert combined_qualifier(["exact", "under"]) == "under"
    # A lower bound plus an upper bound is neither: the sum is approximate.
    assert combined_qualifier(["over", "under"]) == "around"


def test_2020_country_figures_of_turkmenistan(operation):
    figures = country_figures(operation.population_by_country, 2020, "TKM", "en")
    # Seed line 58.
    assert dict(zip(figures["population_type"], figures["label"], strict=True)) == {
        "Refugees": "21",
        "Stateless": "over 3,900",
    }
    assert set(figures["source_section"]) == {"Population trends"}
    assert "over 3,900 stateless persons in Turkmenistan" in " ".join(figures["quote"])


def test_2020_shading_sums_every_type_and_keeps_qualifiers(operation):
    rows = shading_by_country(operation, 2020)
    # Seed line 56: 445 refugees, 233 asylum-seekers, 7,999 stateless, 591 undetermined.
    assert rows["KAZ"]["value"] == 445 + 233 + 7_999 + 591
    assert rows["KAZ"]["qualifier"] == "exact"
    assert rows["KAZ"]["label"] == "9,268"
    assert rows["KAZ"]["types"] == 4
    # Seed line 58: 21 refugees, over 3,900 stateless.
    assert rows["TKM"]["value"] == 21 + 3_900
    assert rows["TKM"]["label"] == "over 3,921"
    assert rows["TKM"]["parts"] == "Refugees 21 + Stateless over 3,900"
    # Seed line 60: 14 refugees, around 70,000 stateless.
    assert rows["UZB"]["value"] == 14 + 70_000
    assert rows["UZB"]["label"] == "around 70,014"
    assert rows["UZB"]["parts"] == "Refugees 14 + Stateless around 70,000"


def test_2020_shading_in_french(operation):
    frame = country_shading(operation.population_by_country, 2020, COUNTRIES, "fr")
    rows = {row["country"]: row for row in frame.to_dict("records")}
    # Seed line 58 again, with CLDR's French country name and the catalog's type names.
    assert rows["TKM"]["name"] == "Turkménistan"
    assert rows["TKM"]["label"] == "plus de 3\u202f921"
    assert rows["TKM"]["parts"] == "Réfugiés 21 + Apatrides plus de 3\u202f900"
    assert rows["TKM"]["value"] == 21 + 3_900


def test_2019_shading_has_kazakhstan_only(operation):
    rows = shading_by_country(operation, 2019)
    # Seed lines 79-80: 574 refugees, 195 asylum-seekers, 7,156 stateless, 534 undetermined.
    assert rows["KAZ"]["value"] == 574 + 195 + 7_156 + 534
    assert rows["KAZ"]["qualifier"] == "exact"
    for country in ("TKM", "UZB"):
        assert math.isnan(rows[country]["value"])
        assert rows[country]["label"] == "no data"
        assert rows[country]["types"] == 0


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2018, 2021])
def test_years_without_country_figures_are_unshaded_never_zero(operation, year):
    rows = shading_by_country(operation, year)
    assert list(rows) == list(COUNTRIES)
    for row in rows.values():
        assert math.isnan(row["value"])
        assert row["label"] == "no data"
        assert row["qualifier"] == ""


def test_years_with_country_figures(operation):
    assert years_with_country_figures(operation.population_by_country) == [2019, 2020]


def test_totals_per_year(operation):
    people = operation.people_of_concern
    assert total_for(people, 2019) == 106_489  # seed line 28
    assert total_for(people, 2018) == 88_419  # seed line 29
    for year in (2015, 2016, 2017, 2020, 2021):
        assert total_for(people, year) is None
    assert list(trend(people)["year"]) == [2018, 2019]


def test_2019_increased_on_2018(operation):
    change = change_on_previous(operation.people_of_concern, 2019)
    # Seed lines 27-29: "Increase in", 2019 106,489, 2018 88,419.
    assert change.direction == "Increase"
    assert change.percent == pytest.approx(20.44, abs=0.01)
    assert signed_percent(change.percent, "en") == "+20.4%"
    assert describe_change(change, "en") == "Increase of +20.4% on 2018 (88,419)."
    assert signed_percent(change.percent, "fr") == "+20,4\u00a0%"
    assert describe_change(change, "fr") == (
        "Hausse de +20,4\u00a0% par rapport à 2018 (88\u202f419)."
    )


def test_years_with_nothing_to_compare(operation):
    people = operation.people_of_concern
    assert describe_change(change_on_previous(people, 2018), "en") == (
        "No total for 2017, so there is nothing to compare with."
    )
    change_2020 = change_on_previous(people, 2020)
    assert change_2020.percent is None and change_2020.direction is None
    assert describe_change(change_2020, "en") == "No total for 2020, so there is no change to show."


def test_decrease_and_no_change():
    decrease = YearChange(year=2021, total=90, previous_year=2020, previous_total=120)
    assert decrease.direction == "Decrease"
    assert describe_change(decrease, "en") == "Decrease of -25.0% on 2020 (120)."
    same = YearChange(year=2021, total=5, previous_year=2020, previous_total=5)
    assert describe_change(same, "en") == "No change on 2020 (5)."


def test_seed_has_no_breakdown_by_type(operation):
    by_type = operation.population_by_type
    assert breakdown_for(by_type, 2019).empty
    assert breakdown_empty_message(by_type, 2019, "en") == (
        "No breakdown by population type on the source page."
    )


def test_breakdown_of_a_year_largest_first():
    # A breakdown as other Global Focus pages give it (DESIGN.md, section 1).
    by_type = pd.DataFrame(
        {
            "year": [2019, 2019, 2019],
            "population_type": ["Refugees", "Asylum-seekers", "Stateless"],
            "value": [538, 218, 105_732],
        }
    )
    assert list(breakdown_for(by_type, 2019)["population_type"]) == [
        "Stateless",
        "Refugees",
        "Asylum-seekers",
    ]
    assert breakdown_for(by_type, 2020).empty
    assert (
        breakdown_empty_message(by_type, 2020, "en") == "No breakdown by population type for 2020."
    )
