"""No text clipped, outside its chart or over another text, on any page, in either
language, at phone, tablet, laptop and wide-screen widths.

Every page is loaded once per language and year in one browser, then the
window is set to each width in ``layout_check.WIDTHS`` and the page checked
with ``layout_check.layout_problems`` (every chart on the page, whatever it
is).  Years: 2020, the report year (seed line 14); 2015, which has no budget
or people of concern on the seed page; 2021, a budget with no expenditure
(seed line 37).  The comparison shows the seed's operation with two synthetic
copies (``sparse_data``), one of them with years missing.
"""

from __future__ import annotations

import pytest
from a11y import wait_until_settled
from browser import start
from layout_check import WIDTHS, layout_problems, resize
from sparse_data import many_operations

from dashboard.app import create_app

YEARS = (2020, 2015, 2021)
LANGUAGES = ("en", "fr")
PAGES = (
    "/",
    "/budget",
    "/narratives",
    "/contributions",
    "/compare?ops=kazakhstan-mco,synthetic-b,synthetic-c",
)
# The catalogue lists every operation's latest figures, whatever the year.
YEARLESS_PAGES = ("/operations", "/sources")


def address(page: str, lang: str, year: int | None) -> str:
    query = [f"year={year}"] if year else []
    if lang != "en":
        query.append(f"lang={lang}")
    joiner = "&" if "?" in page else "?"
    return page + (joiner + "&".join(query) if query else "")


def views() -> list[tuple[str, str, int | None]]:
    return [
        *((page, lang, year) for page in PAGES for lang in LANGUAGES for year in YEARS),
        *((page, lang, None) for page in YEARLESS_PAGES for lang in LANGUAGES),
    ]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return many_operations(tmp_path_factory.mktemp("layout"), 3)


def test_no_text_is_clipped_or_overlapping(dash_duo, data):
    start(dash_duo, create_app(data_dir=data))
    driver = dash_duo.driver
    failures = []
    for page, lang, year in views():
        driver.get(dash_duo.server_url + address(page, lang, year))
        wait_until_settled(driver)
        for width in WIDTHS:
            resize(driver, width)
            failures.extend(
                f"{page} lang={lang} year={year or '-'} width={width}: {problem}"
                for problem in layout_problems(driver)
            )
    assert failures == [], f"{len(failures)} layout problems:\n" + "\n".join(failures)
