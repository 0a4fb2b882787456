"""Find English in text meant to be French: the scan of the French pages and figures.

It looks for fragments of the catalog's English messages that their French
lacks, common English words, and numbers grouped the English way (``7,500``).
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.i18n import messages

OPERATION = "Kazakhstan Multi-Country Office"  # seed line 1
ENGLISH_WORDS = re.compile(r"\b(the|and|of|for|from|with|per|no data|show|download)\b", re.I)
ENGLISH_GROUPING = re.compile(r"\d,\d{3}\b")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@cache
def english_fragments() -> frozenset[str]:
    """Pieces of English messages, two words or longer, that their French lacks."""
    fragments = set()
    for english, french in messages("fr").items():
        for piece in PLACEHOLDER.split(english):
            piece = piece.strip(" .,:;“”'()")
            if len(piece.split()) >= 2 and piece not in french:
                fragments.add(piece)
    return frozenset(fragments)


def english_found(text: str) -> list[str]:
    # The operation's and the source's names are proper names, in the source's language.
    text = text.replace(OPERATION, "").replace("UNHCR Global Focus", "")
    found = [fragment for fragment in english_fragments() if fragment in text]
    found += [match.group(0) for match in ENGLISH_WORDS.finditer(text)]
    found += [match.group(0) for match in ENGLISH_GROUPING.finditer(text)]
    return found
