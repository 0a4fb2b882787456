"""The numbers behind each chart and table, as downloadable datasets.

Each builder returns exactly what its view plots for the current selection,
with units in the column names (``budget_usd``) and a definition per column
for the notes that travel with the file.  Definitions are English messages
marked with ``N_``; the file writer translates them into the reader's language,
so a dataset is the same whatever the language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.data import Operation
from dashboard.data.dictionary import TABLES
from dashboard.i18n import DEFAULT_LANGUAGE, N_
from dashboard.transforms import budget as budget_views
from dashboard.transforms import contributions as contribution_views
from dashboard.transforms.cache import per_operation
from dashboard.transforms.key_figures import plan_after, results_for
from dashboard.transforms.people_of_concern import breakdown_for, trend
from dashboard.transforms.tables import table_for_year
from dashboard.wording import contributions as contribution_words


@dataclass(frozen=True)
class Dataset:
    slug: str
    frame: pd.DataFrame
    columns: Mapping[str, str]

    def file_name(self, operation_id: str, extension: str) -> str:
        return f"{operation_id}_{self.slug}.{extension}"


# A builder takes the operation, the year and the donor-type filter (``contributions.ALL``:
# none), which only the contributions' datasets use.
Builder = Callable[[Operation, int, str], Dataset]

YEAR = N_("Year.")
PILLAR_NAME = N_("Name of the pillar.")
SHARE = N_("Share of the year's total budget, in percent.")
RATE = N_("Expenditure as a percentage of budget; empty where either figure is missing.")
SOURCES = N_(
    "File names of the source pages the row's figures come from, separated by '; ' "
    "(the operation's Sources page gives each page's report year and SHA-256)."
)


@per_operation
def _budget_sources(operation: Operation, key: tuple[str, ...]) -> dict[tuple, str]:
    """The source pages of the budget rows of each ``key`` value, joined by "; ".

    Computed once per operation: a groupby and merge for each of the four
    datasets a ``/budget`` year switch builds made ``pages.budget.update`` take
    21.7 ms instead of 13.7 (median over the seed's six years, in process, on
    2026-12-06); with this cache it takes 14.8.
    """
    found: dict[tuple, set[str]] = {}
    budget = operation.budget
    keys = zip(*(budget[column] for column in key), strict=True)
    for values, source in zip(keys, budget["source"], strict=True):
        found.setdefault(values, set()).add(source)
    return {values: "; ".join(sorted(names)) for values, names in found.items()}


def _with_sources(frame: pd.DataFrame, operation: Operation, key: tuple[str, ...]) -> pd.DataFrame:
    """``frame`` with a ``source`` column: the pages of the budget rows it adds up, by ``key``."""
    sources = _budget_sources(operation, key)
    rows = zip(*(frame[c] for c in key), strict=True)
    return frame.assign(source=[sources.get(values, "") for values in rows])


def _span(years: list[int]) -> str:
    return f"{min(years)}-{max(years)}" if years else "no-years"


def _budget_and_expenditure(operation: Operation, _year: int, _donor_type: str) -> Dataset:
    totals = budget_views.totals_of(operation)
    return Dataset(
        f"budget-and-expenditure_{_span(list(totals['year']))}",
        _with_sources(totals, operation, ("year",)),
        {
            "year": YEAR,
            "budget_usd": N_("Total budget of the year (sum of the pillars), in US dollars."),
            "expenditure_usd": N_(
                "Total expenditure of the year (sum of the pillars), in US dollars."
            ),
            "source": SOURCES,
        },
    )


def _by_pillar(measure: str, slug: str) -> Builder:
    def build(operation: Operation, _year: int, _donor_type: str) -> Dataset:
        amounts = budget_views.pillar_amounts_of(operation, measure)
        frame = amounts.rename(columns={"label": "pillar_name", "amount": measure})
        return Dataset(
            f"{slug}_{_span(budget_views.data_years_of(operation))}",
            _with_sources(frame, operation, ("year", "pillar")),
            {
                "year": YEAR,
                "pillar": TABLES["budget"]["pillar"],
                "pillar_name": PILLAR_NAME,
                measure: TABLES["budget"][measure],
                "source": SOURCES,
            },
        )

    return build


def _split(operation: Operation, year: int, _donor_type: str) -> Dataset:
    split = budget_views.pillar_split_of(operation, year)
    frame = split.rename(
        columns={
            "label": "pillar_name",
            "budget_share": "budget_share_percent",
            "execution_rate": "execution_rate_percent",
        }
    )
    frame.insert(0, "year", year)
    return Dataset(
        f"budget-split-by-pillar_{year}",
        _with_sources(frame, operation, ("year", "pillar")),
        {
            "year": YEAR,
            "pillar": TABLES["budget"]["pillar"],
            "pillar_name": PILLAR_NAME,
            "budget_usd": TABLES["budget"]["budget_usd"],
            "expenditure_usd": TABLES["budget"]["expenditure_usd"],
            "budget_share_percent": SHARE,
            "execution_rate_percent": RATE,
            "source": SOURCES,
        },
    )


def _key_figures(operation: Operation, year: int, _donor_type: str) -> Dataset:
    figures = operation.key_figures
    frame = pd.concat([results_for(figures, year), plan_after(figures, year)])
    return Dataset(f"key-figures_{year}", frame.reset_index(drop=True), TABLES["key_figures"])


def _people_trend(operation: Operation, _year: int, _donor_type: str) -> Dataset:
    frame = trend(operation.people_of_concern)
    return Dataset(
        f"people-of-concern_{_span(list(frame['year']))}", frame, TABLES["people_of_concern"]
    )


def _by_country(operation: Operation, year: int, _donor_type: str) -> Dataset:
    frame = table_for_year(operation, "population_by_country", year)
    return Dataset(f"people-of-concern-by-country_{year}", frame, TABLES["population_by_country"])


def _by_type(operation: Operation, year: int, _donor_type: str) -> Dataset:
    frame = breakdown_for(operation.population_by_type, year)
    return Dataset(f"population-by-type_{year}", frame, TABLES["population_by_type"])


def _narratives(operation: Operation, year: int, _donor_type: str) -> Dataset:
    frame = table_for_year(operation, "narratives", year)
    return Dataset(f"narratives_{year}", frame, TABLES["narratives"])


def _filtered_contributions(operation: Operation, year: int, donor_type: str) -> pd.DataFrame:
    in_year = contribution_views.contributions_in_year(operation.contributions, year)
    return contribution_views.filter_by_type(in_year, donor_type)


def _suffix(year: int, donor_type: str) -> str:
    return f"{year}" if donor_type == contribution_views.ALL else f"{year}_{donor_type}"


def _contributions(operation: Operation, year: int, donor_type: str) -> Dataset:
    frame = _filtered_contributions(operation, year, donor_type)
    return Dataset(f"contributions_{_suffix(year, donor_type)}", frame, TABLES["contributions"])


def _contributions_per_donor(operation: Operation, year: int, donor_type: str) -> Dataset:
    # Downloads keep English names, like every other exported value and the data API.
    rows = _filtered_contributions(operation, year, donor_type)
    counts = contribution_words.counts_per_donor(rows, DEFAULT_LANGUAGE)
    return Dataset(
        f"contributions-per-donor_{_suffix(year, donor_type)}",
        counts,
        {
            "donor": N_(
                "Donor as shown on the page; 'Private donors (Country)' for private "
                "donors in a named country, 'Private donors' where the source names none."
            ),
            "donor_type": N_("Government, Private or Other."),
            "contributions": N_("Number of contributions the source lists for the donor."),
        },
    )


DATASETS: dict[str, Builder] = {
    "budget-and-expenditure": _budget_and_expenditure,
    "budget-by-pillar": _by_pillar(budget_views.BUDGET, "budget-by-pillar"),
    "expenditure-by-pillar": _by_pillar(budget_views.EXPENDITURE, "expenditure-by-pillar"),
    "budget-split-by-pillar": _split,
    "key-figures": _key_figures,
    "people-of-concern": _people_trend,
    "people-of-concern-by-country": _by_country,
    "population-by-type": _by_type,
    "narratives": _narratives,
    "contributions": _contributions,
    "contributions-per-donor": _contributions_per_donor,
}


def build_dataset(
    name: str, operation: Operation, year: int, donor_type: str = contribution_views.ALL
) -> Dataset:
    """The dataset ``name`` for the selection; ``KeyError`` for an unknown name."""
    return DATASETS[name](operation, year, donor_type)
