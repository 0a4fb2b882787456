"""Production hardening: headers, compression, caching, /healthz, bad requests answered 4xx.

These tests use Flask's test client; tests/test_production_server.py runs the
same checks against gunicorn.  Years and the report year come from the seed
page (shared/seeds/000_5ad34c431927eea1.txt): the year list on lines 40-46
(2015-2021) and the report year at the start of line 37 (2020).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import re

import brotli
import flask_compress
import pytest
from callback_requests import UPDATE, body
from dash import Input, Output
from layout_json import props_by_id

from dashboard import runtime
from dashboard.app import create_app
from dashboard.serving import compression

OPERATION_ID = "kazakhstan-mco"
NOTICE_ABC = "“abc” is not a year this operation reports on (2015–2021); showing 2020."


@pytest.fixture(scope="module")
def app():
    return create_app()


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def csp(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in directives}


def assert_secure_headers(response) -> None:
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["script-src"][1:])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def page_resources(client) -> list[str]:
    page = client.get("/").get_data(as_text=True)
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="(/[^"]+)"', page)


# ---- headers ---------------------------------------------------------------------------


def test_security_headers_on_every_kind_of_response(client):
    script = next(url for url in page_resources(client) if "dash_renderer" in url)
    responses = [
        client.get("/"),
        client.get("/budget?year=2019"),
        client.get("/healthz"),
        client.get("/api/v1/operations"),
        client.get("/api/v1/operations/nope"),
        client.get(script),
        client.get("/assets/topojson/asia_50m.json"),
        client.post(UPDATE, data="{not json", content_type="application/json"),
        client.post("/", data="x"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 404, 200, 200, 400, 405]
    for response in responses:
        assert_secure_headers(response)


def test_every_inline_script_of_the_page_is_allowed_by_its_hash(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    # Inline scripts that execute: not JSON data, not inside an IE-only comment.
    page = re.sub(r"<!--\[if IE\]>.*?<!\[endif\]-->", "", page, flags=re.S)
    inline = [
        match.group(2)
        for match in re.finditer(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
        if "src=" not in match.group(1) and "application/json" not in match.group(1)
    ]
    # The renderer start-up and the two clientside callbacks of the shell (app.py).
    assert len(inline) >= 3
    allowed = csp(response)["script-src"]
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, script[:80]


def test_strict_transport_security_only_on_requests_that_came_over_https(client):
    plain = client.get("/healthz")
    proxied = client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    direct = client.get("/healthz", base_url="https://localhost")
    assert "Strict-Transport-Security" not in plain.headers
    for response in (proxied, direct):
        max_age, *rest = response.headers["Strict-Transport-Security"].split("; ")
        assert int(max_age.removeprefix("max-age=")) >= 365 * 24 * 3600
        assert rest == ["includeSubDomains"]
    assert client.get("/").headers["Permissions-Policy"] == "browsing-topics=()"


def test_framing_can_be_allowed_for_named_origins(monkeypatch):
    monkeypatch.setenv("DASHBOARD_FRAME_ANCESTORS", "https://intranet.example.org")
    response = create_app().server.test_client().get("/")
    assert csp(response)["frame-ancestors"] == ["https://intranet.example.org"]
    assert "X-Frame-Options" not in response.headers


# ---- compression and caching -----------------------------------------------------------


def test_pages_callbacks_and_api_are_compressed(client, app):
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    assert '<html lang="en">' in gzip.decompress(page.data).decode()
    french = client.get("/budget?lang=fr", headers={"Accept-Encoding": "gzip"})
    assert french.status_code == 200
    assert '<html lang="fr">' in gzip.decompress(french.data).decode()

    api = client.get("/api/v1/operations/kazakhstan-mco/budget", headers={"Accept-Encoding": "br"})
    assert api.headers["Content-Encoding"] == "br"
    # The table's public columns (README, data layer).
    columns = json.loads(brotli.decompress(api.data))["columns"]
    assert columns == ["year", "pillar", "budget_usd", "expenditure_usd", "source"]

    callback = client.post(
        UPDATE, json=frame_request(app, "/", "?year=2019"), headers={"Accept-Encoding": "gzip"}
    )
    assert callback.headers["Content-Encoding"] == "gzip"
    frame = json.loads(gzip.decompress(callback.data))["response"]["frame"]
    assert props_by_id(frame["children"])["year-select"]["value"] == "2019"


def test_a_repeated_callback_answer_is_compressed_once(monkeypatch):
    app = create_app()  # its own cache of compressed answers
    client = app.server.test_client()
    compressed = []
    original = flask_compress.flask_compress._compress_data

    def counting(app_, data, algorithm):
        compressed.append(data)
        return original(app_, data, algorithm)

    monkeypatch.setattr(flask_compress.flask_compress, "_compress_data", counting)
    years = ["2019", "2019", "2018", "2019"]
    headings = []
    for year in years:
        response = client.post(UPDATE, json=with_year(app, year), headers={"Accept-Encoding": "br"})
        assert response.headers["Content-Encoding"] == "br"
        answer = json.loads(brotli.decompress(response.data))
        headings.append(answer["response"]["budget-year-heading"]["children"])
    assert all(heading.endswith(year) for heading, year in zip(headings, years, strict=True))
    assert len(compressed) == 2  # 2019's answer once, 2018's once


def test_the_compressed_answers_kept_are_bounded():
    cache = compression.CompressedBytesCache()
    for number in range(compression.CALLBACK_CACHE_SIZE + 1):
        cache.set(f"br;answer:{number}", b"x")
    cache.set("br;static:/assets/a.css", b"css")
    cache.set("br;" + compression.DYNAMIC_KEY, b"page")
    assert cache.get("br;answer:0") is None
    assert cache.get(f"br;answer:{compression.CALLBACK_CACHE_SIZE}") == b"x"
    assert cache.get("br;static:/assets/a.css") == b"css"
    assert cache.get("br;" + compression.DYNAMIC_KEY) is None


def test_static_files_are_compressed_once_and_cached_by_browsers(client):
    resources = page_resources(client)
    script = next(url for url in resources if "dash_renderer" in url)
    first = client.get(script, headers={"Accept-Encoding": "gzip"})
    second = client.get(script, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    assert first.data == second.data
    assert b"DashRenderer" in gzip.decompress(first.data)
    assert set(first.headers["Cache-Control"].split(", ")) == {
        "public",
        "max-age=31536000",
        "immutable",
    }

    css = next(url for url in resources if url.startswith("/assets/css/00_bootstrap"))
    assert "?m=" in css
    styles = client.get(css, headers={"Accept-Encoding": "br"})
    assert styles.headers["Content-Encoding"] == "br"
    assert b"Bootstrap" in brotli.decompress(styles.data)
    assert set(styles.headers["Cache-Control"].split(", ")) == {
        "public",
        "max-age=31536000",
        "immutable",
    }
    # Without the fingerprint, the browser revalidates.
    plain = client.get(css.split("?")[0])
    assert "immutable" not in plain.headers.get("Cache-Control", "")
    # The map's topojson (no fingerprint possible) is kept for a day.
    topojson = client.get("/assets/topojson/asia_50m.json", headers={"Accept-Encoding": "br"})
    assert topojson.headers["Content-Encoding"] == "br"
    assert set(topojson.headers["Cache-Control"].split(", ")) == {"public", "max-age=86400"}


def test_plotly_js_is_the_vendored_bundle_loaded_before_dash_bundles(client):
    """dcc.Graph uses ``window.Plotly`` when it is set and then never fetches its own
    full plotly.min.js; an /assets script runs before Dash's component bundles."""
    from plotly.offline import get_plotlyjs_version

    resources = page_resources(client)
    plotly = [url for url in resources if "plotly" in url.split("/")[-1]]
    assert len(plotly) == 1
    assert plotly[0].startswith(f"/assets/js/00_plotly-{get_plotlyjs_version()}-partial.min.js?m=")
    dcc_bundle = next(url for url in resources if "dash_core_components." in url)
    assert resources.index(plotly[0]) < resources.index(dcc_bundle)
    response = client.get(plotly[0], headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    source = brotli.decompress(response.data)
    assert source.startswith(f"/* plotly.js v{get_plotlyjs_version()} ".encode())
    assert b"var Plotly=" in source[:400]
    assert "immutable" in response.headers["Cache-Control"]


# ---- /healthz --------------------------------------------------------------------------


def test_healthz_reports_the_loaded_operations(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {
        "status": "ok",
        "operations": [OPERATION_ID],
        "version": response.headers["X-Data-Version"],
        "loaded_at": response.json["loaded_at"],
    }
    assert re.fullmatch(r"[0-9a-f]{16}", response.json["version"])
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_fails_when_no_data_is_loaded():
    server = create_app().server
    del server.extensions[runtime.EXTENSION]
    response = server.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["status"] == "error"


def test_healthz_fails_for_an_operation_without_budget_rows(data_copy, operation_dir):
    for name in ("budget.csv", "budget_source_totals.csv"):
        header = (operation_dir / name).read_text(encoding="utf-8").splitlines()[0]
        (operation_dir / name).write_text(header + "\n", encoding="utf-8")
    response = create_app(data_copy).server.test_client().get("/healthz")
    assert response.status_code == 503
    assert OPERATION_ID in response.json["error"]


# ---- bad URLs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page",
        "/?year=abc",
        "/?year=99999999999999999999",
        "/?lang=xx",
        "/?op=no-such-operation",
        "/budget?year=%ff%fe%00",
        "/?year=" + "9" * 20000,
        "/%ff%fe",
    ],
)
def test_bad_urls_get_the_dashboard_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="en">' in response.get_data(as_text=True)


def frame_request(app, path: str, search: str) -> dict:
    """A request for the frame of ``path`` + ``search``, none drawn yet (a first load)."""
    return body(app, "frame.children", path, search, state=(None,))


def drawn(client, app, path: str, search: str) -> dict:
    """The props, by id, of the frame the URL's callback draws for the address."""
    response = client.post(UPDATE, json=frame_request(app, path, search))
    assert response.status_code == 200
    return props_by_id(response.json["response"]["frame"]["children"])


def test_url_callback_names_the_document_after_page_year_and_operation(client, app):
    # Seed: the operation is the Kazakhstan Multi-Country Office; 2020 its report year.
    meta = drawn(client, app, "/budget", "?year=2019")["document-meta"]
    assert (meta["data-title"], meta["data-lang"]) == (
        "Budget · 2019 · Kazakhstan Multi-Country Office",
        "en",
    )
    meta = drawn(client, app, "/no-such-page", "?lang=fr")["document-meta"]
    assert (meta["data-title"], meta["data-lang"]) == (
        "Page introuvable · 2020 · Kazakhstan Multi-Country Office",
        "fr",
    )


def test_bad_query_values_get_a_notice_from_the_url_callback(client, app):
    def view(search: str) -> tuple[str, str]:
        props = drawn(client, app, "/", search)
        return props["year-select"]["value"], props["year-notice"]["children"]

    assert view("?year=abc") == ("2020", NOTICE_ABC)
    assert view("?year=99999999999999999999")[0] == "2020"
    assert view("?year=%ff%fe")[0] == "2020"
    assert view("?lang=xx&year=2019")[0] == "2019"
    assert view("?op=nope") == ("2020", "There is no operation “nope”; showing kazakhstan-mco.")
    # An oversized query is ignored as a whole: the default year, no notice.
    assert view("?year=" + "1" * 5000) == ("2020", "")


def test_unknown_page_gets_page_not_found(client, app):
    page = drawn(client, app, "/no-such-page", "")["page-content"]
    assert "Page not found" in json.dumps(page["children"])


# ---- bad callback requests -------------------------------------------------------------


def callback_request(app, **changes) -> dict:
    request = with_year(app, "2019")
    request.update(changes)
    return {key: value for key, value in request.items() if value is not None}


BAD_BODIES = {
    "malformed JSON": ("{not json", "application/json", 400, "the body is not valid JSON"),
    "not JSON": ("output=x", "application/x-www-form-urlencoded", 415, "application/json"),
    "a list": ("[1, 2]", "application/json", 400, "the body must be a JSON object"),
    "empty object": ("{}", "application/json", 400, "'output' must be a string"),
    "output of the wrong type": ('{"output": 5}', "application/json", 400, "'output'"),
}


@pytest.mark.parametrize("name", BAD_BODIES)
def test_malformed_callback_bodies_get_400_json(client, name):
    data, content_type, status, message = BAD_BODIES[name]
    response = client.post(UPDATE, data=data, content_type=content_type)
    assert response.status_code == status
    assert message in response.json["error"]
    assert "Traceback" not in response.get_data(as_text=True)


def bad_structures(app) -> dict[str, tuple[dict, str]]:
    good = callback_request(app)
    wrong_id = [dict(good["inputs"][0], id="no-such-component"), *good["inputs"][1:]]
    wrong_prop = [dict(good["inputs"][0], property="children"), *good["inputs"][1:]]
    return {
        "unknown output": (
            callback_request(app, output="no-such-component.children"),
            "no callback has the output 'no-such-component.children'",
        ),
        "missing inputs": (callback_request(app, inputs=None), "'inputs' must be a list"),
        "inputs not a list": (callback_request(app, inputs="x"), "'inputs' must be a list"),
        "one state entry too many": (
            callback_request(app, state=[*good["state"], good["state"][0]]),
            f"'state' must have {len(good['state'])} entries, not {len(good['state']) + 1}",
        ),
        "unknown input id": (
            callback_request(app, inputs=wrong_id),
            "inputs[0]: unknown component id 'no-such-component'",
        ),
        "wrong property": (
            callback_request(app, inputs=wrong_prop),
            f"inputs[0]: expected property '{good['inputs'][0]['property']}'",
        ),
        "outputs not objects": (callback_request(app, outputs=[1, 2]), "'outputs' must be"),
        "changedPropIds not strings": (
            callback_request(app, changedPropIds=[1]),
            "'changedPropIds' must be a list of strings",
        ),
    }


def with_year(app, year: str) -> dict:
    """A request for the budget page's update at ``?year=`` + ``year`` (no year
    picked in the menu, no views drawn yet)."""
    return body(app, "budget-year-heading.children", None, f"?year={year}", state=("/budget", None))


def test_wrong_structures_and_values_get_400_naming_the_problem(client, app):
    cases = dict(bad_structures(app))
    # Values the dashboard's own pages never send.
    for prop in ("search", "pathname"):
        request = with_year(app, "2019")
        entry = request["inputs"][1] if prop == "search" else request["state"][0]
        entry["value"] = 5
        cases[f"{prop} not a string"] = (request, f"'url.{prop}' must be a string")
    for name, (request, message) in cases.items():
        response = client.post(UPDATE, json=request)
        assert response.status_code == 400, name
        assert message in response.json["error"], name


def test_a_year_the_operation_does_not_cover_shows_the_report_year(client, app):
    # Seed lines 40-46: 2015-2021; the report year is 2020.
    for year in ("abc", "1800", "２０１９", " 2019", "2019.5", "1" * 5000):
        response = client.post(UPDATE, json=with_year(app, year))
        assert response.status_code == 200, year
        heading = response.json["response"]["budget-year-heading"]["children"]
        assert heading == "Budget and expenditure in 2020", year


def test_huge_body_is_refused_with_413(client):
    response = client.post(
        UPDATE,
        data=b'{"output": "' + b"x" * (2 * 1024 * 1024) + b'"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert "error" in response.json


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_callback_that_raises_answers_400_and_logs_the_traceback():
    app = create_app()
    log = Records()
    app.server.logger.addHandler(log)

    @app.callback(Output("boom", "children"), Input("boom-input", "value"))
    def boom(value):
        return value + 1  # a string value raises TypeError

    request = {
        "output": "boom.children",
        "outputs": {"id": "boom", "property": "children"},
        "inputs": [{"id": "boom-input", "property": "value", "value": "text"}],
        "changedPropIds": ["boom-input.value"],
    }
    response = app.server.test_client().post(UPDATE, json=request)
    assert response.status_code == 400
    assert response.json == {
        "error": "the callback cannot be computed from the values sent",
        "request_id": response.headers["X-Request-ID"],
    }
    assert "Traceback" not in response.get_data(as_text=True)
    assert [record.exc_info[0] for record in log.records] == [TypeError]


def test_an_unexpected_error_elsewhere_is_a_500_without_traceback():
    app = create_app()
    log = Records()
    app.server.logger.addHandler(log)

    @app.server.get("/explode")
    def explode():
        raise RuntimeError("secret detail")

    page = app.server.test_client().get("/explode", headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    assert page.status_code == 500
    assert "500 Internal server error" in text
    assert "secret detail" not in text and "Traceback" not in text
    assert_secure_headers(page)
    assert [record.exc_info[0] for record in log.records] == [RuntimeError]


def test_after_bad_requests_the_next_normal_request_is_served(client, app):
    for request, _message in bad_structures(app).values():
        assert client.post(UPDATE, json=request).status_code == 400
    client.post(UPDATE, data="{", content_type="application/json")
    client.post(UPDATE, data=b"[" * (3 * 1024 * 1024), content_type="application/json")
    response = client.post(UPDATE, json=callback_request(app))
    assert response.status_code == 200
    heading = response.json["response"]["budget-year-heading"]["children"]
    assert heading == "Budget and expenditure in 2019"
    assert client.get("/budget?year=2019").status_code == 200


@pytest.mark.parametrize(
    ("request_args", "expected"),
    [
        ({"path": "/?lang=fr"}, ("fr", "405 Méthode non autorisée", 'href="/?lang=fr"')),
        (
            {"path": "/", "headers": {"Accept-Language": "fr-CH, en;q=0.5"}},
            ("fr", "Retour au tableau de bord", 'href="/?lang=fr"'),
        ),
        ({"path": "/?lang=de"}, ("en", "405 Method not allowed", 'href="/"')),
    ],
)
def test_the_error_page_speaks_the_request_s_language(client, request_args, expected):
    lang, text, home = expected
    response = client.post(
        request_args["path"],
        data="x",
        headers={"Accept": "text/html", **request_args.get("headers", {})},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 405
    assert f'<html lang="{lang}">' in page
    assert text in page and home in page
    assert_secure_headers(response)
