"""Printing a page (Chromium's print-to-PDF) gives a clean A4 document."""

from __future__ import annotations

import base64
import io
import unicodedata

from browser import start
from pypdf import PdfReader

from dashboard.app import create_app

A4_INCHES = (8.27, 11.69)
SOURCE = "Source: UNHCR Global Focus, Kazakhstan Multi-Country Office"


def print_to_pdf(dash_duo) -> PdfReader:
    result = dash_duo.driver.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
    )
    return PdfReader(io.BytesIO(base64.b64decode(result["data"])))


def test_budget_page_prints_without_navbar_and_with_source_on_every_page(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2020")
    dash_duo._wait_for(
        lambda driver: driver.execute_script(
            "return document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4"
        ),
        None,
        "charts drawn",
    )
    pdf = print_to_pdf(dash_duo)
    width, height = (float(v) / 72 for v in pdf.pages[0].mediabox.upper_right)
    assert abs(width - A4_INCHES[0]) < 0.05 and abs(height - A4_INCHES[1]) < 0.05
    # NFKC undoes the ligatures (ﬃ) of the PDF's text layer; split/join folds line breaks.
    texts = [
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in pdf.pages
    ]
    whole = "\n".join(texts)
    assert "Budget and expenditure in 2020" in whole
    assert "81.5%" in whole  # 2.4726215700000003 / 3.03404521, seed line 37
    for text in texts:
        # The repeated footer: operation, year and source on every printed page.
        assert "Kazakhstan Multi-Country Office · 2020 · " + SOURCE in text
    for control in ("Copy link", "Overview", "Narratives", "Contributions", "Download data"):
        assert control not in whole, control
