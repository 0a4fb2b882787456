"""Read-only data API: the same numbers as the dashboard, as JSON or CSV.

    GET /api/v1/operations
    GET /api/v1/operations/<id>
    GET /api/v1/operations/<id>/<table>?year=YYYY&format=json|csv
    GET /api/v1/operations/<id>/all?format=xlsx|zip
    GET /api/v1/catalogue?format=json|csv
    GET /api/v1/compare?ops=ID,ID[,...]&year=YYYY&format=json|csv

Every error is a 4xx answer with a JSON body ``{"error": "...", "request_id": "..."}``.

Errors and the bundle's notes speak the request's language: ``?lang=en|fr``, else
the best match of the Accept-Language header, else English.  An unknown ``?lang=``
is a 400 whose message is written in every language, since none was chosen.  JSON
keys, table contents and CSV files are the same in every language.
"""

from __future__ import annotations

import json
from collections.abc import Collection

import flask
import pandas as pd

from dashboard import runtime
from dashboard.data import Operation, OperationMeta
from dashboard.exports.files import export_frame, to_csv_bytes, to_xlsx_bytes, to_zip_bytes
from dashboard.i18n import LANGUAGE_PARAM, LANGUAGES, N_, translator
from dashboard.serving.language import accepted_language
from dashboard.serving.request_log import request_id
from dashboard.transforms.catalogue import operations_table
from dashboard.transforms.comparison import (
    MAX_COMPARED,
    MIN_COMPARED,
    comparison_by_year,
    comparison_of_year,
)
from dashboard.transforms.tables import table_for_year, table_names

blueprint = flask.Blueprint("api", __name__, url_prefix="/api/v1")
TABLE_FORMATS = ("json", "csv")
BUNDLE_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


class ApiError(Exception):
    """A 4xx answer: ``message`` is an English message whose ``{placeholders}`` are
    filled from ``values`` once it is translated into the request's language."""

    def __init__(self, status: int, message: str, **values: object) -> None:
        super().__init__(message.format(**values))
        self.status = status
        self.message = message
        self.values = values


@blueprint.before_request
def _choose_language() -> None:
    raw = flask.request.args.get(LANGUAGE_PARAM)
    if raw is None or raw == "":
        flask.g.api_language = accepted_language()
    elif raw in LANGUAGES:
        flask.g.api_language = raw
    else:
        raise ApiError(
            400,
            N_("lang must be one of {languages}, not '{value}'"),
            languages=", ".join(LANGUAGES),
            value=raw[:20],
        )


@blueprint.after_request
def _vary_on_language(response: flask.Response) -> flask.Response:
    response.vary.add("Accept-Language")
    return response


@blueprint.errorhandler(ApiError)
def _api_error(error: ApiError) -> flask.Response:
    # Before the language is known (an unknown ?lang=) the message is in every language.
    languages = [flask.g.api_language] if "api_language" in flask.g else list(LANGUAGES)
    translated = (translator(lang)(error.message).format(**error.values) for lang in languages)
    message = " / ".join(dict.fromkeys(translated))
    response = flask.jsonify({"error": message, "request_id": request_id()})
    response.status_code = error.status
    return response


def _describe(meta: OperationMeta) -> dict:
    return {
        "id": meta.id,
        "name": meta.name,
        "countries": list(meta.countries),
        "years": list(meta.years),
        "report_year": meta.report_year,
        "source": meta.source,
        "tables": table_names(),
    }


def _operation(operation_id: str) -> Operation:
    catalogue = runtime.catalogue()
    if operation_id not in catalogue.operations:
        raise ApiError(
            404,
            N_("unknown operation '{operation}'; see /api/v1/operations"),
            operation=operation_id[:80],
        )
    return catalogue.operations[operation_id]


def _year(years: Collection[int]) -> int | None:
    """The ``year`` asked for, which must be one of ``years``; None without one."""
    raw = flask.request.args.get("year")
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit() and int(raw) in years):
        raise ApiError(
            400,
            N_("year must be one of {first}-{last}, not '{value}'"),
            first=min(years),
            last=max(years),
            value=raw[:20],
        )
    return int(raw)


def _format(allowed: tuple[str, ...] | dict, default: str) -> str:
    chosen = flask.request.args.get("format", default)
    if chosen not in allowed:
        raise ApiError(
            400,
            N_("format must be one of {formats}, not '{value}'"),
            formats=", ".join(allowed),
            value=chosen[:20],
        )
    return chosen


def _compared() -> list[Operation]:
    """The operations ``?ops=`` names, in its order, each once."""
    raw = flask.request.args.get("ops", "")
    operation_ids = list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    if len(operation_ids) < MIN_COMPARED:
        raise ApiError(
            400,
            N_("ops must name at least {minimum} different operations, separated by commas"),
            minimum=MIN_COMPARED,
        )
    if len(operation_ids) > MAX_COMPARED:
        raise ApiError(
            400,
            N_("ops can name at most {maximum} operations, not {count}"),
            maximum=MAX_COMPARED,
            count=len(operation_ids),
        )
    return [_operation(operation_id) for operation_id in operation_ids]


def _records(frame: pd.DataFrame) -> list[dict]:
    """The rows as JSON objects, null for no figure."""
    return json.loads(export_frame(frame).to_json(orient="records", double_precision=15))


def _download(payload: bytes, mimetype: str, filename: str) -> flask.Response:
    response = flask.Response(payload, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.get("/operations")
def operations() -> flask.Response:
    loaded = runtime.catalogue().operations
    return flask.jsonify({"operations": [_describe(loaded.meta(op_id)) for op_id in loaded]})


@blueprint.get("/operations/<operation_id>")
def operation(operation_id: str) -> flask.Response:
    return flask.jsonify(_describe(_operation(operation_id).meta))


@blueprint.get("/operations/<operation_id>/all")
def bundle(operation_id: str) -> flask.Response:
    op = _operation(operation_id)
    chosen = _format(BUNDLE_FORMATS, "xlsx")
    tables = {name: op.table(name) for name in table_names()}
    writer = to_xlsx_bytes if chosen == "xlsx" else to_zip_bytes
    return _download(
        writer(tables, op.meta.source, lang=flask.g.api_language),
        BUNDLE_FORMATS[chosen],
        f"{op.meta.id}_all-tables.{chosen}",
    )


@blueprint.get("/operations/<operation_id>/sources/<file>")
def source_page(operation_id: str, file: str) -> flask.Response:
    """One of the pages the operation was built from, as stored (plain UTF-8 text)."""
    op = _operation(operation_id)
    raw = runtime.catalogue().source_page(op.meta.id, file)
    if raw is None:
        raise ApiError(
            404,
            N_("no source page '{file}' of {operation}; sources: {files}"),
            file=file[:80],
            operation=op.meta.id,
            files=", ".join(page.file for page in op.meta.sources),
        )
    return _download(raw, "text/plain; charset=utf-8", file)


@blueprint.get("/operations/<operation_id>/<table>")
def table(operation_id: str, table: str) -> flask.Response:
    op = _operation(operation_id)
    if table not in table_names():
        raise ApiError(
            404,
            N_("unknown table '{table}'; tables: {tables}"),
            table=table[:80],
            tables=", ".join(table_names()),
        )
    year = _year(op.meta.years)
    chosen = _format(TABLE_FORMATS, "json")
    frame = table_for_year(op, table, year)
    suffix = f"_{year}" if year is not None else ""
    if chosen == "csv":
        return _download(to_csv_bytes(frame), "text/csv", f"{op.meta.id}_{table}{suffix}.csv")
    return flask.jsonify(
        {
            "operation": op.meta.id,
            "table": table,
            "year": year,
            "source": op.meta.source,
            "columns": list(frame.columns),
            "rows": _records(frame),
        }
    )


@blueprint.get("/catalogue")
def operations_catalogue() -> flask.Response:
    """Every operation with its latest budget and people of concern (``operations_table``)."""
    chosen = _format(TABLE_FORMATS, "json")
    frame = operations_table(runtime.catalogue().operations)
    if chosen == "csv":
        return _download(to_csv_bytes(frame), "text/csv", "all_operations.csv")
    return flask.jsonify({"columns": list(frame.columns), "rows": _records(frame)})


@blueprint.get("/compare")
def compare() -> flask.Response:
    """The compared operations' figures of one year, or of every year without ``year``."""
    compared = _compared()
    year = _year({covered for op in compared for covered in op.meta.years})
    chosen = _format(TABLE_FORMATS, "json")
    frame = comparison_by_year(compared) if year is None else comparison_of_year(compared, year)
    operation_ids = [op.meta.id for op in compared]
    if chosen == "csv":
        name = f"compare_{'_'.join(operation_ids)}_{year if year is not None else 'by-year'}.csv"
        return _download(to_csv_bytes(frame), "text/csv", name)
    return flask.jsonify(
        {
            "operations": operation_ids,
            "year": year,
            "columns": list(frame.columns),
            "rows": _records(frame),
        }
    )


@blueprint.route("/<path:rest>", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def not_found(rest: str) -> flask.Response:
    raise ApiError(404, N_("no API endpoint at /api/v1/{path}"), path=rest[:80])
