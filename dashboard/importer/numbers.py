"""Numbers as the pages print them: ``7,500``, ``100%``, ``>6,000``, ``around 300``."""

from __future__ import annotations

import re

# How a page says a figure is not exact, and the qualifier stored for it.
QUALIFIER_WORDS = {
    ">": "over",
    "over": "over",
    "more than": "over",
    "<": "under",
    "under": "under",
    "less than": "under",
    "fewer than": "under",
    "around": "around",
    "about": "around",
    "approximately": "around",
    "some": "around",
}
_QUALIFIER = "|".join(re.escape(word) for word in sorted(QUALIFIER_WORDS, key=len, reverse=True))
FIGURE = re.compile(
    rf"^(?:(?P<qualifier>{_QUALIFIER})\s*(?<=[<>\s]))?"
    r"(?P<number>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?P<percent>%?)\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)
YEAR_TOTAL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s+(?P<number>\d{1,3}(?:,\d{3})*|\d+)$")


def parse_number(text: str) -> float:
    return float(text.replace(",", ""))


def qualifier_of(word: str | None) -> str:
    """The stored qualifier for the word before a figure (``exact`` when there is none)."""
    return QUALIFIER_WORDS[word.casefold()] if word else "exact"
