"""The dashboard with the keyboard alone: Tab, Enter, Space and the arrow keys.

Expected numbers are typed in from the seed page
(shared/seeds/000_5ad34c431927eea1.txt): the year list on lines 40-46, the
2021 contributions on lines 89-135 (4 from governments), Turkmenistan's
"over 3,900 stateless persons" on line 58, the 2019 budget (seed line 37:
5.52884917 USD millions).
"""

from __future__ import annotations

from a11y import wait_until_settled
from browser import assert_stayed_local, start
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from dashboard.app import create_app

ACTIVE = """
const e = document.activeElement;
const style = getComputedStyle(e);
return {id: e.id, tag: e.tagName, cls: String(e.className), text: e.textContent.trim(),
        outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
"""
# Visible controls that are out of the Tab order (tabindex < 0 or a click handler on a
# non-focusable element is not detectable; this checks the real controls).
UNREACHABLE = """
return Array.from(document.querySelectorAll('a[href], button, select, input, [role="button"]'))
  .filter((e) => e.offsetParent !== null && (e.tabIndex < 0 || e.disabled))
  .map((e) => e.outerHTML.slice(0, 120));
"""


def active(driver) -> dict:
    return driver.execute_script(ACTIVE)


def press(driver, *keys) -> dict:
    ActionChains(driver).send_keys(*keys).perform()
    return active(driver)


def focus(driver, css: str) -> None:
    driver.execute_script("document.querySelector(arguments[0]).focus();", css)


def wait(driver, condition, timeout: float = 10) -> None:
    WebDriverWait(driver, timeout).until(lambda d: condition())


def assert_focus_visible(state: dict) -> None:
    assert state["outline"] != "none" and state["outlineWidth"] >= 2, state


def test_skip_link_year_select_and_page_links(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    driver = dash_duo.driver
    wait_until_settled(driver)
    assert driver.execute_script(UNREACHABLE) == []

    # From the top of the page the first Tab stop is the skip link, shown when focused.
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    state = press(driver, Keys.TAB)
    assert (state["cls"], state["text"]) == ("skip-link", "Skip to content")
    assert_focus_visible(state)
    assert driver.execute_script("return document.activeElement.getBoundingClientRect().left") >= 0
    # Enter moves the focus to the main content.
    assert press(driver, Keys.ENTER)["id"] == "page-content"

    # After the skip link comes the year select; ArrowDown chooses the year below
    # (the menu lists 2021 first, seed lines 40-46), without a mouse.
    focus(driver, ".skip-link")
    state = press(driver, Keys.TAB)
    assert state["id"] == "year-select"
    assert_focus_visible(state)
    press(driver, Keys.ARROW_DOWN)
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget and expenditure in 2019")
    assert "year=2019" in driver.current_url
    dash_duo.wait_for_text_to_equal("#budget-summary .budget-figure-value", "USD 5.53 M")

    # Tab reaches the page links in menu order; Enter follows one.
    links = []
    for _ in range(8):
        state = press(driver, Keys.TAB)
        if "nav-link" in state["cls"]:
            links.append(state["text"])
            assert_focus_visible(state)
        if state["text"] == "Contributions":
            break
    assert links == ["Overview", "Budget", "Narratives", "Contributions"]
    press(driver, Keys.ENTER)
    wait(driver, lambda: "/contributions?year=2019" in driver.current_url)
    dash_duo.wait_for_text_to_equal("#contributions-heading", "Contributions in 2019")
    assert_stayed_local(dash_duo)


def test_language_switch_with_the_keyboard(dash_duo):
    """After the page links (the last is Compare), Tab reaches English then Français
    (the operation menu is hidden with one operation); Enter switches."""
    start(dash_duo, create_app(), "/budget?year=2019")
    driver = dash_duo.driver
    wait_until_settled(driver)
    focus(driver, ".nav-link[href^='/compare']")
    assert press(driver, Keys.TAB)["text"] == "English"
    state = press(driver, Keys.TAB)
    assert state["text"] == "Français"
    assert_focus_visible(state)
    press(driver, Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#budget-year-heading", "Budget et dépenses en 2019")
    # Seed line 37: 5.52884917 USD millions, written the French way.
    dash_duo.wait_for_text_to_equal("#budget-summary .budget-figure-value", "5,53 M USD")
    assert "lang=fr" in driver.current_url and "year=2019" in driver.current_url
    assert_stayed_local(dash_duo)


def test_table_toggle_with_enter_and_space(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2020")
    driver = dash_duo.driver
    wait_until_settled(driver)
    toggle = ".chart-figure .table-toggle"  # the first chart: budget and expenditure
    focus(driver, toggle)
    state = active(driver)
    assert "table-toggle" in state["cls"] and state["text"].startswith("Show as table")
    assert_focus_visible(state)
    button = driver.switch_to.active_element
    table_id = button.get_attribute("aria-controls")
    box = driver.find_element("id", table_id).find_element("xpath", "..")
    assert button.get_attribute("aria-expanded") == "false" and not box.is_displayed()

    press(driver, Keys.ENTER)
    wait(driver, lambda: button.get_attribute("aria-expanded") == "true")
    assert box.is_displayed()
    # The table of the first chart: budget and expenditure per year (seed line 37).
    rows = [r.text for r in box.find_elements("css selector", "tbody tr")]
    assert rows[0] == "2016 USD 7,485,826.72 USD 3,337,229.39"
    assert rows[-1] == "2021 USD 5,282,048.21 no data"
    assert button.text.startswith("Hide table")

    press(driver, Keys.SPACE)
    wait(driver, lambda: button.get_attribute("aria-expanded") == "false")
    assert not box.is_displayed()
    assert driver.switch_to.active_element == button
    assert_stayed_local(dash_duo)


def test_country_list_and_donor_filter_with_keys(dash_duo):
    start(dash_duo, create_app(), "/?year=2020")
    driver = dash_duo.driver
    wait_until_settled(driver)
    assert driver.execute_script(UNREACHABLE) == []
    focus(driver, '[id*=\'"country":"TKM"\']')
    assert_focus_visible(active(driver))
    press(driver, Keys.SPACE)
    dash_duo.wait_for_contains_text("#overview-country-panel", "Stateless: over 3,900")

    driver.get(dash_duo.server_url + "/contributions?year=2021")
    wait_until_settled(driver)
    assert driver.execute_script(UNREACHABLE) == []
    focus(driver, "#contributions-type-filter input[value='all']")
    assert_focus_visible(active(driver))
    press(driver, Keys.ARROW_RIGHT)  # the next radio button: Government
    wait(driver, lambda: "donor=government" in driver.current_url)
    wait(
        driver,
        lambda: len(driver.find_elements("css selector", "#contributions-table tbody tr")) == 4,
    )
    # The download buttons are in the Tab order after the table (a focusable scroll box).
    focus(driver, "#contributions-table .table-responsive")
    state = press(driver, Keys.TAB)
    assert state["tag"] == "BUTTON" and state["text"] == "CSV"
    assert_focus_visible(state)
    assert_stayed_local(dash_duo)


def test_the_first_download_of_the_budget_page_is_near_the_navbar(dash_duo):
    """From the navbar's last control (Français), the first download button of
    /budget is at most 15 Tab stops away: each chart's toolbar holds two
    buttons (image download and reset), not plotly.js's eight or so."""
    start(dash_duo, create_app(), "/budget?year=2020")
    driver = dash_duo.driver
    wait_until_settled(driver)
    focus(driver, ".language-switch a:last-child")
    assert active(driver)["text"] == "Français"
    stops = []
    for _ in range(15):
        state = press(driver, Keys.TAB)
        stops.append(state["text"] or state["cls"])
        if driver.execute_script("return !!document.activeElement.closest('.data-download');"):
            break
    else:
        raise AssertionError(f"no download button in 15 Tab stops: {stops}")
    assert state["tag"] == "BUTTON" and state["text"] in {"PNG", "CSV"}, stops
    assert_focus_visible(state)
    # Every chart's toolbar: the image download and the reset button, nothing else.
    toolbars = driver.execute_script(
        "return Array.from(document.querySelectorAll('.modebar')).map((bar) =>"
        " Array.from(bar.querySelectorAll('.modebar-btn')).map((b) => b.dataset.title));"
    )
    assert toolbars == [["Download plot as a PNG", "Reset axes"]] * 4
    assert_stayed_local(dash_duo)
