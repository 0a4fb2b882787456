"""Download buttons beside a chart or table: its image and its data.

Data buttons name a dataset of ``dashboard.exports.datasets``; one
pattern-matching callback in the app shell answers every button with the
numbers of the current selection as CSV or Excel.  Image buttons save the
chart beside them as PNG (twice the screen resolution) or SVG in the browser,
under the file name the chart's toolbar uses, followed by the selected year for
a chart of one year (``chart_figure(one_year=True)``, whose ``data-image-year``
holds the year it shows).
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import translator

DOWNLOAD_BUTTON = "data-download-button"
DOWNLOAD = "data-download"
IMAGE_BUTTON = "image-download-button"
IMAGE_STATUS = "image-download-status"
FORMATS = (("csv", "CSV"), ("xlsx", "Excel"))
IMAGE_FORMATS = (("png", "PNG"), ("svg", "SVG"))

SAVE_IMAGE_SCRIPT = """
function(clicks, messages) {
    const context = window.dash_clientside.callback_context;
    const trigger = context.triggered_id;
    if (!trigger || !clicks.some(Boolean)) {
        return window.dash_clientside.no_update;
    }
    const holder = document.getElementById(trigger.graph);
    const graph = holder && (holder.querySelector(".js-plotly-plot") || holder);
    if (!graph || !graph._fullLayout || !window.Plotly) {
        return messages.not_drawn;
    }
    const options = (graph._context && graph._context.toImageButtonOptions) || {};
    let filename = options.filename || trigger.graph;
    const oneYear = holder.closest("[data-image-year]");
    if (oneYear) {
        filename += "_" + oneYear.getAttribute("data-image-year");
    }
    window.Plotly.downloadImage(graph, {
        format: trigger.format,
        filename: filename,
        scale: trigger.format === "png" ? 2 : 1,
        width: graph._fullLayout.width,
        height: graph._fullLayout.height,
    });
    return messages.saved.replace("{format}", trigger.format.toUpperCase());
}
"""


def _format_buttons(
    base_id: dict, formats: tuple[tuple[str, str], ...], action: str, what: str
) -> list[html.Button]:
    """One small button per format; ``action`` ("Save the chart of {what} as {format}")
    names it."""
    buttons = []
    for file_format, label in formats:
        name = action.format(what=what, format=label)
        buttons.append(
            html.Button(
                label,
                id={**base_id, "format": file_format},
                type="button",
                className="btn btn-outline-secondary btn-sm",
                title=name,
                **{"aria-label": name},
            )
        )
    return buttons


def _image_buttons(graph_id: str, what: str, lang: str) -> list:
    _ = translator(lang)
    buttons = _format_buttons(
        {"type": IMAGE_BUTTON, "graph": graph_id},
        IMAGE_FORMATS,
        _("Save the chart of {what} as {format}"),
        what,
    )
    status = html.Span(
        id={"type": IMAGE_STATUS, "graph": graph_id},
        className="visually-hidden",
        role="status",
    )
    return [html.Span(_("Chart:"), className="small text-body-secondary me-1"), *buttons, status]


def data_download(dataset: str, what: str, lang: str, graph_id: str | None = None) -> html.Div:
    """Buttons that download ``dataset`` (and the chart ``graph_id`` as an image).

    ``what`` names the content, in ``lang``, for screen readers and tooltips.
    """
    _ = translator(lang)
    images = _image_buttons(graph_id, what, lang) if graph_id else []
    buttons = _format_buttons(
        {"type": DOWNLOAD_BUTTON, "dataset": dataset},
        FORMATS,
        _("Download the data of {what} as {format}"),
        what,
    )
    return html.Div(
        [
            *images,
            html.Span(_("Data:"), className="small text-body-secondary ms-2 me-1"),
            *buttons,
            dcc.Download(id={"type": DOWNLOAD, "dataset": dataset}),
        ],
        className="data-download no-print d-flex align-items-center gap-2 flex-wrap mb-2",
    )
