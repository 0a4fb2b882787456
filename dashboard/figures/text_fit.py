"""How wide a chart's text will be, so that titles wrap and margins fit their labels.

The figures are built on the server, before any browser has measured a
letter, and must fit a 375 px phone as well as a wide screen: French labels
are about a third longer than English ones.  Widths are estimated from the
kind of each character (narrow, wide, other) in the theme's sans-serif font,
rounded up, so an estimate errs on the wide side; the browser tests check the
result where it is drawn (``tests/layout_check.py``).
"""

from __future__ import annotations

import math

# Width of a character, in ems, by kind: an upper estimate for system-ui, Segoe UI,
# Roboto, Helvetica and Arial.
NARROW = frozenset(" .,:;'’!|()[]/-–ijlfrtI1")
WIDE = frozenset("MWmw@%—")
NARROW_EM, WIDE_EM, OTHER_EM, CAPITAL_EM = 0.32, 0.92, 0.58, 0.7
# The narrowest chart is a 375 px phone's: its text may use this much of the width,
# and a category's label on the side of its bars this much.
PHONE_TEXT_WIDTH = 330
LABEL_WIDTH = 120


def text_width(text: str, size: float) -> float:
    """The width in pixels of ``text`` (one line) in a font of ``size`` pixels."""
    ems = 0.0
    for char in text:
        if char in NARROW:
            ems += NARROW_EM
        elif char in WIDE:
            ems += WIDE_EM
        elif char.isupper():
            ems += CAPITAL_EM
        else:
            ems += OTHER_EM
    return ems * size


def wrap(text: str, size: float, width: float = PHONE_TEXT_WIDTH) -> list[str]:
    """``text`` cut into lines (between words) that are each at most ``width`` pixels wide."""
    lines: list[str] = []
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def wrap_label(label: str, size: float, width: float = LABEL_WIDTH) -> str:
    """A tick label cut into lines at most ``width`` pixels wide (plotly's ``<br>``)."""
    return "<br>".join(wrap(label, size, width))


def label_margin(labels: list[str], size: float, padding: float = 12) -> int:
    """The margin, in pixels, that holds the widest line of ``labels`` (lines split
    at ``<br>``) with ``padding`` to spare."""
    widest = max(
        (text_width(line, size) for label in labels for line in label.split("<br>")),
        default=0.0,
    )
    return math.ceil(widest + padding)
