"""The URL's callbacks: the one path from the address to what the page shows.

- ``draw_frame`` follows the URL (a first load, a link, back/forward, a year
  picked): it reads the view (``state.view.read_view``) and, when the page,
  operations or language differ from the frame drawn, draws the frame with the
  page for the view.
- Otherwise ``update_frame`` updates the frame's ``IN_PLACE`` parts (year menu,
  notice, links, footer, title) and the shown page's own update callback its
  ``UPDATES``, from the same view.

They run on the same change of the URL, side by side; each decides from the
URL and the frame's ``data-frame`` alone, and no one reads what another
writes, so the order Dash runs them in changes nothing.  Widgets that
change the view (the year and operation menus, a page's filters) only write
the URL (``pick_operation`` here, the year menu in ``shell.browser``, a page's
own ``pick_*`` callbacks), and only when the value picked differs from the
view's: Dash runs them, ``prevent_initial_call`` or not, when a drawn frame
mounts their widget, and that report must write nothing.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from dash import Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import ids, runtime
from dashboard.components.callbacks import CallbackSet
from dashboard.components.view_cache import page_values
from dashboard.pages import PAGES
from dashboard.shell.frame import IN_PLACE, frame, frame_key, in_place_values
from dashboard.state.view import OPERATION_PARAM, YEAR_PARAM, read_view, view_search

callbacks = CallbackSet()


@callbacks.callback(
    Output(ids.FRAME, "children"),
    Output(ids.FRAME, "data-frame"),
    Input(ids.URL, "pathname"),
    Input(ids.URL, "search"),
    State(ids.FRAME, "data-frame"),
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
    state={"pathname": State(ids.URL, "pathname"), "drawn": State(ids.FRAME, "data-frame")},
    prevent_initial_call=True,
)
def update_frame(search: str | None, pathname: str | None, drawn: str | None) -> dict[str, Any]:
    """The frame's ``IN_PLACE`` parts for the URL's view, when the frame drawn
    shows its page, operations and language (else ``draw_frame`` draws it anew)."""
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    if frame_key(view) != drawn:
        raise PreventUpdate
    return in_place_values(view, catalogue)


def page_update_callback(page: ModuleType) -> None:
    """Declare the callback that updates ``page``'s ``UPDATES`` when the URL's
    query changes while the page is shown."""

    def update_page(search: str | None, pathname: str | None) -> dict[str, Any]:
        catalogue = runtime.catalogue()
        view = read_view(pathname, search, catalogue)
        if view.path != page.PATH:  # leaving the page: the frame draws the next one
            raise PreventUpdate
        return page_values(page.update, view, catalogue.of(view.operation_ids))

    update_page.__name__ = f"update_{page.__name__.rsplit('.', 1)[-1]}"
    callbacks.callback(
        output=page.UPDATES,
        inputs={"search": Input(ids.URL, "search")},
        state={"pathname": State(ids.URL, "pathname")},
        prevent_initial_call=True,
    )(update_page)


for _page in PAGES:
    page_update_callback(_page)


@callbacks.callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.OPERATION_SELECT, "value"),
    State(ids.URL, "search"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def pick_operation(operation_id: str, search: str | None, pathname: str | None) -> str:
    """An operation picked in the menu goes to the URL (``?op=``, none for the
    default), at its report year.  The menu also reports the view's operation
    when the frame is drawn: that changes nothing."""
    catalogue = runtime.catalogue()
    view = read_view(pathname, search, catalogue)
    if operation_id == view.operation_id:
        raise PreventUpdate
    chosen = None if operation_id == catalogue.default_id else operation_id
    return view_search(view, **{OPERATION_PARAM: chosen, YEAR_PARAM: None})
