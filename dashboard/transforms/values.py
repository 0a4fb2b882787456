"""Plain facts about a table's values that every transform shares."""

from __future__ import annotations

import math

# A figure's qualifier, as the data records it (``key_figures``, ``population_by_country``).
EXACT = "exact"
OVER = "over"
UNDER = "under"
AROUND = "around"


def is_missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
