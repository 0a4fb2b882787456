"""One module per page; ``PAGES`` is the menu order.

Each page module has ``PATH``, ``LABEL``, ``layout(operation)`` returning the
page's components, and callbacks that fill them from the selected year.  The
shell's router only re-renders a page when the path or the operation changes;
a year switch runs the pages' callbacks instead of rebuilding the page.
"""

from types import ModuleType

from dashboard.pages import budget, contributions, narratives, overview

PAGES: tuple[ModuleType, ...] = (overview, budget, narratives, contributions)


def page_for(path: str | None) -> ModuleType | None:
    for page in PAGES:
        if (path or "/") == page.PATH:
            return page
    return None
