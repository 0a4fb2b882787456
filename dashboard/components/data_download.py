"""“Download data” buttons beside a chart or table, and their file downloads.

The buttons name a dataset of ``dashboard.transforms.datasets``; one
pattern-matching callback in the app shell answers every button with the
numbers of the current selection as CSV or Excel.
"""

from __future__ import annotations

from dash import dcc, html

DOWNLOAD_BUTTON = "data-download-button"
DOWNLOAD = "data-download"
FORMATS = (("csv", "CSV"), ("xlsx", "Excel"))


def data_download(dataset: str, what: str) -> html.Div:
    """Buttons that download ``dataset``; ``what`` names it for screen readers."""
    buttons = [
        html.Button(
            label,
            id={"type": DOWNLOAD_BUTTON, "dataset": dataset, "format": file_format},
            type="button",
            className="btn btn-outline-secondary btn-sm",
            title=f"Download the data of {what} as {label}",
            **{"aria-label": f"Download the data of {what} as {label}"},
        )
        for file_format, label in FORMATS
    ]
    return html.Div(
        [
            html.Span("Download data:", className="small text-body-secondary me-1"),
            *buttons,
            dcc.Download(id={"type": DOWNLOAD, "dataset": dataset}),
        ],
        className="data-download no-print d-flex align-items-center gap-2 flex-wrap mb-2",
    )
