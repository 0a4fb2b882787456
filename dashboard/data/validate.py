"""Rules that span tables: years in range, pillars adding up to the source totals.

Each rule runs once over the batch of every operation being loaded and hands
each operation's first problem to ``problems`` (see ``errors.Problems``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.data.batch import TableBatch
from dashboard.data.errors import DataError, Problems
from dashboard.data.schema import line_of

SUM_TOLERANCE_USD = 1.0
# Operation years given as None (an operation whose metadata did not load) accept any year.
Years = list[tuple[int, ...] | None]


def _not_among(values: pd.Series, batch: TableBatch, allowed: list) -> np.ndarray:
    """Which rows' ``values`` are not among those ``allowed`` for their file (None: any)."""
    distinct = sorted({value for own in allowed if own for value in own})
    position = {value: code for code, value in enumerate(distinct)}
    # A row's (file, value) as one number: its file times the values any file allows,
    # plus the value's place among them (-1 for a value no file allows).
    code = pd.Index(distinct).get_indexer(values)
    listed_codes = [
        file * len(distinct) + position[value]
        for file, own in enumerate(allowed)
        if own
        for value in own
    ]
    listed = (code >= 0) & np.isin(batch.file_index * len(distinct) + code, listed_codes)
    unknown = np.array([own is None for own in allowed] or [False])[batch.file_index]
    return ~listed & ~unknown


def _outside(batch: TableBatch, years: Years) -> np.ndarray:
    """Which rows of ``batch`` have a ``year`` that is not one of their operation's years."""
    return _not_among(batch.frame["year"], batch, years)


def check_years(batch: TableBatch, years: Years, problems: Problems) -> None:
    """Every ``year`` of each file must be one of its operation's years."""
    column = batch.frame["year"]
    for file, row, at in batch.first_rows(_outside(batch, years)):
        own = years[file]
        problems.add(
            file,
            DataError(
                batch.paths[file],
                f"{column.iloc[at]} is outside the operation's years {min(own)}-{max(own)}",
                line=line_of(row),
                column="year",
            ),
        )


def check_narrative_years(batch: TableBatch, years: Years, problems: Problems) -> None:
    """Every narrative file's year must be one of its operation's years (the lowest is named)."""
    outside = _outside(batch, years)
    lowest = batch.frame["year"][outside].groupby(batch.file_index[outside]).min()
    for file, year in lowest.items():
        problems.add(
            file,
            DataError(batch.paths[file], f"year {year} is outside the operation's years"),
        )


def check_pillar_sums(totals: TableBatch, budget: TableBatch, problems: Problems) -> None:
    """Pillar rows of each year must add up to the totals the source stated."""
    columns = ["budget_usd", "expenditure_usd"]
    sums = (
        budget.frame[["year", *columns]]
        .assign(_file=budget.file_index)
        .groupby(["_file", "year"])[columns]
        .sum(min_count=1)
    )
    stated_keys = pd.MultiIndex.from_arrays(
        [totals.file_index, totals.frame["year"].to_numpy()], names=["_file", "year"]
    )
    missing = sums.index[~sums.index.isin(stated_keys)].to_frame(index=False)
    for file, year in missing.groupby("_file")["year"].min().items():
        problems.add(
            file,
            DataError(totals.paths[file], f"no total for year {year}, which budget.csv has"),
        )
    derived = sums.reindex(stated_keys)
    wrong = {}
    for column in columns:
        stated = totals.frame[column].to_numpy()
        added = derived[column].to_numpy()
        gap = np.abs(stated - added)
        wrong[column] = np.where(
            np.isnan(stated) | np.isnan(added),
            np.isnan(stated) != np.isnan(added),
            gap > SUM_TOLERANCE_USD,
        )
    for file, row, at in totals.first_rows(wrong["budget_usd"] | wrong["expenditure_usd"]):
        column = "budget_usd" if wrong["budget_usd"][at] else "expenditure_usd"
        problems.add(
            file,
            DataError(
                totals.paths[file],
                f"pillars of {totals.frame['year'].iloc[at]} add up to "
                f"{derived[column].iloc[at]:.2f}, "
                f"but the source total is {totals.frame[column].iloc[at]:.2f}",
                line=line_of(row),
                column=column,
            ),
        )


def check_sources(batch: TableBatch, sources: list, problems: Problems) -> None:
    """Every source a row names must be one of its operation's source pages."""
    columns = [name for name in ("source", "old_source", "new_source") if name in batch.frame]
    for column in columns:
        values = batch.frame[column]
        for file, row, at in batch.first_rows(_not_among(values, batch, sources)):
            problems.add(
                file,
                DataError(
                    batch.paths[file],
                    f"'{values.iloc[at]}' is not one of the operation's sources "
                    "(operation.json, 'sources')",
                    line=line_of(row),
                    column=column,
                ),
            )


def attach_sources(narratives: TableBatch, sources: TableBatch, problems: Problems) -> TableBatch:
    """The narrative sections with the ``source`` that ``narrative_sources.csv`` gives each."""
    key = ["_file", "year", "kind", "section"]
    sections = narratives.frame.assign(_file=narratives.file_index)
    listed = sources.frame.assign(_file=sources.file_index, _row=np.arange(len(sources.frame)))
    joined = sections.merge(listed, on=key, how="outer", indicator=True, sort=False)
    for file, group in joined[joined["_merge"] != "both"].groupby("_file"):
        first = group.iloc[0]
        if first["_merge"] == "left_only":
            problem = DataError(
                sources.paths[file],
                f"no source for section '{first['section']}' of {first['year']}-{first['kind']}.md",
            )
        else:
            problem = DataError(
                sources.paths[file],
                f"names section '{first['section']}' of {first['year']}-{first['kind']}.md, "
                "which the narratives do not have",
                line=line_of(int(first["_row"]) - int(sources.starts[file])),
                column="section",
            )
        problems.add(int(file), problem)
    kept = joined[joined["_merge"] == "both"]
    frame = sections.merge(kept[[*key, "source"]], on=key, how="left", sort=False).drop(
        columns="_file"
    )
    frame["source"] = frame["source"].fillna("").astype("str")
    return TableBatch(narratives.paths, frame, narratives.counts)
