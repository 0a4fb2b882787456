"""The operation id a page is imported as when none is given."""

from __future__ import annotations

import re
import unicodedata

from dashboard.data.meta_file import OPERATION_ID

# The longest id OPERATION_ID accepts.
MAX_LENGTH = 64
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def operation_id_for(name: str) -> str:
    """The operation id for an operation's name, as on the page's ``Operation:`` line.

    The name is decomposed (Unicode NFKD) and its accents and other non-ASCII
    characters dropped, then lower-cased; each run of characters other than
    ``a-z`` and ``0-9`` becomes one ``-``, and none is kept at either end:
    "Kazakhstan Multi-Country Office" is ``kazakhstan-multi-country-office``,
    "Côte d'Ivoire" is ``cote-d-ivoire``.  An id longer than 64 characters is
    cut after its last whole word that fits (a single word longer than that is
    cut at 64 characters).

    Raises ``ValueError`` when nothing usable remains (a name written without
    any Latin letter or digit).
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", ascii_name.lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        fitting = slug[: MAX_LENGTH + 1]
        slug = fitting.rsplit("-", 1)[0] if "-" in fitting else slug[:MAX_LENGTH]
    if not OPERATION_ID.match(slug):
        raise ValueError(
            f"the operation's name {name!r} gives no operation id (it has no letter a-z "
            "or digit once accents are dropped); import the page alone with --id"
        )
    return slug
