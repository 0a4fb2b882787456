"""Where the shipped assets and operation data live.

In a source checkout (or an editable install) they are the repository's
top-level ``assets/`` and ``data/`` folders.  A wheel carries copies inside the
package as ``dashboard/_assets`` and ``dashboard/_data``.  ``DASHBOARD_DATA_DIR``
overrides the data folder for every entry point.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def assets_dir() -> Path:
    """The folder Dash serves as ``/assets``."""
    return _first_existing(PACKAGE_DIR.parent / "assets", PACKAGE_DIR / "_assets")


def default_data_dir() -> Path:
    """The data folder used when no ``data_dir`` is given."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    return _first_existing(PACKAGE_DIR.parent / "data", PACKAGE_DIR / "_data")
