"""Contributions as the page says them: donors' names, types and filters in the
reader's language, and the sentence that counts a year's contributions.

A private-donor row is named "private donors" with the donor's country where
the page gives one, so it is shown as "Private donors (Qatar)", or "Private
donors" without one.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import N_, gettext, plural, translator
from dashboard.transforms.contributions import ALL, GOVERNMENT, OTHER, PRIVATE, type_totals
from dashboard.wording.countries import country_name
from dashboard.wording.formatting import format_date

FILTER_LABELS = {ALL: N_("All"), GOVERNMENT: N_("Government"), PRIVATE: N_("Private")}
TYPE_LABELS = {GOVERNMENT: N_("Government"), PRIVATE: N_("Private"), OTHER: N_("Other")}
FROM_PHRASES = {
    ALL: N_("from all donors"),
    GOVERNMENT: N_("from governments"),
    PRIVATE: N_("from private donors"),
    OTHER: N_("from others"),
}
BARE_PRIVATE = N_("Private donors")
ROW_COLUMNS = ["date", "date_label", "donor", "donor_type", "country"]
COUNT_COLUMNS = ["donor", "donor_type", "contributions"]


def filter_phrase(donor_type: str | None, lang: str) -> str:
    """``from governments``: which contributions the filter keeps, for captions."""
    return gettext(lang, FROM_PHRASES.get(donor_type or ALL, FROM_PHRASES[ALL]))


def donor_label(donor: str, donor_type: str, country: str, lang: str) -> str:
    """How a donor reads on the page: ``Germany``, ``Private donors (Qatar)``.

    A donor that is its country (``Germany``, DEU) takes the country's name in
    ``lang``; any other donor keeps the source's name.
    """
    if donor_type == PRIVATE and donor.strip().lower() == "private donors":
        bare = gettext(lang, BARE_PRIVATE)
        return f"{bare} ({country_name(country, lang)})" if country else bare
    if country and donor == country_name(country):
        return country_name(country, lang)
    return donor


def type_label(donor_type: str, lang: str) -> str:
    if donor_type in TYPE_LABELS:
        return gettext(lang, TYPE_LABELS[donor_type])
    return donor_type.capitalize()


def display_rows(contributions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows as shown: date (datetime), date_label (the date in ``lang``), donor,
    donor_type and country names."""
    rows = contributions.reset_index(drop=True)
    return pd.DataFrame(
        {
            "date": rows["date"],
            "date_label": [format_date(day.date(), lang) for day in rows["date"]],
            "donor": [
                donor_label(d, t, c, lang)
                for d, t, c in zip(rows["donor"], rows["donor_type"], rows["country"], strict=True)
            ],
            "donor_type": [type_label(t, lang) for t in rows["donor_type"]],
            "country": [country_name(c, lang) if c else "" for c in rows["country"]],
        },
        columns=ROW_COLUMNS,
    )


def counts_per_donor(contributions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Number of contributions per donor, most first, then by donor name.

    A donor is its shown name and type, so private donors in Qatar and private
    donors with no country are counted apart.
    """
    rows = display_rows(contributions, lang)
    if rows.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS).astype({"contributions": "int64"})
    counts = rows.groupby(["donor", "donor_type"], sort=False).size().reset_index()
    counts.columns = COUNT_COLUMNS
    counts = counts.sort_values(
        ["contributions", "donor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return counts.astype({"contributions": "int64"})


def unnamed_private_note(counts: pd.DataFrame, lang: str) -> str | None:
    """Why "Private donors" alone is not every private donor, when the counts show it."""
    _ = translator(lang)
    bare = _(BARE_PRIVATE)
    if bare not in set(counts["donor"]):
        return None
    return _(
        "“{label}” counts the private contributions the source lists without naming a country."
    ).format(label=bare)


def describe_totals(contributions: pd.DataFrame, year: int, lang: str) -> str:
    """``18 contributions in 2021: 4 from governments, 14 from private donors.``"""
    _ = translator(lang)
    total = len(contributions)
    if total == 0:
        return _("No contributions in {year}.").format(year=year)
    details = ", ".join(
        f"{n} {_(FROM_PHRASES[kind])}" for kind, n in type_totals(contributions).items()
    )
    sentence = plural(
        lang,
        total,
        _("{count} contribution in {year}: {details}."),
        _("{count} contributions in {year}: {details}."),
    )
    return sentence.format(count=total, year=year, details=details)
