"""Synthetic operations for the scale benchmark, written to a temporary folder (never data/).

Each operation ``synthetic-NNNN`` has 8 years (2014-2021) of every table in the
documented CSV format (README, "Files in data/"): budget and expenditure by 4
pillars with matching source totals, people of concern, a breakdown by type,
figures by country, key figures, 24 contributions a year and a year-end report
and plan per year.  Values come from a seeded random generator.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

YEARS = list(range(2014, 2022))
COUNTRIES = [("KAZ", "Kazakhstan"), ("TKM", "Turkmenistan"), ("UZB", "Uzbekistan")]
DONORS = [
    ("Germany", "government", "DEU"),
    ("Japan", "government", "JPN"),
    ("private donors", "private", ""),
    ("private donors", "private", "QAT"),
    ("Sweden", "government", "SWE"),
    ("CERF", "other", ""),
]
TYPES = ["Refugees", "Asylum-seekers", "Stateless", "Others of concern"]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
PARAGRAPH = ("Synthetic text for a benchmark, not a real report. " * 12).strip()
# The one source page every synthetic row names (there is no such page: the data is made up).
SOURCE = "synthetic.txt"
REVISIONS_HEADER = "table,year,key,column,old_value,old_source,new_value,new_source\n"


def _csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """A table with every row's ``source`` column naming ``SOURCE``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*header, "source"])
        writer.writerows([*row, SOURCE] for row in rows)


def write_operation(root: Path, index: int) -> str:
    rng = random.Random(index)
    op_id = f"synthetic-{index:04d}"
    folder = root / "operations" / op_id
    (folder / "narratives").mkdir(parents=True)
    meta = {
        "id": op_id,
        "name": f"Synthetic operation {index}",
        "countries": [code for code, _ in COUNTRIES],
        "years": YEARS,
        "report_year": 2021,
        "source": "Synthetic benchmark data",
        "map_disclaimer": "Synthetic map disclaimer.",
        "sources": [{"file": SOURCE, "sha256": "synthetic", "report_year": 2021}],
    }
    (folder / "operation.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    location = {"latitude": 48.0, "longitude": 67.0, "zoom_level": 5.0, "source": "synthetic"}
    (folder / "location.json").write_text(json.dumps(location) + "\n", encoding="utf-8")
    budget, totals = [], []
    for year in YEARS:
        cents = [(rng.randrange(10**8, 10**9), rng.randrange(10**7, 10**9)) for _ in range(4)]
        for pillar, (b, e) in enumerate(cents, start=1):
            budget.append([year, pillar, f"{b / 100:.2f}", f"{min(b, e) / 100:.2f}"])
        totals.append(
            [
                year,
                f"{sum(b for b, _ in cents) / 100:.2f}",
                f"{sum(min(b, e) for b, e in cents) / 100:.2f}",
            ]
        )
    _csv(folder / "budget.csv", ["year", "pillar", "budget_usd", "expenditure_usd"], budget)
    _csv(folder / "budget_source_totals.csv", ["year", "budget_usd", "expenditure_usd"], totals)
    _csv(
        folder / "people_of_concern.csv",
        ["year", "total"],
        [[y, rng.randrange(1000, 200000)] for y in YEARS],
    )
    _csv(
        folder / "population_by_type.csv",
        ["year", "population_type", "value"],
        [[y, t, rng.randrange(10, 50000)] for y in YEARS for t in TYPES],
    )
    by_country = []
    for year in YEARS:
        for code, name in COUNTRIES:
            for kind in TYPES[:2]:
                value = rng.randrange(10, 9000)
                quote = f"In {name}, there are {value:,} {kind.lower()} (synthetic)."
                by_country.append([year, code, kind, value, "exact", "Population trends", quote])
    _csv(
        folder / "population_by_country.csv",
        ["year", "country", "population_type", "value", "qualifier", "source_section", "quote"],
        by_country,
    )
    figures = []
    for year in YEARS:
        for kind in ("result", "plan"):
            for n in range(4):
                code, name = COUNTRIES[n % 3]
                unit = "percent" if n == 3 else "count"
                value = rng.randrange(1, 100) if unit == "percent" else rng.randrange(10, 9000)
                figures.append(
                    [
                        year,
                        kind,
                        "exact",
                        f"{value:.1f}",
                        unit,
                        f"{kind} figure {n} for {year} in {name}",
                        code,
                    ]
                )
    _csv(
        folder / "key_figures.csv",
        ["year", "kind", "qualifier", "value", "unit", "text", "country"],
        figures,
    )
    contributions = []
    for year in YEARS:
        for n in range(24):
            month, day = 12 - n // 2, 28 - (n % 2) * 10
            donor, kind, country = DONORS[n % len(DONORS)]
            label = f"{day:02d}-{MONTHS[month - 1]}-{year}"
            contributions.append([f"{year}-{month:02d}-{day:02d}", label, donor, kind, country])
    _csv(
        folder / "contributions.csv",
        ["date", "date_label", "donor", "donor_type", "country"],
        contributions,
    )
    narrative_sources = []
    for year in YEARS:
        for kind, sections in (
            ("year-end", ["Operational context", "Key achievements", "Unmet needs"]),
            ("plan", ["Working environment", "Key priorities"]),
        ):
            text = "\n".join(f"## {s}\n\n{PARAGRAPH}\n\n- {PARAGRAPH[:80]}\n" for s in sections)
            (folder / "narratives" / f"{year}-{kind}.md").write_text(text, encoding="utf-8")
            narrative_sources.extend([year, kind, section] for section in sections)
    _csv(folder / "narrative_sources.csv", ["year", "kind", "section"], narrative_sources)
    (folder / "revisions.csv").write_text(REVISIONS_HEADER, encoding="utf-8")
    return op_id


def write_operations(root: Path, count: int) -> list[str]:
    return [write_operation(root, index) for index in range(count)]
