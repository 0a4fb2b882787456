"""Read a whole Global Focus page into tables, block by block.

Blocks are located by their headings, so their order on the page may vary.
Each block's lines run to the start of the next block.  Any problem raises
``PageError`` naming the block and the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.importer.budget import BUDGET_LINE, parse_budget
from dashboard.importer.contributions import parse_contributions
from dashboard.importer.countries import countries_named_in, country_code
from dashboard.importer.key_figures import parse_key_figures
from dashboard.importer.narratives import parse_narratives
from dashboard.importer.page import Page, PageError
from dashboard.importer.people import parse_people

TITLE = re.compile(r"^Operation:\s*(?:Op[ée]ration:\s*)?(?P<name>\S.*)$")
COVERS = re.compile(r"covers operations in (?P<names>.+?)\.?$", re.IGNORECASE)
DISCLAIMER = re.compile(r"do not imply official endorsement", re.IGNORECASE)
LOCATION = re.compile(r"^Location\s*(?P<json>\{.*)$")
KEY_FIGURES = re.compile(r"^Key figures$", re.IGNORECASE)
PEOPLE = re.compile(r"^People of Concern", re.IGNORECASE)
CONTRIBUTIONS = re.compile(r"^Latest contributions$", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class ParsedPage:
    """Everything the importer writes for one operation."""

    meta: dict[str, object]
    location: dict[str, float] | None
    budget: pd.DataFrame
    budget_source_totals: pd.DataFrame
    people_of_concern: pd.DataFrame
    population_by_type: pd.DataFrame
    key_figures: pd.DataFrame
    contributions: pd.DataFrame
    narratives: dict[tuple[int, str], list[tuple[str, str]]]


def decode_page(raw: bytes) -> str:
    """The page's text; a binary or non-UTF-8 file is refused."""
    if b"\x00" in raw:
        raise PageError("page", "input is binary, not page text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PageError("page", f"input is not UTF-8 text (byte {exc.start})") from None


def parse_page(text: str) -> ParsedPage:
    if "\x00" in text:
        raise PageError("page", "input is binary, not page text")
    if not text.strip():
        raise PageError("page", "the page is empty")
    page = Page(text)
    title = _required(page, TITLE, "title", "no 'Operation: <name>' line")
    name = TITLE.match(page.lines[title].text)["name"].strip()

    key_figures = _required(page, KEY_FIGURES, "key figures", "no 'Key figures' heading")
    people = _required(page, PEOPLE, "people of concern", "no 'People of Concern' heading")
    budget = _required(
        page,
        BUDGET_LINE,
        "budget",
        "no 'YEAR {json} {json} {json}' line (a pipe-table rendering carries no budget JSON)",
    )
    report_year, budget_table, totals = parse_budget(page.lines[budget])
    years_start, years_end = _year_list(page, budget)
    contributions = page.find(CONTRIBUTIONS)
    starts = sorted(
        i for i in (key_figures, people, budget, years_start, contributions) if i is not None
    )

    def block(start: int) -> list:
        following = [s for s in starts if s > start]
        return page.between(start + 1, following[0] if following else len(page))

    people_table, by_type = parse_people(block(people), name)
    key_table = parse_key_figures(block(key_figures))
    narrative_end = (
        contributions if contributions is not None and contributions > years_end else len(page)
    )
    sections = parse_narratives(page.between(years_end, narrative_end))
    contributions_table = (
        parse_contributions(block(contributions))
        if contributions is not None
        else parse_contributions([])
    )
    years = [int(line.text) for line in page.between(years_start, years_end) if not line.blank]
    narratives: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for kind, section, body in sections:
        narratives.setdefault((report_year, kind), []).append((section, body))
    disclaimer = page.find(DISCLAIMER)
    location = _location(page)
    meta = {
        "name": name,
        "countries": _countries(page, title, key_figures, name, location, key_table),
        "years": years,
        "report_year": report_year,
        "source": f"UNHCR Global Focus, {name}",
        "map_disclaimer": page.lines[disclaimer].text if disclaimer is not None else "",
    }
    return ParsedPage(
        meta=meta,
        location={k: location[k] for k in ("latitude", "longitude", "zoom_level")}
        if location
        else None,
        budget=budget_table,
        budget_source_totals=totals,
        people_of_concern=people_table,
        population_by_type=by_type,
        key_figures=key_table,
        contributions=contributions_table,
        narratives=narratives,
    )


def _required(page: Page, pattern: re.Pattern[str], block: str, message: str) -> int:
    index = page.find(pattern)
    if index is None:
        raise PageError(block, message)
    return index


def _year_list(page: Page, budget: int) -> tuple[int, int]:
    """``[start, end)`` of the bullet list of selectable years after the budget line."""
    start = next(
        (i for i in range(budget + 1, len(page)) if page.lines[i].bullet),
        None,
    )
    if start is None or not YEAR.match(page.lines[start].text):
        raise PageError("year list", "no bullet list of years after the budget line")
    end = start
    while end < len(page) and (
        (page.lines[end].bullet and YEAR.match(page.lines[end].text)) or page.lines[end].blank
    ):
        end += 1
    return start, end


def _location(page: Page) -> dict[str, float] | None:
    index = page.find(LOCATION)
    if index is None:
        return None
    line = page.lines[index]
    try:
        data = json.loads(LOCATION.match(line.text)["json"])
        location = {
            "latitude": float(data["latitude"]),
            "longitude": float(data["longitude"]),
            "zoom_level": float(data["zoom_level"]),
            "iso_codes": re.findall(r"[A-Z]{3}", str(data.get("iso_codes", ""))),
        }
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise PageError("location", f"cannot read the map location ({exc})", line.number) from None
    return location


def _countries(
    page: Page,
    title: int,
    key_figures: int,
    name: str,
    location: dict | None,
    key_table: pd.DataFrame,
) -> list[str]:
    """Countries covered: the 'covers' line, the map's ISO codes, the name, or the key figures."""
    covers = page.find(COVERS, title, key_figures)
    if covers is not None:
        names = COVERS.search(page.lines[covers].text)["names"]
        codes = countries_named_in(names)
        if not codes:
            raise PageError("title", "the 'covers operations in' line names no country", covers + 1)
        return codes
    if location and location["iso_codes"]:
        return location["iso_codes"]
    own = country_code(name)
    if own:
        return [own]
    return sorted({code for code in key_table["country"] if code})
