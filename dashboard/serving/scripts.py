"""The page's scripts: Dash's own, without the Babel polyfill.

Dash puts ``@babel/polyfill`` (core-js 2 and regenerator-runtime) before
every other script, for browsers older than any that runs React 18 or
plotly.js 4.  In today's browsers it only costs: core-js replaces the
regular-expression methods of strings with its own (a loop of
``"ab-c".replace(/-/g, " ")`` ran 11x slower in Chromium with it loaded), and
plotly.js leans on them while it draws, besides the time the polyfill takes to
run on every page load.  The one thing Dash's bundles use from it is the
global ``regeneratorRuntime`` of their lazy-loaded components (``dcc.Graph``),
and dash-bootstrap-components' bundle, which every page loads before the
renderer, brings regenerator-runtime and sets that global itself.

Price tag (``python bench/bench_page_load.py``, a CPU profile of warm
``/budget`` loads; seventh round in bench/HISTORY.md): plotly.js's own time
per load fell from 454 to 332 ms, and the polyfill's 80 ms run and 99 KB of
script went.
"""

from __future__ import annotations

import re
from typing import Any

import dash

BABEL_POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\n?')


class PolyfillFreeDash(dash.Dash):
    """``dash.Dash`` whose pages load no Babel polyfill."""

    def interpolate_index(self, **kwargs: Any) -> str:
        kwargs["scripts"] = BABEL_POLYFILL.sub("", kwargs["scripts"])
        return super().interpolate_index(**kwargs)
