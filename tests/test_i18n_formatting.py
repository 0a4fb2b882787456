"""Numbers, money, dates and country names in English and French (Babel's CLDR data).

Values come from the seed page: the 2016 budget of USD 7,485,826.72 (seed line 37,
``seed_values.BUDGET``), 7,500 from the key figures and the contribution dated
15-OCT-2021 in the "Latest contributions" list.
"""

from __future__ import annotations

import datetime

import pytest
from babel.numbers import format_decimal as babel_format_decimal
from seed_values import BUDGET

from dashboard.wording.countries import country_name
from dashboard.wording.formatting import (
    format_count,
    format_date,
    format_key_figure,
    format_percent,
    format_usd,
    format_usd_millions,
)

NNBSP = "\u202f"  # CLDR's French group separator (narrow no-break space)
BUDGET_2016 = BUDGET[0] * 1_000_000


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "7,500"), ("fr", f"7{NNBSP}500")],
)
def test_counts(lang, expected):
    assert format_count(7500, lang) == expected


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "lang", "expected"),
    [
        # Seed line 15 as printed, and as pages qualify figures (">6,000", "<50", "around 300").
        (7500, "count", "exact", "en", "7,500"),
        (6000, "count", "over", "en", "over 6,000"),
        (6000, "count", "over", "fr", f"plus de 6{NNBSP}000"),
        (50, "count", "under", "en", "under 50"),
        (50, "count", "under", "fr", "moins de 50"),
        (300, "count", "around", "fr", "environ 300"),
        # Seed line 23.
        (100, "percent", "exact", "en", "100%"),
        (80, "percent", "over", "en", "over 80%"),
    ],
)
def test_key_figures_keep_their_qualifier(value, unit, qualifier, lang, expected):
    assert format_key_figure(value, unit, qualifier, lang) == expected


def test_money_in_millions_puts_the_currency_where_each_language_does():
    assert format_usd_millions(BUDGET_2016, "en") == "USD 7.49 M"
    assert format_usd_millions(BUDGET_2016, "fr") == "7,49 M USD"


def test_exact_money():
    assert format_usd(BUDGET_2016, "en") == "USD 7,485,826.72"
    assert format_usd(BUDGET_2016, "fr") == f"7{NNBSP}485{NNBSP}826,72 USD"


def test_percent():
    assert format_percent(81.46, 1, "en") == "81.5%"
    assert format_percent(81.46, 1, "fr") == "81,5\u00a0%"  # no-break space


def test_dates():
    day = datetime.date(2021, 10, 15)
    assert format_date(day, "en") == "15 Oct 2021"
    assert format_date(day, "fr") == "15 oct. 2021"


def test_missing_figures_read_no_data_in_each_language():
    assert format_count(None, "en") == "no data"
    assert format_usd_millions(float("nan"), "fr") == "pas de données"


def test_country_names():
    assert [country_name(code, "en") for code in ("KAZ", "TKM", "UZB")] == [
        "Kazakhstan",
        "Turkmenistan",
        "Uzbekistan",
    ]
    assert [country_name(code, "fr") for code in ("KAZ", "TKM", "UZB")] == [
        "Kazakhstan",
        "Turkménistan",
        "Ouzbékistan",
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_remembered_numbers_print_as_babel_prints_each_value(lang):
    # Equal keys to a cache, printed differently by Babel (or not): each in both orders.
    locale = "en" if lang == "en" else "fr_FR"
    for values in ([0.0, -0.0], [-0.0, 0.0], [7500, 7500.0], [7500.5, 7500.50]):
        for value in values:
            amount = babel_format_decimal(value, format="#,##0.00", locale=locale)
            assert format_usd(value, lang).replace("USD", "").strip() == amount
