"""Narrative sections: headings followed by paragraphs and bullets.

A heading is a known section title, or a short line standing alone between
blank lines that does not end like a sentence.  Sections with a known plan
title ("Working environment", "Key priorities", ...) belong to the plan; others
to the year-end report, except that an unknown title following a plan section
stays in the plan.  Body text is Markdown-escaped so that it renders as the
text it is.
"""

from __future__ import annotations

import re

from dashboard.importer.page import Line, PageError

BLOCK = "narratives"
YEAR_END_TITLES = (
    "operational context",
    "population trends",
    "key achievements",
    "unmet needs",
    "use of flexible funding",
)
PLAN_TITLES = ("working environment", "key priorities", "planned response", "strategic priorities")
MAX_HEADING_LENGTH = 80
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~])")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")
_LINE_START = re.compile(r"^([-+])")
# The Markdown renderer does not honour a backslash before these, so they are
# written as character references, which every renderer shows as the character.
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape_markdown(text: str) -> str:
    """Escape what Markdown would read as markup or HTML, so text shows as itself."""
    escaped = "".join(_REFERENCES.get(char, char) for char in text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = _ORDERED_LIST.sub(r"\1\\\2", escaped)
    return _LINE_START.sub(r"\\\1", escaped)


def _known_kind(text: str) -> str | None:
    folded = text.casefold()
    if folded.startswith(YEAR_END_TITLES):
        return "year-end"
    if folded.startswith(PLAN_TITLES):
        return "plan"
    return None


def _looks_like_heading(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if line.bullet or line.blank or _known_kind(line.text):
        return bool(_known_kind(line.text)) and not line.bullet
    before_blank = index == 0 or lines[index - 1].blank
    after_blank = index + 1 == len(lines) or lines[index + 1].blank
    return (
        before_blank
        and after_blank
        and len(line.text) <= MAX_HEADING_LENGTH
        and line.text[0].isupper()
        and line.text[-1] not in ".!?:;,"
    )


def parse_narratives(lines: list[Line]) -> list[tuple[str, str, str]]:
    """Return ``(kind, section, markdown body)`` in page order."""
    sections: list[tuple[str, str, list[Line]]] = []
    for index, line in enumerate(lines):
        if _looks_like_heading(lines, index):
            previous_kind = sections[-1][0] if sections else "year-end"
            sections.append((_known_kind(line.text) or previous_kind, line.text, []))
        elif not line.blank:
            if not sections:
                raise PageError(
                    BLOCK, f"text {line.text[:60]!r} before any section heading", line.number
                )
            sections[-1][2].append(line)
    result = []
    for kind, title, body in sections:
        if not body:
            raise PageError(BLOCK, f"section {title!r} has no text", lines[0].number)
        result.append((kind, title, _markdown(body)))
    return result


def _markdown(lines: list[Line]) -> str:
    """Each page line becomes a paragraph; consecutive bullets one list."""
    blocks: list[str] = []
    for line in lines:
        text = escape_markdown(line.text)
        if line.bullet and blocks and blocks[-1].startswith("- "):
            blocks[-1] += f"\n- {text}"
        else:
            blocks.append(f"- {text}" if line.bullet else text)
    return "\n\n".join(blocks)
