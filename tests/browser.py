"""Helpers for browser tests: start the app on 127.0.0.1 and inspect requests."""

from __future__ import annotations

import os
from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Two test runs on one machine each need their own port (Dash's default is 8050).
PORT = int(os.environ.get("DASHBOARD_TEST_PORT", "8050"))


def start(dash_duo, app, path: str = "/") -> None:
    """Serve ``app`` on 127.0.0.1 only and open ``path``."""
    dash_duo.server.host = "127.0.0.1"
    dash_duo.start_server(app, host="127.0.0.1", port=PORT)
    if path != "/":
        dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element("#page-content > *")


def requested_hosts(dash_duo) -> set[str]:
    """Hosts of every resource the page has loaded or tried to load."""
    urls = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".concat([document.location.href]);"
    )
    return {urlparse(url).hostname for url in urls}


def assert_stayed_local(dash_duo) -> None:
    assert requested_hosts(dash_duo) <= LOCAL_HOSTS
    assert dash_duo.get_logs() == []
