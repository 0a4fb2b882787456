"""Copy link with the keyboard: a real button in the Tab order, in a landmark."""

from __future__ import annotations

from a11y import run_axe, wait_until_settled
from browser import assert_stayed_local, start
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from dashboard.app import create_app


def test_copy_link_with_enter(dash_duo):
    start(dash_duo, create_app(), "/contributions?year=2021&donor=private")
    driver = dash_duo.driver
    wait_until_settled(driver)
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    driver.execute_script("document.querySelector('.nav-link[href^=\"/contributions\"]').focus()")
    for _ in range(6):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.switch_to.active_element.get_attribute("id") == "copy-link":
            break
    assert driver.switch_to.active_element.get_attribute("id") == "copy-link"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_text_to_equal("#copy-link-status", "Link copied.")
    copied = driver.execute_async_script(
        "const done = arguments[0];"
        "navigator.clipboard.readText().then(done, e => done('error ' + e));"
    )
    assert copied.endswith("/contributions?year=2021&donor=private")
    assert [v["id"] for v in run_axe(driver)["violations"]] == []
    assert_stayed_local(dash_duo)
