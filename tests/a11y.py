"""Helpers for accessibility tests: run axe-core in the page, wait for a settled page.

axe-core is vendored in ``tests/vendor/axe.min.js`` (see ``tests/vendor/README``)
and injected with ``execute_script``; nothing is fetched from the network.
"""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

AXE_VERSION = "4.14.1"
AXE_FILE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")
PHONE = {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True}

# Settled: the page is rendered, no callback is pending and every graph is drawn.
SETTLED = """
const content = document.querySelector('#page-content > *');
const loading = document.querySelector('[data-dash-is-loading="true"], ._dash-loading');
const drawn = Array.from(document.querySelectorAll('.dash-graph')).every((holder) => {
  const g = holder.querySelector('.js-plotly-plot');
  return !!(g && g._fullLayout && g.querySelector('.main-svg'));
});
return !!content && !loading && drawn;
"""

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then((results) => done({version: axe.version, violations: results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                summary: (n.failureSummary || '').slice(0, 300)}))}))}))
  .catch((error) => done({error: String(error)}));
"""


def wait_until_settled(driver, timeout: float = 20) -> None:
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(SETTLED))


REPEATED_IDS = """
const seen = new Set(), repeated = new Set();
document.querySelectorAll('[id]').forEach((e) => (seen.has(e.id) ? repeated : seen).add(e.id));
return Array.from(repeated);
"""


def repeated_ids(driver) -> list[str]:
    """Ids that more than one element of the page carries (Dash needs each once)."""
    return driver.execute_script(REPEATED_IDS)


def run_axe(driver) -> dict:
    """axe's violations on the current page, as plain dicts."""
    if not driver.execute_script("return typeof window.axe !== 'undefined';"):
        driver.execute_script(AXE_FILE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(RUN_AXE)
    assert "error" not in result, result.get("error")
    return result


def describe(page: str, violations: list[dict]) -> str:
    """One block per violation: rule id, impact, and each node's selector and HTML."""
    lines = []
    for violation in violations:
        lines.append(f"{page}: {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}\n      {node['html']}\n      {node['summary']}")
    return "\n".join(lines)
