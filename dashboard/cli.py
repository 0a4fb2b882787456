"""Command line: serve the dashboard, or import a Global Focus page.

python -m dashboard [--host H] [--port P] [--data-dir DIR] [--debug]
python -m dashboard import PAGE.txt --id OPERATION_ID [--data-dir DIR] [--strict]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.paths import default_data_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the shipped data/)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode with reloading")
    commands = parser.add_subparsers(dest="command")
    importer = commands.add_parser("import", help="import a Global Focus page text file")
    importer.add_argument("page", type=Path, help="the page's text file")
    importer.add_argument(
        "--id", required=True, dest="operation_id", help="operation id, e.g. kazakhstan-mco"
    )
    importer.add_argument(
        "--data-dir", type=Path, dest="import_data_dir", help="data folder to write into"
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="refuse the whole page on any problem instead of leaving out the blocks that fail",
    )
    return parser


def _import(args: argparse.Namespace) -> int:
    from dashboard.data import DataError
    from dashboard.importer import PageError, import_page, import_report

    data_dir = args.import_data_dir or args.data_dir or default_data_dir()
    try:
        imported = import_page(args.page, args.operation_id, data_dir, strict=args.strict)
    except PageError as exc:
        print(f"error: {args.page}: {exc}; nothing was written", file=sys.stderr)
        return 1
    except (DataError, ValueError) as exc:
        print(f"error: {exc}; nothing was written", file=sys.stderr)
        return 1
    print(f"imported {args.page} into {imported.folder}")
    print(import_report(imported.page))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app import create_app
    from dashboard.data import DataError

    try:
        app = create_app(data_dir=args.data_dir)
    except (DataError, FileNotFoundError) as exc:
        print(f"error: cannot start: {exc}", file=sys.stderr)
        return 1
    app.run(
        host=args.host,
        port=args.port,
        debug=args.debug,
        dev_tools_disable_version_check=True,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "import":
        return _import(args)
    return _serve(args)
