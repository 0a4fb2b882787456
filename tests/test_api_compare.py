"""``/api/v1/catalogue`` and ``/api/v1/compare``: the tables of many operations, and 4xx JSON.

The app serves the seed's operation and the synthetic ones of
``test_catalogue_table`` (made at test time), plus plain copies so that seven
distinct operations exist.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from conftest import OPERATION_ID
from sparse_data import synthetic_operation
from test_catalogue_table import SEED_BUDGET, SEED_EXPENDITURE, SEED_PEOPLE, synthetic_data

from dashboard.app import create_app
from dashboard.data import list_operations, load_operations
from dashboard.exports.files import to_csv_bytes
from dashboard.i18n import translator
from dashboard.transforms.catalogue import CATALOGUE_COLUMNS, operations_table
from dashboard.transforms.comparison import (
    COMPARISON_BY_YEAR_COLUMNS,
    COMPARISON_OF_YEAR_COLUMNS,
    comparison_by_year,
    comparison_of_year,
)

COPIES = [f"synthetic-copy-{n}" for n in range(1, 4)]
AT_LEAST = "ops must name at least {minimum} different operations, separated by commas"
AT_MOST = "ops can name at most {maximum} operations, not {count}"
UNKNOWN = "unknown operation '{operation}'; see /api/v1/operations"
BAD_YEAR = "year must be one of {first}-{last}, not '{value}'"
BAD_FORMAT = "format must be one of {formats}, not '{value}'"
PAIR = f"{OPERATION_ID},synthetic-b"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = synthetic_data(tmp_path_factory.mktemp("api-compare"))
    for operation_id in COPIES:
        synthetic_operation(data, operation_id, operation_id)
    return data


@pytest.fixture(scope="module")
def client(data):
    return create_app(data_dir=data).server.test_client()


@pytest.fixture(scope="module")
def loaded(data):
    """The same data loaded apart from the app, to write the expected files."""
    return load_operations(list_operations(data), data)


def test_catalogue_as_json(client, loaded):
    response = client.get("/api/v1/catalogue")
    assert response.status_code == 200
    body = response.get_json()
    assert body["columns"] == list(CATALOGUE_COLUMNS)
    by_id = {row["operation_id"]: row for row in body["rows"]}
    assert list(by_id) == list(loaded)  # the data folder's operations, sorted by id
    seed = by_id[OPERATION_ID]
    assert seed["budget_year"] == 2021
    assert seed["budget_usd"] == SEED_BUDGET[2021]
    assert seed["expenditure_usd"] is None  # null in the seed: null, not 0
    assert seed["execution_rate_percent"] is None
    assert (seed["people_year"], seed["people_of_concern"]) == (2019, SEED_PEOPLE[2019])
    double = by_id["synthetic-b"]
    assert double["budget_usd"] == 2 * SEED_BUDGET[2021]
    assert (double["people_year"], double["people_of_concern"]) == (2018, SEED_PEOPLE[2018])
    assert double["people_change_percent"] is None
    empty = by_id["synthetic-empty"]
    assert empty["countries"] == ""
    assert empty["budget_usd"] is None and empty["people_of_concern"] is None


def test_catalogue_as_csv(client, loaded):
    response = client.get("/api/v1/catalogue?format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="all_operations.csv"'
    assert response.data == to_csv_bytes(operations_table(loaded))
    lines = response.data.decode().splitlines()
    seed_line = next(line for line in lines if line.startswith(OPERATION_ID))
    # Budget of 2021, then an empty expenditure and rate: no figure is an empty cell.
    assert f",2021,{SEED_BUDGET[2021]},,,2019,{SEED_PEOPLE[2019]}," in seed_line


def test_compare_a_year_as_json(client):
    response = client.get(f"/api/v1/compare?ops={PAIR}&year=2020")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["operations"], body["year"]) == ([OPERATION_ID, "synthetic-b"], 2020)
    assert body["columns"] == list(COMPARISON_OF_YEAR_COLUMNS)
    seed, double = body["rows"]
    assert seed["budget_usd"] == SEED_BUDGET[2020]
    assert seed["expenditure_usd"] == SEED_EXPENDITURE[2020]
    assert double["budget_usd"] == 2 * SEED_BUDGET[2020]
    assert seed["people_of_concern"] is None  # the seed has no 2020 total
    assert seed["pillar_3_budget_usd"] is None
    assert seed["key_figures"] == 7  # seed lines 15-21


def test_compare_a_year_as_csv(client, loaded):
    response = client.get(f"/api/v1/compare?ops={PAIR}&year=2020&format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    name = f"compare_{OPERATION_ID}_synthetic-b_2020.csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    want = comparison_of_year([loaded[OPERATION_ID], loaded["synthetic-b"]], 2020)
    assert response.data == to_csv_bytes(want)
    parsed = pd.read_csv(io.BytesIO(response.data))
    assert parsed["budget_usd"].tolist() == [SEED_BUDGET[2020], 2 * SEED_BUDGET[2020]]


def test_compare_every_year_as_json_and_csv(client, loaded):
    body = client.get(f"/api/v1/compare?ops={PAIR}").get_json()
    assert body["year"] is None
    assert body["columns"] == list(COMPARISON_BY_YEAR_COLUMNS)
    assert len(body["rows"]) == 2 * 7  # 2015-2021 for each
    by_key = {(row["operation_id"], row["year"]): row for row in body["rows"]}
    assert by_key["synthetic-b", 2019]["people_of_concern"] is None  # removed: null, not 0
    assert by_key["synthetic-b", 2019]["budget_per_person_usd"] is None
    assert by_key[OPERATION_ID, 2018]["budget_per_person_usd"] == pytest.approx(
        SEED_BUDGET[2018] / SEED_PEOPLE[2018]
    )
    response = client.get(f"/api/v1/compare?ops={PAIR}&format=csv")
    name = f"compare_{OPERATION_ID}_synthetic-b_by-year.csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    want = comparison_by_year([loaded[OPERATION_ID], loaded["synthetic-b"]])
    assert response.data == to_csv_bytes(want)


def test_repeated_ids_are_read_once(client):
    once = client.get(f"/api/v1/compare?ops={PAIR}&year=2020").get_json()
    twice = client.get(f"/api/v1/compare?ops={PAIR},{OPERATION_ID}, synthetic-b&year=2020")
    assert twice.status_code == 200
    assert twice.get_json() == once


def test_a_year_only_one_operation_covers(client):
    body = client.get("/api/v1/compare?ops=synthetic-one,synthetic-gap&year=2016").get_json()
    one, gap = body["rows"]
    assert one["budget_usd"] is None and one["key_figures"] == 0  # synthetic-one: 2020 only
    assert gap["budget_usd"] == SEED_BUDGET[2016]


def test_six_operations_can_be_compared(client):
    six = [OPERATION_ID, "synthetic-b", "synthetic-spent", *COPIES, "synthetic-b"]
    response = client.get("/api/v1/compare?year=2020&ops=" + ",".join(six))
    assert response.status_code == 200
    assert response.get_json()["operations"] == six[:-1]


SEVEN = [OPERATION_ID, "synthetic-b", "synthetic-spent", "synthetic-zero", *COPIES]
ERRORS = [
    ("/api/v1/compare", 400, AT_LEAST, {"minimum": 2}),
    ("/api/v1/compare?ops=", 400, AT_LEAST, {"minimum": 2}),
    (f"/api/v1/compare?ops={OPERATION_ID}", 400, AT_LEAST, {"minimum": 2}),
    (f"/api/v1/compare?ops={OPERATION_ID},,{OPERATION_ID}", 400, AT_LEAST, {"minimum": 2}),
    ("/api/v1/compare?ops=" + ",".join(SEVEN), 400, AT_MOST, {"maximum": 6, "count": 7}),
    (f"/api/v1/compare?ops={OPERATION_ID},nowhere", 404, UNKNOWN, {"operation": "nowhere"}),
    (
        f"/api/v1/compare?ops={PAIR}&year=1800",
        400,
        BAD_YEAR,
        {"first": 2015, "last": 2021, "value": "1800"},
    ),
    (
        "/api/v1/compare?ops=synthetic-one,synthetic-gap&year=2015",
        400,
        BAD_YEAR,
        {"first": 2016, "last": 2021, "value": "2015"},
    ),
    (
        f"/api/v1/compare?ops={PAIR}&year=abc",
        400,
        BAD_YEAR,
        {"first": 2015, "last": 2021, "value": "abc"},
    ),
    (
        f"/api/v1/compare?ops={PAIR}&format=xlsx",
        400,
        BAD_FORMAT,
        {"formats": "json, csv", "value": "xlsx"},
    ),
    ("/api/v1/catalogue?format=xml", 400, BAD_FORMAT, {"formats": "json, csv", "value": "xml"}),
]


@pytest.mark.parametrize(("url", "status", "message", "values"), ERRORS)
def test_errors_are_json_4xx_in_the_request_s_language(client, url, status, message, values):
    response = client.get(url)
    assert response.status_code == status
    assert response.is_json
    assert response.get_json() == {
        "error": message.format(**values),
        "request_id": response.headers["X-Request-ID"],
    }
    separator = "&" if "?" in url else "?"
    french = client.get(f"{url}{separator}lang=fr")
    assert french.status_code == status
    assert french.get_json()["error"] == translator("fr")(message).format(**values)


@pytest.mark.parametrize("url", ["/api/v1/catalogue?", f"/api/v1/compare?ops={PAIR}&"])
def test_language_changes_no_table(client, url):
    for chosen in ("json", "csv"):
        english = client.get(f"{url}format={chosen}").data
        assert client.get(f"{url}format={chosen}&lang=fr").data == english
        assert (
            client.get(f"{url}format={chosen}", headers={"Accept-Language": "fr"}).data == english
        )
