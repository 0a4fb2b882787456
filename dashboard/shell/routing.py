"""The URL's callbacks: the one path from the address to what the page shows.

- ``draw_frame`` follows the URL (a first load, a link, back/forward): it
  reads the view (``state.view.read_view``) and, when the page, operations or
  language differ from the frame drawn (``data-frame``), draws the frame with
  the page for the view.
- Otherwise ``update_frame`` updates the frame's ``IN_PLACE`` parts (year menu,
  notice, links, footer, title), and the shown page's update callback
  (``page_views``) its ``UPDATES`` when the view differs from the one its views
  are drawn for (``data-view``).

Each decides from the URL and the frame's ``data-frame`` / ``data-view``
alone, so the order Dash runs them in changes nothing.  Widgets that change
the view write the URL (``find_operation`` here, a page's own ``pick_*``
callbacks), and only when the value picked differs from the view's: Dash runs
them, ``prevent_initial_call`` or not, when a drawn frame mounts their widget,
and that report must write nothing.

The year menu is the one exception, a speed trick: a year picked goes to the
page's update callback itself, which reads the URL's view with that year and
returns the views and the address (``data-address``) that the browser then
writes to the URL (``shell.browser``).  Writing the URL first puts the
callbacks that follow it (the frame's, the pages') before the charts' answer;
see the price tag in README's "Speed tricks" table.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from dash import Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.operation_finder import finder_inputs
from dashboard.components.view_cache import is_kept, page_values
from dashboard.components.view_prefetch import prefetch_years
from dashboard.i18n import LANGUAGE_PARAM
from dashboard.pages import PAGES
from dashboard.shell.frame import (
    IN_PLACE,
    drawn_view_id,
    frame,
    frame_key,
    in_place_values,
    page_operations,
    view_key,
)
from dashboard.state.view import (
    CATALOGUE_PATH,
    OPERATION_PARAM,
    TEXT_PARAM,
    YEAR_PARAM,
    language_param,
    read_view,
    view_search,
)

callbacks = CallbackSet()


@callbacks.callback(
    Output(ids.FRAME, "children"),
    Output(ids.FRAME, "data-frame"),
    Input(ids.URL, "pathname"),
    Input(ids.URL, "search"),
    State(ids.FRAME, "data-frame"),
    # A page with its first frame (``shell.index``) has nothing to draw; one
    # without it reports its address when the URL mounts, which runs this.
    prevent_initial_call=True,
)
def draw_frame(pathname: str | None, search: str | None, drawn: str | None) -> tuple[Any, str]:
    """The frame, with its page, for the URL's view, when its page, operations or
    language differ from the frame ``drawn`` (and on a first load: the layout
    itself is the same for every address)."""
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    key = frame_key(view)
    if key == drawn:
        raise PreventUpdate
    return frame(view, catalogue), key


@callbacks.callback(
    output=IN_PLACE,
    inputs={"search": Input(ids.URL, "search")},
    state={
        "pathname": State(ids.URL, "pathname"),
        "drawn": State(ids.FRAME, "data-frame"),
        "shown": State(ids.DOCUMENT_META, "data-view"),
        "menu_year": State(ids.YEAR_SELECT, "value"),
    },
    prevent_initial_call=True,
)
def update_frame(
    search: str | None,
    pathname: str | None,
    drawn: str | None,
    shown: str | None,
    menu_year: str | None,
) -> dict[str, Any]:
    """The frame's ``IN_PLACE`` parts for the URL's view, when the frame drawn
    shows its page, operations and language (else ``draw_frame`` draws it anew)
    but not yet this view (``shown``: else nothing changes, as when the URL
    reports the address it was drawn for).  The menu is set only when it shows
    another year (back, forward, a link): setting it asks the page's update
    again."""
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    if frame_key(view) != drawn or view_key(view) == shown:
        raise PreventUpdate
    values = in_place_values(view, catalogue)
    return {**values, "year": no_update if values["year"] == menu_year else values["year"]}


def page_views(
    page: ModuleType,
    picked: str | None,
    search: str | None,
    pathname: str | None,
    drawn: str | None,
) -> dict[str, Any]:
    """``page``'s ``UPDATES`` for the URL's view, with the year ``picked`` in the
    menu if any, when they differ from the views ``drawn``; and for a year
    picked, the address to write (``data-address``, which the browser writes to
    the URL once the views are drawn: see ``shell.browser``)."""
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    address = ""
    if picked is not None and picked != str(view.year):
        address = view_search(view, **{YEAR_PARAM: picked})
        view = read_view(pathname, address, catalogue)
    key = view_key(view)
    if view.path != page.PATH or key == drawn:
        raise PreventUpdate  # leaving the page (the frame draws the next), or drawn
    operations = page_operations(page, view, catalogue)
    picked_new = (
        address
        and not isinstance(operations, Mapping)
        and not is_kept(page.update, view, operations)
    )
    values = page_values(page.update, view, operations)
    if picked_new:  # a year picked that this process had not drawn: the others next
        prefetch_years(page.update, view, operations)
    return {**values, "address": address, "drawn": key}


def page_update_callback(page: ModuleType) -> None:
    """Declare ``page``'s update callback: ``page_views`` when a year is picked
    in the menu or the URL's query changes."""

    def update_page(
        picked: str | None, search: str | None, pathname: str | None, drawn: str | None
    ) -> dict[str, Any]:
        menu = ctx.triggered_id == ids.YEAR_SELECT
        return page_views(page, picked if menu else None, search, pathname, drawn)

    update_page.__name__ = f"update_{page.__name__.rsplit('.', 1)[-1]}"
    callbacks.callback(
        output={
            **page.UPDATES,
            "address": Output(drawn_view_id(page.PATH), "data-address"),
            "drawn": Output(drawn_view_id(page.PATH), "data-view"),
        },
        inputs={"picked": Input(ids.YEAR_SELECT, "value"), "search": Input(ids.URL, "search")},
        state={
            "pathname": State(ids.URL, "pathname"),
            "drawn": State(drawn_view_id(page.PATH), "data-view"),
        },
        prevent_initial_call=True,
    )(update_page)


for _page in PAGES:
    page_update_callback(_page)


@callbacks.callback(
    Output(ids.URL, "pathname", allow_duplicate=True),
    Output(ids.URL, "search", allow_duplicate=True),
    *finder_inputs(ids.OPERATION_FIND),
    State(ids.URL, "search"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def find_operation(
    _submitted: int | None,
    _clicked: int | None,
    text: str | None,
    search: str | None,
    pathname: str | None,
) -> tuple[str, str]:
    """The operation named in the navbar's box, on the same page at its report
    year (``?op=``, none for the default); any other text: the catalogue
    filtered by it.  An empty box, or the view's own operation, changes nothing."""
    if not (text or "").strip():
        raise PreventUpdate
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    found = catalogue.named(text)
    if found is None:
        language = language_param(view.lang)
        return CATALOGUE_PATH, view_search(
            None, **{TEXT_PARAM: text.strip(), LANGUAGE_PARAM: language}
        )
    if found == view.operation_id:
        raise PreventUpdate
    chosen = None if found == catalogue.default_id else found
    return view.path, view_search(view, **{OPERATION_PARAM: chosen, YEAR_PARAM: None})
