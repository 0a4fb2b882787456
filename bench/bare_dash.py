"""The least a Dash app can do with a page's charts: the "bare Dash" reference.

    BARE_DASH_FIGURES=figures.json gunicorn bare_dash:server   (bench/ on the path)

The figures file holds ``{"graphs": [{"width", "height"}...], "start": year,
"figures": {year: [{"figure", "config"}...]}}`` as the page and year-switch
benchmarks write it.  The layout is a year ``<select>`` (``#year-select``, a
dash-bootstrap-components ``Select`` like the app's), a heading naming the
year, and one ``dcc.Graph`` per chart holding the start year's figure; one
callback returns every figure of the chosen year from memory.  No stylesheet,
no other component, no URL handling: what is left of a page load or a year
switch is Dash's own renderer, React and plotly.js.  plotly.js is the app's
own bundle, served from this reference's assets folder.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from common import REPO, plotly_js_path
from dash import Input, Output, dcc, html

HEADING = "bare-year"


def _assets(folder: Path) -> str:
    """The app's plotly.js and topojson in ``folder`` (the benchmark's temporary
    folder, so they go with it)."""
    (folder / "js").mkdir(parents=True, exist_ok=True)
    shutil.copy(plotly_js_path(), folder / "js" / plotly_js_path().name)
    shutil.copytree(REPO / "assets" / "topojson", folder / "topojson", dirs_exist_ok=True)
    return str(folder)


def create(spec: dict, assets_folder: Path) -> dash.Dash:
    figures = spec["figures"]
    start = str(spec["start"])
    app = dash.Dash(
        __name__, assets_folder=_assets(assets_folder), serve_locally=True, update_title=None
    )
    graphs = [
        dcc.Graph(
            id=f"g{i}",
            figure=item["figure"],
            config=item.get("config") or {},
            style={"width": f"{g['width']}px", "height": f"{g['height']}px"},
        )
        for i, (g, item) in enumerate(zip(spec["graphs"], figures[start], strict=True))
    ]
    app.layout = html.Div(
        [
            dbc.Select(
                id="year-select",
                options=[{"label": y, "value": y} for y in sorted(figures)],
                value=start,
            ),
            html.H1(start, id=HEADING),
            *graphs,
        ]
    )

    @app.callback(
        Output(HEADING, "children"),
        *(Output(f"g{i}", "figure") for i in range(len(graphs))),
        Input("year-select", "value"),
        prevent_initial_call=True,
    )
    def show_year(year: str) -> tuple:
        return (year, *(item["figure"] for item in figures[year]))

    # Dash finishes its set-up on the first request; do it here, before gunicorn
    # forks, or a worker's first parallel script requests race with it.
    app.server.test_client().get("/")
    return app


_spec_file = Path(os.environ["BARE_DASH_FIGURES"])
server = create(json.loads(_spec_file.read_text()), _spec_file.parent / "bare-dash-assets")
