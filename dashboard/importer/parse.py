"""Read a whole Global Focus page into tables, block by block.

Blocks are located by their headings, so their order on the page may vary;
each block's lines run to the start of the next block.  A block that is
missing, cut short or unreadable is skipped and recorded with its line and
the reason; with ``strict=True`` the first such problem refuses the whole page.
The page's title and the year it reports on are always required.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from dashboard.importer import budget as budget_block
from dashboard.importer import contributions as contributions_block
from dashboard.importer import key_figures as key_figures_block
from dashboard.importer import narratives as narratives_block
from dashboard.importer import people as people_block
from dashboard.importer.countries import countries_named_in, country_code
from dashboard.importer.page import FURNITURE, PROSE, Line, Page, PageError, unread

TITLE = re.compile(r"^Operation:\s*(?:Op[ée]ration:\s*)?(?P<name>\S.*)$")
COVERS = re.compile(r"covers (?:operations|activities) in .+?(?:\.\s|\.?$)", re.IGNORECASE)
DISCLAIMER = re.compile(r"do not imply official endorsement", re.IGNORECASE)
LOCATION = re.compile(r"^Location\s*(?P<json>\{.*)?$")
CONTRIBUTIONS = re.compile(r"^Latest contributions$", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d{2}$")
YEAR_LIST = "year list"
LOCATION_BLOCK = "location"
T = TypeVar("T")


@dataclass(frozen=True)
class ParsedPage:
    """Everything the importer writes for one operation, and what it could not read."""

    name: str
    description: str
    countries: list[str]
    listed_years: list[int]
    report_year: int
    map_disclaimer: str
    location: dict[str, float] | None
    budget: pd.DataFrame
    budget_source_totals: pd.DataFrame
    people_of_concern: pd.DataFrame
    population_by_type: pd.DataFrame
    key_figures: pd.DataFrame
    contributions: pd.DataFrame
    narratives: dict[tuple[int, str], list[tuple[str, str]]]
    skipped: list[PageError] = field(default_factory=list)
    block_lines: dict[str, int] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """The year list together with every year a table or narrative carries."""
        years = set(self.listed_years) | {self.report_year}
        for frame in (
            self.budget,
            self.budget_source_totals,
            self.people_of_concern,
            self.population_by_type,
            self.key_figures,
        ):
            years.update(int(year) for year in frame["year"])
        years.update(year for year, _kind in self.narratives)
        return sorted(years)

    def without(self, block: str, error: PageError) -> ParsedPage:
        """The page with ``block``'s data left out and ``error`` recorded as the reason."""
        empty = {name: getattr(self, name).iloc[0:0] for name in BLOCK_TABLES.get(block, ())}
        if block == narratives_block.BLOCK:
            empty["narratives"] = {}
        if block == LOCATION_BLOCK:
            empty["location"] = None
        return dataclasses.replace(self, **empty, skipped=[*self.skipped, error])


# The tables each block fills, so a block that fails validation can be left out whole.
BLOCK_TABLES = {
    budget_block.BLOCK: ("budget", "budget_source_totals"),
    people_block.BLOCK: ("people_of_concern", "population_by_type"),
    key_figures_block.BLOCK: ("key_figures",),
    contributions_block.BLOCK: ("contributions",),
}


class _Reader:
    """Runs each block's reader; keeps what reads, records what does not."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.skipped: list[PageError] = []

    def problem(self, error: PageError) -> None:
        if self.strict:
            raise error
        self.skipped.append(error)

    def read(self, read: Callable[[], T], fallback: T) -> T:
        try:
            return read()
        except PageError as error:
            self.problem(error)
            return fallback


def decode_page(raw: bytes) -> str:
    """The page's text; a binary or non-UTF-8 file is refused."""
    if b"\x00" in raw:
        raise PageError("page", "input is binary, not page text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageError("page", f"input is not UTF-8 text (byte {exc.start})") from None


def parse_page(text: str, *, strict: bool = False) -> ParsedPage:
    if "\x00" in text:
        raise PageError("page", "input is binary, not page text")
    if not text.strip():
        raise PageError("page", "the page is empty")
    page = Page(text)
    reader = _Reader(strict)
    title = page.find(TITLE)
    if title is None:
        raise PageError("title", "no 'Operation: <name>' line anywhere on the page", 1)
    name = TITLE.match(page.lines[title].text)["name"].strip()

    key_figures = page.find(key_figures_block.HEADING)
    people = page.find(people_block.HEADING)
    budget = next(
        (i for i in range(len(page)) if budget_block.is_budget_start(page.lines, i)), None
    )
    budget_end = _budget_end(page, budget) if budget is not None else None
    year_list = _year_list(page, budget_end)
    contributions = page.find(CONTRIBUTIONS)
    narratives = year_list[1] if year_list else budget_end
    starts = sorted(
        i
        for i in (title, key_figures, people, budget, year_list and year_list[0], contributions)
        if i is not None
    )

    def block(start: int) -> list[Line]:
        following = [s for s in starts if s > start]
        return page.between(start + 1, following[0] if following else len(page))

    report_year = _report_year(page, title, budget, key_figures and block(key_figures))
    people_table, by_type = people_block.empty_tables()
    if people is None:
        reader.problem(PageError(people_block.BLOCK, "no 'People of Concern' heading"))
    else:
        people_table, by_type = reader.read(
            lambda: people_block.parse_people(block(people), name), (people_table, by_type)
        )
    key_table = key_figures_block.parse_key_figures([])
    if key_figures is None:
        reader.problem(PageError(key_figures_block.BLOCK, "no 'Key figures' heading"))
    else:
        key_table = reader.read(
            lambda: key_figures_block.parse_key_figures(block(key_figures)), key_table
        )
    budget_table, totals = budget_block.empty_tables()
    if budget is None:
        reader.problem(
            PageError(budget_block.BLOCK, "no 'YEAR {json} {json} {json}' budget on the page")
        )
    else:
        budget_table, totals = reader.read(
            lambda: budget_block.parse_budget(page.between(budget, budget_end)),
            (budget_table, totals),
        )
    if year_list is None:
        reader.problem(PageError(YEAR_LIST, "no bullet list of years after the budget"))
    contributions_table = contributions_block.parse_contributions([])
    if contributions is not None:
        contributions_table = reader.read(
            lambda: contributions_block.parse_contributions(block(contributions)),
            contributions_table,
        )
    description = _head_description(page, title, starts, name, reader)
    sections: dict[tuple[int, str], list[tuple[str, str]]] = {}
    if narratives is None:
        reader.problem(PageError(narratives_block.BLOCK, "no year list or budget before them"))
    else:
        following = [s for s in starts if s >= narratives]
        read = narratives_block.parse_narratives(
            page.between(narratives, following[0] if following else len(page)),
            report_year,
            runs_to_page_end=not following,
        )
        for error in read.skipped:
            reader.problem(error)
        for section in read.sections:
            sections.setdefault((section.year, section.kind), []).append(
                (section.title, section.body)
            )
        description = "\n\n".join(text for text in (description, read.description) if text)
    location_line = page.find(LOCATION)
    location = _location(page, location_line, reader) if location_line is not None else None
    disclaimer = page.find(DISCLAIMER)
    return ParsedPage(
        name=name,
        description=description,
        countries=_countries(page, description, name, location, key_table, reader),
        listed_years=[int(line.text) for line in page.between(*year_list) if not line.blank]
        if year_list
        else [],
        report_year=report_year,
        map_disclaimer=page.lines[disclaimer].text if disclaimer is not None else "",
        location={k: location[k] for k in ("latitude", "longitude", "zoom_level")}
        if location
        else None,
        budget=budget_table,
        budget_source_totals=totals,
        people_of_concern=people_table,
        population_by_type=by_type,
        key_figures=key_table,
        contributions=contributions_table,
        narratives=sections,
        skipped=reader.skipped,
        block_lines={
            block_name: page.lines[index].number
            for block_name, index in (
                (budget_block.BLOCK, budget),
                (people_block.BLOCK, people),
                (key_figures_block.BLOCK, key_figures),
                (contributions_block.BLOCK, contributions),
                (narratives_block.BLOCK, narratives),
                (LOCATION_BLOCK, location_line),
            )
            if index is not None and index < len(page)
        },
    )


def _report_year(page: Page, title: int, budget: int | None, key_lines: list[Line] | None) -> int:
    """The year the page reports on: its budget's year, or its year-end results heading's."""
    if budget is not None:
        return int(budget_block.BUDGET_LINE.match(page.lines[budget].text)["year"])
    results = key_figures_block.results_year(key_lines or [])
    if results is not None:
        return results
    raise PageError(
        "page",
        "no budget line and no 'YEAR year-end results' heading, so the year the page "
        "reports on is unknown",
        page.lines[title].number,
    )


def _budget_end(page: Page, budget: int) -> int:
    """Index after the budget's JSON lines and the furniture around them."""
    end = budget + 1
    while end < len(page) and (
        page.lines[end].blank
        or page.lines[end].text.startswith("{")
        or FURNITURE.match(page.lines[end].text)
    ):
        end += 1
    return end


def _is_year_bullet(line: Line) -> bool:
    return line.bullet and bool(YEAR.match(line.text))


def _year_list(page: Page, budget_end: int | None) -> tuple[int, int] | None:
    """``[start, end)`` of the bullet list of years: right after the budget, or anywhere."""
    if budget_end is None:
        start = next((i for i, line in enumerate(page.lines) if _is_year_bullet(line)), None)
    else:
        start = budget_end if budget_end < len(page) else None
        if start is not None and not _is_year_bullet(page.lines[start]):
            start = None
    if start is None:
        return None
    end = start
    while end < len(page) and (_is_year_bullet(page.lines[end]) or page.lines[end].blank):
        end += 1
    return start, end


def _head_description(page: Page, title: int, starts: list[int], name: str, reader: _Reader) -> str:
    """Paragraphs before the first block that are not the title, the map or its notes."""
    first_block = next((s for s in starts if s != title), len(page))
    paragraphs, stray = [], []
    for index in range(first_block):
        line = page.lines[index]
        text = line.text
        if (
            index == title
            or line.blank
            or text == name
            or FURNITURE.match(text)
            or DISCLAIMER.search(text)
            or LOCATION.match(text)
            or text.startswith("{")
        ):
            continue
        (paragraphs if PROSE.match(text) else stray).append(line)
    for error in unread("page", stray):
        reader.problem(error)
    return "\n\n".join(line.text for line in paragraphs)


def _location(page: Page, index: int, reader: _Reader) -> dict | None:
    """The map's centre and zoom and the countries it marks, as its ``Location`` line gives them."""
    line = page.lines[index]
    text = LOCATION.match(line.text)["json"]
    if text is None:
        following = page.next_text(index)
        text = page.lines[following].text if following is not None else ""
    try:
        data = json.loads(text)
        location = {
            "latitude": float(data["latitude"]),
            "longitude": float(data["longitude"]),
            "zoom_level": float(data["zoom_level"]),
            "iso_codes": re.findall(r"[A-Z]{3}", str(data.get("iso_codes", ""))),
        }
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        reader.problem(PageError("location", f"cannot read the map location ({exc})", line.number))
        return None
    return location


def _countries(
    page: Page,
    description: str,
    name: str,
    location: dict | None,
    key_table: pd.DataFrame,
    reader: _Reader,
) -> list[str]:
    """Countries covered: the 'covers' sentence, the map's codes, the name, or the key figures."""
    for paragraph in description.split("\n\n"):
        covers = COVERS.search(paragraph)
        if covers:
            # The whole sentence: "UNHCR's Office in Panama covers operations in Cuba ..."
            # covers Panama too.
            sentence_start = paragraph.rfind(". ", 0, covers.start()) + 1
            codes = countries_named_in(paragraph[sentence_start : covers.end()])
            if codes:
                return codes
            reader.problem(PageError("countries", "the 'covers ... in' sentence names no country"))
    if location and location["iso_codes"]:
        return location["iso_codes"]
    own = country_code(name)
    if own:
        return [own]
    return sorted({code for code in key_table["country"] if code})
