"""Latest contributions: the selected year's rows, the donor-type filter, counts per donor.

The source lists dates and donors only (no amounts).  A private-donor row is
named "private donors" with the donor's country where the page gives one, so
it is shown as "Private donors (Qatar)", or "Private donors" without one.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.transforms.countries import country_name

ALL = "all"
GOVERNMENT = "government"
PRIVATE = "private"
OTHER = "other"
TYPE_FILTERS: tuple[tuple[str, str], ...] = (
    (ALL, "All"),
    (GOVERNMENT, "Government"),
    (PRIVATE, "Private"),
)
TYPE_LABELS = {GOVERNMENT: "Government", PRIVATE: "Private", OTHER: "Other"}
BARE_PRIVATE = "Private donors"
ROW_COLUMNS = ["date", "date_label", "donor", "donor_type", "country"]
COUNT_COLUMNS = ["donor", "donor_type", "contributions"]


DONOR_PARAM = "donor"


def donor_type_from_query(query: Mapping[str, str] | None) -> str:
    """The donor-type filter a URL asks for (``?donor=private``); anything unknown is all."""
    wanted = (query or {}).get(DONOR_PARAM, ALL)
    return wanted if wanted in dict(TYPE_FILTERS) else ALL


def contributions_in_year(contributions: pd.DataFrame, year: int) -> pd.DataFrame:
    """Contributions dated in ``year``, newest first (source order within a date)."""
    rows = contributions[contributions["date"].dt.year == year]
    return rows.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def filter_by_type(contributions: pd.DataFrame, donor_type: str | None) -> pd.DataFrame:
    """Rows of ``donor_type``; ``all`` (or None / an unknown value) keeps every row."""
    if donor_type not in TYPE_LABELS:
        return contributions.reset_index(drop=True)
    return contributions[contributions["donor_type"] == donor_type].reset_index(drop=True)


def filter_phrase(donor_type: str | None) -> str:
    """``from governments``: which contributions the filter keeps, for captions."""
    phrases = {GOVERNMENT: "from governments", PRIVATE: "from private donors", OTHER: "from others"}
    return phrases.get(donor_type or ALL, "from all donors")


def donor_label(donor: str, donor_type: str, country: str) -> str:
    """How a donor reads on the page: ``Germany``, ``Private donors (Qatar)``."""
    if donor_type == PRIVATE and donor.strip().lower() == "private donors":
        return f"{BARE_PRIVATE} ({country_name(country)})" if country else BARE_PRIVATE
    return donor


def type_label(donor_type: str) -> str:
    return TYPE_LABELS.get(donor_type, donor_type.capitalize())


def display_rows(contributions: pd.DataFrame) -> pd.DataFrame:
    """The rows as shown: date (datetime), date_label, donor, donor_type and country names."""
    rows = contributions.reset_index(drop=True)
    return pd.DataFrame(
        {
            "date": rows["date"],
            "date_label": rows["date_label"].astype(str),
            "donor": [
                donor_label(d, t, c)
                for d, t, c in zip(rows["donor"], rows["donor_type"], rows["country"], strict=True)
            ],
            "donor_type": [type_label(t) for t in rows["donor_type"]],
            "country": [country_name(c) if c else "" for c in rows["country"]],
        },
        columns=ROW_COLUMNS,
    )


def counts_per_donor(contributions: pd.DataFrame) -> pd.DataFrame:
    """Number of contributions per donor, most first, then by donor name.

    A donor is its shown name and type, so private donors in Qatar and private
    donors with no country are counted apart.
    """
    rows = display_rows(contributions)
    if rows.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS).astype({"contributions": "int64"})
    counts = rows.groupby(["donor", "donor_type"], sort=False).size().reset_index()
    counts.columns = COUNT_COLUMNS
    counts = counts.sort_values(
        ["contributions", "donor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return counts.astype({"contributions": "int64"})


def unnamed_private_note(counts: pd.DataFrame) -> str | None:
    """Why "Private donors" alone is not every private donor, when the counts show it."""
    if BARE_PRIVATE not in set(counts["donor"]):
        return None
    return (
        f"“{BARE_PRIVATE}” counts the private contributions the source lists "
        "without naming a country."
    )


def type_totals(contributions: pd.DataFrame) -> dict[str, int]:
    """Number of contributions per donor type, in ``TYPE_LABELS`` order, zeros left out."""
    counts = contributions["donor_type"].value_counts()
    return {kind: int(counts[kind]) for kind in TYPE_LABELS if kind in counts.index}


def describe_totals(contributions: pd.DataFrame, year: int) -> str:
    """``18 contributions in 2021: 4 from governments, 14 from private donors.``"""
    total = len(contributions)
    if total == 0:
        return f"No contributions in {year}."
    parts = {GOVERNMENT: "from governments", PRIVATE: "from private donors", OTHER: "from others"}
    details = ", ".join(f"{n} {parts[kind]}" for kind, n in type_totals(contributions).items())
    noun = "contribution" if total == 1 else "contributions"
    return f"{total} {noun} in {year}: {details}."


def years_with_contributions(contributions: pd.DataFrame) -> list[int]:
    """The years that have at least one dated contribution, ascending."""
    return sorted(int(year) for year in contributions["date"].dt.year.dropna().unique())
