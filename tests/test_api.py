"""The data API answers the same numbers as the data layer, and 4xx JSON for bad requests."""

from __future__ import annotations

import io
import math
import zipfile

import pandas as pd
import pytest
from conftest import OPERATION_ID

from dashboard import i18n
from dashboard.i18n import translator

BASE = f"/api/v1/operations/{OPERATION_ID}"
TABLES = [
    "budget",
    "people_of_concern",
    "population_by_type",
    "population_by_country",
    "key_figures",
    "narratives",
    "contributions",
    "revisions",
]


def rows_of(frame: pd.DataFrame) -> list[dict]:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out.to_dict(orient="records")


def equal_records(actual: list[dict], expected: list[dict]) -> None:
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected, strict=True):
        assert set(got) == set(want)
        for key, value in want.items():
            if isinstance(value, float) and math.isnan(value):
                assert got[key] is None or (isinstance(got[key], float) and math.isnan(got[key]))
            else:
                assert got[key] == value, (key, got[key], value)


def assert_csv_matches(parsed: pd.DataFrame, want: pd.DataFrame) -> None:
    """Compare a parsed-back CSV with the data layer, value by value."""
    want = pd.DataFrame(rows_of(want), columns=want.columns)
    assert list(parsed.columns) == list(want.columns)
    assert len(parsed) == len(want)
    for column in want.columns:
        if pd.api.types.is_numeric_dtype(want[column]):
            for got, value in zip(parsed[column], want[column], strict=True):
                assert (math.isnan(got) and math.isnan(value)) or got == value, column
        else:
            shown = parsed[column].astype(object).fillna("").astype(str)
            assert shown.tolist() == want[column].tolist()


def expected(operation, table: str, year: int) -> pd.DataFrame:
    frame = operation.table(table)
    years = frame["date"].dt.year if table == "contributions" else frame["year"]
    return frame[years == year]


def test_list_operations(client):
    body = client.get("/api/v1/operations").get_json()
    assert [op["id"] for op in body["operations"]] == [OPERATION_ID]
    assert body["operations"][0]["tables"] == TABLES


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("year", [2020, 2021])
def test_each_table_as_json_and_csv(client, operation, table, year):
    want = expected(operation, table, year)
    response = client.get(f"{BASE}/{table}?year={year}&format=json")
    assert response.status_code == 200
    body = response.get_json()
    assert body["columns"] == list(operation.table(table).columns)
    equal_records(body["rows"], rows_of(want))

    response = client.get(f"{BASE}/{table}?year={year}&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert_csv_matches(pd.read_csv(io.BytesIO(response.data)), want)


def test_budget_numbers_match_the_seed(client):
    rows = client.get(f"{BASE}/budget?year=2020").get_json()["rows"]
    # Seed line 37: p1 budget 2.32328021, p2 expenditure 0.61878303 (USD millions), 2020.
    by_pillar = {row["pillar"]: row for row in rows}
    assert by_pillar[1]["budget_usd"] == 2323280.21
    assert by_pillar[2]["expenditure_usd"] == 618783.03
    rows_2021 = client.get(f"{BASE}/budget?year=2021").get_json()["rows"]
    assert [row["expenditure_usd"] for row in rows_2021] == [None, None]  # null in the seed


def test_whole_operation_zip_and_xlsx(client, operation):
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{BASE}/all?format=zip").data))
    assert sorted(archive.namelist()) == sorted([f"{t}.csv" for t in TABLES] + ["README.txt"])
    readme = archive.read("README.txt").decode()
    assert "Source: UNHCR Global Focus, Kazakhstan Multi-Country Office" in readme
    assert "budget_usd:" in readme
    budget = pd.read_csv(archive.open("budget.csv"))
    assert budget["budget_usd"].tolist() == operation.budget["budget_usd"].tolist()

    response = client.get(f"{BASE}/all?format=xlsx")
    assert response.status_code == 200
    sheets = pd.read_excel(io.BytesIO(response.data), sheet_name=None, engine="openpyxl")
    assert list(sheets) == [*TABLES, "notes"]
    assert sheets["people_of_concern"]["total"].tolist() == [88419, 106489]  # seed lines 28-29
    assert len(sheets["contributions"]) == 18


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/operations/nowhere/budget", 404, "unknown operation"),
        ("/api/v1/operations/nowhere", 404, "unknown operation"),
        (f"{BASE}/salaries", 404, "unknown table"),
        (f"{BASE}/budget?format=xml", 400, "format must be one of json, csv"),
        (f"{BASE}/budget?year=abc", 400, "year must be one of 2015-2021"),
        (f"{BASE}/budget?year=1800", 400, "year must be one of 2015-2021"),
        (f"{BASE}/budget?year=99999999999999999999", 400, "year must be"),
        (f"{BASE}/all?format=pdf", 400, "format must be one of xlsx, zip"),
        ("/api/v1/whatever", 404, "no API endpoint"),
    ],
)
def test_errors_are_json_4xx(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.get_json()["error"]
    assert client.get("/api/v1/operations").status_code == 200


UNKNOWN_TABLE = "unknown table '{table}'; tables: {tables}"
UNKNOWN_LANGUAGE = "lang must be one of {languages}, not '{value}'"
ALL_TABLES = ", ".join(TABLES)
# Each error in French: the URL, the status, the English message and its values.
FRENCH_ERRORS = [
    (
        "/api/v1/operations/nowhere/budget",
        404,
        "unknown operation '{operation}'; see /api/v1/operations",
        {"operation": "nowhere"},
    ),
    (f"{BASE}/salaries", 404, UNKNOWN_TABLE, {"table": "salaries", "tables": ALL_TABLES}),
    (
        f"{BASE}/budget?format=xml",
        400,
        "format must be one of {formats}, not '{value}'",
        {"formats": "json, csv", "value": "xml"},
    ),
    (
        f"{BASE}/budget?year=1800",
        400,
        "year must be one of {first}-{last}, not '{value}'",
        {"first": 2015, "last": 2021, "value": "1800"},
    ),
    (
        f"{BASE}/all?format=pdf",
        400,
        "format must be one of {formats}, not '{value}'",
        {"formats": "xlsx, zip", "value": "pdf"},
    ),
    ("/api/v1/whatever", 404, "no API endpoint at /api/v1/{path}", {"path": "whatever"}),
]


def error_of(response) -> str:
    assert response.is_json
    return response.get_json()["error"]


@pytest.mark.parametrize(("url", "status", "message", "values"), FRENCH_ERRORS)
def test_errors_in_french_with_lang_parameter(client, url, status, message, values):
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}lang=fr")
    assert response.status_code == status
    assert error_of(response) == translator("fr")(message).format(**values)
    english = client.get(url)
    assert error_of(english) == message.format(**values)


@pytest.mark.parametrize(("url", "status", "message", "values"), FRENCH_ERRORS)
def test_errors_follow_accept_language_without_lang_parameter(client, url, status, message, values):
    french = translator("fr")(message).format(**values)
    for header in ("fr", "fr-CH, en;q=0.5", "de, fr;q=0.8"):
        response = client.get(url, headers={"Accept-Language": header})
        assert response.status_code == status
        assert error_of(response) == french, header
    for header in ("en-GB, fr;q=0.5", "de", ""):
        response = client.get(url, headers={"Accept-Language": header})
        assert error_of(response) == message.format(**values), header


def test_lang_parameter_wins_over_accept_language(client):
    values = {"table": "salaries", "tables": ALL_TABLES}
    response = client.get(f"{BASE}/salaries?lang=en", headers={"Accept-Language": "fr"})
    assert error_of(response) == UNKNOWN_TABLE.format(**values)
    response = client.get(f"{BASE}/salaries?lang=fr", headers={"Accept-Language": "en"})
    assert error_of(response) == translator("fr")(UNKNOWN_TABLE).format(**values)


@pytest.mark.parametrize("url", [f"{BASE}/budget?lang=xx", "/api/v1/operations?lang=EN"])
def test_unknown_language_is_a_400_in_every_language(client, url):
    response = client.get(url, headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    value = url.rsplit("=", 1)[1]
    error = error_of(response)
    for lang in ("en", "fr"):
        assert translator(lang)(UNKNOWN_LANGUAGE).format(languages="en, fr", value=value) in error


def test_language_is_chosen_per_request_with_a_stand_in_catalog(client, monkeypatch):
    """The choice of language, checked with a one-message catalog (independent of the .po)."""
    french = {UNKNOWN_TABLE: "FR table inconnue '{table}'"}
    monkeypatch.setattr(i18n, "messages", lambda lang: french if lang == "fr" else {})
    expected_fr = "FR table inconnue 'salaries'"
    assert error_of(client.get(f"{BASE}/salaries?lang=fr")) == expected_fr
    fr_header = {"Accept-Language": "fr-CH, en;q=0.5"}  # a region tag still matches fr
    assert error_of(client.get(f"{BASE}/salaries", headers=fr_header)) == expected_fr
    assert error_of(client.get(f"{BASE}/salaries?lang=en", headers=fr_header)).startswith(
        "unknown table 'salaries'"
    )
    assert error_of(client.get(f"{BASE}/salaries")).startswith("unknown table 'salaries'")


def test_errors_in_french_differ_from_english(client):
    """Awaits the French catalog."""
    for url, _status, message, values in FRENCH_ERRORS:
        french = error_of(client.get(url, headers={"Accept-Language": "fr"}))
        assert french != message.format(**values), url
    error = error_of(client.get(f"{BASE}/budget?lang=xx"))
    english, french = error.split(" / ")
    assert english == UNKNOWN_LANGUAGE.format(languages="en, fr", value="xx")
    assert french == translator("fr")(UNKNOWN_LANGUAGE).format(languages="en, fr", value="xx")


def test_language_changes_no_json_key_or_value(client):
    english = client.get(f"{BASE}/budget?year=2020").get_json()
    assert client.get(f"{BASE}/budget?year=2020&lang=fr").get_json() == english
    french_header = client.get(f"{BASE}/budget?year=2020", headers={"Accept-Language": "fr"})
    assert french_header.get_json() == english
    assert "Accept-Language" in french_header.headers["Vary"]
    operations = client.get("/api/v1/operations").get_json()
    assert client.get("/api/v1/operations?lang=fr").get_json() == operations
