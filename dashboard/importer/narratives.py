"""Narrative sections: headings followed by paragraphs and bullets.

A heading is a known section title, or a short line standing alone between
blank lines that does not end like a sentence.  Text before the first heading
is the operation's description, not a section.

Whether a section is the year-end report or the plan is read from the page's
structure, in this order: the tab label it follows (``Year-end Overview`` /
``Plan Overview``, when the label stands alone rather than beside the other
tab); its known title ("Operational context" is year-end; "Working
environment" is the plan when it speaks of the future, and the year-end report
of older pages when it does not); otherwise the section before it.  Year-end
sections are the report year's; a plan is the year its future-tense sentences
name (from the report year to two years on), or the report year when they name
none.  Body text is Markdown-escaped so that it renders as the text it is.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from dashboard.importer.page import FURNITURE, PROSE, Line, PageError, unread

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
TABS = {"year-end overview": "year-end", "plan overview": "plan"}
FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:expected|likely|planned) to|plans? to|aims? to|intends? to)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
PLAN_HORIZON = 2
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


@dataclass(frozen=True)
class Section:
    year: int
    kind: str
    title: str
    body: str


@dataclass(frozen=True)
class Narratives:
    """What the narrative part of a page gives: a description, sections, what was dropped."""

    description: str
    sections: list[Section]
    skipped: list[PageError]


@dataclass
class _Draft:
    heading: Line
    tab: str | None
    body: list[Line] = field(default_factory=list)

    def own_kind(self) -> str | None:
        """The kind its tab or its title says."""
        return self.tab or _title_kind(self.heading.text)

    def speaks_of_future(self) -> bool:
        return any(FUTURE.search(line.text) for line in self.body)


def _title_kind(text: str) -> str | None:
    folded = text.casefold()
    if folded.startswith(YEAR_END_TITLES):
        return "year-end"
    if folded.startswith(PLAN_TITLES):
        return "plan"
    return None


def _looks_like_heading(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if line.bullet or line.blank:
        return False
    if _title_kind(line.text):
        return True
    before_blank = index == 0 or lines[index - 1].blank
    after_blank = index + 1 == len(lines) or lines[index + 1].blank
    return (
        before_blank
        and after_blank
        and len(line.text) <= MAX_HEADING_LENGTH
        and line.text[0].isupper()
        and line.text[-1] not in ".!?:;,"
    )


def _tab_parts(lines: list[Line]) -> dict[int, str]:
    """Index -> kind for tab labels that stand alone (a pair side by side is navigation)."""
    texts = [(index, line.text) for index, line in enumerate(lines) if not line.blank]
    parts = {}
    for position, (index, text) in enumerate(texts):
        kind = TABS.get(text.casefold())
        neighbours = [
            texts[p][1].casefold() for p in (position - 1, position + 1) if 0 <= p < len(texts)
        ]
        if kind and not any(neighbour in TABS for neighbour in neighbours):
            parts[index] = kind
    return parts


def _plan_year(drafts: list[_Draft], report_year: int) -> int:
    """The year the future-tense sentences of a plan name most (latest on a tie)."""
    counts: dict[int, int] = {}
    for draft in drafts:
        for line in draft.body:
            for sentence in SENTENCE_END.split(line.text):
                if FUTURE.search(sentence):
                    for year in map(int, YEAR.findall(sentence)):
                        if report_year <= year <= report_year + PLAN_HORIZON:
                            counts[year] = counts.get(year, 0) + 1
    if not counts:
        return report_year
    return max(counts, key=lambda year: (counts[year], year))


def _kinds(drafts: list[_Draft]) -> list[tuple[str, _Draft]]:
    """Each section's kind: its own, else the one before.

    A run of sections filed as the plan by their titles alone, none of which
    speaks of the future, is the year-end report of an older page.
    """
    kinds: list[tuple[str, _Draft]] = []
    for draft in drafts:
        previous = kinds[-1][0] if kinds else "year-end"
        kinds.append((draft.own_kind() or previous, draft))
    for kind, run in itertools.groupby(range(len(kinds)), key=lambda i: kinds[i][0]):
        indexes = list(run)
        by_title_alone = not any(kinds[i][1].tab or kinds[i][1].speaks_of_future() for i in indexes)
        if kind == "plan" and by_title_alone:
            for i in indexes:
                kinds[i] = ("year-end", kinds[i][1])
    return kinds


def parse_narratives(lines: list[Line], report_year: int, *, runs_to_page_end: bool) -> Narratives:
    """Read the narrative part of a page.

    ``runs_to_page_end``: no block follows on the page, so nothing shows where
    the last section ends; a copy cut short looks the same, so that section is
    dropped (and reported) rather than shown as if it were whole.
    """
    description: list[Line] = []
    drafts: list[_Draft] = []
    tabs = _tab_parts(lines)
    part: str | None = None
    for index, line in enumerate(lines):
        if index in tabs:
            part = tabs[index]
        elif line.blank or FURNITURE.match(line.text):
            continue
        elif _looks_like_heading(lines, index):
            drafts.append(_Draft(line, part))
        elif drafts:
            drafts[-1].body.append(line)
        else:
            description.append(line)
    stray = [line for line in description if not PROSE.match(line.text)]
    description = [line for line in description if PROSE.match(line.text)]
    skipped = unread(BLOCK, stray)
    if runs_to_page_end and drafts and drafts[-1].body:
        cut = drafts.pop()
        skipped.append(
            PageError(
                BLOCK,
                f"the page ends inside section {cut.heading.text!r}, which may be cut short: "
                "dropped",
                cut.body[-1].number,
            )
        )
    for draft in [d for d in drafts if not d.body]:
        skipped.append(
            PageError(
                BLOCK, f"section {draft.heading.text!r} has no text: dropped", draft.heading.number
            )
        )
    sections = []
    for kind, run in itertools.groupby(_kinds([d for d in drafts if d.body]), key=lambda p: p[0]):
        run_drafts = [draft for _kind, draft in run]
        year = _plan_year(run_drafts, report_year) if kind == "plan" else report_year
        sections.extend(Section(year, kind, d.heading.text, _markdown(d.body)) for d in run_drafts)
    return Narratives("\n\n".join(line.text for line in description), sections, skipped)


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
