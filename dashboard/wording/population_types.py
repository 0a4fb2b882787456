"""Population types as the interface names them, in its language.

The data keeps the source's English type names; a type the catalog does not
know is shown as the data has it.
"""

from __future__ import annotations

from dashboard.i18n import N_, gettext

NAMES = {
    "Refugees": N_("Refugees"),
    "Asylum-seekers": N_("Asylum-seekers"),
    "Stateless": N_("Stateless"),
    "Undetermined nationality": N_("Undetermined nationality"),
    "Others of concern": N_("Others of concern"),
    "IDPs": N_("IDPs"),
    "Returnees": N_("Returnees"),
}


def population_type_name(population_type: str, lang: str) -> str:
    """``Asylum-seekers`` -> ``Demandeurs d'asile`` in French."""
    return gettext(lang, NAMES.get(population_type, population_type))
