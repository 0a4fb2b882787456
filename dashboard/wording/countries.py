"""Display names of ISO 3166 alpha-3 codes, in the interface language."""

from __future__ import annotations

from functools import cache

import pycountry

from dashboard.i18n import DEFAULT_LANGUAGE, babel_locale


@cache
def country_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``KAZ`` -> ``Kazakhstan``, ``UZB`` in French -> ``Ouzbékistan``.

    English names are pycountry's (ISO 3166's common names); other languages take
    the CLDR territory name through Babel.  An unknown or empty code is returned as is.
    """
    country = pycountry.countries.get(alpha_3=code) if code else None
    if country is None:
        return code
    if lang != DEFAULT_LANGUAGE:
        localised = babel_locale(lang).territories.get(country.alpha_2)
        if localised:
            return localised
    return getattr(country, "common_name", None) or country.name
