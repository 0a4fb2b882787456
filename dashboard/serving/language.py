"""The language a request asks for, for answers made outside the Dash pages."""

from __future__ import annotations

import flask
from werkzeug.datastructures import LanguageAccept

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGE_PARAM, LANGUAGES


def accepted_language() -> str:
    """The Accept-Language header's best match, by primary subtag and quality.

    Werkzeug's ``best_match`` prefers an exact but less wanted tag to a regional one,
    so ``fr-CH, en;q=0.5`` would get English: regions are dropped before matching.
    """
    primary = LanguageAccept(
        (tag.split("-")[0].lower(), quality) for tag, quality in flask.request.accept_languages
    )
    return primary.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def request_language() -> str:
    """``?lang=`` if it names a language of the interface, else ``accepted_language``."""
    raw = flask.request.args.get(LANGUAGE_PARAM)
    return raw if raw in LANGUAGES else accepted_language()
