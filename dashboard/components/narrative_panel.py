"""Narrative documents as readable panels: a line naming the document, then its sections.

Bodies are Markdown taken from the source page and stored escaped; they are
rendered with ``dcc.Markdown`` with HTML switched off, so a body always shows
as the text it is.
"""

from __future__ import annotations

import re

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import translator
from dashboard.transforms.narratives import NarrativeDocument
from dashboard.wording.narratives import source_line


def _slug(*parts: object) -> str:
    text = "-".join(str(part) for part in parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def narrative_body(markdown: str) -> dcc.Markdown:
    return dcc.Markdown(
        markdown,
        dangerously_allow_html=False,
        dedent=False,
        mathjax=False,
        className="narrative-body",
    )


def _document_id(document: NarrativeDocument) -> str:
    return _slug("narrative", document.year, document.kind)


def narrative_document(document: NarrativeDocument, lang: str) -> html.Article:
    """One document: its source line as heading, each section under an ``h3``.

    Headings and bodies are the source's English words, marked ``lang="en"``.
    """
    heading_id = _document_id(document)
    sections = [
        html.Section(
            [
                html.H3(
                    section.heading,
                    id=_slug(heading_id, section.heading),
                    className="h5 narrative-heading",
                ),
                narrative_body(section.body),
            ],
            lang="en",
            className="narrative-section",
            **{"aria-labelledby": _slug(heading_id, section.heading)},
        )
        for section in document.sections
    ]
    return html.Article(
        [
            html.H2(
                source_line(document.year, document.kind, lang),
                id=heading_id,
                className="h4 narrative-source",
            ),
            *sections,
        ],
        className=f"narrative-document narrative-{document.kind}",
        **{"aria-labelledby": heading_id, "data-kind": document.kind},
    )


def narrative_contents(documents: list[NarrativeDocument], lang: str) -> html.Nav:
    """In-page links to every section, grouped by document (shown beside wide layouts)."""
    _ = translator(lang)
    groups = []
    for document in documents:
        document_id = _document_id(document)
        links = [
            html.Li(
                html.A(section.heading, href="#" + _slug(document_id, section.heading), lang="en")
            )
            for section in document.sections
        ]
        groups.append(
            html.Li(
                [
                    html.A(
                        source_line(document.year, document.kind, lang),
                        href="#" + document_id,
                        className="fw-semibold",
                    ),
                    html.Ul(links, className="list-unstyled ms-3 mt-1"),
                ],
                className="mb-2",
            )
        )
    return html.Nav(
        [
            html.H2(_("On this page"), className="h6 text-body-secondary"),
            html.Ul(groups, className="list-unstyled small mb-0"),
        ],
        className="narrative-contents no-print",
        **{"aria-label": _("Sections of the narratives")},
    )


def narrative_documents(
    documents: list[NarrativeDocument], notes: list[str], lang: str
) -> html.Div:
    """The documents in reading order, with notes on a missing document above them.

    On wide screens a list of the sections sits beside the documents; on narrow
    ones it is hidden (the documents are read top to bottom).
    """
    note_items = [html.P(note, className="narrative-note text-body-secondary") for note in notes]
    return dbc.Row(
        [
            dbc.Col([*note_items, *(narrative_document(d, lang) for d in documents)], xs=12, lg=8),
            dbc.Col(narrative_contents(documents, lang), lg=4, className="d-none d-lg-block"),
        ],
        className="g-4",
    )
