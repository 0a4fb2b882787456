"""One operation from several yearly pages: union of years, the newer page wins,
older values kept as revisions, every row with its source, and the same files
whatever the order of imports.  The older page is a synthetic 2019 view of the
seed (``history_pages``); expected figures come from the seed's text (line 37
budget, lines 28-29 people of concern) and from what that snapshot changes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA_DIR, OPERATION_ID, SEED
from history_pages import OLDER_PEOPLE, older_snapshot, write_page
from test_importer import run_cli, tree

from dashboard.data import load_operation
from dashboard.importer import PageError, import_page, remove_source

OLDER = "synthetic-2019.txt"


@pytest.fixture
def pages(tmp_path, seed_text) -> dict[str, Path]:
    folder = tmp_path / "pages"
    return {
        "newer": write_page(folder, SEED.name, seed_text),
        "older": write_page(folder, OLDER, older_snapshot(seed_text)),
    }


def imported(data_dir: Path, *paths: Path) -> Path:
    for path in paths:
        import_page(path, OPERATION_ID, data_dir)
    return data_dir / "operations" / OPERATION_ID


@pytest.fixture
def both(tmp_path, pages) -> Path:
    """The seed's shipped data (with its curated files) with the older page added."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    import_page(pages["older"], OPERATION_ID, data)
    return data


def test_years_are_the_union_and_the_newer_page_wins(both):
    operation = load_operation(OPERATION_ID, data_dir=both)
    assert operation.meta.years == tuple(range(2014, 2022))  # the seed: 2015-2021
    assert operation.meta.report_year == 2020
    totals = pd.read_csv(both / "operations" / OPERATION_ID / "budget_source_totals.csv")
    by_year = totals.set_index("year")
    assert by_year.loc[2019, "budget_usd"] == 5528849.17  # line 37 (5.52884917 M), the newer
    assert by_year.loc[2019, "source"] == SEED.name
    assert by_year.loc[2021, "budget_usd"] == 5282048.21  # line 37, only the newer has 2021
    assert by_year.loc[2015, "budget_usd"] == 4000000.0  # only the older page has 2015
    assert by_year.loc[2015, "source"] == OLDER
    people = operation.people_of_concern.set_index("year")
    assert people.loc[2018, "total"] == 88419 and people.loc[2018, "source"] == SEED.name
    assert people.loc[2014, "total"] == OLDER_PEOPLE[2014] and people.loc[2014, "source"] == OLDER
    assert people.loc[2019, "total"] == 106489  # line 28
    results = operation.key_figures[operation.key_figures["kind"] == "result"]
    assert sorted(set(results["year"])) == [2019, 2020]
    assert set(results.loc[results["year"] == 2019, "source"]) == {OLDER}


def test_an_older_value_is_a_revision_naming_both_pages(both):
    revisions = load_operation(OPERATION_ID, data_dir=both).revisions
    rows = {(row.table, row.key, row.column): row for row in revisions.itertuples()}
    total = rows[("budget_source_totals", "year=2019", "budget_usd")]
    assert (float(total.old_value), total.old_source) == (5392531.17, OLDER)
    assert (float(total.new_value), total.new_source) == (5528849.17, SEED.name)
    people = rows[("people_of_concern", "year=2018", "total")]
    assert (people.old_value, people.new_value) == (str(OLDER_PEOPLE[2018]), "88419")
    pillar = rows[("budget", "year=2019, pillar=1", "budget_usd")]
    assert (float(pillar.old_value), float(pillar.new_value)) == (4200000.0, 4336318.0)
    assert len(revisions) == 3


def test_every_row_names_a_source_whose_file_and_sha256_match(both):
    folder = both / "operations" / OPERATION_ID
    operation = load_operation(OPERATION_ID, data_dir=both)
    sources = {page.file: page for page in operation.meta.sources}
    assert [page.report_year for page in operation.meta.sources] == [2020, 2019]
    for page in sources.values():
        digest = hashlib.sha256((folder / "sources" / page.file).read_bytes()).hexdigest()
        assert digest == page.sha256
    for name in operation.table_names():
        frame = operation.table(name)
        columns = ["old_source", "new_source"] if name == "revisions" else ["source"]
        for column in columns:
            assert set(frame[column]) <= set(sources), (name, column)
    counted = json.loads((folder / "operation.json").read_text())["sources"]
    assert counted[1]["rows"]["budget_source_totals"] == 1  # 2015 only: the rest is newer
    assert counted[0]["rows"]["budget_source_totals"] == 6


def test_the_order_of_imports_does_not_matter_and_a_second_import_changes_nothing(tmp_path, pages):
    first = imported(tmp_path / "a", pages["newer"], pages["older"])
    second = imported(tmp_path / "b", pages["older"], pages["newer"])
    assert tree(first) == tree(second)
    before = tree(first)
    again = import_page(pages["older"], OPERATION_ID, tmp_path / "a")
    assert again.already == OLDER and tree(first) == before


def test_removing_a_source_rebuilds_exactly_the_remaining_page(tmp_path, pages):
    alone = tree(imported(tmp_path / "alone", pages["newer"]))
    folder = imported(tmp_path / "both", pages["newer"], pages["older"])
    result = run_cli("remove-source", OPERATION_ID, OLDER, "--data-dir", str(tmp_path / "both"))
    assert result.returncode == 0, result.stderr
    assert tree(folder) == alone
    refused = run_cli(
        "remove-source", OPERATION_ID, SEED.name, "--data-dir", str(tmp_path / "both")
    )
    assert refused.returncode == 1 and "only source" in refused.stderr
    assert tree(folder) == alone
    with pytest.raises(ValueError, match="is not a source"):
        remove_source(OPERATION_ID, "nowhere.txt", tmp_path / "both")


def test_a_second_page_of_a_report_year_is_refused_naming_both_unless_replace(
    tmp_path, pages, seed_text
):
    folder = imported(tmp_path / "data", pages["newer"])
    before = tree(folder)
    changed = write_page(tmp_path, "changed.txt", seed_text.replace("2019 106,489", "2019 106,490"))
    with pytest.raises(PageError) as refused:
        import_page(changed, OPERATION_ID, tmp_path / "data")
    assert "changed.txt" in str(refused.value) and SEED.name in str(refused.value)
    assert tree(folder) == before
    import_page(changed, OPERATION_ID, tmp_path / "data", replace=True)
    operation = load_operation(OPERATION_ID, data_dir=tmp_path / "data")
    assert [page.file for page in operation.meta.sources] == ["changed.txt"]
    assert operation.people_of_concern.set_index("year").loc[2019, "total"] == 106490


def test_a_page_of_another_operation_is_refused_naming_both_unless_force(tmp_path, pages):
    folder = imported(tmp_path / "data", pages["newer"])
    before = tree(folder)
    other = pages["older"].read_text().replace("Kazakhstan Multi-Country Office", "Synthetic B")
    page = write_page(tmp_path, "other.txt", other)
    args = ("import", str(page), "--id", OPERATION_ID, "--data-dir", str(tmp_path / "data"))
    refused = run_cli(*args)
    assert refused.returncode == 1
    assert (
        "'Synthetic B'" in refused.stderr and "'Kazakhstan Multi-Country Office'" in refused.stderr
    )
    assert tree(folder) == before
    forced = run_cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    meta = load_operation(OPERATION_ID, data_dir=tmp_path / "data").meta
    # The page joins the history; the name is the newest page's.
    assert [page.file for page in meta.sources] == [SEED.name, "other.txt"]
    assert meta.name == "Kazakhstan Multi-Country Office"


def test_a_replaced_page_hands_its_curated_quotes_to_the_page_that_still_has_them(
    tmp_path, seed_text
):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    folder = data / "operations" / OPERATION_ID
    before = tree(folder)
    # A quoted sentence (population_by_country.csv, seed line 79) no longer on the page.
    quote = "there are 574 refugees and 195 asylum-seekers"
    assert quote in seed_text
    unquoted = write_page(tmp_path, "unquoted.txt", seed_text.replace(quote, "there are refugees"))
    with pytest.raises(PageError, match=r"population_by_country\.csv"):
        import_page(unquoted, OPERATION_ID, data, replace=True)
    assert tree(folder) == before
    corrected = write_page(tmp_path, "corrected.txt", seed_text.replace("2019 106,489", "2019 1"))
    import_page(corrected, OPERATION_ID, data, replace=True)
    curated = load_operation(OPERATION_ID, data_dir=data).population_by_country
    assert len(curated) > 0 and set(curated["source"]) == {"corrected.txt"}
