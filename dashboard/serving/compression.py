"""Compressed responses (flask-compress) and browser caching of static files.

Static files (Dash's component suites and ``/assets``) are the same bytes for
every request in a process, so their compressed form is computed once per
process and kept; dynamic responses (pages, callbacks, the API) are
compressed per response and never cached.  ``/assets`` URLs that carry Dash's
``?m=<mtime>`` fingerprint are cached by browsers for a year (a changed file
gets a new URL); Dash already does the same for fingerprinted component suites.
The map's topojson has no fingerprint (plotly.js builds its URL from the
graph's ``topojsonURL``), so browsers keep it for a day instead of asking again
on every load; it changes only when ``scripts/vendor-assets.sh`` is re-run.
"""

from __future__ import annotations

import flask
from flask_compress import Compress

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
# Brotli quality 5 instead of flask-compress's 4: plotly.js (1.4 MB) shrinks from
# 473 to 432 KiB for 40 ms once per process; callback answers stay a few ms.
BROTLI_QUALITY = 5
DYNAMIC_KEY = "dynamic"
ONE_YEAR = 31_536_000
ONE_DAY = 86_400
TOPOJSON_PREFIX = "/assets/topojson/"


def _is_static(request: flask.Request) -> bool:
    return request.method == "GET" and request.path.startswith(STATIC_PREFIXES)


def cache_key(request: flask.Request) -> str:
    """The key of a static file's compressed bytes; dynamic responses share a key never stored."""
    return "static:" + request.full_path if _is_static(request) else DYNAMIC_KEY


class StaticOnlyCache:
    """flask-compress cache backend that keeps only static files' compressed bytes."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";" + DYNAMIC_KEY):
            self._data[key] = value


def _buffer_static_files(response: flask.Response) -> flask.Response:
    """Read a streamed static file into memory, so it is compressed (and cached) whole."""
    request = flask.request
    if _is_static(request) and response.status_code == 200 and response.direct_passthrough:
        response.direct_passthrough = False
        response.make_sequence()
    fingerprinted_asset = request.path.startswith("/assets/") and request.args.get("m")
    fingerprinted_suite = response.cache_control.max_age == ONE_YEAR
    if (
        _is_static(request)
        and (fingerprinted_asset or fingerprinted_suite)
        and response.status_code in (200, 304)
    ):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    elif (
        _is_static(request)
        and request.path.startswith(TOPOJSON_PREFIX)
        and response.status_code in (200, 304)
    ):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_DAY
        response.cache_control.no_cache = None
    return response


def install(server: flask.Flask) -> Compress:
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_BR_LEVEL=BROTLI_QUALITY,
        COMPRESS_CACHE_BACKEND=StaticOnlyCache,
        COMPRESS_CACHE_KEY=cache_key,
        COMPRESS_STREAMS=False,
    )
    compress = Compress(server)
    # after_request functions run in reverse order: this one runs before compression.
    server.after_request(_buffer_static_files)
    return compress
