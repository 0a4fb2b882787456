"""Downloads in French: the notes follow the reader's language, the data never does.

The notes sheet of a workbook and the README.txt of a ZIP are written in the
request's language; CSV bytes, column names, sheet names and file names are the
same in every language.  French text is compared with the catalog's translation
(``translator("fr")``); the tests named ``..._differ_from_english`` also check
that the catalog translates the key strings.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from conftest import OPERATION_ID

from dashboard import i18n
from dashboard.data.dictionary import MISSING_NOTE, PILLAR_NOTE, TABLES
from dashboard.exports.datasets import DATASETS, SHARE, build_dataset
from dashboard.exports.files import NOTES_SHEET, notes_lines, to_csv_bytes, to_xlsx_bytes
from dashboard.i18n import translator
from dashboard.transforms.tables import table_names

BASE = f"/api/v1/operations/{OPERATION_ID}"
SOURCE = "UNHCR Global Focus, Kazakhstan Multi-Country Office"
SOURCE_LINE = "Source: {source}"
AMOUNTS = "Amounts are in US dollars."
COLUMN_LINE = "{column}: {description}"
TABLE_LINE = "Table {name}:"


def _fr(message: str) -> str:
    return translator("fr")(message)


def column_line(table: str, column: str, lang: str = "fr") -> str:
    describe = _fr if lang == "fr" else str
    description = describe(TABLES[table][column])
    return "  " + describe(COLUMN_LINE).format(column=column, description=description)


def book_rows(payload: bytes) -> dict[str, list[tuple]]:
    """Every sheet's rows, read back with openpyxl."""
    book = openpyxl.load_workbook(io.BytesIO(payload), read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def notes_of(rows: dict[str, list[tuple]]) -> list[str]:
    header, *lines = rows[NOTES_SHEET]
    assert header == (NOTES_SHEET,)
    return [line or "" for (line,) in lines]


def test_english_notes_are_unchanged(operation):
    tables = {"budget": operation.budget}
    assert notes_lines(SOURCE, tables, lang="en") == [
        "Source: UNHCR Global Focus, Kazakhstan Multi-Country Office",
        "An empty cell means the source gives no figure; it is not zero.",
        "Pillars: 1 refugee programme, 2 stateless programme, 3 reintegration projects, "
        "4 IDP projects.",
        "Amounts are in US dollars.",
        "",
        "Table budget:",
        "  year: Year of the budget or expenditure.",
        "  pillar: UNHCR pillar number (1-4). Pillars: 1 refugee programme, 2 stateless "
        "programme, 3 reintegration projects, 4 IDP projects.",
        "  budget_usd: Budget of the pillar in the year, in US dollars.",
        "  expenditure_usd: Expenditure of the pillar in the year, in US dollars; empty where "
        "the source reports none (e.g. a year not yet closed).",
        "  source: File name of the source page the row comes from; the operation's Sources "
        "page gives its report year and SHA-256.",
    ]


def test_bundle_workbook_has_french_notes_and_the_same_data(client):
    english = book_rows(client.get(f"{BASE}/all?format=xlsx").data)
    response = client.get(f"{BASE}/all?format=xlsx&lang=fr")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('"kazakhstan-mco_all-tables.xlsx"')
    french = book_rows(response.data)
    assert list(french) == [*table_names(), NOTES_SHEET]
    for name in table_names():
        assert french[name] == english[name], name

    notes = notes_of(french)
    assert len(notes) == len(notes_of(english))
    assert notes[:4] == [
        _fr(SOURCE_LINE).format(source=SOURCE),
        _fr(MISSING_NOTE),
        _fr(PILLAR_NOTE),
        _fr(AMOUNTS),
    ]
    for name in table_names():
        assert _fr(TABLE_LINE).format(name=name) in notes
    assert column_line("budget", "budget_usd") in notes
    assert column_line("contributions", "donor_type") in notes


def test_accept_language_chooses_the_notes_language(client):
    by_header = client.get(f"{BASE}/all?format=xlsx", headers={"Accept-Language": "fr"})
    by_param = client.get(f"{BASE}/all?format=xlsx&lang=fr")
    assert notes_of(book_rows(by_header.data)) == notes_of(book_rows(by_param.data))


def test_zip_has_a_french_readme_and_the_same_csv_bytes(client):
    english = zipfile.ZipFile(io.BytesIO(client.get(f"{BASE}/all?format=zip").data))
    french = zipfile.ZipFile(io.BytesIO(client.get(f"{BASE}/all?format=zip&lang=fr").data))
    assert french.namelist() == english.namelist()
    for name in table_names():
        csv = french.read(f"{name}.csv")
        assert csv == english.read(f"{name}.csv"), name
        assert csv == client.get(f"{BASE}/{name}?format=csv").data, name
    readme = french.read("README.txt").decode("utf-8").splitlines()
    assert readme[0] == _fr(SOURCE_LINE).format(source=SOURCE)
    assert _fr(MISSING_NOTE) in readme
    assert column_line("budget", "pillar") in readme


@pytest.mark.parametrize("table", table_names())
def test_csv_is_the_same_in_every_language(client, operation, table):
    url = f"{BASE}/{table}?year=2020&format=csv"
    english = client.get(url).data
    assert client.get(f"{url}&lang=fr").data == english
    assert client.get(url, headers={"Accept-Language": "fr"}).data == english
    assert english.decode("utf-8").splitlines()[0] == ",".join(operation.table(table).columns)


def test_dataset_workbook_has_french_notes_and_english_columns(operation):
    dataset = build_dataset("budget-split-by-pillar", operation, 2020)
    tables, docs = {"data": dataset.frame}, {"data": dataset.columns}
    english = book_rows(to_xlsx_bytes(tables, SOURCE, docs, lang="en"))
    french = book_rows(to_xlsx_bytes(tables, SOURCE, docs, lang="fr"))
    assert list(french) == ["data", NOTES_SHEET]
    assert french["data"] == english["data"]
    assert french["data"][0] == tuple(dataset.frame.columns)
    share = "  " + _fr(COLUMN_LINE).format(column="budget_share_percent", description=_fr(SHARE))
    assert share in notes_of(french)
    assert to_csv_bytes(dataset.frame).decode("utf-8").startswith("year,pillar,pillar_name,")


@pytest.mark.parametrize("name", DATASETS)
def test_every_downloaded_column_has_a_description(operation, name):
    dataset = build_dataset(name, operation, 2020)
    assert all(dataset.columns.get(column) for column in dataset.frame.columns)


@pytest.mark.parametrize("table", table_names())
def test_every_table_column_has_a_description(operation, table):
    assert set(operation.table(table).columns) <= set(TABLES[table])


class StandInCatalog(dict):
    """Translates every message by tagging it, so an untranslated string stands out."""

    def get(self, message: str, default: str | None = None) -> str:
        return f"«fr» {message}"


def test_every_line_of_the_notes_goes_through_the_catalog(client, monkeypatch):
    monkeypatch.setattr(i18n, "messages", lambda lang: StandInCatalog() if lang == "fr" else {})
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{BASE}/all?format=zip&lang=fr").data))
    readme = archive.read("README.txt").decode("utf-8").splitlines()
    lines = [line.strip() for line in readme if line]
    assert lines and all(line.startswith("«fr» ") for line in lines)
    assert column_line("budget", "year") == "  «fr» year: «fr» Year of the budget or expenditure."
    workbook = book_rows(client.get(f"{BASE}/all?format=xlsx&lang=fr").data)
    assert notes_of(workbook) == readme


def test_french_notes_differ_from_english(client):
    """Awaits the French catalog: the key notes are translated."""
    for message in (SOURCE_LINE, MISSING_NOTE, PILLAR_NOTE, AMOUNTS, TABLE_LINE, SHARE):
        assert _fr(message) != message, message
    assert _fr(TABLES["budget"]["budget_usd"]) != TABLES["budget"]["budget_usd"]
    english = notes_of(book_rows(client.get(f"{BASE}/all?format=xlsx").data))
    french = notes_of(book_rows(client.get(f"{BASE}/all?format=xlsx&lang=fr").data))
    assert french[0] != english[0]
    assert column_line("budget", "pillar") != column_line("budget", "pillar", lang="en")
