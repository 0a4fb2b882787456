"""What every column of every public table means, for exports and the API."""

from __future__ import annotations

PILLAR_NOTE = (
    "Pillars: 1 refugee programme, 2 stateless programme, 3 reintegration projects, 4 IDP projects."
)
MISSING_NOTE = "An empty cell means the source gives no figure; it is not zero."

TABLES: dict[str, dict[str, str]] = {
    "budget": {
        "year": "Year of the budget or expenditure.",
        "pillar": "UNHCR pillar number (1-4). " + PILLAR_NOTE,
        "budget_usd": "Budget of the pillar in the year, in US dollars.",
        "expenditure_usd": "Expenditure of the pillar in the year, in US dollars; "
        "empty where the source reports none (e.g. a year not yet closed).",
    },
    "people_of_concern": {
        "year": "Year of the total.",
        "total": "Total people of concern to UNHCR in the operation, as the source states it.",
    },
    "population_by_type": {
        "year": "Year of the breakdown.",
        "population_type": "Population type (Refugees, Asylum-seekers, Stateless, ...).",
        "value": "Number of people of that type.",
    },
    "population_by_country": {
        "year": "Year the figure describes.",
        "country": "ISO 3166 alpha-3 code of the country.",
        "population_type": "Population type.",
        "value": "Number of people, as the sentence in 'quote' states it.",
        "qualifier": "exact, over (the text says 'over N') or around (the text says 'around N').",
        "source_section": "Section of the source page the sentence comes from.",
        "quote": "The sentence of the source page that gives the figure.",
    },
    "key_figures": {
        "year": "Year of the result, or the year a planning target is for.",
        "kind": "result (year-end result) or plan (planning target).",
        "value": "The figure.",
        "unit": "count or percent.",
        "text": "The key figure's sentence without its number.",
        "country": "ISO 3166 alpha-3 code of the country the sentence names, if any.",
    },
    "narratives": {
        "year": "Year the document covers.",
        "kind": "year-end (report written after the year) or plan (written before the year).",
        "section": "Section heading on the source page.",
        "order": "Position of the section in its document.",
        "body": "Section text in Markdown.",
    },
    "contributions": {
        "date": "Date of the contribution (ISO 8601).",
        "date_label": "The date as the source prints it.",
        "donor": "Donor as the source names it ('private donors' for private donors).",
        "donor_type": "government, private or other.",
        "country": "ISO 3166 alpha-3 code of the donor country, if any.",
    },
}
