"""English and French: the interface language of a request and its catalog.

Messages are English source strings wrapped in ``_()`` where they are shown
(``_ = translator(lang)``) or in ``N_()`` where they are defined at import time
and translated later.  ``pybabel extract`` finds both (see ``babel.cfg``); the
French catalog is the gettext file ``locales/fr/LC_MESSAGES/messages.po``,
read with Babel when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_PARAM = "lang"
LOCALES_DIR = Path(__file__).parent / "locales"
_BABEL_LOCALES = {"en": "en_GB", "fr": "fr_FR"}

Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Mark ``message`` for the catalog where it is defined; translate it where shown."""
    return message


def language(raw: str | None) -> str:
    """``raw`` if it is a language the interface speaks, else the default."""
    return raw if raw in LANGUAGES else DEFAULT_LANGUAGE


@cache
def messages(lang: str) -> dict[str, str]:
    """The translated messages of ``lang`` (English needs none): msgid -> msgstr."""
    path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT_LANGUAGE or not path.exists():
        return {}
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    return {
        message.id: message.string
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def translator(lang: str) -> Translate:
    """The ``_`` of ``lang``: an untranslated message falls back to English."""
    table = messages(language(lang))
    return lambda message: table.get(message, message)


@cache
def babel_locale(lang: str) -> Locale:
    """The Babel locale whose number and date conventions ``lang`` follows."""
    return Locale.parse(_BABEL_LOCALES[language(lang)])


def plural(lang: str, count: int, one: str, other: str) -> str:
    """``one`` or ``other`` (both already translated) as ``lang``'s plural rule says for
    ``count`` (French treats 0 and 1 as singular, English only 1)."""
    return one if babel_locale(lang).plural_form(count) == "one" else other


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang``: ``translator(lang)(message)`` for a single message."""
    return translator(lang)(message)
