"""axe-core on every page, at desktop and phone width, with every chart's table open.

axe-core 4.14.1 (``tests/vendor/axe.min.js``, MPL-2.0) checks the rendered
pages against its WCAG 2.0/2.1 A and AA rules (contrast, names and labels,
landmarks, duplicate ids, ARIA use, ...).  A violation of impact "serious" or
"critical" fails the test; every violation found is printed with its rule id,
impact, selectors and HTML.  One browser session per width visits the pages.

Also checked on each page: ``<html lang>`` of the interface language and a
title naming the page, the year and the operation (operation name: seed line 1;
default year 2020: the seed's year-end results, line 14).  The French pages
(``?lang=fr``) are audited the same way.
"""

from __future__ import annotations

from a11y import (
    AXE_VERSION,
    BLOCKING,
    PHONE,
    describe,
    repeated_ids,
    run_axe,
    wait_until_settled,
)
from browser import assert_stayed_local, start
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.app import create_app

OPERATION = "Kazakhstan Multi-Country Office"  # seed line 1
# Path -> expected title.  2015 has no figures at all on the seed page (empty states).
PAGES = {
    "/": f"Overview · 2020 · {OPERATION}",
    "/budget": f"Budget · 2020 · {OPERATION}",
    "/narratives": f"Narratives · 2020 · {OPERATION}",
    "/contributions?year=2021": f"Contributions · 2021 · {OPERATION}",
    "/?year=2015": f"Overview · 2015 · {OPERATION}",
    "/budget?year=2015": f"Budget · 2015 · {OPERATION}",
    "/narratives?year=2015": f"Narratives · 2015 · {OPERATION}",
    "/contributions?year=2015": f"Contributions · 2015 · {OPERATION}",
    "/?lang=fr": f"Vue d'ensemble · 2020 · {OPERATION}",
    "/budget?lang=fr&year=2021": f"Budget · 2021 · {OPERATION}",
    "/narratives?lang=fr": f"Récits · 2020 · {OPERATION}",
    "/contributions?lang=fr&year=2021": f"Contributions · 2021 · {OPERATION}",
    "/sources": f"Sources · 2020 · {OPERATION}",
    "/sources?lang=fr": f"Sources · 2020 · {OPERATION}",
}

OPEN_TABLES = """
const toggles = Array.from(document.querySelectorAll('.table-toggle[aria-expanded="false"]'));
toggles.forEach((button) => button.click());
return toggles.length;
"""
TABLES_OPEN = """
return Array.from(document.querySelectorAll('.table-toggle')).every((button) =>
  button.getAttribute('aria-expanded') === 'true' &&
  !document.getElementById(button.getAttribute('aria-controls')).parentElement.hidden);
"""


def audit_pages(dash_duo, width: str) -> list[str]:
    """Visit every page, check lang and title, open the tables, run axe; return failures."""
    driver = dash_duo.driver
    failures, report = [], []
    for path, title in PAGES.items():
        driver.get(dash_duo.server_url + path)
        wait_until_settled(driver)
        WebDriverWait(driver, 10).until(lambda d, t=title: d.title == t)
        lang = "fr" if "lang=fr" in path else "en"
        assert driver.find_element("css selector", "html").get_attribute("lang") == lang
        driver.execute_script(OPEN_TABLES)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(TABLES_OPEN))
        assert repeated_ids(driver) == [], path
        result = run_axe(driver)
        assert result["version"] == AXE_VERSION
        page = f"{width} {path}"
        if result["violations"]:
            report.append(describe(page, result["violations"]))
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        if blocking:
            failures.append(describe(page, blocking))
    print("\n".join(report) or f"{width}: no axe violations")
    return failures


def test_no_serious_axe_violations_at_desktop_width(dash_duo):
    start(dash_duo, create_app())
    assert audit_pages(dash_duo, "desktop") == []
    assert_stayed_local(dash_duo)


def test_no_serious_axe_violations_at_phone_width(dash_duo):
    start(dash_duo, create_app())
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    assert audit_pages(dash_duo, "phone") == []
    assert_stayed_local(dash_duo)
