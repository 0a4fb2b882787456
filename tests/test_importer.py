"""The importer: seed round trip, page variations, malformed pages, atomic writes."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA_DIR, OPERATION_ID, SEED
from layout_json import first_frame, texts

from dashboard.app import create_app
from dashboard.data import load_operation
from dashboard.importer import PageError, import_page, parse_page, rebuild

REPO = Path(__file__).resolve().parents[1]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


CURATED = ("population_by_country.csv", "location.json")


def test_cli_import_reproduces_shipped_data_byte_for_byte(data_copy, operation_dir, tmp_path):
    before = tree(DATA_DIR)
    page = tmp_path / SEED.name
    page.write_bytes(SEED.read_bytes())
    for path in operation_dir.iterdir():
        if path.name not in CURATED:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    # A folder without its sources cannot be rebuilt: --replace starts it anew.
    refused = run_cli("import", str(page), "--id", OPERATION_ID, "--data-dir", str(data_copy))
    assert refused.returncode == 1 and "--replace" in refused.stderr
    args = ("import", str(page), "--id", OPERATION_ID, "--data-dir", str(data_copy), "--replace")
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert tree(data_copy) == before
    again = run_cli(*args)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert tree(data_copy) == before


def test_import_into_empty_folder_matches_all_generated_files(tmp_path):
    import_page(SEED, OPERATION_ID, tmp_path)
    shipped = DATA_DIR / "operations" / OPERATION_ID
    fresh = tmp_path / "operations" / OPERATION_ID
    generated = [name for name in tree(shipped) if name not in CURATED]
    _match, mismatch, errors = filecmp.cmpfiles(shipped, fresh, generated, shallow=False)
    assert (mismatch, errors) == ([], [])
    # Curated files start empty (header only) and no map centre is invented.
    assert (fresh / "population_by_country.csv").read_text().count("\n") == 1
    assert not (fresh / "location.json").exists()


def test_curated_files_survive_a_reimport(data_copy, operation_dir):
    curated = (operation_dir / "population_by_country.csv").read_bytes()
    rebuild(OPERATION_ID, data_copy, {SEED.name: SEED.read_bytes()})
    assert (operation_dir / "population_by_country.csv").read_bytes() == curated
    assert (operation_dir / "location.json").exists()


def seed_with(seed_text: str, old: str, new: str) -> str:
    assert old in seed_text, old
    return seed_text.replace(old, new, 1)


# ---- variations seen on other Global Focus pages --------------------------------


def test_heading_drift_and_planning_block_first(seed_text):
    results = seed_text[seed_text.index("2020 year-end results") : seed_text.index("2021 planning")]
    plan = seed_text[seed_text.index("2021 planning") : seed_text.index("\nPeople of Concern")]
    text = seed_with(
        seed_text, results + plan, plan + results.replace("year-end results", "end-year results")
    )
    text = seed_with(text, "Key Figures", "Key figures")
    page = parse_page(text)
    assert list(page.key_figures["kind"]) == ["plan"] + ["result"] * 7
    assert page.key_figures["value"].iloc[1] == 7500.0


def test_people_with_percent_line_repeated_year_three_totals_and_breakdown(seed_text):
    text = seed_with(
        seed_text,
        "Increase in\n2019 106,489\n2018 88,419\n",
        "Increase in\n2019\n20%\n2019 106,489\n2018 88,419\n2017 80,001\n"
        '[["Refugees",538],["Asylum-seekers",218],["Stateless",105732]]\n',
    )
    page = parse_page(text)
    assert page.people_of_concern.set_index("year")["total"].to_dict() == {
        2017: 80001,
        2018: 88419,
        2019: 106489,
    }
    assert page.population_by_type.values.tolist() == [
        [2019, "Refugees", 538],
        [2019, "Asylum-seekers", 218],
        [2019, "Stateless", 105732],
    ]


def test_empty_breakdown_and_decrease(seed_text):
    text = seed_with(seed_text, "Increase in\n", "Decrease in\n[]\n")
    assert parse_page(text).population_by_type.empty


def test_five_year_window_with_p3_p4_filled(seed_text):
    line = (
        '2020 {"categories":[2016,2017,2018,2019,2020],"budget":[4,5,6,7,8],'
        '"expenditure":[1,2,3,4,null]} '
        '{"categories":[2016,2017,2018,2019,2020],"p1":[1,1,1,1,1],"p2":[1,1,1,1,1],'
        '"p3":[1,1,2,2,3],"p4":[1,2,2,3,3]} '
        '{"categories":[2016,2017,2018,2019,2020],"p1":[0.25,0.5,0.5,1,null],'
        '"p2":[0.25,0.5,0.5,1,null],"p3":[0.25,0.5,1,1,null],"p4":[0.25,0.5,1,1,null]}'
    )
    start = seed_text.index("2020 {")
    end = seed_text.index("\n", start)
    page = parse_page(seed_text[:start] + line + seed_text[end:])
    assert sorted(set(page.budget["pillar"])) == [1, 2, 3, 4]
    assert len(page.budget) == 20
    p4 = page.budget[(page.budget["pillar"] == 4) & (page.budget["year"] == 2019)].iloc[0]
    assert (p4["budget_usd"], p4["expenditure_usd"]) == (3_000_000.0, 1_000_000.0)


def test_location_line_and_covers_line(seed_text):
    text = seed_with(
        seed_text,
        "Operation: Opération: Kazakhstan Multi-Country Office\n",
        "Operation: Opération: Kazakhstan Multi-Country Office\n"
        "The office covers operations in Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.\n"
        'Location {"longitude":67,"latitude":48,"zoom_level":5,"iso_codes":"\'KAZ\',\'UZB\'"}\n',
    )
    page = parse_page(text)
    assert page.countries == ["KAZ", "KGZ", "TJK", "UZB"]
    assert page.location == {"latitude": 48.0, "longitude": 67.0, "zoom_level": 5.0}


def test_location_codes_name_the_countries_without_a_covers_line(seed_text):
    text = seed_with(
        seed_text,
        "Key Figures\n",
        'Location {"longitude":67,"latitude":48,"zoom_level":5,"iso_codes":"\'KAZ\',\'UZB\'"}'
        "\n\nKey Figures\n",
    )
    assert parse_page(text).countries == ["KAZ", "UZB"]


def test_markup_in_narratives_is_stored_as_escaped_text(seed_text):
    text = seed_with(
        seed_text,
        "Kazakhstan approved statelessness determination procedures.",
        "Kazakhstan <script>alert(1)</script> [link](javascript:alert(1)) *approved*.",
    )
    page = parse_page(text)
    body = dict(page.narratives[(2020, "year-end")])["Key achievements"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "\\[link\\](javascript:alert(1))" in body
    assert "\\*approved\\*" in body


# ---- partial pages: what is whole is imported, the rest is reported --------------------


def truncated(seed_text: str) -> str:
    start = seed_text.index('"p2":[2.10219917')
    return seed_text[:start] + '"p2":[2.1021\n'


def pipe_tables(seed_text: str) -> str:
    start = seed_text.index("2020 {")
    end = seed_text.index("\n", start)
    return seed_text[:start] + "| Year | Budget |\n| 2020 | 3.03 |" + seed_text[end:]


# mutation -> (block left out, words of the reason, the page line it names or None)
PARTIAL = {
    "truncated JSON": (truncated, "budget", "truncated or malformed", 37),
    "missing key figures": (
        lambda s: s.replace("Key Figures\n", "").replace("2020 year-end results\n", ""),
        "key figures",
        "no 'Key figures' heading",
        None,
    ),
    "missing people of concern": (
        lambda s: s.replace("People of Concern", "Persons"),
        "people of concern",
        "no 'People of Concern' heading",
        None,
    ),
    "budget as a pipe table": (pipe_tables, "budget", "no 'YEAR {json} {json} {json}'", None),
    "missing year list": (
        lambda s: s.replace("  • 2015\n  • 2016\n", "").replace("  • 20", "  20"),
        "year list",
        "no bullet list of years",
        None,
    ),
}


@pytest.mark.parametrize("kind", sorted(PARTIAL))
def test_a_partial_page_imports_its_whole_blocks_and_records_the_rest(
    kind, seed_text, tmp_path, data_copy
):
    mutate, block, reason, line = PARTIAL[kind]
    page = tmp_path / "page.txt"
    page.write_text(mutate(seed_text), encoding="utf-8")
    result = run_cli("import", str(page), "--id", "partial", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "left out" in result.stdout and block in result.stdout
    meta = json.loads((data_copy / "operations" / "partial" / "operation.json").read_text())
    (source,) = meta["sources"]
    skipped = [entry for entry in source["skipped"] if entry["block"] == block]
    assert skipped and reason in skipped[0]["reason"]
    assert skipped[0]["line"] == line
    assert load_operation("partial", data_dir=data_copy).meta.skipped


@pytest.mark.parametrize("kind", sorted(PARTIAL))
def test_strict_refuses_a_partial_page_writing_nothing(kind, seed_text, tmp_path, data_copy):
    mutate, block, reason, line = PARTIAL[kind]
    with pytest.raises(PageError) as error:
        parse_page(mutate(seed_text), strict=True)
    assert (error.value.block, error.value.line) == (block, line)
    assert reason in str(error.value)
    page = tmp_path / "page.txt"
    page.write_text(mutate(seed_text), encoding="utf-8")
    before = tree(data_copy)
    result = run_cli(
        "import", str(page), "--id", OPERATION_ID, "--data-dir", str(data_copy), "--strict"
    )
    assert result.returncode != 0
    assert block in result.stderr and "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(data_copy) == before


REFUSED = {
    "empty": (lambda s: "  \n\n", "page", "empty"),
    "no title": (lambda s: s.replace("Operation:", "Office:"), "title", "no 'Operation: <name>'"),
    "no report year": (
        lambda s: s[: s.index("Key Figures")],
        "page",
        "year the page reports on is unknown",
    ),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_a_page_without_title_or_year_is_refused_writing_nothing(
    kind, seed_text, tmp_path, data_copy
):
    mutate, block, message = REFUSED[kind]
    page = tmp_path / "page.txt"
    page.write_text(mutate(seed_text), encoding="utf-8")
    before = tree(data_copy)
    result = run_cli("import", str(page), "--id", OPERATION_ID, "--data-dir", str(data_copy))
    assert result.returncode != 0
    assert f"{block}: " in result.stderr and message in result.stderr
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert tree(data_copy) == before


def test_truncated_json_names_its_line(seed_text):
    with pytest.raises(PageError) as error:
        parse_page(truncated(seed_text), strict=True)
    assert error.value.line == 37


def test_binary_and_non_utf8_input_are_refused(tmp_path, data_copy):
    before = tree(data_copy)
    for name, payload in (("binary", b"\x89PNG\r\n\x1a\n\x00\x00"), ("latin1", b"Op\xe9ration")):
        page = tmp_path / name
        page.write_bytes(payload)
        result = run_cli("import", str(page), "--id", OPERATION_ID, "--data-dir", str(data_copy))
        assert result.returncode != 0
        assert "page:" in result.stderr and "Traceback" not in result.stderr
    assert tree(data_copy) == before


def test_a_block_that_fails_validation_is_left_out_naming_the_page_line(
    seed_text, tmp_path, data_copy
):
    # Pillars no longer add up to the total the page states.
    text = seed_with(seed_text, '"p1":[5.38362755', '"p1":[9.38362755')
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    result = run_cli("import", str(page), "--id", "invalid", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    operation = load_operation("invalid", data_dir=data_copy)
    assert operation.budget.empty
    (skipped,) = operation.meta.skipped
    assert (skipped.block, skipped.line) == ("budget", 37)
    assert "budget_source_totals.csv line 2" in skipped.reason and "2016" in skipped.reason
    assert ".import-" not in result.stdout + result.stderr
    assert not [p for p in (data_copy / "operations").iterdir() if p.name.startswith(".")]


def test_strict_refuses_a_block_that_fails_validation(seed_text, tmp_path, data_copy):
    text = seed_with(seed_text, '"p1":[5.38362755', '"p1":[9.38362755')
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    before = tree(data_copy)
    result = run_cli(
        "import",
        str(page),
        *("--id", OPERATION_ID, "--data-dir", str(data_copy), "--strict", "--replace"),
    )
    assert result.returncode != 0
    assert "line 37, budget:" in result.stderr and "budget_source_totals.csv" in result.stderr
    assert ".import-" not in result.stderr
    assert tree(data_copy) == before


def test_a_crash_midway_through_writing_leaves_existing_data_intact(data_copy, monkeypatch):
    from dashboard.importer import write

    before = tree(data_copy)
    calls = []

    def failing_write_table(path, frame, schema):
        calls.append(path)
        if len(calls) == 2:
            raise OSError("disk full")
        original(path, frame, schema)

    original = write.schema.write_table
    monkeypatch.setattr(write.schema, "write_table", failing_write_table)
    with pytest.raises(OSError):
        rebuild(OPERATION_ID, data_copy, {SEED.name: SEED.read_bytes()})
    assert tree(data_copy) == before
    assert load_operation(OPERATION_ID, data_dir=data_copy).meta.report_year == 2020


def test_invalid_operation_id_is_refused(tmp_path):
    result = run_cli("import", str(SEED), "--id", "../escape", "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "operation id" in result.stderr
    assert not (tmp_path / "escape").exists()


def test_imported_operation_json_is_readable(tmp_path):
    imported = import_page(SEED, "another-op", tmp_path)
    assert imported.folder == tmp_path / "operations" / "another-op"
    meta = json.loads((tmp_path / "operations" / "another-op" / "operation.json").read_text())
    assert meta["id"] == "another-op"
    assert load_operation("another-op", data_dir=tmp_path).meta.name == (
        "Kazakhstan Multi-Country Office"
    )


def test_the_opening_paragraph_is_shown_under_the_operation_s_name(seed_text, tmp_path):
    opening = "UNHCR's Multi-Country Office in Almaty covers operations in Kazakhstan."
    page = tmp_path / "page.txt"
    page.write_text(seed_with(seed_text, "\n\nOperation: ", f"\n{opening}\n\nOperation: "))
    import_page(page, OPERATION_ID, tmp_path / "data")
    client = create_app(data_dir=tmp_path / "data").server.test_client()
    for lang in ("en", "fr"):
        html = client.get(f"/?lang={lang}").get_data(as_text=True)
        frame_texts = texts(first_frame(html)["children"])
        # The paragraph follows the page's title, the operation's name.
        assert frame_texts[frame_texts.index(opening) - 1] == "Kazakhstan Multi-Country Office"
