"""``operation.json`` (written by the importer) and ``location.json`` (curated)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dashboard.data.errors import DataError
from dashboard.data.file_bytes import read_bytes
from dashboard.data.model import MapCentre, OperationMeta, SkippedBlock, SourcePage

META_FILE = "operation.json"
LOCATION_FILE = "location.json"
OPERATION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# A source page's file name in the operation's ``sources/`` folder: no path, not hidden,
# nothing that needs quoting in a download's file name.
SOURCE_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ ()-]{0,199}$")
SOURCES_DIR = "sources"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(read_bytes(path).decode("utf-8"))
    except FileNotFoundError:
        raise DataError(path, "file is missing") from None
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None


def _field(path: Path, data: dict, name: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, dict) or name not in data:
        raise DataError(path, "field is missing", column=name)
    value = data[name]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise DataError(path, f"{value!r} has the wrong type", column=name)
    return value


def _optional(path: Path, data: dict, name: str, kind: type, default: Any) -> Any:
    return _field(path, data, name, kind) if name in data else default


def _skipped(path: Path, entries: object) -> tuple[SkippedBlock, ...]:
    """The importer's record of a page's blocks it left out."""
    if not isinstance(entries, list):
        raise DataError(path, f"{entries!r} is not a list of skipped blocks", column="sources")
    skipped = []
    for entry in entries:
        valid = (
            isinstance(entry, dict)
            and isinstance(entry.get("block"), str)
            and isinstance(entry.get("reason"), str)
            and (entry.get("line") is None or type(entry.get("line")) is int)
        )
        if not valid:
            raise DataError(path, f"{entry!r} is not a skipped block", column="sources")
        skipped.append(SkippedBlock(entry["block"], entry.get("line"), entry["reason"]))
    return tuple(skipped)


def _source(path: Path, entry: object) -> SourcePage:
    valid = (
        isinstance(entry, dict)
        and isinstance(entry.get("file"), str)
        and SOURCE_FILE.match(entry["file"])
        and isinstance(entry.get("sha256"), str)
        and type(entry.get("report_year")) is int
        and isinstance(entry.get("rows", {}), dict)
        and all(type(count) is int for count in entry.get("rows", {}).values())
    )
    if not valid:
        raise DataError(
            path,
            f"{entry!r} is not a source (file, sha256, report_year, rows, skipped)",
            column="sources",
        )
    return SourcePage(
        entry["file"],
        entry["sha256"],
        entry["report_year"],
        dict(entry.get("rows", {})),
        _skipped(path, entry.get("skipped", [])),
    )


def _sources(path: Path, data: dict) -> tuple[SourcePage, ...]:
    """The pages the operation's tables come from: at least one, each file named once."""
    entries = _field(path, data, "sources", list)
    sources = tuple(_source(path, entry) for entry in entries)
    files = [source.file for source in sources]
    if not sources or len(set(files)) != len(files):
        raise DataError(path, "must list each source page once, and at least one", column="sources")
    return sources


def read_location(folder: Path) -> MapCentre | None:
    path = folder / LOCATION_FILE
    if not path.exists():
        return None
    data = _read_json(path)
    latitude = _field(path, data, "latitude", (int, float))
    longitude = _field(path, data, "longitude", (int, float))
    zoom = _field(path, data, "zoom_level", (int, float))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180 and zoom > 0):
        raise DataError(path, "latitude, longitude or zoom_level out of range")
    return MapCentre(float(latitude), float(longitude), float(zoom))


def read_meta(folder: Path) -> OperationMeta:
    path = folder / META_FILE
    data = _read_json(path)
    operation_id = _field(path, data, "id", str)
    if operation_id != folder.name:
        raise DataError(
            path, f"id '{operation_id}' differs from folder '{folder.name}'", column="id"
        )
    countries = _field(path, data, "countries", list)
    for country in countries:
        if not (isinstance(country, str) and len(country) == 3 and country.isupper()):
            raise DataError(path, f"{country!r} is not an ISO3 code", column="countries")
    years = _field(path, data, "years", list)
    if not years or not all(isinstance(y, int) and not isinstance(y, bool) for y in years):
        raise DataError(path, "must be a non-empty list of years", column="years")
    report_year = _field(path, data, "report_year", int)
    if report_year not in years:
        raise DataError(path, f"{report_year} is not among the years", column="report_year")
    return OperationMeta(
        id=operation_id,
        name=_field(path, data, "name", str),
        countries=tuple(countries),
        years=tuple(sorted(years)),
        report_year=report_year,
        source=_field(path, data, "source", str),
        map_disclaimer=_field(path, data, "map_disclaimer", str),
        map_centre=read_location(folder),
        description=_optional(path, data, "description", str, ""),
        sources=_sources(path, data),
    )
