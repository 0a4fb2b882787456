"""Shared pieces of the benchmarks: servers on 127.0.0.1, headless Chromium, tables, JSON.

Every server here listens on 127.0.0.1 only and is stopped by the benchmark that
started it (by its process, never by name).  Results go to ``bench/results/``
(git-ignored), or to the folder named by ``BENCH_RESULTS_DIR``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OPERATION = "kazakhstan-mco"
PAGES = ("/", "/budget", "/narratives", "/contributions")
# Any host but the local machine resolves to nothing (as in the browser tests).
HOST_RULES = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


# ---------------------------------------------------------------- numbers and output


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain-text table, numbers right-aligned."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:,.1f}" if abs(value) >= 100 else f"{value:,.2f}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    text = [[cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in text)) for i, h in enumerate(headers)]
    print("  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row, raw in zip(text, rows, strict=True):
        print(
            "  ".join(
                c.rjust(w) if isinstance(v, int | float) else c.ljust(w)
                for c, v, w in zip(row, raw, widths, strict=True)
            )
        )


def machine() -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def write_results(name: str, command: str, payload: dict) -> Path:
    """Write ``<results folder>/<name>.json`` with the date, machine and command."""
    folder = Path(os.environ.get("BENCH_RESULTS_DIR") or REPO / "bench" / "results")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    document = {
        "benchmark": name,
        "command": command,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        **payload,
    }
    path.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")
    return path


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {timeout} s") from None
            time.sleep(0.05)


@contextlib.contextmanager
def gunicorn(
    workers: int = 2,
    data_dir: Path | None = None,
    timeout: float = 120.0,
    *,
    target: str = "dashboard.wsgi:server",
    env: dict[str, str] | None = None,
    health: str = "/healthz",
) -> Iterator[tuple[str, subprocess.Popen]]:
    """``gunicorn -w N -b 127.0.0.1:PORT dashboard.wsgi:server``, run from the repository.

    gunicorn reads the repository's ``gunicorn.conf.py`` (gthread workers, 4
    threads, preload); ``-w`` and ``-b`` override its worker count and address.
    ``target`` and ``env`` serve another WSGI app (with ``bench/`` on the path);
    ``health`` is the path polled until it answers.
    The access log goes to a temporary file rather than the terminal.
    """
    import psutil

    port = free_port()
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPO / "bench"), *filter(None, [environment.get("PYTHONPATH")])]
    )
    if data_dir is not None:
        environment["DASHBOARD_DATA_DIR"] = str(data_dir)
    # Kept open for the server's lifetime, closed and removed in ``finally``.
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115
        prefix="bench-gunicorn-", suffix=".log", delete=False
    )
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, target], cwd=REPO, env=environment, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + health, timeout, process)
        deadline = time.monotonic() + timeout
        while len(psutil.Process(process.pid).children()) < workers:
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn workers did not start")
            time.sleep(0.05)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        os.unlink(log.name)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass

    def end_headers(self) -> None:
        # Like the app's fingerprinted files: cacheable, so a warm load uses the cache.
        if self.path.endswith(".js") or "/topojson/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


@contextlib.contextmanager
def static_server(directory: Path) -> Iterator[str]:
    """A static file server for ``directory`` on 127.0.0.1, in a thread of this process."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- browser


def chrome(width: int = 1400, height: int = 1000):
    """Headless Chromium with the performance (network) log on, local hosts only."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        f"--host-resolver-rules={HOST_RULES}",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--no-first-run",
        "--disable-sync",
        "--mute-audio",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def network_events(driver) -> list[dict]:
    """The Network.* events logged since the last call."""
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"].startswith("Network."):
            events.append(message)
    return events


def callback_outputs(output_key: str) -> list[dict]:
    """A multi-output callback's key in ``/_dash-dependencies`` as the outputs the
    browser posts; a dict id (``{"path":["ALL"],"type":"nav-link"}``) as a dict."""
    outputs = []
    for part in output_key.strip(".").split("..."):
        component_id, prop = part.rsplit(".", 1)
        outputs.append(
            {
                "id": json.loads(component_id) if component_id.startswith("{") else component_id,
                "property": prop,
            }
        )
    return outputs


# ---------------------------------------------------------------- callback requests
#
# The app's layout is only the URL (``url``) and an empty frame (``frame``): the
# callback ``draw_frame`` (inputs ``url.pathname`` and ``url.search``, state
# ``frame.data-frame``) draws the frame with its page for the view the URL names
# (``?year=2019&op=<id>&lang=fr``).  A year switch writes ``?year=`` into
# ``url.search`` in the browser; the server callbacks that follow the URL then
# run: ``draw_frame`` (nothing to draw: 204), ``update_frame`` (the navbar's parts)
# and the shown page's update callback (its charts, headings and tables).

FRAME_OUTPUT = "..frame.children...frame.data-frame.."


def view_search(year: int | str | None = None, operation: str | None = None) -> str:
    """The URL's query for a view: ``?year=2019`` (and ``&op=<id>``)."""
    params = [("year", year), ("op", operation)]
    query = "&".join(f"{key}={value}" for key, value in params if value is not None)
    return f"?{query}" if query else ""


def dash_post(base: str, body: dict, timeout: float = 60) -> tuple[int, bytes]:
    """POST ``body`` to ``/_dash-update-component``: (status, body bytes)."""
    request = urllib.request.Request(
        base + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def dash_dependencies(base: str) -> list[dict]:
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=60) as response:
        return json.load(response)


def draw_frame_body(path: str, search: str, drawn: str | None = None) -> dict:
    """The request the browser sends on a first load of ``path + search``."""
    return {
        "output": FRAME_OUTPUT,
        "outputs": callback_outputs(FRAME_OUTPUT),
        "inputs": [
            {"id": "url", "property": "pathname", "value": path},
            {"id": "url", "property": "search", "value": search},
        ],
        "state": [{"id": "frame", "property": "data-frame", "value": drawn}],
        "changedPropIds": ["url.pathname", "url.search"],
    }


def frame_of(response: bytes) -> tuple[list, str]:
    """The frame's children and its ``data-frame`` key from ``draw_frame``'s answer."""
    frame = json.loads(response)["response"]["frame"]
    return frame["children"], frame["data-frame"]


def draw_frame(base: str, path: str, search: str) -> tuple[list, str]:
    """The frame with its page, as the server draws it for ``path + search``:
    (its children as the layout's JSON, its ``data-frame`` key)."""
    status, data = dash_post(base, draw_frame_body(path, search))
    if status != 200:
        raise RuntimeError(f"draw_frame for {path}{search}: HTTP {status}")
    return frame_of(data)


def components(tree) -> Iterator[dict]:
    """The props of every component of a layout's JSON, in the layout's order."""
    if isinstance(tree, list):
        for item in tree:
            yield from components(item)
    elif isinstance(tree, dict):
        props = tree.get("props")
        if isinstance(props, dict):
            yield props
            for value in props.values():
                if isinstance(value, list | dict):
                    yield from components(value)


def layout_ids(tree) -> list:
    """The ids of the components in a layout's JSON, in order, with the app's own
    layout (``url`` and ``frame``)."""
    return ["url", "frame", *(props["id"] for props in components(tree) if "id" in props)]


def _wildcard(value: object) -> bool:
    return isinstance(value, list) and len(value) == 1 and value[0] in ("ALL", "MATCH")


def matching(pattern: str | dict, ids: list) -> list:
    """The ids among ``ids`` that a dependency's (maybe wildcard) id names."""
    if not isinstance(pattern, dict):
        return [pattern] if pattern in ids else []
    return [
        id_
        for id_ in ids
        if isinstance(id_, dict)
        and id_.keys() == pattern.keys()
        and all(_wildcard(v) or id_[k] == v for k, v in pattern.items())
    ]


def _parse_id(component_id: str) -> str | dict:
    return json.loads(component_id) if component_id.startswith("{") else component_id


def callback_body(
    dependency: dict, values: dict[tuple[str, str], object], ids: list
) -> dict | None:
    """The request the browser sends for ``dependency`` when its inputs change:
    plain ids take ``values[(id, property)]``; a wildcard (``ALL``) id is the list
    of the components of ``ids`` (a layout's, ``layout_ids``) that it names, each
    with the value None.  None when an output is not in ``ids`` (the browser
    would not run the callback)."""

    def entries(items: list[dict]) -> list:
        result = []
        for item in items:
            pattern = _parse_id(item["id"])
            if isinstance(pattern, dict) and any(_wildcard(v) for v in pattern.values()):
                result.append(
                    [
                        {"id": id_, "property": item["property"], "value": None}
                        for id_ in matching(pattern, ids)
                    ]
                )
            else:
                value = values.get((item["id"], item["property"]))
                result.append({"id": pattern, "property": item["property"], "value": value})
        return result

    outputs: list = []
    for output in callback_outputs(dependency["output"]):
        found = matching(output["id"], ids)
        wildcard = isinstance(output["id"], dict) and any(map(_wildcard, output["id"].values()))
        if not found and not wildcard:
            return None
        if wildcard:
            outputs.append([{"id": id_, "property": output["property"]} for id_ in found])
        else:
            outputs.append(output)
    return {
        "output": dependency["output"],
        "outputs": outputs if dependency["output"].startswith("..") else outputs[0],
        "inputs": entries(dependency["inputs"]),
        "state": entries(dependency.get("state", [])),
        "changedPropIds": [f"{item['id']}.{item['property']}" for item in dependency["inputs"]],
    }


def callback_posts_with_urls(events: list[dict]) -> list[dict]:
    """The ``/_dash-update-component`` requests among ``events``: path (with Dash's
    query), JSON body and the HTTP status of the answer (None if none came), in
    the order the browser sent them."""
    from urllib.parse import urlparse

    posts = []
    by_request: dict[str, dict] = {}
    for event in events:
        params = event["params"]
        if event["method"] == "Network.responseReceived" and params["requestId"] in by_request:
            by_request[params["requestId"]]["status"] = params["response"]["status"]
        if event["method"] != "Network.requestWillBeSent":
            continue
        request = params["request"]
        url = urlparse(request["url"])
        if request["method"] == "POST" and url.path.endswith("/_dash-update-component"):
            path = url.path + (f"?{url.query}" if url.query else "")
            post = {"path": path, "body": json.loads(request["postData"]), "status": None}
            by_request[params["requestId"]] = post
            posts.append(post)
    return posts


def transfers(events: list[dict]) -> list[dict]:
    """Per finished request: URL, method, bytes on the wire and decoded body bytes."""
    requests: dict[str, dict] = {}
    for event in events:
        params = event["params"]
        rid = params.get("requestId")
        if event["method"] == "Network.requestWillBeSent":
            requests[rid] = {
                "url": params["request"]["url"],
                "method": params["request"]["method"],
                "wire_bytes": 0,
                "body_bytes": 0,
                "encoding": "",
                "finished": False,
                "cached": False,
            }
        elif rid not in requests:
            continue
        elif event["method"] == "Network.responseReceived":
            headers = {k.lower(): v for k, v in params["response"].get("headers", {}).items()}
            requests[rid]["encoding"] = headers.get("content-encoding", "")
            requests[rid]["cached"] = bool(params["response"].get("fromDiskCache"))
        elif event["method"] == "Network.dataReceived":
            requests[rid]["body_bytes"] += params["dataLength"]
        elif event["method"] == "Network.loadingFinished":
            requests[rid]["wire_bytes"] = params["encodedDataLength"]
            requests[rid]["finished"] = True
        elif event["method"] == "Network.requestServedFromCache":
            requests[rid]["cached"] = True
    return [r for r in requests.values() if r["finished"]]


# Installed in every document before its own scripts: wraps Plotly.newPlot/react so
# each graph div counts its finished draws (the promise resolves after the whole
# drawing, including async steps such as the map's topojson), and checks a
# "ready" condition on every DOM mutation and animation frame.  performance.now()
# counts from the navigation start, so ``__bench.t1`` is the page-load time.
HARNESS = r"""
(() => {
  const B = window.__bench = {t0: null, t1: null, spec: %SPEC%, before: null, year: null};
  function wrap(P) {
    for (const name of ["newPlot", "react"]) {
      const original = P[name];
      if (!original || original.__benchWrapped) continue;
      const wrapped = function (gd, ...rest) {
        const el = typeof gd === "string" ? document.getElementById(gd) : gd;
        el.__pending = (el.__pending || 0) + 1;
        const done = () => { el.__pending -= 1; el.__draws = (el.__draws || 0) + 1; check(); };
        const result = original.call(this, gd, ...rest);
        Promise.resolve(result).then(done, done);
        return result;
      };
      wrapped.__benchWrapped = true;
      P[name] = wrapped;
    }
  }
  let plotly;
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get() { return plotly; },
    set(value) { plotly = value; if (value) wrap(value); },
  });
  function titled(gd) {
    const t = gd.layout && gd.layout.title;
    return Boolean(t && (typeof t === "string" ? t : t.text));
  }
  function ready() {
    const spec = B.spec;
    if (!spec) return false;
    const plots = document.querySelectorAll(".js-plotly-plot");
    if (plots.length < spec.graphs) return false;
    if (document.querySelector(".dash-graph--pending")) return false;
    for (const gd of plots) {
      if (!gd._fullLayout || gd.__pending || !gd.__draws) return false;
      if (spec.titled && !titled(gd)) return false;
      if (B.before && gd.__draws <= (B.before.get(gd) || 0)) return false;
    }
    for (const [selector, text] of spec.texts) {
      const el = document.querySelector(selector);
      if (!el) return false;
      const content = el.textContent.trim();
      if (!content) return false;
      if (text && !content.includes(text)) return false;
      if (B.year && spec.yearTexts && !content.includes(String(B.year))) return false;
    }
    return true;
  }
  function check() {
    if (B.t1 === null && B.armed !== false && ready()) B.t1 = performance.now();
  }
  B.check = check;
  // Arm a year switch: the next ready state must come from new draws.
  B.arm = (year) => {
    B.before = new Map();
    for (const gd of document.querySelectorAll(".js-plotly-plot")) {
      B.before.set(gd, gd.__draws || 0);
    }
    B.year = year; B.t0 = null; B.t1 = null; B.armed = true;
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
    attributes: true, characterData: true});
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  document.addEventListener("change", (event) => {
    if (event.target && event.target.id === "year-select") B.t0 = performance.now();
  }, true);
})();
"""


def install_harness(driver, spec: dict | None) -> None:
    """Install HARNESS with ``spec`` for the documents the driver opens next."""
    previous = getattr(driver, "_bench_script", None)
    if previous is not None:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": previous})
    source = HARNESS.replace("%SPEC%", json.dumps(spec))
    result = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    driver._bench_script = result["identifier"]


WAIT_READY = """
const done = arguments[arguments.length - 1];
const limit = performance.now() + arguments[0];
(function poll() {
  const B = window.__bench;
  if (B && B.t1 !== null) return done({t0: B.t0, t1: B.t1});
  if (performance.now() > limit) return done(null);
  setTimeout(poll, 5);
})();
"""


def wait_ready(driver, timeout_ms: int = 30000) -> dict:
    result = driver.execute_async_script(WAIT_READY, timeout_ms)
    if result is None:
        raise TimeoutError("the page did not reach its ready state")
    return result


WAIT_IDLE = """
const done = arguments[arguments.length - 1];
const limit = performance.now() + arguments[0];
const quiet = arguments[1];
let quietSince = null;
(function poll() {
  const store = window.store;
  const state = store && store.getState();
  // Not ``isLoading``: it starts true and stays so until a callback runs, and a
  // page loaded with its first frame may run none.
  const busy = !state || Object.values(state.callbacks || {}).some(
    (value) => Array.isArray(value) && value.length > 0);
  const now = performance.now();
  if (busy) quietSince = null;
  else if (quietSince === null) quietSince = now;
  if (quietSince !== null && now - quietSince >= quiet) return done(true);
  if (now > limit) return done(false);
  setTimeout(poll, 5);
})();
"""


def wait_idle(driver, quiet_ms: int = 100, timeout_ms: int = 30000) -> None:
    """Wait until Dash's renderer has had no callback requested or running for
    ``quiet_ms``: the callbacks that follow the charts (the navbar's, those a
    first load starts after the frame is drawn) have finished.  Untimed: call
    it between measurements, never inside one."""
    if not driver.execute_async_script(WAIT_IDLE, timeout_ms, quiet_ms):
        raise TimeoutError("Dash's callbacks did not finish")


def clear_cache(driver) -> None:
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})


def plotly_js_path() -> Path:
    """The plotly.js the app's pages run: the vendored partial bundle in ``assets/js``
    (``scripts/vendor-assets.sh``), else the plotly.min.js that the plotly package ships."""
    import plotly

    vendored = sorted((REPO / "assets" / "js").glob("00_plotly-*.min.js"))
    return (
        vendored[0] if vendored else Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    )
