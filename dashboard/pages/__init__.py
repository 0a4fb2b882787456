"""One module per page; ``PAGES`` is the menu order.

The page contract: each page module has

- ``PATH`` and ``LABEL`` (the menu's words, marked for translation);
- ``layout(view, operations)``: the page drawn for a ``ViewState`` and the
  operations it names (a list of one), its views filled in;
- optionally ``ALL_OPERATIONS = True``: ``layout`` and ``update`` get every
  loaded operation instead (the ``LoadedOperations`` mapping): the catalogue
  lists them all, the comparison's menu offers them all;
- ``UPDATES``: named ``Output``s that a year or filter switch changes in place,
  and ``update(view, operations)`` returning their values by name;
- optionally ``callbacks`` (a ``CallbackSet``): its widgets' callbacks, which
  only write the URL (``state.view.view_search``);
- optionally ``widget_examples()``: one of each widget its callbacks name that
  it draws once per item of the data (a country's button), so that the check
  of the callbacks against the pages when the app is built does not depend on
  the data having such items.

``layout`` draws its views from the same values as ``update`` (through
``components.view_cache.page_values``), so a first load and a switch to the
same view show the same thing.
"""

from types import ModuleType

from dashboard.pages import (
    budget,
    catalogue,
    compare,
    contributions,
    narratives,
    overview,
    sources,
)

PAGES: tuple[ModuleType, ...] = (
    overview,
    budget,
    narratives,
    contributions,
    sources,
    catalogue,
    compare,
)


def page_for(path: str | None) -> ModuleType | None:
    for page in PAGES:
        if (path or "/") == page.PATH:
            return page
    return None
