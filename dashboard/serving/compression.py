"""Compressed responses (flask-compress) and browser caching of static files.

Static files (Dash's component suites and ``/assets``) are the same bytes for
every request in a process, so their compressed form is computed once per
process and kept.  Callback answers repeat too (a page's values are kept per
view, see ``components.view_cache``), and compressing one took about a third
of its request's time (``python bench/bench_server.py``, eighth round in
bench/HISTORY.md): the compressed bytes of the most
recent ``CALLBACK_CACHE_SIZE`` distinct answers are kept, found by a digest of
the answer's bytes, so a cached answer is always the one being sent.  Other
dynamic responses (pages, layouts, the API) are compressed per response.

``/assets`` URLs that carry Dash's ``?m=<mtime>`` fingerprint are cached by
browsers for a year (a changed file gets a new URL); Dash already does the same
for fingerprinted component suites.
The map's topojson has no fingerprint (plotly.js builds its URL from the
graph's ``topojsonURL``), so browsers keep it for a day instead of asking again
on every load; it changes only when ``scripts/vendor-assets.sh`` is re-run.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

import flask
from flask_compress import Compress

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
# Brotli quality 5 instead of flask-compress's 4: plotly.js (1.4 MB) shrinks from
# 473 to 432 KiB for 40 ms once per process; callback answers stay a few ms.
BROTLI_QUALITY = 5
DYNAMIC_KEY = "dynamic"
CALLBACK_PATH_END = "/_dash-update-component"
# Distinct callback answers whose compressed bytes are kept (a few KiB each).
CALLBACK_CACHE_SIZE = 512
ONE_YEAR = 31_536_000
ONE_DAY = 86_400
TOPOJSON_PREFIX = "/assets/topojson/"


def _is_static(request: flask.Request) -> bool:
    return request.method == "GET" and request.path.startswith(STATIC_PREFIXES)


def _is_callback(request: flask.Request) -> bool:
    return request.method == "POST" and request.path.endswith(CALLBACK_PATH_END)


def cache_key(request: flask.Request) -> str:
    """The key of a static file's or a callback answer's compressed bytes; other
    dynamic responses share a key never stored."""
    if _is_static(request):
        return "static:" + request.full_path
    digest = flask.g.get("answer_digest")
    return "answer:" + digest if digest else DYNAMIC_KEY


def _note_answer_digest(response: flask.Response) -> flask.Response:
    """Remember a digest of a callback answer's bytes, for ``cache_key``."""
    if _is_callback(flask.request) and response.status_code == 200:
        flask.g.answer_digest = hashlib.blake2b(response.get_data(), digest_size=16).hexdigest()
    return response


class CompressedBytesCache:
    """flask-compress cache backend: static files' compressed bytes for good, the
    ``CALLBACK_CACHE_SIZE`` most recently used callback answers', nothing else."""

    def __init__(self) -> None:
        self._static: dict[str, bytes] = {}
        self._answers: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share a worker's cache

    def get(self, key: str) -> bytes | None:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
            return self._static.get(key)

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            if ";answer:" in key:
                self._answers[key] = value
                self._answers.move_to_end(key)
                if len(self._answers) > CALLBACK_CACHE_SIZE:
                    self._answers.popitem(last=False)
            elif not key.endswith(";" + DYNAMIC_KEY):
                self._static[key] = value


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
        COMPRESS_CACHE_BACKEND=CompressedBytesCache,
        COMPRESS_CACHE_KEY=cache_key,
        COMPRESS_STREAMS=False,
    )
    compress = Compress(server)
    # after_request functions run in reverse order: these run before compression.
    server.after_request(_buffer_static_files)
    server.after_request(_note_answer_digest)
    return compress
