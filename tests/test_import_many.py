"""Importing many pages in one run: derived ids, one page refused alone, the summary."""

from __future__ import annotations

import fcntl
import json
import os
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEED

from dashboard.data import load_operation
from dashboard.data.meta_file import OPERATION_ID
from dashboard.importer import import_page, operation_id_for

REPO = Path(__file__).resolve().parents[1]
SEED_NAME = "Kazakhstan Multi-Country Office"
TABLES = ("budget", "people_of_concern", "key_figures", "narratives", "contributions")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "import", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def renamed(seed_text: str, name: str) -> str:
    """The seed page for another operation: its title and ``Operation:`` line name ``name``."""
    assert seed_text.count(SEED_NAME) >= 2
    return seed_text.replace(SEED_NAME, name)


def write_page(folder: Path, file_name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / file_name
    page.write_text(text, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory):
    """The seed imported on its own, to compare the tables of renamed copies with."""
    data_dir = tmp_path_factory.mktemp("seed")
    import_page(SEED, "seed", data_dir)
    return load_operation("seed", data_dir=data_dir)


def assert_same_tables(operation, expected) -> None:
    """The same rows, each naming its own page as its source."""
    (page,) = operation.meta.sources
    for table in TABLES:
        rows = getattr(operation, table)
        assert (rows["source"] == page.file).all()
        pd.testing.assert_frame_equal(
            rows.drop(columns="source"), getattr(expected, table).drop(columns="source")
        )


# ---- the id a page's operation name gives -------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kazakhstan Multi-Country Office", "kazakhstan-multi-country-office"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("Türkiye", "turkiye"),
        ("  Iran (Islamic Republic of)  ", "iran-islamic-republic-of"),
        ("São Tomé & Príncipe -- Office", "sao-tome-principe-office"),
        ("Regional Office for Southern Africa, 2021", "regional-office-for-southern-africa-2021"),
        ("BUREAU RÉGIONAL: l'Afrique de l'Ouest", "bureau-regional-l-afrique-de-l-ouest"),
        # 66 characters: cut after "region", the last whole word within 64.
        (
            "Multi-Country Office for the Countries of the Caribbean Region and Central America",
            "multi-country-office-for-the-countries-of-the-caribbean-region",
        ),
        # A single word longer than 64 characters is cut at 64.
        ("X" * 70 + " Office", "x" * 64),
    ],
)
def test_operation_id_for_names(name, expected):
    assert operation_id_for(name) == expected
    assert OPERATION_ID.match(expected)


@pytest.mark.parametrize("name", ["", "  ", "---", "لبنان", "Беларусь"])
def test_a_name_without_latin_letters_or_digits_gives_no_id(name):
    with pytest.raises(ValueError, match="--id"):
        operation_id_for(name)


# ---- a folder of pages ----------------------------------------------------------------


def test_a_folder_imports_its_good_pages_and_refuses_the_broken_one(
    seed_text, seed_import, tmp_path
):
    pages = tmp_path / "pages"
    # Synthetic operation names: the seed's numbers under other titles.
    write_page(pages, "a.txt", renamed(seed_text, "Synthetic Office A"))
    write_page(pages, "b.txt", renamed(seed_text, "Synthetic Office B"))
    write_page(pages, "c.txt", renamed(seed_text, "Synthétique Bureau C"))
    write_page(pages, "d-broken.txt", seed_text.replace("Operation:", "Office:"))
    write_page(pages, "notes.md", renamed(seed_text, "Synthetic Office Not A Page"))
    write_page(pages / "nested", "e.txt", renamed(seed_text, "Synthetic Office Nested"))
    data_dir = tmp_path / "data"

    result = run_cli(str(pages), "--data-dir", str(data_dir))

    assert result.returncode == 1, result.stderr
    operations = data_dir / "operations"
    expected_ids = ["synthetic-office-a", "synthetic-office-b", "synthetique-bureau-c"]
    assert sorted(path.name for path in operations.iterdir()) == expected_ids
    for operation_id in expected_ids:
        assert_same_tables(load_operation(operation_id, data_dir=data_dir), seed_import)
    assert load_operation("synthetique-bureau-c", data_dir=data_dir).meta.name == (
        "Synthétique Bureau C"
    )

    header, *rows, total = result.stdout.splitlines()
    assert header.split() == ["page", "operation", "id", "status", "imported", "/", "reason"]
    assert [row.split()[:3] for row in rows] == [
        [str(pages / "a.txt"), "synthetic-office-a", "imported"],
        [str(pages / "b.txt"), "synthetic-office-b", "imported"],
        [str(pages / "c.txt"), "synthetique-bureau-c", "imported"],
        [str(pages / "d-broken.txt"), "-", "refused"],
    ]
    # 2015-2021, 12 budget rows, 7 results + 1 plan, 7 sections and 18 contributions.
    assert rows[0].endswith(
        "2015-2021: 12 budget rows, 8 key figures, 7 narrative sections, 18 contributions"
    )
    assert rows[3].endswith("line 1, title: no 'Operation: <name>' line anywhere on the page")
    assert total == "4 pages: 3 imported, 1 refused (nothing written for them)"

    # Not a terminal: one plain line per page, no bar.
    assert result.stderr.splitlines() == [
        "[1/4] a.txt: imported as synthetic-office-a",
        "[2/4] b.txt: imported as synthetic-office-b",
        "[3/4] c.txt: imported as synthetique-bureau-c",
        "[4/4] d-broken.txt: refused: line 1, title: no 'Operation: <name>' line anywhere "
        "on the page",
    ]
    assert not any(char in result.stdout + result.stderr for char in "\r\x1b")


def test_id_is_for_one_page_only(seed_text, tmp_path):
    first = write_page(tmp_path, "a.txt", renamed(seed_text, "Synthetic Office A"))
    second = write_page(tmp_path, "b.txt", renamed(seed_text, "Synthetic Office B"))
    for pages in ([str(first), str(second)], [str(tmp_path)]):
        result = run_cli(*pages, "--id", "synthetic", "--data-dir", str(tmp_path / "data"))
        assert result.returncode == 2
        assert "--id names one operation, but 2 pages were given" in result.stderr
    assert not (tmp_path / "data").exists()


def test_a_second_page_of_the_same_report_year_is_refused_unless_replace(seed_text, tmp_path):
    first = write_page(tmp_path, "first.txt", renamed(seed_text, "Synthetic Office A"))
    # Another page for the same (synthetic) name, with a different first key figure.
    changed = renamed(seed_text, "Synthetic Office A").replace("7,500 statelessness", "7,600 st")
    second = write_page(tmp_path, "second.txt", changed)
    data_dir = tmp_path / "data"

    result = run_cli(str(first), str(second), "--data-dir", str(data_dir))

    assert result.returncode == 1
    rows = result.stdout.splitlines()[1:3]
    assert rows[0].split()[1:3] == ["synthetic-office-a", "imported"]
    assert rows[1].split()[1:3] == ["synthetic-office-a", "refused"]
    assert "first.txt" in rows[1] and "second.txt" in rows[1] and "--replace" in rows[1]
    operation = load_operation("synthetic-office-a", data_dir=data_dir)
    assert operation.key_figures["value"].iloc[0] == 7500.0
    assert [page.file for page in operation.meta.sources] == ["first.txt"]

    replaced = run_cli(str(second), "--data-dir", str(data_dir), "--replace")

    assert replaced.returncode == 0, replaced.stderr
    operation = load_operation("synthetic-office-a", data_dir=data_dir)
    assert operation.key_figures["value"].iloc[0] == 7600.0
    assert [page.file for page in operation.meta.sources] == ["second.txt"]


def test_a_refused_page_leaves_the_existing_operation_byte_identical(seed_text, tmp_path):
    data_dir = tmp_path / "data"
    page_a = renamed(seed_text, "Synthetic Office A")
    old = write_page(tmp_path, "old.txt", page_a)
    import_page(old, "synthetic-office-a", data_dir)
    import_page(old, "synthetic-office-b", data_dir)
    before = tree(data_dir)
    pages = tmp_path / "pages"
    # Pillars that no longer add up to the page's total: refused under --strict once
    # the id is known and the files are staged.
    write_page(pages, "a.txt", page_a.replace('"p1":[5.38362755', '"p1":[9.38362755', 1))
    # No report year: refused while reading the page.
    no_year = renamed(seed_text, "Synthetic Office B")
    write_page(pages, "b.txt", no_year[: no_year.index("Key Figures")])
    write_page(pages, "c.txt", renamed(seed_text, "Synthetic Office C"))

    result = run_cli(str(pages), "--data-dir", str(data_dir), "--strict", "--replace")

    assert result.returncode == 1
    rows = result.stdout.splitlines()[1:4]
    assert rows[0].split()[1:3] == ["synthetic-office-a", "refused"]
    assert "line 37, budget:" in rows[0] and "budget_source_totals.csv" in rows[0]
    assert rows[1].split()[1:3] == ["-", "refused"] and "year the page reports on" in rows[1]
    assert rows[2].split()[1:3] == ["synthetic-office-c", "imported"]
    after = tree(data_dir)
    assert {name: data for name, data in after.items() if "synthetic-office-c" not in name} == (
        before
    )
    assert not [path for path in (data_dir / "operations").iterdir() if path.name[0] == "."]


def test_one_page_without_id_prints_what_it_did_before(seed_text, tmp_path):
    page = write_page(tmp_path, "page.txt", seed_text)
    data_dir = tmp_path / "data"

    result = run_cli(str(page), "--data-dir", str(data_dir))

    assert result.returncode == 0, result.stderr
    folder = data_dir / "operations" / "kazakhstan-multi-country-office"
    first, *report = result.stdout.splitlines()
    assert first == f"imported {page} into {folder}"
    assert report[0].split() == ["report", "year", "2020"] and "  left out: nothing" in report
    assert report[-2].split() == ["sources", "(1)", "2020", "(page.txt)"]
    assert result.stderr == ""
    meta = json.loads((folder / "operation.json").read_text(encoding="utf-8"))
    assert (meta["id"], meta["name"]) == ("kazakhstan-multi-country-office", SEED_NAME)


def test_a_terminal_shows_a_bar_for_more_than_three_pages(seed_text, tmp_path):
    pages = tmp_path / "pages"
    for letter in "ABCD":
        write_page(pages, f"{letter}.txt", renamed(seed_text, f"Synthetic Office {letter}"))
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    with subprocess.Popen(
        [sys.executable, "-m", "dashboard", "import", str(pages), "--data-dir", str(tmp_path)],
        stdout=follower,
        stderr=follower,
        cwd=REPO,
    ) as process:
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=120) == 0
    os.close(leader)
    text = output.decode("utf-8")
    assert "\r" in text and "4/4" in text and "100%" in text
    assert "[1/4]" not in text
    assert text.rstrip().endswith("4 pages: 4 imported")
