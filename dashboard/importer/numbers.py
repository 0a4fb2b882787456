"""Numbers as the pages print them: ``7,500``, ``100%``, ``106,489``."""

from __future__ import annotations

import re

FIGURE = re.compile(
    r"^(?P<number>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?P<percent>%?)\s+(?P<text>\S.*)$"
)
YEAR_TOTAL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s+(?P<number>\d{1,3}(?:,\d{3})*|\d+)$")


def parse_number(text: str) -> float:
    return float(text.replace(",", ""))
