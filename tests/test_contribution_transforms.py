"""Contributions: year, donor-type filter, display names, counts per donor.

Expected values are typed in from the seed page's "Latest contributions"
(shared/seeds/000_5ad34c431927eea1.txt, lines 88-150): 18 contributions on 10
dates, all in 2021; a country alone is a government donor, "private donors"
after a country is private donors in that country, a bare "private donors"
line is private donors with no country.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data import load_operation
from dashboard.transforms.contributions import (
    contributions_in_year,
    filter_by_type,
    years_with_contributions,
)
from dashboard.wording.contributions import (
    counts_per_donor,
    describe_totals,
    display_rows,
    donor_label,
    filter_phrase,
    unnamed_private_note,
)

# (date as printed, donor as shown, donor type, country), in page order (lines 89-150).
# "United States of America" (line 118) is shown by its common name, "United States".
SEED_2021 = [
    ("15-OCT-2021", "Private donors", "Private", ""),
    ("15-OCT-2021", "Germany", "Government", "Germany"),
    ("14-OCT-2021", "Private donors (Qatar)", "Private", "Qatar"),
    ("12-OCT-2021", "Private donors", "Private", ""),
    ("12-OCT-2021", "Ireland", "Government", "Ireland"),
    ("12-OCT-2021", "Private donors (Italy)", "Private", "Italy"),
    ("09-OCT-2021", "Private donors", "Private", ""),
    ("08-OCT-2021", "Private donors (Japan)", "Private", "Japan"),
    ("06-OCT-2021", "Private donors (United States)", "Private", "United States"),
    ("05-OCT-2021", "Private donors", "Private", ""),
    ("05-OCT-2021", "Germany", "Government", "Germany"),
    ("04-OCT-2021", "Private donors", "Private", ""),
    ("01-OCT-2021", "Private donors", "Private", ""),
    ("01-OCT-2021", "Germany", "Government", "Germany"),
    ("30-SEP-2021", "Private donors", "Private", ""),
    ("30-SEP-2021", "Private donors (Switzerland)", "Private", "Switzerland"),
    ("30-SEP-2021", "Private donors (Brazil)", "Private", "Brazil"),
    ("30-SEP-2021", "Private donors (Philippines)", "Private", "Philippines"),
]


@pytest.fixture(scope="module")
def contributions() -> pd.DataFrame:
    return load_operation("kazakhstan-mco").contributions


def shown(frame: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """The rows as the page shows them, with the date as the source prints it."""
    rows = display_rows(frame, "en")
    as_printed = rows["date"].dt.strftime("%d-%b-%Y").str.upper()
    return list(zip(as_printed, rows["donor"], rows["donor_type"], rows["country"], strict=True))


def test_dates_read_the_way_each_language_writes_them(contributions):
    rows = contributions_in_year(contributions, 2021)
    assert display_rows(rows, "en")["date_label"][0] == "15 Oct 2021"  # 15-OCT-2021, line 89
    assert display_rows(rows, "fr")["date_label"][0] == "15 oct. 2021"


def test_french_names_of_donors_types_and_countries(contributions):
    rows = display_rows(contributions_in_year(contributions, 2021), "fr")
    assert tuple(rows.loc[1, ["donor", "donor_type", "country"]]) == (
        "Allemagne",
        "Gouvernement",
        "Allemagne",
    )
    assert tuple(rows.loc[2, ["donor", "donor_type", "country"]]) == (
        "Donateurs privés (Qatar)",
        "Privé",
        "Qatar",
    )
    assert describe_totals(contributions_in_year(contributions, 2021), 2021, "fr") == (
        "18 contributions en 2021 : 4 des gouvernements, 14 des donateurs privés."
    )


def test_2021_has_the_18_contributions_newest_first(contributions):
    rows = contributions_in_year(contributions, 2021)
    assert shown(rows) == SEED_2021
    assert rows["date_label"].nunique() == 10
    assert rows["date"].is_monotonic_decreasing


@pytest.mark.parametrize("year", [2015, 2016, 2017, 2018, 2019, 2020])
def test_other_years_have_none(contributions, year):
    assert contributions_in_year(contributions, year).empty
    assert describe_totals(contributions_in_year(contributions, year), year, "en") == (
        f"No contributions in {year}."
    )


def test_only_2021_has_contributions(contributions):
    assert years_with_contributions(contributions) == [2021]


def test_filter_by_donor_type(contributions):
    rows = contributions_in_year(contributions, 2021)
    government = filter_by_type(rows, "government")
    assert shown(government) == [row for row in SEED_2021 if row[2] == "Government"]
    assert len(government) == 4
    assert len(filter_by_type(rows, "private")) == 14
    assert len(filter_by_type(rows, "all")) == 18
    assert len(filter_by_type(rows, None)) == 18


def test_newest_first_keeps_page_order_within_a_date():
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2020-01-01", "2020-03-01", "2020-03-01", "2019-12-31"]),
            "date_label": ["01-JAN-2020", "01-MAR-2020", "01-MAR-2020", "31-DEC-2019"],
            "donor": ["A", "B", "C", "D"],
            "donor_type": ["government"] * 4,
            "country": [""] * 4,
        }
    )
    assert list(contributions_in_year(frame, 2020)["donor"]) == ["B", "C", "A"]


def test_counts_per_donor(contributions):
    counts = counts_per_donor(contributions_in_year(contributions, 2021), "en")
    records = list(counts.itertuples(index=False, name=None))
    assert records[:2] == [("Private donors", "Private", 7), ("Germany", "Government", 3)]
    assert ("Ireland", "Government", 1) in records
    assert ("Private donors (Qatar)", "Private", 1) in records
    assert len(records) == 10  # 7 + 3 + 1 + 7 x 1 = 18 contributions
    assert counts["contributions"].sum() == 18


def test_counts_of_the_government_filter(contributions):
    rows = filter_by_type(contributions_in_year(contributions, 2021), "government")
    counts = counts_per_donor(rows, "en")
    assert list(counts.itertuples(index=False, name=None)) == [
        ("Germany", "Government", 3),
        ("Ireland", "Government", 1),
    ]
    assert unnamed_private_note(counts, "en") is None


def test_counts_of_nothing_is_an_empty_table(contributions):
    counts = counts_per_donor(contributions_in_year(contributions, 2020), "en")
    assert counts.empty
    assert list(counts.columns) == ["donor", "donor_type", "contributions"]


def test_donor_labels():
    assert donor_label("private donors", "private", "QAT", "en") == "Private donors (Qatar)"
    assert donor_label("private donors", "private", "", "en") == "Private donors"
    assert donor_label("Germany", "government", "DEU", "en") == "Germany"


def test_totals_sentence_and_filter_phrases(contributions):
    rows = contributions_in_year(contributions, 2021)
    assert describe_totals(rows, 2021, "en") == (
        "18 contributions in 2021: 4 from governments, 14 from private donors."
    )
    assert filter_phrase("government", "en") == "from governments"
    assert filter_phrase("private", "en") == "from private donors"
    assert filter_phrase("all", "en") == "from all donors"
