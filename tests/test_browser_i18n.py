"""English and French in the browser: the switch, the URL, and no English on French pages.

The French page scan reads the text of every page (hidden text included, so
the "Hide table" labels and closed tables count) after removing what is
marked ``lang="en"`` (the source's own sentences) and plotly's toolbar.  It
fails on any English fragment of the catalog's messages, on numbers grouped
the English way (``7,500``) and on common English words.
"""

from __future__ import annotations

import pytest
from a11y import wait_until_settled
from browser import assert_stayed_local, start
from english_scan import english_found
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.app import create_app

FRENCH_PAGES = [
    "/?lang=fr",
    "/?lang=fr&year=2015",
    "/?lang=fr&year=2019&country=UZB",
    "/budget?lang=fr",
    "/budget?lang=fr&year=2021",
    "/budget?lang=fr&year=2015",
    "/narratives?lang=fr",
    "/narratives?lang=fr&year=2015",
    "/contributions?lang=fr&year=2021",
    "/contributions?lang=fr&year=2021&donor=private",
    "/contributions?lang=fr&year=2015",
    "/no-such-page?lang=fr",
]
OPEN_TABLES = """
document.querySelectorAll('.table-toggle[aria-expanded="false"]').forEach((b) => b.click());
"""
PAGE_TEXT = """
const copy = document.body.cloneNode(true);
copy.querySelectorAll('[lang="en"], script, style, .modebar-container').forEach((e) => e.remove());
// Each SVG label (an axis tick, a legend entry) is a word of its own.
copy.querySelectorAll('svg text').forEach((e) => e.append(' '));
copy.querySelectorAll('[aria-label], [title]').forEach((e) => {
  e.append(' ' + (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''));
});
return copy.textContent.replace(/\\s+/g, ' ');
"""


def test_the_scan_finds_english(dash_duo):
    """The same scan on an English page finds plenty: it is not blind."""
    start(dash_duo, create_app(), "/budget")
    wait_until_settled(dash_duo.driver)
    text = dash_duo.driver.execute_script(PAGE_TEXT)
    assert len(english_found(text)) > 10
    assert "Budget and expenditure" in english_found(text)


def test_french_pages_have_no_english(dash_duo):
    start(dash_duo, create_app(), FRENCH_PAGES[0])
    driver = dash_duo.driver
    leaks = {}
    for path in FRENCH_PAGES:
        driver.get(dash_duo.server_url + path)
        wait_until_settled(driver)
        WebDriverWait(driver, 10).until(
            lambda d: d.find_element("css selector", "html").get_attribute("lang") == "fr"
        )
        driver.execute_script(OPEN_TABLES)
        found = english_found(driver.execute_script(PAGE_TEXT))
        if found:
            leaks[path] = sorted(set(found))
    assert not leaks, "\n".join(f"{path}: {found}" for path, found in leaks.items())
    assert_stayed_local(dash_duo)


def test_language_switch_is_in_the_url_and_follows_the_reader(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2019")
    driver = dash_duo.driver
    html = driver.find_element("css selector", "html")
    assert html.get_attribute("lang") == "en"
    dash_duo.wait_for_text_to_equal("#year-label", "Year")

    dash_duo.find_element(".language-switch span[lang='fr']").click()
    dash_duo.wait_for_text_to_equal("#year-label", "Année")
    WebDriverWait(driver, 10).until(lambda d: "lang=fr" in d.current_url)
    assert "year=2019" in driver.current_url and "/budget" in driver.current_url
    WebDriverWait(driver, 10).until(lambda d: html.get_attribute("lang") == "fr")
    dash_duo.wait_for_text_to_equal("h1", "Budget et dépenses")
    WebDriverWait(driver, 10).until(lambda d: d.title.startswith("Budget · 2019"))

    # The page links carry the language: the next page is French too.
    dash_duo.find_element("a.nav-link[href^='/narratives']").click()
    dash_duo.wait_for_text_to_equal("h1", "Récits, 2019")
    assert "lang=fr" in driver.current_url
    WebDriverWait(driver, 10).until(lambda d: d.title.startswith("Récits · 2019"))

    # Back to English: the URL drops the parameter.
    dash_duo.find_element(".language-switch span[lang='en']").click()
    dash_duo.wait_for_text_to_equal("h1", "Narratives, 2019")
    WebDriverWait(driver, 10).until(lambda d: "lang=" not in d.current_url)
    assert html.get_attribute("lang") == "en"
    assert_stayed_local(dash_duo)


def test_a_french_link_opens_in_french_from_the_first_byte(dash_duo):
    """The server declares ``<html lang="fr">`` before any script has run."""
    start(dash_duo, create_app())
    response = dash_duo.driver.execute_script(
        "const r = await fetch('/contributions?lang=fr&year=2021'); return await r.text();"
    )
    assert '<html lang="fr">' in response


@pytest.mark.parametrize("raw", ["de", "fr-CA", "x" * 60])
def test_an_unknown_language_says_so_and_shows_english(dash_duo, raw):
    start(dash_duo, create_app(), f"/?lang={raw}")
    dash_duo.wait_for_contains_text("#year-notice", "is not a language of this dashboard")
    notice = dash_duo.find_element("#year-notice").text
    assert "n'est pas une langue de ce tableau de bord" in notice
    assert dash_duo.find_element("html").get_attribute("lang") == "en"
    dash_duo.wait_for_text_to_equal("#year-label", "Year")


def test_the_chart_toolbar_speaks_the_page_language(dash_duo):
    """plotly.js's French locale is in the served bundle and the charts use it."""
    start(dash_duo, create_app(), "/budget?lang=fr&year=2020")
    wait_until_settled(dash_duo.driver)
    titles = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#budget-vs-expenditure .modebar-btn'))"
        ".map((b) => b.getAttribute('data-title'));"
    )
    assert "Télécharger le graphique en fichier PNG" in titles
    assert "Réinitialiser les axes" in titles  # plotly.js's French for "Reset axes"
    # Every button is in French, and none sends the chart off the machine.
    assert not [title for title in titles if english_found(title) or "Share" in title]
    assert_stayed_local(dash_duo)
