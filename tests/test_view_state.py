"""What a URL asks for, checked against the operation's years and ids."""

from __future__ import annotations

from dashboard.transforms.view_state import (
    query_year,
    read_query,
    requested_location,
    resolve_operation,
    resolve_year,
    with_params,
)

YEARS = (2015, 2016, 2017, 2018, 2019, 2020, 2021)


def test_read_query_first_value_wins_and_oversized_is_ignored():
    assert read_query("?year=2019&year=2018&op=x") == {"year": "2019", "op": "x"}
    assert read_query("") == {}
    assert read_query("?year=" + "9" * 5000) == {}


def test_with_params_sets_and_removes():
    assert with_params("?year=2019&op=x", year=2020) == "?year=2020&op=x"
    assert with_params("?year=2019", year=None) == ""
    assert with_params(None, year=2018) == "?year=2018"


def test_resolve_year():
    assert resolve_year("2019", YEARS, 2020, "en") == (2019, None)
    assert resolve_year(None, YEARS, 2020, "en") == (2020, None)
    for bad in ("abc", "1800", "99999999999999999999", "２０１９", "-2019", "2019.0"):
        year, notice = resolve_year(bad, YEARS, 2020, "en")
        assert year == 2020
        assert notice and "showing 2020" in notice


def test_query_year_is_the_year_a_query_shows():
    assert query_year({"year": "2019", "country": "TKM"}, YEARS, 2020) == 2019
    assert query_year({}, YEARS, 2020) == 2020
    assert query_year({"year": "1800"}, YEARS, 2020) == 2020


def test_resolve_operation():
    assert resolve_operation("b", ["a", "b"], "a", "en") == ("b", None)
    operation, notice = resolve_operation("zzz", ["a", "b"], "a", "en")
    assert operation == "a" and "zzz" in notice


def test_requested_location_is_a_page_of_this_site_only():
    page = "http://localhost:8050/budget?year=2019&lang=fr"
    assert requested_location(page, "localhost:8050") == (
        "/budget",
        "?year=2019&lang=fr",
        page,
    )
    assert requested_location("https://localhost:8050", "localhost:8050") == (
        "/",
        "",
        "https://localhost:8050",
    )
    for other in (None, "", "http://example.org/budget", "ftp://localhost:8050/", "/budget"):
        assert requested_location(other, "localhost:8050") is None
