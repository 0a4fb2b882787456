"""Display names of ISO 3166 alpha-3 codes."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_name(code: str) -> str:
    """``KAZ`` -> ``Kazakhstan``; an unknown or empty code is returned as is."""
    country = pycountry.countries.get(alpha_3=code) if code else None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
