"""The page's HTML: its language, the requests it starts early, and its first frame.

The first frame is a speed trick, with its price tag.  Dash serves one layout
for every address (the URL and an empty frame), and the URL's callback
(``shell.routing.draw_frame``) draws the frame for the view; on a first load
that is a round trip after the renderer has started, before anything is drawn.
So the page's HTML carries the frame drawn for its own address (the request's
path and query, read by ``read_view`` as the URL's callback reads them), as
JSON, and Dash's ``layout_post`` renderer hook puts it into the layout before
the first render, with the URL component's address set to the document's: the
URL then has nothing to report when it mounts, and no callback runs.  Without
the JSON (a cached or edited page) the URL reports the address and
``draw_frame`` draws the frame as before (and were the address and the frame
to disagree, a later URL change would redraw it: each callback compares the
view with ``data-frame`` / ``data-view``), so what is drawn never depends on
the trick.  Gain: the overview drew its
charts about 100 ms sooner on a warm load (``python bench/bench_page_load.py``,
eleventh round in bench/HISTORY.md).  Cost: the page's HTML is computed per
address (the frame, from the page values kept per view) and carries the
frame's JSON: the overview's page is 45 KiB, 8 KiB with Brotli (the frame
used to come in the callback's answer instead).
"""

from __future__ import annotations

import dash
import flask
from plotly.io.json import to_json_plotly

from dashboard import ids, runtime
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, LANGUAGES
from dashboard.shell.frame import frame, frame_key
from dashboard.state.view import read_view

FIRST_FRAME = "first-frame"
# Dash's renderer hook, run on the layout before its first render.
LAYOUT_POST = (
    """function (layout) {
    var first = document.getElementById("{first}");
    var url = layout.props.children[0];
    var shell = layout.props.children[1];
    if (!first || url.props.id !== "{url}" || shell.props.id !== "{frame}") {
        return;
    }
    var drawn = JSON.parse(first.textContent);
    shell.props.children = drawn.children;
    shell.props["data-frame"] = drawn.key;
    ["pathname", "search", "hash", "href"].forEach(function (part) {
        url.props[part] = window.location[part];
    });
}""".replace("{first}", FIRST_FRAME)
    .replace("{url}", ids.URL)
    .replace("{frame}", ids.FRAME)
)
RENDERER_HOOKS = {"layout_post": LAYOUT_POST}

# dcc.Graph's code, which its bundle fetches only when the first graph mounts
# (and, having no fingerprint in its URL, asks the server again on every load).
GRAPH_CHUNK = "_dash-component-suites/dash/dcc/async-graph.js"


def install(app: dash.Dash) -> None:
    """Write ``<html lang>`` and the preload links into ``app``'s pages."""
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1).replace(
        "{%css%}", "{%css%}" + _preloads(app.config.requests_pathname_prefix), 1
    )


def write_page_for_address(app: dash.Dash) -> None:
    """Serve each page with the ``<html lang>`` of its ``?lang=`` and its first
    frame.

    Call it after compression is installed: Flask runs the last registered
    ``after_request`` function first, so these edit the plain HTML.
    """
    app.server.after_request(_declare_page_language)
    app.server.after_request(_write_first_frame)


def _preloads(prefix: str) -> str:
    """Links that start, with the page, the requests Dash makes only once its
    scripts have loaded and run: the layout and the callbacks' list, which the
    renderer fetches (``as="fetch"`` and ``crossorigin="anonymous"`` match its
    same-origin ``fetch``), and the graphs' code.  They would otherwise start
    only after every script has loaded and run (some 400 ms into a load), and
    the graphs' code only when the first graph mounts (sixth round in
    bench/HISTORY.md, ``python bench/bench_page_load.py``)."""
    fetches = "".join(
        f'\n<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin="anonymous">'
        for name in ("_dash-layout", "_dash-dependencies")
    )
    return fetches + f'\n<link rel="preload" href="{prefix}{GRAPH_CHUNK}" as="script">'


def _declare_page_language(response: flask.Response) -> flask.Response:
    """The page with the ``<html lang>`` of its ``?lang=``, before any script runs."""
    lang = flask.request.args.get(LANGUAGE_PARAM)
    if lang in LANGUAGES and lang != DEFAULT_LANGUAGE and response.mimetype == "text/html":
        html_text = response.get_data(as_text=True)
        response.set_data(html_text.replace('<html lang="en">', f'<html lang="{lang}">', 1))
    return response


def _write_first_frame(response: flask.Response) -> flask.Response:
    """The page with the frame drawn for its address, as JSON before the
    scripts (so it is in the document when the renderer starts)."""
    if response.mimetype != "text/html" or response.status_code != 200:
        return response
    html_text = response.get_data(as_text=True)
    if 'id="react-entry-point"' not in html_text:
        return response
    catalogue = runtime.catalogue()
    search = "?" + flask.request.query_string.decode("utf-8", "replace")
    view = read_view(flask.request.path, search, catalogue)
    drawn = to_json_plotly({"children": frame(view, catalogue), "key": frame_key(view)})
    # Nothing in the JSON may close the script element or open a comment.
    drawn = drawn.replace("<", "\\u003c")
    script = f'<script id="{FIRST_FRAME}" type="application/json">{drawn}</script>'
    response.set_data(html_text.replace("<footer>", script + "<footer>", 1))
    return response
