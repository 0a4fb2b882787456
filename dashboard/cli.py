"""Command line: serve the dashboard, or import Global Focus pages.

python -m dashboard [--host H] [--port P] [--data-dir DIR] [--debug]
python -m dashboard import PAGE [PAGE ...] [--id OPERATION_ID] [--data-dir DIR] [--strict]
                           [--replace] [--force]
python -m dashboard remove-source OPERATION_ID FILE [--data-dir DIR]

A PAGE is a page's text file or a folder of them (its ``*.txt`` files).  Without
``--id`` (allowed with one page only) each page's id comes from its operation's name;
pages of one operation join its history (its sources; the newer page wins).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.paths import default_data_dir

if TYPE_CHECKING:
    from dashboard.importer.batch import PageOutcome


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the shipped data/)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode with reloading")
    commands = parser.add_subparsers(dest="command")
    importer = commands.add_parser("import", help="import Global Focus page text files")
    importer.add_argument(
        "pages",
        nargs="+",
        type=Path,
        metavar="PAGE",
        help="a page's text file, or a folder: every *.txt in it, by name",
    )
    importer.add_argument(
        "--id",
        dest="operation_id",
        help="operation id, e.g. kazakhstan-mco (one page only; default: from the page's "
        "operation name)",
    )
    importer.add_argument(
        "--data-dir", type=Path, dest="import_data_dir", help="data folder to write into"
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="refuse the whole page on any problem instead of leaving out the blocks that fail",
    )
    importer.add_argument(
        "--replace",
        action="store_true",
        help="replace the operation's source page of the same report year",
    )
    importer.add_argument(
        "--force",
        action="store_true",
        help="add a page whose operation name differs from the operation's",
    )
    remover = commands.add_parser(
        "remove-source", help="remove a source page from an operation and rebuild its tables"
    )
    remover.add_argument("operation_id", metavar="OPERATION_ID")
    remover.add_argument("file", metavar="FILE", help="the source's file name (see /sources)")
    remover.add_argument(
        "--data-dir", type=Path, dest="import_data_dir", help="data folder to change"
    )
    return parser


def _remove_source(args: argparse.Namespace) -> int:
    from dashboard.data import DataError
    from dashboard.importer import history_report, remove_source

    data_dir = args.import_data_dir or args.data_dir or default_data_dir()
    try:
        history = remove_source(args.operation_id, args.file, data_dir)
    except (DataError, ValueError, OSError) as error:
        print(f"error: {error}; nothing was changed", file=sys.stderr)
        return 1
    print(f"removed {args.file} from {args.operation_id}; rebuilt from the other sources")
    print(history_report(history))
    return 0


def _import(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dashboard.importer import PageError, history_report, import_report
    from dashboard.importer.batch import import_pages, pages_in, summary_table

    pages = pages_in(args.pages)
    if not pages:
        parser.error("no pages to import: the folders given hold no *.txt file")
    if args.operation_id is not None and len(pages) > 1:
        parser.error(f"--id names one operation, but {len(pages)} pages were given")
    data_dir = args.import_data_dir or args.data_dir or default_data_dir()
    outcomes = import_pages(
        pages,
        data_dir,
        operation_id=args.operation_id,
        strict=args.strict,
        replace=args.replace,
        force=args.force,
    )
    if len(pages) == 1:
        (outcome,) = outcomes
        if outcome.imported is None:
            where = f"{outcome.page}: " if isinstance(outcome.error, PageError) else ""
            print(f"error: {where}{outcome.error}; nothing was written", file=sys.stderr)
            return 1
        imported = outcome.imported
        if imported.already is not None:
            print(
                f"{outcome.page} is already {imported.folder}/sources/{imported.already}; "
                "nothing changed"
            )
            return 0
        print(f"imported {outcome.page} into {imported.folder}")
        print(import_report(imported.page))
        print(history_report(imported.history))
        return 0
    done = list(_with_progress(outcomes, len(pages)))
    print(summary_table(done))
    return 1 if any(outcome.imported is None for outcome in done) else 0


def _with_progress(outcomes: Iterator[PageOutcome], total: int) -> Iterator[PageOutcome]:
    """A bar on a terminal for more than 3 pages, else one plain line per page, on stderr."""
    if total > 3 and sys.stderr.isatty() and sys.stdout.isatty():
        from tqdm import tqdm

        with tqdm(total=total, unit="page", file=sys.stderr) as bar:
            for outcome in outcomes:
                bar.set_postfix_str(outcome.page.name, refresh=False)
                bar.update()
                yield outcome
        return
    for number, outcome in enumerate(outcomes, start=1):
        result = (
            f"{outcome.status} as {outcome.operation_id}"
            if outcome.imported is not None
            else f"refused: {outcome.error}"
        )
        print(f"[{number}/{total}] {outcome.page.name}: {result}", file=sys.stderr)
        yield outcome


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app import create_app
    from dashboard.data import DataError
    from dashboard.serving import live_data, request_log

    try:
        app = create_app(data_dir=args.data_dir)
    except (DataError, FileNotFoundError) as exc:
        print(f"error: cannot start: {exc}", file=sys.stderr)
        return 1
    live_data.watch(app.server)
    request_log.quiet_development_server()
    app.run(
        host=args.host,
        port=args.port,
        debug=args.debug,
        dev_tools_disable_version_check=True,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "import":
        return _import(args, parser)
    if args.command == "remove-source":
        return _remove_source(args)
    return _serve(args)
