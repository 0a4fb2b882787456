"""The page's HTML: its language, and the requests it starts early."""

from __future__ import annotations

import dash
import flask

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, LANGUAGES

# dcc.Graph's code, which its bundle fetches only when the first graph mounts
# (and, having no fingerprint in its URL, asks the server again on every load).
GRAPH_CHUNK = "_dash-component-suites/dash/dcc/async-graph.js"


def install(app: dash.Dash) -> None:
    """Write ``<html lang>`` and the preload links into ``app``'s pages."""
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1).replace(
        "{%css%}", "{%css%}" + _preloads(app.config.requests_pathname_prefix), 1
    )


def declare_page_language(app: dash.Dash) -> None:
    """Serve each page with the ``<html lang>`` of its ``?lang=``.

    Call it after compression is installed: Flask runs the last registered
    ``after_request`` function first, so this one edits the plain HTML.
    """
    app.server.after_request(_declare_page_language)


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
