"""assets/js/graph_resize.js in headless Chromium: a resize request for the size
a chart already has does not redraw it; a real change of size still does."""

from __future__ import annotations

from browser import assert_stayed_local, start
from test_browser_budget import wait_for_year

from dashboard.app import create_app

RESIZE = """
const done = arguments[arguments.length - 1];
const gd = document.querySelector('#budget-pillar-split .js-plotly-plot');
let redraws = 0;
gd.on('plotly_afterplot', () => { redraws += 1; });
(async () => {
  await Plotly.Plots.resize(gd);
  const same = redraws;
  const before = gd._fullLayout.width;
  gd.closest('.dash-graph').style.width = '300px';
  await Plotly.Plots.resize(gd);
  done({same: same, before: before, after: gd._fullLayout.width, redraws: redraws});
})().catch((error) => done({error: String(error)}));
"""


def test_a_chart_is_redrawn_only_when_its_size_changes(dash_duo):
    start(dash_duo, create_app(), "/budget?year=2019")
    wait_for_year(dash_duo, 2019, timeout=20)
    result = dash_duo.driver.execute_async_script(RESIZE)
    assert result["same"] == 0
    assert result["before"] > 300
    assert result["after"] == 300
    assert result["redraws"] >= 1
    assert_stayed_local(dash_duo)
