"""Country names as UNHCR pages print them, and the ISO 3166 alpha-3 codes they stand for."""

from __future__ import annotations

import pytest

from dashboard.importer.countries import ALIASES, countries_named_in, country_code

# (name as a UNHCR page prints it, its ISO 3166 alpha-3 code)
NAMES = [
    ("Afghanistan", "AFG"),
    ("Germany", "DEU"),
    ("Japan", "JPN"),
    ("Qatar", "QAT"),
    ("Ireland", "IRL"),
    ("Italy", "ITA"),
    ("Kazakhstan", "KAZ"),
    ("Uzbekistan", "UZB"),
    ("Guinea Bissau", "GNB"),
    ("Guinea-Bissau", "GNB"),
    ("Guinea", "GIN"),
    ("Equatorial Guinea", "GNQ"),
    ("Papua New Guinea", "PNG"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Islamic Republic of Iran", "IRN"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Bolivarian Republic of Venezuela", "VEN"),
    ("the Republic of Moldova", "MDA"),
    ("Republic of Moldova", "MDA"),
    ("Syrian Arab Republic", "SYR"),
    ("Syria", "SYR"),
    ("Trinidad & Tobago", "TTO"),
    ("Trinidad and Tobago", "TTO"),
    ("Curaçao", "CUW"),
    ("Democratic Republic of the Congo", "COD"),
    ("Dem. Rep. of the Congo", "COD"),
    ("Congo", "COG"),
    ("Republic of the Congo", "COG"),
    ("United Republic of Tanzania", "TZA"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Lao People's Democratic Republic", "LAO"),
    ("Lao People’s Democratic Republic", "LAO"),
    ("Micronesia (Federated States of)", "FSM"),
    ("Kyrgyz Republic", "KGZ"),
    ("Kyrgyzstan", "KGZ"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("North Macedonia", "MKD"),
    ("the former Yugoslav Republic of Macedonia", "MKD"),
    ("Eswatini", "SWZ"),
    ("Swaziland", "SWZ"),
    ("Cabo Verde", "CPV"),
    ("Cape Verde", "CPV"),
    ("United Kingdom", "GBR"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("United States of America", "USA"),
    ("United States", "USA"),
    ("USA", "USA"),
    ("Russian Federation", "RUS"),
    ("Russia", "RUS"),
    ("Republic of Korea", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("State of Palestine", "PSE"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("Holy See", "VAT"),
    ("Myanmar", "MMR"),
    ("South Sudan", "SSD"),
    ("Sudan", "SDN"),
    ("Niger", "NER"),
    ("Nigeria", "NGA"),
    ("Dominica", "DMA"),
    ("Dominican Republic", "DOM"),
    ("Timor-Leste", "TLS"),
    ("Brunei Darussalam", "BRN"),
    ("Netherlands", "NLD"),
    ("Netherlands (Kingdom of the)", "NLD"),
    ("Gambia", "GMB"),
    ("The Gambia", "GMB"),
    ("Bahamas", "BHS"),
    ("Central African Republic", "CAF"),
    ("Bosnia and Herzegovina", "BIH"),
    ("Saint Vincent and the Grenadines", "VCT"),
    ("Sao Tome and Principe", "STP"),
    ("Libya", "LBY"),
    ("Chad", "TCD"),
    ("Georgia", "GEO"),
    ("Jordan", "JOR"),
    ("Panama", "PAN"),
    ("Belize", "BLZ"),
    ("El Salvador", "SLV"),
    ("Sint Maarten (Dutch part)", "SXM"),
    ("Saudi Arabia", "SAU"),
]


@pytest.mark.parametrize(("name", "code"), NAMES)
def test_unhcr_name_gives_its_iso3_code(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(("name", "code"), NAMES)
def test_unhcr_name_in_a_sentence_gives_its_code_alone(name: str, code: str) -> None:
    assert countries_named_in(f"Refugees arrived from {name} in 2021.") == [code]


@pytest.mark.parametrize(
    "name",
    [
        "private donors",
        "Private donors",
        "European Union",
        "UN Children's Fund",
        "Education Cannot Wait",
        "Central Emergency Response Fund",
        "Kosovo (S/RES/1244 (1999))",
        "Kosovo",
        "",
    ],
)
def test_a_name_that_is_not_a_country_has_no_code(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("GERMANY", "DEU"),
        ("  Germany ", "DEU"),
        ("CÔTE D'IVOIRE", "CIV"),
        ("guinea  bissau", "GNB"),
    ],
)
def test_names_match_whatever_their_case_and_spacing(name: str, code: str) -> None:
    assert country_code(name) == code


def test_every_alias_gives_its_code() -> None:
    for name, code in ALIASES.items():
        assert len(code) == 3 and code.isalpha() and code.isupper()
        assert country_code(name) == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "UNHCR's Regional Office in Panama covers operations in Belize (since 2018), Cuba, "
            "El Salvador, Guatemala (until 2019), Honduras and Nicaragua.",
            ["PAN", "BLZ", "CUB", "SLV", "GTM", "HND", "NIC"],
        ),
        (
            "the Northern Triangle of Central America (Honduras, El Salvador and Guatemala) "
            "and Cuba",
            ["HND", "SLV", "GTM", "CUB"],
        ),
        ("asylum-seekers from Guinea Bissau", ["GNB"]),
        (
            "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
            ["GIN", "GNB", "GNQ", "PNG"],
        ),
        ("refugees from Niger and Nigeria", ["NER", "NGA"]),
        ("Nigeria and Niger", ["NGA", "NER"]),
        ("Dominica and the Dominican Republic", ["DMA", "DOM"]),
        ("the Dominican Republic and Dominica", ["DOM", "DMA"]),
        ("South Sudan and Sudan", ["SSD", "SDN"]),
        ("the Democratic Republic of the Congo and the Republic of the Congo", ["COD", "COG"]),
        ("Congo and the Dem. Rep. of the Congo", ["COG", "COD"]),
        ("returns to Côte d’Ivoire from Liberia", ["CIV", "LBR"]),
        ("Turkiye, Türkiye and Turkey", ["TUR"]),
        ("in the Republic of Moldova and Romania", ["MDA", "ROU"]),
        ("Venezuela (Bolivarian Republic of) and Colombia", ["VEN", "COL"]),
        ("the United Kingdom of Great Britain and Northern Ireland", ["GBR"]),
        ("Trinidad & Tobago and Curacao", ["TTO", "CUW"]),
        ("Serbia and Kosovo (S/RES/1244 (1999))", ["SRB"]),
        ("KAZAKHSTAN and kyrgyzstan", ["KAZ", "KGZ"]),
        ("Nigerian, Sudanese and Congolese refugees", []),
        ("Syrians in Lebanon, Jordan and Iraq", ["LBN", "JOR", "IRQ"]),
        ("7,500 statelessness cases were resolved in Uzbekistan", ["UZB"]),
        ("20 refugees received multipurpose cash assistance in Turkmenistan", ["TKM"]),
        (
            "100% of targeted households will have their basic needs met through multi-purpose "
            "cash assistance",
            [],
        ),
        ("Contributions from the European Union and private donors", []),
    ],
)
def test_countries_named_in_running_text_in_order_of_mention(text: str, codes: list[str]) -> None:
    assert countries_named_in(text) == codes
