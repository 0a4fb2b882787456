"""Read-only data API: the same numbers as the dashboard, as JSON or CSV.

    GET /api/v1/operations
    GET /api/v1/operations/<id>
    GET /api/v1/operations/<id>/<table>?year=YYYY&format=json|csv
    GET /api/v1/operations/<id>/all?format=xlsx|zip

Every error is a 4xx answer with a JSON body ``{"error": "..."}``.
"""

from __future__ import annotations

import json

import flask

from dashboard import runtime
from dashboard.data import Operation
from dashboard.exports.files import export_frame, to_csv_bytes, to_xlsx_bytes, to_zip_bytes
from dashboard.transforms.tables import table_for_year, table_names

blueprint = flask.Blueprint("api", __name__, url_prefix="/api/v1")
TABLE_FORMATS = ("json", "csv")
BUNDLE_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@blueprint.errorhandler(ApiError)
def _api_error(error: ApiError) -> flask.Response:
    response = flask.jsonify({"error": error.message})
    response.status_code = error.status
    return response


def _describe(operation: Operation) -> dict:
    meta = operation.meta
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
        raise ApiError(404, f"unknown operation '{operation_id[:80]}'; see /api/v1/operations")
    return catalogue.operations[operation_id]


def _year(operation: Operation) -> int | None:
    raw = flask.request.args.get("year")
    if raw is None or raw == "":
        return None
    years = operation.meta.years
    if not (raw.isascii() and raw.isdigit() and int(raw) in years):
        raise ApiError(400, f"year must be one of {min(years)}-{max(years)}, not '{raw[:20]}'")
    return int(raw)


def _format(allowed: tuple[str, ...] | dict, default: str) -> str:
    chosen = flask.request.args.get("format", default)
    if chosen not in allowed:
        raise ApiError(400, f"format must be one of {', '.join(allowed)}, not '{chosen[:20]}'")
    return chosen


def _download(payload: bytes, mimetype: str, filename: str) -> flask.Response:
    response = flask.Response(payload, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@blueprint.get("/operations")
def operations() -> flask.Response:
    catalogue = runtime.catalogue()
    return flask.jsonify({"operations": [_describe(op) for op in catalogue.operations.values()]})


@blueprint.get("/operations/<operation_id>")
def operation(operation_id: str) -> flask.Response:
    return flask.jsonify(_describe(_operation(operation_id)))


@blueprint.get("/operations/<operation_id>/all")
def bundle(operation_id: str) -> flask.Response:
    op = _operation(operation_id)
    chosen = _format(BUNDLE_FORMATS, "xlsx")
    tables = {name: op.table(name) for name in table_names()}
    writer = to_xlsx_bytes if chosen == "xlsx" else to_zip_bytes
    return _download(
        writer(tables, op.meta.source), BUNDLE_FORMATS[chosen], f"{op.meta.id}_all-tables.{chosen}"
    )


@blueprint.get("/operations/<operation_id>/<table>")
def table(operation_id: str, table: str) -> flask.Response:
    op = _operation(operation_id)
    if table not in table_names():
        raise ApiError(404, f"unknown table '{table[:80]}'; tables: {', '.join(table_names())}")
    year = _year(op)
    chosen = _format(TABLE_FORMATS, "json")
    frame = table_for_year(op, table, year)
    suffix = f"_{year}" if year is not None else ""
    if chosen == "csv":
        return _download(to_csv_bytes(frame), "text/csv", f"{op.meta.id}_{table}{suffix}.csv")
    rows = json.loads(export_frame(frame).to_json(orient="records", double_precision=15))
    return flask.jsonify(
        {
            "operation": op.meta.id,
            "table": table,
            "year": year,
            "source": op.meta.source,
            "columns": list(frame.columns),
            "rows": rows,
        }
    )


@blueprint.route("/<path:rest>", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
def not_found(rest: str) -> flask.Response:
    raise ApiError(404, f"no API endpoint at /api/v1/{rest[:80]}")
