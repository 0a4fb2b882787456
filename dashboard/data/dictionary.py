"""What every column of every public table means, for exports and the API.

Descriptions and notes are English messages marked with ``N_``: they are translated
where a file is written (``dashboard.exports.files``), so the same dictionary serves
every language.  Each description is one whole message, even where it repeats the
pillar note, because a translator must see complete sentences.
"""

from __future__ import annotations

from dashboard.i18n import N_

PILLAR_NOTE = N_(
    "Pillars: 1 refugee programme, 2 stateless programme, 3 reintegration projects, 4 IDP projects."
)
MISSING_NOTE = N_("An empty cell means the source gives no figure; it is not zero.")
SOURCE = N_(
    "File name of the source page the row comes from; the operation's Sources page gives "
    "its report year and SHA-256."
)

TABLES: dict[str, dict[str, str]] = {
    "budget": {
        "year": N_("Year of the budget or expenditure."),
        "pillar": N_(
            "UNHCR pillar number (1-4). Pillars: 1 refugee programme, 2 stateless programme, "
            "3 reintegration projects, 4 IDP projects."
        ),
        "budget_usd": N_("Budget of the pillar in the year, in US dollars."),
        "expenditure_usd": N_(
            "Expenditure of the pillar in the year, in US dollars; "
            "empty where the source reports none (e.g. a year not yet closed)."
        ),
        "source": SOURCE,
    },
    "people_of_concern": {
        "year": N_("Year of the total."),
        "total": N_("Total people of concern to UNHCR in the operation, as the source states it."),
        "source": SOURCE,
    },
    "population_by_type": {
        "year": N_("Year of the breakdown."),
        "population_type": N_("Population type (Refugees, Asylum-seekers, Stateless, ...)."),
        "value": N_("Number of people of that type."),
        "source": SOURCE,
    },
    "population_by_country": {
        "year": N_("Year the figure describes."),
        "country": N_("ISO 3166 alpha-3 code of the country."),
        "population_type": N_("Population type."),
        "value": N_("Number of people, as the sentence in 'quote' states it."),
        "qualifier": N_(
            "exact, over (the text says 'over N'), under (the text says 'under N') or "
            "around (the text says 'around N')."
        ),
        "source_section": N_("Section of the source page the sentence comes from."),
        "quote": N_("The sentence of the source page that gives the figure."),
        "source": SOURCE,
    },
    "key_figures": {
        "year": N_("Year of the result, or the year a planning target is for."),
        "kind": N_("result (year-end result) or plan (planning target)."),
        "qualifier": N_(
            "exact, or over / under / around when the source qualifies the figure "
            "(for example '>6,000' or 'around 300')."
        ),
        "value": N_("The figure."),
        "unit": N_("count or percent."),
        "text": N_("The key figure's sentence without its number."),
        "country": N_("ISO 3166 alpha-3 code of the country the sentence names, if any."),
        "source": SOURCE,
    },
    "narratives": {
        "year": N_("Year the document covers."),
        "kind": N_("year-end (report written after the year) or plan (written before the year)."),
        "section": N_("Section heading on the source page."),
        "order": N_("Position of the section in its document."),
        "body": N_("Section text in Markdown."),
        "source": SOURCE,
    },
    "contributions": {
        "date": N_("Date of the contribution (ISO 8601)."),
        "date_label": N_("The date as the source prints it."),
        "donor": N_("Donor as the source names it ('private donors' for private donors)."),
        "donor_type": N_("government, private or other."),
        "country": N_("ISO 3166 alpha-3 code of the donor country, if any."),
        "source": SOURCE,
    },
    "revisions": {
        "table": N_("Table whose value a newer source page changed."),
        "year": N_("Year the value is for."),
        "key": N_("The row's key in that table (for example year and pillar)."),
        "column": N_("Column whose value changed."),
        "old_value": N_("The value the older source page gives."),
        "old_source": N_("File name of the older source page."),
        "new_value": N_("The value the newer source page gives, which the tables hold."),
        "new_source": N_("File name of the newer source page."),
    },
}
