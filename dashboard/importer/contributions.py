"""The "Latest contributions" list.

A date applies to the donors after it until the next date.  A donor line
followed by ``private donors`` means private donors of that country; a bare
``private donors`` line means private donors with no country; a country on its
own is a government contribution.  Private donors keep the page's label
``private donors`` as their donor name, with the country where one is given.
A donor that is not a country (an agency, a fund) is kept with the type
``other``.
"""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

from dashboard.importer.countries import country_code
from dashboard.importer.page import Line, PageError

BLOCK = "latest contributions"
DATE = re.compile(r"^\d{2}-[A-Za-z]{3}-\d{4}$")
PRIVATE = "private donors"
COLUMNS = ["date", "date_label", "donor", "donor_type", "country"]


def parse_contributions(lines: list[Line]) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    date: datetime | None = None
    label = ""
    pending: str | None = None

    def emit(donor: str, donor_type: str, country: str) -> None:
        rows.append(
            {
                "date": date,
                "date_label": label,
                "donor": donor,
                "donor_type": donor_type,
                "country": country,
            }
        )

    def emit_named(donor: str) -> None:
        code = country_code(donor) or ""
        emit(donor, "government" if code else "other", code)

    for line in lines:
        text = line.text
        if line.blank:
            continue
        if DATE.match(text):
            if pending:
                emit_named(pending)
            pending = None
            try:
                date = datetime.strptime(text, "%d-%b-%Y")
            except ValueError:
                raise PageError(BLOCK, f"{text!r} is not a date", line.number) from None
            label = text
            continue
        if date is None:
            raise PageError(BLOCK, f"donor {text[:60]!r} comes before any date", line.number)
        if text.casefold() == PRIVATE:
            country = country_code(pending) if pending else None
            if pending and not country:
                emit_named(pending)
            emit(text, "private", country or "")
            pending = None
        else:
            if pending:
                emit_named(pending)
            pending = text
    if pending:
        emit_named(pending)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
